-- Moves cards of a deck between the new / young / mature counts.
INSERT INTO deck_cards (deck_id, new, young, mature)
VALUES (:deck_id, :new, :young, :mature)
ON CONFLICT (deck_id) DO UPDATE SET
    new = new + excluded.new,
    young = young + excluded.young,
    mature = mature + excluded.mature

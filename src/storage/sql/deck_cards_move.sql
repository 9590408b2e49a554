-- Moves cards of a deck between the new / young / mature / suspended counts.
INSERT INTO deck_cards (deck_id, new, young, mature, suspended)
VALUES (:deck_id, :new, :young, :mature, :suspended)
ON CONFLICT (deck_id) DO UPDATE SET
    new = new + excluded.new,
    young = young + excluded.young,
    mature = mature + excluded.mature,
    suspended = suspended + excluded.suspended

-- The state the card's last imported Anki answer stores: the seed replay
-- ends on (docs/imports.md), set to what the package gives now.
UPDATE reviews
SET repetition = :repetition, ease = :ease, interval_days = :interval_days, due_day = :due_day
WHERE id = (SELECT max(id) FROM reviews
            WHERE deck_id = :deck_id AND card_key = :card_key
              AND kind = 'review' AND origin LIKE 'anki:%')

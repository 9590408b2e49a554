-- One answer, with the state it left. An answer from elsewhere (an
-- `origin`) that the log holds already is not added again.
INSERT INTO reviews (deck_id, card_key, answered_at_ms, quality, grade, kind, was_new,
                     repetition, ease, interval_days, due_day, due_capped, origin)
VALUES (:deck_id, :card_key, :answered_at_ms, :quality, :grade, :kind, :was_new,
        :repetition, :ease, :interval_days, :due_day, :due_capped, :origin)
ON CONFLICT (origin) WHERE origin IS NOT NULL DO NOTHING

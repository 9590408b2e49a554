-- An answer of a restored backup, with the id (and origin) it had.
INSERT INTO reviews (id, deck_id, card_key, answered_at_ms, quality, grade, kind, was_new,
                     repetition, ease, interval_days, due_day, due_capped, origin)
VALUES (:id, :deck_id, :card_key, :answered_at_ms, :quality, :grade, :kind, :was_new,
        :repetition, :ease, :interval_days, :due_day, :due_capped, :origin)

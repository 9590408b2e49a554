-- One answer, with the state it left.
INSERT INTO reviews (deck_id, card_key, answered_at_ms, quality, grade, kind, was_new,
                     repetition, ease, interval_days, due_day, due_capped)
VALUES (:deck_id, :card_key, :answered_at_ms, :quality, :grade, :kind, :was_new,
        :repetition, :ease, :interval_days, :due_day, :due_capped)

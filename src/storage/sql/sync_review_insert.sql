-- An answer from another device; one the log holds already (the same
-- device and number, or the same Anki origin) is not added again.
INSERT INTO reviews (deck_id, card_key, answered_at_ms, quality, grade, kind, was_new,
                     repetition, ease, interval_days, due_day, due_capped, origin,
                     device, seq, sort_ms, day, fuzz, interview_day)
VALUES (:deck_id, :card_key, :answered_at_ms, :quality, :grade, :kind, :was_new,
        :repetition, :ease, :interval_days, :due_day, :due_capped, :origin,
        :device, :seq, :sort_ms, :day, :fuzz, :interview_day)
ON CONFLICT DO NOTHING

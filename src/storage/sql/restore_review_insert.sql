-- An answer of a restored backup, with the id, origin and sync identity
-- it had (schema v8, docs/sync.md).
INSERT INTO reviews (id, deck_id, card_key, answered_at_ms, quality, grade, kind, was_new,
                     repetition, ease, interval_days, due_day, due_capped, origin,
                     device, seq, sort_ms, day, fuzz, interview_day)
VALUES (:id, :deck_id, :card_key, :answered_at_ms, :quality, :grade, :kind, :was_new,
        :repetition, :ease, :interval_days, :due_day, :due_capped, :origin,
        :device, :seq, :sort_ms, :day, :fuzz, :interview_day)

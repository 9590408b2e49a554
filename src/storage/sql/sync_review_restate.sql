-- An answer's outcome recomputed after answers from another device were
-- merged into its card's log.
UPDATE reviews
SET was_new = :was_new, repetition = :repetition, ease = :ease, interval_days = :interval_days,
    due_day = :due_day, due_capped = :due_capped
WHERE id = :id

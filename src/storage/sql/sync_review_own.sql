-- Marks an answer recorded here as this device's event `seq`; its sort key
-- is its time, but never lower than the key of an answer already in the
-- log, so it sorts after all the history this device has seen
-- (docs/sync.md, "Time"). The context is what the scheduler used, for a
-- device that merges it with other answers.
UPDATE reviews
SET device = :device, seq = :seq,
    sort_ms = max(answered_at_ms,
                  coalesce((SELECT max(r.sort_ms) + 1 FROM reviews r WHERE r.id <> reviews.id),
                           answered_at_ms)),
    day = :day, fuzz = :fuzz, interview_day = :interview_day
WHERE id = :id

-- Cards per deck by class, as `deck_cards` must hold them: suspended
-- cards apart, the others by state. :mature_days is the domain's mature
-- interval, bound by the caller.
SELECT deck_id,
       sum(suspended = 0 AND due_day IS NULL) AS new,
       sum(suspended = 0 AND due_day IS NOT NULL AND interval_days < :mature_days) AS young,
       sum(suspended = 0 AND due_day IS NOT NULL AND interval_days >= :mature_days) AS mature,
       sum(suspended <> 0) AS suspended
FROM cards
GROUP BY deck_id
ORDER BY deck_id

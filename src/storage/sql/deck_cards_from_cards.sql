-- Cards per deck by state, as `deck_cards` must hold them. :mature_days is
-- the domain's mature interval, bound by the caller.
SELECT deck_id,
       sum(due_day IS NULL) AS new,
       sum(due_day IS NOT NULL AND interval_days < :mature_days) AS young,
       sum(due_day IS NOT NULL AND interval_days >= :mature_days) AS mature
FROM cards
GROUP BY deck_id
ORDER BY deck_id

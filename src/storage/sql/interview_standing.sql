-- Where deck ?1's cards stand on day ?2 before an interview on day ?3.
-- Ready: the latest scheduled answer passed (SM-2 keeps n >= 1 exactly
-- then) and the card is not overdue. Suspended cards are not prepared for.
SELECT count(*) AS cards,
       coalesce(sum(repetition >= 1 AND due_day >= ?2), 0) AS ready,
       coalesce(sum(due_day < ?3), 0) AS due_before,
       coalesce(sum(due_day IS NULL), 0) AS new
FROM cards
WHERE deck_id = ?1 AND suspended = 0

-- Learned cards of deck ?1 falling due on each day from ?2 to ?3: a range
-- of the (deck_id, due_day) index. Suspended cards never fall due.
SELECT due_day, count(*) FROM cards
WHERE deck_id = ?1 AND due_day BETWEEN ?2 AND ?3 AND suspended = 0
GROUP BY due_day

-- Learned cards of deck ?1 due by day ?2, counted up to the day's limit ?3
-- (suspended cards are never due).
SELECT count(*) FROM (SELECT 1 FROM cards WHERE deck_id = ?1 AND due_day <= ?2 AND suspended = 0 LIMIT ?3)

-- New cards of deck ?1 a session may show (not suspended).
SELECT count(*) FROM cards WHERE deck_id = ?1 AND due_day IS NULL AND suspended = 0

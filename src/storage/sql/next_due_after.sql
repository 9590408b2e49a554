-- The first due day after day ?2, in deck ?1 or any.
SELECT min(due_day) FROM cards WHERE due_day > ?2 AND suspended = 0 AND (?1 IS NULL OR deck_id = ?1)

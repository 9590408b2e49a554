SELECT count(*) FROM cards WHERE deck_id = ?1 AND due_day IS NULL

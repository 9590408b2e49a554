SELECT id FROM cards WHERE deck_id = ?1 AND key = ?2

-- The row id of card ?2 of deck ?1, if it still exists.
SELECT id FROM cards WHERE deck_id = ?1 AND key = ?2

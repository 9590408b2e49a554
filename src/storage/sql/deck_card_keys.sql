-- Every card id of deck ?1.
SELECT key FROM cards WHERE deck_id = ?1

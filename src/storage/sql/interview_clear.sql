DELETE FROM interviews WHERE deck_id = ?1

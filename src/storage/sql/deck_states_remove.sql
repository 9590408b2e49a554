DELETE FROM deck_cards WHERE deck_id = ?1

SELECT note, source FROM cloze_notes WHERE deck_id = ?1

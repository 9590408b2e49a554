DELETE FROM reviews WHERE id = ?1

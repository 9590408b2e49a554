UPDATE cards SET front = ?2, back = ?3 WHERE id = ?1

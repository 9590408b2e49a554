DELETE FROM config WHERE key = ?1

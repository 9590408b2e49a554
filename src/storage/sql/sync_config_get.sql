SELECT value FROM config WHERE key = ?1

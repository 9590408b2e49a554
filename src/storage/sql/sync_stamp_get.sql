SELECT at_ms, device, value FROM sync_stamps WHERE kind = ?1 AND deck = ?2 AND key = ?3

-- This device's changes numbered after ?2 (?1: the device).
SELECT kind, deck, key, at_ms, seq FROM sync_stamps
WHERE device = ?1 AND seq > ?2
ORDER BY seq

-- A change made here: stamped now, and never earlier than the stamp it
-- replaces, so it wins over every change this collection has seen
-- (docs/sync.md, "Time").
INSERT INTO sync_stamps (kind, deck, key, at_ms, device, seq)
VALUES (:kind, :deck, :key, :at_ms, :device, :seq)
ON CONFLICT (kind, deck, key) DO UPDATE
SET at_ms = max(excluded.at_ms, sync_stamps.at_ms + 1), device = excluded.device, seq = excluded.seq

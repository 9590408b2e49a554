-- A change from another device that won: its stamp and value are kept as
-- they came.
INSERT INTO sync_stamps (kind, deck, key, at_ms, device, seq, value)
VALUES (:kind, :deck, :key, :at_ms, :device, :seq, :value)
ON CONFLICT (kind, deck, key) DO UPDATE
SET at_ms = excluded.at_ms, device = excluded.device, seq = excluded.seq, value = excluded.value

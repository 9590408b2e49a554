INSERT INTO sync_peers (device, applied) VALUES (?1, ?2)
ON CONFLICT (device) DO UPDATE SET applied = max(applied, excluded.applied)

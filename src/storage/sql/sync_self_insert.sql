INSERT INTO sync_self (id, device) VALUES (1, ?1)
ON CONFLICT (id) DO UPDATE SET device = excluded.device

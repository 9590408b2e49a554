INSERT INTO interviews (deck_id, day) VALUES (?1, ?2)
ON CONFLICT (deck_id) DO UPDATE SET day = excluded.day

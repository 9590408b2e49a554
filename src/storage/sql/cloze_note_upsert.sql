-- A cloze note's text, written once per note (schema v6).
INSERT INTO cloze_notes (deck_id, note, source) VALUES (?1, ?2, ?3)
ON CONFLICT (deck_id, note) DO UPDATE SET source = excluded.source
WHERE source <> excluded.source

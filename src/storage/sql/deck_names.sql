-- Every deck name, but for deleted decks (kept for their review log: see
-- storage/manage.rs), by name.
SELECT d.name FROM decks d
WHERE d.id NOT IN (SELECT value FROM json_each(coalesce((SELECT value FROM config WHERE key = 'deleted_decks'), '[]')))
ORDER BY d.name

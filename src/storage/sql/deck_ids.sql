-- Every deck's id, but for deleted decks, by name.
SELECT d.id FROM decks d
WHERE d.id NOT IN (SELECT value FROM json_each(coalesce((SELECT value FROM config WHERE key = 'deleted_decks'), '[]')))
ORDER BY d.name

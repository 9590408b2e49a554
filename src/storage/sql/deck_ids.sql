SELECT id FROM decks ORDER BY name

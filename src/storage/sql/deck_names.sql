SELECT name FROM decks ORDER BY name

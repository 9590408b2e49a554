SELECT description FROM decks WHERE name = ?1

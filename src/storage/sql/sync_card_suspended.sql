SELECT c.suspended FROM cards c JOIN decks d ON d.id = c.deck_id WHERE d.name = ?1 AND c.key = ?2

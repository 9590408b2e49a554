SELECT i.day FROM interviews i JOIN decks d ON d.id = i.deck_id WHERE d.name = ?1

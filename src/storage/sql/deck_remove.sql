-- Deck ?1 leaves for good: it has no cards and no answers left.
DELETE FROM decks WHERE id = ?1

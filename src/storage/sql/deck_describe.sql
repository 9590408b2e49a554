UPDATE decks SET description = ?2 WHERE id = ?1 AND description <> ?2

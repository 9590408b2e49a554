-- The deck named exactly ?1, deleted or not (an import brings a deleted
-- deck back, with its log).
SELECT id FROM decks WHERE name = ?1

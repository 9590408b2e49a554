-- How many cards' ids start with ?1, in the decks ?2 (NULL: all).
SELECT count(*) FROM cards c
WHERE c.deck_id IN (SELECT id FROM decks WHERE ?2 IS NULL OR id IN (SELECT value FROM json_each(?2)))
  AND c.key >= ?1 AND c.key < ?1 || x'ff'

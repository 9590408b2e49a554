-- Cards whose id starts with ?1, in the decks ?2 (a JSON array of ids;
-- NULL: all), at most ?3: a range of the (deck_id, key) index per deck.
SELECT c.id, d.name, c.key
FROM cards c JOIN decks d ON d.id = c.deck_id
WHERE c.deck_id IN (SELECT id FROM decks WHERE ?2 IS NULL OR id IN (SELECT value FROM json_each(?2)))
  AND c.key >= ?1 AND c.key < ?1 || x'ff'
ORDER BY d.name, c.key
LIMIT ?3

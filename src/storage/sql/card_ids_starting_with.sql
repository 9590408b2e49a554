-- Card ids starting with ?1 (its first character) in the decks ?2 (a JSON
-- array of ids; NULL: all), for "did you mean" hints: a range of the
-- (deck_id, key) index per deck, at most 5000.
SELECT key FROM cards
WHERE deck_id IN (SELECT id FROM decks WHERE ?2 IS NULL OR id IN (SELECT value FROM json_each(?2)))
  AND key >= ?1 AND key < ?1 || x'ff'
LIMIT 5000

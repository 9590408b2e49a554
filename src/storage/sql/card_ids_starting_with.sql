-- Card ids starting with ?1 (its first character), for "did you mean" hints:
-- a range of the (deck_id, key) index per deck, at most 5000.
SELECT key FROM cards
WHERE deck_id IN (SELECT id FROM decks) AND key >= ?1 AND key < ?1 || x'ff'
LIMIT 5000

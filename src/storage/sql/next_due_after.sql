-- The first due day after day ?2, in the decks ?1 (a JSON array of ids)
-- or any; suspended cards are never due.
SELECT min(due_day) FROM cards
WHERE due_day > ?2 AND suspended = 0
  AND (?1 IS NULL OR deck_id IN (SELECT value FROM json_each(?1)))

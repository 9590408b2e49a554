-- Cards of deck ?1 whose id starts with ?2 (the siblings of a note are
-- among them), with their due day: a range of the (deck_id, key) index.
SELECT id, key, due_day FROM cards
WHERE deck_id = ?1 AND key >= ?2 AND key < ?2 || x'ff'

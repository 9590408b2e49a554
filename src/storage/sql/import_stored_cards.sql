-- What deck ?1 holds before an import: each card's row and its text as
-- stored (a cloze card's sides are empty unless it kept its own).
SELECT key, id, position, front, back, extra, tags, note, kind, cloze_ord
FROM cards
WHERE deck_id = ?1

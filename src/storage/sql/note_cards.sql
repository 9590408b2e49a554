-- The cards of note ?2 in deck ?1 (ids `note`, `note#r`, `note#cN`: a range
-- of the (deck_id, key) index), with their kind, cloze number and id.
SELECT id, kind, cloze_ord, key FROM cards
WHERE deck_id = ?1 AND key >= ?2 AND key < ?2 || x'ff' AND note = ?2
ORDER BY position

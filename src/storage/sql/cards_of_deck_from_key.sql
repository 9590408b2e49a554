-- The cards of deck ?1 that may be siblings of note ?2, with their due
-- day: the note's own id, `note#…` (`#r`, `#cN`) and `note/…` (a lesson
-- section's cards). Suspended cards are never shown, so never buried. Three tight ranges of the (deck_id, key) index, so a
-- short id such as `q1` never walks past `q10`…`q19999`.
SELECT id, key, due_day FROM cards WHERE deck_id = ?1 AND key = ?2 AND suspended = 0
UNION ALL
SELECT id, key, due_day FROM cards
WHERE deck_id = ?1 AND key >= ?2 || '#' AND key < ?2 || '#' || x'ff' AND suspended = 0
UNION ALL
SELECT id, key, due_day FROM cards
WHERE deck_id = ?1 AND key >= ?2 || '/' AND key < ?2 || '/' || x'ff' AND suspended = 0

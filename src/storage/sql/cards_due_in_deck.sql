-- Learned cards of deck ?1 due on or before day ?2, oldest due first, at
-- most ?3; suspended cards are never due.
SELECT c.id, c.deck_id, d.name AS deck, c.key, c.note, c.kind, c.cloze_ord,
       -- a cloze card's text is its note's row in cloze_notes (schema v6)
       CASE WHEN c.kind = 'cloze'
            THEN (SELECT n.source FROM cloze_notes n WHERE n.deck_id = c.deck_id AND n.note = c.note)
       END AS cloze_source,
       c.front, c.back, c.extra, c.tags, c.position, c.repetition, c.ease, c.interval_days,
       c.due_day, c.reviews, c.lapses, c.suspended
FROM cards c JOIN decks d ON d.id = c.deck_id
WHERE c.deck_id = ?1 AND c.due_day <= ?2 AND c.suspended = 0
ORDER BY c.due_day, c.id
LIMIT ?3

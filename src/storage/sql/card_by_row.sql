-- One card by its row id.
SELECT c.id, c.deck_id, d.name AS deck, c.key, c.note, c.kind, c.cloze_ord,
       -- a cloze card's text is its note's row in cloze_notes (schema v6)
       CASE WHEN c.kind = 'cloze'
            THEN (SELECT n.source FROM cloze_notes n WHERE n.deck_id = c.deck_id AND n.note = c.note)
       END AS cloze_source,
       c.front, c.back, c.extra, c.tags, c.position, c.repetition, c.ease, c.interval_days,
       c.due_day, c.reviews, c.lapses, c.suspended
FROM cards c JOIN decks d ON d.id = c.deck_id
WHERE c.id = ?1

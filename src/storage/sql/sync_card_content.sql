-- The content of card ?2 of deck ?1, as stored.
SELECT c.note, c.kind, c.cloze_ord, c.front, c.back, c.extra, c.tags, c.position,
       CASE WHEN c.kind = 'cloze'
            THEN (SELECT n.source FROM cloze_notes n WHERE n.deck_id = c.deck_id AND n.note = c.note)
       END AS source
FROM cards c JOIN decks d ON d.id = c.deck_id
WHERE d.name = ?1 AND c.key = ?2

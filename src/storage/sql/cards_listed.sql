-- `cards`: the cards of the decks ?1 (a JSON array of ids; NULL: all), by
-- deck then file order. The decks are an IN list so each is a range of
-- the (deck_id, key) index. Tags and text are matched by the caller
-- (domain/search.rs).
SELECT c.id, c.deck_id, d.name AS deck, c.key, c.note, c.kind, c.cloze_ord,
       -- a cloze card's text is its note's row in cloze_notes (schema v6)
       CASE WHEN c.kind = 'cloze'
            THEN (SELECT n.source FROM cloze_notes n WHERE n.deck_id = c.deck_id AND n.note = c.note)
       END AS cloze_source,
       c.front, c.back, c.extra, c.tags, c.position, c.repetition, c.ease, c.interval_days,
       c.due_day, c.reviews, c.lapses, c.suspended
FROM cards c JOIN decks d ON d.id = c.deck_id
WHERE c.deck_id IN (SELECT id FROM decks WHERE ?1 IS NULL OR id IN (SELECT value FROM json_each(?1)))
ORDER BY d.name, c.position

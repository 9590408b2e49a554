-- One card by its row id.
SELECT c.id, c.deck_id, d.name AS deck, c.key, c.note, c.kind, c.cloze_ord, c.cloze_source,
       c.front, c.back, c.extra, c.tags, c.position, c.repetition, c.ease, c.interval_days,
       c.due_day, c.reviews, c.lapses
FROM cards c JOIN decks d ON d.id = c.deck_id
WHERE c.id = ?1

-- Every card of deck ?1 (or all), weakest first: lowest ease, most lapses,
-- most recent failure, then file order; new cards last. :pass_quality is
-- the domain's pass mark. Suspended cards are never shown, not even here.
SELECT c.id, c.deck_id, d.name AS deck, c.key, c.note, c.kind, c.cloze_ord,
       -- a cloze card's text is its note's row in cloze_notes (schema v6)
       CASE WHEN c.kind = 'cloze'
            THEN (SELECT n.source FROM cloze_notes n WHERE n.deck_id = c.deck_id AND n.note = c.note)
       END AS cloze_source,
       c.front, c.back, c.extra, c.tags, c.position, c.repetition, c.ease, c.interval_days,
       c.due_day, c.reviews, c.lapses, c.suspended
FROM cards c JOIN decks d ON d.id = c.deck_id
WHERE (:deck_id IS NULL OR c.deck_id = :deck_id) AND c.suspended = 0
ORDER BY c.due_day IS NULL, c.ease, c.lapses DESC,
         (SELECT max(r.answered_at_ms) FROM reviews r
           WHERE r.deck_id = c.deck_id AND r.card_key = c.key AND r.quality < :pass_quality) DESC NULLS LAST,
         d.name, c.position

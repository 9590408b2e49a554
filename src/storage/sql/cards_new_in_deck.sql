-- New cards of deck ?1 in file order, at most ?2, suspended ones left out
-- (the index holds none since schema v7). The partial index
-- `cards_new` hands them over in order. Left to itself the planner picks
-- `cards_due` and sorts the deck's new cards first: on the collection of
-- benches/stats.sh (100,000 cards a deck, 30% new) this query takes 61 ms
-- without the INDEXED BY and 0.2 ms with it (sqlite3 .timer, one run), and
-- a session runs it once per deck before its first card.
SELECT c.id, c.deck_id, d.name AS deck, c.key, c.note, c.kind, c.cloze_ord,
       -- a cloze card's text is its note's row in cloze_notes (schema v6)
       CASE WHEN c.kind = 'cloze'
            THEN (SELECT n.source FROM cloze_notes n WHERE n.deck_id = c.deck_id AND n.note = c.note)
       END AS cloze_source,
       c.front, c.back, c.extra, c.tags, c.position, c.repetition, c.ease, c.interval_days,
       c.due_day, c.reviews, c.lapses, c.suspended
FROM cards c INDEXED BY cards_new JOIN decks d ON d.id = c.deck_id
WHERE c.deck_id = ?1 AND c.due_day IS NULL AND c.suspended = 0
ORDER BY c.position
LIMIT ?2

-- The cards (deck, id) given a scheduled answer since instant ?1 (the start
-- of today): their siblings are buried until tomorrow. A range of the
-- (answered_at_ms, deck_id) index: the caller drops repeats, since a
-- DISTINCT here makes the planner walk the whole log by `reviews_card`
-- (EXPLAIN QUERY PLAN), which `decks` on millions of answers cannot pay.
SELECT deck_id, card_key FROM reviews INDEXED BY reviews_time
WHERE answered_at_ms >= ?1 AND kind = 'review'

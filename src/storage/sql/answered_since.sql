-- The cards (deck, id) given a scheduled answer since instant ?1 (the start
-- of today): their siblings are buried until tomorrow. A range of the
-- (answered_at_ms, deck_id) index.
SELECT DISTINCT deck_id, card_key FROM reviews
WHERE answered_at_ms >= ?1 AND kind = 'review'

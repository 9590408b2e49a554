-- The whole log grouped card by card, each card's answers oldest first
-- (`check` replays one card after the other).
SELECT r.id, r.deck_id, d.name AS deck, r.card_key, r.answered_at_ms, r.quality, r.grade, r.kind,
       r.was_new, r.repetition, r.ease, r.interval_days, r.due_day, r.due_capped, r.origin
FROM reviews r JOIN decks d ON d.id = r.deck_id
ORDER BY r.deck_id, r.card_key, r.sort_ms, r.device, r.seq, r.id

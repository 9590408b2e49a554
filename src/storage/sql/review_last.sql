-- The last answer recorded, by anyone.
SELECT r.id, r.deck_id, d.name AS deck, r.card_key, r.answered_at_ms, r.quality, r.grade, r.kind,
       r.was_new, r.repetition, r.ease, r.interval_days, r.due_day, r.due_capped
FROM reviews r JOIN decks d ON d.id = r.deck_id
ORDER BY r.id DESC
LIMIT 1

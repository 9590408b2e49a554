-- A card's answers in the order every device replays them (docs/sync.md),
-- with the context each was given in.
SELECT r.id, r.deck_id, d.name AS deck, r.card_key, r.answered_at_ms, r.quality, r.grade, r.kind,
       r.was_new, r.repetition, r.ease, r.interval_days, r.due_day, r.due_capped, r.origin,
       r.day, r.fuzz, r.interview_day
FROM reviews r JOIN decks d ON d.id = r.deck_id
WHERE r.deck_id = ?1 AND r.card_key = ?2
ORDER BY r.sort_ms, r.device, r.seq, r.id

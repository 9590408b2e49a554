-- The whole log, or one deck's (?1), oldest first: by sort key, which is the
-- same on every device that holds the answer (docs/sync.md).
SELECT r.id, r.deck_id, d.name AS deck, r.card_key, r.answered_at_ms, r.quality, r.grade, r.kind,
       r.was_new, r.repetition, r.ease, r.interval_days, r.due_day, r.due_capped, r.origin
FROM reviews r JOIN decks d ON d.id = r.deck_id
WHERE ?1 IS NULL OR r.deck_id = ?1
ORDER BY r.sort_ms, d.name, r.card_key, r.device, r.seq, r.id

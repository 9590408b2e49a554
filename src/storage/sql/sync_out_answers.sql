-- This device's answers numbered after ?2 (?1: the device), with their deck.
SELECT r.seq, d.name AS deck, r.card_key, r.answered_at_ms, r.sort_ms, r.quality, r.grade, r.kind,
       r.day, r.fuzz, r.interview_day, r.origin, r.was_new, r.repetition, r.ease,
       r.interval_days, r.due_day, r.due_capped
FROM reviews r JOIN decks d ON d.id = r.deck_id
WHERE r.device = ?1 AND r.seq > ?2
ORDER BY r.seq

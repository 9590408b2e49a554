-- The sync columns of the log (schema v8, docs/sync.md), in the order of
-- reviews_all.sql: what a backup keeps of each answer's identity.
SELECT r.device, r.seq, r.sort_ms, r.day, r.fuzz, r.interview_day
FROM reviews r JOIN decks d ON d.id = r.deck_id
WHERE ?1 IS NULL OR r.deck_id = ?1
ORDER BY r.sort_ms, d.name, r.card_key, r.device, r.seq, r.id

-- The last answer recorded here, by anyone: answers imported from elsewhere
-- (an `origin`, schema v7) are history, not something to take back.
SELECT r.id, r.deck_id, d.name AS deck, r.card_key, r.answered_at_ms, r.quality, r.grade, r.kind,
       r.was_new, r.repetition, r.ease, r.interval_days, r.due_day, r.due_capped, r.origin
FROM reviews r JOIN decks d ON d.id = r.deck_id
WHERE r.origin IS NULL
  -- nor are answers from another device (docs/sync.md)
  AND (r.device IS NULL OR r.device = (SELECT device FROM sync_self))
ORDER BY r.id DESC
LIMIT 1

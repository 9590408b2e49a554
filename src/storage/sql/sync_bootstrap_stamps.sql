-- What this collection held before its first sync, stamped at time 0 (older
-- than any change made since, docs/sync.md "Joining"): each deck, card,
-- suspension, interview date and setting that has no stamp yet.
INSERT INTO sync_stamps (kind, deck, key, at_ms, device, seq)
SELECT kind, deck, key, 0, ?1, ?2 - 1 + row_number() OVER (ORDER BY kind, deck, key)
FROM (
    SELECT 'deck' AS kind, d.name AS deck, '' AS key FROM decks d
    UNION ALL SELECT 'card', d.name, c.key FROM cards c JOIN decks d ON d.id = c.deck_id
    UNION ALL SELECT 'suspend', d.name, c.key FROM cards c JOIN decks d ON d.id = c.deck_id
              WHERE c.suspended = 1
    UNION ALL SELECT 'interview', d.name, '' FROM interviews i JOIN decks d ON d.id = i.deck_id
    UNION ALL SELECT 'setting', '', c.key FROM config c
)
WHERE true
ON CONFLICT (kind, deck, key) DO NOTHING

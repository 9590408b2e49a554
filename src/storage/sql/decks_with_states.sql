-- Every deck with its kept new / young / mature / suspended counts, by
-- name; deleted decks (kept for their review log) are left out.
SELECT d.id, d.name, coalesce(n.new, 0), coalesce(n.young, 0), coalesce(n.mature, 0),
       coalesce(n.suspended, 0)
FROM decks d LEFT JOIN deck_cards n ON n.deck_id = d.id
WHERE d.id NOT IN (SELECT value FROM json_each(coalesce((SELECT value FROM config WHERE key = 'deleted_decks'), '[]')))
ORDER BY d.name

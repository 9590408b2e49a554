-- Every deck with its kept new / young / mature / suspended counts, by name.
SELECT d.id, d.name, coalesce(n.new, 0), coalesce(n.young, 0), coalesce(n.mature, 0),
       coalesce(n.suspended, 0)
FROM decks d LEFT JOIN deck_cards n ON n.deck_id = d.id
ORDER BY d.name

SELECT i.deck_id, d.name, i.day
FROM interviews i JOIN decks d ON d.id = i.deck_id
ORDER BY i.day, d.name

-- When card ?2 of deck ?1 was last answered (NULL: never), drills included.
SELECT max(answered_at_ms) FROM reviews WHERE deck_id = ?1 AND card_key = ?2

-- Card ids of deck ?1 with a history in the log (pruned cards among them).
SELECT DISTINCT card_key FROM reviews WHERE deck_id = ?1

-- The kept count of new cards in deck ?1.
SELECT coalesce((SELECT new FROM deck_cards WHERE deck_id = ?1), 0)

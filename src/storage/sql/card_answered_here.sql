-- Whether card ?2 of deck ?1 has an answer given in this collection (one
-- without an `origin`, schema v7).
SELECT EXISTS (SELECT 1 FROM reviews WHERE deck_id = ?1 AND card_key = ?2 AND origin IS NULL)

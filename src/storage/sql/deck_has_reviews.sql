-- Whether deck ?1 has answers in the log (then its row stays, hidden).
SELECT EXISTS (SELECT 1 FROM reviews WHERE deck_id = ?1)

-- A bucket whose last answer was taken back goes.
DELETE FROM review_buckets WHERE bucket = ?1 AND deck_id = ?2 AND answers = 0

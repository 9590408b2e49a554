SELECT bucket, deck_id, answers, passed, drills, known, known_passed
FROM review_buckets
ORDER BY bucket, deck_id

-- New cards introduced and known cards reviewed in deck ?2 since bucket ?1
-- (the start of today), from the kept counts.
SELECT coalesce(sum(answers - drills - known), 0), coalesce(sum(known), 0)
FROM review_buckets
WHERE bucket >= ?1 AND deck_id = ?2

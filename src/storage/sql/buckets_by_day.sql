-- Answer counts per quarter hour (of the decks ?1, a JSON array of ids, or
-- all), in time order.
SELECT bucket, 0 AS deck_id, sum(answers) AS answers, sum(passed) AS passed, sum(drills) AS drills,
       sum(known) AS known, sum(known_passed) AS known_passed
FROM review_buckets
WHERE ?1 IS NULL OR deck_id IN (SELECT value FROM json_each(?1))
GROUP BY bucket
ORDER BY bucket

-- Answer counts per quarter hour (of deck ?1, or all), in time order.
SELECT bucket, 0 AS deck_id, sum(answers) AS answers, sum(passed) AS passed, sum(drills) AS drills,
       sum(known) AS known, sum(known_passed) AS known_passed
FROM review_buckets
WHERE ?1 IS NULL OR deck_id = ?1
GROUP BY bucket
ORDER BY bucket

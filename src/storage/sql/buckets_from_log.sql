-- The buckets as the log says they must be. :pass_quality is the domain's
-- pass mark, bound by the caller, so the rule is written once (in Rust).
SELECT answered_at_ms / 900000 - (answered_at_ms % 900000 < 0) AS bucket, deck_id,
       count(*) AS answers,
       sum(quality >= :pass_quality) AS passed,
       sum(kind = 'drill') AS drills,
       sum(kind = 'review' AND was_new = 0) AS known,
       sum(kind = 'review' AND was_new = 0 AND quality >= :pass_quality) AS known_passed
FROM reviews
GROUP BY 1, 2
ORDER BY 1, 2

DELETE FROM review_buckets

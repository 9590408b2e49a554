-- The answers recorded before this collection's first sync become its
-- events, in the order they were recorded (?1: the device, ?2: the first
-- free event number).
UPDATE reviews
SET device = ?1, seq = ?2 - 1 + x.n
FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM reviews WHERE seq IS NULL) AS x
WHERE reviews.id = x.id

-- A card's schedule and counts, as an answer or a replay of its log left them.
-- A new card has due_day NULL and the SM-2 defaults.
UPDATE cards
SET repetition = :repetition, ease = :ease, interval_days = :interval_days, due_day = :due_day,
    reviews = :reviews, lapses = :lapses
WHERE id = :id

-- Schema version 5: answers keep an identity that is never reused.
--
-- A review-log row was named by its rowid, and SQLite hands the largest
-- rowid out again once that row is deleted: after `rehearse undo`, the next
-- answer of any process took the id a review session still remembered as
-- its own last answer, and the session's undo removed it (see
-- docs/collection.md). With AUTOINCREMENT, an id is never given twice.
--
-- AUTOINCREMENT cannot be added to a table in place, so the table is
-- rebuilt the documented way (lang_altertable.html, "making other kinds of
-- table schema changes"): create the new table, copy the rows, drop the
-- old one, rename, then create its indexes again. No foreign key points at
-- `reviews`, so foreign keys need not be switched off, and the copy goes
-- into a table without triggers, so `review_buckets` is left as it is.
-- This runs inside the migration transaction.
--
-- The same version also ends the triggers of v2 that kept the counts for
-- `stats` and `decks` (review_buckets, deck_cards): they wrote the pass mark
-- and the mature interval into SQL a second time. From v5 on rehearse keeps
-- these counts itself, in the transaction of each write, with the rules the
-- domain module defines once (src/storage/counts.rs). The triggers on
-- `reviews` went with the old table; those on `cards` are dropped here.
CREATE TABLE reviews_v5 (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    deck_id        INTEGER NOT NULL REFERENCES decks(id),
    card_key       TEXT NOT NULL,
    answered_at_ms INTEGER NOT NULL,
    quality        INTEGER NOT NULL CHECK (quality BETWEEN 0 AND 5),
    grade          TEXT CHECK (grade = 'again' OR grade = 'hard' OR grade = 'good' OR grade = 'easy'),
    kind           TEXT NOT NULL CHECK (kind IN ('review', 'drill')),
    was_new        INTEGER NOT NULL,          -- first answer of the card
    -- the state after the answer (a drill repeats the state it left alone)
    repetition     INTEGER NOT NULL,
    ease           REAL NOT NULL,
    interval_days  INTEGER NOT NULL,
    due_day        INTEGER NOT NULL,
    due_capped     INTEGER NOT NULL DEFAULT 0  -- interview mode moved the due day (v3)
);

INSERT INTO reviews_v5 (id, deck_id, card_key, answered_at_ms, quality, grade, kind, was_new,
                        repetition, ease, interval_days, due_day, due_capped)
SELECT id, deck_id, card_key, answered_at_ms, quality, grade, kind, was_new,
       repetition, ease, interval_days, due_day, due_capped
FROM reviews ORDER BY id;

DROP TABLE reviews;
ALTER TABLE reviews_v5 RENAME TO reviews;

-- The indexes of v1, as they were.
CREATE INDEX reviews_card ON reviews (deck_id, card_key, id);
CREATE INDEX reviews_time ON reviews (answered_at_ms, deck_id);

DROP TRIGGER IF EXISTS deck_cards_add;
DROP TRIGGER IF EXISTS deck_cards_remove;
DROP TRIGGER IF EXISTS deck_cards_change;

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
-- old one, rename, then create its indexes and triggers again. No foreign
-- key points at `reviews`, so foreign keys need not be switched off, and
-- the copy goes into a table without triggers, so `review_buckets` is left
-- as it is. This runs inside the migration transaction.
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

-- The triggers of v2 that keep `review_buckets`, exactly as they were.
CREATE TRIGGER review_buckets_add AFTER INSERT ON reviews BEGIN
    INSERT INTO review_buckets (bucket, deck_id, answers, passed, drills, known, known_passed)
    VALUES (NEW.answered_at_ms / 900000 - (NEW.answered_at_ms % 900000 < 0), NEW.deck_id,
            1, NEW.quality >= 3, NEW.kind = 'drill',
            NEW.kind = 'review' AND NEW.was_new = 0,
            NEW.kind = 'review' AND NEW.was_new = 0 AND NEW.quality >= 3)
    ON CONFLICT (bucket, deck_id) DO UPDATE SET
        answers = answers + excluded.answers,
        passed = passed + excluded.passed,
        drills = drills + excluded.drills,
        known = known + excluded.known,
        known_passed = known_passed + excluded.known_passed;
END;

CREATE TRIGGER review_buckets_remove AFTER DELETE ON reviews BEGIN
    UPDATE review_buckets SET
        answers = answers - 1,
        passed = passed - (OLD.quality >= 3),
        drills = drills - (OLD.kind = 'drill'),
        known = known - (OLD.kind = 'review' AND OLD.was_new = 0),
        known_passed = known_passed - (OLD.kind = 'review' AND OLD.was_new = 0 AND OLD.quality >= 3)
    WHERE bucket = OLD.answered_at_ms / 900000 - (OLD.answered_at_ms % 900000 < 0)
      AND deck_id = OLD.deck_id;
    DELETE FROM review_buckets
    WHERE bucket = OLD.answered_at_ms / 900000 - (OLD.answered_at_ms % 900000 < 0)
      AND deck_id = OLD.deck_id AND answers = 0;
END;

-- The log is append-only, but should a row ever change, it moves buckets.
CREATE TRIGGER review_buckets_change
AFTER UPDATE OF deck_id, answered_at_ms, quality, kind, was_new ON reviews BEGIN
    UPDATE review_buckets SET
        answers = answers - 1,
        passed = passed - (OLD.quality >= 3),
        drills = drills - (OLD.kind = 'drill'),
        known = known - (OLD.kind = 'review' AND OLD.was_new = 0),
        known_passed = known_passed - (OLD.kind = 'review' AND OLD.was_new = 0 AND OLD.quality >= 3)
    WHERE bucket = OLD.answered_at_ms / 900000 - (OLD.answered_at_ms % 900000 < 0)
      AND deck_id = OLD.deck_id;
    DELETE FROM review_buckets
    WHERE bucket = OLD.answered_at_ms / 900000 - (OLD.answered_at_ms % 900000 < 0)
      AND deck_id = OLD.deck_id AND answers = 0;
    INSERT INTO review_buckets (bucket, deck_id, answers, passed, drills, known, known_passed)
    VALUES (NEW.answered_at_ms / 900000 - (NEW.answered_at_ms % 900000 < 0), NEW.deck_id,
            1, NEW.quality >= 3, NEW.kind = 'drill',
            NEW.kind = 'review' AND NEW.was_new = 0,
            NEW.kind = 'review' AND NEW.was_new = 0 AND NEW.quality >= 3)
    ON CONFLICT (bucket, deck_id) DO UPDATE SET
        answers = answers + excluded.answers,
        passed = passed + excluded.passed,
        drills = drills + excluded.drills,
        known = known + excluded.known,
        known_passed = known_passed + excluded.known_passed;
END;

-- Schema version 2: answer counts kept up to date for `stats`, so that no
-- command scans the review log.
--
-- One row per deck and UTC quarter hour (bucket = answered_at_ms div 900000,
-- floored). Every real UTC offset is a whole number of quarter hours, so a
-- bucket never straddles a local day boundary whatever `TZ` and
-- `day_starts_at` are: stats fold buckets into local days when they read.
-- Triggers keep the table equal to what `rebuild` would compute from the log,
-- inside the transaction that writes the log (an answer, an undo, anything).
CREATE TABLE review_buckets (
    bucket       INTEGER NOT NULL,   -- UTC quarter hour: floor(answered_at_ms / 900000)
    deck_id      INTEGER NOT NULL,
    answers      INTEGER NOT NULL,   -- every answer, drills included
    passed       INTEGER NOT NULL,   -- answers of quality >= 3, drills included
    drills       INTEGER NOT NULL,
    known        INTEGER NOT NULL,   -- non-drill answers to cards answered before (was_new = 0)
    known_passed INTEGER NOT NULL,   -- of those, quality >= 3 (retention)
    PRIMARY KEY (bucket, deck_id)
) WITHOUT ROWID;

INSERT INTO review_buckets (bucket, deck_id, answers, passed, drills, known, known_passed)
SELECT answered_at_ms / 900000 - (answered_at_ms % 900000 < 0), deck_id,
       count(*), sum(quality >= 3), sum(kind = 'drill'),
       sum(kind = 'review' AND was_new = 0), sum(kind = 'review' AND was_new = 0 AND quality >= 3)
FROM reviews
GROUP BY 1, 2;

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

-- Cards per deck by state (new: never answered; young: interval < 21 days;
-- mature), kept by triggers on every write to `cards`, so that `decks`,
-- `stats` and a session's limits never count a million cards.
CREATE TABLE deck_cards (
    deck_id INTEGER PRIMARY KEY,
    new     INTEGER NOT NULL,
    young   INTEGER NOT NULL,
    mature  INTEGER NOT NULL
);

INSERT INTO deck_cards (deck_id, new, young, mature)
SELECT deck_id, sum(due_day IS NULL), sum(due_day IS NOT NULL AND interval_days < 21),
       sum(due_day IS NOT NULL AND interval_days >= 21)
FROM cards
GROUP BY deck_id;

CREATE TRIGGER deck_cards_add AFTER INSERT ON cards BEGIN
    INSERT INTO deck_cards (deck_id, new, young, mature)
    VALUES (NEW.deck_id, NEW.due_day IS NULL, NEW.due_day IS NOT NULL AND NEW.interval_days < 21,
            NEW.due_day IS NOT NULL AND NEW.interval_days >= 21)
    ON CONFLICT (deck_id) DO UPDATE SET
        new = new + excluded.new,
        young = young + excluded.young,
        mature = mature + excluded.mature;
END;

CREATE TRIGGER deck_cards_remove AFTER DELETE ON cards BEGIN
    UPDATE deck_cards SET
        new = new - (OLD.due_day IS NULL),
        young = young - (OLD.due_day IS NOT NULL AND OLD.interval_days < 21),
        mature = mature - (OLD.due_day IS NOT NULL AND OLD.interval_days >= 21)
    WHERE deck_id = OLD.deck_id;
END;

CREATE TRIGGER deck_cards_change AFTER UPDATE OF deck_id, due_day, interval_days ON cards
WHEN OLD.deck_id IS NOT NEW.deck_id
  OR (OLD.due_day IS NULL) IS NOT (NEW.due_day IS NULL)
  OR (OLD.interval_days < 21) IS NOT (NEW.interval_days < 21)
BEGIN
    UPDATE deck_cards SET
        new = new - (OLD.due_day IS NULL),
        young = young - (OLD.due_day IS NOT NULL AND OLD.interval_days < 21),
        mature = mature - (OLD.due_day IS NOT NULL AND OLD.interval_days >= 21)
    WHERE deck_id = OLD.deck_id;
    INSERT INTO deck_cards (deck_id, new, young, mature)
    VALUES (NEW.deck_id, NEW.due_day IS NULL, NEW.due_day IS NOT NULL AND NEW.interval_days < 21,
            NEW.due_day IS NOT NULL AND NEW.interval_days >= 21)
    ON CONFLICT (deck_id) DO UPDATE SET
        new = new + excluded.new,
        young = young + excluded.young,
        mature = mature + excluded.mature;
END;

-- New cards in file order, for the session's first card on big decks.
CREATE INDEX cards_new ON cards (deck_id, position) WHERE due_day IS NULL;

-- Schema version 8: sync between collections (docs/sync.md).
--
-- Every answer gets an identity that is the same on every device: the
-- device that gave it and that device's event sequence number, and a sort
-- key (`sort_ms`, UTC milliseconds, never lower than the key of any answer
-- already in this collection, so it sorts after everything the device had
-- seen), so every device replays a card's answers, and lists the log, in
-- one order. The context the scheduler used (the local day, whether fuzz
-- was on, the interview date in force) travels with the answer, so a
-- device that merges answers from two machines computes the same due days
-- as every other.
ALTER TABLE reviews ADD COLUMN device TEXT;
ALTER TABLE reviews ADD COLUMN seq INTEGER;
ALTER TABLE reviews ADD COLUMN sort_ms INTEGER;
ALTER TABLE reviews ADD COLUMN day INTEGER;
ALTER TABLE reviews ADD COLUMN fuzz INTEGER;
ALTER TABLE reviews ADD COLUMN interview_day INTEGER;

-- The answers of before, in the order they were recorded: the sort key is
-- the latest answer time so far (ties keep the recording order).
UPDATE reviews SET sort_ms = x.m
FROM (SELECT id, max(answered_at_ms) OVER (ORDER BY id) AS m FROM reviews) AS x
WHERE reviews.id = x.id;
CREATE INDEX reviews_sort ON reviews (sort_ms);

CREATE UNIQUE INDEX reviews_event ON reviews (device, seq) WHERE seq IS NOT NULL;

-- This collection as a device: its name and its next event number.
CREATE TABLE sync_self (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    device       TEXT NOT NULL,
    next_seq     INTEGER NOT NULL DEFAULT 1,
    bootstrapped INTEGER NOT NULL DEFAULT 0
);

-- Last writer wins: the stamp of the latest change to each card's content,
-- each deck, suspension, interview date and setting, and each answer taken
-- back. A change made here carries this device's sequence number; one
-- that came from another device keeps its value (JSON), so a suspension
-- that arrives before its card is applied when the card does.
CREATE TABLE sync_stamps (
    kind   TEXT NOT NULL,
    deck   TEXT NOT NULL,
    key    TEXT NOT NULL,
    at_ms  INTEGER NOT NULL,
    device TEXT NOT NULL,
    seq    INTEGER,
    value  TEXT,
    PRIMARY KEY (kind, deck, key)
) WITHOUT ROWID;
CREATE INDEX sync_stamps_seq ON sync_stamps (device, seq);

-- How far the events of each other device have been applied.
CREATE TABLE sync_peers (
    device  TEXT PRIMARY KEY,
    applied INTEGER NOT NULL
) WITHOUT ROWID;

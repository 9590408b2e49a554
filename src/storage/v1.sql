-- Schema version 1 of a rehearse collection.
CREATE TABLE decks (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT ''
);

CREATE TABLE cards (
    id            INTEGER PRIMARY KEY,
    deck_id       INTEGER NOT NULL REFERENCES decks(id),
    key           TEXT NOT NULL,          -- the card id users see (docs/deck-format.md)
    note          TEXT NOT NULL,          -- the entry it came from
    kind          TEXT NOT NULL CHECK (kind IN ('basic', 'reverse', 'cloze')),
    cloze_ord     INTEGER,
    cloze_source  TEXT,
    front         TEXT NOT NULL,
    back          TEXT NOT NULL,
    extra         TEXT NOT NULL DEFAULT '',
    tags          TEXT NOT NULL DEFAULT '',   -- space separated
    position      INTEGER NOT NULL,           -- order in its file: new cards come in this order
    -- SM-2 state; due_day NULL means never answered (new).
    repetition    INTEGER NOT NULL DEFAULT 0,
    ease          REAL NOT NULL DEFAULT 2.5,
    interval_days INTEGER NOT NULL DEFAULT 0,
    due_day       INTEGER,                    -- days from 0001-01-01 (day 1)
    reviews       INTEGER NOT NULL DEFAULT 0,
    lapses        INTEGER NOT NULL DEFAULT 0,
    UNIQUE (deck_id, key)
);
CREATE INDEX cards_key ON cards (key);
CREATE INDEX cards_due ON cards (deck_id, due_day);

-- Every answer ever given, append-only (undo removes the last one). Cards are
-- named by (deck_id, card_key), not by row, so the log outlives a pruned card.
CREATE TABLE reviews (
    id             INTEGER PRIMARY KEY,
    deck_id        INTEGER NOT NULL REFERENCES decks(id),
    card_key       TEXT NOT NULL,
    answered_at_ms INTEGER NOT NULL,
    quality        INTEGER NOT NULL CHECK (quality BETWEEN 0 AND 5),
    grade          TEXT CHECK (grade IN ('again', 'hard', 'good', 'easy')),
    kind           TEXT NOT NULL CHECK (kind IN ('review', 'drill')),
    was_new        INTEGER NOT NULL,          -- first answer of the card
    -- the state after the answer (a drill repeats the state it left alone)
    repetition     INTEGER NOT NULL,
    ease           REAL NOT NULL,
    interval_days  INTEGER NOT NULL,
    due_day        INTEGER NOT NULL
);
CREATE INDEX reviews_card ON reviews (deck_id, card_key, id);
CREATE INDEX reviews_time ON reviews (answered_at_ms, deck_id);

CREATE TABLE config (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

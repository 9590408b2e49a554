-- Anki's schema 11 collection (`collection.anki2`), the tables an importer
-- reads; see docs/imports.md, "Anki packages out".
CREATE TABLE col (
    id     INTEGER PRIMARY KEY,
    crt    INTEGER NOT NULL,   -- creation time (s): due days count from its day
    mod    INTEGER NOT NULL,
    scm    INTEGER NOT NULL,
    ver    INTEGER NOT NULL,   -- 11
    dty    INTEGER NOT NULL,
    usn    INTEGER NOT NULL,
    ls     INTEGER NOT NULL,
    conf   TEXT NOT NULL,      -- options, JSON
    models TEXT NOT NULL,      -- note types by id, JSON
    decks  TEXT NOT NULL,      -- decks by id, JSON
    dconf  TEXT NOT NULL,      -- deck options by id, JSON
    tags   TEXT NOT NULL
);
CREATE TABLE notes (
    id    INTEGER PRIMARY KEY,
    guid  TEXT NOT NULL,
    mid   INTEGER NOT NULL,
    mod   INTEGER NOT NULL,
    usn   INTEGER NOT NULL,
    tags  TEXT NOT NULL,       -- space separated, with a space at both ends
    flds  TEXT NOT NULL,       -- fields joined by 0x1f
    sfld  INTEGER NOT NULL,    -- the sort field (integer affinity on purpose)
    csum  INTEGER NOT NULL,
    flags INTEGER NOT NULL,
    data  TEXT NOT NULL
);
CREATE TABLE cards (
    id     INTEGER PRIMARY KEY,
    nid    INTEGER NOT NULL,
    did    INTEGER NOT NULL,
    ord    INTEGER NOT NULL,
    mod    INTEGER NOT NULL,
    usn    INTEGER NOT NULL,
    type   INTEGER NOT NULL,
    queue  INTEGER NOT NULL,
    due    INTEGER NOT NULL,
    ivl    INTEGER NOT NULL,
    factor INTEGER NOT NULL,
    reps   INTEGER NOT NULL,
    lapses INTEGER NOT NULL,
    left   INTEGER NOT NULL,
    odue   INTEGER NOT NULL,
    odid   INTEGER NOT NULL,
    flags  INTEGER NOT NULL,
    data   TEXT NOT NULL
);
CREATE TABLE revlog (
    id      INTEGER PRIMARY KEY,   -- answer time (ms)
    cid     INTEGER NOT NULL,
    usn     INTEGER NOT NULL,
    ease    INTEGER NOT NULL,
    ivl     INTEGER NOT NULL,
    lastIvl INTEGER NOT NULL,
    factor  INTEGER NOT NULL,
    time    INTEGER NOT NULL,
    type    INTEGER NOT NULL
);
CREATE TABLE graves (
    usn  INTEGER NOT NULL,
    oid  INTEGER NOT NULL,
    type INTEGER NOT NULL
);
CREATE INDEX ix_notes_usn ON notes (usn);
CREATE INDEX ix_cards_usn ON cards (usn);
CREATE INDEX ix_revlog_usn ON revlog (usn);
CREATE INDEX ix_cards_nid ON cards (nid);
CREATE INDEX ix_cards_sched ON cards (did, queue, due);
CREATE INDEX ix_revlog_cid ON revlog (cid);
CREATE INDEX ix_notes_csum ON notes (csum);

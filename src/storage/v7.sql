-- Schema version 7: suspended cards, and the identity of answers that came
-- from elsewhere.
--
-- A suspended card stays in its deck with its schedule and history but is
-- never shown, due or new (docs/scheduling.md, "Suspended cards"); the kept
-- counts give it a class of its own, so `deck_cards` partitions a deck's
-- cards into new, young, mature and suspended.
ALTER TABLE cards ADD COLUMN suspended INTEGER NOT NULL DEFAULT 0;
ALTER TABLE deck_cards ADD COLUMN suspended INTEGER NOT NULL DEFAULT 0;

-- The partial index of new cards in file order (v2) holds only the ones a
-- session may show.
DROP INDEX cards_new;
CREATE INDEX cards_new ON cards (deck_id, position) WHERE due_day IS NULL AND suspended = 0;

-- Where an answer came from, when not from this collection: `anki:<revlog
-- id>` for an answer imported from an Anki package (docs/imports.md). NULL
-- for answers given here. Unique, so importing the same package again adds
-- no answer twice.
ALTER TABLE reviews ADD COLUMN origin TEXT;
CREATE UNIQUE INDEX reviews_origin ON reviews (origin) WHERE origin IS NOT NULL;

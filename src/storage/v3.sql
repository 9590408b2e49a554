-- Schema version 3: interview dates (interview mode).
CREATE TABLE interviews (
    deck_id INTEGER PRIMARY KEY REFERENCES decks(id),
    day     INTEGER NOT NULL          -- days from 0001-01-01 (day 1)
);

-- 1 when interview mode moved the answer's due day to the eve of an interview.
ALTER TABLE reviews ADD COLUMN due_capped INTEGER NOT NULL DEFAULT 0;

-- Cards are found by (deck_id, key) through the UNIQUE index, deck by deck;
-- a second index on key alone cost a third of an import's writes.
DROP INDEX cards_key;

-- Cards are inserted by the import writer only, which adds its new cards to
-- deck_cards once per deck: this per-row trigger was a third of the time
-- of a 100k-card import. Updates and deletes keep their triggers.
DROP TRIGGER deck_cards_add;

-- Schema version 6: a cloze note's text is stored once, not once per card.
-- Each cloze number is a card showing the whole note, so keeping the text
-- (and both rendered sides) in every card row made a note cost its length
-- times its number count: 8,000 numbers in a 134 KB note took 3.7 GB. A
-- cloze card now keeps its number; its sides are rendered from the note's
-- text when read (src/storage/cards.rs).
CREATE TABLE cloze_notes (
    deck_id INTEGER NOT NULL REFERENCES decks(id),
    note    TEXT NOT NULL,            -- cards.note of the note's cloze cards
    source  TEXT NOT NULL,            -- the cloze text as written
    PRIMARY KEY (deck_id, note)
) WITHOUT ROWID;

-- The note's first card (in file order) gives its text.
INSERT OR IGNORE INTO cloze_notes (deck_id, note, source)
SELECT deck_id, note, cloze_source FROM cards
WHERE kind = 'cloze' AND cloze_source IS NOT NULL
ORDER BY deck_id, position;

UPDATE cards SET cloze_source = NULL, front = '', back = '' WHERE kind = 'cloze';

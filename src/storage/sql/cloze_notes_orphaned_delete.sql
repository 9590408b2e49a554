-- A note's text goes with its last cloze card.
DELETE FROM cloze_notes
WHERE deck_id = ?1 AND note NOT IN (SELECT note FROM cards WHERE deck_id = ?1 AND kind = 'cloze')

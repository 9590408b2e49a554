-- What a collection holds: decks and answers (a restore needs none).
SELECT (SELECT count(*) FROM decks), (SELECT count(*) FROM reviews)

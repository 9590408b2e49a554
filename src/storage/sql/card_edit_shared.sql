-- `edit` of a cloze note: the extra text and tags of card ?1 (its sides
-- come from the note's text).
UPDATE cards SET extra = ?2, tags = ?3 WHERE id = ?1

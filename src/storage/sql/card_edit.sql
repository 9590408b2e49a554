-- `edit`: new text for card ?1 (its schedule is not touched).
UPDATE cards SET front = ?2, back = ?3, extra = ?4, tags = ?5 WHERE id = ?1

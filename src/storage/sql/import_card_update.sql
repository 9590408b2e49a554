UPDATE cards
SET note = :note, kind = :kind, cloze_ord = :cloze_ord, front = :front, back = :back,
    extra = :extra, tags = :tags, position = :position
WHERE id = :id

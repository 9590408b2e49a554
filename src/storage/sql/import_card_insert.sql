INSERT INTO cards (deck_id, key, note, kind, cloze_ord, front, back, extra, tags, position)
VALUES (:deck_id, :key, :note, :kind, :cloze_ord, :front, :back, :extra, :tags, :position)

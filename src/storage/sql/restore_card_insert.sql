-- A card of a restored backup, with its schedule and counts.
INSERT INTO cards (deck_id, key, note, kind, cloze_ord, front, back, extra, tags, position,
                   repetition, ease, interval_days, due_day, reviews, lapses)
VALUES (:deck_id, :key, :note, :kind, :cloze_ord, :front, :back, :extra, :tags, :position,
        :repetition, :ease, :interval_days, :due_day, :reviews, :lapses)

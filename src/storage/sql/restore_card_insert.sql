-- A card of a restored backup, with its schedule, counts and suspension.
INSERT INTO cards (deck_id, key, note, kind, cloze_ord, front, back, extra, tags, position,
                   repetition, ease, interval_days, due_day, reviews, lapses, suspended)
VALUES (:deck_id, :key, :note, :kind, :cloze_ord, :front, :back, :extra, :tags, :position,
        :repetition, :ease, :interval_days, :due_day, :reviews, :lapses, :suspended)

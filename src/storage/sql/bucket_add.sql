-- Adds one answer's counts to its deck's quarter-hour bucket (or, with all
-- counts negative, takes them away again on undo).
INSERT INTO review_buckets (bucket, deck_id, answers, passed, drills, known, known_passed)
VALUES (:bucket, :deck_id, :answers, :passed, :drills, :known, :known_passed)
ON CONFLICT (bucket, deck_id) DO UPDATE SET
    answers = answers + excluded.answers,
    passed = passed + excluded.passed,
    drills = drills + excluded.drills,
    known = known + excluded.known,
    known_passed = known_passed + excluded.known_passed

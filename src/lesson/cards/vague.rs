//! Questions that ask nothing of their subject ("What matters about
//! syntax?"): how to tell them, so that a better one can be looked for
//! (see docs/lessons.md, "Questions").

/// What a question asking nothing of its subject names ("syntax" of
/// "What matters about syntax?").
pub(in crate::lesson::cards) fn asks_nothing_of(front: &str) -> Option<&str> {
    ["What matters about ", "What should you know about "]
        .iter()
        .find_map(|t| front.strip_prefix(t))
        .map(|rest| rest.trim_end_matches('?').trim())
}

/// What a vague question asks about: one asking nothing of its subject,
/// or only for advice on it ("What is the advice on syntax?").
pub(in crate::lesson::cards) fn vague_subject(front: &str) -> Option<&str> {
    asks_nothing_of(front).or_else(|| {
        front
            .strip_prefix("What is the advice on ")
            .map(|rest| rest.trim_end_matches('?').trim())
    })
}

/// "What matters about communication?": a question any section could ask,
/// which says nothing of where its heading stands; under a parent
/// heading, it names the parent ("… (System design interview)?").
pub(in crate::lesson::cards) fn vague(front: &str) -> bool {
    vague_subject(front).is_some()
}

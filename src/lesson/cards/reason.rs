//! Does a sentence give a reason, so that a point card may ask "why"
//! (see docs/lessons.md, "What it writes": the point card)?

use crate::lesson::language::{Analysis, LEXICON, Role, Word, known_verb};
use crate::lesson::text::norm;

use super::forms::is_base;

/// "Otherwise: the code turns into…": what comes of not following the
/// advice its heading gives, which is the reason for it (a label
/// best-practice guides use); it leans on that heading alone.
pub(super) fn otherwise_label(text: &str) -> bool {
    text.split_once(':')
        .is_some_and(|(label, _)| norm(label.trim()) == "otherwise")
}

/// A reason word (lexicon role `reason`), ", so" joining a consequence,
/// or an "Otherwise:" label. (Not the reason a thing is met, "Bar plots
/// are common because…": the caller leaves out what only remarks how
/// common its subject is.)
/// ("…otherwise use bullets": "otherwise" before an imperative offers the
/// other choice, it gives no reason.)
pub(super) fn gives_reason(a: &Analysis, lower: &[&str], consequence: bool) -> bool {
    let other_choice = |(i, e): &(usize, usize)| {
        e - i == 1
            && lower[*i] == "otherwise"
            && lower
                .get(*e)
                .is_some_and(|w| known_verb(w) == Some(true) && is_base(w))
    };
    // ("Try to keep an eye on the clock": after a verb, "to keep" is what
    // is tried, not a purpose.)
    let content: Vec<&Word> = a.content().collect();
    let complement = |&(i, _): &(usize, usize)| {
        lower[i] == "to" && i > 0 && LEXICON.is(&content[i - 1].norm, Role::InfinitiveTaking)
    };
    consequence
        || LEXICON
            .find(lower, Role::Reason)
            .iter()
            .any(|found| !other_choice(found) && !complement(found))
        || a.words
            .windows(2)
            .any(|p| p[0].norm == "," && p[1].norm == "so")
}

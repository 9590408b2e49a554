//! Headings placing their section in a case ("When the dough dries out",
//! "If you need to, you can skip meetings"), asked what to do then, or
//! when (see docs/lessons.md, "Point cards").

use crate::lesson::language::{Analysis, analyse};
use crate::lesson::text::word_count;

use super::ask::lower_first;
use super::question::rest_from;
use super::statement::{in_readers_words, invert};

/// A heading placing its section in a case ("When the dough dries out",
/// "If the build fails"): what to do then; but over a section that gives
/// no advice and states when ("Renting wins when you expect to move";
/// see [`states_when`]), "When…?" asks for the case itself: "When renting
/// wins" → "When does renting win?". A condition with its verb left out
/// asks when instead (see [`elided_case`]).
pub(super) fn case_question(h: &Analysis, text: &str, when: bool, apostrophe: char) -> String {
    if let Some(q) = elided_case(text) {
        return q;
    }
    let case = in_readers_words(h, text).unwrap_or_else(|| lower_first(text));
    let first = h.content().next().map(|w| w.norm.as_str());
    if when && first == Some("when") {
        let rest = rest_from(&analyse(&case), &case, 1);
        if let Some(q) = invert(&analyse(&rest), &rest, apostrophe, true) {
            return format!("When {q}?");
        }
    }
    format!("What should you do {case}?")
}

/// "If you need to, you can skip meetings", "If needed, you may leave
/// early": a condition with its verb left out names no case to ask about;
/// what the reader "can" or "may" do then is asked when: "When can you
/// skip meetings?".
pub(super) fn elided_case(text: &str) -> Option<String> {
    let (case, rest) = text.split_once(", ")?;
    let case = case.to_lowercase();
    let elided = case.ends_with(" to")
        || [
            "if needed",
            "if necessary",
            "if possible",
            "when needed",
            "when possible",
        ]
        .contains(&case.as_str());
    let rest = rest.trim_end_matches(['.', '!']);
    let (modal, done) = ["you can ", "you may "]
        .iter()
        .find_map(|m| rest.strip_prefix(m).map(|d| (m.split(' ').nth(1), d)))?;
    (elided && word_count(&case) <= 5)
        .then(|| format!("When {} you {done}?", modal.unwrap_or("can")))
}

//! Items of a list that say "they" of what the heading above names ("They
//! use poor technique" under "What's wrong with how schools teach
//! languages?"; see docs/lessons.md, "What it writes"): the question
//! names them, as a reader of one card cannot look up.

use crate::lesson::language::{Pos, Word, analyse};

use super::forms::looks_plural;

/// "They use poor technique" → "schools use poor technique": "they"
/// opening a heading stands for the first plural noun of the parent
/// heading that is the subject of a verb ("how schools teach…"). The
/// heading is returned as it is when the parent names none.
pub(super) fn they_are_the_parent(inline: String, parent: &str) -> String {
    let Some(rest) = inline
        .strip_prefix("they ")
        .or_else(|| inline.strip_prefix("They "))
    else {
        return inline;
    };
    let a = analyse(parent);
    let words: Vec<&Word> = a.content().collect();
    let subject = words.windows(2).find(|p| {
        p[0].pos == Pos::Noun
            && looks_plural(&p[0].norm)
            && matches!(p[1].pos, Pos::Verb | Pos::Aux)
    });
    match subject {
        Some(p) => format!("{} {rest}", &parent[p[0].start..p[0].end].to_lowercase()),
        None => inline,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn they_names_the_subject_of_the_heading_above() {
        let parent = "What\u{2019}s wrong with how schools teach languages?";
        assert_eq!(
            they_are_the_parent("they use poor technique".into(), parent),
            "schools use poor technique"
        );
        // A parent naming no plural subject leaves "they" as it is.
        assert_eq!(
            they_are_the_parent("they use poor technique".into(), "Common problems"),
            "they use poor technique"
        );
        assert_eq!(
            they_are_the_parent("use good technique".into(), parent),
            "use good technique"
        );
    }
}

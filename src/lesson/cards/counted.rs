//! Which of the lesson's headings its own text counts: writes after "a" or
//! "an" ("a sprint", "an ETF") or in the plural ("branches", "README
//! files"). A glossary term takes the article its text gives it; the
//! dictionary alone cannot tell "a venue" from "swag" (see
//! docs/lessons.md, "Glossary entries").

use std::collections::{BTreeSet, HashMap};

use crate::lesson::read::Lesson;
use crate::lesson::text::Casing;

/// Most words of a heading looked for.
const TERM_WORDS: usize = 3;

/// The words of a text, lower case, as a term is matched: letters, digits,
/// hyphens and apostrophes.
fn tokens(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '\u{2019}'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// The plurals a noun may take: "sprints", "branches", "policies".
fn plurals(noun: &str) -> Vec<String> {
    let mut out = vec![format!("{noun}s"), format!("{noun}es")];
    if let Some(stem) = noun.strip_suffix('y') {
        out.push(format!("{stem}ies"));
    }
    out
}

/// The headings (as questions write them inside a sentence, lower case)
/// that the lesson's text writes after an article or in the plural. One
/// pass over the text, whatever the number of headings.
pub(super) fn counted_terms(
    lesson: &Lesson,
    all_text: &[String],
    casing: &Casing,
) -> BTreeSet<String> {
    // Each form looked for, and the heading it stands for.
    let mut plural_of: HashMap<Vec<String>, String> = HashMap::new();
    let mut singular: HashMap<Vec<String>, String> = HashMap::new();
    for h in lesson.sections.iter().filter_map(|s| s.heading.as_deref()) {
        let inline = casing.inline_words(h).join(" ").to_lowercase();
        let words: Vec<String> = tokens(&inline).collect();
        let Some((last, before)) = words.split_last() else {
            continue;
        };
        if words.len() > TERM_WORDS {
            continue;
        }
        singular.insert(words.clone(), inline.clone());
        for p in plurals(last) {
            let mut form = before.to_vec();
            form.push(p);
            plural_of.insert(form, inline.clone());
        }
    }
    let mut counted = BTreeSet::new();
    if singular.is_empty() {
        return counted;
    }
    for sentence in all_text {
        let words: Vec<String> = tokens(sentence).collect();
        for start in 0..words.len() {
            for n in 1..=TERM_WORDS.min(words.len() - start) {
                let form = &words[start..start + n];
                if let Some(term) = plural_of.get(form) {
                    counted.insert(term.clone());
                }
                let after_article = start > 0 && matches!(words[start - 1].as_str(), "a" | "an");
                if let Some(term) = singular.get(form).filter(|_| after_article) {
                    counted.insert(term.clone());
                }
            }
        }
    }
    counted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_cover_the_common_endings() {
        assert!(plurals("branch").contains(&"branches".to_string()));
        assert!(plurals("policy").contains(&"policies".to_string()));
        assert!(plurals("sprint").contains(&"sprints".to_string()));
    }

    #[test]
    fn tokens_are_lower_case_words() {
        let t: Vec<String> = tokens("An ETF, or READMEs—fine.").collect();
        assert_eq!(t, ["an", "etf", "or", "readmes", "fine"]);
    }
}

//! What the whole lesson shares, read before its sections: the form its
//! headings take, its apostrophe, and the short advice that heads a
//! paragraph without a heading.

use super::ask::{Ask, classify};
use super::sentence::Sent;
use crate::lesson::language::analyse;
use crate::lesson::read::Lesson;
use crate::lesson::text::{Casing, sentences};

/// Do most of the lesson's headings give advice ("Weigh the beans", "Rinse
/// the filter")? Headings of one lesson share a form, so then a heading the
/// tagger reads as a noun phrase ("Grind just before brewing") is advice
/// too.
pub(super) fn heading_style(lesson: &Lesson, sents: &[Vec<Sent>], casing: &Casing) -> bool {
    let asks: Vec<Ask> = lesson
        .sections
        .iter()
        .zip(sents)
        .filter_map(|(section, ss)| {
            let inline = casing.inline_words(section.heading.as_deref()?).join(" ");
            let advises = ss.iter().any(|s| s.imperative);
            Some(classify(&analyse(&inline), section, advises))
        })
        .collect();
    let advice = asks
        .iter()
        .filter(|a| matches!(a, Ask::Do | Ask::DoNot | Ask::Always))
        .count();
    advice >= 2 && advice * 2 >= asks.len()
}

/// Every sentence of the lesson, to learn its casing and apostrophe from.
pub(super) fn lesson_sentences(lesson: &Lesson) -> Vec<String> {
    let mut all_text: Vec<String> = lesson
        .intro
        .iter()
        .flat_map(|p| sentences(&p.text))
        .collect();
    for s in &lesson.sections {
        all_text.extend(s.body.iter().flat_map(|p| sentences(&p.text)));
    }
    all_text
}

/// The apostrophe questions use: the typographic one when the lesson writes
/// more of those than straight ones.
pub(super) fn apostrophe_of(all_text: &[String]) -> char {
    let count = |c: char| all_text.iter().map(|t| t.matches(c).count()).sum::<usize>();
    if count('\u{2019}') > count('\'') {
        '\u{2019}'
    } else {
        '\''
    }
}

/// A paragraph without a heading that opens with a short piece of advice
/// ("Date every page.") is headed by it: the sentence leaves the body.
pub(super) fn take_openers(lesson: &Lesson, sents: &mut [Vec<Sent>]) -> Vec<Option<String>> {
    lesson
        .sections
        .iter()
        .zip(sents.iter_mut())
        .map(|(section, ss)| {
            let opens = section.heading.is_none()
                && ss.len() >= 2
                && ss[0].imperative
                && ss[0].words() <= 12
                && !ss[0].text.ends_with('?');
            opens.then(|| {
                let first = ss.remove(0);
                first.text.trim_end_matches(['.', '!']).to_string()
            })
        })
        .collect()
}

/// "What is it?", "Why use it?": a short question whose last word "it" can
/// only be the lesson's subject, which its title names.
pub(super) fn it_is_the_title(inline: String, title: &str) -> String {
    let words: Vec<&str> = inline.split(' ').collect();
    let it = |w: &str| {
        w.trim_end_matches(['?', '.', '!'])
            .eq_ignore_ascii_case("it")
    };
    let asks = words.first().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "what" | "why" | "how" | "who" | "where" | "when"
        )
    });
    if words.len() > 4 || !asks || !words.last().is_some_and(|w| it(w)) {
        return inline;
    }
    let last = words[words.len() - 1];
    let mark = &last[2..];
    let mut out: Vec<String> = words[..words.len() - 1]
        .iter()
        .map(|w| w.to_string())
        .collect();
    out.push(format!("{title}{mark}"));
    out.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_question_about_it_asks_about_the_title() {
        let t = |h: &str| it_is_the_title(h.to_string(), "Git bisect");
        assert_eq!(t("What is it?"), "What is Git bisect?");
        assert_eq!(t("Why use it"), "Why use Git bisect");
        // An idiom keeps its "it".
        assert_eq!(t("Keep at it"), "Keep at it");
        assert_eq!(t("What makes it fast?"), "What makes it fast?");
    }
}

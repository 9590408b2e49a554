//! The point card's back written out from the sentences chosen for it
//! (see docs/lessons.md, "Backs"): labels and leaning connectives dropped,
//! each sentence stopped, the whole cut at a clause when it runs long.

use super::BACK_CHARS;
use super::sentence::{Sent, summary_label};
use crate::lesson::language::Pos;
use crate::lesson::read::PieceKind;
use crate::lesson::text::{abbreviation, capitalise, ends_sentence};

/// The chosen sentences, in order, as one back.
pub(super) fn compose_back(ss: &[Sent], chosen: &[usize]) -> String {
    let parts: Vec<String> = chosen
        .iter()
        .map(|&i| {
            let text = without_label(&ss[i].text);
            // A back that starts the card cannot lean on what comes before
            // it: a connective before a comma ("As a consequence, …") goes.
            let text = if k_first(chosen, i) {
                without_connective(&ss[i], text)
            } else {
                text
            };
            // (A lead-in answering alone ends with a period, not its colon;
            // an item of a list, not its semicolon.)
            let text = text.trim_end_matches([':', ';']).trim_end();
            let s = if spelt_lower(&ss[i], text) {
                text.to_string()
            } else {
                capitalise(text)
            };
            if ends_sentence(&s) {
                s
            } else {
                format!("{s}.")
            }
        })
        .collect();
    shorten(&parts.join(" "), BACK_CHARS + 50)
}

/// "`ssh` connects to the host.": a paragraph's sentence the writer
/// opened in lower case, on a name or a command rather than a word of
/// grammar, starts with something spelt so, which keeps its case.
fn spelt_lower(s: &Sent, text: &str) -> bool {
    s.kind == PieceKind::Para
        && s.text.starts_with(text)
        && text.starts_with(|c: char| c.is_ascii_lowercase())
        && s.a
            .content()
            .next()
            .is_some_and(|w| matches!(w.pos, Pos::Noun | Pos::Propn | Pos::Sym | Pos::Verb))
}

fn k_first(chosen: &[usize], i: usize) -> bool {
    chosen.first() == Some(&i)
}

/// The sentence without the connective it opens with, when a comma closes
/// the connective and the rest can stand: "However, the cache…" → "the
/// cache…". Pronoun openers ("This is…") stay: without them nothing is left.
fn without_connective<'a>(s: &Sent, text: &'a str) -> &'a str {
    let Some(n) = s.leans else { return text };
    let words: Vec<&crate::lesson::language::Word> = s.a.content().collect();
    let Some(last) = words.get(n.saturating_sub(1)) else {
        return text;
    };
    // ("Second, a web server…": the tagger may call an ordinal an
    // adjective.)
    let ordinal = super::leaning::SERIES.contains(&words[0].norm.as_str());
    if n == 0 || !(ordinal || matches!(words[0].pos, Pos::Adv | Pos::Adp | Pos::Cconj | Pos::Sconj))
    {
        return text;
    }
    // ("But writers seem to define…": a lone "but", "and", "yet" needs no
    // comma to go.)
    if n == 1
        && matches!(words[0].norm.as_str(), "but" | "and" | "yet")
        && let Some(next) = words.get(1)
        && words.len() >= 5
    {
        return &text[next.start..];
    }
    match text[last.end..].strip_prefix(',') {
        Some(rest) if rest.split_whitespace().count() >= 4 => rest.trim_start(),
        _ => text,
    }
}

/// "Note: No engine does this." → "No engine does this.": a label of one
/// or two words before a sentence is not part of the answer.
pub(super) fn without_label(text: &str) -> &str {
    match text.split_once(": ") {
        Some((label, rest))
            if label.split_whitespace().count() <= 4
                && (label.chars().all(|c| c.is_alphabetic() || c == ' ')
                    || summary_label(text))
                && rest.chars().next().is_some_and(char::is_uppercase) =>
        {
            rest
        }
        _ => text,
    }
}

/// Cuts text longer than `max` characters at its last clause boundary.
pub(super) fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max - 1).collect();
    // ("…theft too (i.e. Bikmo).": an abbreviation's full stop ends no
    // sentence to cut at.)
    let stop = cut
        .match_indices(". ")
        .map(|(i, _)| i)
        .filter(|&i| !abbreviation(cut[..=i].rsplit(' ').next().unwrap_or("")))
        .last();
    let at = [". ", "; ", " \u{2014} ", ", "]
        .iter()
        .filter_map(|sep| {
            let found = if *sep == ". " { stop } else { cut.rfind(sep) };
            found.map(|i| (i, sep))
        })
        .find(|(i, _)| *i > max / 3)
        .map(|(i, sep)| if *sep == ". " { i + 1 } else { i });
    match at {
        Some(i) if cut[..i].ends_with('.') => cut[..i].to_string(),
        Some(i) => format!("{}\u{2026}", cut[..i].trim_end()),
        None => format!(
            "{}\u{2026}",
            cut[..cut.rfind(' ').unwrap_or(cut.len())].trim_end()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::compose_back;
    use crate::lesson::cards::sentence::Sent;
    use crate::lesson::read::PieceKind;

    #[test]
    fn a_long_back_is_not_cut_after_an_abbreviation() {
        let text = format!(
            "{} Theft is covered too (i.e. by the add-on) at extra cost.",
            "Cover is cheap and pays for repairs after a crash. ".repeat(3)
        );
        let short = super::shorten(&text, 170);
        assert!(!short.ends_with("(i.e."), "{short}");
        assert!(short.ends_with("after a crash."), "{short}");
    }

    #[test]
    fn a_back_opening_the_card_drops_its_connective_or_ordinal() {
        for (text, back) in [
            (
                "However, the cache keeps every answer for an hour.",
                "The cache keeps every answer for an hour.",
            ),
            (
                "Second, a web server supports the protocol browsers speak.",
                "A web server supports the protocol browsers speak.",
            ),
        ] {
            let ss = vec![Sent::new(text.into(), PieceKind::Para)];
            assert_eq!(compose_back(&ss, &[0]), back);
        }
    }
}

//! Quoted wording in a lesson: sample text, a script to say, someone's
//! words. It is never a card's answer (see docs/lessons.md).

use crate::lesson::language::{Analysis, LEXICON, Pos, Role, Word, past_form};
use crate::lesson::read::{Piece, PieceKind};

use super::sentence::Sent;
use crate::lesson::text::word_count;

/// The byte spans between paired quotation marks ("…", “…”).
pub(super) fn quoted_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (c, open) {
            ('\u{201c}', _) => open = Some(i),
            ('"', None) => open = Some(i),
            ('\u{201d}' | '"', Some(from)) => {
                spans.push((from, i));
                open = None;
            }
            _ => {}
        }
    }
    spans
}

/// "Conway's Law states “organizations which design systems…”": a law,
/// a principle or a maxim stated in its own quoted words. Its words are
/// what the lesson teaches, no script to say: the sentence is the
/// writer's, and "What does Conway's Law state?" asks for them.
pub(super) fn states_a_law(a: &Analysis) -> bool {
    let words = &a.words;
    let Some(v) = words
        .iter()
        .position(|w| matches!(w.pos, Pos::Verb | Pos::Aux))
    else {
        return false;
    };
    let named = words[..v]
        .iter()
        .any(|w| LEXICON.is(&w.norm, Role::LawNoun));
    (1..=6).contains(&v)
        && named
        && words.get(v + 1).is_some_and(opens_said)
        && LEXICON.is(&words[v].norm, Role::SayingVerb)
}

/// What opens the words a verb of saying says: a quotation mark or a
/// colon ("states: …").
pub(super) fn opens_said(w: &Word) -> bool {
    w.opens_quotation() || w.norm == ":"
}

/// Does the sentence carry a quotation of five words or more?
pub(super) fn quotes_a_script(s: &str) -> bool {
    let mut inside: Option<usize> = None;
    // A quote mark ending the sentence, where a quotation closes.
    let last_mark = s
        .trim_end_matches(['.', '!', '?', ')'])
        .len()
        .checked_sub(1);
    for (i, c) in s.char_indices() {
        match (c, inside) {
            // The end of a quotation opened in a sentence before ("…left
            // their mark on everyone.”").
            ('\u{201d}', None) => return word_count(&s[..i]) >= 5,
            ('"', None) if Some(i) == last_mark => return word_count(&s[..i]) >= 5,
            ('\u{201c}', _) | ('"', None) => inside = Some(i + c.len_utf8()),
            ('\u{201d}' | '"', Some(start)) => {
                // (A sentence of its own around a short quotation is the
                // writer's: "…thorough enough to “ship if it passes the
                // tests”.")
                let quoted = word_count(&s[start..i]);
                let around = word_count(&s[..start]) + word_count(&s[i..]);
                if quoted >= 5 && around < 2 * quoted {
                    return true;
                }
                inside = None;
            }
            _ => {}
        }
    }
    // An opening quote never closed in this sentence.
    inside.is_some_and(|start| word_count(&s[start..]) >= 5)
}

/// For each sentence of a paragraph: is it inside a quotation that spans
/// sentences (“Celebrate… Now through July… fund!”), opened in a sentence
/// before it and not closed in it? Then it is quoted wording too.
pub(super) fn within_a_quotation(ss: &[String]) -> Vec<bool> {
    let mut in_quote = false;
    ss.iter()
        .map(|s| {
            let opens = s.matches('\u{201c}').count();
            let closes = s.matches('\u{201d}').count();
            let through = in_quote && closes == 0;
            in_quote = if in_quote {
                closes == 0
            } else {
                opens > closes
            };
            through
        })
        .collect()
}

/// The sentence's words the writer says themselves: words someone is
/// quoted saying ("They say “I don't know”") are not the writer's, nor is
/// an "I" that is a numeral (see [`numeral_i`]).
pub(super) fn own_words<'a>(a: &'a Analysis, text: &str) -> Vec<&'a str> {
    let spans = quoted_spans(text);
    let content: Vec<&Word> = a.content().collect();
    content
        .iter()
        .enumerate()
        .filter(|&(k, w)| {
            let quoted = spans
                .iter()
                .any(|&(from, to)| w.start >= from && w.end <= to);
            !(quoted || (w.norm == "i" && numeral_i(&content, k)))
        })
        .map(|(_, w)| w.norm.as_str())
        .collect()
}

/// "We embraced lockfiles with open arms", "We then decided to…": the
/// writers ("we") and a verb in the past, an adverb between or not, tell
/// their own story, as "I" does (a present "we use" explains).
pub(super) fn writers_past(own: &[&str]) -> bool {
    own.iter().enumerate().any(|(k, w)| {
        *w == "we"
            && match own.get(k + 1) {
                Some(next) if next.ends_with("ly") || *next == "then" => {
                    own.get(k + 2).is_some_and(|v| past_form(v))
                }
                Some(next) => past_form(next),
                None => false,
            }
    })
}

/// "Title I of the Act", "World War I.", "Phase I trials": an "I" the
/// pronoun is followed by its verb ("I think", "I've", "I really…");
/// followed by anything else, it is a numeral, and tells no story.
fn numeral_i(content: &[&Word], k: usize) -> bool {
    content.get(k + 1).is_none_or(|next| {
        !matches!(next.pos, Pos::Verb | Pos::Aux | Pos::Adv) && !next.norm.starts_with('\'')
    })
}

/// The quote holding piece `k` (the run of quoted pieces around it) names
/// no speaker: no line of it opens on a dash ("— @gabek, maintainer…") or
/// ends on one before a name ("… – Anna Quindlen").
pub(super) fn unattributed(body: &[Piece], k: usize) -> bool {
    let quote = |p: &&Piece| p.kind == PieceKind::Quote;
    let before = body[..k].iter().rev().take_while(quote);
    let after = body[k..].iter().take_while(quote);
    !before.chain(after).any(|p| {
        let t = p.text.trim();
        t.starts_with(['-', '\u{2013}', '\u{2014}'])
            || [" - ", " \u{2013} ", " \u{2014} "].iter().any(|d| {
                t.rfind(d)
                    .is_some_and(|at| t[at + d.len()..].split_whitespace().count() <= 6)
            })
    })
}

/// A tutorial quotes a reference for what a thing is ("> B-tree is a
/// self-balancing tree data structure…"): a statement in the third person,
/// its subject a noun phrase, with no quotation marks and nobody speaking,
/// is the text's substance, not what someone said (see docs/lessons.md,
/// "Backs").
pub(super) fn cited_statement(s: &Sent) -> bool {
    let opens_on_a_name = s.a.content().next().is_some_and(|w| {
        matches!(w.pos, Pos::Det | Pos::Noun | Pos::Propn | Pos::Adj) && w.norm != "that"
    });
    // (The first person is `personal` already; the second speaks too.)
    let speaker =
        s.a.content()
            .any(|w| matches!(w.norm.as_str(), "you" | "your" | "yours" | "yourself"));
    opens_on_a_name
        && !speaker
        && !s.personal
        && !s.imperative
        && !s.fragment
        && !s.text.contains(['"', '\u{201c}', '\u{201d}'])
        && s.a.content().any(|w| matches!(w.pos, Pos::Verb | Pos::Aux))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::read::{Piece, PieceKind, Section};

    #[test]
    fn every_sentence_of_a_quotation_is_quoted_wording() {
        let section = Section {
            heading: Some("A sample note".into()),
            context: None,
            lead_in: None,
            sentence_heading: false,
            tip: false,
            glossed: false,
            step: false,
            body: vec![Piece::made(
                PieceKind::Para,
                "Tone: warm and brief. Example: \u{201c}Thanks for coming to the \
                 picnic on Sunday. We loved seeing all of you there today. See you \
                 again at the next one in the spring.\u{201d} Keep it short."
                    .into(),
            )],
            line: 1,
        };
        let quoted: Vec<bool> = super::super::sentence::section_sentences(&section)
            .iter()
            .map(|s| s.quoted)
            .collect();
        assert_eq!(quoted, [false, true, true, true, false]);
        // A straight quote closing the sentence ends a quotation too.
        assert!(quotes_a_script("we will see you again at the next one.\""));
        assert!(!quotes_a_script("Call it \"done\"."));
        assert!(quotes_a_script(
            "They say \u{201c}I have no idea what to do here\u{201d}."
        ));
        assert!(!quotes_a_script(
            "Include negative tests and ensure the test suite is thorough enough to \u{201c}ship if it passes the tests\u{201d}."
        ));
    }

    #[test]
    fn a_law_stated_in_its_own_words_is_the_lessons() {
        let law = "Conway's Law states \"organizations which design systems copy their communication structures.\"";
        let s = super::super::sentence::Sent::new(law.into(), PieceKind::Para);
        assert!(!s.quoted && s.substantive());
        // (A script the reader is to say stays quoted.)
        let script = "Then say \"I have no idea what to do here, can you help me?\"";
        assert!(super::super::sentence::Sent::new(script.into(), PieceKind::Para).quoted);
    }
}

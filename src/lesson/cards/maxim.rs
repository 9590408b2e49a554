//! Headings asked as sayings (see docs/lessons.md, "What it writes"): a
//! maxim setting one doing against another ("Push, don't pull") is asked
//! what it means, and a claim answered by advice ("Resentment builds over
//! time…" over "Give feedback early") what to do.

use super::Part;
use super::ask::Ask;
use super::case::readers_case;
use super::finite::finite_verb;
use super::forms::is_base;
use crate::lesson::language::{Pos, analyse, verb_reading};
use crate::lesson::text::{norm, word_count};

/// "Resentment builds over time due to unspoken problems" over "Give
/// feedback early…": a claim whose section answers with advice is asked
/// what to do, not how the claim comes about, which the back never says.
/// (Not a claim asked "What if…", nor one the back explains.)
pub(super) fn advice_on_a_claim(part: &Part, on_back: &[usize]) -> Option<String> {
    let topic = &part.topic;
    let &first = on_back.first()?;
    let advice = part.ss[first].imperative && !part.ss[first].text.ends_with('?');
    let words: Vec<_> = topic.analysis.content().collect();
    // (Not a quality, "Time management is important", asked why, nor a
    // step told to the reader, "Now you will knead the dough", asked how:
    // only a noun's doing, "Resentment builds".)
    let v = finite_verb(&topic.analysis, false)?;
    let doing = !matches!(words[v].norm.as_str(), "is" | "are" | "was" | "were" | "be")
        && words[..v].iter().all(|w| w.pos != Pos::Pron)
        && words[..v].iter().any(|w| w.pos.is_nominal());
    // (A trouble reported, "The query times out", asks what to do if it
    // happens: see `question.rs`.)
    let trouble = super::finite::reports_trouble(&words);
    (topic.ask == Ask::Statement
        && advice
        && doing
        && !trouble
        && !readers_case(&words)
        && words.len() >= 3)
        .then(|| {
            let claim = topic.shown.trim_end_matches(['.', '!']);
            format!("\u{201c}{claim}\u{201d}: what should you do?")
        })
}

/// "Push, don't pull", "Ship, then polish": a maxim setting one doing
/// against another, a few words each side of its comma, is asked what it
/// means in practice; "What is the advice on push, don't pull?" reads as
/// a broken question.
pub(super) fn contrast_maxim(heading: &str) -> Option<String> {
    let (first, second) = heading.trim_end_matches(['.', '!']).split_once(", ")?;
    let second_norm = norm(second);
    // (Against another doing: "Write down decisions, not discussions"
    // sets one object against another, plain advice.)
    let opposes = ["don't ", "do not ", "not ", "never ", "then "]
        .iter()
        .any(|o| {
            second_norm.strip_prefix(o).is_some_and(|rest| {
                let next = rest.split_whitespace().next().unwrap_or("");
                is_base(next) && verb_reading(next)
            })
        });
    let short = |t: &str| (1..=MAXIM_SIDE_WORDS).contains(&word_count(t));
    let first_verb = analyse(first)
        .content()
        .next()
        .is_some_and(|w| is_base(&w.norm) && verb_reading(&w.norm));
    (opposes && short(first) && short(second) && first_verb && !second.contains(',')).then(|| {
        format!(
            "What does \u{201c}{}\u{201d} mean in practice?",
            heading.trim_end_matches('.')
        )
    })
}

/// Most words on each side of a maxim's comma.
const MAXIM_SIDE_WORDS: usize = 4;

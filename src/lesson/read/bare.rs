//! Lines of a paragraph pasted without blank lines that are the items of
//! a list which lost its bullets, not headings (see docs/lessons.md, "What
//! it reads").

use super::heading::ends_needing_more;
use super::plain::numbered_label;
use crate::lesson::language::{Pos, advice_start, analyse, known_verb};
use crate::lesson::text::{ends_sentence, sentences, word_count};

/// Fewest short lines in a row, none ending a sentence, that are a list
/// which lost its bullets rather than headings.
const BARE_LIST_LINES: usize = 3;

/// Most words of a line of such a list.
const BARE_ITEM_WORDS: usize = 16;

/// "Include plenty of white space", "Use large fonts", "Define jargon", one
/// under the other with no text between, in a paragraph pasted without
/// blank lines: lines that head nothing are the items of a list which lost
/// its bullets. Only the last of such a run may head the text after it;
/// the others are marked (see docs/lessons.md, "What it reads").
pub(super) fn bare_items(lines: &[String]) -> Vec<bool> {
    // (Each a line of its own, opening with a capital and needing nothing
    // after it: not a paragraph wrapped by hand.)
    let short = |l: &String| {
        let l = l.trim_end();
        word_count(l) <= BARE_ITEM_WORDS
            && !l.ends_with(['.', ':', '?', '!', ',', ';'])
            && l.starts_with(|c: char| c.is_uppercase())
            && !ends_needing_more(l)
            // ("Tip 2: Talk to someone" is a heading whatever surrounds it.)
            && !numbered_label(l)
            && !l.contains(": ")
    };
    let mut bare = vec![false; lines.len()];
    let mut k = 0;
    while k < lines.len() {
        let run = lines[k..].iter().take_while(|l| short(l)).count();
        // (The line after the run opens with a capital too, or the last
        // line of the run was wrapped.)
        let wrapped = lines
            .get(k + run)
            .is_some_and(|l| l.starts_with(|c: char| c.is_lowercase()));
        let run = if wrapped { run.saturating_sub(1) } else { run };
        // (A run reaching the paragraph's end heads nothing: all items.)
        let last_heads = k + run < lines.len();
        if run >= BARE_LIST_LINES {
            let items = if last_heads { run - 1 } else { run };
            bare[k..k + items].iter_mut().for_each(|b| *b = true);
        }
        k += run.max(1);
    }
    // Questions one under another ("Who would I work with?", "How is
    // success measured?") are a checklist of questions which lost its
    // bullets: an FAQ answers each question before the next. The last
    // one heads the text after it only when that text answers it.
    let asks = |l: &String| {
        let l = l.trim_end();
        // ("Has it bitten anyone? (even in play)": an aside may follow.)
        (l.ends_with('?') || (l.ends_with(')') && l.contains("? (")))
            && word_count(l) <= BARE_ITEM_WORDS + 4
            && l.starts_with(|c: char| c.is_uppercase())
    };
    let mut k = 0;
    while k < lines.len() {
        let run = lines[k..].iter().take_while(|l| asks(l)).count();
        if run >= 2 {
            let answered = lines
                .get(k + run)
                .is_some_and(|l| ends_sentence(l.trim_end()) && !l.trim_end().ends_with('?'));
            let items = if answered { run - 1 } else { run };
            bare[k..k + items].iter_mut().for_each(|b| *b = true);
        }
        k += run.max(1);
    }
    for (b, a) in bare.iter_mut().zip(advice_items(lines)) {
        *b |= a;
    }
    bare
}

/// "Write and review design docs. As with…", "Help team members when
/// they're stuck. Sometimes…", "Communicate successes!": three lines or
/// more one under another, each giving advice in its first sentence
/// ("Proactively communicate risks", "When stuck, ask"), are a list of tips
/// which lost its bullets, whatever their length or punctuation (a web
/// page pasted as text). Not when the lines take turns, a line with no
/// final stop over a sentence, as a heading over its paragraph does
/// ("Rehearse with a timer" over "Time each part."); and the run's last
/// line heads the text after it when it could be a heading and that text
/// gives no advice.
fn advice_items(lines: &[String]) -> Vec<bool> {
    let advises = |l: &String| {
        let first = sentences(l).into_iter().next().unwrap_or_default();
        let a = analyse(&first);
        let words: Vec<_> = a.words.iter().collect();
        // (The tagger may miss a verb opening a line alone, "Welcome new
        // members…": a verb the dictionary knows, before its object, gives
        // advice too.)
        let verb_first = words
            .first()
            .is_some_and(|w| known_verb(&w.norm) == Some(true))
            && words.get(1).is_some_and(|w| {
                matches!(
                    w.pos,
                    Pos::Det | Pos::Pron | Pos::Adj | Pos::Noun | Pos::Num
                )
            });
        l.starts_with(|c: char| c.is_uppercase()) && (verb_first || advice_start(&words).is_some())
    };
    let mut items = vec![false; lines.len()];
    // (Too few lines for a list: no line need be tagged.)
    if lines.len() < BARE_LIST_LINES {
        return items;
    }
    // Each line tagged once. (A heading's form: one sentence with no
    // final stop.)
    let advice: Vec<bool> = lines.iter().map(advises).collect();
    let headlike: Vec<bool> = lines
        .iter()
        .map(|l| !ends_sentence(l.trim_end()) && sentences(l).len() == 1)
        .collect();
    let mut k = 0;
    while k < lines.len() {
        let run = advice[k..].iter().take_while(|&&a| a).count();
        let taking_turns = headlike[k..k + run].windows(2).all(|w| w[0] != w[1]);
        let heads_after = k + run < lines.len() && run > 0 && headlike[k + run - 1];
        let n = if heads_after {
            run.saturating_sub(1)
        } else {
            run
        };
        if n >= BARE_LIST_LINES && !taking_turns {
            items[k..k + n].iter_mut().for_each(|b| *b = true);
        }
        k += run.max(1);
    }
    items
}

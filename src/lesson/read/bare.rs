//! Lines of a paragraph pasted without blank lines that are the items of
//! a list which lost its bullets, not headings (see docs/lessons.md, "What
//! it reads").

use super::plain::{ends_needing_more, numbered_label};
use crate::lesson::text::{ends_sentence, word_count};

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
    bare
}

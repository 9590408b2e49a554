//! Plain text: which lines are headings when the lesson has no Markdown
//! headings ([`heading_like`]), even inside a paragraph without blank lines.

use std::collections::HashSet;

use super::bare::bare_items;
use super::clean_heading;
use super::heading::ends_needing_more;
use super::markdown::{Block, Kind};
use super::pasted::is_code_line;
use crate::lesson::lexicon::{LEXICON, Role};
use crate::lesson::text::{
    ends_sentence, is_title_case, roman_numeral, sentences, squash, word_count,
};

/// "Tip 4: Connect to others", "Step 2 - Mix", "Part III. Results": a
/// capitalised word, a number (Arabic or Roman) and a mark, then a title
/// in capitals.
pub(super) fn numbered_label(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let (Some(label), Some(number), Some(title)) = (words.next(), words.next(), words.next())
    else {
        return false;
    };
    let title = if matches!(title, "-" | "\u{2013}" | "\u{2014}") {
        words.next().unwrap_or("")
    } else {
        title
    };
    let number = number.trim_end_matches([':', '.', ')']);
    let numeral =
        !number.is_empty() && (number.chars().all(|c| c.is_ascii_digit()) || roman_numeral(number));
    label.chars().next().is_some_and(char::is_uppercase)
        && label.chars().skip(1).all(char::is_lowercase)
        && numeral
        && title.chars().next().is_some_and(char::is_uppercase)
}

/// Could this line be a heading, given the line before it in its block (if
/// any) and whether text follows it? `Some(true)` for a strong candidate
/// (Title Case, a question, no final period), `Some(false)` for a weak one (a
/// short plain sentence standing alone), `None` for body text.
/// Does the line after a heading-like one go on with its sentence rather
/// than start a new one? ("— it still requires…", a dash before lower
/// case, goes on too.)
fn goes_on(after: &str) -> bool {
    let dashed = after.starts_with(['\u{2014}', '\u{2013}', '-'])
        && after
            .trim_start_matches(['\u{2014}', '\u{2013}', '-'])
            .trim_start()
            .starts_with(char::is_lowercase);
    dashed
        || after
            .chars()
            .next()
            .is_some_and(|c| c.is_lowercase() || matches!(c, ',' | ';' | ')' | '('))
}

/// Does the line after a heading-like one of `words` words go on with its
/// sentence? Not when the line is a few words atop its block over a long
/// one ("Therapy" over "massage - focus on the arms…"): a line wrapped by
/// hand would run as long as the next.
fn continued(words: usize, before: Option<&str>, after: Option<&str>) -> bool {
    let short_atop = before.is_none()
        && words <= 3
        && after.is_some_and(|a| a.chars().count() > 40 * words.max(1));
    after.is_some_and(goes_on) && !short_atop
}

/// "See also: The multiprocessing module…": a pointer's label opening the
/// line (lexicon role `pointer-opening`); it heads nothing.
fn pointer_label(line: &str) -> bool {
    let label = line.split_once(':').map(|(l, _)| l.trim().to_lowercase());
    label.is_some_and(|l| LEXICON.is(&l, Role::PointerOpening))
}

/// A quotation opened or closed on another line ("Step 2: rest well\"")
/// is quoted text running over lines; so is a bracket left open
/// ("…snapshot isolation (or MVCC" then "\"without locking\") is…").
/// (Curly quotes are counted together, as „German“ pairs them.)
fn runs_over(line: &str) -> bool {
    let count = |cs: &[char]| line.chars().filter(|x| cs.contains(x)).count();
    count(&['"']) % 2 == 1
        || count(&['\u{201c}', '\u{201d}', '\u{201e}']) % 2 == 1
        || count(&['(']) > count(&[')'])
        || count(&['[']) > count(&[']'])
}

pub(super) fn heading_like(line: &str, before: Option<&str>, after: Option<&str>) -> Option<bool> {
    let words = word_count(line);
    // (A question may run longer: "Can I remove the licence from minified
    // code (e.g., JavaScript)?")
    let (most_words, most_chars) = if line.ends_with('?') {
        (20, 140)
    } else {
        (12, 90)
    };
    if words == 0 || words > most_words || line.chars().count() > most_chars {
        return None;
    }
    if line.ends_with([',', ';', ':', '\u{2014}', '\u{2013}', '-', '(']) {
        return None;
    }
    // "— Nunko, January 2022": a quotation's attribution, under the quote.
    if line.starts_with(['\u{2014}', '\u{2015}']) || line.starts_with("-- ") {
        return None;
    }
    if runs_over(line) || super::heading::announces_what_follows(line) || pointer_label(line) {
        return None;
    }
    // A line ending in a word that needs what follows ("…provided in") is
    // text wrapped by hand.
    if words > 1 && ends_needing_more(line) {
        return None;
    }
    // The line before must end a sentence: otherwise this one continues it.
    // After a lead-in ("Before you send it:") come the items it announces.
    // (A numbered label, "Tip 4: Connect to others", continues nothing: a
    // page pasted as text may have lost the period before it.)
    if before.is_some_and(|b| (!ends_sentence(b) && !numbered_label(line)) || b.ends_with(':')) {
        return None;
    }
    if continued(words, before, after) {
        return None;
    }
    // A line of a script ("Interviewer: …?" beside "Candidate: …").
    if speaker(line).is_some()
        && [before, after]
            .iter()
            .flatten()
            .any(|l| speaker(l).is_some())
    {
        return None;
    }
    if is_code_line(line) {
        return None;
    }
    // "See our guide to mental health services.", "Find out how to get
    // support.": a page's link, sending the reader elsewhere, heads
    // nothing (lexicon role `pointer-opening`).
    if ends_sentence(line) && LEXICON.text_opens_with(line, Role::PointerOpening) {
        return None;
    }
    let first = line.chars().find(|c| c.is_alphanumeric())?;
    if (!first.is_uppercase() && !first.is_ascii_digit()) || speaks_of_the_text(line) {
        return None;
    }
    // One sentence; or, ending in a question, two ("What is a copyleft
    // license? A permissive license?", "I have one file. Should I…?"), as
    // FAQs ask.
    let inner = line.trim_end_matches(['.', '?', '!']);
    let most = if line.ends_with('?') { 2 } else { 1 };
    if sentences(inner).len() > most {
        return None;
    }
    let strong = strong_heading(line, words);
    if strong {
        Some(true)
    } else if words <= 8 && !line.contains(',') {
        Some(false)
    } else {
        None
    }
}

/// "What do I mean by this?", "What does that mean?": a question of what
/// the text just said means; "This is love.", "I realize it.": a remark on
/// it or on the writer. Neither heads anything.
fn speaks_of_the_text(line: &str) -> bool {
    let lower = line.to_lowercase();
    let leans = lower.contains("mean") && [" this", " that"].iter().any(|p| lower.contains(p));
    (line.ends_with('?') && leans) || (ends_sentence(line) && super::heading::opens_a_remark(line))
}

/// The speaker a line of a script opens with ("Interviewer: …",
/// "Candidate: …"): one or two capitalised words before a colon, but for
/// a FAQ's "Q:" and "A:", whose question heads its answer.
fn speaker(line: &str) -> Option<&str> {
    let (label, rest) = line.split_once(": ")?;
    let words: Vec<&str> = label.split(' ').collect();
    let named = words.len() <= 2
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(char::is_alphabetic)
        });
    (named && !matches!(label, "Q" | "A") && !rest.trim().is_empty()).then_some(label)
}

/// A strong heading candidate: Title Case, a question, a short exclamation,
/// or a line with no final period.
fn strong_heading(line: &str, words: usize) -> bool {
    // "Keep at it!": a short exclamation on a line of its own heads what
    // follows as a question does.
    let exclaims = line.ends_with('!') && words <= 5;
    // ("Don't say \"just...\"": an ellipsis trails off, it ends no
    // sentence.)
    let bare = line.trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}']);
    let trails_off = bare.ends_with("...") || bare.ends_with('\u{2026}');
    is_title_case(line) || line.ends_with('?') || exclaims || trails_off || !ends_sentence(line)
}

/// A block that may become a heading: `Some(true)` for a strong candidate,
/// `Some(false)` for a weak one (see [`heading_like`]).
struct Cand {
    block: Block,
    strong: Option<bool>,
}

impl Cand {
    fn para(lines: Vec<String>, line: usize, strong: Option<bool>) -> Cand {
        Cand {
            block: Block {
                kind: Kind::Para,
                lines,
                line,
                stressed: Vec::new(),
                terms: Vec::new(),
                lead: None,
                code: Vec::new(),
            },
            strong,
        }
    }
}

/// A table of contents pasted with the text: a line naming it ("Table of
/// Contents", "On this page") over a list of one-line items. Returns the
/// blocks without it, the first block after it and its entries, when at least two of
/// them stand later as lines of their own: then those lines are headings,
/// and the text above the contents is the introduction, however much a line
/// of it looks like a heading (a line wrapped by hand, a quotation). Lines
/// below it are judged as ever: a contents often lists only the top level.
fn contents(mut blocks: Vec<Block>) -> (Vec<Block>, Option<(usize, HashSet<String>)>) {
    let found = (0..blocks.len()).find_map(|i| {
        let b = &blocks[i];
        let label = squash(b.lines.last()?.trim_end_matches(':')).to_lowercase();
        if b.kind != Kind::Para || !LEXICON.is(&label, Role::ContentsLabel) {
            return None;
        }
        let items: Vec<&Block> = blocks[i + 1..]
            .iter()
            .take_while(|b| matches!(b.kind, Kind::Item { .. }) && b.lines.len() == 1)
            .collect();
        let entries: HashSet<String> = items.iter().map(|b| entry(&b.lines[0])).collect();
        let later = blocks[i + 1 + items.len()..]
            .iter()
            .flat_map(|b| &b.lines)
            .filter(|l| entries.contains(&entry(l)))
            .count();
        (later >= 2).then_some((i, items.len(), entries))
    });
    let Some((i, n, entries)) = found else {
        return (blocks, None);
    };
    blocks.drain(i + 1..=i + n);
    // The label may end a paragraph that the text wrapped into it.
    blocks[i].lines.pop();
    let after = if blocks[i].lines.is_empty() {
        blocks.remove(i);
        i
    } else {
        i + 1
    };
    (blocks, Some((after, entries)))
}

/// A line as an entry of a table of contents names it.
fn entry(line: &str) -> String {
    clean_heading(line).to_lowercase()
}

/// Whether a line of a block heads a section: by the table of contents
/// when there is one ([`contents`]), else by its looks ([`heading_like`]).
#[derive(Clone, Copy)]
struct Judge<'a> {
    contents: Option<&'a HashSet<String>>,
    /// The block stands above the table of contents.
    intro: bool,
}

impl Judge<'_> {
    fn heading(&self, line: &str, before: Option<&str>, after: Option<&str>) -> Option<bool> {
        if self.intro {
            return None;
        }
        match self.contents {
            Some(entries) if entries.contains(&entry(line)) => Some(true),
            _ => heading_like(line, before, after),
        }
    }
}

/// Plain text: heading-like lines become headings, wherever they stand.
pub(super) fn plain_headings(blocks: Vec<Block>) -> Vec<Block> {
    let (blocks, contents) = contents(blocks);
    let mut cands = candidates(blocks, contents.as_ref());
    // A one-item numbered list is a numbered heading; a longer list is a
    // list, and so is a single bullet ("Case studies" over "- Git").
    for i in 0..cands.len() {
        if let Kind::Item {
            index, numbered, ..
        } = cands[i].block.kind
        {
            // (A numbered list broken by paragraphs numbers on: "2." alone
            // is alone too.)
            let follows = i > 0
                && matches!(cands[i - 1].block.kind, Kind::Item { index: p, .. } if p + 1 == index);
            let alone = !follows
                && !matches!(
                    cands.get(i + 1).map(|c| &c.block.kind),
                    Some(Kind::Item { .. })
                );
            if !alone || !numbered {
                cands[i].strong = None;
            }
        }
    }
    choose_headings(cands)
}

/// Two lines closed alike, both questions or both without a final mark:
/// items of one list.
fn same_form(a: &str, b: &str) -> bool {
    let mark = |l: &str| l.chars().last().filter(|c| matches!(c, '?' | '.' | '!'));
    mark(a) == mark(b) && (mark(a).is_none() || mark(a) == Some('?'))
}

/// Every block judged as a heading candidate.
fn candidates(blocks: Vec<Block>, contents: Option<&(usize, HashSet<String>)>) -> Vec<Cand> {
    let mut cands: Vec<Cand> = Vec::new();
    let next_is_item: Vec<bool> = (0..blocks.len())
        .map(|i| matches!(blocks.get(i + 1).map(|b| &b.kind), Some(Kind::Item { .. })))
        .collect();
    let mut after_lead_in = false;
    for (bi, b) in blocks.into_iter().enumerate() {
        let judge = Judge {
            contents: contents.map(|(_, entries)| entries),
            intro: contents.is_some_and(|&(at, _)| bi < at),
        };
        let lead_in = b.lines.last().is_some_and(|l| l.ends_with(':'));
        match &b.kind {
            // Lines after a lead-in ("If you decline a change:") are the
            // items it announces, pasted without their bullets.
            Kind::Para if after_lead_in && announced_items(&b) => {
                // The items end where a clear heading starts the next part;
                // the rest is read as any paragraph.
                // (A question among questions, "Is it clear?" then "Is it
                // easy to follow?", is one more item: a heading heads text,
                // or at least differs from the items over it.)
                // (Nor does a short line among short lines: see
                // `bare_items`.)
                // (Nor the block's last line, glued to the items above but
                // apart from the text below, when an item above has its
                // form: "Thank them" … "Close the request". A heading is
                // spaced alike above and below.)
                let bare = bare_items(&b.lines);
                let end = (1..b.lines.len())
                    .find(|&k| {
                        let after = b.lines.get(k + 1).map(String::as_str);
                        let differs = match after {
                            Some(_) => !same_form(&b.lines[k - 1], &b.lines[k]),
                            None => !b.lines[..k].iter().any(|l| same_form(l, &b.lines[k])),
                        };
                        !bare[k]
                            && judge.heading(&b.lines[k], Some(&b.lines[k - 1]), after)
                                == Some(true)
                            && (after.is_some_and(|a| heading_like(a, None, None).is_none())
                                || differs)
                    })
                    .unwrap_or(b.lines.len());
                for (index, l) in b.lines[..end].iter().enumerate() {
                    cands.push(Cand {
                        block: item_block(l.clone(), index, b.line + index),
                        strong: None,
                    });
                }
                if end < b.lines.len() {
                    let rest = Block {
                        kind: Kind::Para,
                        lines: b.lines[end..].to_vec(),
                        line: b.line + end,
                        stressed: Vec::new(),
                        terms: Vec::new(),
                        lead: None,
                        code: Vec::new(),
                    };
                    split_paragraph(&rest, next_is_item[bi], judge, &mut cands);
                }
            }
            Kind::Para => split_paragraph(&b, next_is_item[bi], judge, &mut cands),
            // A numbered item alone in its list, one line: a numbered heading.
            Kind::Item { depth: 0, .. } if b.lines.len() == 1 => {
                let strong = judge.heading(&b.lines[0], None, None).map(|_| true);
                cands.push(Cand { block: b, strong });
            }
            _ => cands.push(Cand {
                block: b,
                strong: None,
            }),
        }
        after_lead_in = lead_in;
    }
    cands
}

/// A line read as a list item pasted without its bullet.
fn item_block(line: String, index: usize, at: usize) -> Block {
    Block {
        kind: Kind::Item {
            depth: 0,
            index,
            label: None,
            numbered: false,
        },
        lines: vec![line],
        line: at,
        stressed: Vec::new(),
        terms: Vec::new(),
        lead: None,
        code: Vec::new(),
    }
}

/// Lines a lead-in may announce as items: two or more, not all code ("Here's
/// an example in Java:" over "public class Stub … {").
fn announced_items(b: &Block) -> bool {
    b.lines.len() >= 2 && !b.lines.iter().all(|l| is_code_line(l))
}

/// Splits a paragraph into its lines first: a heading may sit inside a
/// paragraph when the text has no blank lines.
fn split_paragraph(b: &Block, next_is_item: bool, judge: Judge, cands: &mut Vec<Cand>) {
    // A paragraph opening with a bold label ("**Feed it daily.** A
    // starter…") is a tip whole, read as such with its label and stress.
    if b.lead.is_some() {
        cands.push(Cand {
            block: b.clone(),
            strong: None,
        });
        return;
    }
    let lines: Vec<String> = b
        .lines
        .iter()
        .filter(|l| !is_code_line(l))
        .cloned()
        .collect();
    let bare = bare_items(&lines);
    let mut run: Vec<String> = Vec::new();
    let mut run_line = b.line;
    for (k, l) in lines.iter().enumerate() {
        if bare[k] {
            push_run(std::mem::take(&mut run), run_line, cands);
            let index = (0..k).rev().take_while(|&j| bare[j]).count();
            cands.push(Cand {
                block: item_block(l.clone(), index, b.line + k),
                strong: None,
            });
            run_line = b.line + k + 1;
            continue;
        }
        // (After the items of a bare list, a line starts afresh.)
        let before = if k == 0 || bare[k - 1] {
            None
        } else {
            Some(lines[k - 1].as_str())
        };
        let after = lines.get(k + 1).map(String::as_str);
        // A lone line is judged against the next block below.
        let strong = if lines.len() == 1 {
            judge.heading(l, None, None)
        } else if after.is_some() || next_is_item || judge.contents.is_some() {
            judge.heading(l, before, after)
        } else {
            None
        };
        // Inside a paragraph only clear headings split it.
        if strong == Some(true) && lines.len() > 1 {
            push_run(std::mem::take(&mut run), run_line, cands);
            cands.push(Cand::para(vec![l.clone()], b.line + k, strong));
            run_line = b.line + k + 1;
        } else if lines.len() == 1 {
            cands.push(Cand::para(vec![l.clone()], b.line, strong));
        } else {
            if run.is_empty() {
                run_line = b.line + k;
            }
            run.push(l.clone());
        }
    }
    push_run(run, run_line, cands);
}

/// Longer than any line wrapped by hand: a line this long is a whole
/// paragraph as a web page pastes it.
const UNWRAPPED_CHARS: usize = 100;

/// Lines of a paragraph between headings. Text pasted from a web page puts
/// each paragraph or list item on one line, without blank lines between
/// them ("Name resources after nouns. Paths like…" then "Return errors…").
/// When every line after the first opens with a capital, and either a line
/// is longer than hand wrapping allows or there are three lines or more,
/// each ending a sentence (wrapping by hand rarely breaks every line at a
/// sentence's end), each line is a paragraph of its own. Otherwise the
/// lines are one paragraph wrapped by hand.
fn push_run(mut run: Vec<String>, line: usize, cands: &mut Vec<Cand>) {
    if run.is_empty() {
        return;
    }
    let capital = |l: &String| {
        l.trim_start()
            .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
    };
    // A lead-in ending a line ("Tests written first are:") over lines that
    // each open with a capital: the items it announces, pasted without
    // their bullets or a blank line above them.
    if let Some(c) = run[..run.len() - 1].iter().position(|l| l.ends_with(':'))
        && run.len() - c > 2
        && run[c + 1..].iter().all(capital)
    {
        let items = run.split_off(c + 1);
        push_run(run, line, cands);
        for (index, l) in items.into_iter().enumerate() {
            cands.push(Cand {
                block: item_block(l, index, line + c + 1 + index),
                strong: None,
            });
        }
        return;
    }
    let long = run.iter().any(|l| l.chars().count() > UNWRAPPED_CHARS);
    let sentences = run.iter().all(|l| ends_sentence(l.trim_end()));
    let apart =
        run.len() >= 2 && run[1..].iter().all(capital) && (long || (sentences && run.len() >= 3));
    if apart {
        for (k, l) in run.into_iter().enumerate() {
            cands.push(Cand::para(vec![l], line + k, None));
        }
    } else {
        cands.push(Cand::para(run, line, None));
    }
}

/// The candidates that head text become headings.
fn choose_headings(mut cands: Vec<Cand>) -> Vec<Block> {
    let n = cands.len();
    // Short plain sentences count as headings only when the lesson has no
    // clearer ones: then they are its style.
    // (Two at least: one short sentence alone is the text's rhythm.)
    let weak = cands.iter().filter(|c| c.strong == Some(false)).count();
    let accept_weak = !cands.iter().any(|c| c.strong == Some(true)) && weak >= 2;
    let mut out = Vec::with_capacity(n);
    let mut awaiting_body = false;
    for i in 0..n {
        let next_is_body = cands[i + 1..]
            .first()
            .is_some_and(|c| !matches!(c.block.kind, Kind::Heading(_)));
        // A clear heading right under another ("Licensing" over "What is
        // a license?") heads a part of the group the first one names; not
        // a sentence answering a question ("Can I send alerts?" over "Yes,
        // with the Alertmanager.").
        let line_of = |c: &Cand| {
            c.block
                .lines
                .last()
                .map_or(String::new(), |l| l.trim_end().to_string())
        };
        let under = awaiting_body
            && cands[i].strong == Some(true)
            && cands[i - 1].strong == Some(true)
            && !line_of(&cands[i - 1]).ends_with('?')
            && !line_of(&cands[i]).ends_with('.');
        let is_heading = match cands[i].strong {
            Some(strong) => (strong || accept_weak) && (!awaiting_body || under) && next_is_body,
            None => false,
        };
        let mut b = std::mem::replace(&mut cands[i].block, Cand::para(Vec::new(), 0, None).block);
        if is_heading {
            b.kind = Kind::Heading(if under { 3 } else { 2 });
            awaiting_body = true;
        } else {
            awaiting_body = false;
        }
        out.push(b);
    }
    out
}

#[cfg(test)]
#[path = "plain_tests.rs"]
mod tests;

//! Plain text: which lines are headings when the lesson has no Markdown
//! headings ([`heading_like`]), even inside a paragraph without blank lines.

use std::collections::HashSet;

use super::clean_heading;
use super::markdown::{Block, Kind};
use crate::lesson::lexicon::{LEXICON, Role};
use crate::lesson::text::{ends_sentence, is_title_case, sentences, squash, word_count};

/// Looks like a line of program code pasted without a fence.
fn is_code_line(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() {
        return false;
    }
    let words = word_count(t);
    t.ends_with(';')
        || t.ends_with('{')
        || t == "}"
        || t.starts_with("//")
        || t.starts_with("}")
        || t.contains("()")
        || (t.ends_with(')') && t.contains('(') && !t.contains(" ("))
        || (t.contains(" = ") && !t.contains(". ") && words <= 8)
        || t.starts_with("let ")
        || t.starts_with("const ")
        || t.starts_with("var ")
        || t.starts_with("fn ")
        || t.starts_with("def ")
}

/// Could this line be a heading, given the line before it in its block (if
/// any) and whether text follows it? `Some(true)` for a strong candidate
/// (Title Case, a question, no final period), `Some(false)` for a weak one (a
/// short plain sentence standing alone), `None` for body text.
pub(super) fn heading_like(line: &str, before: Option<&str>, after: Option<&str>) -> Option<bool> {
    let words = word_count(line);
    if words == 0 || words > 12 || line.chars().count() > 90 {
        return None;
    }
    if line.ends_with([',', ';', ':', '\u{2014}', '\u{2013}', '-', '(']) {
        return None;
    }
    // A line ending in a word that needs what follows ("…provided in") is
    // text wrapped by hand.
    let last = line.rsplit(' ').next().unwrap_or("").to_lowercase();
    if words > 1
        && matches!(
            last.as_str(),
            "a" | "an"
                | "the"
                | "of"
                | "in"
                | "on"
                | "at"
                | "to"
                | "for"
                | "and"
                | "or"
                | "with"
                | "by"
                | "from"
                | "that"
                | "is"
                | "are"
                | "their"
                | "your"
                | "its"
        )
    {
        return None;
    }
    // The line before must end a sentence: otherwise this one continues it.
    // After a lead-in ("Before you send it:") come the items it announces.
    if before.is_some_and(|b| !ends_sentence(b) || b.ends_with(':')) {
        return None;
    }
    // The text after starts a new sentence.
    if after.is_some_and(|a| {
        a.chars()
            .next()
            .is_some_and(|c| c.is_lowercase() || matches!(c, ',' | ';' | ')' | '('))
    }) {
        return None;
    }
    if is_code_line(line) {
        return None;
    }
    let first = line.chars().find(|c| c.is_alphanumeric())?;
    if !first.is_uppercase() && !first.is_ascii_digit() {
        return None;
    }
    let inner = line.trim_end_matches(['.', '?', '!']);
    if sentences(inner).len() > 1 {
        return None;
    }
    // "Keep at it!": a short exclamation on a line of its own heads what
    // follows as a question does.
    let exclaims = line.ends_with('!') && words <= 5;
    let strong = is_title_case(line) || line.ends_with('?') || exclaims || !ends_sentence(line);
    if strong {
        Some(true)
    } else if words <= 8 && !line.contains(',') {
        Some(false)
    } else {
        None
    }
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
    // A one-item list is a numbered heading; a longer list is a list.
    for i in 0..cands.len() {
        if let Kind::Item { index, .. } = cands[i].block.kind {
            // (A numbered list broken by paragraphs numbers on: "2." alone
            // is alone too.)
            let follows = i > 0
                && matches!(cands[i - 1].block.kind, Kind::Item { index: p, .. } if p + 1 == index);
            let alone = !follows
                && !matches!(
                    cands.get(i + 1).map(|c| &c.block.kind),
                    Some(Kind::Item { .. })
                );
            if !alone {
                cands[i].strong = None;
            }
        }
    }
    choose_headings(cands)
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
            Kind::Para if after_lead_in && b.lines.len() >= 2 => {
                // The items end where a clear heading starts the next part;
                // the rest is read as any paragraph.
                let end = (1..b.lines.len())
                    .find(|&k| {
                        judge.heading(
                            &b.lines[k],
                            Some(&b.lines[k - 1]),
                            b.lines.get(k + 1).map(String::as_str),
                        ) == Some(true)
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
    }
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
    let mut run: Vec<String> = Vec::new();
    let mut run_line = b.line;
    for (k, l) in lines.iter().enumerate() {
        let before = if k == 0 {
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
/// them ("Name resources after nouns. Paths like…" then "Return errors…"):
/// when every line ends a sentence, the next opens with a capital, and
/// either a line is longer than hand wrapping allows or there are three
/// lines or more (wrapping by hand rarely breaks every line at a
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
    let unwrapped = run.iter().any(|l| l.chars().count() > UNWRAPPED_CHARS) || run.len() >= 3;
    let apart = run.len() >= 2
        && unwrapped
        && run.iter().all(|l| ends_sentence(l.trim_end()))
        && run[1..].iter().all(capital);
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
    let accept_weak = !cands.iter().any(|c| c.strong == Some(true));
    let mut out = Vec::with_capacity(n);
    let mut awaiting_body = false;
    for i in 0..n {
        let next_is_body = cands[i + 1..]
            .first()
            .is_some_and(|c| !matches!(c.block.kind, Kind::Heading(_)));
        let is_heading = match cands[i].strong {
            Some(strong) => (strong || accept_weak) && !awaiting_body && next_is_body,
            None => false,
        };
        let mut b = std::mem::replace(&mut cands[i].block, Cand::para(Vec::new(), 0, None).block);
        if is_heading {
            b.kind = Kind::Heading(2);
            awaiting_body = true;
        } else {
            awaiting_body = false;
        }
        out.push(b);
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::lesson::read::tests::{bodies, headings, read_str};

    #[test]
    fn plain_text_headings_stand_alone() {
        let l = read_str(
            "A Title\r\n\r\nAn introduction that runs for a while, as they do.\r\n\r\nKeep Your Notes Short.\r\n\r\nLong notes are never read again. Short ones are.\r\n\r\nwhy bother\r\n\r\nBecause it works.\r\n",
        );
        assert_eq!(l.title, "A Title");
        assert_eq!(headings(&l), ["Keep Your Notes Short"]);
        assert_eq!(l.sections[0].body.len(), 3);
    }

    #[test]
    fn lines_pasted_from_a_web_page_are_paragraphs_of_their_own() {
        // A browser's copy puts each paragraph on one line, with no blank
        // line between the tips.
        let l = read_str(
            "Habits of a Calm Cook\n\nCooking for guests goes better with a few habits.\n\nRead the whole recipe before you start. Surprises halfway through, such as a marinade that needs a night, ruin the timing of a dinner.\nLay out every ingredient first. Measuring as you go means hunting for a spice while the onions burn in the pan behind you.\nClean as you cook. A sink that stays empty leaves room to work and saves an hour of scrubbing once the guests have gone.\n",
        );
        let firsts: Vec<&str> = l
            .sections
            .iter()
            .flat_map(|s| &s.body)
            .map(|p| p.text.split('.').next().unwrap_or(""))
            .collect();
        assert_eq!(
            firsts,
            [
                "Cooking for guests goes better with a few habits",
                "Read the whole recipe before you start",
                "Lay out every ingredient first",
                "Clean as you cook"
            ]
        );
        // Lines wrapped by hand stay one paragraph.
        let l = read_str(
            "A Title\n\nThe first line of a paragraph wrapped by hand goes on\nto the next line. And it ends here.\n",
        );
        assert_eq!(l.sections.len(), 1);
        assert_eq!(l.sections[0].body.len(), 1);
    }

    #[test]
    fn a_lead_in_inside_a_paragraph_announces_the_lines_after_it() {
        let l = read_str(
            "Why Stretch After a Run\nStretching after a run takes five minutes. Runners who keep at it find that their legs are:\nLooser the next morning. Tight calves loosen faster when they are stretched while still warm.\nLess often injured. Muscles that keep their range take a bad step without tearing.\nQuicker to recover. Blood keeps moving through the legs instead of pooling in them.\n",
        );
        assert_eq!(
            headings(&l),
            [
                "Looser the next morning",
                "Less often injured",
                "Quicker to recover"
            ]
        );
    }

    #[test]
    fn a_short_exclamation_on_its_own_line_is_a_heading() {
        let l = read_str(
            "Shipping Small\nShip Every Week\nWeekly releases keep changes small. Small changes are easy to review.\nKeep at it!\nThe habit takes months to settle. Nobody notices it at first.\n",
        );
        assert_eq!(headings(&l), ["Ship Every Week", "Keep at it"]);
    }

    #[test]
    fn plain_text_headings_without_blank_lines_still_start_sections() {
        let l = read_str(
            "Caching\nA cache keeps answers close.\nWhere Caches Live\nBrowsers keep a private cache.\nShared caches sit between.\nWhen to Revalidate\nAsk the server once the copy is stale.\n",
        );
        assert_eq!(headings(&l), ["Where Caches Live", "When to Revalidate"]);
        assert_eq!(l.intro[0].text, "A cache keeps answers close.");
        assert_eq!(
            bodies(&l.sections[0]),
            ["Browsers keep a private cache. Shared caches sit between."]
        );
    }

    #[test]
    fn lines_after_a_lead_in_are_its_items_not_headings() {
        let l = read_str(
            "Leaving a Project Well\n\nHand Over Your Work\n\nBefore your last week, do three things:\n\nWrite down what only you know\nName an owner for each open task\nArchive the notes nobody will read\n\nA clean handover keeps your name good after you leave.\n\nSay Goodbye\n\nThank the people who helped you, one by one.\n",
        );
        assert_eq!(headings(&l), ["Hand Over Your Work", "Say Goodbye"]);
    }

    #[test]
    fn items_after_a_lead_in_end_at_the_next_heading() {
        let l = read_str(
            "Shell notes\n\nScope:\n\nThis covers Bash only.\nIt skips Windows.\nBasics\nLearn to read the manual pages.\nKnow how pipes join commands.\n",
        );
        assert_eq!(headings(&l), ["Basics"]);
    }

    #[test]
    fn hard_wrapped_lines_are_not_headings() {
        let l = read_str(
            "Title\n\nWrite the test first. It tells you\nwhat the code must do before you write it. Then\nKeep going until it passes.\n\nMore Here\n\nBody text that is long enough.\n",
        );
        assert_eq!(headings(&l), ["More Here"]);
        // A line ending in a word that needs the next is wrapped text.
        let l = read_str(
            "Patch checklist\n\nThese rules come on top of the guide provided in\nDocs/submitting.txt and elsewhere.\n\nMore Here\n\nBody text that is long enough.\n",
        );
        assert_eq!(headings(&l), ["More Here"]);
    }

    #[test]
    fn a_table_of_contents_names_the_headings_and_ends_the_introduction() {
        // A line wrapped by hand above the contents looks like a heading
        // but is the introduction's; a heading the contents leaves out (a
        // sub-heading) is still found by its looks.
        let l = read_str(
            "Writing docs\nDocs matter for every project.\n\nThe Style Guide\nPrinciples page (https://example.org)\nis worth reading first.\nTable of Contents\n1. Where docs live\n1. Keeping docs fresh\nWhere docs live\nDocs should live next to the code.\nKeeping docs fresh\nChange the docs with the code.\nDelete Dead Pages\nOld pages mislead readers for years.\n",
        );
        assert_eq!(
            headings(&l),
            ["Where docs live", "Keeping docs fresh", "Delete Dead Pages"]
        );
        assert!(
            l.intro
                .iter()
                .any(|p| p.text.starts_with("The Style Guide"))
        );
        assert!(l.intro.iter().all(|p| !p.text.contains("Contents")));
    }

    #[test]
    fn a_contents_whose_entries_never_come_back_is_plain_text() {
        let l = read_str(
            "Notes\n\nContents\n1. Alpha part\n1. Beta part\n\nKeep Notes Short\n\nShort notes get read again.\n",
        );
        assert!(headings(&l).contains(&"Keep Notes Short"));
        assert!(!headings(&l).contains(&"Alpha part"));
    }

    #[test]
    fn a_line_going_on_in_brackets_is_no_heading() {
        let l = read_str(
            "Docs\nIntro text that is long enough to be body.\nGeneral guides should live in this repository\n(see the policy page).\nMore Here\nBody text that is long enough.\n",
        );
        assert_eq!(headings(&l), ["More Here"]);
    }

    #[test]
    fn numbered_headings_lose_their_numbers() {
        let l = read_str(
            "Prepare\n\nIntro paragraph here, long enough to be body text for sure.\n\n1. Research the company\n\nRead what they publish.\n\n2. Practise out loud\n\nSay answers aloud.\n- one\n- two\n",
        );
        assert_eq!(headings(&l), ["Research the company", "Practise out loud"]);
        assert_eq!(bodies(&l.sections[1]), ["Say answers aloud.", "one", "two"]);
    }
}

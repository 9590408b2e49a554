//! Lists of tips: a list whose items each open with a label (bold text, a
//! heading-like first line, a short lead sentence) becomes one section per
//! item, under the section that held it.

use super::plain::heading_like;
use super::{Piece, PieceKind, Section, heading};
use crate::lesson::language::{known_adjective, known_verb};
use crate::lesson::text::{capitalise, ends_sentence, sentences, squash, word_count};

/// Longest lead sentence that labels a list item of several sentences,
/// when it gives advice (else 12 words).
const LEAD_WORDS: usize = 20;

/// A first-level list item of a section's body (or a paragraph opening
/// with a bold label): where it is, and what it needs to be judged as a tip.
#[derive(Clone)]
pub(super) struct ItemMark {
    pub(super) section: usize,
    pub(super) row: usize,
    pub(super) index: usize,
    /// In a numbered list: only such a list goes on after a break.
    pub(super) numbered: bool,
    pub(super) label: Option<String>,
    pub(super) lines: Vec<String>,
    pub(super) line: usize,
}

/// The label that opens a list item: its bold text, a first line standing as
/// a heading, or a short lead sentence followed by more.
fn item_label(label: &Option<String>, lines: &[String], text: &str) -> Option<(String, String)> {
    if let Some(l) = label {
        let rest = text.strip_prefix(l.as_str()).unwrap_or(text).trim();
        // "**What** change is made? …": the bold words open the lead
        // sentence, which is the label; "**Label**, and the sentence goes
        // on" with no lead sentence keeps the whole sentence in the body.
        let flows = rest.starts_with([',', ';']) || rest.starts_with(char::is_lowercase);
        let ss = sentences(text);
        if flows && ss.len() >= 2 && word_count(&ss[0]) <= 12 && !ss[0].ends_with(':') {
            return Some((ss[0].clone(), ss[1..].join(" ")));
        }
        let rest = if flows {
            text
        } else {
            // "*Label*: text", "**Label** — text".
            rest.trim_start_matches([':', '-', '\u{2013}', '\u{2014}'])
                .trim_start()
        };
        // A label the writer set as a whole sentence ("**Keep the old
        // name working**. You might…") heads its item however long.
        let whole_sentence = rest.starts_with(['.', '!']) || ends_sentence(l);
        if (word_count(l) <= 15 || (whole_sentence && word_count(l) <= 40)) && !rest.is_empty() {
            // "**Keep the old name**." ends its sentence after the bold.
            return Some(match rest.strip_prefix(['.', '!']) {
                Some(after) if !ends_sentence(l) => (format!("{l}."), after.trim().to_string()),
                _ => (l.clone(), rest.to_string()),
            });
        }
    }
    if lines.len() >= 2 && heading_like(&lines[0], None, Some(&lines[1])) == Some(true) {
        return Some((lines[0].clone(), squash(&lines[1..].join(" "))));
    }
    // "Tested:" on a line of its own, the explanation on the lines under
    // it: a label set off by its colon.
    if let Some(label) = lines.first().and_then(|l| l.strip_suffix(':'))
        && lines.len() >= 2
        && (1..=6).contains(&word_count(label))
        && heading_like(label, None, None).is_some()
    {
        return Some((label.to_string(), squash(&lines[1..].join(" "))));
    }
    let ss = sentences(text);
    // "Fill in the form as you go — this is quicker than…": advice before a
    // dash heads the item, and what the dash adds is its first sentence.
    if let Some(first) = ss.first()
        && let Some((advice, added)) = first
            .split_once(" \u{2014} ")
            .or_else(|| first.split_once(" \u{2013} "))
        && (2..=12).contains(&word_count(advice))
        && opens_with_advice(advice)
        && word_count(added) >= 3
    {
        let added = capitalise(added.trim());
        let rest = std::iter::once(added.as_str())
            .chain(ss[1..].iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join(" ");
        return Some((advice.to_string(), rest));
    }
    if let Some(split) = ss.first().and_then(|first| advice_and_purpose(first)) {
        let rest = std::iter::once(split.1.as_str())
            .chain(ss[1..].iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join(" ");
        return Some((split.0, rest));
    }
    let lead_words = word_count(ss.first().map_or("", String::as_str));
    if ss.len() >= 2
        && (lead_words <= 12 || (lead_words <= LEAD_WORDS && opens_with_advice(&ss[0])))
        && !ss[0].ends_with(':')
    {
        let rest = ss[1..].join(" ");
        return Some((ss[0].clone(), rest));
    }
    None
}

/// "Use the search tool and school websites to find a few providers you
/// like": advice too long to label its item, of an imperative and its
/// purpose. The advice heads the item and "To find…" opens its text, as
/// the reason for it.
fn advice_and_purpose(sentence: &str) -> Option<(String, String)> {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    if words.len() <= LEAD_WORDS
        || !opens_with_advice(sentence)
        || sentence.contains(',')
        || sentence.ends_with('?')
    {
        return None;
    }
    let to = (4..=14.min(words.len().saturating_sub(3))).find(|&k| {
        words[k] == "to"
            && known_verb(&words[k + 1].to_lowercase()) == Some(true)
            && known_adjective(&words[k + 1].to_lowercase()) != Some(true)
    })?;
    let purpose = words[to + 1..].join(" ");
    Some((words[..to].join(" "), format!("To {purpose}")))
}

/// A list item that is a paragraph of its own, as a section: its label or
/// lead sentence heads it, when it has one.
pub(super) fn item_section(p: Piece) -> Section {
    let lines = [p.text.clone()];
    match item_label(&p.label, &lines, &p.text) {
        Some((h, rest)) if !rest.is_empty() => Section {
            heading: heading(&h),
            context: None,
            lead_in: None,
            sentence_heading: ends_sentence(&h),
            body: vec![Piece {
                kind: PieceKind::Para,
                text: rest,
                label: None,
                numbered: false,
                ..p
            }],
            line: 0,
        },
        _ => Section::plain(None, None, vec![p], 0),
    }
}

/// "Research existing tools and decide…": a sentence opening with a word
/// the dictionary knows as a verb and not as an adjective ("Major changes
/// take longer" states).
fn opens_with_advice(sentence: &str) -> bool {
    let first = sentence
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    known_verb(&first) == Some(true) && known_adjective(&first) != Some(true)
}

/// A list whose items all open with a label becomes one section per item,
/// under the section that held it.
pub(super) fn split_tip_lists(sections: Vec<Section>, marks: Vec<ItemMark>) -> Vec<Section> {
    let tips_of = tips_by_section(&sections, &marks);
    let mut out: Vec<Section> = Vec::new();
    for (si, s) in sections.into_iter().enumerate() {
        let tips = &tips_of[si];
        if tips.is_empty() {
            out.push(s);
            continue;
        }
        let before: Vec<Piece> = s.body[..tips[0].0].to_vec();
        let lead_in = before
            .last()
            .filter(|p| p.text.ends_with(':'))
            .map(|p| p.text.clone());
        // A paragraph after the list is no part of its last tip: it goes
        // on with the section that held the list.
        // But where the tips' own paragraphs follow their items ("1.
        // *Label*: …" then lines of text), so do the last tip's.
        let last_row = tips[tips.len() - 1].0;
        let paragraphs_follow = tips.windows(2).any(|w| {
            s.body[w[0].0 + 1..w[1].0]
                .iter()
                .any(|p| p.kind == PieceKind::Para)
        });
        let tail = (last_row + 1..s.body.len())
            .find(|&r| s.body[r].kind == PieceKind::Para && !paragraphs_follow)
            .unwrap_or(s.body.len());
        let mut own = s.clone();
        own.body = before
            .into_iter()
            .filter(|p| Some(&p.text) != lead_in.as_ref())
            .chain(s.body[tail..].iter().cloned())
            .collect();
        // The introduction stays in place even when empty; a section left
        // with one sentence only led into its tips ("A few changes carry
        // most plants through."), and heads them as their context.
        let own_sentences: usize = own.body.iter().map(|p| sentences(&p.text).len()).sum();
        if si == 0 || (own_sentences >= 2 && own.body.iter().any(|p| word_count(&p.text) >= 6)) {
            out.push(own);
        }
        let context = s.heading.clone().or(s.context.clone());
        for (k, (row, h, rest, line)) in tips.iter().enumerate() {
            let end = tips.get(k + 1).map_or(tail, |t| t.0);
            let mut body = vec![Piece {
                kind: PieceKind::Para,
                text: rest.clone(),
                stressed: Vec::new(),
                numbered: false,
                label: None,
                nested: false,
            }];
            body.extend(s.body[row + 1..end].iter().cloned());
            body.retain(|p| !p.text.is_empty());
            out.push(Section {
                heading: heading(h),
                context: context.clone(),
                lead_in: lead_in.clone(),
                sentence_heading: ends_sentence(h),
                body,
                line: *line,
            });
        }
    }
    out
}

/// A tip: (row in its section's body, label, rest of the item, line).
type Tip = (usize, String, String, usize);

/// The label and text of each item of a list of tips, or `None` when the
/// list is no list of tips: an item without a label, or too few items
/// saying something after their label.
fn tip_labels(sections: &[Section], l: &[&ItemMark]) -> Option<Vec<(String, String)>> {
    // "- **Pot on**" with its advice in the items nested under it: a
    // label whose text is those items.
    // (Marks are in row order: the list's next item is the next mark.)
    let nested = |k: usize| {
        let m = l[k];
        let next_item = l.get(k + 1).is_some_and(|o| o.row == m.row + 1);
        sections[m.section]
            .body
            .get(m.row + 1)
            .is_some_and(|p| p.kind == PieceKind::Item && !next_item)
    };
    let mut bare = vec![false; l.len()];
    let labels: Vec<Option<(String, String)>> = l
        .iter()
        .enumerate()
        .map(|(k, m)| {
            let text = squash(&m.lines.join(" "));
            match &m.label {
                Some(label) if text.trim_end_matches([':', '.']) == label => {
                    // (A bare label, "- **Don't use sarcasm**", among
                    // labels with text is a tip that says no more.)
                    bare[k] = !nested(k);
                    Some((label.clone(), String::new()))
                }
                _ => item_label(&m.label, &m.lines, &text),
            }
        })
        .collect();
    // Tips say something of their own: most items go on with a sentence
    // after their label, or with items nested under it. Labels with a
    // short gloss each ("**Consistency** - every read sees the latest
    // write"), or with nothing, are the items of one list.
    let sentences_after = labels
        .iter()
        .zip(&bare)
        .filter(|(lab, bare)| {
            !**bare
                && lab
                    .as_ref()
                    .is_some_and(|(_, rest)| ends_sentence(rest) || rest.is_empty())
        })
        .count();
    (sentences_after * 2 >= labels.len())
        .then(|| labels.into_iter().collect::<Option<Vec<_>>>())
        .flatten()
}

/// Per section, the tips of its lists whose items all open with a label.
fn tips_by_section(sections: &[Section], marks: &[ItemMark]) -> Vec<Vec<Tip>> {
    // Group marks into lists: consecutive indexes in one section. A
    // numbered list broken by paragraphs or other lists ("1." … "2.") goes
    // on where its number says; the lists between are part of its items.
    let mut lists: Vec<Vec<&ItemMark>> = Vec::new();
    let mut inner = vec![false; marks.len()];
    for m in marks {
        let goes_on = |l: &Vec<&ItemMark>| {
            m.index > 0
                && l.last()
                    .is_some_and(|p| p.section == m.section && p.index + 1 == m.index)
        };
        if lists.last().is_some_and(goes_on) {
            lists.last_mut().expect("checked").push(m);
        } else if let Some(k) = lists
            .iter()
            .rposition(|l| m.numbered && l.first().is_some_and(|p| p.numbered) && goes_on(l))
        {
            inner[k + 1..lists.len()].iter_mut().for_each(|x| *x = true);
            lists[k].push(m);
            lists.push(Vec::new());
        } else {
            lists.push(vec![m]);
        }
    }
    let mut tips_of: Vec<Vec<Tip>> = vec![Vec::new(); sections.len()];
    for (k, l) in lists.iter().enumerate() {
        if l.len() < 2 || inner[k] {
            continue;
        }
        let Some(labels) = tip_labels(sections, l) else {
            continue;
        };
        for (m, (h, rest)) in l.iter().zip(labels) {
            tips_of[m.section].push((m.row, h, rest, m.line));
        }
    }
    tips_of
}

#[cfg(test)]
mod tests {
    use crate::lesson::read::tests::{bodies, headings, read_str};

    #[test]
    fn paragraphs_opening_with_a_bold_label_are_tips_when_three_or_more() {
        let l = read_str(
            "# Debt\n\n## Habits\n\nA few habits keep debt low.\n\n**Pay it down early.** Debt grows with every change built on it.\n\nEven an hour a week helps.\n\n**Write it down.** A list of known debt lets the team weigh it.\n\n**Review the list monthly.** Old entries get fixed or dropped.\n",
        );
        // "Habits" only led into its tips: it is their context.
        assert_eq!(
            headings(&l),
            [
                "Pay it down early",
                "Write it down",
                "Review the list monthly"
            ]
        );
        assert_eq!(l.sections[0].context.as_deref(), Some("Habits"));
        assert_eq!(
            bodies(&l.sections[0]),
            [
                "Debt grows with every change built on it.",
                "Even an hour a week helps."
            ]
        );
        // One or two bold lead-ins ("**Note:** …") are no list of tips.
        let l = read_str(
            "# Debt\n\n## Habits\n\n**Note:** debt is normal.\n\nPay it down early.\n\n**Tip:** keep a list.\n",
        );
        assert_eq!(headings(&l), ["Habits"]);
    }

    #[test]
    fn bold_labels_line_after_line_of_one_paragraph_are_tips_too() {
        let l = read_str(
            "# Debt\n\n## Habits\n\nA few habits keep debt low.\n\n**Pay it down early.** Debt grows with every change.\n**Write it down.** A list of known debt lets the team weigh it.\n**Review the list monthly.** Old entries get fixed or dropped.\n",
        );
        assert_eq!(
            headings(&l),
            [
                "Pay it down early",
                "Write it down",
                "Review the list monthly"
            ]
        );
        assert_eq!(
            bodies(&l.sections[1]),
            ["A list of known debt lets the team weigh it."]
        );
    }

    #[test]
    fn bold_label_paragraphs_under_the_title_alone_are_tips() {
        // No heading but the title: the tips are still one section each,
        // and the introduction stays.
        let l = read_str(
            "# Starters

A starter is yeast and bacteria. It lasts for years with care.

**Feed it on a schedule.** A starter eats its flour and goes hungry.

**Keep it warm.** Yeast works best at 25 degrees.

**Discard before you feed.** Old starter crowds the jar.
",
        );
        assert_eq!(
            headings(&l),
            [
                "Feed it on a schedule",
                "Keep it warm",
                "Discard before you feed"
            ]
        );
        assert_eq!(l.sections[1].line, 7);
        assert_eq!(l.intro.len(), 1);
    }

    #[test]
    fn a_bold_sentence_labels_its_item_however_long() {
        // The period after the bold; one label longer than a short lead.
        let l = read_str(
            "# Updates

## Rules

1. **Keep a branch that only receives security fixes and nothing else for the users who cannot move yet**. Such branches are often called long-term support.
2. **Mark an interface deprecated before you remove it**. Users then have time to move.
3. **Test the old and the new interface**. Both stay in use.
",
        );
        assert_eq!(
            headings(&l),
            [
                "Keep a branch that only receives security fixes and nothing else for the users who cannot move yet",
                "Mark an interface deprecated before you remove it",
                "Test the old and the new interface"
            ]
        );
        assert!(l.sections.iter().all(|s| s.sentence_heading));
        assert_eq!(bodies(&l.sections[1]), ["Users then have time to move."]);
    }

    #[test]
    fn a_bold_label_over_nested_items_is_a_tip_made_of_them() {
        let l = read_str(
            "# Seedlings

## Stages

- **Prick out**
  - Wait for the first true leaves.
  - Lift each one by a leaf.
- **Pot on**
  - Choose a pot one size larger.
  - Water an hour before.
",
        );
        assert_eq!(headings(&l), ["Prick out", "Pot on"]);
        assert_eq!(
            bodies(&l.sections[1]),
            ["Choose a pot one size larger.", "Water an hour before."]
        );
    }

    #[test]
    fn a_bare_label_among_tips_is_a_tip_and_bare_labels_alone_are_a_list() {
        let l = read_str(
            "# Reviews

## Everyone

- **Accept that style is an opinion**
  - Discuss the tradeoffs and settle quickly.
- **Don't use sarcasm**
- **Be explicit**
  - People online do not always read your intent.
",
        );
        assert_eq!(
            headings(&l),
            [
                "Accept that style is an opinion",
                "Don't use sarcasm",
                "Be explicit"
            ]
        );
        let l = read_str(
            "# Terms

## Words

- **Latency**
- **Throughput**
- **Jitter**
",
        );
        assert_eq!(headings(&l), ["Words"]);
    }

    #[test]
    fn labels_with_a_short_gloss_stay_one_list() {
        let l = read_str(
            "# Sys\n\n## Guarantees\n\nA store can promise only two of these:\n\n* **Consistency** - every read sees the latest write\n* **Availability** - every request gets an answer\n\nNetworks fail, so most stores keep partition tolerance.\n",
        );
        assert_eq!(headings(&l), ["Guarantees"]);
    }

    #[test]
    fn a_list_of_tips_gives_one_section_per_tip() {
        let l = read_str(
            "Title\n\nGood habits are:\n\n- **Small.** Small changes are read with care.\n- **Tested.** A tested change breaks less.\n  - even a small test helps\n",
        );
        assert_eq!(headings(&l), ["Small", "Tested"]);
        assert_eq!(l.sections[0].lead_in.as_deref(), Some("Good habits are:"));
        assert_eq!(
            bodies(&l.sections[1]),
            ["A tested change breaks less.", "even a small test helps"]
        );
        let l = read_str(
            "Design tips\n\nA few habits help.\n\n1. Start with requirements. Ask what the system must do.\n2. Sketch the data. Tables outlive code.\n",
        );
        assert_eq!(headings(&l), ["Start with requirements", "Sketch the data"]);
    }

    #[test]
    fn a_numbered_list_broken_by_paragraphs_and_bullets_is_one_list_of_tips() {
        let l = read_str(
            "# Pairing habits\n\nPairing well takes some habits that most teams learn slowly.\n\n1. *Share the keyboard*: Swap who types every twenty minutes, so that both people stay awake.\nThe one typing explains each step aloud.\n\nTools that help:\n- a timer on the desk\n- a shared editor\n\n2. *Plan breaks*: Stop once an hour, even when the work is going well.\n\n3. *Write notes*: Record what was decided and why, in the ticket.\nNotes outlive memory.\n",
        );
        assert_eq!(
            headings(&l),
            ["Share the keyboard", "Plan breaks", "Write notes"]
        );
        assert_eq!(
            bodies(&l.sections[2]),
            ["Record what was decided and why, in the ticket. Notes outlive memory."]
        );
    }

    #[test]
    fn a_label_closed_by_a_colon_over_its_lines_heads_a_tip() {
        // Plain text: "1. Tested:" and the lines under it are one item.
        let l = read_str(
            "Done\nEvery page should meet these criteria:\n\n1. Reviewed:\nIdeally, two people review a page:\none who knows the topic, and one who does not.\n\n1. Tested:\nAny page that describes a process is tried by a developer.\n",
        );
        assert_eq!(headings(&l), ["Reviewed", "Tested"]);
        assert_eq!(
            bodies(&l.sections[0]),
            ["Ideally, two people review a page: one who knows the topic, and one who does not."]
        );
    }

    #[test]
    fn advice_before_a_dash_heads_its_item() {
        let l = read_str(
            "Tips\n\n- Fill in the form as you go \u{2014} this is quicker than doing it all at the end. Some parts take time to find.\n- Brief your referees early. They need time to write.\n",
        );
        assert_eq!(
            headings(&l),
            ["Fill in the form as you go", "Brief your referees early"]
        );
        assert_eq!(
            bodies(&l.sections[0])[0],
            "This is quicker than doing it all at the end. Some parts take time to find."
        );
    }

    #[test]
    fn long_advice_with_its_purpose_heads_its_item_by_the_advice() {
        let l = read_str(
            "Tips\n\n- Register on the careers website of the local council for a personal adviser to get free help from someone who knows the process well. Advisers reply within a day.\n- Brief your referees early. They need time to write.\n",
        );
        assert_eq!(
            headings(&l),
            [
                "Register on the careers website of the local council for a personal adviser",
                "Brief your referees early"
            ]
        );
        assert!(bodies(&l.sections[0])[0].starts_with("To get free help from someone"));
    }

    #[test]
    fn pictographs_marking_items_are_no_part_of_them() {
        let l = read_str(
            "Tips\n\n- 🔹Use roles for machines. Keys on disk leak sooner or later.\n- ❗ Turn on the audit log. You will want the record after an incident.\n",
        );
        assert_eq!(
            headings(&l),
            ["Use roles for machines", "Turn on the audit log"]
        );
    }

    #[test]
    fn a_list_of_plain_items_stays_a_list() {
        let l = read_str("Title\n\n## Part\n\nRoutes by:\n\n- Random\n- Least loaded\n");
        assert_eq!(headings(&l), ["Part"]);
        assert_eq!(
            bodies(&l.sections[0]),
            ["Routes by:", "Random", "Least loaded"]
        );
    }
}

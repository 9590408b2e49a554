//! Lists of tips: a list whose items each open with a label (bold text, a
//! heading-like first line, a short lead sentence) becomes one section per
//! item, under the section that held it.

use super::advice_list::advice_tips;
use super::plain::heading_like;
use super::termed::termed_tips;
use super::{Piece, PieceKind, Section, heading};
use crate::lesson::language::{LEXICON, Role, can_be_verb, known_adjective, known_verb};
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
    /// The words it sets in bold after its opening (see `termed_tips`).
    pub(super) terms: Vec<String>,
    pub(super) lines: Vec<String>,
    pub(super) line: usize,
}

impl ItemMark {
    /// The item's text, on one line.
    pub(super) fn text(&self) -> String {
        squash(&self.lines.join(" "))
    }
}

/// Most words of a label set off by a colon ("Rest days: …").
const COLON_LABEL_WORDS: usize = 6;

/// "Mulch: A layer of straw keeps…", "Client IPs: In general…": a short
/// label (one to six words, capitalised, no sentence punctuation), a colon
/// and eight words or more, no quotation ("Bad: \"Why did you…\"" labels
/// an example). A bold label once the bold is lost, in plain text or a
/// plain list item.
pub(super) fn colon_label(text: &str) -> Option<(String, String)> {
    let (label, rest) = text.split_once(": ")?;
    let label = label.trim();
    ((1..=COLON_LABEL_WORDS).contains(&word_count(label))
        && label.starts_with(|c: char| c.is_uppercase())
        && !label.contains(['.', '!', '?', ',', ';', '(', '"', '\u{201c}'])
        && word_count(rest) >= 8
        && !rest.trim_start().starts_with(['"', '\u{201c}', '\'']))
    .then(|| (label.to_string(), rest.trim().to_string()))
}

/// The label that opens a list item: its bold text, a first line standing as
/// a heading, or a short lead sentence followed by more.
pub(super) fn item_label(
    label: &Option<String>,
    lines: &[String],
    text: &str,
) -> Option<(String, String)> {
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
    if label.is_none()
        && let Some(labelled) = colon_label(text)
    {
        return Some(labelled);
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
        return Some((advice.to_string(), then_the_rest(&added, &ss[1..])));
    }
    if let Some((advice, purpose)) = ss.first().and_then(|first| advice_and_purpose(first)) {
        return Some((advice, then_the_rest(&purpose, &ss[1..])));
    }
    let lead_words = word_count(ss.first().map_or("", String::as_str));
    if ss.len() >= 2
        && !leans_back(&ss[0])
        && (lead_words <= 12 || (lead_words <= LEAD_WORDS && opens_with_advice(&ss[0])))
        && !ss[0].ends_with(':')
        && !states_a_rule(&ss[0])
    {
        let rest = ss[1..].join(" ");
        return Some((ss[0].clone(), rest));
    }
    None
}

/// "However, there are cases…": a sentence leaning on what came before
/// (lexicon role `leaning`), which labels nothing.
fn leans_back(sentence: &str) -> bool {
    let first = sentence.split_whitespace().next().unwrap_or("");
    LEXICON.is(&first.trim_end_matches(',').to_lowercase(), Role::Leaning)
}

/// "A library card must be renewed every two years.": a rule, stating
/// what something must, may or shall do (lexicon role `rule-modal`). It
/// is the item's point, which a question made from it would give away;
/// the item keeps it as its text.
/// (Advice, "Keep the card with you.", heads its item.)
fn states_a_rule(sentence: &str) -> bool {
    !opens_with_advice(sentence)
        && sentence
            .split_whitespace()
            .skip(1)
            .any(|w| LEXICON.is(&w.to_lowercase(), Role::RuleModal))
}

/// An item whose first sentence states a rule (see [`states_a_rule`]).
fn rule_item(text: &str) -> bool {
    sentences(text).first().is_some_and(|f| states_a_rule(f))
}

/// A list of rules: three items or more, three in four of them stating a
/// rule ("1. Every commit message must start with a type…"). Each rule is
/// a point of its own, however short: the list gives a section per item.
pub(super) fn rule_list<'a>(items: impl ExactSizeIterator<Item = &'a str>) -> bool {
    let len = items.len();
    let rules = items.filter(|t| rule_item(t)).count();
    len >= 3 && rules * 4 >= len * 3
}

/// An item's text once its label is split off the first sentence: what is
/// left of that sentence, then the others.
fn then_the_rest(first: &str, others: &[String]) -> String {
    std::iter::once(first)
        .chain(others.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join(" ")
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
            tip: true,
            glossed: false,
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
pub(super) fn opens_with_advice(sentence: &str) -> bool {
    let first = sentence
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    known_verb(&first) == Some(true) && known_adjective(&first) != Some(true)
}

/// Fewest paragraphs after a list of tips, in a lesson without headings,
/// that are text of their own rather than the lesson's closing words.
const TEXT_AFTER_TIPS: usize = 3;

/// A list whose items all open with a label becomes one section per item,
/// under the section that held it.
pub(super) fn split_tip_lists(
    sections: Vec<Section>,
    marks: Vec<ItemMark>,
    title: &str,
) -> Vec<Section> {
    let tips_of = tips_by_section(&sections, &marks, title);
    // (In a lesson without headings, three paragraphs or more after a
    // list of tips are no part of the introduction: they go on after the
    // tips, as text of their own, which the reader then splits by
    // paragraph. One or two close the lesson, as its introduction's end.)
    let no_headings = sections.len() == 1;
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
        let after: Vec<Piece> = s.body[tail..].to_vec();
        let after_apart = no_headings
            && si == 0
            && after.iter().filter(|p| p.kind == PieceKind::Para).count() >= TEXT_AFTER_TIPS;
        let mut own = s.clone();
        own.body = before
            .into_iter()
            .filter(|p| Some(&p.text) != lead_in.as_ref())
            .chain(if after_apart {
                Vec::new()
            } else {
                after.clone()
            })
            .collect();
        // The introduction stays in place even when empty; a section left
        // with one sentence only led into its tips ("A few changes carry
        // most plants through."), and heads them as their context.
        let own_sentences: usize = own.body.iter().map(|p| sentences(&p.text).len()).sum();
        if si == 0 || (own_sentences >= 2 && own.body.iter().any(|p| word_count(&p.text) >= 6)) {
            out.push(own);
        }
        out.extend(tip_sections(&s, tips, tail, &lead_in));
        if after_apart {
            out.push(Section::plain(None, None, after, 0));
        }
    }
    out
}

/// The sections of a section's tips: each tip's text, then what follows
/// its item up to the next tip (or `tail`), under the section's heading.
fn tip_sections(s: &Section, tips: &[Tip], tail: usize, lead_in: &Option<String>) -> Vec<Section> {
    let context = s.heading.clone().or(s.context.clone());
    let mut out = Vec::new();
    for (k, (row, h, rest, line)) in tips.iter().enumerate() {
        let end = tips.get(k + 1).map_or(tail, |t| t.0);
        // ("**DELETE**: removes rows…": a gloss going on from its term.)
        // (Only a gloss's opening, an article or a verb: "- **Pair
        // up**: mini-skill shares…" goes on with examples.)
        let opening = rest.split_whitespace().next().unwrap_or("").to_lowercase();
        let glossed = rest.starts_with(char::is_lowercase)
            && word_count(rest) >= 3
            && (matches!(opening.as_str(), "a" | "an" | "the" | "used") || can_be_verb(&opening));
        let mut body = vec![Piece {
            kind: PieceKind::Para,
            text: if glossed {
                capitalise(rest)
            } else {
                rest.clone()
            },
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
            tip: true,
            glossed,
            body,
            line: *line,
        });
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
            let text = m.text();
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
    if sentences_after * 2 < labels.len() {
        return None;
    }
    if !labels_hold(l, &labels) {
        return None;
    }
    Some(
        labels
            .into_iter()
            .zip(l)
            .map(|(lab, m)| lab.unwrap_or_else(|| (String::new(), m.text())))
            .collect(),
    )
}

/// Do the labels found make a list of tips: items without one few enough,
/// and saying enough on their own? Up to one item in four may be a
/// paragraph without a label ("- Sometimes, a kick-off call helps…" among
/// a dozen labelled tips); where every label is set apart, in bold or by a
/// colon, one item in three may be a long sentence without one ("-
/// **Mulch**: …" beside "- If you have never grown anything, start with
/// herbs…"). Labels set off by a colon alone are weaker evidence: two such
/// items may be a pair of examples ("Bad: …" and "Good: …"), unless each
/// label stands on a line of its own ("Tested:" over its text).
fn labels_hold(l: &[&ItemMark], labels: &[Option<(String, String)>]) -> bool {
    let unlabelled: Vec<usize> = (0..l.len()).filter(|&k| labels[k].is_none()).collect();
    let set_apart = l
        .iter()
        .zip(labels)
        .all(|(m, lab)| lab.is_none() || m.label.is_some() || colon_label(&m.text()).is_some());
    let colon_only = l.iter().all(|m| {
        m.label.is_none()
            && colon_label(&m.text()).is_some()
            && !m.lines.first().is_some_and(|f| f.ends_with(':'))
    });
    if colon_only && l.len() < 3 {
        return false;
    }
    let paragraphs = unlabelled.iter().all(|&k| is_paragraph(&l[k].text()));
    let sentences = unlabelled.iter().all(|&k| says_enough(&l[k].text()));
    (unlabelled.len() * 4 <= l.len() && paragraphs)
        || (set_apart && unlabelled.len() * 3 <= l.len() && sentences)
}

/// Fewest words of a list item that is a paragraph in its own right (with
/// at least two sentences).
const PARAGRAPH_ITEM_WORDS: usize = 20;

/// An item that is a paragraph of its own: two sentences or more, and
/// `PARAGRAPH_ITEM_WORDS` words or more.
fn is_paragraph(text: &str) -> bool {
    word_count(text) >= PARAGRAPH_ITEM_WORDS && sentences(text).len() >= 2
}

/// Fewest words of an item of one sentence that is a tip without a label.
const SENTENCE_ITEM_WORDS: usize = 15;

/// An item that says enough to be a tip without a label: a paragraph, or
/// one long sentence ("If you have never grown anything before, start
/// with herbs, because they forgive…").
fn says_enough(text: &str) -> bool {
    is_paragraph(text) || (word_count(text) >= SENTENCE_ITEM_WORDS && ends_sentence(text))
}

/// A list's items are mostly paragraphs in their own right (two or more,
/// and at least half): given each item's text, or `None` for an item that
/// cannot be one (a nested item).
pub(super) fn mostly_paragraphs<'a>(items: impl ExactSizeIterator<Item = Option<&'a str>>) -> bool {
    let len = items.len();
    let paragraphs = items.flatten().filter(|t| is_paragraph(t)).count();
    paragraphs >= 2 && paragraphs * 2 >= len
}

/// A bulleted list under a heading whose items are mostly paragraphs of
/// their own (two sentences or more, 20 words or more), two in three of them
/// with a lead sentence of three words or more (not a term being glossed):
/// each item is a tip, labelled by its lead sentence,
/// else named by its text (an empty label). Numbered items are left alone
/// (they are steps) unless every one is a paragraph.
fn paragraph_tips(sections: &[Section], l: &[&ItemMark]) -> Option<Vec<(String, String)>> {
    let texts: Vec<String> = l.iter().map(|m| m.text()).collect();
    let section = &sections[l[0].section];
    // (A list announced by a lead-in, "three questions are worth preparing:",
    // is the section's own answer, kept whole.)
    let announced = l[0]
        .row
        .checked_sub(1)
        .and_then(|r| section.body.get(r))
        .is_some_and(|p| p.text.ends_with(':'));
    // (Numbered items are steps, unless every one is a paragraph of its
    // own: "1. The first principle is open data. It means…", a numbered
    // list of principles or tips.)
    let numbered = l.iter().any(|m| m.numbered);
    // (An item whose own text is a sentence and whose items nested under
    // it say the rest is a paragraph in its own right.)
    let holds_items = |m: &ItemMark| {
        section
            .body
            .get(m.row + 1)
            .is_some_and(|p| p.kind == PieceKind::Item && p.nested)
    };
    // (A rule, "A release must never change.", is an item of its own
    // however short: a numbered list of rules is no list of steps.)
    let rules = rule_list(texts.iter().map(String::as_str));
    let all_paragraphs = l
        .iter()
        .zip(&texts)
        .all(|(m, t)| is_paragraph(t) || holds_items(m) || rule_item(t));
    // (Under the title alone, a list is the lesson's body only when it
    // holds most of its words: else it is a part of the introduction.)
    let words = |ps: &[Piece]| ps.iter().map(|p| word_count(&p.text)).sum::<usize>();
    let before = words(&section.body[..l[0].row]);
    let the_body = l.len() >= 4 && before * 3 <= words(&section.body);
    if (section.heading.is_none() && !the_body)
        || announced
        || (numbered && !all_paragraphs)
        || !(rules || mostly_paragraphs(texts.iter().map(|t| Some(t.as_str()))))
    {
        return None;
    }
    let labels: Vec<Option<(String, String)>> = l
        .iter()
        .zip(&texts)
        .map(|(m, t)| item_label(&m.label, &m.lines, t))
        // ("Task: the goal you had…": a term and its gloss, not advice.)
        .map(|x| x.filter(|(label, _)| word_count(label) >= 3 && !label.ends_with('?')))
        .collect();
    // Most items must say what they advise in a label of their own: a
    // name made up from the text asks nothing worth learning. (Or state a
    // rule, which is the item's point whatever names it.)
    let labelled = labels
        .iter()
        .zip(&texts)
        .filter(|(x, t)| x.is_some() || rule_item(t))
        .count();
    (labelled * 3 >= l.len() * 2).then(|| {
        labels
            .into_iter()
            .zip(texts)
            .map(|(x, t)| x.unwrap_or((String::new(), t)))
            .collect()
    })
}

/// Per section, the tips of its lists whose items all open with a label.
fn tips_by_section(sections: &[Section], marks: &[ItemMark], title: &str) -> Vec<Vec<Tip>> {
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
        // (A list nested in an item of a list of tips details that tip:
        // "11. Precedence…" and its sub-rules "1.", "2." are one tip.)
        let nested = l
            .first()
            .is_some_and(|m| sections[m.section].body[m.row].nested);
        if l.len() < 2 || inner[k] || (nested && !tips_of[l[0].section].is_empty()) {
            continue;
        }
        let Some(labels) = tip_labels(sections, l)
            .or_else(|| paragraph_tips(sections, l))
            .or_else(|| termed_tips(l))
            .or_else(|| advice_tips(sections, l, title))
        else {
            continue;
        };
        for (m, (h, rest)) in l.iter().zip(labels) {
            tips_of[m.section].push((m.row, h, rest, m.line));
        }
    }
    tips_of
}

#[cfg(test)]
#[path = "lists_tests.rs"]
mod tests;

//! Lists of tips: a list whose items each open with a label (bold text, a
//! heading-like first line, a short lead sentence) becomes one section per
//! item, under the section that held it.

use super::advice_list::advice_tips;
pub(super) use super::item_label::{colon_label, example_label, item_label, rule_item, rule_list};
use super::list_runs::{across_quotes, led_in_apart};
use super::listing::lead_in_listing;
use super::termed::termed_tips;
use super::{Piece, PieceKind, Section, heading};
use crate::lesson::language::{LEXICON, Role, can_be_verb, known_adjective, known_verb};
use crate::lesson::text::{
    capitalise, ends_sentence, runs_a_command, sentences, spaced_dash, squash, word_count,
};

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

/// A list item that is a paragraph of its own, as a section: its label or
/// lead sentence heads it, when it has one.
pub(super) fn item_section(p: Piece) -> Section {
    let lines = [p.text.clone()];
    let line = p.line;
    // ("rdataone - R client for the DataONE API…": a name and its gloss.)
    if let Some((term, gloss)) = dash_gloss(&p.text) {
        return Section {
            heading: heading(&term),
            context: None,
            lead_in: None,
            sentence_heading: false,
            tip: true,
            glossed: true,
            step: false,
            body: vec![Piece {
                kind: PieceKind::Para,
                text: gloss,
                label: None,
                numbered: false,
                ..p
            }],
            line,
        };
    }
    match item_label(&p.label, &lines, &p.text) {
        Some((h, rest)) if !rest.is_empty() => Section {
            heading: heading(&h),
            context: None,
            lead_in: None,
            // (A step done by a command is a sentence: "Upgrade one package".)
            sentence_heading: ends_sentence(&h) || runs_a_command(&rest),
            tip: true,
            glossed: false,
            step: super::sections::numbers_a_step(&h),
            body: vec![Piece {
                kind: PieceKind::Para,
                text: rest,
                label: None,
                numbered: false,
                ..p
            }],
            line,
        },
        _ => Section::plain(None, None, vec![p], line),
    }
}

/// Most words of a name glossed after a dash.
const GLOSSED_NAME_WORDS: usize = 5;

/// "rdataone - R client for the DataONE API that is native to R.", "open
/// science in ecology manuscript - A publication on…": a name of one to
/// five words, no advice and no sentence of its own, a spaced dash, then
/// what it is, a noun phrase opening with a capital (not a pronoun, not
/// advice) of four words or more. Gives the name and the gloss, then the
/// rest of the text.
pub(super) fn dash_gloss(text: &str) -> Option<(String, String)> {
    let (at, after) = spaced_dash(text, false)?;
    let (name, gloss) = (text[..at].trim(), text[after..].trim());
    let opening = gloss.split_whitespace().next()?.to_lowercase();
    // (After "A"/"An"/"The", what the dash follows is named, even by a
    // word that can be a verb: "plate reader bridge - A small service…".)
    let article = matches!(opening.as_str(), "a" | "an" | "the");
    let named = (1..=GLOSSED_NAME_WORDS).contains(&word_count(name))
        && !name.contains(['.', ',', ';', ':', '!', '?', '"'])
        && (article || !opens_with_advice(name));
    let glosses = gloss.starts_with(char::is_uppercase)
        && word_count(sentences(gloss).first()?) >= 4
        && !LEXICON.is(&opening, Role::Leaning)
        && !matches!(opening.as_str(), "i" | "we" | "you" | "he" | "she")
        && (article || known_verb(&opening) != Some(true));
    (named && glosses).then(|| (name.to_string(), gloss.to_string()))
}

/// "Research existing tools and decide…": a sentence opening with a word
/// the dictionary knows as a verb and not as an adjective ("Major changes
/// take longer" states), or a recommendation ("You should…", see
/// `heading::recommended`).
pub(super) fn opens_with_advice(sentence: &str) -> bool {
    let first = sentence.split_whitespace().next().unwrap_or("");
    let first = first.to_lowercase();
    known_verb(&first) == Some(true) && known_adjective(&first) != Some(true)
        || super::heading::recommended(sentence).is_some()
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
        let kept = own_sentences >= 2 && own.body.iter().any(|p| word_count(&p.text) >= 6);
        if si == 0 || kept {
            out.push(own);
        } else if let Some(listed) = lead_in_listing(&s, &lead_in, tips.iter().map(|t| &*t.1)) {
            // ("What are the common ways to run a club?" over "There are
            // three ways:" and its labelled items: the question's answer
            // is the lead-in with the labels, which would otherwise go.)
            own.body.insert(0, listed);
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
        // ("**Active Recall** (You try to remember actively…)": a tip's
        // whole text in brackets is its text all the same.)
        let rest = &unbracketed(rest);
        let glossed = glosses(h, rest);
        let mut body = vec![Piece {
            kind: PieceKind::Para,
            text: if glossed {
                capitalise(rest)
            } else {
                rest.clone()
            },
            stressed: Vec::new(),
            code: s.body[*row].code.clone(),
            numbered: false,
            label: None,
            nested: false,
            line: *line,
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
            // ("**Step 1: The user enters the address**")
            step: super::sections::numbers_a_step(h),
            body,
            line: *line,
        });
    }
    out
}

/// Does a tip's text gloss its label? "**DELETE**: removes rows…", a
/// gloss going on from its term in lower case (opening on an article,
/// "used" or a word that can be a verb: "- **Pair up**: mini-skill
/// shares…" goes on with examples), or a list of jargon's gloss.
fn glosses(term: &str, rest: &str) -> bool {
    let opening = rest.split_whitespace().next().unwrap_or("").to_lowercase();
    let lower_gloss = rest.starts_with(char::is_lowercase)
        && word_count(rest) >= 3
        && (matches!(opening.as_str(), "a" | "an" | "the" | "used") || can_be_verb(&opening));
    lower_gloss || jargon_gloss(term, rest)
}

/// "**Beta**: Information on how to complete a climb": a term of one to
/// three words, no advice, and a gloss of three words or more that is no
/// sentence (no final mark, no stop inside) and opens on an article or a
/// word that is no verb ("Keep a bottle near" advises), as lists of
/// jargon write them: the text says what the term means.
fn jargon_gloss(term: &str, gloss: &str) -> bool {
    (1..=3).contains(&word_count(term))
        && !opens_with_advice(term)
        && word_count(gloss) >= 3
        && gloss.split_whitespace().next().is_some_and(|w| {
            let w = w.to_lowercase();
            matches!(w.as_str(), "a" | "an" | "the") || !can_be_verb(&w)
        })
        && !ends_sentence(gloss)
        && !gloss.contains(['.', '?', '!', ';'])
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
    // (Advice goes on with advice, stopped or not: "**Separate work and
    // home:** Try working in a room of its own".)
    let says = |(label, rest): &(String, String)| {
        ends_sentence(rest)
            || rest.is_empty()
            || (word_count(rest) >= 4 && (opens_with_advice(label) || opens_with_advice(rest)))
    };
    let sentences_after = labels
        .iter()
        .zip(&bare)
        .filter(|(lab, bare)| !**bare && lab.as_ref().is_some_and(says))
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
/// The marks grouped into lists: consecutive indexes in one section. A
/// numbered list broken by paragraphs or other lists ("1." … "2.") goes
/// on where its number says; the lists between are part of its items,
/// marked `true` in the second vector.
fn lists_of(marks: &[ItemMark]) -> (Vec<Vec<&ItemMark>>, Vec<bool>) {
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
    (lists, inner)
}

fn tips_by_section(sections: &[Section], marks: &[ItemMark], title: &str) -> Vec<Vec<Tip>> {
    let (lists, inner) = lists_of(marks);
    let (lists, inner) = across_quotes(sections, lists, inner);
    let mut tips_of: Vec<Vec<Tip>> = vec![Vec::new(); sections.len()];
    for (k, l) in lists.iter().enumerate() {
        // (A list nested in an item of a list of tips details that tip:
        // "11. Precedence…" and its sub-rules "1.", "2." are one tip.)
        let nested = l
            .first()
            .is_some_and(|m| sections[m.section].body[m.row].nested);
        // (A glossary's letter, "## B" over one term, heads a list of one.)
        let lettered = l
            .first()
            .is_some_and(|m| letter_heading(&sections[m.section]));
        // (Under "Step 2: Set in the sleeves", a list is the step's own
        // instructions, in order: no tips.)
        let step = l.first().is_some_and(|m| sections[m.section].step);
        // ("Yes: …" and "No: …": examples of a rule, no tips.)
        let examples = l.iter().all(|m| example_label(&m.text()).is_some())
            || l.first()
                .is_some_and(|m| led_in_apart(&sections[m.section], m.row));
        if (l.len() < 2 && !lettered)
            || inner[k]
            || step
            || examples
            || (nested && !tips_of[l[0].section].is_empty())
        {
            continue;
        }
        let Some(labels) = tip_labels(sections, l)
            .or_else(|| paragraph_tips(sections, l))
            .or_else(|| termed_tips(l))
            .or_else(|| advice_tips(sections, l, title))
        else {
            continue;
        };
        if previews(sections, l[0].section, &labels) {
            continue;
        }
        for (m, (h, rest)) in l.iter().zip(labels) {
            tips_of[m.section].push((m.row, h, rest, m.line));
        }
    }
    tips_of
}

/// "A recipe comes down to four things: 1. **Component ratio:** …": a
/// list whose labels, half of them or more, are the headings of sections
/// further on previews them, as a table of contents does. Its items are
/// no tips, or each part would be read twice.
fn previews(sections: &[Section], at: usize, labels: &[(String, String)]) -> bool {
    let key = |t: &str| -> String {
        t.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let later: Vec<String> = sections[at + 1..]
        .iter()
        .filter_map(|s| s.heading.as_deref().map(key))
        .collect();
    let named = labels
        .iter()
        .filter(|(h, _)| later.contains(&key(h)))
        .count();
    named >= 2 && named * 2 >= labels.len()
}

/// "(You try to remember actively.)." → "You try to remember actively.":
/// text wholly in one pair of brackets, out of them.
fn unbracketed(text: &str) -> String {
    let inner = text
        .trim_end_matches('.')
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'));
    match inner {
        Some(t) if !t.contains(['(', ')']) && !t.trim().is_empty() => {
            let t = t.trim();
            if t.ends_with(['.', '!', '?']) {
                t.to_string()
            } else {
                format!("{t}.")
            }
        }
        _ => text.to_string(),
    }
}

/// "B", "#": a heading of one letter or mark, as glossaries file their
/// terms under; it names no topic.
pub(super) fn letter_heading(section: &Section) -> bool {
    section.heading.as_deref().is_some_and(|h| {
        let h = h.trim().trim_start_matches('\\');
        h.chars().count() == 1 && !h.starts_with(char::is_lowercase)
    })
}

#[cfg(test)]
#[path = "lists_tests.rs"]
mod tests;

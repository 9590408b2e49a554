//! The label that opens a list item: its bold text, a "Label:" set off by
//! a colon, a first line standing as a heading, or a short lead sentence
//! followed by more (see docs/lessons.md, "Lists of tips").

use super::heading::counts_only;
use super::lists::opens_with_advice;
use super::plain::heading_like;
use super::purpose::purpose_split;
use crate::lesson::language::{LEXICON, Pos, Role, analyse, known_adjective, known_verb};
use crate::lesson::text::{capitalise, ends_sentence, sentences, squash, word_count};

/// Longest lead sentence that labels a list item of several sentences,
/// when it gives advice (else 12 words).
const LEAD_WORDS: usize = 20;

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

/// The item's text past a letter or numeral numbering it inside a
/// bullet ("a. ", "b) ", "(c) ", "ii. ", "3) "): a sub-list's counter,
/// written by hand, is no word of the item's label.
pub(super) fn past_enumerator(t: &str) -> &str {
    let trimmed = t.trim_start();
    let inner = trimmed.strip_prefix('(').unwrap_or(trimmed);
    let counter = inner.find(['.', ')']).filter(|&end| {
        let c = &inner[..end];
        let letter = c.len() == 1 && c.chars().all(|ch| ch.is_ascii_lowercase());
        let roman = (1..=4).contains(&c.len()) && c.chars().all(|ch| "ivx".contains(ch));
        let number = (1..=2).contains(&c.len()) && c.chars().all(|ch| ch.is_ascii_digit());
        letter || roman || number
    });
    match counter {
        Some(end) if inner[end + 1..].is_empty() || inner[end + 1..].starts_with(' ') => {
            inner[end + 1..].trim_start()
        }
        _ => t,
    }
}

/// "Yes: …", "Don't: …": an example of a rule followed (true) or broken
/// (false), by its label (lexicon roles `right-example`, `wrong-example`),
/// and the example.
pub fn example_label(text: &str) -> Option<(bool, &str)> {
    let (label, rest) = text.split_once(':')?;
    let label = label
        .trim()
        .trim_matches(['*', '_'])
        .to_lowercase()
        .replace('\u{2019}', "'");
    let rest = rest.trim().trim_start_matches(['*', '_']).trim();
    if rest.is_empty() {
        return None;
    }
    if LEXICON.is(&label, Role::RightExample) {
        Some((true, rest))
    } else if LEXICON.is(&label, Role::WrongExample) {
        Some((false, rest))
    } else {
        None
    }
}

/// The label that opens a list item: its bold text, a first line standing as
/// a heading, or a short lead sentence followed by more.
pub(super) fn item_label(
    label: &Option<String>,
    lines: &[String],
    text: &str,
) -> Option<(String, String)> {
    if let Some(l) = label.as_ref().filter(|l| counts_only(l)) {
        return counted_item(l, lines, text);
    }
    // Bold over two sentences or more stresses a passage ("**Years count
    // for little. What counts is whom you worked with.**"): a label names
    // one idea, and the item has none.
    if label.as_ref().is_some_and(|l| sentences(l).len() >= 2) {
        return None;
    }
    if let Some(found) = label.as_ref().and_then(|l| bold_label(l, text)) {
        return Some(found);
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
            // (Plain text types the dash as a spaced hyphen.)
            .or_else(|| first.split_once(" - "))
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

/// An item opening with bold text `l`: the label and the rest, when the
/// bold labels the item.
fn bold_label(l: &String, text: &str) -> Option<(String, String)> {
    let rest = text.strip_prefix(l.as_str()).unwrap_or(text).trim();
    // "**What** change is made? …": the bold words open the lead
    // sentence, which is the label; "**Label**, and the sentence goes
    // on" with no lead sentence keeps the whole sentence in the body.
    let flows = rest.starts_with([',', ';']) || rest.starts_with(char::is_lowercase);
    let ss = sentences(text);
    if flows && ss.len() >= 2 && word_count(&ss[0]) <= 12 && !ss[0].ends_with(':') {
        return Some((ss[0].clone(), ss[1..].join(" ")));
    }
    // "*Do* encourage questions.", "**Never** reuse a key.": a stressed
    // word that only insists is no label; the sentence is, and the
    // emphatic "do" goes ("Encourage questions.").
    // So is a verb the writer stressed as the item's first word, "**Avoid**
    // sharing files…", in an item of one sentence: the bold word alone
    // names nothing.
    let stressed_verb = !l.contains(' ')
        && ss.len() == 1
        && word_count(&ss[0]) <= 25
        && known_verb(&l.to_lowercase()) == Some(true)
        && !l.ends_with("ing");
    if flows
        && ss.len() == 1
        && (insists(l) && word_count(&ss[0]) <= 12 || stressed_verb)
        && !ss[0].ends_with(':')
    {
        let lead = match ss[0].strip_prefix(l.as_str()) {
            Some(after) if l.eq_ignore_ascii_case("do") => capitalise(after.trim_start()),
            _ => ss[0].clone(),
        };
        // (A stressed verb's sentence is the tip's label and all it says:
        // a cloze asks for it, a question would repeat it.)
        let body = if stressed_verb && !insists(l) {
            String::new()
        } else {
            lead.clone()
        };
        return Some((lead, body));
    }
    if let Some(found) = bold_advice_running_on(l, rest, &ss) {
        return Some(found);
    }
    // ("**Check your calendar** for tomorrow", "**Do it**, if it takes a
    // minute": bold advice running on into a short item of one sentence
    // stresses a checklist's words; it labels no tip. A term defined so,
    // "**Check Time** is the last…", is a label.)
    if flows && ss.len() == 1 && word_count(&ss[0]) <= 16 && opens_with_advice(l) {
        return None;
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
    None
}

/// "**Keep the lines open during breaks** to take questions…": bold
/// advice of a few words running on into its purpose, in an item of one
/// sentence. The purpose answers why: the advice labels the item and the
/// purpose is its body (the whole sentence would repeat the label).
fn bold_advice_running_on(l: &str, rest: &str, ss: &[String]) -> Option<(String, String)> {
    // ("**Research shows** that…", "**Practice makes**…": a noun and its
    // verb, no advice.)
    let second_verb = analyse(l)
        .content()
        .nth(1)
        .is_some_and(|w| matches!(w.pos, Pos::Verb | Pos::Aux));
    let purpose = rest.strip_prefix("to ").filter(|p| {
        p.split_whitespace()
            .next()
            .is_some_and(|v| known_verb(&v.to_lowercase()) == Some(true))
    })?;
    (ss.len() == 1 && word_count(l) >= 2 && opens_with_advice(l) && !second_verb)
        .then(|| (l.to_string(), format!("To {}", purpose.trim())))
}

/// A stressed word that only insists on what follows: "do", "never",
/// "always", "not".
fn insists(label: &str) -> bool {
    matches!(
        label.trim().to_lowercase().as_str(),
        "do" | "never" | "always" | "not" | "don't" | "don\u{2019}t"
    )
}

/// "**Tip # 1**: Be comfortable with the tools. …": a label that only
/// counts names nothing; the item reads as if it had none.
fn counted_item(label: &str, lines: &[String], text: &str) -> Option<(String, String)> {
    let unlabelled = |t: &str| {
        t.strip_prefix(label)
            .unwrap_or(t)
            .trim_start_matches([':', '.', '-', '\u{2013}', '\u{2014}', ' '])
            .to_string()
    };
    let lines: Vec<String> = lines
        .iter()
        .enumerate()
        .map(|(i, t)| if i == 0 { unlabelled(t) } else { t.clone() })
        .collect();
    item_label(&None, &lines, &unlabelled(text))
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
pub(super) fn rule_item(text: &str) -> bool {
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
/// the reason for it; so does a reason clause ("…so you can follow up
/// their questions.").
fn advice_and_purpose(sentence: &str) -> Option<(String, String)> {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    if words.len() <= LEAD_WORDS || !opens_with_advice(sentence) || sentence.ends_with('?') {
        return None;
    }
    let to = (4..=14.min(words.len().saturating_sub(3))).find(|&k| {
        words[k] == "to"
            && known_verb(&words[k + 1].to_lowercase()) == Some(true)
            && known_adjective(&words[k + 1].to_lowercase()) != Some(true)
    });
    match to {
        Some(to) if !sentence.contains(',') => {
            let purpose = words[to + 1..].join(" ");
            Some((words[..to].join(" "), format!("To {purpose}")))
        }
        // "Write the code in front of them so you can…, and so that…": a
        // reason clause, commas or not after it.
        _ => purpose_split(sentence).filter(|(advice, _)| !advice.contains(',')),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn advice_too_long_to_label_its_item_is_parted_from_its_purpose() {
        assert_eq!(
            advice_and_purpose(
                "Use the library catalogue and the reading lists of past years to find \
                 a few books you like the look of"
            ),
            Some((
                "Use the library catalogue and the reading lists of past years".into(),
                "To find a few books you like the look of".into()
            ))
        );
        assert_eq!(
            advice_and_purpose(
                "Write the code in front of the class so you can answer their questions, \
                 and so that they learn how the tools behave"
            ),
            Some((
                "Write the code in front of the class".into(),
                "So you can answer their questions, and so that they learn how the tools behave."
                    .into()
            ))
        );
        // Short advice labels its item whole.
        assert_eq!(
            advice_and_purpose("Write the code so they can see it"),
            None
        );
    }

    #[test]
    fn bold_advice_running_into_its_purpose_is_parted_from_it() {
        let label = Some("Keep the oven door shut".to_string());
        let text = "Keep the oven door shut to hold the heat in while it bakes.";
        assert_eq!(
            item_label(&label, &[text.to_string()], text),
            Some((
                "Keep the oven door shut".into(),
                "To hold the heat in while it bakes.".into()
            ))
        );
        // A noun and its verb in bold are no advice.
        let label = Some("Research shows".to_string());
        let text = "Research shows to learn a skill people need sleep.";
        assert_ne!(
            item_label(&label, &[text.to_string()], text).map(|(_, body)| body),
            Some("To learn a skill people need sleep.".into())
        );
    }
}

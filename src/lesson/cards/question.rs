//! A heading turned into the point card's question, by its grammar (see
//! [`Ask`]): "Silence works" → "Why does silence work?".

use std::collections::BTreeSet;

use crate::lesson::language::{
    Analysis, LEXICON, Pos, Role, Word, analyse, ever_mass, known_verb, verb_reading,
};
use crate::lesson::read::Section;
use crate::lesson::text::{capitalise, stem, word_count};

use super::ask::{Ask, lead_in_subject, lower_first};
use super::case::{case_question, readers_case};
use super::clause_subject::{clause_question, clause_subject};
use super::finite::reports_trouble;
use super::forms::{and_joined, gerund_base, indefinite, is_base, is_plural, the_one};
use super::named::names_at_end;
use super::sentence::Sent;
use super::statement::{statement_question, states_when};

/// The sentence's first verb that is no word of the heading: a word of the
/// heading is the subject's, however the tagger reads it ("The Call Stack
/// is…": "Call" is no verb here). `words` are its content words.
pub(super) fn verb_after_heading(
    s: &Sent,
    words: &[&Word],
    heading: &BTreeSet<String>,
) -> Option<usize> {
    let capital = |i: usize| s.text[words[i].start..].starts_with(char::is_uppercase);
    // (A participle opening the subject before its noun qualifies it:
    // "The shared cache holds…"; a capitalised word past the first, or
    // the first before another, is part of a name: "Segregated Witness
    // (SegWit) is…".)
    let qualifies = |i: usize| {
        let w = words[i];
        w.pos == Pos::Verb
            && (w.norm.ends_with("ed") || w.norm.ends_with("ing"))
            && words
                .get(i + 1)
                .is_some_and(|n| matches!(n.pos, Pos::Noun | Pos::Propn))
            && (i == 0 || matches!(words[i - 1].pos, Pos::Det | Pos::Adj | Pos::Adv))
    };
    let named = |i: usize| capital(i) && (i > 0 || (words.len() > 1 && capital(1)));
    (0..words.len()).find(|&i| {
        matches!(words[i].pos, Pos::Aux | Pos::Verb)
            && !heading.contains(&stem(&words[i].norm))
            && !qualifies(i)
            && !named(i)
    })
}

/// Does the sentence define the heading ("A load balancer is…"), or name
/// it at its end after saying what it is (see [`names_at_end`])?
pub(super) fn defines(s: &Sent, heading: &BTreeSet<String>) -> bool {
    // ("While a hard link is a reference to an inode, the symbolic link is
    // a reference to a path": the clause after the contrast defines.)
    if let Some(after) = crate::lesson::text::after_contrast(&s.text) {
        return defines(&Sent::new(after, s.kind), heading);
    }
    let words: Vec<&Word> = s.a.content().collect();
    if names_at_end(&words, heading) {
        return true;
    }
    let Some(v) = verb_after_heading(s, &words, heading) else {
        return false;
    };
    let verb = words[v].norm.as_str();
    let subject: BTreeSet<String> = words[..v].iter().map(|w| stem(&w.norm)).collect();
    // "X is hard", "X and Y are very hard": an adjective alone after the
    // verb judges X, it does not say what X is.
    let mut k = v + 1;
    while words.get(k).is_some_and(|w| w.pos == Pos::Adv) {
        k += 1;
    }
    // ("X is how long…", "X is what…": a clause saying what X is.)
    let clause = words
        .get(v + 1)
        .is_some_and(|w| matches!(w.norm.as_str(), "how" | "what" | "where" | "when" | "who"));
    let judged = words.get(k).is_some_and(|w| w.pos == Pos::Adj)
        && !words.get(k + 1).is_some_and(|n| n.pos.is_nominal())
        && !clause;
    // ("X is only used to…": what X serves, not what it is.)
    let used = words.get(k).is_some_and(|w| w.norm == "used");
    let copula = matches!(verb, "is" | "are") && !judged && !used;
    // The subject is the heading itself, give or take an article or a
    // modifier ("A recursive resolver is…"), not a clause that mentions it
    // ("If the documentation changes, …"); a possessive is a modifier too
    // ("The term of your loan is…").
    let plain_subject = v <= heading.len() + 5
        && !words[..v].iter().any(|w| {
            w.pos == Pos::Sconj
                || (w.pos == Pos::Pron && !w.is_possessive())
                || (w.pos == Pos::Adp && w.norm != "of")
        });
    (copula || matches!(verb, "means" | "refers" | "describes"))
        && plain_subject
        && !heading.is_empty()
        && heading.iter().all(|h| subject.contains(h))
}

/// Text of the heading from content word `from` on, as written.
pub(super) fn rest_from(h: &Analysis, text: &str, from: usize) -> String {
    let words: Vec<&Word> = h.content().collect();
    match words.get(from) {
        // (An opening bracket or quote before the word goes with it:
        // "Crowdfunding (one-time)" → "(one-time)".)
        Some(w) => text[text[..w.start]
            .trim_end_matches(['(', '[', '"', '\u{201c}'])
            .len()..]
            .trim()
            .trim_end_matches(['.', '!'])
            .to_string(),
        None => String::new(),
    }
}

/// Turns a heading into a question by its grammar (see [`Ask`]).
#[allow(clippy::too_many_arguments)]
pub(super) fn question(
    ask: &Ask,
    h: &Analysis,
    text: &str,
    section: &Section,
    why: bool,
    method: bool,
    definition: bool,
    apostrophe: char,
) -> String {
    let text = text.trim().trim_end_matches(['.', '!']).trim_end();
    let words: Vec<&Word> = h.content().collect();
    let w0 = words.first().map_or("", |w| w.norm.as_str());
    let when = states_when(section, method);
    match ask {
        Ask::Question => as_asked(text),
        Ask::HowTo => {
            let to = words.iter().position(|w| w.norm == "to").unwrap_or(1);
            let asks = words[..to].iter().map(|w| w.norm.as_str());
            let asks = capitalise(&asks.collect::<Vec<_>>().join(" "));
            format!("{asks} should you {}?", rest_from(h, text, to + 1))
        }
        Ask::DoNot => do_not_question(h, text, w0, why, apostrophe),
        Ask::Always => {
            let rest = rest_from(h, text, 1);
            if why {
                format!("Why should you always {rest}?")
            } else {
                format!("How can you make sure to always {rest}?")
            }
        }
        // A first word the dictionary knows as no verb, and no adverb
        // before one ("Just use…"), gives no advice to ask about.
        Ask::Do
            if known_verb(w0) == Some(false)
                && words.first().is_some_and(|w| w.pos != Pos::Adv) =>
        {
            noun_question(h, text, section, (definition, when), apostrophe)
        }
        // "Use it or lose it": a slogan whose objects are only pronouns
        // names nothing to ask about; asked what it means.
        Ask::Do if slogan(&words) => {
            format!("What does \u{201c}{}\u{201d} mean?", capitalise(text))
        }
        Ask::Do => do_question(h, text, w0, why, method),
        // ("The upload fails with a timeout" over a section saying what
        // to do: a problem reported, asked what to do about it.)
        // (Not a maxim of two parts, "Everything fails, all of the time".)
        Ask::Statement if method && !why && !text.contains(',') && reports_trouble(&words) => {
            format!("What should you do if {}?", lower_first(text))
        }
        Ask::Statement if readers_case(&words) => {
            format!("What if you {}?", lower_first(text))
        }
        Ask::Statement => match clause_subject(h) {
            Some(main) => clause_question(h, text, main),
            None => statement_question(h, text, (why, when), apostrophe),
        },
        Ask::Gerund => {
            // "Creating a map" → "How do you create a map?", when the
            // gerund's base form is a verb the tagger knows; not "Soldering
            // 101", whose rest is no object.
            let rest = rest_from(h, text, 1);
            let object = rest.is_empty() || rest.chars().any(char::is_alphabetic);
            match gerund_base(w0).filter(|_| object) {
                Some(base) => format!("How do you {base} {}?", coordinated_bases(&rest)),
                None => format!("What does {text} involve?"),
            }
        }
        Ask::Versus => versus_question(text),
        Ask::Predicate => predicate_question(section, text, why),
        Ask::Noun | Ask::Gloss(_) => {
            noun_question(h, text, section, (definition, when), apostrophe)
        }
        Ask::Term => term_question(text),
    }
}

/// "Deprecated" → "What does “Deprecated” mean?": a term for a state or
/// a role, quoted as the heading writes it.
pub(super) fn term_question(text: &str) -> String {
    format!("What does \u{201c}{}\u{201d} mean?", capitalise(text))
}

/// A noun-phrase heading: "What is X?" when the section defines it; a
/// label ("Disadvantages: failover") asks for what it labels; a phrase
/// opening with a preposition ("In sequence") borrows the head of the
/// heading it sits under.
/// A heading naming a thing, not a label ("Disadvantages: failover") or a
/// phrase opening with a preposition ("In sequence"): its question comes
/// from what its back says (see `noun.rs`).
pub(super) fn plain_noun(h: &Analysis, text: &str) -> bool {
    label_of(text).is_none() && h.content().next().is_none_or(|w| w.pos != Pos::Adp)
}

/// "and learning" → "and learn": a gerund joined to the first one
/// takes its base form too ("Reading and learning" → "read and learn").
fn coordinated_bases(rest: &str) -> String {
    let mut words: Vec<String> = rest.split(' ').map(str::to_string).collect();
    for i in 1..words.len() {
        if matches!(words[i - 1].as_str(), "and" | "or")
            && let Some(base) = gerund_base(&words[i])
        {
            words[i] = base;
        }
    }
    words.join(" ")
}

/// "Disadvantages: failover" → ("Disadvantages", "failover").
pub(super) fn label_of(text: &str) -> Option<(&str, &str)> {
    text.split_once(": ").filter(|(label, what)| {
        word_count(label) <= 2
            && !label.chars().any(|c| c.is_ascii_digit())
            && !what.trim().is_empty()
    })
}

/// Does the heading open with a clause placing advice in time or case
/// ("When the dough dries out", "Before you get started")?
pub(super) fn places_advice(h: &Analysis) -> bool {
    // (The tagger takes "when" before a participle for an adverb: "When
    // shaping the dough, …".)
    // ("Before implementing accessibility": a preposition before a
    // gerund places it too.)
    let words: Vec<&Word> = h.content().take(2).collect();
    let placing = |w: &Word, next: Option<&&Word>| {
        (matches!(w.pos, Pos::Sconj | Pos::Adv)
            || (w.pos == Pos::Adp && next.is_some_and(|n| gerund_base(&n.norm).is_some())))
            && LEXICON.is(&w.norm, Role::PlacingConjunction)
    };
    words.first().is_some_and(|w| placing(w, words.get(1)))
        && !h.words.iter().any(|w| w.norm == "?")
}

fn noun_question(
    h: &Analysis,
    text: &str,
    section: &Section,
    (definition, when): (bool, bool),
    apostrophe: char,
) -> String {
    if places_advice(h) {
        return case_question(h, text, when, apostrophe);
    }
    if let Some((label, what)) = label_of(text) {
        let label = label.trim().trim_end_matches("(s)").to_lowercase();
        let plural = if label.ends_with('s') {
            label
        } else {
            format!("{label}s")
        };
        return format!("What are the {plural} of {}?", what.trim());
    }
    if h.content().next().is_some_and(|w| w.pos == Pos::Adp) {
        // "For debugging" under "Do logging correctly": how to follow the
        // advice in that case.
        if let Some(advice) = section.context.as_deref().filter(|c| {
            analyse(c).content().next().is_some_and(|w| {
                is_base(&w.norm) && (w.pos == Pos::Verb || (w.pos == Pos::Aux && w.norm == "do"))
            })
        }) {
            return format!("How should you {} {text}?", lower_first(advice));
        }
        let head = section.context.as_deref().map(context_head);
        return match head {
            Some(head) if !head.is_empty() => format!("What matters about {head} {text}?"),
            _ => format!("What matters {text}?"),
        };
    }
    if definition {
        what_is(h, text)
    } else {
        format!("What matters about {}?", the_one(h, &with_article(h, text)))
    }
}

/// "What is X?" / "What are Xs?", by the number of the heading's head noun.
pub(super) fn what_is(h: &Analysis, text: &str) -> String {
    let verb = if is_plural(h) { "are" } else { "is" };
    format!("What {verb} {}?", with_article(h, text))
}

/// A heading names its topic without an article ("First line", "Load
/// balancer"), which a question inside a sentence needs: "the" before an
/// ordinal, "a"/"an" before a singular noun naming a doer (a verb and
/// "-er"/"-or": "balancer", "collector"), which is always countable.
pub(super) fn with_article(h: &Analysis, text: &str) -> String {
    let words: Vec<&Word> = h.content().collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return text.to_string();
    };
    let lowercase = text.starts_with(char::is_lowercase);
    if !lowercase || matches!(first.pos, Pos::Det | Pos::Pron | Pos::Num) || first.is_possessive() {
        return text.to_string();
    }
    if LEXICON.is(&first.norm, Role::Ordinal) && words.len() >= 2 {
        return format!("the {text}");
    }
    let head = last.norm.as_str();
    // ("Starting with starter": a phrase with a preposition is headed
    // before it, here by an activity, which takes no article.)
    let doer = !words.iter().any(|w| w.pos == Pos::Adp)
        && last.pos == Pos::Noun
        && head.len() >= 6
        && ["er", "or"].iter().any(|end| {
            head.strip_suffix(end).is_some_and(|base| {
                verb_reading(base) || head.strip_suffix('r').is_some_and(verb_reading)
            })
        });
    if doer && !is_plural(h) {
        return format!("{} {text}", indefinite(text));
    }
    text.to_string()
}

/// The words of a heading before its first preposition or "vs", lower
/// case unless written as a name: "Availability in parallel vs in
/// sequence" → "availability".
fn context_head(context: &str) -> String {
    let a = analyse(context);
    let mut end = 0;
    for w in a.content() {
        if matches!(w.pos, Pos::Adp | Pos::Cconj) || matches!(w.norm.as_str(), "vs" | "versus") {
            break;
        }
        end = w.end;
    }
    let head = context[..end].trim();
    let mut chars = head.chars();
    match (chars.next(), chars.next()) {
        (Some(c), Some(d)) if c.is_uppercase() && d.is_lowercase() => {
            c.to_lowercase().chain(head.chars().skip(1)).collect()
        }
        _ => head.to_string(),
    }
}

/// "Don't X" / "Never X" / "Avoid X", possibly ", Y".
pub(super) fn do_not_question(
    h: &Analysis,
    text: &str,
    w0: &str,
    why: bool,
    apostrophe: char,
) -> String {
    let skip = if w0 == "do" { 2 } else { 1 };
    let rest = rest_from(h, text, skip);
    // ("Don't X, Y", "Don't X: Y", "Don't X; Y": the rule, then what to
    // do instead.)
    // (Not between two words of one noun phrase: "Avoid scheduled,
    // repetitive meetings" has no noun before its comma.)
    let split = rest.split_once(", ").or_else(|| rest.split_once(": "));
    let one_phrase = |(x, y): &(&str, &str)| {
        !analyse(x).content().any(|w| w.pos.is_nominal())
            && analyse(y)
                .content()
                .next()
                .is_some_and(|w| w.pos == Pos::Adj)
    };
    let (x, _y) = match split.filter(|xy| !one_phrase(xy)) {
        Some((x, y)) => (x.to_string(), Some(y)),
        None => (rest.clone(), None),
    };
    let x = x.trim_end_matches([',', ';']).to_string();
    // "Don't.": a rule with nothing after its verb names nothing to do
    // rather; what it means is asked.
    if x.is_empty() {
        return format!(
            "What does the rule \u{201c}{}\u{201d} mean?",
            capitalise(text)
        );
    }
    // "No jargon": why to keep the rule, or what it asks.
    if w0 == "no" {
        // ("Avoid jargon", "avoid borrowed tools", "avoid feigning
        // surprise" read; "avoid lid for the last hour" does not: a
        // singular noun that is counted needs its article.)
        let ax = analyse(&x);
        let head = ax.content().find(|w| w.pos.is_nominal());
        let reads = is_plural(&ax)
            || x.split(' ').next().is_some_and(|w| w.ends_with("ing"))
            || head.is_some_and(|w| ever_mass(&w.norm));
        return if why && reads {
            format!("Why should you avoid {x}?")
        } else {
            format!(
                "What does the rule \u{201c}{}\u{201d} mean?",
                capitalise(text)
            )
        };
    }
    if w0 == "avoid" {
        return if why {
            format!("Why should you avoid {x}?")
        } else {
            format!("How can you avoid {x}?")
        };
    }
    if why && !rest.contains(", ") && !rest.contains(": ") {
        if w0 == "never" {
            format!("Why should you never {x}?")
        } else {
            format!("Why shouldn{apostrophe}t you {x}?")
        }
    } else {
        format!("What should you do rather than {x}?")
    }
}

/// An imperative: why, how, or what to do to do it.
pub(super) fn do_question(h: &Analysis, text: &str, w0: &str, why: bool, method: bool) -> String {
    // "Consider getting a carboy opener": after a verb that softens it
    // (lexicon role `softening-verb`), the advice is the gerund's, "get a
    // carboy opener".
    let considered = h
        .content()
        .nth(1)
        .filter(|_| LEXICON.is(w0, Role::SofteningVerb))
        .and_then(|g| gerund_base(&g.norm))
        .map(|base| {
            format!("{base} {}", rest_from(h, text, 2))
                .trim_end()
                .to_string()
        });
    let rest = rest_from(h, text, 1);
    let text = &and_joined(considered.as_deref().unwrap_or(text));
    // ("Try the Pomodoro technique": a named way of working, lexicon role
    // `method-noun`, is asked how it works.)
    let names_a_method = h
        .content()
        .last()
        .is_some_and(|w| LEXICON.is(&w.norm, Role::MethodNoun))
        && h.content().nth(1).is_some_and(|w| w.pos == Pos::Det);
    match w0 {
        "try" if !why && names_a_method => format!("How does {rest} work?"),
        "be" if why => format!("Why should you {text}?"),
        "be" => format!("What does it mean to {text}?"),
        "have" if why => format!("Why should you {text}?"),
        "have" => format!("What should you know about having {rest}?"),
        // "Explain why": a question word in the advice makes "Why…" absurd.
        _ if why && !asks_already(&rest) => format!("Why should you {text}?"),
        _ if method || why || !GOALS.contains(&w0) => format!("How should you {text}?"),
        _ => format!("What should you do to {text}?"),
    }
}

/// Verbs of advice naming a state to reach ("Stay hydrated", "Avoid
/// burnout"), which "What should you do to…?" asks for the means of; any
/// other advice names the doing itself ("Watch out for signs of
/// burnout"), and is asked how.
const GOALS: [&str; 16] = [
    "stay", "keep", "avoid", "prevent", "get", "become", "reach", "achieve", "improve", "build",
    "maintain", "protect", "reduce", "increase", "stop", "make",
];

/// Advice of two verbs on "it" or "them", with no noun anywhere ("Use it
/// or lose it", "Fake it till you make it"); not "Keep it warm", whose
/// "it" is the lesson's topic.
fn slogan(words: &[&Word]) -> bool {
    words
        .iter()
        .filter(|w| matches!(w.norm.as_str(), "it" | "them"))
        .count()
        >= 2
        && !words.iter().any(|w| w.pos.is_nominal())
}

/// Does the text open with a question word ("why it matters")?
fn asks_already(rest: &str) -> bool {
    let first = rest.split_whitespace().next().unwrap_or("").to_lowercase();
    matches!(first.as_str(), "why" | "how")
}

/// "Threads vs processes" → "How do threads differ from processes?".
fn versus_question(text: &str) -> String {
    // ("Looping vs recursion: Indira's case": the subtitle after a colon
    // is no part of what is compared.)
    let text = match text.split_once(": ") {
        Some((compared, _)) if compared.contains(" vs") => compared,
        _ => text,
    };
    // "The difference between a memo and a report": the two things
    // compared, joined by "and".
    let between = [
        "the difference between ",
        "the differences between ",
        "difference between ",
        "differences between ",
    ]
    .iter()
    .find_map(|p| text.to_lowercase().starts_with(p).then(|| &text[p.len()..]))
    .and_then(|rest| rest.split_once(" and "))
    .map(|(a, b)| format!("{a} vs {b}"));
    let lower = between
        .unwrap_or_else(|| text.to_string())
        .replace(" vs. ", " vs ")
        .replace(" versus ", " vs ");
    // ("Binary search tree vs B-tree vs B+ tree": three or more compared.)
    let all: Vec<&str> = lower.split(" vs ").collect();
    if let [first @ .., last] = all.as_slice()
        && first.len() >= 2
    {
        return format!("How do {} and {last} differ?", first.join(", "));
    }
    match lower.split_once(" vs ") {
        Some((a, b)) => {
            let plural = is_plural(&analyse(a));
            let verb = if plural { "do" } else { "does" };
            format!("How {verb} {a} differ from {b}?")
        }
        None => format!("What matters about {text}?"),
    }
}

/// A label continuing its list's lead-in ("Small changes are:" + "Reviewed
/// more quickly").
fn predicate_question(section: &Section, text: &str, why: bool) -> String {
    let (subject, verb) = section
        .lead_in
        .as_deref()
        .and_then(lead_in_subject)
        .expect("classified as a predicate");
    // "should be": the modal before the subject, "be" after it.
    let (verb, be) = match verb.split_once(' ') {
        Some((modal, be)) => (modal, format!(" {be}")),
        None => (verb.as_str(), String::new()),
    };
    if why {
        format!("Why {verb} {subject}{be} {text}?")
    } else {
        format!("In what way {verb} {subject}{be} {text}?")
    }
}

/// A question heading as its card asks it: with its mark, or, when it
/// asks and then puts the reader's case ("Why spaces? I prefer tabs"), as
/// written, with a period.
fn as_asked(text: &str) -> String {
    let text = capitalise(text);
    if text.ends_with('?') {
        text
    } else if text.contains("? ") {
        format!("{text}.")
    } else {
        format!("{text}?")
    }
}

#[cfg(test)]
#[path = "question_tests.rs"]
pub(super) mod tests;

#[cfg(test)]
#[path = "question_lesson_tests.rs"]
mod lesson_tests;

//! A heading turned into the point card's question, by its grammar (see
//! [`Ask`]): "Silence works" → "Why does silence work?".

use std::collections::BTreeSet;

use crate::lesson::language::{
    Analysis, LEXICON, Pos, Role, Word, analyse, known_verb, verb_reading,
};
use crate::lesson::read::Section;
use crate::lesson::text::{capitalise, stem, word_count};

use super::ask::{Ask, lead_in_subject, lower_first};
use super::forms::{gerund_base, is_plural};
use super::sentence::Sent;
use super::statement::statement_question;

/// Does the sentence define the heading ("A load balancer is…")?
pub(super) fn defines(s: &Sent, heading: &BTreeSet<String>) -> bool {
    let words: Vec<&Word> = s.a.content().collect();
    // A word of the heading is the subject's, however the tagger reads it
    // ("The Call Stack is…": "Call" is no verb here).
    let Some(v) = words
        .iter()
        .position(|w| matches!(w.pos, Pos::Aux | Pos::Verb) && !heading.contains(&stem(&w.norm)))
    else {
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
    let judged = words.get(k).is_some_and(|w| w.pos == Pos::Adj)
        && !words.get(k + 1).is_some_and(|n| n.pos.is_nominal());
    let copula = matches!(verb, "is" | "are") && !judged;
    // The subject is the heading itself, give or take an article or a
    // modifier ("A recursive resolver is…"), not a clause that mentions it
    // ("If the documentation changes, …").
    let plain_subject = v <= heading.len() + 5
        && !words[..v].iter().any(|w| {
            matches!(w.pos, Pos::Sconj | Pos::Pron) || (w.pos == Pos::Adp && w.norm != "of")
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
        Some(w) => text[w.start..]
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
    match ask {
        Ask::Question if !text.ends_with('?') => format!("{}?", capitalise(text)),
        Ask::Question => capitalise(text),
        Ask::HowTo => format!("{} should you {}?", capitalise(w0), rest_from(h, text, 2)),
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
            noun_question(h, text, section, definition)
        }
        Ask::Do => do_question(h, text, w0, why, method),
        Ask::Statement => statement_question(h, text, why, apostrophe),
        Ask::Gerund => {
            // "Creating a map" → "How do you create a map?", when the
            // gerund's base form is a verb the tagger knows; not "Soldering
            // 101", whose rest is no object.
            let rest = rest_from(h, text, 1);
            let object = rest.is_empty() || rest.chars().any(char::is_alphabetic);
            match gerund_base(w0).filter(|_| object) {
                Some(base) => format!("How do you {base} {rest}?"),
                None => format!("What does {text} involve?"),
            }
        }
        Ask::Versus => versus_question(text),
        Ask::Predicate => predicate_question(section, text, why),
        Ask::Noun => noun_question(h, text, section, definition),
    }
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
    h.content()
        .next()
        .is_some_and(|w| w.pos == Pos::Sconj && LEXICON.is(&w.norm, Role::PlacingConjunction))
}

fn noun_question(h: &Analysis, text: &str, section: &Section, definition: bool) -> String {
    if places_advice(h) {
        return format!("What should you do {}?", lower_first(text));
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
        let head = section.context.as_deref().map(context_head);
        return match head {
            Some(head) if !head.is_empty() => format!("What matters about {head} {text}?"),
            _ => format!("What matters {text}?"),
        };
    }
    if definition {
        what_is(h, text)
    } else {
        format!("What matters about {}?", with_article(h, text))
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
    if !lowercase || matches!(first.pos, Pos::Det | Pos::Pron | Pos::Num) {
        return text.to_string();
    }
    if LEXICON.is(&first.norm, Role::Ordinal) && words.len() >= 2 {
        return format!("the {text}");
    }
    let head = last.norm.as_str();
    let doer = last.pos == Pos::Noun
        && head.len() >= 6
        && ["er", "or"].iter().any(|end| {
            head.strip_suffix(end).is_some_and(|base| {
                verb_reading(base) || head.strip_suffix('r').is_some_and(verb_reading)
            })
        });
    if doer && !is_plural(h) {
        let article = if text.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        return format!("{article} {text}");
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
fn do_not_question(h: &Analysis, text: &str, w0: &str, why: bool, apostrophe: char) -> String {
    let skip = if w0 == "do" { 2 } else { 1 };
    let rest = rest_from(h, text, skip);
    let (x, _y) = match rest.split_once(", ") {
        Some((x, y)) => (x.to_string(), Some(y)),
        None => (rest.clone(), None),
    };
    let x = x.trim_end_matches([',', ';']).to_string();
    if w0 == "avoid" {
        return if why {
            format!("Why should you avoid {x}?")
        } else {
            format!("How can you avoid {x}?")
        };
    }
    if why && !rest.contains(", ") {
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
fn do_question(h: &Analysis, text: &str, w0: &str, why: bool, method: bool) -> String {
    let rest = rest_from(h, text, 1);
    match w0 {
        "be" if why => format!("Why should you {text}?"),
        "be" => format!("What does it mean to {text}?"),
        "have" if why => format!("Why should you {text}?"),
        "have" => format!("What should you know about having {rest}?"),
        // "Explain why": a question word in the advice makes "Why…" absurd.
        _ if why && !asks_already(&rest) => format!("Why should you {text}?"),
        _ if method || why => format!("How should you {text}?"),
        _ => format!("What should you do to {text}?"),
    }
}

/// Does the text open with a question word ("why it matters")?
fn asks_already(rest: &str) -> bool {
    let first = rest.split_whitespace().next().unwrap_or("").to_lowercase();
    matches!(first.as_str(), "why" | "how")
}

/// "Threads vs processes" → "How do threads differ from processes?".
fn versus_question(text: &str) -> String {
    let lower = text.replace(" vs. ", " vs ").replace(" versus ", " vs ");
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
    if why {
        format!("Why {verb} {subject} {text}?")
    } else {
        format!("In what way {verb} {subject} {text}?")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::cards::ask::classify;
    use crate::lesson::cards::sentence::{content_stems, section_sentences};
    use crate::lesson::read::{Piece, PieceKind};
    use crate::lesson::text::Casing;

    fn section(heading: &str, body: &str) -> Section {
        Section {
            heading: Some(heading.into()),
            context: None,
            lead_in: None,
            sentence_heading: false,
            body: vec![Piece {
                kind: PieceKind::Para,
                text: body.into(),
                stressed: Vec::new(),
                numbered: false,
            }],
            line: 1,
        }
    }

    fn q(heading: &str, body: &str) -> String {
        let sec = section(heading, body);
        let casing = Casing::learn(&["We met people from Google.".to_string()]);
        let inline = casing.inline_words(heading).join(" ");
        let h = analyse(&inline);
        let ss = section_sentences(&sec);
        let why = ss.iter().any(|s| s.reason);
        let method = ss.iter().any(|s| s.imperative);
        let ask = classify(&h, &sec, method);
        let why = why
            && matches!(
                ask,
                Ask::Do | Ask::DoNot | Ask::Always | Ask::Statement | Ask::Predicate
            );
        let hs = content_stems(&h, &inline);
        let def = ss.iter().any(|s| defines(s, &hs));
        question(&ask, &h, &inline, &sec, why, method, def, '\u{2019}')
    }

    const REASON: &str = "It matters because interviewers want you to sell yourself.";
    const PLAIN: &str = "Write the three things you want them to remember on a card.";

    #[test]
    fn imperatives_ask_why_only_with_a_reason() {
        assert_eq!(
            q("Refine Your Sales Pitch", REASON),
            "Why should you refine your sales pitch?"
        );
        assert_eq!(
            q("Refine Your Sales Pitch", PLAIN),
            "How should you refine your sales pitch?"
        );
    }

    #[test]
    fn negative_and_always_headings_make_questions() {
        assert_eq!(
            q("Don’t Get Ahead of Yourself", REASON),
            "Why shouldn’t you get ahead of yourself?"
        );
        assert_eq!(
            q("Don’t guess, ask", PLAIN),
            "What should you do rather than guess?"
        );
        assert_eq!(
            q("Always Test Your Backups", REASON),
            "Why should you always test your backups?"
        );
    }

    #[test]
    fn verbs_that_look_inflected_still_give_advice() {
        // "Feed" ends in -ed, "discard" is read as a noun before a clause
        // placing it in time.
        assert_eq!(
            q("Feed it on a schedule", REASON),
            "Why should you feed it on a schedule?"
        );
        assert_eq!(
            q("Discard before you feed", REASON),
            "Why should you discard before you feed?"
        );
    }

    #[test]
    fn a_word_only_ever_a_verb_opens_advice() {
        assert_eq!(
            q("Recognize burnout", "Teams with long hours lose people."),
            "What should you do to recognize burnout?"
        );
    }

    #[test]
    fn be_and_have_headings_make_questions() {
        assert_eq!(
            q(
                "Be Specific",
                "Numbers stay in the memory of whoever hears them."
            ),
            "What does it mean to be specific?"
        );
        assert_eq!(q("Have a Plan B", REASON), "Why should you have a plan B?");
    }

    #[test]
    fn a_gerund_gives_the_base_form_the_dictionary_knows() {
        assert_eq!(gerund_base("writing").as_deref(), Some("write"));
        assert_eq!(gerund_base("opening").as_deref(), Some("open"));
        assert_eq!(gerund_base("stopping").as_deref(), Some("stop"));
        assert_eq!(gerund_base("storing").as_deref(), Some("store"));
    }

    #[test]
    fn statements_are_inverted_or_asked_about() {
        assert_eq!(
            q("Every Job Isn’t the Right Fit", REASON),
            "Why isn’t every job the right fit?"
        );
        assert_eq!(
            q("Interviewers Remember Stories", REASON),
            "Why do interviewers remember stories?"
        );
        assert_eq!(
            q("Silence Is Your Friend", PLAIN),
            "How is silence your friend?"
        );
        // The reader's own case, said back to them.
        assert_eq!(
            q("My bread tastes sour", PLAIN),
            "What if your bread tastes sour?"
        );
        assert_eq!(
            q("I am late with the rent", PLAIN),
            "What if you are late with the rent?"
        );
        assert_eq!(
            q("I was told the tool doesn't scale", PLAIN),
            "What if you were told the tool doesn't scale?"
        );
        assert_eq!(
            q("When you know more than the compiler", PLAIN),
            "What should you do when you know more than the compiler?"
        );
        assert_eq!(
            q("Some people seek help", PLAIN),
            "How do some people seek help?"
        );
        assert_eq!(q("It's complicated", PLAIN), "How is it complicated?");
    }

    #[test]
    fn a_noun_before_a_base_verb_or_a_preposition_is_no_statement() {
        // A singular noun takes no verb in its base form: "overload" is a
        // noun here; "on" is a preposition however the tagger reads it.
        for heading in [
            "Work overload",
            "Feedback on pull requests",
            "Task list",
            "Task processing",
        ] {
            let asked = q(heading, "It comes up every week in the team.");
            assert!(!asked.starts_with("How do"), "{heading}: {asked}");
            assert!(
                asked.to_lowercase().contains(&heading.to_lowercase()),
                "{heading}: {asked}"
            );
        }
        // Over advice, a noun and a gerund still name an activity, not
        // advice to "task".
        let over_advice = q("Task processing", PLAIN);
        assert!(!over_advice.contains("should you"), "{over_advice}");
        // A clause placing advice is no statement; a gerund with no object
        // after it, or a word that is never a verb, asks no "how".
        assert_eq!(
            q("Before you get started", PLAIN),
            "What should you do before you get started?"
        );
        assert_eq!(
            q("Soldering 101", PLAIN),
            "What does soldering 101 involve?"
        );
    }

    #[test]
    fn labels_prepositions_and_short_gerunds_make_questions() {
        assert_eq!(
            q("Drawbacks: caching", PLAIN),
            "What are the drawbacks of caching?"
        );
        assert_eq!(
            q("Disadvantage(s): replication", PLAIN),
            "What are the disadvantages of replication?"
        );
        let mut sec = section("In a queue", PLAIN);
        sec.context = Some("Latency in a queue vs in a stack".into());
        let h = analyse("in a queue");
        assert_eq!(
            noun_question(&h, "in a queue", &sec, false),
            "What matters about latency in a queue?"
        );
        assert_eq!(q("Giving feedback", PLAIN), "How do you give feedback?");
        assert_eq!(q("Explain why", REASON), "How should you explain why?");
        assert_eq!(
            q("The cost of a slow build is paid daily", PLAIN),
            "How is the cost of a slow build paid daily?"
        );
        assert_eq!(
            q("A change that needs context", PLAIN),
            "What matters about a change that needs context?"
        );
    }

    #[test]
    fn a_clitic_auxiliary_is_written_out_when_it_moves() {
        assert_eq!(
            q("How you'll receive the funds", PLAIN),
            "How will you receive the funds?"
        );
    }

    #[test]
    fn headings_get_the_article_a_question_needs() {
        let a = |t: &str| with_article(&analyse(t), t);
        assert_eq!(a("load balancer"), "a load balancer");
        assert_eq!(a("garbage collector"), "a garbage collector");
        assert_eq!(a("first line"), "the first line");
        assert_eq!(a("water"), "water");
        assert_eq!(a("paper"), "paper");
        assert_eq!(a("order"), "order");
        assert_eq!(a("load balancers"), "load balancers");
        assert_eq!(a("eventual consistency"), "eventual consistency");
        assert_eq!(a("the first line"), "the first line");
    }

    #[test]
    fn noun_phrases_and_questions() {
        assert_eq!(
            q(
                "Garbage collection",
                "Garbage collection is the automatic freeing of memory that no code can reach."
            ),
            "What is garbage collection?"
        );
        // "Call" is the heading's word, not the sentence's verb.
        assert_eq!(
            q(
                "The call stack",
                "The Call Stack is a data structure that keeps track of running functions."
            ),
            "What is the call stack?"
        );
        assert_eq!(
            q("The Counteroffer", PLAIN),
            "What matters about the counteroffer?"
        );
        assert_eq!(
            q("What Do They Really Ask?", PLAIN),
            "What do they really ask?"
        );
        assert_eq!(
            q("How to Answer Salary Questions", PLAIN),
            "How should you answer salary questions?"
        );
        assert_eq!(
            q("Handling a Lowball Offer", PLAIN),
            "How do you handle a lowball offer?"
        );
    }
}

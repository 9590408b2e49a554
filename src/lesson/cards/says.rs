//! What the sentence answering a noun-phrase heading says of its topic,
//! and the question that aspect asks (see docs/lessons.md, "Noun-phrase
//! headings"; [`super::noun`] puts them to use).

use std::collections::BTreeSet;

use crate::lesson::language::{LEXICON, Pos, Role, Word, known_verb, verb_reading};
use crate::lesson::text::{same_opening, stem};

use super::forms::{activity_done, addressed_modal, looks_plural, verb_base};
use super::sentence::Sent;

/// What a back sentence says about the heading's topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Says {
    /// "X must be…": a rule about X.
    Rule,
    /// "X is useful because…": why X has that quality (the adjective).
    WhyAdj(String),
    /// "X works well in…".
    WorksWell,
    /// "X translates names…": what X does; the subject as written, and
    /// whether it is plural.
    Does(Option<String>, bool),
    /// "Soup includes…": what X holds or gives (lexicon role `having-verb`),
    /// asked by that verb: the subject, its number, the verb's base.
    Has(String, bool, String),
    /// "Includes…", "Can cause…": a gloss after a label saying what the
    /// label holds or can do, asked by its auxiliary and verb ("does",
    /// "include"; "can", "cause").
    Glossed(String, String),
    /// Advice in the imperative.
    Advice,
    /// "Refers to moving a seedling…": a gloss saying what the label
    /// means, its subject the heading.
    Names,
}

/// The subject of the sentence when it names the topic: the words before
/// its first verb, sharing every stem of the heading (a stem may differ in
/// its ending: "load balancing" / "load balancers").
fn topic_subject<'a>(
    s: &'a Sent,
    heading: &BTreeSet<String>,
) -> Option<(usize, Vec<&'a Word>, bool)> {
    let words: Vec<&Word> = s.a.content().collect();
    // The heading's own words open the sentence ("Push CDNs receive…"),
    // whatever class the tagger gave the first.
    let article = usize::from(words.first().is_some_and(|w| w.pos == Pos::Det));
    let opens = article
        + words[article..]
            .iter()
            .take_while(|w| heading.contains(&stem(&w.norm)))
            .count();
    let opens = if opens == article { 0 } else { opens };
    // Right after those words, a word in -s before an adverb, an article
    // or a preposition is the verb the tagger took for a plural noun
    // ("Weak consistency works well…").
    let misread = opens > 0
        && words.get(opens).is_some_and(|w| looks_plural(&w.norm))
        && words
            .get(opens + 1)
            .is_some_and(|w| matches!(w.pos, Pos::Adv | Pos::Det | Pos::Adp | Pos::Pron));
    let v = if misread {
        opens
    } else {
        opens
            + words[opens..]
                .iter()
                .position(|w| matches!(w.pos, Pos::Aux | Pos::Verb))?
    };
    if v == 0 || v > heading.len() + 4 || heading.is_empty() {
        return None;
    }
    // ("Our whistleblowing policy allows…": a possessive opening the
    // subject is its article.)
    let possessive = |w: &Word| matches!(w.norm.as_str(), "our" | "your" | "their" | "its");
    if words[..v].iter().enumerate().any(|(k, w)| {
        matches!(w.pos, Pos::Sconj | Pos::Pron | Pos::Adp)
            && w.norm != "of"
            && !(k == 0 && possessive(w))
    }) {
        return None;
    }
    let subject: Vec<String> = words[..v].iter().map(|w| stem(&w.norm)).collect();
    let close = |h: &String| subject.iter().any(|s| s == h || same_opening(s, h, 5));
    heading.iter().all(close).then_some((v, words, misread))
}

/// "Specifies the DNS servers for your domain": a gloss after a label, its
/// subject the heading, says what the label does; "Refers to…", "Means…"
/// say what it is.
fn gloss(s: &Sent) -> Option<Says> {
    let all: Vec<&Word> = s.a.content().collect();
    // ("This instructs the browser to…", "It stores…": a pronoun for the
    // heading before the verb says the same.)
    let pronoun = all.len() > 2
        && matches!(all[0].norm.as_str(), "this" | "it")
        && !matches!(
            all[1].norm.as_str(),
            "is" | "has" | "does" | "was" | "means" | "seems" | "sounds" | "looks" | "depends"
        );
    let all = &all[usize::from(pronoun)..];
    let first = all.first()?;
    // ("Points a name to an address": the tagger may take the verb for a
    // plural noun, but no noun opens a sentence before an article.)
    let verb_first = (first.pos == Pos::Verb
        && all
            .get(1)
            .is_some_and(|w| !matches!(w.pos, Pos::Aux | Pos::Verb)))
        || (first.pos == Pos::Noun
            && all
                .get(1)
                .is_some_and(|w| matches!(w.norm.as_str(), "a" | "an" | "the")));
    (verb_first
        && first.norm.ends_with('s')
        && !first.norm.ends_with("ss")
        && (pronoun || s.text.starts_with(char::is_uppercase)))
    .then(|| {
        if LEXICON.is(&first.norm, Role::Defining) {
            Says::Names
        } else if LEXICON.is(&verb_base(&first.norm), Role::HavingVerb) {
            // ("Includes cryptosporidium and giardia": what it holds.)
            Says::Glossed("does".into(), verb_base(&first.norm))
        } else {
            Says::Does(None, false)
        }
    })
    .or_else(|| modal_gloss(all, s))
}

/// "Can cause hepatitis, polio and other diseases": a gloss opening with a
/// modal and a verb's base form, its subject the heading, says what the
/// label can do: "What can viruses cause?".
fn modal_gloss(all: &[&Word], s: &Sent) -> Option<Says> {
    let [modal, verb, next, ..] = all else {
        return None;
    };
    (matches!(modal.norm.as_str(), "can" | "may" | "might" | "will")
        && s.text.starts_with(char::is_uppercase)
        && (verb.pos == Pos::Verb
            || verb_reading(&verb.norm)
            || known_verb(&verb.norm) == Some(true))
        && verb.norm.chars().count() > 2
        && !matches!(verb.norm.as_str(), "be" | "have" | "also")
        && !matches!(next.pos, Pos::Verb | Pos::Aux))
    .then(|| Says::Glossed(modal.norm.clone(), verb.norm.clone()))
}

/// Reads what the back's first sentence says about the topic, if its
/// shape names an aspect.
pub(super) fn says(s: &Sent, heading: &BTreeSet<String>) -> Option<Says> {
    if let Some(said) = gloss(s) {
        return Some(said);
    }
    let all: Vec<&Word> = s.a.content().collect();
    let first = all.first()?;
    if let Some((v, words, misread)) = topic_subject(s, heading) {
        let verb = words[v].norm.as_str();
        let next = words.get(v + 1);
        let plural = words[..v]
            .iter()
            .rev()
            .find(|w| w.pos.is_nominal())
            .is_some_and(|w| looks_plural(&w.norm));
        if matches!(verb, "should" | "must") {
            return Some(Says::Rule);
        }
        // "Retention also counts": the subject ends at its last noun.
        let end = words[..v]
            .iter()
            .rposition(|w| w.pos != Pos::Adv)
            .unwrap_or(0);
        if matches!(verb, "is" | "are") {
            let mut k = v + 1;
            while words.get(k).is_some_and(|w| w.pos == Pos::Adv) {
                k += 1;
            }
            // (Not "Meadows are common because…": why a thing is met is
            // no point of the lesson.)
            let adj = words
                .get(k)
                .filter(|w| w.pos == Pos::Adj && !LEXICON.is(&w.norm, Role::Prevalence))?;
            let after = words.get(k + 1).map(|w| w.norm.as_str());
            return (after == Some("because")).then(|| Says::WhyAdj(adj.norm.clone()));
        }
        if matches!(verb, "work" | "works")
            && next.is_some_and(|w| matches!(w.norm.as_str(), "well" | "best"))
        {
            return Some(Says::WorksWell);
        }
        let present = (words[v].pos == Pos::Verb || misread)
            && !verb.ends_with("ing")
            && !verb.ends_with("ed")
            && (verb.ends_with('s') != plural);
        if present {
            let text = s.text[words[0].start..words[end].end].to_string();
            // ("…holds the file and gives the answer": what it does.)
            let one_verb = !words[v + 1..]
                .windows(2)
                .any(|p| matches!(p[0].norm.as_str(), "and" | "or") && p[1].pos == Pos::Verb);
            if one_verb && LEXICON.is(&verb_base(verb), Role::HavingVerb) {
                return Some(Says::Has(text, plural, verb_base(verb)));
            }
            return Some(Says::Does(Some(text), plural));
        }
        return None;
    }
    // "Names visible to users should follow…": a rule; "you should…" and
    // the imperative advise.
    let v = all
        .iter()
        .position(|w| matches!(w.pos, Pos::Aux | Pos::Verb))?;
    let modal = matches!(all[v].norm.as_str(), "should" | "must");
    let addressed = v > 0 && matches!(all[v - 1].norm.as_str(), "you" | "we");
    if modal && v > 0 && !addressed && all[..v].iter().all(|w| w.pos != Pos::Pron) {
        return Some(Says::Rule);
    }
    // ("You have to submit the proto CL first", "Orthogonal to that, you
    // can break down your code": what the reader can or has to do is
    // advice too.)
    // (Not a limit: "you can only support two of the guarantees" states
    // what holds.)
    let advised = addressed_modal(&s.a) && !s.reason && !all.iter().any(|w| w.norm == "only");
    // A sentence opening with the heading's words names the topic, it
    // does not advise ("Ruby on Rails stores…").
    let named = heading.contains(&stem(&first.norm));
    ((s.imperative && !named) || (modal && addressed) || advised).then_some(Says::Advice)
}

/// The question for a topic `x` (already given its article) whose back
/// says `says`; `plural` is the heading's number.
pub(super) fn ask_about(x: &str, says: &Says, plural: bool) -> String {
    let be = if plural { "are" } else { "is" };
    match says {
        Says::Rule => format!("What is the rule for {x}?"),
        Says::WhyAdj(adj) => format!("Why {be} {x} {adj}?"),
        Says::WorksWell => {
            let does = if plural { "do" } else { "does" };
            format!("When {does} {x} work well?")
        }
        Says::Does(Some(subject), subject_plural) => {
            let does = if *subject_plural { "do" } else { "does" };
            format!("What {does} {subject} do?")
        }
        Says::Has(subject, subject_plural, verb) => {
            let does = if *subject_plural { "do" } else { "does" };
            format!("What {does} {subject} {verb}?")
        }
        // The gloss's verb is singular ("Referring sites: tells you…"):
        // the label names one thing.
        Says::Does(None, _) if plural => format!("What does \u{201c}{x}\u{201d} do?"),
        Says::Does(None, _) => format!("What does {x} do?"),
        // ("Kneading" over "Work the dough until…": the activity's own
        // verb asks how to do it.)
        Says::Advice => match advice_done(x) {
            Some(done) => format!("How should you {done}?"),
            None => format!("What is the advice on {x}?"),
        },
        Says::Names => format!("What {be} {x}?"),
        Says::Glossed(aux, verb) => {
            let aux = if aux == "does" && plural { "do" } else { aux };
            format!("What {aux} {x} {verb}?")
        }
    }
}

/// What advice under a heading naming `x` is advice to do: an activity's
/// own verb ("kneading" → "knead"), or using a tool the heading names
/// by its kind (lexicon role `tool-noun`: "npm outdated command" → "use
/// the npm outdated command").
pub(super) fn advice_done(x: &str) -> Option<String> {
    activity_done(x).or_else(|| {
        let last = x.rsplit(' ').next()?;
        if !LEXICON.is(last, Role::ToolNoun) || !x.contains(' ') {
            return None;
        }
        let determined = ["the ", "a ", "an ", "your ", "this "]
            .iter()
            .any(|d| x.starts_with(d));
        Some(if determined {
            format!("use {x}")
        } else {
            format!("use the {x}")
        })
    })
}

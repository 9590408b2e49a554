//! What question a heading asks ([`Ask`]), read from its first words'
//! classes: a how-to, an imperative, a statement, a noun phrase...

use super::clause_subject::clause_subject;
pub(super) use super::finite::finite_verb;
use super::finite::{contact_clause, reduced_relative, states_before};
use super::gloss::Opens;
use crate::lesson::language::{
    Analysis, LEXICON, Pos, Role, Word, known_verb, only_a_verb, verb_reading,
};
use crate::lesson::read::Section;
use crate::lesson::text::{norm, sentences, wholly_quoted, word_count};

use super::forms::{is_base, looks_plural, verb_base};
use super::misread::{done_in_body, misread_verb};
use super::named::{names_a_state, names_an_activity};

/// The question a heading asks, from its grammar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Ask {
    /// Already a question.
    Question,
    /// "How to X": how should you X?
    HowTo,
    /// An imperative ("Send a note").
    Do,
    /// "Don't X" / "Never X" (possibly ", Y").
    DoNot,
    Always,
    /// A statement ("Silence works").
    Statement,
    /// A gerund ("Handling an offer").
    Gerund,
    /// A label continuing a list's lead-in ("Reviewed more quickly").
    Predicate,
    /// A noun phrase ("Garbage collection").
    Noun,
    /// A comparison ("Threads vs processes").
    Versus,
    /// A word for a state or a role, no noun ("Deprecated", "Generally
    /// available", "Adopts"): a term the section explains.
    Term,
    /// A term whose section opens with its gloss, a noun phrase with no
    /// verb of its own ("**Index**: A tool that…"; see `gloss.rs`), and
    /// how the gloss opens.
    Gloss(Opens),
}

/// "Threads vs processes", "The difference between X and Y": two things
/// compared.
fn compares(words: &[&Word]) -> bool {
    let mut opening = words.iter().skip_while(|w| w.norm == "the");
    let between = opening
        .next()
        .is_some_and(|w| matches!(w.norm.as_str(), "difference" | "differences"))
        && opening.next().is_some_and(|w| w.norm == "between");
    between
        || words
            .iter()
            .any(|w| matches!(w.norm.as_str(), "vs" | "versus"))
}

pub(super) fn ask_name(ask: &Ask, made_up: bool) -> &'static str {
    if made_up {
        return "no heading: named by its salient phrase,";
    }
    match ask {
        Ask::Question => "a question",
        Ask::HowTo => "a how-to",
        Ask::Do => "an imperative",
        Ask::DoNot => "a negative imperative",
        Ask::Always => "an always/never",
        Ask::Statement => "a statement",
        Ask::Gerund => "a gerund",
        Ask::Predicate => "a list label continuing its lead-in",
        Ask::Noun => "a noun-phrase",
        Ask::Versus => "a comparison",
        Ask::Term => "a term for a state or a role",
        Ask::Gloss(_) => "a term its section glosses with a noun phrase",
    }
}

/// How the heading reads, from its first words' classes.
///
/// `advises`: the section's body gives advice in the imperative, which
/// settles a heading the tagger reads either way ("Embrace mentorship").
pub(super) fn classify(h: &Analysis, section: &Section, advises: bool) -> Ask {
    let words: Vec<&Word> = h.content().collect();
    // (A heading that is one quotation, "“Dear Reader”", names it.)
    if words.is_empty() || section.heading.as_deref().is_some_and(wholly_quoted) {
        return Ask::Noun;
    }
    // "For loops", "While loops": a keyword naming a construct of program
    // text, no preposition or conjunction opening advice.
    if names_a_construct(&words) {
        return Ask::Noun;
    }
    if reduced_relative(&words) || contact_clause(&words) {
        return Ask::Noun;
    }
    if names_a_state(h, &words) && !continues_lead_in(section) {
        return Ask::Term;
    }
    // ("Who you work with is so important": a clause opening with a
    // question word is the subject of a statement.)
    if clause_subject(h).is_some() {
        return Ask::Statement;
    }
    // ("What I liked": the writer's own clause; see writer.rs.)
    if super::writer::writers_clause(&words) {
        return Ask::Statement;
    }
    // ("Example questions": "example" opens no advice.)
    if matches!(words[0].norm.as_str(), "example" | "examples") {
        return Ask::Noun;
    }
    if super::named::gerund_named_with_article(&words, section) {
        return Ask::Noun;
    }
    by_form(h, &words).unwrap_or_else(|| by_verb(h, &words, section, advises))
}

/// "For loops", "While loops", "If statements", "Select statements": a
/// keyword, then a construct of program text (lexicon role
/// `code-construct`). The keyword is no noun, adjective or gerund: "Ice
/// blocks" and "Building blocks" name things of their own.
pub(super) fn names_a_construct(words: &[&Word]) -> bool {
    matches!(words, [keyword, construct]
        if LEXICON.is(&construct.norm, Role::CodeConstruct)
            && !matches!(keyword.pos, Pos::Noun | Pos::Propn | Pos::Adj | Pos::Num | Pos::Det)
            && !keyword.norm.ends_with("ing"))
}

/// The heading is a label going on from the lead-in of the list it heads
/// ("…should meet the following criteria:" then "Reviewed").
fn continues_lead_in(section: &Section) -> bool {
    section
        .lead_in
        .as_deref()
        .is_some_and(|l| lead_in_subject(l).is_some())
}

/// "Why spaces? I prefer tabs": a question, then the reader's case.
fn asks_then_tells(h: &Analysis, w0: &str) -> bool {
    (LEXICON.is(w0, Role::QuestionWord) || opens_yes_no(w0))
        && h.words.iter().any(|w| w.norm == "?")
}

/// The headings a question word, a negation or a gerund shows.
fn by_form(h: &Analysis, words: &[&Word]) -> Option<Ask> {
    let first = words[0];
    let w0 = first.norm.as_str();
    let w1 = words.get(1).map_or("", |w| w.norm.as_str());
    if h.words.last().is_some_and(|w| w.norm == "?") || asks_then_tells(h, w0) {
        return Some(Ask::Question);
    }
    if unmarked_question(words) {
        return Some(Ask::Question);
    }
    // "Can I copy the config", "Do all remotes support sync", "Is it
    // safe": an auxiliary before its subject asks a yes/no question
    // without its mark. ("Do logging correctly", "Have a plan" advise.)
    let asks_yes_no = match w0 {
        "do" | "have" => {
            matches!(w1, "i" | "you" | "we" | "they")
                || (matches!(w1, "all" | "any" | "some" | "most")
                    && words[2..].windows(2).any(|p| {
                        looks_plural(&p[0].norm) && matches!(p[1].pos, Pos::Verb | Pos::Noun)
                    }))
        }
        _ if opens_yes_no(w0) => {
            matches!(
                words.get(1).map(|w| w.pos),
                Some(Pos::Pron | Pos::Det | Pos::Propn)
            ) || words
                .get(1)
                .is_some_and(|w| w.pos == Pos::Noun && words.len() >= 3)
        }
        _ => false,
    };
    if asks_yes_no && words.len() >= 3 {
        return Some(Ask::Question);
    }
    if how_to(words) {
        return Some(Ask::HowTo);
    }
    if compares(words) {
        return Some(Ask::Versus);
    }
    // "Can't make it small enough": the reader's case, its subject left
    // out, states what happens (see `question`).
    if matches!(w0, "can" | "ca" | "could" | "wo") && matches!(w1, "n't" | "not") {
        return Some(Ask::Statement);
    }
    // ("Don't build a project: build a community" is no label but a
    // rule and what to do instead, as with a comma.)
    let denies = (w0 == "do" && matches!(w1, "n't" | "not")) || w0 == "never";
    // "Disadvantages: failover": a label, not a sentence. ("Rclone gives
    // Failed to load config: …" states, its verb before the colon.)
    let before_colon = h.words.iter().position(|w| w.norm == ":");
    if before_colon.is_some_and(|c| !states_before(h, c)) && !denies {
        return Some(Ask::Noun);
    }
    if matches!(w0, "why" | "how" | "when" | "where" | "what") && finite_verb(h, true).is_some() {
        return Some(Ask::Statement);
    }
    if denies || w0 == "avoid" {
        return Some(Ask::DoNot);
    }
    if a_rule(h, words) {
        return Some(Ask::DoNot);
    }
    // "Do coding questions while you learn": "do" opening a heading of
    // several words is advice.
    if w0 == "do" && words.len() >= 3 && !matches!(w1, "you" | "we" | "they" | "i") {
        return Some(Ask::Do);
    }
    // "Beware of the uneven feed": a warning, which the dictionary knows
    // no verb for.
    if w0 == "beware" && words.len() > 1 {
        return Some(Ask::Do);
    }
    if w0 == "always" && words.len() > 1 {
        return Some(Ask::Always);
    }
    // ("Describing cartoons is hard": a gerund opening the subject of a
    // statement.)
    gerund_form(words).filter(|_| finite_verb(h, false).is_none())
}

/// "No jargon", "No feigning surprise": a rule that forbids, said as a
/// noun phrase. ("No one knows", "No matter what" state; "No silver bullet
/// exists" has its verb.)
fn a_rule(h: &Analysis, words: &[&Word]) -> bool {
    let w1 = words.get(1).map_or("", |w| w.norm.as_str());
    words[0].norm == "no"
        && (2..=7).contains(&words.len())
        && !matches!(w1, "one" | "matter" | "longer" | "doubt" | "wonder" | "more")
        && finite_verb(h, false).is_none()
        // ("No plan survives…": a verb in "-s" after a noun in the singular.)
        && !words.windows(2).skip(1).any(|p| {
            p[0].pos == Pos::Noun
                && !p[0].norm.ends_with('s')
                && p[1].norm.ends_with('s')
                && known_verb(&verb_base(&p[1].norm)) == Some(true)
        })
}

/// "What are behavioural interviews", "Why build a cache", "Who merges":
/// a question without its mark, shown by its first words.
fn unmarked_question(words: &[&Word]) -> bool {
    let w0 = words[0].norm.as_str();
    let w1 = words.get(1).map_or("", |w| w.norm.as_str());
    // "What are behavioural interviews": a question without its mark (a
    // question word, then the verb before its subject).
    if LEXICON.is(w0, Role::QuestionWord)
        && words.get(1).is_some_and(|w| w.pos == Pos::Aux)
        && words.len() >= 3
    {
        return true;
    }
    // "Why build a cache": "why" before a verb's base asks why one would
    // (a question without its subject or its mark).
    if w0 == "why"
        && words.len() >= 3
        && words[1].pos == Pos::Verb
        && is_base(w1)
        && !words[1].norm.ends_with("ing")
    {
        return true;
    }
    // "Who merges": a question word as the subject of its verb.
    if matches!(w0, "who" | "what")
        && words.len() >= 2
        && matches!(words[1].pos, Pos::Verb | Pos::Noun)
        && looks_plural(w1)
        && !w1.ends_with("ss")
    {
        return true;
    }
    false
}

/// "How to X", and "When and how to clean up", where two question words
/// share the verb.
fn how_to(words: &[&Word]) -> bool {
    let wh = |w: &str| {
        matches!(
            w,
            "how" | "when" | "what" | "where" | "which" | "who" | "why"
        )
    };
    let w = |k: usize| words.get(k).map_or("", |w| w.norm.as_str());
    wh(w(0)) && (w(1) == "to" || (w(1) == "and" && wh(w(2)) && w(3) == "to"))
}

/// "We value context", "They care about health": a personal pronoun, then
/// a verb however the tagger read it, is a clause.
fn pronoun_clause(words: &[&Word]) -> bool {
    let [subject, verb, ..] = words else {
        return false;
    };
    let plain = verb_base(&verb.norm);
    matches!(subject.norm.as_str(), "we" | "i" | "they" | "he" | "she")
        && (known_verb(&verb.norm) == Some(true) || known_verb(&plain) == Some(true))
}

/// The other headings: a label continuing a lead-in, an imperative, a
/// statement or a noun phrase.
fn by_verb(h: &Analysis, words: &[&Word], section: &Section, advises: bool) -> Ask {
    let first = words[0];
    let w0 = first.norm.as_str();
    let continues_lead_in = continues_lead_in(section);
    // "During the talk": a word only ever a preposition opens no advice.
    if first.pos == Pos::Adp && LEXICON.is(w0, Role::Preposition) && !continues_lead_in {
        return Ask::Noun;
    }
    // A label continuing a lead-in with a copula ("Small changes are:").
    if continues_lead_in && finite_verb(h, false).is_none() {
        return Ask::Predicate;
    }
    // "Garden tips", "Load balancer tips": a heading that names a kind of
    // advice (lexicon role `announced-noun`) after nouns is a noun phrase,
    // whatever verb its first word can be ("Avoid common mistakes" opens
    // with a word that is only a verb).
    let last = words[words.len() - 1];
    if (2..=5).contains(&words.len())
        && LEXICON.is(&last.norm, Role::AnnouncedNoun)
        && words[..words.len() - 1]
            .iter()
            .all(|w| matches!(w.pos, Pos::Noun | Pos::Propn | Pos::Adj | Pos::Verb))
        && !only_a_verb(w0)
    {
        return Ask::Noun;
    }
    // A tip's lead sentence that can open with a verb does, unless a
    // subject and its verb follow ("Code health can be impacted").
    // ("Task processing": a word the tagger reads as a noun before a
    // gerund names an activity.)
    let activity = names_an_activity(words);
    // ("**Salary.** What you're paid in cash…": a label of one word over a
    // gloss that gives no advice names a thing. "Title and level" or "Hash
    // and encode" cannot be told apart by their words.)
    let named = !advises && words.len() == 1;
    if section.sentence_heading
        && !named
        && is_base(w0)
        && verb_reading(w0)
        && !activity
        && finite_verb(h, false).is_none()
    {
        return Ask::Do;
    }
    if is_imperative(h, words, advises) || verb_before_article(words) {
        return Ask::Do;
    }
    // A finite verb after a subject: a statement, unless the section
    // uses the heading's words as a noun phrase ("Character Sets" over
    // "Character sets are also called…").
    if (finite_verb(h, false).is_some() || pronoun_clause(words)) && !named_in_body(h, section) {
        return Ask::Statement;
    }
    // A short heading that can open with a verb, over a body of advice.
    if advises
        && (2..=4).contains(&words.len())
        && !activity
        && is_base(w0)
        && verb_reading(w0)
        && !LEXICON.noun_ending(w0)
        && !matches!(first.pos, Pos::Det | Pos::Adj | Pos::Pron)
        && !words
            .get(1)
            .is_some_and(|w| matches!(w.pos, Pos::Aux | Pos::Verb))
    {
        return Ask::Do;
    }
    if continues_lead_in && matches!(first.pos, Pos::Adj | Pos::Adv | Pos::Verb) {
        return Ask::Predicate;
    }
    // "Empower developers": a first word the dictionary knows only as a
    // verb opens no noun phrase.
    if words.len() >= 2 && is_base(w0) && only_a_verb(w0) {
        return Ask::Do;
    }
    if done_in_body(words, section) {
        return Ask::Do;
    }
    Ask::Noun
}

/// "Master the technology", "Answer the call": a word in its base form
/// that can be a verb, then an article or a possessive. A noun phrase
/// never goes on so, whatever the tagger took the first word for. Nor
/// does one go on with a preposition and "your" ("Focus on your relevant
/// experience", "Invest in your tools"): the reader is addressed (not
/// after "to", "of" or "for": "Access to your account" names a thing).
fn verb_before_article(words: &[&Word]) -> bool {
    let addressed = words.len() >= 3
        && words[1].pos == Pos::Adp
        && !matches!(words[1].norm.as_str(), "to" | "of" | "for")
        && words[2].norm == "your";
    words.len() >= 3
        && is_base(&words[0].norm)
        && verb_reading(&words[0].norm)
        && !matches!(words[0].pos, Pos::Det | Pos::Pron | Pos::Adp | Pos::Num)
        && (addressed
            || matches!(
                words[1].norm.as_str(),
                "the" | "a" | "an" | "your" | "our" | "their" | "this" | "these" | "those" | "each"
            ))
}

/// Does the section's text use a short heading whose verb is in -s
/// ("Character Sets", "Load Balancer Costs") as a noun phrase: as the
/// subject of "are", or after "the" or "of"?
fn named_in_body(h: &Analysis, section: &Section) -> bool {
    let words: Vec<&str> = h.content().map(|w| w.norm.as_str()).collect();
    // ("The team grows": a subject with its article makes a clause.)
    let determined = h
        .content()
        .next()
        .is_some_and(|w| matches!(w.pos, Pos::Det | Pos::Pron));
    if !(2..=4).contains(&words.len()) || determined {
        return false;
    }
    // The heading's last words at least two of them ("monthly connect
    // meetings" of "dxw monthly connect meetings"), after an article or a
    // possessive, or opening a sentence as its subject.
    let phrases: Vec<String> = (0..=words.len() - 2)
        .map(|k| words[k..].join(" "))
        .collect();
    section.body.iter().any(|p| {
        let text = format!(". {}", p.text.to_lowercase());
        phrases.iter().any(|phrase| {
            ["the", "of", "a", "an", "your", "our", "their", "."]
                .iter()
                .any(|before| text.contains(&format!("{before} {phrase} ")))
                || text.contains(&format!(" {phrase} are "))
        })
    })
}

/// Does the heading open with a verb giving advice ("Send a note")?
fn is_imperative(h: &Analysis, words: &[&Word], advises: bool) -> bool {
    let first = words[0];
    let w0 = first.norm.as_str();
    // An imperative: a base verb first, not followed by another verb form
    // that would make the first a noun ("Use cases are…").
    // (Not a word the dictionary knows as no verb, however the tagger
    // reads it: "Dough ingredients".)
    let verb_first =
        (first.tagged_verb() || matches!(w0, "be" | "have" | "keep" | "make")) && is_base(w0);
    // "Reverse proxy": a verb reading before a bare singular noun is a
    // noun phrase; "Use flashcards", "Send a note" are imperatives.
    // A bracketed aside ("Reverse proxy (web server)") is not counted.
    let aside = h.aside_start();
    let main_len = words.iter().filter(|w| w.start < aside).count();
    let bare_singular = words
        .get(1)
        .is_some_and(|w| w.pos.is_nominal() && w.pos != Pos::Propn && !looks_plural(&w.norm))
        && main_len <= 3;
    if verb_first
        && words.len() > 1
        && !matches!(words[1].pos, Pos::Aux)
        && !bare_singular
        && !names_an_activity(words)
    {
        return true;
    }
    if words.len() == 1 && first.pos == Pos::Verb && is_base(w0) {
        return true;
    }
    // "Privately reach out to the person", "Just use JSON": an adverb
    // before the verb (one the tagger took for a noun too: "Continuously
    // inspect code quality").
    if first.pos == Pos::Adv
        && words.len() >= 3
        && words.get(1).is_some_and(|w| {
            is_base(&w.norm)
                && (w.pos == Pos::Verb
                    || (w.pos == Pos::Noun
                        && first.norm.ends_with("ly")
                        && known_verb(&w.norm) == Some(true)))
        })
    {
        return true;
    }
    misread_verb(h, words, advises)
}

/// An auxiliary that, opening a question, asks yes or no ("Can I…",
/// "Is it…", "Do you…"), lower case given.
pub(super) fn opens_yes_no(word: &str) -> bool {
    matches!(
        word,
        "can"
            | "could"
            | "do"
            | "does"
            | "did"
            | "is"
            | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "should"
            | "shall"
            | "will"
            | "would"
            | "may"
            | "must"
    )
}

/// "Small, simple changes are:" → ("small, simple changes", "are"); "A
/// good test should be:" and "Any new page must meet these criteria
/// before…:" → (…, "should be"), (…, "must be"): the labels under them
/// are what the subject is to be.
pub(super) fn lead_in_subject(lead_in: &str) -> Option<(String, String)> {
    let last = sentences(lead_in).pop()?;
    let t = last.trim_end_matches(':').trim();
    let words: Vec<&str> = t.split_whitespace().collect();
    if let Some(m) = words
        .iter()
        .position(|w| matches!(norm(w).as_str(), "should" | "must"))
        && (1..=8).contains(&m)
        && (words[m + 1..] == ["be"]
            || words[m + 1..]
                .iter()
                .any(|w| LEXICON.is(&norm(w), Role::CriteriaNoun)))
    {
        return Some((
            lower_first(&words[..m].join(" ")),
            format!("{} be", words[m]),
        ));
    }
    let (subject, verb) = t.rsplit_once(' ')?;
    let v = norm(verb);
    matches!(v.as_str(), "are" | "is" | "were" | "was")
        .then(|| (lower_first(subject), verb.to_string()))
        .filter(|(s, _)| word_count(s) <= 8)
}

pub(super) fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if chars.clone().next().is_some_and(char::is_lowercase) || s.len() == 1 => {
            c.to_lowercase().chain(chars).collect()
        }
        Some(c) => std::iter::once(c).chain(chars).collect(),
        None => String::new(),
    }
}

/// A subject as it reads inside a question: an opening article in lower
/// case ("The server" → "the server"), a name as written. `article` says
/// whether its first word is one.
pub(super) fn article_lowered(subject: &str, article: bool) -> String {
    let mut chars = subject.chars();
    match chars.next() {
        Some(c) if article => c.to_lowercase().chain(chars).collect(),
        _ => subject.to_string(),
    }
}

#[path = "gerund_heading.rs"]
mod gerund_heading;
use gerund_heading::gerund_form;

#[cfg(test)]
#[path = "ask_tests.rs"]
mod tests;

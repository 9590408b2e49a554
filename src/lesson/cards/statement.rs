//! A statement heading turned into a question: inverted ("Silence works"
//! → "Why does silence work?"), or, in the reader's own words, the case it
//! names ("My dough smells sour" → "What if your dough smells sour?").

use crate::lesson::language::{
    Analysis, LEXICON, Pos, Role, Word, analyse, known_adjective, known_verb, past_participle,
    verb_reading,
};
use crate::lesson::read::Section;
use crate::lesson::text::{capitalise, word_count};

use super::ask::{finite_verb, lower_first};
use super::case::{case_question, in_readers_words};
use super::forms::{is_base, looks_plural, verb_base};
use super::question::rest_from;

/// Does the section, giving no advice (`advises`), state when something
/// holds, with a clause of "when", "if", "once", "unless" or "until"?
pub(super) fn states_when(section: &Section, advises: bool) -> bool {
    !advises
        && section.body.iter().any(|p| {
            let t = p.text.to_lowercase();
            [" when ", " if ", " once ", " unless ", " until "]
                .iter()
                .any(|w| t.contains(w))
        })
}

/// The words a heading may ask with ("How I'm doing it").
const QUESTION_WORDS: [&str; 5] = ["why", "how", "when", "where", "what"];

/// "Every job isn't the right fit" → "Why isn't every job the right fit?";
/// "Silence works" → "Why does silence work?"; without a reason in the
/// section, "How does silence work?".
pub(super) fn statement_question(
    h: &Analysis,
    text: &str,
    (why, when): (bool, bool),
    apostrophe: char,
) -> String {
    let words: Vec<&Word> = h.content().collect();
    // "Now you'll sew the binding down": an adverb placing the step in
    // its sequence is no part of the question.
    if words.len() >= 4
        && words[0].pos == Pos::Adv
        && matches!(words[0].norm.as_str(), "now" | "then" | "next" | "finally")
    {
        let rest = rest_from(h, text, 1);
        let rest = rest.trim_start_matches(',').trim();
        return statement_question(&analyse(rest), rest, (why, when), apostrophe);
    }
    // "My sourdough smells gross": the reader's own case, in their words
    // (not "A look at what I'm doing", where "I" is inside a noun phrase).
    // ("How I'm doing it" is no case: the question word leads.)
    let opener = words.iter().find(|w| {
        !(matches!(w.pos, Pos::Adv | Pos::Cconj | Pos::Intj)
            || ["all", "both"].contains(&w.norm.as_str()))
            || QUESTION_WORDS.contains(&w.norm.as_str())
    });
    let own_case = opener.is_some_and(|w| matches!(w.norm.as_str(), "i" | "my"))
        || (opener.is_some_and(|w| !QUESTION_WORDS.contains(&w.norm.as_str()))
            && own_trouble(&words));
    if let Some(yours) = in_readers_words(h, text).filter(|_| own_case) {
        return format!("What if {yours}?");
    }
    // "When you have more information than the compiler": a case to act in.
    if words.first().is_some_and(|w| w.norm == "when") {
        return case_question(h, text, when, apostrophe);
    }
    if let Some(q) = super::writer::writers_question(h, text, apostrophe) {
        return q;
    }
    if let Some(wh) = words
        .first()
        .filter(|w| QUESTION_WORDS.contains(&w.norm.as_str()))
    {
        let rest = rest_from(h, text, 1);
        let inner = analyse(&rest);
        return match invert(&inner, &rest, apostrophe, true) {
            Some(q) => format!("{} {q}?", capitalise(&wh.norm)),
            None => format!("What explains {} {rest}?", wh.norm),
        };
    }
    // With a reason in the section the question asks why; otherwise how it
    // comes about ("Code health can be impacted" → "How can code health be
    // impacted?"), which a section stating a claim goes on to explain.
    // "Everything fails, all of the time", "Names have power. Use them
    // wisely", "There will be challenges": a maxim of two parts, or one
    // whose subject is no thing, turns into no question; it is asked
    // about as written.
    let subject_is_there = words.first().is_some_and(|w| w.norm == "there");
    if subject_is_there || two_parts(text, why) {
        let maxim = capitalise(text.trim_end_matches(['.', '!']));
        return format!("What does \u{201c}{maxim}\u{201d} mean in practice?");
    }
    claim_question(h, text, why, apostrophe)
}

/// "The crust is too thick on my bread", "Guests arrive soon and I want
/// to serve bread": a heading that speaks as "I" further in, of a
/// trouble (a negation, "too", a symptom) or a want, is the reader's case
/// as much as one opening on "I" or "my".
fn own_trouble(words: &[&Word]) -> bool {
    let speaks_as_i = words
        .iter()
        .any(|w| matches!(w.norm.as_str(), "i" | "my" | "me"));
    let troubled = words.iter().any(|w| {
        matches!(
            w.norm.as_str(),
            "n't" | "not" | "no" | "too" | "want" | "need" | "forgot"
        )
    });
    speaks_as_i && (troubled || super::finite::reports_trouble(words))
}

/// A claim of one part (see [`statement_question`]): asked why with a
/// reason, a denial or "matters" ("Context matters"), and otherwise by
/// what it claims.
fn claim_question(h: &Analysis, text: &str, why: bool, apostrophe: char) -> String {
    let words: Vec<&Word> = h.content().collect();
    // "Information is power": a claim of what something is asks in what
    // sense, not how.
    let finite = finite_verb(h, false);
    let copula = finite.is_some_and(|v| {
        matches!(words[v].norm.as_str(), "is" | "are")
            && words
                .get(v + 1)
                .is_some_and(|n| !matches!(n.pos, Pos::Verb | Pos::Aux) && n.norm != "n't")
    });
    // "Scores don't measure literacy": what a claim denies is asked why,
    // as "How don't…" asks nothing. The negation is the verb's, not a
    // part's ("Accessories should be simple and not distracting"); a
    // heading opening on it ("Not all browsers are supported") is asked
    // what it means, as it inverts into no question.
    let denies = finite.is_some_and(|v| {
        words[v.saturating_sub(1)..words.len().min(v + 2)]
            .iter()
            .any(|w| matches!(w.norm.as_str(), "n't" | "not" | "never"))
    });
    let opens_denying = words.first().is_some_and(|w| w.norm == "not");
    let matters = finite.is_some_and(|v| matches!(words[v].norm.as_str(), "matters" | "matter"));
    let possesses = finite.is_some_and(|v| possesses(&words, v));
    let worth = |w: &&Word| LEXICON.is(&w.norm, Role::WorthWord);
    let meaning = || {
        format!(
            "What does it mean that {}?",
            lower_first(text.trim_end_matches(['.', '!']))
        )
    };
    match invert(h, text, apostrophe, false) {
        _ if opens_denying => meaning(),
        Some(q) if why || denies || matters => format!("Why {q}?"),
        Some(_) if possesses => meaning(),
        // "Hands should be quiet": how a rule of "be" holds asks nothing
        // ("How should hands be quiet?"); what it means in practice does.
        Some(_) if finite.is_some_and(|v| rule_of_being(&words, v)) => format!(
            "What does \u{201c}{}\u{201d} mean in practice?",
            capitalise(text.trim_end_matches(['.', '!']))
        ),
        // ("It's important to…": its worth asks why, clitic or not.)
        Some(q) if (copula || clitic_be(&words, finite)) && words.iter().any(worth) => {
            format!("Why {q}?")
        }
        Some(q) if copula => format!("In what sense {q}?"),
        Some(q) => format!("How {q}?"),
        None => format!("What does it mean that {text}?"),
    }
}

/// "It's", "they're": the finite verb at `v` is "is" or "are" written as
/// a clitic.
fn clitic_be(words: &[&Word], v: Option<usize>) -> bool {
    v.is_some_and(|v| matches!(words[v].norm.as_str(), "'s" | "'re"))
}

/// "Hands should be quiet", "Lighting must be in front of you": a modal
/// of rule (lexicon role `rule-modal`) at `v`, then "be" and a quality or
/// a place, not a participle ("Tests should be written first" says how).
fn rule_of_being(words: &[&Word], v: usize) -> bool {
    LEXICON.is(&words[v].norm, Role::RuleModal)
        && words.get(v + 1).is_some_and(|w| w.norm == "be")
        && words
            .get(v + 2)
            .is_some_and(|w| matches!(w.pos, Pos::Adj | Pos::Adp) && !past_participle(&w.norm))
}

/// "It has alternate glyphs": "has" as the main verb, before what is
/// had. How something has a thing asks nothing; what having it means does.
/// (`v`: the heading's finite verb; the thing had must follow it, not
/// "to", which makes "have to" a modal.)
fn possesses(words: &[&Word], v: usize) -> bool {
    have_as_main_verb(words, v)
        && words
            .get(v + 1)
            .is_some_and(|n| !matches!(n.pos, Pos::Verb | Pos::Aux | Pos::Part) && n.norm != "to")
}

/// "has" or "have" at `v` as the main verb ("It has alternate glyphs"),
/// not an auxiliary before "not", "been" or a past participle ("It has
/// grown").
fn have_as_main_verb(words: &[&Word], v: usize) -> bool {
    matches!(words[v].norm.as_str(), "has" | "have")
        && !words.get(v + 1).is_some_and(|n| {
            n.norm == "n't" || n.norm == "not" || n.norm == "been" || past_participle(&n.norm)
        })
}

/// A heading of two parts: two sentences or, when the question would ask
/// how (a "why" question takes a list in its stride: "Why should code be
/// correct, clear, concise?"), clauses parted by a dash or a comma.
fn two_parts(text: &str, why: bool) -> bool {
    let t = text.trim_end_matches(['.', '!']);
    t.contains(". ")
        || (!why
            && [" - ", " \u{2013} ", " \u{2014} ", ", "]
                .iter()
                .any(|sep| t.contains(sep)))
}

/// A statement turned into question order, without the question word:
/// "silence works" → "does silence work".
pub(super) fn invert(h: &Analysis, text: &str, apostrophe: char, loose: bool) -> Option<String> {
    let words: Vec<&Word> = h.content().collect();
    let v = finite_verb(h, loose)?;
    let verb = words[v];
    let subject = text[words[0].start..verb.start].trim();
    let mut after = text[verb.end..].trim().to_string();
    let vtext = &text[verb.start..verb.end];
    // ("It has alternate glyphs": "has" before its object is the main
    // verb, and asks with "does".)
    let possessing = have_as_main_verb(&words, v);
    if !possessing
        && (verb.pos == Pos::Aux || matches!(verb.norm.as_str(), "is" | "are" | "was" | "were"))
    {
        // "you'll receive" → "will you receive": a clitic auxiliary is
        // written out once it moves before its subject.
        let full = match verb.norm.as_str() {
            // "It's complicated": after a pronoun, "'s" is "is".
            "'s" if v > 0 && words[v - 1].pos == Pos::Pron => Some("is"),
            clitic => written_out(clitic),
        };
        // "isn't": the clitic follows the auxiliary.
        let mut aux = full.map_or_else(|| vtext.to_string(), str::to_string);
        if let Some(next) = words.get(v + 1)
            && next.norm == "n't"
        {
            aux.push_str(&text[next.start..next.end].replace('\'', &apostrophe.to_string()));
            after = text[next.end..].trim().to_string();
        }
        let tail = if after.is_empty() {
            String::new()
        } else {
            format!(" {after}")
        };
        return Some(format!("{aux} {subject}{tail}"));
    }
    if vtext.ends_with("ed") {
        return None;
    }
    // ("schools focus": after a plural, a verb in "-s" is a base form.)
    let after_plural = v > 0 && looks_plural(&words[v - 1].norm) && is_base(&verb.norm);
    let third = vtext.ends_with('s') && !vtext.ends_with("ss") && !after_plural;
    let base = if third {
        verb_base(&verb.norm)
    } else {
        verb.norm.clone()
    };
    let aux = if third { "does" } else { "do" };
    let tail = if after.is_empty() {
        String::new()
    } else {
        format!(" {after}")
    };
    Some(format!("{aux} {subject} {base}{tail}"))
}

/// A clitic auxiliary written out, as it is once it moves before its
/// subject ("you'll" → "will you"); "'s" depends on what precedes it.
pub(super) fn written_out(clitic: &str) -> Option<&'static str> {
    Some(match clitic {
        "'ll" => "will",
        "'re" => "are",
        "'ve" => "have",
        "'d" => "would",
        "'m" => "am",
        _ => return None,
    })
}

/// The heading as a question reads it: its subject alone when it only
/// says it explains it, the title for "it", the advice before its
/// circumstances, and "how to" before advice whose means follow.
pub(super) fn as_asked(
    inline: String,
    title: &str,
    parent: Option<&str>,
    apostrophe: char,
) -> String {
    let inline = match super::labelled::advice_after_label(&inline) {
        Some(advice) => advice.to_string(),
        None => super::labelled::without_reminder(inline),
    };
    let inline = match parent {
        Some(parent) => super::they::they_are_the_parent(it_is_the_parent(inline, parent), parent),
        None => super::they::pronouns_are_the_title(inline, title, apostrophe),
    };
    let inline = it_is_the_title(subject_of_explainer(inline), title, parent.is_some());
    by_means(advice_first(super::they::one_is_the_title(inline, title)))
}

/// "It has enough language support" under "The typeface's design is
/// comprehensive": a checklist's items say "it" or "its" of what the
/// heading above names first, an article and its noun ("the typeface"),
/// which the question needs to name.
fn it_is_the_parent(inline: String, parent: &str) -> String {
    let (rest, possessive) = match inline.split_once(' ') {
        Some(("It" | "it", rest)) => (rest, false),
        Some(("Its" | "its", rest)) => (rest, true),
        _ => return inline,
    };
    let a = analyse(parent);
    let words: Vec<&Word> = a.content().collect();
    let Some(first) = words
        .first()
        .filter(|w| matches!(w.norm.as_str(), "the" | "a" | "an"))
    else {
        return inline;
    };
    let named = words[1..]
        .iter()
        .take_while(|w| matches!(w.pos, Pos::Noun | Pos::Propn | Pos::Adj))
        .count();
    let last = words[named];
    if named == 0 || named > 3 || !last.pos.is_nominal() {
        return inline;
    }
    let thing = format!("{}{}", first.norm, &parent[first.end..last.end]);
    if possessive {
        let apostrophe = if parent.contains('\u{2019}') {
            '\u{2019}'
        } else {
            '\''
        };
        format!("{thing}{apostrophe}s {rest}")
    } else {
        format!("{thing} {rest}")
    }
}

/// "Closures explained", "Mortgage types compared": a heading that says
/// only that its section explains or compares its subject. The subject
/// alone is the heading, and a comparison asks how its things compare
/// ("how mortgage types compare", a question put as a statement).
pub(super) fn subject_of_explainer(inline: String) -> String {
    let Some((subject, last)) = inline.rsplit_once(' ') else {
        return inline;
    };
    // (Only after a noun: "Prices fell and interest rates compared" is no
    // such heading, and neither is "Well explained".)
    let after_noun = analyse(subject)
        .content()
        .last()
        .is_some_and(|w| w.pos.is_nominal());
    match last {
        "explained" | "demystified" | "unpacked" if after_noun => subject.to_string(),
        "compared" if after_noun => {
            let verb = if looks_plural(subject.rsplit(' ').next().unwrap_or(subject)) {
                "compare"
            } else {
                "compares"
            };
            format!("how {} {verb}", lower_first(subject))
        }
        _ => inline,
    }
}

/// "Keep an open mind by" over the ways to do it ("asking…",
/// "listening…"): advice whose means follow, so how to follow it.
pub(super) fn by_means(inline: String) -> String {
    match inline.strip_suffix(" by") {
        Some(advice)
            if word_count(advice) >= 2
                && advice
                    .split(' ')
                    .next()
                    .is_some_and(|w| known_verb(w) == Some(true)) =>
        {
            format!("how to {advice}")
        }
        _ => inline,
    }
}

/// "As project lead, merge the pull request" → "merge the pull request as
/// project lead": a heading that opens with the role or the moment it
/// advises for reads as advice once that phrase goes after the verb.
pub(super) fn advice_first(inline: String) -> String {
    let Some((front, rest)) = inline.split_once(", ") else {
        return inline;
    };
    let opens = front.split(' ').next().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "as" | "for" | "in" | "on" | "at" | "with" | "during" | "after" | "before" | "once"
        )
    });
    // "Where practical, …", "If possible, …": a hedge of a word or two
    // with no subject of its own.
    let hedge = front.split(' ').count() <= 3
        && front.split(' ').next().is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "where" | "wherever" | "when" | "whenever" | "if"
            )
        })
        && !front
            .split(' ')
            .any(|w| matches!(w, "you" | "we" | "they" | "it" | "he" | "she" | "i"));
    let verb = rest.split(' ').next().is_some_and(opens_advice);
    if !(opens || hedge) || !verb || front.split(' ').count() > 5 || rest.contains(", ") {
        return inline;
    }
    format!(
        "{} {}",
        rest.trim_end_matches(['.', '!']),
        lower_first(front.trim())
    )
}

/// Can the word open advice after a comma: a verb the dictionary knows,
/// or one the tagger reads as a verb that is no adjective?
fn opens_advice(word: &str) -> bool {
    let w = word.to_lowercase();
    known_verb(&w) == Some(true) || (verb_reading(&w) && known_adjective(&w) != Some(true))
}

/// "If you found a better name, create the new name": a heading that
/// gives its advice for a case. The case heads the section ("What should you
/// do if you found a better name?") and the advice opens its text, as the
/// answer. `None` for any other heading.
pub(super) fn case_and_advice(heading: &str) -> Option<(String, String)> {
    // ("If I own an address, do I own it on other chains?" asks; it
    // gives no advice.)
    if heading.trim_end().ends_with('?') {
        return None;
    }
    let (case, advice) = heading.split_once(", ")?;
    let case_words: Vec<&str> = case.split_whitespace().collect();
    let opens_case = case_words
        .first()
        .is_some_and(|w| LEXICON.is(&w.to_lowercase(), Role::PlacingConjunction));
    // The case needs a subject and its verb ("if you found…"), and the
    // advice a verb first and something after it.
    let advice_words: Vec<&str> = advice.split_whitespace().collect();
    // ("clearly document this": an adverb may come first.)
    let skip = usize::from(advice_words.first().is_some_and(|w| w.ends_with("ly")));
    let verb_first = advice_words.get(skip).is_some_and(|w| opens_advice(w));
    if !opens_case || case_words.len() < 3 || !verb_first || advice_words.len() < 2 {
        return None;
    }
    let advice = advice.trim_end_matches(['.', '!']);
    Some((case.to_string(), format!("{}.", capitalise(advice))))
}

/// "What is it?", "Why use it?": a short question whose last word "it" can
/// only be the lesson's subject, which its title names. (Under a parent
/// heading, "What it is" and "How it works" ask about the parent, see
/// `facet.rs`: `nested`.)
pub(super) fn it_is_the_title(inline: String, title: &str, nested: bool) -> String {
    let words: Vec<&str> = inline.split(' ').collect();
    let it = |w: &str| {
        w.trim_end_matches(['?', '.', '!'])
            .eq_ignore_ascii_case("it")
    };
    let asks = words.first().is_some_and(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "what" | "why" | "how" | "who" | "where" | "when"
        )
    });
    if words.len() > 4 || !asks {
        return inline;
    }
    // ("What it is", "How it works": the question put as a statement, put
    // back as a question on the title: "What are sprint planning
    // meetings", "How do sprint planning meetings work".)
    if let Some(k) = words
        .iter()
        .position(|w| *w == "it")
        .filter(|&k| k == 1 && words.len() == 3 && !nested)
    {
        let plural = looks_plural(title.to_lowercase().rsplit(' ').next().unwrap_or(""));
        let wh = words[..k].join(" ");
        let verb = words[k + 1];
        return match (plural, verb) {
            (false, "is" | "was" | "has") => format!("{wh} {verb} {title}"),
            (true, "is") => format!("{wh} are {title}"),
            (true, "was") => format!("{wh} were {title}"),
            (_, v) => {
                let base = v.strip_suffix('s').unwrap_or(v);
                let aux = if plural { "do" } else { "does" };
                format!("{wh} {aux} {title} {base}")
            }
        };
    }
    if !words.last().is_some_and(|w| it(w)) {
        return inline;
    }
    let last = words[words.len() - 1];
    let mark = &last[2..];
    let mut out: Vec<String> = words[..words.len() - 1]
        .iter()
        .map(|w| w.to_string())
        .collect();
    out.push(format!("{title}{mark}"));
    out.join(" ")
}

#[cfg(test)]
#[path = "statement_tests.rs"]
mod tests;

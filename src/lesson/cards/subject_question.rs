//! A question asking for the subject of the back's sentence, for a section
//! whose heading gives no better question than "What should you know
//! about X?" (see docs/lessons.md, "Questions for the subject"). "Close
//! reading of primary sources is one of the most valuable skills a
//! historian can teach" asks "What is one of the most valuable skills a
//! historian can teach?", answered "Close reading of primary sources.":
//! a question for the subject keeps the sentence's own word order, with
//! "what" in the subject's place, so it is as grammatical as the sentence.

use crate::lesson::language::{LEXICON, Pos, Role, Word, known_not_noun, known_verb};
use crate::lesson::text::{capitalise, stem, without_bracketed_asides, without_dashed_asides};

use super::forms::{is_base, looks_plural};
use super::front::vague;
use super::sentence::Sent;
use super::style::TitleKind;

/// Most words of the subject the answer gives.
const SUBJECT_WORDS: usize = 8;

/// Fewest content words of what the question keeps: its cue.
const CUE_WORDS: usize = 3;

/// Most words of the question.
const QUESTION_WORDS: usize = 22;

/// "The government does have a standard form": an emphatic "do" before
/// its verb insists on what a reader doubts; "What does have…?" reads as
/// a broken question.
fn emphatic_do(words: &[&Word], v: usize) -> bool {
    matches!(words[v].norm.as_str(), "do" | "does" | "did")
        && words
            .get(v + 1)
            .is_some_and(|n| n.pos == Pos::Verb || n.pos == Pos::Aux)
}

/// The adverbs before the main verb at `v`, which belong to the
/// predicate, not to the answer, and where the predicate the question
/// keeps starts.
fn adverbs_before(words: &[&Word], v: usize) -> (usize, usize) {
    // ("Nightingale still kept…", "An owner obviously needs…": an adverb
    // before the verb belongs to the predicate, not to the answer.)
    let adverbs = words[..v]
        .iter()
        .rev()
        .take_while(|w| w.pos == Pos::Adv)
        .count();
    // ("The protocol then offers…": an adverb leaning on the sentence
    // before is no part of what the question asks; "still" and "yet"
    // inside a sentence say how long, "A teacher still explains…".)
    let leaning = words[v - adverbs..v]
        .iter()
        .take_while(|w| {
            LEXICON.is(&w.norm, Role::Leaning) && !matches!(w.norm.as_str(), "still" | "yet")
        })
        .count();
    (adverbs, words[v - adverbs + leaning].start)
}

/// The question for the subject of `s` and its answer, when the sentence
/// opens with a noun phrase (no pronoun, no clause, no comma, no amount)
/// followed by its verb, and what follows gives cue enough without naming
/// the subject again.
pub(super) fn subject_question(s: &Sent) -> Option<(String, String)> {
    if !statement(s) {
        return None;
    }
    let words: Vec<&Word> = s.a.words.iter().collect();
    let v = main_verb(&words)?;
    // ("Each protocol curl supports operates on…": a verb in "-s" right
    // after the one found, which no noun can be, is the main verb, and
    // what came before it a clause whose "that" was left out.)
    if words
        .get(v + 1)
        .is_some_and(|n| n.pos == Pos::Verb && n.norm.ends_with('s') && known_not_noun(&n.norm))
    {
        return None;
    }
    let (adverbs, from) = adverbs_before(&words, v);
    let subject = &words[..v - adverbs];
    let verb = words[v];
    // ("Delivery Leads support…": a capitalised word after the first is
    // part of a name, never its verb.)
    let capital = s.text[verb.start..].starts_with(char::is_uppercase);
    if !noun_phrase(subject) || verb.norm.ends_with("ing") || capital || contrasted(subject) {
        return None;
    }
    let agreeing = agreeing_form(verb)?;
    if emphatic_do(&words, v) || leans_back(&words[v - adverbs..]) {
        return None;
    }
    let head = subject
        .iter()
        .rev()
        .find(|w| w.pos.is_nominal() || w.pos == Pos::Num)?;
    // ("The server will respond…", "Students might…", "People often…": one
    // word after an article, a bare plural or a general noun is no answer
    // to learn; "Reflection is…" names an idea.)
    if subject.iter().filter(|w| !w.pos.is_function()).count() == 1
        && (subject.len() > 1 || looks_plural(&head.norm) || LEXICON.is(&head.norm, Role::Generic))
    {
        return None;
    }
    if point_in_predicate(&words, v, head) {
        return None;
    }
    // ("Other components are…", "Some tools can…" name nothing to recall.)
    let quantified = [
        "other", "some", "many", "most", "several", "such", "certain",
    ];
    if quantified.contains(&subject[0].norm.as_str()) {
        return None;
    }
    let end = Some(predicate_end(s, &words, verb)).filter(|&e| !contrasts_another(s, &words, e))?;
    let raw = with_verb(&s.text, (from, end), verb, agreeing.as_deref())?;
    let predicate = &without_asides(&singular_be(raw.trim(), &words[v..]));
    // (Code or a quotation in it is no question to read.)
    if predicate.contains([':', '=', '[', '{', '`', '"', '\u{201c}']) || uncarried(&words[v..], end)
    {
        return None;
    }
    let rest: Vec<&&Word> = words[v..]
        .iter()
        .filter(|w| w.start < end && !w.is_punct())
        .collect();
    if !cue_enough(&rest, head) {
        return None;
    }
    let answer = s
        .text
        .get(subject[0].start..subject[subject.len() - 1].end)?;
    let who = if asks_who(s, subject, verb) {
        "Who"
    } else {
        "What"
    };
    Some((
        format!("{who} {predicate}?"),
        format!("{}.", capitalise(answer)),
    ))
}

/// The predicate without an aside between dashes, "- of course -", or in
/// brackets, "(SOCKS4 only uses TCP)": no part of what is asked.
fn without_asides(predicate: &str) -> String {
    without_bracketed_asides(&without_dashed_asides(predicate))
}

/// "Jobo on the other hand has…", "The cache, however, keeps…": a
/// connective inside the subject sets it against the sentence before,
/// which the card does not carry; a negation there turns it around.
fn contrasted(subject: &[&Word]) -> bool {
    let said: Vec<&str> = subject.iter().map(|w| w.norm.as_str()).collect();
    // ("Hard links cannot refer…": a negation read into the subject would
    // leave the question saying the opposite.)
    subject.iter().any(|w| w.negates()) || !LEXICON.find(&said, Role::ContrastConnective).is_empty()
}

/// "…are one reason why…": asked for with "what", the verb agrees with
/// the one thing it names ("What is one reason why…?"). `rest` opens with
/// the verb.
fn singular_be(predicate: &str, rest: &[&Word]) -> String {
    let one = rest
        .get(1)
        .is_some_and(|w| matches!(w.norm.as_str(), "one" | "a" | "an"));
    match rest.first().map(|w| w.norm.as_str()) {
        Some("are") if one => predicate.replacen("are", "is", 1),
        Some("were") if one => predicate.replacen("were", "was", 1),
        _ => predicate.to_string(),
    }
}

/// "What instead will flush…?", "What should be documented by their own
/// docstring?": a predicate that leans on what came before, which the
/// question does not show.
fn leans_back(predicate: &[&Word]) -> bool {
    predicate.iter().any(|w| {
        matches!(
            w.norm.as_str(),
            "instead" | "its" | "their" | "these" | "those"
        )
    })
}

/// Where the verb of a sentence opening with its subject stands.
fn main_verb(words: &[&Word]) -> Option<usize> {
    // (A participle or gerund before a noun opens the subject: "Spaced
    // repetition has…".)
    let skip = usize::from(
        words.first().is_some_and(|w| {
            w.pos == Pos::Verb && (w.norm.ends_with("ed") || w.norm.ends_with("ing"))
        }) && words
            .get(1)
            .is_some_and(|w| w.pos.is_nominal() || w.pos == Pos::Adj),
    );
    let verbal = |w: &&&Word| matches!(w.pos, Pos::Aux | Pos::Verb);
    let mut v = skip + words[skip..].iter().position(|w| verbal(&w))?;
    // ("The master in the chain replicated system handles…": a participle
    // between a noun and its noun, a verb right after them, modifies.)
    if words[v].norm.ends_with("ed")
        && words.get(v + 1).is_some_and(|w| w.pos == Pos::Noun)
        && words
            .get(v + 2)
            .is_some_and(|w| verbal(&w) && !w.norm.ends_with("ed"))
    {
        v += 2;
    }
    // (After "to", an infinitive: the main verb was missed before it.)
    (v == 0 || words[v - 1].norm != "to").then_some(v)
}

/// Does what the question keeps, `rest`, cue one answer without giving
/// it away? It needs a few words of content, no repeat of the subject's
/// head, no denial and nothing pointing back.
fn cue_enough(rest: &[&&Word], head: &Word) -> bool {
    // ("…can be called multiple times": a count of a general noun,
    // lexicon role `generic`, cues nothing.)
    let counted = |k: usize| {
        let general = |w: &Word| w.pos.is_nominal() && LEXICON.is(&w.norm, Role::Generic);
        let count = |w: &Word| {
            w.pos == Pos::Num || matches!(w.norm.as_str(), "multiple" | "many" | "several")
        };
        (general(rest[k]) && k > 0 && count(rest[k - 1]))
            || (count(rest[k]) && rest.get(k + 1).is_some_and(|n| general(n)))
    };
    let cue = (0..rest.len())
        .filter(|&k| !rest[k].pos.is_function() && !counted(k))
        .count();
    let head_stem = stem(&head.norm);
    let gives_away = rest.iter().any(|w| stem(&w.norm) == head_stem);
    // ("…did not publish his works on this subject": a denial fits
    // anything but the answer, and "this subject" points at a sentence
    // the card lacks.)
    let denied = rest
        .iter()
        .take(3)
        .any(|w| matches!(w.norm.as_str(), "not" | "never" | "n't"));
    let pointing = rest.windows(2).any(|p| {
        // (Not "that", which also opens a clause: "found that lime juice…".)
        matches!(p[0].norm.as_str(), "this" | "these" | "those") && p[1].pos.is_nominal()
    });
    // ("…should be followed, as they have more context": a pronoun with
    // no noun before it stands for the subject the question hides.)
    let hidden_subject = rest
        .iter()
        .position(|w| matches!(w.norm.as_str(), "they" | "them" | "it" | "he" | "she"))
        .is_some_and(|k| {
            !rest[..k]
                .iter()
                .any(|w| w.pos.is_nominal() && w.pos != Pos::Pron)
        });
    cue >= CUE_WORDS
        && rest.len() < QUESTION_WORDS
        && !gives_away
        && !denied
        && !pointing
        && !hidden_subject
}

/// "Galen believed…", "Physician Herman Boerhaave modeled…": a subject of
/// capitalised names doing what only a person does (see the lexicon's
/// `person-verb`), asked "Who…?".
/// Is the subject a person, asked "Who…?": a name doing what only a
/// person does (see [`names_a_person`]), or people named by a noun before
/// any preposition ("Participants in the sessions…"; lexicon role
/// `person-noun`).
fn asks_who(s: &Sent, subject: &[&Word], verb: &Word) -> bool {
    let people = subject
        .iter()
        .take_while(|w| w.pos != Pos::Adp)
        .filter(|w| w.pos.is_nominal())
        .last()
        .is_some_and(|w| LEXICON.is(&w.norm, Role::PersonNoun));
    people || names_a_person(s, subject, verb)
}

fn names_a_person(s: &Sent, subject: &[&Word], verb: &Word) -> bool {
    subject.last().is_some_and(|w| w.pos == Pos::Propn)
        && subject
            .iter()
            .all(|w| s.text[w.start..].starts_with(char::is_uppercase))
        && LEXICON.is(&verb.norm, Role::PersonVerb)
}

/// A statement of the writer's text that stands alone: not quoted, no
/// fragment, lead-in, pointer, story, advice or leaning opener, ending as
/// a sentence. ("Network graphs are common in papers" would ask "What are
/// common in papers?", which anything answers.)
fn statement(s: &Sent) -> bool {
    !(s.quoted
        || s.is_background()
        || s.fragment
        || s.lead_in
        || s.pointer
        || s.personal
        || s.narrated
        || s.imperative
        || s.a.untagged
        || s.leans.is_some()
        || !s.text.trim_end().ends_with(['.', '!'])
        // ("Any time an action is triggered, a reaction occurs": a clause
        // placing the point opens it, no subject.)
        || LEXICON.text_opens_with(&s.text, Role::PlacingConjunction))
}

/// Can "what" take the verb as it stands: "is", "was", a modal, a verb in
/// "-s" or the past? ("Governance guidelines tend to…" would ask "What
/// tend…?"; "Remote-first means everything is…" is asked what the word
/// means, not for the word.)
fn agrees_with_what(verb: &Word) -> bool {
    let plural = (verb.pos == Pos::Verb && !verb.norm.ends_with('s') && !verb.norm.ends_with("ed"))
        || matches!(verb.norm.as_str(), "have" | "do" | "need");
    !plural && !matches!(verb.norm.as_str(), "means" | "meant")
}

/// The verb's form after "what": `Some(None)` when it agrees as it
/// stands, `Some(Some(form))` for a plural present's form in "-s" ("Your
/// handshake and eye contact set the tone": "What sets the tone…?"),
/// `None` when "what" cannot take it.
fn agreeing_form(verb: &Word) -> Option<Option<String>> {
    if agrees_with_what(verb) {
        Some(None)
    } else {
        singular_present(verb).map(Some)
    }
}

/// Bytes `from..end` of `text`, the verb in the form given, if any.
fn with_verb(
    text: &str,
    (from, end): (usize, usize),
    verb: &Word,
    form: Option<&str>,
) -> Option<String> {
    Some(match form {
        Some(sing) => format!(
            "{}{sing}{}",
            text.get(from..verb.start)?,
            text.get(verb.end..end)?
        ),
        None => text.get(from..end)?.to_string(),
    })
}

/// The form in "-s" of a verb in the plural present ("set" → "sets",
/// "carry" → "carries", "have" → "has"), for "what" to take; none for a
/// verb asked another way ("mean") or one only a plural subject has
/// ("tend to").
fn singular_present(verb: &Word) -> Option<String> {
    let w = verb.norm.as_str();
    // (The dictionary's base forms only: "took" is a past, no "tooks".)
    if verb.pos != Pos::Verb || !is_base(w) || known_verb(w) != Some(true) {
        return None;
    }
    if matches!(
        w,
        "mean" | "tend" | "differ" | "vary" | "agree" | "disagree"
    ) {
        return None;
    }
    Some(match w {
        "have" => "has".to_string(),
        "do" => "does".to_string(),
        "go" => "goes".to_string(),
        _ if w.ends_with('y') && !["ay", "ey", "oy", "uy"].iter().any(|e| w.ends_with(e)) => {
            format!("{}ies", &w[..w.len() - 1])
        }
        _ if ["s", "sh", "ch", "x", "z"].iter().any(|e| w.ends_with(e)) => format!("{w}es"),
        _ => format!("{w}s"),
    })
}

/// Does the sentence leave its point in the predicate, which a question
/// for its subject would give away? `v` is its verb, `head` the subject's
/// head.
fn point_in_predicate(words: &[&Word], v: usize, head: &Word) -> bool {
    // ("A secondary goal is improving…", "The important thing is to
    // share…", "The most typical example is when…": a subject naming a
    // piece of what is said, or a "be" that introduces a clause, leaves
    // the point in the predicate, which the question would give away.)
    let piece_named =
        LEXICON.is(&head.norm, Role::ContentNoun) || LEXICON.is(&head.norm, Role::Generic);
    let be = matches!(words[v].norm.as_str(), "is" | "are" | "was" | "were");
    let introduces = words.get(v + 1).is_some_and(|n| {
        n.pos == Pos::Sconj
            || matches!(
                n.norm.as_str(),
                "to" | "when" | "where" | "how" | "what" | "why" | "that"
            )
            || (n.pos == Pos::Verb && n.norm.ends_with("ing"))
    });
    // ("The topics presented here will be…": a participle qualifying the
    // subject, the verb still to come.)
    let qualified =
        words[v].norm.ends_with("ed") && words[v + 1..].iter().take(4).any(|w| w.pos == Pos::Aux);
    piece_named || (be && introduces) || qualified
}

/// Where the question's predicate ends: at the sentence's end, or before
/// a second statement. ("…sit at the top, but they never…": the clause
/// after "but" or "so", or after "and" with a subject of its own, is
/// another statement.)
fn predicate_end(s: &Sent, words: &[&Word], verb: &Word) -> usize {
    let end = s.text.trim_end().trim_end_matches(['.', '!']).len();
    // (" - Simple, although…": a remark after a spaced dash is no part of
    // what the verb says.)
    let second = [
        ", but ",
        ", so ",
        ", yet ",
        "; ",
        " - ",
        " \u{2013} ",
        " \u{2014} ",
    ]
    .iter()
    .filter_map(|sep| s.text[verb.start..end].find(sep).map(|k| verb.start + k));
    // (", and merchants lost…": "and" before a subject of its own.)
    let joined = words.windows(3).filter_map(|w| {
        let subject = matches!(w[2].pos, Pos::Det | Pos::Noun | Pos::Propn | Pos::Pron);
        (w[0].norm == "," && matches!(w[1].norm.as_str(), "and" | "or") && subject)
            .then_some(w[0].start)
    });
    // (", advances were made…": a comma, then a subject of its own and
    // its verb, is a second statement spliced on.)
    let spliced = words.windows(4).filter_map(|w| {
        let subject = |x: &Word| x.pos.is_nominal() || x.pos == Pos::Pron;
        let verb = |x: &Word| x.pos == Pos::Aux;
        let clause =
            (subject(w[1]) && verb(w[2])) || (w[1].pos == Pos::Det && subject(w[2]) && verb(w[3]));
        (w[0].norm == "," && clause).then_some(w[0].start)
    });
    // ("…on the server and they should be…": "and" before a subject
    // pronoun and its verb needs no comma.)
    let pronoun_clause = words.windows(3).filter_map(|w| {
        (matches!(w[0].norm.as_str(), "and" | "but")
            && LEXICON.is(&w[1].norm, Role::SubjectPronoun)
            && matches!(w[2].pos, Pos::Aux | Pos::Verb))
        .then_some(w[0].start)
    });
    second
        .chain(
            joined
                .chain(spliced)
                .chain(pronoun_clause)
                .filter(|&k| k > verb.start),
        )
        .min()
        .unwrap_or(end)
}

/// "Input sanitization is a bad idea, but input validation is a good
/// thing": after "but" or "yet", a subject of its own, a noun and no
/// pronoun, and its verb. The sentence contrasts two things, and a
/// question asking for one of them drops the other.
fn contrasts_another(s: &Sent, words: &[&Word], end: usize) -> bool {
    let rest = &s.text[end..];
    if !(rest.starts_with(", but ") || rest.starts_with(", yet ")) {
        return false;
    }
    let after: Vec<&&Word> = words
        .iter()
        .filter(|w| w.start >= end)
        .skip_while(|w| matches!(w.norm.as_str(), "," | "but" | "yet"))
        .collect();
    let k = after
        .iter()
        .position(|w| !matches!(w.pos, Pos::Det | Pos::Adj | Pos::Noun | Pos::Propn))
        .unwrap_or(0);
    k > 0
        && after[k - 1].pos.is_nominal()
        && after[k - 1].pos != Pos::Pron
        && matches!(after[k].pos, Pos::Aux | Pos::Verb)
}

/// The question for the subject of `s` in a lesson whose title is of
/// `kind`, unless
/// its answer only names the lesson's own subject: "AI systems" in
/// "Responsible AI", "Load balancers" in "Load balancer". Its words but
/// the head are the title's or names most sections use, and the head is
/// one too or a kind of thing made or used (lexicon role `kind-noun`:
/// "systems", "tools").
/// A title comparing things ("Availability vs consistency") asks which
/// one, so there it stands.
pub(super) fn subject_question_in(s: &Sent, kind: &TitleKind) -> Option<(String, String)> {
    let (question, answer) = subject_question(s)?;
    // (The answer is the sentence's opening words, already analysed.)
    let n = answer.trim_end_matches('.').len();
    let words: Vec<&Word> =
        s.a.content()
            .filter(|w| w.end <= n && !w.pos.is_function())
            .collect();
    // (A name most sections use is the lesson's own too: "TypeScript's
    // type system" in a lesson on TypeScript's types.)
    let own = |w: &Word| {
        let st = stem(&w.norm);
        kind.stems.contains(&st) || kind.names.contains(&st)
    };
    let names_the_lesson = match words.split_last() {
        // ("Gunicorn." in a page on its design that most sections name it
        // in: an answer of one name the whole lesson uses.)
        Some((head, [])) if kind.names.contains(&stem(&head.norm)) => true,
        Some((head, rest)) => {
            rest.iter().all(|w| own(w))
                && (own(head) || (!rest.is_empty() && LEXICON.is(&head.norm, Role::KindNoun)))
        }
        None => false,
    };
    (kind.compares || !names_the_lesson).then_some((question, answer))
}

/// A vague question `front` ("What should you know about X?", see
/// [`vague`]) over a back whose first sentence opens with its subject is
/// asked for that subject instead; gives the front, the back and the
/// sentences the back holds.
pub(super) fn sharpened(
    front: String,
    back: String,
    chosen: Vec<usize>,
    (ss, title): (&[Sent], &TitleKind),
) -> (String, String, Vec<usize>) {
    // (A back holding a list, "It checks three things: …", says more than
    // its first sentence's subject.)
    let listed = back.contains(": ") || chosen.iter().any(|&i| ss[i].lead_in);
    match chosen
        .first()
        .filter(|_| vague(&front) && !listed)
        .and_then(|&i| Some((i, subject_question_in(&ss[i], title)?)))
    {
        Some((i, (question, answer))) => (question, answer, vec![i]),
        None => (front, back, chosen),
    }
}

/// A predicate (its words up to `end`) a question cannot carry: "the
/// smallest one that works" stands for a noun said before; "… is enough
/// to lose weight but to make progress eat clean too" joins a second
/// clause by a contrast.
fn uncarried(predicate: &[&Word], end: usize) -> bool {
    let stands_for = predicate
        .windows(2)
        .any(|p| p[1].norm == "one" && matches!(p[0].pos, Pos::Adj | Pos::Det));
    let contrast = predicate
        .iter()
        .any(|w| w.start < end && w.norm == "but" && w.pos == Pos::Cconj);
    stands_for || contrast
}

/// Words that make a subject: opening with an article, a number, an
/// adjective, a noun, "your", or a participle or gerund before more words, holding a noun, of at most eight words, with no
/// pronoun, mark, clause or amount in them ("Close reading of primary
/// sources", "1892 to 1924", "The criterion for freshness").
fn noun_phrase(words: &[&Word]) -> bool {
    let Some(first) = words.first() else {
        return false;
    };
    // ("Spaced repetition", "Fermenting grains": a participle or a
    // gerund opening a phrase.)
    let participle = first.pos == Pos::Verb
        && words.len() >= 2
        && (first.norm.ends_with("ed") || first.norm.ends_with("ing"));
    // ("Your handshake and eye contact": the reader's own, which needs no
    // noun said before; not "their" or "its", which do.)
    let yours = first.norm == "your" && words.len() >= 2;
    let opens = (participle
        || yours
        || matches!(
            first.pos,
            Pos::Det | Pos::Num | Pos::Adj | Pos::Noun | Pos::Propn
        ))
        && !matches!(
            first.norm.as_str(),
            "this" | "these" | "that" | "those" | "such" | "some" | "many" | "most" | "all" | "no"
        )
        && !LEXICON.is(&first.norm, Role::Quantifier);
    // ("The tool prints out the…": a phrase ending on an article or a
    // preposition was cut before its noun; the verb was misread.)
    let cut = words
        .last()
        .is_some_and(|w| matches!(w.pos, Pos::Det | Pos::Adp | Pos::Part));
    opens
        && !cut
        && words.len() <= SUBJECT_WORDS
        && words
            .iter()
            .any(|w| w.pos.is_nominal() || w.pos == Pos::Num)
        && !words.iter().enumerate().any(|(k, w)| {
            (matches!(w.pos, Pos::Pron | Pos::Punct | Pos::Sconj) && !(k == 0 && yours))
                // ("A layer of straw or compost": a conjunction between
                // two nouns joins them into one phrase.)
                || (w.pos == Pos::Cconj
                    && !(k > 0
                        && words[k - 1].pos.is_nominal()
                        && words.get(k + 1).is_some_and(|n| n.pos.is_nominal())))
        })
}

#[cfg(test)]
#[path = "subject_question_tests.rs"]
mod tests;

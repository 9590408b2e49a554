//! The finite verb of a heading: the verb or auxiliary that follows its
//! subject ("Silence works", "Any attempt to predict the future is…"),
//! which makes the heading a statement (see docs/lessons.md, "What it
//! writes").

use super::forms::{is_base, looks_plural, verb_base};
use crate::lesson::language::{
    Analysis, LEXICON, Pos, Role, Word, can_be_verb, known_verb, past_participle,
};

/// A form of "be" or an auxiliary: a clause's verb whatever the tagger
/// made of the words before it.
fn be_or_aux(w: &Word) -> bool {
    w.pos == Pos::Aux || matches!(w.norm.as_str(), "is" | "are" | "was" | "were")
}

/// The first finite verb or auxiliary after a subject, as a word index into
/// the content words.
pub(super) fn finite_verb(h: &Analysis, loose: bool) -> Option<usize> {
    first_verb(h, loose).or_else(|| verb_after_a_clause(h))
}

/// "Any attempt to predict the future is likely to be wrong", "Something
/// simple which exists is better than…": a subject carrying an infinitive
/// or a relative clause, then the heading's own verb, a form of "be" or an
/// auxiliary. Every verb before it follows "to" or a relative pronoun.
fn verb_after_a_clause(h: &Analysis) -> Option<usize> {
    let words: Vec<&Word> = h.content().collect();
    let opens = words.first()?;
    if !(opens.pos.is_nominal() || matches!(opens.pos, Pos::Det | Pos::Pron | Pos::Adj)) {
        return None;
    }
    // ("to" before a gerund is a preposition: "Dedicate to learning
    // everything you can" has no subject.)
    let clause_verb = |j: usize| {
        j > 0
            && match words[j - 1].norm.as_str() {
                "to" => is_base(&words[j].norm),
                "which" | "that" | "who" => true,
                _ => false,
            }
    };
    let verbal = |w: &Word| matches!(w.pos, Pos::Verb | Pos::Aux);
    let mut seen_clause = false;
    for (i, &w) in words.iter().enumerate().take(16).skip(1) {
        if !verbal(w) {
            continue;
        }
        if clause_verb(i) {
            seen_clause = true;
            continue;
        }
        let be_or_aux = be_or_aux(w);
        // (A subject runs unbroken: after a ";" or a "," a new clause
        // begins.)
        let unbroken = !h.words.iter().any(|p| p.end <= w.start && p.is_punct());
        return (seen_clause && be_or_aux && unbroken).then_some(i);
    }
    None
}

fn is_gerund(w: &Word) -> bool {
    w.pos == Pos::Verb && w.norm.ends_with("ing")
}

/// Word `k` is a gerund: tagged a verb in "-ing", or a word in "-ing"
/// before an article, however the tagger read it ("Building a package").
pub(super) fn gerund_at(words: &[&Word], k: usize) -> bool {
    let article = |n: &&Word| matches!(n.norm.as_str(), "a" | "an" | "the");
    is_gerund(words[k]) || (words[k].norm.ends_with("ing") && words.get(k + 1).is_some_and(article))
}

/// After a gerund opening the subject, only a verb agreeing with it is
/// the heading's: "Renting wins", not "Emulating block-scoped variables",
/// whose "-ed" qualifies.
fn agrees_with_a_gerund(w: &Word) -> bool {
    w.pos == Pos::Aux || (w.norm.ends_with('s') && !w.norm.ends_with("ss"))
}

/// "to say" is an infinitive, not a finite verb; "a change that needs
/// context" is a noun phrase with a relative clause, and so is "A look at
/// what I'm doing", whose verb is the clause's: `before` are the words
/// before the verb.
fn in_a_clause(before: &[&Word]) -> bool {
    matches!(
        before[before.len() - 1].norm.as_str(),
        "that" | "which" | "who"
    ) || before[1..].iter().any(|b| {
        matches!(b.pos, Pos::Pron | Pos::Adv | Pos::Sconj | Pos::Det)
            && matches!(b.norm.as_str(), "what" | "how" | "where" | "why" | "whom")
    })
}

fn first_verb(h: &Analysis, loose: bool) -> Option<usize> {
    let words: Vec<&Word> = h.content().collect();
    for (i, w) in words.iter().enumerate().skip(1).take(10) {
        let before = &words[..i];
        // ("Renting wins", "Saving early pays off": a gerund opening the
        // subject names an activity, no verb of the heading's own; so
        // after a question word, "How caching works".)
        let asks = |k: usize| {
            k == 1
                && matches!(
                    before[0].norm.as_str(),
                    "how" | "why" | "when" | "where" | "what"
                )
        };
        let after_nouns = |k: usize| gerund_after_nouns(before, k, asks(1));
        let gerund = |k: usize| (k == 0 || asks(k) || after_nouns(k)) && gerund_at(&words, k);
        let opens_with_gerund = gerund(0) || (i > 1 && gerund(1));
        // ("The upload fails": a word after an article is a noun, whatever
        // the tagger read.)
        let after_article =
            |k: usize| k > 0 && matches!(before[k - 1].norm.as_str(), "the" | "a" | "an");
        let subject = before.iter().enumerate().any(|(k, b)| {
            b.pos.is_nominal()
                || b.pos == Pos::Pron
                || b.pos == Pos::Num
                || gerund(k)
                || after_article(k)
        });
        // A subject may carry a preposition ("The velocity of the team is
        // decreased"), but cannot open with one ("In sequence").
        // ("How versioned URLs can help": a participle before a noun
        // modifies it.)
        let modifier = |k: usize| {
            before[k].norm.ends_with("ed") && words.get(k + 1).is_some_and(|n| n.pos.is_nominal())
        };
        if before.iter().enumerate().any(|(k, b)| {
            matches!(b.pos, Pos::Verb | Pos::Aux)
                && !gerund(k)
                && !modifier(k)
                && (b.pos == Pos::Aux || !after_article(k))
        }) {
            return None;
        }
        // Nor with a conjunction: "Before you get started" is a clause
        // placing advice, not a statement with "before you" its subject.
        if !subject || matches!(before[0].pos, Pos::Adp | Pos::Sconj) {
            continue;
        }
        // A verb after a conjunction is the clause's ("Discard before you
        // feed"): the heading's own verb would come first.
        if before[1..]
            .iter()
            .any(|b| LEXICON.is(&b.norm, Role::PlacingConjunction))
        {
            continue;
        }
        if in_a_clause(before) {
            return None;
        }
        // Right after a preposition or "and", a verb form begins a noun
        // phrase ("number of open issues and open pull requests").
        if matches!(before[i - 1].pos, Pos::Adp | Pos::Cconj) && before[i - 1].norm != "to" {
            continue;
        }
        if noun_in_a_phrase(w, before, i + 1 == words.len()) {
            continue;
        }
        if verb_at(&words, i, (opens_with_gerund, i == 1 || asks(i - 1)), loose) {
            return Some(i);
        }
    }
    None
}

/// Is word `i` of the heading's content words its verb, after a subject
/// that may open with a gerund (`opens_with_gerund`) or follow a question
/// word (`first_after`: right after it, or the heading's second word)?
fn verb_at(
    words: &[&Word],
    i: usize,
    (opens_with_gerund, first_after): (bool, bool),
    loose: bool,
) -> bool {
    let (w, prev) = (words[i], words[i - 1]);
    let infinitive = prev.norm == "to";
    if !infinitive
        && (!opens_with_gerund || agrees_with_a_gerund(w))
        && (w.pos == Pos::Aux || (w.pos == Pos::Verb && !w.norm.ends_with("ing")))
    {
        return true;
    }
    // ("The upload fails with a timeout": a verb in "-s" reporting a
    // trouble, lexicon role `symptom`, after a singular noun is its verb;
    // not "Test error flows", whose "error" is a noun.)
    // (Its entry may run on: "times out".)
    let symptom = w.pos == Pos::Noun
        && looks_plural(&w.norm)
        && prev.pos.is_nominal()
        && !looks_plural(&prev.norm)
        && can_be_verb(&w.norm)
        && {
            let norms: Vec<&str> = words[i..].iter().map(|w| w.norm.as_str()).collect();
            LEXICON.opening(&norms, Role::Symptom).is_some()
        };
    symptom
        || verb_before_article(w, prev, words.get(i + 1))
        || (loose && i + 1 == words.len() && noun_read_as_verb(w, prev, opens_with_gerund))
        || (first_after && base_after_plural(&words[i - 1..]))
}

/// "DNS caching is fast", "Why DNS caching is fast": nouns modifying a
/// gerund may come before it (after the question word `asks` says opens
/// the heading), up to three; is word `k` of `before` such a gerund's
/// place?
fn gerund_after_nouns(before: &[&Word], k: usize, asks: bool) -> bool {
    let from = usize::from(asks);
    k > from && k - from <= 3 && before[from..k].iter().all(|b| b.pos.is_nominal())
}

/// "The resolver queries the root servers": a noun in "-s" that can be a
/// verb, between a singular noun (`prev`) and an article (`next`), is the
/// verb; no noun runs into an article.
fn verb_before_article(w: &Word, prev: &Word, next: Option<&&Word>) -> bool {
    next.is_some_and(|n| matches!(n.norm.as_str(), "the" | "a" | "an" | "its" | "their"))
        && w.pos == Pos::Noun
        && prev.pos.is_nominal()
        && !looks_plural(&prev.norm)
        && looks_plural(&w.norm)
        && known_verb(&verb_base(&w.norm)) == Some(true)
}

/// A word the tagger took for a verb that is a noun of the subject's
/// phrase: "Open issues" (a word in -s right after an adjective is a
/// plural noun); "Number of open pull requests" (a last word in -s after
/// a noun, when the subject carries "of"); "Work overload", "Task list"
/// (a singular noun cannot take a verb in its base form, so the second
/// word is a noun too; a pronoun can: "You matter").
fn noun_in_a_phrase(w: &Word, before: &[&Word], last: bool) -> bool {
    let prev = before[before.len() - 1];
    let of_phrase_end = last && prev.pos.is_nominal() && before.iter().any(|b| b.norm == "of");
    let plural_noun =
        w.pos == Pos::Verb && looks_plural(&w.norm) && (prev.pos == Pos::Adj || of_phrase_end);
    let compound = w.pos == Pos::Verb
        && is_base(&w.norm)
        && prev.pos == Pos::Noun
        && !looks_plural(&prev.norm)
        && !LEXICON.is(&prev.norm, Role::IrregularPlural);
    plural_noun || compound
}

/// "Schools focus far too much on grammar": a plural noun opening the
/// heading, then a verb's base form the tagger took for a noun (or an
/// adjective or adverb: "Why locks slow down writes"), then an adverb or a
/// preposition, which no compound has there.
pub(super) fn base_after_plural(words: &[&Word]) -> bool {
    let [prev, w, next, ..] = words else {
        return false;
    };
    matches!(w.pos, Pos::Noun | Pos::Adj | Pos::Adv)
        && prev.pos == Pos::Noun
        && looks_plural(&prev.norm)
        && is_base(&w.norm)
        && known_verb(&w.norm) == Some(true)
        && matches!(next.pos, Pos::Adv | Pos::Adp)
}

/// The last word of a "how"/"why" heading, which the tagger took for a
/// noun, is its verb: "How an index works" (a word in -s after a singular
/// noun, or after a gerund: "How caching works"), "Why the questions
/// matter" (a base form after a plural noun, which a noun cannot follow
/// there).
fn noun_read_as_verb(w: &Word, prev: &Word, after_gerund: bool) -> bool {
    let plural_verb = w.norm.ends_with('s')
        && !w.norm.ends_with("ss")
        && (prev.pos.is_nominal() || after_gerund)
        && !prev.norm.ends_with('s');
    let base_verb = is_base(&w.norm)
        && !w.norm.ends_with('s')
        && prev.pos == Pos::Noun
        && looks_plural(&prev.norm);
    w.pos == Pos::Noun && (plural_verb || base_verb)
}

/// "Conway's Law simply states that…": after the heading's words that
/// open the sentence (`named` of them) and any adverb, a word in -s the
/// dictionary knows as a verb, before "that", an article or a pronoun, is
/// the verb, however the tagger read it (a name's capitals mislead it);
/// its index; so is one between a singular noun and a plural one, when no
/// verb comes later, and a base form after a plural noun before an article
/// or a pronoun. After one word naming the subject ("SSH binds to port
/// 4000", "Nginx listens on…") a preposition may follow too, when no verb
/// comes later to be the sentence's own ("Python lists in memory are…").
pub(super) fn misread_verb(w: &[Word], named: usize) -> Option<usize> {
    if named == 0 {
        return None;
    }
    let k = named + w[named..].iter().take_while(|w| w.pos == Pos::Adv).count();
    let word = w.get(k)?;
    let next = w.get(k + 1)?;
    let later_verb =
        (k + 2..w.len()).any(|j| matches!(w[j].pos, Pos::Aux | Pos::Verb) && w[j - 1].norm != "to");
    let name_then_place = named == 1
        && matches!(w[0].pos, Pos::Noun | Pos::Propn)
        && matches!(next.pos, Pos::Adp | Pos::Part)
        && next.norm != "of"
        && !later_verb;
    // ("This stage flushes writes": a singular noun, the word in -s,
    // a plural noun and no verb later; three nouns in a row read so.)
    let agrees_with_object = next.pos == Pos::Noun
        && looks_plural(&next.norm)
        && !later_verb
        && w[k - 1].pos == Pos::Noun
        && !looks_plural(&w[k - 1].norm);
    // ("The replicas elect a leader": a base form after a plural noun,
    // before its object.)
    let base_after_plural = !word.norm.ends_with('s')
        && is_base(&word.norm)
        && known_verb(&word.norm) == Some(true)
        && w[k - 1].pos == Pos::Noun
        && looks_plural(&w[k - 1].norm)
        && matches!(next.pos, Pos::Det | Pos::Pron | Pos::Adv);
    let in_s = word.norm.ends_with('s')
        && known_verb(&verb_base(&word.norm)) == Some(true)
        && (matches!(next.pos, Pos::Det | Pos::Sconj | Pos::Pron)
            || next.norm == "that"
            || name_then_place
            || agrees_with_object);
    (!matches!(word.pos, Pos::Aux | Pos::Verb) && (in_s || base_after_plural)).then_some(k)
}

/// "Challenges addressed by load balancers", "Tools used in production": a
/// noun phrase, then a participle and its preposition, names things; it
/// states nothing. The participle is in "-ed" or one the dictionary knows
/// ("Databases built on key-value stores"), and the noun phrase may hold
/// "of" ("Survey of tools written in Go"); so do one closing the heading
/// ("Lessons learned") or before "to be" ("Tools built to be shared"). "No
/// mess left behind" is a rule. ("Prices rose in spring"
/// states, and so does "The size reported in the stats is wrong", whose
/// verb comes later.)
pub(super) fn reduced_relative(words: &[&Word]) -> bool {
    (1..words.len().min(6)).any(|k| {
        let participle = (words[k].norm.ends_with("ed") && words[k].norm.len() >= 4)
            || past_participle(&words[k].norm);
        // ("…designed to be copied": "to be" is the participle's.)
        let to_be = words.get(k + 1).is_some_and(|w| w.norm == "to")
            && words.get(k + 2).is_some_and(|w| w.norm == "be");
        let later_verb = words[k + 1 + 2 * usize::from(to_be)..]
            .iter()
            .any(|w| be_or_aux(w));
        let nominal = |w: &&Word| {
            matches!(w.pos, Pos::Noun | Pos::Adj | Pos::Det | Pos::Propn) || w.norm == "of"
        };
        // (Or "to be", "Software designed to be copied", or nothing after
        // it, "Lessons learned", "Dependencies reconsidered".)
        let after = to_be || words.get(k + 1).is_none_or(|w| w.pos == Pos::Adp);
        participle
            && !later_verb
            && after
            && words[..k].iter().all(nominal)
            && !matches!(words[0].norm.as_str(), "of" | "no")
            && !matches!(words[k - 1].pos, Pos::Det | Pos::Adp)
    })
}

/// "10 things I wish I knew", "Tools we use every day": a plural noun
/// phrase, then a personal pronoun opening a clause about it (its "that"
/// left out), names things; the pronoun's verb is not the heading's.
pub(super) fn contact_clause(words: &[&Word]) -> bool {
    let Some(k) = words
        .iter()
        .position(|w| matches!(w.norm.as_str(), "i" | "you" | "we" | "they"))
    else {
        return false;
    };
    k >= 1
        && words[..k]
            .iter()
            .all(|w| matches!(w.pos, Pos::Num | Pos::Det | Pos::Adj | Pos::Noun))
        && words[k - 1].pos == Pos::Noun
        && looks_plural(&words[k - 1].norm)
        && words[k + 1..]
            .iter()
            .find(|w| w.pos != Pos::Adv)
            .is_some_and(|v| matches!(v.pos, Pos::Verb | Pos::Aux))
}

/// A subject, then a finite verb before word `end` of the heading
/// ("Rclone gives …", not "Pros and cons").
pub(super) fn states_before(h: &Analysis, end: usize) -> bool {
    let words = &h.words[..end];
    let words = match words.first() {
        Some(w) if w.pos == Pos::Det => &words[1..],
        _ => words,
    };
    words.len() >= 2
        && words[0].pos.is_nominal()
        && words[1..].iter().any(|w| {
            matches!(w.pos, Pos::Verb | Pos::Aux)
                && !w.norm.ends_with("ing")
                && !is_base(&w.norm)
                && !w.norm.ends_with("ed")
        })
}

/// Does a statement heading report a trouble (lexicon role `symptom`:
/// "…fails with a timeout", "…leaks memory")?
pub(super) fn reports_trouble(words: &[&Word]) -> bool {
    let norms: Vec<&str> = words.iter().map(|w| w.norm.as_str()).collect();
    // ("There is no such thing as an old talk": an idiom of denial, no
    // error.)
    LEXICON
        .find(&norms, Role::Symptom)
        .iter()
        .any(|&(_, end)| norms.get(end) != Some(&"thing"))
}

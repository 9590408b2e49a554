//! The shape of a phrase a cloze could hide: where it stands in its
//! sentence (completing a verb, in the main clause), whether it is a whole
//! phrase and not one item of a list, and whether it stands apart from the
//! marks around it.

use crate::lesson::language::{LEXICON, Pos, Role, Word, verb_reading};
use crate::lesson::text::stem;

use super::forms::looks_plural;

/// Does the phrase starting at `a` complete a verb: its object or
/// complement, with at most an article, a possessive, an adverb and one
/// preposition between ("can become {a bottleneck}", "results in {a
/// timeout}", "is not about {memorizing answers}"), when that verb says
/// what the subject is or brings about ([`characterises`])? English puts
/// the new information of a clause there (end focus); a phrase deeper in
/// the sentence ("…in your {relevant community}") or the subject (the
/// topic, which the rest of the sentence gives away) rarely carries it.
pub(super) fn completes_a_verb(words: &[&Word], a: usize) -> bool {
    let mut k = a;
    let mut prepositions = 0;
    while k > 0 {
        k -= 1;
        let w = words[k];
        match w.pos {
            Pos::Verb | Pos::Aux => return characterises(&w.norm) && named_subject(words, k),
            // "…, not a {disguised strength}": what a contrast sets apart.
            _ if w.norm == "not" && k > 0 && words[k - 1].norm == "," => return true,
            Pos::Det | Pos::Part | Pos::Adv => {}
            Pos::Pron
                if matches!(
                    w.norm.as_str(),
                    "your" | "its" | "their" | "our" | "his" | "her" | "my"
                ) => {}
            // "treated as {a black box}", "known as {a race}": what a
            // thing counts as.
            Pos::Adp if prepositions == 0 && w.norm == "as" => return true,
            Pos::Adp if prepositions == 0 => prepositions += 1,
            _ => return false,
        }
    }
    false
}

/// Is the subject of the verb at `k` named, not a pronoun ("it's a
/// {personal project}", "as that is the {ideal temperature}") or the
/// "there" of "There is {lively debate}", which leave the card without
/// what the complement is said of?
fn named_subject(words: &[&Word], k: usize) -> bool {
    let before = words[..k]
        .iter()
        .rev()
        .find(|w| !matches!(w.pos, Pos::Aux | Pos::Adv | Pos::Part | Pos::Verb));
    !before.is_some_and(|w| w.pos == Pos::Pron || w.norm == "there")
}

/// Verbs whose complement says what the subject is or brings about ("is
/// {a black box}", "can become {a bottleneck}", "results in {a timeout}"):
/// there the sentence states its idea. The object of a verb of doing
/// ("does {the heavy lifting}", "pulls {the required images}") is mostly a
/// detail of the doing, which a reader can guess.
fn characterises(verb: &str) -> bool {
    matches!(
        verb,
        "is" | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "'s"
            | "'re"
            | "become"
            | "becomes"
            | "became"
            | "remain"
            | "remains"
            | "means"
            | "mean"
            | "called"
            | "named"
            | "known"
            | "termed"
            | "represents"
            | "represent"
            | "results"
            | "result"
            | "resulted"
            | "leads"
            | "lead"
            | "causes"
            | "cause"
            // "make {a software tradeoff}": the noun carries the meaning.
            | "make"
            | "makes"
    )
}

/// Where the main clause starts: after an opening condition or time clause
/// ("If the copy is stale, …", "Given a key, …"), which sets the scene for
/// the idea rather than carrying it.
pub(super) fn main_clause_start(words: &[&Word]) -> usize {
    let Some(first) = words.iter().find(|w| !w.is_punct()) else {
        return 0;
    };
    let opens = first.pos == Pos::Sconj
        || matches!(
            first.norm.as_str(),
            "if" | "when" | "whenever" | "while" | "unless" | "although" | "once" | "given" | "as"
        );
    if !opens {
        return 0;
    }
    words
        .iter()
        .position(|w| w.norm == ",")
        .map_or(0, |k| k + 1)
}

/// The end of chunk `a..b` without its last word when that is the verb the
/// tagger missed.
pub(super) fn without_missed_verb(words: &[&Word], a: usize, b: usize) -> usize {
    // "…their order matters.", "muscles repair and…": a last word with
    // a verb reading, in the other number than the noun before it, at the
    // end of the clause, is the verb the tagger missed.
    if b - a < 2 {
        return b;
    }
    let last = &words[b - 1];
    let prev = &words[b - 2];
    let closes = words.get(b).is_none_or(|n| {
        matches!(
            n.pos,
            Pos::Punct
                | Pos::Sconj
                | Pos::Det
                | Pos::Pron
                | Pos::Adv
                | Pos::Adp
                | Pos::Part
                | Pos::Cconj
        )
    });
    // An object right after it ("failure test your honesty") makes
    // the last word a verb whatever its number.
    let object_follows = words
        .get(b)
        .is_some_and(|n| matches!(n.pos, Pos::Det | Pos::Pron));
    let base = if object_follows {
        Some(
            last.norm
                .strip_suffix('s')
                .unwrap_or(&last.norm)
                .to_string(),
        )
    } else if looks_plural(&last.norm) && !looks_plural(&prev.norm) {
        Some(last.norm[..last.norm.len() - 1].to_string())
    } else if !looks_plural(&last.norm) && looks_plural(&prev.norm) {
        Some(last.norm.clone())
    } else {
        None
    };
    if (prev.pos.is_nominal() || prev.pos == Pos::Num)
        && closes
        && base.is_some_and(|b| verb_reading(&b))
    {
        b - 1
    } else {
        b
    }
}

/// Is `a..b` a whole phrase: not cut out of a longer one ("highly
/// {available systems}", "{learning data} structures", "the most {limited
/// memory}"), not a quantity ("{3 days}"), not an example introduced by
/// "such as" or "like", not a name of the example being walked through
/// ("the {Blue team}")?
pub(super) fn whole(text: &str, words: &[&Word], norms: &[&str], a: usize, b: usize) -> bool {
    let before = a.checked_sub(1).map(|k| words[k]);
    let modified = before.is_some_and(|w| {
        w.pos == Pos::Adv || (w.pos == Pos::Adj && LEXICON.is(&w.norm, Role::Generic))
    });
    // "A {Twitter} handle, a URL…": a word the tagger took for a verb, with
    // a comma or a conjunction right after it, is the second half of a
    // compound noun.
    let compound_verb = |k: usize| {
        words.get(k).is_some_and(|w| w.pos == Pos::Verb)
            && words
                .get(k + 1)
                .is_some_and(|n| n.pos == Pos::Cconj || matches!(n.norm.as_str(), "," | ";"))
    };
    let continues = words
        .get(b)
        .is_some_and(|w| w.pos.is_nominal() || w.pos == Pos::Num)
        || compound_verb(b);
    let quantity =
        words[a].pos == Pos::Num || words[a].norm.starts_with(|c: char| c.is_ascii_digit());
    // After "such as" in the same clause, a phrase is one of the examples.
    let clause = norms[..a]
        .iter()
        .rposition(|w| matches!(*w, ";" | ":" | "\u{2014}"))
        .map_or(0, |k| k + 1);
    let example = !LEXICON.find(&norms[clause..a], Role::Example).is_empty();
    // "the app stores config": a plural inside the phrase with a verb
    // reading, after a singular noun, is the verb the tagger missed.
    // "…but {requests major changes}": a first word in -s with a verb
    // reading, before an adjective or an article, is a verb and its object.
    let verb_first = b - a >= 2
        && looks_plural(&words[a].norm)
        && matches!(words[a + 1].pos, Pos::Adj | Pos::Det)
        && verb_reading(&words[a].norm[..words[a].norm.len() - 1]);
    let missed_verb = verb_first
        || (a + 1..b.saturating_sub(1)).any(|k| {
            let (w, prev) = (words[k], words[k - 1]);
            looks_plural(&w.norm)
                && !looks_plural(&prev.norm)
                && prev.pos.is_nominal()
                && verb_reading(&w.norm[..w.norm.len() - 1])
        });
    let first = &words[a];
    let word = |w: &Word| -> bool { w.norm.chars().all(char::is_alphabetic) };
    let capitalised = a > 0
        && b - a >= 2
        && word(first)
        && first.norm.len() > 1
        && words[a..b]
            .iter()
            .skip(1)
            .all(|w| word(w) && w.norm.len() > 1)
        && capitalised_word(&text[first.start..first.end])
        && words[a + 1..b]
            .iter()
            .all(|w| text[w.start..w.end].chars().all(char::is_lowercase));
    !(modified || continues || quantity || example || capitalised || missed_verb)
}

/// One capital, then lower case ("Blue"), as a name is written.
pub(super) fn capitalised_word(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase)
}

/// A span worth hiding: a noun in it, no finite verb or pronoun, not a
/// reference to the document, not headed by a general or tiny word.
pub(super) fn testable(span: &[&Word]) -> bool {
    if !span.iter().any(|w| w.pos.is_nominal())
        || span.iter().any(|w| {
            w.pos == Pos::Aux
                || (w.pos == Pos::Verb && !w.norm.ends_with("ing") && !w.norm.ends_with("ed"))
        })
    {
        return false;
    }
    // A pronoun or a negation ("{cannot mistype}") is no part of a noun
    // phrase: the tagger took a verb for a noun. Nor is a word opening a
    // clause ("is {essential whichever techniques} you use").
    if span.iter().any(|w| {
        w.pos == Pos::Pron
            || w.negates()
            || matches!(
                w.norm.as_str(),
                "no" | "which" | "whichever" | "whatever" | "whose"
            )
    }) {
        return false;
    }
    let head = span.last().expect("non-empty");
    // "Listing 8-21", "Chapter 10": a reference to the document, not an idea.
    if head.norm.chars().any(|c| c.is_ascii_digit()) && span.len() >= 2 {
        return false;
    }
    !(LEXICON.is(&head.norm, Role::Generic) || head.norm.chars().count() < 3)
}

/// A word the rest of the sentence repeats gives itself away.
pub(super) fn repeated_elsewhere(words: &[&Word], a: usize, b: usize, stems: &[String]) -> bool {
    words
        .iter()
        .enumerate()
        .filter(|(k, w)| (*k < a || *k >= b) && !w.pos.is_function())
        .any(|(_, w)| stems.contains(&stem(&w.norm)))
}

/// One item of a list: a comma or "and"/"or" joins it to a like phrase.
pub(super) fn in_a_list(words: &[&Word], a: usize, b: usize) -> bool {
    let joined = |k: usize| {
        words
            .get(k)
            .is_some_and(|w| matches!(w.norm.as_str(), "," | "and" | "or" | "/"))
    };
    let like = |k: usize| {
        words.get(k).is_some_and(|w| {
            matches!(
                w.pos,
                Pos::Noun | Pos::Propn | Pos::Adj | Pos::Num | Pos::Det
            )
        })
    };
    // "atomic reads and writes": two plural words joined, whatever their
    // tags, are a list too.
    let plural_pair = |k: usize| {
        words.get(k).is_some_and(|w| looks_plural(&w.norm))
            && words.get(b - 1).is_some_and(|w| looks_plural(&w.norm))
    };
    let comma_then =
        |k: usize| words.get(k).is_some_and(|w| w.norm == ",") && k >= 1 && like(k - 1);
    (a >= 2 && joined(a - 1) && (like(a - 2) || comma_then(a - 2)))
        || (joined(b) && (like(b + 1) || plural_pair(b + 1)))
        || (joined(b) && words.get(b + 1).is_some_and(|w| w.pos == Pos::Det) && like(b + 2))
}

/// The span `start..end` of `text` has no brackets, quotes or code marks and
/// is not glued to a mark (".org", "x/y"): not part of a larger token.
pub(super) fn stands_alone(text: &str, start: usize, end: usize) -> bool {
    if text[start..end].contains(['(', ')', '"', '\u{201c}', '\u{201d}', '`']) {
        return false;
    }
    // Glued to a mark (".org", "x/y"): part of a larger token.
    let glued_before = text[..start]
        .chars()
        .next_back()
        .is_some_and(|c| !c.is_whitespace() && !matches!(c, '(' | '"' | '\u{201c}' | '\u{2014}'));
    // "Contributor License Agreement (CLA)": a short form in brackets
    // repeats the words before it.
    if text[..start].ends_with('(') && text[end..].starts_with(')') {
        return false;
    }
    // "Option<T>", "Cache-Control: max-age", "name[0]": the phrase is a
    // label or part of a notation.
    let glued_after = text[end..]
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, '/' | '-' | '_' | '<' | '[' | ':'));
    !(glued_before || glued_after)
}

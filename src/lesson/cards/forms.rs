//! Word forms a question needs: a heading's number, a gerund's base form
//! ("storing" → "store"), a third-person verb's ("works" → "work"),
//! and whether a word is a verb's base form ("feed") or a form of one
//! ("needs"); and whether a sentence advises in the imperative.

use crate::lesson::language::{
    Analysis, LEXICON, Pos, Role, Word, analyse, ever_mass, known_verb, known_word, verb_reading,
};
use crate::lesson::text::wholly_quoted;

/// Is the heading's head noun (the last noun before a preposition) plural?
pub(super) fn is_plural(h: &Analysis) -> bool {
    // The head noun: the last noun before a preposition.
    let mut head = None;
    for w in h.content() {
        if w.pos == Pos::Adp {
            break;
        }
        if w.pos.is_nominal() {
            head = Some(w.norm.clone());
        }
    }
    // ("Confirmation bias", "Fake news": a noun of its own in "-s";
    // "People": a plural without one.)
    head.is_some_and(|n| {
        (n.ends_with('s')
            && !n.ends_with("ss")
            && !n.ends_with("us")
            && !n.ends_with("is")
            && !crate::lesson::language::singular_in_s(&n))
            || crate::lesson::language::plural_without_s(&n)
    })
}

/// Is a heading read as a noun phrase plural, its last word counted as
/// its head even where the tagger took it for a verb ("Character Sets")?
pub(super) fn is_plural_phrase(h: &Analysis) -> bool {
    let words: Vec<&Word> = h.content().collect();
    is_plural(h)
        || matches!(words.as_slice(), [.., before, last]
            if last.pos == Pos::Verb
                && before.pos.is_nominal()
                && last.norm.ends_with('s')
                && !last.norm.ends_with("ss"))
}

/// A gerund's base form, "creating" → "create", if the tagger reads a verb.
pub(super) fn gerund_base(g: &str) -> Option<String> {
    let stem = g.strip_suffix("ing")?;
    let mut options = vec![stem.to_string(), format!("{stem}e")];
    let bytes = stem.as_bytes();
    let doubled = bytes.len() >= 2 && bytes[bytes.len() - 1] == bytes[bytes.len() - 2];
    if doubled {
        options.insert(0, stem[..stem.len() - 1].to_string());
    }
    // ("Bring", "string": a verb's own base ends in "-ing" too, and no
    // shorter verb is in it; "hiring" is "hire" in the dictionary.)
    if known_verb(g) == Some(true) && options.iter().all(|o| known_verb(o) != Some(true)) {
        return None;
    }
    // "storing": "stor" is no verb, "store" is; "writing": "writ" may be
    // one, but the dictionary knows "write" first ("passing": "pass", a
    // verb ending in a double letter). A form the dictionary knows wins.
    if let Some(e_form) = options.iter().find(|b| b.ends_with('e')).cloned()
        && known_verb(&e_form) == Some(true)
        && !(doubled && known_verb(stem) == Some(true))
    {
        return Some(e_form);
    }
    if let Some(known) = options
        .iter()
        .find(|b| b.len() >= 3 && known_verb(b) == Some(true))
    {
        return Some(known.clone());
    }
    options
        .into_iter()
        .find(|b| b.len() >= 3 && known_verb(b).is_none() && verb_reading(b))
}

/// The base form of a third-person verb ("works" → "work"). After a
/// sibilant the "e" may be the ending's or the verb's ("reaches",
/// "caches", "initializes"): the dictionary says which.
pub(super) fn verb_base(v: &str) -> String {
    match v {
        "has" => "have".into(),
        "does" => "do".into(),
        "goes" => "go".into(),
        _ if v.ends_with("ies") && v.len() > 4 => format!("{}y", &v[..v.len() - 3]),
        _ if ["sses", "shes", "ches", "xes", "zes"]
            .iter()
            .any(|e| v.ends_with(e)) =>
        {
            let short = &v[..v.len() - 2];
            let long = &v[..v.len() - 1];
            if known_verb(short) != Some(true) && known_verb(long) == Some(true) {
                long.to_string()
            } else {
                short.to_string()
            }
        }
        _ if v.ends_with('s') && !v.ends_with("ss") => v[..v.len() - 1].to_string(),
        _ => v.to_string(),
    }
}

/// "You can add…", "you should see…", "you have to delete…": the reader
/// and a modal open the sentence, saying what to do.
pub(super) fn addressed_modal(a: &Analysis) -> bool {
    // A short phrase setting the case may come first, commas and all ("As a
    // junior developer, you should…", "Orthogonal to the…, you can…", "When
    // you deprecate a call, you…": the "you" after the comma).
    let you = a
        .words
        .iter()
        .take(14)
        .enumerate()
        .position(|(k, w)| w.norm == "you" && k > 0 && a.words[k - 1].norm == ",")
        .or_else(|| a.words.iter().take(14).position(|w| w.norm == "you"));
    let after_case = a.words[..you.unwrap_or(0)]
        .iter()
        .rposition(|w| w.norm == ",")
        .filter(|&k| you == Some(k + 1))
        .filter(|_| {
            let pos = |k: usize| a.words.get(k).map(|w| w.pos);
            // ("When you deprecate a call, you should…": or a clause
            // placing the advice in time or case, lexicon role
            // `placing-conjunction`.)
            matches!(pos(0), Some(Pos::Adp | Pos::Adj | Pos::Sconj))
                || pos(1) == Some(Pos::Adp)
                || LEXICON.is(&a.words[0].norm, Role::PlacingConjunction)
        })
        .map_or(0, |k| k + 1);
    let w = a.words[after_case..].iter().filter(|w| !w.is_punct());
    let w: Vec<&str> = w.take(4).map(|w| w.norm.as_str()).collect();
    // ("You may have noticed that…": what the reader did, not advice.)
    let perfect = w.get(2) == Some(&"have") && w.get(3).is_some_and(|p| p.ends_with("ed"));
    w.first() == Some(&"you")
        && match w.get(1).copied().unwrap_or("") {
            "can" | "could" | "should" | "must" | "need" | "will" | "may" => !perfect,
            "have" => w.get(2) == Some(&"to"),
            _ => false,
        }
}

/// "Kneading" → "knead", "Scheduling a meeting" → "schedule a meeting",
/// "Reaching out" → "reach out": an activity named by a gerund, alone or
/// before what it acts on, which an article, a pronoun, a preposition or a
/// particle opens ("Meeting notes" names notes, no activity).
pub(super) fn activity_done(x: &str) -> Option<String> {
    let (first, rest) = x.split_once(' ').unwrap_or((x, ""));
    let base = gerund_base(first)?;
    if rest.is_empty() {
        return Some(base);
    }
    let a = crate::lesson::language::analyse(rest);
    let opens = a.content().next()?;
    matches!(
        opens.pos,
        Pos::Det | Pos::Pron | Pos::Adp | Pos::Adv | Pos::Part
    )
    .then(|| format!("{base} {rest}"))
}

/// "If we insert the same key twice, …", "When you call `get`, …": what
/// happens when the reader (or the writer with them) does something, as a
/// tutorial says how a thing is done.
pub(super) fn addressed_condition(a: &Analysis) -> bool {
    let mut words = a.content();
    words
        .next()
        .is_some_and(|w| matches!(w.norm.as_str(), "if" | "when"))
        && words
            .next()
            .is_some_and(|w| matches!(w.norm.as_str(), "you" | "we"))
        && words
            .next()
            .is_some_and(|w| matches!(w.pos, Pos::Verb) && is_base(&w.norm))
}

/// Ends like a plural noun or a third-person verb ("servers", "works");
/// a name with a dot inside ("Vue.js") is one thing.
pub(super) fn looks_plural(w: &str) -> bool {
    w.ends_with('s') && !w.ends_with("ss") && !w.contains('.')
}

/// A verb in its base form, by shape: imperatives are base forms.
pub(super) fn is_base(w: &str) -> bool {
    // "Feed", "bring", "focus": a verb's base form that only looks like
    // a past, a gerund or a plural, as the dictionary knows.
    let looks_inflected = w.ends_with("ing") || w.ends_with("ed") || looks_plural(w);
    // (Verbs in "-ing" are short, "bring", "spring"; the dictionary lists
    // some nouns of activity as verbs too, "timekeeping".)
    let long_ing = w.ends_with("ing") && w.chars().count() >= 7;
    !looks_inflected || (known_verb(w) == Some(true) && inflected_from(w).is_none() && !long_ing)
}

/// The verb a word in -ing, -ed or -s is a form of, when the dictionary
/// knows one: "hiring" → "hire", "used" → "use", "aimed" → "aim", "needs"
/// → "need"; "feed", "bring" and "focus" are forms of nothing shorter.
pub(super) fn inflected_from(w: &str) -> Option<String> {
    if w.ends_with("ing") {
        return gerund_base(w);
    }
    let mut stems: Vec<String> = Vec::new();
    if let Some(s) = w.strip_suffix("ed") {
        stems.push(s.to_string());
        if s.len() >= 2 && s.as_bytes()[s.len() - 1] == s.as_bytes()[s.len() - 2] {
            stems.push(s[..s.len() - 1].to_string());
        }
        if let Some(s) = s.strip_suffix('i') {
            stems.push(format!("{s}y"));
        }
    }
    if let Some(s) = w
        .strip_suffix('d')
        .filter(|s| s.ends_with('e') && !s.ends_with("ee"))
    {
        stems.push(s.to_string());
    }
    if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        stems.push(verb_base(w));
    }
    stems
        .into_iter()
        .find(|s| s.len() >= 3 && s != w && known_verb(s) == Some(true))
}

/// The heading's last word before any preposition: its head ("The rules"
/// of "The rules of references", "availability" of "Availability in
/// numbers").
pub(super) fn heading_head(h: &Analysis) -> Option<&Word> {
    h.content().take_while(|w| w.pos != Pos::Adp).last()
}

/// "a" or "an" before the word, by its sound as far as spelling tells: a
/// vowel letter takes "an", except a "u" said "you" ("a unit", "a user",
/// but "an update").
pub(super) fn indefinite(word: &str) -> &'static str {
    let lower = word.to_lowercase();
    let b = lower.as_bytes();
    let vowel = |c: u8| b"aeiou".contains(&c);
    match b {
        [b'u', b'n', b'i', ..] => "a",
        [b'u', c, d, ..] if !vowel(*c) && *c != b'n' && *c != b'p' && vowel(*d) => "a",
        [c, ..] if vowel(*c) => "an",
        _ => "a",
    }
}

/// "What matters about the DNS lookup?": a singular noun that is counted
/// takes "the" where a question names it as one thing, which a heading
/// leaves out ("DNS lookup", "Code audit"). Not a plural, a name, a noun
/// with its own determiner, one the dictionary marks as a mass noun
/// ("time", "access") or one whose ending makes it abstract ("anonymity",
/// "consistency", "courtesy", "awareness", "planning", "rotation",
/// "ownership", "childhood").
pub(super) fn the_one(h: &Analysis, x: &str) -> String {
    let words: Vec<&Word> = h.content().collect();
    let (Some(first), Some(head)) = (words.first(), heading_head(h)) else {
        return x.to_string();
    };
    let acronym_first = words.len() >= 2
        && first.norm.len() >= 2
        && x.split_whitespace()
            .next()
            .is_some_and(|w| w.chars().all(|c| c.is_ascii_uppercase()));
    let named = x.starts_with(char::is_uppercase) && !acronym_first;
    let abstract_ending = ABSTRACT_ENDINGS.iter().any(|e| head.norm.ends_with(e));
    let counted = head.pos == Pos::Noun
        && known_word(&head.norm)
        && !ever_mass(&head.norm)
        && !abstract_ending;
    let determined = matches!(first.pos, Pos::Det | Pos::Pron | Pos::Num)
        || first.is_possessive()
        || ["a ", "an ", "the "].iter().any(|a| x.starts_with(a))
        || wholly_quoted(x);
    // (Not a series, "time, temperature and yeast", nor a gerund's
    // phrase, "building the site".)
    let series = x.contains([',', '(', ':', '/']) || x.contains(" and ") || x.contains(" or ");
    let gerund = first.norm.ends_with("ing");
    // (Nor a clause, "streams avoid the block", a comparison or a number,
    // "layer 7", "book II".)
    let clause = words.iter().any(|w| matches!(w.pos, Pos::Verb | Pos::Aux))
        || words
            .iter()
            .any(|w| matches!(w.norm.as_str(), "vs" | "versus"))
        || x.chars().any(|c| c.is_ascii_digit())
        || x.split_whitespace()
            .last()
            .is_some_and(|w| w.chars().all(|c| c.is_uppercase()));
    let gerund = gerund || clause;
    if named || determined || series || gerund || is_plural(h) || !counted {
        return x.to_string();
    }
    format!("the {x}")
}

/// Endings of nouns for qualities, states and activities, rarely counted.
const ABSTRACT_ENDINGS: [&str; 12] = [
    "ity", "cy", "sy", "ness", "ism", "ance", "ence", "ing", "tion", "sion", "ship", "hood",
];

/// "Underpromise, overdeliver": two short pieces of advice set side by
/// side with a comma read as one, "underpromise and overdeliver", inside
/// a question. Anything else is left as it is.
pub(super) fn and_joined(advice: &str) -> String {
    let Some((a, b)) = advice.split_once(", ") else {
        return advice.to_string();
    };
    let short = |p: &str| (1..=3).contains(&p.split_whitespace().count());
    // (Its second piece opens with a verb, or a word the dictionary does
    // not know: "overdeliver"; not "not discussions".)
    let opens_plainly = b.split_whitespace().next().is_some_and(|w| {
        let first = analyse(w).words.first().map(|w| w.pos);
        known_verb(&w.to_lowercase()) != Some(false)
            && !matches!(
                first,
                Some(
                    Pos::Det
                        | Pos::Cconj
                        | Pos::Sconj
                        | Pos::Adv
                        | Pos::Adp
                        | Pos::Pron
                        | Pos::Part
                )
            )
    });
    if short(a) && short(b) && !b.contains(',') && opens_plainly {
        format!("{a} and {b}")
    } else {
        advice.to_string()
    }
}

/// Does the sentence give advice in the imperative? A base verb first; a
/// first word the tagger took for a noun that can be a verb, with an object
/// after it and no other verb ("Record failures as carefully as
/// successes."); or advice after an opening clause ("When asked about a
/// failure, name a real one").
pub(super) fn advises(a: &Analysis) -> bool {
    let content: Vec<&Word> = a.content().collect();
    let first_verb = content.iter().find(|w| !matches!(w.pos, Pos::Adv));
    let misread = content.len() >= 2
        && content[0].pos.is_nominal()
        && is_base(&content[0].norm)
        && matches!(content[1].pos, Pos::Det | Pos::Pron | Pos::Adj | Pos::Noun)
        && !content[1..]
            .iter()
            .any(|w| matches!(w.pos, Pos::Verb | Pos::Aux))
        && verb_reading(&content[0].norm);
    // "Pause before you answer", "Stop when it hurts": a verb the tagger
    // read as a noun, then a conjunction placing it in time, which no
    // subject opening a sentence takes.
    let placed_verb = content.len() >= 3
        && content[0].pos.is_nominal()
        && is_base(&content[0].norm)
        && LEXICON.is(&content[1].norm, Role::PlacingConjunction)
        && content[1].norm != "as"
        && verb_reading(&content[0].norm);
    // ("In your terminal, switch to the folder": a verb the tagger read
    // as a noun may take a preposition after the opening phrase too.)
    let verb_like = |w: &Word, next: Option<&Word>| {
        is_base(&w.norm)
            && (w.pos == Pos::Verb
                || (w.pos.is_nominal()
                    && next.is_some_and(|n| matches!(n.pos, Pos::Det | Pos::Pron | Pos::Adp))
                    && verb_reading(&w.norm)))
    };
    // ("Once it cools, strain it", "From the project folder, run…": a
    // clause or a place before the advice.)
    // ("For a deeper dive, see…" points elsewhere: only a place or a
    // time comes before advice so.)
    let placed = content.first().is_some_and(|w| {
        w.pos == Pos::Adp
            && matches!(
                w.norm.as_str(),
                "in" | "from" | "on" | "at" | "after" | "before" | "inside" | "within" | "during"
            )
    });
    let purpose = purpose_first(a, &content);
    // ("To check the status type:", "In your project type:" and the
    // command: the verb before the colon is the advice, no comma needed.)
    let before_command = (placed || purpose)
        && a.words.windows(2).any(|p| {
            p[1].norm == ":" && is_base(&p[0].norm) && LEXICON.is(&p[0].norm, Role::CodeObject)
        });
    let after_clause = before_command
        || (placed
            || purpose
            || matches!(content.first().map(|w| w.pos), Some(Pos::Sconj | Pos::Adv)))
            && a.words.iter().position(|w| w.norm == ",").is_some_and(|k| {
                a.words
                    .get(k + 1)
                    .is_some_and(|w| verb_like(w, a.words.get(k + 2)))
            });
    // "Don't leave it open", "Do not guess": a negated imperative.
    let negated = content.len() >= 3
        && content[0].norm == "do"
        && matches!(content[1].norm.as_str(), "not" | "n't")
        && is_base(&content[2].norm)
        && !matches!(content[2].pos, Pos::Pron | Pos::Det);
    // (A word the dictionary knows as no verb is none, however the tagger
    // reads it: "Software that either implements…".)
    // ("Be on guard…", "Also be mindful…": "be" in its base form opens
    // advice, though the tagger reads it as an auxiliary.)
    // ("Go has the usual…": a verb of the third person right after the
    // first word makes that word its subject; no imperative is followed
    // by one.)
    let subject_first = content
        .get(1)
        .is_some_and(|w| matches!(w.norm.as_str(), "has" | "is" | "was" | "does"));
    !subject_first
        && (first_verb.is_some_and(|w| (w.tagged_verb() || w.norm == "be") && is_base(&w.norm))
            || misread)
        || placed_verb
        || after_clause
        || negated
}

/// "To upgrade the engine, follow…": advice after its purpose. Not "To
/// learn more, see…", which points elsewhere, nor "To roll back to that
/// save point, use…", whose purpose names what the sentence before set up
/// ("…so that the build passes, …": "that" before a subject joins).
fn purpose_first(a: &Analysis, content: &[&Word]) -> bool {
    let opens = content.first().is_some_and(|w| w.norm == "to")
        && content.get(1).is_some_and(|w| is_base(&w.norm));
    if !opens {
        return false;
    }
    let comma = a
        .words
        .iter()
        .position(|w| w.norm == ",")
        .unwrap_or(a.words.len());
    let (purpose, rest) = a.words.split_at(comma);
    let leans_back = purpose
        .iter()
        .enumerate()
        .any(|(i, w)| match w.norm.as_str() {
            "this" | "these" | "those" => true,
            "that" => purpose
                .get(i + 1)
                .is_some_and(|n| !matches!(n.pos, Pos::Pron | Pos::Det | Pos::Aux)),
            _ => false,
        });
    let after_comma: Vec<&str> = rest.iter().skip(1).map(|w| w.norm.as_str()).collect();
    !leans_back && !LEXICON.points_away(&after_comma)
}

/// "An easy run is…" → "an easy run": the subject of a definition opening
/// with "a"/"an", when its words are the heading's (in any number) and
/// "is" follows them.
pub(super) fn defined_as(
    s: &super::sentence::Sent,
    heading: &std::collections::BTreeSet<String>,
) -> Option<String> {
    let words: Vec<&Word> = s.a.content().collect();
    let v = words.iter().position(|w| w.norm == "is")?;
    let subject = &words[1..v];
    let all_heading = !subject.is_empty()
        && subject.len() <= 4
        && subject
            .iter()
            .all(|w| heading.contains(&crate::lesson::text::stem(&w.norm)));
    all_heading.then(|| {
        format!(
            "{} {}",
            words[0].norm,
            &s.text[words[1].start..words[v - 1].end]
        )
    })
}

#[cfg(test)]
#[path = "forms_tests.rs"]
mod tests;

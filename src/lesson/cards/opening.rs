//! How a sentence opens before its subject and verb, for questions read
//! off the back (see docs/lessons.md, "Questions from the back"): a
//! phrase set off by a comma ("By default, the map uses…"), a gerund
//! phrase as the subject ("Paying from savings means…"), or a verb in -s
//! the tagger took for a plural noun ("Recovery replays the log…"), or
//! the heading itself ("With active-passive failover, heartbeats…").

use crate::lesson::language::{LEXICON, Pos, Role, Word, analyse, can_be_verb};
use crate::lesson::text::{capitalise, stem};

use super::ask::lower_first;
use super::finite::misread_verb;
use super::forms::{gerund_base, looks_plural};
use super::sentence::Sent;

/// The most words a phrase set off before the subject may have.
const FRONTED_WORDS: usize = 4;

/// The most words a subject may have before a verb the tagger misread.
const SUBJECT_RUN: usize = 8;

/// "By default, the map uses SipHash": a phrase of two to four words that
/// opens on a preposition, holds no verb and is set off by a comma, before
/// a sentence that leans on nothing. Gives the sentence after the comma
/// and the phrase, which the question keeps at its end ("What does the
/// map use by default?").
pub(super) fn fronted_phrase(s: &Sent) -> Option<(Sent, String)> {
    if s.leans.is_some() || s.quoted || s.fragment {
        return None;
    }
    let w = &s.a.words;
    let comma = w.iter().position(|w| w.is_punct())?;
    let phrase = &w[..comma];
    let plain = phrase
        .iter()
        .all(|w| !matches!(w.pos, Pos::Verb | Pos::Aux | Pos::Sconj | Pos::Pron) && !w.is_punct());
    if w[comma].norm != ","
        || !(2..=FRONTED_WORDS).contains(&comma)
        || w[0].pos != Pos::Adp
        || !plain
    {
        return None;
    }
    let rest = s.text[w[comma].end..].trim_start();
    if !rest.starts_with(|c: char| c.is_alphabetic()) {
        return None;
    }
    let after = Sent::new(capitalise(rest), s.kind);
    let said = lower_first(&s.text[w[0].start..w[comma - 1].end]);
    Some((after, said))
}

/// The most words a clause set off before the subject may have.
const CLAUSE_WORDS: usize = 14;

/// "If both replicas had 99.9% availability, the pair would have 99.9999%":
/// a clause of condition or time (lexicon role `placing-conjunction`) set
/// off by a comma before a main clause that holds only under it. Gives the
/// main clause and the clause, which the question keeps in front ("If…,
/// what would the pair have?"). Not a clause holding a pronoun that stands
/// for something named before, which the card does not show.
pub(super) fn fronted_clause(s: &Sent) -> Option<(Sent, String)> {
    if s.leans.is_some() || s.quoted || s.fragment {
        return None;
    }
    let w = &s.a.words;
    let opener = w.first()?;
    if !LEXICON.is(&opener.norm, Role::PlacingConjunction)
        || matches!(opener.norm.as_str(), "as" | "during" | "while")
    {
        return None;
    }
    let comma = w.iter().position(|w| w.norm == ",")?;
    let clause = &w[1..comma];
    let has_verb = clause_verb(clause).is_some();
    let leans = clause.iter().any(|w| {
        matches!(
            w.norm.as_str(),
            "it" | "its" | "this" | "that" | "these" | "those" | "they" | "them" | "their"
        )
    });
    // (Code marks around a name are no words: "If `a` and `b` fail,".)
    let words = clause.iter().filter(|w| !w.is_punct()).count();
    if !(2..=CLAUSE_WORDS).contains(&words) || !has_verb || leans {
        return None;
    }
    let rest = s.text[w[comma].end..].trim_start();
    if !rest.starts_with(|c: char| c.is_alphabetic()) {
        return None;
    }
    let after = Sent::new(capitalise(rest), s.kind);
    Some((after, s.text[w[0].start..w[comma - 1].end].to_string()))
}

/// Where the verb of a clause's words stands: the first the tagger read
/// as one, or its last word in -s after a noun, a verb the tagger took
/// for a noun ("when the kernel boots").
pub(super) fn clause_verb(words: &[Word]) -> Option<usize> {
    words
        .iter()
        .position(|w| matches!(w.pos, Pos::Verb | Pos::Aux))
        .or_else(|| {
            let [.., noun, last] = words else {
                return None;
            };
            (noun.pos.is_nominal()
                && last.pos == Pos::Noun
                && last.norm.ends_with('s')
                && can_be_verb(&last.norm))
            .then_some(words.len() - 1)
        })
}

/// The question a main clause asks, with the clause of condition before
/// it: "If…, " + "what would the pair have?". A question that names its
/// heading first keeps it first ("Replication: if…, what…?").
pub(super) fn with_clause(question: &str, clause: &str, shown: &str) -> String {
    let (prefix, asked) = match question
        .strip_prefix(shown)
        .and_then(|q| q.strip_prefix(": "))
    {
        Some(asked) if !shown.is_empty() => (format!("{shown}: "), asked),
        _ => (String::new(), question),
    };
    let clause = if prefix.is_empty() {
        capitalise(clause)
    } else {
        lower_first(clause)
    };
    format!("{prefix}{clause}, {}", lower_first(asked))
}

/// "(If the lease expires,) the worker should stop its job…": what is
/// left after a fronted clause, saying what someone should or must do,
/// asks what that is ("What should the worker do?", "What should it
/// do?"), for [`with_clause`] to put the clause before. `None` unless a
/// subject of one to four words, a noun phrase or "it", "they" or "you",
/// comes before "should" or "must" and a verb.
pub(super) fn what_to_do(after: &Sent) -> Option<String> {
    let w: Vec<&Word> = after.a.content().collect();
    let m = w
        .iter()
        .position(|w| matches!(w.norm.as_str(), "should" | "must"))?;
    let subject = &w[..m];
    let pronoun = matches!(subject, [p] if matches!(p.norm.as_str(), "it" | "they" | "you"));
    let named = (1..=4).contains(&subject.len())
        && subject.last().is_some_and(|n| n.pos.is_nominal())
        && subject
            .iter()
            .all(|n| !matches!(n.pos, Pos::Verb | Pos::Aux));
    let acts = w
        .get(m + 1)
        .is_some_and(|v| v.pos == Pos::Verb && v.norm != "be");
    if !(pronoun || named) || !acts {
        return None;
    }
    let said = after.text[subject[0].start..subject[m - 1].end].to_string();
    Some(format!("What {} {} do?", w[m].norm, lower_first(&said)))
}

/// The question with the fronted phrase put back before its mark: "What
/// does the map use" + "by default".
pub(super) fn with_phrase(question: &str, phrase: &str) -> String {
    let bare = question.trim_end_matches('?');
    format!("{bare} {phrase}?")
}

/// "Paying from savings means…": the sentence opens on a gerund, whose
/// phrase is its subject.
pub(super) fn gerund_opens(w: &[Word]) -> bool {
    w.first()
        .is_some_and(|w| w.pos == Pos::Verb && gerund_base(&w.norm).is_some())
}

/// "Restoring one…", "Fixing it…": a gerund's phrase holding a word that
/// stands for something named before, which a card does not show.
pub(super) fn leans_back(w: &[Word]) -> bool {
    w.iter().any(|w| {
        matches!(
            w.norm.as_str(),
            "one" | "ones" | "it" | "them" | "this" | "that" | "these" | "those"
        )
    })
}

/// Where the verb after a plain subject stands when the tagger took it for
/// a noun ("Recovery replays the log", "Paying from savings means you…"),
/// or else where the search for the verb starts: past an opening gerund,
/// which is the subject's, not the verb. 0 when the sentence opens on
/// anything else.
pub(super) fn subject_end(w: &[Word]) -> usize {
    let gerund = gerund_opens(w);
    let start = usize::from(gerund);
    let subject_word = |x: &Word| {
        matches!(
            x.pos,
            Pos::Det | Pos::Adj | Pos::Noun | Pos::Propn | Pos::Num
        ) || (gerund && x.pos == Pos::Adp)
    };
    for k in start.max(1)..w.len().min(SUBJECT_RUN + 1) {
        if misread_verb(w, k) == Some(k) {
            return k;
        }
        if !subject_word(&w[k]) {
            break;
        }
    }
    start
}

/// "With active-passive failover, heartbeats are sent between…", "In
/// active-active, both servers…": a sentence opening on the heading as the
/// setting of what it tells says how the thing works ("How does
/// active-passive failover work?"). Not advice ("With X, you should…"),
/// which says what to do.
pub(super) fn works_question(s: &Sent, heading: &str, (x, plural): (&str, bool)) -> Option<String> {
    let w = &s.a.words;
    if !matches!(w.first()?.norm.as_str(), "in" | "with" | "under") {
        return None;
    }
    let comma = w.iter().position(|w| w.norm == ",")?;
    let h = analyse(heading);
    let named: Vec<String> = h.content().map(|w| stem(&w.norm)).collect();
    let opener: Vec<String> = w[1..comma]
        .iter()
        .filter(|w| !w.is_punct() && w.pos != Pos::Det)
        .map(|w| stem(&w.norm))
        .collect();
    let on_it = !named.is_empty()
        && named.iter().all(|n| opener.contains(n))
        && opener.len() <= named.len() + 2;
    let clause = &w[comma + 1..];
    let tells = clause.iter().any(|w| matches!(w.pos, Pos::Verb | Pos::Aux))
        && !clause.iter().any(|w| {
            LEXICON.is(&w.norm, Role::RuleModal) || matches!(w.norm.as_str(), "you" | "we" | "i")
        });
    // (The opener's own words name it best: "active-passive fail-over"
    // under "Active-passive".)
    let own = &s.text[w[1].start..w[comma - 1].end];
    let (x, plural) = if opener.len() > named.len() {
        (own, looks_plural(&w[comma - 1].norm))
    } else {
        (x, plural)
    };
    (on_it && tells).then(|| format!("How {} {x} work?", if plural { "do" } else { "does" }))
}

/// How many of the sentence's words are the heading's, when it opens with
/// all of them (after an article), else 0.
pub(super) fn heading_opens(s: &Sent, heading: &str) -> usize {
    let h = analyse(heading);
    let said: Vec<&str> = h.content().map(|w| w.norm.as_str()).collect();
    let w = &s.a.words;
    let article = usize::from(w.first().is_some_and(|w| w.pos == Pos::Det));
    let opens = said.len() >= 2
        && w.len() > article + said.len()
        && w[article..article + said.len()]
            .iter()
            .zip(&said)
            .all(|(a, b)| a.norm == *b);
    if opens { article + said.len() } else { 0 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::cards::from_back::tests::asks_each;
    use crate::lesson::cards::from_back::{Heading, ask_of, head_of};
    use crate::lesson::cards::question::tests::lesson_fronts;

    #[test]
    fn what_someone_should_do_after_a_clause_is_asked_with_the_clause() {
        let fronts = lesson_fronts(
            "# Queue notes\n\n## Retry on failure\n\nWhen a worker cannot reach the queue, \
             it should try again after a random delay, so that workers do not retry at once.\n\n\
             ## Lease expiry\n\nIf the lease runs out, the worker must stop its job and ask \
             for a new lease before it writes again.\n",
        );
        assert_eq!(
            fronts[..2],
            [
                "When a worker cannot reach the queue, what should it do?",
                "If the lease runs out, what must the worker do?"
            ],
            "{fronts:?}"
        );
    }
    use crate::lesson::language::analyse;
    use crate::lesson::read::PieceKind;
    use crate::lesson::text::Casing;

    fn para(text: &str) -> Sent {
        Sent::new(text.into(), PieceKind::Para)
    }

    #[test]
    fn a_phrase_set_off_before_the_subject_is_kept_for_the_end() {
        let (after, phrase) =
            fronted_phrase(&para("By default, the store keeps every version.")).unwrap();
        assert_eq!(after.text, "The store keeps every version.");
        assert_eq!(phrase, "by default");
        assert_eq!(
            with_phrase("What does the store keep?", &phrase),
            "What does the store keep by default?"
        );
        // (Not a clause, a connective or a phrase of five words or more.)
        assert!(fronted_phrase(&para("When it fails, the store keeps every version.")).is_none());
        assert!(fronted_phrase(&para("However, the store keeps every version.")).is_none());
        assert!(
            fronted_phrase(&para("In the first week of the trial, the store keeps it.")).is_none()
        );
    }

    #[test]
    fn a_verb_read_as_a_noun_ends_a_plain_subject() {
        let w = analyse("Recovery replays the log from the start.").words;
        assert_eq!(subject_end(&w), 1);
        let w = analyse("Paying from savings means you owe nothing.").words;
        assert!(gerund_opens(&w));
        assert!(subject_end(&w) >= 1);
        let w = analyse("The store keeps every version.").words;
        assert_eq!(subject_end(&w), 0);
        // (After a name, before a preposition, unless a verb comes later.)
        let w = analyse("SSH binds to port 4000 on the local machine.").words;
        assert_eq!(subject_end(&w), 1);
        let w = analyse("Python lists in memory are stored in one block.").words;
        assert_ne!(subject_end(&w), 1);
    }

    #[test]
    fn questions_are_read_off_gerund_subjects_and_fronted_phrases() {
        let fronts = lesson_fronts(
            "# Money\n\n## Savings\n\nPaying from savings means you owe nothing when the work ends. You need the whole sum before the work starts.\n\n## Planting\n\nPlanting a short row every two weeks gives a steady harvest instead of a glut. Beans suit it well.\n\n## Backups\n\nOn most servers, the backup job copies every file each night. Restoring one takes an hour.\n",
        );
        assert!(
            fronts.contains(&"What does paying from savings mean?".to_string()),
            "{fronts:?}"
        );
        assert!(
            fronts.contains(&"What does planting a short row every two weeks give?".to_string()),
            "{fronts:?}"
        );
        assert!(
            fronts.contains(&"What does the backup job copy on most servers?".to_string()),
            "{fronts:?}"
        );
        // (A gerund's phrase that leans on a word before asks nothing.)
        assert!(
            !fronts.iter().any(|f| f.contains("restoring one")),
            "{fronts:?}"
        );
    }

    #[test]
    fn an_adjective_after_the_object_asks_nothing() {
        let fronts = lesson_fronts(
            "# Lookups\n\n## Caching and reuse\n\nEach answer carries a time to live in seconds, and resolvers may reuse it until then. Caching keeps lookups fast and spares the upstream servers.\n",
        );
        assert!(
            !fronts.iter().any(|f| f == "What does caching keep?"),
            "{fronts:?}"
        );
    }

    #[test]
    fn a_clause_of_condition_stays_before_the_question() {
        let cases = [
            (
                "Replication",
                "If the leader fails, each replica keeps a full copy of the data.",
                Some("If the leader fails, what does each replica keep?"),
            ),
            (
                "Checkpoints",
                "When the log grows past a limit, the database flushes every dirty page.",
                Some("Checkpoints: when the log grows past a limit, what does the database flush?"),
            ),
            // A clause leaning on something named before is not shown.
            (
                "Replication",
                "If it fails, each replica keeps a full copy of the data.",
                None,
            ),
            // Nor a clause without a verb.
            (
                "Replication",
                "After the first write, each replica keeps a full copy of the data.",
                None,
            ),
        ];
        asks_each(&cases);
    }

    #[test]
    fn an_opening_article_is_lower_case_where_headings_keep_their_case() {
        let casing = Casing::default().with_term_case(["timers", "poll", "check"].into_iter());
        let s = Sent::new(
            "A timer specifies the threshold after which a callback may run.".to_string(),
            PieceKind::Para,
        );
        let h = Heading {
            head: head_of("timers"),
            text: "timers",
            shown: "timers",
        };
        assert_eq!(
            ask_of(&s, false, &h, ("timers", true), &casing).as_deref(),
            Some("What does a timer specify?")
        );
    }
}

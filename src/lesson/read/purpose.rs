//! A sentence of advice that ends with its reason ("Keep a list of who has
//! spoken so that you can share attention fairly."): where the advice ends
//! and the reason begins (see docs/lessons.md, "advice with its reason").

use crate::lesson::language::{LEXICON, Pos, Role, Word, analyse, known_verb};
use crate::lesson::text::{capitalise, word_count};

/// The fewest words of advice before its reason.
const ADVICE_WORDS: usize = 3;

/// The advice and its reason: the heading up to a reason word that opens a
/// clause (lexicon role `reason`: "so that", "because", "to avoid"…, not
/// "helps" or "the reason"), after three words of advice or more, and the
/// clause from there, as a sentence.
pub fn purpose_split(inline: &str) -> Option<(String, String)> {
    split(inline).map(|(advice, reason, _)| (advice, reason))
}

/// [`purpose_split`], and whether the reason is only an infinitive after
/// the advice's object ("Use the camera to see each other"): a weaker
/// reason than one the section's text gives.
pub fn purpose_split_infinitive(inline: &str) -> Option<(String, String, bool)> {
    split(inline)
}

fn split(inline: &str) -> Option<(String, String, bool)> {
    let a = analyse(inline);
    let words: Vec<_> = a.content().collect();
    let norms: Vec<&str> = words.iter().map(|w| w.norm.as_str()).collect();
    let reason_word = LEXICON
        .find(&norms, Role::Reason)
        .into_iter()
        .map(|(k, _)| k)
        .find(|&k| {
            k >= ADVICE_WORDS
                && matches!(
                    words[k].pos,
                    Pos::Sconj | Pos::Cconj | Pos::Adv | Pos::Part | Pos::Adp
                )
        });
    // ("Prepare a simple syrup to prime the bottling bucket": "to" and a
    // verb after the advice's object say what it is for; "try to keep"
    // has its "to" right after a verb, a complement. A verb with nothing
    // after it before the clause ends, "things to do, …", "time to
    // think.", says what the noun is for: its object is that noun.)
    let purpose = || {
        (ADVICE_WORDS..words.len().saturating_sub(2)).find(|&k| {
            let ends_clause = inline[words[k + 1].end..]
                .trim_start()
                .starts_with([',', '.', ';', ':', '!', '?']);
            // ("Design the course to be measurable": "to be" after the
            // object says what the object should be, not what for.)
            // ("…if it plans to offer…": after a subject pronoun the word
            // before "to" is a verb taking it, whatever the tagger says.)
            let after_subject = k >= 2
                && matches!(
                    norms[k - 2],
                    "i" | "you" | "we" | "they" | "he" | "she" | "it"
                );
            // ("Ask the user to get involved": the verb's object takes
            // the first "to"; lexicon role `object-infinitive`.)
            let complement =
                LEXICON.is(norms[0], Role::ObjectInfinitive) && !norms[1..k].contains(&"to");
            norms[k] == "to"
                && !complement
                && words[k - 1].pos.is_nominal()
                && !after_subject
                && is_verb_base(&words[k + 1].norm)
                && norms[k + 1] != "be"
                && !ends_clause
        })
    };
    // ("…with backlog and spaces, so attendees can see…": "so" after a
    // comma opens what the advice is for.)
    let so = || {
        (ADVICE_WORDS..words.len()).find(|&k| {
            norms[k] == "so"
                && a.words.iter().any(|w| {
                    w.norm == ","
                        && w.end <= words[k].start
                        && inline[w.end..words[k].start].trim().is_empty()
                })
        })
    };
    let strong = reason_word
        .or_else(so)
        .or_else(|| cause(inline, &words, &norms));
    let first = strong.or_else(purpose)?;
    let at = words[first].start;
    let advice = inline[..at].trim_end().trim_end_matches(',').trim_end();
    let reason = inline[at..].trim().trim_end_matches(['.', '!']);
    if word_count(reason) < 3 || word_count(advice) < ADVICE_WORDS {
        return None;
    }
    Some((
        advice.to_string(),
        format!("{}.", capitalise(reason)),
        strong.is_none(),
    ))
}

/// "…due to their answers being easy to guess", "…, as this lets anyone
/// lock a user out": where a cause after the rule opens; "as" needs its
/// comma and a pronoun after it, as it often only compares.
fn cause(inline: &str, words: &[&Word], norms: &[&str]) -> Option<usize> {
    (ADVICE_WORDS..words.len().saturating_sub(1)).find(|&k| {
        let comma_before = inline[words[k - 1].end..words[k].start].contains(',');
        matches!((norms[k], norms[k + 1]), ("due" | "owing", "to"))
            || norms[k] == "as"
                && comma_before
                && matches!(norms[k + 1], "this" | "that" | "it" | "they")
    })
}

/// A word the dictionary knows as a verb, in its base form.
fn is_verb_base(word: &str) -> bool {
    known_verb(word) == Some(true)
        && !word.ends_with("ing")
        && (!word.ends_with("ed") || word.ends_with("eed"))
        && (!word.ends_with('s') || word.ends_with("ss"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reason_clause_after_the_advice_is_split_off() {
        assert_eq!(
            purpose_split("keep a list of who has spoken so that you can share attention fairly"),
            Some((
                "keep a list of who has spoken".into(),
                "So that you can share attention fairly.".into()
            ))
        );
        assert_eq!(
            purpose_split("print the slides a day early, because the printer always jams"),
            Some((
                "print the slides a day early".into(),
                "Because the printer always jams.".into()
            ))
        );
        assert_eq!(
            purpose_split("use a lid on the pot to keep the heat in"),
            Some(("use a lid on the pot".into(), "To keep the heat in.".into()))
        );
    }

    #[test]
    fn a_cause_after_a_rule_is_split_off() {
        assert_eq!(
            purpose_split("accounts should not be locked out, as this lets anyone lock a user out"),
            Some((
                "accounts should not be locked out".into(),
                "As this lets anyone lock a user out.".into()
            ))
        );
        assert_eq!(
            purpose_split("questions should not be the only check due to answers being public"),
            Some((
                "questions should not be the only check".into(),
                "Due to answers being public.".into()
            ))
        );
        // ("as" comparing, with no comma and pronoun, gives no cause.)
        assert_eq!(
            purpose_split("write the summary as plainly as you can manage it"),
            None
        );
    }

    #[test]
    fn no_clause_no_split() {
        // No clause: a verb of reason, a reason word too early, or too
        // short a reason.
        assert_eq!(
            purpose_split("choose the tool that helps the team most"),
            None
        );
        assert_eq!(purpose_split("try to keep the room quiet"), None);
        // ("to" after the advice's object, then a verb: what it is for.)
        assert_eq!(
            purpose_split("boil a cup of sugar water to feed the yeast"),
            Some((
                "boil a cup of sugar water".into(),
                "To feed the yeast.".into()
            ))
        );
        assert_eq!(purpose_split("give the keys to the new tenant"), None);
        // ("to be" after the object says what it should be.)
        assert_eq!(purpose_split("design the garden to be easy to water"), None);
        // ("plans" after "it" is a verb whose "to" is no purpose.)
        assert_eq!(
            purpose_split("ask the landlord if he plans to sell the flat"),
            None
        );
        // (A verb with nothing after it says what the noun is for.)
        assert_eq!(
            purpose_split("give the helpers jobs to do, or they drift off home"),
            None
        );
        assert_eq!(
            purpose_split("check that everyone has access to tools and rooms"),
            None
        );
        assert_eq!(
            purpose_split("label the shelves by season, so helpers can find the seeds"),
            Some((
                "label the shelves by season".into(),
                "So helpers can find the seeds.".into()
            ))
        );
        assert_eq!(
            purpose_split("pause after every question because silence"),
            None
        );
    }
}

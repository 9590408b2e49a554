//! "Stuff to pack", "Tools to install", "Mistakes to avoid": a parent
//! heading naming things by what the reader does with them. Each item
//! under it is the object of that verb, so its question asks why the
//! reader should do it: "Why should you pack a water bottle?" (see
//! docs/lessons.md, "Questions").

use super::Part;
use super::ask::Ask;
use super::forms::{indefinite, is_base, the_one};
use crate::lesson::language::{Pos, analyse, known_verb, only_a_verb};

/// The most words a parent naming things by a verb may have.
const PARENT_WORDS: usize = 5;

/// The verb a parent heading names its things by: nouns, then "to" and a
/// verb's base form at the end ("Stuff to pack", "Books to read next").
pub(super) fn wanted_verb(parent: &str) -> Option<String> {
    let a = analyse(&parent.to_lowercase());
    let words: Vec<_> = a.content().collect();
    let to = words.iter().position(|w| w.norm == "to")?;
    let verb = words.get(to + 1)?;
    // (The tagger may read "stuff" or "things" as a verb; no word in
    // "-ing", "Getting to know…", opens a thing.)
    let nouns = (1..=3).contains(&to)
        && words[..to].iter().all(|w| {
            !matches!(
                w.pos,
                Pos::Aux | Pos::Pron | Pos::Adp | Pos::Adv | Pos::Sconj
            ) && !w.norm.ends_with("ing")
                && !only_a_verb(&w.norm)
        });
    let tail = words[to + 2..]
        .iter()
        .all(|w| matches!(w.pos, Pos::Adv | Pos::Adp | Pos::Part));
    (nouns
        && tail
        && words.len() <= PARENT_WORDS
        && is_base(&verb.norm)
        && known_verb(&verb.norm) == Some(true))
    .then(|| {
        words[to + 1..]
            .iter()
            .map(|w| w.norm.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// "Why should you pack a water bottle?": an item naming a thing under a
/// parent that names things by what the reader does with them.
pub(super) fn wanted_front(part: &Part) -> Option<String> {
    let topic = &part.topic;
    if topic.ask != Ask::Noun || topic.made_up || topic.inline.contains('?') {
        return None;
    }
    let verb = wanted_verb(part.section.context.as_deref()?)?;
    let thing = the_one(&topic.analysis, &topic.inline);
    let thing = match thing.strip_prefix("the ") {
        Some(rest) => format!("{} {rest}", indefinite(rest)),
        None => thing,
    };
    // ("A/V kit (if you're presenting)": the case in brackets ends it.)
    let thing = match thing.split_once(" (") {
        Some((x, case)) if case.starts_with("if ") || case.starts_with("when ") => {
            format!("{x} {}", case.trim_end_matches(')'))
        }
        _ => thing,
    };
    Some(format!("Why should you {verb} {thing}?"))
}

#[cfg(test)]
mod tests {
    use super::wanted_verb;
    use crate::lesson::cards::question::tests::lesson_fronts;

    #[test]
    fn a_parent_naming_things_by_a_verb_gives_the_verb() {
        assert_eq!(wanted_verb("Stuff to pack").as_deref(), Some("pack"));
        assert_eq!(wanted_verb("Tools to install").as_deref(), Some("install"));
        assert_eq!(wanted_verb("How to pack"), None);
        assert_eq!(wanted_verb("Getting to know the team"), None);
    }

    #[test]
    fn an_item_under_it_asks_why_you_would_do_that_with_it() {
        let fronts = lesson_fronts(
            "# Packing for a conference\n\n## Stuff to pack\n\n\
             * A phone battery. Your phone gets heavy use all day, and a dead phone \
             means no maps and no messages.\n\
             * Water bottle. Conference halls are dry, and the coffee stations are far apart.\n\
             * Medication. Pharmacies near the venue close early, so carry painkillers \
             and anything you take daily.\n",
        );
        assert!(
            fronts.contains(&"Why should you pack a water bottle?".to_string()),
            "{fronts:?}"
        );
        assert!(
            fronts.contains(&"Why should you pack medication?".to_string()),
            "{fronts:?}"
        );
    }
}

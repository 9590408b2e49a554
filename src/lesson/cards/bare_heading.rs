//! Headings that name nothing a question can ask about (see
//! docs/lessons.md, "Headings that name nothing"): a writer walking the
//! reader through an example ("Let's look at an example") points at what
//! follows. Such a section is named as one without a heading is, by what
//! its own text speaks of. A heading inviting the reader to a task
//! ("Let's build the test function") is that task's advice, "Build the
//! test function". (A bare number, "Step 2", stays the heading: a name
//! made up from the step's text asked about topics it never defines.)

use crate::lesson::language::{LEXICON, Role};
use crate::lesson::text::{capitalise, norm};

/// How a heading reads once what names nothing is gone.
pub(super) enum Bare {
    /// Nothing is left: the section is named by its text.
    Nothing,
    /// The heading as asked: "Build the test function".
    Asked(String),
}

/// What `heading` names, when part of it names nothing; None when all of
/// it names something.
pub(super) fn bare(heading: &str) -> Option<Bare> {
    let words: Vec<&str> = heading.split_whitespace().collect();
    let lowered = norm(heading);
    if points_at_the_text(&lowered) {
        return Some(Bare::Nothing);
    }
    let rest = ["let's ", "let us "]
        .iter()
        .find_map(|lets| lowered.strip_prefix(lets))?;
    let rest_words: Vec<&str> = rest.split_whitespace().collect();
    if LEXICON.opens_with(&rest_words, Role::WalkThrough) {
        return Some(Bare::Nothing);
    }
    // (The heading's own words, past the opening, keep their case.)
    let skip = words.len() - rest_words.len();
    Some(Bare::Asked(capitalise(&words[skip..].join(" "))))
}

/// "See this in practice", "Try it out": a walk-through's words (lexicon
/// role `walk-through`) and a pronoun for what the text shows: the
/// heading names nothing, "Let's" or not. ("Dive into the volume" names
/// what it advises.)
fn points_at_the_text(lowered: &str) -> bool {
    let words: Vec<&str> = lowered.split_whitespace().collect();
    LEXICON.opening(&words, Role::WalkThrough).is_some_and(|n| {
        words
            .get(n)
            .is_some_and(|w| matches!(*w, "this" | "it" | "that" | "these" | "them"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lesson::cards::question::tests::lesson_fronts;

    fn asked(heading: &str) -> Option<String> {
        match bare(heading)? {
            Bare::Nothing => Some(String::new()),
            Bare::Asked(h) => Some(h),
        }
    }

    #[test]
    fn a_bare_number_or_a_walk_through_names_nothing() {
        // (A bare number stays: a made-up name asked worse.)
        assert_eq!(asked("Step 2"), None);
        assert_eq!(asked("Let's look at an example").as_deref(), Some(""));
        assert_eq!(
            asked("Let’s take a look at the output").as_deref(),
            Some("")
        );
        assert_eq!(asked("See this in practice").as_deref(), Some(""));
        assert_eq!(asked("Dive into the volume"), None);
        // (A number before words names them: handled as any heading.)
        assert_eq!(asked("Step 2: Throw on a mismatch"), None);
        assert_eq!(asked("Sewing the binding"), None);
    }

    #[test]
    fn an_invitation_to_a_task_is_that_task() {
        assert_eq!(
            asked("Let's build the test function").as_deref(),
            Some("Build the test function")
        );
        assert_eq!(
            asked("Let us write a Jest config").as_deref(),
            Some("Write a Jest config")
        );
    }

    #[test]
    fn a_walk_through_heading_is_asked_about_its_own_text() {
        let fronts = lesson_fronts(
            "# Running a market stall\n\n## Let's take a look at the table\n\n\
             A folding table carries the goods at waist height. It packs flat \
             into the back of a small car.\n\n## The cash tin\n\n\
             A cash tin holds the float for the first sales of the day. Coins \
             sit in trays, notes under them.\n\n## Let's build the price board\n\n\
             Chalk prices on a slate so that they change with the day's stock.\n",
        );
        assert!(
            fronts.contains(&"What does a folding table carry?".to_string())
                || fronts.contains(&"What does a folding table do?".to_string()),
            "{fronts:?}"
        );
        assert!(
            !fronts.iter().any(|f| f.to_lowercase().contains("let's")),
            "{fronts:?}"
        );
    }
}

/// "Signed cookie (RECOMMENDED)", "Tracing (optional)": a word in brackets
/// closing the heading that rates the section, no part of what it names;
/// the question leaves it out. (An acronym, "Partition tolerance (P)",
/// "(NAT)", or a name in brackets stays.)
pub(super) fn without_rating(heading: &str) -> &str {
    let Some(open) = heading
        .trim_end()
        .strip_suffix(')')
        .and_then(|h| h.rfind(" ("))
    else {
        return heading;
    };
    let word = heading.trim_end()[open + 2..].trim_end_matches(')');
    let lower = word.to_lowercase();
    let acronym = word.chars().count() <= 5 && word.chars().all(|c| c.is_uppercase());
    let rates = word.chars().all(char::is_alphabetic)
        && !acronym
        && (crate::lesson::language::known_adjective(&lower) == Some(true)
            || crate::lesson::language::past_participle(&lower)
            || lower.ends_with("ed"));
    if rates {
        heading[..open].trim_end()
    } else {
        heading
    }
}

#[cfg(test)]
mod rating_tests {
    use super::without_rating;

    #[test]
    fn a_word_rating_the_section_in_brackets_is_left_out() {
        assert_eq!(
            without_rating("Signed cookie (RECOMMENDED)"),
            "Signed cookie"
        );
        assert_eq!(without_rating("Tracing (optional)"), "Tracing");
        assert_eq!(without_rating("Old API (deprecated)"), "Old API");
        assert_eq!(
            without_rating("Network address translation (NAT)"),
            "Network address translation (NAT)"
        );
        assert_eq!(
            without_rating("Reverse proxy (web server)"),
            "Reverse proxy (web server)"
        );
        assert_eq!(without_rating("Consensus (Raft)"), "Consensus (Raft)");
    }
}

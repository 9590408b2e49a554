use super::*;
use crate::lesson::read::PieceKind;

/// Asserts that each (heading, back sentence) of `cases`, not opening
/// its section, asks the question given.
pub(in crate::lesson::cards) fn asks_each(cases: &[(&str, &str, Option<&str>)]) {
    for &(heading, text, question) in cases {
        assert_eq!(
            asked(heading, false, text, false).as_deref(),
            question,
            "{text}"
        );
    }
}

pub(in crate::lesson::cards) fn asked(
    heading: &str,
    plural: bool,
    text: &str,
    opens: bool,
) -> Option<String> {
    let s = Sent::new(text.to_string(), PieceKind::Para);
    let inline = heading.to_lowercase();
    let h = Heading {
        head: head_of(heading),
        text: &inline,
        shown: heading,
    };
    ask_of(&s, opens, &h, (&inline, plural), &Casing::default())
}

#[test]
fn the_verb_after_the_subject_names_what_is_asked() {
    let cases = [
        (
            "Recovery point objective",
            "RPO determines how often the backups must run.",
            "What does RPO determine?",
        ),
        (
            "Composite indexes",
            "An index can hold several columns of one table.",
            "What can an index hold?",
        ),
        (
            "Vertical scaling",
            "Vertical scaling depends on bigger and costlier hardware.",
            "What does vertical scaling depend on?",
        ),
        (
            "Hyrum's law",
            "Hyrum's Law says that every observable behaviour will be relied on.",
            "What does Hyrum's Law say?",
        ),
        (
            "Rehearsals",
            "Rehearsals are essential to find the gaps in a plan.",
            "Why are rehearsals essential?",
        ),
    ];
    for (heading, text, question) in cases {
        assert_eq!(
            asked(heading, false, text, false).as_deref(),
            Some(question),
            "{text}"
        );
    }
}

#[test]
fn a_term_the_sentence_defines_is_asked_for() {
    let text = "A cliff is a period during which no shares vest at all.";
    assert_eq!(
        asked("Vesting schedules", false, text, false).as_deref(),
        Some("What is a cliff?")
    );
    // A description, or a general noun, defines no term.
    for text in [
        "The event loop is different than the models of other languages.",
        "The goal is a system that stays up during upgrades.",
    ] {
        assert_eq!(asked("Concurrency", false, text, false), None, "{text}");
    }
}

#[test]
fn by_and_a_gerund_ask_how() {
    assert_eq!(
        asked(
            "Memory limits",
            false,
            "Learners can keep more facts in mind by grouping them into chunks.",
            false
        )
        .as_deref(),
        Some("Memory limits: how can learners keep more facts in mind?")
    );
}

#[test]
fn a_pronoun_stands_for_the_heading_only_in_the_first_sentence() {
    let text = "These are scripts that move the traffic to a spare server.";
    assert_eq!(
        asked("Failover scripts", true, text, true).as_deref(),
        Some("What are failover scripts?")
    );
    assert_eq!(asked("Failover scripts", true, text, false), None);
    // "This" does not stand for a plural heading.
    let this = "This is a script that moves the traffic to a spare server.";
    assert_eq!(asked("Failover scripts", true, this, true), None);
}

#[test]
fn shapes_whose_answer_is_not_the_rest_of_the_clause_are_left_alone() {
    for (heading, text) in [
        // The answer is the heading.
        (
            "Horizontal scaling",
            "Load balancers help with horizontal scaling of a service.",
        ),
        // A long subject the heading does not name.
        (
            "Caching",
            "The small team of operators on call keeps a log.",
        ),
    ] {
        assert_eq!(asked(heading, false, text, false), None, "{text}");
    }
}

#[test]
fn a_sentence_set_in_the_heading_asks_how_it_works() {
    let works = |heading: &str, text: &str| {
        let s = Sent::new(text.to_string(), PieceKind::Para);
        works_question(
            &s,
            &heading.to_lowercase(),
            (&heading.to_lowercase(), false),
        )
    };
    assert_eq!(
        works(
            "Active-passive",
            "With active-passive failover, a standby server waits for the heartbeat to stop."
        )
        .as_deref(),
        Some("How does active-passive failover work?")
    );
    assert_eq!(
        works(
            "Active-active",
            "In active-active, both servers are taking traffic, sharing the load."
        )
        .as_deref(),
        Some("How does active-active work?")
    );
    // Advice set in it, or something else set in it, is not how it works.
    assert_eq!(
        works(
            "Leader election",
            "In leader election, you should keep terms short."
        ),
        None
    );
    assert_eq!(
        works(
            "Leader election",
            "In a small office, each desk has a lamp."
        ),
        None
    );
}

#[test]
fn a_timeline_entry_is_asked_without_its_year() {
    assert_eq!(
        asked(
            "Notable discoveries",
            true,
            "1957 Perceptron is a type of linear classifier invented by Frank Rosenblatt.",
            false,
        )
        .map(|q| q.to_lowercase())
        .as_deref(),
        Some("what is perceptron?")
    );
}

#[test]
fn an_activity_whose_section_never_says_how_is_asked_from_its_back() {
    let fronts = crate::lesson::cards::question::tests::lesson_fronts(
        "Study habits\nHabits decide how much sticks. Short sessions beat long ones.\n\
         Using Weekly Quizzes to Support Memory Consolidation\n\
         Weekly quizzing is a key component in helping learners keep what they read \
         and move ideas into long-term memory. Why? Because it makes the brain fetch \
         what it learned and use it on a new problem.\n\n\
         The limits of memory are one reason why quizzes should be frequent.\n\
         Group Work\nExplaining your work to others helps it stick.\n",
    );
    assert!(
        !fronts.iter().any(|f| f.starts_with("How do you use")),
        "{fronts:?}"
    );
    assert!(
        fronts.iter().any(|f| f == "What is weekly quizzing?"),
        "{fronts:?}"
    );
}

#[test]
fn an_object_with_a_second_complement_asks_what_the_heading_does() {
    // (The tagger reads both "Recovery" and "replays" as other classes.)
    assert_eq!(
        asked(
            "Recovery after a crash",
            false,
            "Recovery replays the log from the last checkpoint forward.",
            true
        )
        .as_deref(),
        Some("What does recovery do?")
    );
    // ("What does a root server point?" would ask for "the resolver".)
    assert_eq!(
        asked(
            "Root servers",
            false,
            "A root server points the resolver to the right registry.",
            false
        )
        .as_deref(),
        Some("What does a root server do?")
    );
    // Something else than the heading, so placed: nothing is asked.
    assert_eq!(
        asked(
            "Checkpoints",
            true,
            "The engine moves the pages from memory to disk.",
            true
        ),
        None
    );
}

#[test]
fn an_answer_naming_the_heading_asks_when_it_gives_a_name_too() {
    assert_eq!(
        asked(
            "Hashing functions",
            true,
            "By default, the map uses a hashing function called SipHash.",
            true
        )
        .as_deref(),
        Some("Hashing functions: what does the map use by default?")
    );
    assert_eq!(
        asked(
            "Horizontal scaling",
            false,
            "Load balancers help with horizontal scaling.",
            true
        ),
        None
    );
}

#[test]
fn a_word_after_every_is_the_noun_of_the_subject() {
    let s = Sent::new(
        "Every commit waits for one flush of the log.".to_string(),
        PieceKind::Para,
    );
    let verb = main_verb(&s, "").expect("a verb");
    assert_eq!(verb.word.norm, "waits");
}

#[test]
fn an_adjective_after_the_verb_names_nothing_to_ask_for() {
    // ("What do your knives stay?" asks for no thing.)
    assert_eq!(
        asked(
            "Care",
            false,
            "Your knives stay sharp for months if you hone them before each use.",
            false
        ),
        None
    );
}

#[test]
fn a_setting_the_heading_names_asks_what_happens_there() {
    let cases = [
        (
            "Mount namespace",
            "In a mount namespace you can give a process its own root directory.",
            Some("What can you do in a mount namespace?"),
        ),
        (
            "Batching",
            "With batching, we send every write to the disk at once.",
            Some("What happens with batching?"),
        ),
        (
            "Staging servers",
            "On a staging server you can try a release first.",
            None,
        ),
        ("Replicas", "In a busy shop you can wait for an hour.", None),
    ];
    for (heading, text, question) in cases {
        assert_eq!(
            asked(heading, false, text, true).as_deref(),
            question,
            "{text}"
        );
    }
}

#[test]
fn a_pronoun_and_a_passive_opening_the_section_ask_how() {
    assert_eq!(
        asked(
            "Test dependencies",
            true,
            "Those can be added in a section of their own.",
            true
        )
        .as_deref(),
        Some("How can test dependencies be added?")
    );
    // (Not past the section's first sentence: "those" may stand for
    // anything said before.)
    assert_eq!(
        asked(
            "Test dependencies",
            true,
            "Those can be added in a section of their own.",
            false
        ),
        None
    );
}

#[test]
fn an_object_after_adjectives_and_a_happening_are_asked_for() {
    // (A comma between adjectives ends no clause; "metric", read as an
    // adjective, is the noun the object ends on.)
    assert_eq!(
        asked(
            "Craft work",
            false,
            "Craft work lacks a single meaningful, objective productivity metric.",
            true
        )
        .as_deref(),
        Some("What does craft work lack?")
    );
    // (A verb of happening is asked when.)
    assert_eq!(
        asked(
            "Livelock",
            false,
            "Livelock occurs when a process keeps running but makes no progress.",
            true
        )
        .as_deref(),
        Some("When does livelock occur?")
    );
    // (An adjective after the object still says what the verb makes of it.)
    assert_eq!(
        asked("Caching", false, "Caching keeps lookups fast.", true),
        None
    );
}

#[test]
fn an_object_then_a_purpose_asks_why() {
    let ask = |heading: &str, text: &str| asked(heading, false, text, true);
    assert_eq!(
        ask(
            "The builder",
            "The builder reads the lockfile to pin every dependency to one version."
        )
        .as_deref(),
        Some("Why does the builder read the lockfile?")
    );
    // ("the ability to connect": what the ability is, no purpose.)
    assert_ne!(
        ask(
            "A volume",
            "A volume gives the container the ability to keep files after it stops."
        )
        .as_deref(),
        Some("Why does a volume give the container the ability?")
    );
}

#[test]
fn what_a_thing_is_used_for_is_asked() {
    assert_eq!(
        asked(
            "Creating a socket",
            false,
            "Client sockets are normally only used for one exchange.",
            false
        )
        .as_deref(),
        Some("What are client sockets used for?")
    );
    assert_eq!(
        asked(
            "Frames",
            true,
            "Frames are used to embed another page.",
            true
        )
        .as_deref(),
        Some("What are frames used for?")
    );
}
#[test]
fn a_negated_verb_with_its_reason_asks_why_not() {
    assert_eq!(
        asked(
            "Rollbacks",
            true,
            "The server does not support rollbacks of transactions since they would slow it down.",
            true
        )
        .as_deref(),
        Some("Why does the server not support rollbacks of transactions?")
    );
    // (No reason given: nothing to ask why of.)
    assert_eq!(
        asked(
            "Rollbacks",
            true,
            "The server does not support rollbacks of transactions.",
            true
        ),
        None
    );
}

#[test]
fn a_command_in_capitals_is_the_subject_of_its_verb() {
    assert_eq!(
        asked(
            "Optimistic locking",
            false,
            "WATCH is used to provide a check-and-set behaviour to transactions.",
            true
        )
        .as_deref(),
        Some("What is WATCH used for?")
    );
}

#[test]
fn a_tip_saying_what_a_thing_is_used_for_asks_that_not_what_it_is() {
    let pairs = crate::lesson::cards::question::tests::lesson_pairs(
        "# Accessible pages\n\n## Development\n\n\
         - Ensure every focusable element has an accessible name that screen readers announce\n\
         - Ensure semantic markup is used to describe the content of each page\n\
         - Ensure content does not disappear off the screen when the page is zoomed\n\
         - Ensure that heading levels are placed in a logical order on every page\n\
         - The title attribute is only used to describe the contents of frames\n\
         - Ensure that focus is trapped inside of modal dialogs while they are open\n\
         - Prefer using role selectors in automated acceptance tests of the interface\n",
    );
    assert!(
        pairs
            .iter()
            .any(|(f, _)| f == "What is the title attribute used for?"),
        "{pairs:?}"
    );
}

#[test]
fn a_modal_saying_what_the_subject_serves_asks_what_for() {
    assert_eq!(
        asked(
            "Trace variable",
            false,
            "The trace variable may be useful for finding the test that hangs.",
            true
        )
        .as_deref(),
        Some("What is the trace variable useful for?")
    );
    assert_eq!(
        asked(
            "Strict mode",
            false,
            "Strict mode can also be used to mark a test as expected to fail.",
            true
        )
        .as_deref(),
        Some("What can strict mode be used for?")
    );
    // (What may be done with it, not what it serves.)
    let slow = asked(
        "Strict mode",
        false,
        "Strict mode can be slow on large suites.",
        true,
    );
    assert!(
        slow.as_ref().is_none_or(|q| !q.ends_with(" for?")),
        "{slow:?}"
    );
}

#[test]
fn a_law_quoted_asks_what_it_states() {
    let law = "Conway's Law states \"organizations which design systems copy their communication structures.\"";
    assert_eq!(
        asked("Conway's Law", false, law, true).as_deref(),
        Some("What does Conway's Law state?")
    );
}

#[test]
fn a_verb_keeping_something_from_happening_asks_what_it_keeps() {
    let s = "Throttling prevents a function from being called more than once in a given window.";
    assert_eq!(
        asked("Throttle", false, s, true).as_deref(),
        Some("What does throttling prevent?")
    );
}

#[test]
fn a_lead_in_counting_what_it_announces_asks_for_it() {
    assert_eq!(
        asked(
            "The parser",
            false,
            "The parser has two separate passes:",
            true
        )
        .as_deref(),
        Some("What two separate passes does the parser have?")
    );
    // Any other lead-in asks nothing.
    assert_eq!(asked("The parser", false, "The parser reads:", true), None);
}

#[test]
fn what_a_thing_is_based_on_is_asked_for() {
    assert_eq!(
        asked(
            "Design",
            false,
            "The scheduler is based on a priority queue.",
            false
        )
        .as_deref(),
        Some("What is the scheduler based on?")
    );
}

#[test]
fn an_amount_a_judgement_and_each_are_read_as_they_are_meant() {
    let cases = [
        // "each" before a noun the tagger took for a verb; "at least" opening
        // the object.
        (
            "The cost",
            "Each commit needs at least one flush of the log.",
            Some("The cost: what does each commit need?"),
        ),
        // A judgement, then the thing itself after a colon.
        (
            "Precedence",
            "The precedence rule is simple: the most specific pattern wins.",
            Some("What is the precedence rule?"),
        ),
    ];
    asks_each(&cases);
}

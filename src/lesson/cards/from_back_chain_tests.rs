//! Questions read off a chain of actions, a pronoun after a clause set in
//! front, a verb the tagger took for a noun, an answer naming the heading
//! that still says more, a list of nouns before a modal, and a modal "be".

use super::tests::{asked, asks_each};

#[test]
fn a_chain_of_actions_asks_what_its_subject_does() {
    asks_each(&[
        (
            "Scheduler",
            "The scheduler picks a task, runs the task for one slice, then returns the task to the queue.",
            Some("What does the scheduler do?"),
        ),
        // One action and its object ask for the object.
        (
            "Scheduler",
            "The scheduler picks the oldest task.",
            Some("What does the scheduler pick?"),
        ),
    ]);
}

#[test]
fn a_pronoun_after_a_clause_in_front_stands_for_the_clause_subject() {
    asks_each(&[
        (
            "Boot order",
            "When the kernel boots, it mounts the root file system, starts the init process, \
             then loads the drivers.",
            Some("Boot order: when the kernel boots, what does it do?"),
        ),
        // Not of another number: "they" is not the leader.
        (
            "Replicas",
            "If the leader fails, they pick a new leader, copy the log, then resume the writes.",
            None,
        ),
    ]);
}

#[test]
fn a_verb_the_tagger_read_as_a_noun_is_found_by_its_neighbours() {
    // "compresses" between a singular noun and a plural one; the answer
    // names the heading's "blocks" but says more.
    assert_eq!(
        asked(
            "Pending blocks",
            false,
            "This stage compresses blocks for some slow devices such as network disks.",
            true
        )
        .as_deref(),
        Some("What does the pending blocks stage do?")
    );
    // "elect" after a plural noun, before its object.
    asks_each(&[(
        "Failover",
        "The replicas elect a new leader.",
        Some("Failover: what do the replicas elect?"),
    )]);
}

#[test]
fn a_verb_of_working_and_its_manner_asks_how_it_works() {
    asks_each(&[
        (
            "Classes",
            "Classes work similarly to plain object types, with one exception.",
            Some("How do classes work?"),
        ),
        // Working on something is no manner.
        ("Teams", "Teams work on one story at a time.", None),
    ]);
}

#[test]
fn a_list_of_nouns_before_a_modal_is_the_subject() {
    asks_each(&[(
        "The price of caching",
        "Every read, write and delete must also touch the cache.",
        Some("The price of caching: what must every read, write and delete also touch?"),
    )]);
}

#[test]
fn a_modal_be_and_a_noun_phrase_ask_what_it_would_be() {
    asks_each(&[
        (
            "Latency",
            "The total latency in series would be the sum of both.",
            Some("What would the total latency in series be?"),
        ),
        // (A preposition after the subject's noun qualifies it; a
        // heading opening on one has its head after it.)
        (
            "In series",
            "If both replicas each had 99% uptime, their total uptime in series would be 98%.",
            Some(
                "If both replicas each had 99% uptime, what would their total uptime in series be?",
            ),
        ),
        (
            "In series",
            "If both `Alpha` and `Beta` each had 99% uptime, their total uptime in series would be 98%.",
            Some(
                "If both `Alpha` and `Beta` each had 99% uptime, what would their total uptime in series be?",
            ),
        ),
    ]);
}

#[test]
fn a_question_asking_nothing_gives_way_to_the_backs_own() {
    let fronts = crate::lesson::cards::question::tests::lesson_fronts(
        "# Uptime\n\nServices stay up when their parts do.\n\n\
         ## Parts in series or side by side\n\n\
         A service made of parts depends on how the parts are joined.\n\n\
         ### In series\n\n\
         If both replicas each had 99% uptime, their total uptime in series would be 98%.\n",
    );
    assert!(
        fronts.contains(
            &"If both replicas each had 99% uptime, what would their total uptime in series be?"
                .to_string()
        ),
        "{fronts:?}"
    );
}

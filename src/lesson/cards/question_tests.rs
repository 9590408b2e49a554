//! Questions made from headings, checked heading by heading.

use super::*;
use crate::lesson::cards::ask::classify;
use crate::lesson::cards::sentence::{content_stems, section_sentences};
use crate::lesson::read::{Piece, PieceKind};
use crate::lesson::text::Casing;

pub(in crate::lesson::cards) fn section(heading: &str, body: &str) -> Section {
    Section {
        heading: Some(heading.into()),
        context: None,
        lead_in: None,
        sentence_heading: false,
        tip: false,
        glossed: false,
        step: false,
        body: vec![Piece::made(PieceKind::Para, body.into())],
        line: 1,
    }
}

pub(in crate::lesson::cards) fn q(heading: &str, body: &str) -> String {
    let sec = section(heading, body);
    let casing = Casing::learn(&["We met people from Google.".to_string()]);
    let inline = casing.inline_words(heading).join(" ");
    let h = analyse(&inline);
    let ss = section_sentences(&sec);
    let why = ss.iter().any(|s| s.reason);
    let method = ss.iter().any(|s| s.imperative);
    let ask = classify(&h, &sec, method);
    let why = why
        && matches!(
            ask,
            Ask::Do | Ask::DoNot | Ask::Always | Ask::Statement | Ask::Predicate
        );
    let hs = content_stems(&h, &inline);
    let def = ss.iter().any(|s| defines(s, &hs));
    question(&ask, &h, &inline, &sec, why, method, def, '\u{2019}')
}

pub(super) const REASON: &str = "It matters because interviewers want you to sell yourself.";
pub(in crate::lesson::cards) const PLAIN: &str =
    "Write the three things you want them to remember on a card.";

#[test]
fn a_heading_the_section_does_as_a_task_is_advice() {
    // The tagger reads "Upgrade Docker Engine" as a noun phrase; the text
    // does it.
    assert_eq!(
        q(
            "Upgrade Docker Engine",
            "To upgrade Docker Engine, download the newer package files."
        )
        .to_lowercase(),
        "how should you upgrade docker engine?"
    );
    assert_eq!(
        q(
            "Uninstall Docker Engine",
            "Uninstall the Docker Engine packages and their keyrings."
        )
        .to_lowercase(),
        "how should you uninstall docker engine?"
    );
    assert_eq!(
        q(
            "Test-driven development",
            "Test-driven development starts from a list of behaviours."
        ),
        "What matters about test-driven development?"
    );
}

#[test]
fn imperatives_ask_why_only_with_a_reason() {
    assert_eq!(
        q("Refine Your Sales Pitch", REASON),
        "Why should you refine your sales pitch?"
    );
    assert_eq!(
        q("Refine Your Sales Pitch", PLAIN),
        "How should you refine your sales pitch?"
    );
}

#[test]
fn negative_and_always_headings_make_questions() {
    assert_eq!(
        q("Don’t Get Ahead of Yourself", REASON),
        "Why shouldn’t you get ahead of yourself?"
    );
    assert_eq!(
        q("Don’t guess, ask", PLAIN),
        "What should you do rather than guess?"
    );
    assert_eq!(
        q("Always Test Your Backups", REASON),
        "Why should you always test your backups?"
    );
    // A warning the dictionary has no verb for is advice too.
    assert_eq!(
        q("Beware of wet paint", REASON),
        "Why should you beware of wet paint?"
    );
}

#[test]
fn a_heading_that_forbids_with_no_is_a_rule() {
    assert_eq!(
        q("No phones at the table", PLAIN),
        "What does the rule \u{201c}No phones at the table\u{201d} mean?"
    );
    assert_eq!(
        q("No borrowed tools", REASON),
        "Why should you avoid borrowed tools?"
    );
    // A counted noun in the singular would need its article after "avoid".
    assert_eq!(
        q("No lid for the last hour", REASON),
        "What does the rule \u{201c}No lid for the last hour\u{201d} mean?"
    );
    // A statement with "no" has its verb, or opens a fixed phrase.
    assert_ne!(
        q("No plan survives the first week", REASON),
        "Why should you avoid plan survives the first week?"
    );
    assert!(!q("No matter what happens", PLAIN).contains("rule"));
}

#[test]
fn verbs_that_look_inflected_still_give_advice() {
    // "Feed" ends in -ed, "discard" is read as a noun before a clause
    // placing it in time.
    assert_eq!(
        q("Feed it on a schedule", REASON),
        "Why should you feed it on a schedule?"
    );
    assert_eq!(
        q("Discard before you feed", REASON),
        "Why should you discard before you feed?"
    );
}

#[test]
fn a_word_only_ever_a_verb_opens_advice() {
    assert_eq!(
        q("Recognize burnout", "Teams with long hours lose people."),
        "How should you recognize burnout?"
    );
}

#[test]
fn an_auxiliary_before_its_subject_asks_yes_or_no() {
    assert_eq!(
        q("Can I copy the settings to another laptop", PLAIN),
        "Can I copy the settings to another laptop?"
    );
    assert_eq!(
        q("Do all phones support the app", PLAIN),
        "Do all phones support the app?"
    );
}

#[test]
fn a_case_under_advice_asks_how_to_follow_it_then() {
    let mut sec = section("For debugging", PLAIN);
    sec.context = Some("Do logging correctly".into());
    let h = analyse("for debugging");
    let ask = classify(&h, &sec, true);
    assert_eq!(
        question(&ask, &h, "for debugging", &sec, false, true, false, '\''),
        "How should you do logging correctly for debugging?"
    );
}

#[test]
fn advice_shapes_the_tagger_misses() {
    assert_eq!(
        q("Set NODE_ENV to production", REASON),
        "Why should you set NODE_ENV to production?"
    );
    assert_eq!(
        q("Rotate pairs regularly", REASON),
        "Why should you rotate pairs regularly?"
    );
    assert_eq!(
        q("Continuously inspect code quality", REASON),
        "Why should you continuously inspect code quality?"
    );
    // "to" before a gerund is a preposition: no subject carrying an
    // infinitive, so "can" is no verb of the heading's.
    let fronts = lesson_fronts(
        "# Study\n\n## New students\n\n\
         * **Dedicate to learning** everything you can about your field. You should \
         know its classics by the end of the year.\n\
         * **Ask for help** early. A question asked in week one saves a month of guessing.\n",
    );
    assert_eq!(
        fronts[0],
        "How should you dedicate to learning everything you can about your field?"
    );
}

#[test]
fn be_and_have_headings_make_questions() {
    assert_eq!(
        q(
            "Be Specific",
            "Numbers stay in the memory of whoever hears them."
        ),
        "What does it mean to be specific?"
    );
    assert_eq!(q("Have a Plan B", REASON), "Why should you have a plan B?");
}

#[test]
fn a_gerund_gives_the_base_form_the_dictionary_knows() {
    assert_eq!(gerund_base("writing").as_deref(), Some("write"));
    assert_eq!(gerund_base("opening").as_deref(), Some("open"));
    assert_eq!(gerund_base("stopping").as_deref(), Some("stop"));
    assert_eq!(gerund_base("storing").as_deref(), Some("store"));
    assert_eq!(gerund_base("passing").as_deref(), Some("pass"));
}

#[test]
fn statements_are_inverted_or_asked_about() {
    assert_eq!(
        q("Every Job Isn’t the Right Fit", REASON),
        "Why isn’t every job the right fit?"
    );
    assert_eq!(
        q("Interviewers Remember Stories", REASON),
        "Why do interviewers remember stories?"
    );
    assert_eq!(
        q("Silence Is Your Friend", PLAIN),
        "In what sense is silence your friend?"
    );
    // What a claim denies is asked why, reason or not.
    assert_eq!(
        q(
            "Readability scores don't measure all types of literacy",
            PLAIN
        ),
        "Why don’t readability scores measure all types of literacy?"
    );
    // The reader's own case, said back to them.
    assert_eq!(
        q("My bread tastes sour", PLAIN),
        "What if your bread tastes sour?"
    );
    assert_ne!(
        q("A look at what I'm growing", PLAIN),
        "What if a look at what you're growing?"
    );
    assert_eq!(
        q("Describing cartoons is hard", PLAIN),
        "In what sense is describing cartoons hard?"
    );
    assert_eq!(
        q("When and how to prune", PLAIN),
        "When and how should you prune?"
    );
    assert_eq!(
        q("I am late with the rent", PLAIN),
        "What if you are late with the rent?"
    );
    assert_eq!(
        q("I was told the tool doesn't scale", PLAIN),
        "What if you were told the tool doesn't scale?"
    );
    assert_eq!(
        q("When you know more than the compiler", PLAIN),
        "What should you do when you know more than the compiler?"
    );
    assert_eq!(
        q("Some people seek help", PLAIN),
        "How do some people seek help?"
    );
    assert_eq!(q("It's complicated", PLAIN), "How is it complicated?");
    assert_eq!(q("Context matters", PLAIN), "Why does context matter?");
    // A noun and its participle name things: no statement to explain.
    assert_eq!(
        q("Errors caused by timeouts", PLAIN),
        "What matters about errors caused by timeouts?"
    );
    assert_eq!(
        q("Tools used in production", PLAIN),
        "What matters about tools used in production?"
    );
}

#[test]
fn a_noun_before_a_base_verb_or_a_preposition_is_no_statement() {
    // A singular noun takes no verb in its base form: "overload" is a
    // noun here; "on" is a preposition however the tagger reads it.
    for heading in [
        "Work overload",
        "Feedback on pull requests",
        "Task list",
        "Task processing",
    ] {
        let asked = q(heading, "It comes up every week in the team.");
        assert!(!asked.starts_with("How do"), "{heading}: {asked}");
        assert!(
            asked.to_lowercase().contains(&heading.to_lowercase()),
            "{heading}: {asked}"
        );
    }
    // Over advice, a noun and a gerund still name an activity, not
    // advice to "task".
    let over_advice = q("Task processing", PLAIN);
    assert!(!over_advice.contains("should you"), "{over_advice}");
    // A clause placing advice is no statement; a gerund with no object
    // after it, or a word that is never a verb, asks no "how".
    assert_eq!(
        q("Before you get started", PLAIN),
        "What should you do before you get started?"
    );
    assert_eq!(
        q("Soldering 101", PLAIN),
        "What does soldering 101 involve?"
    );
}

#[test]
fn labels_prepositions_and_short_gerunds_make_questions() {
    assert_eq!(
        q("Drawbacks: caching", PLAIN),
        "What are the drawbacks of caching?"
    );
    assert_eq!(
        q("Disadvantage(s): replication", PLAIN),
        "What are the disadvantages of replication?"
    );
    let mut sec = section("In a queue", PLAIN);
    sec.context = Some("Latency in a queue vs in a stack".into());
    let h = analyse("in a queue");
    assert_eq!(
        noun_question(&h, "in a queue", &sec, (false, false), '\u{2019}'),
        "What matters about latency in a queue?"
    );
    assert_eq!(q("Giving feedback", PLAIN), "How do you give feedback?");
    assert_eq!(q("Explain why", REASON), "How should you explain why?");
    assert_eq!(
        q("Consider getting a bottle opener", REASON),
        "Why should you get a bottle opener?"
    );
    assert_eq!(
        q("The cost of a slow build is paid daily", PLAIN),
        "How is the cost of a slow build paid daily?"
    );
    assert_eq!(
        q("A change that needs context", PLAIN),
        "What matters about a change that needs context?"
    );
}

#[test]
fn a_clitic_auxiliary_is_written_out_when_it_moves() {
    assert_eq!(
        q("How you'll receive the funds", PLAIN),
        "How will you receive the funds?"
    );
}

#[test]
fn headings_get_the_article_a_question_needs() {
    let a = |t: &str| with_article(&analyse(t), t);
    assert_eq!(a("load balancer"), "a load balancer");
    assert_eq!(a("garbage collector"), "a garbage collector");
    assert_eq!(a("first line"), "the first line");
    assert_eq!(a("water"), "water");
    assert_eq!(a("paper"), "paper");
    assert_eq!(a("order"), "order");
    assert_eq!(a("load balancers"), "load balancers");
    assert_eq!(a("eventual consistency"), "eventual consistency");
    assert_eq!(a("the first line"), "the first line");
    assert_eq!(a("starting with a starter"), "starting with a starter");
}

#[test]
fn noun_phrases_and_questions() {
    assert_eq!(
        q(
            "Garbage collection",
            "Garbage collection is the automatic freeing of memory that no code can reach."
        ),
        "What is garbage collection?"
    );
    // "Call" is the heading's word, not the sentence's verb.
    assert_eq!(
        q(
            "The call stack",
            "The Call Stack is a data structure that keeps track of running functions."
        ),
        "What is the call stack?"
    );
    assert_eq!(
        q("The Counteroffer", PLAIN),
        "What matters about the counteroffer?"
    );
    assert_eq!(
        q("What Do They Really Ask?", PLAIN),
        "What do they really ask?"
    );
    assert_eq!(
        q("Why keep a lab notebook", PLAIN),
        "Why keep a lab notebook?"
    );
    assert_eq!(
        q("How to Answer Salary Questions", PLAIN),
        "How should you answer salary questions?"
    );
    assert_eq!(
        q("Handling a Lowball Offer", PLAIN),
        "How do you handle a lowball offer?"
    );
}

/// The point cards' questions of a whole lesson.
pub(in crate::lesson::cards) fn lesson_fronts(text: &str) -> Vec<String> {
    lesson_pairs(text).into_iter().map(|(f, _)| f).collect()
}

/// The (front, back) of every question card the lesson gives.
pub(in crate::lesson::cards) fn lesson_pairs(text: &str) -> Vec<(String, String)> {
    let deck = crate::lesson::generate(std::path::Path::new("lesson.md"), text).expect("a lesson");
    deck.cards
        .into_iter()
        .filter_map(|c| Some((c.front?, c.back.unwrap_or_default())))
        .collect()
}

#[test]
fn a_case_the_reader_is_in_asks_what_to_do_in_their_words() {
    assert_eq!(
        q(
            "When kneading the dough it sticks to my hands",
            "Wet your hands first, as a little water keeps the dough from sticking."
        ),
        "What should you do when kneading the dough it sticks to your hands?"
    );
}

#[test]
fn a_case_heading_over_statements_asks_when() {
    let fronts = lesson_fronts(
        "# Renting or buying\n\n## The costs compared\n\n\
         A buyer pays a deposit and fees, while a renter pays a month in advance.\n\n\
         ## When renting wins\n\n\
         Renting wins when you expect to move within five years, as the fees eat any gain.\n\n\
         ## When the landlord raises the rent\n\n\
         Ask for the reason in writing and compare the rents of nearby flats.\n",
    );
    for front in [
        "How do the costs compare?",
        "When does renting win?",
        // Over advice, the case is one to act in.
        "What should you do when the landlord raises the rent?",
    ] {
        assert!(fronts.contains(&front.to_string()), "{front}: {fronts:?}");
    }
}

#[test]
fn two_alternatives_are_asked_how_they_differ() {
    let fronts = lesson_fronts(
        "# Paying for a loan\n\n## Fixed or adjustable rates\n\n\
         A fixed rate stays the same for the whole loan. \
         An adjustable rate can change after a set period.\n\n\
         ## Tabs or spaces\n\n\
         Tabs let each reader pick a width, while spaces look the same everywhere.\n",
    );
    for front in [
        "How do fixed rates differ from adjustable rates?",
        "How do tabs differ from spaces?",
    ] {
        assert!(fronts.contains(&front.to_string()), "{front}: {fronts:?}");
    }
}

#[test]
fn what_exists_is_no_reason_for_advice() {
    let fronts = lesson_fronts(
        "# Staying well\n\n## Watch your pace\n\n\
         There are checklists that help you notice when you are working too long.\n\n\
         ## Review within a day\n\n\
         A change that waits for days goes stale and gets harder to merge.\n",
    );
    assert!(
        !fronts.contains(&"Why should you watch your pace?".to_string()),
        "{fronts:?}"
    );
    assert!(
        fronts.contains(&"Why should you review within a day?".to_string()),
        "{fronts:?}"
    );
}

#[test]
fn a_span_of_years_and_why_to_make_questions() {
    let fronts = lesson_fronts(
        "# Machine learning\n\nA short history of the field.\n\n## 1993 - 2011\n\n\
         Data and computing power grew fast in these years, and models grew with them.\n\n\
         ## Why to hold a retrospective\n\n\
         A retrospective keeps the team improving, because it looks back at what went wrong.\n\n\
         ## Emulating private fields\n\n\
         A closure can hide a counter from the code around it.\n",
    );
    for front in [
        "\u{201c}Machine learning\u{201d}: what happened from 1993 to 2011?",
        "Why should you hold a retrospective?",
    ] {
        assert!(fronts.contains(&front.to_string()), "{front}: {fronts:?}");
    }
    // A gerund before a participle is no statement.
    assert!(
        !fronts
            .iter()
            .any(|f| f.starts_with("What does it mean that")),
        "{fronts:?}"
    );
}

#[test]
fn a_checklist_is_no_sequence_of_steps() {
    let fronts = lesson_fronts(
        "# Service playbook\n\n## Make it simple\n\nSimple services serve everyone.\n\n\
         ### Checklist\n\n\
         1. Use a simple style guide for the service\n\
         2. Give users clear information about where they are\n\
         3. Follow accessibility best practices\n\
         4. Use language that is familiar to the user\n",
    );
    assert!(
        !fronts
            .iter()
            .any(|f| f.contains("step 3") || f.contains("what do you do after")),
        "{fronts:?}"
    );
}

#[test]
fn a_rule_of_being_or_a_heading_opening_on_not_asks_what_it_means() {
    let q = |h: &str, why: bool| {
        crate::lesson::cards::statement::statement_question(&analyse(h), h, (why, false), '\'')
    };
    assert_eq!(
        q("Hands should be quiet", false),
        "What does \u{201c}Hands should be quiet\u{201d} mean in practice?"
    );
    let not_all = "What does it mean that not all pans are oven-safe?";
    assert_eq!(q("Not all pans are oven-safe", false), not_all);
    assert_eq!(q("Not all pans are oven-safe", true), not_all);
    // A part's "not" denies nothing: the rule is asked what it means.
    assert!(q("Labels should be short and not vague", false).starts_with("What does"));
    assert_eq!(
        q("scores don't measure skill", false),
        "Why don't scores measure skill?"
    );
}

#[test]
fn a_rule_then_what_to_do_instead_after_a_colon_asks_what_to_do_rather() {
    use crate::lesson::cards::question::tests::lesson_fronts;
    let fronts = lesson_fronts(
        "# Asking for help\n\nA few rules I keep when I ask people for their time.\n\n\
         1.  **Don't.** If you have to push someone into it, they do not want to do it. \
         Respect that and leave the thing undone.\n\n\
         2.  **Don't sell a tool: share a habit.** People keep a habit long after they have \
         forgotten the tool that came with it.\n\n\
         3.  **Be kind.** Kindness is remembered when the favour is long forgotten.\n",
    );
    assert!(
        fronts.contains(&"What should you do rather than sell a tool?".to_string()),
        "{fronts:?}"
    );
    // A rule of one word names nothing to do rather.
    assert!(
        !fronts.iter().any(|f| f.contains("rather than ?")),
        "{fronts:?}"
    );
}

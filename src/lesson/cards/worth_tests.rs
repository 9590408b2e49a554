//! Which sentences answer a section, checked on whole lessons.

use crate::lesson::cards::question::tests::{lesson_fronts, lesson_pairs};

/// The back of the lesson's first question card.
fn first_back(text: &str) -> String {
    lesson_pairs(text).swap_remove(0).1
}

#[test]
fn a_tips_few_words_under_its_label_are_its_point() {
    let pairs = lesson_pairs(
        "# Teaching online\n\n## At the desk\n\n\
         - **Golden rule of long classes**: People need breaks.\n\
         - **Keep water nearby.** Sip it during long classes so that your voice holds.\n\
         - **Light your face from the front.** Light from behind turns you into a shadow.\n",
    );
    assert!(
        pairs.iter().any(|(_, back)| back == "People need breaks."),
        "{pairs:?}"
    );
}

#[test]
fn what_the_writer_does_does_not_answer_why_to_do_it() {
    let fronts = lesson_fronts(
        "# Making videos\n\n## Film the interview\n\n\
         Put the camera on a tripod at eye height for the whole interview.\n\n\
         ## Post the videos\n\n\
         We post the videos on our site and on our channel every Friday.\n\n\
         ## Keep them short\n\n\
         Viewers leave after two minutes, so a short video is watched to the end.\n",
    );
    assert!(
        !fronts
            .iter()
            .any(|f| f.starts_with("Why") && f.contains("post")),
        "{fronts:?}"
    );
}

#[test]
fn a_list_of_examples_under_a_step_is_no_sequence() {
    let fronts = lesson_fronts(
        "# Starting a choir\n\n## Step 1. Map out your season and resources\n\n\
         ### Write a plan\n\nConsider elements such as:\n\n\
         - Choose a clear aim for the choir and where you see it going.\n\
         - Set goals you can reach within one season.\n\
         - Name the singers you hope to reach and how to find them.\n\
         - List the venues that could host a weekly rehearsal.\n\n\
         ### Count your resources\n\n\
         Find out whether the school has a budget and a piano for rehearsals.\n\n\
         ## Step 2. Rehearse\n\nRehearse every week, because voices need steady practice.\n",
    );
    assert!(
        !fronts.iter().any(|f| f.contains("what do you do after")),
        "{fronts:?}"
    );
    // ("Map out your season and resources" is advice, no list of sources.)
    assert!(
        fronts.iter().any(|f| f.contains("count your resources")),
        "{fronts:?}"
    );
}

#[test]
fn a_list_its_lead_in_names_as_advice_is_no_sequence() {
    let fronts = lesson_fronts(
        "# Starting a choir\n\n## Step 1. Recruit singers\n\n### Put up posters\n\n\
         Put up a poster at the library and the school, because most singers join through \
         a friend or a poster.\n\n\
         ## Step 2. Keep them singing\n\n### Track attendance\n\n\
         Use a register to see who comes back after the first month. Ask those who leave \
         what would bring them back.\n\n\
         The town choir of Ashford began with twelve singers and had forty by its second \
         season, when it sang at the summer fair.\n\n\
         By the end of that season its concerts drew over two hundred people. Its conductor \
         offers three pieces of advice from that season:\n\n\
         - Know why each singer came and what they hope to sing.\n\
         - Stay flexible about the repertoire in the first months.\n\
         - Celebrate each concert, however small the audience was.\n",
    );
    assert!(
        !fronts
            .iter()
            .any(|f| f.contains("what do you do first") || f.contains("what do you do after")),
        "{fronts:?}"
    );
}

#[test]
fn examples_a_lead_in_announces_and_housekeeping_ask_nothing() {
    let fronts = lesson_fronts(
        "# Company research\n\nLearn what a company values before you apply, because your story \
         should fit its mission.\n\n\
         ## Missions\n\nEvery company states what it is for.\n\n\
         Here are a few examples:\n\n\
         - Acme: Our mission is to make every road safe for walkers and riders.\n\
         - Globex: We build tools that let small shops sell anywhere in the world.\n\n\
         Read the mission aloud and ask how your work fits it, since interviewers listen for that.\n\n\
         ## Example questions\n\nYou can find many sample questions by searching for them online.\n\n\
         ## Learn more\n\nThe company blog lists more of its values and projects.\n",
    );
    assert!(
        fronts
            .iter()
            .all(|f| !f.contains("Acme") && !f.contains("Globex") && !f.contains("learn more")),
        "{fronts:?}"
    );
    assert!(
        fronts
            .iter()
            .all(|f| !f.starts_with("How should you example")),
        "{fronts:?}"
    );
}

#[test]
fn bold_advice_running_on_in_a_checklist_labels_no_tips() {
    let fronts = lesson_fronts(
        "# Daily reviews\n\n## Your inbox\n\nA short review lets your brain rest, because \
         nothing is left loose.\n\nFor each task in the inbox you choose one of four options:\n\n\
         - **Do it**, if it only takes a minute or two\n\
         - **Drop it**, which means you are not going to do it\n\
         - **Defer it**, which means you are going to do it later\n\
         - **Delegate it**, which means someone else is going to do it\n",
    );
    assert!(fronts.iter().all(|f| !f.contains(" it?")), "{fronts:?}");
}

#[test]
fn only_a_course_pages_own_housekeeping_teaches_nothing() {
    use super::housekeeping;
    assert!(housekeeping("Learning objectives"));
    assert!(housekeeping("Knowledge Check"));
    assert!(housekeeping("Corrections"));
    assert!(housekeeping("Errata:"));
    assert!(!housekeeping("Error corrections"));
    // (A lesson on goal setting teaches its "Objectives".)
    assert!(!housekeeping("Objectives"));
    assert!(!housekeeping("References"));
}

#[test]
fn the_text_speaking_of_itself_past_the_introduction_is_no_point() {
    let fronts = lesson_fronts(
        "# Monoliths and services\n\n\
         This post weighs a monolith against many small services.\n\n\
         ## Costs of services\n\n\
         Every call between services crosses the network and can fail.\n\n\
         ## Benefits of services\n\n\
         This post has had a cautionary tone so far. I covered the costs at length.\n",
    );
    assert!(
        !fronts.iter().any(|f| f.contains("benefits of services")),
        "{fronts:?}"
    );
    assert!(
        fronts
            .iter()
            .any(|f| f.starts_with("What crosses the network")),
        "{fronts:?}"
    );
}

#[test]
fn a_why_question_is_answered_by_its_because() {
    let pairs = lesson_pairs(
        "# Ciphers\n\n## Questions\n\n### Why not encrypt every message with a key pair?\n\n\
         Ans.: Because it is much slower. Key pairs are used once, to agree on a shared key \
         that encrypts the rest of the talk.\n",
    );
    assert!(
        pairs
            .iter()
            .any(|(_, back)| back.starts_with("Because it is much slower.")),
        "{pairs:?}"
    );
}

#[test]
fn a_why_heading_is_answered_by_the_gains_the_section_names() {
    let pairs = lesson_pairs(
        "# Walking to work\n\n## Why walk?\n\n\
         In a city, we sit in traffic and on trains for hours every week. We are always in a hurry.\n\n\
         There have been many studies that show there are lots of benefits to walking. \
         These include lower stress, better sleep and a clearer head in the morning.\n\n\
         ## Picking a route\n\n\
         Choose a route through a park, since green streets lower the noise you hear.\n",
    );
    let (_, back) = pairs
        .iter()
        .find(|(front, _)| front == "Why walk?")
        .unwrap_or_else(|| panic!("{pairs:?}"));
    assert!(back.starts_with("There have been many studies"), "{back}");
}

#[test]
fn a_question_over_labelled_items_is_answered_by_their_labels() {
    let pairs = lesson_pairs(
        "# Running a club\n\n## What are the common ways to run a club?\n\n\
         There are three common ways to run a club:\n\n\
         * **One leader:** a single person decides, and members advise.\n\
         * **A committee:** a small elected group decides together by vote.\n\
         * **Open meetings:** every member may speak and vote at each meeting.\n\n\
         ## How do I choose a treasurer?\n\n\
         Pick someone who already keeps careful records. The treasurer should \
         never approve spending, so that every payment is checked by two people.\n",
    );
    let answer = pairs
        .iter()
        .find(|(f, _)| f == "What are the common ways to run a club?")
        .map(|(_, b)| b.as_str());
    assert_eq!(
        answer,
        Some("There are three common ways to run a club: One leader, A committee, Open meetings."),
        "{pairs:?}"
    );
}

#[test]
fn a_bare_exercise_heading_is_a_topic_a_numbered_one_a_task() {
    let text = "# Hands that hurt\n\n## Rest\n\nStop typing for five minutes every hour, \
                because tired tendons swell.\n\n## Exercise\n\nWalk for half an hour three \
                times a week, because moving keeps blood flowing to the arms.\n\n\
                ## Exercise 2\n\nWrite down every pause you took today.\n";
    let fronts = lesson_fronts(text);
    // (Its advice gives its reason, so the card asks why: "Why should you
    // walk for half an hour…?")
    assert!(
        fronts.iter().any(|f| f.contains("walk for half an hour")),
        "{fronts:?}"
    );
    assert!(!fronts.iter().any(|f| f.contains("pause")), "{fronts:?}");
}

#[test]
fn a_synopsis_naming_no_parts_gives_way_to_the_subjects_statement() {
    let pairs = crate::lesson::cards::question::tests::lesson_pairs(
        "# Batch writes\n\n\
         This page describes the problem that batching is designed to solve. \
         Batch writes are a technique for sending many rows in one round trip instead of one row at a time.\n\n\
         ## Sizes\n\n\
         Keep each batch under a thousand rows, because large batches hold locks for longer.\n\n\
         ## Errors\n\n\
         Retry a failed batch as a whole, since the database rolls back every row of it.\n",
    );
    let intro = pairs
        .iter()
        .find(|(f, _)| f.contains("batch writes") || f.contains("Batch writes"))
        .unwrap_or_else(|| panic!("{pairs:?}"));
    assert!(
        intro.1.starts_with("Batch writes are a technique"),
        "{pairs:?}"
    );
}

#[test]
fn a_bare_question_word_asks_it_of_the_heading_above() {
    let fronts = lesson_fronts(
        "# Storage engines\n\nA database hands its reads and writes to a storage engine.\n\n\
         ## Pluggable engines\n\nDatabases let you swap the engine under the same query language.\n\n\
         ### But why?\n\nAn engine built for heavy writes suits a log, because it appends.\n",
    );
    assert!(
        fronts.iter().any(|f| f == "Pluggable engines: why?"),
        "{fronts:?}"
    );
}

#[test]
fn a_step_done_by_a_command_asks_how_and_answers_with_the_command() {
    let pairs = lesson_pairs(
        "# Python projects\n\n## Packages\n\n\
         1. **Install a package**\n\n   ```bash\n   pip install requests\n   ```\n\n   \
         This fetches the package and what it needs into the environment.\n\n\
         1. **Record the installed versions**\n\n   ```bash\n   pip freeze > requirements.txt\n   ```\n\n   \
         It lists each package at its exact version, so a teammate can rebuild the same set.\n",
    );
    assert_eq!(
        pairs[..2],
        [
            (
                "How should you install a package?".to_string(),
                "Run: pip install requests. This fetches the package and what it needs into the environment.".to_string()
            ),
            (
                "How should you record the installed versions?".to_string(),
                "Run: pip freeze > requirements.txt. It lists each package at its exact version, so a teammate can rebuild the same set.".to_string()
            ),
        ],
        "{pairs:?}"
    );
}

#[test]
fn for_that_reason_leans_on_the_reason_before_it() {
    let pairs = lesson_pairs(
        "# Testing\n\n## Write API tests first\n\n\
         **TL;DR:** Most projects have no automated tests at all. For that reason, start with \
         API tests, which give the most coverage for the effort.\n\n\
         **Otherwise:** You may spend days on unit tests and cover only a fifth of the system.\n",
    );
    let (front, back) = &pairs[0];
    assert_eq!(front, "Why should you write API tests first?");
    assert!(!back.starts_with("For that reason"), "{back}");
    assert!(
        back.starts_with("Most projects have no automated tests"),
        "{back}"
    );
}

#[test]
fn a_cloze_leaves_out_the_summary_label_opening_its_sentence() {
    let deck = crate::lesson::generate(
        std::path::Path::new("lesson.md"),
        "# Testing\n\n## Use a production-like environment\n\n\
         **TL;DR:** End-to-end testing with live data used to be the weakest link of the \
         delivery pipeline because it depends on heavy services like databases. Run it in an \
         environment as close to production as you can.\n",
    )
    .expect("a lesson");
    let clozes: Vec<String> = deck.cards.into_iter().filter_map(|c| c.cloze).collect();
    assert!(!clozes.is_empty());
    assert!(clozes.iter().all(|c| !c.contains("TL;DR")), "{clozes:?}");
}

#[test]
fn a_lead_in_never_follows_the_first_sentence_onto_a_back() {
    let back = first_back(
        "# Questions for the hiring manager\n\n## What does the next year look like?\n\n\
         It asks where the team is heading, and whether that suits your own plans. To do so, \
         ask questions like:\n\n- \"What will the team ship next?\"\n- \"Who decides?\"\n\n\
         A manager who cannot answer has not thought about it.\n",
    );
    assert!(!back.contains("questions like"), "{back}");
}

#[test]
fn the_means_to_the_headings_action_answers_how() {
    let pairs = lesson_pairs(
        "# Keeping notes\n\n## Keep the project notes safe\n\n\
         By default, the editor keeps the project notes in one folder on the laptop. \
         By copying that folder to a second disk each night, you can keep the notes safe. \
         Think of the second disk as a spare key.\n",
    );
    assert_eq!(pairs[0].0, "How should you keep the project notes safe?");
    assert!(
        pairs[0].1.starts_with("By copying that folder"),
        "{pairs:?}"
    );
}

#[test]
fn the_details_of_an_example_are_no_reason() {
    let back = first_back(
        "# Pinning versions\n\n## Why pin versions?\n\n\
         Without a pinned version, a build can change under you overnight. \
         Consider a service called Relay. Since Relay uses a feature added in 2.4, \
         you can safely allow any version from 2.4 up to 3.0. \
         A pinned version makes every build repeat the last one.\n",
    );
    assert!(!back.contains("Relay"), "{back}");
}

#[test]
fn a_sequence_of_steps_keeps_the_command_of_each() {
    let pairs = lesson_pairs(
        "# Python projects\n\n## Create the environment\n\n\
         1. **Make a project folder**\n\n   ```bash\n   mkdir notes\n   ```\n\n\
         2. **Create a virtual environment**\n\n   ```bash\n   python3 -m venv .venv\n   ```\n\n\
         3. **Activate the environment** so that pip installs into the project:\n\n   \
         ```bash\n   source .venv/bin/activate\n   ```\n",
    );
    assert_eq!(
        pairs[0].1,
        "Make a project folder: mkdir notes; create a virtual environment: python3 -m venv .venv; \
         activate the environment so that pip installs into the project: \
         source .venv/bin/activate.",
        "{pairs:?}"
    );
}

#[test]
fn a_tutorials_closing_congratulations_teaches_nothing() {
    let fronts = lesson_fronts(
        "# Engine quick start\n\n\
         ## Start the engine\n\n\
         Run the start script, which opens a console on port 8080.\n\n\
         ## Congratulations!\n\n\
         You have finished the quick start. To learn more, we suggest the following next steps:\n\n\
         - Read through the manual to learn how the engine works at a high level, \
         its main ideas, and how it compares to other engines.\n\
         - Join a local user group and watch talks from the yearly summit of the community.\n",
    );
    assert!(
        !fronts
            .iter()
            .any(|f| f.contains("manual") || f.contains("user group")),
        "{fronts:?}"
    );
    assert!(
        fronts.iter().any(|f| f.contains("start the engine")),
        "{fronts:?}"
    );
}

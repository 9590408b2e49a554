//! Tests of the point card's back ([`super`]).

use super::*;
use crate::lesson::cards::compose::{shorten, without_label};
use crate::lesson::cards::listed::list_back;

#[test]
fn a_point_added_to_another_weighs_less_than_its_own() {
    let s = |t: &str| Sent::new(t.into(), PieceKind::Para);
    let heading: BTreeSet<String> = [stem("control")].into();
    let own = s("A lack of control leaves people without the tools their work needs.");
    let added = s("A lack of control can also leave people without the tools they need.");
    assert!(sentence_score(1, &own, &heading, false) > sentence_score(1, &added, &heading, false));
    // A hook courting the reader is no point either.
    let hook = s("Chances are that a lack of control has left you without the tools you need.");
    assert!(hook.hook && !own.hook);
    assert!(sentence_score(1, &own, &heading, false) > sentence_score(1, &hook, &heading, false));
}

#[test]
fn a_conclusion_the_writer_draws_weighs_as_a_sentence_of_its_own() {
    let s = |t: &str| Sent::new(t.into(), PieceKind::Para);
    let heading: BTreeSet<String> = [stem("backup")].into();
    let conclusion =
        s("Therefore every backup should be restored on a spare machine once a month.");
    let added = s("Moreover every backup should be restored on a spare machine once a month.");
    let plain = s("Every backup should be restored on a spare machine once a month.");
    assert!(conclusion.concludes && !added.concludes && !plain.concludes);
    let score = |x: &Sent| sentence_score(2, x, &heading, false);
    assert!(score(&conclusion) > score(&added));
    assert!((score(&conclusion) - score(&plain)).abs() < 0.01);
}

#[test]
fn a_case_named_in_a_walk_through_is_not_the_point() {
    let s = |t: &str| Sent::new(t.into(), crate::lesson::read::PieceKind::Para);
    let none = BTreeSet::new();
    assert!(names_a_case(
        &s("The first call gives the Yellow team fifty points."),
        &none
    ));
    assert!(!names_a_case(
        &s("The cache keeps a copy of every answer."),
        &none
    ));
    let heading: BTreeSet<String> = [stem("expires")].into();
    assert!(!names_a_case(
        &s("Freshness was set by the Expires header."),
        &heading
    ));
}

#[test]
fn the_sentence_after_the_best_finishes_its_point() {
    let para = |t: &str, piece: usize| {
        let mut s = Sent::new(t.into(), PieceKind::Para);
        s.piece = piece;
        s
    };
    let ss = [
        para(
            "The project does not publish long-term support releases.",
            0,
        ),
        para(
            "The team supports the latest release and the one before it.",
            0,
        ),
        para("Security fixes reach both of those releases quickly.", 1),
    ];
    let all = [0, 1, 2];
    let (chosen, _) = choose_back(&ss, &all, &[2.0, 0.5, 0.2], false, (usize::MAX, 0.0), false);
    assert_eq!(chosen, [0, 1]);
    // The best ending its paragraph takes the sentence before it, not
    // one from the next paragraph, and never one scoring well below
    // nothing (see `GOES_ON`).
    let (chosen, _) = choose_back(&ss, &all, &[0.1, 2.0, 0.2], false, (usize::MAX, 0.0), false);
    assert_eq!(chosen, [0, 1]);
    let (chosen, _) = choose_back(
        &ss,
        &all,
        &[-0.7, 2.0, 0.2],
        false,
        (usize::MAX, 0.0),
        false,
    );
    assert_eq!(chosen, [1]);
    let (chosen, _) = choose_back(
        &ss,
        &all,
        &[2.0, -0.8, 0.2],
        false,
        (usize::MAX, 0.0),
        false,
    );
    assert_eq!(chosen, [0]);
}

#[test]
fn a_question_asking_for_several_things_gets_the_list() {
    let item = |t: &str| Sent::new(t.into(), PieceKind::Item);
    let ss = [
        Sent::new("Failover has costs.".into(), PieceKind::Para),
        item("It adds more hardware."),
        item("Data may be lost if the active node fails."),
    ];
    let (chosen, back) = list_back(&ss, &[1, 2]).expect("a list back");
    assert_eq!(chosen, [1, 2]);
    assert_eq!(
        back,
        "It adds more hardware. Data may be lost if the active node fails."
    );
    // One item is no list; seven are too many for a back.
    assert!(list_back(&ss, &[1]).is_none());
    assert!(list_back(&ss, &[0, 1, 2, 0, 1, 2, 0]).is_none());
}

#[test]
fn long_backs_are_cut_at_a_clause() {
    let long = format!(
        "{}; and then some more words here.",
        "word ".repeat(70).trim()
    );
    let short = shorten(&long, 300);
    assert!(short.chars().count() <= 300, "{short}");
    assert!(short.ends_with('\u{2026}'), "{short}");
}

#[test]
fn the_writers_summary_label_marks_the_point_not_a_pointer() {
    let s = |t: &str| Sent::new(t.into(), PieceKind::Para);
    let summary = s("TL;DR: Wrap every error with what the caller was doing at the time.");
    assert!(!summary.pointer && summary.emphatic);
    let note = s("Note: this check runs only once a day on the main branch.");
    assert!(note.pointer);
    assert_eq!(
        without_label("TL;DR: Wrap every error."),
        "Wrap every error."
    );
}

#[test]
fn a_how_to_heading_over_a_list_of_advice_is_answered_by_the_list() {
    let deck = crate::lesson::generate(
        std::path::Path::new("lesson.md"),
        "# Meetings\n\n## How to run a short meeting\n\n\
         Short meetings take some care. Here are a few tips:\n\n\
         - Send the agenda a day before.\n\
         - Start on time, even if people are missing. Latecomers catch up.\n\
         - End with the decisions and who owns each.\n\n\
         People will thank you for the time you give back to them.\n",
    )
    .expect("a lesson");
    let card = deck
        .cards
        .iter()
        .find(|c| c.front.as_deref() == Some("How should you run a short meeting?"))
        .expect("the how-to card");
    assert_eq!(
        card.back.as_deref(),
        Some(
            "Send the agenda a day before; start on time, even if people are missing; \
             end with the decisions and who owns each."
        )
    );
}

#[test]
fn a_first_sentence_all_in_bold_weighs_more_than_a_phrase_in_bold() {
    let heading: BTreeSet<String> = [stem("guidance")].into();
    let mut whole = Sent::new(
        "It is the author who fixes a change, not the reviewer.".into(),
        PieceKind::Para,
    );
    whole.stressed = vec![(0, whole.text.len())];
    let mut part = Sent::new(
        "It is the author who fixes a change, not the reviewer.".into(),
        PieceKind::Para,
    );
    part.stressed = vec![(10, 16)];
    assert!(
        sentence_score(0, &whole, &heading, false)
            > sentence_score(0, &part, &heading, false) + 0.5
    );
    // Later in the section it weighs as a phrase in bold.
    assert_eq!(
        sentence_score(2, &whole, &heading, false),
        sentence_score(2, &part, &heading, false)
    );
}

#[test]
fn a_list_the_point_announces_joins_the_back() {
    let back_of = |text: &str, front: &str| {
        let deck =
            crate::lesson::generate(std::path::Path::new("lesson.md"), text).expect("a lesson");
        deck.cards
            .iter()
            .find(|c| c.front.as_deref() == Some(front))
            .and_then(|c| c.back.clone())
            .expect("the point card")
    };
    // The best sentence, then a lead-in leaning on it and its list.
    let lints = "# Tools\n\n## Dependency linting\n\n\
                 A dependency linter reads your lock file. It checks three things:\n\n\
                 - the licence of every package\n\
                 - packages present in two versions\n\
                 - advisories against a package\n";
    assert_eq!(
        back_of(lints, "What matters about dependency linting?"),
        "A dependency linter reads your lock file. It checks three things: the licence of \
         every package; packages present in two versions; advisories against a package."
    );
    // A lead-in naming the heading's subject, before the best sentence.
    let agendas = "# Meetings\n\n## Agendas\n\n\
                   A useful agenda has three parts:\n\n\
                   - the decision the meeting must reach\n\
                   - the people who need to be there\n\
                   - the material to read beforehand\n\n\
                   Send it a day ahead so people can prepare.\n";
    assert_eq!(
        back_of(agendas, "What three parts does a useful agenda have?"),
        "A useful agenda has three parts: the decision the meeting must reach; the people \
         who need to be there; the material to read beforehand."
    );
    // A question heading answered at once by a lead-in and its list: the
    // remarks after the list are no answer, however many heading words.
    let exam = "# Driving licence\n\n## What does the theory exam cover?\n\n\
                Broadly, the theory exam covers these areas:\n\n\
                - road signs and markings\n\
                - rules of priority\n\
                - first aid at an accident\n\n\
                The good news is that every theory exam question is published online. \
                Practise the theory exam questions at home before you book.\n";
    assert_eq!(
        back_of(exam, "What does the theory exam cover?"),
        "Broadly, the theory exam covers these areas: road signs and markings; rules of \
         priority; first aid at an accident."
    );
    // A sentence summing the list up with "those" reads after it.
    let names = "# Naming\n\n## Choosing a name\n\n\
                 A variable name has two jobs:\n\n\
                 - it tells what the value holds\n\
                 - it tells what the value is not\n\n\
                 Once a name does those jobs, every further letter only slows the reader.\n";
    assert_eq!(
        back_of(names, "What two jobs does a variable name have?"),
        "A variable name has two jobs: it tells what the value holds; it tells what the \
         value is not. Once a name does those jobs, every further letter only slows the reader."
    );
}

#[test]
fn a_question_answered_by_a_list_of_fragments_is_found() {
    let deck = crate::lesson::generate(
        std::path::Path::new("lesson.md"),
        "# Pair programming\n\n## Overview\n\nTwo people write code at one machine.\n\n\
         ## Why pair?\n\n\
         - Spreads knowledge of the code across the team\n\
         - Catches mistakes while they are cheap\n\
         - Keeps both people focused\n",
    )
    .expect("a lesson");
    let card = deck
        .cards
        .iter()
        .find(|c| c.front.as_deref() == Some("Why pair?"))
        .expect("the question's card");
    assert_eq!(
        card.back.as_deref(),
        Some(
            "Spreads knowledge of the code across the team. Catches mistakes while they are \
             cheap. Keeps both people focused."
        )
    );
}

#[test]
fn a_heading_over_short_items_alone_is_answered_by_them() {
    let deck = crate::lesson::generate(
        std::path::Path::new("lesson.md"),
        "# Release checklist\n\nWhat to check before a release goes out.\n\n\
         ## Before tagging\n\n\
         - [ ] Changelog lists every change.\n\
         - [ ] Version number is bumped.\n\n\
         ## After tagging\n\n\
         - [x] Packages are published.\n\
         - [x] Announcement is sent.\n",
    )
    .expect("a lesson");
    let backs: Vec<&str> = deck
        .cards
        .iter()
        .filter_map(|c| c.back.as_deref())
        .collect();
    assert!(
        backs.contains(&"Changelog lists every change; version number is bumped."),
        "{backs:?}"
    );
    assert!(
        backs.contains(&"Packages are published; announcement is sent."),
        "{backs:?}"
    );
}

#[test]
fn a_glossary_entry_is_answered_by_its_definition_first() {
    let deck = crate::lesson::generate(
        std::path::Path::new("lesson.md"),
        "# Bookkeeping terms\n\n\
         **Ledger**: A book of accounts with one page for each account. \
         Clerks used to copy each ledger entry by hand and total the ledger pages \
         every month to draw up the ledger reports. \
         A ledger is also called a book of final entry.\n\n\
         **Invoice**: A bill a seller sends for goods delivered. \
         Each invoice carries a number, a date and the amount the invoice is for.\n\n\
         **Receipt**: A note that proves a payment was made. \
         Shops print the receipt when the payment goes through.\n",
    )
    .expect("a lesson");
    let back = |front: &str| {
        deck.cards
            .iter()
            .find(|c| c.front.as_deref() == Some(front))
            .and_then(|c| c.back.clone())
            .unwrap_or_default()
    };
    assert!(
        back("What is a ledger?").starts_with("A book of accounts"),
        "{:?}",
        back("What is a ledger?")
    );
    assert!(back("What is a receipt?").starts_with("A note that proves"));
}

#[test]
fn advice_ending_in_by_asks_how_and_its_ways_answer() {
    let mut text = String::from(
        "# Hard talks\n\n## The conversation\n\n\
         Open by saying what you saw and how it affected you.\n\n\
         Use the following tips to help steer the talk:\n\n",
    );
    for (advice, way) in [
        (
            "Build trust with the other person",
            "Asking for their side of the story before you give yours.",
        ),
        (
            "Keep your own temper in check",
            "Pausing for a breath before you answer anything that stings.",
        ),
        (
            "Agree on what happens next",
            "Writing down who does what, and by when, before you part.",
        ),
        (
            "Leave room for their ideas",
            "Trying the ideas they bring, even the ones you doubt at first.",
        ),
        (
            "Share the work of fixing it",
            "Asking them which part of the fix they would like to own.",
        ),
        (
            "Check that the plan held",
            "Meeting again a week later to see how things went.",
        ),
    ] {
        text.push_str(&format!("- **{advice} by:**\n    - {way}\n"));
    }
    let deck = crate::lesson::generate(std::path::Path::new("lesson.md"), &text).expect("a lesson");
    let card = deck
        .cards
        .iter()
        .find(|c| c.front.as_deref() == Some("How should you keep your own temper in check?"))
        .expect("the how card");
    assert_eq!(
        card.back.as_deref(),
        Some("Pausing for a breath before you answer anything that stings.")
    );
    assert!(
        deck.cards
            .iter()
            .all(|c| c.front.as_deref().is_none_or(|f| !f.ends_with(" by?")))
    );
}

#[test]
fn a_first_sentence_about_the_advice_answers_in_its_own_words() {
    let deck = crate::lesson::generate(
        std::path::Path::new("lesson.md"),
        "# Slides\n\n## Write notes under every slide\n\n\
         This helps anyone who reads the deck later without you there to explain it.\n\n\
         A slide of pictures says little on its own.\n\n\
         ## Number your slides\n\n\
         Questions at the end can then name the slide they are about.\n",
    )
    .expect("a lesson");
    let card = deck
        .cards
        .iter()
        .find(|c| {
            c.id.as_deref()
                .is_some_and(|id| id.ends_with("write-notes-under-every-slide/point"))
        })
        .expect("the point card");
    let back = card.back.as_deref().unwrap_or("");
    assert!(
        back.starts_with("It helps anyone who reads the deck later"),
        "{back}"
    );
}

#[test]
fn a_runner_up_pointing_back_stays_off_the_back() {
    let deck = crate::lesson::generate(
        std::path::Path::new("lesson.md"),
        "# Logs\n\n## Recovery of the log\n\n\
         Recovery of the log replays every record from the last checkpoint. \
         Each record carries a sequence number. \
         The engine compares that number with the one on the page during recovery of the log.\n",
    )
    .expect("a lesson");
    let back = deck.cards[0].back.clone().expect("a point card");
    assert!(!back.contains("that number"), "{back}");
}

/// The point card of `heading` in `text`: its front and back.
fn point_of(text: &str, heading: &str) -> (String, String) {
    let deck = crate::lesson::generate(std::path::Path::new("lesson.md"), text).expect("a lesson");
    let slug = heading.to_lowercase().replace(' ', "-");
    let card = deck
        .cards
        .iter()
        .find(|c| {
            c.id.as_deref()
                .is_some_and(|id| id.contains(&slug) && id.ends_with("/point"))
        })
        .expect("a point card");
    (card.front.clone().unwrap(), card.back.clone().unwrap())
}

#[test]
fn a_why_too_long_beside_the_best_sentence_is_answered_by_the_reason_alone() {
    let text = "# Keeping secrets\n\n## Keep keys out of the repository\n\n\
         In short: every key, token and password belongs in the deployment's secret store, \
         read at start-up through environment variables that the build never sees and that \
         no developer needs to copy by hand to a laptop.\n\n\
         Otherwise: a key committed once stays in the history because every clone keeps it, \
         long after the line is deleted.\n\n\
         ## Rotate keys on a schedule\n\n\
         Rotation limits how long a leaked key is worth anything to whoever found it.\n";
    let (front, back) = point_of(text, "Keep keys out of the repository");
    assert!(front.starts_with("Why"), "{front}");
    assert!(
        back.to_lowercase().contains("a key committed once stays"),
        "{back}"
    );
    assert!(!back.contains("secret store"), "{back}");
}

#[test]
fn a_remark_on_how_common_a_thing_is_is_no_back() {
    let text = "# Charts\n\n## Avoid pie charts with many slices\n\n\
         Pie charts with many slices are very common in annual reports. \
         Readers cannot compare the angles of thin slices, so the smallest groups blur together.\n\n\
         ## Label the axes\n\n\
         An axis without a label leaves the reader guessing at the units of every value.\n";
    let (_, back) = point_of(text, "Avoid pie charts with many slices");
    assert!(back.starts_with("Readers cannot compare"), "{back}");
    // A point turning from the remark stands without its connective.
    let text = "# Charts\n\n## Avoid pie charts with many slices\n\n\
         Pie charts with many slices are very common in annual reports. \
         However, readers cannot compare the angles of thin slices.\n\n\
         ## Label the axes\n\n\
         An axis without a label leaves the reader guessing at the units of every value.\n";
    let (_, back) = point_of(text, "Avoid pie charts with many slices");
    assert_eq!(back, "Readers cannot compare the angles of thin slices.");
    // Why the thing is met is no point of the lesson either.
    let text = "# Charts\n\n## Pie charts\n\n\
         Pie charts are common because spreadsheets offer them first. \
         Readers cannot compare the angles of thin slices, so small groups blur together.\n\n\
         ## Axes\n\n\
         An axis without a label leaves the reader guessing at the units of every value.\n";
    let deck = crate::lesson::generate(std::path::Path::new("lesson.md"), text).expect("a lesson");
    assert!(
        deck.cards
            .iter()
            .all(|c| !c.front.as_deref().unwrap_or("").contains("common")),
        "{:?}",
        deck.cards
    );
}

#[test]
fn advice_answered_by_what_you_could_do_asks_how_though_a_caveat_gives_a_reason() {
    let text = "# Revision\n\n## Review each chapter separately\n\n\
         You could read each chapter on its own day, giving it your full attention.\n\n\
         Reading a single chapter leaves the evening free for exercises. \
         But be careful, because a week of single chapters leaves no time to see the whole.\n\n\
         ## Test yourself\n\n\
         Recall from memory strengthens what you know far more than reading it again.\n";
    let (front, _) = point_of(text, "Review each chapter separately");
    // (The manner the heading ends with is what it asks for: see `timed.rs`.)
    assert_eq!(front, "How should you review each chapter?");
}

#[test]
fn a_short_heading_its_answer_defines_is_a_term_whatever_verb_it_opens_on() {
    let text = "# Our data\n\n## Reading the times\n\n\
         **“Check Time”** is the last moment we compared a source with our own figures.\n\n\
         **Time zones:** Every time is converted to the time of the capital before it is shown.\n\n\
         **“Last Update”** is the time the region last changed its own figures.\n";
    let (front, _) = point_of(text, "Check time");
    assert!(front.starts_with("What is"), "{front}");
}

#[test]
fn a_dont_answered_by_what_comes_of_it_asks_why_not() {
    let text = "# Writing rules\n\n## Don't define words you never use\n\n\
         A definition with no use in the text sends readers hunting for a topic that never comes.\n\n\
         ## Keep sentences short\n\n\
         Write one idea per sentence and stop at twenty words.\n";
    let (front, _) = point_of(text, "dont define words you never use");
    assert_eq!(front, "Why shouldn't you define words you never use?");
}

#[test]
fn a_back_opening_on_a_lone_but_drops_it() {
    use crate::lesson::cards::compose::compose_back;
    let ss = vec![Sent::new(
        "But writers define terms they never use again in the text.".into(),
        PieceKind::Para,
    )];
    assert_eq!(
        compose_back(&ss, &[0]),
        "Writers define terms they never use again in the text."
    );
    // A short one keeps it: without it nothing stands.
    let ss = vec![Sent::new("But not always.".into(), PieceKind::Para)];
    assert_eq!(compose_back(&ss, &[0]), "But not always.");
}

#[test]
fn asked_how_to_do_an_activity_the_back_says_how() {
    use crate::lesson::cards::question::tests::lesson_pairs;
    let pairs = lesson_pairs(
        "# Running a small team\n\n## Hiring\n\nHire slowly and check references.\n\n\
         ## Giving feedback\n\nSmall problems stay small when a team hears feedback every \
         week. It feels awkward at first, but keeping quiet would let people down. Tell the \
         person what they did, what effect it had, and why that effect helped or hurt the \
         team. Examples help too.\n",
    );
    let (front, back) = pairs
        .iter()
        .find(|(f, _)| f.contains("feedback"))
        .expect("a card on feedback");
    assert_eq!(front, "How do you give feedback?");
    assert!(back.contains("Tell the person"), "{back}");
}

#[test]
fn under_a_question_asking_how_a_method_answers_before_its_setting() {
    let pairs = crate::lesson::cards::question::tests::lesson_pairs(
        "# Library releases\n\n## How should I retire an old function?\n\n\
         Retiring old functions is a normal part of keeping a library healthy over the years, \
         and most maintainers of libraries with many users end up retiring a few each year. \
         When you retire a function, you should mark it as deprecated in a minor release and \
         name its replacement in the documentation of that release.\n",
    );
    let (_, back) = &pairs[0];
    assert!(back.starts_with("When you retire a function"), "{pairs:?}");
}

#[test]
fn advice_said_again_on_the_back_gives_no_method_and_asks_why() {
    let text = "# Talks\n\n## Bring water\n\n\
         You may think you will not be thirsty, but bring some water. Organisers \
         rarely leave bottles on the stage.\n\n\
         ## Test your pager\n\n\
         Send yourself a test alert from the paging tool the day before.\n";
    let (front, _) = point_of(text, "Bring water");
    assert_eq!(front, "Why should you bring water?");
    // A test alert is the method: the heading's verb is no verb there.
    let (front, _) = point_of(text, "Test your pager");
    assert_eq!(front, "How should you test your pager?");
}

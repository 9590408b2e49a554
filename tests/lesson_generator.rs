//! The lesson generator through the library: structure found, card kinds,
//! cloze quality, id stability, determinism and the failure paths.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use rehearse::deck::{CardEntry, DeckFile};
use rehearse::lesson::generate;

fn fixture(name: &str) -> (PathBuf, String) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/lessons")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    (path, text)
}

fn deck_of(name: &str) -> DeckFile {
    let (path, text) = fixture(name);
    generate(&path, &text).unwrap()
}

fn all_lessons() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in ["tests/fixtures/lessons", "decks/lessons"] {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        paths.sort();
        for p in paths {
            let text = std::fs::read_to_string(&p).unwrap();
            out.push((p, text));
        }
    }
    out
}

/// The fronts of the point and overview cards made from `text`.
fn fronts_of(name: &str, text: &str) -> Vec<String> {
    let deck = generate(Path::new(name), text).unwrap();
    deck.cards.into_iter().filter_map(|c| c.front).collect()
}

fn kind(card: &CardEntry) -> &str {
    card.id.as_deref().unwrap().rsplit('/').next().unwrap()
}

fn hidden(cloze: &str) -> (&str, String) {
    let start = cloze.find("{{c1::").unwrap();
    let end = cloze.find("}}").unwrap();
    let phrase = &cloze[start + 6..end];
    let rest = format!("{} {}", &cloze[..start], &cloze[end + 2..]);
    (phrase, rest)
}

const STOP: &[&str] = &[
    "a", "an", "the", "you", "your", "to", "of", "and", "or", "in", "on", "it", "is", "are", "be",
    "for", "with", "that", "this", "few", "some", "they", "their", "not", "but", "as",
];

#[test]
fn plain_text_lesson_gives_point_cloze_and_overview_cards() {
    let deck = deck_of("phone-screen.txt");
    assert_eq!(deck.name, "Get Through the Phone Screen");
    assert_eq!(
        deck.description,
        "A recruiter’s first call is short, but it decides whether you ever meet the team."
    );
    let points: Vec<&str> = deck
        .cards
        .iter()
        .filter(|c| kind(c) == "point")
        .map(|c| c.id.as_deref().unwrap())
        .collect();
    assert_eq!(
        points,
        [
            "get-through-the-phone-screen/find-a-quiet-room-before-the-call/point",
            "get-through-the-phone-screen/keep-your-notes-within-reach/point",
            "get-through-the-phone-screen/dont-rush-the-salary-question/point",
            "get-through-the-phone-screen/smile-while-you-talk/point",
        ]
    );
    let overview = deck.cards.last().unwrap();
    assert_eq!(
        overview.id.as_deref(),
        Some("get-through-the-phone-screen/overview")
    );
    assert_eq!(
        overview.front.as_deref(),
        Some("“Get Through the Phone Screen”: what are its four parts?")
    );
    assert_eq!(
        overview.back.as_deref(),
        Some(
            "Find a quiet room before the call · Keep your notes within reach · \
             Don’t rush the salary question · Smile while you talk"
        )
    );
    let clozes = deck.cards.iter().filter(|c| c.cloze.is_some()).count();
    // Short sections: at most one cloze each, and none where no phrase is
    // worth hiding.
    assert!(
        (1..=4).contains(&clozes),
        "clozes scale with the sections' length, got {clozes}"
    );
    for card in &deck.cards {
        assert_eq!(card.tags[0], "get-through-the-phone-screen");
    }
}

#[test]
fn questions_come_from_headings_without_title_case_or_periods() {
    let deck = deck_of("phone-screen.txt");
    let fronts: Vec<&str> = deck
        .cards
        .iter()
        .filter(|c| kind(c) == "point")
        .map(|c| c.front.as_deref().unwrap())
        .collect();
    assert!(
        fronts[0].ends_with("should you find a quiet room before the call?"),
        "{}",
        fronts[0]
    );
    // No reason in that section: the question asks what to do instead.
    assert_eq!(
        fronts[2],
        "What should you do rather than rush the salary question?"
    );
    for f in &fronts {
        assert!(
            !f.contains(".?") && !f.contains("Quiet Room") && !f.contains("Your Notes"),
            "{f}"
        );
        assert!(!f.contains("section"), "{f}");
    }
}

#[test]
fn numbered_headings_lose_their_numbers() {
    let deck = deck_of("numbered.md");
    let overview = deck.cards.last().unwrap();
    assert_eq!(
        overview.back.as_deref(),
        Some("Research the company · Plan your journey · Prepare your questions")
    );
    assert!(
        deck.cards.iter().any(|c| c.id.as_deref()
            == Some("five-habits-before-any-interview/research-the-company/point"))
    );
}

#[test]
fn windows_line_endings_change_nothing() {
    let (path, crlf) = fixture("crlf.txt");
    assert!(crlf.contains("\r\n"));
    let lf = crlf.replace("\r\n", "\n");
    let a = rehearse::deck::write(&generate(&path, &crlf).unwrap());
    let b = rehearse::deck::write(&generate(&path, &lf).unwrap());
    assert_eq!(a, b);
    assert!(!a.contains('\r'));
    assert!(
        a.contains("stay-calm-under-pressure/breathe-slowly/point"),
        "{a}"
    );
}

#[test]
fn a_lesson_without_headings_has_paragraph_sections() {
    let deck = deck_of("headless.txt");
    let points = deck.cards.iter().filter(|c| kind(c) == "point").count();
    assert_eq!(points, 3);
    // (Its parts are names made up for paragraphs, which the reader never
    // saw: no overview lists them.)
    assert!(
        deck.cards.iter().all(|c| kind(c) != "overview"),
        "{:?}",
        deck.cards
    );
    // The third paragraph opens with a short sentence, which heads it.
    assert!(
        deck.cards.iter().any(|c| c.id.as_deref()
            == Some(
                "small-things-interviewers-notice/thank-the-receptionist-on-your-way-out/point"
            )),
        "{:#?}",
        deck.cards
    );
}

#[test]
fn markdown_markup_does_not_reach_the_cards() {
    for (path, text) in all_lessons() {
        let written = rehearse::deck::write(&generate(&path, &text).unwrap());
        for mark in ["**", "## ", "](", "*Situation*"] {
            assert!(!written.contains(mark), "{}: {mark}", path.display());
        }
    }
}

#[test]
fn cloze_hides_a_content_phrase_the_sentence_does_not_give_away() {
    for (path, text) in all_lessons() {
        let deck = generate(&path, &text).unwrap();
        for card in deck.cards.iter().filter_map(|c| c.cloze.as_deref()) {
            assert_eq!(card.matches("{{c1::").count(), 1, "{card}");
            let (phrase, rest) = hidden(card);
            let words: Vec<String> = phrase.split_whitespace().map(str::to_lowercase).collect();
            assert!(!words.is_empty() && words.len() <= 4, "{card}");
            assert!(!STOP.contains(&words[0].as_str()), "{card}");
            assert!(!STOP.contains(&words[words.len() - 1].as_str()), "{card}");
            let rest = rest.to_lowercase();
            for w in &words {
                let rest_words: BTreeSet<&str> = rest
                    .split(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'')
                    .collect();
                assert!(!rest_words.contains(w.as_str()), "{card}: `{w}` given away");
            }
        }
    }
}

#[test]
fn fronts_are_unique_and_never_hold_their_backs() {
    for (path, text) in all_lessons() {
        let deck = generate(&path, &text).unwrap();
        let mut fronts = BTreeSet::new();
        let mut ids = BTreeSet::new();
        for card in &deck.cards {
            assert!(
                ids.insert(card.id.clone().unwrap()),
                "{}: duplicate id",
                path.display()
            );
            let front = card.front.clone().or(card.cloze.clone()).unwrap();
            assert!(
                fronts.insert(front.clone()),
                "{}: duplicate {front}",
                path.display()
            );
            if let Some(back) = &card.back {
                assert!(!front.contains(back.as_str()), "{front}");
                assert!(back.chars().count() <= 300, "{back}");
                assert!(!back.is_empty());
            }
        }
    }
}

#[test]
fn output_is_deterministic_and_round_trips() {
    for (path, text) in all_lessons() {
        let a = rehearse::deck::write(&generate(&path, &text).unwrap());
        let b = rehearse::deck::write(&generate(&path, &text).unwrap());
        assert_eq!(a, b, "{}", path.display());
        let parsed = rehearse::deck::parse(&path, &a)
            .unwrap_or_else(|e| panic!("{}: {e}\n{a}", path.display()));
        assert!(parsed.cards.len() >= 3, "{}", path.display());
    }
}

#[test]
fn editing_one_section_keeps_the_other_cards() {
    let (path, text) = fixture("phone-screen.txt");
    let edited = text.replace(
        "Standing up during the call has a similar effect on your energy.",
        "Standing up during the call lifts your energy in the same way, and callers notice it.",
    );
    assert_ne!(text, edited);
    let before = generate(&path, &text).unwrap();
    let after = generate(&path, &edited).unwrap();
    let ids =
        |d: &DeckFile| -> Vec<String> { d.cards.iter().map(|c| c.id.clone().unwrap()).collect() };
    let untouched = |c: &&CardEntry| !c.id.as_deref().unwrap().contains("/smile-while-you-talk/");
    let keep_before: Vec<&CardEntry> = before.cards.iter().filter(untouched).collect();
    let keep_after: Vec<&CardEntry> = after.cards.iter().filter(untouched).collect();
    assert_eq!(keep_before, keep_after);
    assert!(
        ids(&after)
            .contains(&"get-through-the-phone-screen/smile-while-you-talk/point".to_string())
    );
}

#[test]
fn empty_lessons_are_refused() {
    for text in ["", "   \n\t\n", "\u{feff}"] {
        let err = generate(Path::new("empty.md"), text).unwrap_err();
        assert_eq!(err.to_string(), "empty.md: the lesson is empty");
    }
}

#[test]
fn binary_files_are_refused_with_the_line() {
    let err = generate(Path::new("photo.jpg"), "Title\n\nsome text\n\u{0}\u{1}JFIF").unwrap_err();
    let msg = err.to_string();
    assert!(msg.starts_with("photo.jpg:4: "), "{msg}");
    assert!(msg.contains("binary"), "{msg}");
}

#[test]
fn a_title_alone_is_refused() {
    let err = generate(Path::new("t.md"), "# Just a Title\n\n").unwrap_err();
    assert_eq!(
        err.to_string(),
        "t.md: the lesson has a title (`Just a Title`) but no text under it"
    );
    let err = generate(Path::new("t.md"), "# T\n\n## One\n\n## Two\n").unwrap_err();
    assert!(err.to_string().contains("no text under any"), "{err}");
}

#[test]
fn a_checklist_section_is_one_of_the_lessons_parts() {
    let text = "# Shipping a release\n\n\
        ## Why releases slip\n\n\
        Releases slip when the last week holds all the testing. Spread the testing over the cycle instead.\n\n\
        ## Before you tag\n\n\
        Check each of these:\n\n\
        - Changelog updated\n\
        - Version bumped\n\
        - Tests green on every platform\n\n\
        ## After you tag\n\n\
        Announce the release on the mailing list so users know what changed. Watch the issue tracker for a day.\n";
    let deck = generate(Path::new("release.md"), text).unwrap();
    let overview = deck
        .cards
        .iter()
        .find(|c| c.id.as_deref().is_some_and(|id| id.ends_with("/overview")))
        .expect("an overview card");
    // The checklist has no sentence to ask about, but the overview names it.
    assert_eq!(
        overview.back.as_deref(),
        Some("Why releases slip \u{b7} Before you tag \u{b7} After you tag")
    );
    assert!(!deck.cards.iter().any(|c| {
        c.id.as_deref()
            .is_some_and(|id| id.contains("before-you-tag"))
    }));
}

#[test]
fn under_a_question_heading_the_first_sentence_answers() {
    let text = "# Server questions\n\n\
        ## Can the server be replicated?\n\n\
        Yes, run two identical servers on separate machines. Tools that merge their stored samples exist as well, and the replication of each server's storage is left to them.\n\n\
        ## Which port does the server use?\n\n\
        The server listens on port 9090 by default. Ports below 1024 need extra privileges on most systems, which is one reason the default port is high.\n";
    let deck = generate(Path::new("faq.md"), text).unwrap();
    let back = |slug: &str| {
        deck.cards
            .iter()
            .find(|c| c.id.as_deref() == Some(&format!("server-questions/{slug}/point")))
            .and_then(|c| c.back.clone())
            .unwrap_or_default()
    };
    // "Yes, …" answers the heading; it leans on nothing the card lacks.
    assert!(
        back("can-the-server-be-replicated").starts_with("Yes, run two"),
        "{deck:?}"
    );
    assert!(
        back("which-port-does-the-server-use").starts_with("The server listens"),
        "{deck:?}"
    );
}

#[test]
fn a_how_to_answered_by_a_definition_asks_what_its_object_is() {
    let text = "# How to escape analysis paralysis\n\n\
        Analysis paralysis is the state of weighing options for so long that no choice gets made at all. Many teams meet it before a large migration. The cost is time, and the morale of everyone waiting on the outcome. Two habits get a team moving again.\n\n\
        ## Set a deadline for the decision\n\n\
        Write the date on the ticket, and pick the best option known by then, because a late choice costs more than an imperfect one.\n\n\
        ## Limit the options\n\n\
        Keep three candidates at most, and drop the rest before comparing them in detail.\n\n\
        ## Make a shortlist\n\n\
        A shortlist is built by dropping every option that fails a hard requirement and ranking the rest.\n";
    let fronts = fronts_of("paralysis.md", text);
    // The introduction says what analysis paralysis is, not how to get out
    // of it: the question asks what the back answers.
    assert!(
        fronts.iter().any(|f| f == "What is analysis paralysis?"),
        "{fronts:?}"
    );
    assert!(
        fronts
            .iter()
            .any(|f| f == "Why should you set a deadline for the decision?"),
        "{fronts:?}"
    );
    // A passive answer says how a shortlist is built, not what it is.
    assert!(
        fronts
            .iter()
            .any(|f| f.contains("shortlist") && !f.starts_with("What is")),
        "{fronts:?}"
    );
}

#[test]
fn in_a_lesson_of_advice_a_heading_opening_with_no_verb_is_no_advice() {
    let text = "# Running a retrospective\n\n\
        ## Book a quiet room\n\nPick a room away from the desks, so that people speak freely about what went wrong.\n\n\
        ## Send the agenda early\n\nShare the questions a day ahead, because people answer better after thinking about them.\n\n\
        ## Keep it short\n\nStop after forty minutes, since long meetings lose the quiet voices first.\n\n\
        ## Future topics\n\nIdeas that do not fit this time go on a shared list for the next retrospective.\n";
    let fronts = fronts_of("retro.md", text);
    // "Future" is never a verb: the heading names something.
    assert!(
        !fronts.iter().any(|f| f.contains("should you future")),
        "{fronts:?}"
    );
    assert!(
        fronts.iter().any(|f| f.contains("future topics")),
        "{fronts:?}"
    );
}

#[test]
fn a_short_introduction_defining_the_title_gets_its_card() {
    let fronts = fronts_of(
        "write-ahead-log.md",
        "# Write-ahead log\n\nA write-ahead log is a file where a database records each change before applying it. Databases keep one so they can recover after a crash.\n\n## Checkpoints\n\nA checkpoint copies the changes in the log into the data files. After a checkpoint the older part of the log can be deleted, because the data files hold it.\n\n## Replaying the log\n\nAfter a crash, the database reads the log from the last checkpoint. It applies every change it finds there, so no committed change is lost.\n",
    );
    assert_eq!(fronts[0], "What is a write-ahead log?");
    // Two sentences that say nothing of what the title is stay the
    // deck's description.
    let fronts = fronts_of(
        "checkpoints.md",
        "# Write-ahead log\n\nThis page walks through two habits of databases. Both keep data safe.\n\n## Checkpoints\n\nA checkpoint copies the changes in the log into the data files. After a checkpoint the older part of the log can be deleted, because the data files hold it.\n\n## Replaying the log\n\nAfter a crash, the database reads the log from the last checkpoint. It applies every change it finds there, so no committed change is lost.\n",
    );
    assert!(
        fronts.iter().all(|f| !f.contains("write-ahead log")),
        "{fronts:?}"
    );
}

#[test]
fn labels_under_a_criteria_lead_in_ask_how_the_subject_should_be() {
    let text = "Definition of done\n\nAny new page should meet the following criteria before it is published:\n\n1. Reviewed:\nIdeally, a page is reviewed by two people: one who knows the topic, and one who is new to it.\n\n1. Tested:\nAny page that describes a process is tried out by a developer before it is published.\n";
    let fronts = fronts_of("done.txt", text);
    assert!(
        fronts.contains(&"In what way should any new page be reviewed?".to_string()),
        "{fronts:?}"
    );
    assert!(
        fronts.contains(&"In what way should any new page be tested?".to_string()),
        "{fronts:?}"
    );
}

#[test]
fn a_yes_or_no_question_keeps_the_yes_or_no_on_its_back() {
    let text = "# Alerting FAQ\n\n## Can I send alerts?\n\nYes, with the alert manager. It sends alerts by email, chat and webhooks that anyone can extend.\n\n## Is Prometheus a database?\n\nNo. Prometheus stores recent samples on local disk and leaves long-term storage to other systems.\n\n## Can I page a team?\n\nYes - see the paging guide. Paging goes through the same manager and follows the team's rota for the week.\n";
    let deck = generate(Path::new("faq.md"), text).unwrap();
    let back = |front: &str| back_asked(&deck, front);
    assert!(back("Can I send alerts?").starts_with("Yes, with the alert manager. "));
    assert!(back("Is Prometheus a database?").starts_with("No. Prometheus stores"));
    // A reply that points elsewhere keeps only its yes.
    assert!(back("Can I page a team?").starts_with("Yes. Paging goes"));
}

#[test]
fn a_tip_of_advice_opening_with_it_is_about_following_it() {
    let text = "# Remote work\n\n- **Write things down.** Notes outlive calls. Everyone can read them later.\n- **Invest in your writing.** It takes more time, but it gives people time to think before they answer.\n- **Share what changed.** Decisions made alone need telling. Post them where the team reads.\n";
    let deck = generate(Path::new("remote.md"), text).unwrap();
    let card = deck
        .cards
        .iter()
        .find(|c| c.id.as_deref() == Some("remote-work/invest-in-your-writing/point"))
        .expect("a card for the tip");
    assert_eq!(
        card.back.as_deref(),
        Some("It takes more time, but it gives people time to think before they answer.")
    );
}

#[test]
fn a_tip_opening_with_it_is_about_its_label() {
    let text = "# Choosing a database\n\nPicking a store early shapes everything after it.\n\n## What to weigh\n\n- **Durability.** It decides whether a crash loses the last writes, so check how the engine flushes its log.\n- **Operational cost.** Backups, upgrades and failover all need someone on call who knows the engine well.\n- **Licensing.** It can change after you adopt a product, as several vendors have shown in recent years.\n";
    let deck = generate(Path::new("db.md"), text).unwrap();
    let backs: Vec<String> = deck.cards.iter().filter_map(|c| c.back.clone()).collect();
    assert!(
        backs
            .iter()
            .any(|b| b.starts_with("It decides whether a crash loses the last writes")),
        "{backs:?}"
    );
    assert!(
        backs
            .iter()
            .any(|b| b.starts_with("It can change after you adopt")),
        "{backs:?}"
    );
    // Under a heading, "This is…" points at what came before and gives
    // no card.
    let text = "# Hashing\n\n## Buckets\n\nKeys are spread over buckets by their hash value, which keeps lookups short.\n\n## Time complexity\n\nThis is the average case, which interviews care about most of the time.\n";
    let deck = generate(Path::new("h.md"), text).unwrap();
    assert!(
        !deck
            .cards
            .iter()
            .filter_map(|c| c.back.as_deref())
            .any(|b| b.starts_with("This is the average case")),
        "{:?}",
        deck.cards
    );
}

#[test]
fn a_section_that_only_leads_into_code_is_answered_by_its_lead_in() {
    let text = "# Mixins\n\n## Abstract members\n\nA mixin can declare members it needs and leave them to the class that uses it.\n\n## Access state in the subclass\n\nTo reach the subclass's state, declare a getter as abstract in the mixin:\n\n```\nmixin Named {\n  String get name;\n  String greet() => 'Hi, $name';\n}\n```\n\n## Lists of parts\n\nA session has these parts:\n\n- A welcome and a short briefing for the participant.\n- Two or three tasks done while thinking aloud.\n";
    let deck = generate(Path::new("m.md"), text).unwrap();
    let backs: Vec<&str> = deck
        .cards
        .iter()
        .filter_map(|c| c.back.as_deref())
        .collect();
    assert!(
        backs
            .contains(&"To reach the subclass's state, declare a getter as abstract in the mixin."),
        "{backs:?}"
    );
    // A lead-in to a list is answered with its items, never alone.
    assert!(
        backs
            .iter()
            .any(|b| b.starts_with("A session has these parts: a welcome")),
        "{backs:?}"
    );
    assert!(!backs.contains(&"A session has these parts."), "{backs:?}");
}

#[test]
fn a_section_headed_by_the_title_asks_what_its_back_says() {
    let text = "# Load balancer\n\n## Load balancer\n\nLoad balancers distribute incoming requests across a pool of servers so no one server is overwhelmed.\n\n## Health checks\n\nA balancer probes each server and stops sending traffic to one that fails its checks.\n";
    let fronts = fronts_of("lb.md", text);
    assert!(
        fronts.contains(&"What do load balancers do?".to_string()),
        "{fronts:?}"
    );
}

/// In a lesson whose headings give advice, a heading opening with a verb
/// followed by a plural noun the tagger takes for the verb ("Test error
/// flows…", read as "test error" + "flows") gives advice too.
#[test]
fn a_plural_noun_read_as_a_verb_does_not_make_advice_a_statement() {
    let text = "# Handling errors\n\n\
        ## Catch errors at the edge\n\nCatch errors where a request enters, because a single place can log them and answer the caller the same way.\n\n\
        ## Name each error\n\nName each error after what went wrong, so the caller can decide whether to retry.\n\n\
        ## Test error flows with your framework\n\nTest that each failure returns the error you documented, because untested error paths break quietly.\n";
    let fronts = fronts_of("errors.md", text);
    assert!(
        fronts.contains(&"Why should you test error flows with your framework?".to_string()),
        "{fronts:?}"
    );
}

/// A numbered list of rules under the title alone: each rule is a
/// section, its nested sub-rules part of it, and a rule without a heading
/// is asked for by the aspect its text states ("the rule for…").
#[test]
fn a_list_of_rules_under_the_title_keeps_sub_rules_with_their_rule() {
    let text = "# Library loans\n\nThese rules apply to every branch.\n\n\
        1. A library card must be renewed every two years. An expired card cannot borrow, though it can still return books.\n\n\
        2. Each member may borrow up to twelve items at once. Children's cards carry a lower limit, set by the branch.\n\n\
        3. Late items are fined by the day, from the day after they fall due. The fine stops growing once it matches the item's price.\n\n   \
        1. Fines under one pound are waived at the desk.\n\n   \
        2. Fines on children's cards are never charged.\n";
    let deck = generate(Path::new("loans.md"), text).unwrap();
    let fronts: Vec<&str> = deck
        .cards
        .iter()
        .filter_map(|c| c.front.as_deref())
        .collect();
    assert!(
        fronts.contains(&"What is the rule for a library card?"),
        "{fronts:?}"
    );
    // The sub-rules are no sections of their own.
    assert!(
        !deck
            .cards
            .iter()
            .any(|c| c.id.as_deref().is_some_and(|id| id.contains("fines-"))),
        "{:?}",
        deck.cards.iter().map(|c| c.id.clone()).collect::<Vec<_>>()
    );
}

/// A numbered list of one-sentence rules under the title: each rule is a
/// section of its own, asked for as the rule for its subject.
#[test]
fn each_rule_of_a_list_of_rules_is_asked_for() {
    let text = "# Naming rules\n\nThese rules keep the names in a codebase easy to search.\n\n\
        1. A function name must start with a verb that says what it does.\n\
        2. A boolean variable should read as a question, such as isEmpty or hasChildren.\n\
        3. A constant must be written in capitals, with underscores between its words.\n\
        4. An abbreviation may be used only when the whole team already says it aloud.\n";
    let fronts = fronts_of("naming.md", text);
    for f in [
        "What is the rule for a function name?",
        "What is the rule for a constant?",
        "What is the rule for an abbreviation?",
    ] {
        assert!(fronts.contains(&f.to_string()), "{f}: {fronts:?}");
    }
}

#[test]
fn advice_answered_by_what_you_can_do_asks_how_not_why() {
    let text = "# Accessible videos\n\n\
        ## Add captions to every video\n\nYou can add captions in the upload settings of most platforms. The editor shows a text box beside the timeline for each line.\n\n\
        ## Describe what is shown\n\nMention the charts and the faces on screen, because a listener cannot see them.\n";
    let fronts = fronts_of("videos.md", text);
    assert!(
        fronts.contains(&"How should you add captions to every video?".to_string()),
        "{fronts:?}"
    );
    assert!(
        fronts.contains(&"Why should you describe what is shown?".to_string()),
        "{fronts:?}"
    );
}

#[test]
fn words_for_states_ask_what_they_mean_and_repeated_headings_name_their_parent() {
    let text = "# Release stages\n\n## Desktop app\n\n### Deprecated\n\nThe feature still works, but it will be taken out in the next major version and gets no fixes.\n\n### Generally available\n\nThe feature is supported, documented and covered by the usual promise of stability.\n\n## Mobile app\n\n### Deprecated\n\nThe feature is hidden from new users and is taken out after two more releases.\n\n### Generally available\n\nThe feature ships to every user once a staged rollout has shown no crashes.\n";
    let fronts = fronts_of("stages.md", text);
    for expected in [
        "What does \u{201c}Deprecated\u{201d} mean (Desktop app)?",
        "What does \u{201c}Generally available\u{201d} mean (Desktop app)?",
        "What does \u{201c}Deprecated\u{201d} mean (Mobile app)?",
        "What does \u{201c}Generally available\u{201d} mean (Mobile app)?",
    ] {
        assert!(
            fronts.iter().any(|f| f == expected),
            "{expected} not in {fronts:?}"
        );
    }
}

#[test]
fn headings_naming_kinds_of_one_thing_are_noun_phrases() {
    let text = "# Kitchens\n\n## Kinds of kitchen\n\n### Working kitchen\n\nA kitchen where meals are cooked every day for the people who live in the house.\n\n### Teaching kitchen\n\nA kitchen laid out so that a class of ten can watch one cook and then try each step.\n\n### Restaurant kitchen\n\nA kitchen split into stations, each run by one cook who prepares one part of every plate.\n";
    let fronts = fronts_of("kitchens.md", text);
    assert!(
        fronts
            .iter()
            .all(|f| !f.contains("teach kitchen") && !f.contains("work kitchen")),
        "{fronts:?}"
    );
}

#[test]
fn a_topic_heading_over_nothing_but_tips_is_answered_by_all_of_them() {
    let text = "# Keeping a garden shed\n\n## Tools\n\n- Hang long tools on the wall. Nothing leans where it can fall.\n- Oil the blades of shears after each use.\n- Keep a small first-aid kit by the door.\n\n## Seeds\n\n- Label each packet with the year it was bought.\n- Store packets in a sealed tin.\n";
    let deck = generate(Path::new("shed.md"), text).unwrap();
    let tools = deck
        .cards
        .iter()
        .find(|c| c.id.as_deref() == Some("keeping-a-garden-shed/tools/point"))
        .unwrap_or_else(|| panic!("{:?}", deck.cards));
    let back = tools.back.as_deref().unwrap();
    for tip in ["Hang long tools", "Oil the blades", "first-aid kit"] {
        assert!(back.contains(tip), "{tip} not in {back}");
    }
    // (Advice opening with a verb the tagger reads as a noun is no
    // definition: the seeds are not asked "What are seeds?".)
    let seeds = deck
        .cards
        .iter()
        .find(|c| c.id.as_deref() == Some("keeping-a-garden-shed/seeds/point"));
    assert_ne!(
        seeds.and_then(|c| c.front.as_deref()),
        Some("What are seeds?")
    );
}

#[test]
fn an_abbreviation_spelt_out_asks_what_it_stands_for() {
    let text = "# Shipping terms\n\n- **ETA:** Estimated Time of Arrival.\n- **FOB:** Free On Board.\n- **Demurrage:** A fee charged when a container stays at the port past its free days.\n";
    let fronts = fronts_of("shipping.md", text);
    for expected in ["What does ETA stand for?", "What does FOB stand for?"] {
        assert!(
            fronts.iter().any(|f| f == expected),
            "{expected} not in {fronts:?}"
        );
    }
}

#[test]
fn a_bulleted_list_whose_steps_say_their_order_is_asked_step_by_step() {
    let text = "# Pressing cider\n\n## On the day\n\n- Wash the apples in cold water.\n- Chop them into quarters with a sharp knife.\n- Once the pieces are ready, fill the press halfway.\n- Then turn the screw slowly until juice runs.\n- Pour the juice into clean jars through a sieve.\n\n## Storing\n\nKeep the jars in a cold place. Fresh juice ferments within days, so freeze what you cannot drink in a week.\n";
    let fronts = fronts_of("cider.md", text);
    assert!(
        fronts.contains(
            &"On the day: what do you do after you wash the apples in cold water?".to_string()
        ),
        "{fronts:#?}"
    );
    // Without the words that place them, the same items are tips in no
    // order.
    let unordered = text
        .replace("Once the pieces are ready, fill", "Fill")
        .replace("Then turn", "Turn");
    let fronts = fronts_of("cider.md", &unordered);
    assert!(
        !fronts.iter().any(|f| f.contains("what do you do after")),
        "{fronts:#?}"
    );
}

#[test]
fn an_introduction_is_answered_by_the_text_saying_what_it_covers() {
    let text = "# Pricing a side project\n\n## Introduction\n\nMost makers charge too little at first. This guide explains how to set a first price from costs, rivals and the value buyers see. We wrote it after a year of selling plugins.\n\n## Start from value\n\nThis section covers value. Buyers pay for the hours a tool saves them, so price against those hours rather than your costs.\n\n## Raise prices often\n\nA small rise every few months tests demand without losing loyal buyers, since early buyers keep their price.\n";
    let deck = generate(Path::new("pricing.md"), text).unwrap();
    let back = |kind: &str| {
        deck.cards
            .iter()
            .find(|c| c.id.as_deref().unwrap().contains(kind))
            .and_then(|c| c.back.clone())
            .unwrap()
    };
    assert_eq!(
        back("introduction/point"),
        "This guide explains how to set a first price from costs, rivals and the value buyers see."
    );
    assert!(!back("start-from-value/point").contains("This section"));
}

#[test]
fn items_too_long_for_a_back_are_summed_up_by_their_bold_phrases() {
    let text = "# Pair programming\n\n## Benefits of pairing\n\n- It **spreads knowledge of the code** across the team, so two people know every change and a holiday or a sick day no longer stops the work on that part of the system.\n- It **catches mistakes early**, as the second person reads each line while it is typed and asks about anything that looks odd long before it reaches review.\n- Pairing also **keeps both people focused**, because it is much harder to drift off to email or chat when someone sits right beside you.\n\n## Rotating pairs\n\nSwap partners every day or two, so that knowledge keeps moving around the whole team.\n";
    let deck = generate(Path::new("pairing.md"), text).unwrap();
    let back = deck
        .cards
        .iter()
        .find(|c| {
            c.id.as_deref()
                .unwrap()
                .ends_with("benefits-of-pairing/point")
        })
        .and_then(|c| c.back.clone())
        .unwrap();
    assert_eq!(
        back,
        "Spreads knowledge of the code; catches mistakes early; keeps both people focused."
    );
}

#[test]
fn a_name_glossed_after_a_dash_asks_what_it_is() {
    let text = "# Tools we built this spring\n\nThe spring sprint gave the team three weeks to build small tools for the lab, and most of them are now in daily use by the technicians and students.\n\n1. samplelog - A notebook app that records every sample as it leaves the freezer. It replaced the paper sheets on the freezer door, which were often lost.\n2. plate reader bridge - A small service that copies plate readings into the lab database. Readings used to be typed in by hand at the end of each day.\n3. labelmaker - A script that prints tube labels with a barcode for every sample in a run.\n";
    let fronts = fronts_of("tools.md", text);
    assert!(
        fronts.contains(&"What is samplelog?".to_string()),
        "{fronts:#?}"
    );
    assert!(
        fronts.contains(&"What is a plate reader bridge?".to_string()),
        "{fronts:#?}"
    );
}

#[test]
fn every_heading_of_a_glossary_is_a_term() {
    let text = "# Sailing glossary\n\n## Tack\n\nTurning the bow of the boat through the wind, so that the wind comes over the other side.\n\n## Leeward\n\nIs the side of the boat away from the wind, where the sail swings out.\n\n## Ballast\n\nWeight carried low in the hull that keeps the boat upright when the wind pushes on the sail.\n";
    let fronts = fronts_of("sailing.md", text);
    assert!(
        !fronts.iter().any(|f| f.starts_with("What matters")),
        "{fronts:#?}"
    );
    // (Asked what it is, or, with nothing saying whether it is counted,
    // what it means.)
    let asks_term = |f: &&String| f.starts_with("What is ") || f.ends_with(" mean?");
    assert_eq!(fronts.iter().filter(asks_term).count(), 3, "{fronts:#?}");
}

#[test]
fn every_step_of_a_long_procedure_gets_a_card() {
    let text = "# Brewing a pot of tea\n\n## Method\n\n1. Fill the kettle with fresh cold water, then switch it on.\n2. Warm the pot by swirling a little hot water in it.\n3. While the water heats, you measure the leaves into the pot.\n4. Pour the water onto the leaves as soon as it boils, so the leaves open fully and give the tea its body.\n5. Put the lid on the pot and cover it with a cosy.\n6. The tea brews for four minutes. Strong black teas can take five.\n7. Stir once before pouring.\n8. Pour through a strainer into warm cups.\n9. Add milk after the tea if you take it. I like mine without.\n10. Empty the pot and rinse it at once, so the tannin does not stain it.\n";
    let deck = generate(Path::new("tea.md"), text).unwrap();
    let card = |id: &str| {
        deck.cards
            .iter()
            .find(|c| c.id.as_deref() == Some(id))
            .unwrap_or_else(|| panic!("no card {id}"))
    };
    // The first step is the point card's; each other step has its own.
    let first = card("brewing-a-pot-of-tea/method/point");
    assert_eq!(
        first.front.as_deref(),
        Some("Brewing a pot of tea: what do you do first?")
    );
    assert!(
        first
            .back
            .as_deref()
            .unwrap()
            .starts_with("Fill the kettle")
    );
    for n in 2..=10 {
        card(&format!("brewing-a-pot-of-tea/method/step{n}"));
    }
    // A step too long to repeat, or no instruction, is asked by number.
    assert_eq!(
        card("brewing-a-pot-of-tea/method/step4").front.as_deref(),
        Some("Brewing a pot of tea: what is step 4?")
    );
    assert_eq!(
        card("brewing-a-pot-of-tea/method/step2").front.as_deref(),
        Some(
            "Brewing a pot of tea: what do you do after you fill the kettle with fresh cold water?"
        )
    );
    // A short step's back goes on to its second sentence, but not to the
    // writer's own story.
    assert_eq!(
        card("brewing-a-pot-of-tea/method/step6").back.as_deref(),
        Some("The tea brews for four minutes. Strong black teas can take five.")
    );
    assert_eq!(
        card("brewing-a-pot-of-tea/method/step9").back.as_deref(),
        Some("Add milk after the tea if you take it.")
    );
}

#[test]
fn a_long_list_of_tips_with_one_long_tip_is_still_split_into_tips() {
    let text = "# Hosting a book club\n\n## Keeping it lively\n\n- Pick books under three hundred pages, so everyone finishes them.\n- Send two questions a week before, so people read with them in mind.\n- Rotate the host each month to share the work.\n- Start with a round of one-word reactions before any discussion.\n- Bring food that can be eaten with one hand while holding a book.\n- Let the quietest member speak first. People who speak late in the evening often repeat what the loudest voice said, and a first turn gives them a chance to say what they really thought before the room settles on a view. It takes practice for the group to wait.\n- End on time, even when the talk is good.\n";
    let deck = generate(Path::new("club.md"), text).unwrap();
    let ids: Vec<&str> = deck.cards.iter().filter_map(|c| c.id.as_deref()).collect();
    // One card or more per tip, not one card for the whole list.
    assert!(
        ids.iter().filter(|id| !id.ends_with("overview")).count() >= 5,
        "{ids:#?}"
    );
    assert!(
        ids.iter()
            .any(|id| id.contains("let-the-quietest-member-speak-first")),
        "{ids:#?}"
    );
}

#[test]
fn a_glossary_term_takes_the_article_its_text_gives_it() {
    let text = "# Sailing glossary\n\n## Tack\n\nA turn of the bow through the wind. Tacks take practice in a small boat.\n\n## Swag\n\nFree gear handed out at the regatta.\n\n## Leeway\n\nSideways drift of a boat pushed by the wind.\n\n## Jib\n\nThe small sail at the front. A jib is easy to furl.\n";
    let fronts = fronts_of("sailing.md", text);
    for expected in [
        "What is a tack?",
        "What is a jib?",
        "What does \u{201c}swag\u{201d} mean?",
    ] {
        assert!(
            fronts.iter().any(|f| f == expected),
            "{expected} not in {fronts:#?}"
        );
    }
    // Never a guessed article on a term nothing counts.
    assert!(
        !fronts.iter().any(|f| f == "What is a swag?"),
        "{fronts:#?}"
    );
}

#[test]
fn a_paragraph_without_a_heading_asks_for_the_subject_of_its_point() {
    let text = "# Why canals mattered\n\nRiver transport was slow and seasonal before the canals came, and merchants lost whole cargoes to floods.\n\nThe Bridgewater Canal was the first modern canal in the country, cut to carry coal from the mines into the city.\n\nCheap coal changed the city quickly, and the price of heating fell by half within a decade of the opening.\n";
    let deck = generate(Path::new("canals.md"), text).unwrap();
    let back_of = |front: &str| back_asked(&deck, front);
    // The question stops before the clause that has a subject of its own.
    assert_eq!(
        back_of("What was slow and seasonal before the canals came?"),
        "River transport."
    );
    assert_eq!(back_of("What changed the city quickly?"), "Cheap coal.");
    assert!(
        !deck
            .cards
            .iter()
            .filter_map(|c| c.front.as_deref())
            .any(|f| f.starts_with("What should you know")),
        "{:#?}",
        deck.cards
    );
}

#[test]
fn a_list_of_questions_is_asked_for_whole_or_by_its_first_four() {
    let text = "# Questions to ask before you join a band

A rehearsal or two tells you how the band plays; a few questions tell you how it is run.

## Money

- Who pays for the rehearsal room?
- How are fees from a gig shared?
- Is there a fund for new equipment? (amps, cables)

## Time

- How often does the band rehearse?
- How many gigs a month does it play?
- Who books the gigs?
- How far does it travel to play?
- What happens when a member cannot make a gig?
";
    let deck = generate(Path::new("band.md"), text).unwrap();
    let cards: Vec<(&str, &str, &str)> = deck
        .cards
        .iter()
        .filter(|c| kind(c).starts_with("point"))
        .map(|c| {
            (
                c.id.as_deref().unwrap(),
                c.front.as_deref().unwrap(),
                c.back.as_deref().unwrap(),
            )
        })
        .collect();
    let base = "questions-to-ask-before-you-join-a-band";
    assert_eq!(
        cards,
        [
            (
                format!("{base}/money/point").as_str(),
                "What can you ask about money?",
                "Who pays for the rehearsal room? · How are fees from a gig shared? \
                 · Is there a fund for new equipment?"
            ),
            (
                format!("{base}/time/point").as_str(),
                "What are some questions you can ask about time?",
                "How often does the band rehearse? · How many gigs a month does it play? \
                 · Who books the gigs? · How far does it travel to play?"
            ),
        ]
    );
    // (Two parts are too few for an overview.)
    assert!(!deck.cards.iter().any(|c| kind(c) == "overview"));
}

#[test]
fn questions_one_under_another_in_plain_text_are_a_list_not_headings() {
    let text = "Questions you may be asked at a code review
Reviewers ask much the same things of every change, so answer them before they do.
Tests
Which tests cover the new branch?
What happens when the input is empty?
Naming
Why is the flag called strict?
Could the helper live in the module that uses it?
";
    let fronts = fronts_of("review.txt", text);
    for asked in ["tests", "naming"] {
        let front = format!("What might you be asked about {asked}?");
        assert!(fronts.contains(&front), "{fronts:?}");
    }
    // (No question became a heading of its own.)
    assert!(!fronts.iter().any(|f| f.contains("strict")), "{fronts:?}");
}

#[test]
fn a_question_answered_in_a_few_words_keeps_them_and_the_reason() {
    let text = "# Study FAQ\n\n## How long did it take you?\n\nIt doesn't matter. Every learner starts from a different place. Some already know a language; others have never opened a terminal.\n\n## Which editor should I use?\n\nIt depends. A light editor suits short scripts, while a large project rewards an editor that understands the whole code base.\n\n## When should I stop reading tutorials?\n\nSoon. Tutorials teach the first steps, but only a project of your own shows what you still do not know.\n";
    let deck = generate(Path::new("faq.md"), text).unwrap();
    let back = |front: &str| back_asked(&deck, front);
    assert_eq!(
        back("How long did it take you?"),
        "It doesn't matter. Every learner starts from a different place."
    );
    assert!(back("Which editor should I use?").starts_with("It depends. A light editor"));
    // A word that is no judgement ("Soon.") is left to the usual choice.
    assert!(!back("When should I stop reading tutorials?").starts_with("Soon."));
}

/// The back of the deck's card asking `front`; a test fails without one.
fn back_asked(deck: &DeckFile, front: &str) -> String {
    deck.cards
        .iter()
        .find(|c| c.front.as_deref() == Some(front))
        .and_then(|c| c.back.clone())
        .unwrap_or_else(|| panic!("no card asks {front}: {:#?}", deck.cards))
}

#[test]
fn a_command_opening_a_sentence_keeps_its_case_and_steps_join_without_then() {
    let text = "# Shell tools\n\n## Can I change a package myself?\n\nYes, and it is quick. To work on a local copy of a package:\n\n1. Set `EDITOR` in your shell profile,\n2. Run `pkg fetch <name>` and wait for the download to finish, then\n3. Run `pkg edit <name>` to open its recipe.\n\n## Remote forwarding\n\n`ssh` connects to the remote host and listens on a port there for remote forwarding. Each connection to that port comes back through the tunnel.\n";
    let deck = generate(Path::new("shell.md"), text).unwrap();
    assert_eq!(
        back_asked(&deck, "Can I change a package myself?"),
        "Set EDITOR in your shell profile; run pkg fetch <name> and wait for the download to \
         finish; run pkg edit <name> to open its recipe."
    );
    assert!(
        back_asked(&deck, "Remote forwarding: what does ssh connect to?")
            .starts_with("ssh connects to the remote host")
    );
}

#[test]
fn a_procedure_under_a_one_word_subject_is_called_by_it() {
    let text = "# Running a small server\n\n## Backups\n\nA backup is a copy of the data kept on another machine, away from the server it protects.\n\n1. Stop the database service so that no write lands halfway through the copy you are about to make.\n2. Copy the whole data directory to the backup disk with a tool that keeps permissions and timestamps.\n3. Start the database service again and check that it answers queries from the application.\n4. Restore last week's copy on a spare machine once a month, to prove that the copies can be read.\n\n## Logins\n\nWhen someone asks for a new password, the measures below should be taken to implement a safe process:\n\n- Return the same message whether the account exists or not, so nobody can learn which accounts exist.\n- Answer in the same time for every request, so the delay tells an attacker nothing about the account.\n- Limit how many requests one account may make in an hour, so nobody floods the owner's inbox.\n";
    let fronts = fronts_of("server.md", text);
    assert!(
        fronts.iter().any(|f| f == "Backups: what do you do first?"),
        "{fronts:#?}"
    );
    // Measures taken "to implement a safe process" are no steps in order.
    assert!(
        !fronts.iter().any(|f| f.starts_with("Logins: what")),
        "{fronts:#?}"
    );
}

#[test]
fn a_rule_giving_its_reason_under_a_noun_heading_is_asked_why() {
    let text = "# Password resets\n\n## Security questions\n\nSecurity questions should not be used as the sole way to reset a password due to their answers being easy to find.\n\n## Account lockout\n\nAccounts should not be locked out after a reset request, as this lets anyone lock a user out.\n\n## Reply timing\n\nEnsure that every reply takes the same time to prevent an attacker from learning which accounts exist.\n\n## Emailed passwords\n\nDo not send the new password by email, because mail travels through many servers in plain text.\n";
    let fronts = fronts_of("resets.md", text);
    for asked in [
        "Why should security questions not be used as the sole way to reset a password?",
        "Why should accounts not be locked out after a reset request?",
        "Why should you ensure that every reply takes the same time?",
        "Why shouldn't you send the new password by email?",
    ] {
        assert!(fronts.iter().any(|f| f == asked), "{asked} in {fronts:#?}");
    }
}

#[test]
fn a_verb_and_a_preposition_before_your_is_advice() {
    let text = "# Resumes\n\n## Focus on your relevant experience\n\nDo not just list the role you held; explain what you achieved and why it mattered to the team.\n\n## Access to your account\n\nThe account page shows every login from the past month, with the place and the device.\n";
    let fronts = fronts_of("resumes.md", text);
    assert!(
        fronts
            .iter()
            .any(|f| f == "How should you focus on your relevant experience?"),
        "{fronts:#?}"
    );
    // ("to your" names a thing: no advice to "access".)
    assert!(
        !fronts.iter().any(|f| f.contains("should you access")),
        "{fronts:#?}"
    );
}

#[test]
fn four_tips_with_one_long_one_are_tips_of_their_own() {
    let text = "# Password resets\n\n## Reset requests\n\nWhen someone asks for a reset, follow these measures:\n\n- Return the same message whether the account exists or not.\n- Answer every request in the same time to keep attackers from learning which accounts exist.\n- Limit how many requests one account may make in an hour. Otherwise an attacker could send thousands of reset requests for one account every hour, filling the owner's inbox and phone with messages nobody asked for and hiding the real reset messages from the owner among all of them for days.\n- Check every field of the request as you would any other input.\n";
    let deck = generate(Path::new("resets.md"), text).unwrap();
    let ids: Vec<&str> = deck.cards.iter().filter_map(|c| c.id.as_deref()).collect();
    // Cards for the tips, not one for the section.
    for tip in ["return-the-same-message", "limit-how-many-requests"] {
        assert!(ids.iter().any(|id| id.contains(tip)), "{tip} in {ids:#?}");
    }
    assert!(
        !ids.iter().any(|id| id.contains("reset-requests/")),
        "{ids:#?}"
    );
}

#[test]
fn a_first_sentence_on_it_answers_the_question_above_it() {
    let text = "# Package FAQ\n\n## What does \"pinned\" mean?\n\nIt means the package stays at its version when everything else is upgraded. This means an upgrade can leave it behind for months. You can see which packages are pinned, and why, by running the list command with the pinned flag.\n\n## How do I update?\n\nRun the update command, then the upgrade command.\n";
    let deck = generate(Path::new("faq.md"), text).unwrap();
    assert_eq!(
        back_asked(&deck, "What does \"pinned\" mean?"),
        "It means the package stays at its version when everything else is upgraded. This \
         means an upgrade can leave it behind for months."
    );
}

#[test]
fn a_back_without_the_sections_reason_is_not_asked_why() {
    // (The reason leans on the paragraph before it, "This keeps…", and
    // cannot stand beside the back the section's best sentence makes.)
    let text = "# Builds\n\n## Always pin your versions\n\nA lockfile records the exact version of each package in the build.\n\nWrite the lockfile to the repository next to the code. Other people then get it with every pull.\n\nThis keeps builds the same everywhere, since nothing moves underneath them.\n\n## Test often\n\nRun the suite before each push. Broken builds waste everyone's morning.\n";
    let fronts = fronts_of("builds.md", text);
    assert!(
        fronts.iter().any(|f| f.contains("pin your versions"))
            && !fronts
                .iter()
                .any(|f| f.starts_with("Why") && f.contains("pin your versions")),
        "{fronts:#?}"
    );
}

#[test]
fn ways_counted_over_parts_of_code_are_the_answer_not_steps() {
    let text = "# Handlers\n\n## How do I keep a handler's context?\n\nThere are several ways to keep it, depending on your build steps.\n\n### Bind in the constructor\n\n```js\nthis.f = this.f.bind(this);\n```\n\n### Bind in render\n\n```js\nrender() { return this.f.bind(this); }\n```\n\n### An arrow function\n\n```js\nf = () => {};\n```\n\n## Why bind?\n\nA method passed alone loses the object it was called on.\n";
    let deck = generate(Path::new("handlers.md"), text).unwrap();
    let back = back_asked(&deck, "How do I keep a handler's context?");
    assert!(back.contains("Bind in the constructor"), "{back}");
    let fronts: Vec<&str> = deck
        .cards
        .iter()
        .filter_map(|c| c.front.as_deref())
        .collect();
    assert!(!fronts.iter().any(|f| f.contains("first?")), "{fronts:#?}");
}

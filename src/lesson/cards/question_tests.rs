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
        body: vec![Piece {
            kind: PieceKind::Para,
            text: body.into(),
            stressed: Vec::new(),
            numbered: false,
            label: None,
            nested: false,
        }],
        line: 1,
    }
}

fn q(heading: &str, body: &str) -> String {
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

const REASON: &str = "It matters because interviewers want you to sell yourself.";
const PLAIN: &str = "Write the three things you want them to remember on a card.";

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
        "What should you do to recognize burnout?"
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
        noun_question(&h, "in a queue", &sec, false),
        "What matters about latency in a queue?"
    );
    assert_eq!(q("Giving feedback", PLAIN), "How do you give feedback?");
    assert_eq!(q("Explain why", REASON), "How should you explain why?");
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
        q("How to Answer Salary Questions", PLAIN),
        "How should you answer salary questions?"
    );
    assert_eq!(
        q("Handling a Lowball Offer", PLAIN),
        "How do you handle a lowball offer?"
    );
}

/// The point cards' questions of a whole lesson.
fn lesson_fronts(text: &str) -> Vec<String> {
    let deck = crate::lesson::generate(std::path::Path::new("lesson.md"), text).expect("a lesson");
    deck.cards.into_iter().filter_map(|c| c.front).collect()
}

#[test]
fn an_aspect_heading_asks_for_that_aspect_of_its_parent() {
    let fronts = lesson_fronts(
        "# Repotting plants\n\n## Pricking-out\n\n### Objective\n\n\
         Keep the young root whole while the seedling moves to its own pot.\n\n\
         ### Benefits\n\nSeedlings with room and food of their own grow faster \
         than they would in a crowded tray.\n",
    );
    assert!(
        fronts.contains(&"What is the objective of pricking-out?".to_string()),
        "{fronts:?}"
    );
    assert!(
        fronts.contains(&"What are the benefits of pricking-out?".to_string()),
        "{fronts:?}"
    );
}

#[test]
fn a_facet_heading_asks_that_facet_of_its_parent() {
    let fronts = lesson_fronts(
        "# Bread at home\n\n## Cold proofing\n\n### Why\n\n\
         A night in the fridge gives the dough time to build flavour.\n\n\
         ### How it works\n\nCold slows the yeast far more than it slows the \
         enzymes that turn starch into sugar.\n\n\
         ## Shape the loaf tightly\n\n### Why\n\nA tight skin holds the gas \
         in, so the loaf rises up rather than out.\n\n### Notes\n\n\
         Wet hands keep the dough from sticking to the bench.\n\n\
         ## Using a lame\n\n### Why\n\nA shallow cut lets the loaf open where \
         you choose instead of where it bursts.\n",
    );
    for want in [
        "Why use cold proofing?",
        "How does cold proofing work?",
        "Why shape the loaf tightly?",
        "What should you note when you shape the loaf tightly?",
        "Why use a lame?",
    ] {
        assert!(fronts.contains(&want.to_string()), "{want}: {fronts:?}");
    }
}

#[test]
fn a_gloss_saying_what_a_label_means_asks_what_it_is() {
    let fronts = lesson_fronts(
        "# Moving plants\n\n\
         - **Pricking-out**: Refers to moving a seedling from a shared tray to a pot of its own.\n  \
         - Handle it by a leaf, never by the stem.\n\
         - **Repotting**: Refers to moving a grown plant into a larger pot.\n  \
         - Water it the day before.\n\
         - **Division**: Refers to splitting one root mass into several plants.\n  \
         - Expect some roots to tear.\n",
    );
    assert!(
        fronts.contains(&"What is pricking-out?".to_string()),
        "{fronts:?}"
    );
}

#[test]
fn maxims_of_two_parts_are_asked_about_as_written() {
    assert_eq!(
        q("Everything fails, all of the time", PLAIN),
        "What does \u{201c}Everything fails, all of the time\u{201d} mean in practice?"
    );
    assert_eq!(
        q("There will be setbacks", PLAIN),
        "What does \u{201c}There will be setbacks\u{201d} mean in practice?"
    );
    assert_eq!(
        q("Information is power", PLAIN),
        "In what sense is information power?"
    );
    assert_eq!(
        q(
            "Any attempt to predict the future is likely to be wrong",
            PLAIN
        ),
        "In what sense is any attempt to predict the future likely to be wrong?"
    );
    assert_eq!(
        q(
            "Any attempt to predict the future is likely to be wrong",
            REASON
        ),
        "Why is any attempt to predict the future likely to be wrong?"
    );
}

#[test]
fn an_introduction_defining_a_thing_the_title_names_is_asked_about() {
    let fronts = lesson_fronts(
        "# Keep your notes in order with zettel\n\n\
         Zettel is a note-taking tool that links every note to the notes it builds on.\n\n\
         ## Installing it\n\nDownload the archive and unpack it into your home folder.\n\n\
         ## Writing a note\n\nGive each note one idea and a title that states it.\n",
    );
    assert!(
        fronts.contains(&"What is zettel?".to_string()),
        "{fronts:?}"
    );
    // "This timeline is…" points at the page: no thing is defined.
    let fronts = lesson_fronts(
        "# History and timeline\n\n\
         This timeline is a shortened version of an older history of the movement.\n\n\
         ## 1990s\n\nThe first rules for plain writing in government were published.\n",
    );
    assert!(
        !fronts.iter().any(|f| f.contains("timeline?")),
        "{fronts:?}"
    );
}

#[test]
fn a_heading_naming_a_kind_of_advice_is_a_noun_phrase() {
    // "Garden" and "load" can be verbs, but not before "tips".
    let front = q("Garden tips", "Water the beds in the evening, not at noon.");
    assert!(!front.contains("should you garden"), "{front}");
    let front = q("Load balancer tips", PLAIN);
    assert!(!front.contains("should you load"), "{front}");
    // A word that is only ever a verb still opens advice.
    assert_eq!(
        q("Avoid common mistakes", REASON),
        "Why should you avoid common mistakes?"
    );
}

#[test]
fn a_one_word_label_over_a_gloss_is_no_advice() {
    let mut sec = section(
        "Salary.",
        "What you are paid in cash, in a year, before taxes.",
    );
    sec.sentence_heading = true;
    sec.tip = true;
    let casing = Casing::learn(&["We met people.".to_string()]);
    let inline = casing.inline_words("Salary").join(" ");
    let h = analyse(&inline);
    let ask = classify(&h, &sec, false);
    assert!(!matches!(ask, Ask::Do), "{ask:?}");
}

#[test]
fn a_word_for_a_state_or_a_role_asks_what_it_means() {
    let body = "The feature still works, but it goes away in the next major release.";
    assert_eq!(
        q("Deprecated", body),
        "What does \u{201c}Deprecated\u{201d} mean?"
    );
    assert_eq!(
        q("Generally Available", body),
        "What does \u{201c}Generally available\u{201d} mean?"
    );
    // Advice with its object, and a noun, are no such words.
    assert!(!q("Omit the unnecessary", PLAIN).contains("mean"));
    assert!(!q("Redirect", PLAIN).contains("mean"));
}

#[test]
fn a_noun_before_a_gerund_names_an_activity() {
    let body = "It matters because a cook who works by feel wastes less food.";
    for h in [
        "Batch cooking",
        "Load testing",
        "Pair programming",
        "Touch typing",
        "Speed reading",
    ] {
        let front = q(h, body);
        let verb = h.split(' ').next().unwrap().to_lowercase();
        assert!(!front.contains(&format!("you {verb}")), "{front}");
    }
    // A verb taking a gerund as its object gives advice.
    assert_eq!(q("Avoid guessing", body), "Why should you avoid guessing?");
}

#[test]
fn headings_shaped_as_names_are_never_advice() {
    // (A lesson of advice, where short headings read as imperatives.)
    let fronts = lesson_fronts(
        "# Looking after yourself at work\n\n\
         ## Take regular breaks\n\nStep away from the desk every hour, because short pauses keep attention fresh.\n\n\
         ## Drink enough water\n\nKeep a bottle on the desk so that you drink through the day without thinking.\n\n\
         ## Eye care\n\nLook away from the screen often and blink, so the eyes do not dry out.\n\n\
         ## Step IV\n\nWrite down what worries you most, then pick the one thing you can change first.\n\n\
         ## Platform as a product\n\nTreat the internal platform like a product with users and a roadmap, so teams choose it.\n\n\
         ## Table(s)\n\nName each table after what one row holds, so that queries read naturally.\n",
    );
    for name in ["eye care", "step IV", "platform as a product", "table(s)"] {
        assert!(
            !fronts
                .iter()
                .any(|f| f.contains("should you") && f.contains(name)),
            "{name} asked as advice: {fronts:?}"
        );
    }
    assert!(
        fronts.contains(&"Why should you drink enough water?".to_string()),
        "{fronts:?}"
    );
}

#[test]
fn a_vague_question_on_one_word_names_the_parent_heading() {
    let fronts = lesson_fronts(
        "# Seats in an orchestra\n\nWhere each player sits follows from how loud the instrument is.\n\n\
         ## Woodwinds\n\n### Oboe\n\nPlayers scrape each reed by hand before a concert, and a dry reed cracks at the first loud entry.\n\n\
         ### Bassoon\n\nThe bassoon sits behind the clarinets, as its low notes fill out the section from below.\n\n\
         ## Seating tips\n\n### Spacing\n\nLeave a full chair's width between players, so bows and elbows never meet mid-phrase.\n",
    );
    assert!(
        fronts.iter().any(|f| f.ends_with("(Woodwinds)?")),
        "{fronts:?}"
    );
    // (A parent naming only a kind of text, "tips", places nothing.)
    assert!(
        !fronts.iter().any(|f| f.contains("(Seating tips)")),
        "{fronts:?}"
    );
}

#[test]
fn a_heading_opening_with_a_preposition_places_no_advice() {
    assert_eq!(
        q(
            "During the talk",
            "Open by saying what you saw and how it affected you."
        ),
        "What matters during the talk?"
    );
}

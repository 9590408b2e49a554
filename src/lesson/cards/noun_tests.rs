//! Tests of the questions a noun-phrase heading asks ([`super`]).

use super::*;
use crate::lesson::cards::question::tests::lesson_fronts;
use crate::lesson::read::PieceKind;
use crate::lesson::text::stem;

fn said(heading: &[&str], text: &str, kind: PieceKind) -> Option<Says> {
    let h: BTreeSet<String> = heading.iter().map(|w| stem(w)).collect();
    says(&Sent::new(text.into(), kind), &h)
}

#[test]
fn a_gloss_opening_with_a_verb_says_what_the_term_does() {
    let q = |gloss: &str| {
        verb_gloss_question(&Sent::new(gloss.into(), PieceKind::Para), "COUNT", false)
    };
    assert_eq!(
        q("Returns the number of rows."),
        Some("What does COUNT do?".into())
    );
    assert_eq!(
        q("Prints the lines that match."),
        Some("What does COUNT do?".into())
    );
    assert_eq!(
        q("Drop repeated lines."),
        Some("What does COUNT do?".into())
    );
    assert_eq!(
        q("Change data type of column."),
        Some("What does COUNT do?".into())
    );
    assert_eq!(
        q("Used to insert new rows."),
        Some("What is COUNT used for?".into())
    );
    // A noun phrase is a gloss of what the term is.
    assert_eq!(q("A regular join of a table with itself."), None);
    assert_eq!(q("The stream a command reads from."), None);
}

#[test]
fn the_back_names_the_aspect_the_question_asks_for() {
    let para = PieceKind::Para;
    assert_eq!(
        said(
            &["class", "names"],
            "Class names should use capitals.",
            para
        ),
        Some(Says::Rule)
    );
    assert_eq!(
        said(
            &["closures"],
            "Closures are useful because they keep state.",
            para
        ),
        Some(Says::WhyAdj("useful".into()))
    );
    assert_eq!(
        said(
            &["weak", "consistency"],
            "Weak consistency works well in games.",
            para
        ),
        Some(Says::WorksWell)
    );
    assert_eq!(
        said(
            &["layer", "balancing"],
            "Layer balancers read the packet headers.",
            para
        ),
        Some(Says::Does(Some("Layer balancers".into()), true))
    );
    // What a thing holds is asked by its own verb; two things done, as
    // what it does.
    assert_eq!(
        said(
            &["miso", "soup"],
            "Miso soup includes tofu and seaweed.",
            para
        ),
        Some(Says::Has("Miso soup".into(), false, "include".into()))
    );
    assert_eq!(
        said(
            &["miso", "soup"],
            "Miso soup contains salt and warms you up.",
            para
        ),
        Some(Says::Does(Some("Miso soup".into()), false))
    );
    assert_eq!(
        said(&["focus"], "Turn off the radio while you study.", para),
        Some(Says::Advice)
    );
    // A gloss after a bold label has the label for its subject.
    assert_eq!(
        said(
            &["ns", "record"],
            "Specifies the name servers of a domain.",
            PieceKind::Item
        ),
        Some(Says::Does(None, false))
    );
    // A sentence about something else names no aspect of the topic.
    assert_eq!(
        said(
            &["focus"],
            "Most people get distracted by noise at home.",
            para
        ),
        None
    );
}

#[test]
fn questions_name_the_aspect() {
    assert_eq!(
        ask_about("class names", &Says::Rule, true),
        "What is the rule for class names?"
    );
    assert_eq!(
        ask_about("closures", &Says::WhyAdj("useful".into()), true),
        "Why are closures useful?"
    );
    assert_eq!(
        ask_about("a recursive resolver", &Says::Does(None, false), false),
        "What does a recursive resolver do?"
    );
}

#[test]
fn the_lesson_shows_which_article_a_heading_takes() {
    let body = ["A content delivery network serves files from nearby."];
    assert_eq!(article_in(&body, "content delivery network"), Some("a"));
    assert_eq!(article_in(&body, "network"), None);
    assert_eq!(
        article_in(&["An index speeds up reads."], "index"),
        Some("an")
    );
    // "a bulk data provider" is no article for "bulk data".
    assert_eq!(article_in(&["Be a bulk data provider."], "bulk data"), None);
}

#[test]
fn a_name_of_capitalised_words_is_no_verb_of_its_definition() {
    let s = Sent::new(
        "Segregated Witness (SegWit) is a protocol upgrade that moves signature data.".into(),
        PieceKind::Para,
    );
    assert!(defines(&s, &[stem("segwit")].into()));
    let s = Sent::new(
        "The shared cache holds every page a reader has opened.".into(),
        PieceKind::Para,
    );
    assert!(!defines(&s, &[stem("cache")].into()));
}

#[test]
fn a_term_is_asked_with_the_article_its_definition_gives_it() {
    let fronts = lesson_fronts(
        "# Words of the kitchen\n\n## Proof\n\n\
         The proof is the last rise of a shaped dough before it goes into the oven.\n\n\
         ## Bench rest\n\n\
         A short bench rest is a pause between dividing and shaping that relaxes the gluten.\n\n\
         ## Crumb\n\n\
         Crumb is the inside of a loaf, its holes and its texture.\n",
    );
    assert!(
        fronts.contains(&"What is the proof?".to_string()),
        "{fronts:?}"
    );
    assert!(
        fronts.contains(&"What is a bench rest?".to_string()),
        "{fronts:?}"
    );
    assert!(fronts.contains(&"What is crumb?".to_string()), "{fronts:?}");
}

#[test]
fn a_glossarys_terms_keep_their_spelling_and_number() {
    let fronts = lesson_fronts(
        "# Office words\n\n\
         * **sampling bias** - a skew that comes from who was asked, not from what they said.\n\
         * **Keynote** - a slide program that ships with every Mac.\n\
         * **Google Docs** - an online word processor that saves as you type.\n\
         * **ticket** - track a request from the moment it arrives until someone closes it.\n\
         * **macro** - a recorded series of steps that a program replays on demand.\n",
    );
    // ("bias" is a noun of its own, not a plural)
    assert!(
        fronts.contains(&"What is a sampling bias?".to_string()),
        "{fronts:?}"
    );
    assert!(
        fronts.contains(&"What is Keynote?".to_string()),
        "{fronts:?}"
    );
    assert!(
        fronts.contains(&"What is Google Docs?".to_string()),
        "{fronts:?}"
    );
}

#[test]
fn a_concepts_name_over_an_explanation_asks_what_it_is() {
    let fronts = lesson_fronts(
        "# How sourdough rises\n\n## Wild fermentation\n\n\
         Yeasts and bacteria from the flour feed on its sugars for many hours. \
         The gases they give off lift the dough slowly.\n\n\
         ## Group baking\n\n\
         Bake together with friends on a weekend. Share one oven to save heat.\n\n\
         ## The cost\n\n\
         Flour and water cost little, and the starter lasts for years.\n",
    );
    assert!(
        fronts.contains(&"What is wild fermentation?".to_string()),
        "{fronts:?}"
    );
    // Advice under a name, or a piece of a thing, keeps the plain question.
    assert!(
        !fronts
            .iter()
            .any(|f| f == "What is group baking?" || f == "What is the cost?"),
        "{fronts:?}"
    );
}

#[test]
fn a_possessive_in_the_subject_still_defines() {
    let s = Sent::new(
        "The term of your loan is how long you have to repay the loan.".into(),
        PieceKind::Para,
    );
    assert!(defines(&s, &[stem("loan"), stem("term")].into()));
}

#[test]
fn a_sentence_naming_the_heading_last_defines_it() {
    let heading: BTreeSet<String> = [stem("double"), stem("spending")].into();
    let s = Sent::new(
        "If someone sends the same coins to two people at once, this is double spending.".into(),
        PieceKind::Para,
    );
    assert!(defines(&s, &heading));
    let s = Sent::new(
        "Reviewing cards at growing gaps has come to be called spaced repetition.".into(),
        PieceKind::Para,
    );
    assert!(defines(&s, &[stem("spaced"), stem("repetition")].into()));
    // The heading last, but not as the name of what the sentence says.
    let s = Sent::new(
        "The hardest thing to get right in a wallet is double spending.".into(),
        PieceKind::Para,
    );
    assert!(!defines(&s, &heading));
}

#[test]
fn a_noun_the_tagger_reads_as_a_verb_still_opens_a_gloss() {
    let s = Sent::new(
        "Software that either implements solutions to mathematical equations given input data \
         and boundary conditions, or infers models from data."
            .into(),
        PieceKind::Para,
    );
    assert!(!s.imperative);
    assert!(crate::lesson::cards::gloss::gloss(&s).is_some());
}

#[test]
fn a_noun_and_a_verb_in_s_before_an_article_make_no_gloss() {
    let s = Sent::new(
        "Recovery replays the log from the last checkpoint forward.".into(),
        PieceKind::Para,
    );
    assert_eq!(crate::lesson::cards::gloss::gloss(&s), None);
}

#[test]
fn advice_on_an_activity_asks_how_to_do_it() {
    assert_eq!(
        ask_about("kneading", &Says::Advice, false),
        "How should you knead?"
    );
    assert_eq!(
        ask_about("lights and clothing", &Says::Advice, true),
        "What is the advice on lights and clothing?"
    );
    // (A tool named by its kind is advice to use it.)
    assert_eq!(
        ask_about("pip freeze command", &Says::Advice, false),
        "How should you use the pip freeze command?"
    );
}

#[test]
fn an_activity_over_advice_asks_how_to_do_it() {
    let fronts = lesson_fronts(
        "# Working With Suppliers\n\n## Placing an order\n\nSend the order in writing and \
         ask for a confirmation by return.\n\n## Following up\n\nCall the supplier two days \
         before the delivery date to confirm it.\n\n## Supplier notes\n\nKeep one page per \
         supplier with their contacts and terms.\n",
    );
    assert!(
        fronts.iter().any(|f| f == "How should you follow up?"),
        "{fronts:?}"
    );
    assert!(
        fronts.iter().all(|f| !f.contains("note supplier")),
        "{fronts:?}"
    );
}

#[test]
fn a_gloss_saying_what_its_label_holds_or_can_do_asks_by_its_verb() {
    assert_eq!(
        said(
            &["protozoa"],
            "Includes giardia and other parasites.",
            PieceKind::Item
        ),
        Some(Says::Glossed("does".into(), "include".into()))
    );
    assert_eq!(
        said(
            &["viruses"],
            "Can cause hepatitis and other diseases.",
            PieceKind::Item
        ),
        Some(Says::Glossed("can".into(), "cause".into()))
    );
    assert_eq!(
        ask_about(
            "viruses",
            &Says::Glossed("can".into(), "cause".into()),
            true
        ),
        "What can viruses cause?"
    );
}

#[test]
fn a_pronoun_for_the_heading_before_its_verb_says_what_it_does() {
    let para = PieceKind::Para;
    assert_eq!(
        said(
            &["no-store"],
            "This tells every cache to keep no copy of the page.",
            para
        ),
        Some(Says::Does(None, false))
    );
    assert_eq!(
        said(
            &["journal"],
            "It records each change before the disk applies it.",
            para
        ),
        Some(Says::Does(None, false))
    );
    // ("It is…", "This means…": what it is, or a consequence.)
    assert_eq!(said(&["journal"], "It is a log of changes.", para), None);
    assert_eq!(
        said(
            &["journal"],
            "This means the disk can recover after a crash.",
            para
        ),
        None
    );
}

#[test]
fn what_the_reader_can_do_is_advice_but_a_limit_is_not() {
    let para = PieceKind::Para;
    assert_eq!(
        said(
            &["split"],
            "Beside layers, you can instead split the change by feature.",
            para
        ),
        Some(Says::Advice)
    );
    assert_eq!(
        said(
            &["proto"],
            "You have to submit the proto change before the code change.",
            para
        ),
        Some(Says::Advice)
    );
    assert_eq!(
        said(
            &["theorem"],
            "In a distributed system, you can only support two of the guarantees.",
            para
        ),
        None
    );
}

#[test]
fn a_question_without_its_verb_asks_for_some() {
    assert_eq!(
        any_asked("Any tips for a first talk at a meetup").as_deref(),
        Some("What are some tips for a first talk at a meetup?")
    );
    assert_eq!(
        any_asked("any recommendations on learning knots, splices, etc").as_deref(),
        Some("What are some recommendations on learning knots, splices?")
    );
    // (Not a noun phrase of its own.)
    assert_eq!(any_asked("Any time of day"), None);
}

#[test]
fn headings_under_a_heading_naming_a_glossary_are_terms() {
    let fronts = lesson_fronts(
        "# Starting to sail\n\n\
         ## Your first lesson\n\n\
         Book a calm morning and bring soft shoes, since a deck gets slippery.\n\n\
         ## Some sailing lingo\n\n\
         ### Tack\n\n\
         Turning the bow through the wind so that it blows on the other side of the sail.\n\n\
         ### Reef\n\n\
         A fold taken in the sail to make it smaller when the wind picks up.\n",
    );
    // (Not "Why should you tack?": the heading names a term.)
    assert!(
        fronts
            .iter()
            .any(|f| f.contains("tack") && (f.starts_with("What is") || f.contains("mean"))),
        "{fronts:?}"
    );
    assert!(
        fronts
            .iter()
            .any(|f| f.contains("reef") || f.contains("Reef")),
        "{fronts:?}"
    );
    assert!(
        !fronts
            .iter()
            .any(|f| f.starts_with("What matters") || f.starts_with("Why should")),
        "{fronts:?}"
    );
    // (A heading with its own determiner takes no article: not "What is
    // the your first lesson?".)
    assert!(!fronts.iter().any(|f| f.contains("the your")), "{fronts:?}");
}

#[test]
fn a_noun_and_its_participle_name_things_whatever_the_participle() {
    use crate::lesson::cards::question::tests::{PLAIN, q};
    // (An irregular participle, and a noun with its "of" phrase: no
    // statement to ask how of.)
    for heading in [
        "Search engines built on key-value stores",
        "Survey of tools written in Go",
    ] {
        assert!(!q(heading, PLAIN).starts_with("How do"), "{heading}");
    }
    // (A participle closing the heading, or before "to be", names things
    // too: no statement to ask what it means.)
    for heading in [
        "Build scripts reconsidered",
        "Libraries designed to be copied",
    ] {
        assert!(
            !q(heading, PLAIN).contains("mean"),
            "{heading}: {}",
            q(heading, PLAIN)
        );
    }
    // (So does a plural noun and a clause opening on a pronoun, its
    // "that" left out.)
    for heading in ["Five tools I use every day", "Things they never tell you"] {
        assert!(
            q(heading, PLAIN).starts_with("What "),
            "{heading}: {}",
            q(heading, PLAIN)
        );
    }
    // ("build" ending the heading is no verb of a gerund subject.)
    for (heading, question) in [
        (
            "Building a package with cargo",
            "How do you build a package with cargo?",
        ),
        (
            "Building a wheel with python -m build",
            "How do you build a wheel with python -m build?",
        ),
    ] {
        assert_eq!(q(heading, PLAIN), question);
    }
}

#[test]
fn a_plural_heading_over_a_list_of_them_asks_for_some() {
    use crate::lesson::cards::question::tests::lesson_pairs;
    let pairs = lesson_pairs(
        "# Search engines\n\n\
         ## How an index is kept\n\n\
         An inverted index maps every word to the documents that hold it.\n\n\
         ## Search engines written in Rust\n\n\
         - Tantivy (a library like Lucene)\n\
         - Meilisearch (a server with typo tolerance)\n\
         - Quickwit Cloud (logs on object storage)\n",
    );
    let (_, back) = pairs
        .iter()
        .find(|(f, _)| f == "What are some search engines written in Rust?")
        .unwrap_or_else(|| panic!("{pairs:?}"));
    assert!(back.contains("; Quickwit Cloud ("), "{back}");
}

#[test]
fn what_the_verb_says_is_asked_before_what_the_thing_does() {
    let fronts = crate::lesson::cards::question::tests::lesson_fronts(
        "# Paying for a new roof\n\n## Credit cards\n\nA credit card pays for small parts of the work, such as gutters. Its interest is high once the grace period ends.\n",
    );
    assert!(
        fronts.contains(&"What does a credit card pay for?".to_string()),
        "{fronts:?}"
    );
}

#[test]
fn two_things_joined_in_a_heading_are_no_kind_to_list_some_of() {
    let fronts = crate::lesson::cards::question::tests::lesson_fronts(
        "# Files\n\n## Links and folders\n\nTwo views of the current folder matter:\n\n- from the shell, the current folder keeps every link you followed;\n- from the kernel, the current folder is the real one once links are resolved.\n",
    );
    assert!(
        fronts.iter().all(|f| !f.starts_with("What are some")),
        "{fronts:?}"
    );
}

#[test]
fn a_definition_after_an_opening_contrast_defines_the_heading() {
    let fronts = crate::lesson::cards::question::tests::lesson_fronts(
        "# Files\n\n## Shortcuts\n\nEvery file keeps its data in one place on the disk.\n\nWhile a copy holds the data itself, a shortcut is a reference to another path. Because the path must be read each time, a shortcut must be parsed on every use.\n",
    );
    assert!(
        fronts.contains(&"What are shortcuts?".to_string()),
        "{fronts:?}"
    );
}

#[test]
fn a_usage_heading_asks_how_its_parent_is_used() {
    let fronts = lesson_fronts(
        "# Key stores\n\n## Pipelines\n\n### Usage\n\nA pipeline is opened with one \
         command and sent as a single batch of requests.\n\n### Limits\n\nA pipeline \
         holds its replies in memory until the batch ends.\n",
    );
    assert!(
        fronts.contains(&"How do you use pipelines?".to_string()),
        "{fronts:?}"
    );
}

#[test]
fn a_case_under_a_collection_of_advice_asks_for_its_advice() {
    use crate::lesson::cards::question::tests::lesson_pairs;
    let pairs = lesson_pairs(
        "# Query tuning tips\n\n## General\n\nAlways index the columns you filter on.\n\n\
         ## PostgreSQL\n\nRun ANALYZE after every bulk load.\n\n## Vacuuming\n\n\
         Run VACUUM in the quiet hours.\n",
    );
    let fronts: Vec<&str> = pairs.iter().map(|(f, _)| f.as_str()).collect();
    assert!(
        fronts.contains(&"What are the general query tuning tips?"),
        "{fronts:?}"
    );
    assert!(
        fronts.contains(&"What are the query tuning tips for PostgreSQL?"),
        "{fronts:?}"
    );
    // A thing to do is no case the advice is for.
    assert!(
        !fronts.iter().any(|f| f.contains("for vacuuming")),
        "{fronts:?}"
    );
}

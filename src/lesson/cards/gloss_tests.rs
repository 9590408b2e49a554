use super::*;
use crate::lesson::language::analyse;
use crate::lesson::read::PieceKind;

fn first_sentence(text: &str) -> Sent {
    Sent::new(text.into(), PieceKind::Para)
}

#[test]
fn a_gloss_the_heading_carried_may_go_on_with_a_clause() {
    let carried = |t: &str| carried_gloss(&first_sentence(t));
    assert_eq!(
        carried("A regular join, but the table is joined with itself."),
        Some(Opens::Indefinite)
    );
    assert_eq!(
        carried("The stream a command reads from when no file is named."),
        Some(Opens::Other)
    );
    // A sentence with its own verb glosses nothing.
    assert_eq!(carried("The read is itself sent through the log."), None);
    assert_eq!(carried("Always goes through consensus."), None);
}

#[test]
fn a_noun_phrase_with_no_verb_of_its_own_is_a_gloss() {
    for (text, opens) in [
        (
            "A tool that speeds up data retrieval in a database.",
            Opens::Indefinite,
        ),
        ("A request to access or modify data.", Opens::Indefinite),
        (
            "A virtual table created from the results of a query.",
            Opens::Indefinite,
        ),
        (
            "The process of splitting a large table into pieces.",
            Opens::Other,
        ),
        ("A single entry in a table.", Opens::Indefinite),
        (
            "Temporary storage of query results for later reads.",
            Opens::Other,
        ),
        (
            "A principle stating that no store provides all three.",
            Opens::Indefinite,
        ),
        (
            "A collection of organized data for access and updating.",
            Opens::Indefinite,
        ),
        (
            "A saved set of statements in a database.",
            Opens::Indefinite,
        ),
        (
            "A plan that splits each month's income between spending, saving and debt repayment.",
            Opens::Indefinite,
        ),
        (
            "Selling some of what has grown to restore the mix.",
            Opens::Other,
        ),
        (
            "A temporary name given to a table in a query.",
            Opens::Indefinite,
        ),
        (
            "A command for saving changes made by a transaction.",
            Opens::Indefinite,
        ),
        (
            "A paste of butter and flour cooked together to thicken a sauce.",
            Opens::Indefinite,
        ),
        (
            "The habit of reading every question before you start to answer.",
            Opens::Other,
        ),
        ("The residue left in a pan after searing.", Opens::Other),
    ] {
        assert_eq!(gloss(&first_sentence(text)), Some(opens), "{text}");
    }
}

#[test]
fn a_sentence_with_its_own_verb_is_no_gloss() {
    for text in [
        "A database is a collection of organized data.",
        "The first thing you should do is rest.",
        "Most teams prefer small changes over big ones.",
        "The server runs on a small machine.",
        "Crowded plants compete for light and water.",
        "Good mentors let the mentee finish the story.",
        "Being late to an interview is hard to undo.",
        "Figuring out what order to go in when learning is the trickiest problem.",
        "Use an index when reads outnumber writes.",
        "It stores rows in pages on disk.",
        "A lot of the web today works with a login prompt somewhere.",
        "A few teams keep their notes in the repository.",
        "What is a key that never changes?",
        "The server that we rent is slow.",
        "The site that you just built only uses static files.",
        "Label each packet with the year it was bought.",
        "Ada Lovelace first described a program for the engine.",
        "Classes work similarly to object types with one exception: they have two sides.",
    ] {
        assert_eq!(gloss(&first_sentence(text)), None, "{text}");
    }
}

#[test]
fn the_term_takes_the_article_its_gloss_and_head_noun_call_for() {
    let ask = |term: &str, opens| gloss_question(&analyse(term), term, opens, false);
    assert_eq!(
        ask("primary key", Opens::Indefinite),
        "What is a primary key?"
    );
    assert_eq!(ask("index", Opens::Indefinite), "What is an index?");
    // (A plural gloss opening on "a" names one thing only when it is a
    // name: "Google Sheets", not "hidden fields".)
    assert_eq!(
        ask("Google Sheets", Opens::Indefinite),
        "What is Google Sheets?"
    );
    assert_eq!(
        ask("hidden fields", Opens::Indefinite),
        "What are hidden fields?"
    );
    // (Nothing says whether "schema" is counted: what it means needs
    // no article; the text counting it gives it one.)
    assert_eq!(
        ask("schema", Opens::Other),
        "What does \u{201c}schema\u{201d} mean?"
    );
    assert_eq!(
        gloss_question(&analyse("schema"), "schema", Opens::Other, true),
        "What is a schema?"
    );
    assert_eq!(
        gloss_question(&analyse("ETF"), "ETF", Opens::Other, true),
        "What is an ETF?"
    );
    assert_eq!(
        gloss_question(&analyse("README file"), "README file", Opens::Other, true),
        "What is a README file?"
    );
    assert_eq!(ask("sharding", Opens::Other), "What is sharding?");
    assert_eq!(
        ask("normalization", Opens::Indefinite),
        "What is normalization?"
    );
    assert_eq!(ask("storage", Opens::Indefinite), "What is storage?");
    assert_eq!(ask("replication", Opens::Other), "What is replication?");
    assert_eq!(ask("GROUP BY", Opens::Indefinite), "What is GROUP BY?");
    assert_eq!(
        ask("SQL (structured query language)", Opens::Indefinite),
        "What is SQL (structured query language)?"
    );
    assert_eq!(ask("foreign keys", Opens::Other), "What are foreign keys?");
    assert_eq!(ask("unit test", Opens::Indefinite), "What is a unit test?");
    assert_eq!(ask("zorblax", Opens::Indefinite), "What is zorblax?");
    assert_eq!(
        ask("the Peter principle", Opens::Indefinite),
        "What is the Peter principle?"
    );
}

#[test]
fn tips_labelled_in_lower_case_do_not_make_headings_keep_their_capitals() {
    let fronts = crate::lesson::cards::question::tests::lesson_fronts(
        "# Riding to work\n\
         \n\
         ## First steps\n\
         \n\
         ### Get a helmet\n\
         \n\
         A helmet takes the blow when your head hits the road, because the foam crumples.\n\
         \n\
         ### Get a lock\n\
         \n\
         A good lock keeps the bike yours, because thieves pick the easy ones.\n\
         \n\
         ### Get lights\n\
         \n\
         Lights let drivers see you at dusk, because a moving light catches the eye.\n\
         \n\
         ## On the road\n\
         \n\
         Keep these in mind:\n\
         \n\
         * **don't ride in the gutter** as drivers squeeze past you there. Take the lane when it narrows.\n\
         * **always look twice** before you turn across traffic. Cars hide in the blind spot of a van.\n\
         * **don't wear headphones** while you ride. You need to hear the cars coming behind you.\n\
         * **signal every turn** well before you make it. Others then know where you are going.\n\
         * **stop at red lights** even when the road is empty. Drivers plan around what you do.\n\
         * **keep your lights on** from dusk until dawn. A moving light catches a driver's eye.\n\
         ",
    );
    assert!(
        fronts.contains(&"Why should you get a helmet?".to_string()),
        "{fronts:?}"
    );
}

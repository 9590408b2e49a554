//! Questions made from headings, checked on whole lessons and on
//! headings of particular shapes.

use super::tests::{PLAIN, REASON, lesson_fronts, lesson_pairs, q, section};
use super::*;
use crate::lesson::cards::ask::classify;
use crate::lesson::text::Casing;

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
fn an_aspect_of_advice_or_of_a_counted_thing_keeps_its_parent_whole() {
    let fronts = lesson_fronts(
        "# Paying for a course\n\n## Ask your employer to pay\n\n\
         Many employers set aside money for training their staff.\n\n\
         ### Drawbacks\n\nSome ask for the money back if you leave within a year.\n\n\
         ## Study loan\n\nA study loan spreads the fees over the years after the course.\n\n\
         ### Drawbacks\n\nInterest keeps adding to the sum while you study.\n",
    );
    for want in [
        "Ask your employer to pay: what are the drawbacks?",
        "What are the drawbacks of a study loan?",
    ] {
        assert!(fronts.contains(&want.to_string()), "{want}: {fronts:?}");
    }
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
        q("It's important to rest between sets", PLAIN),
        "Why is it important to rest between sets?"
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

#[test]
fn a_heading_the_text_uses_as_a_name_is_no_statement() {
    // "Leads" and "review" read as verbs, but the text names them.
    for (heading, body) in [
        (
            "Support Leads",
            "Support Leads answer for the night shift, and you can ask your Support Lead about any rota.",
        ),
        (
            "Acme weekly review meetings",
            "Weekly review meetings are open to every engineer and end with a short demo.",
        ),
    ] {
        let front = q(heading, body);
        assert!(!front.starts_with("How do"), "{heading}: {front}");
        assert!(!front.starts_with("What Leads"), "{heading}: {front}");
    }
}

#[test]
fn a_how_or_why_clause_heading_asks_its_own_question() {
    let body = "Shelters match dogs to homes, and a careful adopter makes that match \
                easier. Staff are more open with someone who asks about daily life.";
    // ("matter" after a plural noun is its verb; "how …" names no term,
    // whatever the first sentence looks like.)
    assert_eq!(
        q("Why the questions matter", body),
        "Why do the questions matter?"
    );
    assert_eq!(
        q("How the shelter decides", body),
        "How does the shelter decide?"
    );
}

#[test]
fn a_heading_placing_advice_in_time_asks_what_to_do_then() {
    let fronts = lesson_fronts(
        "# Interview day\n\n## During the interview\n\n\
         Write down the names of the people you meet. Ask each of them one question \
         about their own work.\n\n## After my first week\n\n\
         Ask your manager what went well and what to change before the next week.\n",
    );
    for front in [
        "What should you do during the interview?",
        "What should you do after your first week?",
    ] {
        assert!(fronts.contains(&front.to_string()), "{fronts:?}");
    }
}

#[test]
fn mistakes_told_to_the_reader_ask_what_to_do_instead() {
    let lesson = "# Common mistakes with sourdough\n\n\
         ## You're feeding the starter on a fixed clock\n\n\
         A starter in a warm kitchen peaks hours earlier than one in a cold room. \
         Instead, feed it when it has doubled and just begun to fall.\n\n\
         ## You don't weigh the flour\n\n\
         Cups hold very different amounts depending on how you fill them. \
         Weigh every ingredient in grams, the water too.\n";
    let fronts = lesson_fronts(lesson);
    for front in [
        "What should you do rather than feed the starter on a fixed clock?",
        "How should you weigh the flour?",
    ] {
        assert!(fronts.contains(&front.to_string()), "{fronts:?}");
    }
    // Without a word of fault anywhere, "you" headings are statements.
    let fronts = lesson_fronts(
        &lesson
            .replace("Common mistakes with", "Notes on")
            .replace("Instead, feed", "Feed"),
    );
    assert!(
        !fronts
            .iter()
            .any(|f| f.starts_with("What should you do rather than")),
        "{fronts:?}"
    );
}

#[test]
fn an_introduction_that_answers_nothing_of_its_title_gets_no_point_card() {
    let lesson = |intro: &str| {
        format!(
            "# Guidance on Easy Running\n\n\n{intro}\n\n## Before the run\n\n\
             Stretch your calves for a minute before every run, because cold muscles \
             tear more easily.\n\n## After the run\n\nWalk for five minutes after the \
             run so that your heart rate falls slowly.\n"
        )
    };
    // Remarks about the subject answer no "What is … about?".
    let remarks = "These notes grew out of a club newsletter written over several winters.\n\
                   There is no agreement among coaches on how slow easy running should be.\n\
                   The methods given here are general ones, from the side of the runner.\n\
                   The bar is set low: an easy run should leave you fresh for the next day.";
    let fronts = lesson_fronts(&lesson(remarks));
    assert!(!fronts.iter().any(|f| f.contains("about?")), "{fronts:?}");
    // Nor does the text saying what it covers, naming none of its parts.
    let synopsis = remarks.replace(
        "These notes grew out of a club newsletter written over several winters.",
        "This guide explains how to keep easy runs easy.",
    );
    let fronts = lesson_fronts(&lesson(&synopsis));
    assert!(!fronts.iter().any(|f| f.contains("about?")), "{fronts:?}");
    // Naming them, it does; so does a sentence defining the subject.
    let synopsis = remarks.replace(
        "These notes grew out of a club newsletter written over several winters.",
        "This guide explains how to keep easy runs easy: pace, breathing and rest.",
    );
    let fronts = lesson_fronts(&lesson(&synopsis));
    assert!(fronts.iter().any(|f| f.contains("about?")), "{fronts:?}");
    let defined = remarks.replace(
        "These notes grew out of a club newsletter written over several winters.",
        "Easy running is running slowly enough to hold a conversation the whole way.",
    );
    let fronts = lesson_fronts(&lesson(&defined));
    assert!(fronts.iter().any(|f| f.contains("about?")), "{fronts:?}");
}

#[test]
fn a_counted_noun_defined_under_a_bare_heading_takes_its_article() {
    let fronts = lesson_fronts(
        "# Words of the trade\n\n## Wallet\n\nA digital wallet is a program that holds the keys \
         to your coins. The wallet never holds the coins themselves.\n\n## Ledger\n\nA public \
         ledger is a record of every payment ever made. Anyone may read the ledger.\n",
    );
    assert!(
        fronts.contains(&"What is a wallet?".to_string()),
        "{fronts:?}"
    );
}

#[test]
fn a_definition_on_the_point_card_is_not_clozed_again() {
    let deck = crate::lesson::generate(
        std::path::Path::new("lesson.md"),
        "# Coin words\n\n## Satoshi\n\nA satoshi is the smallest unit of the coin that the \
         ledger records. Prices in shops are rarely given in satoshis, because the numbers \
         grow long.\n\n## Ledger\n\nThe ledger is a public record of every payment in the \
         order it was made. Anyone may read the ledger and check it.\n",
    )
    .expect("a lesson");
    let clozes: Vec<String> = deck.cards.iter().filter_map(|c| c.cloze.clone()).collect();
    assert!(
        !clozes
            .iter()
            .any(|c| c.starts_with("A satoshi is") || c.starts_with("The ledger is")),
        "{clozes:?}"
    );
}

#[test]
fn a_plural_title_defined_in_the_singular_asks_in_the_singular() {
    let fronts = lesson_fronts(
        "# Easy runs\n\nAn easy run is a run slow enough that you can hold a conversation \
         throughout. Most runners run them far too fast, and lose the benefit.\n\n\
         ## Stretch first\n\nStretch your calves for a minute before every run, as cold \
         muscles tear more easily.\n\n## Cool down\n\nWalk for five minutes after the run so \
         that your heart rate falls slowly.\n",
    );
    assert!(
        fronts.contains(&"What is an easy run?".to_string()),
        "{fronts:?}"
    );
}

#[test]
fn an_adverb_placing_a_statement_in_sequence_is_no_part_of_its_question() {
    let fronts = lesson_fronts(
        "# Bread\n\n## Now you will knead the dough\n\n\
         Push the dough away with the heel of your hand and fold it back, for ten minutes.\n\n\
         ## Shaping\n\nA tight skin on the loaf holds the gas in as it rises.\n",
    );
    assert!(
        fronts.contains(&"How will you knead the dough?".to_string()),
        "{fronts:?}"
    );
}

#[test]
fn a_slogan_on_pronouns_is_asked_what_it_means() {
    let fronts = lesson_fronts(
        "# Memory\n\n## Use it or lose it\n\n\
         A skill you never practise fades within months, however well you learnt it.\n\n\
         ## Keep it short\n\nA review session of ten minutes a day beats an hour once a week.\n",
    );
    assert!(
        fronts.contains(&"What does \u{201c}Use it or lose it\u{201d} mean?".to_string()),
        "{fronts:?}"
    );
    assert!(
        !fronts.iter().any(|f| f.contains("Keep it short")),
        "{fronts:?}"
    );
}

#[test]
fn a_keyword_before_a_construct_of_program_text_names_it() {
    let fronts = lesson_fronts(
        "# Loops in the shell\n\n## While loops\n\n\
         A while loop runs its body again and again as long as its condition holds.\n\n\
         ## For loops\n\nA for loop runs its body once for every word of a list.\n",
    );
    for front in ["How do while loops work?", "How do for loops work?"] {
        assert!(fronts.contains(&front.to_string()), "{fronts:?}");
    }
    // A noun or a gerund before "blocks" names a thing of its own.
    let fronts = lesson_fronts(
        "# Pastry\n\n## Butter blocks\n\n\
         A butter block is a flat slab of cold butter folded into the dough.\n\n\
         ## Building blocks\n\nFlour, fat and water are the building blocks of every pastry.\n",
    );
    assert!(!fronts.iter().any(|f| f.contains("work?")), "{fronts:?}");
}

#[test]
fn a_gloss_of_a_collection_asks_for_the_plural_term() {
    let fronts = lesson_fronts(
        "# Kinds of software\n\n## What is software?\n\n\
         Researchers write programs to study their data. Software is a set of programs.\n\n\
         **Libraries** – A collection of pre-written, reusable code that provides standard versions of common algorithms.\n\n\
         **Analysis software** – Software written to turn measurements into plots and tables.\n\n\
         **Single-use software** – Software written once for one figure in one paper.\n\n\
         **Modeling software** – Software that either implements solutions to equations given input data \
         and boundary conditions, or infers models from data.\n",
    );
    assert!(
        fronts.contains(&"What are libraries?".to_string()),
        "{fronts:?}"
    );
    assert!(
        fronts.contains(&"What is analysis software?".to_string()),
        "{fronts:?}"
    );
}

#[test]
fn it_in_a_checklist_item_is_what_the_heading_above_names() {
    let fronts = lesson_fronts(
        "# Choosing a tent\n\n## The tent keeps you dry\n\nA dry night decides the trip.\n\n\
         ### It has a full-length fly\n\n\
         A fly that reaches the ground keeps rain off the inner walls in wind.\n\n\
         ### Its seams are taped\n\n\
         Taped seams stop water from creeping through the needle holes.\n",
    );
    assert!(
        fronts
            .iter()
            .any(|f| f.contains("that the tent has a full-length fly")),
        "{fronts:?}"
    );
    assert!(
        fronts.iter().any(|f| f.contains("the tent's seams")),
        "{fronts:?}"
    );
}

#[test]
fn a_pair_of_examples_asks_how_to_rewrite_the_wrong_one() {
    let pairs = lesson_pairs(
        "# Writing for readers abroad\n\nPlain sentences travel well.\n\n\
         ## Keep the verbs\n\n\
         ### Repeat the helping verb\n\n\
         - Yes: The app can send the file or can print it at once.\n\
         - No: The app can send the file or print it at once.\n\n\
         ### Repeat the subject\n\n\
         - No: The plan offers backups, but not the free plan.\n\
         - Yes: The paid plan offers backups, but the free plan does not.\n",
    );
    let card = |rule: &str| {
        pairs
            .iter()
            .find(|(f, _)| f.starts_with(rule))
            .cloned()
            .unwrap_or_else(|| panic!("no card for {rule}: {pairs:?}"))
    };
    assert_eq!(
        card("Repeat the helping verb"),
        (
            "Repeat the helping verb: how would you rewrite \u{201c}The app can send the file or \
             print it at once.\u{201d}?"
                .to_string(),
            "The app can send the file or can print it at once.".to_string()
        )
    );
    assert_eq!(
        card("Repeat the subject").1,
        "The paid plan offers backups, but the free plan does not."
    );
    // The examples are no sentences of the section: no other card shows them.
    let shown = pairs
        .iter()
        .filter(|(f, b)| f.contains("can print") || b.contains("or print"));
    assert_eq!(shown.count(), 0, "{pairs:?}");
}

#[test]
fn a_label_before_a_bare_question_or_a_subtitle_after_a_comparison_stays_right() {
    let fronts = lesson_fronts(
        "# Recursion\n\n## Loops vs Recursion: A Bank Clerk's Week\n\n\
         Indira wants to count the Wednesdays of each month in her bank statements.\n\n\
         ## Recursion: Why and Why Not?\n\n\
         Some problems read more clearly as recursion, though deep calls can exhaust the stack.\n",
    );
    assert!(
        fronts.contains(&"How do loops differ from recursion?".to_string()),
        "{fronts:?}"
    );
    assert!(
        fronts.contains(&"Recursion: why and why not?".to_string()),
        "{fronts:?}"
    );
}

#[test]
fn a_task_over_its_numbered_steps_asks_how_even_with_a_reason() {
    let fronts = lesson_fronts(
        "# Using a bank app\n\n## Open the app\n\n\
         Sign in with your fingerprint, as a passcode can be watched over your shoulder.\n\n\
         ## Pay a friend\n\n\
         Every account has its own number, so that people know where to send money.\n\n\
         1. Open the app on your phone and sign in with your fingerprint or your passcode.\n\
         2. Tap the Send button at the bottom of the screen, next to the list of your accounts.\n\
         3. Enter the account number of your friend or scan the code they show you.\n\
         4. Check the amount twice before you confirm, because a payment cannot be taken back.\n\
         5. Wait for the green tick on the screen, which shows that the bank took the payment.\n\
         6. Tell your friend that the money is on its way, as it can take a day to arrive.\n\n\
         ## Check your balance\n\n\
         Look at the balance every week, because a fraudulent payment is easier to stop early.\n",
    );
    assert!(
        fronts
            .iter()
            .any(|f| f.starts_with("How") && f.contains("pay a friend")),
        "{fronts:?}"
    );
}

//! Tests of how a heading is classified (`ask.rs`).

use super::*;
use crate::lesson::cards::question::tests::section;
use crate::lesson::language::analyse;

#[test]
fn a_heading_the_section_names_as_a_thing_is_no_statement() {
    // "Sets" could be a verb, but the section's subject is "character
    // sets".
    let sec = section(
        "Character Sets",
        "Character sets are also called character classes.",
    );
    let h = analyse("character sets");
    assert_eq!(classify(&h, &sec, false), Ask::Noun);
    // A statement stays one where the text never names the phrase.
    let sec = section(
        "The team grows",
        "New people join every month, and the team grows with them.",
    );
    let h = analyse("the team grows");
    assert_eq!(classify(&h, &sec, false), Ask::Statement);
}

#[test]
fn a_word_before_an_article_is_a_verb() {
    let words = |h: &str| {
        let a = analyse(h);
        let w: Vec<Word> = a.content().cloned().collect();
        w
    };
    let is = |h: &str| verb_before_article(&words(h).iter().collect::<Vec<_>>());
    assert!(is("master the technology"));
    assert!(is("water the seedlings daily"));
    assert!(!is("the master plan"));
    assert!(!is("recipes for the week"));
}

#[test]
fn advice_carrying_more_advice_after_a_dash_stays_advice() {
    use crate::lesson::cards::question::tests::lesson_fronts;
    let fronts = lesson_fronts(
        "# Teaching online\n\n## Before class\n\n\
         - **Master the platform**\u{2014}learn every button of the tool you teach with. \
         Practise with a friend the day before.\n\
         - **Test the sound**\u{2014}record a minute and play it back, because echo \
         tires listeners.\n",
    );
    asks(&fronts, "How should you master the platform?");
}

#[test]
fn faults_of_a_list_of_faults_ask_what_is_wrong_with_them() {
    use crate::lesson::cards::question::tests::lesson_fronts;
    let fronts = lesson_fronts(
        "# Five clich\u{e9}s of conference talks\n\n\
         1. **The agenda slide:** Nobody remembers a list of what is coming. \
         Start with the problem the audience cares about.\n\
         2. **\u{201c}Can everyone hear me?\u{201d}:** The organisers have tested the sound already. \
         Open with your first real sentence.\n\
         3. **Reading the slides aloud:** The audience reads faster than you speak. \
         Say what the slide cannot show.\n",
    );
    asks(&fronts, "What is wrong with the agenda slide?");
    // An activity is asked what is wrong with it, not how to do it.
    asks(&fronts, "What is wrong with reading the slides aloud?");
    // A quotation is named as it was said: no article, its own capitals.
    asks(
        &fronts,
        "What is wrong with \u{201c}Can everyone hear me?\u{201d}?",
    );
}

#[test]
fn in_a_lesson_of_activities_a_gerund_read_as_a_noun_is_one_too() {
    use crate::lesson::cards::question::tests::lesson_fronts;
    let fronts = lesson_fronts(
        "# Four habits of a new lead\n\n\
         1. Listening\n\nHear the team out before you decide anything about the work.\n\n\
         2. Reading and learning\n\nBooks on leading teams save you from the mistakes others made.\n\n\
         3. Setting expectations and goals\n\nEvery person should know what is expected of them this quarter.\n\n\
         4. Delegating the routine work\n\nHand routine tasks to the team so that you have time to plan.\n",
    );
    asks(&fronts, "How do you set expectations and goals?");
    asks(&fronts, "How do you read and learn?");
}

#[test]
fn advice_whose_words_sit_inside_a_definition_stays_advice() {
    use crate::lesson::cards::question::tests::lesson_fronts;
    let fronts = lesson_fronts(
        "# Principles for students\n\n\
         **Relax.** Breaks keep the mind fresh. Walk for an hour every day.\n\n\
         **Help others.** A chance to help others is a great privilege. Many people around \
         you need help at some point.\n\n\
         **Read widely.** Papers outside your field give you new ideas. Read one every week.\n",
    );
    asks(&fronts, "Why should you help others?");
}

#[test]
fn a_base_verb_after_a_plural_subject_makes_a_statement() {
    use crate::lesson::cards::question::tests::{PLAIN, q};
    assert_eq!(
        q("Schools focus far too much on grammar", PLAIN),
        "How do schools focus far too much on grammar?"
    );
    // A compound of two nouns stays a noun phrase.
    assert_ne!(q("Sales figures", PLAIN), "How do sales figure?");
    // After a question word too, whatever the tagger makes of the verb.
    assert_eq!(
        q("Why caches slow down deploys", PLAIN),
        "Why do caches slow down deploys?"
    );
}

#[test]
fn a_gerund_after_a_question_word_is_the_subject() {
    use crate::lesson::cards::question::tests::{PLAIN, q};
    assert_eq!(q("How batching works", PLAIN), "How does batching work?");
}

#[test]
fn an_activity_among_faults_is_one_unless_the_section_says_to_do_it() {
    use crate::lesson::cards::question::tests::lesson_fronts;
    let fronts = lesson_fronts(
        "# Common SQL anti-patterns\n\n\
         ## Using SELECT * in production queries\n\nSelecting every column pulls data the \
         application never reads. It also breaks the query when a column is renamed.\n\n\
         ## Naming the columns\n\nName the columns you need. The query then survives a \
         renamed column elsewhere in the table.\n",
    );
    asks(
        &fronts,
        "What is wrong with using SELECT * in production queries?",
    );
    assert!(
        fronts.iter().all(|f| !f.contains("wrong with naming")),
        "{fronts:?}"
    );
}

/// Asserts that one of the lesson's questions is `question`.
fn asks(fronts: &[String], question: &str) {
    assert!(fronts.iter().any(|f| f == question), "{fronts:?}");
}

#[test]
fn an_introduction_defining_a_thing_the_title_names_asks_what_it_is() {
    use crate::lesson::cards::question::tests::lesson_fronts;
    // (After "A", a word the tagger may read as a verb, "tasting", is part
    // of the name.)
    let fronts = lesson_fronts(
        "# Keeping a Tasting Journal\n\n\
         A tasting journal is a notebook where you describe every wine you try. It takes a \
         minute a bottle.\n\n\
         ## Note the price\n\nWrite down what the bottle cost, because a good cheap wine is worth \
         buying again.\n",
    );
    asks(&fronts, "What is a tasting journal?");
}

#[test]
fn the_difference_between_two_things_asks_how_they_differ() {
    use crate::lesson::cards::question::tests::{PLAIN, q};
    assert_eq!(
        q("The difference between a lease and a licence", PLAIN),
        "How does a lease differ from a licence?"
    );
    assert_eq!(
        q("Differences between trains and coaches", PLAIN),
        "How do trains differ from coaches?"
    );
}

#[test]
fn a_statement_heading_in_a_lesson_of_advice_stays_a_statement() {
    use crate::lesson::cards::question::tests::lesson_fronts;
    let fronts = lesson_fronts(
        "# Tips for new developers\n\nA few habits help anyone starting out.\n\n\
         - **Test coverage is overrated.** A suite that runs every line can still miss the \
         case that breaks, because coverage counts lines and not behaviours.\n\
         - **Lastly, think aloud while you code.** Explain your reasoning as you type, so the \
         interviewer can follow it.\n\
         - **Write the test first.** A failing test tells you when to stop, because it passes \
         once the work is done.\n\
         - **Time management is important.** Divide your day between work, learning and rest.\n",
    );
    // (A value, "important", asks what makes it so.)
    asks(&fronts, "Why is time management important?");
    // ("is" is no plural verb the tagger misread; "Lastly," places the
    // tip in a sequence and leaves the question.)
    asks(&fronts, "Why is test coverage overrated?");
    asks(&fronts, "Why should you think aloud while you code?");
}

#[test]
fn a_clause_opening_with_a_question_word_is_a_statement_subject() {
    use crate::lesson::cards::question::tests::lesson_fronts;
    let fronts = lesson_fronts(
        "# Career advice\n\n## Who you work with is so important\n\nA team that teaches you makes \
         you grow faster, because you learn from people every day.\n\n\
         ## What you eat matters\n\nFood decides how much energy you have, because sugar spikes \
         fade fast.\n",
    );
    asks(&fronts, "Why is who you work with important?");
    asks(&fronts, "Why does what you eat matter?");
}

#[test]
fn a_noun_in_s_before_an_article_is_the_heading_verb() {
    use crate::lesson::cards::question::tests::lesson_fronts;
    let fronts = lesson_fronts(
        "# How DNS Works\n\n## The DNS Resolver Queries the Root DNS Servers\n\nThe root servers \
         answer with the address of the TLD servers, which know where each domain lives.\n\n\
         ## Can't Make it Small Enough\n\nSometimes a change cannot be split, so ask the reviewers \
         before you write it.\n",
    );
    asks(
        &fronts,
        "How does the DNS resolver query the root DNS servers?",
    );
    // The reader's case, its subject left out.
    asks(&fronts, "What if you can't make it small enough?");
}

#[test]
fn a_numbered_step_stating_what_happens_is_not_asked_why() {
    use crate::lesson::cards::question::tests::lesson_fronts;
    let fronts = lesson_fronts(
        "# How a page loads\n\n\
         **Step 1: The user enters the address**\nThe process starts when someone types the address, so \
         the browser must find the server first.\n\n\
         **Step 2: The browser asks a resolver**\nThe resolver looks the name up, because the \
         browser only knows names.\n\n\
         **Step 3: The server sends the page**\nThe page comes back and the browser draws it, \
         because it now has the bytes.\n",
    );
    assert!(fronts.iter().all(|f| !f.starts_with("Why")), "{fronts:?}");
    asks(&fronts, "How does the user enter the address?");
}

#[test]
fn only_advice_naming_a_state_asks_what_to_do() {
    use crate::lesson::cards::question::tests::lesson_fronts;
    let fronts = lesson_fronts(
        "# Healthy maintainers\n\n## Stay rested\n\nThere are many ways to rest between \
         releases, and most of them cost nothing.\n\n\
         ## Watch out for signs of burnout\n\nThere are early warning signs, and most of them \
         show up weeks before a crisis.\n",
    );
    asks(&fronts, "What should you do to stay rested?");
    asks(&fronts, "How should you watch out for signs of burnout?");
}

#[test]
fn a_list_of_tips_goes_on_past_a_pull_quote() {
    use crate::lesson::cards::question::tests::lesson_fronts;
    let fronts = lesson_fronts(
        "# Balance\n\n## What would you need?\n\nHere are a few themes we heard:\n\n\
         * **Lean on the community:** Delegation can lighten the workload. Connect with other \
         maintainers in groups.\n\n\
         * **Explore funding:** There are many resources to help. As a first step, consider \
         turning on sponsorships to let others pay for your work.\n\n\
         > A quote from someone about money.\n\n\
         * **Use tools:** Explore tools that automate mundane tasks and free up your time.\n",
    );
    asks(&fronts, "How should you use tools?");
}

#[test]
fn a_participle_before_a_noun_and_a_comma_between_modifiers_split_nothing() {
    use crate::lesson::cards::question::tests::lesson_fronts;
    let fronts = lesson_fronts(
        "# Caching\n\n## How versioned URLs can help your caching strategy\n\nVersioned URLs let a \
         server cache files for a year, because a new version gets a new name.\n\n\
         ## Meetings\n\n\
         1. **Avoid scheduled, repetitive meetings if they are not needed.** If you need a status \
         meeting, keep it short and rare.\n\
         2. **Keep an agenda.** People decide whether to come by reading it.\n",
    );
    asks(
        &fronts,
        "How can versioned URLs help your caching strategy?",
    );
    asks(
        &fronts,
        "How can you avoid scheduled, repetitive meetings if they are not needed?",
    );
}

#[test]
fn a_bracketed_placing_word_opens_a_case() {
    use crate::lesson::cards::question::tests::lesson_fronts;
    let fronts = lesson_fronts(
        "# Accessible sites\n\n## (Before) Implementing accessibility\n\nThe first thing to keep in \
         mind is that no site is ever fully accessible, so aim for steady progress instead.\n\n\
         ## Contrast\n\nText needs a contrast ratio of at least 4.5 to 1, because faint text \
         fails on bright screens.\n",
    );
    asks(
        &fronts,
        "What should you do before implementing accessibility?",
    );
}

#[test]
fn a_condition_with_its_verb_left_out_asks_when() {
    use crate::lesson::cards::question::tests::lesson_fronts;
    let fronts = lesson_fronts(
        "# Meetings\n\n\
         1. **If you need to, you can skip meetings.** Really. It is also fine if someone cannot \
         attend your meeting.\n\
         2. **Keep an agenda.** People decide whether to come by reading it.\n",
    );
    asks(&fronts, "When can you skip meetings?");
}

#[test]
fn three_things_compared_are_asked_how_they_differ() {
    use crate::lesson::cards::question::tests::lesson_fronts;
    let fronts = lesson_fronts(
        "# Indexes\n\n## Binary search tree vs B-tree vs B+ tree\n\nA B-tree node holds many keys, \
         while a binary search tree node holds one, and a B+ tree keeps every key in its leaves.\n",
    );
    asks(
        &fronts,
        "How do binary search tree, B-tree and B+ tree differ?",
    );
}

#[test]
fn advice_to_try_a_named_method_asks_how_it_works() {
    use crate::lesson::cards::question::tests::lesson_fronts;
    let fronts = lesson_fronts(
        "# Study habits\n\n## Try the two-minute rule\n\n\
         Do any task of less than two minutes at once. \
         Put anything longer on the list for later.\n\n\
         ## Try a standing desk\n\n\
         Raise the desk to elbow height and stand for an hour at a time.\n",
    );
    asks(&fronts, "How does the two-minute rule work?");
    // (Not a thing to use, which is asked how to try.)
    asks(&fronts, "How should you try a standing desk?");
}
#[test]
fn a_title_case_step_naming_a_domain_is_still_a_clause() {
    use crate::lesson::cards::question::tests::lesson_fronts;
    let fronts = lesson_fronts(
        "# How DNS Works\n\n**Step 1: The Browser Connects to the Server**\n\
         The browser sends a request to the server at once.\n\n\
         **Step 2: GitHub Resolves the Request for example.org**\n\
         GitHub checks the file and serves the page from the repository.\n\n\
         **Step 3: The Resolver Returns the Address**\n\
         The resolver sends the address back to the browser.\n",
    );
    asks(
        &fronts,
        "How does GitHub resolve the request for example.org?",
    );
}

#[test]
fn a_trouble_under_a_heading_naming_troubles_asks_its_problem() {
    use crate::lesson::cards::question::tests::lesson_fronts;
    let fronts = lesson_fronts(
        "# Running a club\n\n## Common challenges\n\n### Working alone\n\n\
         Organising every meeting by yourself wears you down within a season.\n\n\
         ## Members\n\n### New members\n\n\
         New members join in the autumn, after the open day.\n",
    );
    asks(&fronts, "What is the problem with working alone?");
    // (Not under a heading naming none.)
    assert!(
        !fronts
            .iter()
            .any(|f| f.contains("problem with new members")),
        "{fronts:?}"
    );
}
#[test]
fn a_law_stated_by_its_name_is_asked_what_it_states() {
    use crate::lesson::cards::question::tests::lesson_fronts;
    // (The tagger reads "states" after a capitalised name as a name too.)
    let fronts = lesson_fronts(
        "# Team size\n\n## Brooks's Law\n\n\
         Brooks's Law simply states that adding people to a late project makes it later. \
         New people need training, and every newcomer adds paths for talk, as Brooks's Law predicts.\n",
    );
    asks(&fronts, "What does Brooks's Law state?");
}

#[test]
fn what_you_can_do_after_a_phrase_setting_it_apart_is_advice() {
    use crate::lesson::cards::question::tests::lesson_fronts;
    let fronts = lesson_fronts(
        "# Splitting changes\n\n## Splitting vertically\n\n\
         Orthogonal to the layered, horizontal approach, you can instead split your change \
         into small features that each cross every layer.\n",
    );
    asks(&fronts, "How should you split vertically?");
}
#[test]
fn a_reminder_before_advice_is_no_part_of_it() {
    use crate::lesson::cards::question::tests::lesson_fronts;
    let fronts = lesson_fronts(
        "# Meetings\n\n## Make sure you book the room early\n\n\
         Rooms fill up a week ahead. People plan their week around them.\n\n\
         ## Remember to send the agenda\n\n\
         Send it a day before, so people can prepare.\n\n\
         ## Don't forget to take notes\n\n\
         Write down each decision and who owns it.\n",
    );
    asks(&fronts, "Why should you send the agenda?");
    asks(&fronts, "How should you take notes?");
    assert!(
        !fronts.iter().any(|f| f.contains("make sure")),
        "{fronts:?}"
    );
}
#[test]
fn a_gerund_and_noun_the_text_writes_after_an_article_names_a_thing() {
    use crate::lesson::cards::question::tests::lesson_fronts;
    let fronts = lesson_fronts(
        "# Hiring\n\n## Coding challenge\n\n\
         If you set a take-home coding challenge, be flexible about the libraries it allows.\n\n\
         ## Giving guidance\n\n\
         Give guidance in small steps, and check what the candidate understood.\n",
    );
    assert!(
        !fronts.iter().any(|f| f.contains("code challenge")),
        "{fronts:?}"
    );
    asks(&fronts, "How do you give guidance?");
}

#[test]
fn a_verb_whose_base_ends_in_ing_is_no_gerund() {
    use crate::lesson::cards::question::tests::lesson_fronts;
    let fronts = lesson_fronts(
        "# Giving a talk\n\n## Bring all the cables\n\n\
         Bring a cable for every kind of projector, because old halls keep old projectors.\n\n\
         ## Keep to time\n\n\
         Finish five minutes early so that questions have room.\n",
    );
    assert!(!fronts.iter().any(|f| f.contains("involve")), "{fronts:?}");
    asks(&fronts, "Why should you bring all the cables?");
}
#[test]
fn a_word_in_ing_after_an_article_is_the_subject_not_the_verb() {
    use crate::lesson::cards::question::tests::lesson_fronts;
    let fronts = lesson_fronts(
        "# Text on computers\n\n## Encodings\n\n\
         An encoding specifies how to translate code points to bits. Computers do not understand numbers.\n\n\
         ## Fonts\n\n\
         A font gives the shapes of the characters on screen.\n",
    );
    asks(&fronts, "What does an encoding specify?");
}

#[test]
fn a_question_heading_followed_by_the_readers_case_is_asked_as_written() {
    use crate::lesson::cards::question::tests::lesson_fronts;
    let fronts = lesson_fronts(
        "# Formatter FAQ\n\n## Why spaces? I prefer tabs\n\nThe style guide recommends spaces, and \
         most of the community uses them. The tool offers no option for tabs.\n\n\
         ## Does it have an API?\n\nNo, the tool has no public API yet.\n",
    );
    asks(&fronts, "Why spaces? I prefer tabs.");
}

#[test]
fn a_claim_answered_by_advice_asks_what_to_do() {
    use crate::lesson::cards::question::tests::lesson_fronts;
    let fronts = lesson_fronts(
        "# Running a team\n\n## Resentment builds over time due to unspoken problems\n\n\
         Give feedback early and kindly. Small problems raised on the day are easy to fix.\n\n\
         ## Feedback loses its value with time\n\nA remark made a month later is hard to act on, \
         because nobody remembers the details any more.\n",
    );
    asks(
        &fronts,
        "\u{201c}Resentment builds over time due to unspoken problems\u{201d}: what should you do?",
    );
    // (A claim its section explains is asked about as before.)
    assert!(
        fronts
            .iter()
            .any(|f| f.starts_with("Why does feedback lose")),
        "{fronts:?}"
    );
}

#[test]
fn a_maxim_setting_one_doing_against_another_is_asked_what_it_means() {
    use crate::lesson::cards::question::tests::lesson_fronts;
    let fronts = lesson_fronts(
        "# Working remotely\n\n## Push, don't pull\n\nShare updates in the channel before \
         anyone has to ask, because chasing costs both of you time.\n\n\
         ## Write down decisions, not discussions\n\nA decision log tells a newcomer what \
         was settled, so keep one per project.\n",
    );
    asks(
        &fronts,
        "What does \u{201c}Push, don't pull\u{201d} mean in practice?",
    );
    // (One object set against another is plain advice.)
    assert!(
        fronts
            .iter()
            .any(|f| f.contains("should you write down decisions")),
        "{fronts:?}"
    );
}

#[test]
fn a_participle_before_a_later_verb_is_a_statement() {
    let ask = |h: &str, body: &str| classify(&analyse(&h.to_lowercase()), &section(h, body), false);
    // The participle names things when nothing follows it as the verb…
    assert_eq!(
        ask(
            "Tools used in production",
            "Most teams run a linter and a profiler."
        ),
        Ask::Noun
    );
    // …but "is" after it is the heading's own verb.
    assert_eq!(
        ask(
            "The balance reported on the statement is wrong",
            "Pending payments are not counted until they clear."
        ),
        Ask::Statement
    );
}

#[test]
fn a_verb_before_a_colon_makes_a_statement_not_a_label() {
    let ask = |h: &str, body: &str| classify(&analyse(&h.to_lowercase()), &section(h, body), false);
    assert_eq!(
        ask(
            "The installer gives Error 5: access denied",
            "The vault file belongs to another user; run the tool as its owner."
        ),
        Ask::Statement
    );
    assert_eq!(
        ask("Disadvantages: failover", "Failover takes a minute."),
        Ask::Noun
    );
}

#[test]
fn a_reported_trouble_over_a_fix_asks_what_to_do() {
    let pairs = crate::lesson::cards::question::tests::lesson_pairs(
        "# Sync questions\n\n\
         ## The upload fails with a timeout error\n\n\
         Raise the limit with the --timeout flag, and retry the upload.\n\n\
         ## The report query times out\n\n\
         Add an index on the date column, and rerun the report.\n\n\
         ## The service is quiet at night\n\n\
         Lower the log level with the --quiet flag, and check it each morning.\n",
    );
    assert!(
        pairs
            .iter()
            .any(|(f, _)| f == "What should you do if the upload fails with a timeout error?"),
        "{pairs:?}"
    );
    // (A trouble of two words, "times out", too.)
    assert!(
        pairs
            .iter()
            .any(|(f, _)| f == "What should you do if the report query times out?"),
        "{pairs:?}"
    );
    // (No trouble reported: no "What should you do if…".)
    assert!(
        !pairs
            .iter()
            .any(|(f, _)| f.contains("if the service is quiet")),
        "{pairs:?}"
    );
}

#[test]
fn a_personal_pronoun_and_a_verb_make_a_clause() {
    for (h, body) in [
        ("We value context", "Meetings leave no record."),
        ("They care about health", "No one answers at night."),
    ] {
        assert_eq!(
            classify(&analyse(&h.to_lowercase()), &section(h, body), false),
            Ask::Statement
        );
    }
}

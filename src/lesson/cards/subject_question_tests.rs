//! Tests of questions asked for a sentence's subject (`subject_question.rs`).

use super::*;
use crate::lesson::read::PieceKind;

fn asked(text: &str) -> Option<(String, String)> {
    subject_question(&Sent::new(text.into(), PieceKind::Para))
}

#[test]
fn an_emphatic_do_asks_for_no_subject() {
    assert_eq!(
        asked("The city council does have a standard form for every complaint."),
        None
    );
}

#[test]
fn a_predicate_leaning_on_what_came_before_asks_for_no_subject() {
    assert_eq!(
        asked("Calling the abort command instead will empty the whole queue."),
        None
    );
    assert_eq!(
        asked("Individual methods should be documented by their own docstring."),
        None
    );
    // (Nor one whose cue is general words: "multiple times".)
    assert_eq!(
        asked("The watch command can be called multiple times."),
        None
    );
}

#[test]
fn a_sentence_opening_with_its_subject_asks_for_it() {
    assert_eq!(
        asked(
            "Close reading of primary sources is one of the most valuable skills a historian can teach."
        ),
        Some((
            "What is one of the most valuable skills a historian can teach?".into(),
            "Close reading of primary sources.".into()
        ))
    );
    assert_eq!(
        asked("Spaced repetition has kept facts in memory for years at a time."),
        Some((
            "What has kept facts in memory for years at a time?".into(),
            "Spaced repetition.".into()
        ))
    );
    // Two nouns joined by "or" make one phrase; a clause does not.
    assert_eq!(
        asked("A layer of straw or compost keeps moisture in and weeds down."),
        Some((
            "What keeps moisture in and weeds down?".into(),
            "A layer of straw or compost.".into()
        ))
    );
    assert_eq!(
        asked("Straw and then it rots keeps the soil soft for weeks."),
        None
    );
    // "What" takes a singular verb before "one" or "a".
    assert_eq!(
        asked("Short tests are one reason why the build stays green."),
        Some((
            "What is one reason why the build stays green?".into(),
            "Short tests.".into()
        ))
    );
    // An adverb before the verb is the predicate's, never the answer's.
    assert_eq!(
        asked("A good teacher still explains the reasons behind every rule."),
        Some((
            "Who still explains the reasons behind every rule?".into(),
            "A good teacher.".into()
        ))
    );
}

#[test]
fn a_named_person_is_asked_who() {
    assert_eq!(
        asked("Marie Curie discovered two new elements while studying radioactive ores."),
        Some((
            "Who discovered two new elements while studying radioactive ores?".into(),
            "Marie Curie.".into()
        ))
    );
    // (A name of a thing, or a verb anything does, keeps "What".)
    assert_eq!(
        asked("The Hubble telescope observed the oldest known galaxies in infrared light."),
        Some((
            "What observed the oldest known galaxies in infrared light?".into(),
            "The Hubble telescope.".into()
        ))
    );
    // People named by a noun, before any preposition, are asked "Who".
    assert_eq!(
        asked("Participants in the training sessions would learn how to run a field survey."),
        Some((
            "Who would learn how to run a field survey?".into(),
            "Participants in the training sessions.".into()
        ))
    );
    // A denial, or a predicate pointing at a sentence before, asks
    // nothing.
    assert_eq!(
        asked("Darwin did not publish his notes on this theory for years."),
        None
    );
    assert_eq!(
        asked("Mendel published his results on this question in a small journal."),
        None
    );
}

#[test]
fn an_answer_naming_the_lessons_subject_asks_nothing() {
    let s = Sent::new(
        "AI systems can repeat the biases of the data they are trained on.".into(),
        PieceKind::Para,
    );
    let asked = |s: &Sent, t: &str| subject_question_in(s, &TitleKind::of(t, &[]));
    assert!(subject_question(&s).is_some());
    assert_eq!(asked(&s, "Responsible AI"), None);
    let s = Sent::new(
        "Load balancers can spread incoming requests across many servers.".into(),
        PieceKind::Para,
    );
    assert_eq!(asked(&s, "Load balancer"), None);
    // In a comparison, the answer says which one.
    assert!(asked(&s, "Load balancers vs reverse proxies").is_some());
    assert!(asked(&s, "Scaling a web service").is_some());
    // A name most of the lesson's sections use is its subject too,
    // whatever the title says.
    let s = Sent::new(
        "Gunicorn relies on the kernel to balance the load between workers.".into(),
        PieceKind::Para,
    );
    let mut kind = TitleKind::of("Design", &[]);
    assert!(subject_question_in(&s, &kind).is_some());
    kind.names = ["gunicorn".to_string()].into();
    assert_eq!(subject_question_in(&s, &kind), None);
    // So is a phrase of such names and the title's words: "The Postgres
    // query planner" in a lesson so titled that names Postgres throughout.
    let s = Sent::new(
        "The Postgres query planner sits at the top of the hierarchy.".into(),
        PieceKind::Para,
    );
    let mut kind = TitleKind::of("Query planner", &[]);
    assert!(subject_question_in(&s, &kind).is_some());
    kind.names = [crate::lesson::text::stem("postgres")].into();
    assert_eq!(subject_question_in(&s, &kind), None);
}

#[test]
fn a_span_of_years_is_a_subject_too() {
    assert_eq!(
        asked("1840 to 1870 was the busiest era of canal building in the region."),
        Some((
            "What was the busiest era of canal building in the region?".into(),
            "1840 to 1870.".into()
        ))
    );
}

#[test]
fn the_question_stops_before_a_second_statement() {
    // (A contrast with no subject of its own cannot be cut off.)
    assert_eq!(
        asked("Walking daily is enough to stay well but to get faster run hills too."),
        None
    );
    // (A plural verb takes its form in "-s" after "what".)
    assert_eq!(
        asked(
            "The root servers sit at the top of the hierarchy, but they never know the final address."
        ),
        Some((
            "What sits at the top of the hierarchy?".into(),
            "The root servers.".into()
        ))
    );
    assert_eq!(
        asked(
            "The root servers answered every query at the top of the tree, but they kept no record."
        ),
        Some((
            "What answered every query at the top of the tree?".into(),
            "The root servers.".into()
        ))
    );
    // A second statement spliced on with a comma alone.
    assert_eq!(
        asked("Research was well funded by government agencies, advances were made in computing."),
        Some((
            "What was well funded by government agencies?".into(),
            "Research.".into()
        ))
    );
    // A remark after a spaced dash.
    assert_eq!(
        asked("Every node in the ring keeps a full copy of the index - Simple, but wasteful."),
        Some((
            "What keeps a full copy of the index?".into(),
            "Every node in the ring.".into()
        ))
    );
}

#[test]
fn no_question_without_a_plain_subject_or_with_too_little_cue() {
    for text in [
        "The next downside is the paperwork that comes at tax time.",
        "It works well in highly available systems.",
        "There are many ways to read a text.",
        "As a first step, students might pick one report.",
        "Many teams prefer short cycles over long ones.",
        "People often forget the second half of a plan.",
        "Distant reading is useful.",
        "Distant reading is a way of reading many texts at a distance.",
        "Use a timer to keep the meeting short.",
        "Which tool should you pick for the job?",
        "The server will respond with a short status if nothing changed.",
        "Students might discuss what the frequency of a word suggests.",
        "Governance guidelines tend to be few but strictly enforced.",
        "The expression comes first, followed by a clause: squares = [n for n in xs].",
        "A secondary goal is improving the skills of every reviewer over time.",
        "The primary aim of a review is to get the best change possible.",
        "The most typical example is when the browser stores its own copy.",
        "The vast majority of the topics presented here will be useful anywhere.",
        "Members of the club need to feel they can shape the group.",
        "Remote-first means everything is designed for distributed work.",
        "The best tool stack is the smallest one that works for the team.",
    ] {
        assert_eq!(asked(text), None, "{text}");
    }
}

#[test]
fn a_plural_verb_takes_its_form_in_s_after_what() {
    let form = |text: &str, verb: &str| {
        let s = Sent::new(text.into(), PieceKind::Para);
        let w =
            s.a.words
                .iter()
                .find(|w| w.norm == verb)
                .cloned()
                .expect("the verb");
        singular_present(&w)
    };
    assert_eq!(
        form("Dry sheets carry less mould.", "carry"),
        Some("carries".into())
    );
    assert_eq!(form("Good notes have dates.", "have"), Some("has".into()));
    assert_eq!(
        form("Tight lids fix the smell.", "fix"),
        Some("fixes".into())
    );
    // A past is no base form, and "tend to" only a plural subject has.
    assert_eq!(form("The crew took the long road.", "took"), None);
    assert_eq!(form("Small teams tend to ship faster.", "tend"), None);
}

#[test]
fn a_participle_inside_the_subject_is_no_verb() {
    assert_eq!(
        asked("The server behind the cached page handles every request from the office."),
        Some((
            "What handles every request from the office?".into(),
            "The server behind the cached page.".into()
        ))
    );
}

#[test]
fn a_modal_after_a_name_is_no_part_of_the_answer() {
    // ("Stage two can…": the tagger may read "can" as a noun.)
    assert_eq!(
        asked("Stage two can then load the kernel from any disk the firmware knows."),
        Some((
            "What can then load the kernel from any disk the firmware knows?".into(),
            "Stage two.".into()
        ))
    );
}

#[test]
fn a_contrast_of_two_things_asks_for_neither() {
    assert_eq!(
        asked("Input sanitization is usually a bad idea, but input validation is a good thing."),
        None
    );
    // ("but they…" goes on about the same subject.)
    assert!(
        asked("Street lamps sit at the top of each pole, but they never light the path.").is_some()
    );
}

#[test]
fn a_contrast_in_the_subject_or_an_aside_in_brackets_stays_out() {
    // (The connective sets the subject against a sentence the card lacks.)
    assert_eq!(
        asked("The second baker on the other hand has been given several raises."),
        None
    );
    // (An aside in brackets is no part of the question; a formula's are.)
    assert_eq!(
        asked("Modern proxy servers use both TCP and UDP protocols (older ones only use TCP).")
            .map(|q| q.0),
        Some("What uses both TCP and UDP protocols?".to_string())
    );
}

#[test]
fn a_negation_read_into_the_subject_asks_nothing() {
    assert_eq!(
        asked("Hard links cannot refer to directories, only to regular files."),
        None
    );
}

#[test]
fn a_subject_cut_before_its_noun_asks_nothing() {
    assert_eq!(
        asked("The tool prints out the associated IPs and latencies as it jumps through hops."),
        None
    );
}

#[test]
fn and_before_a_subject_pronoun_and_its_verb_ends_the_predicate() {
    let (q, _) = asked(
        "Release notes should list every breaking change in the first paragraph and they should link to the migration guide.",
    )
    .unwrap();
    assert_eq!(
        q,
        "What should list every breaking change in the first paragraph?"
    );
}

#[test]
fn a_clause_placing_the_point_in_time_is_no_subject() {
    // ("Any time an action is triggered, a reaction occurs" would ask
    // "What is triggered, a reaction occurs…?" answered "Any time an action.")
    assert_eq!(
        asked("Any time an order is placed, a receipt is mailed to the buyer."),
        None
    );
    assert_eq!(
        asked("Every time the build fails, the author gets an email."),
        None
    );
}

#[test]
fn an_adverb_leaning_on_the_sentence_before_is_left_out() {
    let (question, answer) =
        asked("The Swedish mail service then offers a tracked parcel rate.").unwrap();
    assert_eq!(question, "What offers a tracked parcel rate?");
    assert_eq!(answer, "The Swedish mail service.");
}

#[test]
fn a_clause_left_without_its_that_asks_for_no_subject() {
    assert_eq!(
        asked("Each format the tool supports operates on a default port number."),
        None
    );
}

#[test]
fn a_pronoun_for_the_hidden_subject_asks_nothing() {
    // ("they" can only be the instructions the question hides.)
    assert_eq!(
        asked(
            "Instructions from the lead should always be followed, as they will have more context on the incident."
        ),
        None
    );
}

//! Tests of sentence analysis ([`super`]).

use super::*;

#[test]
fn above_a_number_compares_and_points_nowhere() {
    let sent = |t: &str| Sent::new(t.into(), PieceKind::Para);
    assert!(!sent("Any version above 1.0.0 works with the library.").pointer);
    assert!(!sent("Keep the room below 20 degrees at night.").pointer);
    assert!(sent("The steps above set up the server for you.").pointer);
    assert!(!sent("Above all, keep the reed wet before you play.").pointer);
    assert!(!sent("Keep the strap below your collar while you play.").pointer);
}

#[test]
fn a_sentence_looking_back_at_the_text_points_into_it() {
    let sent = |t: &str| Sent::new(t.into(), PieceKind::Para);
    assert!(sent("So far we have covered the tools and the kiln.").pointer);
    assert!(sent("We've looked at firing; glazing comes next.").pointer);
    assert!(!sent("So far, the kiln has held its heat well.").pointer);
}

#[test]
fn a_figure_points_away_only_by_its_number_or_article() {
    let sent = |t: &str| Sent::new(t.into(), PieceKind::Para);
    assert!(sent("Figure 3 shows the pump and its two valves.").pointer);
    assert!(sent("The values in table 2 come from the first trial.").pointer);
    assert!(sent("As the figure shows, the pump has two valves.").pointer);
    assert!(!sent("A clear method is worth more than a striking figure.").pointer);
    assert!(!sent("Each new listing on the site costs the seller a fee.").pointer);
}

#[test]
fn a_statement_without_its_final_period_is_still_one() {
    let para = |t: &str| Sent::new(t.into(), PieceKind::Para);
    assert!(para("Create one with the stream command and a name of your choice").substantive());
    // Not where code would follow, nor a caption, nor a lettered item.
    assert!(!para("You can generate a deploy token for the build using").substantive());
    assert!(!para("Known uses of the pattern in larger systems include").substantive());
    assert!(!para("The architecture of the whole system").substantive());
    assert!(!para("c) Builds successfully when using a separate directory").substantive());
    // A long one may end on its particle or verb all the same.
    assert!(
        para(
            "Every entry point should call one central handler for logging and alerts whenever an error comes in"
        )
        .substantive()
    );
}

#[test]
fn a_frame_around_a_statement_is_dropped() {
    assert_eq!(
        unframed("Note that reviewers may refuse a large change."),
        "Reviewers may refuse a large change."
    );
    assert_eq!(unframed("Remember that."), "Remember that.");
    // A restatement is the point in plainer words: its opening goes, and
    // it weighs as a conclusion does.
    assert_eq!(
        unframed("In other words, a charset maps numbers to characters."),
        "A charset maps numbers to characters."
    );
    let s = Sent::new(
        "Put otherwise, an encoding turns numbers into bits.".into(),
        PieceKind::Para,
    );
    assert!(s.concludes && s.leans.is_none());
    // "After all, …" justifies the sentence before it.
    let s = Sent::new("After all, you chose the topic.".into(), PieceKind::Para);
    assert!(s.leans.is_some());
}

#[test]
fn there_and_a_dummy_it_do_not_lean() {
    let s = |t: &str| Sent::new(t.into(), PieceKind::Para);
    assert!(
        s("There are two ways to keep a cache fresh.")
            .leans
            .is_none()
    );
    assert!(
        s("It is easier to review five small changes than one large one.")
            .leans
            .is_none()
    );
    assert!(
        s("It runs every night and deletes old copies.")
            .leans
            .is_some()
    );
    assert!(
        s("There have been many studies showing that sleep helps memory.")
            .leans
            .is_none()
    );
    // ("due to" closes a preposition: "it" stands for something before.)
    assert!(
        s("It can be due to the heat in the room after lunch.")
            .leans
            .is_some()
    );
    // "Both" after its own nouns stands for them.
    assert!(
        s("Basil and tomato both bring a sweet smell to the sauce.")
            .leans
            .is_none()
    );
    assert!(s("Both give the sauce a sweet smell.").leans.is_some());
    assert!(
        s("It is important for new members to read the rules.")
            .leans
            .is_none()
    );
    // ("for" alone makes no dummy "it": the sentence speaks of a thing.)
    assert!(
        s("It's more of a map for reading other guides than a guide.")
            .leans
            .is_some()
    );
    assert!(
        s("Other times, you will need to explain the role at length.")
            .leans
            .is_some()
    );
}

#[test]
fn a_condition_or_a_sense_taken_from_before_leans() {
    let s = |t: &str| Sent::new(t.into(), PieceKind::Para);
    for leaning in [
        "If you do, tell the editor how you know the author.",
        "If it doesn't, restart the service and try again.",
        "In this sense there is no shortcut to fluency.",
    ] {
        assert!(s(leaning).leans.is_some(), "{leaning}");
    }
    assert!(
        s("If you do the reading first, the seminar is easier.")
            .leans
            .is_none()
    );
    assert!(
        s("If you deploy on Fridays, keep someone on call.")
            .leans
            .is_none()
    );
}

#[test]
fn an_otherwise_label_gives_the_reason_for_the_advice_above() {
    let s = Sent::new(
        "Otherwise: errors handled in many places are handled differently in each.".into(),
        PieceKind::Para,
    );
    assert!(s.reason && s.leans.is_none() && !s.pointer);
    // Any other short label still points at what the card does not show.
    let note = Sent::new(
        "Note: the handler runs before the logger starts.".into(),
        PieceKind::Para,
    );
    assert!(note.pointer && !note.reason);
}

#[test]
fn otherwise_before_an_imperative_offers_a_choice_not_a_reason() {
    let s = |t: &str| Sent::new(t.into(), PieceKind::Para);
    assert!(!s("Number the steps if order matters, otherwise use bullets.").reason);
    assert!(s("Save often, otherwise a crash loses the draft.").reason);
}

#[test]
fn a_trouble_named_is_a_reason() {
    let s = |t: &str| Sent::new(t.into(), PieceKind::Para);
    assert!(s("The problem is, in a real game nobody tells you a mate is there.").reason);
    assert!(s("The trouble with drills is that they stop teaching after a month.").reason);
    assert!(!s("A typical drill is a mate in two.").reason);
}

#[test]
fn an_imperative_that_courts_the_reader_is_no_advice() {
    let s = |t: &str| Sent::new(t.into(), PieceKind::Para);
    assert!(!s("Imagine that the keyboard is made of lava.").imperative);
    assert!(s("Keep your hands off the keyboard.").imperative);
    // (Nor does one setting up an example; before a gerund "consider"
    // softens advice.)
    assert!(!s("Consider a shop whose till and stock list must agree.").imperative);
    assert!(!s("Suppose two clerks sell the last hat at once.").imperative);
    assert!(s("Consider adding a lock to the stock list.").imperative);
    assert!(s("Consider the cost of each index before you add it.").imperative);
}

#[test]
fn a_long_sentence_loses_its_long_asides_in_brackets() {
    let long = "Enter the add command (in the examples below we will call the queue \"orders\"), then give \"new\" as the subject name and press return to keep the defaults for all the other settings of the queue you are making for the shop (CDN).".to_string();
    assert_eq!(
        without_asides(long),
        "Enter the add command, then give \"new\" as the subject name and press return to keep the defaults for all the other settings of the queue you are making for the shop (CDN)."
    );
    // A short sentence keeps its asides.
    let short = "Run the tests (all of them, slow ones included) before you push.";
    assert_eq!(without_asides(short.to_string()), short);
}

#[test]
fn a_lead_in_before_labelled_items_is_completed_by_them() {
    use crate::lesson::read::Piece;
    let item = |t: &str| Piece::made(PieceKind::Item, t.into());
    let after = [
        item("Consistency - every read sees the latest write"),
        item("Availability - every request gets an answer"),
    ];
    assert_eq!(
        completed_lead_in(
            "A store can promise only two of the following guarantees:",
            &after
        )
        .as_deref(),
        Some("A store can promise only two of the guarantees: Consistency, Availability.")
    );
    assert_eq!(completed_lead_in("Two of these:", &after), None);
}

#[test]
fn program_text_and_questions_are_not_statements() {
    let s = Sent::new(
        "Write x < 5 and x < 10 as one check.".into(),
        PieceKind::Para,
    );
    assert!(!s.substantive());
    let s = Sent::new(
        "Were there choices the code does not show? etc.".into(),
        PieceKind::Para,
    );
    assert!(!s.substantive());
}

#[test]
fn a_sentence_judging_its_advice_important_is_emphatic() {
    let sent = |t: &str| Sent::new(t.into(), PieceKind::Para);
    assert!(sent("It's really important to cool the wort as quickly as possible.").emphatic);
    assert!(sent("The long slow rise is the key to a good dough.").emphatic);
    // A plain adjective marks nothing.
    assert!(!sent("Protect the important branches with review rules.").emphatic);
    assert!(!sent("A glossary becomes more important with many languages.").emphatic);
}

#[test]
fn a_verb_standing_for_one_said_before_refers_back() {
    let sent = |t: &str| Sent::new(t.into(), PieceKind::Para);
    assert!(sent("Use the git push command to do that before you merge.").refers_back());
    assert!(!sent("Push the branch before you open the merge request.").refers_back());
}

#[test]
fn advice_after_a_place_or_time_is_still_advice() {
    let sent = |t: &str| Sent::new(t.into(), PieceKind::Para);
    assert!(sent("From the workspace directory, run the git command to fetch it.").imperative);
    assert!(sent("In the project folder, run the tests before you push.").imperative);
    // "For …, see …" points elsewhere.
    assert!(!sent("For a deeper dive, see the guide to iterators in Python.").imperative);
    // So is advice after its purpose, unless it points elsewhere.
    assert!(sent("To upgrade the engine, download the newer packages.").imperative);
    assert!(!sent("To learn how to deploy it, see the hosting section.").imperative);
    assert!(!sent("To roll back to that save point, use the rollback command.").imperative);
    // "You have to…" says what to do.
    assert!(sent("You have to delete the edited files by hand.").gives_method());
    // So does what happens when you do a thing, as a tutorial tells it.
    assert!(sent("If you push a tag twice, the server keeps the first one.").gives_method());
    assert!(sent("When we call the parser again, it resets the counters.").gives_method());
    assert!(!sent("If the server restarts, the counters start again from zero.").gives_method());
}

#[test]
fn template_markup_is_no_statement_to_learn() {
    let sent = |t: &str| Sent::new(t.into(), PieceKind::Para);
    assert!(
        !sent("The site needs version {{% param \"minVersion\" %}} or later to build.")
            .substantive()
    );
    assert!(
        !sent("Every replica is placed as {% include note.md %} explains in detail.").substantive()
    );
    assert!(sent("The site needs version two or later to build its pages.").substantive());
}

#[test]
fn advice_to_ask_a_question_is_of_substance() {
    let s = Sent::new(
        "Ask yourself: is this meeting necessary or could we work on it asynchronously?".into(),
        PieceKind::Item,
    );
    assert!(s.substantive() && !s.pointer && !s.labelled);
    // A question alone is not.
    let q = Sent::new(
        "Is this meeting necessary at all for the team?".into(),
        PieceKind::Item,
    );
    assert!(!q.substantive());
}

#[test]
fn prevalence_is_said_by_a_predicate_not_by_a_noun_it_qualifies() {
    let says = |t: &str| Sent::new(t.into(), PieceKind::Para).is_background();
    assert!(says(
        "Bar plots are some of the most common in scientific papers."
    ));
    assert!(says("Network graphs are very common in biology."));
    assert!(!says(
        "Circular references are a common cause of memory leaks."
    ));
    assert!(!says("Rust is a language with common roots in ML."));
    // Said by a clause after the point, it leaves the point standing.
    assert!(!says(
        "Basil and tomato share a sweet smell, and now it's one of the most popular pairs."
    ));
}

#[test]
fn the_writers_aim_is_background_too() {
    let says = |t: &str| Sent::new(t.into(), PieceKind::Para).is_background();
    assert!(says(
        "Our goal is to publish a complete count every evening."
    ));
    assert!(says("We aim to answer every letter within a week."));
    // The purpose of a thing is its point.
    assert!(!says("The purpose of an index is to speed up reads."));
}

#[test]
fn an_i_before_no_verb_is_a_numeral_and_tells_no_story() {
    let narrated = |t: &str| Sent::new(t.into(), PieceKind::Para).narrated;
    assert!(!narrated(
        "Title I of the act forbids employers to discriminate against applicants."
    ));
    assert!(!narrated("Prices doubled in the years after World War I."));
    assert!(narrated("I learned to bake bread during the long winter."));
    assert!(narrated("Since then I've kept a starter in the fridge."));
    // What the story taught is its point.
    let s = Sent::new(
        "After a month I realized the key was feeding it twice a day.".into(),
        PieceKind::Para,
    );
    assert!(!s.narrated && s.personal);
}

#[test]
fn a_truism_clears_the_ground_like_a_hook() {
    let hook = |t: &str| Sent::new(t.into(), PieceKind::Para).hook;
    assert!(hook(
        "It might sound obvious that a tent should keep you dry, but many leak at the seams."
    ));
    assert!(hook(
        "To say that a knife should be sharp is obvious, of course."
    ));
    assert!(!hook(
        "A sharp knife slips less than a blunt one on a tomato."
    ));
}

#[test]
fn a_paragraph_going_on_after_code_is_a_fragment() {
    let s = |t: &str| Sent::new(t.into(), PieceKind::Para);
    assert!(
        s("to a script that every shell runs, because one missed command corrupts the state.")
            .fragment
    );
    assert!(!s("npm install fetches every package the project lists.").fragment);
}

#[test]
fn a_subject_setting_off_its_kind_is_asked_for_by_no_question() {
    use crate::lesson::cards::subject_question::subject_question;
    let asked = |t: &str| subject_question(&Sent::new(t.into(), PieceKind::Para));
    assert_eq!(
        asked("Other components are usually expressed as a share of the flour weight."),
        None
    );
    assert!(
        asked("Close reading of primary sources is one of the most valuable skills a historian can teach.")
            .is_some()
    );
}

#[test]
fn an_infinitive_is_no_main_verb_to_ask_about() {
    use crate::lesson::cards::subject_question::subject_question;
    let asked = |t: &str| subject_question(&Sent::new(t.into(), PieceKind::Para));
    assert!(
        asked("Amazon strives to be the most customer-centric company on the planet.")
            .is_none_or(|(q, _)| !q.starts_with("What be")),
    );
}

#[test]
fn a_quoted_reference_is_substance_but_a_quoted_person_is_not() {
    let quoted = |md: &str| -> Vec<bool> {
        let path = std::path::Path::new("l.md");
        let lesson = crate::lesson::read::read(path, md).unwrap();
        section_sentences(&lesson.sections[0])
            .iter()
            .map(|s| s.quoted)
            .collect()
    };
    // A tutorial citing what a thing is, in the third person.
    assert_eq!(
        quoted(
            "# T\n\n## Heaps\n\nWe need a structure.\n\n> A heap is a tree in which every parent is smaller than its children.\n"
        ),
        [false, false]
    );
    // A person speaking, or a saying with its author, stays a quotation.
    assert_eq!(
        quoted(
            "# T\n\n## Rest\n\nTake breaks.\n\n> A rested mind finds answers faster.\n>\n> — a maintainer of a build tool\n"
        ),
        [false, true, true]
    );
    assert_eq!(
        quoted("# T\n\n## Rest\n\nTake breaks.\n\n> Work is not all you are. – Anna Quindlen\n"),
        [false, true]
    );
    assert_eq!(
        quoted("# T\n\n## Rest\n\nTake breaks.\n\n> I stopped answering issues at night.\n"),
        [false, true]
    );
}

#[test]
fn an_infinitive_after_try_is_no_purpose() {
    let sent = |t: &str| Sent::new(t.into(), PieceKind::Para);
    assert!(!sent("If you ramble, try to keep an eye on the clock.").reason);
    assert!(!sent("Remember to avoid jargon in the first minute.").reason);
    // After any other verb or a noun, "to keep" says what for.
    assert!(sent("Stretch before a run to prevent injury.").reason);
    assert!(sent("Use a lock to keep writers apart.").reason);
}

#[test]
fn an_offer_to_learn_more_points_away() {
    let sent = |t: &str| Sent::new(t.into(), PieceKind::Para);
    assert!(sent("If you want to learn more, you can read the protocol's documentation.").pointer);
    assert!(sent("To find out more, read the guide on the website.").pointer);
    assert!(!sent("To learn a knot, tie it ten times without looking.").pointer);
}

#[test]
fn an_answer_label_goes_and_an_invitation_or_a_reference_back_leans() {
    let md = "# T\n\n## Why not always encrypt twice?\n\nAns.: Because it is much slower.\n";
    let lesson = crate::lesson::read::read(std::path::Path::new("l.md"), md).unwrap();
    let ss = section_sentences(&lesson.sections[0]);
    assert_eq!(ss[0].text, "Because it is much slower.");
    let sent = |t: &str| Sent::new(t.into(), PieceKind::Para);
    assert!(sent("Feel free to run the script and watch it work.").pointer);
    assert!(
        sent("To do so, start the session with the exec flag.")
            .leans
            .is_some()
    );
}

#[test]
fn a_comparative_paired_with_the_better_says_how() {
    let sent = |t: &str| Sent::new(t.into(), PieceKind::Para);
    assert!(sent("The sooner you water a new tree, the better.").gives_method());
    assert!(sent("The earlier you book, the better, whatever the season.").gives_method());
    // (What it brings about is a reason to give.)
    assert!(!sent("The more often you rehearse, the calmer you speak.").gives_method());
    assert!(!sent("The hedge grows faster than the lawn, the gardener says.").gives_method());
}
#[test]
fn an_event_of_the_writers_past_is_recounted_a_view_is_not() {
    let recounts =
        |t: &str| crate::lesson::cards::background::recounts(&Sent::new(t.into(), PieceKind::Para));
    assert!(recounts(
        "I ran into an odd situation last spring when my manager asked about it."
    ));
    assert!(recounts(
        "In the past I've seen leads repeat their opinions loudly."
    ));
    // The writer's view now, or a sentence not in the first person.
    assert!(!recounts(
        "I think it is worth agreeing on what the job is."
    ));
    assert!(!recounts("Prices doubled in the years after the war."));
}

#[test]
fn a_verb_of_the_third_person_after_the_first_word_makes_no_advice() {
    let s = |t: &str| Sent::new(t.into(), PieceKind::Para);
    assert!(!s("Go has the usual mechanisms for control flow and a few of its own.").imperative);
    assert!(!s("Rust is strict about who owns each value in a program.").imperative);
    assert!(s("Go to the settings page and turn the feature off.").imperative);
}

#[test]
fn a_text_telling_its_own_history_is_no_synopsis() {
    let s = |t: &str| Sent::new(t.into(), PieceKind::Para);
    let history = s("This post was first published in a trade magazine in 2019.");
    assert!(!history.synopsis && history.pointer);
    let discussed = s("This article was discussed on two forums and critiqued by a columnist.");
    assert!(!discussed.synopsis && discussed.pointer);
    let covers = s("This article compares three ways to cache a page.");
    assert!(covers.synopsis);
}

#[test]
fn a_flag_opening_a_sentence_keeps_its_dashes() {
    assert_eq!(
        crate::lesson::text::without_dashes("- Keep it short."),
        "Keep it short."
    );
    assert_eq!(
        crate::lesson::text::without_dashes("\u{2014} and so on"),
        "and so on"
    );
    assert_eq!(
        crate::lesson::text::without_dashes("-g allows remote hosts."),
        "-g allows remote hosts."
    );
    assert_eq!(
        crate::lesson::text::without_dashes("--force skips the check."),
        "--force skips the check."
    );
}

#[test]
fn a_table_a_command_printed_is_no_command() {
    let code = vec![
        "kubectl get ingress".to_string(),
        "NAME HOSTS AGE kuard 80 17s".to_string(),
    ];
    assert!(ends_on_command(
        "To see it, run: kubectl get ingress.",
        &code
    ));
    assert!(!ends_on_command(
        "You should see the status: NAME HOSTS AGE kuard 80 17s.",
        &code
    ));
}

#[test]
fn a_path_through_menus_is_no_program_text() {
    let para = |t: &str| Sent::new(t.into(), PieceKind::Para);
    assert!(
        !para(
            "Open the shell as admin (Start menu > Shell > right-click > Run as admin) and type it."
        )
        .code()
    );
    assert!(para("The loop runs while count > limit holds for the queue.").code());
}

//! `rehearse lesson` through the binary: stdout or -o, --import, and the
//! failure paths (missing file, directory, binary, empty).

mod common;

use common::Env;

const LESSON: &str = "# Prepare Your Questions\n\nInterviews run both ways.\n\n## Research the Team\n\nRead what the team has shipped in the last year, so your questions show real interest in their recent work.\n\n## Ask About Success\n\nAsk what success looks like after six months. The answer tells you what the manager will measure.\n\n## Send a Note Afterwards\n\nThank the interviewer the same day, and mention one thing they said.\n";

#[test]
fn writes_a_deck_to_stdout_or_a_file_and_imports_it() {
    let env = Env::new();
    let lesson = env.write("questions.md", LESSON);
    let lesson = lesson.to_str().unwrap();
    let stdout = env.run(&["lesson", lesson]).ok();
    assert!(
        stdout.starts_with("name = \"Prepare Your Questions\""),
        "{stdout}"
    );
    assert!(
        stdout.contains("id = \"prepare-your-questions/research-the-team/point\""),
        "{stdout}"
    );
    assert!(
        stdout.contains("id = \"prepare-your-questions/overview\""),
        "{stdout}"
    );

    let deck = env.path("questions.toml");
    let imported = env
        .run(&["lesson", lesson, "-o", deck.to_str().unwrap(), "--import"])
        .ok();
    assert!(
        imported.contains(
            "added, 0 updated, 0 unchanged, 0 not in file (deck \"Prepare Your Questions\")"
        ),
        "{imported}"
    );
    assert_eq!(
        std::fs::read_to_string(&deck).unwrap(),
        stdout,
        "same input, same bytes"
    );
    // Regenerating and importing again changes nothing.
    let out = env.run(&["lesson", lesson, "--import"]).ok();
    assert!(out.contains(" 0 added, 0 updated,"), "{out}");
}

#[test]
fn dash_as_the_output_is_stdout_not_a_file() {
    let env = Env::new();
    let lesson = env.write("questions.md", LESSON);
    let lesson = lesson.to_str().unwrap();
    let plain = env.run(&["lesson", lesson]).ok();
    let dashed = env.run(&["lesson", lesson, "-o", "-"]).ok();
    assert_eq!(dashed, plain);
    assert!(!env.path("-").exists(), "no file named '-' is written");
}

#[test]
fn lesson_import_prints_a_summary_not_the_deck() {
    let env = Env::new();
    let lesson = env.write(
        "notes.md",
        "# Notes\n\n## Research The Team\n\nRead the team's recent work before the interview.\n",
    );
    let out = env
        .run(&["lesson", lesson.to_str().unwrap(), "--import"])
        .ok();
    assert!(
        !out.contains("[[cards]]"),
        "the deck went to stdout:\n{out}"
    );
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines[0].contains(" made for deck \"Notes\""), "{out}");
    assert!(lines[1].contains("added, 0 updated"), "{out}");
    let decks = env.run(&["decks"]).json();
    assert_eq!(decks[0]["name"], "Notes");
}

#[test]
fn unreadable_lessons_are_errors_naming_the_file() {
    let env = Env::new();
    let lesson = |path: &std::path::Path| env.run(&["lesson", path.to_str().unwrap()]).fails(1);
    let err = lesson(&env.path("missing.md"));
    assert!(err.starts_with("error: "), "{err}");
    assert!(err.contains("missing.md: no such file"), "{err}");
    let err = lesson(env.dir());
    assert!(err.contains("is a directory"), "{err}");
    let binary = env.write("photo.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe");
    let err = lesson(&binary);
    assert!(err.contains("photo.md"), "{err}");
    let empty = env.write("empty.md", "\n  \n");
    let err = lesson(&empty);
    assert!(err.contains("empty.md") && err.contains("empty"), "{err}");
    assert!(
        !env.db.exists(),
        "a failed lesson does not create a collection"
    );
}

#[test]
fn json_reports_the_sections_found_and_explain_names_the_source_sentence() {
    let env = Env::new();
    let lesson = env.write("questions.md", LESSON);
    let lesson = lesson.to_str().unwrap();
    let json = env.run(&["lesson", lesson]).json();
    let headings: Vec<&str> = json["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["heading"].as_str().unwrap())
        .collect();
    assert_eq!(
        headings,
        [
            "Research the Team",
            "Ask About Success",
            "Send a Note Afterwards"
        ]
    );
    assert!(json["deck"].as_str().unwrap().starts_with("name = "));

    let text = env.run(&["lesson", lesson, "--explain"]).ok();
    assert!(
        text.contains("from:   Ask what success looks like after six months."),
        "{text}"
    );
    assert!(
        text.contains("why:    question: an imperative heading"),
        "{text}"
    );
    // A point card shows the best sentences left off its back, scored.
    let longer = env.write(
        "longer.md",
        "# Salary Talks\n\n## Name a Range\n\nGive a range whose bottom is a figure you would accept. \
         Research what the role pays in your city before the call. \
         Recruiters often open with a question about your current pay. \
         A range leaves room to trade salary against holiday or a signing bonus.\n",
    );
    let text = env
        .run(&["lesson", longer.to_str().unwrap(), "--explain"])
        .ok();
    let next = text
        .lines()
        .find_map(|l| l.strip_prefix("  next:   "))
        .unwrap_or_else(|| panic!("no runner-up in {text}"));
    let score: f64 = next.split(' ').next().unwrap().parse().unwrap();
    assert!(score.is_finite(), "{next}");
}

/// The stderr of `rehearse lesson` on a lesson that succeeds.
fn warnings_of(env: &Env, lesson: &std::path::Path) -> String {
    let out = env.run(&["lesson", lesson.to_str().unwrap()]).output();
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_lesson_of_many_paragraphs_in_one_section_is_warned_about() {
    let env = Env::new();
    let lesson = env.write(
        "one.md",
        "# One Part\n\n## Everything\n\nFirst paragraph with a few words in it.\n\nSecond paragraph, also with words.\n\nThird paragraph closes the lesson.\n",
    );
    let stderr = warnings_of(&env, &lesson);
    assert!(
        stderr.contains("warning:") && stderr.contains("only one section"),
        "{stderr}"
    );
}

#[test]
fn a_lesson_that_gives_no_card_at_all_is_warned_about() {
    let env = Env::new();
    // (Two bold labels are too few to head sections, and the two short
    // paragraphs give no card of their own.)
    let lesson = env.write(
        "two.md",
        "# How Names Resolve\n\n**Step 1: The Browser Connects to the Server**\n\
         The browser sends a request to the server at once.\n\n\
         **Step 2: The Host Resolves the Request**\n\
         The host checks the file and serves the page.\n",
    );
    let stderr = warnings_of(&env, &lesson);
    assert!(
        stderr.contains("warning:") && stderr.contains("no cards"),
        "{stderr}"
    );
}

#[test]
fn a_procedure_of_many_steps_in_one_section_is_not_warned_about() {
    let env = Env::new();
    let lesson = env.write(
        "steps.md",
        "# Repotting\n\n1. Water the plant the day before.\n2. Tip the pot and ease the plant out.\n3. Loosen the roots with your fingers.\n4. Set it in the new pot and fill around it with compost.\n",
    );
    let stderr = warnings_of(&env, &lesson);
    assert!(!stderr.contains("only one section"), "{stderr}");
}

#[test]
fn a_section_that_gives_no_card_is_named_with_its_line() {
    let env = Env::new();
    let lesson = env.write(
        "lost.md",
        "# Moving House\n\nA move goes better when it is planned a month ahead.\n\n## Book the van early\n\nBook the van a month ahead, because the cheap dates go first.\n\n## Boxes\n\nSee the list below.\n",
    );
    let stderr = warnings_of(&env, &lesson);
    assert!(
        stderr.contains("warning:") && stderr.contains("lost.md:9:") && stderr.contains("Boxes"),
        "{stderr}"
    );
    // (Sections with a card are not named.)
    assert!(!stderr.contains("Book the van"), "{stderr}");
}

#[test]
fn a_tables_rows_become_cards_that_import() {
    let env = Env::new();
    let lesson = env.write(
        "loans.md",
        "# Home loans\n\nLenders offer several kinds of loan.\n\n## Loans at a glance\n\n\
         | Loan | Down payment | Who it suits |\n|---|---|---|\n\
         | FHA | 3.5% | Buyers with lower credit scores |\n| VA | None | Veterans |\n\n\
         ## Fixed rates\n\nA fixed rate stays the same for the whole loan, so the payment never rises.\n",
    );
    let deck = env.path("loans.toml");
    let imported = env
        .run(&[
            "lesson",
            lesson.to_str().unwrap(),
            "-o",
            deck.to_str().unwrap(),
            "--import",
        ])
        .ok();
    assert!(imported.contains("added"), "{imported}");
    let written = std::fs::read_to_string(&deck).unwrap();
    assert!(
        written.contains("id = \"home-loans/loans-at-a-glance/row-fha\""),
        "{written}"
    );
    assert!(
        written.contains(
            "back = \"Down payment: 3.5% · Who it suits: Buyers with lower credit scores\""
        ),
        "{written}"
    );
    let cards = env.run(&["cards", "--tag", "table"]).ok();
    assert!(cards.contains("row-va"), "{cards}");
}

#[test]
fn a_long_introduction_that_gives_no_card_is_warned_about() {
    let env = Env::new();
    // (Eight statements before the first heading, none saying what the
    // title names: as much text as a part, and no card for it.)
    let lesson = env.write(
        "intro.md",
        "# Easy statistics: resampled intervals\n\n\
         I am on a train to the coast right now. My friend who teaches statistics laughs at me when I describe my methods.\n\n\
         Say we have eight numbers counting the passengers who miss each train. Some important person asks how many seats we can sell twice.\n\n\
         We could take the fifth percentile of those numbers. That gives a third of a passenger, which nobody can take to a meeting.\n\n\
         We have only eight data points and no distribution to reason with. More data would help, but the trains run once a day.\n\n\
         ## The math\n\nThe proof is long and we skip it here, as the method works well in practice for most sample sizes.\n\n\
         ## Be careful\n\nResampling cannot fix a sample that leaves out a whole group of travellers.\n",
    );
    let stderr = warnings_of(&env, &lesson);
    assert!(
        stderr.contains("warning:") && stderr.contains("no card for the introduction"),
        "{stderr}"
    );
}

#[test]
fn a_paragraph_of_a_story_without_a_heading_that_gives_no_card_is_warned_about() {
    let env = Env::new();
    // (A post without headings: every paragraph is a section, and a story
    // told in the first person gives no card.)
    let lesson = env.write(
        "story.md",
        "# A year of sketching\n\n\
         I bought my first sketchbook last spring. I filled it in two months. \
         I drew on the train every morning and on the sofa every night.\n\n\
         A daily drawing habit builds skill faster than long weekend sessions, \
         because the hand forgets less between tries.\n",
    );
    let stderr = warnings_of(&env, &lesson);
    assert!(
        stderr.contains("story.md:3: no card for this paragraph"),
        "{stderr}"
    );
}

use super::*;

#[test]
fn brackets_and_what_they_hold_go() {
    assert_eq!(without_brackets("Crowdfunding (recurring)"), "Crowdfunding");
    assert_eq!(without_brackets("A (b (c)) d"), "A d");
    assert_eq!(without_brackets("Open (never closed"), "Open");
    assert_eq!(without_brackets("No brackets"), "No brackets");
}

#[test]
fn a_sentence_may_open_with_a_number() {
    assert_eq!(
        sentences("The law changed in that era. 1892 was the first year of it."),
        [
            "The law changed in that era.",
            "1892 was the first year of it."
        ]
    );
    // (Not after an abbreviation.)
    for one in [
        "See fig. 3 for the curve.",
        "It sold approx. 400 copies in a year.",
    ] {
        assert_eq!(sentences(one), [one]);
    }
}

#[test]
fn words_open_alike_by_characters_not_bytes() {
    assert!(same_opening("balancing", "balancers", 5));
    assert!(!same_opening("bal", "bal", 5));
    assert!(!same_opening("日本語です", "日本語でした", 5));
    assert!(same_opening("日本語です", "日本語ですね", 5));
}

#[test]
fn a_bold_file_name_captions_its_code() {
    assert!(names_a_file("./src/index.js"));
    assert!(names_a_file("webpack.config.js"));
    assert!(!names_a_file("Node.js"));
    assert!(!names_a_file("Ask for feedback"));
}

#[test]
fn tokens_keep_inner_hyphens_and_mark_breaks() {
    let s = "pointed, in-depth inquiries — don’t (really)";
    let words: Vec<(&str, bool)> = tokens(s)
        .iter()
        .map(|t| (t.text(s), t.break_before))
        .collect();
    assert_eq!(
        words,
        [
            ("pointed", false),
            ("in-depth", true),
            ("inquiries", false),
            ("don’t", true),
            ("really", true)
        ]
    );
}

#[test]
fn stems_meet() {
    assert_eq!(stem("questions"), stem("question"));
    assert_eq!(stem("Company’s"), "company");
    assert_eq!(stem("strategies"), "strategy");
    assert_eq!(stem("pitches"), stem("pitch"));
}

#[test]
fn a_bound_with_no_space_is_glued_back_without_one() {
    // ("`?`" ends no sentence; the bound after it had no space.)
    assert_eq!(
        sentences("Globs use `*` (and perhaps `?` and `[`). Quote them."),
        ["Globs use `*` (and perhaps `?` and `[`).", "Quote them."]
    );
}

#[test]
fn sentences_survive_abbreviations_and_quotes() {
    let s = "Bring notes, e.g. a list. Then “pause.” Ask why? Yes.";
    assert_eq!(
        sentences(s),
        [
            "Bring notes, e.g. a list.",
            "Then “pause.”",
            "Ask why?",
            "Yes."
        ]
    );
    // Nor does an abbreviation opening an aside in brackets.
    assert_eq!(
        sentences("Soft errors (e.g. Bad input) can be handled. Others cannot."),
        [
            "Soft errors (e.g. Bad input) can be handled.",
            "Others cannot."
        ]
    );
    // An initialism before a name goes on; before "The" it ends one.
    assert_eq!(
        sentences(
            "Use the U.S. Web Design System for forms. It was built in the U.S. The rest followed."
        ),
        [
            "Use the U.S. Web Design System for forms.",
            "It was built in the U.S.",
            "The rest followed."
        ]
    );
    // An initial ends no sentence.
    assert_eq!(
        sentences("It was started by Matt T. Proud in 2012. Then it grew."),
        ["It was started by Matt T. Proud in 2012.", "Then it grew."]
    );
    // A bound inside a name from program text is no bound.
    assert_eq!(
        sentences("Call Foo._Foo__a to reach it. Then stop."),
        ["Call Foo._Foo__a to reach it.", "Then stop."]
    );
    // Sentences inside brackets stay one aside.
    assert_eq!(
        sentences("Spacing (You review a card late. The easier, the later.) works. It lasts."),
        [
            "Spacing (You review a card late. The easier, the later.) works.",
            "It lasts."
        ]
    );
}

#[test]
fn names_from_program_text_keep_their_case() {
    assert_eq!(capitalise("the cache is warm."), "The cache is warm.");
    assert_eq!(
        capitalise("init() makes a variable."),
        "init() makes a variable."
    );
    assert_eq!(capitalise("size12 is a function."), "size12 is a function.");
    assert_eq!(capitalise("displayName runs."), "displayName runs.");
}

#[test]
fn title_case_is_undone_but_names_stay() {
    let casing = Casing::learn(&[
        "You can message them on LinkedIn or Glassdoor.".into(),
        "Use the STAR method.".into(),
        "WHAT: measure three.".into(),
        "Write down what you worked on.".into(),
    ]);
    assert!(is_title_case("Keep Your Ego in Check"));
    assert!(!is_title_case("Keep your ego in check"));
    assert!(is_title_case("When and How to Clean Up (if needed)"));
    assert_eq!(
        casing.sentence_case("Keep Your Ego in Check"),
        "Keep your ego in check"
    );
    assert_eq!(
        casing.sentence_case("Check Glassdoor Before You Go"),
        "Check Glassdoor before you go"
    );
    assert_eq!(
        casing.inline_words("Use The STAR Method").join(" "),
        "use the STAR method"
    );
    // Capitals for stress, of a word also written in lower case, make
    // no acronym, and leave a question.
    assert_eq!(
        casing.unshout("What should WHAT name, with the STAR method?"),
        "What should what name, with the STAR method?"
    );
    assert_eq!(
        casing.sentence_case("Practice What Needs to Be Practiced"),
        "Practice what needs to be practiced"
    );
    assert_eq!(
        casing.inline_words("What I Learned").join(" "),
        "what I learned"
    );
    // "A" before a plural names a kind of thing.
    assert_eq!(
        casing
            .inline_words("What Are A Records and CNAME Records?")
            .join(" "),
        "what are A records and CNAME records?"
    );
    assert_eq!(casing.inline_words("Level A").join(" "), "level A");
    assert_eq!(
        casing.sentence_case("Write A Clear Summary"),
        "Write a clear summary"
    );
    assert_eq!(
        casing.sentence_case("Send a Thank-You Note"),
        "Send a thank-you note"
    );
    assert_eq!(
        casing.sentence_case("ASK BETTER QUESTIONS"),
        "Ask better questions"
    );
    // A name opening a sentence ("Ada Lovelace wrote…") stays whole; a
    // word the lesson also writes in lower case does not.
    let casing = Casing::learn(&[
        "Ada Lovelace wrote the first program.".into(),
        "Notes Section G held it.".into(),
        "She kept notes on every step.".into(),
    ]);
    assert_eq!(
        casing.inline_words("Ada Lovelace and the engine").join(" "),
        "Ada Lovelace and the engine"
    );
    assert_eq!(
        casing.inline_words("Notes on the engine").join(" "),
        "notes on the engine"
    );
    // Among headings in lower case, a short one in capitals is spelt
    // so: a keyword or a name.
    let headings = ["Filtering rows", "GROUP BY", "Sorting"];
    let casing = Casing::learn(&[]).with_headings(headings.into_iter());
    assert_eq!(casing.inline_words("GROUP BY").join(" "), "GROUP BY");
    let headings = ["OVERVIEW", "GETTING STARTED", "Sorting"];
    let casing = Casing::learn(&[]).with_headings(headings.into_iter());
    assert_eq!(casing.inline_words("GROUP BY").join(" "), "group by");
}

#[test]
fn short_asides_between_dashes_are_left_out() {
    assert_eq!(
        without_dashed_asides("will be centred - of course - around the mean"),
        "will be centred around the mean"
    );
    assert_eq!(
        without_dashed_asides("keeps \u{2014}in most kitchens\u{2014} for a week"),
        "keeps for a week"
    );
    // One dash, or a long stretch between two, is no aside.
    assert_eq!(without_dashed_asides("tea - or coffee"), "tea - or coffee");
    assert_eq!(
        without_dashed_asides("a - b c d e f g h - i"),
        "a - b c d e f g h - i"
    );
}

#[test]
fn a_domain_or_a_path_keeps_its_own_case_in_title_case() {
    assert!(is_title_case("GitHub Resolves the Request for example.org"));
    assert!(is_title_case("Edit the Config in src/main.rs"));
    assert!(!is_title_case("Serve the page from example.org"));
}

#[test]
fn only_asides_in_brackets_leave_the_text() {
    assert_eq!(
        without_bracketed_asides("uses both TCP and UDP (SOCKS4 only uses TCP)"),
        "uses both TCP and UDP"
    );
    assert_eq!(
        without_bracketed_asides("keeps a list (or a tool), then counts"),
        "keeps a list, then counts"
    );
    assert_eq!(
        without_bracketed_asides("makes a profit of ($200 - $170)*5 a day"),
        "makes a profit of ($200 - $170)*5 a day"
    );
}

#[test]
fn the_clause_after_an_opening_contrast_is_the_main_one() {
    assert_eq!(
        after_contrast("While a copy holds the data, a link is a reference to a path.").as_deref(),
        Some("A link is a reference to a path.")
    );
    assert_eq!(after_contrast("A link is a reference to a path."), None);
}

#[test]
fn a_word_written_in_capitals_more_often_than_not_is_an_acronym() {
    let casing = Casing::learn(&[
        "UFW wraps the packet filter.".into(),
        "Enable the UFW service, then check that UFW runs.".into(),
        "A typo such as ufw in a note changes nothing.".into(),
        "WHAT: measure three.".into(),
        "Write down what you did, and what you will do.".into(),
    ]);
    assert_eq!(
        casing.inline_words("Resetting UFW").join(" "),
        "resetting UFW"
    );
    assert_eq!(
        casing.unshout("What should WHAT name?"),
        "What should what name?"
    );
}

#[test]
fn a_name_is_written_with_its_capital_three_times_as_often_as_not() {
    let casing = Casing::learn(&[
        "Run the build with Cargo, which Cargo caches.".into(),
        "Then Cargo checks the lockfile, as any cargo command does.".into(),
        "We follow Semantic Versioning, as semantic versioning asks.".into(),
    ]);
    assert_eq!(casing.inline_words("Why Cargo").join(" "), "why Cargo");
    assert_eq!(
        casing.inline_words("Semantic Versioning Rules").join(" "),
        "semantic versioning rules"
    );
}

#[test]
fn a_question_loses_the_stray_half_of_a_quotation() {
    assert_eq!(
        without_stray_quotes("What is a flaky\" test?".into()),
        "What is a flaky test?"
    );
    assert_eq!(
        without_stray_quotes("What does \u{201c}ship it mean?".into()),
        "What does ship it mean?"
    );
    let paired = "What does \"ship it\" mean?";
    assert_eq!(without_stray_quotes(paired.into()), paired);
}

#[test]
fn a_command_line_option_is_a_dashed_name_or_letter() {
    assert!(names_an_option(
        "Using the option --verbose will display more."
    ));
    assert!(names_an_option("That is done with -o or -O."));
    assert!(names_an_option("Add (`--trace-time`) to it."));
    // A dash between words, a negative number or a lone dash is none.
    assert!(!names_an_option(
        "An e-mail - or a letter - costs -5 points."
    ));
    assert!(!names_an_option("Use --- as a rule."));
    // (An option of a command quoted after its prompt is the command's.)
    assert!(!names_an_option(
        "Installing it is simple: $ npm install --global x."
    ));
}

#[test]
fn a_keyword_written_in_capitals_three_times_keeps_them_beside_its_twin() {
    let casing = Casing::learn(&[
        "The client sends a GET request first.".into(),
        "A GET carries no body, and a second GET repeats it.".into(),
        "You get the page back, and you get it fast.".into(),
    ]);
    assert_eq!(
        casing.inline_words("GET requests").join(" "),
        "GET requests"
    );
    // Twice is stress, not a keyword.
    let casing = Casing::learn(&[
        "Do NOT skip it, and do NOT wait.".into(),
        "It is not hard, and it is not slow.".into(),
    ]);
    assert_eq!(
        casing.inline_words("NEVER SKIP IT, NOT ONCE").join(" "),
        "never skip it, not once"
    );
}

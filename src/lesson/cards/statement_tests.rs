use super::*;

#[test]
fn a_question_word_before_the_writer_asks_with_it() {
    let h = "How I'm doing the course";
    let q = statement_question(&analyse(h), h, (false, false), '\'');
    assert!(q.starts_with("How "), "{q}");
    let h = "My dough smells sour";
    let q = statement_question(&analyse(h), h, (false, false), '\'');
    assert_eq!(q, "What if your dough smells sour?");
    for (heading, asked) in [
        (
            "The lid is too tight on my jar",
            "What if the lid is too tight on your jar?",
        ),
        (
            "Friends come over tonight and I want to serve soup",
            "What if friends come over tonight and you want to serve soup?",
        ),
    ] {
        let q = statement_question(&analyse(heading), heading, (false, false), '\'');
        assert_eq!(q, asked);
    }
}

#[test]
fn a_question_put_as_a_statement_on_it_asks_about_the_title() {
    let t = |h: &str, title: &str| it_is_the_title(h.to_string(), title, false);
    assert_eq!(t("What it is", "Code reviews"), "What are Code reviews");
    assert_eq!(
        t("How it works", "A write-ahead log"),
        "How does A write-ahead log work"
    );
    assert_eq!(t("Why use it?", "Git bisect"), "Why use Git bisect?");
    assert_eq!(t("What it costs to run", "Kiln"), "What it costs to run");
}

#[test]
fn a_short_question_about_it_asks_about_the_title() {
    let t = |h: &str| it_is_the_title(h.to_string(), "Git bisect", false);
    assert_eq!(t("What is it?"), "What is Git bisect?");
    assert_eq!(t("Why use it"), "Why use Git bisect");
    // An idiom keeps its "it".
    assert_eq!(t("Keep at it"), "Keep at it");
    assert_eq!(t("What makes it fast?"), "What makes it fast?");
}

#[test]
fn a_case_heads_the_section_and_its_advice_answers() {
    assert_eq!(
        case_and_advice("If the dough tears, let it rest for ten minutes"),
        Some((
            "If the dough tears".to_string(),
            "Let it rest for ten minutes.".to_string()
        ))
    );
    assert_eq!(
        case_and_advice("When you move a page, keep a redirect"),
        Some((
            "When you move a page".to_string(),
            "Keep a redirect.".to_string()
        ))
    );
    assert_eq!(
        case_and_advice("If the API is unstable, clearly say so"),
        Some((
            "If the API is unstable".to_string(),
            "Clearly say so.".to_string()
        ))
    );
    // No case, no subject in it, or no advice after it.
    assert_eq!(case_and_advice("Salt, pepper and oil"), None);
    assert_eq!(
        case_and_advice("If I own an address, do I own it on other chains?"),
        None
    );
    assert_eq!(case_and_advice("If needed, rest"), None);
    assert_eq!(
        case_and_advice("When the dough tears, the gluten is weak"),
        None
    );
}

#[test]
fn a_fronted_role_goes_after_the_advice() {
    assert_eq!(
        advice_first("As project lead, merge the pull request".into()),
        "merge the pull request as project lead"
    );
    assert_eq!(
        advice_first("Where practical, keep the old name".into()),
        "keep the old name where practical"
    );
    assert_eq!(
        advice_first("For everyone, the rules".into()),
        "For everyone, the rules"
    );
}

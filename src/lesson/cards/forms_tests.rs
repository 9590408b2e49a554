use super::*;

#[test]
fn you_and_a_modal_advise_after_a_phrase_setting_the_case() {
    let says = |t: &str| addressed_modal(&crate::lesson::language::analyse(t));
    assert!(says("You should practise what you learn."));
    assert!(says(
        "As a junior developer, you should still spend some time on tutorials."
    ));
    assert!(!says("Tutorials, you know, are easy to follow."));
    assert!(!says("Most people think you should rest."));
}

#[test]
fn base_forms_that_look_inflected_are_base() {
    for w in ["feed", "need", "bring", "focus", "discuss", "succeed"] {
        assert!(is_base(w), "{w}");
    }
    for w in [
        "hiring",
        "used",
        "aimed",
        "needs",
        "tried",
        "stopped",
        "cards",
        "timekeeping",
    ] {
        assert!(!is_base(w), "{w}");
    }
}

#[test]
fn a_verb_before_a_conjunction_of_time_advises() {
    let advice = |t: &str| advises(&crate::lesson::language::analyse(t));
    assert!(advice("Pause before you answer a hard question."));
    assert!(advice("Stir until the sauce coats the spoon."));
    // A subject before such a conjunction is no advice.
    assert!(!advice("Students before an exam often sleep badly."));
}

#[test]
fn the_indefinite_article_follows_the_sound_as_spelt() {
    for (word, article) in [
        ("index", "an"),
        ("budget", "a"),
        ("unit", "a"),
        ("user", "a"),
        ("update", "an"),
        ("umbrella", "an"),
        ("ordinal", "an"),
    ] {
        assert_eq!(indefinite(word), article, "{word}");
    }
}

#[test]
fn a_counted_singular_noun_takes_the_inside_a_question() {
    let the = |x: &str| the_one(&crate::lesson::language::analyse(x), x);
    assert_eq!(the("DNS lookup"), "the DNS lookup");
    assert_eq!(the("code audit"), "the code audit");
    assert_eq!(the("determinant"), "the determinant");
    // Not a plural, a name, an abstract or a mass noun, nor a noun
    // with its determiner.
    for x in [
        "access tokens",
        "Kubernetes",
        "anonymity",
        "courtesy",
        "constant time",
        "your budget",
        "crop rotation",
        "availability in numbers",
        "building the site",
        "community and ecosystem",
        "event planning",
        "layer 7",
        "window based versus rate based",
    ] {
        assert_eq!(the(x), x);
    }
}

#[test]
fn two_short_pieces_of_advice_join_with_and() {
    assert_eq!(
        and_joined("prune early, water late"),
        "prune early and water late"
    );
    assert_eq!(
        and_joined("undersell, overperform"),
        "undersell and overperform"
    );
    // (A contrast, a list or a longer clause stays as written.)
    assert_eq!(
        and_joined("log errors, not warnings"),
        "log errors, not warnings"
    );
    assert_eq!(and_joined("buy bread, milk, eggs"), "buy bread, milk, eggs");
    assert_eq!(
        and_joined("keep the lid on, the steam escapes otherwise"),
        "keep the lid on, the steam escapes otherwise"
    );
}

#[test]
fn a_gerund_and_its_particle_are_an_activity() {
    use super::super::ask::{Ask, classify};
    use super::super::question::tests::section;
    let h = "Breaking down a budget";
    let sec = section(h, "A mirror copies the main site every night.");
    assert_eq!(
        classify(&analyse(&h.to_lowercase()), &sec, false),
        Ask::Gerund
    );
}

#[test]
fn the_readers_own_case_after_all_is_asked_what_if() {
    let pairs = super::super::question::tests::lesson_pairs(
        "# Printer questions\n\n\
         ## All my printed pages come out blank\n\n\
         Replace the ink cartridge, then print a test page from the menu.\n\n\
         ## The tray jams often\n\n\
         Fan the paper before loading it, because sheets stick together.\n",
    );
    assert!(
        pairs
            .iter()
            .any(|(f, _)| f == "What if all your printed pages come out blank?"),
        "{pairs:?}"
    );
}

#[test]
fn a_third_person_verb_keeps_the_e_its_base_has() {
    for (form, base) in [
        ("initializes", "initialize"),
        ("caches", "cache"),
        ("reaches", "reach"),
        ("fixes", "fix"),
        ("works", "work"),
    ] {
        assert_eq!(verb_base(form), base, "{form}");
    }
    // A name with a dot inside is one thing.
    assert!(!looks_plural("node.js"));
    assert!(looks_plural("servers"));
}

#[test]
fn a_plural_the_dictionary_knows_needs_no_s() {
    use crate::lesson::language::analyse;
    assert!(is_plural(&analyse("People")));
    assert!(is_plural(&analyse("Young children")));
    assert!(!is_plural(&analyse("The team")));
}

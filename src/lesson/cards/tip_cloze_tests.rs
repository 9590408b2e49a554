//! Tests of the tip cloze spans (see `tip_cloze.rs`).

use super::*;
use crate::lesson::read::PieceKind;

fn hidden(text: &str) -> Option<String> {
    let s = Sent::new(text.into(), PieceKind::Item);
    advice_span(&s).map(|(a, b)| text[a..b].to_string())
}

#[test]
fn a_question_put_to_a_person_is_no_case_beside_the_advice() {
    assert_eq!(
        hidden("Ask the user if they want to close every other session."),
        None
    );
    assert_eq!(hidden("Ask them whether the date still suits them."), None);
}

#[test]
fn a_tip_hides_what_to_do_and_keeps_its_case_in_sight() {
    assert_eq!(
        hidden("Pick courgettes small, before they turn into marrows.").as_deref(),
        Some("Pick courgettes small")
    );
    assert_eq!(
        hidden("Be patient even if the dough looks flat.").as_deref(),
        Some("Be patient")
    );
    assert_ne!(
        hidden("Work out together how to share the chores.").as_deref(),
        Some("Work out together how")
    );
    assert_eq!(
        hidden("Cut just above an outward-facing bud.").as_deref(),
        Some("outward-facing bud")
    );
    assert_ne!(
        hidden("Be ruthless with dead, diseased and crossing branches.").as_deref(),
        Some("Be ruthless with dead")
    );
    assert_eq!(
        hidden("Never leave a hot pan unattended, because oil can catch fire in seconds.")
            .as_deref(),
        Some("leave a hot pan unattended")
    );
    assert_eq!(
        hidden("If you are new to baking, start with a simple white loaf.").as_deref(),
        Some("start with a simple white loaf")
    );
    assert_eq!(
        hidden("Follow up a week later to see whether the change helped.").as_deref(),
        Some("Follow up a week later")
    );
    assert_eq!(
        hidden("Use checklists to catch the steps people skip.").as_deref(),
        Some("Use checklists")
    );
    assert_eq!(
        hidden("Give the helpers jobs to do, or they will drift off home.").as_deref(),
        Some("Give the helpers jobs to do")
    );
    assert_eq!(
        hidden("Agree on one next step and write it down.").as_deref(),
        Some("Agree on one next step")
    );
    assert_eq!(
        hidden("Even when the bed looks dry on top, check the soil before you water.").as_deref(),
        Some("check the soil")
    );
}

#[test]
fn a_hidden_advice_ends_on_a_word_of_its_own_and_keeps_its_nouns_together() {
    // A joining word before the clause stays visible.
    assert_eq!(
        hidden("Avoid long names and if you must use one, explain it.").as_deref(),
        Some("Avoid long names")
    );
    // "or" between two nouns is one phrase, not the end of the advice.
    assert_ne!(
        hidden("Check the label or tag before you wash a jumper.").as_deref(),
        Some("Check the label")
    );
}

#[test]
fn a_tip_with_nothing_beside_its_advice_hides_its_object() {
    assert_eq!(
        hidden("Make sure your notes are dated and signed.").as_deref(),
        Some("your notes are dated and signed")
    );
    assert_eq!(
        hidden("Plan short tasting sessions that let guests compare two wines side by side.")
            .as_deref(),
        Some("short tasting sessions")
    );
    // Nothing would be left to recall it by.
    assert_eq!(hidden("Keep an eye on the clock."), None);
    // Not advice at all.
    assert_eq!(
        hidden("The oven takes twenty minutes to heat, so plan ahead."),
        None
    );
}

#[test]
fn a_measure_of_the_advice_is_what_to_recall() {
    assert_eq!(
        hidden("Make the labels as short as you can.").as_deref(),
        Some("as short as you can")
    );
    // ("As soon as" sets the case: the advice is hidden.)
    assert_eq!(
        hidden("Net the seedlings as soon as you plant them out.").as_deref(),
        Some("Net the seedlings")
    );
}

#[test]
fn an_ensured_clause_hides_what_it_says_of_its_subject() {
    assert_eq!(
        hidden("Ensure interactive elements have a visible text label.").as_deref(),
        Some("a visible text label")
    );
    assert_eq!(
        hidden("Ensure video content has captions (WCAG 1.2.2).").as_deref(),
        Some("captions")
    );
    assert_eq!(
        hidden("Verify that changes to the page are announced.").as_deref(),
        Some("announced")
    );
    // (A passive going on is left to the other spans: the subject.)
    assert_eq!(
        hidden("Ensure semantic markup is used to describe content.").as_deref(),
        Some("semantic markup")
    );
}

#[test]
fn such_as_opens_examples_and_splits_no_advice() {
    assert_ne!(
        hidden("Use tools such as a linter to check your build.").as_deref(),
        Some("Use tools such")
    );
}

mod label_tests {
    use super::super::*;
    use crate::lesson::read::Piece;

    fn tip(label: &str, body: &[&str]) -> Section {
        let body = body
            .iter()
            .map(|t| Piece {
                kind: PieceKind::Item,
                text: t.to_string(),
                stressed: Vec::new(),
                code: Vec::new(),
                numbered: false,
                label: None,
                nested: true,
                line: 0,
            })
            .collect();
        Section {
            heading: Some(label.into()),
            context: None,
            lead_in: None,
            sentence_heading: true,
            tip: true,
            glossed: false,
            step: false,
            body,
            line: 1,
        }
    }

    #[test]
    fn a_label_shows_its_short_examples_as_the_cue() {
        let t = tip(
            "Avoid diminishing words",
            &["\"simply\", \"simple\", \"just\""],
        );
        assert_eq!(
            with_examples("Avoid diminishing words", &t),
            "Avoid diminishing words: \"simply\", \"simple\", \"just\""
        );
        // A sentence of advice under it is no example.
        let t = tip(
            "Be explicit",
            &["Remember that people read your comments without your tone of voice."],
        );
        assert_eq!(with_examples("Be explicit", &t), "Be explicit.");
    }

    #[test]
    fn a_label_alone_hides_what_its_advice_is_about() {
        let hidden = |t: &str| {
            let s = Sent::new(t.into(), PieceKind::Para);
            bare_advice(&s).map(|(a, b)| t[a..b].to_string())
        };
        assert_eq!(
            hidden("Seek to understand the reviewer's perspective.").as_deref(),
            Some("the reviewer's perspective")
        );
        assert_eq!(
            hidden("Explain why the code exists.").as_deref(),
            Some("why the code exists")
        );
        assert_eq!(
            hidden("Be grateful for the reviewer's suggestions: \"Good call.\"").as_deref(),
            Some("the reviewer's suggestions")
        );
        // Nothing but a general noun to hide.
        assert_eq!(hidden("Take your time."), None);
    }

    #[test]
    fn hidden_advice_whose_last_word_shows_beside_it_is_given_away() {
        let text = "Know ssh, and the basics of logging in via ssh-agent and ssh-add.";
        assert!(shown_beside(text, 0, 8));
        let text = "Learn one editor well, as it saves hours every week.";
        assert!(!shown_beside(text, 0, 21));
    }
}

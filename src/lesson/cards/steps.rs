//! A section whose text is a list of steps ("1. Create a user…", "2.
//! Install nginx…") is answered by its steps, not by one of them (see
//! docs/lessons.md, "Steps").

use std::ops::RangeInclusive;

use super::Part;
use super::ask::Ask;
use super::sentence::Sent;
use crate::lesson::language::known_verb;
use crate::lesson::read::PieceKind;
use crate::lesson::text::{capitalise, word_count};

/// How many steps a back lists, fewest and most.
const STEPS: RangeInclusive<usize> = 2..=8;
/// Longest back the steps make, in characters.
const STEPS_CHARS: usize = 300;

/// The first sentence of each step, when the section's text is a list of
/// them: items of a numbered list (or of any list, under a heading that
/// says what to do), most opening with advice, and at most one sentence of
/// substance besides (the lead-in).
pub(super) fn steps(part: &Part) -> Option<Vec<usize>> {
    let ss = part.ss;
    let mut firsts: Vec<usize> = Vec::new();
    for (i, s) in ss.iter().enumerate() {
        if s.kind == PieceKind::Item && firsts.last().is_none_or(|&f| ss[f].piece != s.piece) {
            firsts.push(i);
        }
    }
    if !STEPS.contains(&firsts.len()) {
        return None;
    }
    let body = &part.section.body;
    let numbered = firsts.iter().all(|&i| body[ss[i].piece].numbered);
    // ("Prepare answers to these questions" over a bulleted list: the
    // items are what the advice is about, not steps.)
    let says_how = matches!(part.topic.ask, Ask::HowTo | Ask::Gerund);
    // (Most steps read as advice: the tagger takes the odd verb for an
    // adjective, "Open ports 80 and 443".)
    let advising = firsts.iter().filter(|&&i| ss[i].imperative).count();
    let advice = advising * 3 >= firsts.len() * 2
        && firsts
            .iter()
            .all(|&i| !ss[i].lead_in && !ss[i].quoted && !ss[i].text.ends_with('?'));
    let besides = part
        .substantive
        .iter()
        .filter(|&&i| ss[i].kind != PieceKind::Item)
        .count();
    // (Advice whose whole text is its list, "Pot on" over "Choose a
    // pot…", "Water the plant…", is done by those steps too.)
    let only_steps = besides == 0 && part.topic.ask == Ask::Do;
    ((numbered || says_how || only_steps) && advice && besides <= 1).then_some(firsts)
}

/// The steps as a back, one sentence: each step's first sentence, or only
/// its first clause when together they run long, joined by semicolons;
/// `None` when even those do not fit.
pub(super) fn steps_back(ss: &[Sent], firsts: &[usize]) -> Option<String> {
    let whole: Vec<String> = firsts.iter().map(|&i| ss[i].text.clone()).collect();
    let written = |steps: &[String]| {
        let parts: Vec<String> = steps
            .iter()
            .enumerate()
            .map(|(k, t)| {
                let t = t.trim().trim_end_matches(['.', '!', ';']);
                if k == 0 { capitalise(t) } else { lower_verb(t) }
            })
            .collect();
        let back = format!("{}.", parts.join("; "));
        (back.chars().count() <= STEPS_CHARS).then_some(back)
    };
    written(&whole).or_else(|| {
        let clauses: Vec<String> = whole.iter().map(|t| first_clause(t)).collect();
        written(&clauses)
    })
}

/// "Install nginx" → "install nginx" inside the sentence; a name the
/// dictionary does not know keeps its capital.
fn lower_verb(step: &str) -> String {
    let first = step.split_whitespace().next().unwrap_or("");
    let lower = first.to_lowercase();
    let plain_word = first.chars().skip(1).all(char::is_lowercase);
    // (The dictionary knows the word: it is no name.)
    if plain_word && known_verb(&lower).is_some() {
        format!("{lower}{}", &step[first.len()..])
    } else {
        step.to_string()
    }
}

/// "Install nginx, which serves the pages." → "Install nginx": a step up to
/// its first comma, semicolon, colon, dash or bracket, when three words or
/// more stand before it.
fn first_clause(step: &str) -> String {
    let cut = [", ", "; ", ": ", " (", " - ", " \u{2013} ", " \u{2014} "]
        .iter()
        .filter_map(|sep| step.find(sep))
        .filter(|&at| word_count(&step[..at]) >= 3)
        .min();
    match cut {
        Some(at) => step[..at].to_string(),
        None => step.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(text: &str, piece: usize) -> Sent {
        let mut s = Sent::new(text.into(), PieceKind::Item);
        s.piece = piece;
        s
    }

    #[test]
    fn steps_are_listed_in_order_in_one_sentence() {
        let ss = vec![
            item("Create a user that owns the web root.", 0),
            item("Install nginx.", 1),
        ];
        assert_eq!(
            steps_back(&ss, &[0, 1]).as_deref(),
            Some("Create a user that owns the web root; install nginx.")
        );
    }

    #[test]
    fn long_steps_keep_their_first_clause_or_none() {
        let long = "Open the firewall for the web ports, which the provider closes by default on every new machine it hands out to a customer.";
        let ss: Vec<Sent> = (0..4).map(|k| item(long, k)).collect();
        let back = steps_back(&ss, &[0, 1, 2, 3]).expect("clauses fit");
        assert!(back.starts_with("Open the firewall for the web ports; open"));
        let endless = "Open every port that the provider closes by default on every new machine it hands out to any customer who asks for one today.";
        let ss: Vec<Sent> = (0..4).map(|k| item(endless, k)).collect();
        assert_eq!(steps_back(&ss, &[0, 1, 2, 3]), None);
    }
}

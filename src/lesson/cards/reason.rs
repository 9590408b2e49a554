//! Does a sentence give a reason, so that a point card may ask "why"
//! (see docs/lessons.md, "What it writes": the point card)?

use crate::lesson::language::{Analysis, LEXICON, Pos, Role, Word, analyse, known_verb};
use crate::lesson::read::purpose_split;
use crate::lesson::text::{Casing, norm};

use super::ask::lower_first;
use super::case::readers_case;
use super::forms::is_base;
use super::question::{do_not_question, do_question};
use super::sentence::Sent;

/// "Otherwise: the code turns into…": what comes of not following the
/// advice its heading gives, which is the reason for it (a label
/// best-practice guides use); it leans on that heading alone.
pub(super) fn otherwise_label(text: &str) -> bool {
    text.split_once(':')
        .is_some_and(|(label, _)| norm(label.trim()) == "otherwise")
}

/// A reason word (lexicon role `reason`), ", so" joining a consequence,
/// or an "Otherwise:" label. (Not the reason a thing is met, "Bar plots
/// are common because…": the caller leaves out what only remarks how
/// common its subject is.)
/// ("…otherwise use bullets": "otherwise" before an imperative offers the
/// other choice, it gives no reason.)
pub(super) fn gives_reason(a: &Analysis, lower: &[&str], consequence: bool) -> bool {
    let other_choice = |(i, e): &(usize, usize)| {
        e - i == 1
            && lower[*i] == "otherwise"
            && lower
                .get(*e)
                .is_some_and(|w| known_verb(w) == Some(true) && is_base(w))
    };
    // ("Try to keep an eye on the clock": after a verb, "to keep" is what
    // is tried, not a purpose.)
    let content: Vec<&Word> = a.content().collect();
    let complement = |&(i, _): &(usize, usize)| {
        lower[i] == "to" && i > 0 && LEXICON.is(&content[i - 1].norm, Role::InfinitiveTaking)
    };
    consequence
        || LEXICON
            .find(lower, Role::Reason)
            .iter()
            .any(|found| !other_choice(found) && !complement(found))
        || a.words
            .windows(2)
            .any(|p| p[0].norm == "," && p[1].norm == "so")
}

/// "Accounts should not be locked out after a reset request, as this lets
/// anyone lock a user out" under "Account lockout": a rule or a piece of
/// advice that gives its own reason is asked why it holds, "Why should
/// accounts not be locked out after a reset request?", the reason its
/// answer; the heading's "What is the rule for account lockout?" asks for
/// anything. A rule opens with its subject and a modal ("should",
/// "must"); advice with its verb ("Ensure that replies take the same
/// time, to hide…" → "Why should you ensure that replies take the same
/// time?").
pub(super) fn reason_asked(s: &Sent, casing: &Casing) -> Option<String> {
    if s.leans.is_some() || s.text.contains('?') {
        return None;
    }
    let (rule, _) = purpose_split(&s.text)?;
    let rule = rule.trim_end_matches([',', ';', ':', ' ']);
    let a = analyse(rule);
    let words: Vec<&Word> = a.content().collect();
    let question = if s.imperative {
        // (One piece of advice: no second clause after a comma. It is
        // asked as a heading of advice giving its reason would be.)
        if rule.contains(',') {
            return None;
        }
        let lower = lower_first(rule);
        let h = analyse(&lower);
        let w0 = h.content().next()?.norm.clone();
        if readers_case(&h.content().collect::<Vec<_>>()) || w0 == "never" {
            do_not_question(&h, &lower, &w0, true, '\'')
        } else {
            do_question(&h, &lower, &w0, true, false)
        }
    } else {
        let m = words
            .iter()
            .position(|w| matches!(w.norm.as_str(), "should" | "must"))?;
        // (The subject before the modal names a thing: no verb, no
        // pronoun standing for what came before.)
        let subject = &words[..m];
        if subject.is_empty()
            || subject.len() > 6
            || subject
                .iter()
                .any(|w| matches!(w.pos, Pos::Verb | Pos::Aux | Pos::Pron | Pos::Punct))
        {
            return None;
        }
        let named = casing.inline_words(&rule[..words[m].start]).join(" ");
        let rest = rule[words[m].end..].trim();
        format!("Why {} {named} {rest}?", words[m].norm)
    };
    (question.chars().count() <= 120).then_some(question)
}

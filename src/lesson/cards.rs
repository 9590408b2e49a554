//! Making cards from a read lesson: for each section a *point* card (a
//! question made from the heading, answered by the section's key sentences)
//! and one or two *cloze* cards (a key sentence with its most salient phrase
//! hidden); for the lesson an *overview* card listing its sections.
//!
//! Key sentences are chosen by a score anyone can recompute by hand (see
//! [`sentence_score`]): early position, words shared with the heading and the
//! title, advice and reasons, a useful length, and new information beyond
//! what the heading already says.

use std::collections::BTreeSet;

use super::keywords::{Keywords, content_stems};
use super::read::{Lesson, clean_heading};
use super::text::{
    Casing, capitalise, ends_sentence, is_generic, is_gerund, is_stop, is_verb, norm, s_verb_base,
    sentences, squash, stem, tokens, word_count,
};
use crate::deck::{CardEntry, DeckFile};
use crate::domain::slug;

/// Longest id fragment taken from a title or heading.
const SLUG_CHARS: usize = 40;
/// Longest back of a point card, in characters.
const BACK_CHARS: usize = 300;
/// Longest sentence a cloze is made from, in characters.
const CLOZE_CHARS: usize = 280;

/// Words that start a sentence leaning on the one before ("This shows…").
const ANAPHORA: &[&str] = &["this", "that", "these", "those", "they", "such"];
/// Words that mark a reason: a point card answering with one asks "why".
const REASONS: &[&str] = &[
    "because",
    "since",
    "so",
    "otherwise",
    "shows",
    "signals",
    "tells",
    "means",
    "protects",
    "helps",
    "prevents",
    "saves",
    "costs",
    "risk",
    "risks",
    "lets",
    "proves",
    "reveals",
    "leads",
    "gives",
    "want",
    "wants",
    "expect",
    "expects",
    "reason",
    "why",
];
/// Words that mark advice.
const ADVICE: &[&str] = &[
    "should", "must", "need", "needs", "want", "wants", "expect", "try", "remember", "make",
    "keep", "don't", "never", "always", "best", "avoid", "instead",
];

/// A section ready for card making.
struct Part {
    heading: String,
    /// The heading was taken from the text, not written by the author.
    made_up: bool,
    sentences: Vec<String>,
}

pub fn make_deck(lesson: &Lesson) -> DeckFile {
    let parts = parts(lesson);
    let intro_sentences: Vec<String> = lesson.intro.iter().flat_map(|p| sentences(p)).collect();
    let mut all: Vec<String> = intro_sentences.clone();
    all.extend(parts.iter().flat_map(|p| p.sentences.iter().cloned()));
    let casing = Casing::learn(&all);
    let groups: Vec<Vec<String>> = parts.iter().map(|p| p.sentences.clone()).collect();
    let keywords = Keywords::learn(&lesson.title, &groups);
    let parts = name_headless(parts, &keywords);
    let apostrophe = if lesson_text_has_curly(lesson) {
        '\u{2019}'
    } else {
        '\''
    };

    let title = lesson.title.clone();
    let lesson_slug = slug(&title, SLUG_CHARS);
    let title_stems = content_stems(&title);
    let mut cards = Vec::new();
    let mut fronts = BTreeSet::new();
    let mut section_slugs = BTreeSet::new();
    let mut listed = Vec::new();
    for part in &parts {
        let shown = if part.made_up {
            capitalise(&part.heading)
        } else {
            casing.sentence_case(&part.heading)
        };
        listed.push(shown.clone());
        if part.sentences.is_empty() {
            continue;
        }
        let mut section_slug = slug(&part.heading, SLUG_CHARS);
        let mut n = 2;
        while !section_slugs.insert(section_slug.clone()) {
            section_slug = format!("{}-{n}", slug(&part.heading, SLUG_CHARS));
            n += 1;
        }
        let base = format!("{lesson_slug}/{section_slug}");
        let heading_stems = content_stems(&part.heading);
        let scores: Vec<f64> = part
            .sentences
            .iter()
            .enumerate()
            .map(|(i, s)| {
                sentence_score(
                    i,
                    &part.sentences,
                    s,
                    &heading_stems,
                    &title_stems,
                    &keywords,
                )
            })
            .collect();

        let chosen = choose_back(&part.sentences, &scores);
        let back = compose_back(&part.sentences, &chosen);
        let words = if part.made_up {
            part.heading
                .split_whitespace()
                .map(str::to_string)
                .collect()
        } else {
            casing.inline_words(&part.heading)
        };
        let mut front = if part.made_up {
            format!("What should you know about {}?", words.join(" "))
        } else {
            point_question(&words, &back, apostrophe)
        };
        let mut k = 2;
        let question = front.trim_end_matches('?').trim_end().to_string();
        while fronts.contains(&front) {
            front = format!("{question} (part {k})?");
            k += 1;
        }
        fronts.insert(front.clone());
        cards.push(CardEntry {
            id: Some(format!("{base}/point")),
            front: Some(front),
            back: Some(back),
            tags: vec![lesson_slug.clone(), "point".into()],
            ..CardEntry::default()
        });

        let extra = if part.made_up {
            title.clone()
        } else {
            shown.clone()
        };
        for (i, cloze) in clozes(part, &scores, &heading_stems, &keywords)
            .into_iter()
            .enumerate()
        {
            if !fronts.insert(cloze.clone()) {
                continue;
            }
            let kind = if i == 0 {
                "cloze".to_string()
            } else {
                format!("cloze{}", i + 1)
            };
            cards.push(CardEntry {
                id: Some(format!("{base}/{kind}")),
                cloze: Some(cloze),
                extra: Some(extra.clone()),
                tags: vec![lesson_slug.clone(), "cloze".into()],
                ..CardEntry::default()
            });
        }
    }

    let noun = if parts.iter().all(|p| p.made_up) {
        "key points"
    } else {
        "lessons"
    };
    let count = listed.len();
    let question = if count == 1 {
        format!("\u{201c}{title}\u{201d}: what is its one lesson?")
    } else {
        format!(
            "\u{201c}{title}\u{201d}: what are its {} {noun}?",
            number_word(count)
        )
    };
    cards.push(CardEntry {
        id: Some(format!("{lesson_slug}/overview")),
        front: Some(question),
        back: Some(listed.join(" \u{b7} ")),
        tags: vec![lesson_slug.clone(), "overview".into()],
        ..CardEntry::default()
    });

    DeckFile {
        name: title,
        description: describe(&intro_sentences),
        cards,
    }
}

fn lesson_text_has_curly(lesson: &Lesson) -> bool {
    let texts = lesson.intro.iter().chain(
        lesson
            .sections
            .iter()
            .flat_map(|s| s.body.iter().chain(&s.heading)),
    );
    let (mut curly, mut straight) = (0, 0);
    for t in texts {
        curly += t.matches('\u{2019}').count();
        straight += t.matches('\'').count();
    }
    curly > straight
}

/// The description: the introduction's first sentence, if it is not long.
fn describe(intro: &[String]) -> String {
    intro
        .first()
        .filter(|s| s.chars().count() <= 200)
        .cloned()
        .unwrap_or_default()
}

fn number_word(n: usize) -> String {
    const WORDS: [&str; 13] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |w| w.to_string())
}

fn parts(lesson: &Lesson) -> Vec<Part> {
    lesson
        .sections
        .iter()
        .map(|section| {
            let sentences: Vec<String> = section
                .body
                .iter()
                .flat_map(|p| sentences(p))
                .map(|s| squash(&s))
                .collect();
            match &section.heading {
                Some(h) => Part {
                    heading: h.clone(),
                    made_up: false,
                    sentences,
                },
                None => {
                    // A paragraph that opens with a short sentence ("Arrive
                    // early.") is headed by it.
                    // An opener with no text left once cleaned (".") names nothing.
                    let opener = sentences.first().filter(|s| {
                        sentences.len() >= 2
                            && word_count(s) <= 8
                            && !s.ends_with('?')
                            && clean_heading(s).chars().any(char::is_alphanumeric)
                    });
                    match opener {
                        Some(first) => Part {
                            heading: clean_heading(first),
                            made_up: false,
                            sentences: sentences[1..].to_vec(),
                        },
                        None => Part {
                            heading: String::new(),
                            made_up: true,
                            sentences,
                        },
                    }
                }
            }
        })
        .collect()
}

/// Names paragraph sections that had no heading by their most salient phrase.
fn name_headless(mut parts: Vec<Part>, keywords: &Keywords) -> Vec<Part> {
    let mut taken: BTreeSet<String> = BTreeSet::new();
    for part in &mut parts {
        if !part.made_up {
            continue;
        }
        let mut best: Option<(f64, String)> = None;
        for s in &part.sentences {
            if let Some(p) = keywords.best_phrase(s, &BTreeSet::new(), &taken)
                && best.as_ref().is_none_or(|(score, _)| p.score > *score)
            {
                best = Some((p.score, s[p.start..p.end].to_string()));
            }
        }
        let label = best.map_or_else(|| "this point".to_string(), |(_, l)| l);
        let lowered = if label.chars().skip(1).any(char::is_uppercase) {
            label
        } else {
            label.to_lowercase()
        };
        taken.insert(norm(&lowered));
        part.heading = lowered;
    }
    parts
}

/// Does a clause of `s` start with a verb of advice ("To impress, arrive early")?
fn is_imperative(s: &str) -> bool {
    s.split([',', ';', ':', '\u{2014}'])
        .any(|clause| is_verb(&first_word(clause)))
}

fn first_word(s: &str) -> String {
    tokens(s)
        .first()
        .map(|t| norm(t.text(s)))
        .unwrap_or_default()
}

fn has_any(s: &str, words: &[&str]) -> bool {
    tokens(s)
        .iter()
        .any(|t| words.contains(&norm(t.text(s)).as_str()))
}

/// Words that open an embedded question: a reason word after one is part of
/// what to ask, not a reason ("ask when they expect to decide").
const QUESTION_WORDS: &[&str] = &["when", "what", "how", "whether", "if", "which", "who"];

/// Does `s` give a reason: a word of [`REASONS`] not inside an embedded
/// question?
fn gives_reason(s: &str) -> bool {
    let words: Vec<String> = tokens(s).iter().map(|t| norm(t.text(s))).collect();
    words.iter().enumerate().any(|(i, w)| {
        REASONS.contains(&w.as_str())
            && !words[i.saturating_sub(3)..i]
                .iter()
                .any(|b| QUESTION_WORDS.contains(&b.as_str()))
    })
}

/// Is `s` a question, rather than a statement that ends on one it quotes
/// ("Reply with one request: what would have made you stronger?")?
fn is_question(s: &str) -> bool {
    let s = s.trim_end_matches(['"', '\u{201d}']);
    s.ends_with('?')
        && s.split_once(": ")
            .is_none_or(|(before, _)| word_count(before) < 4)
}

/// How likely sentence `i` is to carry the section's point.
///
/// + up to 1.2 for sharing the heading's words, 0.4 for the title's,
/// + 0.4 / 0.3 for being first / second, 0.2 for being last,
/// + 0.7 for advice in the imperative ("…, arrive with questions"), else 0.4
///   for advice words ("should"); 0.4 for a reason ("because"),
/// + 0.3 × the mean salience of its words.
///
/// It loses points for being very short or long, a question, leaning on the
/// sentence before ("This…"), or only restating the heading.
fn sentence_score(
    i: usize,
    all: &[String],
    s: &str,
    heading: &BTreeSet<String>,
    title: &BTreeSet<String>,
    keywords: &Keywords,
) -> f64 {
    let stems = content_stems(s);
    let overlap = |set: &BTreeSet<String>| {
        if set.is_empty() {
            0.0
        } else {
            set.intersection(&stems).count() as f64 / set.len() as f64
        }
    };
    let mut score = 1.2 * overlap(heading) + 0.4 * overlap(title);
    score += match i {
        0 => 0.4,
        1 => 0.3,
        _ if i + 1 == all.len() => 0.2,
        _ => 0.0,
    };
    let first = first_word(s);
    if is_imperative(s) {
        score += 0.7;
    } else if has_any(s, ADVICE) {
        score += 0.4;
    }
    if gives_reason(s) {
        score += 0.4;
    }
    if !stems.is_empty() {
        let salience: f64 = tokens(s)
            .iter()
            .map(|t| keywords.weight(t.text(s), heading))
            .filter(|w| *w > 0.0)
            .sum::<f64>()
            / stems.len() as f64;
        score += 0.3 * salience;
    }
    let words = word_count(s);
    if words < 6 {
        score -= 1.0;
    } else if words < 9 {
        score -= 0.3;
    } else if words > 40 {
        score -= 0.8;
    }
    if s.chars().count() > BACK_CHARS {
        score -= 1.5;
    }
    if is_question(s) {
        score -= 1.5;
    }
    if ANAPHORA.contains(&first.as_str()) {
        score -= 0.3;
    }
    // Restating the heading teaches nothing the question does not show.
    let new_words = stems.difference(heading).filter(|w| !is_generic(w)).count();
    if new_words < 3 || (new_words < 4 && stems.intersection(heading).count() > 0) {
        score -= 0.8;
    }
    score
}

/// Indexes (in document order) of the sentences that answer the point card:
/// the best one, with the sentence before when it leans on it, or with the
/// runner-up when there is room and it is nearly as good.
fn choose_back(sentences: &[String], scores: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    let best = order[0];
    let len = |i: usize| sentences[i].chars().count();
    let mut chosen = vec![best];
    if best > 0
        && ANAPHORA.contains(&first_word(&sentences[best]).as_str())
        && len(best) + len(best - 1) < BACK_CHARS
    {
        chosen.push(best - 1);
    } else if let Some(&second) = order.get(1) {
        let leans = ANAPHORA.contains(&first_word(&sentences[second]).as_str());
        let good = scores[second] > 0.0
            && scores[second] >= 0.6 * scores[best]
            && (!leans || second == best + 1);
        if good && len(best) < 160 && len(best) + len(second) < BACK_CHARS {
            chosen.push(second);
        }
    }
    // A point alone, when the section also says why: the reason too, so
    // that the back answers the "why" the question asks.
    if chosen.len() == 1 && !gives_reason(&sentences[best]) {
        let reason = order.iter().copied().find(|&i| {
            i != best
                && scores[i] > 0.0
                && gives_reason(&sentences[i])
                && !sentences[i].ends_with('?')
                && (!ANAPHORA.contains(&first_word(&sentences[i]).as_str()) || i == best + 1)
                && len(best) + len(i) < BACK_CHARS
        });
        chosen.extend(reason);
    }
    chosen.sort_unstable();
    chosen
}

fn compose_back(sentences: &[String], chosen: &[usize]) -> String {
    let parts: Vec<String> = chosen
        .iter()
        .map(|&i| {
            let s = capitalise(&sentences[i]);
            if ends_sentence(&s) {
                s
            } else {
                format!("{s}.")
            }
        })
        .collect();
    shorten(&parts.join(" "), BACK_CHARS)
}

/// Cuts text longer than `max` characters at its last clause boundary.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max - 1).collect();
    let at = [". ", "; ", " \u{2014} ", ", "]
        .iter()
        .filter_map(|sep| cut.rfind(sep).map(|i| (i, sep)))
        .find(|(i, _)| *i > max / 3)
        .map(|(i, sep)| if *sep == ". " { i + 1 } else { i });
    match at {
        Some(i) if cut[..i].ends_with('.') => cut[..i].to_string(),
        Some(i) => format!("{}\u{2026}", cut[..i].trim_end()),
        None => format!(
            "{}\u{2026}",
            cut[..cut.rfind(' ').unwrap_or(cut.len())].trim_end()
        ),
    }
}

/// One or two cloze texts for a section, best first.
fn clozes(
    part: &Part,
    scores: &[f64],
    heading: &BTreeSet<String>,
    keywords: &Keywords,
) -> Vec<String> {
    let mut candidates: Vec<(f64, usize, usize, usize)> = Vec::new();
    let mut taken = BTreeSet::new();
    for (i, s) in part.sentences.iter().enumerate() {
        let words = word_count(s);
        let usable = (6..=45).contains(&words)
            && s.chars().count() <= CLOZE_CHARS
            && !s.contains("{{")
            && !s.contains("}}")
            && !s.contains("::")
            && !s.ends_with('?')
            && !ANAPHORA.contains(&first_word(s).as_str());
        if !usable {
            continue;
        }
        if let Some(p) = keywords.best_phrase(s, heading, &taken) {
            candidates.push((scores[i] + 0.5 * p.score, i, p.start, p.end));
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut out = Vec::new();
    let Some(&(best_score, ..)) = candidates.first() else {
        return out;
    };
    for &(score, i, start, end) in &candidates {
        if out.len() == 2 {
            break;
        }
        // A second cloze only for a section with enough to say, and only
        // when it is nearly as good as the first.
        if !out.is_empty() && (part.sentences.len() < 3 || score < 0.7 * best_score) {
            break;
        }
        let s = &part.sentences[i];
        let phrase = &s[start..end];
        if !taken.insert(norm(phrase)) {
            continue;
        }
        out.push(capitalise(&format!(
            "{}{{{{c1::{}}}}}{}",
            &s[..start],
            phrase,
            &s[end..]
        )));
    }
    out
}

const AUX: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "can",
    "can't",
    "cannot",
    "will",
    "won't",
    "should",
    "shouldn't",
    "must",
    "may",
    "might",
    "could",
    "would",
    "doesn't",
    "don't",
    "does",
    "do",
];
const OBJECTS: &[&str] = &[
    "your", "the", "a", "an", "their", "them", "it", "yourself", "what", "how", "why", "when",
    "who", "up", "out", "for", "about", "with", "every", "each", "this", "that", "these", "those",
    "some", "any", "no", "more", "less", "on", "off", "back", "down", "over", "to", "into", "at",
    "one", "ahead", "in",
];
const SUBJECT_PRONOUNS: &[&str] = &["you", "they", "we", "people", "i"];

/// Turns a heading (already in sentence words) into a question.
fn point_question(words: &[String], back: &str, apostrophe: char) -> String {
    let n: Vec<String> = words
        .iter()
        .map(|w| {
            norm(w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}'))
        })
        .collect();
    let join = |from: usize| words[from.min(words.len())..].join(" ");
    let phrase = join(0);
    if phrase.ends_with('?') {
        return capitalise(&phrase);
    }
    let first = n.first().map(String::as_str).unwrap_or("");
    let second = n.get(1).map(String::as_str).unwrap_or("");
    if first == "don't" && words.len() > 1 {
        return format!("Why shouldn{apostrophe}t you {}?", join(1));
    }
    if first == "do" && second == "not" && words.len() > 2 {
        return format!("Why shouldn{apostrophe}t you {}?", join(2));
    }
    if first == "never" && words.len() > 1 {
        return format!("Why should you never {}?", join(1));
    }
    if matches!(first, "how" | "when" | "what" | "where" | "who" | "which") && second == "to" {
        return format!("{} should you {}?", capitalise(first), join(2));
    }
    if first == "why" && words.len() > 1 {
        if second == "you" && n.get(2).map(String::as_str) == Some("should") {
            return format!("Why should you {}?", join(3));
        }
        return statement(&words[1..], &n[1..], apostrophe)
            .unwrap_or_else(|| format!("Why {}?", join(1)));
    }
    let k =
        usize::from(matches!(first, "always" | "just" | "actively" | "really") && words.len() > 1);
    let verb = n.get(k).map(String::as_str).unwrap_or("");
    let next = n.get(k + 1).map(String::as_str).unwrap_or("");
    let imperative = !is_stop(verb)
        && (is_verb(verb)
            || (OBJECTS.contains(&next)
                && !is_gerund(verb)
                && !verb.ends_with('s')
                && !verb.ends_with("ed")
                && stem(verb) == verb));
    if imperative {
        let reason = gives_reason(back);
        let method = is_verb(&first_word(back)) || back.contains(" by ");
        return match (reason, method) {
            (true, true) => format!("How should you {phrase}, and why?"),
            (false, true) => format!("How should you {phrase}?"),
            _ => format!("Why should you {phrase}?"),
        };
    }
    if let Some(q) = statement(words, &n, apostrophe) {
        return q;
    }
    if is_gerund(first) {
        return format!("What is the key to {phrase}?");
    }
    format!("What should you know about {phrase}?")
}

/// "Every job isn't the right fit" → "Why isn't every job the right fit?";
/// "Silence works" → "Why does silence work?".
fn statement(words: &[String], n: &[String], apostrophe: char) -> Option<String> {
    let limit = words.len().min(5);
    for i in 1..limit {
        let w = n[i].as_str();
        let subject = words[..i].join(" ");
        let rest = words[i + 1..].join(" ");
        let tail = if rest.is_empty() {
            String::new()
        } else {
            format!(" {rest}")
        };
        if AUX.contains(&w) {
            let aux = if w == "cannot" {
                format!("can{apostrophe}t")
            } else {
                words[i].clone()
            };
            return Some(format!("Why {aux} {subject}{tail}?"));
        }
        if let Some(base) = s_verb_base(w) {
            return Some(format!("Why does {subject} {base}{tail}?"));
        }
        let plural_subject =
            n[i - 1].ends_with('s') || SUBJECT_PRONOUNS.contains(&n[i - 1].as_str());
        if is_verb(w) && plural_subject && !n[..i].iter().any(|x| is_verb(x)) {
            return Some(format!("Why do {subject} {}{tail}?", words[i]));
        }
        if is_stop(w) && !matches!(w, "the" | "a" | "an" | "your" | "their" | "every" | "each") {
            break;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(heading: &str, back: &str) -> String {
        let casing = Casing::learn(&["We met people from Google and LinkedIn.".to_string()]);
        point_question(&casing.inline_words(heading), back, '\u{2019}')
    }

    #[test]
    fn questions_from_headings() {
        let because = "Because interviewers want you to sell yourself.";
        assert_eq!(
            q("Refine Your Sales Pitch", because),
            "Why should you refine your sales pitch?"
        );
        assert_eq!(
            q("Don’t Get Ahead of Yourself", because),
            "Why shouldn’t you get ahead of yourself?"
        );
        assert_eq!(
            q("Every Job Isn’t the Right Fit", because),
            "Why isn’t every job the right fit?"
        );
        assert_eq!(
            q("Silence works in your favour", because),
            "Why does silence work in your favour?"
        );
        assert_eq!(
            q("Interviewers Remember Stories", because),
            "Why do interviewers remember stories?"
        );
        assert_eq!(
            q("How to Answer Salary Questions", because),
            "How should you answer salary questions?"
        );
        assert_eq!(
            q("What Do They Really Ask?", because),
            "What do they really ask?"
        );
        assert_eq!(
            q("Handling a Lowball Offer", because),
            "What is the key to handling a lowball offer?"
        );
        assert_eq!(
            q("The Counteroffer", because),
            "What should you know about the counteroffer?"
        );
        assert_eq!(
            q("Talk to People at Google", because),
            "Why should you talk to people at Google?"
        );
        assert_eq!(
            q(
                "Structure your story",
                "Start with the situation, then the task."
            ),
            "How should you structure your story?"
        );
    }

    #[test]
    fn back_takes_the_sentence_a_this_leans_on() {
        let s: Vec<String> = [
            "Arrive with pointed questions about the team.",
            "This shows real interest in the job.",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        assert_eq!(choose_back(&s, &[0.5, 1.0]), [0, 1]);
    }

    #[test]
    fn a_lone_point_takes_the_sections_reason_along() {
        let s: Vec<String> = [
            "Pick the two questions where you stumbled and answer each again.",
            "Then say those answers out loud until they sound like you.",
            "It matters because spoken words come back under pressure.",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        assert_eq!(choose_back(&s, &[2.0, 0.5, 0.4]), [0, 2]);
        // Not a sentence that scored nothing.
        assert_eq!(choose_back(&s, &[2.0, 0.5, -0.1]), [0]);
    }

    #[test]
    fn a_reason_word_inside_an_embedded_question_is_no_reason() {
        assert!(gives_reason("Arrive early, because traffic is slow."));
        assert!(gives_reason("Interviewers expect you to know the product."));
        assert!(!gives_reason(
            "Before it ends, ask when they expect to decide."
        ));
        assert!(!gives_reason("Find out what the team wants from the role."));
    }

    #[test]
    fn a_statement_ending_on_a_quoted_question_is_no_question() {
        assert!(is_question("What do they really ask?"));
        assert!(is_question("Ask yourself: why this job?"));
        assert!(!is_question(
            "Reply with one specific request: what would have made you stronger?"
        ));
        assert!(!is_question("Arrive early."));
    }

    #[test]
    fn long_backs_are_cut_at_a_clause() {
        let long = format!(
            "{}; and then some more words here.",
            "word ".repeat(70).trim()
        );
        let short = shorten(&long, 300);
        assert!(short.chars().count() <= 300, "{short}");
        assert!(short.ends_with('\u{2026}'), "{short}");
    }
}

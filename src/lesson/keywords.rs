//! Salient words and phrases, for choosing what a cloze hides.
//!
//! A RAKE-like method: a sentence's candidate phrases are the stretches (up
//! to four words) of the runs of content words between stop words and
//! punctuation ("pointed, in-depth inquiries" → "pointed", "in-depth
//! inquiries", "inquiries"…). A phrase scores the mean weight of its words
//! plus a little per extra word; a word weighs more when it is long, repeated
//! in its section but not spread over every section (TF-IDF-like), or in the
//! heading or the title, and less when it is generic ("thing", "good"), an
//! adverb or a verb. Phrases ending in a verb form ("interviewer asks") lose:
//! noun phrases carry ideas.

use std::collections::{BTreeMap, BTreeSet};

use super::text::{is_generic, is_stop, is_verb, norm, s_verb_base, stem, tokens};

/// Word counts over the whole lesson, in how many sections each word
/// appears, and the title's words.
#[derive(Debug, Default)]
pub struct Keywords {
    counts: BTreeMap<String, usize>,
    sections_with: BTreeMap<String, usize>,
    sections: usize,
    title: BTreeSet<String>,
}

/// A phrase of a sentence, by byte span.
#[derive(Debug, Clone, PartialEq)]
pub struct Phrase {
    pub start: usize,
    pub end: usize,
    pub score: f64,
}

/// Stems of the content (non-stop) words of `s`.
pub fn content_stems(s: &str) -> BTreeSet<String> {
    tokens(s)
        .iter()
        .map(|t| t.text(s))
        .filter(|w| !is_stop(&norm(w)))
        .map(stem)
        .collect()
}

const NOUN_ENDINGS: &[&str] = &[
    "tion", "sion", "ment", "ness", "ity", "ence", "ance", "ship", "ism", "ure", "ist",
];

/// A verb form that ends a clause rather than a noun phrase: "asks",
/// "realized".
/// Past forms that do not end in -ed ("the interviewer said").
const IRREGULAR_PAST: &[&str] = &[
    "said",
    "made",
    "went",
    "took",
    "gave",
    "found",
    "told",
    "thought",
    "felt",
    "kept",
    "left",
    "met",
    "heard",
    "knew",
    "saw",
    "got",
    "did",
    "had",
    "spoke",
    "wrote",
    "chose",
    "brought",
    "sent",
    "spent",
    "built",
    "held",
    "led",
    "won",
    "lost",
    "paid",
    "began",
    "became",
    "came",
    "ran",
    "stood",
    "understood",
    "taught",
    "sold",
    "bought",
];

fn verb_like(word: &str) -> bool {
    let n = norm(word);
    present_verb(&n)
        || (n.len() > 4 && n.ends_with("ed"))
        || IRREGULAR_PAST.contains(&n.as_str())
        || super::text::is_gerund(&n)
}

/// A verb in the third person present ("momentum protects").
fn present_verb(norm_word: &str) -> bool {
    s_verb_base(norm_word).is_some()
        || (norm_word.ends_with('s') && is_verb(&norm_word[..norm_word.len() - 1]))
}

/// Words after which a noun phrase is what the clause is about.
const MODALS: &[&str] = &[
    "can", "will", "should", "must", "may", "might", "would", "could",
];

/// The people of a hiring process: the subject of a clause, but rarely
/// its point ("the recruiter asks…").
const PEOPLE: &[&str] = &[
    "recruiter",
    "employer",
    "interviewer",
    "manager",
    "candidate",
    "colleague",
    "boss",
    "employee",
    "applicant",
    "client",
    "customer",
    "panel",
    "someone",
    "everyone",
];

impl Keywords {
    /// Learns from the lesson's sections, each given as its sentences.
    pub fn learn(title: &str, sections: &[Vec<String>]) -> Keywords {
        let mut counts = BTreeMap::new();
        let mut sections_with = BTreeMap::new();
        for section in sections {
            let mut seen = BTreeSet::new();
            for s in section {
                for t in tokens(s) {
                    let w = t.text(s);
                    if !is_stop(&norm(w)) {
                        *counts.entry(stem(w)).or_insert(0) += 1;
                        seen.insert(stem(w));
                    }
                }
            }
            for w in seen {
                *sections_with.entry(w).or_insert(0) += 1;
            }
        }
        Keywords {
            counts,
            sections_with,
            sections: sections.len(),
            title: content_stems(title),
        }
    }

    /// How much a word is worth hiding or matching; 0 for stop words.
    pub fn weight(&self, word: &str, heading: &BTreeSet<String>) -> f64 {
        let n = norm(word);
        if is_stop(&n) {
            return 0.0;
        }
        let s = stem(word);
        let mut w = 1.0;
        if n.chars().count() >= 7 {
            w += 0.4;
        }
        if is_generic(&s) {
            w -= 0.7;
        }
        if n.ends_with("ly") && n.chars().count() > 4 {
            w -= 0.5;
        }
        if super::text::is_plain_adverb(&n) {
            w -= 0.8;
        }
        if NOUN_ENDINGS.iter().any(|e| s.ends_with(e)) {
            w += 0.3;
        }
        if n.chars().all(|c| c.is_ascii_digit()) {
            w += 0.3;
        }
        if is_verb(&n) {
            // Nouns carry ideas better than verbs ("consider", "arrive").
            w -= 0.4;
        }
        // Repeated words are topical; words found in every section are the
        // lesson's theme, too predictable to be worth hiding (TF-IDF-like).
        let count = self.counts.get(&s).copied().unwrap_or(1).max(1);
        w += 0.3 * (count as f64).ln();
        let with = self.sections_with.get(&s).copied().unwrap_or(1) as f64;
        w += 0.6 * ((self.sections as f64 + 1.0) / (with + 1.0)).ln();
        if heading.contains(&s) {
            // Small: the heading's words are shown on the point card already.
            w += 0.4;
        }
        if self.title.contains(&s) {
            w += 0.3;
        }
        w.max(0.05)
    }

    /// How much a word is worth hiding in a cloze: its [`weight`], less
    /// when it is the lesson's topic, which a reader guesses without
    /// knowing the lesson ("interview" in a lesson on interviews): a word
    /// of the title, or one every section uses.
    ///
    /// [`weight`]: Keywords::weight
    fn hide_weight(&self, word: &str, heading: &BTreeSet<String>) -> f64 {
        let w = self.weight(word, heading);
        if w == 0.0 {
            return 0.0;
        }
        let s = stem(word);
        let everywhere =
            self.sections >= 3 && self.sections_with.get(&s).copied().unwrap_or(0) >= self.sections;
        let mut penalty = 0.0;
        if everywhere {
            penalty += 0.5;
        }
        if self.title.contains(&s) {
            // No more than the bonus the title gives to matching.
            penalty += 0.3;
        }
        (w - penalty).max(0.05)
    }

    /// The most salient phrase of `sentence` that a cloze may hide: a run of
    /// content words, not given away by the rest of the sentence, not most of
    /// the sentence, and not one of `taken` (already hidden elsewhere).
    pub fn best_phrase(
        &self,
        sentence: &str,
        heading: &BTreeSet<String>,
        taken: &BTreeSet<String>,
    ) -> Option<Phrase> {
        let toks = tokens(sentence);
        let content: Vec<bool> = toks
            .iter()
            .map(|t| !is_stop(&norm(t.text(sentence))))
            .collect();
        let content_total = content.iter().filter(|c| **c).count();
        let mut best: Option<Phrase> = None;
        let mut i = 0;
        while i < toks.len() {
            if !content[i] {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < toks.len() && content[j] && !toks[j].break_before {
                j += 1;
            }
            // Every stretch of the run [i, j) up to four words; verbs at its
            // ends cost (below), since the head of a noun phrase is last.
            for (start, end) in (i..j).flat_map(|a| (a + 1..=j.min(a + 4)).map(move |b| (a, b))) {
                let len = end - start;
                let words: Vec<&str> = toks[start..end].iter().map(|t| t.text(sentence)).collect();
                let stems: BTreeSet<String> = words.iter().map(|w| stem(w)).collect();
                let key = words.iter().map(|w| norm(w)).collect::<Vec<_>>().join(" ");
                if taken.contains(&key) {
                    continue;
                }
                // Too short to be a phrase: "job", "CV" pass, "go" does not.
                if len == 1 {
                    let w = words[0];
                    let letters = w.chars().filter(|c| c.is_alphanumeric()).count();
                    let acronym = w
                        .chars()
                        .filter(|c| c.is_alphabetic())
                        .all(char::is_uppercase);
                    if letters < 4 && !acronym && !w.chars().all(|c| c.is_ascii_digit()) {
                        continue;
                    }
                }
                if len * 10 > content_total * 6 {
                    continue;
                }
                // Given away: the same word appears elsewhere in the sentence.
                let given_away = toks
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| *k < start || *k >= end)
                    .any(|(_, t)| stems.contains(&stem(t.text(sentence))));
                if given_away {
                    continue;
                }
                if words.iter().all(|w| is_generic(&stem(w))) {
                    continue;
                }
                let total: f64 = words.iter().map(|w| self.hide_weight(w, heading)).sum();
                let mut score = total / len as f64 + 0.25 * (len - 1) as f64;
                if verb_like(words[len - 1]) || (len >= 2 && is_verb(&norm(words[0]))) {
                    // "interviewer asks", "remain humble": not a noun phrase.
                    score -= 0.8;
                }
                if words[..len - 1]
                    .iter()
                    .skip(1)
                    .any(|w| verb_like(w) || is_verb(&norm(w)))
                {
                    // "steady gaze suggest confidence": a clause, not a phrase.
                    score -= 0.8;
                }
                if norm(words[len - 1]).ends_with("'s") {
                    score -= 0.5;
                }
                // The phrase a clause is about comes before its verb
                // ("momentum protects you"): it carries the idea.
                let about_people = PEOPLE.contains(&stem(words[len - 1]).as_str());
                if let Some(next) = toks.get(end).filter(|t| !t.break_before && !about_people) {
                    let next = norm(next.text(sentence));
                    if present_verb(&next) || MODALS.contains(&next.as_str()) {
                        score += 0.5;
                    }
                }
                if best.as_ref().is_none_or(|b| score > b.score) {
                    best = Some(Phrase {
                        start: toks[start].start,
                        end: toks[end - 1].end,
                        score,
                    });
                }
            }
            i = j;
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hides_a_content_phrase_not_a_stop_word() {
        let s = "Keep applying while you wait, because momentum protects you from the slump.";
        let k = Keywords::learn(
            "Keep going",
            &[
                vec![s.to_string(), "Momentum matters.".into()],
                vec!["Other things.".into()],
            ],
        );
        let p = k
            .best_phrase(s, &BTreeSet::new(), &BTreeSet::new())
            .unwrap();
        assert_eq!(&s[p.start..p.end], "momentum");
    }

    #[test]
    fn never_hides_what_the_sentence_repeats() {
        let s = "A thank-you note is a short note sent the same day.";
        let k = Keywords::learn("Notes", &[vec![s.to_string()]]);
        let p = k
            .best_phrase(s, &BTreeSet::new(), &BTreeSet::new())
            .unwrap();
        let hidden = &s[p.start..p.end];
        assert!(!hidden.contains("note"), "{hidden}");
    }

    /// The phrase `best_phrase` hides in `s`, learning from `sections`.
    fn hidden(title: &str, s: &str, sections: &[&[&str]]) -> String {
        let sections: Vec<Vec<String>> = sections
            .iter()
            .map(|sec| sec.iter().map(|x| x.to_string()).collect())
            .collect();
        let k = Keywords::learn(title, &sections);
        let p = k
            .best_phrase(s, &BTreeSet::new(), &BTreeSet::new())
            .unwrap();
        s[p.start..p.end].to_string()
    }

    #[test]
    fn prefers_the_subject_of_the_clause_to_its_object() {
        let s = "Keep applying; momentum protects you from the slump that follows a rejection.";
        let other: &[&str] = &["Other words here."];
        assert_eq!(hidden("Waiting", s, &[&[s], other, other]), "momentum");
    }

    #[test]
    fn never_hides_the_lessons_topic() {
        let s = "Before the interview ends, ask about the timeline.";
        let sections: &[&[&str]] = &[
            &[s],
            &["Every interview is practice."],
            &["An interview that went well is not an offer."],
        ];
        let hidden = hidden("After the interview", s, sections);
        assert_eq!(hidden, "timeline");
    }

    #[test]
    fn never_ends_on_a_past_verb_or_picks_the_people() {
        let s = "Mention one remark the interviewer said about teamwork.";
        let other: &[&str] = &["Other words here."];
        let h = hidden("Notes", s, &[&[s], other, other]);
        assert!(!h.ends_with("said"), "{h}");
        let s = "When the recruiter asks about salary expectations, name the budget.";
        let h = hidden("Money", s, &[&[s], other, other]);
        assert!(!h.contains("recruiter"), "{h}");
    }

    #[test]
    fn never_hides_a_plain_adverb() {
        let s = "Be glad the manager noticed the mismatch upfront.";
        let k = Keywords::learn(
            "Fit",
            &[vec![s.to_string()], vec!["Other words here.".into()]],
        );
        let p = k
            .best_phrase(s, &BTreeSet::new(), &BTreeSet::new())
            .unwrap();
        let hidden = &s[p.start..p.end];
        assert!(!hidden.contains("upfront"), "{hidden}");
    }
}

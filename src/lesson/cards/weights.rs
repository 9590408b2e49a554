//! How the words spread over a lesson's sections, for telling the phrase
//! salient in a section (see docs/lessons.md, "What it writes": cloze
//! cards).

use std::collections::{BTreeMap, BTreeSet};

use super::sentence::Sent;

/// How the words spread over the lesson: a word frequent in one section and
/// rare in the others is salient there.
pub(super) struct Weights {
    pub(super) sections_with: BTreeMap<String, usize>,
    pub(super) sections: usize,
}

impl Weights {
    pub(super) fn learn(all: &[Vec<Sent>]) -> Weights {
        let mut sections_with: BTreeMap<String, usize> = BTreeMap::new();
        for ss in all {
            let stems: BTreeSet<String> = ss.iter().flat_map(Sent::stems).collect();
            for s in stems {
                *sections_with.entry(s).or_default() += 1;
            }
        }
        Weights {
            sections_with,
            sections: all.len().max(1),
        }
    }

    /// 1 for a word in every section, more for rarer ones.
    pub(super) fn weight(&self, stem: &str) -> f64 {
        let n = self.sections_with.get(stem).copied().unwrap_or(1).max(1) as f64;
        1.0 + (self.sections as f64 / n).ln()
    }
}

//! Naming cards and decks the way people type them (README.md, "Finding
//! cards"): every command that takes a card id takes it through
//! [`Collection::find_card`], and every `--deck` goes through
//! [`Collection::deck_tree`] or [`Collection::resolve_deck`].
//!
//! - A deck name matches whatever the case of its letters; a parent deck
//!   (`Jobs`) stands for itself and its subdecks (`Jobs::Offers`).
//! - A card is named by its exact id, a unique prefix of it, or
//!   `DECK:ID` / `DECK:PREFIX`, where DECK is a deck's name or the last
//!   `::` parts of it (`Offers:pitch` for `Jobs::Offers`). Exact ids win
//!   over `DECK:ID`, which wins over prefixes; a name that still fits
//!   several cards lists them (at most [`LISTED`]) and fails.

use rusqlite::params;

use super::Collection;
use super::cards::{Card, card_from_row};
use crate::domain::decks::{SEPARATOR, in_tree, same_name};
use crate::error::{Error, Result};

/// How many candidates an ambiguous card name lists.
pub const LISTED: usize = 10;

/// A deck as stored: its row id and exact name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeckRef {
    pub id: i64,
    pub name: String,
}

/// Decks as the JSON array of ids the queries take (`json_each`), or
/// `None` for every deck.
pub(super) fn ids_param(decks: Option<&[DeckRef]>) -> Option<String> {
    decks.map(|decks| {
        let ids: Vec<String> = decks.iter().map(|d| d.id.to_string()).collect();
        format!("[{}]", ids.join(","))
    })
}

impl Collection {
    /// Every deck but the deleted ones, by name.
    pub fn decks(&self) -> Result<Vec<DeckRef>> {
        let mut stmt = self
            .conn
            .prepare_cached(include_str!("sql/decks_by_name.sql"))?;
        let decks = stmt
            .query_map([], |r| {
                Ok(DeckRef {
                    id: r.get(0)?,
                    name: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(decks)
    }

    /// The one deck called `name`: its exact name first, else the one deck
    /// whose name differs only in case.
    pub fn resolve_deck(&self, name: &str) -> Result<DeckRef> {
        let decks = self.decks()?;
        if let Some(deck) = decks.iter().find(|d| d.name == name) {
            return Ok(deck.clone());
        }
        let mut same: Vec<DeckRef> = decks
            .iter()
            .filter(|d| same_name(&d.name, name))
            .cloned()
            .collect();
        match same.len() {
            1 => Ok(same.pop().expect("one deck")),
            0 => Err(unknown_deck(name, &decks)),
            _ => Err(Error::AmbiguousDeck {
                name: name.to_string(),
                decks: quoted(same.iter().map(|d| d.name.as_str())),
            }),
        }
    }

    /// Deck `name` and its subdecks (`name::…`), the case of letters
    /// aside: what `--deck` selects. A parent that only exists through
    /// its subdecks selects them.
    pub fn deck_tree(&self, name: &str) -> Result<Vec<DeckRef>> {
        let decks = self.decks()?;
        let tree: Vec<DeckRef> = decks
            .iter()
            .filter(|d| in_tree(&d.name, name))
            .cloned()
            .collect();
        if tree.is_empty() {
            return Err(unknown_deck(name, &decks));
        }
        Ok(tree)
    }

    /// The decks `--deck` selects, or `None` without it (every deck).
    pub fn deck_selection(&self, name: Option<&str>) -> Result<Option<Vec<DeckRef>>> {
        name.map(|n| self.deck_tree(n)).transpose()
    }

    /// The card `query` names (module docs), among the decks of `deck`
    /// when it is given.
    pub fn find_card(&self, query: &str, deck: Option<&str>) -> Result<Card> {
        let scope = self.deck_selection(deck)?;
        let scope_ids = ids_param(scope.as_deref());
        if query.is_empty() {
            return Err(Error::UnknownCard {
                id: String::new(),
                hint: " (give a card id: `rehearse cards` lists them)".into(),
            });
        }
        let mut exact = self.cards_with_id(query, scope_ids.as_deref())?;
        match exact.len() {
            1 => return Ok(exact.pop().expect("one card")),
            0 => {}
            _ => {
                let mut decks = quoted(exact.iter().take(LISTED).map(|c| c.deck.as_str()));
                if exact.len() > LISTED {
                    decks.push_str(&format!(" and {} more", exact.len() - LISTED));
                }
                return Err(Error::AmbiguousCard {
                    id: query.to_string(),
                    decks,
                });
            }
        }
        let splits = self.deck_splits(query, scope.as_deref())?;
        let mut qualified = Vec::new();
        for (decks, id) in &splits {
            qualified.extend(self.cards_with_id(id, ids_param(Some(decks)).as_deref())?);
        }
        if let Some(card) = self.one_of(query, qualified)? {
            return Ok(card);
        }
        let mut candidates = Matches::default();
        candidates.add(self, query, scope_ids.as_deref())?;
        for (decks, prefix) in &splits {
            candidates.add(self, prefix, ids_param(Some(decks)).as_deref())?;
        }
        match candidates.found.len() {
            0 => Err(Error::UnknownCard {
                id: query.to_string(),
                hint: self.card_hint(query, deck, scope_ids.as_deref())?,
            }),
            1 if candidates.count == 1 => self.card_by_row(candidates.found[0].0),
            _ => Err(candidates.ambiguous(query)),
        }
    }

    /// The single card of `cards` (`Some`), none (`None`), or the error
    /// listing them.
    fn one_of(&self, query: &str, mut cards: Vec<Card>) -> Result<Option<Card>> {
        cards.sort_by_key(|c| c.row_id);
        cards.dedup_by_key(|c| c.row_id);
        match cards.len() {
            0 => Ok(None),
            1 => Ok(cards.pop()),
            _ => {
                let mut matches = Matches::default();
                for c in &cards {
                    matches.push((c.row_id, c.deck.clone(), c.id().to_string()));
                }
                matches.count = cards.len();
                Err(matches.ambiguous(query))
            }
        }
    }

    /// The ways `query` reads as `DECK:REST`: for each `:` in it, the decks
    /// (within `scope`) that DECK names, with REST.
    fn deck_splits<'q>(
        &self,
        query: &'q str,
        scope: Option<&[DeckRef]>,
    ) -> Result<Vec<(Vec<DeckRef>, &'q str)>> {
        if !query.contains(':') {
            return Ok(Vec::new());
        }
        let decks = match scope {
            Some(scope) => scope.to_vec(),
            None => self.decks()?,
        };
        let mut splits = Vec::new();
        for (i, _) in query.match_indices(':') {
            let (deck, rest) = (&query[..i], &query[i + 1..]);
            if deck.is_empty() || rest.is_empty() {
                continue;
            }
            let named: Vec<DeckRef> = decks
                .iter()
                .filter(|d| names_deck(&d.name, deck))
                .cloned()
                .collect();
            if !named.is_empty() {
                splits.push((named, rest));
            }
        }
        Ok(splits)
    }

    /// Cards with id exactly `id` in the decks `scope` (JSON ids, `None`:
    /// all).
    fn cards_with_id(&self, id: &str, scope: Option<&str>) -> Result<Vec<Card>> {
        let mut stmt = self
            .conn
            .prepare_cached(include_str!("sql/card_in_decks.sql"))?;
        let cards = stmt
            .query_map(params![id, scope], card_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(cards)
    }

    /// One card by its row id.
    pub fn card_by_row(&self, row_id: i64) -> Result<Card> {
        Ok(self
            .conn
            .prepare_cached(include_str!("sql/card_by_row.sql"))?
            .query_row([row_id], card_from_row)?)
    }

    fn card_hint(&self, id: &str, deck: Option<&str>, scope: Option<&str>) -> Result<String> {
        // Suggest among ids sharing the first character, to stay cheap on big decks.
        let first: String = id.chars().take(1).collect();
        let mut stmt = self
            .conn
            .prepare_cached(include_str!("sql/card_ids_starting_with.sql"))?;
        let keys: Vec<String> = stmt
            .query_map(params![&first, scope], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let in_deck = deck.map(|d| format!(" in deck `{d}`")).unwrap_or_default();
        Ok(
            match crate::error::suggest(id, keys.iter().map(String::as_str)) {
                Some(k) => format!("{in_deck} (did you mean `{k}`?)"),
                None => format!("{in_deck} (`rehearse cards --search TEXT` finds cards)"),
            },
        )
    }
}

/// Whether `given` names deck `name`: its whole name, or its last `::`
/// parts (`Offers` or `jobs::offers` for `Jobs::Offers`), any case.
fn names_deck(name: &str, given: &str) -> bool {
    if same_name(name, given) {
        return true;
    }
    let (name, given) = (name.to_lowercase(), given.to_lowercase());
    name.strip_suffix(&given)
        .is_some_and(|head| head.ends_with(SEPARATOR))
}

/// Cards whose ids start with what was given: the first few, and how many
/// in all.
#[derive(Default)]
struct Matches {
    /// (row id, deck, id) of the first matches, without repeats.
    found: Vec<(i64, String, String)>,
    count: usize,
}

impl Matches {
    fn push(&mut self, m: (i64, String, String)) {
        if !self.found.iter().any(|f| f.0 == m.0) {
            self.found.push(m);
        }
    }

    /// Adds the cards whose ids start with `prefix` in decks `scope`.
    fn add(&mut self, collection: &Collection, prefix: &str, scope: Option<&str>) -> Result<()> {
        let mut stmt = collection
            .conn
            .prepare_cached(include_str!("sql/cards_with_prefix.sql"))?;
        let rows = stmt.query_map(params![prefix, scope, LISTED as i64 + 1], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })?;
        for row in rows {
            self.push(row?);
        }
        // Each card has one deck and one id, so the ways of reading the
        // name (a prefix, or DECK:PREFIX at each `:`) never find one card
        // twice: the counts add up.
        let count: i64 = collection.conn.query_row(
            include_str!("sql/cards_with_prefix_count.sql"),
            params![prefix, scope],
            |r| r.get(0),
        )?;
        self.count += count as usize;
        Ok(())
    }

    fn ambiguous(mut self, query: &str) -> Error {
        self.found.sort_by(|a, b| (&a.1, &a.2).cmp(&(&b.1, &b.2)));
        let shown = self.found.len().min(LISTED);
        let mut listed: String = self.found[..shown]
            .iter()
            .map(|(_, deck, id)| format!("\n  {deck}:{id}"))
            .collect();
        let count = self.count.max(self.found.len());
        if count > shown {
            listed.push_str(&format!("\n  … and {} more", count - shown));
        }
        Error::AmbiguousId {
            query: query.to_string(),
            count,
            listed,
        }
    }
}

/// No deck is called `name`: with the closest name, or the names there are.
fn unknown_deck(name: &str, decks: &[DeckRef]) -> Error {
    let names: Vec<&str> = decks.iter().map(|d| d.name.as_str()).collect();
    let hint = match crate::error::suggest(name, names.iter().copied()) {
        Some(s) => format!(" (did you mean `{s}`?)"),
        None if names.is_empty() => {
            " (the collection has no decks yet: `rehearse import FILE`)".into()
        }
        None => format!(" (decks: {})", names.join(", ")),
    };
    Error::UnknownDeck {
        name: name.to_string(),
        hint,
    }
}

/// `` `a`, `b` ``.
fn quoted<'a>(names: impl Iterator<Item = &'a str>) -> String {
    names
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deck_is_named_by_its_name_or_its_last_parts() {
        assert!(names_deck("Jobs::Offers", "jobs::offers"));
        assert!(names_deck("Jobs::Offers", "Offers"));
        assert!(names_deck("A::B::C", "b::c"));
        assert!(!names_deck("Jobs::Offers", "Jobs"));
        assert!(!names_deck("Jobs::MyOffers", "Offers"));
    }
}

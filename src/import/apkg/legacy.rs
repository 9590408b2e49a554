//! Note types and decks of a schema 11 collection (`collection.anki2` of
//! genanki and older Anki): JSON objects keyed by id in the one `col` row.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension};
use serde_json::{Map, Value};

use super::notes::{Decks, NoteType};
use super::{PackageError, PackageResult};
use crate::import::html;

/// Note types and decks by id.
pub fn note_types_and_decks(db: &Connection) -> PackageResult<(HashMap<i64, NoteType>, Decks)> {
    let row: Option<(String, String)> = db
        .query_row("SELECT models, decks FROM col", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?;
    let Some((models, decks)) = row else {
        return Err(PackageError::NotACollection);
    };
    let mut types = HashMap::new();
    for (id, model) in json_object(&models)? {
        if let Ok(id) = id.parse::<i64>() {
            types.insert(id, note_type(&model));
        }
    }
    let mut deck_names = HashMap::new();
    for (id, deck) in json_object(&decks)? {
        if let Ok(id) = id.parse::<i64>() {
            let description = html::to_text(&str_of(&deck, "desc"));
            deck_names.insert(id, (str_of(&deck, "name"), description));
        }
    }
    Ok((types, deck_names))
}

fn json_object(text: &str) -> PackageResult<Map<String, Value>> {
    match serde_json::from_str(text) {
        Ok(Value::Object(map)) => Ok(map),
        _ => Err(PackageError::BadJson),
    }
}

fn str_of(value: &Value, key: &str) -> String {
    value
        .get(key)
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string()
}

fn note_type(model: &Value) -> NoteType {
    let cloze_kind = model.get("type").and_then(Value::as_i64) == Some(1);
    NoteType::new(
        str_of(model, "name"),
        cloze_kind,
        &in_order(model, "flds", "name"),
        &in_order(model, "tmpls", "qfmt"),
    )
}

/// The `inner` text of each item of the array `key`, by the items' `ord`.
fn in_order(model: &Value, key: &str, inner: &str) -> Vec<String> {
    let mut items: Vec<(i64, String)> = model
        .get(key)
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .enumerate()
                .map(|(i, item)| {
                    let ord = item.get("ord").and_then(Value::as_i64).unwrap_or(i as i64);
                    (ord, str_of(item, inner))
                })
                .collect()
        })
        .unwrap_or_default();
    items.sort_by_key(|(ord, _)| *ord);
    items.into_iter().map(|(_, s)| s).collect()
}

//! The JSON of the `col` row of a schema 11 collection: options (`conf`),
//! note types (`models`), decks and deck options (`dconf`), each an object
//! keyed by id, with the keys Anki's upgrade to its current schema requires.

use serde_json::{Map, Value, json};

use super::Export;
use super::notes::{AnkiDeck, Model, html};

/// Our note types' ids and modification time are fixed, so that a second
/// import finds the note types of the first and leaves them (and any change
/// the user made to them) alone.
pub const BASIC_ID: i64 = 1_700_000_000_101;
pub const REVERSED_ID: i64 = 1_700_000_000_102;
pub const CLOZE_ID: i64 = 1_700_000_000_103;
const MODELS_MOD: i64 = 1_700_000_000;

/// The id of the deck options every deck uses.
const OPTIONS_ID: i64 = 1;

const CSS: &str = ".card {\n    font-family: arial;\n    font-size: 20px;\n    \
line-height: 1.5;\n    text-align: center;\n    color: black;\n    background-color: white;\n}\n";
const CLOZE_CSS: &str = ".cloze {\n    font-weight: bold;\n    color: blue;\n}\n\
.nightMode .cloze {\n    color: lightblue;\n}\n";
const LATEX_PRE: &str = "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\
\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\
\\setlength{\\parindent}{0in}\n\\begin{document}\n";
const LATEX_POST: &str = "\\end{document}";
const ANSWER_RULE: &str = "{{FrontSide}}\n\n<hr id=answer>\n\n";

/// The Anki note type id of `model`.
pub fn model_id(model: Model) -> i64 {
    match model {
        Model::Basic => BASIC_ID,
        Model::Reversed => REVERSED_ID,
        Model::Cloze => CLOZE_ID,
    }
}

/// The collection's options: the v2 scheduler's day rollover at our
/// `day_starts_at`, and a creation offset of 0, so that Anki counts due
/// days from the UTC date of `crt` (see `collection.rs`).
pub fn conf(export: &Export<'_>, next_position: i64) -> String {
    json!({
        "schedVer": 2,
        "sched2021": true,
        "rollover": export.day_starts_at_hour,
        "creationOffset": 0,
        "nextPos": next_position,
        "curDeck": 1,
        "activeDecks": [1],
        "curModel": BASIC_ID,
        "addToCur": true,
        "sortType": "noteFld",
        "sortBackwards": false,
        "newSpread": 0,
        "collapseTime": 1200,
        "timeLim": 0,
        "estTimes": true,
        "dueCounts": true,
        "dayLearnFirst": false
    })
    .to_string()
}

/// The three note types, keyed by id.
pub fn models() -> String {
    let front_back = || vec![field("Front", 0), field("Back", 1)];
    let card1 = || {
        template(
            "Card 1",
            0,
            "{{Front}}",
            &format!("{ANSWER_RULE}{{{{Back}}}}"),
        )
    };
    let card2 = template(
        "Card 2",
        1,
        "{{Back}}",
        &format!("{ANSWER_RULE}{{{{Front}}}}"),
    );
    let cloze = template(
        "Cloze",
        0,
        "{{cloze:Text}}",
        "{{cloze:Text}}<br>\n{{Back Extra}}",
    );
    let any = |ord: u16| json!([ord, "any", [ord]]);
    let types = [
        model(
            BASIC_ID,
            "Basic",
            0,
            front_back(),
            vec![card1()],
            vec![any(0)],
        ),
        model(
            REVERSED_ID,
            "Basic (and reversed card)",
            0,
            front_back(),
            vec![card1(), card2],
            vec![any(0), any(1)],
        ),
        model(
            CLOZE_ID,
            "Cloze",
            1,
            vec![field("Text", 0), field("Back Extra", 1)],
            vec![cloze],
            vec![any(0)],
        ),
    ];
    keyed(types)
}

fn model(
    id: i64,
    name: &str,
    kind: u8,
    fields: Vec<Value>,
    templates: Vec<Value>,
    req: Vec<Value>,
) -> Value {
    let css = if kind == 1 {
        format!("{CSS}{CLOZE_CSS}")
    } else {
        CSS.to_string()
    };
    json!({
        "id": id,
        "name": name,
        "type": kind,
        "mod": MODELS_MOD,
        "usn": 0,
        "sortf": 0,
        "did": null,
        "tmpls": templates,
        "flds": fields,
        "css": css,
        "latexPre": LATEX_PRE,
        "latexPost": LATEX_POST,
        "latexsvg": false,
        "req": req,
        // Read by older clients (AnkiDroid before its Rust backend).
        "tags": [],
        "vers": []
    })
}

fn field(name: &str, ord: u16) -> Value {
    json!({
        "name": name,
        "ord": ord,
        "sticky": false,
        "rtl": false,
        "font": "Arial",
        "size": 20,
        "description": "",
        "plainText": false,
        "collapsed": false,
        "excludeFromSearch": false
    })
}

fn template(name: &str, ord: u16, question: &str, answer: &str) -> Value {
    json!({
        "name": name,
        "ord": ord,
        "qfmt": question,
        "afmt": answer,
        "bqfmt": "",
        "bafmt": "",
        "did": null,
        "bfont": "",
        "bsize": 0
    })
}

/// The decks, keyed by id, all with options [`OPTIONS_ID`].
pub fn decks(decks: &[AnkiDeck], now_secs: i64) -> String {
    keyed(decks.iter().map(|deck| {
        json!({
            "id": deck.id,
            "mod": now_secs,
            "name": deck.name,
            "usn": -1,
            "lrnToday": [0, 0],
            "revToday": [0, 0],
            "newToday": [0, 0],
            "timeToday": [0, 0],
            "collapsed": false,
            "browserCollapsed": false,
            "desc": html(&deck.description),
            "dyn": 0,
            "conf": OPTIONS_ID,
            "extendNew": 0,
            "extendRev": 0
        })
    }))
}

/// The deck options: Anki's defaults with our daily limits. Its
/// modification time is 0, so an import never replaces options the user
/// already has under this id.
pub fn deck_options(export: &Export<'_>) -> String {
    keyed([json!({
        "id": OPTIONS_ID,
        "mod": 0,
        "name": "Default",
        "usn": 0,
        "maxTaken": 60,
        "autoplay": true,
        "timer": 0,
        "replayq": true,
        "new": {
            "bury": false,
            "delays": [1.0, 10.0],
            "initialFactor": 2500,
            "ints": [1, 4, 0],
            "order": 1,
            "perDay": export.new_per_day
        },
        "rev": {
            "bury": false,
            "ease4": 1.3,
            "ivlFct": 1.0,
            "maxIvl": 36500,
            "perDay": export.reviews_per_day,
            "hardFactor": 1.2
        },
        "lapse": {
            "delays": [10.0],
            "leechAction": 1,
            "leechFails": 8,
            "minInt": 1,
            "mult": 0.0
        },
        "dyn": false
    })])
}

/// `{"<id>": value, …}` of values with an `id`.
fn keyed(values: impl IntoIterator<Item = Value>) -> String {
    let map: Map<String, Value> = values
        .into_iter()
        .map(|v| (v["id"].to_string(), v))
        .collect();
    Value::Object(map).to_string()
}

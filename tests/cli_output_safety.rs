//! Terminal escape injection (issue 14, finding 4): control characters in
//! card text, deck names, tags, ids and file names — from TOML escapes, raw
//! CSV bytes and an Anki package field — are shown visibly (`^[`,
//! `\u{202e}`) by every command that prints them, and never reach stdout or
//! stderr as controls. `--json` writes them as JSON escapes, which parse
//! back to the exact text; exported files keep the exact text.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use common::tmux::{Tmux, line_written_to};
use common::{Cmd, Env};
use serde_json::Value;

const DAY1: &str = "2026-11-25T09:00:00Z";
const DAY2: &str = "2026-11-26T09:00:00Z";

/// What a hostile card hides in its text: clear the screen, retitle the
/// window, write the clipboard (OSC 52), ask the terminal to type a reply
/// (`ESC [6n`), ring the bell, backspaces and a carriage return that
/// overwrite what was shown, a C1 CSI, a right-to-left override, an isolate
/// and DEL.
const HOSTILE: &str = "\x1b[2J\x1b]0;owned\x07\x1b]52;c;cm0gLXJmIH4K\x07\x1b[6n ok\x08\x08\rno \u{9b}31m \u{202e}gpj.exe\u{2066}\x7f";
/// The same in a few characters, for names, ids and tags.
const MARK: &str = "\x1b]0;owned\x07\u{202e}\u{9b}";
/// How `MARK` looks once shown safely.
const MARK_SHOWN: &str = "^[]0;owned^G\\u{202e}\\u{9b}";

/// The bidi controls that reorder text: marks, embeddings, overrides and
/// isolates.
fn is_bidi(c: char) -> bool {
    matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Fails when `bytes` could drive a terminal: any control character but
/// newline and tab (ESC, BEL, BS, CR, DEL, C1) or a bidi control.
fn assert_inert(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    if let Some(c) = text
        .chars()
        .find(|&c| (c.is_control() && c != '\n' && c != '\t') || is_bidi(c))
    {
        panic!("`{what}`: {c:?} reached the terminal:\n{text}");
    }
}

/// Checks that nothing a run printed can drive a terminal; returns it.
fn inert(what: &str, out: Output) -> Output {
    assert_inert(&format!("{what} (stdout)"), &out.stdout);
    assert_inert(&format!("{what} (stderr)"), &out.stderr);
    out
}

/// Runs `cmd`; see [`inert`].
fn shown(what: &str, cmd: Cmd) -> Output {
    inert(what, cmd.output())
}

/// [`shown`] for a command that must succeed: its stdout.
fn shown_ok(what: &str, cmd: Cmd) -> String {
    let out = shown(what, cmd);
    assert!(
        out.status.success(),
        "`{what}` failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// [`shown_ok`] for a command that prints hostile text: it shows it
/// visibly, so the test cannot pass by printing nothing.
fn shows_marks(what: &str, cmd: Cmd) -> String {
    let stdout = shown_ok(what, cmd);
    assert!(stdout.contains("^[]0;owned^G"), "`{what}`:\n{stdout}");
    stdout
}

/// A TOML basic string with every control and bidi character written as a
/// `\uXXXX` escape, the way a hostile deck file can hold them.
fn toml_escaped(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' => out.extend(['\\', c]),
            c if c.is_control() || is_bidi(c) => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// One source of hostile text, imported: its deck and one card's id.
struct Source {
    deck: String,
    card: String,
}

/// A TOML deck whose name, ids, texts and tags hold escapes, in a file whose
/// name holds them too. Card `t2` is left out of the second version.
fn toml_deck(env: &Env, with_t2: bool) -> (PathBuf, Source) {
    let deck = format!("toml {MARK}");
    let mut text = format!("name = {}\n", toml_escaped(&deck));
    let mut card = |id: &str| {
        text.push_str(&format!(
            "\n[[cards]]\nid = {}\nfront = {}\nback = {}\ntags = [{}]\n",
            toml_escaped(id),
            toml_escaped(&format!("front {HOSTILE}")),
            toml_escaped(&format!("back {HOSTILE}")),
            toml_escaped(&format!("tag{MARK}"))
        ));
    };
    let id = format!("t1{MARK}");
    card(&id);
    if with_t2 {
        card(&format!("t2{MARK}"));
    }
    text.push_str(&format!(
        "\n[[cards]]\nid = {}\ncloze = {}\nextra = {}\n",
        toml_escaped(&format!("z{MARK}")),
        toml_escaped(&format!("cloze {HOSTILE} {{{{c1::hidden {HOSTILE}}}}}")),
        toml_escaped(&format!("extra {HOSTILE}"))
    ));
    let path = env.write(&format!("deck {MARK}.toml"), text);
    (path, Source { deck, card: id })
}

/// A CSV file with the raw bytes in its `#deck:` line, ids, texts and tags.
fn csv_deck(env: &Env) -> (PathBuf, Source) {
    let deck = format!("csv {MARK}");
    let id = format!("c1{MARK}");
    let field = |text: String| format!("\"{text}\"");
    let text = format!(
        "#separator:comma\n#html:false\n#deck:{deck}\n#columns:Id,Front,Back,Tags\n{},{},{},{}\n",
        field(id.clone()),
        field(format!("front {HOSTILE}")),
        field(format!("back {HOSTILE}")),
        field(format!("tag{MARK}"))
    );
    (env.write("raw.csv", text), Source { deck, card: id })
}

/// An Anki package (the legacy fixture) whose first note's fields, tags and
/// deck name were edited to hold the controls.
fn anki_deck(env: &Env) -> (PathBuf, Source) {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/anki/legacy.apkg");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(fixture).unwrap()).unwrap();
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut zip.by_name("collection.anki2").unwrap(), &mut bytes).unwrap();
    let db = env.write("collection.anki2", bytes);
    let deck = format!("anki {MARK}");
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute(
        "UPDATE notes SET flds = ?1, tags = ?2 WHERE guid = 'legacyBasic1'",
        (
            format!("front {HOSTILE}\x1fback {HOSTILE}"),
            format!(" tag{MARK} "),
        ),
    )
    .unwrap();
    conn.execute(
        "UPDATE col SET decks = json_set(decks, '$.2059400110.name', ?1)",
        [&deck],
    )
    .unwrap();
    drop(conn);
    let path = env.path("hostile.apkg");
    let mut out = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    out.start_file("collection.anki2", zip::write::SimpleFileOptions::default())
        .unwrap();
    std::io::Write::write_all(&mut out, &std::fs::read(&db).unwrap()).unwrap();
    out.finish().unwrap();
    let card = "legacyBasic1".to_string();
    (path, Source { deck, card })
}

/// Imports the three hostile sources, checking each import summary.
fn hostile_collection(env: &Env) -> Vec<Source> {
    env.no_fuzz();
    let mut sources = Vec::new();
    for (path, source) in [toml_deck(env, true), csv_deck(env), anki_deck(env)] {
        let summary = shown_ok("import", env.at(DAY1, &["import", path.to_str().unwrap()]));
        assert!(summary.contains(MARK_SHOWN), "{summary}");
        sources.push(source);
    }
    sources
}

#[test]
fn every_command_shows_control_characters_from_decks_visibly() {
    let env = Env::new();
    let sources = hostile_collection(&env);
    let toml = &sources[0];

    // The import notice names the cards no longer in the file.
    let (path, _) = toml_deck(&env, false);
    let out = shown("import", env.at(DAY1, &["import", path.to_str().unwrap()]));
    let notice = String::from_utf8(out.stderr).unwrap();
    assert!(notice.contains(&format!("t2{MARK_SHOWN}")), "{notice}");
    // A file that is not a deck, named with escapes: the error names it.
    let bad = env.write(&format!("bad {MARK}.toml"), "[[cards]\n");
    let out = shown("import", env.at(DAY1, &["import", bad.to_str().unwrap()]));
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("bad {MARK_SHOWN}.toml")));

    for source in &sources {
        let text = shown_ok(
            "card",
            env.at(DAY1, &["card", &source.card, "--deck", &source.deck]),
        );
        assert!(text.contains("\\u{202e}gpj.exe\\u{2066}^?"), "{text}");
        shown_ok(
            "grade",
            env.at(
                DAY1,
                &["grade", &source.card, "good", "--deck", &source.deck],
            ),
        );
        shows_marks("undo", env.at(DAY1, &["undo"]));
    }
    // One answer stays, so that `cards --due` lists a card tomorrow.
    shown_ok(
        "grade",
        env.at(DAY1, &["grade", &toml.card, "good", "--deck", &toml.deck]),
    );
    shows_marks("cards --due", env.at(DAY2, &["cards", "--due"]));
    shown("check", env.at(DAY1, &["check"]));
    for args in [
        vec!["cards"],
        vec!["cards", "--deck", &toml.deck],
        vec!["cards", "--tag", &format!("tag{MARK}")],
        vec!["decks"],
        vec!["stats"],
        vec!["stats", "--deck", &toml.deck],
    ] {
        shows_marks(&args.join(" "), env.at(DAY1, &args));
    }
    shows_marks(
        "interview",
        env.at(DAY1, &["interview", "2026-12-20", "--deck", &toml.deck]),
    );
    shows_marks("interview", env.at(DAY1, &["interview"]));

    // Error messages echo ids and deck names.
    for args in [
        vec!["card", MARK],
        vec!["grade", MARK, "good"],
        vec!["cards", "--deck", MARK],
        vec!["review", "--deck", MARK],
    ] {
        let out = shown(&args.join(" "), env.at(DAY1, &args));
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains(MARK_SHOWN));
    }
    // Exporting a folder reports each file written.
    let folder = env.path("exported");
    shown(
        "export -o",
        env.at(DAY1, &["export", "-o", folder.to_str().unwrap()]),
    );

    // The piped session: cards, a line typed with escapes (echoed in the
    // complaint), an undo naming the card, the summary.
    let input = format!("good\n{MARK}\nu\ngood\ngood\ngood\ngood\ngood\ngood\ngood\ngood\n");
    let out = inert("review", env.at(DAY2, &["review"]).session(&input));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{stderr}");
    assert!(
        stdout.contains("front: front ^[[2J^[]0;owned^G"),
        "{stdout}"
    );
    assert!(stdout.contains("session over"), "{stdout}");
    assert!(
        stderr.contains(&format!("`{MARK_SHOWN}` is not an answer")),
        "{stderr}"
    );
}

#[test]
fn html_entity_beside_an_escape_and_an_accent_prints_nothing_raw() {
    // The HTML-to-text fast path once panicked here, and the panic message
    // quoted the field, escape included: whatever happens, it is shown
    // safely.
    let env = Env::new();
    let path = env.write(
        "entity.csv",
        "#html:true\n\"x &mdash;\x1b[2J\u{e9}\",back \x1b]0;owned\x07\n",
    );
    for backtrace in ["0", "1"] {
        let cmd = env.run(&["import", path.to_str().unwrap()]);
        shown("import", cmd.env("RUST_BACKTRACE", backtrace));
    }
}

/// `rehearse --json ARGS`, parsed: JSON escapes every control character, so
/// even this output sends the terminal none, and parses to the exact text.
fn json_of(env: &Env, args: &[&str]) -> Value {
    let mut all = vec!["--json"];
    all.extend(args);
    let stdout = shown_ok(&all.join(" "), env.run(&all));
    serde_json::from_str(&stdout).expect("JSON")
}

/// The cards of `deck` as `cards --json` gives them, reduced to their text.
fn texts(env: &Env, deck: &str) -> Vec<Value> {
    let cards = json_of(env, &["cards", "--deck", deck]);
    let mut texts: Vec<Value> = cards
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            serde_json::json!([
                c["deck"], c["id"], c["front"], c["back"], c["extra"], c["tags"]
            ])
        })
        .collect();
    texts.sort_by_key(|t| t.to_string());
    texts
}

#[test]
fn json_and_exported_files_keep_the_exact_text() {
    let env = Env::new();
    let sources = hostile_collection(&env);
    for source in &sources {
        let card = json_of(&env, &["card", &source.card, "--deck", &source.deck]);
        assert_eq!(card["deck"], source.deck.as_str());
        assert_eq!(card["id"], source.card.as_str());
        assert!(
            card["front"]
                .as_str()
                .unwrap()
                .starts_with(&format!("front {}", &HOSTILE[..20]))
        );
        assert_eq!(card["tags"][0], format!("tag{MARK}").as_str());
    }
    let toml = &sources[0];
    let card = json_of(&env, &["card", &toml.card, "--deck", &toml.deck]);
    assert_eq!(card["front"], format!("front {HOSTILE}").as_str());
    assert_eq!(card["back"], format!("back {HOSTILE}").as_str());
    let cloze = json_of(
        &env,
        &["card", &format!("z{MARK}#c1"), "--deck", &toml.deck],
    );
    assert_eq!(cloze["extra"], format!("extra {HOSTILE}").as_str());
    let back = cloze["back"].as_str().unwrap();
    assert_eq!(back, format!("cloze {HOSTILE} hidden {HOSTILE}"));
    let decks = json_of(&env, &["decks"]);
    let backup = json_of(&env, &["export", "--format", "json"]);
    let fronts: Vec<&Value> = backup["decks"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["cards"].as_array().unwrap())
        .map(|c| &c["front"])
        .collect();
    assert!(fronts.contains(&&Value::from(format!("front {HOSTILE}"))));
    assert!(
        decks
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["name"] == sources[1].deck.as_str())
    );

    // A deck exported to a pipe imports back exactly, in either format: no
    // control character was changed on the way out.
    for format in ["toml", "csv"] {
        for source in &sources {
            let out = env
                .run(&["export", "--format", format, "--deck", &source.deck])
                .output();
            assert!(out.status.success());
            let other = Env::new();
            let path = other.write(&format!("back.{format}"), &out.stdout);
            let mut import = vec!["import", path.to_str().unwrap()];
            if format == "csv" {
                // The CSV writer puts spaces for the controls of a deck
                // name in its `#deck:` line: the name is given again.
                import.extend(["--deck", &source.deck]);
            }
            other.run(&import).ok();
            assert_eq!(
                texts(&other, &source.deck),
                texts(&env, &source.deck),
                "{format}"
            );
        }
    }
}

/// `script -qec COMMAND LOG` with no terminal around it: the bytes COMMAND
/// wrote to the pseudo-terminal `script` gave it.
fn on_a_terminal(env: &Env, command: &str) -> Vec<u8> {
    let log = env.path("typescript");
    let status = Command::new("script")
        .args(["-qec", command])
        .arg(&log)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .status()
        .expect("this test needs script(1) from util-linux");
    assert!(status.success(), "{command}");
    std::fs::read(&log).unwrap()
}

/// The command line that runs rehearse on `env`'s collection at `now`.
fn rehearse_line(env: &Env, now: &str, args: &str) -> String {
    format!(
        "env TZ=UTC NO_COLOR=1 {} --db {} --now {now} {args}",
        common::BIN,
        env.db.display()
    )
}

/// A collection holding the hostile TOML deck alone.
fn only_the_toml_deck() -> Env {
    let env = Env::new();
    let (path, _) = toml_deck(&env, false);
    env.at(DAY1, &["import", path.to_str().unwrap()]).ok();
    env
}

#[test]
#[ignore = "needs script(1)"]
fn export_on_a_terminal_shows_control_characters_visibly() {
    let env = only_the_toml_deck();
    for format in ["toml", "csv"] {
        let raw = on_a_terminal(
            &env,
            &rehearse_line(&env, DAY1, &format!("export --format {format}")),
        );
        let text = String::from_utf8_lossy(&raw);
        assert!(!raw.contains(&0x1b) && !raw.contains(&0x07), "{text}");
        assert!(
            !text.contains('\u{202e}') && !text.contains('\u{9b}'),
            "{text}"
        );
        // TOML escapes C0 controls itself; the right-to-left override it
        // leaves is shown by rehearse.
        assert!(text.contains("\\u{202e}gpj.exe"), "{text}");
    }
}

#[test]
#[ignore = "needs tmux and script(1)"]
fn terminal_ui_shows_control_characters_from_decks_visibly() {
    let env = only_the_toml_deck();
    let raw = env.path("typescript");
    let done = env.path("done");
    // `script` records every byte the session sends to the terminal.
    let script = format!(
        "script -qfec '{}' {}; echo $? > {}; sleep 5",
        rehearse_line(&env, DAY1, "review"),
        raw.display(),
        done.display()
    );
    let tmux = Tmux::start("safety", &script);
    let screen = tmux.wait_for("front ^[[2J^[]0;owned^G");
    assert!(screen.contains("toml ^[]0;owned^G"), "{screen}");
    tmux.keys("Space");
    let screen = tmux.wait_for("back ^[[2J");
    assert!(screen.contains("\\u{202e}gpj.exe"), "{screen}");
    let title = tmux.title();
    tmux.keys("3");
    tmux.wait_for("card 2 of 2");
    tmux.keys("q");
    tmux.wait_for("session over");
    let code = line_written_to(&done);
    drop(tmux);
    assert_eq!(code.trim(), "0");
    assert_ne!(title, "owned", "the card retitled the window");
    let raw = std::fs::read(&raw).unwrap();
    let text = String::from_utf8_lossy(&raw);
    // The UI draws with CSI sequences of its own; none of the card's
    // controls may pass: no OSC, no BEL or BS, no `ESC [6n`, no C1, no bidi.
    for (what, needle) in [
        ("OSC", "\x1b]"),
        ("BEL", "\x07"),
        ("BS", "\x08"),
        ("a device status query", "\x1b[6n"),
        ("a C1 control", "\u{9b}"),
        ("a right-to-left override", "\u{202e}"),
        ("an isolate", "\u{2066}"),
    ] {
        assert!(
            !text.contains(needle),
            "{what} reached the terminal:\n{text:?}"
        );
    }
}

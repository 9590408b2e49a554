//! A small builder for integration tests, in the manner of `just`'s
//! `tests/test.rs`: every test gets its own temp folder and collection
//! (`--db`), an explicit time zone, and helpers to write deck files, run the
//! real binary and parse its JSON. Nothing here reads the user's data folder
//! or the environment of the machine running the tests.
#![allow(dead_code)]

pub mod tmux;

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;
use tempfile::TempDir;

pub const BIN: &str = env!("CARGO_BIN_EXE_rehearse");

/// One test's world: a temp folder holding the collection and deck files.
pub struct Env {
    dir: TempDir,
    pub db: PathBuf,
    pub tz: String,
}

impl Env {
    /// A fresh folder, collection `rehearse.db` inside it, `TZ=UTC`.
    pub fn new() -> Env {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("rehearse.db");
        Env {
            dir,
            db,
            tz: "UTC".into(),
        }
    }

    pub fn tz(mut self, tz: &str) -> Env {
        self.tz = tz.into();
        self
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes `content` to `name` in the temp folder (parents created).
    pub fn write(&self, name: &str, content: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create parent");
        }
        std::fs::write(&path, content).expect("write file");
        path
    }

    /// Writes a TOML deck `file` named `deck` with basic cards `(id, front, back)`.
    pub fn deck<S: AsRef<str>>(&self, file: &str, deck: &str, cards: &[(S, S, S)]) -> PathBuf {
        self.write(file, deck_toml(deck, cards))
    }

    /// A command on this test's collection; `--db` and `TZ` are set, the
    /// variables that could leak in from outside are cleared.
    pub fn cmd(&self) -> Cmd {
        let mut command = std::process::Command::new(BIN);
        command
            .current_dir(self.dir.path())
            .env_remove("REHEARSE_DB")
            .env_remove("REHEARSE_NOW")
            .env("HOME", self.dir.path())
            .env("XDG_DATA_HOME", self.dir.path().join("xdg"))
            .env("NO_COLOR", "1")
            .env("TZ", &self.tz);
        Cmd {
            command,
            db: Some(self.db.clone()),
            now: None,
            json: false,
            args: Vec::new(),
        }
    }

    /// `rehearse ARGS` (no --now).
    pub fn run(&self, args: &[&str]) -> Cmd {
        self.cmd().args(args)
    }

    /// `rehearse --now NOW ARGS`.
    pub fn at(&self, now: &str, args: &[&str]) -> Cmd {
        self.cmd().now(now).args(args)
    }

    /// The whole collection as `export --format json` (a full backup).
    pub fn backup(&self) -> Value {
        self.run(&["export", "--format", "json"]).json()
    }

    /// `card ID --json`.
    pub fn card(&self, id: &str) -> Value {
        self.run(&["card", id]).json()
    }

    /// Starts an empty collection: commands that only read never create
    /// one (docs/collection.md). Setting a value is a write that does.
    pub fn start(&self) {
        self.run(&["config", "fuzz", "true"]).ok();
    }

    /// Turns fuzz off so due days are exact.
    pub fn no_fuzz(&self) {
        self.run(&["config", "fuzz", "false"]).ok();
    }
}

/// One run of the binary, built up then executed by `ok`, `json` or `fails`.
pub struct Cmd {
    command: std::process::Command,
    db: Option<PathBuf>,
    now: Option<String>,
    json: bool,
    args: Vec<String>,
}

impl Cmd {
    pub fn args(mut self, args: &[&str]) -> Cmd {
        self.args.extend(args.iter().map(|a| a.to_string()));
        self
    }

    pub fn now(mut self, now: &str) -> Cmd {
        self.now = Some(now.into());
        self
    }

    /// Runs without `--db` (for `REHEARSE_DB` and the default path).
    pub fn no_db(mut self) -> Cmd {
        self.db = None;
        self
    }

    /// Runs on another collection file.
    pub fn db(mut self, db: &Path) -> Cmd {
        self.db = Some(db.to_path_buf());
        self
    }

    pub fn env(mut self, key: &str, value: impl AsRef<std::ffi::OsStr>) -> Cmd {
        self.command.env(key, value);
        self
    }

    /// The command line as built: the binary with `--db`, `--now`,
    /// `--json` and the arguments (for tests that spawn it themselves).
    pub fn command(mut self) -> std::process::Command {
        if let Some(db) = &self.db {
            self.command.arg("--db").arg(db);
        }
        if let Some(now) = &self.now {
            self.command.arg("--now").arg(now);
        }
        if self.json {
            self.command.arg("--json");
        }
        self.command.args(&self.args);
        self.command
    }

    pub fn output(self) -> Output {
        self.command().output().expect("run rehearse")
    }

    /// Runs with `input` on stdin (a review session), whatever the outcome.
    pub fn session(self, input: &str) -> Output {
        use std::io::Write;
        use std::process::Stdio;
        let mut child = self
            .command()
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run rehearse");
        // A session may end before reading everything: ignore a closed pipe.
        let _ = child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input.as_bytes());
        child.wait_with_output().expect("wait for rehearse")
    }

    /// Starts a review session to talk to line by line: its stdin, and its
    /// stdout to read lines from (stderr is dropped). Kill or wait for the
    /// child when done.
    pub fn live_session(
        self,
    ) -> (
        std::process::Child,
        std::process::ChildStdin,
        std::io::BufReader<std::process::ChildStdout>,
    ) {
        use std::process::Stdio;
        let mut child = self
            .command()
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("run rehearse");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = std::io::BufReader::new(child.stdout.take().expect("stdout"));
        (child, stdin, stdout)
    }

    /// Runs with `input` on stdin (a review session), expects exit 0 and
    /// returns stdout.
    pub fn output_with_stdin(self, input: &str) -> String {
        let out = self.session(input);
        assert!(
            out.status.success(),
            "session failed ({:?}): {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("stdout is UTF-8")
    }

    /// Runs, expects exit 0 and returns stdout.
    pub fn ok(self) -> String {
        let shown = self.shown();
        let out = self.output();
        assert!(
            out.status.success(),
            "`{shown}` failed ({:?}):\nstdout: {}\nstderr: {}",
            out.status.code(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("stdout is UTF-8")
    }

    /// Runs with `--json`, expects exit 0 and parses stdout.
    pub fn json(mut self) -> Value {
        self.json = true;
        let shown = self.shown();
        let stdout = self.ok();
        serde_json::from_str(&stdout)
            .unwrap_or_else(|e| panic!("`{shown}` printed invalid JSON ({e}):\n{stdout}"))
    }

    /// Runs, expects exit `code` and returns stderr.
    pub fn fails(self, code: i32) -> String {
        let shown = self.shown();
        let out = self.output();
        assert_eq!(
            out.status.code(),
            Some(code),
            "`{shown}` should exit {code}:\nstdout: {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stderr).expect("stderr is UTF-8")
    }

    fn shown(&self) -> String {
        let mut parts = vec!["rehearse".to_string()];
        if let Some(now) = &self.now {
            parts.push(format!("--now {now}"));
        }
        parts.extend(self.args.iter().cloned());
        parts.join(" ")
    }
}

/// The ids of a `cards --json` array, in order.
pub fn ids(cards: &Value) -> Vec<String> {
    cards
        .as_array()
        .expect("a JSON array")
        .iter()
        .map(|c| c["id"].as_str().expect("an id").to_string())
        .collect()
}

/// `n` basic cards `q1..qn`, "Question i?" / "Answer i.", for `Env::deck`.
pub fn numbered_cards(n: usize) -> Vec<(String, String, String)> {
    (1..=n)
        .map(|i| {
            (
                format!("q{i}"),
                format!("Question {i}?"),
                format!("Answer {i}."),
            )
        })
        .collect()
}

/// The text of a TOML deck with basic cards `(id, front, back)`.
pub fn deck_toml<S: AsRef<str>>(deck: &str, cards: &[(S, S, S)]) -> String {
    let mut text = format!("name = {}\n", quote(deck));
    for (id, front, back) in cards {
        text.push_str(&format!(
            "\n[[cards]]\nid = {}\nfront = {}\nback = {}\n",
            quote(id.as_ref()),
            quote(front.as_ref()),
            quote(back.as_ref())
        ));
    }
    text
}

/// A TOML basic string.
pub fn quote(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Asserts stderr is exactly one line starting with `error:` and holding
/// every one of `parts`.
pub fn assert_one_error(stderr: &str, parts: &[&str]) {
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "expected one error line, got:\n{stderr}");
    assert!(
        lines[0].starts_with("error: "),
        "not an error line: {stderr}"
    );
    for part in parts {
        assert!(lines[0].contains(part), "`{part}` missing from: {stderr}");
    }
}

/// The review log entries of a backup.
pub fn reviews(backup: &Value) -> &Vec<Value> {
    backup["reviews"].as_array().expect("reviews array")
}

/// A card of a backup, by deck and id.
pub fn backup_card<'a>(backup: &'a Value, deck: &str, id: &str) -> Option<&'a Value> {
    backup["decks"]
        .as_array()?
        .iter()
        .find(|d| d["name"] == deck)?["cards"]
        .as_array()?
        .iter()
        .find(|c| c["id"] == id)
}

/// docs/scheduling.md, written out again independently of `src/scheduler`: the state
/// after an answer of quality `q`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sm2 {
    pub n: u64,
    pub ef: f64,
    pub interval: i64,
}

impl Default for Sm2 {
    fn default() -> Self {
        Sm2 {
            n: 0,
            ef: 2.5,
            interval: 0,
        }
    }
}

impl Sm2 {
    pub fn next(self, q: u8) -> Sm2 {
        let (n, interval) = if q >= 3 {
            let i = match self.n {
                0 => 1,
                1 => 6,
                _ => (self.interval as f64 * self.ef).round() as i64,
            };
            (self.n + 1, i)
        } else {
            (0, 1)
        };
        let d = 5.0 - q as f64;
        let ef = (self.ef + (0.1 - d * (0.08 + d * 0.02))).max(1.3);
        Sm2 { n, ef, interval }
    }
}

/// `x` as it reads back after being printed as JSON. serde_json without its
/// `float_roundtrip` feature may parse a printed double 1 ULP off (the binary
/// prints `1.4000000000000001`, the parser reads `1.4`), so an exact
/// expected EF is compared after the same print-and-parse trip. Printing is
/// shortest-exact, so equal text means equal doubles.
pub fn printed(x: f64) -> Value {
    serde_json::from_str(&serde_json::to_string(&x).expect("finite")).expect("a number")
}

/// A day `YYYY-MM-DD` plus `days`.
pub fn add_days(day: &str, days: i64) -> String {
    let d = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").expect("a day");
    (d + chrono::Duration::days(days)).to_string()
}

/// A tiny deterministic generator (xorshift64*), so "random" sequences are
/// the same on every run.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) % n
    }
}

/// Writes a zip at `path` of `(name, bytes, deflated?)` entries.
pub fn write_zip(path: &Path, entries: &[(&str, &[u8], bool)]) {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).expect("create zip"));
    for (entry, bytes, deflated) in entries {
        let method = if *deflated {
            zip::CompressionMethod::Deflated
        } else {
            zip::CompressionMethod::Stored
        };
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(method)
            .large_file(false);
        zip.start_file(*entry, options).expect("zip entry");
        zip.write_all(bytes).expect("zip write");
    }
    zip.finish().expect("zip finish");
}

/// The path of a file under `tests/fixtures/`.
pub fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The unpacked `entry` of the fixture package `tests/fixtures/anki/PACKAGE`.
pub fn package_entry(package: &str, entry: &str) -> Vec<u8> {
    let file = std::fs::File::open(fixture_path(&format!("anki/{package}"))).expect("fixture");
    let mut zip = zip::ZipArchive::new(file).expect("fixture zip");
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut zip.by_name(entry).expect("entry"), &mut bytes)
        .expect("read entry");
    bytes
}

/// Writes the Anki package `path` (as `collection.anki2`) of the SQLite
/// file `start` (empty: a new database) after `sql` ran on it.
pub fn write_package(path: &Path, start: &[u8], sql: &str) -> PathBuf {
    let db = path.with_extension("sqlite");
    std::fs::write(&db, start).expect("write collection");
    rusqlite::Connection::open(&db)
        .expect("open collection")
        .execute_batch(sql)
        .expect("run the SQL");
    let bytes = std::fs::read(&db).expect("read collection");
    std::fs::remove_file(&db).expect("remove collection");
    write_zip(path, &[("collection.anki2", &bytes, true)]);
    path.to_path_buf()
}

impl Env {
    /// An Anki package `name` in the temp folder: the legacy fixture's
    /// collection after `sql` ran on it.
    pub fn anki_package(&self, name: &str, sql: &str) -> PathBuf {
        let start = package_entry("legacy.apkg", "collection.anki2");
        write_package(&self.path(name), &start, sql)
    }
}

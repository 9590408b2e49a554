//! `rehearse sync DIR` and `sync --git DIR` (docs/sync.md): collections on
//! several "machines" (several collection files) kept in step through one
//! folder or a bare git repository, with the failures file-sync tools and
//! git produce.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::Env;
use rand::{Rng, RngExt, SeedableRng};
use serde_json::Value;

/// One collection of the test, named as a device.
struct Machine<'e> {
    env: &'e Env,
    db: PathBuf,
}

impl<'e> Machine<'e> {
    fn new(env: &'e Env, name: &str) -> Machine<'e> {
        Machine::with_file(env, &format!("{name}.db"), name)
    }

    fn with_file(env: &'e Env, file: &str, name: &str) -> Machine<'e> {
        let m = Machine {
            env,
            db: env.path(file),
        };
        m.run(&["config", "device", name]).ok();
        m
    }

    fn run(&self, args: &[&str]) -> common::Cmd {
        self.env.run(args).db(&self.db)
    }

    fn at(&self, now: &str, args: &[&str]) -> common::Cmd {
        self.env.at(now, args).db(&self.db)
    }

    fn sync(&self, dir: &Path) -> String {
        self.run(&["sync", dir.to_str().unwrap()]).ok()
    }

    fn backup(&self) -> Value {
        self.run(&["export", "--format", "json"]).json()
    }

    fn check(&self) {
        let report = self.run(&["check"]).json();
        assert_eq!(report["problems"], Value::Array(vec![]), "{report}");
    }
}

fn folder(env: &Env) -> PathBuf {
    let dir = env.path("sync");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn two_machines_answering_one_card_keep_both_answers_in_time_order() {
    let env = Env::new();
    let dir = folder(&env);
    let deck = env.deck("go.toml", "Go", &[("chan", "What is a channel?", "A pipe")]);
    let laptop = Machine::new(&env, "laptop");
    let desktop = Machine::new(&env, "desktop");
    laptop.run(&["import", deck.to_str().unwrap()]).ok();
    laptop.sync(&dir);
    let got = desktop.sync(&dir);
    assert!(
        got.contains("received 1 card edit and 1 other change from laptop"),
        "{got}"
    );
    // Between syncs, both answer the same card: the desktop first.
    desktop
        .at("2026-03-01T09:00", &["grade", "chan", "good"])
        .ok();
    laptop
        .at("2026-03-01T10:00", &["grade", "chan", "again"])
        .ok();
    let got = laptop.sync(&dir);
    assert!(got.contains("sent 1 answer"), "{got}");
    let got = desktop.sync(&dir);
    assert!(
        got.contains("received 1 answer from laptop, sent 1 answer"),
        "{got}"
    );
    laptop.sync(&dir);
    let (a, b) = (laptop.backup(), desktop.backup());
    assert_eq!(a, b);
    let grades: Vec<&str> = a["reviews"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["grade"].as_str().unwrap())
        .collect();
    assert_eq!(grades, ["good", "again"], "replayed in answer-time order");
    // good then again: a lapse, due the day after the second answer.
    let card = &a["decks"][0]["cards"][0];
    assert_eq!(
        (card["reviews"].as_i64(), card["lapses"].as_i64()),
        (Some(2), Some(1))
    );
    assert_eq!(card["due"], "2026-03-02");
    laptop.check();
    desktop.check();
    // Nothing new: syncing again changes nothing.
    assert!(laptop.sync(&dir).contains("nothing new"));
    assert_eq!(laptop.backup(), a);
}

#[test]
fn undo_suspend_interview_and_settings_travel() {
    let env = Env::new();
    let dir = folder(&env);
    let deck = env.deck("d.toml", "D", &common::numbered_cards(3));
    let a = Machine::new(&env, "a");
    let b = Machine::new(&env, "b");
    a.run(&["import", deck.to_str().unwrap()]).ok();
    a.at("2026-03-01T09:00", &["grade", "q1", "good"]).ok();
    a.at("2026-03-01T09:01", &["grade", "q2", "good"]).ok();
    a.sync(&dir);
    b.sync(&dir);
    a.run(&["undo"]).ok();
    a.run(&["suspend", "q3"]).ok();
    a.run(&["config", "new_per_day", "7"]).ok();
    a.at(
        "2026-03-01T12:00",
        &["interview", "2026-04-01", "--deck", "D"],
    )
    .ok();
    a.sync(&dir);
    let got = b.sync(&dir);
    assert!(got.contains("1 undone answer"), "{got}");
    assert_eq!(a.backup(), b.backup());
    assert_eq!(b.run(&["config", "new_per_day"]).ok().trim(), "7");
    assert!(
        b.at("2026-03-01T12:00", &["interview"])
            .ok()
            .contains("2026-04-01")
    );
    assert_eq!(b.backup()["reviews"].as_array().unwrap().len(), 1);
    b.check();
    // An undo on b never takes back a's answer.
    b.run(&["undo"]).fails(1);
}

#[test]
fn the_later_edit_of_a_card_wins_and_the_summary_says_so() {
    let env = Env::new();
    let dir = folder(&env);
    let a = Machine::new(&env, "a");
    let b = Machine::new(&env, "b");
    let deck = env.deck("d.toml", "D", &[("x", "Front", "Back")]);
    a.run(&["import", deck.to_str().unwrap()]).ok();
    a.sync(&dir);
    b.sync(&dir);
    let first = env.deck("a.toml", "D", &[("x", "Front by a", "Back")]);
    a.run(&["import", first.to_str().unwrap()]).ok();
    std::thread::sleep(std::time::Duration::from_millis(5));
    let later = env.deck("b.toml", "D", &[("x", "Front by b", "Back")]);
    b.run(&["import", later.to_str().unwrap()]).ok();
    a.sync(&dir);
    let got = b.sync(&dir);
    assert!(
        got.contains(
            "1 card edit from a older than edits made here, not applied (the later edit wins)"
        ),
        "{got}"
    );
    let got = a.sync(&dir);
    assert!(
        got.contains("1 card edit made here replaced by later edits from b"),
        "{got}"
    );
    assert_eq!(a.backup(), b.backup());
    assert_eq!(a.backup()["decks"][0]["cards"][0]["front"], "Front by b");
}

#[test]
fn a_truncated_file_waits_and_a_corrupt_one_is_reported_and_skipped() {
    let env = Env::new();
    let dir = folder(&env);
    let a = Machine::new(&env, "a");
    let b = Machine::new(&env, "b");
    let deck = env.deck("d.toml", "D", &common::numbered_cards(2));
    a.run(&["import", deck.to_str().unwrap()]).ok();
    a.sync(&dir);
    let file = std::fs::read_dir(dir.join("a"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let whole = std::fs::read(&file).unwrap();
    let before = b.backup();
    // Half-copied: left alone, said on stderr, retried next time.
    std::fs::write(&file, &whole[..whole.len() / 2]).unwrap();
    let out = b.run(&["sync", dir.to_str().unwrap()]).output();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("incomplete"));
    assert_eq!(b.backup(), before);
    // Whole but wrong: named, skipped, exit 1, nothing touched.
    let mut bad = whole.clone();
    let n = bad.len() - 5;
    bad[n] ^= 0x20;
    std::fs::write(&file, &bad).unwrap();
    let err = b.run(&["sync", dir.to_str().unwrap()]).fails(1);
    assert!(
        err.contains("checksum") && err.contains(file.to_str().unwrap()),
        "{err}"
    );
    assert_eq!(b.backup(), before);
    // Once the file is whole, the next sync applies it.
    std::fs::write(&file, &whole).unwrap();
    b.sync(&dir);
    assert_eq!(a.backup(), b.backup());
}

#[test]
fn two_collections_with_one_device_name_are_refused() {
    let env = Env::new();
    let dir = folder(&env);
    let a = Machine::with_file(&env, "a.db", "same");
    let b = Machine::with_file(&env, "b.db", "same");
    let deck = env.deck("d.toml", "D", &common::numbered_cards(2));
    a.run(&["import", deck.to_str().unwrap()]).ok();
    a.sync(&dir);
    let err = b.run(&["sync", dir.to_str().unwrap()]).fails(1);
    assert!(err.contains("same device name"), "{err}");
    // The name is fixed once a collection has synced.
    let err = a.run(&["config", "device", "other"]).fails(1);
    assert!(err.contains("synced"), "{err}");
}

#[test]
fn joining_with_history_on_both_sides_merges_both() {
    let env = Env::new();
    let dir = folder(&env);
    let a = Machine::new(&env, "a");
    let b = Machine::new(&env, "b");
    let deck = env.deck("d.toml", "D", &common::numbered_cards(3));
    for m in [&a, &b] {
        m.run(&["import", deck.to_str().unwrap()]).ok();
    }
    a.at("2026-03-01T09:00", &["grade", "q1", "good"]).ok();
    b.at("2026-03-01T10:00", &["grade", "q1", "easy"]).ok();
    b.at("2026-03-01T10:00", &["grade", "q2", "hard"]).ok();
    let status = b.run(&["sync", "--status", dir.to_str().unwrap()]).ok();
    assert!(status.contains("to send as b: 2 answers"), "{status}");
    a.sync(&dir);
    b.sync(&dir);
    a.sync(&dir);
    assert_eq!(a.backup(), b.backup());
    assert_eq!(a.backup()["reviews"].as_array().unwrap().len(), 3);
    a.check();
}

/// The operations of the property test, drawn from a seed.
fn random_op(rng: &mut impl Rng, m: &Machine, env: &Env, step: usize, given: &mut usize) {
    let cards = ["q1", "q2", "q3", "q4"];
    let card = cards[rng.random_range(0..cards.len())];
    let now = format!(
        "2026-03-{:02}T{:02}:{:02}",
        1 + step / 20,
        8 + (step / 2) % 12,
        rng.random_range(0..60)
    );
    match rng.random_range(0..10) {
        0..=3 => {
            let grade = ["again", "hard", "good", "easy"][rng.random_range(0..4)];
            if m.at(&now, &["grade", card, grade])
                .output()
                .status
                .success()
            {
                *given += 1;
            }
        }
        4 => {
            if m.run(&["undo"]).output().status.success() {
                *given -= 1;
            }
        }
        5 => {
            let n = rng.random_range(3..6);
            let text = common::deck_toml(
                "D",
                &common::numbered_cards(n)
                    .into_iter()
                    .map(|(i, f, b)| (i, format!("{f} v{step}"), b))
                    .collect::<Vec<_>>(),
            );
            let file = env.write(&format!("edit{step}.toml"), text);
            let prune = if rng.random_bool(0.3) {
                "--prune"
            } else {
                "--quiet"
            };
            let _ = m.run(&["import", file.to_str().unwrap(), prune]).output();
        }
        6 => {
            let verb = if rng.random_bool(0.5) {
                "suspend"
            } else {
                "unsuspend"
            };
            let _ = m.run(&[verb, card]).output();
        }
        7 => {
            let value = rng.random_range(5..30).to_string();
            m.run(&["config", "new_per_day", &value]).ok();
        }
        _ => {
            let _ = m
                .at(&now, &["interview", "2026-05-01", "--deck", "D"])
                .output();
        }
    }
}

/// Three collections, random operations on each, synced through one folder
/// in random orders, some syncs killed halfway: in the end every collection
/// exports the same backup and holds every answer not taken back.
#[test]
fn three_collections_converge_whatever_the_order() {
    for seed in 0..3u64 {
        let env = Env::new();
        let dir = folder(&env);
        let machines = [
            Machine::new(&env, "m1"),
            Machine::new(&env, "m2"),
            Machine::new(&env, "m3"),
        ];
        let deck = env.deck("d.toml", "D", &common::numbered_cards(4));
        for m in &machines {
            m.run(&["import", deck.to_str().unwrap()]).ok();
        }
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
        let mut given = [0usize; 3];
        for step in 0..36 {
            let i = rng.random_range(0..3);
            if rng.random_bool(0.3) {
                if rng.random_bool(0.2) {
                    kill_sync_after(&machines[i], &dir, rng.random_range(0..30));
                } else {
                    machines[i].sync(&dir);
                }
            } else {
                random_op(&mut rng, &machines[i], &env, step, &mut given[i]);
            }
        }
        for _ in 0..2 {
            for m in &machines {
                m.sync(&dir);
            }
        }
        let first = machines[0].backup();
        for m in &machines[1..] {
            assert_eq!(m.backup(), first, "seed {seed}");
        }
        let answers = first["reviews"].as_array().unwrap().len();
        assert_eq!(
            answers,
            given.iter().sum::<usize>(),
            "seed {seed}: an answer was lost or doubled"
        );
        assert!(
            answers >= 5,
            "seed {seed}: only {answers} answers: the test tests little"
        );
        for m in &machines {
            m.check();
        }
    }
}

/// Starts a sync and kills it (SIGKILL) after `ms` milliseconds.
fn kill_sync_after(m: &Machine, dir: &Path, ms: u64) {
    let mut child = m
        .run(&["sync", dir.to_str().unwrap()])
        .command()
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(ms));
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn a_sync_killed_at_any_point_is_completed_by_the_next() {
    let env = Env::new();
    let dir = folder(&env);
    let a = Machine::new(&env, "a");
    let deck = env.deck("d.toml", "D", &common::numbered_cards(200));
    a.run(&["import", deck.to_str().unwrap()]).ok();
    for i in 1..=30 {
        a.at(
            &format!("2026-03-01T09:{:02}", i),
            &["grade", &format!("q{i}"), "good"],
        )
        .ok();
    }
    a.sync(&dir);
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(17);
    for round in 0..6 {
        let b = Machine::new(&env, &format!("b{round}"));
        b.at("2026-03-02T09:00", &["grade", "q1", "hard"]).fails(1);
        for _ in 0..4 {
            kill_sync_after(&b, &dir, rng.random_range(0..60));
            b.check();
        }
        b.sync(&dir);
        b.check();
        let (x, y) = (a.backup(), b.backup());
        assert_eq!(x, y, "round {round}");
    }
}

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@t")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@t")
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn clone(env: &Env, bare: &Path, name: &str) -> PathBuf {
    let path = env.path(name);
    git(
        env.dir(),
        &[
            "clone",
            "--quiet",
            bare.to_str().unwrap(),
            path.to_str().unwrap(),
        ],
    );
    git(&path, &["config", "user.name", "t"]);
    git(&path, &["config", "user.email", "t@t"]);
    path
}

#[test]
fn two_collections_through_a_bare_git_repository() {
    let env = Env::new();
    let bare = env.path("remote.git");
    git(
        env.dir(),
        &[
            "init",
            "--quiet",
            "--bare",
            "-b",
            "main",
            bare.to_str().unwrap(),
        ],
    );
    let (ca, cb, cc) = (
        clone(&env, &bare, "ca"),
        clone(&env, &bare, "cb"),
        clone(&env, &bare, "cc"),
    );
    for c in [&ca, &cb, &cc] {
        git(c, &["checkout", "--quiet", "-b", "main"]);
    }
    let a = Machine::new(&env, "a");
    let b = Machine::new(&env, "b");
    let c = Machine::new(&env, "c");
    let deck = env.deck("d.toml", "D", &common::numbered_cards(3));
    a.run(&["import", deck.to_str().unwrap()]).ok();
    let sync = |m: &Machine, clone: &Path| m.run(&["sync", "--git", clone.to_str().unwrap()]).ok();
    sync(&a, &ca);
    sync(&b, &cb);
    // Answers on both sides between syncs.
    a.at("2026-03-01T09:00", &["grade", "q1", "good"]).ok();
    b.at("2026-03-01T09:30", &["grade", "q1", "easy"]).ok();
    b.at("2026-03-01T09:31", &["grade", "q2", "good"]).ok();
    // A rejected push: while b pushes, c pushes first (from b's pre-push hook).
    sync(&c, &cc);
    c.at("2026-03-01T11:00", &["grade", "q3", "again"]).ok();
    c.run(&["sync", cc.to_str().unwrap()]).ok();
    git(&cc, &["add", "-A"]);
    git(&cc, &["commit", "--quiet", "-m", "c"]);
    let hook = cb.join(".git/hooks/pre-push");
    let marker = env.path("hook-ran");
    std::fs::write(&hook, format!(
        "#!/bin/sh\nif [ ! -e '{m}' ]; then touch '{m}'; unset $(git rev-parse --local-env-vars); git -C '{c}' pull --quiet --rebase origin main 2>/dev/null; git -C '{c}' push --quiet origin HEAD:main; fi\n",
        m = marker.display(), c = cc.display())).unwrap();
    std::fs::set_permissions(&hook, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let out = b.run(&["sync", "--git", cb.to_str().unwrap()]).output();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(marker.exists());
    assert!(
        stderr.contains("rejected"),
        "the push was retried: {stderr}"
    );
    // Concurrent pushes: a and c sync at once, twice.
    for _ in 0..2 {
        let ta = a
            .run(&["sync", "--git", ca.to_str().unwrap()])
            .command()
            .output();
        let tc = c
            .run(&["sync", "--git", cc.to_str().unwrap()])
            .command()
            .spawn()
            .unwrap();
        let oc = tc.wait_with_output().unwrap();
        assert!(ta.unwrap().status.success() && oc.status.success());
    }
    for _ in 0..2 {
        sync(&a, &ca);
        sync(&b, &cb);
        sync(&c, &cc);
    }
    assert_eq!(a.backup(), b.backup());
    assert_eq!(a.backup(), c.backup());
    assert_eq!(a.backup()["reviews"].as_array().unwrap().len(), 4);
    a.check();
}

//! A full disk, made real with a tiny tmpfs holding the collection: an
//! import or an answer that does not fit fails with one clear `error:` line
//! and exit 1, and the collection is left exactly as it was (nothing is
//! half-written: see docs/collection.md). Mounting needs root, so these
//! tests are ignored by default; CI runs as root and runs them with
//! `cargo test -- --include-ignored`, and where the mount is not permitted
//! they fail rather than pass without running.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::{Env, assert_one_error, reviews};

/// A tmpfs of a few hundred KB mounted on a temp folder, unmounted on drop.
struct Tmpfs {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl Tmpfs {
    fn mount(size: &str) -> Tmpfs {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("disk");
        std::fs::create_dir(&path).unwrap();
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(&path)
            .output()
            .expect("run mount");
        assert!(
            out.status.success(),
            "this test needs root to mount a tmpfs: {}",
            String::from_utf8_lossy(&out.stderr).trim()
        );
        Tmpfs { _dir: dir, path }
    }

    /// Fills what is left of the disk with a file.
    fn fill(&self) -> PathBuf {
        let filler = self.path.join("filler");
        let mut file = std::fs::File::create(&filler).unwrap();
        let block = [0u8; 4096];
        while file.write_all(&block).is_ok() {}
        let _ = file.sync_all();
        filler
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.path).status();
    }
}

/// A collection on `disk` holding deck `small` (5 cards) and 2 answers.
fn small_collection(env: &Env, db: &Path) {
    env.deck(
        "small.toml",
        "small",
        &[
            ("s1", "One?", "1"),
            ("s2", "Two?", "2"),
            ("s3", "Three?", "3"),
            ("s4", "Four?", "4"),
            ("s5", "Five?", "5"),
        ],
    );
    env.run(&["import", "small.toml"]).db(db).ok();
    env.at("2026-11-25", &["grade", "s1", "good"]).db(db).ok();
    env.at("2026-11-25", &["grade", "s2", "again"]).db(db).ok();
}

fn assert_checks_clean(env: &Env, db: &Path) {
    let out = env.run(&["check"]).db(db).ok();
    assert!(out.contains("all consistent"), "{out}");
}

#[test]
#[ignore = "needs root for a tmpfs mount"]
fn an_import_that_does_not_fit_fails_clearly_and_changes_nothing() {
    let disk = Tmpfs::mount("512k");
    let env = Env::new();
    let db = disk.path.join("rehearse.db");
    small_collection(&env, &db);
    let before = env.run(&["export", "--format", "json"]).db(&db).ok();

    let cards: Vec<(String, String, String)> = (0..30_000)
        .map(|i| {
            (
                format!("b{i}"),
                format!("Big question {i}?"),
                format!("Big answer {i}."),
            )
        })
        .collect();
    env.deck("big.toml", "big", &cards);
    let stderr = env.run(&["import", "big.toml"]).db(&db).fails(1);
    assert_one_error(
        &stderr,
        &["big.toml", "the disk is full", "nothing was written"],
    );

    assert_checks_clean(&env, &db);
    let after = env.run(&["export", "--format", "json"]).db(&db).ok();
    assert_eq!(after, before, "the collection changed");
    // Once there is room, the same import goes through.
    drop(disk);
    let env2 = Env::new();
    let roomy = env2.path("rehearse.db");
    small_collection(&env2, &roomy);
    std::fs::copy(env.path("big.toml"), env2.path("big.toml")).unwrap();
    env2.run(&["import", "big.toml"]).db(&roomy).ok();
}

/// The day's first write tries the daily backup first (docs/collection.md):
/// on a full disk that is one warning saying so, before the command's own
/// error. Returns the rest of stderr.
fn without_backup_warning(stderr: &str) -> String {
    let (warnings, rest): (Vec<&str>, Vec<&str>) =
        stderr.lines().partition(|l| l.starts_with("warning:"));
    assert!(
        warnings.len() == 1
            && warnings[0].contains("backup")
            && warnings[0].contains("disk is full"),
        "{stderr}"
    );
    rest.join("\n")
}

#[test]
#[ignore = "needs root for a tmpfs mount"]
fn an_answer_on_a_full_disk_fails_clearly_and_changes_nothing() {
    let disk = Tmpfs::mount("512k");
    let env = Env::new();
    let db = disk.path.join("rehearse.db");
    small_collection(&env, &db);
    let before = env.run(&["export", "--format", "json"]).db(&db).ok();
    let filler = disk.fill();

    let stderr = env
        .at("2026-11-26", &["grade", "s3", "good"])
        .db(&db)
        .fails(1);
    assert_one_error(
        &without_backup_warning(&stderr),
        &["the disk is full", "nothing was written"],
    );
    let stderr = env.run(&["undo"]).db(&db).fails(1);
    assert_one_error(&without_backup_warning(&stderr), &["the disk is full"]);

    assert_checks_clean(&env, &db);
    let after = env.run(&["export", "--format", "json"]).db(&db).ok();
    assert_eq!(after, before, "the collection changed");

    // Free the space: answering works again and every answer is there.
    std::fs::remove_file(filler).unwrap();
    env.at("2026-11-26", &["grade", "s3", "good"]).db(&db).ok();
    let backup = env.run(&["export", "--format", "json"]).db(&db).json();
    let cards: Vec<&str> = reviews(&backup)
        .iter()
        .map(|r| r["card"].as_str().unwrap())
        .collect();
    assert_eq!(cards, ["s1", "s2", "s3"]);
    assert_checks_clean(&env, &db);
}

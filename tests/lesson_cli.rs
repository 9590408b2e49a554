//! `rehearse lesson` through the binary: stdout or -o, --import, and the
//! failure paths (missing file, directory, binary, empty).

use assert_cmd::Command;
use predicates::prelude::*;

const LESSON: &str = "# Prepare Your Questions\n\nInterviews run both ways.\n\n## Research the Team\n\nRead what the team has shipped in the last year, so your questions show real interest in their recent work.\n\n## Ask About Success\n\nAsk what success looks like after six months. The answer tells you what the manager will measure.\n";

fn rehearse(dir: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("rehearse").unwrap();
    cmd.env_remove("REHEARSE_DB")
        .arg("--db")
        .arg(dir.join("c.db"));
    cmd
}

#[test]
fn writes_a_deck_to_stdout_or_a_file_and_imports_it() {
    let dir = tempfile::tempdir().unwrap();
    let lesson = dir.path().join("questions.md");
    std::fs::write(&lesson, LESSON).unwrap();
    let out = rehearse(dir.path())
        .arg("lesson")
        .arg(&lesson)
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("name = \"Prepare Your Questions\""),
        "{stdout}"
    );
    assert!(
        stdout.contains("id = \"prepare-your-questions/research-the-team/point\""),
        "{stdout}"
    );
    assert!(
        stdout.contains("id = \"prepare-your-questions/overview\""),
        "{stdout}"
    );

    let deck = dir.path().join("questions.toml");
    rehearse(dir.path())
        .arg("lesson")
        .arg(&lesson)
        .arg("-o")
        .arg(&deck)
        .arg("--import")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "added, 0 updated, 0 unchanged, 0 not in file (deck \"Prepare Your Questions\")",
        ));
    assert_eq!(
        std::fs::read_to_string(&deck).unwrap(),
        stdout,
        "same input, same bytes"
    );
    // Regenerating and importing again changes nothing.
    rehearse(dir.path())
        .arg("lesson")
        .arg(&lesson)
        .arg("--import")
        .assert()
        .success()
        .stderr(predicate::str::contains(" 0 added, 0 updated,"));
}

#[test]
fn unreadable_lessons_are_errors_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.md");
    rehearse(dir.path())
        .arg("lesson")
        .arg(&missing)
        .assert()
        .code(1)
        .stderr(
            predicate::str::starts_with("error: ")
                .and(predicate::str::contains("missing.md: no such file")),
        );
    rehearse(dir.path())
        .arg("lesson")
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is a directory"));
    let binary = dir.path().join("photo.md");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe").unwrap();
    rehearse(dir.path())
        .arg("lesson")
        .arg(&binary)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("photo.md"));
    let empty = dir.path().join("empty.md");
    std::fs::write(&empty, "\n  \n").unwrap();
    rehearse(dir.path())
        .arg("lesson")
        .arg(&empty)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("empty.md").and(predicate::str::contains("empty")));
    assert!(
        !dir.path().join("c.db").exists(),
        "a failed lesson does not create a collection"
    );
}

#[test]
fn json_reports_the_sections_found_and_explain_names_the_source_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let lesson = dir.path().join("questions.md");
    std::fs::write(&lesson, LESSON).unwrap();
    let out = rehearse(dir.path())
        .arg("--json")
        .arg("lesson")
        .arg(&lesson)
        .output()
        .unwrap();
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let headings: Vec<&str> = json["sections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["heading"].as_str().unwrap())
        .collect();
    assert_eq!(headings, ["Research the Team", "Ask About Success"]);
    assert!(json["deck"].as_str().unwrap().starts_with("name = "));

    let out = rehearse(dir.path())
        .arg("lesson")
        .arg(&lesson)
        .arg("--explain")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("from:   Ask what success looks like after six months."),
        "{text}"
    );
    assert!(
        text.contains("why:    question: an imperative heading"),
        "{text}"
    );
}

#[test]
fn a_lesson_of_many_paragraphs_in_one_section_is_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let lesson = dir.path().join("one.md");
    std::fs::write(
        &lesson,
        "# One Part\n\n## Everything\n\nFirst paragraph with a few words in it.\n\nSecond paragraph, also with words.\n\nThird paragraph closes the lesson.\n",
    )
    .unwrap();
    rehearse(dir.path())
        .arg("lesson")
        .arg(&lesson)
        .assert()
        .success()
        .stderr(
            predicate::str::contains("warning:").and(predicate::str::contains("only one section")),
        );
}

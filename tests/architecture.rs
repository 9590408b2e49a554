//! The shape of the code, checked like behaviour: the module graph runs one
//! way (files → `deck`/`import`/`lesson` → `storage` ← `review` through the
//! `scheduler` → `stats`, all on `domain`), no source file grows past 600
//! lines and no function past 80. See docs/architecture.md.
//!
//! `cargo test --test architecture -- --nocapture` prints the graph.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

const MAX_FILE_LINES: usize = 600;
const MAX_FN_LINES: usize = 80;

/// Arrows that must never exist: (from, to, why).
const FORBIDDEN: &[(&str, &str, &str)] = &[
    (
        "storage",
        "stats",
        "stats read storage's counts, never the reverse",
    ),
    (
        "deck",
        "import",
        "import may use the deck format, never the reverse",
    ),
    (
        "review",
        "storage",
        "the session is pure: it sees domain types only",
    ),
    (
        "stats",
        "storage",
        "stats are computed from values the CLI reads",
    ),
    ("scheduler", "storage", "the scheduler is pure"),
    ("domain", "storage", "domain is the bottom of the graph"),
    ("lesson", "storage", "the lesson generator is pure"),
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn sources() -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = fs::read_to_string(&p).unwrap();
            (p, text)
        })
        .collect()
}

/// The top-level module a file belongs to (`src/storage/cards.rs` → storage).
fn module_of(path: &Path) -> String {
    let rel = path.strip_prefix("src").unwrap();
    let first = rel
        .components()
        .next()
        .unwrap()
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_string()
}

/// The code of a file without its `#[cfg(test)]` module (tests may reach
/// anywhere) and without comments.
fn shipped_code(text: &str) -> String {
    let code = match text.find("#[cfg(test)]\nmod tests") {
        Some(i) => &text[..i],
        None => text,
    };
    code.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every `crate::module` a text names.
fn crate_refs(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() {
            out.insert(name);
        }
    }
    out
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (path, text) in sources() {
        let from = module_of(&path);
        if from == "lib" || from == "main" {
            continue;
        }
        let targets = graph.entry(from.clone()).or_default();
        for to in crate_refs(&shipped_code(&text)) {
            if to != from {
                targets.insert(to);
            }
        }
    }
    graph
}

#[test]
fn module_graph_has_no_forbidden_arrow() {
    let graph = graph();
    for (from, targets) in &graph {
        println!(
            "{from} -> {}",
            targets.iter().cloned().collect::<Vec<_>>().join(", ")
        );
    }
    let mut bad = Vec::new();
    for (from, to, why) in FORBIDDEN {
        if graph.get(*from).is_some_and(|t| t.contains(*to)) {
            bad.push(format!("{from} -> {to}: {why}"));
        }
    }
    assert!(bad.is_empty(), "forbidden arrows:\n{}", bad.join("\n"));
}

#[test]
fn module_graph_has_no_cycle() {
    let graph = graph();
    // Depth-first search with colours: grey = on the current path.
    fn visit<'a>(
        node: &'a str,
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<&'a str, u8>,
        path: &mut Vec<&'a str>,
    ) -> Option<Vec<String>> {
        match state.get(node) {
            Some(1) => {
                let start = path.iter().position(|n| *n == node).unwrap();
                let mut cycle: Vec<String> = path[start..].iter().map(|s| s.to_string()).collect();
                cycle.push(node.to_string());
                return Some(cycle);
            }
            Some(_) => return None,
            None => {}
        }
        state.insert(node, 1);
        path.push(node);
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, state, path) {
                return Some(cycle);
            }
        }
        path.pop();
        state.insert(node, 2);
        None
    }
    let mut state = BTreeMap::new();
    for node in graph.keys() {
        let mut path = Vec::new();
        if let Some(cycle) = visit(node, &graph, &mut state, &mut path) {
            panic!("module cycle: {}", cycle.join(" -> "));
        }
    }
}

#[test]
fn no_source_file_is_over_600_lines() {
    let long: Vec<String> = sources()
        .into_iter()
        .filter_map(|(path, text)| {
            let lines = text.lines().count();
            (lines > MAX_FILE_LINES).then(|| format!("{} has {lines} lines", path.display()))
        })
        .collect();
    assert!(long.is_empty(), "split these files:\n{}", long.join("\n"));
}

/// (file, function, lines) of every function body, found by rustfmt's
/// layout: a body ends at the first `}` line with the `fn` line's indent.
fn functions(path: &Path, text: &str) -> Vec<(String, String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let after = [
            "fn ",
            "pub fn ",
            "pub(crate) fn ",
            "pub(super) fn ",
            "async fn ",
            "const fn ",
        ]
        .iter()
        .find_map(|p| trimmed.strip_prefix(p));
        let Some(after) = after else { continue };
        let name: String = after
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let close = format!("{}}}", " ".repeat(indent));
        let mut end = None;
        for (j, l) in lines.iter().enumerate().skip(i) {
            // A declaration without a body (in a trait) ends with `;`.
            if j == i && l.trim_end().ends_with(';') {
                break;
            }
            if j > i && l.starts_with(&close) {
                end = Some(j);
                break;
            }
            if j == i && l.trim_end().ends_with('}') {
                end = Some(j);
                break;
            }
        }
        if let Some(end) = end {
            out.push((path.display().to_string(), name, end - i + 1));
        }
    }
    out
}

#[test]
fn no_function_is_over_80_lines() {
    let long: Vec<String> = sources()
        .iter()
        .flat_map(|(path, text)| functions(path, text))
        .filter(|(_, _, lines)| *lines > MAX_FN_LINES)
        .map(|(file, name, lines)| format!("{file}: `{name}` has {lines} lines"))
        .collect();
    assert!(
        long.is_empty(),
        "break these functions up:\n{}",
        long.join("\n")
    );
}

//! The review screen as a person sees it, captured under tmux at 40×12,
//! 92×24 and 200×50 and compared with the snapshots in tests/snapshots/
//! (docs/review-session.md, "On a terminal"): a short card, a code card
//! keeping its indentation, a long answer scrolled, a cloze card front and
//! back, a resize in the middle of a card, and Ctrl-Z then `fg` in a shell
//! with job control. One more test records the bytes sent (script(1)):
//! no black, grey or background colours, and none at all with `NO_COLOR`.
//!
//! Deterministic: the decks are written here, the time is fixed with
//! `--now`, `NO_COLOR` is set and the screen is captured as text. Only the
//! progress bar moves with the clock (its elapsed time, and so its width):
//! its line is written `[bar] 0/1 answered · 0 again` in the snapshots.

mod common;

use common::Env;
use common::tmux::Tmux;

const NOW: &str = "2026-12-01T09:00:00Z";
const SIZES: [(u16, u16); 3] = [(40, 12), (92, 24), (200, 50)];

const SHORT: &str = r#"
name = "Short"

[[cards]]
id = "http-404"
front = "What does **HTTP 404** mean?"
back = "The server found *no resource* at that path: `Not Found`."
"#;

const CODE: &str = r#"
name = "Code"

[[cards]]
id = "even-sum"
front = "What does `f([1, 2, 3, 4])` return?"
back = """
```python
def f(xs):
    total = 0
    for x in xs:
        if x % 2 == 0:
            total += x
    return total
```
It returns **6**: the sum of the even numbers.

name      even
2         yes
3         no
"""
"#;

const CLOZE: &str = r#"
name = "Cloze"

[[cards]]
id = "france"
cloze = "The capital of **France** is {{c1::Paris}}, on the {{c2::Seine}}."
extra = "Paris has been the capital since 987, *mostly*."
"#;

/// A deck whose one card has a back of 60 lines: longer than every screen.
fn long_deck() -> String {
    let mut back = String::from(
        "1. The stub resolver asks the recursive resolver configured on the machine.\n\
         2. The recursive resolver asks a root server, which refers it to the TLD servers.\n\
         3. The TLD server refers it to the domain's authoritative name servers.\n\n",
    );
    for i in 4..=60 {
        back.push_str(&format!("Line {i} of the answer.\n"));
    }
    format!(
        "name = \"Long\"\n\n[[cards]]\nid = \"dns\"\nfront = \"Name the steps of a DNS lookup.\"\nback = \"\"\"\n{back}\"\"\"\n"
    )
}

/// A collection with the four decks imported.
fn collection() -> Env {
    let env = Env::new();
    for (file, text) in [
        ("short.toml", SHORT.to_string()),
        ("code.toml", CODE.to_string()),
        ("cloze.toml", CLOZE.to_string()),
        ("long.toml", long_deck()),
    ] {
        let path = env.write(file, text);
        env.at(NOW, &["import", path.to_str().unwrap()]).ok();
    }
    env
}

/// A session of one deck in a new tmux window of `columns` × `rows`.
fn session(env: &Env, name: &str, deck: &str, (columns, rows): (u16, u16)) -> Tmux {
    let script = format!(
        "TZ=UTC NO_COLOR=1 {} --db {} --now {NOW} review --deck {deck}; sleep 30",
        common::BIN,
        env.db.display(),
    );
    Tmux::start_sized(&format!("{name}-{columns}x{rows}"), &script, columns, rows)
}

/// The screen as a snapshot: the progress bar's glyphs and elapsed time
/// (which move with the clock) become `[bar]`; every row is kept, so the
/// snapshot shows the height too.
fn normal(screen: &str) -> String {
    screen
        .lines()
        .map(|line| {
            let trimmed = line.trim_start();
            let is_bar = trimmed.starts_with('[')
                && trimmed[1..].starts_with(['█', '▌', '░', ']'])
                && line.contains(" again");
            if !is_bar {
                return line.to_string();
            }
            let counts = &trimmed[trimmed.find(']').map_or(0, |i| i + 1)..];
            let counts = match counts.rsplit_once(" · ") {
                Some((rest, elapsed))
                    if !elapsed.contains(' ')
                        && elapsed.starts_with(|c: char| c.is_ascii_digit()) =>
                {
                    rest
                }
                _ => counts,
            };
            format!(" [bar]{counts}")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn snapshot(name: &str, (columns, rows): (u16, u16), screen: &str) {
    for line in screen.lines() {
        let width = unicode_width::UnicodeWidthStr::width(line);
        assert!(
            width <= columns as usize,
            "{line:?} is wider than {columns}"
        );
    }
    assert_eq!(screen.lines().count(), rows as usize, "{screen}");
    insta::assert_snapshot!(format!("{name}_{columns}x{rows}"), normal(screen));
}

#[test]
#[ignore = "needs tmux"]
fn a_short_card_front_then_back() {
    for size in SIZES {
        let env = collection();
        let tmux = session(&env, "short", "Short", size);
        let screen = tmux.settled(&["HTTP 404", "answered"]);
        assert!(!screen.contains("no resource"), "{screen}");
        snapshot("short_front", size, &screen);
        tmux.keys("Space");
        snapshot(
            "short_back",
            size,
            &tmux.settled(&["no resource", "answered"]),
        );
        tmux.keys("q");
        tmux.wait_for("session over");
    }
}

#[test]
#[ignore = "needs tmux"]
fn a_code_card_keeps_its_indentation() {
    for size in SIZES {
        let env = collection();
        let tmux = session(&env, "code", "Code", size);
        tmux.settled(&["f([1, 2, 3, 4])", "answered"]);
        tmux.keys("Space");
        let screen = tmux.settled(&["def f(xs):", "answered"]);
        assert!(screen.contains("             total += x"), "{screen}");
        snapshot("code_back", size, &screen);
        tmux.keys("q");
        tmux.wait_for("session over");
    }
}

#[test]
#[ignore = "needs tmux"]
fn a_long_answer_scrolls_under_the_front() {
    for size in SIZES {
        let env = collection();
        let tmux = session(&env, "long", "Long", size);
        tmux.settled(&["DNS lookup", "answered"]);
        tmux.keys("Space");
        let screen = tmux.settled(&["stub resolver", "more lines", "answered"]);
        snapshot("long_back", size, &screen);
        tmux.keys("PgDn");
        tmux.keys("PgDn");
        tmux.keys("Down");
        // What the "more" line says once all three keys are read.
        let scrolled = match size.0 {
            40 => "↑ 9 above",
            92 => "↑ 27 above",
            _ => "↑ 21 lines above",
        };
        let screen = tmux.settled(&[scrolled, "DNS lookup", "answered"]);
        assert!(screen.contains("Long · card 1 of 1"), "{screen}");
        snapshot("long_scrolled", size, &screen);
        // The answer keys still answer.
        tmux.keys("3");
        tmux.wait_for("session over");
    }
}

#[test]
#[ignore = "needs tmux"]
fn a_cloze_card_marks_its_answer_on_the_back() {
    for size in SIZES {
        let env = collection();
        let tmux = session(&env, "cloze", "Cloze", size);
        let screen = tmux.settled(&["[...]", "answered"]);
        snapshot("cloze_front", size, &screen);
        tmux.keys("Space");
        let screen = tmux.settled(&["[Paris]", "answered"]);
        snapshot("cloze_back", size, &screen);
        tmux.keys("q");
        tmux.wait_for("session over");
    }
}

#[test]
#[ignore = "needs tmux"]
fn a_resize_redraws_at_once() {
    let env = collection();
    let tmux = session(&env, "resize", "Long", (92, 24));
    tmux.settled(&["DNS lookup", "answered"]);
    tmux.keys("Space");
    tmux.keys("Down");
    tmux.settled(&["above", "answered"]);
    // No key is pressed after a resize: the new screen comes by itself.
    // Each size's own "more" line tells its screen from the one before.
    for (size, more) in [
        ((40, 12), "↑ 1 above · ↓ 61 more"),
        ((200, 50), "↓ 20 more lines"),
        ((92, 24), "↓ 46 more lines"),
    ] {
        tmux.resize(size.0, size.1);
        let screen = tmux.settled(&["DNS lookup", more, "answered"]);
        snapshot("resized", size, &screen);
    }
    tmux.keys("q");
    tmux.wait_for("session over");
}

#[test]
#[ignore = "needs tmux"]
fn ctrl_z_suspends_and_fg_resumes() {
    let bin_dir = std::path::Path::new(common::BIN).parent().unwrap();
    for size in SIZES {
        let env = collection();
        // An interactive shell, so that job control works; the command
        // line typed in it names no temporary path.
        let shell = format!(
            "env PS1='$ ' HOME={} HISTFILE=/dev/null PATH={}:$PATH REHEARSE_DB={} TZ=UTC NO_COLOR=1 bash --norc --noprofile",
            env.dir().display(),
            bin_dir.display(),
            env.db.display(),
        );
        let tmux = Tmux::start_sized(
            &format!("suspend-{}x{}", size.0, size.1),
            &shell,
            size.0,
            size.1,
        );
        tmux.settled(&["$"]);
        tmux.run(&[
            "send-keys",
            "-t",
            "s",
            &format!("rehearse --now {NOW} review --deck Short"),
            "Enter",
        ]);
        tmux.settled(&["HTTP 404", "answered"]);
        tmux.keys("Space");
        tmux.settled(&["no resource", "answered"]);
        tmux.keys("C-z");
        let screen = tmux.settled(&["Stopped"]);
        snapshot("suspended", size, &screen);
        tmux.run(&["send-keys", "-t", "s", "fg", "Enter"]);
        let screen = tmux.settled(&["no resource", "answered"]);
        snapshot("resumed", size, &screen);
        // Raw mode is back: a single key answers.
        tmux.keys("3");
        let screen = tmux.settled(&["session over"]);
        assert!(screen.contains("1 card reviewed"), "{screen}");
    }
}

/// Every SGR sequence (`ESC [ … m`) sent to the terminal: its parameters.
fn sgr_sequences(raw: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = raw;
    while let Some(i) = rest.find("\x1b[") {
        rest = &rest[i + 2..];
        let params: String = rest
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == ';')
            .collect();
        if rest[params.len()..].starts_with('m') {
            found.push(params);
        }
    }
    found
}

/// Colours that vanish on one theme or the other: black and grey
/// foregrounds (palette 0 and 8) and any background.
fn unreadable(params: &str) -> bool {
    let codes: Vec<&str> = params.split(';').collect();
    codes.iter().enumerate().any(|(i, code)| match *code {
        "30" | "90" => true,
        "38" => codes.get(i + 1) == Some(&"5") && matches!(codes.get(i + 2), Some(&"0" | &"8")),
        // Backgrounds: 40–48 and 100–107 (49 is the default one).
        c => matches!(c.parse::<u32>(), Ok(40..=48 | 100..=107)),
    })
}

#[test]
#[ignore = "needs tmux and script(1)"]
fn colours_read_on_any_theme_and_no_color_turns_them_all_off() {
    for no_color in [true, false] {
        let env = collection();
        let raw = env.path("typescript");
        let variable = if no_color {
            "NO_COLOR=1"
        } else {
            "-u NO_COLOR"
        };
        // `script` records every byte the session sends to the terminal.
        let script = format!(
            "script -qfec 'env {variable} TZ=UTC {} --db {} --now {NOW} review --deck Cloze' {}; sleep 30",
            common::BIN,
            env.db.display(),
            raw.display()
        );
        let name = format!("colour-{no_color}");
        let tmux = Tmux::start_sized(&name, &script, 92, 24);
        tmux.settled(&["[...]", "answered"]);
        tmux.keys("Space");
        tmux.settled(&["Paris has been", "answered"]);
        tmux.keys("q");
        tmux.wait_for("session over");
        drop(tmux);
        let raw = String::from_utf8_lossy(&std::fs::read(&raw).unwrap()).into_owned();
        let sgr = sgr_sequences(&raw);
        if no_color {
            assert_eq!(sgr, Vec::<String>::new(), "NO_COLOR sent attributes");
        } else {
            for wanted in ["1", "2", "4"] {
                assert!(sgr.iter().any(|p| p == wanted), "no `{wanted}` in {sgr:?}");
            }
            let bad: Vec<&String> = sgr.iter().filter(|p| unreadable(p)).collect();
            assert!(bad.is_empty(), "unreadable colours: {bad:?}");
        }
    }
}

#[test]
fn unreadable_colours_are_recognised() {
    for bad in ["30", "90", "38;5;8", "1;38;5;0", "40", "100", "48;5;3"] {
        assert!(unreadable(bad), "{bad}");
    }
    for fine in ["0", "1", "2", "4", "32", "38;5;6", "39", "49"] {
        assert!(!unreadable(fine), "{fine}");
    }
}

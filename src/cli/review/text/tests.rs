use super::*;

fn look(width: usize, color: bool) -> Look {
    Look {
        width,
        color,
        base: Style::PLAIN,
        marks: false,
    }
}

fn shown(text: &str, width: usize) -> Vec<String> {
    render(text, &look(width, false))
        .iter()
        .map(|l| plain(l))
        .collect()
}

/// The styled runs of the first line, for colour output.
fn styled(text: &str) -> Vec<(String, Style)> {
    render(text, &look(60, true))
        .into_iter()
        .flatten()
        .map(|s| (s.text, s.style))
        .collect()
}

#[test]
fn line_breaks_and_indentation_are_kept() {
    let code = "def f(x):\n    if x:\n        return 1\n    return 0";
    assert_eq!(
        shown(code, 40),
        ["def f(x):", "    if x:", "        return 1", "    return 0"]
    );
    assert_eq!(shown("  two spaces\nnone", 40), ["  two spaces", "none"]);
    assert_eq!(shown("a\tb\n\tc", 40), ["a   b", "    c"]);
    assert_eq!(shown("one\r\ntwo", 40), ["one", "two"]);
}

#[test]
fn long_lines_wrap_at_spaces_under_their_indent() {
    assert_eq!(
        shown("Steps:\n    alpha beta gamma delta epsilon", 18),
        ["Steps:", "    alpha beta", "    gamma delta", "    epsilon"]
    );
    assert_eq!(
        shown("one two three four five six seven", 14),
        ["one two three", "four five six", "seven"]
    );
    // A word wider than the line is broken at the width.
    assert_eq!(shown("abcdefghijkl", 5), ["abcde", "fghij", "kl"]);
    // Wide characters count two columns.
    assert_eq!(shown("日本語 日本語", 7), ["日本語", "日本語"]);
}

#[test]
fn paragraphs_keep_one_blank_line_between_them() {
    assert_eq!(shown("one\n\n\n\ntwo\n\n", 20), ["one", "", "two"]);
}

#[test]
fn aligned_text_is_cut_not_wrapped() {
    let table = "name     age\nalice    30\na-very-long-name-here   99";
    assert_eq!(
        shown(table, 16),
        ["name     age", "alice    30", "a-very-long-nam…"]
    );
    assert_eq!(shown("| a | b |\n|---|---|", 6), ["| a |…", "|---|…"]);
}

#[test]
fn markdown_is_drawn_not_shown() {
    assert_eq!(
        shown("**bold** and *em* and `code`", 40),
        ["bold and em and `code`"]
    );
    let runs = styled("**bold** and *em* and `x`");
    assert_eq!(runs[0], ("bold".into(), Style::BOLD));
    assert_eq!(runs[1].0, " and ");
    assert!(runs[2].1.italic);
    assert_eq!(runs[4].0, "x", "no backticks with colour");
    assert!(runs[4].1.code);
    assert_eq!(shown("# Heading\ntext", 40), ["Heading", "", "text"]);
    assert_eq!(shown("[site](https://x.org)", 40), ["site <https://x.org>"]);
    assert_eq!(shown("<https://x.org>", 40), ["https://x.org"]);
    assert_eq!(shown("> quoted\n> more", 40), ["│ quoted", "│ more"]);
}

#[test]
fn backslashes_and_entities_are_shown_as_written() {
    assert_eq!(
        shown(r"Match a dot: \. and a star: \*", 40),
        [r"Match a dot: \. and a star: \*"]
    );
    assert_eq!(shown(r"a\\b \d+ C:\Users\", 40), [r"a\\b \d+ C:\Users\"]);
    assert_eq!(shown("end\\\nnext", 40), ["end\\", "next"]);
    assert_eq!(
        shown("&amp; &lt;p&gt; &#42;", 40),
        ["&amp; &lt;p&gt; &#42;"]
    );
    assert_eq!(shown(r"\# not a heading", 40), [r"\# not a heading"]);
    assert_eq!(shown(r"**\.bold**", 40), [r"\.bold"]);
}

#[test]
fn code_blocks_are_indented_and_cut_never_wrapped() {
    let text =
        "Look:\n\n```rust\nfn main() {\n    println!(\"a long line of code\");\n}\n```\nafter";
    assert_eq!(
        shown(text, 30),
        [
            "Look:",
            "",
            "  fn main() {",
            "      println!(\"a long line o…",
            "  }",
            "",
            "after"
        ]
    );
    // An indented block keeps its four spaces.
    assert_eq!(
        shown("Code:\n\n    x = 1\n      y", 30),
        ["Code:", "", "    x = 1", "      y"]
    );
    let runs = styled("```\nx = 1\n```");
    assert!(runs.iter().any(|(t, s)| t == "x = 1" && s.code));
}

#[test]
fn lists_hang_under_their_markers() {
    assert_eq!(
        shown("- one\n- two words that wrap\n  1. nested", 16),
        ["• one", "• two words that", "  wrap", "  1. nested"]
    );
    assert_eq!(shown("3. c\n4. d", 16), ["3. c", "4. d"]);
}

#[test]
fn cloze_answers_are_marked() {
    let text = format!("The {MARK_OPEN}**capital**{MARK_CLOSE} is Paris");
    let plain_look = Look {
        marks: true,
        ..look(40, false)
    };
    let lines = render(&text, &plain_look);
    assert_eq!(plain(&lines[0]), "The [capital] is Paris");
    let color = Look {
        marks: true,
        ..look(40, true)
    };
    let runs: Vec<Span> = render(&text, &color).into_iter().flatten().collect();
    let answer = runs
        .iter()
        .find(|s| s.text == "capital")
        .expect("the answer");
    assert!(answer.style.bold && answer.style.underline);
    assert!(!runs.iter().any(|s| s.text.contains(MARK_OPEN)));
    // In code too.
    let code = format!("```\nlet x = {MARK_OPEN}42{MARK_CLOSE};\n```");
    let lines = render(&code, &plain_look);
    assert_eq!(plain(&lines[0]), "  let x = [42];");
    // Unmarked text shows the characters as they are, and unmarked()
    // takes them out of a card's own text.
    assert_eq!(unmarked(&text), "The **capital** is Paris");
}

#[test]
fn controls_from_the_deck_are_shown_not_sent() {
    assert_eq!(
        shown("front \x1b[2J\x1b]0;owned\x07 \u{202e}x", 60),
        ["front ^[[2J^[]0;owned^G \\u{202e}x"]
    );
}

#[test]
fn cut_lines_end_with_an_ellipsis() {
    let line = vec![
        Span::new("abc", Style::BOLD),
        Span::new("defgh", Style::PLAIN),
    ];
    assert_eq!(plain(&cut(&line, 8)), "abcdefgh");
    assert_eq!(plain(&cut(&line, 5)), "abcd…");
    assert_eq!(plain(&cut(&line, 3)), "ab…");
    assert_eq!(columns(&cut(&line, 0)), 0);
}

proptest::proptest! {
    #[test]
    fn every_line_fits_its_width(text in "(?s).{0,300}", width in 10usize..120) {
        for color in [false, true] {
            for line in render(&text, &look(width, color)) {
                proptest::prop_assert!(columns(&line) <= width, "{:?} wider than {}", plain(&line), width);
                proptest::prop_assert!(!plain(&line).chars().any(|c| c.is_control()));
            }
        }
    }

    #[test]
    fn words_survive_wrapping(words in proptest::collection::vec("[a-z]{1,8}", 1..40), width in 10usize..80) {
        let text = words.join(" ");
        let joined: Vec<String> = shown(&text, width).join(" ").split(' ').map(String::from).collect();
        proptest::prop_assert_eq!(joined, words);
    }
}

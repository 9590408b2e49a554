//! Short code blocks read as the commands that complete the sentence
//! before them ("Build it with:" then `make`), see docs/lessons.md.

use pulldown_cmark::{CodeBlockKind, Tag};

use super::markdown::{Block, Kind};
use crate::lesson::lexicon::{LEXICON, Role};
use crate::lesson::text::{RUN, ends_sentence};

/// Longest line of a code block of several lines, in characters, that
/// completes the sentence before it (see [`complete_with_commands`]).
const MAX_INLINE_CODE: usize = 60;

/// Longest code block of one line that does: a single command with its
/// options ("dism.exe /online /enable-feature /featurename:… /all").
const MAX_ONE_LINE: usize = 100;

/// The commands of a short code block, as they complete a sentence: one
/// line, or up to three joined by "; " ("npm install; npm test"). "$ go
/// work init": the prompt is no part of the command, and when some lines
/// have it, the others are the program's output. Comments go. A sample
/// sentence set as code ("Whoops."), program text in braces or lines
/// going on over a break are no commands.
pub(super) fn commands(code: &str) -> Option<String> {
    let lines: Vec<&str> = code
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
        .collect();
    let prompted = lines.iter().any(|l| l.starts_with("$ "));
    let lines: Vec<&str> = lines
        .into_iter()
        .filter(|l| !prompted || l.starts_with("$ "))
        .map(|l| l.strip_prefix("$ ").unwrap_or(l).trim())
        .collect();
    let program =
        |l: &&str| l.ends_with(['{', '}', '(', ',', '\\', '[']) || l.starts_with(['}', ')', ']']);
    let joined = lines.join("; ");
    let fits = match lines.len() {
        1 => joined.chars().count() <= MAX_ONE_LINE,
        2 | 3 => {
            lines.iter().all(|l| l.chars().count() <= MAX_INLINE_CODE)
                && joined.chars().count() <= 2 * MAX_INLINE_CODE
        }
        _ => false,
    };
    let prose = joined.ends_with(['.', '!', '?']);
    // (Indented lines go on from the line before: program text.)
    let indented = code.lines().skip(1).any(|l| l.starts_with([' ', '\t']));
    (fits && !prose && !indented && !lines.iter().any(program)).then_some(joined)
}

/// "Enable it with:", "…check that it is enabled by using": a line that
/// the code after it completes, as its colon announces or as its last
/// word needs the code for its object (see [`stops_for_code`]).
pub fn code_completes(line: &str) -> bool {
    line.ends_with(':') || stops_for_code(line)
}

/// "…check that it is enabled by using", "Run": a line whose last word
/// needs the object the code after it gives (lexicon role `code-object`).
fn stops_for_code(line: &str) -> bool {
    let last = line.rsplit(' ').next().unwrap_or("").to_lowercase();
    !ends_sentence(line) && LEXICON.is(&last, Role::CodeObject)
}

/// A code block being skipped, kept in case it completes the text before
/// it (see [`Code::complete`]).
pub(super) struct Code {
    pub(super) text: String,
    /// The language named after its fence ("```bash"), or "".
    language: String,
    /// It sits in the open item's text, which goes on after it.
    in_item: bool,
}

impl Code {
    /// The code block a tag opens; `None` for an image.
    pub(super) fn new(tag: &Tag, in_item: bool) -> Option<Code> {
        let language = match tag {
            Tag::CodeBlock(CodeBlockKind::Fenced(info)) => info.split_whitespace().next(),
            Tag::CodeBlock(CodeBlockKind::Indented) => None,
            _ => return None,
        };
        Some(Code {
            text: String::new(),
            language: language.unwrap_or("").to_lowercase(),
            in_item,
        })
    }

    /// A short code block after a block ending in ":" or on a word that
    /// needs its object completes that block's last sentence (see
    /// [`commands`]). An item that is only its bold label, with commands
    /// typed at a prompt under it ("**Unstage all files**", then `git
    /// reset`), is done by running them: "Unstage all files. Run: git
    /// reset."
    /// Code in an item's text completes the open item (`open`), other
    /// code the block before it (`last`).
    pub(super) fn complete(&self, open: Option<&mut Block>, last: Option<&mut Block>) {
        let Some(b) = (if self.in_item { open } else { last }) else {
            return;
        };
        let Some(code) = commands(&self.text) else {
            return;
        };
        // (The item's text is joined only for commands typed at a prompt.)
        let run_step = typed_at_a_prompt(&self.text, &self.language)
            && matches!(&b.kind, Kind::Item { label: Some(l), .. }
                if *l == b.text() && !ends_sentence(l));
        if !matches!(b.kind, Kind::Para | Kind::Item { .. }) {
            return;
        }
        let Some(last) = b.lines.last_mut() else {
            return;
        };
        if let Some(lead) = last.strip_suffix(':') {
            *last = format!("{lead}: {code}.");
        } else if stops_for_code(last) {
            // "You can check it is on by using" and the command: the
            // sentence ends with it.
            *last = format!("{last} {code}.");
        } else if points_at_code(last) {
            // ("…run the following command in that directory, where
            // app-name is the file's name." and the command.)
            *last = format!("{}: {code}.", last.trim_end().trim_end_matches('.'));
        } else if run_step {
            *last = format!("{}. {RUN}{code}.", last.trim_end());
        } else {
            return;
        }
        b.code.push(code);
    }
}

/// Does the line's last sentence point at the command shown next ("…run
/// the following command in that directory, where…"; lexicon role
/// `code-pointer`)?
fn points_at_code(line: &str) -> bool {
    let last = line
        .trim_end()
        .strip_suffix('.')
        .map(|l| l.rsplit(". ").next().unwrap_or(l));
    last.is_some_and(|l| {
        let lower = l.to_lowercase();
        let words: Vec<&str> = lower.split_whitespace().collect();
        !LEXICON.find(&words, Role::CodePointer).is_empty()
    })
}

/// Is the code typed at a prompt: fenced as a shell's ("```bash", lexicon
/// role `shell-language`), or shown after a "$ " prompt?
fn typed_at_a_prompt(code: &str, language: &str) -> bool {
    LEXICON.is(language, Role::ShellLanguage)
        || code.lines().any(|l| l.trim_start().starts_with("$ "))
}

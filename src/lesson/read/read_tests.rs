//! Tests of the lesson reader (`mod.rs`): titles, sections, and the
//! helpers other reader tests share.

use super::*;

pub(super) fn read_str(text: &str) -> Lesson {
    read(Path::new("l.md"), &normalize(text)).unwrap()
}

pub(super) fn headings(l: &Lesson) -> Vec<&str> {
    l.sections
        .iter()
        .map(|s| s.heading.as_deref().unwrap_or("-"))
        .collect()
}

pub(super) fn bodies(s: &Section) -> Vec<&str> {
    s.body.iter().map(|p| p.text.as_str()).collect()
}

#[test]
fn a_first_line_the_next_continues_is_no_title() {
    let l = read(
        Path::new("patch-rules.txt"),
        &normalize("Here are the things to check if you want\nyour patch taken quickly.\n\nBuild it twice.\n"),
    )
    .unwrap();
    assert_eq!(l.title, "Patch rules");
}

#[test]
fn an_opening_introduction_or_sentence_is_no_title() {
    // An article pasted without its title, opening on its
    // "Introduction", keeps that as a section.
    let l = read(
        Path::new("job-search.txt"),
        &normalize("Introduction\nApply to a few companies each day, not all at once.\nFollowing up\nWrite to each interviewer within a day.\n"),
    )
    .unwrap();
    assert_eq!(l.title, "Job search");
    assert_eq!(headings(&l), ["Introduction", "Following up"]);
    // A first line that is a whole sentence, stopped, is text.
    let l = read(
        Path::new("definitions.md"),
        &normalize("We have one rule for definitions: use them rarely.\n\n## Common words\n\nNever define a common word.\n"),
    )
    .unwrap();
    assert_eq!(l.title, "Definitions");
    // So is a line announcing a list.
    let l = read(
        Path::new("kiln-faq.md"),
        &normalize(
            "This FAQ is split into these parts:

- Firing
- Glazes

## Firing

Fire slowly up to the first hour.
",
        ),
    )
    .unwrap();
    assert_eq!(l.title, "Kiln faq");
    // "# Background" over the page is its title.
    let l = read_str("# Background\n\n## Recall\n\nTesting yourself builds memory.\n");
    assert_eq!(l.title, "Background");
}

#[test]
fn title_without_body_is_an_error() {
    let err = read(Path::new("l.md"), "# Only a title\n").unwrap_err();
    assert!(err.to_string().contains("no text under it"), "{err}");
}

#[test]
fn control_characters_name_the_line() {
    let err = check_text(Path::new("x.bin"), "ok\nbad\u{0}byte\n").unwrap_err();
    assert_eq!(
        err.to_string(),
        "x.bin:2: control character U+0000: this looks like a binary file, not a lesson"
    );
}

#[test]
fn front_matter_gives_the_title_and_attribute_blocks_go() {
    let text =
        "---\nlang: en\ntitle: \"Open Data\"\n---\n\n## Why {#why}\n\nShare the raw numbers.\n";
    let t = without_front_matter(text);
    assert_eq!(t.lines().count(), text.lines().count());
    assert!(t.starts_with("# Open Data\n"), "{t}");
    assert_eq!(clean_heading("Fast replies {#fast}"), "Fast replies");
    assert_eq!(clean_heading("Closing notes {-}"), "Closing notes");
    assert_eq!(clean_heading("Keep {braces}"), "Keep {braces}");
    assert_eq!(
        without_front_matter("--- not front matter"),
        "--- not front matter"
    );
}

#[test]
fn a_sentence_set_as_a_heading_is_a_lede_and_a_plain_label_gives_way() {
    let l = read_str(
        "# Guide\n\n## Keep Secrets Out\n\n### Keys and passwords can end up in a repository when someone commits a file by mistake.\n\nScan every push for them.\n\n## Step One: Read the Description\n\nIt says what the change is for.\n\n## Disadvantages: Caching\n\nA cache can serve stale data.\n",
    );
    assert_eq!(
        headings(&l),
        [
            "Keep Secrets Out",
            "Read the Description",
            "Disadvantages: Caching"
        ]
    );
    assert_eq!(l.sections[0].body.len(), 2);
    // A long question or guideline without a period is still a heading.
    let l = read_str(
        "# FAQ\n\n## Why is a command unrelated to the plugins I am using getting shimmed by the version manager?\n\nIt only makes shims for the tools it manages.\n\n## Thanks to all the maintainers who shared their experiences and tips with us!\n\nThey made this guide.\n",
    );
    assert_eq!(
        headings(&l),
        [
            "Why is a command unrelated to the plugins I am using getting shimmed by the version manager?"
        ]
    );
    // So is a guideline set as a sentence, its period or not.
    let l = read_str(
        "# HTML\n\n## Use the main element to wrap the content that is unique to the page.\n\nIt helps screen readers skip to it.\n",
    );
    assert_eq!(
        headings(&l),
        ["Use the main element to wrap the content that is unique to the page"]
    );
}

#[test]
fn headings_lose_numbers_and_periods() {
    assert_eq!(
        clean_heading("Step 2: Ask Better Questions."),
        "Ask Better Questions"
    );
    assert_eq!(clean_heading("3) Stay calm"), "Stay calm");
    // A connective places a tip in a sequence; it is no part of it.
    assert_eq!(
        clean_heading("Lastly, think aloud while you code."),
        "Think aloud while you code"
    );
    // A period inside the closing quotation mark ends the heading.
    assert_eq!(
        clean_heading("Find the \"goal tempo.\""),
        "Find the \"goal tempo\""
    );
    // A label that only counts, "#" or not, gives way to its words.
    assert_eq!(
        clean_heading("Tip # 3: Know your audience"),
        "Know your audience"
    );
    assert_eq!(clean_heading("Mistake #2 \u{2014} Rushing"), "Rushing");
    assert_eq!(clean_heading("10 . Showtime"), "Showtime");
    assert_eq!(clean_heading("Area 51: The Base"), "The Base");
    assert_eq!(clean_heading("Tip #2"), "Tip #2");
    // A label before advice gives way to it, opening in capitals.
    assert_eq!(
        clean_heading("Optional: use swing top bottles"),
        "Use swing top bottles"
    );
    // A section's number, dotted.
    assert_eq!(clean_heading("2.1 Use promises"), "Use promises");
    assert_eq!(clean_heading("3.2.1. Split the work"), "Split the work");
    assert_eq!(clean_heading("1.5 million users"), "1.5 million users");
    // A time or count placing a step gives way to the step's name.
    assert_eq!(
        clean_heading("0:15 hours after mixing: Kneading"),
        "Kneading"
    );
    assert_eq!(
        clean_heading("2 weeks out: Book the venue"),
        "Book the venue"
    );
    assert_eq!(clean_heading("Ratio: 1:16"), "Ratio: 1:16");
    // A dash standing apart marks the number too, before a name of two
    // words or more.
    assert_eq!(
        clean_heading("Step 2 - Install the tools"),
        "Install the tools"
    );
    assert_eq!(clean_heading("Stage 3 - Cool"), "Stage 3 - Cool");
    assert_eq!(clean_heading("Step 1 - Install Helm"), "Install Helm");
    assert_eq!(clean_heading("Why now?"), "Why now?");
    assert_eq!(
        clean_heading("Layer 4 load balancing"),
        "Layer 4 load balancing"
    );
}

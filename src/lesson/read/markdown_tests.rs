//! Tests of the Markdown reader ([`super`]).

use crate::lesson::read::PieceKind;
use crate::lesson::read::tests::{bodies, headings, read_str};

#[test]
fn a_paragraph_all_in_bold_heads_what_follows() {
    let l = read_str(
        "# After a rejection\n\n## What next\n\nThere are a few ways forward.\n\n**Ask for feedback**\n\nA short note to the panel often gets an answer.\n\n**Required:**\n\nA polite tone throughout.\n\n**This part was added by a reader**\n\nKeep applying every year.\n",
    );
    assert_eq!(headings(&l), ["What next", "Ask for feedback"]);
    assert_eq!(l.sections[1].context.as_deref(), Some("What next"));
    // (The writer's remark before the first heading heads nothing.)
    let l = read_str(
        "# Writing a test\n\nA test throws when a result is wrong.\n\n**I've made a repo you can follow along with**\n\n### Step 1\n\nCompare the result with the expected one.\n",
    );
    assert_eq!(headings(&l), ["Step 1"]);
    assert_eq!(l.sections.last().and_then(|s| s.context.as_deref()), None);
}

#[test]
fn a_paragraph_all_in_italics_is_an_aside_not_a_heading() {
    let l = read_str(
        "# Bottling\n\n## Bottle\n\nCheck the gravity first.\n\n_taste it too!_\n\nAdd a little sugar to each bottle.\n",
    );
    assert_eq!(headings(&l), ["Bottle"]);
    assert_eq!(
        bodies(&l.sections[0]),
        [
            "Check the gravity first.",
            "taste it too!",
            "Add a little sugar to each bottle."
        ]
    );
}

#[test]
fn a_short_command_completes_the_lead_in_before_it() {
    let l = read_str(
        "# Tool\n\n## Updating\n\nFetch the latest lists with:\n\n    $ tool update\n\nAn example reply:\n\n```\nAll done.\n```\n\nBuild it with:\n\n```\nmake\nmake install\n```\n\nCheck it with:\n\n```\n# the prompt marks the command\n$ tool version\ntool 1.2\n```\n\nRead the config with:\n\n```\nfn main() {\n    load();\n}\n```\n",
    );
    assert_eq!(
        bodies(&l.sections[0]),
        [
            "Fetch the latest lists with: tool update.",
            "An example reply:",
            "Build it with: make; make install.",
            "Check it with: tool version.",
            "Read the config with:"
        ]
    );
}

#[test]
fn a_step_of_only_its_label_is_done_by_the_shell_command_under_it() {
    let l = read_str(
        "# Packages\n\n## Steps\n\n1. **Freeze the versions**\n\n   ```bash\n   pip freeze > req.txt\n   ```\n\n   A teammate can rebuild the same set from it.\n\n1. **Show the tree**\n\n   ```\n   $ pip list\n   ```\n\n1. **Load the module**\n\n   ```python\n   import json\n   ```\n\n   Python finds it on its path.\n",
    );
    // (Each item keeps the text after its code; a command fenced as a
    // shell's or typed after "$ " is how the labelled step is done; other
    // code is left out, as before.)
    let texts: Vec<Vec<&str>> = l.sections.iter().map(bodies).collect();
    assert_eq!(
        texts,
        [
            vec!["Run: pip freeze > req.txt. A teammate can rebuild the same set from it."],
            vec!["Run: pip list."],
            vec!["Python finds it on its path."],
        ]
    );
    assert_eq!(
        headings(&l),
        ["Freeze the versions", "Show the tree", "Load the module"]
    );
    assert!(
        l.sections
            .iter()
            .take(2)
            .all(|s| s.tip && s.sentence_heading)
    );
}

#[test]
fn code_inside_an_item_does_not_cut_off_the_text_after_it() {
    let l = read_str(
        "# Setup\n\n## Install\n\n- Fetch the sources with:\n\n  ```\n  git clone repo\n  ```\n\n  The clone takes a minute.\n- Build them.\n",
    );
    assert_eq!(
        bodies(&l.sections[0]),
        [
            "Fetch the sources with: git clone repo. The clone takes a minute.",
            "Build them."
        ]
    );
}

#[test]
fn phrases_in_bold_inside_the_text_are_kept_as_stressed() {
    let l = read_str(
        "# Tea

## Brewing

**Note:** steep green tea **below boiling point**, or it turns **bitter**.

- **Water:** use it **fresh and cold** every time.
",
    );
    let body = &l.sections[0].body;
    // A label opening the text is no stress, nor is a single word.
    assert_eq!(body[0].stressed, ["below boiling point"]);
    assert_eq!(body[1].stressed, ["fresh and cold"]);
}

#[test]
fn a_list_item_wrapped_by_hand_goes_on_under_its_marker() {
    let l = read_str(
        "Release rules\n\nThese rules keep version numbers honest for everyone.\n\n1. A released version never changes once it is out, and any fix goes into\nthe next version number instead of the old one.\n\n1. A breaking change raises the first number, so that users can\ntell from the number alone whether an upgrade is safe.\n",
    );
    assert!(
        l.sections
            .iter()
            .all(|s| s.heading.as_deref()
                != Some("the next version number instead of the old one")),
        "{:?}",
        headings(&l)
    );
    let all: Vec<&str> = l.sections.iter().flat_map(|s| bodies(s)).collect();
    assert!(
        all.iter()
            .any(|t| t.contains("goes into the next version number")),
        "{all:?}"
    );
}

#[test]
fn markdown_subheadings_are_sections_with_their_parent_as_context() {
    let l = read_str(
        "# The *Title*\n\nIntro **text**.\n\n## First part\n\nBody one.\n\n### Detail\n\n- item a\n- item b\n\n## Second part\n\n### Only child\n\nBody [two](http://x).\n",
    );
    assert_eq!(l.title, "The Title");
    assert_eq!(l.intro[0].text, "Intro text.");
    assert_eq!(headings(&l), ["First part", "Detail", "Only child"]);
    assert_eq!(l.sections[1].context.as_deref(), Some("First part"));
    assert_eq!(bodies(&l.sections[1]), ["item a", "item b"]);
    assert_eq!(l.sections[2].context.as_deref(), Some("Second part"));
}

#[test]
fn a_sentence_stopping_for_a_one_line_command_ends_with_it() {
    let l = read_str(
        "# Streams\n\n## Checking\n\nYou can then check that streams are enabled by using\n\n```\nnats account info\n```\n",
    );
    assert_eq!(
        bodies(&l.sections[0]),
        ["You can then check that streams are enabled by using nats account info."]
    );
}

#[test]
fn code_and_quotes_are_marked_or_left_out() {
    let l =
        read_str("# T\n\n## Part\n\nText before.\n\n```\nlet x = 1;\n```\n\n> A quoted line.\n");
    assert_eq!(bodies(&l.sections[0]), ["Text before.", "A quoted line."]);
    assert_eq!(l.sections[0].body[1].kind, PieceKind::Quote);
}

#[test]
fn a_code_span_of_marks_alone_keeps_its_backticks() {
    let l = read_str(
        "# Shell\n\n## Globs\n\nMatch with `*` (and perhaps `?` and `[`...`]`) in `bash`.\n",
    );
    assert_eq!(
        bodies(&l.sections[0]),
        ["Match with `*` (and perhaps `?` and `[`...`]`) in bash."]
    );
}

#[test]
fn a_lead_in_over_its_own_parts_lists_their_headings() {
    let l = read_str(
        "# Deploying\n\n## Reach the dashboard\n\nIt is private by default. To reach it, use one of these methods:\n\n### Port forwarding\n\nForward a local port.\n\n### A load balancer\n\nAsk the cloud for an address.\n\n## Log in\n\nUse the admin account.\n",
    );
    assert_eq!(
        bodies(&l.sections[0]),
        [
            "It is private by default. To reach it, use one of these methods:",
            "Port forwarding",
            "A load balancer"
        ]
    );
    assert_eq!(l.sections[0].body[1].kind, PieceKind::Item);
    // (Parts named by a number only list nothing.)
    let l = read_str(
        "# Rules\n\n## Add a rule\n\nThere are two ways:\n\n### Option 1\n\nName the port.\n\n### Option 2\n\nName the service.\n",
    );
    assert_eq!(bodies(&l.sections[0]), ["There are two ways:"]);
}

#[test]
fn a_paragraph_counting_ways_over_parts_of_code_lists_their_headings() {
    let l = read_str(
        "# Handlers

## How do I keep a handler's context?

There are several ways to keep it, depending on your build.

### Bind in the constructor

```js
this.f = this.f.bind(this);
```

### An arrow function

```js
f = () => {};
```

## Why bind?

A method passed alone loses its object.
",
    );
    assert_eq!(
        bodies(&l.sections[0]),
        [
            "There are several ways to keep it, depending on your build:",
            "Bind in the constructor",
            "An arrow function"
        ]
    );
}

#[test]
fn a_definition_list_gives_a_tip_per_term() {
    let l = read_str(
        "# Reviewing code\n\n## What to check\n\nReadability\n: Names say what things are.\n\nTests\n: Every change comes with a test.\n\nSecurity\n: Outside input is validated first.\n",
    );
    assert_eq!(headings(&l), ["Readability", "Tests", "Security"]);
    assert_eq!(bodies(&l.sections[1]), ["Every change comes with a test."]);
    assert_eq!(l.sections[1].context.as_deref(), Some("What to check"));
}

#[test]
fn a_hashtag_heading_and_a_paragraph_all_link_are_no_text() {
    let l = read_str(
        "# Errors\n\n## Wrap errors\n\n### `📝 #updated`\n\nWrap each error with what the caller was doing.\n\n🔗 [**Read more: wrapping errors**](./wrap.md)\n\nSee [the guide](./guide.md) for the details of wrapping.\n",
    );
    assert_eq!(headings(&l), ["Wrap errors"]);
    assert_eq!(
        bodies(&l.sections[0]),
        [
            "Wrap each error with what the caller was doing.",
            "See the guide for the details of wrapping."
        ]
    );
}

#[test]
fn a_whole_sentence_in_bold_is_stressed_even_wrapped_over_lines() {
    let l = read_str(
        "# Reviews\n\n## Guidance\n\n**It is the author who fixes a change, not\nthe reviewer.** You need not design it for them.\n",
    );
    let body = &l.sections[0].body;
    assert_eq!(
        body[0].stressed,
        ["It is the author who fixes a change, not the reviewer."]
    );
}

#[test]
fn a_paragraph_after_an_items_nested_list_stays_in_the_item() {
    // "Example: 1.0 < 1.1 <" then a line opening with "1.2.0": inside the
    // item, no line of it is a heading of the page.
    let l = read_str(
        "# Version rules\n\nThe words below follow the usual conventions for rules.\n\n\
         1. A release number has three parts joined by dots. Each part is a whole number.\n\n\
         2. Numbers are compared part by part, from the left, until two parts differ.\n\n   \
         1. The first part counts most.\n\n   \
         2. The last part counts least.\n\n   \
         Example: 1.0.0 < 1.1.0 <\n   1.2.0 < 2.0.0.\n\n\
         3. A release, once published, never changes. Any fix is released under a new number.\n",
    );
    assert!(
        l.sections
            .iter()
            .all(|s| s.heading.as_deref().is_none_or(|h| !h.contains('<'))),
        "{:?}",
        l.sections
    );
    let items = l
        .sections
        .iter()
        .flat_map(|s| &s.body)
        .filter(|p| p.text.starts_with("Example:"))
        .collect::<Vec<_>>();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].kind, PieceKind::Item);
}

#[test]
fn an_item_all_link_is_left_out_of_its_list() {
    let l = read_str(
        "# Launch checklist\n\nWhat to check before a site goes live.\n\n## Security\n\n\
         - [ ] **HTTPS:** Every page and every external resource is served over HTTPS.\n\n\
         - 🛠 [Free SSL Server Test](https://example.com/ssltest)\n\
         - 📖 [Strict Transport Security](https://example.com/hsts)\n\n\
         - [ ] **Content type options:** The server sends nosniff so browsers keep the declared type.\n\n\
         - 📖 [Content type options](https://example.com/nosniff)\n\n\
         - [ ] **Cookies:** Session cookies carry the Secure and HttpOnly flags on every response.\n",
    );
    assert_eq!(headings(&l), ["HTTPS", "Content type options", "Cookies"]);
    // Links without a mark are steps, and stay.
    let l = read_str(
        "# Quick start\n\n## Prerequisites\n\n- [Install Hugo](https://example.com/hugo)\n- [Install Git](https://example.com/git)\n",
    );
    assert_eq!(bodies(&l.sections[0]), ["Install Hugo", "Install Git"]);
}

#[test]
fn a_heading_without_the_space_after_its_hashes_is_still_a_heading() {
    let l = read_str(
        "# Charts\n\n## Kinds\n\nPick the chart for the data.\n\n###Line chart\n\nA line shows change over time.\n\n#Not a hashtag line but a heading\n\nIt has two words or more.\n\n#journey\n\n```\n###Inside code\n```\n\nThe end of the lesson.\n",
    );
    assert_eq!(
        headings(&l),
        ["Kinds", "Line chart", "Not a hashtag line but a heading"]
    );
    assert!(
        bodies(&l.sections[2])
            .iter()
            .any(|b| b.contains("#journey"))
    );
}

#[test]
fn a_first_heading_numbered_like_its_sibling_is_a_section() {
    use crate::lesson::read::{normalize, read};
    let l = read(
        std::path::Path::new("03-repotting-a-fern.md"),
        &normalize(
            "## Step 1: Water the day before\n\nA moist root ball slides out of the pot in one piece.\n\n\
             ## Step 2: Loosen the roots\n\nTease the outer roots apart so they grow into the new soil.\n",
        ),
    )
    .unwrap();
    assert_eq!(l.title, "Repotting a fern");
    assert_eq!(headings(&l), ["Water the day before", "Loosen the roots"]);
    // So is a question among questions, as a FAQ opens.
    let l = read(
        std::path::Path::new("pool-faq.md"),
        &normalize(
            "## When does the pool open?\n\nAt seven on weekdays.\n\n\
             ## Do I need a cap?\n\nYes, in every lane.\n",
        ),
    )
    .unwrap();
    assert_eq!(l.title, "Pool faq");
    assert_eq!(
        headings(&l),
        ["When does the pool open?", "Do I need a cap?"]
    );
    // A first heading over sections of their own names the lesson.
    let l = read(
        std::path::Path::new("notes.md"),
        &normalize("## Caching\n\nA cache keeps answers near.\n\n## Expiry\n\nEvery entry has an age limit.\n"),
    )
    .unwrap();
    assert_eq!(l.title, "Caching");
}

#[test]
fn a_bold_label_closed_without_a_space_still_labels_its_tip() {
    let l = read_str(
        "# Cliches of bad posts\n\nSome habits make readers leave.\n\n\
         1. **\u{201c}Dear Reader\u{201d}:**Is there a phrase more patronising than this one? Nobody reading it feels dear.\n\
         2. **Apologising for silence:**Nobody counts the days between your posts. Readers use feeds and never notice.\n\
         3. **The stock photo:** A picture unrelated to the post adds nothing. Pick one that shows the point.\n",
    );
    assert_eq!(
        headings(&l),
        [
            "\u{201c}Dear Reader\u{201d}",
            "Apologising for silence",
            "The stock photo"
        ]
    );
    assert!(bodies(&l.sections[0]).iter().all(|b| !b.contains("**")));
}

#[test]
fn tips_of_a_list_of_advice_end_as_sentences() {
    let l = read_str(
        "# Being seen at work\n\n## Inside the company\n\nSome other ways are:\n\n\
         * Write long-lived documents such as design notes\n\
         * Cheer on the work of your team in the chat\n\
         * Send a short email about the work of your team each Friday\n\
         * Contribute to the blog of your company\n\
         * Attend or host office hours for your team every month\n\
         * Publish weekly notes about your work for the whole team\n",
    );
    assert_eq!(l.sections.len(), 6);
    assert_eq!(
        bodies(&l.sections[3]),
        ["Contribute to the blog of your company."]
    );
}

#[test]
fn bold_over_a_passage_of_sentences_stresses_it_and_labels_nothing() {
    // Bloggers set their key sentences in bold, two or three at a time:
    // under a heading, such paragraphs stay its text.
    let l = read_str(
        "# Lessons From My First Job\n\n## Pick your first team well\n\n\
         **Years alone count for little. What counts is whom you worked with.** Choose a team \
         that teaches.\n\n\
         Money matters less than learning in the first few years.\n\n\
         **A good team is the first step. Study a little every day too.** An hour a day \
         compounds quickly.\n\n\
         **Mentors matter more than titles. Ask for one on day one.** Most seniors are glad to \
         help.\n",
    );
    assert_eq!(headings(&l), ["Pick your first team well"]);
}

#[test]
fn a_letter_numbering_an_item_inside_its_bullet_is_no_part_of_its_label() {
    // Sub-lists numbered by hand ("- a.", "- b)") under each heading.
    let l = read_str(
        "# Remote work\n\n## Over communicate\n\n\
         - a. **Push, don't pull**:\n\n  Send updates before anyone has to ask for them, so \
         nobody waits on you.\n\n\
         - b. **Work visibly**:\n\n  Share your drafts and findings early so the team can \
         follow and help.\n\n\
         - c) **Learn as a team**:\n\n  Write down what you learn so nobody has to learn it \
         again later.\n",
    );
    assert_eq!(
        headings(&l),
        ["Push, don't pull", "Work visibly", "Learn as a team"]
    );
}

#[test]
fn only_a_counter_before_a_space_is_dropped() {
    use crate::lesson::read::item_label::past_enumerator;
    assert_eq!(past_enumerator("a. "), "");
    assert_eq!(past_enumerator("(iv) Keep notes"), "Keep notes");
    assert_eq!(past_enumerator("12) Rest"), "12) Rest".get(4..).unwrap());
    // (Not an abbreviation, a word or a version.)
    assert_eq!(past_enumerator("i.e. the cache"), "i.e. the cache");
    assert_eq!(past_enumerator("a lot of notes"), "a lot of notes");
    assert_eq!(past_enumerator("3.2 is out"), "3.2 is out");
}

#[test]
fn a_badge_opening_a_heading_is_no_part_of_it() {
    // ("![✔]" without a link is text to Markdown; its pictograph goes, its
    // brackets must too, and the section number after it.)
    let l = read_str(
        "# Practices\n\n## ![✔] 4.1 Tag your tests\n\nTags let you run the fast tests alone.\n\n## [ ] Keep a changelog\n\nReaders see what changed.\n\n## [Links] and more\n\nA bracket with words is text.\n",
    );
    assert_eq!(
        headings(&l),
        ["Tag your tests", "Keep a changelog", "[Links] and more"]
    );
}

#[test]
fn a_sentence_pointing_at_the_following_command_ends_with_it() {
    let l = read_str(
        "# Tool\n\n## Installing\n\nOpen the folder and run the following command there, where \
         `name` is the package's name.\n\n```\ntool install .\\name.pkg /quiet /all /norestart \
         /log:install.txt /target:C:\\Tools\n```\n\nSay why you did it.\n\n```\ntool check\n```\n",
    );
    assert_eq!(
        bodies(&l.sections[0]),
        [
            "Open the folder and run the following command there, where name is the package's \
             name: tool install .\\name.pkg /quiet /all /norestart /log:install.txt \
             /target:C:\\Tools.",
            "Say why you did it."
        ]
    );
}

#[test]
fn a_line_that_is_only_a_template_tag_is_no_text() {
    let l = read_str(
        "# Setup\n\n## Write the file\n\nCreate a file named `app.cfg` and add the port to it.\n\n\
         {{< accordion title=\"What the file does\" >}}\n\nThe port tells the server where to listen.\n\n\
         {{< /accordion >}}\n\n{% include note.html %}\n\n```\n{% raw %}\n```\n",
    );
    let text: String = l.sections.iter().flat_map(bodies).collect();
    assert!(!text.contains("accordion"), "{text}");
    assert!(!text.contains("include note"), "{text}");
    assert!(text.contains("where to listen"), "{text}");
}

//! Tests of the plain-text heading reader (`plain.rs`).

use crate::lesson::read::PieceKind;
use crate::lesson::read::tests::{bodies, headings, read_str};

#[test]
fn plain_text_headings_stand_alone() {
    let l = read_str(
        "A Title\r\n\r\nAn introduction that runs for a while, as they do.\r\n\r\nKeep Your Notes Short.\r\n\r\nLong notes are never read again. Short ones are.\r\n\r\nwhy bother\r\n\r\nBecause it works.\r\n",
    );
    assert_eq!(l.title, "A Title");
    assert_eq!(headings(&l), ["Keep Your Notes Short"]);
    assert_eq!(l.sections[0].body.len(), 3);
}

#[test]
fn lines_pasted_from_a_web_page_are_paragraphs_of_their_own() {
    // A browser's copy puts each paragraph on one line, with no blank
    // line between the tips.
    let l = read_str(
        "Habits of a Calm Cook\n\nCooking for guests goes better with a few habits.\n\nRead the whole recipe before you start. Surprises halfway through, such as a marinade that needs a night, ruin the timing of a dinner.\nLay out every ingredient first. Measuring as you go means hunting for a spice while the onions burn in the pan behind you.\nClean as you cook. A sink that stays empty leaves room to work and saves an hour of scrubbing once the guests have gone.\n",
    );
    let firsts: Vec<&str> = l
        .sections
        .iter()
        .flat_map(|s| &s.body)
        .map(|p| p.text.split('.').next().unwrap_or(""))
        .collect();
    assert_eq!(
        firsts,
        [
            "Cooking for guests goes better with a few habits",
            "Read the whole recipe before you start",
            "Lay out every ingredient first",
            "Clean as you cook"
        ]
    );
    // Lines wrapped by hand stay one paragraph.
    let l = read_str(
        "A Title\n\nThe first line of a paragraph wrapped by hand goes on\nto the next line. And it ends here.\n",
    );
    assert_eq!(l.sections.len(), 1);
    assert_eq!(l.sections[0].body.len(), 1);
}

#[test]
fn a_lead_in_inside_a_paragraph_announces_the_lines_after_it() {
    let l = read_str(
        "Why Stretch After a Run\nStretching after a run takes five minutes. Runners who keep at it find that their legs are:\nLooser the next morning. Tight calves loosen faster when they are stretched while still warm.\nLess often injured. Muscles that keep their range take a bad step without tearing.\nQuicker to recover. Blood keeps moving through the legs instead of pooling in them.\n",
    );
    assert_eq!(
        headings(&l),
        [
            "Looser the next morning",
            "Less often injured",
            "Quicker to recover"
        ]
    );
}

#[test]
fn a_heading_under_a_heading_heads_a_part_of_its_group() {
    let l = read_str(
        "Questions about Licences\n\nLicensing\n\nWhat is a licence?\n\nA licence says what others may do with the code. Without one, nobody may copy it.\n\nWhat is a copyleft licence? A permissive one?\n\nA copyleft licence asks changes to be shared alike; a permissive one does not.\n\nCan I sell it?\n\nYes, with the licence kept.\n\nThe licence travels with every copy you sell.\n",
    );
    assert_eq!(
        headings(&l),
        [
            "What is a licence?",
            "What is a copyleft licence? A permissive one?",
            "Can I sell it?"
        ]
    );
    assert_eq!(l.sections[0].context.as_deref(), Some("Licensing"));
}

#[test]
fn a_short_exclamation_on_its_own_line_is_a_heading() {
    let l = read_str(
        "Shipping Small\nShip Every Week\nWeekly releases keep changes small. Small changes are easy to review.\nKeep at it!\nThe habit takes months to settle. Nobody notices it at first.\n",
    );
    assert_eq!(headings(&l), ["Ship Every Week", "Keep at it"]);
}

#[test]
fn plain_text_headings_without_blank_lines_still_start_sections() {
    let l = read_str(
        "Caching\nA cache keeps answers close.\nWhere Caches Live\nBrowsers keep a private cache.\nShared caches sit between.\nWhen to Revalidate\nAsk the server once the copy is stale.\n",
    );
    assert_eq!(headings(&l), ["Where Caches Live", "When to Revalidate"]);
    assert_eq!(l.intro[0].text, "A cache keeps answers close.");
    assert_eq!(
        bodies(&l.sections[0]),
        ["Browsers keep a private cache. Shared caches sit between."]
    );
}

#[test]
fn lines_after_a_lead_in_are_its_items_not_headings() {
    let l = read_str(
        "Leaving a Project Well\n\nHand Over Your Work\n\nBefore your last week, do three things:\n\nWrite down what only you know\nName an owner for each open task\nArchive the notes nobody will read\n\nA clean handover keeps your name good after you leave.\n\nSay Goodbye\n\nThank the people who helped you, one by one.\n",
    );
    assert_eq!(headings(&l), ["Hand Over Your Work", "Say Goodbye"]);
}

#[test]
fn questions_after_a_lead_in_are_its_items() {
    // Bullets lost in the paste: a run of questions is a list, not
    // headings, though each line looks like one.
    let l = read_str(
        "Reading a Draft\n\nHow to Read\n\nRead the whole piece once before you mark anything at all.\n\nAs you read, ask yourself:\n\nIs it clear?\nIs it easy to follow?\nDoes it assume too much?\n\nWrite your answers down as you go, one line each.\n\nHow to Answer\n\nStart with what works before you say what does not.\n",
    );
    assert_eq!(headings(&l), ["How to Read", "How to Answer"]);
}

#[test]
fn the_last_item_after_a_lead_in_is_no_heading_for_the_text_below() {
    // Items of mixed form, the last one short like the first: one more
    // item, not a heading over the paragraph after the blank line.
    let l = read_str(
        "Turning Down a Change\n\nSay No Kindly\n\nWhen you decline a patch:\n\nThank the author\nPoint to the rule it breaks, if there is one. Stay polite.\nClose the request\n\nOne or two sentences are enough for the reply.\n",
    );
    assert_eq!(headings(&l), ["Say No Kindly"]);
}

#[test]
fn items_after_a_lead_in_end_at_the_next_heading() {
    let l = read_str(
        "Shell notes\n\nScope:\n\nThis covers Bash only.\nIt skips Windows.\nBasics\nLearn to read the manual pages.\nKnow how pipes join commands.\n",
    );
    assert_eq!(headings(&l), ["Basics"]);
}

#[test]
fn hard_wrapped_lines_are_not_headings() {
    let l = read_str(
        "Title\n\nWrite the test first. It tells you\nwhat the code must do before you write it. Then\nKeep going until it passes.\n\nMore Here\n\nBody text that is long enough.\n",
    );
    assert_eq!(headings(&l), ["More Here"]);
    // A line ending in a word that needs the next is wrapped text.
    let l = read_str(
        "Patch checklist\n\nThese rules come on top of the guide provided in\nDocs/submitting.txt and elsewhere.\n\nMore Here\n\nBody text that is long enough.\n",
    );
    assert_eq!(headings(&l), ["More Here"]);
    // A preposition a question word strands ends a heading all the same.
    let l = read_str(
        "Title\n\nAn introduction that runs for a while, as they do.\n\nPut tools back where they came from\nEvery tool has an outline on the wall.\n",
    );
    assert_eq!(headings(&l), ["Put tools back where they came from"]);
}

#[test]
fn a_line_going_on_after_a_dash_in_lower_case_heads_nothing() {
    // Markdown wrapped by hand, a sentence a line: the line before the
    // dash is no heading.
    let l = read_str(
        "# Retries\n\nRetries make calls robust.\nThey also double some calls.\n\n\
         One way out is an idempotency key.\nBut this is no magic trick that will fix everything\n\
         \u{2014} it still requires the server to respect the key.\n\n\
         Reads are idempotent already.\nA second read returns the same thing.\n",
    );
    assert!(
        headings(&l).iter().all(|h| !h.contains("magic trick")),
        "{:?}",
        headings(&l)
    );
}

#[test]
fn a_line_trailing_off_in_an_ellipsis_may_head_a_section() {
    let l = read_str(
        "Title\n\nAn introduction that runs for a while, as they do.\n\nNo jargon\n\nUse words a beginner knows.\n\nNever say \"just...\"\n\nSaying it is simple makes a learner feel slow.\n",
    );
    assert_eq!(headings(&l), ["No jargon", "Never say \"just...\""]);
}

#[test]
fn a_table_of_contents_names_the_headings_and_ends_the_introduction() {
    // A line wrapped by hand above the contents looks like a heading
    // but is the introduction's; a heading the contents leaves out (a
    // sub-heading) is still found by its looks.
    let l = read_str(
        "Writing docs\nDocs matter for every project.\n\nThe Style Guide\nPrinciples page (https://example.org)\nis worth reading first.\nTable of Contents\n1. Where docs live\n1. Keeping docs fresh\nWhere docs live\nDocs should live next to the code.\nKeeping docs fresh\nChange the docs with the code.\nDelete Dead Pages\nOld pages mislead readers for years.\n",
    );
    assert_eq!(
        headings(&l),
        ["Where docs live", "Keeping docs fresh", "Delete Dead Pages"]
    );
    assert!(
        l.intro
            .iter()
            .any(|p| p.text.starts_with("The Style Guide"))
    );
    assert!(l.intro.iter().all(|p| !p.text.contains("Contents")));
}

#[test]
fn a_contents_whose_entries_never_come_back_is_plain_text() {
    let l = read_str(
        "Notes\n\nContents\n1. Alpha part\n1. Beta part\n\nKeep Notes Short\n\nShort notes get read again.\n",
    );
    assert!(headings(&l).contains(&"Keep Notes Short"));
    assert!(!headings(&l).contains(&"Alpha part"));
}

#[test]
fn a_line_going_on_in_brackets_is_no_heading() {
    let l = read_str(
        "Docs\nIntro text that is long enough to be body.\nGeneral guides should live in this repository\n(see the policy page).\nMore Here\nBody text that is long enough.\n",
    );
    assert_eq!(headings(&l), ["More Here"]);
}

#[test]
fn numbered_headings_lose_their_numbers() {
    let l = read_str(
        "Prepare\n\nIntro paragraph here, long enough to be body text for sure.\n\n1. Research the company\n\nRead what they publish.\n\n2. Practise out loud\n\nSay answers aloud.\n- one\n- two\n",
    );
    assert_eq!(headings(&l), ["Research the company", "Practise out loud"]);
    assert_eq!(bodies(&l.sections[1]), ["Say answers aloud.", "one", "two"]);
}

#[test]
fn a_numbered_label_heads_a_section_after_a_line_without_its_period() {
    // A page pasted as text: the last line of a tip lost its period, and
    // no blank line sets the next tip's heading apart.
    let l = read_str(
        "Staying Well at Work\n\nSmall habits keep stress from building up over a long week.\n\nTip 1: Get moving\nA short walk at lunch clears the head and loosens the back\nTip 2: Talk to someone\nA friend who listens takes the weight off a hard week\nTip 3: Make time for rest\nPlan one evening a week with nothing in it at all.\n",
    );
    assert_eq!(
        headings(&l),
        ["Get moving", "Talk to someone", "Make time for rest"]
    );
}

#[test]
fn a_quotations_attribution_heads_nothing() {
    let l = read_str(
        "Learning by Play\n\nWhy play works better than drill.\n\n\"Rule 1: do the fun things first\n\nRule 2: skip the dull ones\"\n\n\u{2014} Ana Lima, March 2021\n\nThis quote says that a hobby lasts only while it stays fun. People keep at what they enjoy.\n\nThe Ratio\n\nKeep four parts easy to one part hard, so the work stays enjoyable.\n",
    );
    let hs = headings(&l);
    assert!(hs.contains(&"The Ratio"), "{hs:?}");
    assert!(!hs.iter().any(|h| h.contains("Ana Lima")), "{hs:?}");
    // Nor is a line of the quotation above it.
    assert!(!hs.iter().any(|h| h.contains("Rule")), "{hs:?}");
}

#[test]
fn short_lines_one_under_another_are_a_list_that_lost_its_bullets() {
    // Pasted without blank lines: a heading, its paragraph, a list whose
    // bullets were lost, then the next heading over its paragraph.
    let l = read_str(
        "Slides that work\n\
         Rooms are dark and people are tired\n\
         Nobody reads a dense slide at the back of a hall after lunch, however good it is.\n\
         Use large fonts\n\
         Keep one idea per slide\n\
         Prefer pictures to bullet points (a chart beats a table)\n\
         Cut every word you would read aloud\n\
         Rehearse with a timer\n\
         Most talks overrun by a third, and the cut always falls on the conclusion.\n",
    );
    assert_eq!(
        headings(&l),
        [
            "Rooms are dark and people are tired",
            "Rehearse with a timer"
        ]
    );
    // A paragraph wrapped by hand is no list, its lines short or not.
    let l = read_str(
        "Software\n\nIf you or your group are creating thousands of lines of code\nfor use by people you have never met, you are doing engineering\nIf you write a few lines now and again\nyou may not be doing engineering at all.\n",
    );
    assert_eq!(headings(&l), ["-"]);
}

#[test]
fn a_single_bullet_is_an_item_not_a_heading() {
    // "- Rooftop kitchen" alone under "Examples" is the one example, and
    // the line after it is the next method, not a part of that example.
    let l = read_str(
        "Growing food in a city\nThere are a few places to grow food in a city.\nBalcony boxes\nA box on a balcony takes herbs and salad leaves.\nExamples\n- Rooftop kitchen\nCommunity plots\nA shared plot gives room for beans and squash.\nExamples\n- Allotment on the rail embankment\n",
    );
    assert_eq!(
        headings(&l),
        ["Balcony boxes", "Examples", "Community plots", "Examples"]
    );
    assert_eq!(l.sections[1].context.as_deref(), Some("Balcony boxes"));
    assert_eq!(l.sections[2].context, None);
}

#[test]
fn a_pages_link_line_heads_nothing() {
    let l = read_str(
        "Allotments\n\nA plot of your own grows more than vegetables.\n\
         How do I get a plot?\n\
         Ask the town council to put you on the waiting list, which opens every spring.\n\
         See Our Guide to Choosing a Plot.\n\
         Learn About the Site Rules.\n\
         What can I grow?\n\
         Anything but trees, which shade the plots beside yours.\n",
    );
    assert_eq!(headings(&l), ["How do I get a plot?", "What can I grow?"]);
}

#[test]
fn a_question_in_a_script_heads_nothing() {
    let l = read_str(
        "Mock Interviews\n\nPractice your answers out loud with a friend, as often as you can before the day.\n\nHere is how one went:\n\nInterviewer: What project are you proud of?\nCandidate: A search tool I built for my class.\nInterviewer: Can you think of a time you missed a deadline?\nCandidate: Yes, and I learned to plan buffers.\n\nThe second answer is better, because it admits a failure.\n",
    );
    // (No heading at all: a section per paragraph.)
    assert!(headings(&l).iter().all(|h| *h == "-"), "{:?}", headings(&l));
    // (Nor does the writer's question about what they just said, nor a
    // remark on it, nor one short sentence on its own.)
    let l = read_str(
        "# Finding work you love\n\nMake a list of what you do each week, then circle what you enjoy.\n\n\
         What do I mean by this?\n\nThe circled things show what you would do unpaid, and you \
         keep at them when they get hard.\n\nThis is love.\n\nLove of a thing is caring for \
         it when it frustrates you.\n\nHaving two loves is fine.\n\nMost people care for more \
         than one thing, and each can pay in its own way.\n",
    );
    assert!(headings(&l).iter().all(|h| *h == "-"), "{:?}", headings(&l));
}

#[test]
fn lines_of_advice_one_under_another_are_tips_that_lost_their_bullets() {
    // Pasted from a web page: each tip on its line, however long, some
    // with their own sentences after the advice. None heads the others.
    let l = read_str(
        "Running a club\n\nWhat the organiser does\n\nThe work is mostly people work, and it is never quite done.\n\
         Reserve the hall. (early)\n\
         Write the newsletter each month. Keep it short, as people read it on the bus.\n\
         Welcome new members at the door. A name remembered brings them back.\n\
         Praise the volunteers!\n\
         Decide when a project should stop.\n",
    );
    assert_eq!(headings(&l), ["What the organiser does"]);
    let items = l.sections[0]
        .body
        .iter()
        .filter(|p| p.kind == PieceKind::Item);
    assert_eq!(items.count(), 5);
    // Headings over their paragraphs take turns with them: they stay.
    let l = read_str(
        "Talks\n\nRehearse with a timer\nTime each part and cut what overruns.\nSlow down\nSpeak at half the speed you think you need.\n",
    );
    assert_eq!(headings(&l), ["Rehearse with a timer", "Slow down"]);
}

#[test]
fn a_long_question_heading_still_heads_its_answer() {
    let l = read_str(
        "# FAQ\n\n### What should I do if I update my own dependencies?\n\n\
         It depends on the change you made.\n\n\
         ### What if I change the public API in a way that does not match the version number change (that is, the code brings a breaking change in a patch release)?\n\n\
         Use your best judgment. Versions are all about conveying meaning.\n",
    );
    assert_eq!(l.sections.len(), 2, "{:?}", headings(&l));
}

#[test]
fn a_line_leaving_a_bracket_open_is_no_heading() {
    let l = read_str(
        "# Isolation\n\nDatabases can update records in place or keep versions of them. Each way \
         has its costs.\n\nThe example shows that isolation (or versioning\n\"without locks\") is \
         weaker than it looks. Applications must check their own invariants.\n",
    );
    assert!(
        l.sections.iter().all(
            |s| s.heading.as_deref() != Some("The example shows that isolation (or versioning")
        ),
        "{:?}",
        headings(&l)
    );
}

#[test]
fn a_list_of_jargon_glosses_its_terms() {
    let l = read_str(
        "# Climbing\n\nClimbers share a small vocabulary of their own.\n\n## Some lingo\n\n\
         - **Beta**: Information on how to complete a climb\n\n\
         - **Send**: Completing a climb cleanly from start to finish\n\n\
         - **Crimp**: A small edge held with the fingertips\n\n\
         - **Project**: A climb you keep working on over many sessions\n\n\
         - **Pump**: The burning fatigue in your forearms after a while\n\n\
         ## Grading\n\nEvery gym grades its problems in its own way, so ask the staff.\n",
    );
    let glossed: Vec<bool> = l
        .sections
        .iter()
        .filter(|s| s.tip)
        .map(|s| s.glossed)
        .collect();
    // (Not "Send", "Project" or "Pump", which can advise.)
    assert_eq!(
        glossed,
        [true, false, true, false, false],
        "{:?}",
        headings(&l)
    );
}

#[test]
fn tips_whose_text_is_a_sentence_gloss_nothing() {
    let l = read_str(
        "# Talks\n\nSpeaking well takes practice.\n\n## Tips\n\n\
         - **Energy**: A flat voice loses the room within minutes.\n\n\
         - **Stay hydrated**: Keep a bottle of water near the lectern\n\n\
         - **Pace**: Slow down when you reach the key point.\n",
    );
    assert!(l.sections.iter().all(|s| !s.glossed), "{:?}", headings(&l));
}

#[test]
fn a_line_pointing_at_what_follows_heads_nothing() {
    let l = read_str(
        "Deadlock\n\nDeadlock happens when every process waits on another.\n\n\
         Livelock\n\nLivelock happens when processes keep running but make no progress.\n\n\
         Consider the following fix\n\
         Each worker drops its lock after ten seconds. This avoids deadlock but may livelock.\n",
    );
    assert!(
        !headings(&l).contains(&"Consider the following fix"),
        "{:?}",
        headings(&l)
    );
    assert!(headings(&l).contains(&"Livelock"), "{:?}", headings(&l));
}

#[test]
fn a_line_naming_a_part_of_the_text_may_still_head_it() {
    let l = read_str(
        "Sourdough\n\nA starter needs flour, water and a few days of patience.\n\n\
         The example loaf\n\nThe loaf below rose for twelve hours before it was baked.\n\n\
         Feeding\n\nFeed the starter every morning with equal weights of flour and water.\n",
    );
    assert!(
        headings(&l).contains(&"The example loaf"),
        "{:?}",
        headings(&l)
    );
}

#[test]
fn a_line_ending_on_by_and_a_gerund_runs_on_into_its_object() {
    let l = read_str(
        "File handles\nEvery open file has a handle that the program reads from.\n\
         Opening a file twice\nEach open call gives a handle of its own, with its own offset.\n\
         Let us try an example by calling\n\
         fd1 = open(\"notes.txt\", O_RDONLY);\n\
         Both calls return different numbers, and each handle reads from the start.\n\
         Closing a file\nClosing a handle frees its number for the next open call.\n",
    );
    assert_eq!(
        headings(&l),
        ["Opening a file twice", "Closing a file"],
        "{:?}",
        headings(&l)
    );
}

#[test]
fn a_short_line_atop_lines_in_lower_case_heads_them() {
    let l = read_str(
        "Hands that hurt\n\nRest helped less than I hoped; changing habits helped more.\n\n\
         Therapy\n\
         massage - focus on the arms, shoulders and upper back, and book a long one first\n\
         physical therapy - they treated the pain more than its cause, which did not last\n\n\
         Exercise\n\
         Walking three times a week loosened my arms more than any brace did.\n",
    );
    assert_eq!(headings(&l), ["Therapy", "Exercise"], "{:?}", headings(&l));
}

#[test]
fn an_annotation_over_pasted_code_heads_nothing() {
    let l = read_str(
        "Testing With Properties\n\nA property states what holds for every input, and the library looks for one that breaks it.\n\nShrinking\n\nWhen a property fails, the library makes the failing input smaller before it reports it.\n\n@Property\nboolean sortedStaysSorted(@ForAll List<Integer> xs) {\n    return isSorted(sort(xs));\n}\n\nThe report then shows the smallest list that still fails.\n\n@Provide(\"names\")\n\nA provider gives the inputs a property asks for by name.\n",
    );
    assert_eq!(headings(&l), ["Shrinking"]);
}

#[test]
fn code_after_a_lead_in_is_no_list_it_announces() {
    let l = read_str(
        "Test doubles\n\nStub\nA stub answers a call with a value fixed in advance. Here is an example of a stub in Java:\n\npublic class StubRequest implements Request {\n\tprivate final String key, val;\n\n\tpublic StubRequest(String key) {\n\t\tthis.key = key;\n\t}\n}\n\nThe stub lets a test choose what the request holds.\n",
    );
    let texts: Vec<&str> = l.sections.iter().flat_map(bodies).collect();
    assert!(
        texts.iter().all(|t| !t.contains("public class")),
        "{texts:?}"
    );
}

#[test]
fn a_comment_inside_indented_code_is_no_markdown_heading() {
    // ("   # open the file" is a heading to Markdown, which allows three
    // spaces before it; between lines of code it is the code's comment,
    // and the text keeps its plain headings.)
    let l = read_str(
        "Reading Files\n\nOpening a File\n\nA program opens a file before it reads it:\n\n   # open the file for reading\n   f = open(\"notes.txt\")\n   # read it all\n   text = f.read()\n\nThe call returns the whole text as one string.\n\nClosing a File\n\nClose each file you open, or the system runs out of handles.\n\nSee also: The io module documents every mode a file can be\nopened in.\n",
    );
    assert_eq!(headings(&l), ["Opening a File", "Closing a File"]);
    let text = bodies(&l.sections[0]).join(" ");
    assert!(!text.contains("read it all"), "{text}");
    // ("See also: …" points elsewhere; it heads nothing.)
    assert!(bodies(&l.sections[1]).join(" ").contains("See also"));
}

#[test]
fn a_name_between_double_underscores_in_plain_text_is_no_bold() {
    let l = read_str(
        "Docstrings\n\nThe First String\n\nA docstring becomes the __doc__ attribute of its \
         object, and __init__.py may hold one for a package.\n\nCode spans stay: `__init__` \
         and ``__all__`` are names.\n\n    x = f.__doc__\n",
    );
    let text = bodies(&l.sections[0]).join(" ");
    assert!(
        text.contains("becomes the __doc__ attribute") && text.contains("__init__.py may"),
        "{text}"
    );
    assert!(
        text.contains("`__init__`") || text.contains(" __init__ and __all__ "),
        "{text}"
    );
    assert!(!text.contains('\\'), "{text}");
    // In Markdown, double underscores make bold as ever.
    let l = read_str("# Notes\n\n## Rule\n\nThis is __not__ allowed, because it breaks.\n");
    assert!(bodies(&l.sections[0])[0].contains("is not allowed"));
}

#[test]
fn a_heading_set_in_by_tabs_or_spaces_is_no_code() {
    let l = read_str(
        "\n            Keeping bees in a small garden\n\n\
         A short guide for people with a small garden and a wish to keep bees.\n\n\
         \t\tChapter 1: The hive\n\n\
         A hive needs shelter from the wind and sun in the morning.\n\n\
         \t\tChapter 2: The neighbours\n\n\
         Tell the neighbours before the bees arrive, and give them honey later.\n\n\
         \tcargo run --release\n",
    );
    assert_eq!(l.title, "Keeping bees in a small garden");
    assert_eq!(headings(&l), ["The hive", "The neighbours"]);
}

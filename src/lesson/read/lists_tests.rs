//! Tests of lists of tips ([`super`]).

use crate::lesson::read::tests::{bodies, headings, read_str};

#[test]
fn paragraphs_opening_with_a_bold_label_are_tips_when_three_or_more() {
    let l = read_str(
        "# Debt\n\n## Habits\n\nA few habits keep debt low.\n\n**Pay it down early.** Debt grows with every change built on it.\n\nEven an hour a week helps.\n\n**Write it down.** A list of known debt lets the team weigh it.\n\n**Review the list monthly.** Old entries get fixed or dropped.\n",
    );
    // "Habits" only led into its tips: it is their context.
    assert_eq!(
        headings(&l),
        [
            "Pay it down early",
            "Write it down",
            "Review the list monthly"
        ]
    );
    assert_eq!(l.sections[0].context.as_deref(), Some("Habits"));
    assert_eq!(
        bodies(&l.sections[0]),
        [
            "Debt grows with every change built on it.",
            "Even an hour a week helps."
        ]
    );
    // One or two bold lead-ins ("**Note:** …") are no list of tips.
    let l = read_str(
        "# Debt\n\n## Habits\n\n**Note:** debt is normal.\n\nPay it down early.\n\n**Tip:** keep a list.\n",
    );
    assert_eq!(headings(&l), ["Habits"]);
}

#[test]
fn a_label_that_only_counts_gives_way_to_the_tip_it_numbers() {
    let l = read_str(
        "# Panels\n\n## Tips\n\nA few tips for running a panel online.\n\n- **Tip #1**: Test the sound first. Viewers forgive a blurry picture but leave when they cannot hear.\n- **Tip #2**: Keep the panel small. Three voices leave each speaker time to finish a thought.\n- **Tip #3**: Share the questions early. Panelists who know them answer with care.\n",
    );
    assert_eq!(
        headings(&l),
        [
            "Test the sound first",
            "Keep the panel small",
            "Share the questions early"
        ]
    );
    assert_eq!(
        bodies(&l.sections[1]),
        ["Three voices leave each speaker time to finish a thought."]
    );
}

#[test]
fn bold_labels_line_after_line_of_one_paragraph_are_tips_too() {
    let l = read_str(
        "# Debt\n\n## Habits\n\nA few habits keep debt low.\n\n**Pay it down early.** Debt grows with every change.\n**Write it down.** A list of known debt lets the team weigh it.\n**Review the list monthly.** Old entries get fixed or dropped.\n",
    );
    assert_eq!(
        headings(&l),
        [
            "Pay it down early",
            "Write it down",
            "Review the list monthly"
        ]
    );
    assert_eq!(
        bodies(&l.sections[1]),
        ["A list of known debt lets the team weigh it."]
    );
}

#[test]
fn bold_label_paragraphs_under_the_title_alone_are_tips() {
    // No heading but the title: the tips are still one section each,
    // and the introduction stays.
    let l = read_str(
        "# Starters

A starter is yeast and bacteria. It lasts for years with care.

**Feed it on a schedule.** A starter eats its flour and goes hungry.

**Keep it warm.** Yeast works best at 25 degrees.

**Discard before you feed.** Old starter crowds the jar.
",
    );
    assert_eq!(
        headings(&l),
        [
            "Feed it on a schedule",
            "Keep it warm",
            "Discard before you feed"
        ]
    );
    assert_eq!(l.sections[1].line, 7);
    assert_eq!(l.intro.len(), 1);
}

#[test]
fn a_bold_sentence_labels_its_item_however_long() {
    // The period after the bold; one label longer than a short lead.
    let l = read_str(
        "# Updates

## Rules

1. **Keep a branch that only receives security fixes and nothing else for the users who cannot move yet**. Such branches are often called long-term support.
2. **Mark an interface deprecated before you remove it**. Users then have time to move.
3. **Test the old and the new interface**. Both stay in use.
",
    );
    assert_eq!(
        headings(&l),
        [
            "Keep a branch that only receives security fixes and nothing else for the users who cannot move yet",
            "Mark an interface deprecated before you remove it",
            "Test the old and the new interface"
        ]
    );
    assert!(l.sections.iter().all(|s| s.sentence_heading));
    assert_eq!(bodies(&l.sections[1]), ["Users then have time to move."]);
}

#[test]
fn a_stressed_word_that_only_insists_labels_nothing() {
    let l = read_str(
        "# Running a class

## In the room

- *Do* encourage questions from the back rows.
  - Walk to the back when you ask for them.
- **Never** read your slides aloud word for word.
- *Do* end five minutes early.
  - People need time to reach their next room.
",
    );
    assert_eq!(
        headings(&l),
        [
            "Encourage questions from the back rows",
            "Never read your slides aloud word for word",
            "End five minutes early"
        ]
    );
    // (The heading's sentence is there for a tip that has nothing else.)
    assert_eq!(
        bodies(&l.sections[1]),
        ["Never read your slides aloud word for word."]
    );
}

#[test]
fn a_stressed_verb_opening_a_one_sentence_item_labels_nothing() {
    let l = read_str(
        "# Ending a class

## Parting gifts

- **Give** students a handout. People forget what they only heard.
- **Develop** a checklist and hand it out as the parting gift.
- **Avoid** sharing files you have no right to share.
",
    );
    assert_eq!(
        headings(&l),
        [
            "Give students a handout",
            "Develop a checklist and hand it out as the parting gift",
            "Avoid sharing files you have no right to share"
        ]
    );
}

#[test]
fn a_bold_label_over_nested_items_is_a_tip_made_of_them() {
    let l = read_str(
        "# Seedlings

## Stages

- **Prick out**
  - Wait for the first true leaves.
  - Lift each one by a leaf.
- **Pot on**
  - Choose a pot one size larger.
  - Water an hour before.
",
    );
    assert_eq!(headings(&l), ["Prick out", "Pot on"]);
    assert_eq!(
        bodies(&l.sections[1]),
        ["Choose a pot one size larger.", "Water an hour before."]
    );
}

#[test]
fn a_bare_label_among_tips_is_a_tip_and_bare_labels_alone_are_a_list() {
    let l = read_str(
        "# Reviews

## Everyone

- **Accept that style is an opinion**
  - Discuss the tradeoffs and settle quickly.
- **Don't use sarcasm**
- **Be explicit**
  - People online do not always read your intent.
",
    );
    assert_eq!(
        headings(&l),
        [
            "Accept that style is an opinion",
            "Don't use sarcasm",
            "Be explicit"
        ]
    );
    let l = read_str(
        "# Terms

## Words

- **Latency**
- **Throughput**
- **Jitter**
",
    );
    assert_eq!(headings(&l), ["Words"]);
}

#[test]
fn labels_with_a_short_gloss_stay_one_list() {
    let l = read_str(
        "# Sys\n\n## Guarantees\n\nA store can promise only two of these:\n\n* **Consistency** - every read sees the latest write\n* **Availability** - every request gets an answer\n\nNetworks fail, so most stores keep partition tolerance.\n",
    );
    assert_eq!(headings(&l), ["Guarantees"]);
}

#[test]
fn a_list_of_tips_gives_one_section_per_tip() {
    let l = read_str(
        "Title\n\nGood habits are:\n\n- **Small.** Small changes are read with care.\n- **Tested.** A tested change breaks less.\n  - even a small test helps\n",
    );
    assert_eq!(headings(&l), ["Small", "Tested"]);
    assert_eq!(l.sections[0].lead_in.as_deref(), Some("Good habits are:"));
    assert_eq!(
        bodies(&l.sections[1]),
        ["A tested change breaks less.", "even a small test helps"]
    );
    let l = read_str(
        "Design tips\n\nA few habits help.\n\n1. Start with requirements. Ask what the system must do.\n2. Sketch the data. Tables outlive code.\n",
    );
    assert_eq!(headings(&l), ["Start with requirements", "Sketch the data"]);
}

#[test]
fn a_numbered_list_broken_by_paragraphs_and_bullets_is_one_list_of_tips() {
    let l = read_str(
        "# Pairing habits\n\nPairing well takes some habits that most teams learn slowly.\n\n1. *Share the keyboard*: Swap who types every twenty minutes, so that both people stay awake.\nThe one typing explains each step aloud.\n\nTools that help:\n- a timer on the desk\n- a shared editor\n\n2. *Plan breaks*: Stop once an hour, even when the work is going well.\n\n3. *Write notes*: Record what was decided and why, in the ticket.\nNotes outlive memory.\n",
    );
    assert_eq!(
        headings(&l),
        ["Share the keyboard", "Plan breaks", "Write notes"]
    );
    assert_eq!(
        bodies(&l.sections[2]),
        ["Record what was decided and why, in the ticket. Notes outlive memory."]
    );
}

#[test]
fn a_label_closed_by_a_colon_over_its_lines_heads_a_tip() {
    // Plain text: "1. Tested:" and the lines under it are one item.
    let l = read_str(
        "Done\nEvery page should meet these criteria:\n\n1. Reviewed:\nIdeally, two people review a page:\none who knows the topic, and one who does not.\n\n1. Tested:\nAny page that describes a process is tried by a developer.\n",
    );
    assert_eq!(headings(&l), ["Reviewed", "Tested"]);
    assert_eq!(
        bodies(&l.sections[0]),
        ["Ideally, two people review a page: one who knows the topic, and one who does not."]
    );
}

#[test]
fn advice_before_a_dash_heads_its_item() {
    let l = read_str(
        "Tips\n\n- Fill in the form as you go \u{2014} this is quicker than doing it all at the end. Some parts take time to find.\n- Brief your referees early. They need time to write.\n",
    );
    assert_eq!(
        headings(&l),
        ["Fill in the form as you go", "Brief your referees early"]
    );
    assert_eq!(
        bodies(&l.sections[0])[0],
        "This is quicker than doing it all at the end. Some parts take time to find."
    );
    // A spaced hyphen is the dash typed in plain text.
    let l = read_str(
        "Tips\n\n- Keep titles short - put the whole argument in a few words. Papers do it well.\n- Brief your referees early. They need time to write.\n",
    );
    assert_eq!(headings(&l)[0], "Keep titles short");
}

#[test]
fn long_advice_with_its_purpose_heads_its_item_by_the_advice() {
    let l = read_str(
        "Tips\n\n- Register on the careers website of the local council for a personal adviser to get free help from someone who knows the process well. Advisers reply within a day.\n- Brief your referees early. They need time to write.\n",
    );
    assert_eq!(
        headings(&l),
        [
            "Register on the careers website of the local council for a personal adviser",
            "Brief your referees early"
        ]
    );
    assert!(bodies(&l.sections[0])[0].starts_with("To get free help from someone"));
}

#[test]
fn bullets_of_paragraphs_under_a_heading_are_tips_unless_announced() {
    let list = "- Mind the round trip time. People work in different time zones and may take a whole day to reply to a message.\n- Raise your voice now and then. Nobody bumps into you at the coffee machine when you work from home all week.\n- When the whole team works in different places and nobody shares an office, the written word carries the weight of every decision the team makes. Write with care.\n";
    let l = read_str(&format!(
        "# Remote work\n\n## Communication\n\nWriting is most of the job when the team is spread out.\n\n{list}"
    ));
    // (The third item has no lead sentence short enough to label it.)
    assert_eq!(
        headings(&l),
        [
            "Mind the round trip time",
            "Raise your voice now and then",
            "-"
        ]
    );
    assert_eq!(l.sections[0].context.as_deref(), Some("Communication"));
    let l = read_str(&format!(
        "# Remote work\n\n## Communication\n\nWriting is most of the job. Two habits help:\n\n{list}"
    ));
    assert_eq!(headings(&l), ["Communication"]);
}

#[test]
fn pictographs_marking_items_are_no_part_of_them() {
    let l = read_str(
        "Tips\n\n- 🔹Use roles for machines. Keys on disk leak sooner or later.\n- ❗ Turn on the audit log. You will want the record after an incident.\n",
    );
    assert_eq!(
        headings(&l),
        ["Use roles for machines", "Turn on the audit log"]
    );
}

#[test]
fn a_list_of_plain_items_stays_a_list() {
    let l = read_str("Title\n\n## Part\n\nRoutes by:\n\n- Random\n- Least loaded\n");
    assert_eq!(headings(&l), ["Part"]);
    assert_eq!(
        bodies(&l.sections[0]),
        ["Routes by:", "Random", "Least loaded"]
    );
}

#[test]
fn a_numbered_list_of_paragraphs_gives_a_tip_per_item() {
    let l = read_str(
        "# Open research\n\n## The principles\n\nOpen research rests on a handful of ideas.\n\n1. The first principle is open data. Datasets behind a paper are published with it, in formats others can read, so results can be checked.\n2. The second principle is open source. The code that produced the figures is shared under a licence that lets others run and change it.\n3. The third principle is open access. Papers are free to read for everyone, not only for those whose library pays for the journal.\n",
    );
    assert_eq!(
        headings(&l),
        [
            "The first principle is open data",
            "The second principle is open source",
            "The third principle is open access"
        ]
    );
    // Numbered steps of one sentence each stay one list.
    let l = read_str(
        "# Setup\n\n## Install\n\nGet the tool running first.\n\n1. Download the installer from the project site.\n2. Run it and accept the default folder.\n3. Open a new terminal so the path is read again.\n",
    );
    assert_eq!(headings(&l), ["Install"]);
}

#[test]
fn items_each_naming_their_idea_in_bold_are_tips_named_by_it() {
    let l = read_str(
        "# Garden rules\n\nWe keep four rules in the garden.\n\n1. Every autumn we dig compost in, because **soil first** is what feeds the crops.\n2. We plant in blocks so the leaves shade out weeds, a habit we call **close planting** here.\n3. No family grows in the same bed two years running, which is plain **crop rotation** at work.\n4. A hose at the roots keeps the leaves dry, and this **root watering** stops mildew.\n",
    );
    assert_eq!(
        headings(&l),
        [
            "Soil first",
            "Close planting",
            "Crop rotation",
            "Root watering"
        ]
    );
    // The whole item is the tip's text, its term in place.
    assert_eq!(
        bodies(&l.sections[2]),
        [
            "No family grows in the same bed two years running, which is plain crop rotation at work."
        ]
    );
    // Bold words in only some items, or two in one, name no tips.
    let l = read_str(
        "# Garden rules\n\nWe keep three rules in the garden.\n\n1. Every autumn we dig compost in, because **soil first** is what feeds the crops.\n2. We plant in blocks so the leaves shade out weeds, as a habit of the whole garden.\n3. No family grows in the same bed two years running, which is plain **crop rotation** at **work**.\n",
    );
    assert_eq!(l.sections.len(), 1);
}

#[test]
fn one_unlabelled_paragraph_among_labelled_tips_is_a_tip_too() {
    let l = read_str(
        "# Remote work\n\n## Habits\n\n- **Write things down.** Notes outlive calls. Everyone can read them later.\n- **Use one time zone.** A shared clock avoids mistakes. Dates stay clear for all.\n- Sometimes a short call at the start of a project helps a lot. Its goal should be written down for those who miss it.\n- **Share what changed.** Decisions made alone need telling. Post them where the team reads.\n",
    );
    assert_eq!(l.sections.len(), 4);
    assert_eq!(l.sections[0].heading.as_deref(), Some("Write things down"));
    assert_eq!(l.sections[2].heading, None);
    assert_eq!(l.sections[3].heading.as_deref(), Some("Share what changed"));
}

#[test]
fn a_numbered_list_of_paragraphs_under_the_title_alone_gives_a_tip_per_item() {
    // The list is the lesson's body: its items are its parts.
    let text = "# Release rules\n\nThese rules keep releases calm.\n\n1. Every release gets a written plan. The plan names who presses the button and when.\n2. Releases never happen on a Friday. A broken weekend costs more than a late week.\n3. Each release can be rolled back in minutes. Without a way back, every bug becomes an outage.\n4. The team reviews each release a day later. What went wrong is fixed in the plan for the next one.\n";
    let l = read_str(text);
    assert_eq!(
        headings(&l),
        [
            "Every release gets a written plan",
            "Releases never happen on a Friday",
            "Each release can be rolled back in minutes",
            "The team reviews each release a day later"
        ]
    );
}

#[test]
fn a_long_list_of_one_sentence_advice_gives_a_tip_per_item() {
    let list = "- Start on time, even if half the room is missing.\n- Speak slowly, especially when some people work in a second language.\n- Make sure each exercise fits in fifteen minutes.\n- Walk the room while people work, because stuck learners rarely ask.\n- Keep the slides short, and leave the details for the handout.\n- Take a break every hour, or attention drops sharply.\n";
    let l = read_str(&format!(
        "# Workshops\n\n## During the session\n\nSome habits help:\n\n{list}"
    ));
    // Each item is a tip without a label, under the list's heading.
    assert_eq!(l.sections.len(), 6);
    assert!(l.sections.iter().all(|s| s.tip && s.heading.is_none()));
    assert_eq!(l.sections[0].context.as_deref(), Some("During the session"));
    // Three short items fit on one card's back: the list stays whole.
    let l = read_str(
        "# Meetings\n\n## Running one\n\n- Send the agenda a day before.\n- Start on time.\n- End with the decisions.\n",
    );
    assert_eq!(headings(&l), ["Running one"]);
}

#[test]
fn a_numbered_list_of_advice_is_split_only_when_named_as_advice() {
    let items = "1. Read the whole recipe before you start, so nothing surprises you.\n2. Set out every ingredient before the first pan goes on the heat.\n3. Taste at every stage, not only at the end.\n4. Sharpen your knives every week, since a blunt knife slips.\n5. Never leave hot oil unattended, even for a moment.\n6. Keep a damp cloth under the board so it cannot slide.\n";
    let l = read_str(&format!(
        "# Habits of calm cooks\n\nCalm kitchens are made, not born.\n\n{items}"
    ));
    assert_eq!(l.sections.len(), 6);
    // The same list under a title naming no advice is a list of steps.
    let l = read_str(&format!(
        "# Cooking dinner\n\nCalm kitchens are made, not born.\n\n{items}"
    ));
    assert!(l.sections.len() <= 1, "{:?}", headings(&l));
}

#[test]
fn a_numbered_list_setting_ways_to_behave_is_advice_whatever_its_title() {
    let items = "1. Be early, ideally ten minutes before the hour. A late start rushes every item after it.\n1. Share the agenda and say what each item needs:\n    - \"Any updates?\"\n    - \"Decide the release date by Friday\"\n1. Don't read the slides aloud; people read faster than you speak.\n1. Be brief even if the topic is dear to you.\n1. Write down every decision with its owner.\n1. End with the next steps and who takes them.\n";
    let l = read_str(&format!(
        "# Running meetings\n\nA good meeting saves everyone an afternoon of messages.\n\n{items}"
    ));
    let tips: Vec<&str> = l
        .sections
        .iter()
        .filter(|s| s.tip)
        .map(|s| s.body[0].text.as_str())
        .collect();
    assert_eq!(tips.len(), 6, "{:?}", headings(&l));
    // (The examples under an item ending in a colon are not its text.)
    assert!(tips[1].ends_with("say what each item needs."), "{tips:?}");
    // The same list led in as a procedure is a list of steps.
    let l = read_str(&format!(
        "# Running meetings\n\nA good meeting saves everyone an afternoon of messages.\n\nFollow this process:\n\n{items}"
    ));
    assert!(l.sections.iter().all(|s| !s.tip), "{:?}", headings(&l));
}

#[test]
fn labels_set_off_by_a_colon_make_tips_beside_a_long_unlabelled_one() {
    let l = read_str(
        "# Garden\n\n## Garden tips\n\n- If you have never grown anything before, start with herbs and salad leaves, because they forgive late watering.\n- Mulch: A layer of straw or compost keeps moisture in and weeds down all summer.\n- Spacing: Crowded plants compete for light and catch mildew in a wet season.\n- Crop rotation: Moving each family of vegetables every year keeps soil pests away.\n",
    );
    assert_eq!(headings(&l), ["-", "Mulch", "Spacing", "Crop rotation"]);
}

#[test]
fn a_pair_of_labelled_examples_is_no_list_of_tips() {
    let l = read_str(
        "# Reviews\n\n## Courtesy\n\nBe kind and clear in every comment you leave on a change.\n\n- Bad: \"Why did you use threads here when they obviously bring no benefit at all?\"\n- Good: The threads add complexity without any gain that I can see in the numbers.\n",
    );
    assert_eq!(headings(&l), ["Courtesy"]);
}

#[test]
fn paragraphs_after_labelled_tips_in_a_lesson_without_headings_stand_apart() {
    let l = read_str(
        "Designing a Schema\n\nKnow your queries before you design anything. Three properties matter:\n\nData size: Knowing how much data is stored and read at once decides how to split it.\nData shape: A store that keeps data in the shape of its queries answers them faster.\nData velocity: The rate of reads and writes decides how many partitions are needed.\n\nKeep related data together. Items read together should sit together on disk.\n\nKeep few tables. Most applications need one or two, whatever their size.\n\nSpread the load. A key that every query hits becomes the bottleneck of the system.\n",
    );
    assert_eq!(
        &headings(&l)[..3],
        ["Data size", "Data shape", "Data velocity"]
    );
    // The paragraphs after the list are sections of their own, not one
    // long introduction.
    assert!(l.sections.len() >= 5, "{:?}", headings(&l));
}

#[test]
fn a_numbered_list_of_advice_under_a_long_opening_is_still_the_body() {
    let l = read_str(
        "# Giving feedback\n\nGiving feedback is one of the hardest parts of managing people, and most managers put it off until a small problem has grown into a large one. The habits below make it a routine rather than an event:\n\n1. Give feedback soon after the event, while you both remember it.\n2. Describe what you saw and the effect it had.\n3. Ask how they see it before you give your view.\n4. Agree on one next step and write it down.\n5. Follow up a week later to see whether it helped.\n6. Praise in public and correct in private.\n",
    );
    // Two sentences before six items: the list is the lesson's body.
    assert_eq!(l.sections.len(), 6, "{:?}", headings(&l));
    assert!(l.sections.iter().all(|s| s.tip));
}

#[test]
fn a_long_list_of_tips_may_mix_in_a_statement_and_a_third_sentence() {
    let list = "- Don't guess a dish's salt. Taste it, then season. Taste again.\n- Never crowd the pan, or the food steams instead of browning.\n- The oven runs hot at the back. Turn the tray halfway through.\n- Your job isn't to follow the recipe to the letter but to feed people well.\n- Rest meat before slicing it so the juices stay in.\n- Patiently let onions soften before you add the garlic.\n";
    let l = read_str(&format!("# Cooking\n\n## Habits\n\n{list}"));
    // Six items, one a statement only, one of three sentences: each is a
    // tip, and one opening with context then advice counts as advice.
    assert_eq!(l.sections.len(), 6);
    assert!(l.sections.iter().all(|s| s.tip));
    // In a short list, a third sentence keeps the list whole.
    let l = read_str(
        "# Cooking\n\n## Habits\n\n- Taste as you go. Season a little at a time. Taste again before serving it to anyone.\n- Rest meat before slicing it so the juices stay in the meat.\n- Let onions soften slowly before you add the garlic to the pan.\n",
    );
    assert_eq!(headings(&l), ["Habits"]);
}

#[test]
fn a_lead_sentence_leaning_on_the_one_before_labels_nothing() {
    let l = read_str(
        "# Git\n\n## History\n\n- Do not rewrite published history. Others have built on it and will lose work.\n- However, there are cases where a rewrite is fine. A branch nobody else uses can be tidied freely.\n- Keep the history simple. Squash fixups before you merge them.\n",
    );
    let hs = headings(&l);
    assert!(!hs.iter().any(|h| h.starts_with("However")), "{hs:?}");
}

#[test]
fn a_glossary_letter_over_one_term_heads_that_term() {
    let l = read_str(
        "# Garden words\n\n## B\n\n* **bolting** - running to seed early, which makes leaves bitter.\n\n\
         ## C\n\n* **cloche** - a small cover that warms one plant.\n\
         * **compost** - rotted plant matter that feeds the soil.\n",
    );
    assert_eq!(headings(&l), ["bolting", "cloche", "compost"]);
}

#[test]
fn a_numbered_steps_list_is_its_instructions_not_tips() {
    let l = read_str(
        "# Repotting a fern\n\n## Step 1: Prepare the pot\n\n\
         - Soak a clay pot for an hour. A dry pot pulls water out of fresh soil.\n\
         - Cover the drainage hole with a shard. It keeps the soil from washing out.\n\
         - Add a layer of fresh compost. Two fingers deep is enough for a fern.\n\n\
         ## Step 2: Move the plant\n\n\
         ### Lift it out\n\n\
         - Tip the old pot on its side. Support the crown with one hand.\n\
         - Tap the rim on the bench edge. The root ball slides out whole.\n\
         - Tease the outer roots loose. They grow into the new soil faster.\n",
    );
    assert_eq!(headings(&l), ["Prepare the pot", "Lift it out"]);
}

#[test]
fn a_tips_whole_text_in_brackets_is_its_text() {
    let l = read_str(
        "# Memory\n\nTwo ideas carry the method:\n\n\
         1. **Recall** (You answer from memory before you look. Looking first teaches nothing.).\n\
         2. **Spacing** (You review a card just before you would forget it.).\n",
    );
    let recall = l
        .sections
        .iter()
        .find(|s| s.heading.as_deref() == Some("Recall"))
        .unwrap();
    assert_eq!(
        bodies(recall),
        ["You answer from memory before you look. Looking first teaches nothing."]
    );
}

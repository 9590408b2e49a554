//! What a point card's back gains for answering the kind of question its
//! heading asks: the fix for a mistake, the advice for a case, the
//! method for "how" (see docs/lessons.md, "What it writes").

use super::Topic;
use super::ask::Ask;
use super::mistake::{self, Fault};
use super::quote::{own_words, writers_past};
use super::sentence::Sent;
use crate::lesson::language::{Analysis, Pos, Word, known_verb, past_participle};
use crate::lesson::text::stem;

/// What a sentence gains for answering the kind of question asked:
/// - "You're watering down your message": what to do instead answers,
///   not why people do it;
/// - "If you go away for a week" (`cased`): the question asks what to do
///   then, so the advice answers, the section's first sentence of
///   substance (`first`) most (see `case_and_advice`);
/// - "How do you give feedback?": the method answers, not what the
///   activity is good for; and under it or a step of a procedure (`how`),
///   a command most.
pub(super) fn answers_what_is_asked(
    s: &Sent,
    topic: &Topic,
    how: bool,
    cased: bool,
    first: bool,
) -> f64 {
    let mut score = 0.0;
    if topic.mistake == Fault::Recast && mistake::gives_the_fix(s) {
        score += 1.5;
    }
    // ("What is wrong with getting everyone on the call?": what it costs
    // answers, "The problem was that…", not the fix.)
    if topic.mistake == Fault::Named {
        if s.reason {
            score += COST_WEIGHT;
        } else if mistake::gives_the_fix(s) {
            score -= FIX_WEIGHT;
        }
    }
    if cased && s.imperative {
        score += if first { 3.0 } else { 1.0 };
    }
    if asks_how(topic) && s.gives_method() && !object_leans(s) {
        score += METHOD_WEIGHT;
    }
    if means_to_the_advice(s, topic) {
        score += MEANS_WEIGHT;
    }
    // ("We embraced lockfiles with open arms" under "Enforce the
    // lockfile": the writers' own story is no answer to advice; under a
    // question, "Why UTC?", what they decided is.)
    // (Only a sentence speaking as "we" can: `personal` is known already.)
    if matches!(topic.ask, Ask::Do | Ask::DoNot)
        && s.personal
        && writers_past(&own_words(&s.a, &s.text))
    {
        score -= STORY_WEIGHT;
    }
    // ("…you can enable UFW by the command: ufw enable." under "Enabling
    // UFW": the command is how.)
    if how && s.command {
        score += COMMAND_WEIGHT;
    }
    // ("Why don't we just use asymmetric encryption?" — "Because it is much
    // slower.": the reason given straight is the answer.)
    let opens = s.a.content().next().map(|w| w.norm.as_str());
    if asks_why(topic) && matches!(opens, Some("because" | "since")) {
        score += REASON_WEIGHT;
    }
    if asks_for_a_value(topic) && gives_a_value(s, topic) {
        score += VALUE_WEIGHT;
    }
    score
}

/// What [`answers_what_is_asked`] adds to a value that answers "What is
/// the ideal…?".
const VALUE_WEIGHT: f64 = 2.0;

/// "What is the ideal hydration?", "What is a good ratio of salt?": a
/// question asking for the best value of a thing.
fn asks_for_a_value(topic: &Topic) -> bool {
    let words: Vec<&str> = topic.analysis.content().map(|w| w.norm.as_str()).collect();
    question_opens_with(&topic.ask, &topic.analysis, "what")
        && matches!(words.get(1), Some(&("is" | "are")))
        && words
            .iter()
            .skip(2)
            .take(2)
            .any(|w| VALUE_WORDS.contains(w))
}

/// The words that ask for, or give, the value to aim for.
const VALUE_WORDS: [&str; 8] = [
    "best",
    "ideal",
    "good",
    "right",
    "recommended",
    "optimal",
    "aim",
    "target",
];

/// "70% is a good hydration to aim for": a sentence with a number that
/// names the thing asked about, or calls the value good.
fn gives_a_value(s: &Sent, topic: &Topic) -> bool {
    let numbered = s.text.chars().any(|c| c.is_ascii_digit());
    let names_it = s.a.content().any(|w| {
        w.pos.is_nominal() && topic.stems.contains(&stem(&w.norm))
            || VALUE_WORDS.contains(&w.norm.as_str())
    });
    numbered && names_it
}

/// What [`answers_what_is_asked`] adds to what a named mistake costs.
const COST_WEIGHT: f64 = 1.5;

/// What [`answers_what_is_asked`] takes from the fix under "What is wrong
/// with…?".
const FIX_WEIGHT: f64 = 2.0;

/// What [`answers_what_is_asked`] takes from the writers' own story
/// under advice.
const STORY_WEIGHT: f64 = 1.5;

/// What [`scores`] adds to a sentence opening on "Because" under a
/// question asking why.
const REASON_WEIGHT: f64 = 1.5;

/// Is the heading a question asking why ("Why don't we…?")?
fn asks_why(topic: &Topic) -> bool {
    question_asks_why(&topic.ask, &topic.analysis)
}

/// Is a heading of this form and these words a question asking why?
pub(super) fn question_asks_why(ask: &Ask, heading: &Analysis) -> bool {
    question_opens_with(ask, heading, "why")
}

/// Is the heading a question opening on `word` ("why", "how")?
fn question_opens_with(ask: &Ask, heading: &Analysis, word: &str) -> bool {
    *ask == Ask::Question && heading.content().next().is_some_and(|w| w.norm == word)
}

/// What [`answers_what_is_asked`] adds to the means to the heading's own
/// action.
const MEANS_WEIGHT: f64 = 1.0;

/// "By creating a volume and mounting it, you can persist the data" under
/// "Persist the todo data": a sentence naming the heading's verb and a
/// means ("by" and a gerund) says how to do what the heading advises.
pub(super) fn means_to_the_advice(s: &Sent, topic: &Topic) -> bool {
    let Some(verb) = topic
        .analysis
        .content()
        .next()
        .filter(|_| topic.ask == Ask::Do)
    else {
        return false;
    };
    let verb = stem(&verb.norm);
    let words: Vec<&Word> = s.a.content().collect();
    // ("Download the latest version from https://…" under "Download the
    // CLI": the advice done again, with where from or with what.)
    let done_with = s.imperative
        && !s.reason
        && words.first().is_some_and(|w| stem(&w.norm) == verb)
        && words
            .iter()
            .any(|w| matches!(w.norm.as_str(), "from" | "using" | "via" | "through"));
    // ("To access it from your browser, use one of the methods: …": the
    // heading's action as a purpose, then the means.)
    let to_do_it = words.len() > 2
        && words[0].norm == "to"
        && stem(&words[1].norm) == verb
        && s.a
            .words
            .windows(2)
            .any(|p| p[0].norm == "," && p[1].pos == Pos::Verb);
    // ("Run the seed script to load a few rows" under "Load some rows":
    // another action done for the heading's own.)
    let done_for_it = s.imperative
        && words.first().is_some_and(|w| stem(&w.norm) != verb)
        && words
            .windows(2)
            .any(|p| p[0].norm == "to" && stem(&p[1].norm) == verb);
    // ("The database can be started using the bundled scripts": what it
    // is done with, in the passive.)
    let passive_means = words.windows(3).any(|p| {
        p[0].norm == "be"
            && (past_participle(&p[1].norm)
                || p[1].norm.ends_with("ed")
                || known_verb(&p[1].norm) == Some(true))
            && matches!(p[2].norm.as_str(), "using" | "via" | "through")
    });
    done_with
        || to_do_it
        || done_for_it
        || passive_means
        || words
            .windows(2)
            .any(|w| w[0].norm == "by" && w[1].norm.ends_with("ing"))
            && words.iter().any(|w| stem(&w.norm) == verb)
}

/// "Run it once by hand": advice whose object leans on the sentence
/// before, which says how only with it.
fn object_leans(s: &Sent) -> bool {
    s.imperative
        && s.a.content().nth(1).is_some_and(|w| {
            matches!(
                w.norm.as_str(),
                "it" | "them" | "this" | "that" | "these" | "those"
            )
        })
}

/// What [`answers_what_is_asked`] adds to a sentence ending on a command
/// under a question asking how.
const COMMAND_WEIGHT: f64 = 2.5;

/// What [`scores`] adds to a sentence saying how, under a question
/// asking how.
const METHOD_WEIGHT: f64 = 0.6;

/// Does the point's question ask how whatever its back says: "How to X",
/// or an activity ("Creating a network": "How do you create…?")?
/// (Advice asks why or how by what its back says; see `why_or_how`.)
pub(super) fn asks_how(topic: &Topic) -> bool {
    !topic.made_up && matches!(topic.ask, Ask::HowTo | Ask::Gerund)
}

/// A question heading asking "How…?" over a section that gives a method
/// ("How should I handle deprecation?" over "When you deprecate a call,
/// you should…"): the method answers it.
pub(super) fn question_asks_how(ss: &[Sent], topic: &Topic) -> bool {
    question_opens_with(&topic.ask, &topic.analysis, "how")
        && ss.iter().any(|s| s.substantive() && s.gives_method())
}

/// What `back::scores` adds to a sentence under a question heading: the
/// first answers, most when it names what the question asks about, but
/// under "How…?" only a method answers and a statement before it sets
/// the question up.
pub(super) fn answer_lift(s: &Sent, topic: &Topic, asks_how: bool, first: bool) -> f64 {
    let method = asks_how && s.gives_method();
    let lift = if method { HOW_METHOD } else { 0.0 };
    if !first || (asks_how && !method) {
        lift
    } else if super::back::heading_share(&topic.stems, &s.stems()) > 0.0 {
        lift + 1.5
    } else {
        lift + 0.6
    }
}

/// What `back::scores` adds to a method under a question asking how.
const HOW_METHOD: f64 = 0.8;

#[cfg(test)]
mod tests {
    #[test]
    fn a_value_named_good_answers_what_the_ideal_is() {
        let pairs = crate::lesson::cards::question::tests::lesson_pairs(
            "# Tea notes\n\n## What is the ideal water temperature for green tea?\n\n\
             The cooler the water, the sweeter the cup becomes. This comes at the cost of \
             a weaker taste. Boiling water scalds the leaves and draws out bitter tannins. \
             For most green teas 80 degrees is a good temperature to aim for.\n\n\
             ## Why warm the pot?\n\nA cold pot takes heat from the water, because the \
             clay soaks it up.\n",
        );
        assert!(pairs[0].1.contains("80 degrees"), "{pairs:?}");
    }

    use crate::lesson::cards::question::tests::lesson_pairs;

    fn back_of(pairs: &[(String, String)], front: &str) -> String {
        pairs
            .iter()
            .find(|(f, _)| f == front)
            .map(|(_, b)| b.clone())
            .unwrap_or_else(|| panic!("no {front:?} in {pairs:?}"))
    }

    #[test]
    fn the_command_a_tutorial_gives_answers_how_to_do_what_it_heads() {
        let pairs = lesson_pairs(
            "# Running a small web server\n\n## Install\n\nThe package is in every \
             distribution's repository.\n\n## Starting NGINX\n\nOnce the site files are in \
             place (see above) you can start the server with the command:\n\n\
             ```console\n$ systemctl start nginx\n```\n\n\
             The NGINX server is started now and listens on port 80.\n\n\
             ## Getting a certificate\n\nBrowsers warn visitors away from plain HTTP. Certbot \
             fetches a free certificate and renews it before it expires.\n\n\
             Run it once by hand:\n\n```\nsudo certbot --nginx -d example.org\n```\n",
        );
        // A gerund over a name asks how; the sentence the command ends
        // answers, its pointer "(see above)" left out.
        assert_eq!(
            back_of(&pairs, "How do you start NGINX?"),
            "Once the site files are in place you can start the server with the command: \
             systemctl start nginx."
        );
        // "Run it" runs what the paragraph before named.
        let back = back_of(&pairs, "How do you get a certificate?");
        assert!(back.starts_with("Certbot fetches"), "{back}");
        assert!(back.ends_with("Run it once by hand: sudo certbot --nginx -d example.org."));
    }

    #[test]
    fn a_numbered_step_is_asked_how_and_its_command_answers() {
        let pairs = lesson_pairs(
            "# Setting up the sandbox\n\n## Step 1 - Enable the sandbox feature\n\n\
             You must first enable the optional sandbox feature before installing any \
             images on the machine.\n\n\
             Open a shell (Start menu > Shell > right-click > Run as admin) and enter \
             this command:\n\n```\nfeatures.exe /online /enable-feature /name:Sandbox /all \
             /norestart\n```\n\nWait to restart your machine and move on to the next step.\n\n\
             ## Step 2 - Set the sandbox as your default\n\n\
             Open a shell and run this command to set the sandbox as the default for new \
             images:\n\n```\nsandbox --set-default 2\n```\n",
        );
        // The command a path through menus leads to answers, though the
        // sentence before names the heading's words.
        let back = back_of(&pairs, "How should you enable the sandbox feature?");
        assert!(back.starts_with("Open a shell"), "{back}");
        assert!(back.contains("/enable-feature /name:Sandbox"), "{back}");
        // A purpose that is the heading's own is no reason: a back
        // ending on a command answers how.
        let back = back_of(&pairs, "How should you set the sandbox as your default?");
        assert!(back.ends_with("sandbox --set-default 2."), "{back}");
    }

    #[test]
    fn a_platform_under_a_task_asks_how_the_task_is_done_there() {
        let pairs = lesson_pairs(
            "# Setting up the editor\n\n## Step 1 - Installing Vim\n\n### Debian\n\n\
             By default, Vim is included in every Debian install since version 9 and \
             does not need to be installed later. If it has to be reinstalled, this is \
             possible with the following command:\n\n```console\n$ apt-get install vim\n```\n\n### Windows\n\n\
             Unfortunately Vim is not part of Windows by default. However, the package \
             can be quickly installed from the Windows package manager:\n\n\
             ```console\n$ winget install vim.vim\n```\n\n",
        );
        let fronts: Vec<&str> = pairs.iter().map(|(f, _)| f.as_str()).collect();
        assert!(
            fronts.contains(&"How do you install Vim on Debian?"),
            "{fronts:?}"
        );
        assert!(
            fronts.contains(&"How do you install Vim on Windows?"),
            "{fronts:?}"
        );
    }

    #[test]
    fn the_following_command_points_at_nothing_once_the_command_is_in_it() {
        let pairs = lesson_pairs(
            "# Running a small web server\n\n## Install\n\nThe package is in every \
             distribution's repository.\n\n## Restarting NGINX\n\nA new site file takes \
             effect only after a restart, which clears old caches too. For this you \
             can use the following command:\n\n```console\n$ systemctl restart nginx\n```\n",
        );
        let back = &pairs[1].1;
        assert!(
            back.ends_with("the following command: systemctl restart nginx."),
            "{back}"
        );
    }

    #[test]
    fn the_advice_done_again_from_a_source_says_how() {
        let pairs = lesson_pairs(
            "# Setting up the toolchain\n\n## Download the compiler\n\nDownload the latest \
             release from https://example.org/releases. The release notes list what changed.\n\n\
             ## Keep a changelog\n\nKeep a changelog in the repository. Users read it before \
             they upgrade.\n",
        );
        assert!(
            pairs
                .iter()
                .any(|(f, _)| f == "How should you download the compiler?"),
            "{pairs:?}"
        );
    }

    #[test]
    fn the_heading_done_as_a_purpose_then_its_means_says_how() {
        let pairs = lesson_pairs(
            "# Deploying\n\n## Reach the dashboard\n\nThe dashboard is private by default. \
             To reach the dashboard from a browser, use one of these methods:\n\n\
             ### Port forwarding\n\nForward a local port to the service.\n\n\
             ### A load balancer\n\nAsk the cloud provider for an address.\n",
        );
        let back = back_of(&pairs, "How should you reach the dashboard?");
        assert!(
            back.ends_with("Port forwarding, A load balancer."),
            "{back}"
        );
    }

    #[test]
    fn an_option_of_a_tool_says_how_to_do_its_task() {
        let text = "# Driving the fetch tool\n\n\
            ## Follow redirects\n\n\
            Passing the option --follow (-f for short) makes the tool go on to the new address a server names.\n\n\
            ## Limit the time\n\n\
            Slow servers can hold a transfer open for minutes. The --max-time option stops it after as many seconds as you give.\n\n\
            ## Avoid leaking the token\n\n\
            The tool prints every header it sends. To be safe, add the --hide-auth option to each call.\n";
        let pairs = lesson_pairs(text);
        let fronts: Vec<&str> = pairs.iter().map(|(f, _)| f.as_str()).collect();
        assert!(
            fronts.contains(&"How should you follow redirects?"),
            "{fronts:?}"
        );
        assert!(
            fronts.contains(&"How should you limit the time?"),
            "{fronts:?}"
        );
        assert!(back_of(&pairs, "How should you limit the time?").contains("--max-time"));
        // (Advice against something too: the option is how to avoid it.)
        assert!(back_of(&pairs, "How can you avoid leaking the token?").contains("--hide-auth"));
    }

    #[test]
    fn the_writers_own_story_is_no_answer_to_advice() {
        let text = "# Shipping safely\n\n\
            ## Pin the toolchain\n\n\
            We adopted toolchain files with great hopes, which promised the same toolchain on every machine.\n\n\
            Luckily, there is a way to make every build use the pinned version. \
            The command should read as follows:\n\n\
            - If you use rustup, run `rustup override set 1.80`.\n\
            - If you use a file, write the version in `rust-toolchain.toml`.\n";
        let pairs = lesson_pairs(text);
        let (_, back) = pairs
            .iter()
            .find(|(f, _)| f.contains("pin the toolchain"))
            .unwrap_or_else(|| panic!("{pairs:?}"));
        assert!(
            back.starts_with("The command should read as follows"),
            "{back}"
        );
    }

    #[test]
    fn another_action_for_the_advice_or_a_passive_means_says_how() {
        let pairs = lesson_pairs(
            "# Queue quick start\n\n\
             ## Step 2: Start the database\n\n\
             The database can be started using the bundled scripts or the container image.\n\n\
             ## Step 3: Load some rows\n\n\
             Run the seed script to load a few rows into your table. \
             Each line of the file becomes a separate row.\n",
        );
        let fronts: Vec<&str> = pairs.iter().map(|(f, _)| f.as_str()).collect();
        for asked in [
            "How should you start the database?",
            "How should you load some rows?",
        ] {
            assert!(fronts.contains(&asked), "{fronts:?}");
        }
    }

    #[test]
    fn what_a_named_mistake_costs_answers_what_is_wrong_with_it() {
        let pairs = lesson_pairs(
            "# Meeting anti-patterns\n\n\
             ## Inviting the whole team\n\n\
             We used to invite every engineer to each planning meeting. \
             Ask only the people who own a decision on the agenda. \
             The problem was that most of them sat through an hour without a word to say.\n\n\
             ## Skipping the notes\n\n\
             Write the decisions down before everyone leaves the room. \
             Without notes the same questions come back the next week, which means \
             the meeting is held twice.\n\n\
             ## Not sharing the notes\n\n\
             Notes that stay on one laptop help nobody, because the team cannot act on them.\n",
        );
        // (A denied activity is one too.)
        back_of(&pairs, "What is wrong with not sharing the notes?");
        let back = back_of(&pairs, "What is wrong with inviting the whole team?");
        assert_eq!(
            back,
            "The problem was that most of them sat through an hour without a word to say."
        );
        let back = back_of(&pairs, "What is wrong with skipping the notes?");
        assert!(back.contains("Without notes"), "{back}");
    }
}

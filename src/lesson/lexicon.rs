//! The roles a tagger cannot see (reasons, leaning openers, fixed phrases,
//! general nouns...): word lists kept as data in `lexicon.txt` and loaded
//! into one [`Lexicon`], each entry listed once per role (see
//! docs/lessons.md).

use std::collections::BTreeSet;
use std::sync::LazyLock;

/// The roles a tagger cannot see, from `lexicon.txt`.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// (role, entry as words joined by one space): an entry may serve
    /// several roles ("example" is a general noun and an example heading),
    /// but each role lists it once.
    entries: BTreeSet<(Role, String)>,
    /// Longest entry, in words.
    longest: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Role {
    Reason,
    Leaning,
    Fixed,
    Generic,
    NounEnding,
    Personal,
    SubjectPronoun,
    /// A word opening a question ("why", "which"): a heading opening
    /// on one asks.
    QuestionWord,
    /// Words announcing what comes next ("the following"): a line
    /// holding them leads in and heads nothing.
    Announcing,
    Narrator,
    Pointer,
    Example,
    SummaryHeading,
    IntroHeading,
    ExampleHeading,
    Defining,
    AspectHeading,
    NeedHeading,
    Frame,
    Ordinal,
    ContentNoun,
    ReferenceHeading,
    PointerOpening,
    GenericTitle,
    HookOpening,
    Preposition,
    IrregularPlural,
    /// A past form and its verb, "chose choose": the dictionary links
    /// "liked" to "like" but an irregular past to nothing.
    IrregularPast,
    PlacingConjunction,
    ContentsLabel,
    CriteriaNoun,
    CodeObject,
    ShellLanguage,
    BylineLabel,
    DateLabel,
    Calendar,
    Emphasis,
    Quantifier,
    AnnouncedNoun,
    WhyHeading,
    WorkingsHeading,
    HowHeading,
    StepsHeading,
    NotesHeading,
    /// A program's message level ("ERROR:", "warning:").
    MessageLevel,
    RuleModal,
    VerbParticle,
    /// A verb of something happening, which takes no object ("occurs").
    HappeningVerb,
    /// A connective setting a sentence against the one before ("on the
    /// other hand").
    ContrastConnective,
    /// A verb giving words to a speaker ("says").
    SpeechVerb,
    SecondComplement,
    Possessive,
    Conduct,
    GerundTaking,
    /// A verb whose object takes an infinitive ("ask the user to…").
    ObjectInfinitive,
    /// A verb whose infinitive says what is tried, not what for.
    InfinitiveTaking,
    /// A verb saying what a thing holds or gives ("includes").
    HavingVerb,
    ConclusionOpening,
    SequenceOpening,
    SynopsisOpening,
    GlossaryTitle,
    /// A title word that names getting something wrong ("mistakes").
    FaultTitle,
    /// A word of a section's text that marks a mistake ("trap").
    FaultSign,
    /// An opening reporting a view the writer goes on to weigh ("A
    /// common idea is that…").
    Hearsay,
    /// A verb that softens the advice in the gerund after it ("Consider
    /// getting…").
    SofteningVerb,
    /// A verb of advice that a clause holds ("Ensure inputs have labels").
    EnsuringVerb,
    /// A reminder before advice ("Make sure you", "Remember to").
    ReminderOpening,
    /// Words framing what a heading asks about ("What about", "Show me").
    QuestionFrame,
    /// Words closing a heading that only frame it ("explained").
    ClosingFrame,
    /// A verb of saying in -s ("states", "argues").
    SayingVerb,
    /// A law, principle or maxim ("law", "razor").
    LawNoun,
    /// Ways to choose among ("ways", "options").
    ChoiceNoun,
    /// A collection of advice a heading names ("best practices", "tips").
    AdviceNoun,
    /// Words pointing at the command shown next ("the following command").
    CodePointer,
    /// A verb keeping something from happening, before "from" ("prevents").
    PreventingVerb,
    /// A kind of tool a heading names a tool by ("command", "plugin").
    ToolNoun,
    /// An adverb that only colours its verb ("simply states").
    FillerAdverb,
    /// A heading naming troubles ("causes", "challenges").
    TroubleHeading,
    /// A named way of working ("the Pomodoro technique").
    MethodNoun,
    /// An adjective saying how often a thing is met ("common"), the
    /// background of a point rather than the point.
    Prevalence,
    /// A kind of program text a keyword names ("loops" of "For loops").
    CodeConstruct,
    /// A course page's own housekeeping heading ("Learning outcomes",
    /// "Assignment", "Knowledge check"): it teaches nothing.
    CourseHeading,
    /// The writer telling what they learned ("I realized…", "the key
    /// was…"): a story's sentence that states its lesson.
    LessonLearned,
    /// A verb in the past that only a person does ("discovered"): a name
    /// doing it is asked "Who…?".
    PersonVerb,
    /// An opening stating the writer's aim ("Our goal is…"): background.
    AimOpening,
    /// A kind of thing made or used ("systems"): after the title's words,
    /// it names the lesson's own subject.
    KindNoun,
    /// A heading naming a checklist, whose items are in no order.
    ChecklistHeading,
    /// A noun naming many things as one ("a collection of…").
    CollectiveNoun,
    /// A label of an example done right ("Yes:", "Do:").
    RightExample,
    /// A label of an example done wrong ("No:", "Don't:").
    WrongExample,
    /// What a writer invites the reader to after "Let's" when walking
    /// them through the text ("look at", "recap").
    WalkThrough,
    /// An opening saying the sentence restates the one before ("In
    /// other words"): dropped as a frame is, and weighing as a conclusion.
    Restatement,
    /// A preposition ending in "to" ("due to"): its "to" opens no infinitive.
    CompoundPreposition,
    /// A noun naming people ("participants"): a subject asked "Who…?".
    PersonNoun,
    /// A remark that the point is obvious ("It might sound obvious…"): a
    /// sentence with one clears the ground, as a hook does.
    Truism,
    /// An adjective saying a thing is worth having ("Why is X
    /// important?"), or a noun for what it brings ("Benefits of X").
    WorthWord,
    /// A word opening a gain a thing brings ("Fewer bugs", "More time"),
    /// beside comparatives in "-er".
    GainOpening,
    /// A unit of time ("week", "morning"): "every week" closing advice
    /// tells how often to follow it.
    TimeUnit,
    /// An adverb of frequency ("daily"): closing advice, how often.
    FrequencyAdverb,
    /// Words of time ("early", "in advance"): closing advice, when.
    TimeAdverb,
    /// A verb of choosing ("prefer", "favour"): "VERB A over B" advises
    /// taking A, and asks what to take over B.
    ChoosingVerb,
    /// Words reporting a trouble ("error", "fails", "leaks"): a
    /// statement heading with one is a problem the section solves.
    Symptom,
    /// An adverb completing a phrasal verb ("breaking down", "setting up").
    AdverbParticle,
    /// A word that answers a yes-or-no question on its own ("Yes!",
    /// "Indeed.").
    ReplyWord,
    /// A noun an infinitive completes ("the ability to connect", "a way
    /// to"): the "to" after it states no purpose.
    InfinitiveNoun,
}

const LEXICON_TEXT: &str = include_str!("lexicon.txt");

pub static LEXICON: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::parse(LEXICON_TEXT).expect("lexicon.txt is well formed"));

/// Each role as `lexicon.txt` names it.
const ROLE_NAMES: &[(&str, Role)] = &[
    ("reason", Role::Reason),
    ("leaning", Role::Leaning),
    ("fixed", Role::Fixed),
    ("generic", Role::Generic),
    ("noun-ending", Role::NounEnding),
    ("personal", Role::Personal),
    ("subject-pronoun", Role::SubjectPronoun),
    ("question-word", Role::QuestionWord),
    ("announcing", Role::Announcing),
    ("narrator", Role::Narrator),
    ("pointer", Role::Pointer),
    ("example", Role::Example),
    ("summary-heading", Role::SummaryHeading),
    ("intro-heading", Role::IntroHeading),
    ("example-heading", Role::ExampleHeading),
    ("defining", Role::Defining),
    ("aspect-heading", Role::AspectHeading),
    ("need-heading", Role::NeedHeading),
    ("frame", Role::Frame),
    ("ordinal", Role::Ordinal),
    ("content-noun", Role::ContentNoun),
    ("reference-heading", Role::ReferenceHeading),
    ("pointer-opening", Role::PointerOpening),
    ("generic-title", Role::GenericTitle),
    ("hook-opening", Role::HookOpening),
    ("preposition", Role::Preposition),
    ("irregular-plural", Role::IrregularPlural),
    ("irregular-past", Role::IrregularPast),
    ("placing-conjunction", Role::PlacingConjunction),
    ("contents-label", Role::ContentsLabel),
    ("criteria-noun", Role::CriteriaNoun),
    ("code-object", Role::CodeObject),
    ("shell-language", Role::ShellLanguage),
    ("byline-label", Role::BylineLabel),
    ("date-label", Role::DateLabel),
    ("calendar", Role::Calendar),
    ("emphasis", Role::Emphasis),
    ("quantifier", Role::Quantifier),
    ("announced-noun", Role::AnnouncedNoun),
    ("why-heading", Role::WhyHeading),
    ("workings-heading", Role::WorkingsHeading),
    ("how-heading", Role::HowHeading),
    ("steps-heading", Role::StepsHeading),
    ("notes-heading", Role::NotesHeading),
    ("message-level", Role::MessageLevel),
    ("rule-modal", Role::RuleModal),
    ("verb-particle", Role::VerbParticle),
    ("happening-verb", Role::HappeningVerb),
    ("contrast-connective", Role::ContrastConnective),
    ("speech-verb", Role::SpeechVerb),
    ("second-complement", Role::SecondComplement),
    ("possessive", Role::Possessive),
    ("conduct", Role::Conduct),
    ("gerund-taking", Role::GerundTaking),
    ("object-infinitive", Role::ObjectInfinitive),
    ("infinitive-taking", Role::InfinitiveTaking),
    ("having-verb", Role::HavingVerb),
    ("conclusion-opening", Role::ConclusionOpening),
    ("sequence-opening", Role::SequenceOpening),
    ("synopsis-opening", Role::SynopsisOpening),
    ("glossary-title", Role::GlossaryTitle),
    ("fault-title", Role::FaultTitle),
    ("fault-sign", Role::FaultSign),
    ("hearsay", Role::Hearsay),
    ("softening-verb", Role::SofteningVerb),
    ("ensuring-verb", Role::EnsuringVerb),
    ("reminder-opening", Role::ReminderOpening),
    ("question-frame", Role::QuestionFrame),
    ("closing-frame", Role::ClosingFrame),
    ("saying-verb", Role::SayingVerb),
    ("law-noun", Role::LawNoun),
    ("choice-noun", Role::ChoiceNoun),
    ("advice-noun", Role::AdviceNoun),
    ("code-pointer", Role::CodePointer),
    ("preventing-verb", Role::PreventingVerb),
    ("tool-noun", Role::ToolNoun),
    ("filler-adverb", Role::FillerAdverb),
    ("trouble-heading", Role::TroubleHeading),
    ("method-noun", Role::MethodNoun),
    ("prevalence", Role::Prevalence),
    ("code-construct", Role::CodeConstruct),
    ("lesson-learned", Role::LessonLearned),
    ("course-heading", Role::CourseHeading),
    ("person-verb", Role::PersonVerb),
    ("aim-opening", Role::AimOpening),
    ("kind-noun", Role::KindNoun),
    ("checklist-heading", Role::ChecklistHeading),
    ("collective-noun", Role::CollectiveNoun),
    ("right-example", Role::RightExample),
    ("wrong-example", Role::WrongExample),
    ("walk-through", Role::WalkThrough),
    ("restatement", Role::Restatement),
    ("compound-preposition", Role::CompoundPreposition),
    ("person-noun", Role::PersonNoun),
    ("truism", Role::Truism),
    ("worth-word", Role::WorthWord),
    ("gain-opening", Role::GainOpening),
    ("time-unit", Role::TimeUnit),
    ("frequency-adverb", Role::FrequencyAdverb),
    ("time-adverb", Role::TimeAdverb),
    ("choosing-verb", Role::ChoosingVerb),
    ("symptom", Role::Symptom),
    ("adverb-particle", Role::AdverbParticle),
    ("reply-word", Role::ReplyWord),
    ("infinitive-noun", Role::InfinitiveNoun),
];

impl Lexicon {
    /// Parses the lexicon; an entry listed twice under one role is an error.
    pub fn parse(text: &str) -> Result<Lexicon, String> {
        let mut lex = Lexicon::default();
        let mut role = None;
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                role = Some(
                    ROLE_NAMES
                        .iter()
                        .find(|(n, _)| *n == name)
                        .map(|&(_, r)| r)
                        .ok_or_else(|| format!("line {}: unknown role `{name}`", i + 1))?,
                );
                continue;
            }
            let role = role.ok_or_else(|| format!("line {}: entry before any role", i + 1))?;
            let key = line.split_whitespace().collect::<Vec<_>>().join(" ");
            lex.longest = lex.longest.max(key.split(' ').count());
            if !lex.entries.insert((role, key.clone())) {
                return Err(format!("line {}: `{key}` is listed twice", i + 1));
            }
        }
        Ok(lex)
    }

    pub fn is(&self, entry: &str, role: Role) -> bool {
        self.entries.contains(&(role, entry.to_string()))
    }

    /// Entries of `role` found in the word sequence, as (first, past-last)
    /// word indexes.
    pub fn find(&self, words: &[&str], role: Role) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for i in 0..words.len() {
            for len in (1..=self.longest.min(words.len() - i)).rev() {
                let key = words[i..i + len].join(" ");
                if self.is(&key, role) {
                    out.push((i, i + len));
                    break;
                }
            }
        }
        out
    }

    /// The verb an irregular past form is of ("chose" → "choose").
    pub fn base_of_past(&self, past: &str) -> Option<&str> {
        // (Entries sort by role, then text: the pair opening "past " is
        // the first at or after it.)
        let from = (Role::IrregularPast, format!("{past} "));
        let (role, entry) = self.entries.range(from..).next()?;
        let base = entry.strip_prefix(past)?.strip_prefix(' ')?;
        (*role == Role::IrregularPast).then_some(base)
    }

    /// Does the word end like a noun ("availability")?
    pub fn noun_ending(&self, word: &str) -> bool {
        self.entries.iter().any(|(r, e)| {
            *r == Role::NounEnding && word.len() > e.len() + 2 && word.ends_with(e.as_str())
        })
    }

    /// The frame a text opens with ("Note that …"), as the byte length of
    /// the frame and the space after it.
    pub fn frame_opening(&self, text: &str) -> Option<usize> {
        let starts: Vec<usize> = text
            .char_indices()
            .filter(|&(i, c)| c == ' ' && i > 0)
            .map(|(i, _)| i)
            .take(self.longest)
            .collect();
        starts
            .iter()
            .rev()
            .find(|&&end| {
                // ("In other words, …": the comma closing it is no part of it.)
                let key = text[..end].trim_end_matches(',').to_lowercase();
                let key = key.split_whitespace().collect::<Vec<_>>().join(" ");
                self.is(&key, Role::Frame) || self.is(&key, Role::Restatement)
            })
            .map(|&end| end + 1)
    }

    /// Does the sentence (its words, lower case) open by sending the reader
    /// elsewhere ("See the…", "Read more about…")?
    pub fn points_away(&self, words: &[&str]) -> bool {
        self.opens_with(words, Role::PointerOpening)
    }

    /// Does the sentence (its words, lower case) open with an entry of
    /// `role`?
    pub fn opens_with(&self, words: &[&str], role: Role) -> bool {
        self.opening(words, role).is_some()
    }

    /// How many words the longest entry of `role` opening the words
    /// takes, if one does.
    pub fn opening(&self, words: &[&str], role: Role) -> Option<usize> {
        (1..=self.longest.min(words.len()))
            .rev()
            .find(|&len| self.is(&words[..len].join(" "), role))
    }

    /// Whether a text, as written, opens with an entry of the role: its
    /// words lower-cased, without the punctuation around them.
    pub fn text_opens_with(&self, text: &str, role: Role) -> bool {
        let lower = text.to_lowercase();
        let words: Vec<&str> = lower_words(&lower).take(self.longest).collect();
        self.opens_with(&words, role)
    }

    /// Where a text, as written, holds entries of the role (see
    /// [`Lexicon::find`]), its words read as [`Lexicon::text_opens_with`]
    /// reads them.
    pub fn find_in_text(&self, text: &str, role: Role) -> Vec<(usize, usize)> {
        let lower = text.to_lowercase();
        let words: Vec<&str> = lower_words(&lower).collect();
        self.find(&words, role)
    }

    /// The leaning opener a sentence starts with, if any ("For example", "This").
    pub fn leaning_opener(&self, words: &[&str]) -> Option<usize> {
        (1..=self.longest.min(words.len()))
            .rev()
            .find(|&len| self.is(&words[..len].join(" "), Role::Leaning))
    }
}

/// A lower-cased text's words, without the punctuation around them (an
/// apostrophe inside a word stays: "don't").
fn lower_words(lower: &str) -> impl Iterator<Item = &str> {
    lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lexicon_parses_and_lists_each_entry_once() {
        let lex = Lexicon::parse(LEXICON_TEXT).unwrap();
        assert!(lex.is("because", Role::Reason));
        assert!(lex.is("in advance", Role::Fixed));
        assert!(lex.is("instead", Role::Leaning));
        let twice = Lexicon::parse("[reason]\nbecause\nsince\nbecause\n").unwrap_err();
        assert!(twice.contains("listed twice"), "{twice}");
        // One word may serve two roles.
        let both = Lexicon::parse("[generic]\nexample\n[example-heading]\nexample\n").unwrap();
        assert!(both.is("example", Role::Generic) && both.is("example", Role::ExampleHeading));
    }

    #[test]
    fn only_an_opening_sends_the_reader_elsewhere() {
        let words = |s: &str| s.split(' ').map(str::to_string).collect::<Vec<_>>();
        let at =
            |s: &str| LEXICON.points_away(&words(s).iter().map(String::as_str).collect::<Vec<_>>());
        assert!(at("see the reference for details"));
        assert!(at("read more about the cache"));
        assert!(!at("after an hour you will see the dough rise"));
    }
}

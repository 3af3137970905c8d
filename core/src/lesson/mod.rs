//! Lessons: plain-text lesson files -> a [`Lesson`] model, checked against the real
//! session it narrates.
//!
//! The format is documented for teachers in `lessons/README.md`. In short: a front
//! matter (`key: value` lines between two `---` lines) says which session to simulate;
//! the Markdown body is cut into steps by `## Title` headings, each tied by its
//! `step:` line to a session step by its stable name (`client_hello`, ...).
//!
//! The layers:
//! - [`parse`]: bytes of one file -> [`Lesson`] (pure; every error has file and line);
//! - [`resolve`]: a [`Lesson`] against a [`Timeline`](crate::sim::Timeline) ->
//!   [`ResolvedLesson`] (step indexes, highlights checked, placeholders filled in);
//!   [`validate`] simulates the lesson's session and resolves against it;
//! - [`catalog`]: built-in lessons (embedded in the binary) plus a teacher's folder,
//!   per language, the teacher's lesson winning on the same id; a broken lesson is an
//!   error entry in place;
//! - [`load`]: the only module here that touches files: it reads a folder whose path
//!   the caller passes.

pub mod catalog;
pub mod load;
pub mod parse;
pub mod resolve;

use std::fmt;

pub use catalog::{Catalog, Entry, Origin, Ready, Source, built_in_sources};
pub use load::{load_catalog, load_sources, read_folder};
pub use parse::parse;
pub use resolve::{ResolvedLesson, ResolvedStep, resolve, validate};

use crate::sim::{Scenario, ScenarioName};

/// A problem in a lesson file: which file, which line (from 1; 0 when the problem is
/// not on a line, e.g. an unreadable folder), and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LessonError {
    /// The file as the user knows it: `lessons/03-hello.md` or the path they passed.
    pub file: String,
    /// The line, counted from 1; 0 when the problem is with the file as a whole.
    pub line: usize,
    /// What is wrong, one lowercase line.
    pub problem: String,
}

impl LessonError {
    /// An error on `line` of `file`.
    pub fn new(file: &str, line: usize, problem: impl Into<String>) -> Self {
        LessonError {
            file: file.to_string(),
            line,
            problem: problem.into(),
        }
    }
}

impl fmt::Display for LessonError {
    /// `lessons/03-hello.md:12: step "server_helo" is not a step of scenario https`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.problem)
        } else {
            write!(f, "{}:{}: {}", self.file, self.line, self.problem)
        }
    }
}

impl std::error::Error for LessonError {}

/// The panel a lesson step brings forward in the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Panel {
    /// Client, wire and server, one arrow per message.
    Sequence,
    /// The current message's bytes and fields.
    Inspector,
    /// The key schedule.
    Keys,
    /// The certificate chain and the client's checks.
    Certificate,
    /// What an eavesdropper on the wire reads.
    Eavesdropper,
    /// The student's inputs: password, server name, seed.
    Inputs,
}

impl Panel {
    /// Every panel, in the order the README lists them.
    pub const ALL: &'static [Panel] = &[
        Panel::Sequence,
        Panel::Inspector,
        Panel::Keys,
        Panel::Certificate,
        Panel::Eavesdropper,
        Panel::Inputs,
    ];

    /// The name used in lesson files.
    pub fn name(self) -> &'static str {
        match self {
            Panel::Sequence => "sequence",
            Panel::Inspector => "inspector",
            Panel::Keys => "keys",
            Panel::Certificate => "certificate",
            Panel::Eavesdropper => "eavesdropper",
            Panel::Inputs => "inputs",
        }
    }

    /// Looks a panel up by its name.
    pub fn from_name(name: &str) -> Option<Panel> {
        Self::ALL.iter().copied().find(|p| p.name() == name)
    }
}

/// A value with the line of the lesson file it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located<T> {
    /// The value.
    pub value: T,
    /// Its line, from 1.
    pub line: usize,
}

/// A question whose answer the app shows on click.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    /// The question (Markdown, may hold placeholders).
    pub question: Located<String>,
    /// The answer (Markdown, may hold placeholders).
    pub answer: Located<String>,
}

/// One step of a lesson, as written (placeholders not yet filled in).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LessonStep {
    /// The heading's text, and the heading's line.
    pub title: Located<String>,
    /// The session step it is tied to, by stable name (`client_hello`).
    pub session_step: Located<String>,
    /// A text-only step: an explanation shown with the session at `session_step`,
    /// nothing highlighted.
    pub text_only: bool,
    /// The panel to bring forward.
    pub panel: Panel,
    /// Field names to highlight (annotation names of the step's record: `random`).
    pub fields: Vec<Located<String>>,
    /// Secret names to highlight (`handshake_secret`).
    pub keys: Vec<Located<String>>,
    /// An optional question with its answer.
    pub question: Option<Question>,
    /// The explanation, Markdown.
    pub body: String,
    /// The line the explanation starts on.
    pub body_line: usize,
}

/// One lesson file, parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lesson {
    /// The file it came from (for messages).
    pub file: String,
    /// Stable id: `04-hello`; a teacher's lesson with the same id replaces this one.
    pub id: String,
    /// The line of the `id:` key.
    pub id_line: usize,
    /// Shown in the lesson list.
    pub title: String,
    /// Language code: `en`, `fr`, ...
    pub lang: String,
    /// One optional line for the lesson list.
    pub summary: Option<String>,
    /// The scenario narrated.
    pub scenario: ScenarioName,
    /// Its seed.
    pub seed: u64,
    /// The password typed into the form.
    pub password: String,
    /// The site the browser visits.
    pub server_name: String,
    /// The steps, in order.
    pub steps: Vec<LessonStep>,
    /// The line of the `scenario:` key, for messages about the scenario.
    pub scenario_line: usize,
}

impl Lesson {
    /// The session this lesson narrates.
    pub fn scenario(&self) -> Scenario {
        Scenario {
            name: self.scenario,
            seed: self.seed,
            password: self.password.clone(),
            server_name: self.server_name.clone(),
            ..Scenario::default()
        }
    }
}

/// The closest of `candidates` to `word`, when it is close enough to be a likely typo.
pub(crate) fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 4) && *d < c.len())
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// ` (did you mean "x"?)` or nothing.
pub fn suggestion<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    did_you_mean(word, candidates)
        .map(|c| format!(" (did you mean {c:?}?)"))
        .unwrap_or_default()
}

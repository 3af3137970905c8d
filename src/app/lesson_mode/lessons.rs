//! Lesson mode: the lesson catalog, which lesson is open and at which step, and the
//! student's progress.
//!
//! Opening a lesson swaps the session on screen for the lesson's own (its scenario,
//! seed and inputs); the free session is kept aside and comes back when the student
//! leaves the lesson. While a lesson is open the step commands (keys and buttons) move
//! through the lesson's steps; each lesson step selects its session step and brings
//! its panel forward. Everything the lesson view draws follows from this state
//! ([`crate::app::lesson_mode::lesson_view`]), so other code (slide export) can drive it with
//! [`LabApp::open_lesson`] and [`LabApp::go_to_lesson_step`] and draw a frame.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use egui_commonmark::CommonMarkCache;

use crate::app::lesson_mode::loading::{self, Whole};
use crate::app::views::inputs::InputsState;
use crate::app::{Command, Inputs, LabApp, Session, SidePanel};
use crate::lesson::{self, Catalog, LessonError, Panel, ResolvedLesson, ResolvedStep};

/// Which lesson steps the student has seen, by lesson id; saved with the settings.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct LessonProgress {
    /// Lesson id -> the steps seen (from 0).
    pub visited: BTreeMap<String, BTreeSet<usize>>,
}

impl LessonProgress {
    /// Records that step `step` of lesson `id` was shown.
    pub fn visit(&mut self, id: &str, step: usize) {
        self.visited.entry(id.to_string()).or_default().insert(step);
    }

    /// How many steps of lesson `id` (of `len`) have been seen.
    pub fn seen(&self, id: &str, len: usize) -> usize {
        self.visited
            .get(id)
            .map_or(0, |steps| steps.iter().filter(|s| **s < len).count())
    }
}

/// A change to lesson mode, asked for while drawing.
#[derive(Clone, Debug, PartialEq)]
pub enum LessonCommand {
    /// Open the lesson with this id at its first step.
    Open(String),
    /// Go to step `usize` (from 0) of the open lesson.
    Step(usize),
    /// Back to free exploration.
    Leave,
    /// Show or hide the lesson list.
    ShowList(bool),
    /// Show the answer to the current step's question.
    RevealAnswer,
    /// Bring the session back to the current lesson step's session step.
    Realign,
}

/// The lesson on screen.
pub struct OpenLesson {
    /// Its index in the catalog.
    pub index: usize,
    /// Its id.
    pub id: String,
    /// The lesson step shown, from 0.
    pub step: usize,
    /// The lesson resolved against the session on screen (the last inputs it fitted);
    /// `None` for a broken lesson.
    pub resolved: Option<ResolvedLesson>,
    /// What is wrong: the lesson's own error, or why it does not fit the inputs the
    /// student typed (the previous values stay on screen).
    pub error: Option<LessonError>,
    /// Whether the answer to this step's question is shown.
    pub revealed: bool,
}

impl OpenLesson {
    /// The current lesson step, resolved.
    pub fn current(&self) -> Option<&ResolvedStep> {
        self.resolved.as_ref()?.steps.get(self.step)
    }

    /// The number of steps (0 for a broken lesson).
    pub fn len(&self) -> usize {
        self.resolved.as_ref().map_or(0, |r| r.steps.len())
    }

    /// True for a broken lesson.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Lesson mode's state.
pub struct LessonsState {
    /// Every lesson on offer (built-in and the teacher's), broken ones as errors.
    pub catalog: Catalog,
    /// The lesson on screen, if any.
    pub open: Option<OpenLesson>,
    /// Whether the lesson list is shown.
    pub list_shown: bool,
    /// Why the last lesson could not be opened (shown above the list).
    pub problem: Option<String>,
    /// The free session and its step while a lesson is open.
    saved: Option<(Session, usize)>,
    /// The Markdown renderer's cache.
    pub(crate) markdown: CommonMarkCache,
    /// The whole catalog while `catalog` holds only the lesson opened at start.
    pub(crate) whole: Whole,
    /// Set after the first frame: the whole catalog is built on a thread.
    pub(crate) background: Option<eframe::egui::Context>,
}

impl LessonsState {
    /// No lesson open, for `catalog` (the whole catalog).
    pub fn new(catalog: Catalog) -> Self {
        Self::with(catalog, Whole::Done)
    }

    /// No lesson open yet; the catalog holds only lesson `open`'s entry, the
    /// whole one comes later (see [`crate::app::lesson_mode::loading`]).
    pub fn starting(teacher: Option<&Path>, lang: &str, open: Option<&str>) -> Self {
        let (catalog, whole) = loading::first_catalog(teacher, lang, open);
        Self::with(catalog, whole)
    }

    fn with(catalog: Catalog, whole: Whole) -> Self {
        LessonsState {
            catalog,
            open: None,
            list_shown: false,
            problem: None,
            saved: None,
            markdown: CommonMarkCache::default(),
            whole,
            background: None,
        }
    }

    /// The current lesson step, when a working lesson is open.
    pub fn current(&self) -> Option<&ResolvedStep> {
        self.open.as_ref()?.current()
    }

    /// The fields and keys to highlight when the session is at `session_step`.
    pub fn highlights(&self, session_step: usize) -> (Vec<String>, Vec<String>) {
        match self.current() {
            Some(step) if !step.text_only && step.session_step == session_step => {
                (step.fields.clone(), step.keys.clone())
            }
            _ => (Vec::new(), Vec::new()),
        }
    }

    /// The panel the current lesson step points at, if the session is at its step.
    pub fn focus(&self, session_step: usize) -> Option<Panel> {
        self.current()
            .filter(|step| !step.text_only && step.session_step == session_step)
            .map(|step| step.panel)
    }
}

/// The side panel showing lesson panel `panel`, if it is one of them.
pub fn side_panel_of(panel: Panel) -> Option<SidePanel> {
    match panel {
        Panel::Keys => Some(SidePanel::Keys),
        Panel::Eavesdropper => Some(SidePanel::Eavesdropper),
        Panel::Certificate => Some(SidePanel::Certificate),
        Panel::Sequence | Panel::Inspector | Panel::Inputs => None,
    }
}

/// Checks a lesson id and a step (counted from 1) against `catalog`; returns the
/// entry's index and the step from 0. A broken lesson opens (to show its error), so
/// only its id is checked.
pub fn check_lesson(
    catalog: &Catalog,
    id: &str,
    step: Option<usize>,
) -> Result<(usize, usize), String> {
    let Some(index) = catalog.entries.iter().position(|e| e.id == id) else {
        let hint = lesson::suggestion(id, catalog.entries.iter().map(|e| e.id.as_str()));
        return Err(format!(
            "unknown lesson {id:?}{hint}; `handshake-lab lessons` lists them"
        ));
    };
    let entry = &catalog.entries[index];
    let Some(step) = step else {
        return Ok((index, 0));
    };
    match entry.step_count() {
        None => Ok((index, 0)),
        Some(n) if (1..=n).contains(&step) => Ok((index, step - 1)),
        Some(n) => Err(format!(
            "--step {step} is out of range: lesson {id} has steps 1 to {n}"
        )),
    }
}

impl LabApp {
    /// Opens the lesson and step the options ask for (called by [`LabApp::new`]).
    pub(crate) fn open_from_options(&mut self) -> Result<(), String> {
        let Some(id) = self.options.lesson.clone() else {
            return Ok(());
        };
        if self.lessons.catalog.get(&id).is_none() {
            // Not a lesson: the whole catalog names the ones there are.
            self.lessons.ensure_whole();
        }
        let (_, step) = check_lesson(&self.lessons.catalog, &id, self.options.step)?;
        self.open_lesson(&id)?;
        self.go_to_lesson_step(step);
        Ok(())
    }

    /// Opens lesson `id` at its first step: its session replaces the one on screen
    /// (the free session comes back on [`LabApp::leave_lesson`]). A broken lesson opens
    /// too, showing its error. Errors only for an unknown id or a session that cannot
    /// be simulated.
    pub fn open_lesson(&mut self, id: &str) -> Result<(), String> {
        if self.lessons.catalog.get(id).is_none() {
            self.lessons.ensure_whole();
        }
        let (index, _) = check_lesson(&self.lessons.catalog, id, None)?;
        let entry = &self.lessons.catalog.entries[index];
        let Some(ready) = entry.ready() else {
            let error = entry.error().cloned();
            self.restore_free_session();
            self.lessons.open = Some(OpenLesson {
                index,
                id: id.to_string(),
                step: 0,
                resolved: None,
                error,
                revealed: false,
            });
            self.lessons.list_shown = false;
            return Ok(());
        };
        let inputs = Inputs {
            password: ready.lesson.password.clone(),
            server_name: ready.lesson.server_name.clone(),
            seed: self.options.seed.unwrap_or(ready.lesson.seed),
            scenario: ready.lesson.scenario,
            edits: Vec::new(),
        };
        let session = Session::compute_scenario(ready.lesson.scenario, &inputs)?;
        let (resolved, error) = match lesson::resolve(&ready.lesson, &session.https) {
            Ok(resolved) => (Some(resolved), None),
            Err(e) => (Some(ready.resolved.clone()), Some(e)),
        };
        let free = std::mem::replace(&mut self.session, session);
        if self.lessons.saved.is_none() {
            self.lessons.saved = Some((free, self.step));
        }
        self.inputs = InputsState::new(&inputs);
        self.lessons.open = Some(OpenLesson {
            index,
            id: id.to_string(),
            step: 0,
            resolved,
            error,
            revealed: false,
        });
        self.lessons.list_shown = false;
        self.step = 0;
        self.go_to_lesson_step(0);
        Ok(())
    }

    /// Goes to step `k` (from 0, clamped) of the open lesson: selects its session
    /// step, brings its panel forward, records the visit. Does nothing without a
    /// working lesson.
    pub fn go_to_lesson_step(&mut self, k: usize) {
        let Some(open) = self.lessons.open.as_mut() else {
            return;
        };
        let len = open.len();
        if len == 0 {
            return;
        }
        let k = k.min(len - 1);
        if open.step != k {
            open.revealed = false;
        }
        open.step = k;
        let id = open.id.clone();
        let Some(step) = open.current().cloned() else {
            return;
        };
        let target = step.session_step.min(self.session.len().saturating_sub(1));
        if target != self.step {
            self.inspector.step_changed();
        }
        self.step = target;
        // The step's own side panel; or, when it points at the middle but highlights
        // keys, the keys panel, so that the highlighted keys are on screen.
        let side = side_panel_of(step.panel)
            .or_else(|| (!step.keys.is_empty()).then_some(SidePanel::Keys))
            .filter(|_| !step.text_only);
        if let Some(panel) = side {
            self.settings.side_panel = panel;
        }
        self.keys.scroll_to_lesson = true;
        self.settings.lesson_progress.visit(&id, k);
    }

    /// Leaves the lesson: the free session and its step come back.
    pub fn leave_lesson(&mut self) {
        self.lessons.open = None;
        self.lessons.list_shown = false;
        self.restore_free_session();
    }

    /// The open lesson's step and step count, when a working lesson is open.
    pub fn lesson_position(&self) -> Option<(usize, usize)> {
        let open = self.lessons.open.as_ref()?;
        (!open.is_empty()).then(|| (open.step, open.len()))
    }

    /// The open lesson's id.
    pub fn lesson_id(&self) -> Option<&str> {
        self.lessons.open.as_ref().map(|o| o.id.as_str())
    }

    fn restore_free_session(&mut self) {
        if let Some((session, step)) = self.lessons.saved.take() {
            self.inputs = InputsState::new(&session.inputs);
            self.session = session;
            self.step = step.min(self.session.len().saturating_sub(1));
            self.inspector.step_changed();
        }
    }

    /// Applies a lesson command.
    pub(crate) fn apply_lesson(&mut self, command: LessonCommand) {
        match command {
            LessonCommand::Open(id) => match self.open_lesson(&id) {
                Ok(()) => self.lessons.problem = None,
                Err(e) => self.lessons.problem = Some(e),
            },
            LessonCommand::Step(k) => self.go_to_lesson_step(k),
            LessonCommand::Leave => self.leave_lesson(),
            LessonCommand::ShowList(on) => {
                if on {
                    self.lessons.ensure_whole();
                }
                self.lessons.list_shown = on;
            }
            LessonCommand::RevealAnswer => {
                if let Some(open) = self.lessons.open.as_mut() {
                    open.revealed = true;
                }
            }
            LessonCommand::Realign => {
                if let Some((k, _)) = self.lesson_position() {
                    self.go_to_lesson_step(k);
                }
            }
        }
    }

    /// While a lesson is open, the step commands move through the lesson. Returns
    /// the command when the lesson does not take it.
    pub(crate) fn route_to_lesson(&mut self, command: Command, now: f64) -> Option<Command> {
        let Some((k, n)) = self.lesson_position() else {
            return Some(command);
        };
        let target = match command {
            Command::Next if k + 1 >= n => {
                self.playing_since = None;
                return None;
            }
            Command::Next => k + 1,
            Command::Back => k.saturating_sub(1),
            Command::First => 0,
            Command::Last => n - 1,
            Command::Play => {
                if k + 1 >= n {
                    self.go_to_lesson_step(0);
                }
                self.playing_since = Some(now);
                return None;
            }
            Command::GoTo(session_step) => {
                let steps = self.lessons.open.as_ref()?.resolved.as_ref()?;
                let here = steps.steps.get(k).map(|s| s.session_step);
                let found = if here == Some(session_step) {
                    Some(k)
                } else {
                    steps
                        .steps
                        .iter()
                        .position(|s| s.session_step == session_step)
                };
                match found {
                    Some(j) => j,
                    // No lesson step is about that message: look at it, the lesson waits.
                    None => return Some(Command::GoTo(session_step)),
                }
            }
            other => return Some(other),
        };
        self.go_to_lesson_step(target);
        if self.playing_since.is_some() {
            self.playing_since = Some(now);
        }
        None
    }

    /// After the student changed an input: the open lesson's values follow the new
    /// session (resolved once here, never per frame).
    pub(crate) fn lesson_inputs_changed(&mut self) {
        let Some(open) = self.lessons.open.as_mut() else {
            return;
        };
        let Some(ready) = self.lessons.catalog.entries[open.index].ready() else {
            return;
        };
        match lesson::resolve(&ready.lesson, &self.session.https) {
            Ok(resolved) => {
                open.resolved = Some(resolved);
                open.error = None;
            }
            Err(e) => open.error = Some(e),
        }
        let k = open.step;
        self.go_to_lesson_step(k);
    }

    /// After the saved settings were loaded over the defaults: show the current lesson
    /// step's panel again and keep its visit.
    pub fn lesson_settings_loaded(&mut self) {
        if let Some((k, _)) = self.lesson_position() {
            self.go_to_lesson_step(k);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_counts_the_steps_seen() {
        let mut progress = LessonProgress::default();
        progress.visit("04-hellos", 0);
        progress.visit("04-hellos", 2);
        progress.visit("04-hellos", 2);
        assert_eq!(progress.seen("04-hellos", 7), 2);
        assert_eq!(progress.seen("04-hellos", 1), 1);
        assert_eq!(progress.seen("05-key-exchange", 6), 0);
    }

    #[test]
    fn lesson_ids_and_steps_are_checked() {
        let catalog = Catalog::built_in("en");
        assert_eq!(check_lesson(&catalog, "04-hellos", Some(3)), Ok((3, 2)));
        assert_eq!(check_lesson(&catalog, "04-hellos", None), Ok((3, 0)));
        let unknown = check_lesson(&catalog, "04-helos", None).unwrap_err();
        assert!(unknown.contains("unknown lesson \"04-helos\""), "{unknown}");
        assert!(unknown.contains("did you mean \"04-hellos\""), "{unknown}");
        let out = check_lesson(&catalog, "04-hellos", Some(8)).unwrap_err();
        assert!(out.contains("out of range"), "{out}");
        assert!(check_lesson(&catalog, "04-hellos", Some(0)).is_err());
    }
}

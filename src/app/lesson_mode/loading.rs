//! The lesson catalog, without delaying the first frame.
//!
//! The whole catalog simulates one session per scenario the lessons use and resolves
//! every lesson against it (RSA key generation for the history lesson included): a
//! good part of a second in a release build on a slow machine. The window needs only
//! the lesson it opens at, so it starts with a catalog of that one entry (the same
//! entry the whole catalog has) and builds the whole one on a thread after the first
//! frame. Whatever needs the other lessons (the list, opening another lesson, the
//! `--lesson` error's suggestions) takes the whole catalog, waiting for the thread if
//! it has not finished, or building it there when no thread was started (tests, slides).

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use eframe::egui;

use crate::app::lesson_mode::lessons::LessonsState;
use crate::lesson::{self, Catalog};

/// The whole catalog, until it is in [`LessonsState::catalog`].
pub(crate) enum Whole {
    /// Not started: what to build it from.
    Waiting {
        teacher: Option<PathBuf>,
        lang: String,
    },
    /// Being built on a thread, which sends it when done.
    Building(mpsc::Receiver<Catalog>, Option<PathBuf>, String),
    /// `LessonsState::catalog` is the whole catalog.
    Done,
}

/// The catalog to start with: the entry of `open` alone when a lesson opens (none
/// when `open` is not a lesson), nothing otherwise; and the whole one to build later.
pub(crate) fn first_catalog(
    teacher: Option<&Path>,
    lang: &str,
    open: Option<&str>,
) -> (Catalog, Whole) {
    let whole = Whole::Waiting {
        teacher: teacher.map(Path::to_path_buf),
        lang: lang.to_string(),
    };
    let catalog = match open {
        Some(id) => {
            let (sources, problems) = lesson::load_sources(teacher);
            Catalog::build_one(sources, problems, lang, id)
        }
        None => Catalog {
            lang: lang.to_string(),
            entries: Vec::new(),
        },
    };
    (catalog, whole)
}

/// The id of the lesson the window opens at by default: the first of the catalog,
/// found without simulating anything.
pub fn first_lesson_id(teacher: Option<&Path>, lang: &str) -> Option<String> {
    let (sources, problems) = lesson::load_sources(teacher);
    Catalog::ids(&sources, &problems, lang).into_iter().next()
}

impl LessonsState {
    /// Starts building the whole catalog on a thread (after the first frame); the
    /// window repaints when it is ready. Later reloads (another language) start
    /// theirs at once.
    pub fn load_in_background(&mut self, ctx: &egui::Context) {
        self.background = Some(ctx.clone());
        self.start_thread();
    }

    fn start_thread(&mut self) {
        let Some(ctx) = self.background.clone() else {
            return;
        };
        let Whole::Waiting { teacher, lang } = &self.whole else {
            return;
        };
        let (teacher, lang) = (teacher.clone(), lang.clone());
        let (send, receive) = mpsc::channel();
        let (t, l) = (teacher.clone(), lang.clone());
        let spawned = std::thread::Builder::new()
            .name("lesson-catalog".into())
            .spawn(move || {
                // The window may be gone by now: then nobody wants the catalog.
                if send.send(lesson::load_catalog(t.as_deref(), &l)).is_ok() {
                    ctx.request_repaint();
                }
            });
        // Without a thread, the catalog is built at first use instead.
        if spawned.is_ok() {
            self.whole = Whole::Building(receive, teacher, lang);
        }
    }

    /// Takes the whole catalog if the thread has finished (once per frame; cheap).
    pub fn poll_whole(&mut self) {
        if let Whole::Building(receive, ..) = &self.whole
            && let Ok(catalog) = receive.try_recv()
        {
            self.install(catalog);
        }
    }

    /// The whole catalog in [`LessonsState::catalog`]: waits for the thread, or
    /// builds it here.
    pub fn ensure_whole(&mut self) {
        let catalog = match std::mem::replace(&mut self.whole, Whole::Done) {
            Whole::Done => return,
            Whole::Waiting { teacher, lang } => lesson::load_catalog(teacher.as_deref(), &lang),
            Whole::Building(receive, teacher, lang) => receive
                .recv()
                // The thread died: build it here.
                .unwrap_or_else(|_| lesson::load_catalog(teacher.as_deref(), &lang)),
        };
        self.install(catalog);
    }

    /// Whether the catalog holds every lesson yet.
    pub fn is_whole(&self) -> bool {
        matches!(self.whole, Whole::Done)
    }

    /// Another language: the open lesson's entry now, the rest after it.
    pub(crate) fn reload(&mut self, teacher: Option<&Path>, lang: &str) {
        let open = self.open.as_ref().map(|o| o.id.clone());
        let (catalog, whole) = first_catalog(teacher, lang, open.as_deref());
        self.catalog = catalog;
        self.whole = whole;
        if let Some(open) = self.open.as_mut()
            && let Some(index) = self.catalog.entries.iter().position(|e| e.id == open.id)
        {
            open.index = index;
        }
        self.start_thread();
    }

    /// Puts the whole catalog in place; the open lesson keeps its entry by id.
    fn install(&mut self, catalog: Catalog) {
        if let Some(open) = self.open.as_mut()
            && let Some(index) = catalog.entries.iter().position(|e| e.id == open.id)
        {
            open.index = index;
        }
        self.catalog = catalog;
        self.whole = Whole::Done;
    }
}

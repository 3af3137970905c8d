//! "Export lesson as slides": a button in the top bar and a small window (lesson,
//! size, folder, progress bar, cancel). The slides are rendered on a background
//! thread with its own offscreen renderer ([`slides::export_lesson_slides`]), so the
//! window stays responsive; it repaints only when a slide is done.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use eframe::egui;

use crate::app::slides::{self, SlideSize, SlidesError, SlidesRequest};
use crate::app::{Options, Strings, Theme};

/// How an export ended.
type Outcome = Result<Vec<PathBuf>, SlidesError>;

/// An export running on its thread.
struct Job {
    done: Arc<AtomicUsize>,
    total: Arc<AtomicUsize>,
    cancel: Arc<AtomicBool>,
    outcome: Arc<Mutex<Option<Outcome>>>,
    folder: PathBuf,
}

/// The export window's state.
#[derive(Default)]
pub struct SlidesWindow {
    open: bool,
    /// The lessons that can be exported: (id, title), loaded when the window opens.
    lessons: Vec<(String, String)>,
    lesson: String,
    size: Option<SlideSize>,
    folder: String,
    job: Option<Job>,
    /// What the last export did, shown in place: Ok(message) or Err(message).
    result: Option<Result<String, String>>,
}

impl SlidesWindow {
    /// The top bar's button that opens the window.
    pub fn button(&mut self, ui: &mut egui::Ui, s: &Strings, options: &Options) {
        if ui
            .button(s.tr("slides-open"))
            .on_hover_text(s.tr("slides-open-hint"))
            .clicked()
        {
            self.open(options);
        }
    }

    /// Opens the window: reads the lesson list once (not every frame).
    fn open(&mut self, options: &Options) {
        self.open = true;
        let catalog = crate::lesson::load_catalog(options.lessons.as_deref(), "en");
        self.lessons = catalog
            .entries
            .iter()
            .filter_map(|e| Some((e.id.clone(), e.title()?.to_string())))
            .collect();
        let known = |id: &str| self.lessons.iter().any(|(l, _)| l == id);
        if !known(&self.lesson) {
            self.lesson = options
                .lesson
                .clone()
                .filter(|id| known(id))
                .or_else(|| self.lessons.first().map(|(id, _)| id.clone()))
                .unwrap_or_default();
        }
        if self.folder.is_empty() {
            // The home folder on every system (HOME is not set on Windows).
            let home = directories::UserDirs::new()
                .map(|d| d.home_dir().to_path_buf())
                .or_else(|| std::env::current_dir().ok())
                .unwrap_or_default();
            self.folder = home.join("handshake-lab-slides").display().to_string();
        }
    }

    /// The window, when open.
    pub fn ui(&mut self, ctx: &egui::Context, s: &Strings, options: &Options, theme: Theme) {
        self.collect(s);
        if !self.open {
            return;
        }
        let mut open = true;
        egui::Window::new(s.tr("slides-window-title"))
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(ctx.content_rect().center())
            .show(ctx, |ui| self.contents(ui, s, options, theme));
        if !open {
            self.open = false;
            if let Some(job) = &self.job {
                job.cancel.store(true, Ordering::Relaxed);
            }
        }
    }

    fn contents(&mut self, ui: &mut egui::Ui, s: &Strings, options: &Options, theme: Theme) {
        let running = self.job.is_some();
        egui::Grid::new("slides_form")
            .num_columns(2)
            .spacing([12.0, 8.0])
            .show(ui, |ui| {
                let label = ui.label(s.tr("slides-lesson"));
                let shown = self
                    .lessons
                    .iter()
                    .find(|(id, _)| *id == self.lesson)
                    .map(|(id, title)| format!("{id}  {title}"))
                    .unwrap_or_else(|| s.tr("slides-no-lessons"));
                ui.add_enabled_ui(!running, |ui| {
                    egui::ComboBox::from_id_salt("slides_lesson")
                        .selected_text(shown)
                        .width(360.0)
                        .show_ui(ui, |ui| {
                            for (id, title) in &self.lessons {
                                ui.selectable_value(
                                    &mut self.lesson,
                                    id.clone(),
                                    format!("{id}  {title}"),
                                );
                            }
                        })
                        .response
                        .labelled_by(label.id);
                });
                ui.end_row();

                ui.label(s.tr("slides-size"));
                ui.add_enabled_ui(!running, |ui| {
                    ui.horizontal(|ui| {
                        let chosen = self.size.unwrap_or(SlideSize::FULL_HD);
                        for size in SlideSize::PRESETS {
                            let text = if size == SlideSize::FULL_HD {
                                s.tr_args("slides-size-default", &[("size", size.to_string())])
                            } else {
                                size.to_string()
                            };
                            if ui.radio(chosen == size, text).clicked() {
                                self.size = Some(size);
                            }
                        }
                    });
                });
                ui.end_row();

                let label = ui.label(s.tr("slides-folder"));
                ui.add_enabled(
                    !running,
                    egui::TextEdit::singleline(&mut self.folder).desired_width(360.0),
                )
                .labelled_by(label.id);
                ui.end_row();
            });
        ui.add_space(8.0);

        if let Some(job) = &self.job {
            let done = job.done.load(Ordering::Relaxed);
            let total = job.total.load(Ordering::Relaxed);
            let fraction = if total == 0 {
                0.0
            } else {
                done as f32 / total as f32
            };
            let text = s.tr_args(
                "slides-progress",
                &[
                    ("done", done.to_string()),
                    (
                        "total",
                        if total == 0 {
                            "…".into()
                        } else {
                            total.to_string()
                        },
                    ),
                ],
            );
            ui.add(egui::ProgressBar::new(fraction).text(text));
            let cancelling = job.cancel.load(Ordering::Relaxed);
            if ui
                .add_enabled(!cancelling, egui::Button::new(s.tr("slides-cancel")))
                .clicked()
            {
                job.cancel.store(true, Ordering::Relaxed);
            }
        } else {
            let ready = !self.lesson.is_empty() && !self.folder.trim().is_empty();
            if ui
                .add_enabled(ready, egui::Button::new(s.tr("slides-export")))
                .clicked()
            {
                self.start(ui.ctx(), s, options, theme);
            }
        }
        match &self.result {
            Some(Ok(message)) => {
                ui.label(message);
            }
            Some(Err(message)) => {
                ui.colored_label(ui.visuals().error_fg_color, message);
            }
            None => {}
        }
    }

    /// Starts the export on its own thread.
    fn start(&mut self, ctx: &egui::Context, s: &Strings, options: &Options, theme: Theme) {
        let request = SlidesRequest {
            lesson: self.lesson.clone(),
            size: self.size.unwrap_or(SlideSize::FULL_HD),
            theme,
            seed: options.seed,
            lessons: options.lessons.clone(),
            out: PathBuf::from(self.folder.trim()),
            lang: s.language(),
        };
        let job = Job {
            done: Arc::default(),
            total: Arc::default(),
            cancel: Arc::default(),
            outcome: Arc::default(),
            folder: request.out.clone(),
        };
        let (done, total, cancel, outcome) = (
            job.done.clone(),
            job.total.clone(),
            job.cancel.clone(),
            job.outcome.clone(),
        );
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("slides".into())
            .spawn(move || {
                let mut progress = |d: usize, t: usize| {
                    done.store(d, Ordering::Relaxed);
                    total.store(t, Ordering::Relaxed);
                    ctx.request_repaint();
                };
                let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    slides::export_lesson_slides(&request, &mut progress, &cancel)
                }))
                .unwrap_or_else(|_| Err(SlidesError::Failed("the slide renderer stopped".into())));
                if let Ok(mut slot) = outcome.lock() {
                    *slot = Some(result);
                }
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => {
                self.result = None;
                self.job = Some(job);
            }
            Err(e) => {
                self.result = Some(Err(
                    s.tr_args("slides-failed", &[("reason", format!("cannot start: {e}"))])
                ));
            }
        }
    }

    /// Takes the outcome of a finished export.
    fn collect(&mut self, s: &Strings) {
        let Some(job) = &self.job else {
            return;
        };
        let outcome = match job.outcome.lock() {
            Ok(mut slot) => slot.take(),
            Err(_) => Some(Err(SlidesError::Failed(
                "the slide renderer stopped".into(),
            ))),
        };
        let Some(outcome) = outcome else {
            return;
        };
        self.result = Some(match outcome {
            Ok(files) => Ok(s.tr_args(
                "slides-done",
                &[
                    ("count", files.len().to_string()),
                    ("folder", job.folder.display().to_string()),
                ],
            )),
            Err(SlidesError::Cancelled) => Ok(s.tr("slides-cancelled")),
            Err(e) => Err(s.tr_args("slides-failed", &[("reason", e.to_string())])),
        });
        self.job = None;
    }
}

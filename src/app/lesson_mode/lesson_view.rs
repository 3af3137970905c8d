//! The lesson panel (the lesson list with progress, or the open lesson's step: title,
//! "step k of n", Markdown text, question) and the outline that brings the lesson
//! step's panel forward. A pure function of the app's state: it only pushes commands.

use eframe::egui::{self, RichText};
use egui_commonmark::CommonMarkViewer;

use crate::app::lesson_mode::lessons::{LessonCommand, LessonProgress, LessonsState, OpenLesson};
use crate::app::{Command, Strings};
use crate::lesson::{Entry, Origin, Panel};

/// The lesson accent: the outline of the panel a lesson step points at, and the
/// background of highlighted fields and keys (always with a marker, never colour alone).
pub fn accent(dark: bool) -> egui::Color32 {
    if dark {
        egui::Color32::from_rgb(0xfb, 0xbf, 0x24)
    } else {
        egui::Color32::from_rgb(0xb4, 0x53, 0x09)
    }
}

/// The background of a highlighted field or key.
pub fn highlight_fill(dark: bool) -> egui::Color32 {
    if dark {
        egui::Color32::from_rgba_unmultiplied(0xfb, 0xbf, 0x24, 0x50)
    } else {
        egui::Color32::from_rgb(0xfd, 0xe6, 0x8a)
    }
}

/// The marker put before a highlighted field or key (read by screen readers too).
pub const MARK: &str = "» ";

/// Whether the lesson panel is on screen.
pub fn panel_shown(lessons: &LessonsState) -> bool {
    lessons.list_shown || lessons.open.is_some()
}

/// The "Lessons" toggle in the top bar.
pub fn top_button(
    ui: &mut egui::Ui,
    s: &Strings,
    lessons: &LessonsState,
    commands: &mut Vec<Command>,
) {
    let shown = lessons.list_shown;
    if ui
        .selectable_label(shown, s.tr("lessons-button"))
        .on_hover_text(s.tr("lessons-button-hint"))
        .clicked()
    {
        commands.push(Command::Lesson(LessonCommand::ShowList(!shown)));
    }
}

/// Draws the lesson panel's content: the list, or the open lesson.
pub fn ui(
    ui: &mut egui::Ui,
    s: &Strings,
    lessons: &mut LessonsState,
    progress: &LessonProgress,
    session_step: usize,
    commands: &mut Vec<Command>,
) {
    ui.add_space(4.0);
    match &lessons.open {
        Some(open) if !lessons.list_shown => {
            let entry = lessons.catalog.entries.get(open.index);
            lesson(
                ui,
                s,
                open,
                entry,
                &mut lessons.markdown,
                session_step,
                commands,
            );
        }
        _ => list(ui, s, lessons, progress, commands),
    }
}

fn list(
    ui: &mut egui::Ui,
    s: &Strings,
    lessons: &LessonsState,
    progress: &LessonProgress,
    commands: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.heading(s.tr("lessons-heading"));
        if lessons.open.is_some() {
            if ui.button(s.tr("lessons-back-to-lesson")).clicked() {
                commands.push(Command::Lesson(LessonCommand::ShowList(false)));
            }
        } else if ui.button(s.tr("lessons-close-list")).clicked() {
            commands.push(Command::Lesson(LessonCommand::ShowList(false)));
        }
    });
    if let Some(problem) = &lessons.problem {
        ui.colored_label(ui.visuals().error_fg_color, problem);
    }
    ui.separator();
    let current = lessons.open.as_ref().map(|o| o.id.as_str());
    egui::ScrollArea::vertical()
        .id_salt("lesson_list_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for entry in &lessons.catalog.entries {
                list_row(
                    ui,
                    s,
                    entry,
                    progress,
                    current == Some(entry.id.as_str()),
                    commands,
                );
                ui.add_space(6.0);
            }
        });
}

fn list_row(
    ui: &mut egui::Ui,
    s: &Strings,
    entry: &Entry,
    progress: &LessonProgress,
    is_current: bool,
    commands: &mut Vec<Command>,
) {
    let text = match entry.title() {
        Some(title) => RichText::new(s.tr_args(
            "lessons-open",
            &[("id", entry.id.clone()), ("title", title.to_string())],
        ))
        .strong(),
        None => RichText::new(s.tr_args("lessons-open-broken", &[("id", entry.id.clone())]))
            .color(ui.visuals().error_fg_color),
    };
    if ui.selectable_label(is_current, text).clicked() {
        commands.push(Command::Lesson(LessonCommand::Open(entry.id.clone())));
    }
    ui.indent(("lesson_row", &entry.id), |ui| {
        match (entry.ready(), entry.error()) {
            (Some(ready), _) => {
                if let Some(summary) = &ready.lesson.summary {
                    ui.add(egui::Label::new(RichText::new(summary).weak()).wrap());
                }
                let n = ready.lesson.steps.len();
                let seen = progress.seen(&entry.id, n);
                let text = if seen == n {
                    s.tr_args("lessons-progress-done", &[("n", n.to_string())])
                } else {
                    s.tr_args(
                        "lessons-progress",
                        &[("seen", seen.to_string()), ("n", n.to_string())],
                    )
                };
                ui.horizontal_wrapped(|ui| {
                    ui.small(text);
                    if entry.origin == Origin::Teacher {
                        ui.small(s.tr("lessons-from-teacher"));
                    }
                });
            }
            (None, Some(error)) => {
                ui.colored_label(ui.visuals().error_fg_color, s.tr("lessons-broken"));
                lesson_error(ui, error);
            }
            (None, None) => {}
        }
    });
}

/// A broken lesson's `file:line: problem`, as it is shown wherever the lesson appears.
fn lesson_error(ui: &mut egui::Ui, error: &impl std::fmt::Display) {
    ui.add(
        egui::Label::new(
            RichText::new(error.to_string())
                .monospace()
                .color(ui.visuals().error_fg_color),
        )
        .wrap(),
    );
}

fn lesson(
    ui: &mut egui::Ui,
    s: &Strings,
    open: &OpenLesson,
    entry: Option<&Entry>,
    markdown: &mut egui_commonmark::CommonMarkCache,
    session_step: usize,
    commands: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        if ui.button(s.tr("lessons-all")).clicked() {
            commands.push(Command::Lesson(LessonCommand::ShowList(true)));
        }
        if ui.button(s.tr("lessons-leave")).clicked() {
            commands.push(Command::Lesson(LessonCommand::Leave));
        }
    });
    ui.separator();
    let title = entry.and_then(Entry::title).unwrap_or(&open.id);
    ui.label(RichText::new(title).weak());
    let Some(step) = open.current() else {
        // A broken lesson: its error, in place.
        ui.heading(s.tr("lessons-broken"));
        if let Some(error) = &open.error {
            lesson_error(ui, error);
        }
        ui.add(egui::Label::new(s.tr("lessons-broken-hint")).wrap());
        return;
    };
    ui.strong(s.tr_args(
        "lessons-position",
        &[
            ("k", (open.step + 1).to_string()),
            ("n", open.len().to_string()),
        ],
    ));
    ui.heading(&step.title);
    if let Some(error) = &open.error {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            s.tr_args("lessons-stale", &[("error", error.to_string())]),
        );
    }
    if !step.text_only {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(format!(
                    "{MARK}{}",
                    s.tr_args("lessons-look-at", &[("panel", s.tr(panel_key(step.panel)))])
                ))
                .color(accent(ui.visuals().dark_mode)),
            );
        });
    }
    if step.session_step != session_step {
        ui.horizontal_wrapped(|ui| {
            ui.weak(s.tr("lessons-elsewhere"));
            if ui.button(s.tr("lessons-realign")).clicked() {
                commands.push(Command::Lesson(LessonCommand::Realign));
            }
        });
    }
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt(("lesson_text_scroll", &open.id, open.step))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                CommonMarkViewer::new().show(ui, markdown, &step.text);
                if let Some((question, answer)) = &step.question {
                    ui.add_space(8.0);
                    egui::Frame::group(ui.style()).show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        ui.strong(s.tr("lessons-question"));
                        CommonMarkViewer::new().show(ui, markdown, question);
                        if open.revealed {
                            ui.separator();
                            ui.strong(s.tr("lessons-answer"));
                            CommonMarkViewer::new().show(ui, markdown, answer);
                        } else if ui.button(s.tr("lessons-reveal")).clicked() {
                            commands.push(Command::Lesson(LessonCommand::RevealAnswer));
                        }
                    });
                }
                ui.add_space(8.0);
                ui.weak(s.tr("lessons-keys-hint"));
            });
        });
}

/// The message key naming a lesson panel.
pub fn panel_key(panel: Panel) -> &'static str {
    match panel {
        Panel::Sequence => "lessons-panel-sequence",
        Panel::Inspector => "lessons-panel-inspector",
        Panel::Keys => "lessons-panel-keys",
        Panel::Certificate => "lessons-panel-certificate",
        Panel::Eavesdropper => "lessons-panel-eavesdropper",
        Panel::Inputs => "lessons-panel-inputs",
    }
}

/// Where each panel was drawn this frame.
#[derive(Clone, Copy, Debug, Default)]
pub struct PanelRects {
    /// The top bar (the inputs).
    pub inputs: Option<egui::Rect>,
    /// The sequence view.
    pub sequence: Option<egui::Rect>,
    /// The side panel (keys, eavesdropper or certificate).
    pub side: Option<egui::Rect>,
    /// The central panel (the inspector).
    pub inspector: Option<egui::Rect>,
}

/// Outlines the panel the lesson step points at, with a tag naming the lesson.
pub fn paint_focus(ctx: &egui::Context, s: &Strings, panel: Option<Panel>, rects: PanelRects) {
    let Some(panel) = panel else {
        return;
    };
    let rect = match panel {
        Panel::Sequence => rects.sequence,
        Panel::Inspector => rects.inspector,
        Panel::Inputs => rects.inputs,
        Panel::Keys | Panel::Eavesdropper | Panel::Certificate => rects.side,
    };
    let Some(rect) = rect else {
        return;
    };
    let dark = ctx.global_style().visuals.dark_mode;
    let color = accent(dark);
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("lesson_focus"),
    ));
    let rect = rect.shrink(2.0);
    painter.rect_stroke(
        rect,
        4.0,
        egui::Stroke::new(3.0, color),
        egui::StrokeKind::Inside,
    );
    let font = egui::FontId::proportional(12.0);
    let on_accent = crate::app::access::contrast::on_accent(dark);
    let galley = painter.layout_no_wrap(s.tr("lessons-focus-tag"), font, on_accent);
    // At the bottom right, where panels rarely put anything; not on a bar too low to
    // hold it (the top bar: the outline and the lesson's "Look at" line say it).
    let size = galley.size() + egui::vec2(10.0, 4.0);
    if rect.height() < size.y * 3.0 {
        return;
    }
    let tag = egui::Rect::from_min_size(
        egui::pos2(rect.right() - size.x - 6.0, rect.bottom() - size.y),
        size,
    );
    painter.rect_filled(tag, 3.0, color);
    painter.galley(tag.min + egui::vec2(5.0, 2.0), galley, on_accent);
}

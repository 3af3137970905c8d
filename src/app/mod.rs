//! The desktop app: everything egui/eframe lives here (and nowhere in the core).
//!
//! Shaped like egui's demo app: [`LabApp`] holds the persisted [`Settings`] and the
//! runtime state; each view is one file with a small state struct; views never change
//! the app while drawing, they push [`Command`]s that are applied after the frame.
//! The sessions are simulated once per change of the inputs ([`session::Session`]);
//! moving between steps only changes an index.

/// Keyboard use, screen readers and contrast: regions and focus, the shortcut
/// overlay, how fields and secrets read aloud, WCAG ratios.
pub mod access {
    pub mod a11y;
    pub mod a11y_keys;
    pub mod contrast;
    pub mod help;
    pub mod inspector_keys;
}
pub mod i18n;
pub mod icon;
pub mod language;
/// Lesson mode: the catalog, the open lesson and its step, the lesson panel.
pub mod lesson_mode {
    pub mod lesson_view;
    pub mod lessons;
    pub mod loading;
}
pub mod screenshot;
pub mod session;
pub mod slides;
pub mod startup;
/// The panels of the window, one file each with its own small state.
pub mod views {
    pub mod attempt;
    pub mod certificate;
    pub mod controls;
    pub mod eavesdropper;
    pub mod inputs;
    pub mod inspector;
    pub mod key_exchange;
    pub mod keys;
    pub mod live;
    pub mod scenarios;
    pub mod sequence;
    pub mod visit;
    pub mod wire_editor;
}

use std::path::PathBuf;

use eframe::egui;

use access::{a11y, contrast, help};
use lesson_mode::{lesson_view, lessons};
use slides::window as slides_window;
use views::{
    attempt, certificate, controls, eavesdropper, inputs, inspector, keys, live, scenarios,
    sequence, wire_editor,
};

use crate::tls::{Protection, Side};
pub use i18n::Strings;
pub use session::{Inputs, Session};
use views::visit::Failure;

/// What the command line passes to the window.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The seed of the session shown (default: the scenario's).
    pub seed: Option<u64>,
    /// The lesson to open (its id).
    pub lesson: Option<String>,
    /// The step to open at, counted from 1 (of the lesson, when one is open).
    pub step: Option<usize>,
    /// A folder of extra lessons.
    pub lessons: Option<PathBuf>,
    /// The UI's language (`--lang`; over the saved setting).
    pub lang: Option<String>,
}

/// Opens the window and runs until it is closed.
pub fn run(options: Options) -> Result<(), String> {
    run_app(LabApp::launch(options)?)
}

/// Opens the window on `app` (checked before: see [`LabApp::launch`]) and runs until
/// it is closed.
pub fn run_app(app: LabApp) -> Result<(), String> {
    let strings = Strings::for_language(&app.settings.language);
    language::report_missing(&strings);
    let title = format!(
        "{} — {}",
        strings.tr("app-title"),
        strings.tr("app-subtitle")
    );
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(title)
        .with_inner_size([1440.0, 900.0])
        .with_min_inner_size([960.0, 600.0]);
    if let Some(icon) = icon::window_icon() {
        viewport = viewport.with_icon(icon);
    }
    let native = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    eframe::run_native(
        "handshake-lab",
        native,
        Box::new(move |cc| {
            let mut app = app;
            if let Some(storage) = cc.storage
                && let Some(settings) = eframe::get_value::<Settings>(storage, eframe::APP_KEY)
            {
                app.settings = settings;
                app.lesson_settings_loaded();
                let lang = app.options.lang.clone();
                app.set_language(&lang.unwrap_or_else(|| app.settings.language.clone()));
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| format!("could not open the window: {e}"))
}

/// Light or dark.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Theme {
    /// Dark text on a light background (projectors).
    Light,
    /// Light text on a dark background.
    Dark,
}

/// Settings that survive a restart.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Light or dark.
    pub theme: Theme,
    /// Larger text for a projector.
    pub presentation: bool,
    /// Seconds per step while playing.
    pub pace_seconds: f32,
    /// The panel beside the inspector.
    pub side_panel: SidePanel,
    /// The lesson steps seen.
    pub lesson_progress: lessons::LessonProgress,
    /// The zoom chosen with Ctrl +/- (1 = 100 %), on top of presentation mode's.
    pub zoom: f32,
    /// The UI's language (`en`, `de`).
    pub language: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            theme: Theme::Light,
            presentation: false,
            pace_seconds: 2.0,
            side_panel: SidePanel::Keys,
            lesson_progress: lessons::LessonProgress::default(),
            zoom: 1.0,
            language: "en".to_string(),
        }
    }
}

/// Which panel shows beside the inspector.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum SidePanel {
    /// The key schedule.
    Keys,
    /// HTTP and HTTPS as the eavesdropper reads them.
    Eavesdropper,
    /// The certificate chain and the client's checks.
    Certificate,
}

/// A change the views ask for while drawing; applied after the frame.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Go to step `usize` (from 0).
    GoTo(usize),
    /// One step forward.
    Next,
    /// One step back.
    Back,
    /// The first step.
    First,
    /// The last step.
    Last,
    /// Start auto-advancing.
    Play,
    /// Stop auto-advancing.
    Pause,
    /// Simulate again with new inputs.
    SetInputs(Inputs),
    /// Change theme.
    SetTheme(Theme),
    /// Presentation mode on or off.
    SetPresentation(bool),
    /// Seconds per step while playing.
    SetPace(f32),
    /// Show another side panel.
    ShowPanel(SidePanel),
    /// Lesson mode: open, move, leave, list, reveal.
    Lesson(lessons::LessonCommand),
    /// Set the zoom (1 = 100 %); kept between 50 % and 300 %.
    SetZoom(f32),
    /// Save the window as a PNG.
    Screenshot,
    /// Show the UI in this language.
    SetLanguage(String),
    /// Open or close the keyboard help.
    Help(bool),
    /// The live source: listen for real browsers, show one of their sessions.
    Live(live::LiveCommand),
}

/// The app: persisted settings, the sessions on screen and each view's state.
pub struct LabApp {
    /// Persisted settings.
    pub settings: Settings,
    /// The UI's words.
    pub strings: Strings,
    /// The sessions on screen.
    pub session: Session,
    /// The step shown, from 0.
    pub step: usize,
    /// What the command line passed (lessons come later).
    pub options: Options,
    /// Auto-advance: when the current step was reached, while playing.
    playing_since: Option<f64>,
    /// The style last applied to the context: (theme, presentation, zoom bits).
    applied_style: Option<(Theme, bool, u32)>,
    /// Saving the window as a PNG.
    pub screenshot: screenshot::ScreenshotState,
    /// The first frame was drawn (the startup measurement printed, if asked for).
    measured_startup: bool,
    inputs: inputs::InputsState,
    sequence: sequence::SequenceState,
    inspector: inspector::InspectorState,
    keys: keys::KeysState,
    /// Lesson mode: the catalog, the open lesson and its step.
    pub lessons: lessons::LessonsState,
    wire_editor: wire_editor::WireEditorState,
    /// The live source: the lab's bank for real browsers, and their sessions.
    pub live: live::LiveState,
    commands: Vec<Command>,
    /// Slide mode: the caption banner (lesson and step title) drawn across the top.
    pub slide_caption: Option<slides::Caption>,
    slides_window: slides_window::SlidesWindow,
    /// The keyboard help overlay.
    pub help: help::HelpState,
    /// The window's regions, for the region keys.
    pub a11y: a11y::A11yState,
}

impl LabApp {
    /// The app as the command line opens it: the lesson (and step) asked for, or by
    /// default the first lesson. An unknown lesson or a step out of range is an error.
    pub fn launch(mut options: Options) -> Result<LabApp, String> {
        if let Some(lang) = &options.lang
            && language::known(lang) != lang
        {
            let known: Vec<&str> = i18n::LANGUAGES.iter().map(|(c, _)| *c).collect();
            return Err(format!(
                "--lang {lang:?} is not a language of the window ({})",
                known.join(", ")
            ));
        }
        if options.lesson.is_none() {
            options.lesson =
                lesson_mode::loading::first_lesson_id(options.lessons.as_deref(), "en");
        }
        LabApp::new(options)
    }

    /// The app for `options`, with both sessions simulated.
    pub fn new(options: Options) -> Result<LabApp, String> {
        let mut first = Inputs::default();
        if let Some(seed) = options.seed {
            first.seed = seed;
        }
        let session = Session::compute(&first)?;
        let lang = language::known(options.lang.as_deref().unwrap_or("en"));
        // Only the lesson opened now; the others after the first frame.
        let lessons = lessons::LessonsState::starting(
            options.lessons.as_deref(),
            lang,
            options.lesson.as_deref(),
        );
        let step = options.step.map_or(0, |s| {
            s.saturating_sub(1).min(session.len().saturating_sub(1))
        });
        let mut app = LabApp {
            settings: Settings::default(),
            strings: Strings::for_language(lang),
            session,
            step,
            options,
            playing_since: None,
            applied_style: None,
            screenshot: screenshot::ScreenshotState::default(),
            measured_startup: false,
            inputs: inputs::InputsState::new(&first),
            sequence: sequence::SequenceState::default(),
            inspector: inspector::InspectorState::default(),
            keys: keys::KeysState::default(),
            lessons,
            wire_editor: wire_editor::WireEditorState::default(),
            live: live::LiveState::default(),
            commands: Vec::new(),
            slide_caption: None,
            slides_window: slides_window::SlidesWindow::default(),
            help: help::HelpState::default(),
            a11y: a11y::A11yState::default(),
        };
        app.settings.language = lang.to_string();
        app.open_from_options()?;
        Ok(app)
    }

    /// Whether auto-advance is running.
    pub fn is_playing(&self) -> bool {
        self.playing_since.is_some()
    }

    /// Draws the whole window, then applies what the views asked for.
    pub fn draw(&mut self, ui: &mut egui::Ui) {
        self.lessons.poll_whole();
        self.apply_style(ui.ctx());
        self.begin_a11y_frame(ui.ctx());
        self.read_a11y_keys(ui.ctx());
        self.read_keys(ui.ctx());
        self.tick_play(ui.ctx());
        if let Some(number) = self.live.visit.poll() {
            self.commands
                .push(Command::Live(live::LiveCommand::OpenVisit(number)));
        }
        (self.inspector.lesson_fields, self.keys.lesson_keys) = self.lessons.highlights(self.step);
        let lesson_focus = self.lessons.focus(self.step);
        let (position, len) = self
            .lesson_position()
            .unwrap_or((self.step, self.session.len()));
        let mut rects = lesson_view::PanelRects::default();
        let stem = || screenshot::file_stem(self.session.inputs.scenario.name(), self.step);
        self.screenshot.poll(stem);
        let announcement = self.announcement();
        a11y::name_window(ui.ctx(), self.window_name());
        let mut lesson_rect = None;

        let mut commands = std::mem::take(&mut self.commands);
        let s = &self.strings;
        let session = &self.session;
        let step = self.step;
        let in_lesson = self.lesson_id().is_some();

        if let Some(caption) = &self.slide_caption {
            slides::caption_ui(ui, s, caption);
        }
        let top_bar = egui::Panel::top("top_bar").show(ui, |ui| {
            ui.add_space(4.0);
            ui.horizontal_wrapped(|ui| {
                ui.heading(s.tr("app-title"));
                ui.weak(s.tr("app-subtitle"));
                ui.separator();
                lesson_view::top_button(ui, s, &self.lessons, &mut commands);
                live::top_button(ui, s, &self.live, &mut commands);
                if let Some(name) = scenarios::chooser(ui, s, session.inputs.scenario) {
                    // Another scenario is free exploration: the lesson steps aside.
                    if in_lesson {
                        commands.push(Command::Lesson(lessons::LessonCommand::Leave));
                    }
                    let mut inputs = session.inputs.clone();
                    inputs.scenario = name;
                    inputs.edits.clear();
                    commands.push(Command::SetInputs(inputs));
                }
                ui.separator();
                self.inputs.ui(ui, s, &mut commands);
                ui.separator();
                settings_ui(ui, s, &self.settings, &mut commands);
                if ui
                    .button(s.tr("shot-button"))
                    .on_hover_text(s.tr_args(
                        "shot-hint",
                        &[("folder", self.screenshot.folder.display().to_string())],
                    ))
                    .clicked()
                {
                    commands.push(Command::Screenshot);
                }
                if (self.settings.zoom - 1.0).abs() > 0.01 {
                    ui.weak(s.tr_args(
                        "zoom-level",
                        &[("percent", format!("{:.0}", self.settings.zoom * 100.0))],
                    ));
                }
                ui.separator();
                self.slides_window.button(ui, s, &self.options);
                ui.separator();
                language::ui(ui, s, &self.settings.language, &mut commands);
                help::button(ui, s, &mut commands);
            });
            let stem = screenshot::file_stem(session.inputs.scenario.name(), step);
            self.screenshot.notice_ui(ui, s, || stem);
            ui.add_space(4.0);
        });
        rects.inputs = Some(top_bar.response.rect);
        let controls_panel = egui::Panel::bottom("controls").show(ui, |ui| {
            ui.add_space(4.0);
            controls::ui(
                ui,
                s,
                position,
                len,
                self.playing_since.is_some(),
                self.settings.pace_seconds,
                &mut commands,
            );
            ui.add_space(4.0);
        });
        // Side panels never take more than their share, so the step and its bytes keep
        // room at 1280x720 and in presentation mode (which scales everything up).
        // The live panel takes the lesson panel's place while it is open.
        if lesson_view::panel_shown(&self.lessons) && !self.live.open {
            let width = ui.available_width();
            let lesson_panel = egui::Panel::left("lesson")
                .resizable(true)
                .default_size(380.0)
                .size_range(260.0..=(width * 0.3).max(261.0))
                .show(ui, |ui| {
                    let progress = &self.settings.lesson_progress;
                    lesson_view::ui(ui, s, &mut self.lessons, progress, step, &mut commands);
                });
            lesson_rect = Some(lesson_panel.response.rect);
        }
        if self.live.open {
            let width = ui.available_width();
            egui::Panel::left("live")
                .resizable(true)
                .default_size(360.0)
                .size_range(260.0..=(width * 0.3).max(261.0))
                .show(ui, |ui| self.live.ui(ui, s, session, &mut commands));
        }
        let width = ui.available_width();
        let sequence_panel = egui::Panel::left("sequence")
            .resizable(true)
            .default_size(360.0)
            .size_range(220.0..=(width * 0.28).max(221.0))
            .show(ui, |ui| {
                self.sequence.ui(ui, s, &session.https, step, &mut commands);
            });
        rects.sequence = Some(sequence_panel.response.rect);
        let side_panel = egui::Panel::right("side")
            .resizable(true)
            .default_size(440.0)
            .size_range(260.0..=(width * 0.34).max(261.0))
            .show(ui, |ui| {
                ui.add_space(4.0);
                ui.horizontal_wrapped(|ui| {
                    for (panel, key) in [
                        (SidePanel::Keys, "panel-keys"),
                        (SidePanel::Eavesdropper, "panel-eavesdropper"),
                        (SidePanel::Certificate, "panel-certificate"),
                    ] {
                        if ui
                            .selectable_label(self.settings.side_panel == panel, s.tr(key))
                            .clicked()
                        {
                            commands.push(Command::ShowPanel(panel));
                        }
                    }
                });
                ui.separator();
                match self.settings.side_panel {
                    SidePanel::Keys => self.keys.ui(ui, s, &session.https, step),
                    SidePanel::Eavesdropper => eavesdropper::ui(ui, s, session, step),
                    SidePanel::Certificate => certificate::ui(ui, s, session, step),
                }
            });
        self.slides_window
            .ui(ui.ctx(), s, &self.options, self.settings.theme);
        rects.side = Some(side_panel.response.rect);
        let central = egui::CentralPanel::default().show(ui, |ui| {
            controls::step_heading(ui, s, &session.https, step);
            self.wire_editor.ui(ui, s, session, step, &mut commands);
            a11y::announce(ui, s, &announcement);
            ui.separator();
            match session
                .https
                .steps
                .get(step)
                .and_then(|st| st.attempt.as_ref())
            {
                Some(attempt) => {
                    egui::ScrollArea::vertical()
                        .id_salt("attempt_scroll")
                        .show(ui, |ui| attempt::attempt_view(ui, s, attempt));
                }
                None => self.inspector.ui(ui, s, session, step),
            }
        });
        rects.inspector = Some(central.response.rect);
        lesson_view::paint_focus(ui.ctx(), s, lesson_focus, rects);
        help::ui(ui.ctx(), s, &self.help, &mut commands);
        for (region, rect) in [
            (a11y::Region::Lesson, lesson_rect),
            (a11y::Region::Inputs, rects.inputs),
            (a11y::Region::Sequence, rects.sequence),
            (a11y::Region::Inspector, rects.inspector),
            (a11y::Region::Side, rects.side),
            (a11y::Region::Controls, Some(controls_panel.response.rect)),
        ] {
            self.a11y.set(region, rect);
        }
        self.finish_a11y_frame(ui.ctx());

        for command in commands {
            self.apply(command, ui.ctx());
        }
    }

    /// Applies one command.
    pub fn apply(&mut self, command: Command, ctx: &egui::Context) {
        let last = self.session.len().saturating_sub(1);
        let now = ctx.input(|i| i.time);
        let Some(command) = self.route_to_lesson(command, now) else {
            ctx.request_repaint();
            return;
        };
        match command {
            Command::GoTo(step) => self.go_to(step.min(last), now),
            Command::Next => {
                if self.step < last {
                    self.go_to(self.step + 1, now);
                } else {
                    self.playing_since = None;
                }
            }
            Command::Back => self.go_to(self.step.saturating_sub(1), now),
            Command::First => self.go_to(0, now),
            Command::Last => self.go_to(last, now),
            Command::Play => {
                if self.step >= last {
                    self.step = 0;
                }
                self.playing_since = Some(now);
            }
            Command::Pause => self.playing_since = None,
            Command::SetInputs(mut inputs) => {
                // Changing an input of a live session goes back to the simulated bank.
                if inputs.scenario == crate::sim::ScenarioName::Live {
                    inputs.scenario = crate::sim::ScenarioName::Https;
                    inputs.edits.clear();
                }
                self.live.shown = None;
                self.live.visit.shown = None;
                self.set_inputs(&inputs);
            }
            Command::SetTheme(theme) => self.settings.theme = theme,
            Command::SetPresentation(on) => self.settings.presentation = on,
            Command::SetPace(seconds) => self.settings.pace_seconds = seconds.clamp(0.5, 10.0),
            Command::ShowPanel(panel) => self.settings.side_panel = panel,
            Command::Lesson(command) => self.apply_lesson(command),
            Command::SetZoom(zoom) => self.settings.zoom = zoom.clamp(0.5, 3.0),
            Command::Screenshot => self.screenshot.request(ctx),
            Command::SetLanguage(code) => self.set_language(&code),
            Command::Help(open) => self.help.open = open,
            Command::Live(command) => self.apply_live(command, ctx),
        }
        ctx.request_repaint();
    }

    /// Simulates `inputs`; on success the session on screen is theirs, else the
    /// inputs panel says why and the session stays.
    fn set_inputs(&mut self, inputs: &Inputs) {
        match self.session.recompute(inputs) {
            Ok(()) => {
                self.inputs.error = None;
                self.inputs.sync(&self.session.inputs);
                self.step = self.step.min(self.session.len().saturating_sub(1));
                self.lesson_inputs_changed();
            }
            Err(reason) => self.inputs.error = Some(reason),
        }
    }

    fn apply_live(&mut self, command: live::LiveCommand, ctx: &egui::Context) {
        match command {
            live::LiveCommand::Show(open) => self.live.open = open,
            live::LiveCommand::Start(port) => {
                let name = self.session.inputs.server_name.clone();
                self.live.start(port, &name, ctx);
            }
            live::LiveCommand::Stop => self.live.stop(),
            live::LiveCommand::Open(number) => {
                let Some(recording) = self.live.recording(number) else {
                    return;
                };
                match self.show_live_session(&recording.timeline) {
                    Ok(()) => self.live.shown = Some(number),
                    Err(reason) => self.live.error = Some(reason),
                }
            }
            live::LiveCommand::Visit => self.live.visit.start(ctx),
            live::LiveCommand::OpenVisit(number) => {
                let Some(visit) = self.live.visit.visit(number) else {
                    return;
                };
                match self.show_live_session(&visit.timeline) {
                    Ok(()) => self.live.visit.shown = Some(number),
                    Err(reason) => self.live.visit.failure = Some(Failure::unshowable(reason)),
                }
            }
        }
    }

    /// Puts a live session (a real client's at the lab's server, or the lab's
    /// browser's at a real server) on screen at its first step, leaving any lesson.
    fn show_live_session(&mut self, timeline: &crate::sim::Timeline) -> Result<(), String> {
        let mut session = Session::from_live(timeline)?;
        if self.lesson_id().is_some() {
            self.leave_lesson();
        }
        session.generation = self.session.generation + 1;
        self.session = session;
        self.inputs.sync(&self.session.inputs);
        self.inputs.error = None;
        self.inspector.step_changed();
        self.step = 0;
        self.live.shown = None;
        self.live.visit.shown = None;
        Ok(())
    }

    fn go_to(&mut self, step: usize, now: f64) {
        if step != self.step {
            self.inspector.step_changed();
        }
        self.step = step;
        if self.playing_since.is_some() {
            self.playing_since = Some(now);
        }
    }

    /// The navigation keys, taken before any widget sees them (so Space does not also
    /// press a focused button), except while the student types into an input.
    /// Left/Right/Home/End belong to a focused control that uses them, and Space to
    /// any focused control (see [`a11y`]); PageUp/PageDown always step.
    fn read_keys(&mut self, ctx: &egui::Context) {
        // F12 and zoom work everywhere, even while typing.
        let zoom = self.settings.zoom;
        ctx.input_mut(|i| {
            if i.consume_key(egui::Modifiers::NONE, egui::Key::F12) {
                self.commands.push(Command::Screenshot);
            }
            let command = egui::Modifiers::COMMAND;
            if i.consume_key(command, egui::Key::Plus) || i.consume_key(command, egui::Key::Equals)
            {
                self.commands.push(Command::SetZoom(zoom_step(zoom, true)));
            }
            if i.consume_key(command, egui::Key::Minus) {
                self.commands.push(Command::SetZoom(zoom_step(zoom, false)));
            }
            if i.consume_key(command, egui::Key::Num0) {
                self.commands.push(Command::SetZoom(1.0));
            }
        });
        if ctx.text_edit_focused() || self.wire_editor.is_open() || self.help.open {
            return;
        }
        let none = egui::Modifiers::NONE;
        let arrows = !self.a11y.arrows_taken;
        let space = ctx.memory(|m| m.focused().is_none());
        let mut stepped = false;
        ctx.input_mut(|i| {
            for (key, command, free) in [
                (egui::Key::ArrowRight, Command::Next, arrows),
                (egui::Key::Space, Command::Next, space),
                (egui::Key::PageDown, Command::Next, true),
                (egui::Key::ArrowLeft, Command::Back, arrows),
                (egui::Key::PageUp, Command::Back, true),
                (egui::Key::Home, Command::First, arrows),
                (egui::Key::End, Command::Last, arrows),
            ] {
                if free && i.consume_key(none, key) {
                    stepped = true;
                    self.commands.push(command);
                }
            }
        });
        if stepped {
            // A step key is not also a move of the keyboard focus.
            ctx.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
        }
    }

    /// While playing, advance every `pace_seconds` and ask for a repaint just then;
    /// when paused nothing is scheduled, so an idle window does not repaint.
    fn tick_play(&mut self, ctx: &egui::Context) {
        let Some(since) = self.playing_since else {
            return;
        };
        let now = ctx.input(|i| i.time);
        let pace = f64::from(self.settings.pace_seconds);
        let due = since + pace;
        if now >= due {
            self.commands.push(Command::Next);
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(pace));
        } else {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(due - now));
        }
    }

    fn apply_style(&mut self, ctx: &egui::Context) {
        let wanted = (
            self.settings.theme,
            self.settings.presentation,
            self.settings.zoom.to_bits(),
        );
        if self.applied_style == Some(wanted) {
            return;
        }
        // The app zooms itself (persisted with the settings), not egui's own keys.
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        ctx.set_visuals_of(egui::Theme::Light, contrast::visuals(Theme::Light));
        ctx.set_visuals_of(egui::Theme::Dark, contrast::visuals(Theme::Dark));
        ctx.set_theme(match self.settings.theme {
            Theme::Light => egui::Theme::Light,
            Theme::Dark => egui::Theme::Dark,
        });
        let base = if self.settings.presentation { 1.4 } else { 1.0 };
        ctx.set_zoom_factor(base * self.settings.zoom.clamp(0.5, 3.0));
        self.applied_style = Some(wanted);
        // The new zoom takes effect at the end of this pass: draw once more with it.
        ctx.request_repaint();
    }
}

/// The next zoom level in or out: steps of 10 %, rounded so that in and out return
/// to the same levels.
pub fn zoom_step(zoom: f32, zoom_in: bool) -> f32 {
    let tenths = (zoom * 10.0).round();
    let next = if zoom_in { tenths + 1.0 } else { tenths - 1.0 };
    (next / 10.0).clamp(0.5, 3.0)
}

fn settings_ui(ui: &mut egui::Ui, s: &Strings, settings: &Settings, commands: &mut Vec<Command>) {
    let (next, key) = match settings.theme {
        Theme::Light => (Theme::Dark, "settings-theme-dark"),
        Theme::Dark => (Theme::Light, "settings-theme-light"),
    };
    if ui.button(s.tr(key)).clicked() {
        commands.push(Command::SetTheme(next));
    }
    let mut presentation = settings.presentation;
    if ui
        .toggle_value(&mut presentation, s.tr("settings-presentation"))
        .on_hover_text(s.tr("settings-presentation-hint"))
        .clicked()
    {
        commands.push(Command::SetPresentation(presentation));
    }
}

impl eframe::App for LabApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.draw(ui);
        if !self.measured_startup {
            self.measured_startup = true;
            // What is not on screen yet is prepared now, off the first frame's path.
            self.lessons.load_in_background(ui.ctx());
            if startup::measuring() {
                startup::first_frame(ui.ctx());
            }
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }
}

/// The colour of a protection level; always shown with its word too.
pub fn protection_color(protection: Protection, dark: bool) -> egui::Color32 {
    match (protection, dark) {
        (Protection::Plaintext, false) => egui::Color32::from_rgb(0xc2, 0x41, 0x0c),
        (Protection::Plaintext, true) => egui::Color32::from_rgb(0xfb, 0x92, 0x3c),
        (Protection::HandshakeKeys, false) => egui::Color32::from_rgb(0x1d, 0x4e, 0xd8),
        (Protection::HandshakeKeys, true) => egui::Color32::from_rgb(0x60, 0xa5, 0xfa),
        (Protection::ApplicationKeys, false) => egui::Color32::from_rgb(0x15, 0x80, 0x3d),
        (Protection::ApplicationKeys, true) => egui::Color32::from_rgb(0x4a, 0xde, 0x80),
        (Protection::SessionKeys, false) => egui::Color32::from_rgb(0x6d, 0x28, 0xd9),
        (Protection::SessionKeys, true) => egui::Color32::from_rgb(0xc0, 0x84, 0xfc),
    }
}

/// The message key naming a protection level.
pub fn protection_key(protection: Protection) -> &'static str {
    match protection {
        Protection::Plaintext => "protection-plaintext",
        Protection::HandshakeKeys => "protection-handshake",
        Protection::ApplicationKeys => "protection-application",
        Protection::SessionKeys => "protection-session",
    }
}

/// The message key naming a side.
pub fn side_key(side: Side) -> &'static str {
    match side {
        Side::Client => "keys-side-client",
        Side::Server => "keys-side-server",
        Side::Attacker => "keys-side-attacker",
    }
}

/// Lowercase hex with a space between bytes.
pub fn spaced_hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ")
}

//! Slides: the window's own drawing, rendered offscreen to PNG files.
//!
//! One drawing: a slide is [`LabApp::draw`], the very function the window runs, driven
//! by an `egui_kittest` harness instead of a window. egui lays it out and tessellates
//! it as for the screen; the triangles are then filled on the CPU by
//! [`raster`] instead of a GPU, so `handshake-lab slides` needs no display
//! server, no GPU and no Vulkan driver.
//!
//! In slide mode the app shows a caption banner (lesson title, step number and title),
//! drawn by the app itself ([`caption_ui`]), so the window could show it too.
//!
//! The one place that knows how to put the app at "step k of lesson L" is
//! [`show_lesson_step`]: lesson mode, the slides command and the export window all
//! go through it.

pub mod raster;
pub mod window;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use eframe::egui;
use egui_kittest::Harness;
use image::RgbaImage;

use super::{LabApp, Options, Strings, Theme};
use crate::lesson::{self, Ready};
use raster::SoftwareRenderer;

/// The height of the window a slide shows, scaled to the slide: 720 pixels, the
/// smallest window the app is laid out for. A 1920x1080 slide is a 1280x720 window in
/// presentation mode at 1.5x: text about 29 pixels high, readable from the back of a
/// classroom (1080 would fit more bytes, but at 20 pixels a projector loses them).
pub const LAYOUT_HEIGHT: f32 = 900.0;

/// A slide's size in pixels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SlideSize {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

impl SlideSize {
    /// Full HD, the default.
    pub const FULL_HD: SlideSize = SlideSize::new(1920, 1080);
    /// The sizes the app offers: 1920x1080 (default), 1280x720, 3840x2160.
    pub const PRESETS: [SlideSize; 3] = [
        SlideSize::FULL_HD,
        SlideSize::new(1280, 720),
        SlideSize::new(3840, 2160),
    ];
    /// The smallest slide that still holds the window's layout.
    pub const MIN: SlideSize = SlideSize::new(640, 360);
    /// The largest slide (8K): beyond it the texture outgrows what renderers allow.
    pub const MAX: SlideSize = SlideSize::new(7680, 4320);

    /// `width` x `height` pixels.
    pub const fn new(width: u32, height: u32) -> Self {
        SlideSize { width, height }
    }

    /// Reads `WxH` (`1920x1080`); the error says what is wrong, in one line.
    pub fn parse(text: &str) -> Result<SlideSize, String> {
        let bad = || format!("size {text:?} is not WIDTHxHEIGHT in pixels, e.g. 1920x1080");
        let (w, h) = text.trim().split_once(['x', 'X']).ok_or_else(bad)?;
        let number = |s: &str| -> Result<u32, String> {
            if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            // Digits only: too many of them is simply too large.
            Ok(s.parse::<u32>().unwrap_or(u32::MAX))
        };
        let size = SlideSize::new(number(w)?, number(h)?);
        let (min, max) = (SlideSize::MIN, SlideSize::MAX);
        if size.width < min.width || size.height < min.height {
            return Err(format!("size {size} is too small: at least {min}"));
        }
        if size.width > max.width || size.height > max.height {
            return Err(format!("size {size} is too large: at most {max}"));
        }
        // The window's layout is landscape; a portrait or very wide slide would clip.
        let ratio = f64::from(size.width) / f64::from(size.height);
        if !(1.0..=2.5).contains(&ratio) {
            return Err(format!(
                "size {size} has an unusual shape: width/height must be between 1 and 2.5"
            ));
        }
        Ok(size)
    }

    /// Points to pixels: every size shows the layout of a window [`LAYOUT_HEIGHT`]
    /// pixels high, scaled to fill the slide, so a deck looks the same at 720p and 4K
    /// (4K is simply sharper).
    fn pixels_per_point(self) -> f32 {
        self.height as f32 / LAYOUT_HEIGHT
    }
}

impl std::fmt::Display for SlideSize {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}x{}", self.width, self.height)
    }
}

/// The banner a slide carries: the lesson's title and the step's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Caption {
    /// The lesson's title.
    pub lesson_title: String,
    /// The lesson step's title.
    pub step_title: String,
    /// The step's number, from 1.
    pub number: usize,
    /// How many steps the lesson has.
    pub count: usize,
}

/// The caption banner across the top of the window, in slide mode. Large type: it is
/// read from the back of a classroom.
pub fn caption_ui(ui: &mut egui::Ui, s: &Strings, caption: &Caption) {
    let visuals = ui.visuals();
    let fill = visuals.selection.bg_fill;
    let text = visuals.strong_text_color();
    egui::Panel::top("slide_caption")
        .frame(
            egui::Frame::new()
                .fill(visuals.extreme_bg_color)
                .stroke(egui::Stroke::new(2.0, fill))
                .inner_margin(egui::Margin::symmetric(12, 6)),
        )
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    egui::RichText::new(&caption.lesson_title)
                        .size(18.0)
                        .color(text),
                );
                ui.add(egui::Separator::default().vertical().spacing(16.0));
                ui.label(
                    egui::RichText::new(s.tr_args(
                        "slides-caption-step",
                        &[
                            ("number", caption.number.to_string()),
                            ("count", caption.count.to_string()),
                            ("title", caption.step_title.clone()),
                        ],
                    ))
                    .size(20.0)
                    .strong()
                    .color(text),
                );
            });
        });
}

/// Puts `app` at step `k` (from 0) of lesson `ready` through lesson mode — the same
/// state a student reaches with the lesson list and Next: the lesson's session, its
/// step, panel, highlights and text — and sets the slide caption.
pub fn show_lesson_step(
    app: &mut LabApp,
    ready: &Ready,
    k: usize,
    seed: Option<u64>,
) -> Result<(), String> {
    let lesson = &ready.lesson;
    let count = ready.resolved.steps.len();
    let step = ready.resolved.steps.get(k).ok_or_else(|| {
        format!(
            "lesson {} has no step {} (it has {count})",
            lesson.id,
            k + 1
        )
    })?;
    if app.lesson_id() != Some(lesson.id.as_str()) || app.options.seed != seed {
        app.options.seed = seed;
        app.open_lesson(&lesson.id)?;
    }
    app.go_to_lesson_step(k);
    app.playing_since = None;
    app.slide_caption = Some(Caption {
        lesson_title: lesson.title.clone(),
        step_title: step.title.clone(),
        number: k + 1,
        count,
    });
    Ok(())
}

/// The app drawn offscreen: a harness running [`LabApp::draw`] and the CPU painter.
pub struct SlideRenderer {
    harness: Harness<'static, LabApp>,
    size: SlideSize,
}

impl SlideRenderer {
    /// A renderer of `app` at `size`, painted on the CPU by [`SoftwareRenderer`].
    pub fn new(app: LabApp, size: SlideSize) -> SlideRenderer {
        SlideRenderer::with_renderer(app, size, SoftwareRenderer::default())
    }

    /// The same harness painted by another renderer (tests compare the software
    /// painter with egui-wgpu this way).
    pub fn with_renderer(
        app: LabApp,
        size: SlideSize,
        renderer: impl egui_kittest::TestRenderer + 'static,
    ) -> SlideRenderer {
        let ppp = size.pixels_per_point();
        let points = egui::vec2(size.width as f32 / ppp, size.height as f32 / ppp);
        let harness = Harness::builder()
            .with_size(points)
            .with_pixels_per_point(ppp)
            .with_max_steps(16)
            .with_accessibility_check(false)
            .with_render_cursor(false)
            .allow_missing_glyphs()
            .with_context_setup(|ctx| {
                // The window's font fallback (eframe's), so a lesson in any script shows
                // the same glyphs on a slide as on screen.
                ctx.add_font_provider(Arc::new(
                    egui_system_font_provider::SystemFontProvider::new(),
                ));
            })
            .renderer(renderer)
            .build_ui_state(|ui, app: &mut LabApp| app.draw(ui), app);
        SlideRenderer { harness, size }
    }

    /// The harness, to read the slide's AccessKit tree (what is on it, and where).
    pub fn harness(&self) -> &Harness<'static, LabApp> {
        &self.harness
    }

    /// The app being drawn, to put it at another step.
    pub fn app_mut(&mut self) -> &mut LabApp {
        self.harness.state_mut()
    }

    /// Draws the app until it settles and paints it: one slide.
    pub fn render_slide(&mut self) -> Result<RgbaImage, String> {
        // A settled app asks for no repaint; a few passes let a change of step, theme or
        // zoom take effect (the harness stops at its step limit either way).
        self.harness.run_ok();
        let image = self.harness.render()?;
        if (image.width(), image.height()) != (self.size.width, self.size.height) {
            return Err(format!(
                "the renderer drew {}x{} instead of {}",
                image.width(),
                image.height(),
                self.size
            ));
        }
        Ok(image)
    }
}

/// One slide of `app` as it is now, at `size` (a new renderer each call: for one image;
/// for a series, keep a [`SlideRenderer`]).
pub fn render_slide(app: LabApp, size: SlideSize) -> Result<RgbaImage, String> {
    SlideRenderer::new(app, size).render_slide()
}

/// Why an export did not produce its slides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SlidesError {
    /// The request was wrong: unknown lesson, bad folder (exit code 1).
    Invalid(String),
    /// Rendering or writing failed (exit code 2).
    Failed(String),
    /// The user cancelled; nothing was left behind.
    Cancelled,
}

impl std::fmt::Display for SlidesError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SlidesError::Invalid(m) | SlidesError::Failed(m) => f.write_str(m),
            SlidesError::Cancelled => f.write_str("cancelled"),
        }
    }
}

/// What to export.
#[derive(Clone, Debug)]
pub struct SlidesRequest {
    /// The lesson's id.
    pub lesson: String,
    /// Pixels per slide.
    pub size: SlideSize,
    /// Light or dark.
    pub theme: Theme,
    /// Another seed than the lesson's.
    pub seed: Option<u64>,
    /// A teacher's folder of lessons (same id: the teacher's wins).
    pub lessons: Option<PathBuf>,
    /// The folder to write into (created when missing).
    pub out: PathBuf,
    /// The language of the window's words and of the lesson (`en`, `de`); a lesson
    /// without a translation is shown in English.
    pub lang: String,
}

/// `<lesson>-step-NN.png`: numbered from 1, zero-padded so the names sort in order.
pub fn slide_file_name(lesson: &str, number: usize, count: usize) -> String {
    let width = count.to_string().len().max(2);
    format!("{lesson}-step-{number:0width$}.png")
}

/// Exports one PNG per step of the lesson into `request.out`, in presentation mode,
/// each with its caption. `progress(done, total)` is called after each slide;
/// `cancel` is checked before each. The set is written to a hidden folder inside
/// `out` and moved into place only when every slide succeeded, so a failed or
/// cancelled export leaves nothing that looks like a complete set.
pub fn export_lesson_slides(
    request: &SlidesRequest,
    progress: &mut dyn FnMut(usize, usize),
    cancel: &AtomicBool,
) -> Result<Vec<PathBuf>, SlidesError> {
    let lang = super::language::known(&request.lang);
    if lang != request.lang {
        return Err(SlidesError::Invalid(format!(
            "no language {:?}: the window speaks {}",
            request.lang,
            super::i18n::LANGUAGES
                .iter()
                .map(|(code, _)| *code)
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    let catalog = lesson::load_catalog(request.lessons.as_deref(), lang);
    let entry = catalog.get(&request.lesson).ok_or_else(|| {
        let known = catalog.entries.iter().map(|e| e.id.as_str());
        SlidesError::Invalid(format!(
            "no lesson {:?}{}",
            request.lesson,
            lesson::suggestion(&request.lesson, known)
        ))
    })?;
    let ready = match &entry.state {
        Ok(ready) => ready,
        Err(e) => return Err(SlidesError::Invalid(e.to_string())),
    };
    let count = ready.resolved.steps.len();
    if count == 0 {
        return Err(SlidesError::Invalid(format!(
            "lesson {} has no steps",
            request.lesson
        )));
    }

    let created_out = !request.out.exists();
    std::fs::create_dir_all(&request.out).map_err(|e| {
        SlidesError::Invalid(format!("cannot create {}: {e}", request.out.display()))
    })?;
    let staging = Staging::new(&request.out, &request.lesson, created_out)?;

    let app = slide_app(request, ready).map_err(SlidesError::Failed)?;
    let mut renderer = SlideRenderer::new(app, request.size);

    let mut names = Vec::with_capacity(count);
    for k in 0..count {
        if cancel.load(Ordering::Relaxed) {
            return Err(SlidesError::Cancelled);
        }
        show_lesson_step(renderer.app_mut(), ready, k, request.seed)
            .map_err(SlidesError::Failed)?;
        let image = renderer.render_slide().map_err(SlidesError::Failed)?;
        let name = slide_file_name(&request.lesson, k + 1, count);
        write_png(&staging.path().join(&name), &image).map_err(SlidesError::Failed)?;
        names.push(name);
        progress(k + 1, count);
    }
    if cancel.load(Ordering::Relaxed) {
        return Err(SlidesError::Cancelled);
    }
    staging.commit(&names).map_err(SlidesError::Failed)
}

/// The app as a slide shows it: the request's language, theme and seed, presentation
/// mode, at the lesson's first step.
fn slide_app(request: &SlidesRequest, ready: &Ready) -> Result<LabApp, String> {
    let mut app = LabApp::new(Options {
        seed: request.seed,
        lesson: Some(request.lesson.clone()),
        step: None,
        lessons: request.lessons.clone(),
        lang: Some(request.lang.clone()),
    })?;
    app.settings.theme = request.theme;
    app.settings.presentation = true;
    show_lesson_step(&mut app, ready, 0, request.seed)?;
    Ok(app)
}

/// `image` as PNG bytes (fast compression: a slide is mostly flat colour).
pub fn encode_png(image: &RgbaImage) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let encoder = image::codecs::png::PngEncoder::new_with_quality(
        &mut bytes,
        image::codecs::png::CompressionType::Fast,
        image::codecs::png::FilterType::Adaptive,
    );
    image
        .write_with_encoder(encoder)
        .map_err(|e| format!("cannot encode the slide as PNG: {e}"))?;
    Ok(bytes)
}

/// Encodes `image` as PNG at `path`.
pub fn write_png(path: &Path, image: &RgbaImage) -> Result<(), String> {
    let bytes = encode_png(image)?;
    crate::export::write_atomically(path, &bytes)
}

/// The hidden folder a set is rendered into (a temporary folder inside `out`, removed
/// when dropped), so an export is all or nothing.
struct Staging {
    out: PathBuf,
    dir: tempfile::TempDir,
    lesson: String,
    /// `out` did not exist before: remove it too when nothing is committed.
    created_out: bool,
    committed: bool,
}

impl Staging {
    fn new(out: &Path, lesson: &str, created_out: bool) -> Result<Staging, SlidesError> {
        let dir = match tempfile::Builder::new()
            .prefix(&format!(".{lesson}-slides.partial-"))
            .tempdir_in(out)
        {
            Ok(dir) => dir,
            Err(e) => {
                if created_out {
                    let _ = std::fs::remove_dir(out);
                }
                return Err(SlidesError::Invalid(format!(
                    "cannot write into {}: {e}",
                    out.display()
                )));
            }
        };
        Ok(Staging {
            out: out.to_path_buf(),
            dir,
            lesson: lesson.to_string(),
            created_out,
            committed: false,
        })
    }

    /// Where the slides are rendered before they are committed.
    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Moves the slides into `out` and removes the slides of an earlier export of the
    /// same lesson that this set does not have (a lesson that lost steps).
    fn commit(mut self, names: &[String]) -> Result<Vec<PathBuf>, String> {
        let mut placed = Vec::with_capacity(names.len());
        for name in names {
            let target = self.out.join(name);
            if let Err(e) = std::fs::rename(self.path().join(name), &target) {
                // Not half a set: take back the slides already placed.
                for done in &placed {
                    let _ = std::fs::remove_file(done);
                }
                return Err(format!("cannot write {}: {e}", target.display()));
            }
            placed.push(target);
        }
        self.committed = true;
        let prefix = format!("{}-step-", self.lesson);
        if let Ok(entries) = std::fs::read_dir(&self.out) {
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                let ours = name
                    .strip_prefix(&prefix)
                    .and_then(|n| n.strip_suffix(".png"));
                if ours.is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
                    && !names.contains(&name)
                {
                    let _ = std::fs::remove_file(entry.path());
                }
            }
        }
        Ok(placed)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        // The temporary folder goes first, so an `out` the export made is empty.
        let _ = std::fs::remove_dir_all(self.dir.path());
        if !self.committed && self.created_out {
            // Only if empty: never removes anything of the user's.
            let _ = std::fs::remove_dir(&self.out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(lang: &str, out: PathBuf) -> SlidesRequest {
        SlidesRequest {
            lesson: "04-hellos".into(),
            size: SlideSize::FULL_HD,
            theme: Theme::Dark,
            seed: None,
            lessons: None,
            out,
            lang: lang.into(),
        }
    }

    #[test]
    fn a_german_slide_has_the_german_window_and_lesson() {
        let catalog = lesson::load_catalog(None, "de");
        let ready = catalog
            .get("04-hellos")
            .and_then(|e| e.ready())
            .expect("lesson 04 in German");
        let english_title = lesson::load_catalog(None, "en")
            .get("04-hellos")
            .and_then(|e| e.ready())
            .map(|r| r.lesson.title.clone())
            .expect("lesson 04 in English");
        assert_ne!(
            ready.lesson.title, english_title,
            "lessons/de has its own title"
        );

        let app = slide_app(&request("de", PathBuf::from("unused")), ready).expect("the app");
        assert_eq!(app.strings.language(), "de");
        assert_eq!(app.strings.tr("controls-next"), "Weiter");
        let caption = app.slide_caption.as_ref().expect("a caption");
        assert_eq!(caption.lesson_title, ready.lesson.title);
        assert!(app.settings.presentation);
        assert_eq!(app.settings.theme, Theme::Dark);
    }

    #[test]
    fn an_unknown_language_is_refused_before_anything_is_written() {
        let out = std::env::temp_dir().join(format!("hl-slides-lang-{}", std::process::id()));
        let err = export_lesson_slides(
            &request("xx", out.clone()),
            &mut |_, _| {},
            &AtomicBool::new(false),
        )
        .expect_err("xx is no language");
        assert_eq!(
            err,
            SlidesError::Invalid("no language \"xx\": the window speaks en, de".into())
        );
        assert!(!out.exists(), "nothing created for a refused request");
    }
}

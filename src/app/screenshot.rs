//! Screenshots: the button or F12 saves the window as a PNG into a folder the user
//! can find (`~/Pictures/Handshake Lab`, or `HANDSHAKE_LAB_SCREENSHOTS`), and a
//! notice says where. A folder that cannot be written gives a clear message and keeps
//! the picture, so the student can fix the folder and try again.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use eframe::egui;

use super::Strings;

/// The environment variable that overrides the screenshot folder.
pub const FOLDER_ENV: &str = "HANDSHAKE_LAB_SCREENSHOTS";

/// Where screenshots go: `$HANDSHAKE_LAB_SCREENSHOTS`, else `Handshake Lab` in the
/// user's pictures folder as the system names it (`~/Pictures`, `~/Bilder` on a German
/// Linux desktop, the Pictures library on Windows and macOS), else in `~/Pictures`,
/// else `Handshake Lab screenshots` in the current folder.
pub fn default_folder() -> PathBuf {
    if let Some(folder) = std::env::var_os(FOLDER_ENV).filter(|f| !f.is_empty()) {
        return PathBuf::from(folder);
    }
    let dirs = directories::UserDirs::new();
    let pictures = dirs
        .as_ref()
        .and_then(|d| d.picture_dir().map(Path::to_path_buf));
    let home = dirs.as_ref().map(|d| d.home_dir().join("Pictures"));
    match pictures.or(home) {
        Some(pictures) => pictures.join("Handshake Lab"),
        None => PathBuf::from("Handshake Lab screenshots"),
    }
}

/// Encodes `image` as PNG.
pub fn encode_png(image: &egui::ColorImage) -> Result<Vec<u8>, String> {
    let [width, height] = image.size;
    let rgba: Vec<u8> = image.pixels.iter().flat_map(|c| c.to_array()).collect();
    let buffer = image::RgbaImage::from_raw(width as u32, height as u32, rgba)
        .ok_or_else(|| "the picture's size does not match its pixels".to_string())?;
    let mut out = std::io::Cursor::new(Vec::new());
    buffer
        .write_to(&mut out, image::ImageFormat::Png)
        .map_err(|e| format!("PNG encoding failed: {e}"))?;
    Ok(out.into_inner())
}

/// Saves `image` as a new PNG in `folder` (made if missing) named after `stem`,
/// never overwriting a file; returns the path written.
pub fn save_png(folder: &Path, stem: &str, image: &egui::ColorImage) -> Result<PathBuf, String> {
    let bytes = encode_png(image)?;
    std::fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    let mut path = folder.join(format!("{stem}.png"));
    let mut n = 2;
    while path.exists() {
        path = folder.join(format!("{stem}-{n}.png"));
        n += 1;
    }
    crate::export::write_atomically(&path, &bytes)?;
    Ok(path)
}

/// The file name (without `.png`) for a screenshot taken now: the time in UTC,
/// then what is on screen.
pub fn file_stem(scenario: &str, step: usize) -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let date = super::views::certificate::utc_date(now);
    // "2026-03-02 09:00:00 UTC" -> "2026-03-02_090000"
    let compact: String = date
        .trim_end_matches(" UTC")
        .replace(' ', "_")
        .chars()
        .filter(|c| *c != ':')
        .collect();
    format!("handshake-lab_{compact}_{scenario}_step{}", step + 1)
}

/// What the last screenshot did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Saved there.
    Saved(PathBuf),
    /// Not saved: why (the picture is kept for another try).
    Failed(String),
}

/// The screenshot feature's state.
pub struct ScreenshotState {
    /// Where screenshots are saved.
    pub folder: PathBuf,
    /// What the last attempt did, until dismissed.
    pub notice: Option<Notice>,
    /// The picture the window sends back, once it has been read.
    arrived: Arc<Mutex<Option<Arc<egui::ColorImage>>>>,
    /// A picture that could not be saved, kept for "Try again".
    unsaved: Option<Arc<egui::ColorImage>>,
    /// A screenshot was asked for and has not arrived yet.
    waiting: bool,
}

impl Default for ScreenshotState {
    fn default() -> Self {
        ScreenshotState {
            folder: default_folder(),
            notice: None,
            arrived: Arc::default(),
            unsaved: None,
            waiting: false,
        }
    }
}

impl ScreenshotState {
    /// Asks the window for a picture of its next frame.
    pub fn request(&mut self, ctx: &egui::Context) {
        if self.waiting {
            return;
        }
        self.waiting = true;
        let slot = Arc::clone(&self.arrived);
        let repaint = ctx.clone();
        ctx.request_screenshot(move |image| {
            if let Ok(mut slot) = slot.lock() {
                *slot = Some(image);
            }
            repaint.request_repaint();
        });
        ctx.request_repaint();
    }

    /// Hands in a picture as the window would (tests have no window to read).
    pub fn deliver(&mut self, image: egui::ColorImage) {
        if let Ok(mut slot) = self.arrived.lock() {
            *slot = Some(Arc::new(image));
        }
    }

    /// Whether a screenshot was asked for and has not arrived.
    pub fn is_waiting(&self) -> bool {
        self.waiting
    }

    /// Saves a picture that has arrived; called once per frame.
    pub fn poll(&mut self, stem: impl FnOnce() -> String) {
        let arrived = self.arrived.lock().ok().and_then(|mut slot| slot.take());
        if let Some(image) = arrived {
            self.waiting = false;
            self.save(image, stem());
        }
    }

    fn save(&mut self, image: Arc<egui::ColorImage>, stem: String) {
        match save_png(&self.folder, &stem, &image) {
            Ok(path) => {
                self.notice = Some(Notice::Saved(path));
                self.unsaved = None;
            }
            Err(reason) => {
                self.notice = Some(Notice::Failed(reason));
                self.unsaved = Some(image);
            }
        }
    }

    /// The notice line, with Try again after a failure and a close button.
    pub fn notice_ui(&mut self, ui: &mut egui::Ui, s: &Strings, stem: impl FnOnce() -> String) {
        let Some(notice) = self.notice.clone() else {
            return;
        };
        match &notice {
            Notice::Saved(path) => {
                ui.add(
                    egui::Label::new(
                        s.tr_args("shot-saved", &[("path", path.display().to_string())]),
                    )
                    .wrap(),
                );
            }
            Notice::Failed(reason) => {
                let text = s.tr_args(
                    "shot-failed",
                    &[
                        ("folder", self.folder.display().to_string()),
                        ("reason", reason.clone()),
                        ("env", FOLDER_ENV.to_string()),
                    ],
                );
                let color = ui.visuals().error_fg_color;
                ui.add(egui::Label::new(egui::RichText::new(text).color(color)).wrap());
            }
        }
        let mut retry = false;
        let mut dismiss = false;
        ui.horizontal(|ui| {
            if matches!(notice, Notice::Failed(_)) && self.unsaved.is_some() {
                retry = ui.button(s.tr("shot-retry")).clicked();
            }
            dismiss = ui.button(s.tr("shot-dismiss")).clicked();
        });
        if retry && let Some(image) = self.unsaved.clone() {
            self.save(image, stem());
        } else if dismiss {
            self.notice = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn picture() -> egui::ColorImage {
        egui::ColorImage::new([3, 2], vec![egui::Color32::from_rgb(200, 10, 10); 6])
    }

    #[test]
    fn a_screenshot_is_a_png_in_the_folder_and_never_overwrites() {
        let dir = std::env::temp_dir().join(format!("hl-shot-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let folder = dir.join("Pictures").join("Handshake Lab");
        let first = save_png(&folder, "shot", &picture()).expect("saved");
        let second = save_png(&folder, "shot", &picture()).expect("saved");
        assert_ne!(first, second);
        let bytes = std::fs::read(&first).expect("written");
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
        let back = image::load_from_memory(&bytes).expect("decodes").to_rgba8();
        assert_eq!(back.dimensions(), (3, 2));
        assert_eq!(back.get_pixel(0, 0).0, [200, 10, 10, 255]);
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_folder_under_a_file_is_a_clear_error_and_the_picture_is_kept() {
        let dir = std::env::temp_dir().join(format!("hl-shot-bad-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp");
        let file = dir.join("a-file");
        std::fs::write(&file, b"x").expect("temp file");
        let mut state = ScreenshotState {
            folder: file.join("shots"),
            ..ScreenshotState::default()
        };
        state.deliver(picture());
        state.poll(|| "shot".into());
        match &state.notice {
            Some(Notice::Failed(reason)) => assert!(reason.contains("a-file"), "{reason}"),
            other => panic!("{other:?}"),
        }
        assert!(state.unsaved.is_some(), "the picture is kept");
        // Fixed folder: the kept picture is saved on the next try.
        state.folder = dir.join("ok");
        let image = state.unsaved.clone().expect("kept");
        state.save(image, "shot".into());
        assert!(matches!(&state.notice, Some(Notice::Saved(p)) if p.exists()));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn file_names_say_when_and_what() {
        let stem = file_stem("https", 4);
        assert!(stem.starts_with("handshake-lab_"), "{stem}");
        assert!(stem.ends_with("_https_step5"), "{stem}");
        assert!(!stem.contains(':') && !stem.contains(' '), "{stem}");
    }
}

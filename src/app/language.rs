//! The UI's language: chosen in the top bar (saved with the settings) or with
//! `--lang`; it changes the words and the lessons (German lessons where they exist,
//! English otherwise).

use eframe::egui;

use super::i18n::LANGUAGES;
use super::{Command, LabApp, Strings};

/// The language buttons: each language named in itself ("English", "Deutsch").
pub fn ui(ui: &mut egui::Ui, s: &Strings, current: &str, commands: &mut Vec<Command>) {
    ui.label(s.tr("settings-language"));
    for (code, _) in LANGUAGES {
        let name = Strings::for_language(code).tr("settings-language-name");
        let response = ui
            .selectable_label(*code == current, name)
            .on_hover_text(s.tr("settings-language-hint"));
        if response.clicked() && *code != current {
            commands.push(Command::SetLanguage((*code).to_string()));
        }
    }
}

/// The language code to use: one the UI has, else English.
pub fn known(code: &str) -> &'static str {
    LANGUAGES
        .iter()
        .map(|(c, _)| *c)
        .find(|c| *c == code)
        .unwrap_or("en")
}

/// Says on stderr which messages the chosen language lacks (they show in English;
/// `tests/app_strings.rs` fails on any, so a release has none).
pub fn report_missing(strings: &Strings) {
    let missing = strings.missing();
    if !missing.is_empty() {
        eprintln!(
            "handshake-lab: warning: {}.ftl lacks {} message(s), shown in English: {}",
            strings.language(),
            missing.len(),
            missing.join(", ")
        );
    }
}

impl LabApp {
    /// Shows the UI in `code` (English for a code it does not have): the words, and
    /// the lesson catalog in that language; an open lesson opens again at its step.
    /// Runs once per change, never per frame.
    pub fn set_language(&mut self, code: &str) {
        let code = known(code);
        self.settings.language = code.to_string();
        if self.strings.language() == code && self.lessons.catalog.lang == code {
            return;
        }
        self.strings = Strings::for_language(code);
        report_missing(&self.strings);
        self.lessons.reload(self.options.lessons.as_deref(), code);
        // The open lesson stays at its step with the session the student has (inputs
        // typed included): only its text is taken from the new catalog.
        let id = self.lesson_id().map(str::to_string);
        if let Some(id) = id {
            match self.lessons.catalog.entries.iter().position(|e| e.id == id) {
                Some(index) => {
                    if let Some(open) = self.lessons.open.as_mut() {
                        open.index = index;
                    }
                    self.lesson_inputs_changed();
                }
                None => self.leave_lesson(),
            }
        }
    }
}

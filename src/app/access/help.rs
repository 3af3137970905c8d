//! The keyboard help: every shortcut, in a modal window opened with `?` or F1 (or the
//! top bar's button) and closed with Escape or its Close button.

use eframe::egui;

use crate::app::{Command, Strings};

/// Whether the help is open.
#[derive(Clone, Debug, Default)]
pub struct HelpState {
    /// Shown on top of the window.
    pub open: bool,
}

/// Every shortcut: the keys (a message, since key names are translated too) and what
/// they do, in the order the help lists them.
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("help-keys-help", "help-do-help"),
    ("help-keys-tab", "help-do-tab"),
    ("help-keys-regions", "help-do-regions"),
    ("help-keys-region-n", "help-do-region-n"),
    ("help-keys-next", "help-do-next"),
    ("help-keys-back", "help-do-back"),
    ("help-keys-first-last", "help-do-first-last"),
    ("help-keys-activate", "help-do-activate"),
    ("help-keys-up-down", "help-do-up-down"),
    ("help-keys-escape", "help-do-escape"),
    ("help-keys-inspector-fields", "help-do-inspector-fields"),
    ("help-keys-inspector-bytes", "help-do-inspector-bytes"),
];

/// The top bar's button that opens the help.
pub fn button(ui: &mut egui::Ui, s: &Strings, commands: &mut Vec<Command>) {
    if ui
        .button(s.tr("help-button"))
        .on_hover_text(s.tr("help-button-hint"))
        .clicked()
    {
        commands.push(Command::Help(true));
    }
}

/// Draws the help when it is open; Escape, a click beside it or Close shut it.
pub fn ui(ctx: &egui::Context, s: &Strings, state: &HelpState, commands: &mut Vec<Command>) {
    if !state.open {
        return;
    }
    let modal = egui::Modal::new(egui::Id::unique("help_modal")).show(ctx, |ui| {
        ui.set_max_width(720.0);
        ui.heading(s.tr("help-heading"));
        ui.add_space(4.0);
        egui::Grid::new("help_grid")
            .num_columns(2)
            .spacing([16.0, 6.0])
            .striped(true)
            .show(ui, |ui| {
                for (keys, what) in SHORTCUTS {
                    ui.strong(s.tr(keys));
                    ui.add(egui::Label::new(s.tr(what)).wrap());
                    ui.end_row();
                }
            });
        ui.add_space(8.0);
        ui.strong(s.tr("help-regions"));
        for (n, region) in crate::app::access::a11y::REGIONS.iter().enumerate() {
            ui.label(s.tr_args(
                "help-region-line",
                &[("n", (n + 1).to_string()), ("region", s.tr(region.key()))],
            ));
        }
        ui.add_space(8.0);
        ui.add(egui::Label::new(s.tr("help-screen-reader")).wrap());
        ui.add_space(8.0);
        let close = ui.button(s.tr("help-close"));
        // The help takes the keyboard: its Close button has the focus at once.
        if !ui.ctx().memory(|m| m.focused().is_some()) {
            close.request_focus();
        }
        close.clicked()
    });
    if modal.inner || modal.should_close() {
        commands.push(Command::Help(false));
    }
}

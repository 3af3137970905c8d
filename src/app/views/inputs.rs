//! The inputs the student can change: password, server name, seed.
//!
//! Every change asks for a new simulation; the inspector then marks the bytes that
//! differ from the previous session.

use eframe::egui;

use crate::app::{Command, Inputs, Strings};

/// The inputs as typed, and why the last ones could not be simulated.
pub struct InputsState {
    draft: Inputs,
    /// Why the typed inputs were refused (the previous session stays on screen).
    pub error: Option<String>,
}

impl InputsState {
    /// Starts from the inputs of the session on screen.
    pub fn new(inputs: &Inputs) -> Self {
        InputsState {
            draft: inputs.clone(),
            error: None,
        }
    }

    /// Takes the inputs of the session now on screen (its scenario and wire edits
    /// too), so that the next change keeps them.
    pub fn sync(&mut self, inputs: &Inputs) {
        self.draft = inputs.clone();
    }

    /// Draws the three inputs in a row.
    pub fn ui(&mut self, ui: &mut egui::Ui, s: &Strings, commands: &mut Vec<Command>) {
        let mut changed = false;
        let label = ui.label(s.tr("inputs-password"));
        changed |= ui
            .add(egui::TextEdit::singleline(&mut self.draft.password).desired_width(150.0))
            .labelled_by(label.id)
            .changed();
        let label = ui.label(s.tr("inputs-server-name"));
        changed |= ui
            .add(egui::TextEdit::singleline(&mut self.draft.server_name).desired_width(130.0))
            .labelled_by(label.id)
            .changed();
        let label = ui.label(s.tr("inputs-seed"));
        changed |= ui
            .add(egui::DragValue::new(&mut self.draft.seed).range(0..=u64::MAX))
            .labelled_by(label.id)
            .changed();
        if changed {
            commands.push(Command::SetInputs(self.draft.clone()));
        }
        if let Some(reason) = &self.error {
            ui.colored_label(
                ui.visuals().error_fg_color,
                s.tr_args("inputs-invalid", &[("reason", reason.clone())]),
            );
        }
    }
}

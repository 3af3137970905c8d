//! `key-compromise`: the attacker's attempts to decrypt the recorded sessions with
//! the stolen server keys, stage by stage, with what it lacked and what it read.

use eframe::egui::{self, RichText};

use crate::app::Strings;
use crate::sim::{DecryptionAttempt, Timeline};

/// The attempts made up to step `step`, in order.
pub fn attempts_until(timeline: &Timeline, step: usize) -> Vec<&DecryptionAttempt> {
    timeline
        .steps
        .iter()
        .take(step.saturating_add(1))
        .filter_map(|s| s.attempt.as_ref())
        .collect()
}

/// One attempt in full.
pub fn attempt_view(ui: &mut egui::Ui, s: &Strings, attempt: &DecryptionAttempt) {
    let visuals = ui.visuals().clone();
    let (result, color) = if attempt.decrypted {
        (s.tr("attempt-result-yes"), visuals.error_fg_color)
    } else {
        (s.tr("attempt-result-no"), visuals.strong_text_color())
    };
    egui::Frame::group(ui.style())
        .stroke(egui::Stroke::new(2.0, color))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.strong(s.tr_args(
                "attempt-target",
                &[("target", attempt.target.name().to_string())],
            ));
            ui.add(
                egui::Label::new(s.tr_args(
                    "attempt-stolen-key",
                    &[("key", s.text(&attempt.stolen_key))],
                ))
                .wrap(),
            );
            ui.add_space(4.0);
            ui.weak(s.tr("attempt-stages"));
            for (i, stage) in attempt.stages.iter().enumerate() {
                ui.add(egui::Label::new(format!("{}. {}", i + 1, s.text(stage))).wrap());
            }
            ui.add_space(4.0);
            ui.label(RichText::new(&result).strong().color(color));
            ui.monospace(attempt.line());
            if let Some(missing) = &attempt.missing {
                ui.add(
                    egui::Label::new(s.tr_args("attempt-missing", &[("missing", s.text(missing))]))
                        .wrap(),
                );
            }
            if !attempt.plaintexts.is_empty() {
                ui.add_space(4.0);
                ui.weak(s.tr("attempt-plaintexts"));
                for plaintext in &attempt.plaintexts {
                    let text = String::from_utf8_lossy(plaintext);
                    ui.add(
                        egui::Label::new(RichText::new(text.as_ref()).monospace().color(color))
                            .wrap(),
                    );
                }
            }
        });
}

/// Every attempt made up to step `step`, or a note that none was made yet.
pub fn ui(ui: &mut egui::Ui, s: &Strings, timeline: &Timeline, step: usize) {
    ui.heading(s.tr("attempt-heading"));
    let attempts = attempts_until(timeline, step);
    if attempts.is_empty() {
        ui.weak(s.tr("attempt-none-yet"));
        return;
    }
    for attempt in attempts {
        attempt_view(ui, s, attempt);
        ui.add_space(6.0);
    }
}

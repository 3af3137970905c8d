//! Step controls (Back, Next, Play/Pause, Restart, position) and the step's heading.

use eframe::egui;

use crate::app::{Command, Strings, side_key};
use crate::sim::{Outcome, Timeline};

/// The row of step controls.
pub fn ui(
    ui: &mut egui::Ui,
    s: &Strings,
    step: usize,
    len: usize,
    playing: bool,
    pace_seconds: f32,
    commands: &mut Vec<Command>,
) {
    let last = len.saturating_sub(1);
    ui.horizontal_wrapped(|ui| {
        if ui
            .add_enabled(step > 0, egui::Button::new(s.tr("controls-back")))
            .clicked()
        {
            commands.push(Command::Back);
        }
        if ui
            .add_enabled(step < last, egui::Button::new(s.tr("controls-next")))
            .clicked()
        {
            commands.push(Command::Next);
        }
        let (key, command) = if playing {
            ("controls-pause", Command::Pause)
        } else {
            ("controls-play", Command::Play)
        };
        if ui.button(s.tr(key)).clicked() {
            commands.push(command);
        }
        if ui.button(s.tr("controls-restart")).clicked() {
            commands.push(Command::First);
        }
        ui.separator();
        ui.strong(s.tr_args(
            "controls-position",
            &[("k", (step + 1).to_string()), ("n", len.to_string())],
        ));
        ui.separator();
        let pace_label = ui.label(s.tr("controls-pace"));
        let mut pace = pace_seconds;
        let slider = egui::Slider::new(&mut pace, 0.5..=6.0)
            .step_by(0.5)
            .custom_formatter(|v, _| s.tr_args("controls-pace-seconds", &[("s", v.to_string())]));
        let slider = ui.add(slider).labelled_by(pace_label.id);
        crate::app::access::a11y::owns_arrows(ui.ctx(), slider.id);
        if slider.changed() {
            commands.push(Command::SetPace(pace));
        }
        ui.separator();
        ui.weak(s.tr("controls-keys-hint"));
    });
}

/// The title and explanation of step `step` (the words the heading shows and a
/// screen reader announces).
pub fn step_text(s: &Strings, timeline: &Timeline, step: usize) -> Option<(String, String)> {
    let current = timeline.steps.get(step)?;
    Some(crate::app::views::scenarios::step_text(
        s,
        timeline.scenario.name,
        current.name,
    ))
}

/// The current step's title, who sent it, the explanation and any failure.
pub fn step_heading(ui: &mut egui::Ui, s: &Strings, timeline: &Timeline, step: usize) {
    let (Some(current), Some((title, explain))) =
        (timeline.steps.get(step), step_text(s, timeline, step))
    else {
        return;
    };
    ui.heading(title);
    ui.weak(s.tr_args(
        "controls-sent-by",
        &[
            ("side", s.tr(side_key(current.from))),
            (
                "time",
                format!("{:.1}", current.time_micros as f64 / 1000.0),
            ),
        ],
    ));
    ui.add_space(4.0);
    ui.label(explain);
    if let Some((side, alert, reason)) = &current.failure {
        ui.colored_label(
            ui.visuals().error_fg_color,
            s.tr_args(
                "step-failure",
                &[
                    ("side", s.tr(side_key(*side))),
                    ("alert", alert.name().to_string()),
                    ("reason", s.text(reason)),
                ],
            ),
        );
    }
    if step + 1 == timeline.steps.len() {
        let text = match &timeline.outcome {
            Outcome::Completed => s.tr("outcome-completed"),
            Outcome::Aborted { by, alert, reason } => s.tr_args(
                "outcome-aborted",
                &[
                    ("side", s.tr(side_key(*by))),
                    ("alert", alert.name().to_string()),
                    ("reason", s.text(reason)),
                ],
            ),
        };
        ui.strong(text);
    }
}

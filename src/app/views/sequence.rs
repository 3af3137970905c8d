//! The sequence view: browser, wire and bank as columns, one arrow per step,
//! coloured by protection and labelled with the protection's name.

use eframe::egui::{self, Color32, FontId, Pos2, Rect, Sense, Stroke, Vec2};

use crate::app::{Command, Strings, protection_color, protection_key};
use crate::sim::{Step, Timeline};
use crate::tls::{Protection, Side};
use crate::wire::MessageKind;

const ROW_HEIGHT: f32 = 54.0;
const MARGIN: f32 = 36.0;

/// What the arrow of `step` says: its position, message and protection.
pub fn arrow_label(s: &Strings, index: usize, step: &Step) -> String {
    let (message, protection) = match step.records.first() {
        Some(record) if record.message == MessageKind::Alert => {
            (step.name.to_string(), record.protection)
        }
        Some(record) => (record.message.to_string(), record.protection),
        // No record (the attacker's attempts with a stolen key): nothing protected.
        None => {
            return s.tr_args(
                "sequence-arrow-no-record",
                &[
                    ("k", (index + 1).to_string()),
                    ("message", step.name.to_string()),
                ],
            );
        }
    };
    s.tr_args(
        "sequence-arrow",
        &[
            ("k", (index + 1).to_string()),
            ("message", message),
            ("protection", s.tr(protection_key(protection))),
        ],
    )
}

/// The view's own state: which step it last scrolled to.
#[derive(Default)]
pub struct SequenceState {
    scrolled_to: Option<usize>,
}

impl SequenceState {
    /// Draws the view; a click on an arrow asks to go to its step.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        s: &Strings,
        timeline: &Timeline,
        current: usize,
        commands: &mut Vec<Command>,
    ) {
        let scroll = self.scrolled_to != Some(current);
        self.scrolled_to = Some(current);
        draw(ui, s, timeline, current, scroll, commands);
    }
}

fn draw(
    ui: &mut egui::Ui,
    s: &Strings,
    timeline: &Timeline,
    current: usize,
    scroll: bool,
    commands: &mut Vec<Command>,
) {
    let dark = ui.visuals().dark_mode;
    ui.add_space(4.0);
    ui.heading(s.tr("sequence-heading"));
    legend(ui, s, dark, timeline.scenario.name.uses_tls12());
    ui.separator();

    let width = ui.available_width();
    let columns = [MARGIN, width / 2.0, (width - MARGIN).max(MARGIN + 2.0)];
    // Column headings, each wrapped within its third of the width so that they never
    // run into each other in a narrow panel or in presentation mode.
    let small = FontId::proportional(12.0);
    let text = ui.visuals().text_color();
    let third = (width / 3.0 - 4.0).max(20.0);
    let middle = if timeline.scenario.name == crate::sim::ScenarioName::Mitm {
        "sequence-attacker"
    } else {
        "sequence-wire"
    };
    let galleys = ["sequence-client", middle, "sequence-server"]
        .map(|key| ui.painter().layout(s.tr(key), small.clone(), text, third));
    let height = galleys.iter().map(|g| g.size().y).fold(0.0, f32::max) + 8.0;
    let (header, _) = ui.allocate_exact_size(Vec2::new(width, height), Sense::hover());
    for (galley, x) in galleys.into_iter().zip(columns) {
        let left = (header.left() + x - galley.size().x / 2.0)
            .clamp(header.left(), header.right() - galley.size().x);
        ui.painter()
            .galley(Pos2::new(left, header.top() + 4.0), galley, text);
    }

    egui::ScrollArea::vertical()
        .id_salt("sequence_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (index, step) in timeline.steps.iter().enumerate() {
                let label = arrow_label(s, index, step);
                let (rect, response) =
                    ui.allocate_exact_size(Vec2::new(width, ROW_HEIGHT), Sense::click());
                let selected = index == current;
                response.widget_info(|| {
                    egui::WidgetInfo::selected(egui::Role::Button, true, selected, &label)
                });
                if response.clicked() {
                    commands.push(Command::GoTo(index));
                }
                if selected && scroll {
                    ui.scroll_to_rect(rect, None);
                }
                paint_row(
                    ui,
                    rect,
                    &columns,
                    step,
                    &label,
                    selected,
                    response.hovered(),
                    dark,
                );
            }
        });
}

#[allow(clippy::too_many_arguments)]
fn paint_row(
    ui: &egui::Ui,
    rect: Rect,
    columns: &[f32; 3],
    step: &Step,
    label: &str,
    selected: bool,
    hovered: bool,
    dark: bool,
) {
    let painter = ui.painter();
    let visuals = ui.visuals();
    if selected {
        painter.rect_filled(rect, 4.0, visuals.selection.bg_fill.gamma_multiply(0.45));
        painter.rect_stroke(
            rect,
            4.0,
            visuals.selection.stroke,
            egui::StrokeKind::Inside,
        );
    } else if hovered {
        painter.rect_filled(rect, 4.0, visuals.widgets.hovered.weak_bg_fill);
    }
    // The three lifelines.
    let line = Stroke::new(1.0, visuals.weak_text_color().gamma_multiply(0.6));
    for x in columns {
        painter.line_segment(
            [
                Pos2::new(rect.left() + x, rect.top()),
                Pos2::new(rect.left() + x, rect.bottom()),
            ],
            line,
        );
    }
    let protection = step
        .records
        .first()
        .map_or(Protection::Plaintext, |r| r.protection);
    let color = protection_color(protection, dark);
    let y = rect.bottom() - 12.0;
    // A man in the middle stands on the wire: its records start or end there.
    let column = |side: Side| match side {
        Side::Client => columns[0],
        Side::Attacker => columns[1],
        Side::Server => columns[2],
    };
    let (from, to) = (column(step.from), column(step.to));
    let start = Pos2::new(rect.left() + from, y);
    let end = Pos2::new(rect.left() + to, y);
    let width = if selected { 3.0 } else { 2.0 };
    arrow(painter, start, end, Stroke::new(width, color));
    // The eavesdropper taps every record in the middle of the wire.
    painter.circle_filled(
        Pos2::new(rect.left() + columns[1], y),
        4.0,
        visuals.weak_text_color(),
    );
    let font = if selected {
        FontId::proportional(14.0)
    } else {
        FontId::proportional(13.0)
    };
    let text_color = if selected {
        visuals.strong_text_color()
    } else {
        visuals.text_color()
    };
    let galley = painter.layout(
        label.to_string(),
        font,
        blend(text_color, color),
        rect.width() - 8.0,
    );
    let size = galley.size();
    painter.galley(
        Pos2::new(rect.center().x - size.x / 2.0, y - 5.0 - size.y),
        galley,
        text_color,
    );
}

/// A line from `start` to `end` with a small head at `end` (egui's own arrow scales
/// its head with the length, far too big across a whole column).
fn arrow(painter: &egui::Painter, start: Pos2, end: Pos2, stroke: Stroke) {
    painter.line_segment([start, end], stroke);
    let back = (start - end).normalized() * 10.0;
    let side = back.rot90() * 0.5;
    painter.line_segment([end, end + back + side], stroke);
    painter.line_segment([end, end + back - side], stroke);
}

/// The arrow label's colour: the text colour halfway to the protection's.
pub fn blend(text: Color32, accent: Color32) -> Color32 {
    let mix = |a: u8, b: u8| ((u16::from(a) + u16::from(b)) / 2) as u8;
    Color32::from_rgb(
        mix(text.r(), accent.r()),
        mix(text.g(), accent.g()),
        mix(text.b(), accent.b()),
    )
}

fn legend(ui: &mut egui::Ui, s: &Strings, dark: bool, tls12: bool) {
    ui.horizontal_wrapped(|ui| {
        ui.label(s.tr("sequence-legend"));
        let tls12 = tls12.then_some(Protection::SessionKeys);
        for protection in [
            Protection::Plaintext,
            Protection::HandshakeKeys,
            Protection::ApplicationKeys,
        ]
        .into_iter()
        .chain(tls12)
        {
            let color = protection_color(protection, dark);
            let (rect, _) = ui.allocate_exact_size(Vec2::new(22.0, 12.0), Sense::hover());
            arrow(
                ui.painter(),
                rect.left_center(),
                rect.right_center(),
                Stroke::new(2.0, color),
            );
            let explain = match protection {
                Protection::Plaintext => "protection-plaintext-explain",
                Protection::HandshakeKeys => "protection-handshake-explain",
                Protection::ApplicationKeys => "protection-application-explain",
                Protection::SessionKeys => "protection-session-explain",
            };
            ui.colored_label(color, s.tr(protection_key(protection)))
                .on_hover_text(s.tr(explain));
        }
        let (rect, _) = ui.allocate_exact_size(Vec2::new(12.0, 12.0), Sense::hover());
        ui.painter()
            .circle_filled(rect.center(), 4.0, ui.visuals().weak_text_color());
        ui.label(s.tr("sequence-tap"));
    });
}

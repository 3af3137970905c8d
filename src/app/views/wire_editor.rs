//! The wire editor: pause on any record, change any of its bytes in hex, deliver it,
//! and see which check caught the change and the alert that went out.
//!
//! The edit becomes part of the inputs (`Inputs.edits`, one `ByteEdit` per changed
//! byte) and the session is simulated again: the records before the edited one stay
//! byte for byte the same, everything after follows from what the receiver got.

use eframe::egui::{self, RichText};

use crate::app::{Command, Session, Strings, side_key, spaced_hex};
use crate::sim::{ByteEdit, Step, Timeline};
use crate::wire::MessageKind;

/// Why typed hex is not a record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HexError {
    /// A character that is neither a hex digit nor white space, at this position
    /// (counted from 1 among the characters typed).
    NotHex {
        /// Where, from 1.
        position: usize,
        /// What was typed there.
        found: char,
    },
    /// An odd number of hex digits: the last byte is half typed.
    OddDigits,
    /// Not the record's length: bytes are changed in place, never added or removed.
    Length {
        /// The record's length.
        want: usize,
        /// How many bytes were typed.
        got: usize,
    },
}

/// Reads hex digits (white space between them ignored) as exactly `want` bytes.
pub fn parse_hex(text: &str, want: usize) -> Result<Vec<u8>, HexError> {
    let mut digits = Vec::with_capacity(want * 2);
    for (i, c) in text.chars().enumerate() {
        if c.is_whitespace() {
            continue;
        }
        match c.to_digit(16) {
            Some(d) => digits.push(d as u8),
            None => {
                return Err(HexError::NotHex {
                    position: i + 1,
                    found: c,
                });
            }
        }
    }
    if digits.len() % 2 == 1 {
        return Err(HexError::OddDigits);
    }
    let bytes: Vec<u8> = digits.chunks(2).map(|p| p[0] << 4 | p[1]).collect();
    if bytes.len() != want {
        return Err(HexError::Length {
            want,
            got: bytes.len(),
        });
    }
    Ok(bytes)
}

/// Bytes as hex, 16 to a line, for the editor.
pub fn editable_hex(bytes: &[u8]) -> String {
    bytes
        .chunks(16)
        .map(spaced_hex)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The inputs' edits with record `record`'s replaced by those turning `sent` into
/// `wanted`; edits of later records are dropped, since the wire after this record
/// is simulated anew.
pub fn edits_with(edits: &[ByteEdit], record: usize, sent: &[u8], wanted: &[u8]) -> Vec<ByteEdit> {
    let mut out: Vec<ByteEdit> = edits
        .iter()
        .filter(|e| e.record < record)
        .copied()
        .collect();
    out.extend(
        sent.iter()
            .zip(wanted)
            .enumerate()
            .filter(|(_, (a, b))| a != b)
            .map(|(offset, (_, value))| ByteEdit {
                record,
                offset,
                value: *value,
            }),
    );
    out
}

/// The editor's own state: the hex being typed for one record.
#[derive(Default)]
pub struct WireEditorState {
    /// The record being edited (its wire index) and the text typed for it.
    draft: Option<(usize, String)>,
}

impl WireEditorState {
    /// Whether an edit is being typed (for any record).
    pub fn is_open(&self) -> bool {
        self.draft.is_some()
    }

    /// Draws the editor for the current step's record, or the button that opens it,
    /// then what became of the edits already delivered.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        s: &Strings,
        session: &Session,
        step: usize,
        commands: &mut Vec<Command>,
    ) {
        let Some(current) = session.https.steps.get(step) else {
            return;
        };
        // A live session happened once, on a real network: nothing to replay with
        // other bytes.
        if session.inputs.scenario == crate::sim::ScenarioName::Live {
            self.draft = None;
            return;
        }
        let record = current.records.first();
        match (&mut self.draft, record) {
            (Some((index, text)), Some(record)) if *index == record.index => {
                let (send, cancel) = editor(ui, s, text, &record.bytes, record.received_bytes());
                if let Some(wanted) = send {
                    let mut inputs = session.inputs.clone();
                    inputs.edits = edits_with(&inputs.edits, record.index, &record.bytes, &wanted);
                    commands.push(Command::SetInputs(inputs));
                    self.draft = None;
                } else if cancel {
                    self.draft = None;
                }
            }
            (Some((index, _)), _) => {
                let index = *index;
                ui.horizontal_wrapped(|ui| {
                    ui.label(s.tr_args("editor-pending", &[("record", index.to_string())]));
                    if let Some(at) = step_of_record(&session.https, index)
                        && ui.button(s.tr("editor-pending-go")).clicked()
                    {
                        commands.push(Command::GoTo(at));
                    }
                    if ui.button(s.tr("editor-cancel")).clicked() {
                        self.draft = None;
                    }
                });
            }
            (None, Some(record)) => {
                ui.horizontal_wrapped(|ui| {
                    if ui
                        .button(s.tr("editor-open"))
                        .on_hover_text(s.tr("editor-open-hint"))
                        .clicked()
                    {
                        self.draft = Some((record.index, editable_hex(record.received_bytes())));
                    }
                    if !session.inputs.edits.is_empty()
                        && ui.button(s.tr("editor-undo-all")).clicked()
                    {
                        let mut inputs = session.inputs.clone();
                        inputs.edits.clear();
                        commands.push(Command::SetInputs(inputs));
                    }
                });
            }
            (None, None) => {}
        }
        if !session.inputs.edits.is_empty() {
            consequences(ui, s, session, commands);
        }
    }
}

/// The step that carries wire record `index`.
fn step_of_record(timeline: &Timeline, index: usize) -> Option<usize> {
    timeline
        .steps
        .iter()
        .position(|st| st.records.iter().any(|r| r.index == index))
}

/// The hex field with its checks; returns the bytes to deliver when Deliver was
/// pressed with valid hex, and whether Cancel was.
fn editor(
    ui: &mut egui::Ui,
    s: &Strings,
    text: &mut String,
    sent: &[u8],
    arriving: &[u8],
) -> (Option<Vec<u8>>, bool) {
    let mut send = None;
    let mut cancel = false;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.strong(s.tr("editor-heading"));
        ui.add(egui::Label::new(s.tr("editor-explain")).wrap());
        let label = ui.label(s.tr_args("editor-field", &[("len", sent.len().to_string())]));
        let rows = sent.len().div_ceil(16).clamp(2, 8);
        egui::ScrollArea::vertical()
            .id_salt("wire_editor_scroll")
            .max_height(rows as f32 * 20.0 + 12.0)
            .show(ui, |ui| {
                ui.add(
                    egui::TextEdit::multiline(text)
                        .id_salt("wire_editor_hex")
                        .font(egui::TextStyle::Monospace)
                        .desired_rows(rows)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            });
        let parsed = parse_hex(text, sent.len());
        let error = ui.visuals().error_fg_color;
        match &parsed {
            Ok(bytes) => {
                let changed = sent.iter().zip(bytes).filter(|(a, b)| a != b).count();
                let note = if changed == 0 {
                    s.tr("editor-unchanged")
                } else {
                    s.tr_args("editor-changed", &[("n", changed.to_string())])
                };
                ui.label(note);
            }
            Err(e) => {
                let why = match e {
                    HexError::NotHex { position, found } => s.tr_args(
                        "editor-error-not-hex",
                        &[("pos", position.to_string()), ("char", found.to_string())],
                    ),
                    HexError::OddDigits => s.tr("editor-error-odd"),
                    HexError::Length { want, got } => s.tr_args(
                        "editor-error-length",
                        &[("want", want.to_string()), ("got", got.to_string())],
                    ),
                };
                ui.colored_label(error, RichText::new(why).strong());
            }
        }
        ui.horizontal_wrapped(|ui| {
            if ui
                .add_enabled(parsed.is_ok(), egui::Button::new(s.tr("editor-deliver")))
                .clicked()
                && let Ok(bytes) = parsed
            {
                send = Some(bytes);
            }
            if ui.button(s.tr("editor-reset")).clicked() {
                *text = editable_hex(sent);
            }
            if arriving != sent && ui.button(s.tr("editor-as-delivered")).clicked() {
                *text = editable_hex(arriving);
            }
            if ui.button(s.tr("editor-cancel")).clicked() {
                cancel = true;
            }
        });
    });
    (send, cancel)
}

/// What the delivered edits did: which check failed, the alert and its bytes.
fn consequences(ui: &mut egui::Ui, s: &Strings, session: &Session, commands: &mut Vec<Command>) {
    let timeline = &session.https;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.strong(s.tr("editor-result-heading"));
        let mut records: Vec<usize> = session.inputs.edits.iter().map(|e| e.record).collect();
        records.dedup();
        for record in records {
            let offsets: Vec<String> = session
                .inputs
                .edits
                .iter()
                .filter(|e| e.record == record)
                .map(|e| format!("{}: {:02x}", e.offset, e.value))
                .collect();
            ui.add(
                egui::Label::new(s.tr_args(
                    "editor-result-record",
                    &[
                        ("record", record.to_string()),
                        ("bytes", offsets.join(", ")),
                    ],
                ))
                .wrap(),
            );
        }
        let failed: Vec<_> = timeline
            .steps
            .iter()
            .flat_map(|st| st.checks.iter())
            .filter(|(_, c)| !c.passed)
            .collect();
        for (side, check) in &failed {
            ui.colored_label(
                ui.visuals().error_fg_color,
                s.tr_args(
                    "editor-result-check",
                    &[
                        ("side", s.tr(side_key(*side))),
                        ("check", s.text(&check.title())),
                        ("detail", s.text(&check.detail)),
                    ],
                ),
            );
        }
        let failing = timeline
            .steps
            .iter()
            .enumerate()
            .find(|(_, st)| st.failure.is_some());
        let Some((at, failing)) = failing else {
            ui.label(s.tr("editor-result-accepted"));
            return;
        };
        if let Some((side, alert, reason)) = &failing.failure {
            if failed.is_empty() {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    s.tr_args(
                        "editor-result-failure",
                        &[
                            ("side", s.tr(side_key(*side))),
                            ("reason", s.text(reason)),
                            ("step", failing.name.to_string()),
                        ],
                    ),
                );
            }
            if let Some((alert_at, alert_step)) = alert_sent_by(timeline, at, *side) {
                alert_bytes(ui, s, alert_step, *alert);
                if ui.button(s.tr("editor-go-alert")).clicked() {
                    commands.push(Command::GoTo(alert_at));
                }
            }
        }
    });
}

/// The first alert record `side` sent from step `from` on.
fn alert_sent_by(
    timeline: &Timeline,
    from: usize,
    side: crate::tls::Side,
) -> Option<(usize, &Step)> {
    timeline
        .steps
        .iter()
        .enumerate()
        .skip(from)
        .find(|(_, st)| {
            st.from == side && st.records.iter().any(|r| r.message == MessageKind::Alert)
        })
}

fn alert_bytes(ui: &mut egui::Ui, s: &Strings, step: &Step, alert: crate::wire::AlertDescription) {
    let Some(record) = step.records.first() else {
        return;
    };
    ui.label(s.tr_args(
        "editor-result-alert",
        &[
            ("alert", alert.name().to_string()),
            ("code", alert.to_u8().to_string()),
            ("side", s.tr(side_key(step.from))),
            ("record", record.index.to_string()),
        ],
    ));
    ui.weak(s.tr("inspector-wire-bytes"));
    ui.add(egui::Label::new(RichText::new(spaced_hex(&record.bytes)).monospace()).wrap());
    if let Some(inner) = &record.inner_plaintext {
        ui.weak(s.tr("editor-result-alert-inner"));
        ui.add(egui::Label::new(RichText::new(spaced_hex(inner)).monospace()).wrap());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_is_read_with_any_spacing_and_checked() {
        assert_eq!(
            parse_hex("16 03\n0301", 4),
            Ok(vec![0x16, 0x03, 0x03, 0x01])
        );
        assert_eq!(parse_hex("aBcD", 2), Ok(vec![0xab, 0xcd]));
        assert_eq!(
            parse_hex("16 0g", 2),
            Err(HexError::NotHex {
                position: 5,
                found: 'g'
            })
        );
        assert_eq!(parse_hex("160", 2), Err(HexError::OddDigits));
        assert_eq!(
            parse_hex("16", 2),
            Err(HexError::Length { want: 2, got: 1 })
        );
        assert_eq!(parse_hex(&editable_hex(&[7; 40]), 40), Ok(vec![7; 40]));
    }

    #[test]
    fn an_edit_replaces_its_records_edits_and_drops_later_ones() {
        let old = vec![
            ByteEdit {
                record: 1,
                offset: 0,
                value: 9,
            },
            ByteEdit {
                record: 3,
                offset: 2,
                value: 9,
            },
            ByteEdit {
                record: 5,
                offset: 2,
                value: 9,
            },
        ];
        let new = edits_with(&old, 3, &[1, 2, 3], &[1, 7, 3]);
        assert_eq!(
            new,
            vec![
                old[0],
                ByteEdit {
                    record: 3,
                    offset: 1,
                    value: 7
                }
            ]
        );
    }
}

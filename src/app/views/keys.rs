//! The keys panel: the secrets known up to the current step, grouped as the TLS 1.3
//! key schedule, with who knows each one and, on request, its full derivation.

use eframe::egui::{self, RichText};

use crate::app::{Strings, side_key, spaced_hex};
use crate::sim::Timeline;
use crate::tls::Side;
use crate::tls::key_schedule::Derivation;

/// One secret as the panel lists it: the same value may be learned by both sides.
pub struct KnownSecret<'a> {
    /// How it was computed.
    pub derivation: &'a Derivation,
    /// Who knows it, in the order they learned it.
    pub known_by: Vec<Side>,
    /// The step it first appeared in.
    pub first_step: usize,
}

/// The key-schedule groups, top to bottom, each with its message key.
const GROUPS: &[&str] = &[
    "keys-group-shared",
    "keys-group-early",
    "keys-group-handshake",
    "keys-group-handshake-keys",
    "keys-group-finished",
    "keys-group-master",
    "keys-group-application-keys",
    "keys-group-other",
];

/// Which group a secret belongs to; `derived_seen` tells the two "derived" apart.
fn group_of(name: &str, derived_seen: usize) -> usize {
    match name {
        "ecdhe_shared_secret" => 0,
        "early_secret" => 1,
        "derived" if derived_seen == 0 => 1,
        "handshake_secret"
        | "client_handshake_traffic_secret"
        | "server_handshake_traffic_secret" => 2,
        n if n.contains("_handshake_key") || n.contains("_handshake_iv") => 3,
        n if n.ends_with("finished_key") => 4,
        "derived"
        | "master_secret"
        | "client_application_traffic_secret_0"
        | "server_application_traffic_secret_0"
        | "exporter_master_secret"
        | "resumption_master_secret" => 5,
        n if n.contains("_application_key") || n.contains("_application_iv") => 6,
        _ => 7,
    }
}

/// The secrets known after step `step`, one entry per distinct value, in the order
/// they were first learned.
pub fn known_secrets(timeline: &Timeline, step: usize) -> Vec<KnownSecret<'_>> {
    let mut known: Vec<KnownSecret<'_>> = Vec::new();
    for (index, learned) in timeline.learned_until(step) {
        let d = &learned.derivation;
        if let Some(entry) = known
            .iter_mut()
            .find(|k| k.derivation.name == d.name && k.derivation.output == d.output)
        {
            if !entry.known_by.contains(&learned.side) {
                entry.known_by.push(learned.side);
            }
        } else {
            known.push(KnownSecret {
                derivation: d,
                known_by: vec![learned.side],
                first_step: index,
            });
        }
    }
    known
}

/// The panel's own state: which derivation is open.
#[derive(Default)]
pub struct KeysState {
    open: Option<(String, Vec<u8>)>,
    /// Bring the derivation just opened into view on the next frame it is drawn.
    scroll_to_open: bool,
    /// Secret names the open lesson step highlights (set by the app before drawing).
    pub lesson_keys: Vec<String>,
    /// Bring the first highlighted secret into view the next time the panel is drawn.
    pub scroll_to_lesson: bool,
    /// The secret whose value was asked for ("Read value"), shown and announced.
    reading: Option<(String, Vec<u8>)>,
}

impl KeysState {
    /// Draws the panel for step `step`.
    pub fn ui(&mut self, ui: &mut egui::Ui, s: &Strings, timeline: &Timeline, step: usize) {
        ui.heading(s.tr("keys-heading"));
        let known = known_secrets(timeline, step);
        if known.is_empty() {
            ui.label(s.tr("keys-none"));
            return;
        }
        ui.weak(s.tr("keys-eavesdropper-never"));
        ui.add_space(4.0);
        let mut grouped: Vec<Vec<&KnownSecret<'_>>> = vec![Vec::new(); GROUPS.len()];
        let mut derived_seen = 0;
        for secret in &known {
            grouped[group_of(secret.derivation.name, derived_seen)].push(secret);
            if secret.derivation.name == "derived" {
                derived_seen += 1;
            }
        }
        egui::ScrollArea::vertical()
            .id_salt("keys_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                crate::app::views::key_exchange::ui(ui, s, timeline, step);
                for (group, secrets) in grouped.iter().enumerate() {
                    if secrets.is_empty() {
                        continue;
                    }
                    egui::CollapsingHeader::new(RichText::new(s.tr(GROUPS[group])).strong())
                        .id_salt(("key_group", group))
                        .default_open(true)
                        .show(ui, |ui| {
                            for secret in secrets {
                                self.secret_row(ui, s, secret, step);
                            }
                        });
                }
            });
    }

    fn secret_row(
        &mut self,
        ui: &mut egui::Ui,
        s: &Strings,
        secret: &KnownSecret<'_>,
        step: usize,
    ) {
        let d = secret.derivation;
        let is_open = self
            .open
            .as_ref()
            .is_some_and(|(n, o)| n == d.name && o == &d.output);
        let highlighted = self.lesson_keys.iter().any(|k| k == d.name);
        ui.horizontal_wrapped(|ui| {
            // A secret the lesson points at: a marker and a background, never colour alone.
            let name = if highlighted {
                let fill =
                    crate::app::lesson_mode::lesson_view::highlight_fill(ui.visuals().dark_mode);
                RichText::new(format!(
                    "{}{}",
                    crate::app::lesson_mode::lesson_view::MARK,
                    d.name
                ))
                .monospace()
                .background_color(fill)
            } else {
                RichText::new(d.name).monospace()
            };
            let who = crate::app::access::a11y_keys::who_knows(s, &secret.known_by);
            let response = ui
                .selectable_label(is_open, name)
                .on_hover_text(s.tr("keys-open"));
            crate::app::access::a11y_keys::describe_secret(ui.ctx(), s, response.id, &who);
            if highlighted && std::mem::take(&mut self.scroll_to_lesson) {
                response.scroll_to_me(Some(egui::Align::Center));
            }
            if response.clicked() {
                self.open = if is_open {
                    None
                } else {
                    Some((d.name.to_string(), d.output.clone()))
                };
                self.scroll_to_open = true;
            }
            if secret.first_step == step {
                let new_here =
                    RichText::new(s.tr("keys-new-here")).color(ui.visuals().warn_fg_color);
                ui.add(egui::Label::new(new_here).extend());
            }
        });
        ui.horizontal_wrapped(|ui| {
            ui.add_space(12.0);
            let short: Vec<u8> = d.output.iter().take(8).copied().collect();
            let preview = ui.weak(RichText::new(format!("{}...", spaced_hex(&short))).monospace());
            crate::app::access::a11y_keys::hide_from_screen_readers(ui.ctx(), preview.id);
            let mut sides = secret.known_by.clone();
            sides.sort_by_key(|side| *side != Side::Client);
            let who = sides
                .iter()
                .map(|side| s.tr(side_key(*side)))
                .collect::<Vec<_>>()
                .join(", ");
            // Whole phrases move to the next line rather than breaking mid-phrase.
            ui.add(egui::Label::new(s.tr_args("keys-known-by", &[("who", who)])).extend());
            crate::app::access::a11y_keys::read_value_button(ui, s, d, &mut self.reading);
        });
        crate::app::access::a11y_keys::value_read(ui, s, d, &self.reading);
        if is_open {
            let (close, rect) = derivation_view(ui, s, d);
            if std::mem::take(&mut self.scroll_to_open) {
                ui.scroll_to_rect(rect, None);
            }
            if close {
                self.open = None;
            }
        }
        ui.add_space(2.0);
    }
}

/// The HkdfLabel's three parts (RFC 8446 7.1): length, "tls13 " label, context.
fn hkdf_label_parts(ui: &mut egui::Ui, s: &Strings, info: &[u8]) {
    let Some((length, rest)) = info.split_at_checked(2) else {
        return;
    };
    let Some((&label_len, rest)) = rest.split_first() else {
        return;
    };
    let Some((label, rest)) = rest.split_at_checked(usize::from(label_len)) else {
        return;
    };
    let context_len = rest.first().copied().unwrap_or_default();
    let small = |ui: &mut egui::Ui, text: String| {
        ui.add(egui::Label::new(RichText::new(text).small()).wrap());
    };
    small(
        ui,
        s.tr_args(
            "keys-hkdf-length",
            &[
                ("n", u16::from_be_bytes([length[0], length[1]]).to_string()),
                ("hex", spaced_hex(length)),
            ],
        ),
    );
    small(
        ui,
        s.tr_args(
            "keys-hkdf-label-part",
            &[
                ("label", String::from_utf8_lossy(label).into_owned()),
                ("n", label_len.to_string()),
                ("hex", spaced_hex(label)),
            ],
        ),
    );
    small(
        ui,
        s.tr_args("keys-hkdf-context-part", &[("n", context_len.to_string())]),
    );
}

/// The full derivation of one secret; returns whether Close was clicked, and where
/// it was drawn.
fn derivation_view(ui: &mut egui::Ui, s: &Strings, d: &Derivation) -> (bool, egui::Rect) {
    let mut close = false;
    let frame = egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.strong(s.tr_args("keys-derivation-heading", &[("name", d.name.to_string())]));
            if ui.button(s.tr("keys-close")).clicked() {
                close = true;
            }
        });
        let hex = |ui: &mut egui::Ui, bytes: &[u8]| {
            let text = if bytes.is_empty() {
                s.tr("keys-context-empty")
            } else {
                spaced_hex(bytes)
            };
            ui.add(egui::Label::new(RichText::new(text).monospace()).wrap());
        };
        ui.weak(s.tr("keys-function"));
        ui.monospace(d.function);
        for (name, value) in &d.inputs {
            ui.weak(name);
            hex(ui, value);
        }
        if d.function == "Derive-Secret" {
            ui.add(egui::Label::new(RichText::new(s.tr("keys-derive-secret-is")).small()).wrap());
        }
        let info = d.hkdf_label();
        if let Some(label) = &d.label {
            if info.is_some() {
                ui.weak(s.tr("keys-label"));
                ui.monospace(s.tr_args("keys-label-full", &[("label", label.clone())]));
                ui.weak(s.tr("keys-context"));
                hex(ui, &d.context);
            } else {
                ui.weak(s.tr("keys-label-prf"));
                ui.monospace(format!("\"{label}\""));
            }
        }
        if let Some(info) = info {
            ui.weak(s.tr("keys-hkdf-label"));
            hex(ui, &info);
            hkdf_label_parts(ui, s, &info);
        }
        ui.weak(s.tr("keys-output"));
        hex(ui, &d.output);
    });
    (close, frame.response.rect)
}

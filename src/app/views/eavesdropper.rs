//! The eavesdropper panel: the same login over HTTP and over HTTPS, side by side,
//! as someone reading the wire sees it up to the current step.

use eframe::egui::{self, RichText};

use crate::app::{Session, Strings};
use crate::sim::{ObservationKind, ScenarioName, Step};

/// The message key naming an observation kind.
fn kind_key(kind: ObservationKind) -> &'static str {
    match kind {
        ObservationKind::Timing => "obs-timing",
        ObservationKind::RecordSize => "obs-record_size",
        ObservationKind::ServerName => "obs-server_name",
        ObservationKind::VersionsOffered => "obs-versions_offered",
        ObservationKind::CipherSuitesOffered => "obs-cipher_suites_offered",
        ObservationKind::GroupsOffered => "obs-groups_offered",
        ObservationKind::PublicKeyShare => "obs-public_key_share",
        ObservationKind::VersionChosen => "obs-version_chosen",
        ObservationKind::GroupRequested => "obs-group_requested",
        ObservationKind::CipherSuiteChosen => "obs-cipher_suite_chosen",
        ObservationKind::Ciphertext => "obs-ciphertext",
        ObservationKind::Alert => "obs-alert",
        ObservationKind::HttpStartLine => "obs-http_start_line",
        ObservationKind::HttpHeader => "obs-http_header",
        ObservationKind::Username => "obs-username",
        ObservationKind::Password => "obs-password",
        ObservationKind::CardNumber => "obs-card_number",
        ObservationKind::HttpBody => "obs-http_body",
        ObservationKind::ServerCertificate => "obs-server_certificate",
    }
}

/// Draws both columns for step `step` of the session shown: plain HTTP on the left,
/// the TLS session (the chosen scenario, or HTTPS when plain HTTP is chosen) on the
/// right, each up to the same point of the login.
pub fn ui(ui: &mut egui::Ui, s: &Strings, session: &Session, step: usize) {
    ui.heading(s.tr("eaves-heading"));
    if session.negotiation.is_none() {
        ui.weak(s.tr("eaves-same-inputs"));
    }
    ui.add_space(4.0);
    let compared = &session.http.steps[..session.http_steps_at(step).min(session.http.steps.len())];
    let shown = &session.https.steps[..(step + 1).min(session.https.steps.len())];
    let chosen = session.inputs.scenario;
    let (http_steps, tls_steps, tls_title) = if chosen == ScenarioName::Http {
        (shown, compared, s.tr("eaves-https"))
    } else if chosen == ScenarioName::Https {
        (compared, shown, s.tr("eaves-https"))
    } else {
        (
            compared,
            shown,
            s.tr(&crate::app::views::scenarios::name_key(chosen)),
        )
    };
    egui::ScrollArea::vertical()
        .id_salt("eaves_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if let Some(negotiation) = &session.negotiation {
                negotiation_ui(ui, s, negotiation);
                ui.separator();
            }
            if !crate::app::views::attempt::attempts_until(&session.https, step).is_empty() {
                crate::app::views::attempt::ui(ui, s, &session.https, step);
                ui.separator();
            }
            ui.columns(2, |columns| {
                // Left-aligned, not justified: justified wrapping spreads the letters.
                let left = egui::Layout::top_down(egui::Align::Min);
                columns[0].with_layout(left, |ui| column(ui, s, &s.tr("eaves-http"), http_steps));
                columns[1].with_layout(left, |ui| column(ui, s, &tls_title, tls_steps));
            });
        });
}

fn column(ui: &mut egui::Ui, s: &Strings, title: &str, steps: &[Step]) {
    ui.strong(title);
    ui.separator();
    if steps.is_empty() {
        ui.weak(s.tr("eaves-nothing-yet"));
        return;
    }
    for step in steps {
        ui.label(RichText::new(step.name.to_string()).small().strong());
        for observation in &step.eavesdropper {
            if observation.kind == ObservationKind::Timing {
                continue;
            }
            let text = format!(
                "{}: {}",
                s.tr(kind_key(observation.kind)),
                s.text(&observation.value)
            );
            if observation.sensitive {
                let color = ui.visuals().error_fg_color;
                egui::Frame::new()
                    .stroke(egui::Stroke::new(2.0, color))
                    .inner_margin(4.0)
                    .corner_radius(4.0)
                    .show(ui, |ui| {
                        ui.add(egui::Label::new(RichText::new(text).strong().color(color)).wrap());
                        ui.colored_label(color, s.tr("eaves-sensitive"));
                    });
            } else {
                ui.add(egui::Label::new(text).wrap());
            }
        }
        ui.add_space(6.0);
    }
}

/// A live client's offer next to the server's choice, and its JA4 fingerprint: all
/// read from the plaintext hellos, so the eavesdropper sees it too.
fn negotiation_ui(
    ui: &mut egui::Ui,
    s: &Strings,
    negotiation: &handshake_lab_core::live::Negotiation,
) {
    let offered = &negotiation.offered;
    ui.strong(s.tr("eaves-live-heading"));
    ui.label(s.tr("eaves-live-ja4"));
    ui.label(RichText::new(&negotiation.ja4.fingerprint).monospace());
    let list = |items: &[String]| {
        if items.is_empty() {
            "-".to_string()
        } else {
            items.join(", ")
        }
    };
    let chosen = negotiation.chosen.as_ref();
    let pick = |value: Option<&String>| value.cloned().unwrap_or_else(|| "-".to_string());
    egui::Grid::new("live_negotiation")
        .num_columns(3)
        .striped(true)
        .show(ui, |ui| {
            ui.strong("");
            ui.strong(s.tr("eaves-live-offered"));
            ui.strong(s.tr("eaves-live-chosen"));
            ui.end_row();
            for (label, offer, choice) in [
                (
                    "eaves-live-versions",
                    list(&offered.versions),
                    pick(chosen.and_then(|c| c.version.as_ref())),
                ),
                (
                    "eaves-live-suites",
                    list(&offered.cipher_suites),
                    pick(chosen.map(|c| &c.cipher_suite)),
                ),
                (
                    "eaves-live-shares",
                    list(&offered.key_share_groups),
                    pick(chosen.and_then(|c| c.key_share_group.as_ref())),
                ),
                ("eaves-live-groups", list(&offered.groups), String::new()),
                (
                    "eaves-live-schemes",
                    list(&offered.signature_schemes),
                    pick(chosen.and_then(|c| c.signature_scheme.as_ref())),
                ),
                (
                    "eaves-live-alpn",
                    list(&offered.alpn),
                    pick(chosen.and_then(|c| c.alpn.as_ref())),
                ),
            ] {
                ui.label(s.tr(label));
                ui.add(egui::Label::new(RichText::new(offer).monospace().small()).wrap());
                ui.label(RichText::new(choice).monospace().small());
                ui.end_row();
            }
        });
}

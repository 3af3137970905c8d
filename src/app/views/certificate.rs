//! The certificate panel: the chain the server presented (root and server
//! certificate) and the browser's checks on it, each passed or failed with why.

use eframe::egui::{self, RichText};

use crate::app::session::{CertView, LiveChain};
use crate::app::{Session, Strings, spaced_hex};
use crate::crypto::pki::{CertExtension, CertSummary};
use crate::tls::Side;
use crate::wire::{HandshakeType, MessageKind};

/// `YYYY-MM-DD HH:MM:SS UTC` for unix seconds (proleptic Gregorian calendar).
pub fn utc_date(unix: u64) -> String {
    let days = (unix / 86_400) as i64;
    let secs = unix % 86_400;
    // Civil-from-days, after Howard Hinnant's published algorithm.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02} UTC",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// Draws the panel for step `step` of the HTTPS session.
pub fn ui(ui: &mut egui::Ui, s: &Strings, session: &Session, step: usize) {
    ui.heading(s.tr("cert-heading"));
    let timeline = &session.https;
    if !session.inputs.scenario.uses_tls() {
        ui.label(s.tr("cert-none-http"));
        return;
    }
    // The first certificate the browser received (the attacker's, in mitm).
    let sent = timeline
        .steps
        .iter()
        .take(step.saturating_add(1))
        .any(|st| {
            st.to == Side::Client
                && st
                    .records
                    .iter()
                    .any(|r| r.message == MessageKind::Handshake(HandshakeType::Certificate))
        });
    if !sent {
        ui.label(s.tr("cert-not-yet"));
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("cert_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            // The verdict first: what the browser concluded fits on a slide and
            // answers "was it accepted?"; the certificates it looked at follow.
            ui.strong(s.tr("cert-checks"));
            let checks: Vec<_> = timeline
                .steps
                .iter()
                .take(step + 1)
                .flat_map(|st| st.checks.iter())
                .filter(|(side, _)| *side == Side::Client)
                .map(|(_, check)| check)
                .collect();
            if checks.is_empty() {
                ui.weak(s.tr("cert-checks-none"));
            }
            for check in checks {
                let (word, color) = if check.passed {
                    (s.tr("cert-pass"), ui.visuals().strong_text_color())
                } else {
                    (s.tr("cert-fail"), ui.visuals().error_fg_color)
                };
                ui.horizontal_wrapped(|ui| {
                    ui.colored_label(color, RichText::new(word).strong());
                    ui.strong(s.text(&check.title()));
                    ui.add(egui::Label::new(s.text(&check.detail)).wrap());
                });
            }
            ui.separator();
            if let Some(chain) = &session.live_chain {
                live_chain_ui(ui, s, chain);
                return;
            }
            for (key, cert) in [
                ("cert-server", &session.server),
                ("cert-root", &session.root),
            ] {
                egui::CollapsingHeader::new(RichText::new(s.tr(key)).strong())
                    .id_salt(key)
                    .default_open(true)
                    .show(ui, |ui| match cert {
                        Ok(summary) => summary_grid(ui, s, key, summary),
                        Err(reason) => {
                            ui.label(s.tr_args("cert-unreadable", &[("reason", reason.clone())]));
                        }
                    });
            }
        });
}

fn summary_grid(ui: &mut egui::Ui, s: &Strings, key: &str, c: &CertSummary) {
    let yes_no = |b: bool| s.tr(if b { "cert-yes" } else { "cert-no" });
    let mut usage = c.key_usage.clone();
    usage.extend(c.extended_key_usage.iter().cloned());
    let rows = [
        (s.tr("cert-subject"), c.subject.clone(), false),
        (s.tr("cert-issuer"), c.issuer.clone(), false),
        (s.tr("cert-serial"), c.serial_hex.clone(), true),
        (
            s.tr("cert-san"),
            if c.san_dns.is_empty() {
                s.tr("cert-san-none")
            } else {
                c.san_dns.join(", ")
            },
            false,
        ),
        (
            s.tr("cert-validity"),
            s.tr_args(
                "cert-validity-range",
                &[
                    ("from", utc_date(c.not_before)),
                    ("to", utc_date(c.not_after)),
                ],
            ),
            false,
        ),
        (s.tr("cert-is-ca"), yes_no(c.is_ca), false),
        (s.tr("cert-key-usage"), usage.join(", "), false),
        (
            s.tr("cert-public-key"),
            spaced_hex(&c.public_key_sec1),
            true,
        ),
        (
            s.tr_args("cert-signature", &[("alg", c.signature_algorithm.clone())]),
            spaced_hex(&c.signature),
            true,
        ),
    ];
    // Name above value: a side panel is narrow, and a two-column grid squeezed the
    // values (subject, serial, keys) into a column a few letters wide.
    ui.push_id(("cert_rows", key), |ui| {
        for (name, value, mono) in rows {
            ui.add_space(2.0);
            ui.weak(name);
            let text = if mono {
                RichText::new(value).monospace()
            } else {
                RichText::new(value)
            };
            ui.indent("value", |ui| {
                ui.add(egui::Label::new(text).wrap());
            });
        }
    });
}

/// A live session's chain: every certificate the server sent, leaf first, then the
/// anchor the browser's path led to; each with its key, signature and extensions.
fn live_chain_ui(ui: &mut egui::Ui, s: &Strings, chain: &LiveChain) {
    let sent = match &chain.sent {
        Ok(sent) => sent,
        Err(reason) => {
            ui.label(s.tr_args("cert-unreadable", &[("reason", reason.clone())]));
            return;
        }
    };
    ui.label(s.tr("cert-chain-intro"));
    if sent.is_empty() {
        ui.weak(s.tr("cert-chain-none-sent"));
    }
    let total = sent.len().to_string();
    for (index, cert) in sent.iter().enumerate() {
        let key = if index == 0 {
            "cert-chain-leaf"
        } else {
            "cert-chain-intermediate"
        };
        let title = s.tr_args(
            key,
            &[("n", (index + 1).to_string()), ("total", total.clone())],
        );
        // The site's own certificate open, the CAs above it folded.
        certificate_card(ui, s, ("sent", index), &title, cert, index == 0);
    }
    match &chain.anchor {
        Some(anchor) => {
            certificate_card(
                ui,
                s,
                ("anchor", 0),
                &s.tr("cert-chain-anchor"),
                anchor,
                false,
            );
        }
        None => {
            ui.add_space(4.0);
            ui.add(egui::Label::new(RichText::new(s.tr("cert-chain-no-anchor")).strong()).wrap());
        }
    }
}

/// One certificate of a live chain, folded under its title.
fn certificate_card(
    ui: &mut egui::Ui,
    s: &Strings,
    id: (&str, usize),
    title: &str,
    cert: &CertView,
    open: bool,
) {
    egui::CollapsingHeader::new(RichText::new(title).strong())
        .id_salt(("live_cert", id))
        .default_open(open)
        .show(ui, |ui| match cert {
            Ok(summary) => live_summary(ui, s, id, summary),
            Err(reason) => {
                ui.label(s.tr_args("cert-unreadable", &[("reason", reason.clone())]));
            }
        });
}

/// A real certificate's fields: who, by whom, when, which key, how signed, and every
/// extension by name.
fn live_summary(ui: &mut egui::Ui, s: &Strings, id: (&str, usize), c: &CertSummary) {
    let mut rows = vec![
        (s.tr("cert-subject"), c.subject.clone(), false),
        (s.tr("cert-issuer"), c.issuer.clone(), false),
    ];
    if !c.san_dns.is_empty() {
        rows.push((s.tr("cert-san"), c.san_dns.join(", "), false));
    }
    rows.extend([
        (
            s.tr("cert-validity"),
            s.tr_args(
                "cert-validity-range",
                &[
                    ("from", utc_date(c.not_before)),
                    ("to", utc_date(c.not_after)),
                ],
            ),
            false,
        ),
        (s.tr("cert-key"), c.public_key_description.clone(), false),
        (
            s.tr("cert-signed-with"),
            c.signature_algorithm.clone(),
            false,
        ),
        // In byte pairs, so a 20-byte serial wraps between bytes in a narrow panel.
        (s.tr("cert-serial"), byte_pairs(&c.serial_hex), true),
    ]);
    ui.push_id(("live_cert_rows", id), |ui| {
        for (name, value, mono) in rows {
            ui.add_space(2.0);
            ui.weak(name);
            let text = if mono {
                RichText::new(value).monospace()
            } else {
                RichText::new(value)
            };
            ui.indent("value", |ui| {
                ui.add(egui::Label::new(text).wrap());
            });
        }
        ui.add_space(2.0);
        extensions_ui(ui, s, &c.extensions);
    });
}

/// `"46f698"` as `"46 f6 98"`.
fn byte_pairs(hex: &str) -> String {
    hex.as_bytes()
        .chunks(2)
        .map(|pair| String::from_utf8_lossy(pair))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The extensions of one certificate, folded: name (or OID), critical or not, value.
fn extensions_ui(ui: &mut egui::Ui, s: &Strings, extensions: &[CertExtension]) {
    let title = s.tr_args("cert-extensions", &[("n", extensions.len().to_string())]);
    egui::CollapsingHeader::new(title)
        .id_salt("extensions")
        .default_open(false)
        .show(ui, |ui| {
            if extensions.is_empty() {
                ui.weak(s.tr("cert-extensions-none"));
            }
            for extension in extensions {
                ui.add_space(2.0);
                ui.horizontal_wrapped(|ui| {
                    ui.strong(extension.name.unwrap_or(extension.oid.as_str()));
                    if extension.name.is_some() {
                        ui.weak(RichText::new(&extension.oid).monospace().small());
                    }
                    if extension.critical {
                        ui.colored_label(
                            ui.visuals().warn_fg_color,
                            s.tr("cert-extension-critical"),
                        )
                        .on_hover_text(s.tr("cert-extension-critical-hint"));
                    }
                });
                ui.indent("extension_value", |ui| {
                    ui.add(egui::Label::new(RichText::new(&extension.value).monospace()).wrap());
                });
            }
        });
}

#[cfg(test)]
mod tests {
    #[test]
    fn serials_read_in_byte_pairs() {
        assert_eq!(super::byte_pairs("46f698"), "46 f6 98");
        assert_eq!(super::byte_pairs("7"), "7");
        assert_eq!(super::byte_pairs(""), "");
    }

    #[test]
    fn dates_are_utc_calendar_dates() {
        assert_eq!(super::utc_date(0), "1970-01-01 00:00:00 UTC");
        assert_eq!(super::utc_date(951_782_400), "2000-02-29 00:00:00 UTC");
        assert_eq!(super::utc_date(1_700_000_000), "2023-11-14 22:13:20 UTC");
    }
}

//! The key exchange seen from both sides: each end combines its own private key with
//! the other's public key, and the two results match byte for byte.
//!
//! Everything shown is the core's: the `ecdhe_shared_secret` derivations the two
//! sides learned (own private key, peer public key, output). A man in the middle
//! has two exchanges, one with each side; each is shown as its own pair.

use eframe::egui::{self, RichText};

use crate::app::{Strings, side_key, spaced_hex};
use crate::sim::Timeline;
use crate::tls::Side;
use crate::tls::key_schedule::Derivation;

/// One side's half of an exchange.
pub struct Half<'a> {
    /// Who computed it.
    pub side: Side,
    /// With whom.
    pub peer: Side,
    /// Own private key, peer public key, shared secret.
    pub derivation: &'a Derivation,
}

/// The ECDHE computations made up to step `step`, paired: `(a, Some(b))` when both
/// ends of one connection have computed it, `(a, None)` while only one has.
pub fn exchanges(timeline: &Timeline, step: usize) -> Vec<(Half<'_>, Option<Half<'_>>)> {
    let mut pairs: Vec<(Half<'_>, Option<Half<'_>>)> = Vec::new();
    for (_, learned) in timeline.learned_until(step) {
        if learned.derivation.name != "ecdhe_shared_secret" {
            continue;
        }
        let half = Half {
            side: learned.side,
            peer: learned.peer,
            derivation: &learned.derivation,
        };
        if let Some(pair) = pairs
            .iter_mut()
            .find(|(a, b)| b.is_none() && a.side == half.peer && a.peer == half.side)
        {
            pair.1 = Some(half);
        } else if !pairs
            .iter()
            .any(|(a, _)| a.side == half.side && a.peer == half.peer)
        {
            pairs.push((half, None));
        }
    }
    // Client (or the side nearer the client) on the left.
    for (a, b) in &mut pairs {
        if let Some(other) = b
            && order(other.side) < order(a.side)
        {
            std::mem::swap(a, other);
        }
    }
    pairs
}

fn order(side: Side) -> u8 {
    match side {
        Side::Client => 0,
        Side::Attacker => 1,
        Side::Server => 2,
    }
}

/// Draws every exchange made up to step `step` (nothing before the first).
pub fn ui(ui: &mut egui::Ui, s: &Strings, timeline: &Timeline, step: usize) {
    let pairs = exchanges(timeline, step);
    if pairs.is_empty() {
        return;
    }
    egui::CollapsingHeader::new(RichText::new(s.tr("kx-heading")).strong())
        .id_salt("key_exchange")
        .default_open(true)
        .show(ui, |ui| {
            ui.add(egui::Label::new(s.tr("kx-explain")).wrap());
            // In a live session the other end is a real program: its half is
            // never known to the lab, not merely not yet computed.
            let live = timeline.scenario.name == crate::sim::ScenarioName::Live;
            for (index, (a, b)) in pairs.iter().enumerate() {
                ui.push_id(("kx", index), |ui| pair(ui, s, a, b.as_ref(), live));
            }
        });
}

fn pair(ui: &mut egui::Ui, s: &Strings, a: &Half<'_>, b: Option<&Half<'_>>, live: bool) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        // Side by side when there is room, one above the other otherwise.
        if ui.available_width() > 420.0 {
            ui.columns(2, |columns| {
                half(&mut columns[0], s, a);
                match b {
                    Some(b) => half(&mut columns[1], s, b),
                    None => waiting(&mut columns[1], s, a, live),
                }
            });
        } else {
            half(ui, s, a);
            ui.separator();
            match b {
                Some(b) => half(ui, s, b),
                None => waiting(ui, s, a, live),
            }
        }
        if let Some(b) = b {
            matches(ui, s, &a.derivation.output, &b.derivation.output);
        }
    });
}

fn waiting(ui: &mut egui::Ui, s: &Strings, a: &Half<'_>, live: bool) {
    let key = if live { "kx-unseen" } else { "kx-waiting" };
    ui.add(
        egui::Label::new(RichText::new(s.tr_args(key, &[("side", s.tr(side_key(a.peer)))])).weak())
            .wrap(),
    );
}

fn half(ui: &mut egui::Ui, s: &Strings, h: &Half<'_>) {
    let d = h.derivation;
    let mono = |ui: &mut egui::Ui, bytes: &[u8]| {
        ui.add(egui::Label::new(RichText::new(spaced_hex(bytes)).monospace().small()).wrap());
    };
    ui.strong(s.tr_args(
        "kx-side",
        &[
            ("side", s.tr(side_key(h.side))),
            ("peer", s.tr(side_key(h.peer))),
        ],
    ));
    ui.weak(s.tr("kx-own-private"));
    mono(ui, d.input("own private key").unwrap_or_default());
    ui.weak(s.tr_args("kx-peer-public", &[("peer", s.tr(side_key(h.peer)))]));
    mono(ui, d.input("peer public key").unwrap_or_default());
    ui.weak(s.tr_args("kx-result", &[("function", d.function.to_string())]));
    mono(ui, &d.output);
}

/// The two results byte by byte: each byte marked equal or different, in words too.
fn matches(ui: &mut egui::Ui, s: &Strings, a: &[u8], b: &[u8]) {
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    let all = a == b;
    let good = if ui.visuals().dark_mode {
        egui::Color32::from_rgb(0x14, 0x53, 0x2d)
    } else {
        egui::Color32::from_rgb(0xbb, 0xf7, 0xd0)
    };
    let bad = ui.visuals().error_fg_color;
    ui.add_space(4.0);
    let mut job = egui::text::LayoutJob::default();
    let font = egui::TextStyle::Monospace.resolve(ui.style());
    let text = ui.visuals().strong_text_color();
    for (i, (x, y)) in a.iter().zip(b).enumerate() {
        let format = egui::TextFormat {
            font_id: font.clone(),
            color: if x == y { text } else { bad },
            background: if x == y {
                good
            } else {
                egui::Color32::TRANSPARENT
            },
            ..Default::default()
        };
        job.append(&format!("{x:02x}"), if i == 0 { 0.0 } else { 4.0 }, format);
    }
    job.wrap.max_width = ui.available_width();
    ui.label(job);
    let verdict = if all {
        s.tr_args("kx-match", &[("n", a.len().to_string())])
    } else {
        s.tr_args(
            "kx-mismatch",
            &[
                ("same", same.to_string()),
                ("n", a.len().max(b.len()).to_string()),
            ],
        )
    };
    let color = if all { text } else { bad };
    ui.label(RichText::new(verdict).strong().color(color));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::{Scenario, ScenarioName, simulate};

    #[test]
    fn both_ends_pair_up_and_agree() {
        let t = simulate(&Scenario::default()).expect("https");
        let last = t.steps.len() - 1;
        let pairs = exchanges(&t, last);
        assert_eq!(pairs.len(), 1);
        let (a, b) = &pairs[0];
        let b = b.as_ref().expect("both computed it");
        assert_eq!((a.side, b.side), (Side::Client, Side::Server));
        assert_eq!(a.derivation.output, b.derivation.output);
        // Each used the other's public key, never its own.
        assert_ne!(
            a.derivation.input("peer public key"),
            b.derivation.input("peer public key")
        );
    }

    #[test]
    fn a_man_in_the_middle_has_one_exchange_with_each_side() {
        let t = simulate(&Scenario::named(ScenarioName::Mitm)).expect("mitm");
        let pairs = exchanges(&t, t.steps.len() - 1);
        assert_eq!(pairs.len(), 2);
        let sides: Vec<(Side, Side)> = pairs
            .iter()
            .map(|(a, b)| (a.side, b.as_ref().expect("both").side))
            .collect();
        assert!(sides.contains(&(Side::Client, Side::Attacker)));
        assert!(sides.contains(&(Side::Attacker, Side::Server)));
        for (a, b) in &pairs {
            assert_eq!(
                a.derivation.output,
                b.as_ref().expect("both").derivation.output
            );
        }
        assert_ne!(pairs[0].0.derivation.output, pairs[1].0.derivation.output);
    }

    #[test]
    fn nothing_before_the_exchange() {
        let t = simulate(&Scenario::default()).expect("https");
        assert!(exchanges(&t, 0).is_empty());
    }
}

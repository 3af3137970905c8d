//! The keys panel for screen readers: a secret reads as its name and who knows it;
//! its value (64 hex digits are no one's idea of listening) only on request, with a
//! "Read value" button that shows it in full and announces it.

use eframe::egui::{self, Id, RichText};

use crate::app::{Strings, side_key, spaced_hex};
use crate::tls::Side;
use crate::tls::key_schedule::Derivation;

/// "client, server": who knows a secret, the client first.
pub fn who_knows(s: &Strings, known_by: &[Side]) -> String {
    let mut sides = known_by.to_vec();
    sides.sort_by_key(|side| *side != Side::Client);
    sides
        .iter()
        .map(|side| s.tr(side_key(*side)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A secret's row reads as its name (the label) and then who knows it and what a
/// click does (the description).
pub fn describe_secret(ctx: &egui::Context, s: &Strings, id: Id, who: &str) {
    let text = format!(
        "{}. {}",
        s.tr_args("keys-known-by", &[("who", who.to_string())]),
        s.tr("keys-open")
    );
    ctx.accesskit_node_builder(id, |node| node.set_description(text));
}

/// Leaves a purely visual widget (the value's first bytes) out of the tree a screen
/// reader walks.
pub fn hide_from_screen_readers(ctx: &egui::Context, id: Id) {
    ctx.accesskit_node_builder(id, |node| node.set_hidden());
}

/// The "Read value" button beside a secret; toggles the full value.
pub fn read_value_button(
    ui: &mut egui::Ui,
    s: &Strings,
    d: &Derivation,
    reading: &mut Option<(String, Vec<u8>)>,
) {
    let is_read = reading
        .as_ref()
        .is_some_and(|(n, o)| n == d.name && o == &d.output);
    let response = ui
        .small_button(s.tr(if is_read {
            "keys-hide-value"
        } else {
            "keys-read-value"
        }))
        .accessible_name(s.tr_args(
            if is_read {
                "a11y-hide-value-of"
            } else {
                "a11y-read-value-of"
            },
            &[("name", d.name.to_string())],
        ));
    if response.clicked() {
        *reading = if is_read {
            None
        } else {
            Some((d.name.to_string(), d.output.clone()))
        };
    }
}

/// The full value of the secret being read, as a live label a screen reader reads out.
pub fn value_read(
    ui: &mut egui::Ui,
    s: &Strings,
    d: &Derivation,
    reading: &Option<(String, Vec<u8>)>,
) {
    if !reading
        .as_ref()
        .is_some_and(|(n, o)| n == d.name && o == &d.output)
    {
        return;
    }
    let text = s.tr_args(
        "keys-value-of",
        &[
            ("name", d.name.to_string()),
            ("len", d.output.len().to_string()),
            ("hex", spaced_hex(&d.output)),
        ],
    );
    let response = ui.add(egui::Label::new(RichText::new(text).monospace()).wrap());
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_live(egui::accesskit::Live::Polite);
    });
}

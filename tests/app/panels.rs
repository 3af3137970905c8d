//! The panels beside the step: inspector, keys, eavesdropper, certificate, inputs.

use crate::support::{harness, tr};
use eframe::egui::Key;
use egui_kittest::kittest::{NodeT, Queryable};
use handshake_lab::app::{Command, SidePanel};
use handshake_lab::tls::Side;

fn go_to(h: &mut egui_kittest::Harness<'static, handshake_lab::app::LabApp>, name: &str) {
    let index = h.state().session.https.step_index(name).expect(name);
    h.key_press(Key::Home);
    h.run();
    for _ in 0..index {
        h.key_press(Key::ArrowRight);
        h.run();
    }
    assert_eq!(h.state().session.https.steps[h.state().step].name, name);
}

fn show(h: &mut egui_kittest::Harness<'static, handshake_lab::app::LabApp>, key: &str) {
    h.get_by_label(&tr(key)).click();
    h.run();
}

/// The hex rows of the inspector ("0000: 16 03 01 ...").
fn hex_rows(h: &egui_kittest::Harness<'static, handshake_lab::app::LabApp>) -> Vec<String> {
    let is_row = |text: &str| {
        text.len() > 6
            && text.as_bytes()[4] == b':'
            && text[..4].chars().all(|c| c.is_ascii_hexdigit())
    };
    h.query_all_by(|node| node.value().is_some_and(|v| is_row(&v)))
        .filter_map(|n| n.accesskit_node().value())
        .collect()
}

#[test]
fn the_inspector_lists_the_fields_of_the_current_message() {
    let mut h = harness();
    assert!(h.query_all_by_label_contains("cipher_suites").count() >= 1);
    assert!(h.query_all_by_label_contains("legacy_session_id").count() >= 1);
    assert!(!hex_rows(&h).is_empty());
    go_to(&mut h, "server_hello");
    assert!(
        h.query_all_by_label("cipher_suite = TLS_AES_128_GCM_SHA256")
            .count()
            >= 1
    );
    assert!(h.query_by_label_contains("cipher_suites").is_none());
}

#[test]
fn an_encrypted_record_shows_its_decrypted_inner_plaintext_too() {
    let mut h = harness();
    go_to(&mut h, "encrypted_extensions");
    h.get_by_label(&tr("inspector-wire-bytes"));
    assert!(h.query_all_by_label(&tr("inspector-inner-bytes")).count() >= 1);
}

#[test]
fn a_secret_appears_in_the_key_panel_only_from_the_step_that_derives_it() {
    let mut h = harness();
    show(&mut h, "panel-keys");
    let name = "client_application_traffic_secret_0";
    let first = h
        .state()
        .session
        .https
        .steps
        .iter()
        .position(|s| s.learned.iter().any(|l| l.derivation.name == name))
        .expect("derived at some step");
    let before = h.state().session.https.steps[first - 1].name.to_string();
    let at = h.state().session.https.steps[first].name.to_string();
    go_to(&mut h, &before);
    assert!(h.query_by_label(name).is_none(), "{name} shown at {before}");
    go_to(&mut h, &at);
    h.get_by_label(name).scroll_to_me();
    h.run();
    h.get_by_label(name).click();
    h.run();
    h.get_by_label(&format!("How {name} is derived"));
    h.get_by_label("Label on the wire: \"tls13 c ap traffic\"");
}

#[test]
fn the_key_panel_says_who_knows_each_secret() {
    let mut h = harness();
    show(&mut h, "panel-keys");
    go_to(&mut h, "client_finished");
    let both = h
        .state()
        .session
        .https
        .secret(Side::Client, "handshake_secret")
        .is_some()
        && h.state()
            .session
            .https
            .secret(Side::Server, "handshake_secret")
            .is_some();
    assert!(both);
    assert!(
        h.query_all_by_label("known by: server, client").count()
            + h.query_all_by_label("known by: client, server").count()
            > 0
    );
}

#[test]
fn the_eavesdropper_reads_the_password_on_http_and_not_on_https() {
    let mut h = harness();
    show(&mut h, "panel-eavesdropper");
    let password = h.state().session.inputs.password.clone();
    // As the eavesdropper panel words it: "password: <what was typed>".
    let reading = format!("{}: {password}", tr("obs-password"));
    let shown = |h: &egui_kittest::Harness<'static, handshake_lab::app::LabApp>| {
        h.query_all_by_label(&reading).count()
    };
    assert_eq!(shown(&h), 0, "nothing is sent before the request");
    go_to(&mut h, "http_request");
    assert_eq!(shown(&h), 1, "the password once, in the HTTP column");
    assert!(h.query_all_by_label(&tr("eaves-sensitive")).count() >= 1);
    let https_sees_it = h
        .state()
        .session
        .https
        .steps
        .iter()
        .flat_map(|s| &s.eavesdropper)
        .any(|o| o.value.to_string().contains(&password));
    assert!(!https_sees_it);
}

#[test]
fn the_certificate_panel_shows_the_chain_and_the_checks() {
    let mut h = harness();
    show(&mut h, "panel-certificate");
    h.get_by_label(&tr("cert-not-yet"));
    go_to(&mut h, "certificate_verify");
    h.get_by_label(&tr("cert-root"));
    h.get_by_label(&tr("cert-server"));
    h.get_by_label("bank.example");
    assert!(h.query_all_by_label(&tr("cert-pass")).count() >= 1);
    assert!(h.query_by_label(&tr("cert-fail")).is_none());
}

#[test]
fn typing_a_new_password_changes_the_bytes_shown() {
    let mut h = harness();
    go_to(&mut h, "http_request");
    let before = hex_rows(&h);
    let label = tr("inputs-password");
    h.get_by_label(&label).focus();
    h.run();
    h.get_by_label(&label).type_text("X");
    h.run();
    assert!(h.state().session.inputs.password.ends_with('X'));
    assert_eq!(h.state().session.generation, 2);
    let after = hex_rows(&h);
    assert_ne!(before, after);
    // The bytes that changed are the ones the inspector underlines.
    let step = h.state().step;
    let changed = h.state().session.changed_bytes(step, 0, true);
    assert!(
        changed.iter().any(|c| *c),
        "the typed password is in the inner plaintext"
    );
    assert!(
        !changed.iter().all(|c| *c),
        "the request line stays the same"
    );
    // Typing into the field does not move between steps.
    assert_eq!(
        h.state().session.https.steps[h.state().step].name,
        "http_request"
    );
}

#[test]
fn invalid_inputs_keep_the_previous_session_and_say_why() {
    let mut h = harness();
    let ctx = h.ctx.clone();
    h.state_mut().apply(
        Command::SetInputs(handshake_lab::app::Inputs {
            server_name: "not a host name!".into(),
            ..Default::default()
        }),
        &ctx,
    );
    h.run();
    assert_eq!(h.state().session.generation, 1);
    h.get_by_label_contains("Not simulated:");
    let _ = SidePanel::Keys;
}

#[test]
fn hovering_a_byte_shows_the_field_it_belongs_to() {
    let mut h = harness();
    let first_row = hex_rows(&h)[0].clone();
    let per_row = first_row.split_whitespace().count() - 1;
    let rect = h
        .get_by(|node| node.value().as_deref() == Some(first_row.as_str()))
        .rect();
    // Each row is an offset (two cells wide) followed by one cell per byte.
    let cell = rect.width() / (2 + per_row) as f32;
    h.hover_at(rect.left_center() + eframe::egui::vec2(cell * 2.0 + 2.0, 0.0));
    h.run();
    // Byte 0 of a record is its content type: the details name it and give its value.
    h.get_by_label("= 22 (handshake)");
}

#[test]
fn theme_and_presentation_mode_switch_and_are_settings() {
    let mut h = harness();
    h.get_by_label(&tr("settings-theme-dark")).click();
    h.run();
    assert_eq!(h.ctx.theme(), eframe::egui::Theme::Dark);
    h.get_by_label(&tr("settings-theme-light")).click();
    h.run();
    assert_eq!(h.ctx.theme(), eframe::egui::Theme::Light);
    h.get_by_label(&tr("settings-presentation")).click();
    h.run();
    assert!(h.state().settings.presentation);
    assert!((h.ctx.zoom_factor() - 1.4).abs() < 1e-3);
    let saved = serde_json::to_string(&h.state().settings).unwrap();
    let restored: handshake_lab::app::Settings = serde_json::from_str(&saved).unwrap();
    assert_eq!(restored, h.state().settings);
}

//! Scenario choice, the wire editor, the key exchange from both sides and the
//! key-compromise attempts, in the whole window.

use crate::support::{harness, tr};
use eframe::egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use handshake_lab::app::views::scenarios;
use handshake_lab::app::{Command, LabApp};
use handshake_lab::sim::{Outcome, ScenarioName};
use handshake_lab::wire::AlertDescription;

fn choose(h: &mut Harness<'static, LabApp>, name: ScenarioName) {
    let ctx = h.ctx.clone();
    let mut inputs = h.state().session.inputs.clone();
    inputs.scenario = name;
    inputs.edits.clear();
    h.state_mut().apply(Command::SetInputs(inputs), &ctx);
    h.run();
}

fn go_to(h: &mut Harness<'static, LabApp>, name: &str) {
    let index = h.state().session.https.step_index(name).expect(name);
    let ctx = h.ctx.clone();
    h.state_mut().apply(Command::GoTo(index), &ctx);
    h.run();
}

fn show(h: &mut Harness<'static, LabApp>, key: &str) {
    h.get_by_label(&tr(key)).click();
    h.run();
}

#[test]
fn the_chooser_lists_all_eight_scenarios_and_switches() {
    let mut h = harness();
    h.get_by_role(eframe::egui::Role::ComboBox).click();
    h.run();
    for name in ScenarioName::ALL {
        assert!(
            h.query_all_by_label(&tr(&scenarios::name_key(*name)))
                .count()
                >= 1,
            "{name:?} listed"
        );
    }
    h.get_by_label(&tr("scenario-name-mitm")).click();
    h.run();
    assert_eq!(h.state().session.inputs.scenario, ScenarioName::Mitm);
    assert_eq!(h.state().session.https.scenario.name, ScenarioName::Mitm);
    h.get_by_label(&tr("step-mitm-client_hello"));
    // The inputs keep the scenario when the password changes next.
    let label = tr("inputs-password");
    h.get_by_label(&label).focus();
    h.run();
    h.get_by_label(&label).type_text("Z");
    h.run();
    assert_eq!(h.state().session.inputs.scenario, ScenarioName::Mitm);
}

#[test]
fn every_step_of_every_scenario_has_its_own_words_in_the_window() {
    let mut h = harness();
    let unknown = tr("step-unknown-explain");
    for name in ScenarioName::ALL {
        choose(&mut h, *name);
        let n = h.state().session.len();
        h.key_press(Key::Home);
        h.run();
        for k in 0..n {
            assert_eq!(h.state().step, k);
            assert!(
                h.query_by_label(&unknown).is_none(),
                "{}: step {} has no words",
                name.name(),
                h.state().session.https.steps[k].name
            );
            h.key_press(Key::ArrowRight);
            h.run();
        }
        // The controls show it, and the screen-reader announcement says it too.
        let at_end = format!("step {n} of {n}");
        assert!(
            h.query_all_by_label_contains(&at_end).next().is_some(),
            "{}: not at the last step",
            name.name()
        );
    }
}

#[test]
fn the_eavesdropper_compares_plain_http_with_the_chosen_scenario() {
    let mut h = harness();
    show(&mut h, "panel-eavesdropper");
    choose(&mut h, ScenarioName::Tls12Rsa);
    go_to(&mut h, "http_request");
    h.get_by_label(&tr("eaves-http"));
    h.get_by_label(&tr("scenario-name-tls12-rsa"));
    let password = h.state().session.inputs.password.clone();
    let reading = format!("{}: {password}", tr("obs-password"));
    assert_eq!(
        h.query_all_by_label(&reading).count(),
        1,
        "HTTP column only"
    );
    // Plain HTTP chosen: HTTPS beside it, up to the same point of the login.
    choose(&mut h, ScenarioName::Http);
    go_to(&mut h, "http_request");
    h.get_by_label(&tr("eaves-https"));
    assert_eq!(h.query_all_by_label(&reading).count(), 1);
    let compared = h.state().session.http_steps_at(h.state().step);
    let https_request = h
        .state()
        .session
        .http
        .step_index("http_request")
        .expect("https has it");
    assert_eq!(compared, https_request + 1);
}

#[test]
fn key_compromise_shows_both_attempts_stage_by_stage() {
    let mut h = harness();
    choose(&mut h, ScenarioName::KeyCompromise);
    go_to(&mut h, "stolen_key_tls12_rsa");
    h.get_by_label("stolen-key decrypts tls12-rsa: yes");
    h.get_by_label(&tr("attempt-result-yes"));
    assert!(
        h.query_by_label("stolen-key decrypts tls13-ecdhe: no")
            .is_none()
    );
    let stage = h.state().session.https.steps[h.state().step]
        .attempt
        .as_ref()
        .expect("an attempt")
        .stages[0]
        .to_string();
    h.get_by_label_contains(&stage);
    go_to(&mut h, "stolen_key_tls13_ecdhe");
    h.get_by_label("stolen-key decrypts tls13-ecdhe: no");
    h.get_by_label(&tr("attempt-result-no"));
    // The eavesdropper panel lists both attempts above the two columns.
    show(&mut h, "panel-eavesdropper");
    h.get_by_label(&tr("attempt-heading"));
    assert_eq!(
        h.query_all_by_label("stolen-key decrypts tls12-rsa: yes")
            .count(),
        1
    );
    assert_eq!(
        h.query_all_by_label("stolen-key decrypts tls13-ecdhe: no")
            .count(),
        2,
        "in the step view and in the panel"
    );
}

#[test]
fn the_key_exchange_is_shown_from_both_sides_and_the_results_match() {
    let mut h = harness();
    show(&mut h, "panel-keys");
    h.key_press(Key::Home);
    h.run();
    assert!(h.query_by_label(&tr("kx-heading")).is_none());
    go_to(&mut h, "server_hello");
    h.get_by_label(&tr("kx-heading"));
    h.get_by_label("Identical: all 32 bytes match. Both sides now hold the same secret.");
    h.get_by_label("The client (with the server)");
    h.get_by_label("The server (with the client)");
    choose(&mut h, ScenarioName::Mitm);
    go_to(&mut h, "server_hello");
    assert_eq!(
        h.query_all_by_label_contains("Identical: all 32 bytes match")
            .count(),
        2,
        "one exchange with each side"
    );
}

/// Opens the wire editor on the current record and replaces its text.
fn edit_current_record(h: &mut Harness<'static, LabApp>, text: &str) {
    h.get_by_label(&tr("editor-open")).click();
    h.run();
    let field = h.get_by_label_contains("Bytes to deliver (hex");
    field.focus();
    h.run();
    h.key_press_modifiers(eframe::egui::Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_label_contains("Bytes to deliver (hex")
        .type_text(text);
    h.run();
}

#[test]
fn the_wire_editor_checks_the_hex_delivers_and_shows_the_check_and_the_alert() {
    let mut h = harness();
    go_to(&mut h, "http_request");
    let step = h.state().step;
    let sent = h.state().session.https.steps[step].records[0].bytes.clone();

    // Not hex: said in place, nothing delivered, arrow keys stay in the field.
    edit_current_record(&mut h, "zz");
    h.get_by_label_contains("is not a hex digit");
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(h.state().step, step, "typing does not move between steps");
    assert!(
        h.get_by_label(&tr("editor-deliver"))
            .accesskit_node()
            .is_disabled()
    );
    assert_eq!(h.state().session.generation, 1);

    // Too short: the length is named.
    h.key_press_modifiers(eframe::egui::Modifiers::COMMAND, Key::A);
    h.get_by_label_contains("Bytes to deliver (hex")
        .type_text("17 03");
    h.run();
    h.get_by_label_contains(&format!("The record has {} bytes but 2", sent.len()));

    // One byte of the ciphertext changed: delivered.
    let mut changed = sent.clone();
    changed[10] ^= 0x40;
    let hex: String = changed.iter().map(|b| format!("{b:02x}")).collect();
    h.key_press_modifiers(eframe::egui::Modifiers::COMMAND, Key::A);
    h.get_by_label_contains("Bytes to deliver (hex")
        .type_text(&hex);
    h.run();
    h.get_by_label("1 byte(s) changed.");
    h.get_by_label(&tr("editor-deliver")).click();
    h.run();
    assert_eq!(h.state().session.generation, 2);
    assert_eq!(h.state().step, step, "still on the edited record");
    let t = &h.state().session.https;
    assert!(matches!(
        t.outcome,
        Outcome::Aborted {
            alert: AlertDescription::BadRecordMac,
            ..
        }
    ));
    h.get_by_label(&tr("editor-result-heading"));
    h.get_by_label_contains("The server refused it at http_request");
    h.get_by_label_contains("Alert sent: bad_record_mac (code 20) by the server");
    h.get_by_label(&tr("inspector-tampered"));

    // The alert record, down to its bytes, in the inspector.
    h.get_by_label(&tr("editor-go-alert")).click();
    h.run();
    let alert_step = &h.state().session.https.steps[h.state().step];
    assert_eq!(alert_step.name, "server_alert");
    assert!(h.query_all_by_label(&tr("inspector-inner-bytes")).count() >= 1);

    // Undo brings the clean session back.
    h.get_by_label(&tr("editor-undo-all")).click();
    h.run();
    assert!(h.state().session.inputs.edits.is_empty());
    assert_eq!(h.state().session.https.outcome, Outcome::Completed);
}

#[test]
fn an_edited_certificate_fails_the_browsers_signature_check() {
    let mut h = harness();
    choose(&mut h, ScenarioName::Tls12Rsa);
    go_to(&mut h, "certificate");
    let step = h.state().step;
    let record = h.state().session.https.steps[step].records[0].clone();
    // The last byte of the TLS 1.2 Certificate record is the CA's signature's last byte.
    let mut changed = record.bytes.clone();
    let last = changed.len() - 1;
    changed[last] ^= 0x01;
    let hex: String = changed.iter().map(|b| format!("{b:02x} ")).collect();
    edit_current_record(&mut h, &hex);
    h.get_by_label(&tr("editor-deliver")).click();
    h.run();
    h.get_by_label_contains("FAILED check by the client: signature");
    h.get_by_label_contains("Alert sent: bad_certificate");
}

#[test]
fn another_scenario_marks_no_bytes_as_changed_but_a_wire_edit_does() {
    let mut h = harness();
    choose(&mut h, ScenarioName::Tls12Rsa);
    assert!(h.state().session.previous.is_none());
    assert!(
        !h.state()
            .session
            .changed_bytes(0, 0, false)
            .iter()
            .any(|c| *c),
        "another conversation is not compared byte by byte"
    );
    let ctx = h.ctx.clone();
    let mut inputs = h.state().session.inputs.clone();
    inputs.edits = vec![handshake_lab::sim::ByteEdit {
        record: 0,
        offset: 2,
        value: 1,
    }];
    h.state_mut().apply(Command::SetInputs(inputs), &ctx);
    h.run();
    let changed = h.state().session.changed_bytes(0, 0, false);
    assert_eq!(changed.iter().filter(|c| **c).count(), 1);
    assert!(changed[2]);
}

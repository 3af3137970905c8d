//! The wire editor's core: `Scenario.edits` set any bytes of any records on the wire,
//! deterministically, next to (and without changing) the command line's `--tamper`.

use handshake_lab_core::export::trace::text as trace_text;
use handshake_lab_core::sim::{
    ByteEdit, Outcome, Scenario, ScenarioName, Tamper, Timeline, simulate,
};
use handshake_lab_core::tls::Side;
use handshake_lab_core::wire::AlertDescription;

fn run(name: ScenarioName, edits: Vec<ByteEdit>) -> Timeline {
    simulate(&Scenario {
        name,
        edits,
        ..Scenario::default()
    })
    .expect("an edited session still simulates")
}

fn record_of(t: &Timeline, step: &str) -> (usize, Vec<u8>) {
    let index = t.step_index(step).expect("the step exists");
    let record = &t.steps[index].records[0];
    (record.index, record.bytes.clone())
}

fn aborted(t: &Timeline) -> (Side, AlertDescription) {
    match &t.outcome {
        Outcome::Aborted { by, alert, .. } => (*by, *alert),
        Outcome::Completed => panic!("the session completed"),
    }
}

#[test]
fn no_edits_change_nothing() {
    let plain = simulate(&Scenario::default()).expect("https");
    let edited = run(ScenarioName::Https, Vec::new());
    assert_eq!(trace_text(&plain), trace_text(&edited));
}

#[test]
fn setting_a_byte_of_the_encrypted_login_ends_in_bad_record_mac() {
    let clean = run(ScenarioName::Https, Vec::new());
    let (record, bytes) = record_of(&clean, "http_request");
    let offset = bytes.len() / 2;
    let value = bytes[offset] ^ 0x5a;
    let t = run(
        ScenarioName::Https,
        vec![ByteEdit {
            record,
            offset,
            value,
        }],
    );
    assert_eq!(aborted(&t), (Side::Server, AlertDescription::BadRecordMac));
    let step = &t.steps[t.step_index("http_request").expect("sent")];
    let sent = &step.records[0];
    assert_eq!(sent.bytes, bytes, "what the client sent is unchanged");
    let delivered = sent.delivered.as_ref().expect("the server got other bytes");
    assert_eq!(delivered[offset], value);
    assert_eq!(
        (0..bytes.len())
            .filter(|i| delivered[*i] != bytes[*i])
            .count(),
        1
    );
    assert_eq!(sent.tamper, None, "an edit is not a --tamper flip");
    // The steps before the edited record are byte for byte the clean session's.
    let before = t.step_index("http_request").expect("sent");
    for (a, b) in clean.steps[..before].iter().zip(&t.steps[..before]) {
        assert_eq!(a.records[0].bytes, b.records[0].bytes, "{}", a.name);
    }
}

#[test]
fn an_edit_to_the_flipped_value_is_the_same_as_tamper() {
    let clean = run(ScenarioName::Https, Vec::new());
    let (record, bytes) = record_of(&clean, "certificate_verify");
    let offset = 20;
    let flipped = simulate(&Scenario {
        tamper: Some(Tamper {
            record,
            offset,
            mask: 0x80,
        }),
        ..Scenario::default()
    })
    .expect("tampered");
    let edited = run(
        ScenarioName::Https,
        vec![ByteEdit {
            record,
            offset,
            value: bytes[offset] ^ 0x80,
        }],
    );
    assert_eq!(flipped.outcome, edited.outcome);
    let received = |t: &Timeline| -> Vec<Vec<u8>> {
        t.records().map(|r| r.received_bytes().to_vec()).collect()
    };
    assert_eq!(received(&flipped), received(&edited));
}

#[test]
fn edits_of_several_records_are_all_made_and_deterministic() {
    // The record header's legacy_record_version is ignored by receivers (RFC 8446
    // 5.1) and only authenticated as associated data once records are encrypted, so
    // these edits of the two plaintext records leave the session going and every one of them lands.
    let edits: Vec<ByteEdit> = (0..2)
        .map(|record| ByteEdit {
            record,
            offset: 2,
            value: 0x01,
        })
        .collect();
    let a = run(ScenarioName::Https, edits.clone());
    let b = run(ScenarioName::Https, edits);
    assert_eq!(trace_text(&a), trace_text(&b));
    assert_eq!(a.outcome, Outcome::Completed);
    for record in a.records().take(2) {
        let delivered = record.delivered.as_ref().expect("changed");
        assert_eq!(delivered[2], 0x01);
        assert_eq!(record.bytes[2], 0x03);
    }
    assert!(a.records().skip(2).all(|r| r.delivered.is_none()));
    assert!(trace_text(&a).contains("attacker changed byte(s) 2; delivered:"));
}

#[test]
fn a_changed_client_random_splits_the_transcripts() {
    let clean = run(ScenarioName::Https, Vec::new());
    let (hello, bytes) = record_of(&clean, "client_hello");
    let t = run(
        ScenarioName::Https,
        vec![ByteEdit {
            record: hello,
            offset: 11,
            value: bytes[11] ^ 0xff,
        }],
    );
    // The two sides now derive different handshake keys: the first encrypted record
    // does not decrypt, and the alert that says so is a real record on the wire.
    let (by, alert) = aborted(&t);
    assert_eq!(by, Side::Client);
    assert_eq!(alert, AlertDescription::BadRecordMac);
    let failing = t
        .steps
        .iter()
        .find(|s| s.failure.is_some())
        .expect("failed");
    assert_eq!(failing.name, "encrypted_extensions");
    let alert_step = &t.steps[t.step_index("client_alert").expect("an alert")];
    // Encrypted with the client's handshake keys: application_data outside, alert
    // (21) as the inner content type.
    let record = &alert_step.records[0];
    assert_eq!(record.content_type, 23);
    let inner = record.inner_plaintext.as_ref().expect("encrypted");
    assert_eq!(inner.iter().rev().find(|b| **b != 0), Some(&21));
}

#[test]
fn an_edit_that_keeps_the_byte_changes_nothing() {
    let clean = run(ScenarioName::Https, Vec::new());
    let (record, bytes) = record_of(&clean, "server_hello");
    let t = run(
        ScenarioName::Https,
        vec![ByteEdit {
            record,
            offset: 7,
            value: bytes[7],
        }],
    );
    assert_eq!(t.outcome, Outcome::Completed);
    assert!(t.records().all(|r| r.delivered.is_none()));
}

#[test]
fn an_edit_off_the_wire_is_an_error_naming_it() {
    for (record, offset) in [(99, 0), (0, 100_000)] {
        let error = simulate(&Scenario {
            edits: vec![ByteEdit {
                record,
                offset,
                value: 0,
            }],
            ..Scenario::default()
        })
        .expect_err("out of range");
        assert!(
            error
                .to_string()
                .contains(&format!("edit of record {record} byte {offset}")),
            "{error}"
        );
    }
    let twice = Scenario {
        edits: vec![
            ByteEdit {
                record: 0,
                offset: 5,
                value: 1,
            };
            2
        ],
        ..Scenario::default()
    };
    assert!(simulate(&twice).is_err());
}

#[test]
fn an_edit_replaces_the_tamper_scenarios_preset_flip() {
    let preset = run(ScenarioName::Tamper, Vec::new());
    assert!(
        preset
            .records()
            .any(|r| r.tamper.is_some() && r.delivered.is_some())
    );
    let clean = run(ScenarioName::Https, Vec::new());
    let (record, bytes) = record_of(&clean, "server_hello");
    // The ServerHello's legacy_version: the client refuses anything but 0x0303.
    let t = run(
        ScenarioName::Tamper,
        vec![ByteEdit {
            record,
            offset: 6,
            value: bytes[6] ^ 1,
        }],
    );
    assert!(t.records().all(|r| r.tamper.is_none()), "no preset flip");
    assert_eq!(aborted(&t).0, Side::Client);
}

#[test]
fn key_compromise_edits_count_over_both_recorded_sessions() {
    let clean = run(ScenarioName::KeyCompromise, Vec::new());
    let (record, bytes) = record_of(&clean, "tls13_http_request");
    let offset = bytes.len() - 3;
    let t = run(
        ScenarioName::KeyCompromise,
        vec![ByteEdit {
            record,
            offset,
            value: bytes[offset] ^ 1,
        }],
    );
    let step = &t.steps[t.step_index("tls13_http_request").expect("sent")];
    assert_eq!(step.records[0].index, record);
    assert!(step.records[0].delivered.is_some());
    // An edit that aborts the TLS 1.2 session first: the TLS 1.3 records are
    // numbered after the shorter first session, and an edit there still lands.
    let (early, early_bytes) = record_of(&clean, "tls12_client_finished");
    let first_edit = ByteEdit {
        record: early,
        offset: early_bytes.len() - 1,
        value: early_bytes[early_bytes.len() - 1] ^ 1,
    };
    let aborted_first = run(ScenarioName::KeyCompromise, vec![first_edit]);
    let (late, late_bytes) = record_of(&aborted_first, "tls13_client_finished");
    let both = run(
        ScenarioName::KeyCompromise,
        vec![
            first_edit,
            ByteEdit {
                record: late,
                offset: late_bytes.len() - 1,
                value: late_bytes[late_bytes.len() - 1] ^ 1,
            },
        ],
    );
    let step = &both.steps[both.step_index("tls13_client_finished").expect("sent")];
    assert_eq!(step.records[0].index, late);
    assert!(step.records[0].delivered.is_some());
}

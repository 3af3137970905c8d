//! End-to-end properties of simulated sessions: determinism, what the eavesdropper
//! reads, and what a changed byte does.

use handshake_lab_core::sim::{
    ObservationKind, Outcome, Scenario, ScenarioName, Tamper, Timeline, simulate,
};
use handshake_lab_core::tls::{Protection, Side};
use handshake_lab_core::wire::AlertDescription;

const PASSWORD: &str = "Ultra-Secret-Passw0rd-77";

fn session(name: ScenarioName, seed: u64) -> Timeline {
    let scenario = Scenario {
        name,
        seed,
        password: PASSWORD.into(),
        ..Scenario::default()
    };
    simulate(&scenario).expect("the scenario simulates")
}

fn wire_bytes(timeline: &Timeline) -> Vec<Vec<u8>> {
    timeline.records().map(|r| r.bytes.clone()).collect()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn same_seed_same_bytes_other_seed_other_bytes() {
    let a = session(ScenarioName::Https, 7);
    let b = session(ScenarioName::Https, 7);
    let c = session(ScenarioName::Https, 8);
    assert_eq!(wire_bytes(&a), wire_bytes(&b));
    assert_eq!(a.nss_keylog(), b.nss_keylog());
    assert_eq!(a.pki.server_cert_der, b.pki.server_cert_der);
    let (ra, rc) = (wire_bytes(&a), wire_bytes(&c));
    assert_eq!(ra.len(), rc.len());
    // Every record differs: other randoms and key shares, hence other keys and ciphertexts.
    for (i, (x, y)) in ra.iter().zip(&rc).enumerate() {
        assert_ne!(x, y, "record {i} is the same under another seed");
    }
    assert_ne!(a.client_random(), c.client_random());
}

#[test]
fn the_password_crosses_plain_http_in_the_clear_and_https_never() {
    let http = session(ScenarioName::Http, 1);
    assert!(
        http.records()
            .any(|r| contains(&r.bytes, PASSWORD.as_bytes()))
    );
    let seen: Vec<_> = http.steps.iter().flat_map(|s| &s.eavesdropper).collect();
    assert!(
        seen.iter()
            .any(|o| o.kind == ObservationKind::Password && o.value == PASSWORD && o.sensitive)
    );
    assert!(seen.iter().any(|o| o.kind == ObservationKind::CardNumber));

    let https = session(ScenarioName::Https, 1);
    for record in https.records() {
        assert!(
            !contains(&record.bytes, PASSWORD.as_bytes()),
            "password in record {}",
            record.index
        );
    }
    let seen: Vec<_> = https.steps.iter().flat_map(|s| &s.eavesdropper).collect();
    assert!(!seen.iter().any(|o| o.value.to_string().contains(PASSWORD)));
    assert!(!seen.iter().any(|o| matches!(
        o.kind,
        ObservationKind::Password | ObservationKind::CardNumber
    )));
    // ...but the metadata that TLS does not hide is named.
    assert!(
        seen.iter()
            .any(|o| o.kind == ObservationKind::ServerName && o.value == "bank.example")
    );
    assert!(
        seen.iter()
            .any(|o| o.kind == ObservationKind::VersionsOffered
                && o.value.to_string().contains("TLS 1.3"))
    );
    assert!(
        seen.iter()
            .any(|o| o.kind == ObservationKind::CipherSuitesOffered
                && o.value.to_string().contains("TLS_AES_128_GCM_SHA256"))
    );
    assert!(seen.iter().any(|o| o.kind == ObservationKind::Ciphertext));
    assert!(seen.iter().any(|o| o.kind == ObservationKind::RecordSize));
    // The server still got the password: encryption hid it, it did not lose it.
    let request = https
        .steps
        .iter()
        .find(|s| s.name == "http_request")
        .expect("request step");
    assert!(
        request
            .delivered_data
            .iter()
            .any(|(side, data)| *side == Side::Server && contains(data, PASSWORD.as_bytes()))
    );
}

#[test]
fn both_sides_reach_the_same_secrets_and_the_eavesdropper_none() {
    let t = session(ScenarioName::Https, 3);
    for name in [
        "ecdhe_shared_secret",
        "handshake_secret",
        "client_handshake_traffic_secret",
        "server_handshake_traffic_secret",
        "master_secret",
        "client_application_traffic_secret_0",
        "server_application_traffic_secret_0",
    ] {
        let client = t
            .secret(Side::Client, name)
            .unwrap_or_else(|| panic!("client lacks {name}"));
        let server = t
            .secret(Side::Server, name)
            .unwrap_or_else(|| panic!("server lacks {name}"));
        assert_eq!(
            client.output, server.output,
            "{name} differs between the sides"
        );
        assert_eq!(client.output.len(), 32);
        // No secret ever crosses the wire.
        for record in t.records() {
            assert!(
                !contains(&record.bytes, &client.output),
                "{name} is on the wire"
            );
        }
    }
    // Secrets appear only from the step that derives them.
    let server_hello = t.step_index("server_hello").expect("server_hello step");
    let client_hello = t.step_index("client_hello").expect("client_hello step");
    assert!(
        t.learned_until(client_hello)
            .all(|(_, l)| l.derivation.name != "handshake_secret")
    );
    assert!(
        t.learned_until(server_hello)
            .any(|(_, l)| l.derivation.name == "handshake_secret")
    );
}

#[test]
fn records_are_protected_as_the_handshake_proceeds() {
    let t = session(ScenarioName::Https, 1);
    let protection: Vec<(String, Protection)> = t
        .records()
        .map(|r| (r.message.to_string(), r.protection))
        .collect();
    assert_eq!(protection[0], ("ClientHello".into(), Protection::Plaintext));
    assert_eq!(protection[1], ("ServerHello".into(), Protection::Plaintext));
    for p in &protection[2..7] {
        assert_eq!(p.1, Protection::HandshakeKeys, "{}", p.0);
    }
    for p in &protection[7..] {
        assert_eq!(p.1, Protection::ApplicationKeys, "{}", p.0);
    }
    let checks: Vec<_> = t.steps.iter().flat_map(|s| &s.checks).collect();
    assert!(checks.iter().all(|(_, c)| c.passed));
    assert!(
        checks
            .iter()
            .any(|(side, c)| *side == Side::Client && c.name.name() == "hostname")
    );
}

fn tampered(name: ScenarioName, record: usize, offset: usize) -> Timeline {
    let scenario = Scenario {
        name,
        password: PASSWORD.into(),
        tamper: Some(Tamper {
            record,
            offset,
            mask: 0x01,
        }),
        ..Scenario::default()
    };
    simulate(&scenario).expect("a tampered session still simulates")
}

#[test]
fn a_flipped_byte_in_any_encrypted_record_ends_https_with_an_alert() {
    let clean = session(ScenarioName::Https, 1);
    let encrypted: Vec<(usize, usize, Side)> = clean
        .records()
        .filter(|r| r.protection != Protection::Plaintext)
        .map(|r| (r.index, r.bytes.len(), r.from))
        .collect();
    assert!(encrypted.len() >= 8);
    for (index, len, from) in encrypted {
        // A byte of the ciphertext body and the last byte (the AEAD tag).
        for offset in [5, len / 2, len - 1] {
            let t = tampered(ScenarioName::Https, index, offset);
            let Outcome::Aborted { by, alert, .. } = &t.outcome else {
                panic!("record {index} byte {offset}: the change went unnoticed");
            };
            assert_eq!(
                *by,
                from.peer(),
                "record {index} byte {offset}: wrong side alerted"
            );
            assert_eq!(
                *alert,
                AlertDescription::BadRecordMac,
                "record {index} byte {offset}"
            );
        }
    }
}

#[test]
fn a_flipped_byte_in_the_key_share_ends_the_handshake() {
    let clean = session(ScenarioName::Https, 1);
    let hello = clean.records().next().expect("ClientHello");
    let key_share_offset = hello.bytes.len() - 40; // inside the 65-byte public point at the end
    let t = tampered(ScenarioName::Https, 0, key_share_offset);
    let Outcome::Aborted { alert, .. } = &t.outcome else {
        panic!("a changed key share went unnoticed");
    };
    // Either the point is no longer on the curve (illegal_parameter at the server) or
    // both sides derive different keys (bad_record_mac at the client).
    assert!(
        matches!(
            alert,
            AlertDescription::IllegalParameter | AlertDescription::BadRecordMac
        ),
        "{alert:?}"
    );
    assert!(
        t.records()
            .all(|r| !contains(&r.bytes, PASSWORD.as_bytes()))
    );
}

#[test]
fn on_plain_http_the_same_flip_goes_unnoticed() {
    let clean = session(ScenarioName::Http, 1);
    let request = clean.records().next().expect("request");
    let at = request
        .bytes
        .windows(PASSWORD.len())
        .position(|w| w == PASSWORD.as_bytes())
        .expect("password on the wire");
    let t = tampered(ScenarioName::Http, 0, at);
    assert_eq!(
        t.outcome,
        Outcome::Completed,
        "HTTP has nothing that notices"
    );
    let delivered = t.steps[0]
        .delivered_data
        .first()
        .map(|(_, d)| d.clone())
        .unwrap_or_default();
    assert!(
        !contains(&delivered, PASSWORD.as_bytes()),
        "the server got a changed password"
    );
    let response = &t.steps[1].records[0].bytes;
    assert!(
        response.starts_with(b"HTTP/1.1 401"),
        "the bank rejects the changed password, unaware why"
    );
}

#[test]
fn tamper_positions_outside_the_wire_are_errors() {
    for (record, offset) in [(99, 0), (0, 100_000)] {
        let scenario = Scenario {
            tamper: Some(Tamper {
                record,
                offset,
                mask: 1,
            }),
            ..Scenario::default()
        };
        let error = simulate(&scenario).expect_err("out-of-range tamper");
        assert!(
            error
                .to_string()
                .contains(&format!("--tamper {record}:{offset}")),
            "{error}"
        );
    }
}

#[test]
fn every_byte_is_annotated() {
    let t = session(ScenarioName::Https, 1);
    for record in t.records() {
        let covered: usize = record.fields.iter().map(|f| f.range.len()).sum();
        assert_eq!(
            covered,
            record.bytes.len(),
            "record {} ({})",
            record.index,
            record.message
        );
        if let Some(inner) = &record.inner_plaintext {
            let covered: usize = record.inner_fields.iter().map(|f| f.range.len()).sum();
            assert_eq!(
                covered,
                inner.len(),
                "inner plaintext of record {}",
                record.index
            );
        }
    }
}

#[test]
fn every_single_byte_change_on_the_https_wire_is_detected() {
    // RFC 8446 §5.1: legacy_record_version of a plaintext record "MUST be ignored for
    // all purposes"; everything else is covered by a check. Encrypted records carry
    // their header in the AEAD's additional data, so even their version bytes count.
    let clean = session(ScenarioName::Https, 1);
    let mut undetected = Vec::new();
    for record in clean.records() {
        for offset in 0..record.bytes.len() {
            let t = tampered(ScenarioName::Https, record.index, offset);
            if t.outcome == Outcome::Completed {
                undetected.push((record.index, offset, record.protection));
            }
        }
    }
    let ignorable = |(_, offset, protection): &(usize, usize, Protection)| {
        *protection == Protection::Plaintext && (1..=2).contains(offset)
    };
    assert!(
        undetected.iter().all(ignorable),
        "undetected changes: {undetected:?}"
    );
    assert_eq!(
        undetected.len(),
        4,
        "the two version bytes of ClientHello and ServerHello"
    );
}

#[test]
fn no_single_byte_change_on_plain_http_is_detected() {
    let clean = session(ScenarioName::Http, 1);
    for record in clean.records() {
        for offset in (0..record.bytes.len()).step_by(7) {
            let t = tampered(ScenarioName::Http, record.index, offset);
            assert_eq!(
                t.outcome,
                Outcome::Completed,
                "record {} byte {offset}",
                record.index
            );
        }
    }
}

#[test]
fn every_single_byte_change_on_the_tls12_rsa_wire_is_detected() {
    // TLS 1.2 (RFC 5246): the Finished messages cover every handshake message, the
    // AES-GCM tag covers every encrypted record (its additional data holds type,
    // version and length), the premaster secret is checked after decryption, and a
    // ChangeCipherSpec must carry exactly 0x01. What a receiver may ignore: the record
    // version of the ClientHello (RFC 5246 Appendix E.1 lets servers accept any
    // {03,XX} there, and this one accepts any value).
    let clean = session(ScenarioName::Tls12Rsa, 1);
    let mut undetected = Vec::new();
    for record in clean.records() {
        for offset in 0..record.bytes.len() {
            let t = tampered(ScenarioName::Tls12Rsa, record.index, offset);
            if t.outcome == Outcome::Completed {
                undetected.push((record.index, offset));
            }
        }
    }
    assert_eq!(
        undetected,
        [(0, 1), (0, 2)],
        "only the ClientHello's record version goes unchecked"
    );
}

//! The attack scenarios of DESIGN.md: each ends as the contract says and shows what
//! it is meant to show (the `trace` command's side is in the app's `tests/cli`).

use handshake_lab_core::export::trace::text as trace_text;
use handshake_lab_core::sim::{Outcome, Scenario, ScenarioName, Timeline, simulate};
use handshake_lab_core::tls::{Protection, Side};
use handshake_lab_core::wire::AlertDescription;

const PASSWORD: &str = "Attack-Lesson-Passw0rd-31";

fn session(name: ScenarioName) -> Timeline {
    simulate(&Scenario {
        name,
        password: PASSWORD.into(),
        ..Scenario::default()
    })
    .expect("the scenario simulates")
}

fn names(t: &Timeline) -> Vec<String> {
    t.steps.iter().map(|s| s.name.to_string()).collect()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// What `trace --scenario NAME` prints, computed in-process.
fn trace(name: ScenarioName) -> String {
    trace_text(&simulate(&Scenario::named(name)).expect("the scenario simulates"))
}

const OUTCOMES: &[(&str, &str)] = &[
    ("http", "outcome: completed"),
    ("https", "outcome: completed"),
    ("tamper", "outcome: aborted by server: bad_record_mac"),
    ("mitm", "outcome: aborted by client: unknown_ca"),
    ("wrong-host", "outcome: aborted by client: bad_certificate"),
    ("expired", "outcome: aborted by client: certificate_expired"),
    ("tls12-rsa", "outcome: completed"),
    ("key-compromise", "outcome: completed"),
    ("hrr", "outcome: completed"),
];

#[test]
fn every_scenario_ends_as_the_contract_says_in_the_library() {
    assert_eq!(ScenarioName::ALL.len(), OUTCOMES.len());
    for (name, line) in OUTCOMES {
        let scenario = ScenarioName::from_name(name).expect("a scenario name");
        assert_eq!(session(scenario).outcome.line(), *line, "{name}");
    }
}

#[test]
fn tamper_flips_a_byte_of_the_encrypted_login_and_the_server_notices() {
    let t = session(ScenarioName::Tamper);
    let request = &t.steps[t.step_index("http_request").expect("the login step")];
    let record = &request.records[0];
    let tamper = record
        .tamper
        .expect("the attacker changed the login record");
    assert_eq!(record.protection, Protection::ApplicationKeys);
    assert_eq!(
        record
            .delivered
            .as_ref()
            .map(|d| d[tamper.offset] ^ record.bytes[tamper.offset]),
        Some(tamper.mask)
    );
    let (side, alert, _) = request.failure.as_ref().expect("the server rejects it");
    assert_eq!(
        (*side, *alert),
        (Side::Server, AlertDescription::BadRecordMac)
    );
    // The alert is a real record, encrypted with the server's application keys.
    let alert_step = t.steps.last().expect("the alert step");
    assert_eq!(alert_step.name, "server_alert");
    assert_eq!(
        alert_step.records[0].protection,
        Protection::ApplicationKeys
    );
    assert_eq!(
        alert_step.records[0].bytes[0], 23,
        "outer type application_data"
    );
    // Nobody received the login.
    assert!(request.delivered_data.is_empty());
}

#[test]
fn mitm_completes_a_key_exchange_with_each_side_and_authentication_stops_it() {
    let t = session(ScenarioName::Mitm);
    assert_eq!(
        names(&t),
        [
            "client_hello",
            "attacker_client_hello",
            "attacker_server_hello",
            "attacker_encrypted_extensions",
            "attacker_certificate",
            "attacker_certificate_verify",
            "attacker_server_finished",
            "server_hello",
            "encrypted_extensions",
            "certificate",
            "certificate_verify",
            "server_finished",
            "client_alert",
            "attacker_client_finished",
            "attacker_client_close_notify",
            "server_close_notify",
        ]
    );
    // Records travel on two legs: client <-> attacker, attacker <-> server.
    for step in &t.steps {
        let leg = (step.from, step.to);
        let expected = match leg {
            (Side::Client, Side::Attacker) | (Side::Attacker, Side::Client) => 0,
            (Side::Attacker, Side::Server) | (Side::Server, Side::Attacker) => 1,
            other => panic!("{}: record from {other:?} skips the attacker", step.name),
        };
        assert_eq!(step.connection, expected, "{}", step.name);
    }
    // Two ECDHE exchanges, one with each end, and they differ.
    let secret = |side, peer| {
        t.secret_with(side, peer, "ecdhe_shared_secret")
            .unwrap_or_else(|| panic!("{side:?} has no ECDHE secret with {peer:?}"))
            .output
            .clone()
    };
    let with_client = secret(Side::Attacker, Side::Client);
    let with_server = secret(Side::Attacker, Side::Server);
    assert_eq!(with_client, secret(Side::Client, Side::Attacker));
    assert_eq!(with_server, secret(Side::Server, Side::Attacker));
    assert_ne!(with_client, with_server);
    let attacker_keys = t
        .steps
        .iter()
        .flat_map(|s| &s.ephemeral_keys)
        .filter(|(side, _, _)| *side == Side::Attacker)
        .count();
    assert_eq!(attacker_keys, 2);
    // The attacker even holds the client's handshake traffic keys...
    assert_eq!(
        t.secret_with(
            Side::Attacker,
            Side::Client,
            "client_handshake_traffic_secret"
        )
        .map(|d| &d.output),
        t.secret(Side::Client, "client_handshake_traffic_secret")
            .map(|d| &d.output)
    );
    // ...but the client checks who signed the certificate, and stops.
    let certificate = &t.steps[t.step_index("attacker_certificate").expect("step")];
    let issuer = certificate
        .checks
        .iter()
        .find(|(side, c)| *side == Side::Client && c.name.name() == "issuer")
        .expect("the client checks the issuer");
    assert!(!issuer.1.passed && issuer.1.detail.to_string().contains("Evil Proxy CA"));
    assert!(matches!(
        &t.outcome,
        Outcome::Aborted {
            by: Side::Client,
            alert: AlertDescription::UnknownCa,
            ..
        }
    ));
    // The attacker's own session with the bank is fine (it trusts the real root).
    assert!(
        t.steps
            .iter()
            .flat_map(|s| &s.checks)
            .filter(|(side, _)| *side == Side::Attacker)
            .all(|(_, c)| c.passed)
    );
    // The login never left the browser.
    assert!(t.records().all(|r| r.message.name() != "application data"));
    assert!(
        t.steps
            .iter()
            .flat_map(|s| &s.delivered_data)
            .all(|(_, d)| !contains(d, PASSWORD.as_bytes()))
    );
    let text = trace(ScenarioName::Mitm);
    assert!(text.contains("attacker (with the client) knows ecdhe_shared_secret"));
    assert!(text.contains("attacker (with the server) knows ecdhe_shared_secret"));
    assert!(text.contains("client checks issuer: FAIL"));
}

#[test]
fn wrong_host_and_expired_fail_the_check_they_name() {
    for (name, check, alert) in [
        (
            ScenarioName::WrongHost,
            "hostname",
            AlertDescription::BadCertificate,
        ),
        (
            ScenarioName::Expired,
            "validity",
            AlertDescription::CertificateExpired,
        ),
    ] {
        let t = session(name);
        let checks: Vec<_> = t.steps.iter().flat_map(|s| &s.checks).collect();
        let failed: Vec<&str> = checks
            .iter()
            .filter(|(_, c)| !c.passed)
            .map(|(_, c)| c.name.name())
            .collect();
        assert_eq!(failed, [check], "{name:?}");
        let last = t.steps.last().expect("steps");
        assert_eq!(last.name, "client_alert");
        assert_eq!(last.records[0].protection, Protection::HandshakeKeys);
        assert!(
            matches!(&t.outcome, Outcome::Aborted { by: Side::Client, alert: a, .. } if *a == alert)
        );
    }
}

#[test]
fn tls12_rsa_is_the_classic_handshake() {
    let t = session(ScenarioName::Tls12Rsa);
    assert_eq!(
        names(&t),
        [
            "client_hello",
            "server_hello",
            "certificate",
            "server_hello_done",
            "client_key_exchange",
            "client_change_cipher_spec",
            "client_finished",
            "server_change_cipher_spec",
            "server_finished",
            "http_request",
            "http_response",
            "client_close_notify",
            "server_close_notify",
        ]
    );
    // The client chose the premaster secret and sent it encrypted to the server's key.
    let premaster = t
        .secret(Side::Client, "pre_master_secret")
        .expect("client premaster");
    assert_eq!(premaster.output.len(), 48);
    assert_eq!(premaster.output[..2], [3, 3]);
    assert_eq!(
        t.secret(Side::Server, "pre_master_secret")
            .map(|d| &d.output),
        Some(&premaster.output)
    );
    let exchange = &t.steps[4].records[0];
    assert_eq!(exchange.bytes.len(), 5 + 4 + 2 + 256, "RSA-2048 ciphertext");
    for name in [
        "master_secret",
        "key_block",
        "client_write_key",
        "server_write_key",
        "client_write_iv",
        "server_write_iv",
    ] {
        let client = t.secret(Side::Client, name).expect(name);
        let server = t.secret(Side::Server, name).expect(name);
        assert_eq!(client.output, server.output, "{name}");
        for record in t.records() {
            assert!(
                !contains(&record.bytes, &client.output),
                "{name} on the wire"
            );
        }
    }
    assert_eq!(
        t.secret(Side::Client, "master_secret")
            .map(|d| d.output.len()),
        Some(48)
    );
    // GCM records with explicit nonces from ChangeCipherSpec on.
    let protections: Vec<Protection> = t.records().map(|r| r.protection).collect();
    assert!(protections[..6].iter().all(|p| *p == Protection::Plaintext));
    assert_eq!(protections[6], Protection::SessionKeys);
    assert_eq!(
        protections[7],
        Protection::Plaintext,
        "server ChangeCipherSpec"
    );
    assert!(
        protections[8..]
            .iter()
            .all(|p| *p == Protection::SessionKeys)
    );
    assert!(
        t.records()
            .all(|r| !contains(&r.bytes, PASSWORD.as_bytes()))
    );
    let request = &t.steps[t.step_index("http_request").expect("step")];
    assert!(
        request
            .delivered_data
            .iter()
            .any(|(side, d)| *side == Side::Server && contains(d, PASSWORD.as_bytes()))
    );
    // In TLS 1.2 the certificate crosses the wire in the clear.
    assert!(t.steps[2].eavesdropper.iter().any(|o| {
        let value = o.value.to_string();
        value.contains("CN=bank.example") && value.contains("rsaEncryption")
    }));
    // The key log names the session by its client random and gives the master secret.
    let keylog = t.nss_keylog();
    let random = t.client_random().expect("client random");
    let master = &t
        .secret(Side::Client, "master_secret")
        .expect("master")
        .output;
    let line = format!(
        "CLIENT_RANDOM {} {}\n",
        handshake_lab_core::crypto::hex(&random),
        handshake_lab_core::crypto::hex(master)
    );
    assert_eq!(keylog, line);
}

#[test]
fn key_compromise_decrypts_the_rsa_session_and_not_the_ecdhe_one() {
    let t = session(ScenarioName::KeyCompromise);
    let attempts: Vec<_> = t.attempts().collect();
    assert_eq!(attempts.len(), 2);
    assert_eq!(attempts[0].line(), "stolen-key decrypts tls12-rsa: yes");
    assert_eq!(attempts[1].line(), "stolen-key decrypts tls13-ecdhe: no");
    // The RSA session's login, password included, is read from the recording.
    assert!(
        attempts[0]
            .plaintexts
            .iter()
            .any(|p| contains(p, PASSWORD.as_bytes()))
    );
    let step = &t.steps[t.step_index("stolen_key_tls12_rsa").expect("attack step")];
    assert!(
        step.eavesdropper
            .iter()
            .any(|o| o.value == PASSWORD && o.sensitive)
    );
    // It recomputed the session's own master secret from the wire and the stolen key.
    assert_eq!(
        t.secret(Side::Attacker, "master_secret").map(|d| &d.output),
        t.secret(Side::Client, "master_secret").map(|d| &d.output)
    );
    // The TLS 1.3 attempt says what it lacked, and reads nothing.
    assert!(attempts[1].plaintexts.is_empty());
    assert!(
        attempts[1]
            .missing
            .as_ref()
            .is_some_and(|m| m.to_string().contains("ECDHE private key"))
    );
    let step = &t.steps[t.step_index("stolen_key_tls13_ecdhe").expect("attack step")];
    assert!(
        !step
            .eavesdropper
            .iter()
            .any(|o| o.value.to_string().contains(PASSWORD))
    );
    // Both recorded sessions are in the timeline, each on its own connection.
    assert!(t.step_index("tls12_client_key_exchange").is_some());
    assert!(t.step_index("tls13_certificate_verify").is_some());
    assert_eq!(t.connection_count(), 2);
    let indexes: Vec<usize> = t.records().map(|r| r.index).collect();
    assert_eq!(indexes, (0..indexes.len()).collect::<Vec<_>>());

    let text = trace(ScenarioName::KeyCompromise);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.contains(&"stolen-key decrypts tls12-rsa: yes"));
    assert!(lines.contains(&"stolen-key decrypts tls13-ecdhe: no"));
    assert_eq!(lines.last(), Some(&"outcome: completed"));
}

#[test]
fn every_scenario_is_deterministic_per_seed() {
    for name in ScenarioName::ALL {
        let run = |seed| {
            simulate(&Scenario {
                name: *name,
                seed,
                ..Scenario::default()
            })
            .expect("simulates")
        };
        let (a, b, c) = (run(11), run(11), run(12));
        let bytes = |t: &Timeline| t.records().map(|r| r.bytes.clone()).collect::<Vec<_>>();
        assert_eq!(bytes(&a), bytes(&b), "{name:?}");
        assert_eq!(a.nss_keylog(), b.nss_keylog(), "{name:?}");
        assert_eq!(a.pki.server_key_pem, b.pki.server_key_pem, "{name:?}");
        let names = |t: &Timeline| t.steps.iter().map(|s| s.name).collect::<Vec<_>>();
        assert_eq!(names(&a), names(&b), "{name:?}");
        if *name != ScenarioName::Http {
            assert_ne!(bytes(&a), bytes(&c), "{name:?}: another seed, other bytes");
        }
    }
}

#[test]
fn rsa_server_keys_differ_per_seed_and_are_2048_bits() {
    let key = |seed| handshake_lab_core::crypto::lab_rsa_key(seed).expect("keygen");
    let (a, b) = (key(21), key(22));
    assert_eq!(a.bits(), 2048);
    assert_ne!(a.public_pkcs1_der().ok(), b.public_pkcs1_der().ok());
    assert_eq!(a.public_pkcs1_der().ok(), key(21).public_pkcs1_der().ok());
}

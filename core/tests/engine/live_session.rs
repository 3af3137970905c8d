//! The live server session against a real TLS client, in memory: rustls with its
//! default choices (x25519 first, every TLS 1.3 suite it has) logs in to the lab's
//! bank through `live::ServerSession`, byte stream in, byte stream out, and the
//! recorded timeline shows the whole session.

use std::io::{Read, Write};
use std::sync::Arc;

use handshake_lab_core::crypto::{IssuedPki, LabRng, Validity, issue_pki};
use handshake_lab_core::export::trace;
use handshake_lab_core::live::ServerSession;
use handshake_lab_core::sim::clock::{DAY, SESSION_START_UNIX};
use handshake_lab_core::sim::{Outcome, SessionPki};
use handshake_lab_core::tls::{Protection, ServerConfig, Side};
use rustls::crypto::ring as provider;
use rustls::pki_types::{CertificateDer, UnixTime};
use rustls::time_provider::TimeProvider;
use rustls::{ClientConnection, RootCertStore};

#[derive(Debug)]
struct LabClock;

impl TimeProvider for LabClock {
    fn current_time(&self) -> Option<UnixTime> {
        Some(UnixTime::since_unix_epoch(std::time::Duration::from_secs(
            SESSION_START_UNIX,
        )))
    }
}

fn pki() -> IssuedPki {
    let validity = Validity {
        not_before: SESSION_START_UNIX - DAY,
        not_after: SESSION_START_UNIX + 30 * DAY,
    };
    issue_pki(
        &mut LabRng::from_seed(7),
        "Handshake Lab Root CA",
        "bank.example",
        validity,
    )
    .expect("the lab PKI")
}

fn client(
    pki: &IssuedPki,
    groups: Option<Vec<&'static dyn rustls::crypto::SupportedKxGroup>>,
) -> ClientConnection {
    let mut roots = RootCertStore::empty();
    roots
        .add(CertificateDer::from(pki.ca_cert_der.clone()))
        .expect("our root");
    let mut provider = provider::default_provider();
    if let Some(groups) = groups {
        provider.kx_groups = groups;
    }
    let config = rustls::ClientConfig::builder_with_details(Arc::new(provider), Arc::new(LabClock))
        .with_protocol_versions(&[&rustls::version::TLS13])
        .expect("TLS 1.3")
        .with_root_certificates(roots)
        .with_no_client_auth();
    ClientConnection::new(Arc::new(config), "bank.example".try_into().expect("a name"))
        .expect("a client")
}

/// Runs `requests` over one connection; returns the session and what the client read.
fn run(
    pki: &IssuedPki,
    mut client: ClientConnection,
    requests: &[&str],
) -> (ServerSession, String) {
    let server = ServerConfig {
        cert_chain: vec![pki.server_cert_der.clone()],
        key: pki.server_key.clone().into(),
    };
    let mut session = ServerSession::new(server, &mut LabRng::from_seed(99), "bank.example");
    for request in requests {
        client
            .writer()
            .write_all(request.as_bytes())
            .expect("buffered");
    }
    let mut answer = Vec::new();
    let mut clock = 0;
    for _ in 0..32 {
        let mut out = Vec::new();
        while client.wants_write() {
            client.write_tls(&mut out).expect("client writes");
        }
        clock += 1_000;
        // Byte by byte: TCP may cut records anywhere.
        let mut to_client = Vec::new();
        for byte in &out {
            let reaction = session.receive(std::slice::from_ref(byte), clock);
            to_client.extend(reaction.send);
        }
        if to_client.is_empty() && out.is_empty() {
            break;
        }
        let mut reader = to_client.as_slice();
        while !reader.is_empty() {
            client.read_tls(&mut reader).expect("client reads");
            client
                .process_new_packets()
                .expect("rustls accepts what the lab sent");
        }
        let mut chunk = Vec::new();
        let _ = client.reader().read_to_end(&mut chunk);
        answer.extend(chunk);
        if session.is_finished() {
            break;
        }
    }
    (session, String::from_utf8_lossy(&answer).into_owned())
}

fn session_pki(pki: &IssuedPki) -> SessionPki {
    SessionPki {
        ca_cert_der: pki.ca_cert_der.clone(),
        server_cert_der: pki.server_cert_der.clone(),
        server_key_pem: pki.server_key.to_pkcs8_pem(),
    }
}

#[test]
fn a_real_client_logs_in_with_x25519_and_the_timeline_shows_it() {
    let pki = pki();
    let (session, answer) = run(
        &pki,
        client(&pki, None),
        &[
            "GET / HTTP/1.1\r\nHost: bank.example\r\n\r\n",
            "POST /login HTTP/1.1\r\nHost: bank.example\r\nContent-Length: 32\r\nConnection: close\r\n\r\nusername=alice&password=hunter22",
        ],
    );
    assert!(
        answer.contains("<form method=\"post\" action=\"/login\">"),
        "{answer}"
    );
    assert!(answer.contains("Welcome back, alice."), "{answer}");
    assert_eq!(session.requests_answered(), 2);
    assert!(session.is_finished(), "Connection: close ends the session");

    let timeline = session.timeline(SESSION_START_UNIX, session_pki(&pki));
    assert_eq!(timeline.outcome, Outcome::Completed);
    let names: Vec<String> = timeline.steps.iter().map(|s| s.name.to_string()).collect();
    assert_eq!(names.first().map(String::as_str), Some("client_hello"));
    assert!(names.contains(&"server_hello".to_string()), "{names:?}");
    assert!(names.contains(&"client_finished".to_string()), "{names:?}");
    assert!(names.contains(&"http_request_2".to_string()), "{names:?}");
    // The server chose x25519 and knows the whole key schedule.
    let shared = timeline
        .secret(Side::Server, "ecdhe_shared_secret")
        .expect("the shared secret");
    assert_eq!(shared.function, "X25519");
    for name in [
        "handshake_secret",
        "master_secret",
        "client_application_traffic_secret_0",
    ] {
        assert!(timeline.secret(Side::Server, name).is_some(), "{name}");
    }
    // The client's encrypted records show what it encrypted: the password too.
    let login = &timeline.steps[timeline.step_index("http_request_2").expect("the login")];
    let record = &login.records[0];
    assert_eq!(record.protection, Protection::ApplicationKeys);
    let inner = record
        .inner_plaintext
        .as_deref()
        .expect("decrypted by the server");
    assert!(String::from_utf8_lossy(inner).contains("password=hunter22"));
    assert!(
        !record.bytes.windows(8).any(|w| w == b"hunter22"),
        "the wire carries ciphertext only"
    );
    // Every step has annotated wire bytes, and the JSON export works on it.
    assert!(timeline.records().all(|r| !r.fields.is_empty()));
    let json = trace::json(&timeline);
    assert_eq!(json["outcome"], "completed");
}

#[test]
fn a_client_with_only_p256_gets_p256() {
    let pki = pki();
    let (session, answer) = run(
        &pki,
        client(&pki, Some(vec![provider::kx_group::SECP256R1])),
        &["GET / HTTP/1.1\r\nHost: bank.example\r\nConnection: close\r\n\r\n"],
    );
    assert!(answer.starts_with("HTTP/1.1 200 OK"), "{answer}");
    let timeline = session.timeline(SESSION_START_UNIX, session_pki(&pki));
    let shared = timeline
        .secret(Side::Server, "ecdhe_shared_secret")
        .expect("the shared secret");
    assert_eq!(shared.function, "ECDH (P-256)");
}

#[test]
fn garbage_gets_an_alert_and_the_session_ends() {
    let pki = pki();
    let server = ServerConfig {
        cert_chain: vec![pki.server_cert_der.clone()],
        key: pki.server_key.clone().into(),
    };
    let mut session = ServerSession::new(server, &mut LabRng::from_seed(1), "bank.example");
    let reaction = session.receive(b"GET / HTTP/1.1\r\nHost: bank.example\r\n\r\n", 10);
    assert!(reaction.close);
    assert_eq!(
        reaction.send.first(),
        Some(&21),
        "an alert record: {:?}",
        reaction.send
    );
    let timeline = session.timeline(SESSION_START_UNIX, session_pki(&pki));
    assert!(matches!(
        timeline.outcome,
        Outcome::Aborted {
            by: Side::Server,
            ..
        }
    ));
}

#[test]
fn a_client_without_a_usable_share_is_asked_again() {
    // rustls offers secp384r1 first (its share) and secp256r1: the lab's server holds
    // no secp384r1 key, so it sends a HelloRetryRequest for secp256r1.
    let pki = pki();
    let (session, answer) = run(
        &pki,
        client(
            &pki,
            Some(vec![
                provider::kx_group::SECP384R1,
                provider::kx_group::SECP256R1,
            ]),
        ),
        &["GET / HTTP/1.1\r\nHost: bank.example\r\nConnection: close\r\n\r\n"],
    );
    assert!(answer.starts_with("HTTP/1.1 200 OK"), "{answer}");
    let timeline = session.timeline(SESSION_START_UNIX, session_pki(&pki));
    let names: Vec<String> = timeline.steps.iter().map(|s| s.name.to_string()).collect();
    let retry = names
        .iter()
        .position(|n| n == "hello_retry_request")
        .expect("a HelloRetryRequest");
    assert_eq!(names[retry - 1], "client_hello");
    assert!(
        names[retry + 1..].iter().any(|n| n == "client_hello_2"),
        "{names:?}"
    );
    assert_eq!(timeline.outcome, Outcome::Completed);
    let shared = timeline
        .secret(Side::Server, "ecdhe_shared_secret")
        .expect("the shared secret");
    assert_eq!(shared.function, "ECDH (P-256)");
    // The retry's selected_group is annotated by name.
    let record = &timeline.steps[retry].records[0];
    let mut found = false;
    let mut stack: Vec<&handshake_lab_core::wire::Field> = record.fields.iter().collect();
    while let Some(field) = stack.pop() {
        found |= field.name == "selected_group" && field.value == "secp256r1";
        stack.extend(field.children.iter());
    }
    assert!(found, "selected_group = secp256r1 in the annotation");
}

//! End to end: a real TLS 1.3 session (rustls client and server, in memory) exported
//! with `pcapng_bytes` must open in tshark *decrypted, with no settings*: the HTTP
//! login inside is visible only if the embedded key log is found and used.
//!
//! Runs tshark when it is on PATH. Without it the test is skipped locally, and fails
//! under CI (`CI=true`), where `.ci/run` installs tshark.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};

use crate::tshark_support::{require_tshark, tshark};

use handshake_lab_core::export::pcap::{Capture, Segment, pcapng_bytes};
use rustls::crypto::ring as provider;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use rustls::{ClientConfig, ClientConnection, RootCertStore, ServerConfig, ServerConnection};

const SERVER_NAME: &str = "bank.example";
const REQUEST_BODY: &str = "username=alice&password=correct-horse-42&card=4111111111111111";
const RESPONSE_BODY: &str = "Welcome back, alice";
/// Lines appended to the response so that it spans several TCP segments.
const STATEMENT_LINE: &str = "2024-01-31  card payment  -12.50 EUR\n";

/// Collects the secrets rustls derives, as NSS key log lines.
#[derive(Debug, Default)]
struct NssKeyLog(Mutex<String>);

impl rustls::KeyLog for NssKeyLog {
    fn log(&self, label: &str, client_random: &[u8], secret: &[u8]) {
        if let Ok(mut text) = self.0.lock() {
            text.push_str(&format!("{label} {} {}\n", hex(client_random), hex(secret)));
        }
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn request() -> String {
    format!(
        "POST /login HTTP/1.1\r\nHost: {SERVER_NAME}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{REQUEST_BODY}",
        REQUEST_BODY.len()
    )
}

/// About 5 kB, so the server's write is cut into several MSS-sized segments and
/// tshark has to reassemble TLS records across them.
fn response() -> String {
    let body = format!("{RESPONSE_BODY}\n{}", STATEMENT_LINE.repeat(120));
    format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
}

/// Our protocol profile: TLS 1.3, TLS_AES_128_GCM_SHA256, secp256r1.
fn lab_provider() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::CryptoProvider {
        cipher_suites: vec![provider::cipher_suite::TLS13_AES_128_GCM_SHA256],
        kx_groups: vec![provider::kx_group::SECP256R1],
        ..provider::default_provider()
    })
}

/// Runs one HTTPS login in memory and records every write on the wire, in order.
fn tls_session() -> Capture {
    let certified =
        rcgen::generate_simple_self_signed(vec![SERVER_NAME.to_string()]).expect("certificate");
    let cert: CertificateDer<'static> = certified.cert.der().clone();
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(
        certified.signing_key.serialize_der(),
    ));

    let mut roots = RootCertStore::empty();
    roots.add(cert.clone()).expect("trust anchor");
    let keylog = Arc::new(NssKeyLog::default());
    let mut client_config = ClientConfig::builder_with_provider(lab_provider())
        .with_protocol_versions(&[&rustls::version::TLS13])
        .expect("TLS 1.3")
        .with_root_certificates(roots)
        .with_no_client_auth();
    client_config.key_log = keylog.clone();
    let server_config = ServerConfig::builder_with_provider(lab_provider())
        .with_protocol_versions(&[&rustls::version::TLS13])
        .expect("TLS 1.3")
        .with_no_client_auth()
        .with_single_cert(vec![cert], key)
        .expect("server key");

    let mut client = ClientConnection::new(
        Arc::new(client_config),
        SERVER_NAME.try_into().expect("server name"),
    )
    .expect("client");
    let mut server = ServerConnection::new(Arc::new(server_config)).expect("server");

    // Sent once the handshake completes (rustls buffers it until then).
    client
        .writer()
        .write_all(request().as_bytes())
        .expect("request");

    let mut segments = Vec::new();
    let mut clock = 1_700_000_000_000_000u64; // simulated, in microseconds
    let (mut got_request, mut got_response, mut closed) = (Vec::new(), Vec::new(), false);
    for _round in 0..20 {
        // client -> server
        if let Some(wire) = flight(&mut client, &mut server, &mut got_request) {
            clock += 1_500;
            segments.push(Segment {
                from_client: true,
                time_micros: clock,
                payload: wire,
            });
            if got_request.ends_with(REQUEST_BODY.as_bytes()) && got_response.is_empty() {
                server
                    .writer()
                    .write_all(response().as_bytes())
                    .expect("response");
            }
        }
        // server -> client
        if let Some(wire) = flight(&mut server, &mut client, &mut got_response) {
            clock += 2_500;
            segments.push(Segment {
                from_client: false,
                time_micros: clock,
                payload: wire,
            });
        }
        if got_response.ends_with(STATEMENT_LINE.as_bytes()) && !closed {
            client.send_close_notify();
            closed = true;
        } else if closed && !client.wants_write() && !server.wants_write() {
            break;
        }
    }
    assert!(
        got_request == request().as_bytes(),
        "server got the request"
    );
    assert!(
        got_response == response().as_bytes(),
        "client got the response"
    );

    let keylog = keylog.0.lock().expect("key log").clone();
    assert!(keylog.contains("CLIENT_HANDSHAKE_TRAFFIC_SECRET"));
    assert!(keylog.contains("CLIENT_TRAFFIC_SECRET_0"));
    Capture {
        server_port: 443,
        segments,
        keylog,
    }
}

/// Moves everything `from` wants to write to `to`, appends what `to` can read to
/// `plaintext`, and returns the bytes that crossed the wire (None if nothing did).
fn flight<A, B, DA, DB>(from: &mut A, to: &mut B, plaintext: &mut Vec<u8>) -> Option<Vec<u8>>
where
    A: std::ops::DerefMut<Target = rustls::ConnectionCommon<DA>>,
    B: std::ops::DerefMut<Target = rustls::ConnectionCommon<DB>>,
{
    let mut wire = Vec::new();
    while from.wants_write() {
        from.write_tls(&mut wire).expect("write_tls");
    }
    if wire.is_empty() {
        return None;
    }
    let mut rest = wire.as_slice();
    while !rest.is_empty() {
        to.read_tls(&mut rest).expect("read_tls");
        to.process_new_packets().expect("peer accepts the flight");
    }
    // WouldBlock once everything received so far has been read.
    let _ = to.reader().read_to_end(plaintext);
    Some(wire)
}

#[test]
fn tshark_decrypts_the_export_with_no_settings() {
    if !require_tshark() {
        return;
    }

    let capture = tls_session();
    let dir = std::env::temp_dir().join(format!("handshake-lab-pcap-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("session.pcapng");
    std::fs::write(&file, pcapng_bytes(&capture)).expect("write capture");

    // An empty home: no Wireshark profile, no key log file preference, nothing but
    // what is inside the capture.
    let home = dir.join("home");
    std::fs::create_dir_all(&home).expect("empty home");
    let decrypted = tshark(&home, &file, &["-Y", "http", "-V"]);
    // A synthesized stream that looks real: no lost segments, duplicate ACKs,
    // retransmissions or window problems in tshark's TCP analysis.
    let tcp_problems = tshark(&home, &file, &["-Y", "tcp.analysis.flags"]);

    // Control: the same session without the key log must not show the login.
    let without_keys = dir.join("no-keys.pcapng");
    let no_keylog = Capture {
        keylog: String::new(),
        ..capture
    };
    std::fs::write(&without_keys, pcapng_bytes(&no_keylog)).expect("write capture");
    let opaque = tshark(&home, &without_keys, &["-Y", "http", "-V"]);
    let _ = std::fs::remove_dir_all(&dir);

    for expected in [
        "Transport Layer Security",
        "POST /login HTTP/1.1",
        "correct-horse-42",
        "HTTP/1.1 200 OK",
        RESPONSE_BODY,
        "Reassembled TCP Segments",
        "Src Port: 50000, Dst Port: 443",
    ] {
        assert!(
            decrypted.contains(expected),
            "tshark output lacks {expected:?}: the capture did not decrypt.\n{decrypted}"
        );
    }
    assert!(
        tcp_problems.trim().is_empty(),
        "tshark flags TCP problems:\n{tcp_problems}"
    );
    assert!(
        !opaque.contains("correct-horse-42"),
        "without the key log tshark must not read the password:\n{opaque}"
    );
}

#[test]
fn tshark_decrypts_the_hrr_scenario_and_sees_the_retry() {
    use handshake_lab_core::export::capture::capture;
    use handshake_lab_core::sim::{Scenario, ScenarioName, simulate};

    if !require_tshark() {
        return;
    }
    let password = "Retry-Then-Login-77";
    let timeline = simulate(&Scenario {
        password: password.into(),
        ..Scenario::named(ScenarioName::Hrr)
    })
    .expect("hrr simulates");
    let dir = std::env::temp_dir().join(format!("handshake-lab-pcap-hrr-{}", std::process::id()));
    let home = dir.join("home");
    std::fs::create_dir_all(&home).expect("temp dir");
    let file = dir.join("hrr.pcapng");
    std::fs::write(&file, pcapng_bytes(&capture(&timeline))).expect("write capture");

    let decrypted = tshark(&home, &file, &["-Y", "http", "-V"]);
    // Two ClientHellos, and a ServerHello tshark reads as a HelloRetryRequest.
    let hellos = tshark(
        &home,
        &file,
        &[
            "-Y",
            "tls.handshake.type == 1",
            "-T",
            "fields",
            "-e",
            "frame.number",
        ],
    );
    let retry = tshark(&home, &file, &["-Y", "tls.handshake.type == 2", "-V"]);
    let _ = std::fs::remove_dir_all(&dir);

    for expected in ["POST /login HTTP/1.1", password, "HTTP/1.1 200 OK"] {
        assert!(
            decrypted.contains(expected),
            "tshark output lacks {expected:?}: the hrr capture did not decrypt.\n{decrypted}"
        );
    }
    assert_eq!(hellos.lines().count(), 2, "two ClientHellos:\n{hellos}");
    assert!(
        retry.contains("Hello Retry Request"),
        "tshark does not see the HelloRetryRequest:\n{retry}"
    );
}

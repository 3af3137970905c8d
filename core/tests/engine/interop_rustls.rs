//! Interop with a real TLS 1.3 implementation, in memory (no sockets): rustls talks to
//! our `Server` and our `Client` talks to rustls, both restricted to our profile
//! (TLS 1.3, TLS_AES_128_GCM_SHA256, secp256r1).
//!
//! - rustls (webpki) accepting our chain shows our certificates are real ones.
//! - our client accepting rustls's first flight (ServerHello, the middlebox
//!   change_cipher_spec, then EncryptedExtensions..Finished coalesced into one record)
//!   shows our CCS handling and handshake reassembly are real ones.
//! - the failures go both ways with the alert the RFC asks for.

use std::io::{Read, Write};
use std::sync::Arc;

use handshake_lab_core::crypto::{IssuedPki, LabRng, Validity, issue_pki};
use handshake_lab_core::http::{self, LoginForm};
use handshake_lab_core::sim::clock::{DAY, SESSION_START_UNIX};
use handshake_lab_core::tls::{self, Client, Event, Server};
use handshake_lab_core::wire::{AlertDescription, AlertLevel, ContentType, Record};
use rustls::crypto::ring as provider;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer, UnixTime};
use rustls::time_provider::TimeProvider;
use rustls::{ClientConnection, Connection, RootCertStore, ServerConnection};

const SERVER_NAME: &str = "bank.example";
/// Enough rounds for any exchange here; a loop that needs more is stuck.
const MAX_ROUNDS: usize = 16;

/// Our protocol profile for rustls: TLS 1.3 only, one suite, one group.
fn lab_provider() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::CryptoProvider {
        cipher_suites: vec![provider::cipher_suite::TLS13_AES_128_GCM_SHA256],
        kx_groups: vec![provider::kx_group::SECP256R1],
        ..provider::default_provider()
    })
}

/// rustls checks certificate validity at this time: the simulation's clock, not the
/// machine's, so the test means the same thing whenever it runs.
#[derive(Debug)]
struct LabClock;

impl TimeProvider for LabClock {
    fn current_time(&self) -> Option<UnixTime> {
        Some(UnixTime::since_unix_epoch(std::time::Duration::from_secs(
            SESSION_START_UNIX,
        )))
    }
}

/// Our CA and a server certificate for `server_name`, valid around the lab clock.
fn lab_pki(seed: u64, server_name: &str) -> IssuedPki {
    pki_with_root(seed, "Handshake Lab Root CA", server_name)
}

/// A CA named `ca_name` and a server certificate it issued for `server_name`.
fn pki_with_root(seed: u64, ca_name: &str, server_name: &str) -> IssuedPki {
    let validity = Validity {
        not_before: SESSION_START_UNIX - 30 * DAY,
        not_after: SESSION_START_UNIX + 365 * DAY,
    };
    issue_pki(&mut LabRng::from_seed(seed), ca_name, server_name, validity)
        .expect("issue the lab PKI")
}

fn login_form() -> LoginForm {
    LoginForm {
        username: "alice".into(),
        password: "correct-horse-42".into(),
        card_number: "4111 1111 1111 1111".into(),
    }
}

/// A rustls client that trusts `root_der` only.
fn rustls_client(root_der: &[u8]) -> ClientConnection {
    let mut roots = RootCertStore::empty();
    roots
        .add(CertificateDer::from(root_der.to_vec()))
        .expect("rustls accepts our root as a trust anchor");
    let mut config = rustls::ClientConfig::builder_with_details(lab_provider(), Arc::new(LabClock))
        .with_protocol_versions(&[&rustls::version::TLS13])
        .expect("TLS 1.3 with our provider")
        .with_root_certificates(roots)
        .with_no_client_auth();
    config.alpn_protocols = vec![tls::ALPN_HTTP11.to_vec()];
    ClientConnection::new(
        Arc::new(config),
        SERVER_NAME.try_into().expect("server name"),
    )
    .expect("rustls client")
}

/// A rustls server holding our issued certificate and key.
fn rustls_server(issued: &IssuedPki) -> ServerConnection {
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(issued.server_key.to_pkcs8_der()));
    let mut config = rustls::ServerConfig::builder_with_provider(lab_provider())
        .with_protocol_versions(&[&rustls::version::TLS13])
        .expect("TLS 1.3 with our provider")
        .with_no_client_auth()
        .with_single_cert(
            vec![CertificateDer::from(issued.server_cert_der.clone())],
            key,
        )
        .expect("rustls accepts our certificate and PKCS#8 key");
    config.alpn_protocols = vec![tls::ALPN_HTTP11.to_vec()];
    ServerConnection::new(Arc::new(config)).expect("rustls server")
}

/// Our server for `issued`.
fn our_server(issued: &IssuedPki, seed: u64) -> Server {
    let config = tls::ServerConfig {
        cert_chain: vec![issued.server_cert_der.clone()],
        key: issued.server_key.clone().into(),
    };
    Server::new(config, &mut LabRng::from_seed(seed)).0
}

/// Everything rustls wants to write, as it would go on the wire.
fn drain(conn: &mut Connection) -> Vec<u8> {
    let mut wire = Vec::new();
    while conn.wants_write() {
        conn.write_tls(&mut wire).expect("write to a Vec");
    }
    wire
}

/// Splits bytes on the wire into whole records with our own record decoder.
fn split_records(mut wire: &[u8]) -> Vec<Vec<u8>> {
    let mut records = Vec::new();
    while !wire.is_empty() {
        let (_, used) = Record::decode(wire).expect("rustls writes whole, well-formed records");
        records.push(wire[..used].to_vec());
        wire = &wire[used..];
    }
    records
}

/// Hands bytes from our endpoint to rustls and returns the plaintext it decrypted
/// (read as it goes: rustls buffers only so much), or rustls's verdict.
fn feed(conn: &mut Connection, mut wire: &[u8]) -> Result<Vec<u8>, rustls::Error> {
    let mut plaintext = Vec::new();
    while !wire.is_empty() {
        conn.read_tls(&mut wire).expect("read from a slice");
        conn.process_new_packets()?;
        read_plaintext(conn, &mut plaintext);
    }
    Ok(plaintext)
}

/// Appends the plaintext rustls has decrypted so far to `out`.
fn read_plaintext(conn: &mut Connection, out: &mut Vec<u8>) {
    let mut buf = [0u8; 4096];
    loop {
        match conn.reader().read(&mut buf) {
            Ok(0) => break,
            Ok(n) => out.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => break,
            Err(e) => panic!("rustls reader: {e}"),
        }
    }
}

/// The records among `events`, in order.
fn sent(events: &[Event]) -> Vec<Vec<u8>> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::Send(out) => Some(out.record.clone()),
            _ => None,
        })
        .collect()
}

fn failure(events: &[Event]) -> Option<&tls::TlsError> {
    events.iter().find_map(|e| match e {
        Event::Failed(error) => Some(error),
        _ => None,
    })
}

fn alerts_received(events: &[Event]) -> Vec<handshake_lab_core::wire::Alert> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::AlertReceived(alert) => Some(*alert),
            _ => None,
        })
        .collect()
}

/// What one run of rustls-client-vs-our-server produced.
struct ClientSide {
    /// rustls's error, if it stopped with one.
    rustls_error: Option<rustls::Error>,
    /// Every event our server reported.
    server_events: Vec<Event>,
    /// The plaintext the rustls client read.
    response: Vec<u8>,
}

/// rustls client -> our server: the client sends the login as soon as it can; our
/// server's application answers each request with the bank's response.
fn rustls_client_vs_our_server(
    client: ClientConnection,
    server: &mut Server,
    form: &LoginForm,
) -> ClientSide {
    let request = http::login_request(SERVER_NAME, form);
    exchange_with_our_server(client, server, &request, |request| {
        http::login_response(request, form)
    })
}

/// rustls client -> our server: the client writes `request` as soon as it can; our
/// server's application answers each piece of data it receives with `answer`.
fn exchange_with_our_server(
    client: ClientConnection,
    server: &mut Server,
    request: &[u8],
    answer: impl Fn(&[u8]) -> Vec<u8>,
) -> ClientSide {
    let mut client = Connection::from(client);
    client
        .writer()
        .write_all(request)
        .expect("rustls buffers the request until the handshake completes");
    let mut server_events = Vec::new();
    let mut response = Vec::new();
    for _ in 0..MAX_ROUNDS {
        let wire = drain(&mut client);
        if wire.is_empty() {
            break;
        }
        let mut to_client = Vec::new();
        for record in split_records(&wire) {
            let events = server.receive(&record);
            to_client.extend(sent(&events).concat());
            for event in &events {
                if let Event::ApplicationData(request) = event {
                    let out = server
                        .send_application_data(&answer(request))
                        .expect("our server is connected once it has data");
                    to_client.extend(sent(&out).concat());
                }
            }
            server_events.extend(events);
        }
        match feed(&mut client, &to_client) {
            Ok(plaintext) => response.extend(plaintext),
            Err(error) => {
                // rustls queued its fatal alert: put it on the wire too.
                for record in split_records(&drain(&mut client)) {
                    server_events.extend(server.receive(&record));
                }
                return ClientSide {
                    rustls_error: Some(error),
                    server_events,
                    response,
                };
            }
        }
    }
    ClientSide {
        rustls_error: None,
        server_events,
        response,
    }
}

#[test]
fn rustls_client_logs_in_to_our_server() {
    let issued = lab_pki(11, SERVER_NAME);
    let mut server = our_server(&issued, 12);
    let form = login_form();
    let client = rustls_client(&issued.ca_cert_der);
    let result = rustls_client_vs_our_server(client, &mut server, &form);

    assert!(
        result.rustls_error.is_none(),
        "rustls rejected our server: {:?}",
        result.rustls_error
    );
    assert!(
        failure(&result.server_events).is_none(),
        "our server failed: {:?}",
        failure(&result.server_events)
    );
    assert!(
        result
            .server_events
            .iter()
            .any(|e| matches!(e, Event::HandshakeComplete)),
        "our server never saw the rustls client's Finished"
    );
    assert!(server.is_connected());
    assert_eq!(server.requested_name(), Some(SERVER_NAME));

    let received: Vec<u8> = result
        .server_events
        .iter()
        .filter_map(|e| match e {
            Event::ApplicationData(d) => Some(d.clone()),
            _ => None,
        })
        .flatten()
        .collect();
    assert_eq!(received, http::login_request(SERVER_NAME, &form));

    let response = http::parse(&result.response).expect("rustls read a whole HTTP response");
    assert_eq!(response.start_line, "HTTP/1.1 200 OK");
    assert!(
        String::from_utf8_lossy(&response.body).contains("Welcome back, alice"),
        "{:?}",
        String::from_utf8_lossy(&response.body)
    );
}

#[test]
fn our_server_splits_a_long_response_into_records_rustls_accepts() {
    let issued = lab_pki(71, SERVER_NAME);
    let mut server = our_server(&issued, 72);
    let client = rustls_client(&issued.ca_cert_der);
    // More than one record can carry (2^14 bytes of plaintext).
    let statement: Vec<u8> = (0..40_000u32).map(|i| b'a' + (i % 26) as u8).collect();
    let request = http::login_request(SERVER_NAME, &login_form());
    let result = exchange_with_our_server(client, &mut server, &request, |_| statement.clone());

    assert!(
        result.rustls_error.is_none(),
        "rustls rejected our records: {:?}",
        result.rustls_error
    );
    assert_eq!(result.response, statement);
}

#[test]
fn rustls_client_negotiates_our_profile_and_closes_cleanly() {
    let issued = lab_pki(21, SERVER_NAME);
    let mut server = our_server(&issued, 22);
    let form = login_form();
    let mut client = Connection::from(rustls_client(&issued.ca_cert_der));
    // The handshake up to rustls's Finished, which rustls holds until it writes again.
    let mut to_client = Vec::new();
    for record in split_records(&drain(&mut client)) {
        to_client.extend(sent(&server.receive(&record)).concat());
    }
    feed(&mut client, &to_client).expect("rustls accepts our first flight");
    assert!(!client.is_handshaking());
    assert_eq!(
        client.protocol_version(),
        Some(rustls::ProtocolVersion::TLSv1_3)
    );
    assert_eq!(
        client.negotiated_cipher_suite().map(|s| s.suite()),
        Some(rustls::CipherSuite::TLS13_AES_128_GCM_SHA256)
    );
    assert_eq!(
        client.negotiated_key_exchange_group().map(|g| g.name()),
        Some(rustls::NamedGroup::secp256r1)
    );
    assert_eq!(client.alpn_protocol(), Some(tls::ALPN_HTTP11));
    let chain = client.peer_certificates().expect("server certificates");
    assert_eq!(chain.len(), 1);
    assert_eq!(chain[0].as_ref(), issued.server_cert_der.as_slice());

    // Its Finished (behind the middlebox change_cipher_spec), then close_notify.
    client
        .writer()
        .write_all(&http::login_request(SERVER_NAME, &form))
        .expect("request");
    client.send_close_notify();
    let mut events = Vec::new();
    let mut types = Vec::new();
    for record in split_records(&drain(&mut client)) {
        types.push(
            Record::decode(&record)
                .expect("whole record")
                .0
                .content_type,
        );
        events.extend(server.receive(&record));
    }
    assert_eq!(
        types.first(),
        Some(&ContentType::ChangeCipherSpec),
        "{types:?}"
    );
    assert!(failure(&events).is_none(), "{:?}", failure(&events));
    assert!(events.iter().any(|e| matches!(e, Event::HandshakeComplete)));
    assert!(events.iter().any(
        |e| matches!(e, Event::ApplicationData(d) if *d == http::login_request(SERVER_NAME, &form))
    ));
    let close = alerts_received(&events);
    assert_eq!(close.len(), 1);
    assert_eq!(close[0].description, AlertDescription::CloseNotify);
    assert!(server.is_closed());
    // Our server answers close_notify with its own, which rustls takes as a clean end.
    let rest = feed(&mut client, &sent(&events).concat()).expect("rustls reads our close_notify");
    assert!(rest.is_empty(), "nothing but close_notify was sent");
    let mut tail = Vec::new();
    assert_eq!(
        client
            .reader()
            .read_to_end(&mut tail)
            .expect("clean EOF after close_notify"),
        0
    );
}

/// What one run of our-client-vs-rustls-server produced.
struct ServerSide {
    rustls_error: Option<rustls::Error>,
    client_events: Vec<Event>,
    /// Content types of the records rustls wrote, in wire order.
    rustls_records: Vec<ContentType>,
    /// The records our client sent, in wire order.
    records_from_client: Vec<Vec<u8>>,
    /// What the rustls server read.
    request: Vec<u8>,
}

/// Our client -> rustls server: our client sends the login once connected; the rustls
/// server answers each complete request with the bank's response.
fn our_client_vs_rustls_server(
    client: &mut Client,
    first_flight: Vec<Event>,
    server: ServerConnection,
    form: &LoginForm,
) -> ServerSide {
    let mut server = Connection::from(server);
    let mut to_server = sent(&first_flight);
    let mut result = ServerSide {
        rustls_error: None,
        client_events: first_flight,
        rustls_records: Vec::new(),
        records_from_client: to_server.clone(),
        request: Vec::new(),
    };
    let mut request_sent = false;
    let mut answered = false;
    for _ in 0..MAX_ROUNDS {
        match feed(&mut server, &to_server.concat()) {
            Ok(plaintext) => result.request.extend(plaintext),
            Err(error) => {
                result.rustls_error = Some(error);
                break;
            }
        }
        if !answered && http::parse(&result.request).is_ok() {
            answered = true;
            server
                .writer()
                .write_all(&http::login_response(&result.request, form))
                .expect("response");
        }
        let wire = drain(&mut server);
        if wire.is_empty() {
            break;
        }
        to_server.clear();
        for record in split_records(&wire) {
            let (parsed, _) = Record::decode(&record).expect("whole record");
            result.rustls_records.push(parsed.content_type);
            let events = client.receive(&record);
            to_server.extend(sent(&events));
            result.client_events.extend(events);
        }
        if client.is_connected() && !request_sent {
            request_sent = true;
            let events = client
                .send_application_data(&http::login_request(SERVER_NAME, form))
                .expect("connected");
            to_server.extend(sent(&events));
            result.client_events.extend(events);
        }
        result.records_from_client.extend(to_server.iter().cloned());
    }
    result
}

fn our_client(issued: &IssuedPki, server_name: &str, seed: u64) -> (Client, Vec<Event>) {
    let config = tls::ClientConfig {
        server_name: server_name.into(),
        trust: tls::Trust::LabRoot(issued.ca_cert_der.clone()),
        now_unix: SESSION_START_UNIX,
        offer: tls::ClientOffer::Lab,
    };
    Client::start(config, &mut LabRng::from_seed(seed))
}

#[test]
fn our_client_logs_in_to_rustls_server() {
    let issued = lab_pki(31, SERVER_NAME);
    let form = login_form();
    let (mut client, hello) = our_client(&issued, SERVER_NAME, 32);
    let server = rustls_server(&issued);
    let result = our_client_vs_rustls_server(&mut client, hello, server, &form);

    assert!(
        result.rustls_error.is_none(),
        "rustls rejected our client: {:?}",
        result.rustls_error
    );
    assert!(
        failure(&result.client_events).is_none(),
        "our client failed: {:?}",
        failure(&result.client_events)
    );
    assert!(client.is_connected());
    assert_eq!(result.request, http::login_request(SERVER_NAME, &form));

    let data: Vec<u8> = result
        .client_events
        .iter()
        .filter_map(|e| match e {
            Event::ApplicationData(d) => Some(d.clone()),
            _ => None,
        })
        .flatten()
        .collect();
    let response = http::parse(&data).expect("our client decrypted a whole HTTP response");
    assert_eq!(response.start_line, "HTTP/1.1 200 OK");

    // What made this a real test of our record layer: rustls sent the compatibility
    // change_cipher_spec, and put its encrypted flight (EncryptedExtensions,
    // Certificate, CertificateVerify, Finished: four messages) in fewer records.
    let records = &result.rustls_records;
    assert_eq!(
        records.first(),
        Some(&ContentType::Handshake),
        "{records:?}"
    );
    assert_eq!(
        records.get(1),
        Some(&ContentType::ChangeCipherSpec),
        "{records:?}"
    );
    let accepted: Vec<&str> = result
        .client_events
        .iter()
        .filter_map(|e| match e {
            Event::Accepted(m) => Some(m.name()),
            _ => None,
        })
        .collect();
    assert_eq!(
        &accepted[..5],
        [
            "ServerHello",
            "EncryptedExtensions",
            "Certificate",
            "CertificateVerify",
            "Finished"
        ]
    );
}

#[test]
fn our_client_without_a_share_is_asked_again_by_rustls_and_logs_in() {
    // rustls, like the lab's bank, holds secp256r1 only: asked with no share at all,
    // it sends a HelloRetryRequest, checks our second ClientHello against the first
    // and hashes the transcript from message_hash(ClientHello1) as we do.
    let issued = lab_pki(71, SERVER_NAME);
    let form = login_form();
    let config = tls::ClientConfig {
        server_name: SERVER_NAME.into(),
        trust: tls::Trust::LabRoot(issued.ca_cert_der.clone()),
        now_unix: SESSION_START_UNIX,
        offer: tls::ClientOffer::Lab,
    };
    let (mut client, hello) = Client::start_without_share(config, &mut LabRng::from_seed(72));
    let server = rustls_server(&issued);
    let result = our_client_vs_rustls_server(&mut client, hello, server, &form);

    assert!(
        result.rustls_error.is_none(),
        "rustls rejected our client: {:?}",
        result.rustls_error
    );
    assert!(
        failure(&result.client_events).is_none(),
        "our client failed: {:?}",
        failure(&result.client_events)
    );
    assert!(client.is_connected());
    assert_eq!(result.request, http::login_request(SERVER_NAME, &form));
    let accepted: Vec<&str> = result
        .client_events
        .iter()
        .filter_map(|e| match e {
            Event::Accepted(m) => Some(m.name()),
            _ => None,
        })
        .collect();
    assert_eq!(&accepted[..2], ["HelloRetryRequest", "ServerHello"]);
}

#[test]
fn our_client_coalesced_flight_is_reassembled() {
    let issued = lab_pki(41, SERVER_NAME);
    let (mut client, hello) = our_client(&issued, SERVER_NAME, 42);
    let mut server = Connection::from(rustls_server(&issued));
    feed(&mut server, &sent(&hello).concat()).expect("rustls accepts our ClientHello");
    let wire = drain(&mut server);
    let records = split_records(&wire);
    // ServerHello, change_cipher_spec, then the encrypted flight.
    let encrypted = &records[2..];
    assert!(
        encrypted.len() < 4,
        "rustls wrote {} encrypted records for four messages",
        encrypted.len()
    );
    let mut events = Vec::new();
    for record in &records {
        events.extend(client.receive(record));
    }
    assert!(failure(&events).is_none(), "{:?}", failure(&events));
    assert!(client.is_connected());
}

#[test]
fn rustls_client_that_does_not_trust_our_ca_sends_an_alert_our_server_sees() {
    let issued = lab_pki(51, SERVER_NAME);
    // Another root: rustls finds no trust anchor that issued our server certificate.
    let stranger = pki_with_root(52, "Some Other Root CA", SERVER_NAME);
    let mut server = our_server(&issued, 53);
    let client = rustls_client(&stranger.ca_cert_der);
    let result = rustls_client_vs_our_server(client, &mut server, &login_form());

    let error = result.rustls_error.expect("rustls must refuse our chain");
    assert!(
        matches!(
            error,
            rustls::Error::InvalidCertificate(rustls::CertificateError::UnknownIssuer)
        ),
        "{error:?}"
    );
    let alerts = alerts_received(&result.server_events);
    assert_eq!(alerts.len(), 1, "{alerts:?}");
    assert_eq!(alerts[0].level, AlertLevel::Fatal);
    assert_eq!(alerts[0].description, AlertDescription::UnknownCa);
    assert!(server.is_closed());
    assert!(
        !result
            .server_events
            .iter()
            .any(|e| matches!(e, Event::HandshakeComplete | Event::ApplicationData(_)))
    );
}

#[test]
fn our_client_refuses_a_rustls_server_certified_for_another_name() {
    // Our CA, but the certificate names another site than the one the browser visits.
    let issued = lab_pki(61, "evil.example");
    let (mut client, hello) = our_client(&issued, SERVER_NAME, 62);
    let server = rustls_server(&issued);
    let result = our_client_vs_rustls_server(&mut client, hello, server, &login_form());

    let ours = failure(&result.client_events).expect("our client must refuse the name");
    assert_eq!(ours.alert, AlertDescription::BadCertificate, "{ours}");
    assert!(client.is_closed());
    let error = result.rustls_error.expect("rustls must see our alert");
    assert_eq!(
        error,
        rustls::Error::AlertReceived(rustls::AlertDescription::BadCertificate)
    );
    // Nothing of the login left our client.
    assert!(result.request.is_empty());
    assert_eq!(
        result.records_from_client.len(),
        2,
        "ClientHello and the alert"
    );
}

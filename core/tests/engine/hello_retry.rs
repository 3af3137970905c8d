//! The `hrr` scenario and the HelloRetryRequest on both ends (RFC 8446 §4.1.4): the
//! browser starts without a key share, the bank asks again, the second ClientHello is
//! the first with a share, both ends hash the same transcript, and either end refuses a
//! retry that breaks the rules.

use handshake_lab_core::crypto::{
    EcdheKeyPair, IssuedPki, LabRng, Validity, derive_secret, issue_pki, sha256,
};
use handshake_lab_core::sim::clock::SESSION_START_UNIX;
use handshake_lab_core::sim::{Outcome, Scenario, ScenarioName, Timeline, simulate};
use handshake_lab_core::tls::{self, Client, Event, Server, Side};
use handshake_lab_core::wire::handshake::HELLO_RETRY_REQUEST_RANDOM;
use handshake_lab_core::wire::{
    AlertDescription, CipherSuite, ClientHello, ContentType, Extension, HandshakeMessage,
    KeyShareEntry, MessageKind, NamedGroup, ProtocolVersion, Record, ServerHello,
};
use proptest::prelude::*;

const SERVER_NAME: &str = "bank.example";

fn session(seed: u64) -> Timeline {
    simulate(&Scenario {
        seed,
        ..Scenario::named(ScenarioName::Hrr)
    })
    .expect("hrr simulates")
}

/// The handshake message a plaintext record carries.
fn fragment(timeline: &Timeline, step: &str) -> Vec<u8> {
    let index = timeline
        .step_index(step)
        .unwrap_or_else(|| panic!("no step {step}"));
    timeline.steps[index].records[0].bytes[5..].to_vec()
}

fn client_hello(bytes: &[u8]) -> ClientHello {
    match HandshakeMessage::decode(bytes).expect("decodes").0 {
        HandshakeMessage::ClientHello(hello) => hello,
        other => panic!("not a ClientHello: {}", other.name()),
    }
}

fn shares(hello: &ClientHello) -> Vec<KeyShareEntry> {
    hello
        .extensions
        .iter()
        .find_map(|e| match e {
            Extension::KeyShareClient(shares) => Some(shares.clone()),
            _ => None,
        })
        .expect("a key_share extension")
}

#[test]
fn the_browser_is_asked_again_and_the_login_goes_on() {
    let t = session(1);
    let names: Vec<String> = t.steps.iter().map(|s| s.name.to_string()).collect();
    assert_eq!(
        names,
        [
            "client_hello",
            "hello_retry_request",
            "client_hello_2",
            "server_hello",
            "encrypted_extensions",
            "certificate",
            "certificate_verify",
            "server_finished",
            "client_finished",
            "http_request",
            "http_response",
            "client_close_notify",
            "server_close_notify",
        ]
    );
    assert_eq!(t.outcome, Outcome::Completed);
    assert_eq!(t.outcome.line(), "outcome: completed");
    let retry = &t.steps[1];
    assert_eq!(retry.from, Side::Server);
    assert_eq!(retry.records[0].message, MessageKind::HelloRetryRequest);
    assert!(
        retry
            .accepted
            .iter()
            .any(|(side, p)| *side == Side::Client && p.name() == "HelloRetryRequest"),
        "the client accepts the HelloRetryRequest"
    );
    // Each side's key is reported with the hello that carries its public half: the
    // second ClientHello and the ServerHello, not the first hello or the retry.
    let keys = |side: Side| -> Vec<usize> {
        (0..t.steps.len())
            .filter(|i| {
                t.steps[*i]
                    .ephemeral_keys
                    .iter()
                    .any(|(s, _, _)| *s == side)
            })
            .collect()
    };
    assert_eq!(keys(Side::Client), [2]);
    assert_eq!(keys(Side::Server), [3]);
}

#[test]
fn the_second_hello_is_the_first_with_a_share() {
    let t = session(2);
    let first = client_hello(&fragment(&t, "client_hello"));
    let second = client_hello(&fragment(&t, "client_hello_2"));
    assert!(shares(&first).is_empty(), "the first hello offers no share");
    let share = shares(&second);
    assert_eq!(share.len(), 1);
    assert_eq!(share[0].group, NamedGroup::Secp256r1.to_u16());
    let without_share = |hello: &ClientHello| ClientHello {
        extensions: hello
            .extensions
            .iter()
            .filter(|e| !matches!(e, Extension::KeyShareClient(_)))
            .cloned()
            .collect(),
        ..hello.clone()
    };
    assert_eq!(without_share(&first), without_share(&second));
    let Ok((HandshakeMessage::ServerHello(retry), _)) =
        HandshakeMessage::decode(&fragment(&t, "hello_retry_request"))
    else {
        panic!("the HelloRetryRequest is a ServerHello");
    };
    assert_eq!(retry.random, HELLO_RETRY_REQUEST_RANDOM);
    assert!(
        retry
            .extensions
            .contains(&Extension::KeyShareHelloRetryRequest(
                NamedGroup::Secp256r1.to_u16()
            ))
    );
    // The eavesdropper reads which group the server asked for.
    let index = t.step_index("hello_retry_request").expect("the step");
    assert!(
        t.steps[index]
            .eavesdropper
            .iter()
            .any(|o| o.value.to_string().contains("secp256r1")),
        "{:?}",
        t.steps[index].eavesdropper
    );
}

#[test]
fn both_sides_hash_message_hash_of_the_first_hello_and_agree() {
    for seed in 1..=3 {
        let t = session(seed);
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
            assert_eq!(client.output, server.output, "{name} differs");
        }
        // RFC 8446 §4.4.1, computed here from the wire alone: the transcript is
        // message_hash(ClientHello1), HelloRetryRequest, ClientHello2, ServerHello.
        let mut transcript = vec![254, 0, 0, 32];
        transcript.extend_from_slice(&sha256(&fragment(&t, "client_hello")));
        for step in ["hello_retry_request", "client_hello_2", "server_hello"] {
            transcript.extend(fragment(&t, step));
        }
        let hash = sha256(&transcript);
        for side in [Side::Client, Side::Server] {
            let secret = t
                .secret(side, "server_handshake_traffic_secret")
                .expect("the secret");
            assert_eq!(secret.context, hash, "{side:?} hashed another transcript");
            let handshake_secret = t.secret(side, "handshake_secret").expect("the secret");
            assert_eq!(
                derive_secret(&handshake_secret.output, "s hs traffic", &hash).to_vec(),
                secret.output
            );
        }
    }
}

#[test]
fn the_https_browser_is_unchanged_by_the_retry_code() {
    // Same seed, same scenario inputs: `https`'s first ClientHello carries the share
    // `hrr`'s second one does, and both draw key and random in the same order.
    let https = simulate(&Scenario::named(ScenarioName::Https)).expect("https");
    let hrr = session(1);
    let first = client_hello(&fragment(&https, "client_hello"));
    let second = client_hello(&fragment(&hrr, "client_hello_2"));
    assert_eq!(first, second);
}

// --- The ends on their own, fed records by hand ---

fn pki() -> IssuedPki {
    let validity = Validity {
        not_before: SESSION_START_UNIX - 86_400,
        not_after: SESSION_START_UNIX + 30 * 86_400,
    };
    issue_pki(
        &mut LabRng::from_seed(5),
        "Handshake Lab Root CA",
        SERVER_NAME,
        validity,
    )
    .expect("the lab PKI")
}

fn client_config(pki: &IssuedPki) -> tls::ClientConfig {
    tls::ClientConfig {
        server_name: SERVER_NAME.into(),
        trust: tls::Trust::LabRoot(pki.ca_cert_der.clone()),
        now_unix: SESSION_START_UNIX,
        offer: tls::ClientOffer::Lab,
    }
}

fn server(pki: &IssuedPki) -> Server {
    let config = tls::ServerConfig {
        cert_chain: vec![pki.server_cert_der.clone()],
        key: pki.server_key.clone().into(),
    };
    Server::new(config, &mut LabRng::from_seed(9)).0
}

fn sent(events: &[Event]) -> Vec<Vec<u8>> {
    events
        .iter()
        .filter_map(|e| match e {
            Event::Send(out) => Some(out.record.clone()),
            _ => None,
        })
        .collect()
}

fn failure(events: &[Event]) -> Option<AlertDescription> {
    events.iter().find_map(|e| match e {
        Event::Failed(error) => Some(error.alert),
        _ => None,
    })
}

fn handshake_record(message: HandshakeMessage) -> Vec<u8> {
    Record::new(ContentType::Handshake, message.encode()).encode()
}

/// The lab browser's first ClientHello without a share, and the server after it
/// answered with a HelloRetryRequest.
fn asked_again(pki: &IssuedPki) -> (ClientHello, Server) {
    let (_, events) = Client::start_without_share(client_config(pki), &mut LabRng::from_seed(3));
    let first = sent(&events).remove(0);
    let mut server = server(pki);
    let answer = server.receive(&first);
    assert_eq!(failure(&answer), None);
    let records = sent(&answer);
    assert_eq!(records.len(), 1, "only the HelloRetryRequest");
    assert_eq!(
        MessageKind::of(ContentType::Handshake, &records[0][5..]),
        MessageKind::HelloRetryRequest
    );
    (client_hello(&first[5..]), server)
}

fn with_share(hello: &ClientHello) -> ClientHello {
    let key = EcdheKeyPair::generate(&mut LabRng::from_seed(4));
    let mut hello = hello.clone();
    for extension in &mut hello.extensions {
        if let Extension::KeyShareClient(shares) = extension {
            *shares = vec![KeyShareEntry {
                group: NamedGroup::Secp256r1.to_u16(),
                key_exchange: key.public_bytes().to_vec(),
            }];
        }
    }
    hello
}

#[test]
fn the_server_goes_on_when_only_the_share_changed() {
    let pki = pki();
    let (first, mut server) = asked_again(&pki);
    let events = server.receive(&handshake_record(HandshakeMessage::ClientHello(
        with_share(&first),
    )));
    assert_eq!(failure(&events), None);
    assert_eq!(
        sent(&events).len(),
        5,
        "ServerHello and the encrypted flight"
    );
}

/// One change to the second ClientHello besides its share.
#[derive(Debug, Clone)]
enum Change {
    RandomByte(usize, u8),
    SessionId(Vec<u8>),
    AddSuite(u16),
    ServerName(String),
    DropExtension(usize),
    AddUnknownExtension(u16, Vec<u8>),
    Groups(Vec<u16>),
    LegacyVersion(u16),
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        (0usize..32, 1u8..=255).prop_map(|(i, x)| Change::RandomByte(i, x)),
        proptest::collection::vec(any::<u8>(), 1..32).prop_map(Change::SessionId),
        (0x1302u16..0x1306).prop_map(Change::AddSuite),
        "[a-z]{1,10}\\.example".prop_map(Change::ServerName),
        (0usize..6).prop_map(Change::DropExtension),
        (
            0x5000u16..0x6000,
            proptest::collection::vec(any::<u8>(), 0..8)
        )
            .prop_map(|(t, d)| Change::AddUnknownExtension(t, d)),
        proptest::collection::vec(
            prop_oneof![Just(0x001du16), Just(0x0018), Just(0x0017)],
            2..4
        )
        .prop_map(Change::Groups),
        prop_oneof![Just(0x0301u16), Just(0x0302), Just(0x0304)].prop_map(Change::LegacyVersion),
    ]
}

fn apply(change: &Change, hello: &mut ClientHello) -> bool {
    let before = hello.clone();
    match change {
        Change::RandomByte(i, x) => hello.random[*i] ^= x,
        Change::SessionId(id) => hello.legacy_session_id = id.clone(),
        Change::AddSuite(suite) => hello.cipher_suites.push(*suite),
        Change::ServerName(name) => {
            for extension in &mut hello.extensions {
                if let Extension::ServerName(Some(n)) = extension {
                    *n = name.clone();
                }
            }
        }
        Change::DropExtension(i) => {
            // The share is the one thing a retry changes: drop anything else.
            let others: Vec<usize> = (0..hello.extensions.len())
                .filter(|j| !matches!(hello.extensions[*j], Extension::KeyShareClient(_)))
                .collect();
            hello.extensions.remove(others[i % others.len()]);
        }
        Change::AddUnknownExtension(typ, data) => hello.extensions.push(Extension::Unknown {
            typ: *typ,
            data: data.clone(),
        }),
        Change::Groups(groups) => {
            for extension in &mut hello.extensions {
                if let Extension::SupportedGroups(g) = extension {
                    *g = groups.clone();
                }
            }
        }
        Change::LegacyVersion(v) => hello.legacy_version = *v,
    }
    *hello != before
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        // Fixed: the same cases on every machine (see wire::proptests).
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x5eed_0003),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn a_second_hello_that_changes_more_than_the_share_is_illegal(change in change()) {
        let pki = pki();
        let (first, mut server) = asked_again(&pki);
        let mut second = with_share(&first);
        prop_assume!(apply(&change, &mut second));
        let events = server.receive(&handshake_record(HandshakeMessage::ClientHello(second)));
        prop_assert_eq!(failure(&events), Some(AlertDescription::IllegalParameter));
        prop_assert!(server.is_closed());
    }
}

// --- The client's checks of a HelloRetryRequest (RFC 8446 §4.1.4, §4.2.8) ---

fn retry_request(extensions: Vec<Extension>) -> ServerHello {
    ServerHello {
        legacy_version: ProtocolVersion::Tls12.to_u16(),
        random: HELLO_RETRY_REQUEST_RANDOM,
        legacy_session_id_echo: Vec::new(),
        cipher_suite: CipherSuite::TlsAes128GcmSha256.to_u16(),
        legacy_compression_method: 0,
        extensions,
    }
}

fn asking_for(group: NamedGroup) -> ServerHello {
    retry_request(vec![
        Extension::SupportedVersionsServer(ProtocolVersion::Tls13.to_u16()),
        Extension::KeyShareHelloRetryRequest(group.to_u16()),
    ])
}

/// What a client (with or without a first share) does with `retry`.
fn client_answer(with_share: bool, retry: ServerHello) -> (Client, Vec<Event>) {
    let pki = pki();
    let mut rng = LabRng::from_seed(6);
    let (mut client, _) = if with_share {
        Client::start(client_config(&pki), &mut rng)
    } else {
        Client::start_without_share(client_config(&pki), &mut rng)
    };
    let events = client.receive(&handshake_record(HandshakeMessage::ServerHello(retry)));
    (client, events)
}

#[test]
fn the_client_answers_a_good_retry_with_its_share() {
    let (client, events) = client_answer(false, asking_for(NamedGroup::Secp256r1));
    assert_eq!(failure(&events), None);
    assert!(!client.is_closed());
    let records = sent(&events);
    assert_eq!(records.len(), 1);
    let second = client_hello(&records[0][5..]);
    assert_eq!(shares(&second).len(), 1);
}

#[test]
fn the_client_refuses_a_retry_that_breaks_the_rules() {
    let cases = [
        (
            "a group the client does not support",
            false,
            asking_for(NamedGroup::from_u16(0x001d)),
            AlertDescription::IllegalParameter,
        ),
        (
            "a group the client already sent a share for",
            true,
            asking_for(NamedGroup::Secp256r1),
            AlertDescription::IllegalParameter,
        ),
        (
            "nothing that would change the ClientHello",
            false,
            retry_request(vec![Extension::SupportedVersionsServer(
                ProtocolVersion::Tls13.to_u16(),
            )]),
            AlertDescription::IllegalParameter,
        ),
        (
            "no TLS 1.3",
            false,
            retry_request(vec![Extension::KeyShareHelloRetryRequest(
                NamedGroup::Secp256r1.to_u16(),
            )]),
            AlertDescription::IllegalParameter,
        ),
        (
            "a suite the client did not offer",
            false,
            ServerHello {
                cipher_suite: CipherSuite::TlsAes256GcmSha384.to_u16(),
                ..asking_for(NamedGroup::Secp256r1)
            },
            AlertDescription::IllegalParameter,
        ),
    ];
    for (why, share, retry, alert) in cases {
        let (client, events) = client_answer(share, retry);
        assert_eq!(failure(&events), Some(alert), "{why}");
        assert!(client.is_closed(), "{why}");
    }
}

#[test]
fn a_second_retry_is_an_unexpected_message() {
    let (mut client, events) = client_answer(false, asking_for(NamedGroup::Secp256r1));
    assert_eq!(failure(&events), None);
    let events = client.receive(&handshake_record(HandshakeMessage::ServerHello(
        asking_for(NamedGroup::Secp256r1),
    )));
    assert_eq!(failure(&events), Some(AlertDescription::UnexpectedMessage));
}

#[test]
fn a_server_hello_answering_no_share_is_illegal() {
    // The browser sent no share; a ServerHello with one answers nothing it sent.
    let key = EcdheKeyPair::generate(&mut LabRng::from_seed(8));
    let hello = ServerHello {
        random: [7; 32],
        extensions: vec![
            Extension::SupportedVersionsServer(ProtocolVersion::Tls13.to_u16()),
            Extension::KeyShareServer(KeyShareEntry {
                group: NamedGroup::Secp256r1.to_u16(),
                key_exchange: key.public_bytes().to_vec(),
            }),
        ],
        ..asking_for(NamedGroup::Secp256r1)
    };
    let (_, events) = client_answer(false, hello);
    assert_eq!(failure(&events), Some(AlertDescription::IllegalParameter));
}

//! Real ClientHellos, mutated, against the live server session: whatever a client
//! sends, the server neither panics nor hangs, and what it sends back is well-formed
//! TLS (a plaintext alert, or a ServerHello and its flight, then an alert).
//!
//! The fixtures in `fixtures/client_hellos/` are what curl, `openssl s_client`,
//! Python's ssl and rustls sent to `serve` on loopback (see the folder's README).

use std::sync::OnceLock;

use handshake_lab_core::crypto::{IssuedPki, LabRng, Validity, issue_pki};
use handshake_lab_core::export::trace;
use handshake_lab_core::live::ServerSession;
use handshake_lab_core::sim::SessionPki;
use handshake_lab_core::sim::clock::SESSION_START_UNIX;
use handshake_lab_core::tls::ServerConfig;
use handshake_lab_core::wire::{Alert, HandshakeMessage, MAX_CIPHERTEXT};
use proptest::prelude::*;

const FIXTURES: &[(&str, &str)] = &[
    ("curl", include_str!("../fixtures/client_hellos/curl.hex")),
    (
        "openssl",
        include_str!("../fixtures/client_hellos/openssl.hex"),
    ),
    (
        "openssl-ffdhe2048-p256",
        include_str!("../fixtures/client_hellos/openssl-ffdhe2048-p256.hex"),
    ),
    (
        "python-ssl",
        include_str!("../fixtures/client_hellos/python-ssl.hex"),
    ),
    (
        "rustls",
        include_str!("../fixtures/client_hellos/rustls.hex"),
    ),
    (
        "chromium",
        include_str!("../fixtures/client_hellos/chromium.hex"),
    ),
];

/// The fixture that offers only a share the lab lacks (ffdhe2048) first.
const RETRY_FIXTURE: &str = "openssl-ffdhe2048-p256";

fn hex(text: &str) -> Vec<u8> {
    let text = text.trim();
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).expect("fixture hex"))
        .collect()
}

fn fixture(index: usize) -> (&'static str, Vec<u8>) {
    let (name, text) = FIXTURES[index % FIXTURES.len()];
    (name, hex(text))
}

fn pki() -> &'static IssuedPki {
    static PKI: OnceLock<IssuedPki> = OnceLock::new();
    PKI.get_or_init(|| {
        issue_pki(
            &mut LabRng::from_seed(11),
            "Handshake Lab Root CA",
            "bank.example",
            Validity {
                not_before: SESSION_START_UNIX - 86_400,
                not_after: SESSION_START_UNIX + 30 * 86_400,
            },
        )
        .expect("the lab PKI")
    })
}

fn session(seed: u64) -> ServerSession {
    let pki = pki();
    let config = ServerConfig {
        cert_chain: vec![pki.server_cert_der.clone()],
        key: pki.server_key.clone().into(),
    };
    ServerSession::new(config, &mut LabRng::from_seed(seed), "bank.example")
}

// ---------------------------------------------------------------------------------
// The ClientHello's layout, enough to mutate it by structure.

/// A hello record cut at its length fields: everything before the extension block,
/// and the extensions as (type, data).
#[derive(Clone, Debug)]
struct Layout {
    /// Record header, handshake header and the body up to the extension block.
    head: Vec<u8>,
    extensions: Vec<(u16, Vec<u8>)>,
    /// Bytes after the extension block (none in a well-formed hello).
    tail: Vec<u8>,
}

fn u16_at(bytes: &[u8], at: usize) -> Option<usize> {
    Some(usize::from(u16::from_be_bytes([
        *bytes.get(at)?,
        *bytes.get(at + 1)?,
    ])))
}

impl Layout {
    fn parse(record: &[u8]) -> Option<Layout> {
        // Record header (5), handshake header (4), legacy_version (2), random (32).
        let mut at = 5 + 4 + 2 + 32;
        at += 1 + usize::from(*record.get(at)?);
        at += 2 + u16_at(record, at)?;
        at += 1 + usize::from(*record.get(at)?);
        let block = u16_at(record, at)?;
        let head = record.get(..at)?.to_vec();
        let mut extensions = Vec::new();
        let mut cursor = at + 2;
        let end = cursor + block;
        while cursor < end {
            let typ = u16_at(record, cursor)?;
            let len = u16_at(record, cursor + 2)?;
            let data = record.get(cursor + 4..cursor + 4 + len)?.to_vec();
            extensions.push((u16::try_from(typ).ok()?, data));
            cursor += 4 + len;
        }
        let tail = record.get(end..)?.to_vec();
        Some(Layout {
            head,
            extensions,
            tail,
        })
    }

    /// The record again, every length (record, handshake, extension block) made to fit.
    fn encode(&self) -> Vec<u8> {
        let mut block = Vec::new();
        for (typ, data) in &self.extensions {
            block.extend_from_slice(&typ.to_be_bytes());
            block.extend_from_slice(&(data.len() as u16).to_be_bytes());
            block.extend_from_slice(data);
        }
        let mut out = self.head.clone();
        out.extend_from_slice(&(block.len() as u16).to_be_bytes());
        out.extend_from_slice(&block);
        out.extend_from_slice(&self.tail);
        let record_len = out.len() - 5;
        out[3..5].copy_from_slice(&(record_len as u16).to_be_bytes());
        let body_len = (record_len - 4) as u32;
        out[6..9].copy_from_slice(&body_len.to_be_bytes()[1..]);
        out
    }
}

#[derive(Clone, Debug)]
enum Mutation {
    /// XOR a byte anywhere.
    Flip { at: usize, mask: u8 },
    /// Keep only a prefix.
    Truncate { keep: usize },
    /// Bytes after the record (a second, broken record).
    Extend { bytes: Vec<u8> },
    /// One extension twice (lengths fixed).
    Duplicate { index: usize },
    /// One extension left out (lengths fixed).
    Drop { index: usize },
    /// Two extensions swapped (lengths fixed).
    Swap { a: usize, b: usize },
    /// An extension's body replaced (lengths fixed).
    Rewrite { index: usize, data: Vec<u8> },
    /// A new extension of any type (lengths fixed).
    Insert {
        index: usize,
        typ: u16,
        data: Vec<u8>,
    },
    /// A length field off by `delta`: 0 record, 1 handshake, 2 extension block,
    /// 3+ the length of extension `which - 3`.
    Length { which: usize, delta: i16 },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => (any::<usize>(), 1..=255u8).prop_map(|(at, mask)| Mutation::Flip { at, mask }),
        1 => any::<usize>().prop_map(|keep| Mutation::Truncate { keep }),
        1 => prop::collection::vec(any::<u8>(), 1..40).prop_map(|bytes| Mutation::Extend { bytes }),
        1 => any::<usize>().prop_map(|index| Mutation::Duplicate { index }),
        2 => any::<usize>().prop_map(|index| Mutation::Drop { index }),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::Swap { a, b }),
        1 => (any::<usize>(), prop::collection::vec(any::<u8>(), 0..24))
            .prop_map(|(index, data)| Mutation::Rewrite { index, data }),
        1 => (any::<usize>(), any::<u16>(), prop::collection::vec(any::<u8>(), 0..24))
            .prop_map(|(index, typ, data)| Mutation::Insert { index, typ, data }),
        2 => (0..12usize, prop_oneof![-3..=3i16, any::<i16>()])
            .prop_map(|(which, delta)| Mutation::Length { which, delta }),
    ]
}

fn apply(record: &mut Vec<u8>, mutation: &Mutation) {
    if record.is_empty() {
        return;
    }
    let len = record.len();
    match mutation {
        Mutation::Flip { at, mask } => record[at % len] ^= mask,
        Mutation::Truncate { keep } => record.truncate(keep % len),
        Mutation::Extend { bytes } => record.extend_from_slice(bytes),
        Mutation::Length { which, delta } => {
            let at = match which {
                0 => Some(3),
                1 => Some(7), // the low two bytes of the 3-byte handshake length
                2 => Layout::parse(record).map(|l| l.head.len()),
                n => Layout::parse(record).and_then(|l| {
                    let i = (n - 3) % l.extensions.len().max(1);
                    let before: usize = l.extensions[..i.min(l.extensions.len())]
                        .iter()
                        .map(|(_, d)| 4 + d.len())
                        .sum();
                    Some(l.head.len() + 2 + before + 2).filter(|_| !l.extensions.is_empty())
                }),
            };
            if let Some(at) = at.filter(|at| at + 1 < len) {
                let value = u16::from_be_bytes([record[at], record[at + 1]]);
                let value = value.wrapping_add_signed(*delta);
                record[at..at + 2].copy_from_slice(&value.to_be_bytes());
            }
        }
        structural => {
            let Some(mut layout) = Layout::parse(record) else {
                return;
            };
            let n = layout.extensions.len();
            match structural {
                Mutation::Duplicate { index } if n > 0 => {
                    let copy = layout.extensions[index % n].clone();
                    layout.extensions.insert(index % n, copy);
                }
                Mutation::Drop { index } if n > 0 => {
                    layout.extensions.remove(index % n);
                }
                Mutation::Swap { a, b } if n > 0 => layout.extensions.swap(a % n, b % n),
                Mutation::Rewrite { index, data } if n > 0 => {
                    layout.extensions[index % n].1 = data.clone();
                }
                Mutation::Insert { index, typ, data } => {
                    layout
                        .extensions
                        .insert(index % (n + 1), (*typ, data.clone()));
                }
                _ => return,
            }
            *record = layout.encode();
        }
    }
}

// ---------------------------------------------------------------------------------
// What the server sent.

/// What a server's output was, record by record; panics (fails the test) on any
/// record that is not well-formed TLS from a TLS 1.3 server.
#[derive(Debug, PartialEq, Eq)]
enum Answer {
    /// A plaintext alert, first and only.
    Alert(Alert),
    /// A ServerHello (`retry`: a HelloRetryRequest), then `records` more.
    Hello { retry: bool, records: usize },
}

fn check_output(bytes: &[u8]) -> Answer {
    let mut records = Vec::new();
    let mut rest = bytes;
    while !rest.is_empty() {
        assert!(rest.len() >= 5, "a cut record header: {rest:02x?}");
        let length = usize::from(u16::from_be_bytes([rest[3], rest[4]]));
        assert!(
            [20, 21, 22, 23].contains(&rest[0]),
            "content type {}",
            rest[0]
        );
        assert_eq!(rest[1..3], [3, 3], "legacy_record_version");
        assert!(length <= MAX_CIPHERTEXT && length > 0, "length {length}");
        assert!(rest.len() >= 5 + length, "a cut record");
        records.push((rest[0], &rest[5..5 + length]));
        rest = &rest[5 + length..];
    }
    let Some(&(first_type, first)) = records.first() else {
        panic!("the server closed without a word");
    };
    match first_type {
        21 => {
            assert_eq!(records.len(), 1, "nothing follows a plaintext alert");
            Answer::Alert(Alert::decode(first).expect("a well-formed alert"))
        }
        22 => {
            let (message, used) = HandshakeMessage::decode(first).expect("a ServerHello");
            assert_eq!(used, first.len(), "one message in the first record");
            let HandshakeMessage::ServerHello(hello) = message else {
                panic!("the first handshake message is {}", message.name());
            };
            let retry = hello.is_hello_retry_request();
            for &(content_type, body) in &records[1..] {
                match content_type {
                    20 => assert_eq!(body, [1], "change_cipher_spec"),
                    // After a ServerHello everything is encrypted, alerts too.
                    23 if !retry => {}
                    // A HelloRetryRequest sets no keys: an alert after it is plain.
                    21 if retry => {
                        Alert::decode(body).expect("a well-formed alert");
                    }
                    other => panic!("content type {other} after the ServerHello (retry: {retry})"),
                }
            }
            Answer::Hello {
                retry,
                records: records.len() - 1,
            }
        }
        other => panic!("the server's first record has content type {other}"),
    }
}

/// Feeds `bytes` in pieces cut at `cuts`, then ends the input; returns everything
/// the server sent.
fn converse(seed: u64, bytes: &[u8], cuts: &[usize]) -> (ServerSession, Vec<u8>) {
    let mut session = session(seed);
    let mut sent = Vec::new();
    let mut points: Vec<usize> = cuts.iter().map(|c| c % (bytes.len() + 1)).collect();
    points.push(bytes.len());
    points.sort_unstable();
    let mut from = 0;
    let mut clock = 0;
    for point in points {
        clock += 100;
        let reaction = session.receive(&bytes[from..point], clock);
        sent.extend(reaction.send);
        from = point;
        if reaction.close {
            assert!(session.is_finished());
        }
    }
    let reaction = session.end_of_input(clock + 100);
    sent.extend(reaction.send);
    assert!(reaction.close, "the end of input closes the session");
    assert!(session.is_finished());
    (session, sent)
}

fn session_pki() -> SessionPki {
    let pki = pki();
    SessionPki {
        ca_cert_der: pki.ca_cert_der.clone(),
        server_cert_der: pki.server_cert_der.clone(),
        server_key_pem: pki.server_key.to_pkcs8_pem(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 320,
        // Fixed: the same cases on every machine (see wire::proptests).
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x5eed_0002),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn mutated_client_hellos_get_well_formed_answers(
        which in 0..FIXTURES.len(),
        mutations in prop::collection::vec(mutation(), 0..4),
        cuts in prop::collection::vec(any::<usize>(), 0..6),
        seed in any::<u64>(),
    ) {
        let (name, mut record) = fixture(which);
        for mutation in &mutations {
            apply(&mut record, mutation);
        }
        let (session, sent) = converse(seed, &record, &cuts);
        let answer = check_output(&sent);
        if mutations.is_empty() {
            prop_assert!(
                matches!(answer, Answer::Hello { retry, .. } if retry == (name == RETRY_FIXTURE)),
                "{name} unmutated: {answer:?}"
            );
        }
        // The recording of it builds, as serve would write it.
        let timeline = session.timeline(SESSION_START_UNIX, session_pki());
        prop_assert!(!timeline.steps.is_empty() || record.is_empty());
        let json = trace::json(&timeline);
        prop_assert!(json["outcome"].is_string());
    }
}

#[test]
fn every_unmutated_fixture_gets_the_servers_first_flight() {
    for (index, (name, _)) in FIXTURES.iter().enumerate() {
        let (_, record) = fixture(index);
        let mut session = session(5);
        let reaction = session.receive(&record, 1_000);
        assert!(!reaction.close, "{name}: the server waits for the client");
        let timeline = session.timeline(SESSION_START_UNIX, session_pki());
        let names: Vec<String> = timeline.steps.iter().map(|s| s.name.to_string()).collect();
        if *name == RETRY_FIXTURE {
            assert_eq!(
                check_output(&reaction.send),
                Answer::Hello {
                    retry: true,
                    records: 0
                },
                "{name}"
            );
            assert_eq!(names, ["client_hello", "hello_retry_request"], "{name}");
        } else {
            assert!(
                matches!(
                    check_output(&reaction.send),
                    Answer::Hello { retry: false, .. }
                ),
                "{name}"
            );
            assert_eq!(names.first().map(String::as_str), Some("client_hello"));
            assert_eq!(names.get(1).map(String::as_str), Some("server_hello"));
            assert_eq!(
                names.last().map(String::as_str),
                Some("server_finished"),
                "{name}: {names:?}"
            );
        }
        assert!(timeline.steps.iter().all(|s| s.failure.is_none()), "{name}");
    }
}

#[test]
fn the_layout_reads_and_rewrites_every_fixture_unchanged() {
    for index in 0..FIXTURES.len() {
        let (name, record) = fixture(index);
        let layout = Layout::parse(&record).expect(name);
        assert!(layout.tail.is_empty(), "{name}");
        assert!(layout.extensions.len() >= 5, "{name}");
        assert_eq!(layout.encode(), record, "{name}");
    }
}

/// A hello that offers a pre-shared key (RFC 8446 §4.2.11: the last extension, one
/// identity and its binder) gets a full handshake: the lab issues no tickets, so it
/// never knows a PSK, and its ServerHello carries no pre_shared_key.
#[test]
fn a_hello_offering_a_psk_gets_a_full_handshake() {
    let (_, bytes) = fixture(0);
    let mut layout = Layout::parse(&bytes).expect("the curl hello");
    let mut psk = vec![0x00, 0x0a, 0x00, 0x04, 1, 2, 3, 4, 0, 0, 0, 0];
    psk.extend([0x00, 0x21, 0x20]);
    psk.extend([0x5a; 32]);
    layout.extensions.push((41, psk));
    let record = layout.encode();
    let mut session = session(5);
    let reaction = session.receive(&record, 1);
    assert!(!reaction.close, "the handshake goes on");
    assert_eq!(reaction.send.first(), Some(&22), "a handshake record");
    assert_eq!(reaction.send.get(5), Some(&2), "a ServerHello");
    let server_hello_len = usize::from(u16::from_be_bytes([reaction.send[3], reaction.send[4]]));
    let server_hello = &reaction.send[5..5 + server_hello_len];
    let (message, _) = HandshakeMessage::decode(server_hello).expect("a ServerHello");
    let HandshakeMessage::ServerHello(hello) = message else {
        panic!("not a ServerHello");
    };
    assert!(
        hello
            .extensions
            .iter()
            .all(|e| e.ext_type() != handshake_lab_core::wire::ExtensionType::PreSharedKey),
        "no PSK chosen"
    );
}

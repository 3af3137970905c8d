//! Unit tests of `handshake` (kept beside it, rustls style).

use super::*;
use crate::wire::alert::AlertDescription;
use crate::wire::annotate::check_tiling;
use crate::wire::codes::NamedGroup;
use crate::wire::record::{ContentType, Record, annotate_inner_plaintext, encode_inner_plaintext};

#[test]
fn handshake_types_keep_their_numbers_and_names() {
    for v in 0..=255u8 {
        let t = HandshakeType::from_u8(v);
        assert_eq!(t.to_u8(), v);
        assert_eq!(t.rfc_name().is_some(), HandshakeType::ALL.contains(&t));
    }
    let named = [
        (1, "client_hello", "ClientHello"),
        (2, "server_hello", "ServerHello"),
        (4, "new_session_ticket", "NewSessionTicket"),
        (5, "end_of_early_data", "EndOfEarlyData"),
        (8, "encrypted_extensions", "EncryptedExtensions"),
        (11, "certificate", "Certificate"),
        (12, "server_key_exchange", "ServerKeyExchange"),
        (13, "certificate_request", "CertificateRequest"),
        (14, "server_hello_done", "ServerHelloDone"),
        (15, "certificate_verify", "CertificateVerify"),
        (16, "client_key_exchange", "ClientKeyExchange"),
        (20, "finished", "Finished"),
        (24, "key_update", "KeyUpdate"),
        (254, "message_hash", "MessageHash"),
        (99, "unknown", "UnknownHandshakeMessage"),
    ];
    for (v, name, message) in named {
        let t = HandshakeType::from_u8(v);
        assert_eq!((t.name(), t.message_name()), (name, message), "{v}");
    }
    assert_eq!(HandshakeType::from_u8(5), HandshakeType::Unknown(5));
    assert_eq!(
        HandshakeType::from_u8(254).purpose(),
        HandshakeType::Unknown(9).purpose()
    );
    assert_eq!(
        HandshakeType::Finished.purpose(),
        Text::message("wire-msg-finished")
    );
}

fn point(seed: u8) -> Vec<u8> {
    let mut p = vec![4u8];
    p.extend((0..64).map(|i| seed.wrapping_add(i)));
    p
}

pub(crate) fn client_hello() -> HandshakeMessage {
    HandshakeMessage::ClientHello(ClientHello {
        legacy_version: ProtocolVersion::Tls12.to_u16(),
        random: [7; 32],
        legacy_session_id: vec![9; 32],
        cipher_suites: vec![
            CipherSuite::TlsAes128GcmSha256.to_u16(),
            CipherSuite::TlsAes256GcmSha384.to_u16(),
            0x1a1a, // GREASE
        ],
        legacy_compression_methods: vec![0],
        extensions: vec![
            Extension::ServerName(Some("bank.example".into())),
            Extension::SupportedVersionsClient(vec![ProtocolVersion::Tls13.to_u16()]),
            Extension::SupportedGroups(vec![NamedGroup::Secp256r1.to_u16()]),
            Extension::SignatureAlgorithms(vec![SignatureScheme::EcdsaSecp256r1Sha256.to_u16()]),
            Extension::KeyShareClient(vec![KeyShareEntry {
                group: NamedGroup::Secp256r1.to_u16(),
                key_exchange: point(1),
            }]),
            Extension::Alpn(vec![b"http/1.1".to_vec()]),
        ],
    })
}

pub(crate) fn server_hello() -> HandshakeMessage {
    HandshakeMessage::ServerHello(ServerHello {
        legacy_version: ProtocolVersion::Tls12.to_u16(),
        random: [3; 32],
        legacy_session_id_echo: vec![9; 32],
        cipher_suite: CipherSuite::TlsAes128GcmSha256.to_u16(),
        legacy_compression_method: 0,
        extensions: vec![
            Extension::SupportedVersionsServer(ProtocolVersion::Tls13.to_u16()),
            Extension::KeyShareServer(KeyShareEntry {
                group: NamedGroup::Secp256r1.to_u16(),
                key_exchange: point(2),
            }),
        ],
    })
}

pub(crate) fn all_messages() -> Vec<HandshakeMessage> {
    vec![
        client_hello(),
        server_hello(),
        HandshakeMessage::EncryptedExtensions(EncryptedExtensions {
            extensions: vec![
                Extension::ServerName(None),
                Extension::Alpn(vec![b"http/1.1".to_vec()]),
            ],
        }),
        HandshakeMessage::EncryptedExtensions(EncryptedExtensions { extensions: vec![] }),
        HandshakeMessage::Certificate(Certificate {
            certificate_request_context: vec![],
            certificate_list: vec![
                CertificateEntry {
                    cert_data: vec![0x30; 300],
                    extensions: vec![],
                },
                CertificateEntry {
                    cert_data: vec![0x31; 200],
                    extensions: vec![Extension::Unknown {
                        typ: 5,
                        data: vec![1, 0, 0, 1, 0],
                    }],
                },
            ],
        }),
        HandshakeMessage::Certificate(Certificate {
            certificate_request_context: vec![1, 2],
            certificate_list: vec![],
        }),
        HandshakeMessage::CertificateVerify(CertificateVerify {
            algorithm: SignatureScheme::EcdsaSecp256r1Sha256.to_u16(),
            signature: vec![0x30; 71],
        }),
        HandshakeMessage::Finished(Finished {
            verify_data: vec![0xaa; 32],
        }),
        HandshakeMessage::Unknown {
            typ: 5,
            body: vec![1, 2, 3],
        },
        // A NewSessionTicket (lifetime 7200 s, age_add, a 1-byte nonce, a 3-byte
        // ticket, no extensions) and a KeyUpdate: annotated field by field, kept as
        // their bytes.
        HandshakeMessage::Unknown {
            typ: 4,
            body: vec![0, 0, 0x1c, 0x20, 1, 2, 3, 4, 1, 0, 0, 3, 9, 9, 9, 0, 0],
        },
        HandshakeMessage::Unknown {
            typ: 24,
            body: vec![1],
        },
        HandshakeMessage::Unknown {
            typ: 14,
            body: vec![],
        },
        // TLS 1.2 style hellos without an extension block.
        HandshakeMessage::ClientHello(ClientHello {
            legacy_version: ProtocolVersion::Tls12.to_u16(),
            random: [1; 32],
            legacy_session_id: vec![],
            cipher_suites: vec![CipherSuite::TlsRsaWithAes128GcmSha256.to_u16()],
            legacy_compression_methods: vec![0],
            extensions: vec![],
        }),
        HandshakeMessage::ServerHello(ServerHello {
            legacy_version: ProtocolVersion::Tls12.to_u16(),
            random: [2; 32],
            legacy_session_id_echo: vec![],
            cipher_suite: CipherSuite::TlsRsaWithAes128GcmSha256.to_u16(),
            legacy_compression_method: 0,
            extensions: vec![],
        }),
    ]
}

#[test]
fn every_message_round_trips_and_annotation_tiles_it() {
    for msg in all_messages() {
        let bytes = msg.encode();
        assert_eq!(
            HandshakeMessage::decode(&bytes),
            Ok((msg.clone(), bytes.len())),
            "{}",
            msg.name()
        );
        let field = HandshakeMessage::annotate(&bytes, 5);
        let Ok(field) = field else {
            panic!("{}: {field:?}", msg.name())
        };
        assert_eq!(field.range, 5..5 + bytes.len());
        assert_eq!(
            check_tiling(std::slice::from_ref(&field), 5..5 + bytes.len()),
            Ok(()),
            "{}",
            msg.name()
        );
        assert_eq!(field.name, msg.name());
    }
}

#[test]
fn decode_all_and_annotate_many() {
    let msgs = all_messages();
    let bytes: Vec<u8> = msgs.iter().flat_map(|m| m.encode()).collect();
    assert_eq!(HandshakeMessage::decode_all(&bytes), Ok(msgs.clone()));
    let fields = annotate_handshake_messages(&bytes, 0).unwrap_or_default();
    assert_eq!(fields.len(), msgs.len());
    assert_eq!(check_tiling(&fields, 0..bytes.len()), Ok(()));
}

#[test]
fn client_hello_annotation_speaks_plainly() {
    let bytes = client_hello().encode();
    let Ok(f) = HandshakeMessage::annotate(&bytes, 0) else {
        panic!("annotate failed")
    };
    let meaning = |name: &str| {
        f.find(name)
            .map(|x| x.meaning.to_string())
            .unwrap_or_default()
    };
    assert_eq!(
        meaning("legacy_version"),
        "0x0303 = TLS 1.2, frozen for compatibility; the real version is in supported_versions"
    );
    assert_eq!(
        meaning("random"),
        "32 random bytes from the client; mixed into every key"
    );
    assert_eq!(
        meaning("cipher_suite"),
        "TLS_AES_128_GCM_SHA256: AES-128 in GCM mode for records, SHA-256 for the key schedule"
    );
    assert_eq!(
        meaning("key_exchange"),
        "the client's P-256 public key (uncompressed point, 65 bytes)"
    );
    let names: Vec<&str> = f.children.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "msg_type",
            "length",
            "legacy_version",
            "random",
            "legacy_session_id",
            "cipher_suites",
            "legacy_compression_methods",
            "extensions"
        ]
    );
    // The last cipher suite is a GREASE value.
    let suites = f.find("cipher_suites").map(|s| s.children.len());
    assert_eq!(suites, Some(4));
}

#[test]
fn helpers_find_extensions() {
    let HandshakeMessage::ClientHello(ch) = client_hello() else {
        unreachable!()
    };
    assert_eq!(ch.server_name(), Some("bank.example"));
    assert_eq!(
        ch.supported_versions(),
        Some(&[ProtocolVersion::Tls13.to_u16()][..])
    );
    assert_eq!(ch.key_share().map(|k| k.len()), Some(1));
    assert_eq!(
        ch.supported_groups(),
        Some(&[NamedGroup::Secp256r1.to_u16()][..])
    );
    assert_eq!(
        ch.signature_algorithms(),
        Some(&[SignatureScheme::EcdsaSecp256r1Sha256.to_u16()][..])
    );
    assert_eq!(ch.alpn().map(|a| a.len()), Some(1));
    let HandshakeMessage::ServerHello(sh) = server_hello() else {
        unreachable!()
    };
    assert_eq!(
        sh.supported_versions(),
        Some(ProtocolVersion::Tls13.to_u16())
    );
    assert_eq!(
        sh.key_share().map(|k| k.group),
        Some(NamedGroup::Secp256r1.to_u16())
    );
    assert!(!sh.is_hello_retry_request());
}

fn alert_of(bytes: &[u8]) -> Option<AlertDescription> {
    HandshakeMessage::decode(bytes).err().map(|e| e.alert())
}

/// Re-frames `body` as a message of type `typ`.
fn framed(typ: u8, body: &[u8]) -> Vec<u8> {
    let mut out = vec![typ];
    put_vector(&mut out, LenWidth::U24, body);
    out
}

#[test]
fn trailing_bytes_inside_a_message_are_decode_error() {
    for msg in all_messages() {
        let mut body = msg.encode_body();
        body.push(0);
        let bytes = framed(msg.handshake_type().to_u8(), &body);
        let expected = match msg {
            HandshakeMessage::Unknown { typ: 4 | 24, .. } => Some(AlertDescription::DecodeError),
            HandshakeMessage::Unknown { .. } | HandshakeMessage::Finished(_) => None,
            _ => Some(AlertDescription::DecodeError),
        };
        assert_eq!(alert_of(&bytes), expected, "{}", msg.name());
    }
}

#[test]
fn truncation_anywhere_is_decode_error() {
    for msg in all_messages() {
        let bytes = msg.encode();
        for cut in 0..bytes.len() {
            let short = bytes.get(..cut).unwrap_or_default();
            assert_eq!(
                alert_of(short),
                Some(AlertDescription::DecodeError),
                "{} cut at {cut}",
                msg.name()
            );
        }
    }
}

#[test]
fn truncation_error_names_the_field() {
    // A ClientHello whose cipher_suites vector claims 4 bytes but the body ends.
    let mut body = vec![3, 3];
    body.extend([0u8; 32]);
    body.push(0);
    body.extend([0, 4, 0x13]);
    let err = HandshakeMessage::decode(&framed(1, &body)).err();
    assert_eq!(
        err.map(|e| e.to_string()).as_deref(),
        Some("ClientHello.cipher_suites: needs 4 bytes at offset 41, only 1 left")
    );
}

#[test]
fn empty_required_vectors_are_decode_error() {
    let HandshakeMessage::ClientHello(ch) = client_hello() else {
        unreachable!()
    };
    let no_suites = ClientHello {
        cipher_suites: vec![],
        ..ch.clone()
    };
    let no_compression = ClientHello {
        legacy_compression_methods: vec![],
        ..ch.clone()
    };
    let long_session = ClientHello {
        legacy_session_id: vec![0; 33],
        ..ch
    };
    for m in [no_suites, no_compression, long_session] {
        let bytes = HandshakeMessage::ClientHello(m).encode();
        assert_eq!(alert_of(&bytes), Some(AlertDescription::DecodeError));
    }
    let empty_finished = HandshakeMessage::Finished(Finished {
        verify_data: vec![],
    });
    assert_eq!(
        alert_of(&empty_finished.encode()),
        Some(AlertDescription::DecodeError)
    );
    let empty_cert = HandshakeMessage::Certificate(Certificate {
        certificate_request_context: vec![],
        certificate_list: vec![CertificateEntry {
            cert_data: vec![],
            extensions: vec![],
        }],
    });
    assert_eq!(
        alert_of(&empty_cert.encode()),
        Some(AlertDescription::DecodeError)
    );
}

#[test]
fn duplicate_extension_in_client_hello_is_illegal_parameter() {
    let HandshakeMessage::ClientHello(mut ch) = client_hello() else {
        unreachable!()
    };
    ch.extensions
        .push(Extension::ServerName(Some("evil.example".into())));
    let bytes = HandshakeMessage::ClientHello(ch).encode();
    assert_eq!(alert_of(&bytes), Some(AlertDescription::IllegalParameter));
}

#[test]
fn unknown_extensions_are_kept() {
    let HandshakeMessage::ClientHello(mut ch) = client_hello() else {
        unreachable!()
    };
    ch.extensions.push(Extension::Unknown {
        typ: 0xbeef,
        data: vec![1, 2, 3],
    });
    let msg = HandshakeMessage::ClientHello(ch);
    let bytes = msg.encode();
    assert_eq!(HandshakeMessage::decode(&bytes), Ok((msg, bytes.len())));
}

#[test]
fn ecdsa_signature_is_split_into_r_and_s() {
    let mut der = vec![0x30, 68, 0x02, 32];
    der.extend([1u8; 32]);
    der.extend([0x02, 32]);
    der.extend([2u8; 32]);
    let msg = HandshakeMessage::CertificateVerify(CertificateVerify {
        algorithm: SignatureScheme::EcdsaSecp256r1Sha256.to_u16(),
        signature: der,
    });
    let bytes = msg.encode();
    let f = HandshakeMessage::annotate(&bytes, 0)
        .map(|f| vec![f])
        .unwrap_or_default();
    assert_eq!(check_tiling(&f, 0..bytes.len()), Ok(()));
    let sig = f.first().and_then(|f| f.find("signature"));
    let names: Vec<&str> = sig
        .map(|s| s.children.iter().map(|c| c.name.as_str()).collect())
        .unwrap_or_default();
    assert_eq!(names, ["length", "SEQUENCE", "r", "s"]);
}

#[test]
fn special_server_randoms_are_explained() {
    let HandshakeMessage::ServerHello(mut sh) = server_hello() else {
        unreachable!()
    };
    sh.random = HELLO_RETRY_REQUEST_RANDOM;
    sh.extensions = vec![Extension::SupportedVersionsServer(
        ProtocolVersion::Tls13.to_u16(),
    )];
    let bytes = HandshakeMessage::ServerHello(sh.clone()).encode();
    let f = HandshakeMessage::annotate(&bytes, 0);
    assert_eq!(f.map(|f| f.name), Ok("HelloRetryRequest".to_string()));
    let mut random = [5u8; 32];
    if let Some(tail) = random.get_mut(24..) {
        tail.copy_from_slice(&DOWNGRADE_TLS12);
    }
    sh.random = random;
    let bytes = HandshakeMessage::ServerHello(sh).encode();
    let f = HandshakeMessage::annotate(&bytes, 0);
    let meaning = f
        .ok()
        .and_then(|f| f.find("random").map(|r| r.meaning.to_string()));
    assert!(meaning.is_some_and(|m| m.contains("DOWNGRD")));
}

#[test]
fn records_and_inner_plaintext_annotate_handshake_content() {
    let flight: Vec<u8> = [client_hello(), server_hello()]
        .iter()
        .flat_map(|m| m.encode())
        .collect();
    let rec = Record::new(ContentType::Handshake, flight.clone()).encode();
    let fields = Record::annotate(&rec).unwrap_or_default();
    assert_eq!(check_tiling(&fields, 0..rec.len()), Ok(()));
    let frag = fields.last();
    assert_eq!(frag.map(|f| f.children.len()), Some(2));

    let inner = encode_inner_plaintext(&flight, ContentType::Handshake, 4);
    let fields = annotate_inner_plaintext(&inner, 0).unwrap_or_default();
    assert_eq!(check_tiling(&fields, 0..inner.len()), Ok(()));
    assert_eq!(fields.first().map(|f| f.children.len()), Some(2));
}

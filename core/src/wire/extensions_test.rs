//! Unit tests of `extensions` (kept beside it, rustls style).

use super::*;
use crate::wire::alert::AlertDescription;
use crate::wire::annotate::check_tiling;
use crate::wire::codes::CipherSuite;

fn p256_point() -> Vec<u8> {
    let mut p = vec![4u8];
    p.extend((1..=64).map(|i| i as u8));
    p
}

fn client_exts() -> Vec<Extension> {
    vec![
        Extension::ServerName(Some("bank.example".into())),
        Extension::SupportedVersionsClient(vec![
            ProtocolVersion::Tls13.to_u16(),
            ProtocolVersion::Tls12.to_u16(),
        ]),
        Extension::SupportedGroups(vec![
            NamedGroup::Secp256r1.to_u16(),
            NamedGroup::X25519.to_u16(),
        ]),
        Extension::SignatureAlgorithms(vec![
            SignatureScheme::EcdsaSecp256r1Sha256.to_u16(),
            SignatureScheme::RsaPssRsaeSha256.to_u16(),
        ]),
        Extension::KeyShareClient(vec![KeyShareEntry {
            group: NamedGroup::Secp256r1.to_u16(),
            key_exchange: p256_point(),
        }]),
        Extension::Alpn(vec![b"http/1.1".to_vec(), b"h2".to_vec()]),
        Extension::Unknown {
            typ: ExtensionType::PskKeyExchangeModes.to_u16(),
            data: vec![1, 1],
        },
        Extension::Unknown {
            typ: 0x0a0a,
            data: vec![],
        },
    ]
}

fn round_trip(exts: &[Extension], ctx: ExtensionContext) {
    let bytes = encode_extensions(exts);
    assert_eq!(
        decode_extensions(&bytes, ctx).as_deref(),
        Ok(exts),
        "{ctx:?}"
    );
    let field = annotate_extensions(&bytes, ctx, 7);
    let field = field.map(|f| vec![f]).unwrap_or_default();
    assert_eq!(check_tiling(&field, 7..7 + bytes.len()), Ok(()), "{ctx:?}");
}

#[test]
fn every_extension_round_trips_in_its_context() {
    round_trip(&client_exts(), ExtensionContext::ClientHello);
    round_trip(
        &[
            Extension::SupportedVersionsServer(ProtocolVersion::Tls13.to_u16()),
            Extension::KeyShareServer(KeyShareEntry {
                group: NamedGroup::Secp256r1.to_u16(),
                key_exchange: p256_point(),
            }),
        ],
        ExtensionContext::ServerHello,
    );
    round_trip(
        &[
            Extension::ServerName(None),
            Extension::Alpn(vec![b"http/1.1".to_vec()]),
            Extension::SupportedGroups(vec![NamedGroup::X25519.to_u16()]),
        ],
        ExtensionContext::EncryptedExtensions,
    );
    round_trip(&[], ExtensionContext::EncryptedExtensions);
    round_trip(
        &[Extension::Unknown {
            typ: ExtensionType::StatusRequest.to_u16(),
            data: vec![1, 2, 3],
        }],
        ExtensionContext::Certificate,
    );
    round_trip(
        &[
            Extension::KeyShareClient(vec![]),
            Extension::SupportedVersionsClient(vec![ProtocolVersion::Tls13.to_u16()]),
        ],
        ExtensionContext::ClientHello,
    );
}

#[test]
fn annotations_explain_values() {
    let bytes = encode_extensions(&client_exts());
    let f = annotate_extensions(&bytes, ExtensionContext::ClientHello, 0);
    let Ok(f) = f else {
        panic!("annotate failed: {f:?}")
    };
    let ke = f.find("key_exchange").map(|k| k.meaning.to_string());
    assert_eq!(
        ke.as_deref(),
        Some("the client's P-256 public key (uncompressed point, 65 bytes)")
    );
    let host = f.find("host_name").map(|h| h.value.to_string());
    assert_eq!(host.as_deref(), Some("bank.example"));
    let sv = f.find("supported_versions").map(|h| h.value.to_string());
    assert_eq!(sv.as_deref(), Some("TLS 1.3, TLS 1.2"));
    assert!(
        f.find("version")
            .is_some_and(|v| v.value == "0x0304 (TLS 1.3)")
    );
    let grease = f
        .children
        .last()
        .map(|c| c.children.first().map(|t| t.value.to_string()));
    assert_eq!(grease.flatten().as_deref(), Some("2570 (GREASE)"));
}

#[test]
fn duplicates_are_illegal_parameter() {
    let exts = [
        Extension::SupportedGroups(vec![NamedGroup::Secp256r1.to_u16()]),
        Extension::Unknown {
            typ: 99,
            data: vec![],
        },
        Extension::SupportedGroups(vec![NamedGroup::X25519.to_u16()]),
        Extension::Unknown {
            typ: 100,
            data: vec![],
        },
    ];
    let e = decode_extensions(&encode_extensions(&exts), ExtensionContext::ClientHello);
    assert_eq!(
        e.map_err(|e| e.alert()),
        Err(AlertDescription::IllegalParameter)
    );
    let unknown_twice = [
        Extension::Unknown {
            typ: 99,
            data: vec![],
        },
        Extension::Unknown {
            typ: 99,
            data: vec![1, 2, 3, 4],
        },
    ];
    let e = decode_extensions(
        &encode_extensions(&unknown_twice),
        ExtensionContext::ClientHello,
    );
    assert_eq!(
        e.map_err(|e| e.alert()),
        Err(AlertDescription::IllegalParameter)
    );
    let shares = [Extension::KeyShareClient(vec![
        KeyShareEntry {
            group: NamedGroup::X25519.to_u16(),
            key_exchange: vec![1; 32],
        },
        KeyShareEntry {
            group: NamedGroup::X25519.to_u16(),
            key_exchange: vec![2; 32],
        },
    ])];
    let e = decode_extensions(&encode_extensions(&shares), ExtensionContext::ClientHello);
    assert_eq!(
        e.map_err(|e| e.alert()),
        Err(AlertDescription::IllegalParameter)
    );
}

#[test]
fn known_extension_in_wrong_message_is_illegal_parameter() {
    let cases = [
        (
            Extension::SignatureAlgorithms(vec![SignatureScheme::EcdsaSecp256r1Sha256.to_u16()]),
            ExtensionContext::EncryptedExtensions,
        ),
        (
            Extension::SupportedGroups(vec![NamedGroup::Secp256r1.to_u16()]),
            ExtensionContext::ServerHello,
        ),
        (
            Extension::SupportedVersionsServer(ProtocolVersion::Tls13.to_u16()),
            ExtensionContext::EncryptedExtensions,
        ),
        (Extension::ServerName(None), ExtensionContext::Certificate),
    ];
    for (ext, ctx) in cases {
        let mut bytes = encode_extensions(std::slice::from_ref(&ext));
        // Pad SH blocks to the 6-byte minimum with an unknown extension.
        if ctx == ExtensionContext::ServerHello {
            bytes = encode_extensions(&[
                ext.clone(),
                Extension::Unknown {
                    typ: 99,
                    data: vec![],
                },
            ]);
        }
        let e = decode_extensions(&bytes, ctx).map_err(|e| e.alert());
        assert_eq!(
            e,
            Err(AlertDescription::IllegalParameter),
            "{ext:?} in {ctx:?}"
        );
    }
}

#[test]
fn bad_lengths_are_decode_errors() {
    let ch = ExtensionContext::ClientHello;
    let bad: &[(&[u8], ExtensionContext)] = &[
        // Block shorter than the ClientHello minimum of 8.
        (&[0, 4, 0, 99, 0, 0], ch),
        // Empty supported_groups list.
        (&[0, 8, 0, 10, 0, 2, 0, 0, 0, 99, 0, 0], ch),
        // Odd-length supported_groups list.
        (&[0, 9, 0, 10, 0, 3, 0, 1, 0x17, 0, 99, 0, 0], ch),
        // Trailing byte inside extension_data of supported_versions (SH).
        (&[0, 7, 0, 43, 0, 3, 3, 4, 0], ExtensionContext::ServerHello),
        // Extension data longer than the block.
        (&[0, 8, 0, 99, 0, 9, 0, 0, 0, 0], ch),
        // Empty server_name in a ClientHello.
        (&[0, 8, 0, 0, 0, 0, 0, 99, 0, 0], ch),
        // Empty key_exchange.
        (&[0, 10, 0, 51, 0, 6, 0, 4, 0, 23, 0, 0], ch),
        // Server ALPN with two names.
        (
            &[0, 11, 0, 16, 0, 7, 0, 5, 1, b'a', 2, b'h', b'2'],
            ExtensionContext::EncryptedExtensions,
        ),
        // Non-empty server_name in EncryptedExtensions.
        (
            &[0, 5, 0, 0, 0, 1, 0],
            ExtensionContext::EncryptedExtensions,
        ),
    ];
    for (bytes, ctx) in bad {
        let e = decode_extensions(bytes, *ctx).map_err(|e| e.alert());
        assert_eq!(
            e,
            Err(AlertDescription::DecodeError),
            "{bytes:?} in {ctx:?}"
        );
    }
}

#[test]
fn trailing_bytes_after_block_are_rejected() {
    let mut bytes = encode_extensions(&[]);
    bytes.push(0);
    let e = decode_extensions(&bytes, ExtensionContext::EncryptedExtensions);
    assert_eq!(e.map_err(|e| e.alert()), Err(AlertDescription::DecodeError));
}

#[test]
fn every_registry_entry_has_words_in_every_language() {
    use crate::text::{CORE_MESSAGES, bundle, check_text};
    use crate::wire::alert::AlertDescription;
    let ids = (CipherSuite::ALL.iter().map(|c| c.meaning_id()))
        .chain(NamedGroup::ALL.iter().map(|c| c.meaning_id()))
        .chain(SignatureScheme::ALL.iter().map(|c| c.meaning_id()))
        .chain(ExtensionType::ALL.iter().map(|c| c.meaning_id()))
        .chain(ProtocolVersion::ALL.iter().map(|c| c.meaning_id()));
    let mut texts: Vec<Text> = ids.map(|id| Text::message(id.unwrap_or("none"))).collect();
    for v in [0x1301, 0x9999, 0x1a1a] {
        texts.push(CipherSuite::from_u16(v).describe().1);
        texts.push(describe_named_group(v).1);
        texts.push(describe_signature_scheme(v).1);
        texts.push(describe_version(v).1);
        texts.push(ExtensionType::from_u16(v).purpose());
    }
    texts.extend((0..=255).map(|v| AlertDescription::from_u8(v).meaning()));
    for (code, sources) in CORE_MESSAGES {
        let b = bundle(code, sources).unwrap_or_else(|e| panic!("{e}"));
        for t in &texts {
            assert!(check_text(&b, t).is_ok(), "{code}: {t:?}");
        }
    }
    assert_eq!(
        describe_named_group(0x9999).1,
        "0x9999: a group this lab does not know"
    );
    assert_eq!(
        ExtensionType::from_u16(0x0a0a).purpose(),
        "GREASE: a deliberately meaningless value that checks servers ignore what they don't know"
    );
}

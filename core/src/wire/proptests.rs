//! Property tests: no input makes any decoder panic; whatever decodes re-encodes to
//! the same bytes and annotates with leaves that tile it, each field's meaning a message
//! that English and German both say; generated messages round trip.

use std::sync::LazyLock;

use super::alert::Alert;
use super::annotate::{Field, check_tiling};
use super::codes::ExtensionType;
use super::extensions::{
    Extension, ExtensionContext, KeyShareEntry, annotate_extensions, decode_extensions,
    encode_extensions,
};
use super::handshake::{
    Certificate, CertificateEntry, CertificateVerify, ClientHello, EncryptedExtensions, Finished,
    HandshakeMessage, ServerHello, annotate_handshake_messages,
};
use super::record::{
    ContentType, Record, annotate_inner_plaintext, decode_inner_plaintext, encode_inner_plaintext,
};
use super::tls12::Tls12Message;
use crate::text::{Bundle, CORE_MESSAGES, bundle, check_text};
use proptest::prelude::*;

const CONTEXTS: [ExtensionContext; 4] = [
    ExtensionContext::ClientHello,
    ExtensionContext::ServerHello,
    ExtensionContext::EncryptedExtensions,
    ExtensionContext::Certificate,
];

/// The core's words in every language it ships.
static BUNDLES: LazyLock<Vec<Bundle>> = LazyLock::new(|| {
    CORE_MESSAGES
        .iter()
        .filter_map(|(code, sources)| bundle(code, sources).ok())
        .collect()
});

/// `fields` tile `start..start + len`, and every field speaks from the catalogue.
fn tiles(fields: &[Field], start: usize, len: usize) -> Result<(), TestCaseError> {
    check_tiling(fields, start..start + len).map_err(TestCaseError::fail)?;
    speaks(fields)
}

/// Every field's meaning is a message, and it and the value format without a gap in
/// every language.
fn speaks(fields: &[Field]) -> Result<(), TestCaseError> {
    prop_assert_eq!(BUNDLES.len(), CORE_MESSAGES.len());
    for field in fields {
        prop_assert!(!field.meaning.is_raw(), "{}: raw meaning", field.name);
        for b in BUNDLES.iter() {
            for text in [&field.meaning, &field.value] {
                check_text(b, text)
                    .map_err(|e| TestCaseError::fail(format!("{}: {e}", field.name)))?;
            }
        }
        speaks(&field.children)?;
    }
    Ok(())
}

/// Runs every decoder on `bytes` and checks the properties that must hold for
/// any input: no panic; success implies canonical re-encoding and tiled
/// annotations; decode and annotate agree on success/failure.
fn check_all_decoders(bytes: &[u8]) -> Result<(), TestCaseError> {
    match Record::decode(bytes) {
        Ok((rec, used)) => {
            prop_assert_eq!(Some(&rec.encode()[..]), bytes.get(..used));
            let fields = Record::annotate_at(bytes, 3);
            prop_assert!(fields.is_ok());
            tiles(&fields.unwrap_or_default(), 3, used)?;
        }
        Err(_) => prop_assert!(Record::annotate(bytes).is_err()),
    }

    match HandshakeMessage::decode(bytes) {
        Ok((msg, used)) => {
            prop_assert_eq!(Some(&msg.encode()[..]), bytes.get(..used));
            let field = HandshakeMessage::annotate(bytes, 11);
            prop_assert!(field.is_ok());
            let fields: Vec<Field> = field.into_iter().collect();
            tiles(&fields, 11, used)?;
        }
        Err(e) => {
            prop_assert_eq!(HandshakeMessage::annotate(bytes, 0).err(), Some(e));
        }
    }
    match HandshakeMessage::decode_all(bytes) {
        Ok(msgs) => {
            let again: Vec<u8> = msgs.iter().flat_map(|m| m.encode()).collect();
            prop_assert_eq!(&again[..], bytes);
            let fields = annotate_handshake_messages(bytes, 0);
            prop_assert!(fields.is_ok());
            tiles(&fields.unwrap_or_default(), 0, bytes.len())?;
        }
        Err(_) => prop_assert!(annotate_handshake_messages(bytes, 0).is_err()),
    }

    match Tls12Message::decode(bytes) {
        Ok((msg, used)) => {
            prop_assert_eq!(Some(&msg.encode()[..]), bytes.get(..used));
            let field = Tls12Message::annotate(bytes, 6);
            prop_assert!(field.is_ok());
            let fields: Vec<Field> = field.into_iter().collect();
            tiles(&fields, 6, used)?;
        }
        Err(e) => prop_assert_eq!(Tls12Message::annotate(bytes, 0).err(), Some(e)),
    }

    for ctx in CONTEXTS {
        match decode_extensions(bytes, ctx) {
            Ok(exts) => {
                prop_assert_eq!(&encode_extensions(&exts)[..], bytes);
                let field = annotate_extensions(bytes, ctx, 1);
                prop_assert!(field.is_ok());
                let fields: Vec<Field> = field.into_iter().collect();
                tiles(&fields, 1, bytes.len())?;
            }
            Err(_) => prop_assert!(annotate_extensions(bytes, ctx, 0).is_err()),
        }
    }

    match Alert::decode(bytes) {
        Ok(a) => {
            prop_assert_eq!(&a.encode()[..], bytes);
            tiles(&Alert::annotate(bytes, 2).unwrap_or_default(), 2, 2)?;
        }
        Err(_) => prop_assert!(Alert::annotate(bytes, 0).is_err()),
    }

    match decode_inner_plaintext(bytes) {
        Ok((ty, content)) => {
            prop_assert!(bytes.starts_with(content));
            prop_assert_eq!(bytes.get(content.len()).copied(), Some(ty.to_u8()));
            let fields = annotate_inner_plaintext(bytes, 4);
            prop_assert!(fields.is_ok());
            tiles(&fields.unwrap_or_default(), 4, bytes.len())?;
        }
        Err(_) => prop_assert!(annotate_inner_plaintext(bytes, 0).is_err()),
    }
    Ok(())
}

// ---- generators ----

/// The extension types with modelled bodies.
const KNOWN: [ExtensionType; 6] = [
    ExtensionType::ServerName,
    ExtensionType::SupportedGroups,
    ExtensionType::SignatureAlgorithms,
    ExtensionType::Alpn,
    ExtensionType::SupportedVersions,
    ExtensionType::KeyShare,
];

fn bytes(range: std::ops::Range<usize>) -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(any::<u8>(), range)
}

fn unknown_ext() -> impl Strategy<Value = Extension> {
    (
        any::<u16>().prop_filter("known type", |t| {
            !KNOWN.contains(&ExtensionType::from_u16(*t))
        }),
        bytes(0..12),
    )
        .prop_map(|(typ, data)| Extension::Unknown { typ, data })
}

fn key_share_entry() -> impl Strategy<Value = KeyShareEntry> {
    (any::<u16>(), bytes(1..70)).prop_map(|(group, key_exchange)| KeyShareEntry {
        group,
        key_exchange,
    })
}

fn u16s(range: std::ops::Range<usize>) -> impl Strategy<Value = Vec<u16>> {
    prop::collection::vec(any::<u16>(), range)
}

fn client_ext() -> impl Strategy<Value = Extension> {
    prop_oneof![
        "[a-z0-9.-]{1,24}".prop_map(|h| Extension::ServerName(Some(h))),
        u16s(1..6).prop_map(Extension::SupportedGroups),
        u16s(1..6).prop_map(Extension::SignatureAlgorithms),
        prop::collection::vec(bytes(1..9), 1..4).prop_map(Extension::Alpn),
        u16s(1..6).prop_map(Extension::SupportedVersionsClient),
        prop::collection::vec(key_share_entry(), 0..3).prop_map(|mut v| {
            let mut seen = Vec::new();
            v.retain(|e| {
                let fresh = !seen.contains(&e.group);
                seen.push(e.group);
                fresh
            });
            Extension::KeyShareClient(v)
        }),
        unknown_ext(),
    ]
}

fn server_ext() -> impl Strategy<Value = Extension> {
    prop_oneof![
        any::<u16>().prop_map(Extension::SupportedVersionsServer),
        key_share_entry().prop_map(Extension::KeyShareServer),
        unknown_ext(),
    ]
}

fn ee_ext() -> impl Strategy<Value = Extension> {
    prop_oneof![
        Just(Extension::ServerName(None)),
        u16s(1..6).prop_map(Extension::SupportedGroups),
        bytes(1..9).prop_map(|n| Extension::Alpn(vec![n])),
        unknown_ext(),
    ]
}

/// A list of extensions with distinct types.
fn ext_list(
    one: impl Strategy<Value = Extension>,
    max: usize,
) -> impl Strategy<Value = Vec<Extension>> {
    prop::collection::vec(one, 0..max).prop_map(|mut v| {
        let mut seen = Vec::new();
        v.retain(|e| {
            let fresh = !seen.contains(&e.ext_type());
            seen.push(e.ext_type());
            fresh
        });
        v
    })
}

fn message() -> impl Strategy<Value = HandshakeMessage> {
    let random = prop::array::uniform32(any::<u8>());
    prop_oneof![
        (
            any::<u16>(),
            random,
            bytes(0..33),
            u16s(1..8),
            bytes(1..4),
            ext_list(client_ext(), 7),
        )
            .prop_map(|(v, random, sid, suites, comp, extensions)| {
                HandshakeMessage::ClientHello(ClientHello {
                    legacy_version: v,
                    random,
                    legacy_session_id: sid,
                    cipher_suites: suites,
                    legacy_compression_methods: comp,
                    extensions,
                })
            }),
        (
            any::<u16>(),
            random,
            bytes(0..33),
            any::<u16>(),
            any::<u8>(),
            ext_list(server_ext(), 4),
        )
            .prop_map(|(v, random, sid, suite, comp, extensions)| {
                HandshakeMessage::ServerHello(ServerHello {
                    legacy_version: v,
                    random,
                    legacy_session_id_echo: sid,
                    cipher_suite: suite,
                    legacy_compression_method: comp,
                    extensions,
                })
            }),
        ext_list(ee_ext(), 5).prop_map(|extensions| {
            HandshakeMessage::EncryptedExtensions(EncryptedExtensions { extensions })
        }),
        (
            bytes(0..4),
            prop::collection::vec((bytes(1..80), ext_list(unknown_ext(), 3)), 0..4)
        )
            .prop_map(|(ctx, entries)| {
                HandshakeMessage::Certificate(Certificate {
                    certificate_request_context: ctx,
                    certificate_list: entries
                        .into_iter()
                        .map(|(cert_data, extensions)| CertificateEntry {
                            cert_data,
                            extensions,
                        })
                        .collect(),
                })
            }),
        (any::<u16>(), bytes(0..80)).prop_map(|(algorithm, signature)| {
            HandshakeMessage::CertificateVerify(CertificateVerify {
                algorithm,
                signature,
            })
        }),
        bytes(1..49).prop_map(|verify_data| HandshakeMessage::Finished(Finished { verify_data })),
        // Types the decoder reads field by field but keeps as `Unknown` with their
        // body (NewSessionTicket, KeyUpdate) get well-formed bodies of their own below.
        (
            any::<u8>().prop_filter("modelled type", |t| ![1, 2, 4, 8, 11, 15, 20, 24]
                .contains(t)),
            bytes(0..40)
        )
            .prop_map(|(typ, body)| HandshakeMessage::Unknown { typ, body }),
        (any::<[u8; 8]>(), bytes(0..20), bytes(1..40), bytes(0..20)).prop_map(
            |(lifetime_and_age_add, nonce, ticket, extensions)| {
                let mut body = lifetime_and_age_add.to_vec();
                super::codec::put_vector(&mut body, super::codec::LenWidth::U8, &nonce);
                super::codec::put_vector(&mut body, super::codec::LenWidth::U16, &ticket);
                super::codec::put_vector(&mut body, super::codec::LenWidth::U16, &extensions);
                HandshakeMessage::Unknown { typ: 4, body }
            }
        ),
        any::<u8>().prop_map(|request| HandshakeMessage::Unknown {
            typ: 24,
            body: vec![request],
        }),
    ]
}

/// Whether a generated message is valid as generated: hellos with an extension
/// block must meet the block minimum (8 bytes for ClientHello, 6 for ServerHello).
fn block_ok(msg: &HandshakeMessage) -> bool {
    let (exts, min) = match msg {
        HandshakeMessage::ClientHello(ch) => (&ch.extensions, 8),
        HandshakeMessage::ServerHello(sh) => (&sh.extensions, 6),
        _ => return true,
    };
    exts.is_empty() || encode_extensions(exts).len() - 2 >= min
}

proptest! {
    // A fixed seed: the same cases on every machine, so CI fails only for a change
    // in the code (explore with another seed by changing it locally).
    #![proptest_config(ProptestConfig {
        cases: 256,
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x5eed_0001),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_bytes_never_panic(input in bytes(0..200)) {
        check_all_decoders(&input)?;
    }

    #[test]
    fn arbitrary_bytes_behind_plausible_headers_never_panic(
        typ in prop::sample::select(vec![1u8, 2, 8, 11, 14, 15, 16, 20, 21, 22, 23]),
        body in bytes(0..200),
    ) {
        // Frame random bodies so the decoders get past the header checks.
        let mut hs = vec![typ];
        super::codec::put_vector(&mut hs, super::codec::LenWidth::U24, &body);
        check_all_decoders(&hs)?;
        let rec = Record::new(ContentType::from_u8(typ), body.clone()).encode();
        check_all_decoders(&rec)?;
        let mut ext = Vec::new();
        super::codec::put_vector(&mut ext, super::codec::LenWidth::U16, &body);
        check_all_decoders(&ext)?;
    }

    #[test]
    fn mutated_messages_never_panic(
        msg in message(),
        flips in prop::collection::vec((any::<prop::sample::Index>(), 1u8..=255), 1..4),
        cut in any::<prop::sample::Index>(),
    ) {
        let mut bytes = msg.encode();
        for (at, mask) in flips {
            let i = at.index(bytes.len());
            if let Some(b) = bytes.get_mut(i) {
                *b ^= mask;
            }
        }
        check_all_decoders(&bytes)?;
        let short = bytes.get(..cut.index(bytes.len() + 1)).unwrap_or_default();
        check_all_decoders(short)?;
    }

    #[test]
    fn generated_messages_round_trip(msg in message()) {
        let bytes = msg.encode();
        let decoded = HandshakeMessage::decode(&bytes);
        if block_ok(&msg) {
            prop_assert_eq!(decoded, Ok((msg.clone(), bytes.len())));
            let field = HandshakeMessage::annotate(&bytes, 0);
            prop_assert!(field.is_ok());
            let fields: Vec<Field> = field.into_iter().collect();
            tiles(&fields, 0, bytes.len())?;
            // Carried in a record and in an inner plaintext, it still tiles.
            let rec = Record::new(ContentType::Handshake, bytes.clone()).encode();
            let (back, used) = Record::decode(&rec).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(used, rec.len());
            prop_assert_eq!(&back.fragment, &bytes);
            let inner = encode_inner_plaintext(&bytes, ContentType::Handshake, 3);
            prop_assert_eq!(decode_inner_plaintext(&inner), Ok((ContentType::Handshake, &bytes[..])));
        } else {
            prop_assert!(decoded.is_err());
        }
    }

    #[test]
    fn generated_extension_blocks_round_trip(
        ch in ext_list(client_ext(), 7),
        sh in ext_list(server_ext(), 4),
        ee in ext_list(ee_ext(), 5),
    ) {
        for (exts, ctx) in [
            (ch, ExtensionContext::ClientHello),
            (sh, ExtensionContext::ServerHello),
            (ee, ExtensionContext::EncryptedExtensions),
        ] {
            let bytes = encode_extensions(&exts);
            let min = match ctx {
                ExtensionContext::ClientHello => 8,
                ExtensionContext::ServerHello => 6,
                _ => 0,
            };
            if bytes.len() - 2 >= min {
                prop_assert_eq!(decode_extensions(&bytes, ctx), Ok(exts));
            } else {
                prop_assert!(decode_extensions(&bytes, ctx).is_err());
            }
        }
    }
}

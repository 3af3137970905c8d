use super::*;
use crate::wire::{KeyShareEntry, ServerHello};

fn unknown(typ: u16) -> Extension {
    let data = match typ {
        0x000b => vec![1, 0],          // ec_point_formats: uncompressed
        0x002d => vec![1, 1],          // psk_key_exchange_modes: psk_dhe_ke
        0x0005 => vec![1, 0, 0, 0, 0], // status_request: OCSP
        0x001b => vec![2, 0, 2],       // compress_certificate: brotli
        0xff01 => vec![0],             // renegotiation_info: empty
        0x0015 => vec![0; 13],         // padding
        _ => Vec::new(),
    };
    Extension::Unknown { typ, data }
}

/// A ClientHello with the given lists, extensions in `order` (known ones with real
/// bodies), sent through the encoder and the strict decoder as a real one would be.
fn hello(suites: &[u16], order: &[u16], schemes: &[u16], alpn: &[&str]) -> ClientHello {
    let extensions = order
        .iter()
        .map(|&typ| match typ {
            0x0000 => Extension::ServerName(Some("bank.example".into())),
            0x000a => Extension::SupportedGroups(vec![0x2a2a, 0x001d, 0x0017, 0x0018]),
            0x000d => Extension::SignatureAlgorithms(schemes.to_vec()),
            0x0010 => Extension::Alpn(alpn.iter().map(|p| p.as_bytes().to_vec()).collect()),
            0x002b => Extension::SupportedVersionsClient(vec![0x8a8a, 0x0304, 0x0303]),
            0x0033 => Extension::KeyShareClient(vec![
                KeyShareEntry {
                    group: 0x2a2a,
                    key_exchange: vec![0],
                },
                KeyShareEntry {
                    group: 0x001d,
                    key_exchange: vec![9; 32],
                },
            ]),
            other => unknown(other),
        })
        .collect();
    let message = HandshakeMessage::ClientHello(ClientHello {
        legacy_version: 0x0303,
        random: [7; 32],
        legacy_session_id: vec![1; 32],
        cipher_suites: suites.to_vec(),
        legacy_compression_methods: vec![0],
        extensions,
    });
    match HandshakeMessage::decode(&message.encode()) {
        Ok((HandshakeMessage::ClientHello(hello), _)) => hello,
        other => panic!("the hello decodes: {other:?}"),
    }
}

fn codes(list: &str) -> Vec<u16> {
    list.split(',')
        .map(|c| u16::from_str_radix(c, 16).expect("hex"))
        .collect()
}

/// FoxIO's JA4 spec (technical_details/JA4.md, "Example" and "Raw Output"): the
/// original lists of its JA4_ro line, with GREASE added where Chrome puts it.
#[test]
fn the_specs_example_gives_the_published_fingerprint() {
    let mut suites = vec![0x5a5a];
    suites.extend(codes(
        "1301,1302,1303,c02b,c02f,c02c,c030,cca9,cca8,c013,c014,009c,009d,002f,0035",
    ));
    let mut order = vec![0x0a0a];
    order.extend(codes(
        "001b,0000,0033,0010,4469,0017,002d,000d,0005,0023,0012,002b,ff01,000b,000a,0015",
    ));
    order.push(0xdada);
    let schemes = codes("0403,0804,0401,0503,0805,0501,0806,0601");
    let hello = hello(&suites, &order, &schemes, &["h2", "http/1.1"]);
    let ja4 = ja4(&hello);
    assert_eq!(ja4.fingerprint, "t13d1516h2_8daaf6152771_e5627efa2ab1");
    assert_eq!(
        ja4.raw,
        "t13d1516h2_002f,0035,009c,009d,1301,1302,1303,c013,c014,c02b,c02c,c02f,c030,cca8,cca9_\
         0005,000a,000b,000d,0012,0015,0017,001b,0023,002b,002d,0033,4469,ff01_\
         0403,0804,0401,0503,0805,0501,0806,0601"
    );
}

/// A second published pair: Chrome 143 (Android) as a fingerprinting site reported it,
/// ja4_ro and ja4 (ECH 0xfe0d and the new ALPS code 0x44cd among the extensions).
#[test]
fn a_published_chrome_143_hello_gives_its_published_fingerprint() {
    let suites =
        codes("1301,1302,1303,c02b,c02f,c02c,c030,cca9,cca8,c013,c014,009c,009d,002f,0035");
    let order =
        codes("002d,0033,0010,fe0d,0017,44cd,0000,000b,000a,002b,ff01,0023,0012,0005,000d,001b");
    let schemes = codes("0403,0804,0401,0503,0805,0501,0806,0601");
    let hello = hello(&suites, &order, &schemes, &["h2", "http/1.1"]);
    assert_eq!(
        ja4(&hello).fingerprint,
        "t13d1516h2_8daaf6152771_d8a2da3f94cd"
    );
}

#[test]
fn hashes_are_the_first_twelve_hex_digits_and_zeros_for_nothing() {
    // The spec's extension string without signature algorithms, and its hash.
    assert_eq!(
        ja4_hash("0005,000a,000b,000d,0012,0015,0017,001b,0023,002b,002d,0033,4469,ff01"),
        "6d807ffa2a79"
    );
    assert_eq!(
        ja4_hash("002f,0035,009c,009d,1301,1302,1303,c013,c014,c02b,c02c,c02f,c030,cca8,cca9"),
        "8daaf6152771"
    );
    assert_eq!(ja4_hash(""), "000000000000");
}

#[test]
fn alpn_characters_follow_the_specs_examples() {
    let alpn = |v: &[u8]| ja4_alpn(Some(v));
    assert_eq!(alpn(b"h2"), "h2");
    assert_eq!(alpn(b"http/1.1"), "h1");
    assert_eq!(alpn(b"h"), "hh");
    assert_eq!(alpn(&[0xab]), "ab");
    assert_eq!(alpn(&[0xab, 0xcd]), "ad");
    assert_eq!(alpn(&[0x30, 0xab]), "3b");
    assert_eq!(alpn(&[0x30, 0x31, 0xab, 0xcd]), "3d");
    assert_eq!(alpn(&[0x30, 0xab, 0xcd, 0x31]), "01");
    assert_eq!(alpn(b""), "00");
    assert_eq!(ja4_alpn(None), "00");
}

#[test]
fn no_sni_no_alpn_no_supported_versions_no_signatures() {
    // A TLS 1.2 style hello: the version comes from legacy_version, `i` without SNI,
    // `00` without ALPN, and no `_` before an empty list of signature algorithms.
    let hello = hello(&[0xc02f, 0x009c], &[0x000b, 0xff01], &[], &[]);
    let ja4 = ja4(&hello);
    assert_eq!(ja4.raw, "t12i020200_009c,c02f_000b,ff01");
    assert_eq!(
        ja4.fingerprint,
        format!(
            "t12i020200_{}_{}",
            ja4_hash("009c,c02f"),
            ja4_hash("000b,ff01")
        )
    );
}

#[test]
fn no_suites_and_only_sni_and_alpn_hash_to_zeros() {
    let hello = hello(&[0x0a0a], &[0x0000, 0x0010], &[], &["http/1.1"]);
    assert_eq!(
        ja4(&hello).fingerprint,
        "t12d0002h1_000000000000_000000000000"
    );
}

#[test]
fn counts_stop_at_99() {
    let suites: Vec<u16> = (0x0100..0x0100 + 120).collect();
    let hello = hello(&suites, &[0x0017, 0x0023], &[], &[]);
    assert!(ja4(&hello).fingerprint.starts_with("t12i9902"));
}

#[test]
fn offered_names_known_codes_grease_and_unknown_numbers() {
    let hello = hello(
        &[0x3a3a, 0x1301, 0x00ff, 0x0a0b],
        &[
            0x1a1a, 0x0000, 0x000a, 0x0033, 0x002b, 0x000d, 0x0010, 0x44cd, 0x7e57,
        ],
        &[0x0403, 0x0807, 0xbaba],
        &["h2", "http/1.1"],
    );
    let offered = Offered::of(&hello);
    assert_eq!(offered.legacy_version, "TLS 1.2");
    assert_eq!(offered.versions, ["GREASE 0x8a8a", "TLS 1.3", "TLS 1.2"]);
    assert_eq!(
        offered.cipher_suites,
        [
            "GREASE 0x3a3a",
            "TLS_AES_128_GCM_SHA256",
            "TLS_EMPTY_RENEGOTIATION_INFO_SCSV",
            "0x0a0b"
        ]
    );
    assert_eq!(
        offered.groups,
        ["GREASE 0x2a2a", "x25519", "secp256r1", "secp384r1"]
    );
    assert_eq!(offered.key_share_groups, ["GREASE 0x2a2a", "x25519"]);
    assert_eq!(
        offered.signature_schemes,
        ["ecdsa_secp256r1_sha256", "ed25519", "GREASE 0xbaba"]
    );
    assert_eq!(offered.alpn, ["h2", "http/1.1"]);
    assert_eq!(offered.server_name.as_deref(), Some("bank.example"));
    assert_eq!(
        offered.extensions,
        [
            "GREASE 0x1a1a",
            "server_name",
            "supported_groups",
            "key_share",
            "supported_versions",
            "signature_algorithms",
            "application_layer_protocol_negotiation",
            "application_settings",
            "0x7e57"
        ]
    );
    // GREASE signature algorithms are left out of JA4 too.
    assert!(
        ja4(&hello).raw.ends_with("_0403,0807"),
        "{}",
        ja4(&hello).raw
    );
}

#[test]
fn alpn_names_that_are_not_text_are_hex() {
    assert_eq!(protocol_name(b"h2"), "h2");
    assert_eq!(protocol_name(&[0xff, 0x00]), "0xff00");
    assert_eq!(protocol_name(b"a b"), "0x612062");
}

fn server_hello(random: [u8; 32], extensions: Vec<Extension>) -> ServerHello {
    ServerHello {
        legacy_version: 0x0303,
        random,
        legacy_session_id_echo: Vec::new(),
        cipher_suite: 0x1301,
        legacy_compression_method: 0,
        extensions,
    }
}

#[test]
fn chosen_reads_the_server_hello_the_retry_and_encrypted_extensions() {
    let retry = server_hello(
        crate::wire::handshake::HELLO_RETRY_REQUEST_RANDOM,
        vec![
            Extension::SupportedVersionsServer(0x0304),
            Extension::KeyShareHelloRetryRequest(0x0017),
        ],
    );
    let hello = server_hello(
        [3; 32],
        vec![
            Extension::SupportedVersionsServer(0x0304),
            Extension::KeyShareServer(KeyShareEntry {
                group: 0x0017,
                key_exchange: vec![4; 65],
            }),
        ],
    );
    let chosen = Chosen::of(&hello, Some(&retry)).with_encrypted_extensions(&EncryptedExtensions {
        extensions: vec![Extension::Alpn(vec![b"http/1.1".to_vec()])],
    });
    assert_eq!(
        chosen,
        Chosen {
            version: Some("TLS 1.3".into()),
            cipher_suite: "TLS_AES_128_GCM_SHA256".into(),
            key_share_group: Some("secp256r1".into()),
            hello_retry_group: Some("secp256r1".into()),
            alpn: Some("http/1.1".into()),
            signature_scheme: None,
        }
    );
    assert_eq!(Chosen::of(&hello, None).hello_retry_group, None);
}

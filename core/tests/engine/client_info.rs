//! Offered, chosen and JA4 of the real ClientHellos in `fixtures/client_hellos/`,
//! each taken through a live server session as `serve` would.

use handshake_lab_core::crypto::{IssuedPki, LabRng, Validity, issue_pki};
use handshake_lab_core::live::{ServerSession, negotiation};
use handshake_lab_core::sim::SessionPki;
use handshake_lab_core::sim::clock::SESSION_START_UNIX;
use handshake_lab_core::tls::ServerConfig;

fn hex(text: &str) -> Vec<u8> {
    let text = text.trim();
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).expect("fixture hex"))
        .collect()
}

fn pki() -> IssuedPki {
    issue_pki(
        &mut LabRng::from_seed(12),
        "Handshake Lab Root CA",
        "bank.example",
        Validity {
            not_before: SESSION_START_UNIX - 86_400,
            not_after: SESSION_START_UNIX + 30 * 86_400,
        },
    )
    .expect("the lab PKI")
}

fn first_flight(pki: &IssuedPki, fixture: &str) -> handshake_lab_core::sim::Timeline {
    let config = ServerConfig {
        cert_chain: vec![pki.server_cert_der.clone()],
        key: pki.server_key.clone().into(),
    };
    let mut session = ServerSession::new(config, &mut LabRng::from_seed(3), "bank.example");
    let _ = session.receive(&hex(fixture), 1_000);
    session.timeline(
        SESSION_START_UNIX,
        SessionPki {
            ca_cert_der: pki.ca_cert_der.clone(),
            server_cert_der: pki.server_cert_der.clone(),
            server_key_pem: pki.server_key.to_pkcs8_pem(),
        },
    )
}

const CURL: &str = include_str!("../fixtures/client_hellos/curl.hex");
const OPENSSL: &str = include_str!("../fixtures/client_hellos/openssl.hex");
const OPENSSL_FFDHE: &str = include_str!("../fixtures/client_hellos/openssl-ffdhe2048-p256.hex");
const PYTHON: &str = include_str!("../fixtures/client_hellos/python-ssl.hex");
const RUSTLS: &str = include_str!("../fixtures/client_hellos/rustls.hex");
const CHROMIUM: &str = include_str!("../fixtures/client_hellos/chromium.hex");

/// The fingerprints of the fixtures, pinned: a change in the parser or in JA4 shows.
/// curl's first two parts (`t13d3112h2_e8f1e7e78f70`: 31 suites, 12 extensions, h2,
/// OpenSSL 3's suite list) are those published for curl 8.6.0 on OpenSSL; its
/// extensions differ from 7.88.1's, and so does the last part.
#[test]
fn each_clients_ja4() {
    let pki = pki();
    for (fixture, expected) in [
        (CURL, "t13d3112h2_e8f1e7e78f70_b26ce05bbdd6"),
        (OPENSSL, "t13d311000_e8f1e7e78f70_1f22a2ca17c4"),
        (OPENSSL_FFDHE, "t13d311000_e8f1e7e78f70_1f22a2ca17c4"),
        (PYTHON, "t13d181100_85036bcba153_d41ae481755e"),
        (RUSTLS, "t13d030900_55b375c5d22e_6a7d638fc319"),
        // The same JA4 as published for Chrome 143 (a fingerprint is a program's).
        (CHROMIUM, "t13d1516h2_8daaf6152771_d8a2da3f94cd"),
    ] {
        let negotiation = negotiation(&first_flight(&pki, fixture)).expect("a ClientHello");
        assert_eq!(negotiation.ja4.fingerprint, expected);
        assert_eq!(
            negotiation.ja4.raw.split('_').next(),
            expected.split('_').next()
        );
    }
}

#[test]
fn curl_offered_h2_and_http11_and_the_server_chose_http11_with_x25519() {
    let negotiation = negotiation(&first_flight(&pki(), CURL)).expect("a ClientHello");
    let offered = &negotiation.offered;
    assert_eq!(offered.server_name.as_deref(), Some("bank.example"));
    assert_eq!(offered.alpn, ["h2", "http/1.1"]);
    assert_eq!(offered.versions[0], "TLS 1.3");
    assert_eq!(offered.key_share_groups, ["x25519"]);
    assert_eq!(offered.cipher_suites.len(), 31);
    assert_eq!(
        offered.extensions.first().map(String::as_str),
        Some("server_name")
    );
    assert_eq!(
        offered.extensions.last().map(String::as_str),
        Some("padding")
    );
    // OpenSSL still lists the SHA-1 and SHA-224 codes of TLS 1.2 (not in the lab's list).
    assert!(offered.signature_schemes.contains(&"0x0303".to_string()));
    let chosen = negotiation.chosen.expect("a ServerHello");
    assert_eq!(chosen.version.as_deref(), Some("TLS 1.3"));
    assert_eq!(chosen.cipher_suite, "TLS_AES_128_GCM_SHA256");
    assert_eq!(chosen.key_share_group.as_deref(), Some("x25519"));
    assert_eq!(chosen.alpn.as_deref(), Some("http/1.1"));
    assert_eq!(
        chosen.signature_scheme.as_deref(),
        Some("ecdsa_secp256r1_sha256")
    );
    assert_eq!(chosen.hello_retry_group, None);
}

#[test]
fn openssl_with_ffdhe2048_first_is_asked_again_for_secp256r1() {
    let negotiation = negotiation(&first_flight(&pki(), OPENSSL_FFDHE)).expect("a ClientHello");
    assert_eq!(negotiation.offered.key_share_groups, ["ffdhe2048"]);
    assert_eq!(negotiation.offered.groups, ["ffdhe2048", "secp256r1"]);
    let chosen = negotiation.chosen.expect("a HelloRetryRequest");
    assert_eq!(chosen.hello_retry_group.as_deref(), Some("secp256r1"));
    assert_eq!(chosen.key_share_group, None);
}

#[test]
fn a_hello_cut_short_has_no_negotiation() {
    let mut broken = CURL.trim().to_string();
    broken.truncate(200);
    assert_eq!(negotiation(&first_flight(&pki(), &broken)), None);
}

#[test]
fn chromium_offers_a_post_quantum_share_and_grease_and_gets_x25519() {
    let negotiation = negotiation(&first_flight(&pki(), CHROMIUM)).expect("a ClientHello");
    let offered = &negotiation.offered;
    assert!(
        offered
            .key_share_groups
            .iter()
            .any(|g| g == "X25519MLKEM768")
    );
    assert!(
        offered
            .key_share_groups
            .iter()
            .any(|g| g.starts_with("GREASE 0x"))
    );
    assert!(
        offered
            .extensions
            .iter()
            .any(|e| e == "encrypted_client_hello")
    );
    assert!(
        offered
            .extensions
            .iter()
            .any(|e| e == "compress_certificate")
    );
    let chosen = negotiation.chosen.as_ref().expect("a ServerHello");
    assert_eq!(chosen.key_share_group.as_deref(), Some("x25519"));
    assert_eq!(chosen.cipher_suite, "TLS_AES_128_GCM_SHA256");
}

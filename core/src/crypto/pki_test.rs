//! Unit tests of `pki` (kept beside it, rustls style).

use super::chain::tbs_bytes;
use super::*;

const NOW: u64 = 1_767_225_600; // 2026-01-01T00:00:00Z

fn validity() -> Validity {
    Validity {
        not_before: NOW - DAY,
        not_after: NOW + 365 * DAY,
    }
}

fn lab(seed: u64, name: &str) -> IssuedPki {
    issue_pki(
        &mut LabRng::from_seed(seed),
        "Handshake Lab Root CA",
        name,
        validity(),
    )
    .unwrap()
}

fn verdict(pki: &IssuedPki, name: &str, now: u64) -> ChainVerdict {
    verify_server_chain(
        std::slice::from_ref(&pki.server_cert_der),
        &pki.ca_cert_der,
        name,
        now,
    )
}

#[test]
fn summaries_show_the_profile() {
    let pki = lab(1, "bank.example");
    let ca = summarize_certificate(&pki.ca_cert_der).unwrap();
    assert_eq!(ca.subject, "CN=Handshake Lab Root CA, O=Handshake Lab");
    assert_eq!(ca.issuer, ca.subject);
    assert!(ca.is_ca);
    assert_eq!(ca.key_usage, ["keyCertSign", "cRLSign"]);
    assert_eq!(ca.signature_algorithm, "ecdsa-with-SHA256");
    assert_eq!(ca.public_key_sec1, pki.ca_key.public_sec1());
    assert_eq!(ca.not_before, NOW - DAY);
    assert_eq!(ca.not_after, NOW + 365 * DAY);
    assert_eq!(ca.serial_hex.len(), 32);

    let srv = summarize_certificate(&pki.server_cert_der).unwrap();
    assert_eq!(srv.subject, "CN=bank.example");
    assert_eq!(srv.issuer, "CN=Handshake Lab Root CA, O=Handshake Lab");
    assert_eq!(srv.san_dns, ["bank.example"]);
    assert!(!srv.is_ca);
    assert_eq!(srv.key_usage, ["digitalSignature"]);
    assert_eq!(srv.extended_key_usage, ["serverAuth"]);
    assert_eq!(srv.public_key_sec1, pki.server_key.public_sec1());
    assert_ne!(srv.serial_hex, ca.serial_hex);
}

#[test]
fn der_details_rustls_cares_about() {
    let pki = lab(1, "bank.example");
    for der in [&pki.ca_cert_der, &pki.server_cert_der] {
        let cert = Certificate::from_der(der).unwrap();
        let tbs = cert.tbs_certificate();
        assert_eq!(tbs.version(), x509_cert::Version::V3);
        assert_eq!(cert.signature_algorithm().oid, rfc5912::ECDSA_WITH_SHA_256);
        assert!(
            cert.signature_algorithm().parameters.is_none(),
            "absent, not NULL"
        );
        assert_eq!(tbs.signature(), cert.signature_algorithm());
        // Years before 2050 must be UTCTime (RFC 5280 §4.1.2.5).
        assert!(matches!(tbs.validity().not_before, Time::UtcTime(_)));
        // The serial is positive and at most 20 bytes.
        let serial = tbs.serial_number().as_bytes();
        assert!(serial.len() <= 20 && serial[0] & 0x80 == 0);
    }
    let ca = Certificate::from_der(&pki.ca_cert_der).unwrap();
    let (critical, bc) = ca
        .tbs_certificate()
        .get_extension::<BasicConstraints>()
        .unwrap()
        .unwrap();
    assert!(critical && bc.ca);
    let (critical, _) = ca
        .tbs_certificate()
        .get_extension::<KeyUsage>()
        .unwrap()
        .unwrap();
    assert!(critical);
    let ski = ca
        .tbs_certificate()
        .get_extension::<SubjectKeyIdentifier>()
        .unwrap()
        .unwrap()
        .1;
    let srv = Certificate::from_der(&pki.server_cert_der).unwrap();
    let aki = srv
        .tbs_certificate()
        .get_extension::<AuthorityKeyIdentifier>()
        .unwrap()
        .unwrap()
        .1;
    assert_eq!(aki.key_identifier, Some(ski.0));
}

#[test]
fn pki_is_deterministic_per_seed() {
    let a = lab(9, "bank.example");
    let b = lab(9, "bank.example");
    assert_eq!(a.ca_cert_der, b.ca_cert_der);
    assert_eq!(a.server_cert_der, b.server_cert_der);
    assert_eq!(a.server_key.private_bytes(), b.server_key.private_bytes());
    let c = lab(10, "bank.example");
    assert_ne!(a.ca_cert_der, c.ca_cert_der);
}

#[test]
fn good_chain_passes_every_check() {
    let pki = lab(1, "bank.example");
    let v = verdict(&pki, "BANK.example", NOW);
    let names: Vec<&str> = v.checks.iter().map(|c| c.check.name()).collect();
    assert_eq!(
        names,
        [
            "parse",
            "issuer",
            "signature",
            "ca",
            "hostname",
            "validity",
            "key_usage"
        ]
    );
    assert!(v.checks.iter().all(|c| c.passed), "{:#?}", v.checks);
    assert_eq!(v.failure, None);
    assert!(v.is_ok());
    assert_eq!(v.server_public_key, Some(pki.server_key.public_sec1()));
}

#[test]
fn wrong_host_is_bad_certificate() {
    let pki = lab(1, "bank.example");
    let v = verdict(&pki, "evil.example", NOW);
    assert_eq!(v.failure, Some(ChainFailure::BadCertificate));
    let host = v
        .checks
        .iter()
        .find(|c| c.check == ChainCheckName::Hostname)
        .unwrap();
    assert!(!host.passed);
    assert!(host.detail.to_string().contains("bank.example"));
    assert!(
        v.checks
            .iter()
            .filter(|c| c.check != ChainCheckName::Hostname)
            .all(|c| c.passed)
    );
}

#[test]
fn outside_validity_is_expired() {
    let pki = lab(1, "bank.example");
    let v = verdict(&pki, "bank.example", NOW + 400 * DAY);
    assert_eq!(v.failure, Some(ChainFailure::CertificateExpired));
    let v = verdict(&pki, "bank.example", NOW - 2 * DAY);
    assert_eq!(v.failure, Some(ChainFailure::CertificateExpired));
    assert!(
        v.checks
            .iter()
            .any(|c| c.detail.to_string().contains("not valid before"))
    );
    // Boundaries are inclusive.
    assert!(verdict(&pki, "bank.example", NOW - DAY).is_ok());
    assert!(verdict(&pki, "bank.example", NOW + 365 * DAY).is_ok());
}

#[test]
fn other_ca_is_unknown_ca() {
    // A man in the middle with his own "Handshake Lab Root CA" (same name, other key):
    // the name matches but the signature does not.
    let real = lab(1, "bank.example");
    let mitm = lab(2, "bank.example");
    let v = verify_server_chain(
        std::slice::from_ref(&mitm.server_cert_der),
        &real.ca_cert_der,
        "bank.example",
        NOW,
    );
    assert_eq!(v.failure, Some(ChainFailure::BadCertificate));
    let sig = v
        .checks
        .iter()
        .find(|c| c.check == ChainCheckName::Signature)
        .unwrap();
    assert!(!sig.passed);
    // A differently named CA fails the issuer check first.
    let other = issue_pki(
        &mut LabRng::from_seed(3),
        "Mallory CA",
        "bank.example",
        validity(),
    )
    .unwrap();
    let v = verify_server_chain(
        std::slice::from_ref(&other.server_cert_der),
        &real.ca_cert_der,
        "bank.example",
        NOW,
    );
    assert_eq!(v.failure, Some(ChainFailure::UnknownCa));
    assert!(!v.checks[1].passed);
    assert_eq!(v.checks.len(), 7);
}

#[test]
fn tampered_or_garbage_certificates() {
    let pki = lab(1, "bank.example");
    // Flip a byte inside the signed part (in the subject CN).
    let mut bad = pki.server_cert_der.clone();
    let pos = bad.windows(12).position(|w| w == b"bank.example").unwrap();
    bad[pos] = b'B';
    let v = verify_server_chain(&[bad], &pki.ca_cert_der, "bank.example", NOW);
    assert_eq!(v.failure, Some(ChainFailure::BadCertificate));
    // Garbage, empty chain, truncated.
    let v = verify_server_chain(&[vec![1, 2, 3]], &pki.ca_cert_der, "bank.example", NOW);
    assert_eq!(v.failure, Some(ChainFailure::BadCertificate));
    assert_eq!(v.checks.len(), 7);
    assert!(v.checks.iter().all(|c| !c.passed));
    assert_eq!(v.server_public_key, None);
    let v = verify_server_chain(&[], &pki.ca_cert_der, "bank.example", NOW);
    assert_eq!(v.failure, Some(ChainFailure::BadCertificate));
    let half = pki.server_cert_der[..pki.server_cert_der.len() / 2].to_vec();
    let v = verify_server_chain(&[half], &pki.ca_cert_der, "bank.example", NOW);
    assert_eq!(v.failure, Some(ChainFailure::BadCertificate));
    assert!(summarize_certificate(&[0x30, 0x03, 1, 2, 3]).is_err());
    assert!(tbs_bytes(&[0x30, 0x85, 1, 1, 1, 1, 1]).is_none());
    assert!(tbs_bytes(&[]).is_none());
}

#[test]
fn leaf_as_root_is_not_a_ca() {
    // Trusting the server's own certificate as a root: issuer and CA checks fail.
    let pki = lab(1, "bank.example");
    let v = verify_server_chain(
        std::slice::from_ref(&pki.server_cert_der),
        &pki.server_cert_der,
        "bank.example",
        NOW,
    );
    assert_eq!(v.failure, Some(ChainFailure::UnknownCa));
    let ca = v
        .checks
        .iter()
        .find(|c| c.check == ChainCheckName::Ca)
        .unwrap();
    assert!(!ca.passed);
}

#[test]
fn bad_inputs_are_build_errors() {
    let mut rng = LabRng::from_seed(1);
    assert!(matches!(
        issue_pki(&mut rng, "CA", "bänk.example", validity()),
        Err(CryptoError::Build(_))
    ));
    assert!(matches!(
        issue_pki(
            &mut rng,
            "CA",
            "bank.example",
            Validity {
                not_before: 0,
                not_after: u64::MAX
            }
        ),
        Err(CryptoError::Build(_))
    ));
}

/// rustls (webpki, ring provider) must accept our chain as a real one.
#[test]
fn rustls_webpki_accepts_the_chain() {
    use rustls::client::WebPkiServerVerifier;
    use rustls::client::danger::ServerCertVerifier;
    use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
    use std::sync::Arc;

    let pki = lab(1, "bank.example");
    let mut roots = rustls::RootCertStore::empty();
    roots
        .add(CertificateDer::from(pki.ca_cert_der.clone()))
        .unwrap();
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let verifier = WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider)
        .build()
        .unwrap();
    let leaf = CertificateDer::from(pki.server_cert_der.clone());
    let at = |t: u64| UnixTime::since_unix_epoch(Duration::from_secs(t));
    let name = ServerName::try_from("bank.example").unwrap();

    let ok = verifier.verify_server_cert(&leaf, &[], &name, &[], at(NOW));
    assert!(ok.is_ok(), "rustls rejected our chain: {ok:?}");

    let other = ServerName::try_from("evil.example").unwrap();
    let err = verifier
        .verify_server_cert(&leaf, &[], &other, &[], at(NOW))
        .unwrap_err();
    assert!(format!("{err:?}").contains("NotValidForName"), "{err:?}");

    let err = verifier
        .verify_server_cert(&leaf, &[], &name, &[], at(NOW + 400 * DAY))
        .unwrap_err();
    assert!(format!("{err:?}").contains("Expired"), "{err:?}");

    let err = verifier
        .verify_server_cert(&leaf, &[], &name, &[], at(NOW - 2 * DAY))
        .unwrap_err();
    assert!(format!("{err:?}").contains("NotValidYet"), "{err:?}");

    // An impostor CA with the same name: webpki finds the root by name, then the
    // signature fails (our check says the same: "signature").
    let mitm = lab(2, "bank.example");
    let err = verifier
        .verify_server_cert(
            &CertificateDer::from(mitm.server_cert_der.clone()),
            &[],
            &name,
            &[],
            at(NOW),
        )
        .unwrap_err();
    assert!(format!("{err:?}").contains("BadSignature"), "{err:?}");

    // A differently named CA is an unknown issuer (our "issuer" check -> unknown_ca).
    let other = issue_pki(
        &mut LabRng::from_seed(3),
        "Mallory CA",
        "bank.example",
        validity(),
    )
    .unwrap();
    let err = verifier
        .verify_server_cert(
            &CertificateDer::from(other.server_cert_der.clone()),
            &[],
            &name,
            &[],
            at(NOW),
        )
        .unwrap_err();
    assert!(format!("{err:?}").contains("UnknownIssuer"), "{err:?}");
}

#[test]
fn pem_base64_padding() {
    assert_eq!(pem("X", b""), "-----BEGIN X-----\n-----END X-----\n");
    assert_eq!(pem("X", b"f"), "-----BEGIN X-----\nZg==\n-----END X-----\n");
    assert_eq!(
        pem("X", b"fo"),
        "-----BEGIN X-----\nZm8=\n-----END X-----\n"
    );
    assert_eq!(
        pem("X", b"foo"),
        "-----BEGIN X-----\nZm9v\n-----END X-----\n"
    );
    let long = pem("X", &[0u8; 60]);
    let lines: Vec<&str> = long.lines().collect();
    assert_eq!(lines[1].len(), 64);
    assert_eq!(lines[2].len(), 16);
}

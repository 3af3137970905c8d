//! Unit tests of `verify` and of certificate signatures: every signature here is made
//! by ring (through rustls or rcgen), never by the code under test.

use rustls::SignatureScheme as Ring;

use super::*;
use crate::crypto::pki::{certificate_signature_algorithm, verify_certificate_signature};
use crate::crypto::test_pki::{
    KeyType, algorithm_id, chain, key, pss_parameters, resign, ring_sign,
};
use crate::crypto::tls13_certificate_verify_content;

const SHA256: &str = "2.16.840.1.101.3.4.2.1";
const SHA384: &str = "2.16.840.1.101.3.4.2.2";
const SHA1: &str = "1.3.14.3.2.26";

fn content() -> Vec<u8> {
    tls13_certificate_verify_content(true, &[0x5a; 32])
}

fn spki(kind: KeyType, n: u64) -> (rcgen::KeyPair, Vec<u8>) {
    let key = key(kind, n);
    let spki = rcgen::PublicKeyData::subject_public_key_info(&key);
    (key, spki)
}

#[test]
fn every_scheme_made_by_ring_verifies() {
    let cases = [
        (
            KeyType::P256,
            Ring::ECDSA_NISTP256_SHA256,
            SignatureScheme::EcdsaSecp256r1Sha256,
        ),
        (
            KeyType::P384,
            Ring::ECDSA_NISTP384_SHA384,
            SignatureScheme::EcdsaSecp384r1Sha384,
        ),
        (KeyType::Ed25519, Ring::ED25519, SignatureScheme::Ed25519),
        (
            KeyType::RsaSha256,
            Ring::RSA_PSS_SHA256,
            SignatureScheme::RsaPssRsaeSha256,
        ),
        (
            KeyType::RsaSha256,
            Ring::RSA_PSS_SHA384,
            SignatureScheme::RsaPssRsaeSha384,
        ),
        (
            KeyType::RsaSha256,
            Ring::RSA_PSS_SHA512,
            SignatureScheme::RsaPssRsaeSha512,
        ),
        (
            KeyType::RsaSha256,
            Ring::RSA_PKCS1_SHA256,
            SignatureScheme::RsaPkcs1Sha256,
        ),
        (
            KeyType::RsaSha256,
            Ring::RSA_PKCS1_SHA384,
            SignatureScheme::RsaPkcs1Sha384,
        ),
        (
            KeyType::RsaSha256,
            Ring::RSA_PKCS1_SHA512,
            SignatureScheme::RsaPkcs1Sha512,
        ),
    ];
    let message = content();
    for (kind, ring_scheme, scheme) in cases {
        let (key, spki) = spki(kind, 1);
        let signature = ring_sign(&key, ring_scheme, &message);
        assert_eq!(
            verify_tls_signature(scheme, &spki, &message, &signature),
            Ok(()),
            "{scheme:?}"
        );
        // One bit of the message or the signature changed: refused.
        let mut other = message.clone();
        other[70] ^= 1;
        assert_eq!(
            verify_tls_signature(scheme, &spki, &other, &signature),
            Err(CryptoError::BadSignature),
            "{scheme:?} other message"
        );
        let mut tampered = signature.clone();
        let last = tampered.len() - 1;
        tampered[last / 2] ^= 0x10;
        assert_eq!(
            verify_tls_signature(scheme, &spki, &message, &tampered),
            Err(CryptoError::BadSignature),
            "{scheme:?} tampered"
        );
        assert_eq!(
            verify_tls_signature(scheme, &spki, &message, &[]),
            Err(CryptoError::BadSignature),
            "{scheme:?} empty"
        );
    }
}

#[test]
fn every_offered_scheme_is_verifiable_and_listed_once() {
    let schemes = verifiable_signature_schemes();
    assert_eq!(schemes.len(), 9);
    assert_eq!(schemes[0], SignatureScheme::EcdsaSecp256r1Sha256);
    for (i, scheme) in schemes.iter().enumerate() {
        assert!(!schemes[..i].contains(scheme), "{scheme:?} twice");
        // A verifiable scheme never answers "unsupported".
        let result = verify_tls_signature(*scheme, &[], b"", b"");
        assert!(
            !matches!(result, Err(CryptoError::UnsupportedScheme(_))),
            "{scheme:?}"
        );
    }
    // PKCS#1 v1.5 comes after every scheme TLS 1.3 allows in CertificateVerify.
    let first_pkcs1 = schemes
        .iter()
        .position(|s| s.rfc_name().is_some_and(|n| n.starts_with("rsa_pkcs1")))
        .unwrap();
    assert!(
        schemes[first_pkcs1..]
            .iter()
            .all(|s| s.rfc_name().is_some_and(|n| n.starts_with("rsa_pkcs1")))
    );
}

#[test]
fn a_key_of_the_wrong_type_is_named_with_the_scheme() {
    let message = content();
    let (p256, p256_spki) = spki(KeyType::P256, 1);
    let (_, p384_spki) = spki(KeyType::P384, 1);
    let (_, rsa_spki) = spki(KeyType::RsaSha256, 1);
    let (_, ed_spki) = spki(KeyType::Ed25519, 1);
    let signature = ring_sign(&p256, Ring::ECDSA_NISTP256_SHA256, &message);
    let mismatch = |key: &str, scheme: &str| CryptoError::KeyMismatch {
        key: key.into(),
        algorithm: scheme.into(),
    };
    assert_eq!(
        verify_tls_signature(
            SignatureScheme::RsaPssRsaeSha256,
            &p256_spki,
            &message,
            &signature
        ),
        Err(mismatch("ECDSA P-256", "rsa_pss_rsae_sha256"))
    );
    assert_eq!(
        verify_tls_signature(
            SignatureScheme::EcdsaSecp256r1Sha256,
            &p384_spki,
            &message,
            &signature
        ),
        Err(mismatch("ECDSA P-384", "ecdsa_secp256r1_sha256"))
    );
    assert_eq!(
        verify_tls_signature(SignatureScheme::Ed25519, &rsa_spki, &message, &signature),
        Err(mismatch("RSA-2048", "ed25519"))
    );
    assert_eq!(
        verify_tls_signature(
            SignatureScheme::EcdsaSecp384r1Sha384,
            &ed_spki,
            &message,
            &signature
        ),
        Err(mismatch("Ed25519", "ecdsa_secp384r1_sha384"))
    );
    let error = verify_tls_signature(
        SignatureScheme::RsaPkcs1Sha256,
        &p256_spki,
        &message,
        &signature,
    )
    .unwrap_err()
    .to_string();
    assert_eq!(
        error,
        "key type ECDSA P-256 does not match rsa_pkcs1_sha256"
    );
}

#[test]
fn unknown_schemes_and_broken_keys_are_errors() {
    let (_, p256_spki) = spki(KeyType::P256, 1);
    assert_eq!(
        verify_tls_signature(SignatureScheme::EcdsaSha1, &p256_spki, b"m", b"s"),
        Err(CryptoError::UnsupportedScheme("ecdsa_sha1".into()))
    );
    assert_eq!(
        verify_tls_signature(SignatureScheme::Unknown(0x1234), &p256_spki, b"m", b"s"),
        Err(CryptoError::UnsupportedScheme("0x1234".into()))
    );
    assert!(matches!(
        verify_tls_signature(
            SignatureScheme::EcdsaSecp256r1Sha256,
            b"garbage",
            b"m",
            b"s"
        ),
        Err(CryptoError::Certificate(_))
    ));
    // A valid SPKI wrapper around a point that is not on the curve.
    let mut broken = p256_spki.clone();
    let last = broken.len() - 1;
    broken[last] ^= 1;
    assert_eq!(
        verify_tls_signature(SignatureScheme::EcdsaSecp256r1Sha256, &broken, b"m", b"s"),
        Err(CryptoError::InvalidPublicKey)
    );
}

#[test]
fn certificates_signed_by_every_key_type_verify_with_the_issuer_key() {
    for kind in [
        KeyType::P256,
        KeyType::P384,
        KeyType::Ed25519,
        KeyType::RsaSha256,
        KeyType::RsaSha384,
        KeyType::RsaSha512,
    ] {
        let chain = chain(kind, &["a.example"]);
        let expected = match kind {
            KeyType::P256 => SignatureAlgorithm::Ecdsa(HashAlgorithm::Sha256),
            KeyType::P384 => SignatureAlgorithm::Ecdsa(HashAlgorithm::Sha384),
            KeyType::Ed25519 => SignatureAlgorithm::Ed25519,
            KeyType::RsaSha256 => SignatureAlgorithm::RsaPkcs1(HashAlgorithm::Sha256),
            KeyType::RsaSha384 => SignatureAlgorithm::RsaPkcs1(HashAlgorithm::Sha384),
            KeyType::RsaSha512 => SignatureAlgorithm::RsaPkcs1(HashAlgorithm::Sha512),
        };
        assert_eq!(
            verify_certificate_signature(&chain.leaf.der, &chain.intermediate.spki_der()),
            Ok(expected),
            "{kind:?}"
        );
        assert_eq!(
            verify_certificate_signature(&chain.intermediate.der, &chain.root.spki_der()),
            Ok(expected),
            "{kind:?}"
        );
        assert_eq!(
            verify_certificate_signature(&chain.root.der, &chain.root.spki_der()),
            Ok(expected),
            "{kind:?} self-signed"
        );
        // Not the issuer's key.
        assert!(
            verify_certificate_signature(&chain.leaf.der, &chain.root.spki_der()).is_err(),
            "{kind:?} wrong key"
        );
    }
}

#[test]
fn ecdsa_certificates_use_the_issuer_curve_whatever_the_hash() {
    // A P-384 root signs a P-256 intermediate (ecdsa-with-SHA384 by a P-384 key), and
    // the P-256 intermediate signs the leaf (ecdsa-with-SHA256).
    use crate::crypto::test_pki::{ca_params, issued, leaf_params, self_signed};
    let root = self_signed(ca_params("P-384 Root", None), key(KeyType::P384, 0));
    let intermediate = issued(
        ca_params("P-256 Intermediate", None),
        key(KeyType::P256, 3),
        &root,
    );
    let leaf = issued(
        leaf_params(&["mixed.example"]),
        key(KeyType::P256, 4),
        &intermediate,
    );
    assert_eq!(
        verify_certificate_signature(&intermediate.der, &root.spki_der()),
        Ok(SignatureAlgorithm::Ecdsa(HashAlgorithm::Sha384))
    );
    assert_eq!(
        verify_certificate_signature(&leaf.der, &intermediate.spki_der()),
        Ok(SignatureAlgorithm::Ecdsa(HashAlgorithm::Sha256))
    );
}

#[test]
fn rsassa_pss_certificates_verify_with_their_parameters() {
    let chain = chain(KeyType::RsaSha256, &["pss.example"]);
    for (hash_oid, ring_scheme, hash) in [
        (SHA256, Ring::RSA_PSS_SHA256, HashAlgorithm::Sha256),
        (SHA384, Ring::RSA_PSS_SHA384, HashAlgorithm::Sha384),
    ] {
        let salt = hash.output_len() as u8;
        let algorithm = algorithm_id(
            "1.2.840.113549.1.1.10",
            Some(&pss_parameters(hash_oid, hash_oid, salt)),
        );
        let pss_leaf = resign(&chain.leaf.der, &algorithm, |tbs| {
            ring_sign(&chain.intermediate.key, ring_scheme, tbs)
        });
        assert_eq!(
            verify_certificate_signature(&pss_leaf, &chain.intermediate.spki_der()),
            Ok(SignatureAlgorithm::RsaPss {
                hash,
                salt_len: hash.output_len()
            })
        );
        // The same signature read with a different salt length in the parameters fails.
        let wrong_salt = algorithm_id(
            "1.2.840.113549.1.1.10",
            Some(&pss_parameters(hash_oid, hash_oid, salt - 1)),
        );
        let relabelled = resign(&chain.leaf.der, &wrong_salt, |tbs| {
            ring_sign(&chain.intermediate.key, ring_scheme, tbs)
        });
        assert_eq!(
            verify_certificate_signature(&relabelled, &chain.intermediate.spki_der()),
            Err(CryptoError::BadSignature)
        );
    }
    // MGF1 with another hash than the message hash: refused by name.
    let mixed = algorithm_id(
        "1.2.840.113549.1.1.10",
        Some(&pss_parameters(SHA256, SHA1, 32)),
    );
    let cert = resign(&chain.leaf.der, &mixed, |tbs| {
        ring_sign(&chain.intermediate.key, Ring::RSA_PSS_SHA256, tbs)
    });
    let error = verify_certificate_signature(&cert, &chain.intermediate.spki_der()).unwrap_err();
    assert_eq!(
        error,
        CryptoError::UnsupportedAlgorithm("RSASSA-PSS with SHA-256 and MGF1 with SHA-1".into())
    );
}

#[test]
fn unknown_and_refused_algorithms_name_their_oid() {
    let chain = chain(KeyType::RsaSha256, &["old.example"]);
    let sha1_rsa = algorithm_id("1.2.840.113549.1.1.5", Some(&[0x05, 0x00]));
    let cert = resign(&chain.leaf.der, &sha1_rsa, |tbs| {
        ring_sign(&chain.intermediate.key, Ring::RSA_PKCS1_SHA256, tbs)
    });
    let error = verify_certificate_signature(&cert, &chain.intermediate.spki_der()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "unsupported signature algorithm: sha1WithRSAEncryption (1.2.840.113549.1.1.5)"
    );
    let made_up = algorithm_id("1.2.3.4.5", None);
    let alg: x509_cert::spki::AlgorithmIdentifierOwned =
        x509_cert::der::Decode::from_der(&made_up).unwrap();
    assert_eq!(
        certificate_signature_algorithm(&alg),
        Err(CryptoError::UnsupportedAlgorithm("OID 1.2.3.4.5".into()))
    );
    // PSS without parameters means SHA-1 defaults: refused.
    let bare_pss = algorithm_id("1.2.840.113549.1.1.10", None);
    let alg: x509_cert::spki::AlgorithmIdentifierOwned =
        x509_cert::der::Decode::from_der(&bare_pss).unwrap();
    assert!(matches!(
        certificate_signature_algorithm(&alg),
        Err(CryptoError::UnsupportedAlgorithm(_))
    ));
}

#[test]
fn an_ecdsa_issuer_cannot_verify_an_rsa_signed_certificate() {
    let rsa = chain(KeyType::RsaSha256, &["r.example"]);
    let ec = chain(KeyType::P256, &["e.example"]);
    assert_eq!(
        verify_certificate_signature(&rsa.leaf.der, &ec.intermediate.spki_der()),
        Err(CryptoError::KeyMismatch {
            key: "ECDSA P-256".into(),
            algorithm: "RSA PKCS#1 v1.5 SHA-256".into()
        })
    );
}

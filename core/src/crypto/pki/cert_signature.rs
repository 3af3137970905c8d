//! A certificate's signature, checked with its issuer's key (RFC 5280 §4.1.1.2-3):
//! the algorithm named in `signatureAlgorithm` (and identically inside the signed
//! part), over the exact `tbsCertificate` bytes.
//!
//! ```text
//! RSASSA-PSS-params ::= SEQUENCE {
//!     hashAlgorithm      [0] HashAlgorithm      DEFAULT sha1,
//!     maskGenAlgorithm   [1] MaskGenAlgorithm   DEFAULT mgf1SHA1,
//!     saltLength         [2] INTEGER            DEFAULT 20,
//!     trailerField       [3] TrailerField       DEFAULT trailerFieldBC }
//! ```

use rsa::pkcs1::RsaPssParams;
use x509_cert::certificate::Certificate;
use x509_cert::der::Any;
use x509_cert::der::oid::ObjectIdentifier;
use x509_cert::der::{Decode, Encode};
use x509_cert::spki::AlgorithmIdentifierOwned;

use super::chain::tbs_bytes;
use crate::crypto::CryptoError;
use crate::crypto::verify::{
    HashAlgorithm, OID_ED25519, OID_RSASSA_PSS, PublicKey, SignatureAlgorithm,
};

const OID_SHA1_WITH_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.5");
const OID_SHA256_WITH_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.11");
const OID_SHA384_WITH_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.12");
const OID_SHA512_WITH_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.13");
const OID_ECDSA_WITH_SHA1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.1");
const OID_ECDSA_WITH_SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.2");
const OID_ECDSA_WITH_SHA384: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.3");
const OID_ECDSA_WITH_SHA512: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.10045.4.3.4");
const OID_MGF1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.8");
const OID_SHA1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.14.3.2.26");
const OID_SHA256: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.1");
const OID_SHA384: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.2");
const OID_SHA512: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.16.840.1.101.3.4.2.3");

/// The name of a certificate signature algorithm (RFC 5280/4055/5758/8410 names), or
/// `None` for an OID the lab does not know.
pub fn signature_algorithm_oid_name(oid: &ObjectIdentifier) -> Option<&'static str> {
    [
        (OID_ECDSA_WITH_SHA256, "ecdsa-with-SHA256"),
        (OID_ECDSA_WITH_SHA384, "ecdsa-with-SHA384"),
        (OID_ECDSA_WITH_SHA512, "ecdsa-with-SHA512"),
        (OID_ECDSA_WITH_SHA1, "ecdsa-with-SHA1"),
        (OID_SHA256_WITH_RSA, "sha256WithRSAEncryption"),
        (OID_SHA384_WITH_RSA, "sha384WithRSAEncryption"),
        (OID_SHA512_WITH_RSA, "sha512WithRSAEncryption"),
        (OID_SHA1_WITH_RSA, "sha1WithRSAEncryption"),
        (OID_RSASSA_PSS, "RSASSA-PSS"),
        (OID_ED25519, "Ed25519"),
    ]
    .into_iter()
    .find(|(o, _)| o == oid)
    .map(|(_, name)| name)
}

fn hash_by_oid(oid: &ObjectIdentifier) -> Option<HashAlgorithm> {
    if *oid == OID_SHA256 {
        Some(HashAlgorithm::Sha256)
    } else if *oid == OID_SHA384 {
        Some(HashAlgorithm::Sha384)
    } else if *oid == OID_SHA512 {
        Some(HashAlgorithm::Sha512)
    } else {
        None
    }
}

fn hash_oid_name(oid: &ObjectIdentifier) -> String {
    if *oid == OID_SHA1 {
        "SHA-1".into()
    } else {
        hash_by_oid(oid).map_or_else(|| oid.to_string(), |h| h.name().to_string())
    }
}

fn unsupported(oid: &ObjectIdentifier) -> CryptoError {
    CryptoError::UnsupportedAlgorithm(match signature_algorithm_oid_name(oid) {
        Some(name) => format!("{name} ({oid})"),
        None => format!("OID {oid}"),
    })
}

/// RSASSA-PSS parameters (RFC 4055 §3.1): the hash, MGF1 with the same hash, the salt
/// length and trailer field 1. Absent fields take the RFC's SHA-1 defaults, which
/// the lab (like every current verifier) refuses.
fn pss_algorithm(parameters: Option<&Any>) -> Result<SignatureAlgorithm, CryptoError> {
    let der = match parameters {
        Some(any) => any
            .to_der()
            .map_err(|e| CryptoError::Certificate(format!("RSASSA-PSS parameters: {e}")))?,
        None => {
            return Err(CryptoError::UnsupportedAlgorithm(
                "RSASSA-PSS without parameters (SHA-1 defaults)".into(),
            ));
        }
    };
    let params = RsaPssParams::<Any>::from_der(&der)
        .map_err(|e| CryptoError::Certificate(format!("RSASSA-PSS parameters: {e}")))?;
    let hash = hash_by_oid(&params.hash.oid).ok_or_else(|| {
        CryptoError::UnsupportedAlgorithm(format!(
            "RSASSA-PSS with hash {}",
            hash_oid_name(&params.hash.oid)
        ))
    })?;
    if params.mask_gen.oid != OID_MGF1 {
        return Err(CryptoError::UnsupportedAlgorithm(format!(
            "RSASSA-PSS with mask generation {}",
            params.mask_gen.oid
        )));
    }
    let mgf_hash = params
        .mask_gen
        .parameters
        .as_ref()
        .map(|alg| alg.oid)
        .unwrap_or(OID_SHA1);
    if hash_by_oid(&mgf_hash) != Some(hash) {
        return Err(CryptoError::UnsupportedAlgorithm(format!(
            "RSASSA-PSS with {} and MGF1 with {}",
            hash.name(),
            hash_oid_name(&mgf_hash)
        )));
    }
    Ok(SignatureAlgorithm::RsaPss {
        hash,
        salt_len: usize::from(params.salt_len),
    })
}

/// What a certificate's `signatureAlgorithm` says was used. Unknown or refused
/// algorithms (SHA-1, PSS with a different MGF1 hash) are
/// [`CryptoError::UnsupportedAlgorithm`] naming the OID.
pub fn certificate_signature_algorithm(
    algorithm: &AlgorithmIdentifierOwned,
) -> Result<SignatureAlgorithm, CryptoError> {
    let oid = algorithm.oid;
    Ok(if oid == OID_ECDSA_WITH_SHA256 {
        SignatureAlgorithm::Ecdsa(HashAlgorithm::Sha256)
    } else if oid == OID_ECDSA_WITH_SHA384 {
        SignatureAlgorithm::Ecdsa(HashAlgorithm::Sha384)
    } else if oid == OID_ECDSA_WITH_SHA512 {
        SignatureAlgorithm::Ecdsa(HashAlgorithm::Sha512)
    } else if oid == OID_SHA256_WITH_RSA {
        SignatureAlgorithm::RsaPkcs1(HashAlgorithm::Sha256)
    } else if oid == OID_SHA384_WITH_RSA {
        SignatureAlgorithm::RsaPkcs1(HashAlgorithm::Sha384)
    } else if oid == OID_SHA512_WITH_RSA {
        SignatureAlgorithm::RsaPkcs1(HashAlgorithm::Sha512)
    } else if oid == OID_RSASSA_PSS {
        pss_algorithm(algorithm.parameters.as_ref())?
    } else if oid == OID_ED25519 {
        SignatureAlgorithm::Ed25519
    } else {
        return Err(unsupported(&oid));
    })
}

/// Check `cert`'s signature (DER `cert_der`) with the issuer's key; returns the
/// algorithm that verified. The algorithm inside the signed part must equal the outer
/// one (RFC 5280 §4.1.1.2).
pub(crate) fn verify_parsed_certificate_signature(
    cert: &Certificate,
    cert_der: &[u8],
    issuer_key: &PublicKey,
) -> Result<SignatureAlgorithm, CryptoError> {
    if cert.tbs_certificate().signature() != cert.signature_algorithm() {
        return Err(CryptoError::Certificate(
            "signature algorithm inside and outside the signed part differ".into(),
        ));
    }
    let algorithm = certificate_signature_algorithm(cert.signature_algorithm())?;
    let tbs = tbs_bytes(cert_der)
        .ok_or_else(|| CryptoError::Certificate("cannot locate tbsCertificate".into()))?;
    let signature = cert
        .signature()
        .as_bytes()
        .ok_or(CryptoError::BadSignature)?;
    issuer_key.verify(algorithm, tbs, signature)?;
    Ok(algorithm)
}

/// Verify the signature of the certificate `cert_der` with the issuer's whole
/// SubjectPublicKeyInfo (DER): sha256/384/512WithRSAEncryption, RSASSA-PSS,
/// ecdsa-with-SHA256/384/512 (on the issuer's curve, P-256 or P-384) or Ed25519.
/// Returns the algorithm that verified.
pub fn verify_certificate_signature(
    cert_der: &[u8],
    issuer_spki_der: &[u8],
) -> Result<SignatureAlgorithm, CryptoError> {
    let cert = Certificate::from_der(cert_der)
        .map_err(|e| CryptoError::Certificate(format!("not a DER X.509 certificate: {e}")))?;
    let key = PublicKey::from_spki_der(issuer_spki_der)?;
    verify_parsed_certificate_signature(&cert, cert_der, &key)
}

//! Signature verification for what real servers send: the TLS 1.3 signature schemes
//! of CertificateVerify (RFC 8446 §4.2.3) and the algorithms CAs sign certificates
//! with (RFC 5758 ECDSA, RFC 8017 PKCS#1 v1.5 and RSASSA-PSS, RFC 8410 Ed25519).
//!
//! ```text
//! SubjectPublicKeyInfo  ::=  SEQUENCE  {
//!      algorithm            AlgorithmIdentifier,
//!      subjectPublicKey     BIT STRING  }
//! ```
//!
//! A key is read from its whole SubjectPublicKeyInfo, so the key type is known before
//! any signature is checked: a P-256 key offered an RSA scheme is refused by name.

use rsa::pkcs1::DecodeRsaPublicKey;
use rsa::traits::PublicKeyParts;
use sha2::{Digest, Sha256, Sha384, Sha512};
use x509_cert::der::Decode;
use x509_cert::der::oid::ObjectIdentifier;
use x509_cert::spki::SubjectPublicKeyInfoRef;

use super::CryptoError;
use crate::wire::SignatureScheme;

/// `id-ecPublicKey` (RFC 5480).
pub(crate) const OID_EC_PUBLIC_KEY: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");
/// `secp256r1` (RFC 5480).
pub(crate) const OID_SECP256R1: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.10045.3.1.7");
/// `secp384r1` (RFC 5480).
pub(crate) const OID_SECP384R1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.34");
/// `secp521r1` (RFC 5480), named in errors only.
pub(crate) const OID_SECP521R1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.132.0.35");
/// `rsaEncryption` (RFC 8017).
pub(crate) const OID_RSA_ENCRYPTION: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
/// `id-RSASSA-PSS` (RFC 8017), as a key type (`rsa_pss_pss_*`) or a signature algorithm.
pub(crate) const OID_RSASSA_PSS: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.10");
/// `id-Ed25519` (RFC 8410).
pub(crate) const OID_ED25519: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.101.112");

/// A hash function a signature algorithm names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HashAlgorithm {
    /// SHA-256 (FIPS 180-4).
    Sha256,
    /// SHA-384.
    Sha384,
    /// SHA-512.
    Sha512,
}

impl HashAlgorithm {
    /// "SHA-256", "SHA-384", "SHA-512".
    pub fn name(self) -> &'static str {
        match self {
            HashAlgorithm::Sha256 => "SHA-256",
            HashAlgorithm::Sha384 => "SHA-384",
            HashAlgorithm::Sha512 => "SHA-512",
        }
    }

    /// The digest length in bytes (the salt length TLS 1.3 requires for RSA-PSS).
    pub fn output_len(self) -> usize {
        match self {
            HashAlgorithm::Sha256 => 32,
            HashAlgorithm::Sha384 => 48,
            HashAlgorithm::Sha512 => 64,
        }
    }

    fn digest(self, message: &[u8]) -> Vec<u8> {
        match self {
            HashAlgorithm::Sha256 => Sha256::digest(message).to_vec(),
            HashAlgorithm::Sha384 => Sha384::digest(message).to_vec(),
            HashAlgorithm::Sha512 => Sha512::digest(message).to_vec(),
        }
    }
}

/// How a signature was made, independent of where it appears (CertificateVerify or
/// a certificate): the padding or curve family and the hash.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignatureAlgorithm {
    /// ECDSA with this hash, DER `Ecdsa-Sig-Value`; the curve is the key's.
    Ecdsa(HashAlgorithm),
    /// RSASSA-PKCS1-v1_5 with this hash.
    RsaPkcs1(HashAlgorithm),
    /// RSASSA-PSS with this hash (MGF1 with the same hash) and salt length in bytes.
    RsaPss {
        /// The message hash and MGF1 hash.
        hash: HashAlgorithm,
        /// The salt length in bytes.
        salt_len: usize,
    },
    /// Ed25519 (pure, RFC 8032).
    Ed25519,
}

impl SignatureAlgorithm {
    /// A technical name, the same in every language: "ECDSA SHA-256",
    /// "RSA PKCS#1 v1.5 SHA-384", "RSA-PSS SHA-256 salt=32", "Ed25519".
    pub fn name(self) -> String {
        match self {
            SignatureAlgorithm::Ecdsa(h) => format!("ECDSA {}", h.name()),
            SignatureAlgorithm::RsaPkcs1(h) => format!("RSA PKCS#1 v1.5 {}", h.name()),
            SignatureAlgorithm::RsaPss { hash, salt_len } => {
                format!("RSA-PSS {} salt={salt_len}", hash.name())
            }
            SignatureAlgorithm::Ed25519 => "Ed25519".to_string(),
        }
    }
}

/// A public key read from a SubjectPublicKeyInfo, ready to verify signatures.
#[derive(Clone, Debug)]
pub enum PublicKey {
    /// An ECDSA key on P-256.
    EcdsaP256(p256::ecdsa::VerifyingKey),
    /// An ECDSA key on P-384.
    EcdsaP384(p384::ecdsa::VerifyingKey),
    /// An Ed25519 key.
    Ed25519(ed25519_dalek::VerifyingKey),
    /// An RSA key (`rsaEncryption`).
    Rsa(rsa::PublicKey),
}

impl PublicKey {
    /// Read a key from a whole SubjectPublicKeyInfo (DER). A key type the lab does not
    /// verify is [`CryptoError::UnsupportedKey`] naming it; a malformed key is
    /// [`CryptoError::InvalidPublicKey`].
    pub fn from_spki_der(spki_der: &[u8]) -> Result<Self, CryptoError> {
        let spki = SubjectPublicKeyInfoRef::from_der(spki_der)
            .map_err(|e| CryptoError::Certificate(format!("not a SubjectPublicKeyInfo: {e}")))?;
        let bits = spki
            .subject_public_key
            .as_bytes()
            .ok_or(CryptoError::InvalidPublicKey)?;
        let oid = spki.algorithm.oid;
        if oid == OID_EC_PUBLIC_KEY {
            let curve = spki
                .algorithm
                .parameters
                .and_then(|p| p.decode_as::<ObjectIdentifier>().ok())
                .ok_or_else(|| {
                    CryptoError::UnsupportedKey("id-ecPublicKey without a named curve".into())
                })?;
            if curve == OID_SECP256R1 {
                p256::ecdsa::VerifyingKey::from_sec1_bytes(bits)
                    .map(PublicKey::EcdsaP256)
                    .map_err(|_| CryptoError::InvalidPublicKey)
            } else if curve == OID_SECP384R1 {
                p384::ecdsa::VerifyingKey::from_sec1_bytes(bits)
                    .map(PublicKey::EcdsaP384)
                    .map_err(|_| CryptoError::InvalidPublicKey)
            } else if curve == OID_SECP521R1 {
                Err(CryptoError::UnsupportedKey("ECDSA P-521".into()))
            } else {
                Err(CryptoError::UnsupportedKey(format!(
                    "id-ecPublicKey on curve {curve}"
                )))
            }
        } else if oid == OID_RSA_ENCRYPTION {
            rsa::PublicKey::from_pkcs1_der(bits)
                .map(PublicKey::Rsa)
                .map_err(|_| CryptoError::InvalidPublicKey)
        } else if oid == OID_ED25519 {
            let bytes: &[u8; 32] = bits.try_into().map_err(|_| CryptoError::InvalidPublicKey)?;
            ed25519_dalek::VerifyingKey::from_bytes(bytes)
                .map(PublicKey::Ed25519)
                .map_err(|_| CryptoError::InvalidPublicKey)
        } else if oid == OID_RSASSA_PSS {
            Err(CryptoError::UnsupportedKey(
                "RSASSA-PSS key (rsa_pss_pss_*)".into(),
            ))
        } else {
            Err(CryptoError::UnsupportedKey(format!("key algorithm {oid}")))
        }
    }

    /// What kind of key this is: "ECDSA P-256", "ECDSA P-384", "Ed25519", "RSA-2048".
    pub fn kind(&self) -> String {
        match self {
            PublicKey::EcdsaP256(_) => "ECDSA P-256".into(),
            PublicKey::EcdsaP384(_) => "ECDSA P-384".into(),
            PublicKey::Ed25519(_) => "Ed25519".into(),
            PublicKey::Rsa(key) => format!("RSA-{}", key.size() * 8),
        }
    }

    /// Verify `signature` over `message` made with `algorithm`. A key that cannot make
    /// such a signature (an ECDSA key and an RSA algorithm) is
    /// [`CryptoError::KeyMismatch`]; a wrong or malformed signature is
    /// [`CryptoError::BadSignature`].
    pub fn verify(
        &self,
        algorithm: SignatureAlgorithm,
        message: &[u8],
        signature: &[u8],
    ) -> Result<(), CryptoError> {
        use p256::ecdsa::signature::hazmat::PrehashVerifier;
        match (self, algorithm) {
            (PublicKey::EcdsaP256(key), SignatureAlgorithm::Ecdsa(hash)) => {
                let sig = p256::ecdsa::Signature::from_der(signature).map_err(bad_signature)?;
                key.verify_prehash(&hash.digest(message), &sig)
                    .map_err(bad_signature)
            }
            (PublicKey::EcdsaP384(key), SignatureAlgorithm::Ecdsa(hash)) => {
                let sig = p384::ecdsa::Signature::from_der(signature).map_err(bad_signature)?;
                key.verify_prehash(&hash.digest(message), &sig)
                    .map_err(bad_signature)
            }
            (PublicKey::Ed25519(key), SignatureAlgorithm::Ed25519) => {
                let sig = ed25519_dalek::Signature::from_slice(signature).map_err(bad_signature)?;
                key.verify_strict(message, &sig).map_err(bad_signature)
            }
            (PublicKey::Rsa(key), SignatureAlgorithm::RsaPkcs1(hash)) => {
                let padding = match hash {
                    HashAlgorithm::Sha256 => rsa::Pkcs1v15Sign::new::<Sha256>(),
                    HashAlgorithm::Sha384 => rsa::Pkcs1v15Sign::new::<Sha384>(),
                    HashAlgorithm::Sha512 => rsa::Pkcs1v15Sign::new::<Sha512>(),
                };
                key.verify(padding, &hash.digest(message), signature)
                    .map_err(bad_signature)
            }
            (PublicKey::Rsa(key), SignatureAlgorithm::RsaPss { hash, salt_len }) => {
                let hashed = hash.digest(message);
                match hash {
                    HashAlgorithm::Sha256 => key.verify(
                        rsa::Pss::<Sha256>::new_with_salt(salt_len),
                        &hashed,
                        signature,
                    ),
                    HashAlgorithm::Sha384 => key.verify(
                        rsa::Pss::<Sha384>::new_with_salt(salt_len),
                        &hashed,
                        signature,
                    ),
                    HashAlgorithm::Sha512 => key.verify(
                        rsa::Pss::<Sha512>::new_with_salt(salt_len),
                        &hashed,
                        signature,
                    ),
                }
                .map_err(bad_signature)
            }
            (key, algorithm) => Err(CryptoError::KeyMismatch {
                key: key.kind(),
                algorithm: algorithm.name(),
            }),
        }
    }
}

fn bad_signature<E>(_: E) -> CryptoError {
    CryptoError::BadSignature
}

/// The signature schemes the lab verifies, in the order its client prefers them (what
/// it offers in signature_algorithms): ECDSA first (small and fast), then Ed25519,
/// RSA-PSS, and last the PKCS#1 v1.5 schemes, which TLS 1.3 allows for certificates
/// only (RFC 8446 §4.2.3).
pub fn verifiable_signature_schemes() -> &'static [SignatureScheme] {
    &[
        SignatureScheme::EcdsaSecp256r1Sha256,
        SignatureScheme::EcdsaSecp384r1Sha384,
        SignatureScheme::Ed25519,
        SignatureScheme::RsaPssRsaeSha256,
        SignatureScheme::RsaPssRsaeSha384,
        SignatureScheme::RsaPssRsaeSha512,
        SignatureScheme::RsaPkcs1Sha256,
        SignatureScheme::RsaPkcs1Sha384,
        SignatureScheme::RsaPkcs1Sha512,
    ]
}

/// What a TLS signature scheme means, with the key type it requires (ECDSA schemes in
/// TLS 1.3 fix the curve, RFC 8446 §4.2.3). `None` for a scheme the lab cannot verify.
fn scheme_algorithm(scheme: SignatureScheme) -> Option<(SignatureAlgorithm, RequiredKey)> {
    use HashAlgorithm::{Sha256, Sha384, Sha512};
    let pss = |hash: HashAlgorithm| SignatureAlgorithm::RsaPss {
        hash,
        salt_len: hash.output_len(),
    };
    Some(match scheme {
        SignatureScheme::EcdsaSecp256r1Sha256 => {
            (SignatureAlgorithm::Ecdsa(Sha256), RequiredKey::EcdsaP256)
        }
        SignatureScheme::EcdsaSecp384r1Sha384 => {
            (SignatureAlgorithm::Ecdsa(Sha384), RequiredKey::EcdsaP384)
        }
        SignatureScheme::RsaPssRsaeSha256 => (pss(Sha256), RequiredKey::Rsa),
        SignatureScheme::RsaPssRsaeSha384 => (pss(Sha384), RequiredKey::Rsa),
        SignatureScheme::RsaPssRsaeSha512 => (pss(Sha512), RequiredKey::Rsa),
        SignatureScheme::RsaPkcs1Sha256 => (SignatureAlgorithm::RsaPkcs1(Sha256), RequiredKey::Rsa),
        SignatureScheme::RsaPkcs1Sha384 => (SignatureAlgorithm::RsaPkcs1(Sha384), RequiredKey::Rsa),
        SignatureScheme::RsaPkcs1Sha512 => (SignatureAlgorithm::RsaPkcs1(Sha512), RequiredKey::Rsa),
        SignatureScheme::Ed25519 => (SignatureAlgorithm::Ed25519, RequiredKey::Ed25519),
        _ => return None,
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum RequiredKey {
    EcdsaP256,
    EcdsaP384,
    Ed25519,
    Rsa,
}

impl RequiredKey {
    fn matches(self, key: &PublicKey) -> bool {
        matches!(
            (self, key),
            (RequiredKey::EcdsaP256, PublicKey::EcdsaP256(_))
                | (RequiredKey::EcdsaP384, PublicKey::EcdsaP384(_))
                | (RequiredKey::Ed25519, PublicKey::Ed25519(_))
                | (RequiredKey::Rsa, PublicKey::Rsa(_))
        )
    }
}

/// The scheme's registry name, or its code for one the list lacks.
fn scheme_name(scheme: SignatureScheme) -> String {
    scheme
        .rfc_name()
        .map_or_else(|| format!("0x{:04x}", scheme.to_u16()), str::to_string)
}

/// Verify a TLS signature (CertificateVerify, or a certificate signed with a TLS
/// scheme) made with `scheme` over `message` by the key in `spki_der` (the leaf's
/// whole SubjectPublicKeyInfo).
///
/// Errors: a scheme the lab does not verify is [`CryptoError::UnsupportedScheme`]; a
/// key whose type does not fit the scheme (a P-256 key and `rsa_pss_rsae_sha256`, or a
/// P-384 key and `ecdsa_secp256r1_sha256`) is [`CryptoError::KeyMismatch`] naming both;
/// a wrong or malformed signature is [`CryptoError::BadSignature`]. Whether the scheme
/// is allowed where it appeared (PKCS#1 v1.5 is not, in a TLS 1.3 CertificateVerify) is
/// the caller's decision.
pub fn verify_tls_signature(
    scheme: SignatureScheme,
    spki_der: &[u8],
    message: &[u8],
    signature: &[u8],
) -> Result<(), CryptoError> {
    let (algorithm, required) = scheme_algorithm(scheme)
        .ok_or_else(|| CryptoError::UnsupportedScheme(scheme_name(scheme)))?;
    let key = PublicKey::from_spki_der(spki_der)?;
    if !required.matches(&key) {
        return Err(CryptoError::KeyMismatch {
            key: key.kind(),
            algorithm: scheme_name(scheme),
        });
    }
    key.verify(algorithm, message, signature)
}

#[cfg(test)]
#[path = "verify_test.rs"]
mod tests;

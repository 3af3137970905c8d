//! ECDSA P-256 with SHA-256 (`ecdsa_secp256r1_sha256`, 0x0403) as TLS 1.3 uses it:
//! deterministic RFC 6979 nonces, signatures DER-encoded (`Ecdsa-Sig-Value`).
//!
//! ```text
//! Ecdsa-Sig-Value ::= SEQUENCE {
//!     r   INTEGER,
//!     s   INTEGER  }
//! ```

use p256::ecdsa::signature::{Signer, Verifier};
use p256::ecdsa::{DerSignature, SigningKey, VerifyingKey};
use p256::elliptic_curve::Generate;
use p256::pkcs8::EncodePrivateKey;

use super::{CryptoError, LabRng};

/// A long-term ECDSA P-256 signing key (the CA's or the server's).
#[derive(Clone)]
pub struct EcdsaKey(SigningKey);

impl core::fmt::Debug for EcdsaKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("EcdsaKey")
            .field("public", &super::hex(&self.public_sec1()))
            .finish_non_exhaustive()
    }
}

impl EcdsaKey {
    /// A fresh key drawn from the lab RNG (deterministic for a seed).
    pub fn generate(rng: &mut LabRng) -> Self {
        EcdsaKey(SigningKey::generate_from_rng(rng))
    }

    /// Rebuild a key from its 32-byte private scalar.
    pub fn from_private_bytes(bytes: &[u8]) -> Result<Self, CryptoError> {
        SigningKey::from_slice(bytes)
            .map(EcdsaKey)
            .map_err(|_| CryptoError::Build("invalid P-256 private scalar".into()))
    }

    /// Reads a key back from its PKCS#8 PEM (what `certs` writes as server.key.pem).
    pub fn from_pkcs8_pem(pem: &str) -> Result<Self, CryptoError> {
        use p256::pkcs8::DecodePrivateKey;
        SigningKey::from_pkcs8_pem(pem)
            .map(EcdsaKey)
            .map_err(|e| CryptoError::Build(format!("not a P-256 PKCS#8 key: {e}")))
    }

    /// The public key as a 65-byte uncompressed SEC1 point.
    pub fn public_sec1(&self) -> Vec<u8> {
        self.0.verifying_key().to_sec1_bytes().into_vec()
    }

    /// The underlying RustCrypto signing key (used by the certificate builder).
    pub fn signing_key(&self) -> &SigningKey {
        &self.0
    }

    /// Sign `msg` (hashed with SHA-256 inside), returning the DER signature; fallible form.
    pub fn try_sign(&self, msg: &[u8]) -> Result<Vec<u8>, CryptoError> {
        let sig: DerSignature = self
            .0
            .try_sign(msg)
            .map_err(|e| CryptoError::Build(format!("ecdsa signing: {e}")))?;
        Ok(sig.as_bytes().to_vec())
    }

    /// Sign `msg` with SHA-256 and RFC 6979 deterministic nonces; DER-encoded.
    ///
    /// Same key + same message => same bytes. (RFC 6979 signing cannot fail for a
    /// valid key; should it ever, the result is empty, which no verifier accepts.)
    pub fn sign(&self, msg: &[u8]) -> Vec<u8> {
        self.try_sign(msg).unwrap_or_default()
    }

    /// PKCS#8 `PrivateKeyInfo` DER (empty only if encoding failed, which it cannot for P-256).
    pub fn to_pkcs8_der(&self) -> Vec<u8> {
        self.0
            .to_pkcs8_der()
            .map(|doc| doc.as_bytes().to_vec())
            .unwrap_or_default()
    }

    /// PKCS#8 as PEM (`-----BEGIN PRIVATE KEY-----`), LF line endings.
    pub fn to_pkcs8_pem(&self) -> String {
        super::pem("PRIVATE KEY", &self.to_pkcs8_der())
    }

    /// The 32-byte private scalar (big-endian).
    pub fn private_bytes(&self) -> [u8; 32] {
        self.0.to_bytes().into()
    }
}

/// Verify a DER ECDSA P-256/SHA-256 signature over `msg` by the SEC1 public key.
///
/// An unparsable key is [`CryptoError::InvalidPublicKey`]; a malformed or wrong
/// signature is [`CryptoError::BadSignature`].
pub fn verify_ecdsa_p256_sha256(
    public_sec1: &[u8],
    msg: &[u8],
    der_sig: &[u8],
) -> Result<(), CryptoError> {
    let key =
        VerifyingKey::from_sec1_bytes(public_sec1).map_err(|_| CryptoError::InvalidPublicKey)?;
    let sig = DerSignature::from_bytes(der_sig).map_err(|_| CryptoError::BadSignature)?;
    key.verify(msg, &sig).map_err(|_| CryptoError::BadSignature)
}

/// The content a TLS 1.3 CertificateVerify signature covers (RFC 8446 §4.4.3):
///
/// ```text
/// 64 bytes of 0x20 || "TLS 1.3, server CertificateVerify" (or client) || 0x00 || Transcript-Hash
/// ```
pub fn tls13_certificate_verify_content(server: bool, transcript_hash: &[u8]) -> Vec<u8> {
    let context: &[u8] = if server {
        b"TLS 1.3, server CertificateVerify"
    } else {
        b"TLS 1.3, client CertificateVerify"
    };
    let mut out = Vec::with_capacity(64 + context.len() + 1 + transcript_hash.len());
    out.extend_from_slice(&[0x20; 64]);
    out.extend_from_slice(context);
    out.push(0);
    out.extend_from_slice(transcript_hash);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_verify_round_trip() {
        let key = EcdsaKey::generate(&mut LabRng::from_seed(3));
        let msg = tls13_certificate_verify_content(true, &[9u8; 32]);
        let sig = key.sign(&msg);
        assert_eq!(sig[0], 0x30, "DER SEQUENCE");
        assert!(verify_ecdsa_p256_sha256(&key.public_sec1(), &msg, &sig).is_ok());
    }

    #[test]
    fn signatures_are_deterministic() {
        let key = EcdsaKey::generate(&mut LabRng::from_seed(3));
        assert_eq!(key.sign(b"abc"), key.sign(b"abc"));
        assert_ne!(key.sign(b"abc"), key.sign(b"abd"));
        let again = EcdsaKey::generate(&mut LabRng::from_seed(3));
        assert_eq!(key.private_bytes(), again.private_bytes());
        assert_eq!(key.sign(b"abc"), again.sign(b"abc"));
    }

    #[test]
    fn wrong_message_key_or_garbage_fails() {
        let mut rng = LabRng::from_seed(4);
        let key = EcdsaKey::generate(&mut rng);
        let other = EcdsaKey::generate(&mut rng);
        let sig = key.sign(b"hello");
        assert_eq!(
            verify_ecdsa_p256_sha256(&key.public_sec1(), b"hellO", &sig),
            Err(CryptoError::BadSignature)
        );
        assert_eq!(
            verify_ecdsa_p256_sha256(&other.public_sec1(), b"hello", &sig),
            Err(CryptoError::BadSignature)
        );
        let mut bad = sig.clone();
        let last = bad.len() - 1;
        bad[last] ^= 1;
        assert_eq!(
            verify_ecdsa_p256_sha256(&key.public_sec1(), b"hello", &bad),
            Err(CryptoError::BadSignature)
        );
        assert_eq!(
            verify_ecdsa_p256_sha256(&key.public_sec1(), b"hello", &[]),
            Err(CryptoError::BadSignature)
        );
        assert_eq!(
            verify_ecdsa_p256_sha256(&[4u8; 10], b"hello", &sig),
            Err(CryptoError::InvalidPublicKey)
        );
    }

    #[test]
    fn certificate_verify_content_layout() {
        let c = tls13_certificate_verify_content(true, &[0xab; 32]);
        assert_eq!(c.len(), 64 + 33 + 1 + 32);
        assert!(c[..64].iter().all(|&b| b == 0x20));
        assert_eq!(&c[64..97], b"TLS 1.3, server CertificateVerify");
        assert_eq!(c[97], 0);
        assert_eq!(&c[98..], &[0xab; 32]);
        let c = tls13_certificate_verify_content(false, &[]);
        assert_eq!(&c[64..97], b"TLS 1.3, client CertificateVerify");
    }

    #[test]
    fn pkcs8_encodings() {
        let key = EcdsaKey::generate(&mut LabRng::from_seed(8));
        let der = key.to_pkcs8_der();
        assert_eq!(der[0], 0x30);
        let pem = key.to_pkcs8_pem();
        assert!(pem.starts_with("-----BEGIN PRIVATE KEY-----\n"));
        assert!(pem.ends_with("-----END PRIVATE KEY-----\n"));
        let back = EcdsaKey::from_private_bytes(&key.private_bytes()).unwrap();
        assert_eq!(back.public_sec1(), key.public_sec1());
    }
}

//! RSA for the TLS 1.2 history lesson: the server's long-term RSA key and PKCS#1 v1.5
//! encryption of the premaster secret (RFC 5246 §7.4.7.1, RFC 8017 §7.2).
//!
//! ```text
//! struct {
//!     ProtocolVersion client_version;
//!     opaque random[46];
//! } PreMasterSecret;
//! ```
//!
//! Key generation draws only from the [`LabRng`] it is given, so a seed fixes the key.
//! Generating a 2048-bit key costs far more than a whole TLS session, so
//! [`lab_rsa_key`] memoises the key per seed: a pure function of the seed, cached.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use rsa::pkcs1::{DecodeRsaPublicKey, EncodeRsaPublicKey};
use rsa::pkcs8::{EncodePrivateKey, EncodePublicKey, LineEnding};
use rsa::traits::PublicKeyParts;
use rsa::{PrivateKey as RsaPrivateKey, PublicKey as RsaPublicKey};

use super::{CryptoError, LabRng};

/// The size of the lab's RSA keys, in bits.
pub const RSA_BITS: usize = 2048;

/// The server's long-term RSA key (it decrypts the premaster secret).
#[derive(Clone)]
pub struct RsaKey(RsaPrivateKey);

impl core::fmt::Debug for RsaKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("RsaKey")
            .field("bits", &self.bits())
            .finish_non_exhaustive()
    }
}

impl RsaKey {
    /// A fresh key of `bits` bits drawn from `rng` (deterministic for a seed).
    pub fn generate(rng: &mut LabRng, bits: usize) -> Result<Self, CryptoError> {
        RsaPrivateKey::new(rng, bits)
            .map(RsaKey)
            .map_err(|e| CryptoError::Build(format!("RSA key generation: {e}")))
    }

    /// Reads a key back from its PKCS#8 PEM (what `certs` writes as server.key.pem).
    pub fn from_pkcs8_pem(pem: &str) -> Result<Self, CryptoError> {
        use rsa::pkcs8::DecodePrivateKey;
        RsaPrivateKey::from_pkcs8_pem(pem)
            .map(RsaKey)
            .map_err(|e| CryptoError::Build(format!("not an RSA PKCS#8 key: {e}")))
    }

    /// The modulus size in bits.
    pub fn bits(&self) -> usize {
        self.0.as_public_key().size() * 8
    }

    /// The public key as PKCS#1 `RSAPublicKey` DER (what a certificate's
    /// subjectPublicKey BIT STRING holds).
    pub fn public_pkcs1_der(&self) -> Result<Vec<u8>, CryptoError> {
        self.0
            .to_public_key()
            .to_pkcs1_der()
            .map(|d| d.as_bytes().to_vec())
            .map_err(|e| CryptoError::Build(format!("RSA public key: {e}")))
    }

    /// The public key as a SubjectPublicKeyInfo (DER), for the certificate builder.
    pub fn public_spki_der(&self) -> Result<Vec<u8>, CryptoError> {
        self.0
            .to_public_key()
            .to_public_key_der()
            .map(|d| d.as_bytes().to_vec())
            .map_err(|e| CryptoError::Build(format!("RSA public key: {e}")))
    }

    /// The private key as PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`).
    pub fn to_pkcs8_pem(&self) -> String {
        self.0
            .to_pkcs8_pem(LineEnding::LF)
            .map(|p| p.to_string())
            .unwrap_or_default()
    }

    /// RSASSA-PSS with SHA-256, MGF1-SHA-256 and a 32-byte salt drawn from `rng`
    /// (TLS 1.3's rsa_pss_rsae_sha256, RFC 8446 §4.2.3): how a server with an RSA
    /// certificate signs CertificateVerify.
    pub fn sign_pss_sha256(
        &self,
        rng: &mut LabRng,
        message: &[u8],
    ) -> Result<Vec<u8>, CryptoError> {
        use rsa::signature::{RandomizedSigner, SignatureEncoding};
        let key = rsa::pss::SigningKey::<sha2::Sha256>::new(self.0.clone());
        key.try_sign_with_rng(rng, message)
            .map(|signature| signature.to_vec())
            .map_err(|e| CryptoError::Build(format!("RSA-PSS signature: {e}")))
    }

    /// RSAES-PKCS1-v1_5 decryption. The `rsa` crate answers a bad padding with a
    /// synthetic message (implicit rejection), so a caller must check what it got, as
    /// RFC 5246 §7.4.7.1 says a TLS server does anyway.
    pub fn decrypt_pkcs1v15(&self, ciphertext: &[u8]) -> Result<Vec<u8>, CryptoError> {
        self.0
            .pkcs1v15_decrypt(ciphertext)
            .map_err(|e| CryptoError::Build(format!("RSA decryption: {e}")))
    }
}

/// RSAES-PKCS1-v1_5 encryption of `message` to the key in `public_pkcs1_der`
/// (a PKCS#1 `RSAPublicKey`); the random padding is drawn from `rng`.
pub fn rsa_encrypt_pkcs1v15(
    rng: &mut LabRng,
    public_pkcs1_der: &[u8],
    message: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    let key = RsaPublicKey::from_pkcs1_der(public_pkcs1_der)
        .map_err(|e| CryptoError::Certificate(format!("not an RSA public key: {e}")))?;
    key.pkcs1v15_encrypt_with_rng(rng, message)
        .map_err(|e| CryptoError::Build(format!("RSA encryption: {e}")))
}

/// The lab server's RSA key for `seed`: generated from its own stream
/// (`LabRng::from_seed(seed).fork_for("rsa server key")`), so that it does not shift
/// the rest of the session's randomness, and memoised because generation is slow.
pub fn lab_rsa_key(seed: u64) -> Result<RsaKey, CryptoError> {
    static CACHE: OnceLock<Mutex<HashMap<u64, RsaKey>>> = OnceLock::new();
    let cache = CACHE.get_or_init(|| Mutex::new(HashMap::new()));
    if let Ok(map) = cache.lock()
        && let Some(key) = map.get(&seed)
    {
        return Ok(key.clone());
    }
    let mut rng = LabRng::from_seed(seed).fork_for("rsa server key");
    let key = RsaKey::generate(&mut rng, RSA_BITS)?;
    if let Ok(mut map) = cache.lock() {
        map.insert(seed, key.clone());
    }
    Ok(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_deterministic_and_round_trip() {
        let a = RsaKey::generate(&mut LabRng::from_seed(1), RSA_BITS).unwrap();
        let b = RsaKey::generate(&mut LabRng::from_seed(1), RSA_BITS).unwrap();
        assert_eq!(a.public_pkcs1_der().unwrap(), b.public_pkcs1_der().unwrap());
        assert_eq!(a.bits(), RSA_BITS);
        let mut premaster = vec![3, 3];
        premaster.extend_from_slice(&[0x42; 46]);
        let ct = rsa_encrypt_pkcs1v15(
            &mut LabRng::from_seed(5),
            &a.public_pkcs1_der().unwrap(),
            &premaster,
        )
        .unwrap();
        assert_eq!(ct.len(), 256);
        assert_eq!(a.decrypt_pkcs1v15(&ct).unwrap(), premaster);
        let pem = a.to_pkcs8_pem();
        assert!(pem.starts_with("-----BEGIN PRIVATE KEY-----"));
        let back = RsaKey::from_pkcs8_pem(&pem).unwrap();
        assert_eq!(back.decrypt_pkcs1v15(&ct).unwrap(), premaster);
        let other = RsaKey::generate(&mut LabRng::from_seed(2), RSA_BITS).unwrap();
        assert_ne!(other.decrypt_pkcs1v15(&ct).ok(), Some(premaster));
        assert!(rsa_encrypt_pkcs1v15(&mut LabRng::from_seed(5), &[1, 2, 3], b"x").is_err());
    }
}

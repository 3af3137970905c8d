//! P-256 ephemeral Diffie-Hellman for the `key_share` extension (RFC 8446 §4.2.8.2).
//!
//! ```text
//! struct {
//!     uint8 legacy_form = 4;
//!     opaque X[coordinate_length];
//!     opaque Y[coordinate_length];
//! } UncompressedPointRepresentation;
//! ```
//!
//! The shared secret is the x-coordinate of the ECDH result (RFC 8446 §7.4.2).

use p256::elliptic_curve::Generate;
use p256::{PublicKey, SecretKey};

use super::{CryptoError, LabRng};

/// Length of an uncompressed SEC1 P-256 point: `0x04 || X || Y`.
pub const UNCOMPRESSED_LEN: usize = 65;

/// One side's ephemeral P-256 key pair.
#[derive(Clone)]
pub struct EcdheKeyPair {
    secret: SecretKey,
    public: [u8; UNCOMPRESSED_LEN],
}

impl core::fmt::Debug for EcdheKeyPair {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("EcdheKeyPair")
            .field("public", &super::hex(&self.public))
            .finish_non_exhaustive()
    }
}

impl EcdheKeyPair {
    /// A fresh key pair drawn from the lab RNG (deterministic for a seed).
    pub fn generate(rng: &mut LabRng) -> Self {
        Self::from_secret(SecretKey::generate_from_rng(rng))
    }

    /// Rebuild a key pair from its 32-byte private scalar (e.g. to replay a capture).
    pub fn from_private_bytes(bytes: &[u8]) -> Result<Self, CryptoError> {
        let secret = SecretKey::from_slice(bytes)
            .map_err(|_| CryptoError::Build("invalid P-256 private scalar".into()))?;
        Ok(Self::from_secret(secret))
    }

    fn from_secret(secret: SecretKey) -> Self {
        let encoded = secret.public_key().to_sec1_bytes();
        let mut public = [0u8; UNCOMPRESSED_LEN];
        // P-256 points are serialized uncompressed (65 bytes) by `to_sec1_bytes`.
        if encoded.len() == UNCOMPRESSED_LEN {
            public.copy_from_slice(&encoded);
        }
        EcdheKeyPair { secret, public }
    }

    /// The 65-byte uncompressed SEC1 public point sent in `key_share`.
    pub fn public_bytes(&self) -> &[u8] {
        &self.public
    }

    /// The 32-byte private scalar (big-endian), for the "key compromise" lessons.
    pub fn private_bytes(&self) -> [u8; 32] {
        self.secret.to_bytes().into()
    }

    /// ECDH with the peer's `key_exchange` bytes; returns the 32-byte x-coordinate.
    ///
    /// Anything but a 65-byte uncompressed point on the curve (wrong length,
    /// compressed form, off-curve, identity) is [`CryptoError::InvalidPublicKey`].
    pub fn agree(&self, peer_public: &[u8]) -> Result<[u8; 32], CryptoError> {
        if peer_public.len() != UNCOMPRESSED_LEN || peer_public.first() != Some(&0x04) {
            return Err(CryptoError::InvalidPublicKey);
        }
        let peer =
            PublicKey::from_sec1_bytes(peer_public).map_err(|_| CryptoError::InvalidPublicKey)?;
        let shared = p256::ecdh::diffie_hellman(self.secret.to_nonzero_scalar(), peer.as_affine());
        Ok((*shared.raw_secret_bytes()).into())
    }
}

/// One side's ephemeral P-384 key pair (secp384r1: live sessions, when a server
/// insists on it through a HelloRetryRequest).
#[derive(Clone)]
pub struct P384KeyPair {
    secret: p384::SecretKey,
    public: Vec<u8>,
}

impl core::fmt::Debug for P384KeyPair {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("P384KeyPair")
            .field("public", &super::hex(&self.public))
            .finish_non_exhaustive()
    }
}

impl P384KeyPair {
    /// A fresh key pair drawn from the lab RNG.
    pub fn generate(rng: &mut LabRng) -> Self {
        let secret = p384::SecretKey::generate_from_rng(rng);
        let public = secret.public_key().to_sec1_bytes().to_vec();
        P384KeyPair { secret, public }
    }

    /// The 97-byte uncompressed SEC1 point sent in `key_share`.
    pub fn public_bytes(&self) -> &[u8] {
        &self.public
    }

    /// The 48-byte private scalar (big-endian).
    pub fn private_bytes(&self) -> Vec<u8> {
        self.secret.to_bytes().to_vec()
    }

    /// ECDH with the peer's 97-byte uncompressed point; returns the 48-byte x-coordinate.
    pub fn agree(&self, peer_public: &[u8]) -> Result<Vec<u8>, CryptoError> {
        if peer_public.len() != 97 || peer_public.first() != Some(&0x04) {
            return Err(CryptoError::InvalidPublicKey);
        }
        let peer = p384::PublicKey::from_sec1_bytes(peer_public)
            .map_err(|_| CryptoError::InvalidPublicKey)?;
        let shared = p384::ecdh::diffie_hellman(self.secret.to_nonzero_scalar(), peer.as_affine());
        Ok(shared.raw_secret_bytes().to_vec())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_sides_agree() {
        let mut rng = LabRng::from_seed(1);
        let a = EcdheKeyPair::generate(&mut rng);
        let b = EcdheKeyPair::generate(&mut rng);
        assert_eq!(a.public_bytes().len(), 65);
        assert_eq!(a.public_bytes()[0], 4);
        let s1 = a.agree(b.public_bytes()).unwrap();
        let s2 = b.agree(a.public_bytes()).unwrap();
        assert_eq!(s1, s2);
        assert_ne!(a.public_bytes(), b.public_bytes());
    }

    #[test]
    fn deterministic_for_seed() {
        let a = EcdheKeyPair::generate(&mut LabRng::from_seed(42));
        let b = EcdheKeyPair::generate(&mut LabRng::from_seed(42));
        assert_eq!(a.public_bytes(), b.public_bytes());
        assert_eq!(a.private_bytes(), b.private_bytes());
        let c = EcdheKeyPair::generate(&mut LabRng::from_seed(43));
        assert_ne!(a.public_bytes(), c.public_bytes());
    }

    #[test]
    fn private_bytes_round_trip() {
        let a = EcdheKeyPair::generate(&mut LabRng::from_seed(5));
        let b = EcdheKeyPair::from_private_bytes(&a.private_bytes()).unwrap();
        assert_eq!(a.public_bytes(), b.public_bytes());
        assert!(EcdheKeyPair::from_private_bytes(&[0u8; 32]).is_err());
        assert!(EcdheKeyPair::from_private_bytes(&[1u8; 5]).is_err());
    }

    #[test]
    fn invalid_points_rejected() {
        let a = EcdheKeyPair::generate(&mut LabRng::from_seed(1));
        let good = a.public_bytes().to_vec();
        // Off-curve: flip a bit of Y.
        let mut off = good.clone();
        off[64] ^= 1;
        assert_eq!(a.agree(&off), Err(CryptoError::InvalidPublicKey));
        // Wrong length, empty, compressed form, bad prefix, all zeros.
        assert_eq!(a.agree(&good[..64]), Err(CryptoError::InvalidPublicKey));
        assert_eq!(a.agree(&[]), Err(CryptoError::InvalidPublicKey));
        let mut compressed = vec![2 + (good[64] & 1)];
        compressed.extend_from_slice(&good[1..33]);
        assert_eq!(a.agree(&compressed), Err(CryptoError::InvalidPublicKey));
        let mut bad_prefix = good.clone();
        bad_prefix[0] = 5;
        assert_eq!(a.agree(&bad_prefix), Err(CryptoError::InvalidPublicKey));
        assert_eq!(a.agree(&[0u8; 65]), Err(CryptoError::InvalidPublicKey));
        let mut zeros = [0u8; 65];
        zeros[0] = 4;
        assert_eq!(a.agree(&zeros), Err(CryptoError::InvalidPublicKey));
    }
}

//! X25519 ephemeral Diffie-Hellman for the `key_share` extension (RFC 8446 §4.2.8.2,
//! RFC 7748): what most real browsers and servers choose first.
//!
//! The public key is the 32-byte u-coordinate; the shared secret is the 32-byte
//! X25519 output. RFC 8446 §7.4.2: an all-zero shared secret (a low-order peer point)
//! must be refused.

use x25519_dalek::{PublicKey, StaticSecret};

use super::{CryptoError, LabRng};

/// Length of an X25519 public key and of its shared secret.
pub const X25519_LEN: usize = 32;

/// One side's ephemeral X25519 key pair.
#[derive(Clone)]
pub struct X25519KeyPair {
    secret: StaticSecret,
    public: [u8; X25519_LEN],
}

impl core::fmt::Debug for X25519KeyPair {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("X25519KeyPair")
            .field("public", &super::hex(&self.public))
            .finish_non_exhaustive()
    }
}

impl X25519KeyPair {
    /// A fresh key pair drawn from the lab RNG (deterministic for a seed).
    pub fn generate(rng: &mut LabRng) -> Self {
        Self::from_private_bytes(rng.bytes::<X25519_LEN>())
    }

    /// Rebuilds a key pair from its 32-byte private key (clamped by X25519 itself).
    pub fn from_private_bytes(bytes: [u8; X25519_LEN]) -> Self {
        let secret = StaticSecret::from(bytes);
        let public = PublicKey::from(&secret).to_bytes();
        X25519KeyPair { secret, public }
    }

    /// The 32-byte public key sent in `key_share`.
    pub fn public_bytes(&self) -> &[u8] {
        &self.public
    }

    /// The 32-byte private key, for the keys panel.
    pub fn private_bytes(&self) -> [u8; X25519_LEN] {
        self.secret.to_bytes()
    }

    /// X25519 with the peer's 32-byte public key. A wrong length, or a peer key that
    /// makes the shared secret all zeros, is [`CryptoError::InvalidPublicKey`].
    pub fn agree(&self, peer_public: &[u8]) -> Result<[u8; X25519_LEN], CryptoError> {
        let peer: [u8; X25519_LEN] = peer_public
            .try_into()
            .map_err(|_| CryptoError::InvalidPublicKey)?;
        let shared = self.secret.diffie_hellman(&PublicKey::from(peer));
        if !shared.was_contributory() {
            return Err(CryptoError::InvalidPublicKey);
        }
        Ok(shared.to_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex_bytes(text: &str) -> [u8; 32] {
        let mut out = [0u8; 32];
        for (i, byte) in out.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).expect("hex");
        }
        out
    }

    /// RFC 7748 §6.1: Alice's and Bob's keys and their shared secret.
    #[test]
    fn rfc7748_diffie_hellman_vector() {
        let alice = X25519KeyPair::from_private_bytes(hex_bytes(
            "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a",
        ));
        let bob = X25519KeyPair::from_private_bytes(hex_bytes(
            "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb",
        ));
        assert_eq!(
            alice.public_bytes(),
            hex_bytes("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a")
        );
        assert_eq!(
            bob.public_bytes(),
            hex_bytes("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f")
        );
        let shared = hex_bytes("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
        assert_eq!(alice.agree(bob.public_bytes()), Ok(shared));
        assert_eq!(bob.agree(alice.public_bytes()), Ok(shared));
    }

    #[test]
    fn low_order_points_and_bad_lengths_are_refused() {
        let mut rng = LabRng::from_seed(1);
        let key = X25519KeyPair::generate(&mut rng);
        assert_eq!(key.agree(&[0u8; 32]), Err(CryptoError::InvalidPublicKey));
        assert_eq!(key.agree(&[9u8; 31]), Err(CryptoError::InvalidPublicKey));
        assert_eq!(key.agree(&[9u8; 33]), Err(CryptoError::InvalidPublicKey));
    }
}

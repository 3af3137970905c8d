//! The TLS 1.3 cipher suites the lab speaks (RFC 8446 §B.4): each names an AEAD for
//! the records and a hash for the transcript, HKDF and HMAC.

use crate::crypto::{AeadAlg, HashAlg};
use crate::wire::CipherSuite;

/// A TLS 1.3 cipher suite the lab can run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Tls13Suite {
    /// TLS_AES_128_GCM_SHA256: the simulation's only suite.
    #[default]
    Aes128GcmSha256,
    /// TLS_AES_256_GCM_SHA384: the SHA-384 key schedule (48-byte secrets).
    Aes256GcmSha384,
    /// TLS_CHACHA20_POLY1305_SHA256.
    ChaCha20Poly1305Sha256,
}

impl Tls13Suite {
    /// Every suite, in the order the lab's browser prefers them.
    pub const ALL: [Tls13Suite; 3] = [
        Tls13Suite::Aes128GcmSha256,
        Tls13Suite::Aes256GcmSha384,
        Tls13Suite::ChaCha20Poly1305Sha256,
    ];

    /// The suite a wire code names, if the lab speaks it.
    pub fn from_code(code: u16) -> Option<Tls13Suite> {
        Tls13Suite::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The wire code.
    pub fn code(self) -> u16 {
        self.cipher_suite().to_u16()
    }

    /// The wire code as its type.
    pub fn cipher_suite(self) -> CipherSuite {
        match self {
            Tls13Suite::Aes128GcmSha256 => CipherSuite::TlsAes128GcmSha256,
            Tls13Suite::Aes256GcmSha384 => CipherSuite::TlsAes256GcmSha384,
            Tls13Suite::ChaCha20Poly1305Sha256 => CipherSuite::TlsChacha20Poly1305Sha256,
        }
    }

    /// The hash of the transcript, HKDF and HMAC.
    pub fn hash(self) -> HashAlg {
        match self {
            Tls13Suite::Aes256GcmSha384 => HashAlg::Sha384,
            _ => HashAlg::Sha256,
        }
    }

    /// The record AEAD.
    pub fn aead(self) -> AeadAlg {
        match self {
            Tls13Suite::Aes128GcmSha256 => AeadAlg::Aes128Gcm,
            Tls13Suite::Aes256GcmSha384 => AeadAlg::Aes256Gcm,
            Tls13Suite::ChaCha20Poly1305Sha256 => AeadAlg::ChaCha20Poly1305,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_name_their_parts() {
        for suite in Tls13Suite::ALL {
            assert_eq!(Tls13Suite::from_code(suite.code()), Some(suite));
        }
        assert_eq!(Tls13Suite::from_code(0x1304), None);
        assert_eq!(Tls13Suite::Aes256GcmSha384.hash().output_len(), 48);
        assert_eq!(Tls13Suite::ChaCha20Poly1305Sha256.aead().key_len(), 32);
        assert_eq!(Tls13Suite::default().code(), 0x1301);
    }
}

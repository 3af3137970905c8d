//! Record protection (RFC 8446 §5.2-5.3) with the suite's AEAD (AES-128-GCM in the
//! simulation; AES-256-GCM and ChaCha20-Poly1305 too with real servers) and traffic
//! keys (§7.3).
//!
//! ```text
//! [sender]_write_key = HKDF-Expand-Label(Secret, "key", "", key_length)
//! [sender]_write_iv  = HKDF-Expand-Label(Secret, "iv", "", iv_length)
//!
//! 1.  The 64-bit record sequence number is encoded in network byte
//!     order and padded to the left with zeros to iv_length.
//! 2.  The padded sequence number is XORed with either the static
//!     client_write_iv or server_write_iv (depending on the role).
//!
//! additional_data = TLSCiphertext.opaque_type ||
//!                   TLSCiphertext.legacy_record_version ||
//!                   TLSCiphertext.length
//! ```

use aes_gcm::aead::{Aead, Payload};
use aes_gcm::{Aes128Gcm, Aes256Gcm, KeyInit, Nonce};
use chacha20poly1305::ChaCha20Poly1305;

use super::CryptoError;
use super::hkdf::HashAlg;

/// The AEAD a TLS 1.3 cipher suite names. All three take a 12-byte nonce and add a
/// 16-byte tag.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize)]
pub enum AeadAlg {
    /// AES-128-GCM (the simulation's).
    #[default]
    Aes128Gcm,
    /// AES-256-GCM.
    Aes256Gcm,
    /// ChaCha20-Poly1305 (RFC 8439).
    ChaCha20Poly1305,
}

impl AeadAlg {
    /// `key_length` in bytes.
    pub fn key_len(self) -> usize {
        match self {
            AeadAlg::Aes128Gcm => 16,
            AeadAlg::Aes256Gcm | AeadAlg::ChaCha20Poly1305 => 32,
        }
    }

    /// The name as the keys panel shows it.
    pub fn name(self) -> &'static str {
        match self {
            AeadAlg::Aes128Gcm => "AES-128-GCM",
            AeadAlg::Aes256Gcm => "AES-256-GCM",
            AeadAlg::ChaCha20Poly1305 => "ChaCha20-Poly1305",
        }
    }
}

/// One direction's AEAD key and static IV.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct TrafficKeys {
    /// `[sender]_write_key`: 16 bytes for AES-128-GCM, 32 for AES-256-GCM and
    /// ChaCha20-Poly1305.
    pub key: Vec<u8>,
    /// `[sender]_write_iv`, 12 bytes.
    pub iv: [u8; 12],
    /// The AEAD the key is for.
    #[serde(skip)]
    pub aead: AeadAlg,
}

impl TrafficKeys {
    /// AES-128-GCM keys: `key = HKDF-Expand-Label(secret, "key", "", 16)`,
    /// `iv = HKDF-Expand-Label(secret, "iv", "", 12)`.
    pub fn from_secret(traffic_secret: &[u8]) -> Self {
        Self::from_secret_with(AeadAlg::Aes128Gcm, HashAlg::Sha256, traffic_secret)
    }

    /// Keys for `aead`, expanded with the suite's `hash`.
    pub fn from_secret_with(aead: AeadAlg, hash: HashAlg, traffic_secret: &[u8]) -> Self {
        let key = hash.hkdf_expand_label(traffic_secret, "key", &[], aead.key_len());
        let mut iv = [0u8; 12];
        iv.copy_from_slice(&hash.hkdf_expand_label(traffic_secret, "iv", &[], 12));
        TrafficKeys { key, iv, aead }
    }
}

/// The per-record nonce: `iv XOR (0^32 || seq as 64-bit big-endian)`.
pub fn record_nonce(iv: &[u8; 12], seq: u64) -> [u8; 12] {
    let mut nonce = *iv;
    for (n, s) in nonce[4..].iter_mut().zip(seq.to_be_bytes()) {
        *n ^= s;
    }
    nonce
}

/// One direction of record protection: keys plus the record sequence number.
#[derive(Clone, Debug)]
pub struct RecordProtection {
    keys: TrafficKeys,
    seq: u64,
}

impl RecordProtection {
    /// Start at sequence number 0 (as on every key change).
    pub fn new(keys: TrafficKeys) -> Self {
        RecordProtection { keys, seq: 0 }
    }

    /// The sequence number the next record will use.
    pub fn sequence(&self) -> u64 {
        self.seq
    }

    /// The keys in use.
    pub fn keys(&self) -> &TrafficKeys {
        &self.keys
    }

    /// The nonce the next record will use.
    pub fn next_nonce(&self) -> [u8; 12] {
        record_nonce(&self.keys.iv, self.seq)
    }

    /// Runs the AEAD (`seal` true: encrypt) over `payload`; a key of the wrong length
    /// (never made by [`TrafficKeys`]) fails like a bad tag.
    fn run(&self, seal: bool, payload: Payload<'_, '_>) -> Result<Vec<u8>, CryptoError> {
        let nonce = Nonce::from(self.next_nonce());
        let key = self.keys.key.as_slice();
        let bad = |_| CryptoError::BadRecordMac;
        let out = match self.keys.aead {
            AeadAlg::Aes128Gcm => {
                let cipher =
                    Aes128Gcm::new_from_slice(key).map_err(|_| CryptoError::BadRecordMac)?;
                if seal {
                    cipher.encrypt(&nonce, payload)
                } else {
                    cipher.decrypt(&nonce, payload)
                }
            }
            AeadAlg::Aes256Gcm => {
                let cipher =
                    Aes256Gcm::new_from_slice(key).map_err(|_| CryptoError::BadRecordMac)?;
                if seal {
                    cipher.encrypt(&nonce, payload)
                } else {
                    cipher.decrypt(&nonce, payload)
                }
            }
            AeadAlg::ChaCha20Poly1305 => {
                let cipher =
                    ChaCha20Poly1305::new_from_slice(key).map_err(|_| CryptoError::BadRecordMac)?;
                if seal {
                    cipher.encrypt(&nonce, payload)
                } else {
                    cipher.decrypt(&nonce, payload)
                }
            }
        };
        out.map_err(bad)
    }

    /// Encrypt one `TLSInnerPlaintext` with the record header as additional data;
    /// returns `encrypted_record` (ciphertext || 16-byte tag) and advances the sequence.
    ///
    /// `header` must already carry the ciphertext length (`plaintext.len() + 16`).
    /// AES-GCM only refuses inputs above ~64 GiB, far beyond a TLS record
    /// (2^14 + 256 bytes); such an input would yield an empty vector.
    pub fn seal(&mut self, header: &[u8; 5], plaintext: &[u8]) -> Vec<u8> {
        let out = self
            .run(
                true,
                Payload {
                    msg: plaintext,
                    aad: header,
                },
            )
            .unwrap_or_default();
        self.seq = self.seq.wrapping_add(1);
        out
    }

    /// Decrypt and authenticate one `encrypted_record`; on success returns the
    /// `TLSInnerPlaintext` and advances the sequence. Any alteration of header,
    /// ciphertext or tag (or a wrong key / sequence) gives [`CryptoError::BadRecordMac`]
    /// and leaves the sequence unchanged.
    pub fn open(&mut self, header: &[u8; 5], ciphertext: &[u8]) -> Result<Vec<u8>, CryptoError> {
        let out = self.run(
            false,
            Payload {
                msg: ciphertext,
                aad: header,
            },
        )?;
        self.seq = self.seq.wrapping_add(1);
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(len: usize) -> [u8; 5] {
        [23, 3, 3, (len >> 8) as u8, len as u8]
    }

    fn keys() -> TrafficKeys {
        TrafficKeys::from_secret(&[7u8; 32])
    }

    #[test]
    fn nonce_is_iv_xor_padded_sequence() {
        let iv = [
            0x5d, 0x31, 0x3e, 0xb2, 0x67, 0x12, 0x76, 0xee, 0x13, 0x00, 0x0b, 0x30,
        ];
        assert_eq!(record_nonce(&iv, 0), iv);
        let n = record_nonce(&iv, 1);
        assert_eq!(n[..11], iv[..11]);
        assert_eq!(n[11], 0x31);
        let n = record_nonce(&iv, 0x0102_0304_0506_0708);
        assert_eq!(n[..4], iv[..4]);
        assert_eq!(n[4..], [0x66, 0x10, 0x75, 0xea, 0x16, 0x06, 0x0c, 0x38]);
    }

    #[test]
    fn seal_open_round_trip_and_sequence() {
        let mut tx = RecordProtection::new(keys());
        let mut rx = RecordProtection::new(keys());
        for i in 0..3u8 {
            let pt = vec![i; 20];
            let h = header(pt.len() + 16);
            let ct = tx.seal(&h, &pt);
            assert_eq!(ct.len(), 36);
            assert_eq!(rx.open(&h, &ct).unwrap(), pt);
        }
        assert_eq!(tx.sequence(), 3);
        assert_eq!(rx.sequence(), 3);
    }

    #[test]
    fn same_plaintext_different_sequence_differs() {
        let mut tx = RecordProtection::new(keys());
        let h = header(21);
        let a = tx.seal(&h, b"hello");
        let b = tx.seal(&h, b"hello");
        assert_ne!(a, b);
    }

    #[test]
    fn tamper_is_bad_record_mac() {
        let mut tx = RecordProtection::new(keys());
        let pt = b"password=hunter2".to_vec();
        let h = header(pt.len() + 16);
        let ct = tx.seal(&h, &pt);
        for i in [0, ct.len() / 2, ct.len() - 1] {
            let mut bad = ct.clone();
            bad[i] ^= 0x01;
            let mut rx = RecordProtection::new(keys());
            assert_eq!(rx.open(&h, &bad), Err(CryptoError::BadRecordMac));
            assert_eq!(rx.sequence(), 0, "failed open must not advance");
        }
        // Header (additional data) tampering is caught too.
        let mut rx = RecordProtection::new(keys());
        let mut bad_h = h;
        bad_h[0] = 22;
        assert_eq!(rx.open(&bad_h, &ct), Err(CryptoError::BadRecordMac));
        // Wrong sequence number: skip one record.
        let mut rx = RecordProtection::new(keys());
        let _ = rx.seal(&h, b"x");
        assert_eq!(rx.open(&h, &ct), Err(CryptoError::BadRecordMac));
        // Truncated below the tag size.
        let mut rx = RecordProtection::new(keys());
        assert_eq!(rx.open(&h, &ct[..10]), Err(CryptoError::BadRecordMac));
    }
}

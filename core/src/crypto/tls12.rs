//! The TLS 1.2 key derivation (RFC 5246 §5, §6.3, §7.4.9, §8.1) and AES-128-GCM record
//! protection (RFC 5288) for TLS_RSA_WITH_AES_128_GCM_SHA256.
//!
//! ```text
//! P_hash(secret, seed) = HMAC_hash(secret, A(1) + seed) +
//!                        HMAC_hash(secret, A(2) + seed) + ...
//! A(0) = seed, A(i) = HMAC_hash(secret, A(i-1))
//! PRF(secret, label, seed) = P_SHA256(secret, label + seed)
//!
//! master_secret = PRF(pre_master_secret, "master secret",
//!                     ClientHello.random + ServerHello.random)[0..47];
//! key_block = PRF(SecurityParameters.master_secret, "key expansion",
//!                 SecurityParameters.server_random + SecurityParameters.client_random);
//! verify_data = PRF(master_secret, finished_label, Hash(handshake_messages))[0..11];
//!
//! struct { opaque salt[4]; opaque nonce_explicit[8]; } GCMNonce;
//! additional_data = seq_num + TLSCompressed.type + TLSCompressed.version
//!                   + TLSCompressed.length;
//! ```

use aes_gcm::aead::{Aead, Payload};
use aes_gcm::{Aes128Gcm, Key, KeyInit, Nonce};

use super::CryptoError;
use super::hkdf::hmac_sha256;

/// `PRF(secret, label, seed)` with P_SHA256, cut to `len` bytes.
pub fn prf_sha256(secret: &[u8], label: &str, seed: &[u8], len: usize) -> Vec<u8> {
    let mut label_seed = label.as_bytes().to_vec();
    label_seed.extend_from_slice(seed);
    let mut out = Vec::with_capacity(len + 32);
    let mut a = hmac_sha256(secret, &label_seed);
    while out.len() < len {
        let mut input = a.to_vec();
        input.extend_from_slice(&label_seed);
        out.extend_from_slice(&hmac_sha256(secret, &input));
        a = hmac_sha256(secret, &a);
    }
    out.truncate(len);
    out
}

/// `master_secret = PRF(pre_master_secret, "master secret", client_random + server_random)[0..47]`.
pub fn master_secret(
    pre_master_secret: &[u8],
    client_random: &[u8; 32],
    server_random: &[u8; 32],
) -> [u8; 48] {
    let mut seed = client_random.to_vec();
    seed.extend_from_slice(server_random);
    let mut out = [0u8; 48];
    out.copy_from_slice(&prf_sha256(pre_master_secret, "master secret", &seed, 48));
    out
}

/// The key block of an AEAD suite with a 16-byte key and a 4-byte implicit IV
/// (`fixed_iv_length` = 4, no MAC keys).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct KeyBlock {
    /// The whole key block, in order: client key, server key, client IV, server IV.
    pub bytes: Vec<u8>,
    /// `client_write_key`.
    pub client_write_key: [u8; 16],
    /// `server_write_key`.
    pub server_write_key: [u8; 16],
    /// `client_write_IV` (the GCM salt of the client's records).
    pub client_write_iv: [u8; 4],
    /// `server_write_IV`.
    pub server_write_iv: [u8; 4],
}

/// `key_block = PRF(master_secret, "key expansion", server_random + client_random)`,
/// partitioned for TLS_RSA_WITH_AES_128_GCM_SHA256.
pub fn key_block(
    master_secret: &[u8],
    client_random: &[u8; 32],
    server_random: &[u8; 32],
) -> KeyBlock {
    let mut seed = server_random.to_vec();
    seed.extend_from_slice(client_random);
    let bytes = prf_sha256(master_secret, "key expansion", &seed, 40);
    let mut block = KeyBlock {
        bytes: bytes.clone(),
        client_write_key: [0; 16],
        server_write_key: [0; 16],
        client_write_iv: [0; 4],
        server_write_iv: [0; 4],
    };
    block.client_write_key.copy_from_slice(&bytes[0..16]);
    block.server_write_key.copy_from_slice(&bytes[16..32]);
    block.client_write_iv.copy_from_slice(&bytes[32..36]);
    block.server_write_iv.copy_from_slice(&bytes[36..40]);
    block
}

/// `verify_data = PRF(master_secret, finished_label, SHA-256(handshake_messages))[0..11]`;
/// `finished_label` is `"client finished"` or `"server finished"`.
pub fn finished_verify_data(
    master_secret: &[u8],
    finished_label: &str,
    handshake_hash: &[u8],
) -> [u8; 12] {
    let mut out = [0u8; 12];
    out.copy_from_slice(&prf_sha256(
        master_secret,
        finished_label,
        handshake_hash,
        12,
    ));
    out
}

/// One direction of TLS 1.2 AES-128-GCM record protection with its sequence number.
/// The explicit nonce is the sequence number, as most implementations choose it.
#[derive(Clone, Debug)]
pub struct Tls12RecordProtection {
    key: [u8; 16],
    salt: [u8; 4],
    seq: u64,
}

impl Tls12RecordProtection {
    /// Starts at sequence number 0 (as after every ChangeCipherSpec).
    pub fn new(key: [u8; 16], salt: [u8; 4]) -> Self {
        Tls12RecordProtection { key, salt, seq: 0 }
    }

    /// The sequence number of the next record.
    pub fn sequence(&self) -> u64 {
        self.seq
    }

    /// The full 12-byte nonce for a record with explicit nonce `explicit`.
    pub fn nonce(&self, explicit: &[u8; 8]) -> [u8; 12] {
        let mut nonce = [0u8; 12];
        nonce[..4].copy_from_slice(&self.salt);
        nonce[4..].copy_from_slice(explicit);
        nonce
    }

    fn aad(&self, content_type: u8, version: [u8; 2], len: usize) -> [u8; 13] {
        let mut aad = [0u8; 13];
        aad[..8].copy_from_slice(&self.seq.to_be_bytes());
        aad[8] = content_type;
        aad[9..11].copy_from_slice(&version);
        let [l0, l1] = u16::try_from(len).unwrap_or(u16::MAX).to_be_bytes();
        aad[11] = l0;
        aad[12] = l1;
        aad
    }

    /// Encrypts one record's plaintext; returns `nonce_explicit || ciphertext || tag`
    /// (the record's fragment), the nonce used, and advances the sequence.
    pub fn seal(&mut self, content_type: u8, plaintext: &[u8]) -> (Vec<u8>, [u8; 12]) {
        let explicit = self.seq.to_be_bytes();
        let nonce = self.nonce(&explicit);
        let aad = self.aad(content_type, [3, 3], plaintext.len());
        let cipher = Aes128Gcm::new(&Key::<Aes128Gcm>::from(self.key));
        let sealed = cipher
            .encrypt(
                &Nonce::from(nonce),
                Payload {
                    msg: plaintext,
                    aad: &aad,
                },
            )
            .unwrap_or_default();
        let mut fragment = explicit.to_vec();
        fragment.extend_from_slice(&sealed);
        self.seq = self.seq.wrapping_add(1);
        (fragment, nonce)
    }

    /// Decrypts one record's fragment (`nonce_explicit || ciphertext || tag`) whose
    /// header said `content_type` and `version`; advances the sequence on success.
    pub fn open(
        &mut self,
        content_type: u8,
        version: [u8; 2],
        fragment: &[u8],
    ) -> Result<Vec<u8>, CryptoError> {
        let (Some(explicit), Some(sealed)) = (fragment.get(..8), fragment.get(8..)) else {
            return Err(CryptoError::BadRecordMac);
        };
        if sealed.len() < 16 {
            return Err(CryptoError::BadRecordMac);
        }
        let mut explicit8 = [0u8; 8];
        explicit8.copy_from_slice(explicit);
        let nonce = self.nonce(&explicit8);
        let aad = self.aad(content_type, version, sealed.len() - 16);
        let cipher = Aes128Gcm::new(&Key::<Aes128Gcm>::from(self.key));
        let out = cipher
            .decrypt(
                &Nonce::from(nonce),
                Payload {
                    msg: sealed,
                    aad: &aad,
                },
            )
            .map_err(|_| CryptoError::BadRecordMac)?;
        self.seq = self.seq.wrapping_add(1);
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unhex(s: &str) -> Vec<u8> {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    }

    /// The TLS 1.2 PRF (SHA-256) test vector posted to the IETF TLS working group
    /// list (and reused by PKCS#11's TLS 1.2 PRF tests).
    #[test]
    fn prf_sha256_published_vector() {
        let secret = unhex("9bbe436ba940f017b17652849a71db35");
        let seed = unhex("a0ba9f936cda311827a6f796ffd5198c");
        let expected = unhex(
            "e3f229ba727be17b8d122620557cd453c2aab21d07c3d495329b52d4e61edb5a\
             6b301791e90d35c9c9a46b4e14baf9af0fa022f7077def17abfd3797c0564bab\
             4fbc91666e9def9b97fce34f796789baa48082d122ee42c5a72e5a5110fff701\
             87347b66",
        );
        assert_eq!(prf_sha256(&secret, "test label", &seed, 100), expected);
        // Shorter outputs are prefixes.
        assert_eq!(prf_sha256(&secret, "test label", &seed, 7), expected[..7]);
    }

    #[test]
    fn key_block_partition_and_finished() {
        let block = key_block(&[1; 48], &[2; 32], &[3; 32]);
        assert_eq!(block.bytes.len(), 40);
        assert_eq!(block.client_write_key, block.bytes[..16]);
        assert_eq!(block.server_write_iv, block.bytes[36..]);
        let a = finished_verify_data(&[1; 48], "client finished", &[0; 32]);
        let b = finished_verify_data(&[1; 48], "server finished", &[0; 32]);
        assert_ne!(a, b);
    }

    #[test]
    fn gcm_records_round_trip_and_detect_changes() {
        let mut tx = Tls12RecordProtection::new([7; 16], [1, 2, 3, 4]);
        let mut rx = Tls12RecordProtection::new([7; 16], [1, 2, 3, 4]);
        let (fragment, nonce) = tx.seal(23, b"hello");
        assert_eq!(fragment.len(), 8 + 5 + 16);
        assert_eq!(nonce[..4], [1, 2, 3, 4]);
        assert_eq!(fragment[..8], [0; 8]);
        let mut bad = fragment.clone();
        bad[3] ^= 1;
        assert!(rx.clone().open(23, [3, 3], &bad).is_err());
        assert!(rx.clone().open(22, [3, 3], &fragment).is_err());
        assert!(rx.clone().open(23, [3, 1], &fragment).is_err());
        assert!(rx.clone().open(23, [3, 3], &fragment[..20]).is_err());
        assert_eq!(rx.open(23, [3, 3], &fragment).unwrap(), b"hello");
        assert_eq!(rx.sequence(), 1);
        let (second, _) = tx.seal(21, &[1, 0]);
        assert_eq!(second[..8], [0, 0, 0, 0, 0, 0, 0, 1]);
        assert_eq!(rx.open(21, [3, 3], &second).unwrap(), [1, 0]);
    }
}

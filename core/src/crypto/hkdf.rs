//! SHA-256, HMAC-SHA256, HKDF (RFC 5869) and the TLS 1.3 wrappers of RFC 8446 §7.1.
//!
//! ```text
//! HKDF-Expand-Label(Secret, Label, Context, Length) =
//!      HKDF-Expand(Secret, HkdfLabel, Length)
//!
//! Where HkdfLabel is specified as:
//!
//! struct {
//!     uint16 length = Length;
//!     opaque label<7..255> = "tls13 " + Label;
//!     opaque context<0..255> = Context;
//! } HkdfLabel;
//!
//! Derive-Secret(Secret, Label, Messages) =
//!      HKDF-Expand-Label(Secret, Label,
//!                        Transcript-Hash(Messages), Hash.length)
//! ```

use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256, Sha384};

/// SHA-256 block size in bytes (the HMAC key block).
const BLOCK: usize = 64;
/// SHA-256 output size in bytes (`Hash.length` for TLS_AES_128_GCM_SHA256).
pub const HASH_LEN: usize = 32;
/// The most HKDF-Expand can produce with SHA-256: 255 blocks (RFC 5869 §2.3).
pub const MAX_EXPAND: usize = 255 * HASH_LEN;

/// The hash a TLS 1.3 cipher suite names: the transcript hash, HMAC and HKDF all use
/// it, and `Hash.length` (the size of every secret of the key schedule) is its size.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize)]
pub enum HashAlg {
    /// SHA-256 (TLS_AES_128_GCM_SHA256, TLS_CHACHA20_POLY1305_SHA256; the simulation).
    #[default]
    Sha256,
    /// SHA-384 (TLS_AES_256_GCM_SHA384).
    Sha384,
}

impl HashAlg {
    /// `Hash.length` in bytes: 32 or 48.
    pub fn output_len(self) -> usize {
        match self {
            HashAlg::Sha256 => 32,
            HashAlg::Sha384 => 48,
        }
    }

    /// The name as the keys panel shows it: `"SHA-256"`, `"SHA-384"`.
    pub fn name(self) -> &'static str {
        match self {
            HashAlg::Sha256 => "SHA-256",
            HashAlg::Sha384 => "SHA-384",
        }
    }

    /// The hash of `data`.
    pub fn digest(self, data: &[u8]) -> Vec<u8> {
        match self {
            HashAlg::Sha256 => Sha256::digest(data).to_vec(),
            HashAlg::Sha384 => Sha384::digest(data).to_vec(),
        }
    }

    /// HMAC (RFC 2104) of `data` under `key` (any key length).
    pub fn hmac(self, key: &[u8], data: &[u8]) -> Vec<u8> {
        match self {
            HashAlg::Sha256 => hmac_sha256(key, data).to_vec(),
            HashAlg::Sha384 => {
                // As in hmac_sha256: hash long keys, zero-pad short ones, to the
                // 128-byte SHA-384 block, so construction cannot fail.
                let mut block = [0u8; 128];
                if key.len() > block.len() {
                    block[..48].copy_from_slice(&Sha384::digest(key));
                } else {
                    block[..key.len()].copy_from_slice(key);
                }
                let mut mac = <Hmac<Sha384> as KeyInit>::new(&block.into());
                mac.update(data);
                mac.finalize().into_bytes().to_vec()
            }
        }
    }

    /// HKDF-Extract(salt, IKM) = HMAC-Hash(salt, IKM).
    pub fn hkdf_extract(self, salt: &[u8], ikm: &[u8]) -> Vec<u8> {
        self.hmac(salt, ikm)
    }

    /// HKDF-Expand(PRK, info, L), as [`hkdf_expand`] but with this hash.
    pub fn hkdf_expand(self, prk: &[u8], info: &[u8], len: usize) -> Vec<u8> {
        let len = len.min(255 * self.output_len());
        let mut okm = Vec::with_capacity(len);
        let mut t: Vec<u8> = Vec::new();
        let mut counter: u8 = 1;
        while okm.len() < len {
            let mut input = Vec::with_capacity(t.len() + info.len() + 1);
            input.extend_from_slice(&t);
            input.extend_from_slice(info);
            input.push(counter);
            let block = self.hmac(prk, &input);
            let take = (len - okm.len()).min(block.len());
            okm.extend_from_slice(&block[..take]);
            t = block;
            counter = counter.wrapping_add(1);
        }
        okm
    }

    /// HKDF-Expand-Label(Secret, Label, Context, Length) with this hash.
    pub fn hkdf_expand_label(
        self,
        secret: &[u8],
        label: &str,
        context: &[u8],
        len: usize,
    ) -> Vec<u8> {
        let len = len.min(usize::from(u16::MAX)).min(255 * self.output_len());
        let info = hkdf_label(label, context, len as u16);
        self.hkdf_expand(secret, &info, len)
    }
}

/// SHA-256 of `data`.
pub fn sha256(data: &[u8]) -> [u8; 32] {
    Sha256::digest(data).into()
}

/// HMAC-SHA256 (RFC 2104) of `data` under `key` (any key length).
pub fn hmac_sha256(key: &[u8], data: &[u8]) -> [u8; 32] {
    // RFC 2104: keys longer than the block are hashed first, shorter ones are
    // zero-padded to the block. Doing that here makes construction infallible.
    let mut block = [0u8; BLOCK];
    if key.len() > BLOCK {
        block[..HASH_LEN].copy_from_slice(&sha256(key));
    } else {
        block[..key.len()].copy_from_slice(key);
    }
    let mut mac = <Hmac<Sha256> as KeyInit>::new(&block.into());
    mac.update(data);
    mac.finalize().into_bytes().into()
}

/// HKDF-Extract(salt, IKM) = HMAC-Hash(salt, IKM) (RFC 5869 §2.2).
///
/// An empty `salt` means "HashLen zero bytes", as RFC 5869 specifies; the result is the
/// same either way because HMAC zero-pads its key.
pub fn hkdf_extract(salt: &[u8], ikm: &[u8]) -> [u8; 32] {
    let (prk, _) = hkdf::Hkdf::<Sha256>::extract(Some(salt), ikm);
    prk.into()
}

/// HKDF-Expand(PRK, info, L) (RFC 5869 §2.3):
///
/// ```text
/// T(0) = empty string
/// T(i) = HMAC-Hash(PRK, T(i-1) | info | i)      for i = 1..N
/// OKM  = first L octets of T(1) | T(2) | ... | T(N)
/// ```
///
/// Written out over HMAC (rather than the `hkdf` crate's `from_prk`) so that
/// any `prk` length is accepted without a fallible constructor; the unit tests check it
/// against the `hkdf` crate and RFC 5869. `len` is capped at [`MAX_EXPAND`] (8160) bytes,
/// the RFC's limit; TLS never asks for more than 32.
pub fn hkdf_expand(prk: &[u8], info: &[u8], len: usize) -> Vec<u8> {
    HashAlg::Sha256.hkdf_expand(prk, info, len)
}

/// The `HkdfLabel` structure bytes (the HKDF `info`): `uint16 length`, then
/// `opaque label<7..255> = "tls13 " + label`, then `opaque context<0..255>`.
///
/// A label or context longer than 255 bytes is truncated to 255 so the length prefix
/// stays truthful (TLS 1.3 never uses such values).
pub fn hkdf_label(label: &str, context: &[u8], len: u16) -> Vec<u8> {
    let mut full_label = b"tls13 ".to_vec();
    full_label.extend_from_slice(label.as_bytes());
    full_label.truncate(255);
    let context = &context[..context.len().min(255)];
    let mut out = Vec::with_capacity(4 + full_label.len() + context.len());
    out.extend_from_slice(&len.to_be_bytes());
    out.push(full_label.len() as u8);
    out.extend_from_slice(&full_label);
    out.push(context.len() as u8);
    out.extend_from_slice(context);
    out
}

/// HKDF-Expand-Label(Secret, Label, Context, Length) (RFC 8446 §7.1).
pub fn hkdf_expand_label(secret: &[u8], label: &str, context: &[u8], len: usize) -> Vec<u8> {
    let len = len.min(usize::from(u16::MAX)).min(MAX_EXPAND);
    let info = hkdf_label(label, context, len as u16);
    hkdf_expand(secret, &info, len)
}

/// Derive-Secret(Secret, Label, Messages) with `transcript_hash` = Transcript-Hash(Messages).
pub fn derive_secret(secret: &[u8], label: &str, transcript_hash: &[u8]) -> [u8; 32] {
    let v = hkdf_expand_label(secret, label, transcript_hash, HASH_LEN);
    let mut out = [0u8; 32];
    out.copy_from_slice(&v);
    out
}

/// The running handshake transcript hash (RFC 8446 §4.4.1): the suite's hash over
/// every handshake message (type + uint24 length + body, no record headers) in order.
/// A client adds its ClientHello before the server names the suite, so both hashes
/// run until [`Transcript::use_hash`] picks one; [`Transcript::hash`] gives the picked
/// one (SHA-256 until then).
#[derive(Clone, Debug, Default)]
pub struct Transcript {
    sha256: Sha256,
    sha384: Sha384,
    alg: HashAlg,
    messages: usize,
    bytes: usize,
}

impl Transcript {
    /// An empty transcript; its hash is SHA-256("").
    pub fn new() -> Self {
        Self::default()
    }

    /// From now on [`Transcript::hash`] uses `alg` (the suite the server chose).
    pub fn use_hash(&mut self, alg: HashAlg) {
        self.alg = alg;
    }

    /// The hash in use.
    pub fn alg(&self) -> HashAlg {
        self.alg
    }

    /// Append one whole handshake message.
    pub fn add(&mut self, handshake_msg: &[u8]) {
        self.sha256.update(handshake_msg);
        self.sha384.update(handshake_msg);
        self.messages += 1;
        self.bytes += handshake_msg.len();
    }

    /// Transcript-Hash of everything added so far (the transcript keeps running).
    pub fn hash(&self) -> Vec<u8> {
        match self.alg {
            HashAlg::Sha256 => self.sha256.clone().finalize().to_vec(),
            HashAlg::Sha384 => self.sha384.clone().finalize().to_vec(),
        }
    }

    /// How many messages have been added.
    pub fn message_count(&self) -> usize {
        self.messages
    }

    /// How many bytes have been hashed.
    pub fn byte_len(&self) -> usize {
        self.bytes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::hex;

    fn unhex(s: &str) -> Vec<u8> {
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    }

    #[test]
    fn sha256_of_empty() {
        assert_eq!(
            hex(&sha256(b"")),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn hmac_rfc4231_case_2_and_long_key() {
        // RFC 4231 test case 2.
        assert_eq!(
            hex(&hmac_sha256(b"Jefe", b"what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
        // RFC 4231 test case 6: 131-byte key (longer than the block).
        let key = [0xaau8; 131];
        assert_eq!(
            hex(&hmac_sha256(
                &key,
                b"Test Using Larger Than Block-Size Key - Hash Key First"
            )),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        );
    }

    #[test]
    fn hkdf_rfc5869_case_1() {
        let ikm = [0x0bu8; 22];
        let salt = unhex("000102030405060708090a0b0c");
        let info = unhex("f0f1f2f3f4f5f6f7f8f9");
        let prk = hkdf_extract(&salt, &ikm);
        assert_eq!(
            hex(&prk),
            "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5"
        );
        let okm = hkdf_expand(&prk, &info, 42);
        assert_eq!(
            hex(&okm),
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"
        );
    }

    #[test]
    fn expand_matches_hkdf_crate() {
        let prk = sha256(b"some prk");
        for len in [0usize, 1, 12, 16, 32, 33, 64, 100] {
            let mut want = vec![0u8; len];
            hkdf::Hkdf::<Sha256>::from_prk(&prk)
                .unwrap()
                .expand(b"info", &mut want)
                .unwrap();
            assert_eq!(hkdf_expand(&prk, b"info", len), want, "len {len}");
        }
    }

    #[test]
    fn expand_short_prk_and_huge_len_do_not_panic() {
        assert_eq!(hkdf_expand(b"k", b"", 5).len(), 5);
        assert_eq!(hkdf_expand(b"k", b"", 100_000).len(), MAX_EXPAND);
    }

    #[test]
    fn hkdf_label_bytes() {
        // RFC 8448 §3: "key info (13 octets): 00 10 09 74 6c 73 31 33 20 6b 65 79 00".
        assert_eq!(
            hex(&hkdf_label("key", &[], 16)),
            "001009746c733133206b657900"
        );
    }

    #[test]
    fn transcript_is_incremental() {
        let mut t = Transcript::new();
        assert_eq!(t.hash(), sha256(b""));
        t.add(b"abc");
        t.add(b"def");
        assert_eq!(t.hash(), sha256(b"abcdef"));
        assert_eq!(t.message_count(), 2);
        assert_eq!(t.byte_len(), 6);
        let snapshot = t.clone();
        t.add(b"g");
        assert_eq!(snapshot.hash(), sha256(b"abcdef"));
    }
}

//! Trust anchors: the root certificates a client trusts, from DER or from a PEM bundle
//! (what `--cacert FILE` or `/etc/ssl/certs/ca-certificates.crt` holds; the caller
//! reads the file, the core only parses the text).

use x509_cert::certificate::Certificate;
use x509_cert::der::{Decode, Encode};

use super::{CertSummary, summarize};
use crate::crypto::CryptoError;
use crate::crypto::verify::PublicKey;

/// One trusted root: its certificate, parsed, and its key ready to verify.
#[derive(Clone, Debug)]
pub struct TrustAnchor {
    pub(super) der: Vec<u8>,
    pub(super) cert: Certificate,
    pub(super) subject_der: Vec<u8>,
    pub(super) summary: CertSummary,
    pub(super) key: PublicKey,
}

impl TrustAnchor {
    /// Parse one DER certificate as an anchor: it must parse and carry a key the lab
    /// can verify with.
    pub fn from_der(der: &[u8]) -> Result<Self, CryptoError> {
        let cert = Certificate::from_der(der)
            .map_err(|e| CryptoError::Certificate(format!("not a DER X.509 certificate: {e}")))?;
        let summary = summarize(&cert)?;
        let tbs = cert.tbs_certificate();
        let subject_der = tbs
            .subject()
            .to_der()
            .map_err(|e| CryptoError::Certificate(format!("subject: {e}")))?;
        let spki_der = tbs
            .subject_public_key_info()
            .to_der()
            .map_err(|e| CryptoError::Certificate(format!("subjectPublicKeyInfo: {e}")))?;
        let key = PublicKey::from_spki_der(&spki_der)?;
        Ok(TrustAnchor {
            der: der.to_vec(),
            cert,
            subject_der,
            summary,
            key,
        })
    }

    /// The certificate's DER.
    pub fn der(&self) -> &[u8] {
        &self.der
    }

    /// The subject, RFC 4514 style: `"CN=ISRG Root X1, O=Internet Security Research Group, C=US"`.
    pub fn subject(&self) -> &str {
        &self.summary.subject
    }
}

/// The roots a client trusts. Built from DER certificates or a PEM bundle; a broken
/// entry is skipped and counted, but a set with no usable anchor is an error.
#[derive(Clone, Debug)]
pub struct TrustAnchors {
    anchors: Vec<TrustAnchor>,
    skipped: usize,
}

impl TrustAnchors {
    /// No anchor at all: every chain ends in `unknown_ca` (a machine whose store is
    /// empty or unreadable), with `skipped` certificates that could not be used.
    pub fn none(skipped: usize) -> Self {
        TrustAnchors {
            anchors: Vec::new(),
            skipped,
        }
    }

    /// Anchors from DER certificates. Each that does not parse (or has a key the lab
    /// cannot verify with) is skipped and counted in [`TrustAnchors::skipped`];
    /// duplicates are kept once. None usable is [`CryptoError::Certificate`].
    pub fn from_der_certificates<I, D>(certificates: I) -> Result<Self, CryptoError>
    where
        I: IntoIterator<Item = D>,
        D: AsRef<[u8]>,
    {
        let mut anchors: Vec<TrustAnchor> = Vec::new();
        let mut skipped = 0;
        for der in certificates {
            match TrustAnchor::from_der(der.as_ref()) {
                Ok(anchor) if anchors.iter().any(|a| a.der == anchor.der) => {}
                Ok(anchor) => anchors.push(anchor),
                Err(_) => skipped += 1,
            }
        }
        if anchors.is_empty() {
            return Err(CryptoError::Certificate(format!(
                "no usable trust anchor ({skipped} certificate(s) skipped)"
            )));
        }
        Ok(TrustAnchors { anchors, skipped })
    }

    /// Anchors from the text of a PEM bundle: every `-----BEGIN CERTIFICATE-----`
    /// block, anything between blocks ignored (comments, `openssl x509 -text` dumps).
    /// A block that is not valid base64 or not a usable certificate, or that never
    /// ends, is skipped and counted; a bundle with no usable certificate is an error.
    pub fn from_pem(text: &str) -> Result<Self, CryptoError> {
        const BEGIN: &str = "-----BEGIN CERTIFICATE-----";
        const END: &str = "-----END CERTIFICATE-----";
        let mut blocks: Vec<Option<Vec<u8>>> = Vec::new();
        let mut body: Option<String> = None;
        for line in text.lines() {
            let line = line.trim();
            if line == BEGIN {
                if body.is_some() {
                    // The previous block never ended.
                    blocks.push(None);
                }
                body = Some(String::new());
            } else if line == END {
                if let Some(b64) = body.take() {
                    blocks.push(decode_base64(&b64));
                }
            } else if let Some(b64) = body.as_mut() {
                b64.push_str(line);
            }
        }
        if body.is_some() {
            blocks.push(None);
        }
        if blocks.is_empty() {
            return Err(CryptoError::Certificate(
                "no -----BEGIN CERTIFICATE----- block in the bundle".into(),
            ));
        }
        let undecodable = blocks.iter().filter(|b| b.is_none()).count();
        let mut anchors = TrustAnchors::from_der_certificates(blocks.into_iter().flatten())
            .map_err(|_| {
                CryptoError::Certificate("no usable certificate in the PEM bundle".into())
            })?;
        anchors.skipped += undecodable;
        Ok(anchors)
    }

    /// How many anchors are usable.
    pub fn len(&self) -> usize {
        self.anchors.len()
    }

    /// True when there is no anchor (never for a value built by this type).
    pub fn is_empty(&self) -> bool {
        self.anchors.is_empty()
    }

    /// How many entries were skipped as broken or unusable.
    pub fn skipped(&self) -> usize {
        self.skipped
    }

    /// The anchors, in the order given.
    pub fn iter(&self) -> impl Iterator<Item = &TrustAnchor> {
        self.anchors.iter()
    }

    pub(super) fn get(&self, index: usize) -> Option<&TrustAnchor> {
        self.anchors.get(index)
    }

    /// The index of the anchor whose DER is exactly `der`.
    pub(super) fn position_of_der(&self, der: &[u8]) -> Option<usize> {
        self.anchors.iter().position(|a| a.der == der)
    }

    /// Indices of the anchors whose subject is exactly `name_der`.
    pub(super) fn with_subject<'a>(
        &'a self,
        name_der: &'a [u8],
    ) -> impl Iterator<Item = usize> + 'a {
        self.anchors
            .iter()
            .enumerate()
            .filter(move |(_, a)| a.subject_der == name_der)
            .map(|(i, _)| i)
    }
}

/// Standard base64 (RFC 4648 §4) with padding; whitespace ignored. `None` when any
/// other character appears or the length is impossible.
fn decode_base64(text: &str) -> Option<Vec<u8>> {
    fn value(c: u8) -> Option<u32> {
        match c {
            b'A'..=b'Z' => Some(u32::from(c - b'A')),
            b'a'..=b'z' => Some(u32::from(c - b'a') + 26),
            b'0'..=b'9' => Some(u32::from(c - b'0') + 52),
            b'+' => Some(62),
            b'/' => Some(63),
            _ => None,
        }
    }
    let chars: Vec<u8> = text.bytes().filter(|c| !c.is_ascii_whitespace()).collect();
    if chars.is_empty() || !chars.len().is_multiple_of(4) {
        return None;
    }
    let mut out = Vec::with_capacity(chars.len() / 4 * 3);
    let last = chars.len() / 4 - 1;
    for (i, quad) in chars.chunks(4).enumerate() {
        let padding = quad.iter().rev().take_while(|&&c| c == b'=').count();
        if padding > 2 || (padding > 0 && i != last) {
            return None;
        }
        let mut n = 0u32;
        for &c in &quad[..4 - padding] {
            n = (n << 6) | value(c)?;
        }
        n <<= 6 * padding as u32;
        let bytes = n.to_be_bytes();
        out.extend_from_slice(&bytes[1..4 - padding]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::decode_base64;

    #[test]
    fn base64_decodes_with_and_without_padding() {
        assert_eq!(decode_base64("TWFu").as_deref(), Some(&b"Man"[..]));
        assert_eq!(decode_base64("TWE=").as_deref(), Some(&b"Ma"[..]));
        assert_eq!(decode_base64("TQ==").as_deref(), Some(&b"M"[..]));
        assert_eq!(decode_base64("TW\nFu\r\n").as_deref(), Some(&b"Man"[..]));
        assert_eq!(decode_base64("TQ==TWFu"), None);
        assert_eq!(decode_base64("TWF"), None);
        assert_eq!(decode_base64("TW!u"), None);
        assert_eq!(decode_base64(""), None);
    }
}

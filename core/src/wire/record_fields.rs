//! The fields of whole records as they cross the wire, and of what they carry once
//! decrypted. Annotation never fails: bytes that do not parse (an attacker's change)
//! become one field that says why. What application data carries (HTTP) is the
//! caller's to annotate: `wire` knows TLS, not what runs over it.

use super::alert::Alert;
use super::annotate::Field;
use super::handshake::HandshakeMessage;
use super::record::{ContentType, Record, annotate_inner_plaintext, decode_inner_plaintext};
use super::tls12::Tls12Message;

/// Which TLS a record belongs to: the two read handshake messages by different rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TlsVersion {
    /// RFC 8446.
    Tls13,
    /// RFC 5246 (the history lesson's handshake).
    Tls12,
}

/// Annotates one whole record as it is on the wire. A TLS 1.2 record reads its
/// handshake messages with TLS 1.2 rules; an `encrypted` TLS 1.2 record keeps its
/// fragment as one field (its content type still says handshake or alert, but the
/// fragment is ciphertext).
pub fn annotate_record(bytes: &[u8], version: TlsVersion, encrypted: bool) -> Vec<Field> {
    let tls12 = version == TlsVersion::Tls12;
    let mut fields = match Record::annotate(bytes) {
        Ok(fields) => fields,
        Err(e) => return vec![Field::unparseable("unparseable_record", 0..bytes.len(), &e)],
    };
    let Ok((record, _)) = Record::decode(bytes) else {
        return fields;
    };
    let payload = fields
        .iter_mut()
        .find(|f| f.range.start == 5 && f.range.end > 5);
    // The record decoder already annotates plaintext TLS 1.3 payloads; only fill in
    // what it left. TLS 1.2 messages have other layouts: annotate them as such. Never
    // read meaning into ciphertext.
    if let Some(payload) = payload.filter(|p| !encrypted && (tls12 || p.children.is_empty())) {
        payload.children.clear();
        match record.content_type {
            ContentType::Handshake => {
                let mut offset = 0;
                while let Some(rest) = record.fragment.get(offset..).filter(|r| !r.is_empty()) {
                    let annotated = if tls12 {
                        Tls12Message::annotate(rest, 5 + offset)
                    } else {
                        HandshakeMessage::annotate(rest, 5 + offset)
                    };
                    match annotated {
                        Ok(field) => {
                            offset = field.range.end - 5;
                            payload.children.push(field);
                        }
                        Err(_) => break,
                    }
                }
            }
            ContentType::Alert => {
                if let Ok(children) = Alert::annotate(&record.fragment, 5) {
                    payload.children = children;
                }
            }
            _ => {}
        }
    }
    fields
}

/// Annotates a decrypted TLS 1.3 TLSInnerPlaintext; `application_data` annotates
/// what application data carries.
pub fn annotate_tls13_plaintext(
    inner: &[u8],
    application_data: impl Fn(&[u8], usize) -> Vec<Field>,
) -> Vec<Field> {
    let mut fields = annotate_inner_plaintext(inner, 0).unwrap_or_default();
    if let Ok((ContentType::ApplicationData, content)) = decode_inner_plaintext(inner)
        && let Some(field) = fields.iter_mut().find(|f| f.range.start == 0)
        && field.children.is_empty()
    {
        field.children = application_data(content, 0);
    }
    fields
}

/// Annotates the decrypted content of a TLS 1.2 record: a handshake message, an
/// alert, or (through `application_data`) what application data carries.
pub fn annotate_tls12_plaintext(
    content_type: u8,
    content: &[u8],
    application_data: impl Fn(&[u8], usize) -> Vec<Field>,
) -> Vec<Field> {
    match ContentType::from_u8(content_type) {
        ContentType::Handshake => Tls12Message::annotate(content, 0)
            .map(|f| vec![f])
            .unwrap_or_default(),
        ContentType::Alert => Alert::annotate(content, 0).unwrap_or_default(),
        ContentType::ApplicationData => application_data(content, 0),
        _ => Vec::new(),
    }
}

//! What both TLS 1.2 endpoints share: the record layer (plaintext until
//! ChangeCipherSpec, then AES-128-GCM with explicit nonces) and handshake reassembly.

use crate::crypto::tls12::Tls12RecordProtection;
use crate::text;
use crate::text::Text;
use crate::tls::record_layer::{HandshakeReassembler, Sealer};
use crate::tls::record_layer::{
    decrypted_overflow, empty_handshake_record, record_length_mismatch, unknown_content_type,
};
use crate::tls::{Outgoing, Protection, TlsError};
use crate::wire::{
    Alert, AlertDescription, ContentType, LEGACY_RECORD_VERSION, MAX_PLAINTEXT, MessageKind, Record,
};

/// One thing a record brought.
pub(crate) enum Incoming {
    /// A whole handshake message (header included).
    Handshake(Vec<u8>),
    /// ChangeCipherSpec: the peer protects what follows with the new keys.
    ChangeCipherSpec,
    /// Decrypted application data.
    ApplicationData(Vec<u8>),
    /// An alert.
    Alert(Alert),
}

/// Record protection and reassembly of one TLS 1.2 endpoint.
#[derive(Default)]
pub(crate) struct Tls12Core {
    write: Option<Tls12RecordProtection>,
    read: Option<Tls12RecordProtection>,
    /// Read keys waiting for the peer's ChangeCipherSpec.
    pub pending_read: Option<Tls12RecordProtection>,
    handshake: HandshakeReassembler,
    /// Whether a record arrived yet.
    seen_record: bool,
    /// A server does not check the record version of the first record (the
    /// ClientHello): RFC 5246 Appendix E.1.
    lenient_first_version: bool,
}

impl Tls12Core {
    /// A server's core: it accepts any record version on the ClientHello.
    pub fn for_server() -> Self {
        Tls12Core {
            lenient_first_version: true,
            ..Tls12Core::default()
        }
    }

    /// From now on, protect what we send.
    pub fn start_writing_encrypted(&mut self, protection: Tls12RecordProtection) {
        self.write = Some(protection);
    }

    /// Wraps `content` in one record, encrypted once this side sent ChangeCipherSpec.
    pub fn seal(&mut self, content_type: ContentType, content: &[u8]) -> Outgoing {
        match &mut self.write {
            None => Outgoing {
                message: MessageKind::of(content_type, content),
                record: Record::new(content_type, content.to_vec()).encode(),
                protection: Protection::Plaintext,
                inner_plaintext: None,
                sequence: None,
            },
            Some(protection) => {
                let seq = protection.sequence();
                let (fragment, nonce) = protection.seal(content_type.to_u8(), content);
                Outgoing {
                    message: MessageKind::of(content_type, content),
                    record: Record::new(content_type, fragment).encode(),
                    protection: Protection::SessionKeys,
                    inner_plaintext: Some(content.to_vec()),
                    sequence: Some((seq, nonce)),
                }
            }
        }
    }

    /// Opens one whole record: checks the header, decrypts when keys are in place,
    /// and returns what it carried.
    pub fn open(&mut self, bytes: &[u8]) -> Result<Vec<Incoming>, TlsError> {
        let first = !self.seen_record;
        self.seen_record = true;
        let (record, used) = Record::decode(bytes)?;
        if used != bytes.len() {
            return Err(record_length_mismatch(
                record.fragment.len(),
                bytes.len().saturating_sub(5),
            ));
        }
        if record.legacy_version != LEGACY_RECORD_VERSION && !(first && self.lenient_first_version)
        {
            return Err(TlsError::new(
                AlertDescription::ProtocolVersion,
                text!(
                    "error-tls12-record-version",
                    version = format!("0x{:04x}", record.legacy_version)
                ),
            ));
        }
        let content = match &mut self.read {
            None => record.fragment,
            Some(protection) => {
                let content = protection
                    .open(
                        record.content_type.to_u8(),
                        record.legacy_version.to_be_bytes(),
                        &record.fragment,
                    )
                    .map_err(|_| {
                        TlsError::new(
                            AlertDescription::BadRecordMac,
                            Text::message("error-gcm-tag"),
                        )
                    })?;
                if content.len() > MAX_PLAINTEXT {
                    return Err(decrypted_overflow());
                }
                content
            }
        };
        match record.content_type {
            ContentType::Handshake => {
                if content.is_empty() {
                    return Err(empty_handshake_record());
                }
                self.handshake.push(&content);
                let mut out = Vec::new();
                while let Some(message) = self.handshake.next_message()? {
                    out.push(Incoming::Handshake(message));
                }
                Ok(out)
            }
            ContentType::ChangeCipherSpec => {
                if content != [1] {
                    return Err(TlsError::new(
                        AlertDescription::DecodeError,
                        Text::message("error-ccs-content"),
                    ));
                }
                if !self.handshake.is_empty() {
                    return Err(TlsError::new(
                        AlertDescription::UnexpectedMessage,
                        Text::message("error-ccs-mid-message"),
                    ));
                }
                Ok(vec![Incoming::ChangeCipherSpec])
            }
            ContentType::ApplicationData => Ok(vec![Incoming::ApplicationData(content)]),
            ContentType::Alert => Ok(vec![Incoming::Alert(Alert::decode(&content)?)]),
            other => Err(unknown_content_type(other)),
        }
    }

    /// The peer's ChangeCipherSpec arrived: switch to the pending read keys.
    pub fn change_read_keys(&mut self) -> Result<(), TlsError> {
        match self.pending_read.take() {
            Some(protection) => {
                self.read = Some(protection);
                Ok(())
            }
            None => Err(TlsError::new(
                AlertDescription::UnexpectedMessage,
                Text::message("error-ccs-before-keys"),
            )),
        }
    }
}

impl Sealer for Tls12Core {
    fn seal(&mut self, content_type: ContentType, content: &[u8]) -> Outgoing {
        Tls12Core::seal(self, content_type, content)
    }

    fn has_partial_message(&self) -> bool {
        !self.handshake.is_empty()
    }
}

/// The ChangeCipherSpec record's content.
pub(crate) const CHANGE_CIPHER_SPEC: [u8; 1] = [1];

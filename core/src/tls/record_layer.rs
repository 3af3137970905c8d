//! What both endpoints share: the record layer (plaintext or AEAD-protected), handshake
//! message reassembly, and the [`Event`]s an endpoint reports.

use crate::crypto::{RecordProtection, TrafficKeys};
use crate::text;
use crate::text::Text;
use crate::tls::error::application_data;
use crate::tls::key_schedule::Derivation;
use crate::tls::{Event, Outgoing, TlsError};
use crate::wire::{
    Alert, AlertDescription, AlertLevel, ContentType, MAX_PLAINTEXT, MessageKind, Record,
    decode_inner_plaintext, encode_inner_plaintext,
};

/// How a record on the wire is protected.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Protection {
    /// Readable by anyone on the wire.
    Plaintext,
    /// AEAD with the handshake traffic keys.
    HandshakeKeys,
    /// AEAD with the application traffic keys.
    ApplicationKeys,
    /// TLS 1.2: AES-GCM with the keys of the key block, from ChangeCipherSpec on
    /// (Finished and application data alike).
    SessionKeys,
}

/// The record layer of one endpoint: current read and write protection.
#[derive(Default)]
pub(crate) struct RecordLayer {
    write: Option<(RecordProtection, Protection)>,
    read: Option<(RecordProtection, Protection)>,
}

/// A record after the record layer: its content type and content.
pub(crate) struct Opened {
    pub content_type: ContentType,
    pub content: Vec<u8>,
    /// The whole TLSInnerPlaintext, when the record was encrypted.
    pub inner: Option<Vec<u8>>,
}

impl RecordLayer {
    /// From now on, protect what we send with these keys.
    pub fn set_write(&mut self, keys: TrafficKeys, level: Protection) {
        self.write = Some((RecordProtection::new(keys), level));
    }

    /// From now on, expect what we receive to be protected with these keys.
    pub fn set_read(&mut self, keys: TrafficKeys, level: Protection) {
        self.read = Some((RecordProtection::new(keys), level));
    }

    /// How incoming records are protected now.
    pub fn reading_level(&self) -> Protection {
        self.read
            .as_ref()
            .map_or(Protection::Plaintext, |(_, level)| *level)
    }

    /// Wraps `content` in a record (encrypted when write keys are in place).
    pub fn seal(&mut self, content_type: ContentType, content: &[u8]) -> Outgoing {
        match &mut self.write {
            None => Outgoing {
                message: MessageKind::of(content_type, content),
                record: Record::new(content_type, content.to_vec()).encode(),
                protection: Protection::Plaintext,
                inner_plaintext: None,
                sequence: None,
            },
            Some((protection, level)) => {
                let inner = encode_inner_plaintext(content, content_type, 0);
                let header = Record::header(ContentType::ApplicationData, inner.len() + 16);
                let sequence = (protection.sequence(), protection.next_nonce());
                let ciphertext = protection.seal(&header, &inner);
                let mut record = header.to_vec();
                record.extend_from_slice(&ciphertext);
                Outgoing {
                    message: MessageKind::of(content_type, content),
                    record,
                    protection: *level,
                    inner_plaintext: Some(inner),
                    sequence: Some(sequence),
                }
            }
        }
    }

    /// Checks and (when keys are in place) decrypts one whole record.
    ///
    /// Returns `None` for a record to drop silently: the compatibility
    /// `change_cipher_spec` of RFC 8446 §5.
    pub fn open(&mut self, bytes: &[u8]) -> Result<Option<Opened>, TlsError> {
        let (record, used) = Record::decode(bytes)?;
        if used != bytes.len() {
            return Err(record_length_mismatch(
                record.fragment.len(),
                bytes.len().saturating_sub(5),
            ));
        }
        if record.content_type == ContentType::ChangeCipherSpec {
            if record.fragment == [1] {
                return Ok(None);
            }
            return Err(TlsError::new(
                AlertDescription::UnexpectedMessage,
                Text::message("error-ccs-compat-content"),
            ));
        }
        let Some((protection, _)) = &mut self.read else {
            if record.content_type == ContentType::ApplicationData {
                return Err(TlsError::new(
                    AlertDescription::UnexpectedMessage,
                    Text::message("error-encrypted-before-keys"),
                ));
            }
            if record.fragment.is_empty() && record.content_type != ContentType::ApplicationData {
                return Err(TlsError::new(
                    AlertDescription::UnexpectedMessage,
                    Text::message("error-empty-record"),
                ));
            }
            return Ok(Some(Opened {
                content_type: record.content_type,
                content: record.fragment,
                inner: None,
            }));
        };
        if record.content_type != ContentType::ApplicationData {
            return Err(TlsError::new(
                AlertDescription::UnexpectedMessage,
                text!(
                    "error-plaintext-after-encryption",
                    content_type = record.content_type.name()
                ),
            ));
        }
        // RFC 8446 §5.2: the additional data is the header exactly as received.
        let mut header = [0u8; 5];
        header.copy_from_slice(bytes.get(..5).unwrap_or(&[0; 5]));
        let plaintext = protection.open(&header, &record.fragment).map_err(|_| {
            TlsError::new(
                AlertDescription::BadRecordMac,
                Text::message("error-aead-tag"),
            )
        })?;
        if plaintext.len() > MAX_PLAINTEXT + 1 {
            return Err(decrypted_overflow());
        }
        let (content_type, content) = decode_inner_plaintext(&plaintext)?;
        Ok(Some(Opened {
            content_type,
            content: content.to_vec(),
            inner: Some(plaintext),
        }))
    }
}

/// Collects handshake bytes and hands out whole messages.
#[derive(Default)]
pub(crate) struct HandshakeReassembler {
    buffer: Vec<u8>,
}

/// Longest handshake message we accept (a certificate chain fits easily).
const MAX_HANDSHAKE_MESSAGE: usize = 1 << 16;

impl HandshakeReassembler {
    /// Adds the content of one handshake record.
    pub fn push(&mut self, content: &[u8]) {
        self.buffer.extend_from_slice(content);
    }

    /// The next whole message (header included), if one is complete.
    pub fn next_message(&mut self) -> Result<Option<Vec<u8>>, TlsError> {
        let Some(header) = self.buffer.get(..4) else {
            return Ok(None);
        };
        let len =
            usize::from(header[1]) << 16 | usize::from(header[2]) << 8 | usize::from(header[3]);
        if len > MAX_HANDSHAKE_MESSAGE {
            return Err(TlsError::new(
                AlertDescription::DecodeError,
                text!("error-handshake-too-long", length = len),
            ));
        }
        if self.buffer.len() < 4 + len {
            return Ok(None);
        }
        let rest = self.buffer.split_off(4 + len);
        Ok(Some(std::mem::replace(&mut self.buffer, rest)))
    }

    /// Whether part of a message is still waiting (not allowed across a key change).
    pub fn is_empty(&self) -> bool {
        self.buffer.is_empty()
    }
}

/// What both endpoints do with an incoming record before their own state machine.
#[derive(Default)]
pub(crate) struct EndpointCore {
    pub records: RecordLayer,
    handshake: HandshakeReassembler,
}

/// What became of one incoming record.
pub(crate) enum Received {
    /// Handled; the connection goes on.
    Continue,
    /// The peer sent an alert: the connection is over (close_notify or fatal).
    PeerAlert(Alert),
}

impl Sealer for EndpointCore {
    fn seal(&mut self, content_type: ContentType, content: &[u8]) -> Outgoing {
        self.records.seal(content_type, content)
    }

    fn has_partial_message(&self) -> bool {
        !self.handshake.is_empty()
    }
}

impl EndpointCore {
    /// What a received record did to the connection: returns whether it is over
    /// (the peer sent an alert, or this side failed and sent one).
    pub fn settle(
        &mut self,
        result: Result<Received, TlsError>,
        sent_close: &mut bool,
        events: &mut Vec<Event>,
    ) -> bool {
        match result {
            Ok(Received::Continue) => false,
            Ok(Received::PeerAlert(alert)) => {
                self.answer_peer_alert(alert, sent_close, events);
                true
            }
            Err(error) => {
                self.fail(error, events);
                true
            }
        }
    }

    /// Opens one record and feeds each whole handshake message to `on_handshake`.
    ///
    /// `connected` says whether application data is acceptable; `expects` names what
    /// the state machine waits for, for error messages.
    pub fn receive(
        &mut self,
        record: &[u8],
        connected: bool,
        expects: Text,
        events: &mut Vec<Event>,
        mut on_handshake: impl FnMut(&mut RecordLayer, &[u8], &mut Vec<Event>) -> Result<(), TlsError>,
    ) -> Result<Received, TlsError> {
        let Some(Opened {
            content_type,
            content,
            inner,
        }) = self.records.open(record)?
        else {
            return Ok(Received::Continue);
        };
        if let Some(inner) = inner {
            events.push(Event::Decrypted(inner));
        }
        match content_type {
            ContentType::Handshake => {
                if content.is_empty() {
                    return Err(empty_handshake_record());
                }
                self.handshake.push(&content);
                while let Some(message) = self.handshake.next_message()? {
                    let was_encrypted = self.records.reading_level();
                    on_handshake(&mut self.records, &message, events)?;
                    if self.records.reading_level() != was_encrypted && !self.handshake.is_empty() {
                        return Err(TlsError::new(
                            AlertDescription::UnexpectedMessage,
                            Text::message("error-split-across-key-change"),
                        ));
                    }
                }
                Ok(Received::Continue)
            }
            ContentType::ApplicationData if connected => {
                events.push(Event::ApplicationData(content));
                Ok(Received::Continue)
            }
            ContentType::ApplicationData => Err(TlsError::unexpected(application_data(), expects)),
            ContentType::Alert => {
                let alert = Alert::decode(&content)?;
                events.push(Event::AlertReceived(alert));
                Ok(Received::PeerAlert(alert))
            }
            other => Err(unknown_content_type(other)),
        }
    }
}

/// `decode_error`: the record's length field disagrees with the bytes that arrived.
pub(crate) fn record_length_mismatch(claimed: usize, arrived: usize) -> TlsError {
    TlsError::new(
        AlertDescription::DecodeError,
        text!(
            "error-record-length-mismatch",
            claimed = claimed,
            arrived = arrived
        ),
    )
}

/// `record_overflow`: a decrypted record longer than 2^14 bytes.
pub(crate) fn decrypted_overflow() -> TlsError {
    TlsError::new(
        AlertDescription::RecordOverflow,
        Text::message("error-decrypted-overflow"),
    )
}

/// `unexpected_message`: a handshake record with no content.
pub(crate) fn empty_handshake_record() -> TlsError {
    TlsError::new(
        AlertDescription::UnexpectedMessage,
        Text::message("error-empty-handshake-record"),
    )
}

/// `unexpected_message`: a record whose content type is none of TLS's.
pub(crate) fn unknown_content_type(content_type: ContentType) -> TlsError {
    TlsError::new(
        AlertDescription::UnexpectedMessage,
        text!(
            "error-unknown-content-type",
            content_type = content_type.to_u8()
        ),
    )
}

/// The shared secret of a key exchange computed by `function` ("X25519", ...).
pub(crate) fn key_exchange_derivation(
    function: &'static str,
    private_key: &[u8],
    peer_public: &[u8],
    shared: &[u8],
) -> Derivation {
    Derivation {
        name: "ecdhe_shared_secret",
        function,
        inputs: vec![
            ("own private key".to_string(), private_key.to_vec()),
            ("peer public key".to_string(), peer_public.to_vec()),
        ],
        label: None,
        context: Vec::new(),
        output: shared.to_vec(),
    }
}

/// The warning alert that ends a connection cleanly.
pub(crate) fn close_notify() -> Alert {
    Alert {
        level: AlertLevel::Warning,
        description: AlertDescription::CloseNotify,
    }
}

/// What both TLS versions' record layers offer, so that the life of a connection
/// (fatal alerts, application data, close_notify, a silent peer) is written once.
pub(crate) trait Sealer {
    /// Wraps `content` in one record, protected as the current write state says.
    fn seal(&mut self, content_type: ContentType, content: &[u8]) -> Outgoing;

    /// Whether part of a handshake message arrived and the rest is still missing.
    fn has_partial_message(&self) -> bool;

    /// Reports the failure, then sends its fatal alert. `Failed` comes first: it
    /// belongs to the step whose record was rejected; the alert record starts its own.
    fn fail(&mut self, error: TlsError, events: &mut Vec<Event>) {
        let alert = Alert::fatal(error.alert);
        events.push(Event::Failed(error));
        events.push(Event::Send(self.seal(ContentType::Alert, &alert.encode())));
    }

    /// Sends close_notify.
    fn close(&mut self, events: &mut Vec<Event>) {
        events.push(Event::Send(
            self.seal(ContentType::Alert, &close_notify().encode()),
        ));
    }

    /// Seals application data, cut into as many records as it needs: a record's
    /// plaintext is capped at 2^14 bytes (RFC 8446 §5.1, RFC 5246 §6.2.1), and a peer
    /// rejects a longer one. Empty data still goes out as one (empty) record.
    fn seal_application_data(&mut self, data: &[u8]) -> Vec<Event> {
        if data.is_empty() {
            return vec![Event::Send(self.seal(ContentType::ApplicationData, data))];
        }
        data.chunks(MAX_PLAINTEXT)
            .map(|chunk| Event::Send(self.seal(ContentType::ApplicationData, chunk)))
            .collect()
    }

    /// Application data from the endpoint's application; `writable` says the
    /// handshake is done and close_notify not yet sent.
    fn send_application_data(
        &mut self,
        writable: bool,
        data: &[u8],
    ) -> Result<Vec<Event>, TlsError> {
        if !writable {
            return Err(TlsError::new(
                AlertDescription::InternalError,
                Text::message("error-application-data-not-writable"),
            ));
        }
        Ok(self.seal_application_data(data))
    }

    /// The peer sent an alert: the connection is over. A close_notify is answered
    /// with ours (once); a fatal alert is not answered.
    fn answer_peer_alert(&mut self, alert: Alert, sent_close: &mut bool, events: &mut Vec<Event>) {
        if alert.description == AlertDescription::CloseNotify && !*sent_close {
            *sent_close = true;
            self.close(events);
        }
    }

    /// Sends close_notify once; what the peer still sends is read and checked.
    fn close_once(&mut self, closed: bool, sent_close: &mut bool) -> Vec<Event> {
        let mut events = Vec::new();
        if !closed && !*sent_close {
            *sent_close = true;
            self.close(&mut events);
        }
        events
    }

    /// The transport says the peer will send nothing more (a real browser or server
    /// would time out). A half-received handshake message is then a `decode_error`.
    /// Returns the events and whether the endpoint has now stopped.
    fn end_of_input(&mut self, closed: bool) -> (Vec<Event>, bool) {
        let mut events = Vec::new();
        if closed || !self.has_partial_message() {
            return (events, false);
        }
        self.fail(
            TlsError::new(
                AlertDescription::DecodeError,
                Text::message("error-peer-stopped"),
            ),
            &mut events,
        );
        (events, true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::TrafficKeys;

    fn keys() -> TrafficKeys {
        TrafficKeys {
            key: vec![7; 16],
            iv: [9; 12],
            aead: crate::crypto::AeadAlg::Aes128Gcm,
        }
    }

    fn records(events: &[Event]) -> Vec<&Outgoing> {
        events
            .iter()
            .filter_map(|e| match e {
                Event::Send(out) => Some(out),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn long_application_data_is_cut_into_records_of_at_most_2_pow_14() {
        let mut sender = EndpointCore::default();
        sender
            .records
            .set_write(keys(), Protection::ApplicationKeys);
        let mut receiver = EndpointCore::default();
        receiver
            .records
            .set_read(keys(), Protection::ApplicationKeys);

        let data: Vec<u8> = (0..2 * MAX_PLAINTEXT + 5).map(|i| i as u8).collect();
        let events = sender.seal_application_data(&data);
        let sent = records(&events);
        assert_eq!(sent.len(), 3);
        let mut delivered = Vec::new();
        for out in sent {
            // Content + type byte + 16-byte tag, within the RFC 8446 §5.2 limit.
            assert!(out.record.len() - 5 <= MAX_PLAINTEXT + 1 + 16);
            let mut events = Vec::new();
            let received = receiver.receive(
                &out.record,
                true,
                application_data(),
                &mut events,
                |_, _, _| unreachable!("no handshake here"),
            );
            assert!(matches!(received, Ok(Received::Continue)));
            for event in events {
                if let Event::ApplicationData(d) = event {
                    delivered.extend(d);
                }
            }
        }
        assert_eq!(delivered, data);
    }

    #[test]
    fn empty_application_data_is_one_record() {
        let mut sender = EndpointCore::default();
        sender
            .records
            .set_write(keys(), Protection::ApplicationKeys);
        assert_eq!(records(&sender.seal_application_data(&[])).len(), 1);
    }
}

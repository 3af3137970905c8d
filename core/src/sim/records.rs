//! What goes on the simulated wire, as [`WireRecord`]s with every field annotated.

use std::collections::HashMap;

use crate::http;
use crate::sim::step_name::{StepKind, StepName};
use crate::sim::timeline::WireRecord;
use crate::tls::{Outgoing, Protection, Role, Side};
use crate::wire::{
    Alert, Field, MessageKind, TlsVersion, annotate_record, annotate_tls12_plaintext,
    annotate_tls13_plaintext,
};

/// Names steps as records go on the wire: the second `http_request` of a session is
/// `http_request_2`.
#[derive(Default)]
pub(crate) struct StepNames(HashMap<StepName, u32>);

impl StepNames {
    /// The name of the step for `record`, sent by `side` playing `role`.
    pub fn next(&mut self, side: Side, role: Role, record: &WireRecord) -> StepName {
        let base = StepName {
            by_attacker: side == Side::Attacker,
            ..StepName::new(StepKind::of_record(
                role,
                record.message,
                record_alert(record),
            ))
        };
        let count = self.0.entry(base).or_insert(0);
        *count += 1;
        StepName {
            occurrence: *count,
            ..base
        }
    }
}

/// The alert a record carries, read from what the sender encrypted (or the receiver
/// decrypted) or, in the clear, from the record itself.
fn record_alert(record: &WireRecord) -> Option<Alert> {
    record
        .inner_plaintext
        .as_deref()
        .and_then(|inner| inner.get(..2))
        .or_else(|| record.bytes.get(5..7))
        .and_then(|b| Alert::decode(b).ok())
}

/// Which transport the records on the wire are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Transport {
    /// Plain HTTP: each "record" is one HTTP message.
    Http,
    /// TLS 1.3 records.
    Tls13,
    /// TLS 1.2 records.
    Tls12,
}

/// A plain HTTP message as a "record" on the wire.
pub(crate) fn plain_http(bytes: Vec<u8>, message: MessageKind) -> WireRecord {
    WireRecord {
        index: 0,
        from: Side::Client,
        message,
        content_type: 0,
        bytes,
        delivered: None,
        tamper: None,
        protection: Protection::Plaintext,
        fields: Vec::new(),
        inner_plaintext: None,
        inner_fields: Vec::new(),
        sequence: None,
    }
}

/// A TLS record from an endpoint, with its inner plaintext annotated.
pub(crate) fn tls_record(transport: Transport, outgoing: Outgoing) -> WireRecord {
    let content_type = outgoing.record.first().copied().unwrap_or(0);
    let inner_fields = outgoing
        .inner_plaintext
        .as_deref()
        .map(|inner| match transport {
            Transport::Tls12 => annotate_tls12_plaintext(content_type, inner, http::annotate),
            _ => annotate_tls13_plaintext(inner, http::annotate),
        })
        .unwrap_or_default();
    WireRecord {
        index: 0,
        from: Side::Client,
        message: outgoing.message,
        content_type,
        bytes: outgoing.record,
        delivered: None,
        tamper: None,
        protection: outgoing.protection,
        fields: Vec::new(),
        inner_plaintext: outgoing.inner_plaintext,
        inner_fields,
        sequence: outgoing.sequence,
    }
}

/// Annotates bytes as they are on the wire. Bytes that do not parse (an attacker's
/// change) become one field that says why: annotation never fails.
pub(crate) fn annotate_wire(
    transport: Transport,
    bytes: &[u8],
    protection: Protection,
) -> Vec<Field> {
    match transport {
        Transport::Http => http::annotate(bytes, 0),
        Transport::Tls13 => annotate_record(bytes, TlsVersion::Tls13, false),
        Transport::Tls12 => annotate_record(
            bytes,
            TlsVersion::Tls12,
            protection != Protection::Plaintext,
        ),
    }
}

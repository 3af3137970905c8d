//! What both live sessions (the lab's server meeting a real client, the lab's client
//! meeting a real server) do with the records and events of their one endpoint: every
//! record becomes a step, built as the simulator builds one, and every event of the
//! lab's endpoint is filed with the step it belongs to.

use crate::sim::records::{StepNames, Transport, annotate_wire, tls_record};
use crate::sim::tap::observe_tls;
use crate::sim::{Outcome, Step, WireRecord};
use crate::text::Text;
use crate::tls::{Event, Outgoing, Protection, Role, Side};
use crate::wire::{
    AlertDescription, ContentType, MessageKind, annotate_tls13_plaintext, decode_inner_plaintext,
};

/// The steps of one live connection, as the lab's endpoint (`own`) saw them.
pub(crate) struct Recorder {
    own: Side,
    steps: Vec<Step>,
    names: StepNames,
    /// Events before the endpoint's next record (its key pair, made at the start).
    pending: Vec<Event>,
    records: usize,
    outcome: Option<Outcome>,
}

impl Recorder {
    /// An empty recording; `own` is the side the lab plays.
    pub(crate) fn new(own: Side) -> Recorder {
        Recorder {
            own,
            steps: Vec::new(),
            names: StepNames::default(),
            pending: Vec::new(),
            records: 0,
            outcome: None,
        }
    }

    /// The steps so far.
    pub(crate) fn steps(&self) -> &[Step] {
        &self.steps
    }

    /// The first failure or alert that ended the session, if one did.
    pub(crate) fn outcome(&self) -> Option<&Outcome> {
        self.outcome.as_ref()
    }

    /// A record the peer sent, with what the lab's endpoint made of it (`events`,
    /// `was_connected`: whether the handshake was done before it). Returns its step.
    pub(crate) fn peer_record(
        &mut self,
        record: Vec<u8>,
        events: &[Event],
        was_connected: bool,
        now_micros: u64,
    ) -> usize {
        let inner = events.iter().find_map(|e| match e {
            Event::Decrypted(inner) => Some(inner.clone()),
            _ => None,
        });
        let message = received_kind(&record, inner.as_deref(), events);
        let protection = match (&inner, was_connected) {
            (None, _) => Protection::Plaintext,
            (Some(_), false) => Protection::HandshakeKeys,
            (Some(_), true) => Protection::ApplicationKeys,
        };
        let inner_fields = inner
            .as_deref()
            .map(|inner| annotate_tls13_plaintext(inner, crate::http::annotate))
            .unwrap_or_default();
        let peer = self.own.peer();
        let wire = WireRecord {
            index: 0,
            from: peer,
            message,
            content_type: record.first().copied().unwrap_or(0),
            bytes: record,
            delivered: None,
            tamper: None,
            protection,
            fields: Vec::new(),
            inner_plaintext: inner,
            inner_fields,
            sequence: None,
        };
        self.put_on_wire(peer, wire, now_micros)
    }

    /// Files the lab's endpoint's events: records it sends become steps (their bytes
    /// are appended to `send`); other events go to `current` (the step being
    /// received) until the endpoint's first record, then to the step of the record
    /// they follow.
    pub(crate) fn absorb(
        &mut self,
        current: Option<usize>,
        events: Vec<Event>,
        now_micros: u64,
        send: &mut Vec<u8>,
    ) {
        let mut target = current;
        for event in events {
            match event {
                Event::Send(outgoing) => {
                    send.extend_from_slice(&outgoing.record);
                    target = Some(self.own_record(outgoing, now_micros));
                }
                Event::Decrypted(_) => {}
                other => match target {
                    Some(index) => self.record_event(index, other),
                    None => self.pending.push(other),
                },
            }
        }
    }

    fn own_record(&mut self, outgoing: Outgoing, now_micros: u64) -> usize {
        let record = tls_record(Transport::Tls13, outgoing);
        let index = self.put_on_wire(self.own, record, now_micros);
        for event in std::mem::take(&mut self.pending) {
            self.record_event(index, event);
        }
        index
    }

    fn put_on_wire(&mut self, from: Side, mut record: WireRecord, now: u64) -> usize {
        let role = if from == Side::Client {
            Role::Client
        } else {
            Role::Server
        };
        let name = self.names.next(from, role, &record);
        record.index = self.records;
        self.records += 1;
        record.from = from;
        record.fields = annotate_wire(Transport::Tls13, &record.bytes, record.protection);
        let mut step = Step::new(name, from, from.peer(), now);
        step.eavesdropper = observe_tls(from, &record.bytes, now);
        step.records.push(record);
        self.steps.push(step);
        self.steps.len() - 1
    }

    fn record_event(&mut self, index: usize, event: Event) {
        let own = self.own;
        let Some(step) = self.steps.get_mut(index) else {
            return;
        };
        // A fatal alert from the peer ends the session as the peer's doing.
        let peer_gave_up = match &event {
            Event::AlertReceived(alert) if alert.description != AlertDescription::CloseNotify => {
                Some(Outcome::Aborted {
                    by: own.peer(),
                    alert: alert.description,
                    reason: Text::message(match own {
                        Side::Server => "error-live-client-alert",
                        _ => "error-live-server-alert",
                    }),
                })
            }
            _ => None,
        };
        let outcome = step.record_event(own, own.peer(), event).or(peer_gave_up);
        if self.outcome.is_none() {
            self.outcome = outcome;
        }
    }
}

/// What a peer's record carried, as far as the lab's endpoint could tell: the message
/// it accepted, the decrypted content type, or the plaintext header.
fn received_kind(record: &[u8], inner: Option<&[u8]>, events: &[Event]) -> MessageKind {
    if let Some(accepted) = events.iter().find_map(|e| match e {
        Event::Accepted(kind) => Some(*kind),
        _ => None,
    }) {
        return accepted;
    }
    if let Some(Ok((content_type, content))) = inner.map(decode_inner_plaintext) {
        return MessageKind::of(content_type, content);
    }
    let content_type = ContentType::from_u8(record.first().copied().unwrap_or(0));
    MessageKind::of(content_type, record.get(5..).unwrap_or_default())
}

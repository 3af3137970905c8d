//! Runs a scenario: endpoints, channels, tap, clock, and the timeline they produce.

use std::collections::HashMap;
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::crypto::{LabRng, Validity, issue_pki};
use crate::http::{self, LoginForm};
use crate::sim::scenario::{Scenario, ScenarioName};
use crate::sim::tap::{Attacker, observe_http, observe_tls};
use crate::sim::timeline::{Learned, Outcome, SessionPki, Step, Timeline, WireRecord};
use crate::tls::{Client, ClientConfig, Event, Outgoing, Protection, Server, ServerConfig, Side};
use crate::wire::{Alert, ContentType, Field, HandshakeMessage, Record, annotate_inner_plaintext};

/// The simulated wall clock starts here: 2026-03-02 09:00:00 UTC.
pub const SESSION_START_UNIX: u64 = 1_772_442_000;
/// One day in seconds.
const DAY: u64 = 86_400;
/// One-way network delay between browser and bank, in microseconds.
const LATENCY_MICROS: u64 = 15_000;
/// Time between two records of the same flight, in microseconds.
const BACK_TO_BACK_MICROS: u64 = 120;

/// Why a scenario could not be simulated.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SimError {
    /// Something the user typed or chose is not acceptable.
    #[error("{0}")]
    InvalidInput(String),
    /// The tamper position does not exist on this session's wire.
    #[error("--tamper {record}:{offset}: {why}")]
    TamperOutOfRange {
        /// The record asked for.
        record: usize,
        /// The byte asked for.
        offset: usize,
        /// What the wire really had.
        why: String,
    },
    /// A bug or a failing library: not the user's fault.
    #[error("internal error: {0}")]
    Internal(String),
}

/// Simulates `scenario` from its seed and returns the whole timeline.
pub fn simulate(scenario: &Scenario) -> Result<Timeline, SimError> {
    scenario.validate().map_err(SimError::InvalidInput)?;
    let mut rng = LabRng::from_seed(scenario.seed);
    let validity = Validity {
        not_before: SESSION_START_UNIX - 30 * DAY,
        not_after: SESSION_START_UNIX + 365 * DAY,
    };
    let issued = issue_pki(
        &mut rng,
        "Handshake Lab Root CA",
        &scenario.server_name,
        validity,
    )
    .map_err(|e| SimError::Internal(format!("issuing the demo certificates: {e}")))?;
    let pki = SessionPki {
        ca_cert_der: issued.ca_cert_der.clone(),
        server_cert_der: issued.server_cert_der.clone(),
        server_key_pem: issued.server_key.to_pkcs8_pem(),
    };
    let mut session = Session::new(scenario);
    match scenario.name {
        ScenarioName::Http => session.run_http(),
        ScenarioName::Https => {
            let client = ClientConfig {
                server_name: scenario.server_name.clone(),
                trusted_root_der: issued.ca_cert_der.clone(),
                now_unix: SESSION_START_UNIX,
            };
            let server = ServerConfig {
                cert_chain: vec![issued.server_cert_der.clone()],
                key: issued.server_key.clone(),
            };
            session.run_tls(client, server, &mut rng);
        }
    }
    session.finish(pki)
}

/// Which transport the records on the wire are.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Transport {
    Http,
    Tls,
}

/// A record in flight: which step sent it.
struct InFlight {
    step: usize,
    bytes: Vec<u8>,
}

/// The running session: the builder of the timeline.
struct Session<'a> {
    scenario: &'a Scenario,
    form: LoginForm,
    transport: Transport,
    steps: Vec<Step>,
    /// Events that came before a side's next record (attached to the step of that record).
    pending: HashMap<Side, Vec<(Side, Event)>>,
    to_tap: (Sender<InFlight>, Receiver<InFlight>),
    attacker: Attacker,
    clock_micros: u64,
    last_sender: Option<Side>,
    name_counts: HashMap<String, usize>,
    outcome: Option<Outcome>,
    login_answered: bool,
}

impl<'a> Session<'a> {
    fn new(scenario: &'a Scenario) -> Self {
        Session {
            scenario,
            form: LoginForm {
                username: scenario.username.clone(),
                password: scenario.password.clone(),
                card_number: scenario.card_number.clone(),
            },
            transport: if scenario.name.uses_tls() {
                Transport::Tls
            } else {
                Transport::Http
            },
            steps: Vec::new(),
            pending: HashMap::new(),
            to_tap: channel(),
            attacker: Attacker::new(scenario.tamper),
            clock_micros: 0,
            last_sender: None,
            name_counts: HashMap::new(),
            outcome: None,
            login_answered: false,
        }
    }

    /// The plain HTTP login: request and response cross the wire as they are.
    fn run_http(&mut self) {
        let request = http::login_request(&self.scenario.server_name, &self.form);
        self.put_on_wire(Side::Client, plain_http(request, "HTTP request"));
        while let Some((step, delivered)) = self.deliver_next() {
            if self.steps.get(step).map(|s| s.from) == Some(Side::Client) {
                let response = http::login_response(&delivered, &self.form);
                if let Some(s) = self.steps.get_mut(step) {
                    s.delivered_data.push((Side::Server, delivered));
                }
                self.put_on_wire(Side::Server, plain_http(response, "HTTP response"));
            } else if let Some(s) = self.steps.get_mut(step) {
                s.delivered_data.push((Side::Client, delivered));
                self.login_answered = true;
            }
        }
    }

    /// The TLS session: handshake, login, close.
    fn run_tls(
        &mut self,
        client_config: ClientConfig,
        server_config: ServerConfig,
        rng: &mut LabRng,
    ) {
        let (mut client, events) = Client::start(client_config, rng);
        self.absorb(Side::Client, None, events);
        let (mut server, events) = Server::new(server_config, rng);
        self.absorb(Side::Server, None, events);
        let mut request_sent = false;
        while let Some((step, delivered)) = self.deliver_next() {
            let receiver = match self.steps.get(step) {
                Some(s) => s.from.peer(),
                None => break,
            };
            let events = match receiver {
                Side::Client => client.receive(&delivered),
                Side::Server => server.receive(&delivered),
            };
            let data: Vec<Vec<u8>> = events
                .iter()
                .filter_map(|e| match e {
                    Event::ApplicationData(d) => Some(d.clone()),
                    _ => None,
                })
                .collect();
            self.absorb(receiver, Some(step), events);
            // The applications on top of TLS.
            if client.is_connected() && !request_sent {
                request_sent = true;
                let request = http::login_request(&self.scenario.server_name, &self.form);
                let events = client.send_application_data(&request).unwrap_or_default();
                self.absorb(Side::Client, None, events);
            }
            for data in data {
                match receiver {
                    Side::Server => {
                        let response = http::login_response(&data, &self.form);
                        let events = server.send_application_data(&response).unwrap_or_default();
                        self.absorb(Side::Server, None, events);
                    }
                    Side::Client => {
                        self.login_answered = true;
                        let events = client.close();
                        self.absorb(Side::Client, None, events);
                    }
                }
            }
        }
    }

    /// Takes the next record off the channel, through the tap; returns its step and
    /// the bytes the receiver gets.
    fn deliver_next(&mut self) -> Option<(usize, Vec<u8>)> {
        let InFlight { step, bytes } = self.to_tap.1.try_recv().ok()?;
        let delivered = self.attacker.pass(&bytes);
        let transport = self.transport;
        let record = self.steps.get_mut(step)?.records.last_mut()?;
        if let Some(changed) = &delivered {
            record.delivered = Some(changed.clone());
            record.tamper = self.scenario.tamper;
            record.fields = annotate_wire(transport, changed);
        }
        Some((step, delivered.unwrap_or(bytes)))
    }

    /// Files an endpoint's events into steps. Events before the side's first record
    /// belong to `current` (the step being received) or, with none, wait for the
    /// side's next record.
    fn absorb(&mut self, side: Side, current: Option<usize>, events: Vec<Event>) {
        let mut target = current;
        for event in events {
            match event {
                Event::Send(outgoing) => {
                    let step = self.put_on_wire(side, tls_record(outgoing));
                    target = Some(step);
                }
                other => match target {
                    Some(index) => self.record_event(index, side, other),
                    None => self.pending.entry(side).or_default().push((side, other)),
                },
            }
        }
    }

    fn record_event(&mut self, index: usize, side: Side, event: Event) {
        let Some(step) = self.steps.get_mut(index) else {
            return;
        };
        match event {
            Event::Send(_) => {}
            Event::EphemeralKey {
                private_key,
                public_key,
            } => step.ephemeral_keys.push((side, private_key, public_key)),
            Event::Derived(derivation) => step.learned.push(Learned { side, derivation }),
            Event::Check(check) => step.checks.push((side, check)),
            Event::Accepted(message) => step.accepted.push((side, message)),
            Event::HandshakeComplete => step.accepted.push((side, "handshake complete".into())),
            Event::ApplicationData(data) => step.delivered_data.push((side, data)),
            Event::AlertReceived(_) => {}
            Event::Failed(error) => {
                if self.outcome.is_none() {
                    self.outcome = Some(Outcome::Aborted {
                        by: side,
                        alert: error.alert,
                        reason: error.reason.clone(),
                    });
                }
                step.failure = Some((side, error.alert, error.reason));
            }
        }
    }

    /// Makes a new step for a record `side` sends, and puts the record on the channel.
    fn put_on_wire(&mut self, side: Side, record: WireRecord) -> usize {
        self.clock_micros += match self.last_sender {
            None => 0,
            Some(last) if last == side => BACK_TO_BACK_MICROS,
            Some(_) => LATENCY_MICROS,
        };
        self.last_sender = Some(side);
        let index = self.steps.len();
        let base = step_name(side, &record);
        let count = self.name_counts.entry(base.clone()).or_insert(0);
        *count += 1;
        let name = if *count == 1 {
            base
        } else {
            format!("{base}_{count}")
        };
        let mut record = record;
        record.index = self.steps.iter().map(|s| s.records.len()).sum();
        record.from = side;
        record.fields = annotate_wire(self.transport, &record.bytes);
        let eavesdropper = match self.transport {
            Transport::Http => observe_http(side, &record.bytes, self.clock_micros),
            Transport::Tls => observe_tls(side, &record.bytes, self.clock_micros),
        };
        let bytes = record.bytes.clone();
        self.steps.push(Step {
            name,
            from: side,
            time_micros: self.clock_micros,
            records: vec![record],
            ephemeral_keys: Vec::new(),
            learned: Vec::new(),
            checks: Vec::new(),
            accepted: Vec::new(),
            delivered_data: Vec::new(),
            failure: None,
            eavesdropper,
        });
        for (who, event) in self.pending.remove(&side).unwrap_or_default() {
            self.record_event(index, who, event);
        }
        // The receiving end of the channel lives as long as the session: cannot fail.
        let _ = self.to_tap.0.send(InFlight { step: index, bytes });
        index
    }

    fn finish(self, pki: SessionPki) -> Result<Timeline, SimError> {
        if !self.attacker.applied()
            && let Some(tamper) = self.scenario.tamper
        {
            let records: Vec<usize> = self
                .steps
                .iter()
                .flat_map(|s| s.records.iter().map(|r| r.bytes.len()))
                .collect();
            let why = match records.get(tamper.record) {
                None => format!(
                    "the wire carries only {} records (0 to {})",
                    records.len(),
                    records.len().saturating_sub(1)
                ),
                Some(len) => format!(
                    "record {} has only {len} bytes (0 to {})",
                    tamper.record,
                    len.saturating_sub(1)
                ),
            };
            return Err(SimError::TamperOutOfRange {
                record: tamper.record,
                offset: tamper.offset,
                why,
            });
        }
        let outcome = match self.outcome {
            Some(outcome) => outcome,
            None if self.login_answered => Outcome::Completed,
            None => {
                return Err(SimError::Internal(
                    "the session stopped before the login was answered".into(),
                ));
            }
        };
        Ok(Timeline {
            scenario: self.scenario.clone(),
            start_unix: SESSION_START_UNIX,
            steps: self.steps,
            outcome,
            pki,
        })
    }
}

/// A plain HTTP message as a "record" on the wire.
fn plain_http(bytes: Vec<u8>, message: &str) -> WireRecord {
    WireRecord {
        index: 0,
        from: Side::Client,
        message: message.to_string(),
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
fn tls_record(outgoing: Outgoing) -> WireRecord {
    let content_type = outgoing.record.first().copied().unwrap_or(0);
    let inner_fields = outgoing
        .inner_plaintext
        .as_deref()
        .map(annotate_inner)
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

/// The stable step name for a record: "client_hello", "server_finished", ...
fn step_name(side: Side, record: &WireRecord) -> String {
    let who = side.name();
    match record.message.as_str() {
        "ClientHello" => "client_hello".into(),
        "ServerHello" => "server_hello".into(),
        "EncryptedExtensions" => "encrypted_extensions".into(),
        "Certificate" => "certificate".into(),
        "CertificateVerify" => "certificate_verify".into(),
        "Finished" => format!("{who}_finished"),
        "HTTP request" => "http_request".into(),
        "HTTP response" => "http_response".into(),
        "application data" => match side {
            Side::Client => "http_request".into(),
            Side::Server => "http_response".into(),
        },
        "alert" => {
            let description = record
                .inner_plaintext
                .as_deref()
                .and_then(|inner| inner.get(..2))
                .or_else(|| record.bytes.get(5..7))
                .and_then(|b| Alert::decode(b).ok())
                .map(|a| a.description.name())
                .unwrap_or("alert");
            if description == "close_notify" {
                format!("{who}_close_notify")
            } else {
                format!("{who}_alert")
            }
        }
        other => format!("{who}_{}", other.to_ascii_lowercase().replace(' ', "_")),
    }
}

/// Annotates bytes as they are on the wire. Bytes that do not parse (an attacker's
/// change) become one field that says why: annotation never fails.
fn annotate_wire(transport: Transport, bytes: &[u8]) -> Vec<Field> {
    match transport {
        Transport::Http => http::annotate(bytes, 0),
        Transport::Tls => annotate_tls_record(bytes),
    }
}

fn annotate_tls_record(bytes: &[u8]) -> Vec<Field> {
    let unreadable = |why: String| {
        vec![Field {
            name: "unparseable_record".into(),
            range: 0..bytes.len(),
            value: format!("{} bytes", bytes.len()),
            meaning: why,
            children: Vec::new(),
        }]
    };
    let mut fields = match Record::annotate(bytes) {
        Ok(fields) => fields,
        Err(e) => return unreadable(e.to_string()),
    };
    let Ok((record, _)) = Record::decode(bytes) else {
        return fields;
    };
    let payload = fields
        .iter_mut()
        .find(|f| f.range.start == 5 && f.range.end > 5);
    // The wire decoder already annotates plaintext payloads; only fill in what it left.
    if let Some(payload) = payload.filter(|p| p.children.is_empty()) {
        match record.content_type {
            ContentType::Handshake => {
                let mut offset = 0;
                while let Some(rest) = record.fragment.get(offset..).filter(|r| !r.is_empty()) {
                    match HandshakeMessage::annotate(rest, 5 + offset) {
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

/// Annotates a decrypted TLSInnerPlaintext, with HTTP inside application data.
fn annotate_inner(inner: &[u8]) -> Vec<Field> {
    let mut fields = annotate_inner_plaintext(inner, 0).unwrap_or_default();
    if let Ok((ContentType::ApplicationData, content)) = crate::wire::decode_inner_plaintext(inner)
        && let Some(field) = fields.iter_mut().find(|f| f.range.start == 0)
        && field.children.is_empty()
    {
        field.children = http::annotate(content, 0);
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_byte_of_every_tls_record_is_annotated_exactly_once() {
        // (The HTTP form annotation leaves its `&` separators out, so HTTP is not held
        // to this yet.)
        let timeline = simulate(&Scenario::default()).expect("simulates");
        for record in timeline.records() {
            crate::wire::check_tiling(&record.fields, 0..record.bytes.len())
                .unwrap_or_else(|e| panic!("{}: {e}", record.message));
        }
    }

    #[test]
    fn https_completes_with_the_expected_steps() {
        let timeline = simulate(&Scenario::default()).expect("simulates");
        let names: Vec<&str> = timeline.steps.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "client_hello",
                "server_hello",
                "encrypted_extensions",
                "certificate",
                "certificate_verify",
                "server_finished",
                "client_finished",
                "http_request",
                "http_response",
                "client_close_notify",
                "server_close_notify",
            ]
        );
        assert_eq!(timeline.outcome, Outcome::Completed);
    }

    #[test]
    fn http_completes_in_two_steps() {
        let timeline = simulate(&Scenario::named(ScenarioName::Http)).expect("simulates");
        let names: Vec<&str> = timeline.steps.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["http_request", "http_response"]);
        assert_eq!(timeline.outcome, Outcome::Completed);
    }
}

//! Runs a scenario: endpoints, channels, tap, clock, and the timeline they produce.

use std::collections::HashMap;
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::crypto::{LabRng, PkiRequest, Validity, issue_pki, issue_pki_with, lab_rsa_key};
use crate::http::{self, LoginForm};
use crate::sim::scenario::{ByteEdit, Scenario, ScenarioName, Tamper};
use crate::sim::tap::{Attacker, observe_http, observe_tls, observe_tls12};
use crate::sim::timeline::{Learned, Outcome, SessionPki, Step, Timeline, WireRecord};
use crate::tls::{
    Client, ClientConfig, Endpoint, Event, Outgoing, Protection, Server, ServerConfig, Side,
    Tls12Client, Tls12Server, Tls12ServerConfig,
};
use crate::wire::{
    Alert, ContentType, Field, HandshakeMessage, Record, Tls12Message, annotate_inner_plaintext,
};

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
    /// A wire edit names a record or byte this session's wire lacks.
    #[error("edit of record {record} byte {offset}: {why}")]
    EditOutOfRange {
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
    if scenario.name == ScenarioName::KeyCompromise {
        return crate::sim::compromise::simulate_key_compromise(scenario);
    }
    let mut rng = LabRng::from_seed(scenario.seed);
    let validity = Validity {
        not_before: SESSION_START_UNIX - 30 * DAY,
        not_after: SESSION_START_UNIX + 365 * DAY,
    };
    let internal = |what: &str, e: crate::crypto::CryptoError| {
        SimError::Internal(format!("issuing the {what}: {e}"))
    };
    let rsa_key = if scenario.name == ScenarioName::Tls12Rsa {
        Some(lab_rsa_key(scenario.seed).map_err(|e| internal("server's RSA key", e))?)
    } else {
        None
    };
    let wrong_name = wrong_host_name(&scenario.server_name);
    let request = match scenario.name {
        ScenarioName::WrongHost => PkiRequest {
            server_name: &wrong_name,
            ..PkiRequest::lab(&scenario.server_name, validity)
        },
        ScenarioName::Expired => PkiRequest {
            ca_validity: Validity {
                not_before: SESSION_START_UNIX - 5 * 365 * DAY,
                not_after: SESSION_START_UNIX + 5 * 365 * DAY,
            },
            server_validity: Validity {
                not_before: SESSION_START_UNIX - 395 * DAY,
                not_after: SESSION_START_UNIX - 30 * DAY,
            },
            ..PkiRequest::lab(&scenario.server_name, validity)
        },
        _ => PkiRequest {
            server_rsa_key: rsa_key.as_ref(),
            ..PkiRequest::lab(&scenario.server_name, validity)
        },
    };
    let issued =
        issue_pki_with(&mut rng, &request).map_err(|e| internal("demo certificates", e))?;
    let pki = SessionPki {
        ca_cert_der: issued.ca_cert_der.clone(),
        server_cert_der: issued.server_cert_der.clone(),
        server_key_pem: match &issued.server_rsa_key {
            Some(key) => key.to_pkcs8_pem(),
            None => issued.server_key.to_pkcs8_pem(),
        },
    };
    let client = ClientConfig {
        server_name: scenario.server_name.clone(),
        trusted_root_der: issued.ca_cert_der.clone(),
        now_unix: SESSION_START_UNIX,
    };
    let server = ServerConfig {
        cert_chain: vec![issued.server_cert_der.clone()],
        key: issued.server_key.clone(),
    };
    let mut session = Session::new(scenario);
    match scenario.name {
        ScenarioName::Http => session.run_http(),
        ScenarioName::Https
        | ScenarioName::Tamper
        | ScenarioName::WrongHost
        | ScenarioName::Expired
        | ScenarioName::KeyCompromise => {
            let (client, events) = Client::start(client, &mut rng);
            let (server, server_events) = Server::new(server, &mut rng);
            session.run_browser_and_bank(
                (Box::new(client), events),
                (Box::new(server), server_events),
            );
        }
        ScenarioName::Tls12Rsa => {
            let Some(key) = issued.server_rsa_key.clone() else {
                return Err(SimError::Internal("the RSA certificate has no key".into()));
            };
            let server = Tls12ServerConfig {
                cert_chain: vec![issued.server_cert_der.clone()],
                key,
            };
            let (client, events) = Tls12Client::start(client, &mut rng);
            let (server, server_events) = Tls12Server::new(server, &mut rng);
            session.run_browser_and_bank(
                (Box::new(client), events),
                (Box::new(server), server_events),
            );
        }
        ScenarioName::Mitm => {
            // The attacker's own PKI: a root the client has never heard of, and a
            // certificate from it for the very name the client visits.
            let evil = issue_pki(&mut rng, EVIL_CA_NAME, &scenario.server_name, validity)
                .map_err(|e| internal("attacker's certificates", e))?;
            let attacker_facing_client = ServerConfig {
                cert_chain: vec![evil.server_cert_der.clone()],
                key: evil.server_key.clone(),
            };
            // Toward the bank the attacker is an ordinary browser.
            let attacker_facing_server = client.clone();
            // Nodes: 0 client -> 1 attacker (as server) ; 2 attacker (as client) -> 3 server.
            let (client, events) = Client::start(client, &mut rng);
            session.add_node(
                Side::Client,
                Role::Client,
                Box::new(client),
                1,
                App::Browser,
            );
            let (upstream, upstream_events) = Client::start(attacker_facing_server, &mut rng);
            let (downstream, downstream_events) = Server::new(attacker_facing_client, &mut rng);
            let (server, server_events) = Server::new(server, &mut rng);
            session.add_node(
                Side::Attacker,
                Role::Server,
                Box::new(downstream),
                0,
                App::Relay { to: 2 },
            );
            session.add_node(
                Side::Attacker,
                Role::Client,
                Box::new(upstream),
                3,
                App::Relay { to: 1 },
            );
            session.add_node(Side::Server, Role::Server, Box::new(server), 2, App::Bank);
            session.nodes[2].connection = 1;
            session.nodes[3].connection = 1;
            session.absorb(0, None, events);
            session.absorb(1, None, downstream_events);
            session.absorb(2, None, upstream_events);
            session.absorb(3, None, server_events);
            session.run_tls();
        }
    }
    session.finish(pki)
}

/// The common name of the man in the middle's own root CA.
pub const EVIL_CA_NAME: &str = "Evil Proxy CA";

/// The name the `wrong-host` certificate is issued for: another site than `visited`.
pub fn wrong_host_name(visited: &str) -> String {
    if visited.eq_ignore_ascii_case("shop.example") {
        "bank.example".into()
    } else {
        "shop.example".into()
    }
}

/// Which part an endpoint plays in TLS (the attacker plays both, one per connection).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Role {
    Client,
    Server,
}

/// The application on top of an endpoint.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum App {
    /// Logs in once connected; closes when the answer arrives.
    Browser,
    /// Answers each request.
    Bank,
    /// The man in the middle: passes what it decrypts on through its other endpoint.
    Relay { to: usize },
}

/// One party's endpoint in the simulation.
struct Node {
    side: Side,
    role: Role,
    endpoint: Option<Box<dyn Endpoint>>,
    /// The node its records are delivered to.
    to: usize,
    app: App,
    connection: usize,
    request_sent: bool,
}

/// Which transport the records on the wire are.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Transport {
    Http,
    Tls13,
    Tls12,
}

/// A record in flight: which step sent it, to which node.
struct InFlight {
    step: usize,
    to: usize,
    bytes: Vec<u8>,
}

/// The running session: the builder of the timeline.
struct Session<'a> {
    scenario: &'a Scenario,
    form: LoginForm,
    transport: Transport,
    nodes: Vec<Node>,
    steps: Vec<Step>,
    /// Events that came before a node's next record (attached to the step of that record).
    pending: HashMap<usize, Vec<Event>>,
    to_tap: (Sender<InFlight>, Receiver<InFlight>),
    attacker: Attacker,
    clock_micros: u64,
    last_sender: Option<usize>,
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
            transport: if !scenario.name.uses_tls() {
                Transport::Http
            } else if scenario.name.uses_tls12() {
                Transport::Tls12
            } else {
                Transport::Tls13
            },
            nodes: Vec::new(),
            steps: Vec::new(),
            pending: HashMap::new(),
            to_tap: channel(),
            attacker: Attacker::with_edits(scenario.tamper, scenario.edits.clone()),
            clock_micros: 0,
            last_sender: None,
            name_counts: HashMap::new(),
            outcome: None,
            login_answered: false,
        }
    }

    /// The usual pair: a browser (node 0) and a bank (node 1) talking to each other
    /// directly, each with the events it made when it started; then the session runs.
    fn run_browser_and_bank(
        &mut self,
        (client, client_events): (Box<dyn Endpoint>, Vec<Event>),
        (server, server_events): (Box<dyn Endpoint>, Vec<Event>),
    ) {
        self.add_node(Side::Client, Role::Client, client, 1, App::Browser);
        self.add_node(Side::Server, Role::Server, server, 0, App::Bank);
        self.absorb(0, None, client_events);
        self.absorb(1, None, server_events);
        self.run_tls();
    }

    fn add_node(
        &mut self,
        side: Side,
        role: Role,
        endpoint: Box<dyn Endpoint>,
        to: usize,
        app: App,
    ) {
        self.nodes.push(Node {
            side,
            role,
            endpoint: Some(endpoint),
            to,
            app,
            connection: 0,
            request_sent: false,
        });
    }

    /// The plain HTTP login: request and response cross the wire as they are.
    fn run_http(&mut self) {
        for (side, role, to, app) in [
            (Side::Client, Role::Client, 1, App::Browser),
            (Side::Server, Role::Server, 0, App::Bank),
        ] {
            self.nodes.push(Node {
                side,
                role,
                endpoint: None,
                to,
                app,
                connection: 0,
                request_sent: false,
            });
        }
        let request = http::login_request(&self.scenario.server_name, &self.form);
        self.put_on_wire(0, plain_http(request, "HTTP request"));
        while let Some((step, to, delivered)) = self.deliver_next() {
            if to == 1 {
                let response = http::login_response(&delivered, &self.form);
                if let Some(s) = self.steps.get_mut(step) {
                    s.delivered_data.push((Side::Server, delivered));
                }
                self.put_on_wire(1, plain_http(response, "HTTP response"));
            } else if let Some(s) = self.steps.get_mut(step) {
                s.delivered_data.push((Side::Client, delivered));
                self.login_answered = true;
            }
        }
    }

    /// Runs the endpoints' calls that the application on `node` makes.
    fn call(&mut self, node: usize, f: impl FnOnce(&mut dyn Endpoint) -> Vec<Event>) {
        let events = match self.nodes.get_mut(node).and_then(|n| n.endpoint.as_mut()) {
            Some(endpoint) => f(endpoint.as_mut()),
            None => return,
        };
        self.absorb(node, None, events);
    }

    fn is_connected(&self, node: usize) -> bool {
        self.nodes
            .get(node)
            .and_then(|n| n.endpoint.as_ref())
            .is_some_and(|e| e.is_connected())
    }

    /// The TLS session(s): handshake, login, close.
    fn run_tls(&mut self) {
        let mut went_quiet = false;
        let mut relays_closed = false;
        loop {
            let Some((step, receiver, delivered)) = self.deliver_next() else {
                // The wire is quiet. If the login is not done, a side may be waiting for
                // the rest of a message that will never come: tell everyone the peer is silent.
                if !went_quiet && self.outcome.is_none() && !self.login_answered {
                    went_quiet = true;
                    for node in (0..self.nodes.len()).rev() {
                        self.call(node, |e| e.end_of_input());
                    }
                    continue;
                }
                // A man in the middle left with an open session closes it.
                if !relays_closed {
                    relays_closed = true;
                    let open: Vec<usize> = (0..self.nodes.len())
                        .filter(|&n| {
                            matches!(self.nodes[n].app, App::Relay { .. })
                                && self.nodes[n]
                                    .endpoint
                                    .as_ref()
                                    .is_some_and(|e| e.is_connected() && !e.is_closed())
                        })
                        .collect();
                    if !open.is_empty() {
                        for node in open {
                            self.call(node, |e| e.close());
                        }
                        continue;
                    }
                }
                break;
            };
            let events = match self
                .nodes
                .get_mut(receiver)
                .and_then(|n| n.endpoint.as_mut())
            {
                Some(endpoint) => endpoint.receive(&delivered),
                None => break,
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
            let app = self.nodes[receiver].app;
            if app == App::Browser
                && self.is_connected(receiver)
                && !self.nodes[receiver].request_sent
            {
                self.nodes[receiver].request_sent = true;
                let request = http::login_request(&self.scenario.server_name, &self.form);
                self.call(receiver, |e| {
                    e.send_application_data(&request).unwrap_or_default()
                });
            }
            for data in data {
                match app {
                    App::Bank => {
                        let response = http::login_response(&data, &self.form);
                        self.call(receiver, |e| {
                            e.send_application_data(&response).unwrap_or_default()
                        });
                    }
                    App::Browser => {
                        self.login_answered = true;
                        self.call(receiver, |e| e.close());
                    }
                    App::Relay { to } => {
                        self.call(to, |e| e.send_application_data(&data).unwrap_or_default());
                    }
                }
            }
        }
    }

    /// Takes the next record off the channel, through the tap; returns its step, the
    /// node it goes to and the bytes that node gets.
    fn deliver_next(&mut self) -> Option<(usize, usize, Vec<u8>)> {
        let InFlight { step, to, bytes } = self.to_tap.1.try_recv().ok()?;
        let mut tamper = self.scenario.tamper;
        let mut delivered = self.attacker.pass(&bytes);
        if tamper.is_none()
            && self.scenario.edits.is_empty()
            && self.scenario.name == ScenarioName::Tamper
            && self
                .steps
                .get(step)
                .is_some_and(|s| s.name == "http_request")
            && let Some(record) = self.steps.get(step).and_then(|s| s.records.last())
        {
            // The preset attack: one bit in the middle of the encrypted login.
            let preset = Tamper {
                record: record.index,
                offset: bytes.len() / 2,
                mask: 0x01,
            };
            tamper = Some(preset);
            delivered = Attacker::flip(&bytes, preset);
        }
        let transport = self.transport;
        let record = self.steps.get_mut(step)?.records.last_mut()?;
        if let Some(changed) = &delivered {
            record.delivered = Some(changed.clone());
            record.tamper = tamper.filter(|t| t.record == record.index);
            record.fields = annotate_wire(transport, changed, record.protection);
        }
        Some((step, to, delivered.unwrap_or(bytes)))
    }

    /// Files an endpoint's events into steps. Events before the node's first record
    /// belong to `current` (the step being received) or, with none, wait for the
    /// node's next record.
    fn absorb(&mut self, node: usize, current: Option<usize>, events: Vec<Event>) {
        let mut target = current;
        for event in events {
            match event {
                Event::Send(outgoing) => {
                    let step = self.put_on_wire(node, tls_record(self.transport, outgoing));
                    target = Some(step);
                }
                other => match target {
                    Some(index) => self.record_event(index, node, other),
                    None => self.pending.entry(node).or_default().push(other),
                },
            }
        }
    }

    fn record_event(&mut self, index: usize, node: usize, event: Event) {
        let (side, peer) = match self.nodes.get(node) {
            Some(n) => (
                n.side,
                self.nodes.get(n.to).map_or(n.side.peer(), |p| p.side),
            ),
            None => return,
        };
        let Some(step) = self.steps.get_mut(index) else {
            return;
        };
        match event {
            Event::Send(_) => {}
            Event::EphemeralKey {
                private_key,
                public_key,
            } => step.ephemeral_keys.push((side, private_key, public_key)),
            Event::Derived(derivation) => step.learned.push(Learned {
                side,
                peer,
                derivation,
            }),
            Event::Check(check) => step.checks.push((side, check)),
            Event::Accepted(message) => step.accepted.push((side, message)),
            Event::HandshakeComplete => step.accepted.push((side, "handshake complete".into())),
            Event::ApplicationData(data) => step.delivered_data.push((side, data)),
            Event::AlertReceived(alert) => step.alerts_received.push((side, alert.description)),
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

    /// Makes a new step for a record `node` sends, and puts the record on the channel.
    fn put_on_wire(&mut self, node: usize, record: WireRecord) -> usize {
        let Some(Node {
            side,
            role,
            to,
            connection,
            ..
        }) = self.nodes.get(node)
        else {
            return 0;
        };
        let (side, role, to, connection) = (*side, *role, *to, *connection);
        let receiver = self.nodes.get(to).map_or(side.peer(), |n| n.side);
        self.clock_micros += match self.last_sender {
            None => 0,
            Some(last) if last == node => BACK_TO_BACK_MICROS,
            Some(_) => LATENCY_MICROS,
        };
        self.last_sender = Some(node);
        let index = self.steps.len();
        let base = step_name(side, role, &record);
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
        record.fields = annotate_wire(self.transport, &record.bytes, record.protection);
        let eavesdropper = match self.transport {
            Transport::Http => observe_http(side, &record.bytes, self.clock_micros),
            Transport::Tls13 => observe_tls(side, &record.bytes, self.clock_micros),
            Transport::Tls12 => observe_tls12(
                side,
                &record.bytes,
                record.protection != Protection::Plaintext,
                self.clock_micros,
            ),
        };
        let bytes = record.bytes.clone();
        let mut step = Step::new(name, side, receiver, self.clock_micros);
        step.connection = connection;
        step.records.push(record);
        step.eavesdropper = eavesdropper;
        self.steps.push(step);
        for event in self.pending.remove(&node).unwrap_or_default() {
            self.record_event(index, node, event);
        }
        // The receiving end of the channel lives as long as the session: cannot fail.
        let _ = self.to_tap.0.send(InFlight {
            step: index,
            to,
            bytes,
        });
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
            return Err(tamper_out_of_range(tamper, &records));
        }
        if let Some(edit) = self.attacker.first_missed_edit() {
            let records: Vec<usize> = self
                .steps
                .iter()
                .flat_map(|s| s.records.iter().map(|r| r.bytes.len()))
                .collect();
            return Err(edit_out_of_range(edit, &records));
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

/// The error for a `--tamper` position that the wire (records of these lengths) lacks.
pub(crate) fn tamper_out_of_range(tamper: Tamper, records: &[usize]) -> SimError {
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
    SimError::TamperOutOfRange {
        record: tamper.record,
        offset: tamper.offset,
        why,
    }
}

/// The error for a wire edit whose record or byte the wire (records of these
/// lengths) lacks.
pub(crate) fn edit_out_of_range(edit: ByteEdit, records: &[usize]) -> SimError {
    let SimError::TamperOutOfRange { why, .. } = tamper_out_of_range(
        Tamper {
            record: edit.record,
            offset: edit.offset,
            mask: 1,
        },
        records,
    ) else {
        return SimError::Internal("edit out of range".into());
    };
    SimError::EditOutOfRange {
        record: edit.record,
        offset: edit.offset,
        why,
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
fn tls_record(transport: Transport, outgoing: Outgoing) -> WireRecord {
    let content_type = outgoing.record.first().copied().unwrap_or(0);
    let inner_fields = outgoing
        .inner_plaintext
        .as_deref()
        .map(|inner| match transport {
            Transport::Tls12 => annotate_tls12_content(content_type, inner),
            _ => annotate_inner(inner),
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

/// The stable step name for a record: "client_hello", "server_finished", ...; the
/// attacker's records get the name of the part it plays, prefixed with "attacker_"
/// ("attacker_server_hello", "attacker_client_finished").
fn step_name(side: Side, role: Role, record: &WireRecord) -> String {
    let who = match role {
        Role::Client => "client",
        Role::Server => "server",
    };
    let base = match record.message.as_str() {
        "ClientHello" => "client_hello".into(),
        "ServerHello" => "server_hello".into(),
        "EncryptedExtensions" => "encrypted_extensions".into(),
        "Certificate" => "certificate".into(),
        "CertificateVerify" => "certificate_verify".into(),
        "ServerHelloDone" => "server_hello_done".into(),
        "ClientKeyExchange" => "client_key_exchange".into(),
        "ChangeCipherSpec" => format!("{who}_change_cipher_spec"),
        "Finished" => format!("{who}_finished"),
        "HTTP request" => "http_request".into(),
        "HTTP response" => "http_response".into(),
        "application data" => match role {
            Role::Client => "http_request".into(),
            Role::Server => "http_response".into(),
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
    };
    match side {
        Side::Attacker => format!("attacker_{base}"),
        _ => base,
    }
}

/// Annotates bytes as they are on the wire. Bytes that do not parse (an attacker's
/// change) become one field that says why: annotation never fails.
fn annotate_wire(transport: Transport, bytes: &[u8], protection: Protection) -> Vec<Field> {
    match transport {
        Transport::Http => http::annotate(bytes, 0),
        Transport::Tls13 => annotate_tls_record(bytes, false, false),
        Transport::Tls12 => annotate_tls_record(bytes, true, protection != Protection::Plaintext),
    }
}

/// The decrypted content of a TLS 1.2 record: a handshake message, an alert, or the
/// HTTP inside application data.
fn annotate_tls12_content(content_type: u8, content: &[u8]) -> Vec<Field> {
    match ContentType::from_u8(content_type) {
        ContentType::Handshake => Tls12Message::annotate(content, 0)
            .map(|f| vec![f])
            .unwrap_or_default(),
        ContentType::Alert => Alert::annotate(content, 0).unwrap_or_default(),
        ContentType::ApplicationData => http::annotate(content, 0),
        _ => Vec::new(),
    }
}

/// Annotates one record. A TLS 1.2 record reads its handshake messages with TLS 1.2
/// rules; an `encrypted` TLS 1.2 record keeps its fragment as one field (its content
/// type still says handshake or alert, but the fragment is ciphertext).
fn annotate_tls_record(bytes: &[u8], tls12: bool, encrypted: bool) -> Vec<Field> {
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
    // The wire decoder already annotates plaintext TLS 1.3 payloads; only fill in
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

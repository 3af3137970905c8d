//! Drives a simulated session: the endpoints as nodes, each sending to one other node
//! over a channel through the tap; the applications on top; the simulated clock; and
//! the events filed into the timeline's steps.

use std::collections::HashMap;
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::http::{self, LoginForm};
use crate::sim::apps::{App, AppAction};
use crate::sim::clock::{BACK_TO_BACK_MICROS, LATENCY_MICROS, SESSION_START_UNIX};
use crate::sim::error::{SimError, edit_out_of_range, tamper_out_of_range};
use crate::sim::records::{StepNames, Transport, annotate_wire, plain_http, tls_record};
use crate::sim::scenario::{Scenario, ScenarioName, Tamper};
use crate::sim::step_name::{StepKind, StepName};
use crate::sim::tap::{Attacker, observe_http, observe_tls, observe_tls12};
use crate::sim::timeline::{Outcome, SessionPki, Step, Timeline, WireRecord};
use crate::tls::{Endpoint, Event, Protection, Role, Side};
use crate::wire::MessageKind;

/// The step whose record the `tamper` scenario's preset attack changes: the login.
const LOGIN_STEP: StepName = StepName {
    session: None,
    by_attacker: false,
    kind: StepKind::HttpRequest,
    occurrence: 1,
};

/// One party's endpoint in the simulation.
struct Node {
    side: Side,
    role: Role,
    endpoint: Option<Box<dyn Endpoint>>,
    /// The node its records are delivered to.
    to: usize,
    app: App,
    /// Which connection its records travel on (0, or 1 for `mitm`'s second).
    connection: usize,
    request_sent: bool,
}

/// A record in flight: which step sent it, to which node.
struct InFlight {
    step: usize,
    to: usize,
    bytes: Vec<u8>,
}

/// The running session: the builder of the timeline.
pub(crate) struct Driver<'a> {
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
    names: StepNames,
    outcome: Option<Outcome>,
    login_answered: bool,
}

impl<'a> Driver<'a> {
    pub fn new(scenario: &'a Scenario) -> Self {
        Driver {
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
            names: StepNames::default(),
            outcome: None,
            login_answered: false,
        }
    }

    /// The usual pair: a browser (node 0) and a bank (node 1) talking to each other
    /// directly, each with the events it made when it started; then the session runs.
    pub fn run_browser_and_bank(
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

    /// The man in the middle: the browser (node 0) talks to the attacker playing the
    /// server (node 1); the attacker playing a browser (node 2) talks to the bank
    /// (node 3) on a second connection; each attacker endpoint relays to the other.
    /// Each endpoint comes with the events it made when it started.
    pub fn run_man_in_the_middle(
        &mut self,
        client: (Box<dyn Endpoint>, Vec<Event>),
        attacker_as_server: (Box<dyn Endpoint>, Vec<Event>),
        attacker_as_client: (Box<dyn Endpoint>, Vec<Event>),
        server: (Box<dyn Endpoint>, Vec<Event>),
    ) {
        self.add_node(Side::Client, Role::Client, client.0, 1, App::Browser);
        self.add_node(
            Side::Attacker,
            Role::Server,
            attacker_as_server.0,
            0,
            App::Relay { to: 2 },
        );
        self.add_node(
            Side::Attacker,
            Role::Client,
            attacker_as_client.0,
            3,
            App::Relay { to: 1 },
        );
        self.add_node(Side::Server, Role::Server, server.0, 2, App::Bank);
        self.nodes[2].connection = 1;
        self.nodes[3].connection = 1;
        self.absorb(0, None, client.1);
        self.absorb(1, None, attacker_as_server.1);
        self.absorb(2, None, attacker_as_client.1);
        self.absorb(3, None, server.1);
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
    pub fn run_http(&mut self) {
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
        self.put_on_wire(0, plain_http(request, MessageKind::HttpRequest));
        while let Some((step, to, delivered)) = self.deliver_next() {
            if to == 1 {
                let response = http::login_response(&delivered, &self.form);
                if let Some(s) = self.steps.get_mut(step) {
                    s.delivered_data.push((Side::Server, delivered));
                }
                self.put_on_wire(1, plain_http(response, MessageKind::HttpResponse));
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
            if self.is_connected(receiver)
                && !self.nodes[receiver].request_sent
                && let Some(request) = app.on_connected(&self.scenario.server_name, &self.form)
            {
                self.nodes[receiver].request_sent = true;
                self.call(receiver, |e| {
                    e.send_application_data(&request).unwrap_or_default()
                });
            }
            for data in data {
                match app.on_data(data, &self.form) {
                    AppAction::Reply(response) => {
                        self.call(receiver, |e| {
                            e.send_application_data(&response).unwrap_or_default()
                        });
                    }
                    AppAction::LoginAnswered => {
                        self.login_answered = true;
                        self.call(receiver, |e| e.close());
                    }
                    AppAction::Forward { to, data } => {
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
            && let Some(step_record) = self.steps.get(step).filter(|s| s.name == LOGIN_STEP)
            && let Some(record) = step_record.records.last()
        {
            let preset = Tamper::preset_login_flip(record.index, bytes.len());
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
        if let Some(failed) = step.record_event(side, peer, event)
            && self.outcome.is_none()
        {
            self.outcome = Some(failed);
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
        let name = self.names.next(side, role, &record);
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
        // A HelloRetryRequest carries no key: what the sender made before (its key
        // pair) waits for the ServerHello that carries the public half.
        let carries_pending = record.message != MessageKind::HelloRetryRequest;
        let mut step = Step::new(name, side, receiver, self.clock_micros);
        step.connection = connection;
        step.records.push(record);
        step.eavesdropper = eavesdropper;
        self.steps.push(step);
        if carries_pending {
            for event in self.pending.remove(&node).unwrap_or_default() {
                self.record_event(index, node, event);
            }
        }
        // The receiving end of the channel lives as long as the session: cannot fail.
        let _ = self.to_tap.0.send(InFlight {
            step: index,
            to,
            bytes,
        });
        index
    }

    pub fn finish(self, pki: SessionPki) -> Result<Timeline, SimError> {
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

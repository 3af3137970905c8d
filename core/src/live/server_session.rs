//! The lab's server meeting a real client, without I/O: the live layer hands in the
//! bytes a browser sent (in whatever pieces TCP delivered them) and the time, and
//! gets back the bytes to send. Every record both ways becomes a step of a
//! [`Timeline`], built as the simulator builds one, so every view and export works
//! on a live session unchanged. The server knows all of its own keys, so the
//! timeline holds the whole key schedule and what the client encrypted.

use crate::crypto::LabRng;
use crate::http::site::{self, RequestBuffer};
use crate::live::framing::{Frame, RecordFramer};
use crate::live::recorder::Recorder;
use crate::sim::{Outcome, Scenario, ScenarioName, SessionPki, Timeline};
use crate::tls::{Event, Server, ServerConfig, Side};
use crate::wire::AlertDescription;

/// What the live layer should do after handing in bytes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reaction {
    /// Bytes to write to the client, in order.
    pub send: Vec<u8>,
    /// The session is over: write `send`, then close the connection.
    pub close: bool,
}

/// One live connection to the lab's bank, as it happens.
pub struct ServerSession {
    server: Server,
    host: String,
    framer: RecordFramer,
    requests: RequestBuffer,
    recorder: Recorder,
    requests_answered: usize,
    finished: bool,
}

impl ServerSession {
    /// A session waiting for a ClientHello; `host` is the site's name in its pages.
    pub fn new(config: ServerConfig, rng: &mut LabRng, host: &str) -> ServerSession {
        let server = Server::new_live(config, rng);
        ServerSession {
            server,
            host: host.to_string(),
            framer: RecordFramer::default(),
            requests: RequestBuffer::default(),
            recorder: Recorder::new(Side::Server),
            requests_answered: 0,
            finished: false,
        }
    }

    /// How many HTTP requests the bank answered on this connection.
    pub fn requests_answered(&self) -> usize {
        self.requests_answered
    }

    /// Whether the handshake is done.
    pub fn is_connected(&self) -> bool {
        self.server.is_connected()
    }

    /// Whether the session is over (the connection is to be closed).
    pub fn is_finished(&self) -> bool {
        self.finished
    }

    /// How many bytes wait for the rest of a record.
    pub fn buffered(&self) -> usize {
        self.framer.buffered()
    }

    /// Bytes the client sent, `now_micros` after the connection opened.
    pub fn receive(&mut self, bytes: &[u8], now_micros: u64) -> Reaction {
        let mut reaction = Reaction::default();
        if self.finished {
            return reaction;
        }
        self.framer.push(bytes);
        while let Some(frame) = self.framer.next_frame() {
            let record = match frame {
                Frame::Record(record) | Frame::Broken(record) => record,
            };
            self.handle_record(record, now_micros, &mut reaction);
            if self.finished {
                break;
            }
        }
        reaction.close = self.finished;
        reaction
    }

    /// The client closed its side, or stopped sending: a half-received record is
    /// then a `decode_error`, and the server closes too.
    pub fn end_of_input(&mut self, now_micros: u64) -> Reaction {
        let mut reaction = Reaction::default();
        if self.finished {
            reaction.close = true;
            return reaction;
        }
        let mut events = if self.framer.buffered() > 0 {
            // Hand the endpoint the partial record: its decoder names what is missing.
            let partial = self.framer.take_partial();
            self.server.receive(&partial)
        } else {
            self.server.end_of_input()
        };
        if !self.server.is_closed() {
            events.extend(self.server.close());
        }
        self.recorder
            .absorb(None, events, now_micros, &mut reaction.send);
        self.finished = true;
        reaction.close = true;
        reaction
    }

    /// The connection waited too long (a stalled handshake, an idle keep-alive): the
    /// server says close_notify and closes.
    pub fn time_out(&mut self, now_micros: u64) -> Reaction {
        let mut reaction = Reaction::default();
        if !self.finished {
            let events = self.server.close();
            self.recorder
                .absorb(None, events, now_micros, &mut reaction.send);
            self.finished = true;
        }
        reaction.close = true;
        reaction
    }

    /// The session as a timeline: `start_unix` is when the connection opened, `peer`
    /// what the live layer knows of the client (its address), `pki` the certificates
    /// the server used.
    pub fn timeline(&self, start_unix: u64, pki: SessionPki) -> Timeline {
        let outcome = match self.recorder.outcome() {
            Some(outcome) => outcome.clone(),
            None if self.server.is_connected() || self.requests_answered > 0 => Outcome::Completed,
            None => Outcome::Aborted {
                by: Side::Client,
                alert: AlertDescription::CloseNotify,
                reason: crate::text::Text::message("error-live-client-left"),
            },
        };
        Timeline {
            scenario: Scenario {
                server_name: self.host.clone(),
                password: String::new(),
                ..Scenario::named(ScenarioName::Live)
            },
            start_unix,
            steps: self.recorder.steps().to_vec(),
            outcome,
            pki,
        }
    }

    fn handle_record(&mut self, record: Vec<u8>, now_micros: u64, reaction: &mut Reaction) {
        let was_connected = self.server.is_connected();
        let events = self.server.receive(&record);
        let step = self
            .recorder
            .peer_record(record, &events, was_connected, now_micros);
        let data: Vec<Vec<u8>> = events
            .iter()
            .filter_map(|e| match e {
                Event::ApplicationData(d) => Some(d.clone()),
                _ => None,
            })
            .collect();
        self.recorder
            .absorb(Some(step), events, now_micros, &mut reaction.send);
        for data in data {
            self.requests.push(&data);
        }
        self.answer_requests(now_micros, reaction);
        if self.server.is_closed() {
            self.finished = true;
        }
    }

    /// Answers every whole request that arrived; a request that cannot be read gets
    /// 400 and the connection closes.
    fn answer_requests(&mut self, now_micros: u64, reaction: &mut Reaction) {
        while !self.finished {
            let response = match self.requests.next_request() {
                Ok(None) => return,
                Ok(Some((request, _))) => site::respond(&self.host, &request),
                Err(_) => site::bad_request(),
            };
            self.requests_answered += 1;
            let events = self
                .server
                .send_application_data(&response.bytes)
                .unwrap_or_default();
            self.recorder
                .absorb(None, events, now_micros, &mut reaction.send);
            if response.close {
                // close_notify after the answer; the connection ends with it (as web
                // servers do, without waiting for the client's close_notify).
                self.finished = true;
                let events = self.server.close();
                self.recorder
                    .absorb(None, events, now_micros, &mut reaction.send);
            }
        }
    }
}

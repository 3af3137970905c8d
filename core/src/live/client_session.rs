//! The lab's browser visiting a real server, without I/O: the live layer hands in the
//! bytes the server sent (in whatever pieces TCP delivered them) and the time, and
//! gets back the bytes to send. The client sends one `GET` (never the bank's login
//! form: this is someone else's server), reads the answer and closes. Every record
//! both ways becomes a step of a [`Timeline`], so every view and export works on the
//! session unchanged; the client knows all of its own keys, so the timeline holds the
//! whole key schedule and what the server encrypted.

use crate::crypto::{LabRng, verify_live_chain};
use crate::live::framing::{Frame, RecordFramer};
use crate::live::recorder::Recorder;
use crate::live::server_session::Reaction;
use crate::sim::{Outcome, Scenario, ScenarioName, SessionPki, Timeline};
use crate::text::Text;
use crate::tls::{Client, ClientConfig, Event, Side, Trust};
use crate::wire::{
    AlertDescription, ContentType, HandshakeMessage, HandshakeType, decode_inner_plaintext,
};

/// The most response the client keeps; a longer answer is cut there and the client
/// closes (a teaching tool shows the start of a page, not all of it).
pub const MAX_RESPONSE: usize = 256 * 1024;

/// What the browser asks for once the handshake is done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Visit {
    /// The `Host` header: the host name, with `:port` when the port is not 443.
    pub host_header: String,
    /// The path and query, starting with `/`.
    pub path: String,
}

impl Visit {
    /// `GET path HTTP/1.1` with the headers a minimal browser sends.
    pub fn request(&self) -> Vec<u8> {
        format!(
            "GET {} HTTP/1.1\r\nHost: {}\r\nUser-Agent: handshake-lab/{}\r\nAccept: */*\r\nConnection: close\r\n\r\n",
            self.path,
            self.host_header,
            env!("CARGO_PKG_VERSION")
        )
        .into_bytes()
    }
}

/// One live connection from the lab's browser to a real server, as it happens.
pub struct ClientSession {
    client: Client,
    server_name: String,
    trust: Trust,
    now_unix: u64,
    visit: Visit,
    framer: RecordFramer,
    recorder: Recorder,
    response: Vec<u8>,
    request_sent: bool,
    finished: bool,
    /// The client gave up waiting (the live layer's deadline) before the handshake
    /// was done.
    gave_up: bool,
}

impl ClientSession {
    /// Starts the handshake: the returned reaction carries the ClientHello.
    pub fn start(
        config: ClientConfig,
        visit: Visit,
        rng: &mut LabRng,
        now_micros: u64,
    ) -> (ClientSession, Reaction) {
        let server_name = config.server_name.clone();
        let trust = config.trust.clone();
        let now_unix = config.now_unix;
        let (client, events) = Client::start(config, rng);
        let mut session = ClientSession {
            client,
            server_name,
            trust,
            now_unix,
            visit,
            framer: RecordFramer::default(),
            recorder: Recorder::new(Side::Client),
            response: Vec::new(),
            request_sent: false,
            finished: false,
            gave_up: false,
        };
        let mut reaction = Reaction::default();
        session
            .recorder
            .absorb(None, events, now_micros, &mut reaction.send);
        (session, reaction)
    }

    /// Whether the handshake is done.
    pub fn is_connected(&self) -> bool {
        self.client.is_connected()
    }

    /// Whether the session is over (the connection is to be closed).
    pub fn is_finished(&self) -> bool {
        self.finished
    }

    /// How many bytes wait for the rest of a record.
    pub fn buffered(&self) -> usize {
        self.framer.buffered()
    }

    /// The decrypted answer so far (at most [`MAX_RESPONSE`] bytes).
    pub fn response(&self) -> &[u8] {
        &self.response
    }

    /// Bytes the server sent, `now_micros` after the connection opened.
    pub fn receive(&mut self, bytes: &[u8], now_micros: u64) -> Reaction {
        let mut reaction = Reaction::default();
        if self.finished {
            reaction.close = true;
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

    /// The server closed its side: a half-received record is a `decode_error`; the
    /// client closes too.
    pub fn end_of_input(&mut self, now_micros: u64) -> Reaction {
        let mut reaction = Reaction::default();
        if self.finished {
            reaction.close = true;
            return reaction;
        }
        let mut events = if self.framer.buffered() > 0 {
            let partial = self.framer.take_partial();
            self.client.receive(&partial)
        } else {
            self.client.end_of_input()
        };
        if !self.client.is_closed() {
            events.extend(self.client.close());
        }
        self.recorder
            .absorb(None, events, now_micros, &mut reaction.send);
        self.finished = true;
        reaction.close = true;
        reaction
    }

    /// The server kept the client waiting too long: the client says close_notify and
    /// closes.
    pub fn time_out(&mut self, now_micros: u64) -> Reaction {
        let mut reaction = Reaction::default();
        if !self.finished {
            self.gave_up = !self.client.is_connected();
            let events = self.client.close();
            self.recorder
                .absorb(None, events, now_micros, &mut reaction.send);
            self.finished = true;
        }
        reaction.close = true;
        reaction
    }

    /// The certificates the server sent, leaf first (empty before its Certificate).
    /// Servers pack several handshake messages into one record and may split one
    /// across records, so the server's handshake stream is read whole.
    pub fn server_chain(&self) -> Vec<Vec<u8>> {
        let mut stream = Vec::new();
        for record in self.recorder.steps().iter().flat_map(|step| &step.records) {
            if record.from != Side::Server {
                continue;
            }
            match record
                .inner_plaintext
                .as_deref()
                .map(decode_inner_plaintext)
            {
                Some(Ok((ContentType::Handshake, content))) => stream.extend_from_slice(content),
                Some(_) => {}
                None if record.content_type == ContentType::Handshake.to_u8() => {
                    stream.extend_from_slice(record.bytes.get(5..).unwrap_or_default());
                }
                None => {}
            }
        }
        let mut rest = stream.as_slice();
        while let Some(&[typ, a, b, c]) = rest.get(..4) {
            let len = usize::from(a) << 16 | usize::from(b) << 8 | usize::from(c);
            let Some(message) = rest.get(..4 + len) else {
                break;
            };
            if HandshakeType::from_u8(typ) == HandshakeType::Certificate
                && let Ok((HandshakeMessage::Certificate(certificate), _)) =
                    HandshakeMessage::decode(message)
            {
                return certificate
                    .certificate_list
                    .into_iter()
                    .map(|entry| entry.cert_data)
                    .collect();
            }
            rest = &rest[4 + len..];
        }
        Vec::new()
    }

    /// The session as a timeline, starting when the connection opened. Its PKI is the
    /// server's leaf and the trust anchor its chain led to (empty if none did).
    pub fn timeline(&self) -> Timeline {
        let chain = self.server_chain();
        let anchor = match &self.trust {
            Trust::Anchors(anchors) if !chain.is_empty() => {
                let verdict = verify_live_chain(&chain, anchors, &self.server_name, self.now_unix);
                self.trust.anchor_der(verdict.anchor_subject.as_deref())
            }
            Trust::Anchors(_) => Vec::new(),
            Trust::LabRoot(root) => root.clone(),
        };
        let outcome = match self.recorder.outcome() {
            Some(outcome) => outcome.clone(),
            None if self.gave_up => Outcome::Aborted {
                by: Side::Client,
                alert: AlertDescription::CloseNotify,
                reason: Text::message("error-live-server-silent"),
            },
            None if self.client.is_connected() || self.request_sent => Outcome::Completed,
            None => Outcome::Aborted {
                by: Side::Server,
                alert: AlertDescription::CloseNotify,
                reason: Text::message("error-live-server-left"),
            },
        };
        let server_cert_der = chain.into_iter().next().unwrap_or_default();
        Timeline {
            scenario: Scenario {
                server_name: self.server_name.clone(),
                password: String::new(),
                ..Scenario::named(ScenarioName::Live)
            },
            start_unix: self.now_unix,
            steps: self.recorder.steps().to_vec(),
            outcome,
            pki: SessionPki {
                ca_cert_der: anchor,
                server_cert_der,
                server_key_pem: String::new(),
            },
        }
    }

    fn handle_record(&mut self, record: Vec<u8>, now_micros: u64, reaction: &mut Reaction) {
        let was_connected = self.client.is_connected();
        let events = self.client.receive(&record);
        let step = self
            .recorder
            .peer_record(record, &events, was_connected, now_micros);
        let mut data = Vec::new();
        for event in &events {
            if let Event::ApplicationData(bytes) = event {
                data.extend_from_slice(bytes);
            }
        }
        self.recorder
            .absorb(Some(step), events, now_micros, &mut reaction.send);
        if self.client.is_connected() && !self.request_sent {
            self.request_sent = true;
            let events = self
                .client
                .send_application_data(&self.visit.request())
                .unwrap_or_default();
            self.recorder
                .absorb(None, events, now_micros, &mut reaction.send);
        }
        let room = MAX_RESPONSE.saturating_sub(self.response.len());
        self.response
            .extend_from_slice(&data[..data.len().min(room)]);
        let whole = response_complete(&self.response) || data.len() > room;
        if whole && !self.client.is_closed() {
            let events = self.client.close();
            self.recorder
                .absorb(None, events, now_micros, &mut reaction.send);
            self.finished = true;
        }
        if self.client.is_closed() {
            self.finished = true;
        }
    }
}

/// Whether an HTTP/1.1 response is whole: its head and `Content-Length` bytes, or a
/// chunked body's last chunk. Without either, the answer ends when the server closes.
pub fn response_complete(response: &[u8]) -> bool {
    let Some(head_end) = response.windows(4).position(|w| w == b"\r\n\r\n") else {
        return false;
    };
    let head = String::from_utf8_lossy(&response[..head_end]);
    let body = &response[head_end + 4..];
    let header = |name: &str| {
        head.split("\r\n").skip(1).find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.trim()
                .eq_ignore_ascii_case(name)
                .then(|| value.trim().to_ascii_lowercase())
        })
    };
    if header("transfer-encoding").is_some_and(|v| v.contains("chunked")) {
        return body.starts_with(b"0\r\n\r\n") || body.windows(7).any(|w| w == b"\r\n0\r\n\r\n");
    }
    match header("content-length").map(|v| v.parse::<usize>()) {
        Some(Ok(length)) => body.len() >= length,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_response_is_whole_by_length_or_last_chunk_only() {
        assert!(!response_complete(
            b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nabc"
        ));
        assert!(response_complete(
            b"HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nabcde"
        ));
        assert!(response_complete(
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"
        ));
        assert!(!response_complete(
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n"
        ));
        assert!(!response_complete(b"HTTP/1.0 200 ok\r\n\r\n<html>"));
        assert!(!response_complete(b"HTTP/1.1 200 OK\r\nContent-Le"));
    }

    #[test]
    fn the_request_is_a_plain_get_with_the_host() {
        let visit = Visit {
            host_header: "127.0.0.1:4433".into(),
            path: "/a?b=c".into(),
        };
        let text = String::from_utf8(visit.request()).unwrap_or_default();
        assert!(text.starts_with("GET /a?b=c HTTP/1.1\r\nHost: 127.0.0.1:4433\r\n"));
        assert!(text.ends_with("Connection: close\r\n\r\n"));
    }
}

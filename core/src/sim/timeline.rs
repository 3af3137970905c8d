//! The immutable record of one simulated session: every step, every byte, every key.

use crate::sim::scenario::{Scenario, Tamper};
use crate::sim::step_name::{RecordedSession, StepName};
use crate::sim::tap::Observation;
use crate::text::Text;
use crate::tls::key_schedule::Derivation;
use crate::tls::{Check, Event, Progress, Protection, Side};
use crate::wire::{AlertDescription, Field, MessageKind};

/// One record (or, on plain HTTP, one HTTP message) put on the wire.
#[derive(Clone, Debug)]
pub struct WireRecord {
    /// Its position among all records on the wire, both directions, from 0.
    pub index: usize,
    /// Who sent it.
    pub from: Side,
    /// What it carries.
    pub message: MessageKind,
    /// The outer content type byte (0 for a plain HTTP message, which has none).
    pub content_type: u8,
    /// The bytes as the sender put them on the wire.
    pub bytes: Vec<u8>,
    /// The bytes as they arrived, when the attacker changed them.
    pub delivered: Option<Vec<u8>>,
    /// The attacker's change, when there was one.
    pub tamper: Option<Tamper>,
    /// How the record is protected.
    pub protection: Protection,
    /// Every field of `bytes` (or of `delivered`, when tampered), as the wire shows it.
    pub fields: Vec<Field>,
    /// What the sender encrypted (TLSInnerPlaintext), when the record is encrypted.
    pub inner_plaintext: Option<Vec<u8>>,
    /// The fields of `inner_plaintext`.
    pub inner_fields: Vec<Field>,
    /// The AEAD sequence number and per-record nonce, when encrypted.
    pub sequence: Option<(u64, [u8; 12])>,
}

impl WireRecord {
    /// The bytes the receiver got.
    pub fn received_bytes(&self) -> &[u8] {
        self.delivered.as_deref().unwrap_or(&self.bytes)
    }
}

/// A secret one side learned at a step.
#[derive(Clone, Debug)]
pub struct Learned {
    /// Who now knows it.
    pub side: Side,
    /// With whom it is shared: the other end of the connection it protects (for the
    /// man in the middle, `Client` or `Server` tells its two sessions apart).
    pub peer: Side,
    /// What it is and how it was computed.
    pub derivation: Derivation,
}

/// One step of the session: one record crossing the wire, and what both sides did
/// around it.
#[derive(Clone, Debug)]
pub struct Step {
    /// Stable name, used by lessons: "client_hello", "server_finished", "http_request", ...
    pub name: StepName,
    /// Who sends.
    pub from: Side,
    /// Who receives the step's records (for a step without records, who acts).
    pub to: Side,
    /// Which connection the records travel on, from 0 in order of opening: one in
    /// most scenarios; `mitm` has 0 = client<->attacker and 1 = attacker<->server;
    /// `key-compromise` has 0 = the TLS 1.2 session and 1 = the TLS 1.3 one.
    pub connection: usize,
    /// Simulated time when the record goes on the wire, microseconds since the session began.
    pub time_micros: u64,
    /// The records put on the wire in this step (one in every scenario so far).
    pub records: Vec<WireRecord>,
    /// Fresh ECDHE key pairs made in this step: (side, private scalar, public point).
    pub ephemeral_keys: Vec<(Side, Vec<u8>, Vec<u8>)>,
    /// Secrets learned in this step, by side.
    pub learned: Vec<Learned>,
    /// Checks run in this step, by the side that ran them.
    pub checks: Vec<(Side, Check)>,
    /// Handshake messages accepted (and handshakes completed) in this step, by side.
    pub accepted: Vec<(Side, Progress)>,
    /// Application data delivered in this step (decrypted), by receiving side.
    pub delivered_data: Vec<(Side, Vec<u8>)>,
    /// Alerts received in this step, by receiving side.
    pub alerts_received: Vec<(Side, AlertDescription)>,
    /// A side that gave up in this step, with the alert it sent and why.
    pub failure: Option<(Side, AlertDescription, Text)>,
    /// What an eavesdropper on the wire reads in this step.
    pub eavesdropper: Vec<Observation>,
    /// An attacker's attempt to decrypt recorded traffic (`key-compromise`).
    pub attempt: Option<DecryptionAttempt>,
}

impl Step {
    /// An empty step: nothing sent, learned or checked yet.
    pub fn new(name: StepName, from: Side, to: Side, time_micros: u64) -> Self {
        Step {
            name,
            from,
            to,
            connection: 0,
            time_micros,
            records: Vec::new(),
            ephemeral_keys: Vec::new(),
            learned: Vec::new(),
            checks: Vec::new(),
            accepted: Vec::new(),
            delivered_data: Vec::new(),
            alerts_received: Vec::new(),
            failure: None,
            eavesdropper: Vec::new(),
            attempt: None,
        }
    }
}

impl Step {
    /// Files what `side` (talking with `peer`) reported into this step. A failure is
    /// also returned as the outcome it makes, for the session's first one.
    pub(crate) fn record_event(&mut self, side: Side, peer: Side, event: Event) -> Option<Outcome> {
        match event {
            // Records become steps of their own; what the sender encrypted is kept
            // with its record.
            Event::Send(_) | Event::Decrypted(_) => {}
            Event::EphemeralKey {
                private_key,
                public_key,
            } => self.ephemeral_keys.push((side, private_key, public_key)),
            Event::Derived(derivation) => self.learned.push(Learned {
                side,
                peer,
                derivation,
            }),
            Event::Check(check) => self.checks.push((side, check)),
            Event::Accepted(message) => self.accepted.push((side, Progress::Accepted(message))),
            Event::HandshakeComplete => self.accepted.push((side, Progress::HandshakeComplete)),
            Event::ApplicationData(data) => self.delivered_data.push((side, data)),
            Event::AlertReceived(alert) => self.alerts_received.push((side, alert.description)),
            Event::Failed(error) => {
                self.failure = Some((side, error.alert, error.reason.clone()));
                return Some(Outcome::Aborted {
                    by: side,
                    alert: error.alert,
                    reason: error.reason,
                });
            }
        }
        None
    }
}

/// An attacker's attempt to decrypt a recorded session with a stolen long-term key,
/// from the wire bytes alone.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct DecryptionAttempt {
    /// Which recorded session.
    pub target: RecordedSession,
    /// The key the attacker used.
    pub stolen_key: Text,
    /// Whether the recorded application data decrypted.
    pub decrypted: bool,
    /// What the attacker did, one line per stage, in order.
    pub stages: Vec<Text>,
    /// What it was missing, when it failed.
    pub missing: Option<Text>,
    /// The application data it read, in wire order.
    pub plaintexts: Vec<Vec<u8>>,
}

impl DecryptionAttempt {
    /// The stable trace line: `stolen-key decrypts tls12-rsa: yes`.
    pub fn line(&self) -> String {
        format!(
            "stolen-key decrypts {}: {}",
            self.target.name(),
            if self.decrypted { "yes" } else { "no" }
        )
    }
}

/// How the session ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The login went through and the connection closed cleanly.
    Completed,
    /// A side sent a fatal alert.
    Aborted {
        /// Who sent the alert.
        by: Side,
        /// Which alert.
        alert: AlertDescription,
        /// Why, in one line.
        reason: Text,
    },
}

impl Outcome {
    /// The stable final line of `trace`: `outcome: completed` or
    /// `outcome: aborted by client: bad_record_mac`.
    pub fn line(&self) -> String {
        match self {
            Outcome::Completed => "outcome: completed".into(),
            Outcome::Aborted { by, alert, .. } => {
                format!("outcome: aborted by {}: {}", by.name(), alert.name())
            }
        }
    }
}

/// The certificates and key the session's server used.
#[derive(Clone, Debug)]
pub struct SessionPki {
    /// The root CA certificate the client trusts (DER).
    pub ca_cert_der: Vec<u8>,
    /// The server's certificate (DER).
    pub server_cert_der: Vec<u8>,
    /// The server's private key, PKCS#8 PEM.
    pub server_key_pem: String,
}

/// Everything one session did, step by step.
#[derive(Clone, Debug)]
pub struct Timeline {
    /// What was simulated.
    pub scenario: Scenario,
    /// The simulated wall-clock time at which the session began (unix seconds).
    pub start_unix: u64,
    /// The steps in wire order.
    pub steps: Vec<Step>,
    /// How it ended.
    pub outcome: Outcome,
    /// The certificates in play.
    pub pki: SessionPki,
}

impl Timeline {
    /// Every record on the wire, in order.
    pub fn records(&self) -> impl Iterator<Item = &WireRecord> {
        self.steps.iter().flat_map(|step| step.records.iter())
    }

    /// The index of the step named `name`.
    pub fn step_index(&self, name: &str) -> Option<usize> {
        self.steps.iter().position(|step| step.name == name)
    }

    /// Everything learned up to and including step `index`, in order.
    pub fn learned_until(&self, index: usize) -> impl Iterator<Item = (usize, &Learned)> {
        self.steps
            .iter()
            .enumerate()
            .take(index.saturating_add(1))
            .flat_map(|(i, step)| step.learned.iter().map(move |l| (i, l)))
    }

    /// The first derivation named `name` that `side` learned, if any.
    pub fn secret(&self, side: Side, name: &str) -> Option<&Derivation> {
        self.steps
            .iter()
            .flat_map(|step| step.learned.iter())
            .find(|l| l.side == side && l.derivation.name == name)
            .map(|l| &l.derivation)
    }

    /// The first derivation named `name` that `side` learned for its connection
    /// with `peer` (the man in the middle has one with each end).
    pub fn secret_with(&self, side: Side, peer: Side, name: &str) -> Option<&Derivation> {
        self.steps
            .iter()
            .flat_map(|step| step.learned.iter())
            .find(|l| l.side == side && l.peer == peer && l.derivation.name == name)
            .map(|l| &l.derivation)
    }

    /// The client's random from the first ClientHello on the wire, which names the
    /// session in key logs.
    pub fn client_random(&self) -> Option<[u8; 32]> {
        self.connection_random(0)
    }

    /// The random of the ClientHello that opened connection `connection`.
    pub fn connection_random(&self, connection: usize) -> Option<[u8; 32]> {
        let record = self
            .steps
            .iter()
            .filter(|s| s.connection == connection)
            .flat_map(|s| s.records.iter())
            .next()?;
        let fragment = record.bytes.get(5..)?;
        match crate::wire::HandshakeMessage::decode(fragment).ok()?.0 {
            crate::wire::HandshakeMessage::ClientHello(hello) => Some(hello.random),
            _ => None,
        }
    }

    /// How many connections the timeline's records travel on.
    pub fn connection_count(&self) -> usize {
        self.steps
            .iter()
            .filter(|s| !s.records.is_empty())
            .map(|s| s.connection + 1)
            .max()
            .unwrap_or(0)
    }

    /// The session's secrets in the NSS key log format that Wireshark reads, one
    /// block per connection (empty for plain HTTP): the TLS 1.3 traffic secrets, or
    /// for TLS 1.2 `CLIENT_RANDOM <client_random> <master_secret>`.
    pub fn nss_keylog(&self) -> String {
        let mut out = String::new();
        for connection in 0..self.connection_count() {
            out.push_str(&self.connection_keylog(connection));
        }
        out
    }

    /// The key log lines of one connection.
    pub fn connection_keylog(&self, connection: usize) -> String {
        let Some(random) = self.connection_random(connection) else {
            return String::new();
        };
        let random = hex(&random);
        let secret = |name: &str| {
            self.steps
                .iter()
                .filter(|s| s.connection == connection && !s.records.is_empty())
                .flat_map(|s| s.learned.iter())
                .find(|l| l.side != Side::Attacker && l.derivation.name == name)
                .or_else(|| {
                    self.steps
                        .iter()
                        .filter(|s| s.connection == connection && !s.records.is_empty())
                        .flat_map(|s| s.learned.iter())
                        .find(|l| l.derivation.name == name)
                })
                .map(|l| l.derivation.output.clone())
        };
        let mut out = String::new();
        if let Some(master) = secret("master_secret").filter(|m| m.len() == 48) {
            out.push_str(&format!("CLIENT_RANDOM {random} {}\n", hex(&master)));
            return out;
        }
        for (label, name) in [
            (
                "CLIENT_HANDSHAKE_TRAFFIC_SECRET",
                "client_handshake_traffic_secret",
            ),
            (
                "SERVER_HANDSHAKE_TRAFFIC_SECRET",
                "server_handshake_traffic_secret",
            ),
            (
                "CLIENT_TRAFFIC_SECRET_0",
                "client_application_traffic_secret_0",
            ),
            (
                "SERVER_TRAFFIC_SECRET_0",
                "server_application_traffic_secret_0",
            ),
            ("EXPORTER_SECRET", "exporter_master_secret"),
        ] {
            if let Some(secret) = secret(name) {
                out.push_str(&format!("{label} {random} {}\n", hex(&secret)));
            }
        }
        out
    }

    /// The decryption attempts of the attacker's steps, in order.
    pub fn attempts(&self) -> impl Iterator<Item = &DecryptionAttempt> {
        self.steps.iter().filter_map(|s| s.attempt.as_ref())
    }
}

/// Lowercase hex, no separators.
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut out, b| {
            let _ = write!(out, "{b:02x}");
            out
        })
}

//! The immutable record of one simulated session: every step, every byte, every key.

use crate::sim::scenario::{Scenario, Tamper};
use crate::sim::tap::Observation;
use crate::tls::key_schedule::Derivation;
use crate::tls::{Check, Protection, Side};
use crate::wire::{AlertDescription, Field};

/// One record (or, on plain HTTP, one HTTP message) put on the wire.
#[derive(Clone, Debug)]
pub struct WireRecord {
    /// Its position among all records on the wire, both directions, from 0.
    pub index: usize,
    /// Who sent it.
    pub from: Side,
    /// What it carries: "ClientHello", "Finished", "application data", "alert", "HTTP request".
    pub message: String,
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
    /// What it is and how it was computed.
    pub derivation: Derivation,
}

/// One step of the session: one record crossing the wire, and what both sides did
/// around it.
#[derive(Clone, Debug)]
pub struct Step {
    /// Stable name, used by lessons: "client_hello", "server_finished", "http_request", ...
    pub name: String,
    /// Who sends.
    pub from: Side,
    /// Simulated time when the record goes on the wire, microseconds since the session began.
    pub time_micros: u64,
    /// The records put on the wire in this step (one in every scenario so far).
    pub records: Vec<WireRecord>,
    /// Fresh ECDHE key pairs made in this step: (side, private scalar, public point).
    pub ephemeral_keys: Vec<(Side, [u8; 32], Vec<u8>)>,
    /// Secrets learned in this step, by side.
    pub learned: Vec<Learned>,
    /// Checks run in this step, by the side that ran them.
    pub checks: Vec<(Side, Check)>,
    /// Handshake messages accepted in this step, by side.
    pub accepted: Vec<(Side, String)>,
    /// Application data delivered in this step (decrypted), by receiving side.
    pub delivered_data: Vec<(Side, Vec<u8>)>,
    /// Alerts received in this step, by receiving side.
    pub alerts_received: Vec<(Side, AlertDescription)>,
    /// A side that gave up in this step, with the alert it sent and why.
    pub failure: Option<(Side, AlertDescription, String)>,
    /// What an eavesdropper on the wire reads in this step.
    pub eavesdropper: Vec<Observation>,
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
        reason: String,
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

    /// The client's random from its ClientHello, which names the session in key logs.
    pub fn client_random(&self) -> Option<[u8; 32]> {
        let record = self.records().next()?;
        let fragment = record.bytes.get(5..)?;
        match crate::wire::HandshakeMessage::decode(fragment).ok()?.0 {
            crate::wire::HandshakeMessage::ClientHello(hello) => Some(hello.random),
            _ => None,
        }
    }

    /// The session's secrets in the NSS key log format that Wireshark reads
    /// (empty for plain HTTP).
    pub fn nss_keylog(&self) -> String {
        let Some(random) = self.client_random() else {
            return String::new();
        };
        let random = hex(&random);
        let mut out = String::new();
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
            let secret = self
                .secret(Side::Client, name)
                .or_else(|| self.secret(Side::Server, name));
            if let Some(secret) = secret {
                out.push_str(&format!("{label} {random} {}\n", hex(&secret.output)));
            }
        }
        out
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

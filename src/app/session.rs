//! The sessions on screen: computed once per change of the inputs, then only read.

use crate::crypto::pki::{CertSummary, summarize_certificate};
use crate::sim::{ByteEdit, Scenario, ScenarioName, StepName, Timeline, simulate};
use crate::tls::Side;
use crate::wire::{
    HandshakeMessage, HandshakeType, MessageKind, Tls12Message, decode_inner_plaintext,
};

/// What the student can change.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Inputs {
    /// The password typed into the login form.
    pub password: String,
    /// The site the browser visits.
    pub server_name: String,
    /// The seed of the random generator.
    pub seed: u64,
    /// The scenario the student steps through (HTTPS unless chosen otherwise).
    #[serde(default = "default_scenario")]
    pub scenario: ScenarioName,
    /// Bytes the student changed on the wire with the wire editor.
    #[serde(default)]
    pub edits: Vec<ByteEdit>,
}

fn default_scenario() -> ScenarioName {
    ScenarioName::Https
}

impl Default for Inputs {
    fn default() -> Self {
        let scenario = Scenario::default();
        Inputs {
            password: scenario.password,
            server_name: scenario.server_name,
            seed: scenario.seed,
            scenario: ScenarioName::Https,
            edits: Vec::new(),
        }
    }
}

impl Inputs {
    /// The scenario `name` run with these inputs; the wire edits belong to the
    /// chosen scenario only.
    pub fn scenario(&self, name: ScenarioName) -> Scenario {
        Scenario {
            name,
            seed: self.seed,
            password: self.password.clone(),
            server_name: self.server_name.clone(),
            edits: if name == self.scenario {
                self.edits.clone()
            } else {
                Vec::new()
            },
            ..Scenario::default()
        }
    }

    /// The session the eavesdropper panel compares with: plain HTTP, or HTTPS when
    /// plain HTTP is the scenario chosen.
    pub fn comparison(&self) -> ScenarioName {
        if self.scenario == ScenarioName::Http {
            ScenarioName::Https
        } else {
            ScenarioName::Http
        }
    }
}

/// A certificate as the certificate panel shows it.
pub type CertView = Result<CertSummary, String>;

/// The session shown (of the chosen scenario, HTTPS by default), the comparison
/// session beside it, and what changed.
pub struct Session {
    /// The inputs both sessions were simulated with.
    pub inputs: Inputs,
    /// The session the student steps through: the chosen scenario (the name stays
    /// from when it was always HTTPS).
    pub https: Timeline,
    /// The same login for the eavesdropper comparison: plain HTTP, or HTTPS when the
    /// chosen scenario is plain HTTP ([`Inputs::comparison`]).
    pub http: Timeline,
    /// The root CA the browser trusts, read once (none on plain HTTP).
    pub root: CertView,
    /// The server certificate the browser received, as it arrived.
    pub server: CertView,
    /// The shown session of the previous inputs, to mark the bytes that changed.
    pub previous: Option<Timeline>,
    /// How many times a session has been simulated (tests check it stays put).
    pub generation: u64,
    /// For a live session: what the client offered, what the server chose, and the
    /// client's JA4 fingerprint (read once, when the session is put on screen).
    pub negotiation: Option<handshake_lab_core::live::Negotiation>,
    /// For a live session: every certificate the server sent and the anchor the
    /// browser's path led to (a simulated session shows its root and server
    /// certificate only, as it always has).
    pub live_chain: Option<LiveChain>,
}

/// A live session's certificates as the certificate panel shows them.
#[derive(Clone, Debug)]
pub struct LiveChain {
    /// What the server's Certificate message carried, leaf first; empty when it sent
    /// none; the error when the message does not decode.
    pub sent: Result<Vec<CertView>, String>,
    /// The trust anchor the browser's path ended at; `None` when the chain led to no
    /// certificate the browser trusts (the session then ends in `unknown_ca`).
    pub anchor: Option<CertView>,
}

impl LiveChain {
    /// Read once, when the session is put on screen.
    pub fn of(timeline: &Timeline) -> LiveChain {
        let summarize = |der: &Vec<u8>| summarize_certificate(der).map_err(|e| e.to_string());
        let sent = match received_chain(timeline) {
            None => Ok(Vec::new()),
            Some(chain) => chain.map(|ders| ders.iter().map(summarize).collect()),
        };
        let anchor = Some(&timeline.pki.ca_cert_der)
            .filter(|der| !der.is_empty())
            .map(summarize);
        LiveChain { sent, anchor }
    }
}

impl Session {
    /// Simulates both scenarios with `inputs`; the error names the input that is wrong.
    pub fn compute(inputs: &Inputs) -> Result<Session, String> {
        let shown = inputs.scenario(inputs.scenario);
        shown.validate()?;
        let https = simulate(&shown).map_err(|e| e.to_string())?;
        let http = simulate(&inputs.scenario(inputs.comparison())).map_err(|e| e.to_string())?;
        let (root, server) = if inputs.scenario.uses_tls() {
            let root = summarize_certificate(&https.pki.ca_cert_der).map_err(|e| e.to_string());
            let server = received_certificate(&https)
                .unwrap_or_else(|| Ok(https.pki.server_cert_der.clone()))
                .and_then(|der| summarize_certificate(&der).map_err(|e| e.to_string()));
            (root, server)
        } else {
            let none = Err("plain HTTP has no certificate".to_string());
            (none.clone(), none)
        };
        Ok(Session {
            inputs: inputs.clone(),
            https,
            http,
            root,
            server,
            previous: None,
            generation: 1,
            negotiation: None,
            live_chain: None,
        })
    }

    /// A live session (a real client's, recorded by the live server) on screen, with
    /// the simulated plain-HTTP login beside it for the eavesdropper's comparison.
    pub fn from_live(timeline: &Timeline) -> Result<Session, String> {
        let inputs = Inputs {
            server_name: timeline.scenario.server_name.clone(),
            scenario: ScenarioName::Live,
            ..Inputs::default()
        };
        let http =
            simulate(&Inputs::default().scenario(ScenarioName::Http)).map_err(|e| e.to_string())?;
        let root = summarize_certificate(&timeline.pki.ca_cert_der).map_err(|e| e.to_string());
        let server = received_certificate(timeline)
            .unwrap_or_else(|| Ok(timeline.pki.server_cert_der.clone()))
            .and_then(|der| summarize_certificate(&der).map_err(|e| e.to_string()));
        Ok(Session {
            inputs,
            https: timeline.clone(),
            http,
            root,
            server,
            previous: None,
            generation: 1,
            negotiation: handshake_lab_core::live::negotiation(timeline),
            live_chain: Some(LiveChain::of(timeline)),
        })
    }

    /// Simulates scenario `name` with `inputs` (a lesson's scenario): the wire edits
    /// of another scenario do not carry over.
    pub fn compute_scenario(name: ScenarioName, inputs: &Inputs) -> Result<Session, String> {
        let mut inputs = inputs.clone();
        if inputs.scenario != name {
            inputs.scenario = name;
            inputs.edits.clear();
        }
        Session::compute(&inputs)
    }

    /// Replaces this session by one for `inputs`, keeping the old one to compare.
    pub fn recompute(&mut self, inputs: &Inputs) -> Result<(), String> {
        let mut next = Session::compute(inputs)?;
        next.generation = self.generation + 1;
        let old = std::mem::replace(self, next);
        // Another scenario is another conversation: nothing to compare byte by byte.
        if old.inputs.scenario == inputs.scenario {
            self.previous = Some(old.https);
        }
        Ok(())
    }

    /// Number of steps of the HTTPS session.
    pub fn len(&self) -> usize {
        self.https.steps.len()
    }

    /// True when the HTTPS session has no steps (never, in practice).
    pub fn is_empty(&self) -> bool {
        self.https.steps.is_empty()
    }

    /// Which bytes of record `record` (wire bytes, or inner plaintext when `inner`) of
    /// step `step` differ from the same record under the previous inputs.
    pub fn changed_bytes(&self, step: usize, record: usize, inner: bool) -> Vec<bool> {
        let pick = |t: &Timeline| -> Option<Vec<u8>> {
            let r = t.steps.get(step)?.records.get(record)?;
            if inner {
                r.inner_plaintext.clone()
            } else {
                Some(r.received_bytes().to_vec())
            }
        };
        let Some(now) = pick(&self.https) else {
            return Vec::new();
        };
        let Some(before) = self.previous.as_ref().and_then(pick) else {
            return vec![false; now.len()];
        };
        now.iter()
            .enumerate()
            .map(|(i, b)| before.get(i) != Some(b))
            .collect()
    }

    /// How many steps of the comparison session have happened when the shown
    /// session is at `step`: the comparison reaches a step once the shown session has
    /// reached a step of the same name (ignoring the `tls12_`/`tls13_` and `attacker_`
    /// prefixes), so both columns stand at the same point of the login.
    pub fn http_steps_at(&self, step: usize) -> usize {
        let reached: Vec<StepName> = self
            .https
            .steps
            .iter()
            .take(step.saturating_add(1))
            .map(|s| same_point(s.name))
            .collect();
        self.http
            .steps
            .iter()
            .rposition(|h| reached.contains(&same_point(h.name)))
            .map_or(0, |last| last + 1)
    }
}

/// A step's name without what tells the connection or the attacker's part: steps
/// with the same point are at the same point of the login.
pub fn same_point(name: StepName) -> StepName {
    StepName {
        session: None,
        by_attacker: false,
        ..name
    }
}

/// The server certificate (DER) in the first Certificate message the browser
/// received: the attacker's in `mitm`, as it arrived in TLS 1.2 (where it is sent in
/// the clear and the wire editor can change it), as the sender encrypted it in TLS 1.3.
pub fn received_certificate(timeline: &Timeline) -> Option<Result<Vec<u8>, String>> {
    received_chain(timeline).map(|chain| {
        chain.and_then(|certs| {
            certs
                .into_iter()
                .next()
                .ok_or_else(|| UNREADABLE_CERTIFICATE.to_string())
        })
    })
}

const UNREADABLE_CERTIFICATE: &str = "the Certificate message as received does not decode";

/// Every certificate (DER, leaf first) of the first Certificate message the browser
/// received, read as [`received_certificate`] reads the leaf.
pub fn received_chain(timeline: &Timeline) -> Option<Result<Vec<Vec<u8>>, String>> {
    let record = timeline
        .steps
        .iter()
        .filter(|s| s.to == Side::Client)
        .flat_map(|s| s.records.iter())
        .find(|r| r.message == MessageKind::Handshake(HandshakeType::Certificate))?;
    let chain = if let Some(inner) = &record.inner_plaintext {
        decode_inner_plaintext(inner)
            .ok()
            .and_then(|(_, content)| HandshakeMessage::decode(content).ok())
            .and_then(|(message, _)| match message {
                HandshakeMessage::Certificate(c) => Some(
                    c.certificate_list
                        .into_iter()
                        .map(|e| e.cert_data)
                        .collect(),
                ),
                _ => None,
            })
    } else {
        record
            .received_bytes()
            .get(5..)
            .and_then(|body| Tls12Message::decode(body).ok())
            .and_then(|(message, _)| match message {
                Tls12Message::Certificate(c) => Some(c.certificate_list),
                _ => None,
            })
    };
    Some(chain.ok_or_else(|| UNREADABLE_CERTIFICATE.to_string()))
}

//! The sessions on screen: computed once per change of the inputs, then only read.

use crate::crypto::pki::{CertSummary, summarize_certificate};
use crate::sim::{Scenario, ScenarioName, Timeline, simulate};

/// What the student can change.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Inputs {
    /// The password typed into the login form.
    pub password: String,
    /// The site the browser visits.
    pub server_name: String,
    /// The seed of the random generator.
    pub seed: u64,
}

impl Default for Inputs {
    fn default() -> Self {
        let scenario = Scenario::default();
        Inputs {
            password: scenario.password,
            server_name: scenario.server_name,
            seed: scenario.seed,
        }
    }
}

impl Inputs {
    /// The scenario `name` run with these inputs.
    pub fn scenario(&self, name: ScenarioName) -> Scenario {
        Scenario {
            name,
            seed: self.seed,
            password: self.password.clone(),
            server_name: self.server_name.clone(),
            ..Scenario::default()
        }
    }
}

/// A certificate as the certificate panel shows it.
pub type CertView = Result<CertSummary, String>;

/// The HTTPS session shown, the HTTP session beside it, and what changed.
pub struct Session {
    /// The inputs both sessions were simulated with.
    pub inputs: Inputs,
    /// The login over HTTPS: the session the student steps through.
    pub https: Timeline,
    /// The same login over plain HTTP, for the eavesdropper comparison.
    pub http: Timeline,
    /// The root CA and the server certificate, read once.
    pub root: CertView,
    /// The server's certificate.
    pub server: CertView,
    /// The HTTPS session of the previous inputs, to mark the bytes that changed.
    pub previous: Option<Timeline>,
    /// How many times a session has been simulated (tests check it stays put).
    pub generation: u64,
}

impl Session {
    /// Simulates both scenarios with `inputs`; the error names the input that is wrong.
    pub fn compute(inputs: &Inputs) -> Result<Session, String> {
        Session::compute_scenario(ScenarioName::Https, inputs)
    }

    /// Simulates scenario `name` (shown as the session stepped through, in place of
    /// HTTPS: a lesson's scenario) and HTTP with `inputs`.
    pub fn compute_scenario(name: ScenarioName, inputs: &Inputs) -> Result<Session, String> {
        let https = inputs.scenario(name);
        https.validate()?;
        let https = simulate(&https).map_err(|e| e.to_string())?;
        let http = simulate(&inputs.scenario(ScenarioName::Http)).map_err(|e| e.to_string())?;
        let root = summarize_certificate(&https.pki.ca_cert_der).map_err(|e| e.to_string());
        let server = summarize_certificate(&https.pki.server_cert_der).map_err(|e| e.to_string());
        Ok(Session {
            inputs: inputs.clone(),
            https,
            http,
            root,
            server,
            previous: None,
            generation: 1,
        })
    }

    /// Replaces this session by one for `inputs`, keeping the old one to compare.
    pub fn recompute(&mut self, inputs: &Inputs) -> Result<(), String> {
        let mut next = Session::compute_scenario(self.https.scenario.name, inputs)?;
        next.generation = self.generation + 1;
        let old = std::mem::replace(self, next);
        self.previous = Some(old.https);
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
                Some(r.bytes.clone())
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

    /// How many steps of the HTTP session have happened when the HTTPS session is at
    /// `step`: an HTTP message counts once the HTTPS step of the same name is reached.
    pub fn http_steps_at(&self, step: usize) -> usize {
        self.http
            .steps
            .iter()
            .take_while(|h| {
                self.https
                    .step_index(&h.name)
                    .is_some_and(|index| index <= step)
            })
            .count()
    }
}

//! The certificates each scenario's server (and attacker) uses: the lab's root CA and
//! a server certificate for the visited name, valid around the simulated clock; for
//! `wrong-host` a certificate for another name, for `expired` one that ran out a month
//! ago, for `tls12-rsa` an RSA key, for `mitm` the attacker's own root and certificate.

use crate::crypto::{
    CryptoError, IssuedPki, LabRng, PkiRequest, Validity, issue_pki, issue_pki_with, lab_rsa_key,
};
use crate::sim::clock::{DAY, SESSION_START_UNIX};
use crate::sim::error::SimError;
use crate::sim::scenario::{Scenario, ScenarioName};
use crate::sim::timeline::SessionPki;

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

/// What a scenario's parties hold.
pub(crate) struct ScenarioPki {
    /// The lab root and the bank's certificate and key.
    pub issued: IssuedPki,
    /// The attacker's own root and certificate for the visited name (`mitm` only).
    pub attacker: Option<IssuedPki>,
    /// What the timeline keeps of the bank's certificates.
    pub session: SessionPki,
}

/// Issues the scenario's certificates from `rng` (the bank's first, then the
/// attacker's), in a fixed order so the same seed gives the same bytes.
pub(crate) fn issue_for(scenario: &Scenario, rng: &mut LabRng) -> Result<ScenarioPki, SimError> {
    let validity = Validity {
        not_before: SESSION_START_UNIX - 30 * DAY,
        not_after: SESSION_START_UNIX + 365 * DAY,
    };
    let internal =
        |what: &str, e: CryptoError| SimError::Internal(format!("issuing the {what}: {e}"));
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
    let issued = issue_pki_with(rng, &request).map_err(|e| internal("demo certificates", e))?;
    let session = SessionPki {
        ca_cert_der: issued.ca_cert_der.clone(),
        server_cert_der: issued.server_cert_der.clone(),
        server_key_pem: match &issued.server_rsa_key {
            Some(key) => key.to_pkcs8_pem(),
            None => issued.server_key.to_pkcs8_pem(),
        },
    };
    // The attacker's PKI: a root the client has never heard of, and a certificate
    // from it for the very name the client visits.
    let attacker = if scenario.name == ScenarioName::Mitm {
        Some(
            issue_pki(rng, EVIL_CA_NAME, &scenario.server_name, validity)
                .map_err(|e| internal("attacker's certificates", e))?,
        )
    } else {
        None
    };
    Ok(ScenarioPki {
        issued,
        attacker,
        session,
    })
}

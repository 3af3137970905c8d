//! Runs a scenario: its certificates, its endpoints, and the driver that makes the
//! timeline.

use crate::crypto::LabRng;
use crate::sim::clock::SESSION_START_UNIX;
use crate::sim::driver::Driver;
use crate::sim::error::SimError;
use crate::sim::scenario::{Scenario, ScenarioName};
use crate::sim::scenario_pki::issue_for;
use crate::sim::timeline::Timeline;
use crate::tls::{
    Client, ClientConfig, ClientOffer, Server, ServerConfig, Tls12Client, Tls12Server,
    Tls12ServerConfig, Trust,
};

/// Simulates `scenario` from its seed and returns the whole timeline.
pub fn simulate(scenario: &Scenario) -> Result<Timeline, SimError> {
    scenario.validate().map_err(SimError::InvalidInput)?;
    if scenario.name == ScenarioName::KeyCompromise {
        return crate::sim::compromise::simulate_key_compromise(scenario);
    }
    if scenario.name == ScenarioName::Live {
        return Err(SimError::InvalidInput(
            "live sessions come from the network (serve), not from a seed".into(),
        ));
    }
    let mut rng = LabRng::from_seed(scenario.seed);
    let pki = issue_for(scenario, &mut rng)?;
    let issued = &pki.issued;
    let client = ClientConfig {
        server_name: scenario.server_name.clone(),
        trust: Trust::LabRoot(issued.ca_cert_der.clone()),
        now_unix: SESSION_START_UNIX,
        offer: ClientOffer::Lab,
    };
    let server = ServerConfig {
        cert_chain: vec![issued.server_cert_der.clone()],
        key: issued.server_key.clone().into(),
    };
    let mut driver = Driver::new(scenario);
    match scenario.name {
        ScenarioName::Http => driver.run_http(),
        // Answered above: a live session is recorded, never simulated.
        ScenarioName::Live => {}
        ScenarioName::Https
        | ScenarioName::Tamper
        | ScenarioName::WrongHost
        | ScenarioName::Expired
        | ScenarioName::KeyCompromise => {
            let (client, events) = Client::start(client, &mut rng);
            let (server, server_events) = Server::new(server, &mut rng);
            driver.run_browser_and_bank(
                (Box::new(client), events),
                (Box::new(server), server_events),
            );
        }
        ScenarioName::Hrr => {
            let (client, events) = Client::start_without_share(client, &mut rng);
            let (server, server_events) = Server::new(server, &mut rng);
            driver.run_browser_and_bank(
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
            driver.run_browser_and_bank(
                (Box::new(client), events),
                (Box::new(server), server_events),
            );
        }
        ScenarioName::Mitm => {
            let Some(evil) = &pki.attacker else {
                return Err(SimError::Internal("mitm without the attacker's PKI".into()));
            };
            let attacker_facing_client = ServerConfig {
                cert_chain: vec![evil.server_cert_der.clone()],
                key: evil.server_key.clone().into(),
            };
            // Toward the bank the attacker is an ordinary browser.
            let attacker_facing_server = client.clone();
            // The order the endpoints draw from the generator is part of the bytes.
            let (client, events) = Client::start(client, &mut rng);
            let (upstream, upstream_events) = Client::start(attacker_facing_server, &mut rng);
            let (downstream, downstream_events) = Server::new(attacker_facing_client, &mut rng);
            let (server, server_events) = Server::new(server, &mut rng);
            driver.run_man_in_the_middle(
                (Box::new(client), events),
                (Box::new(downstream), downstream_events),
                (Box::new(upstream), upstream_events),
                (Box::new(server), server_events),
            );
        }
    }
    driver.finish(pki.session)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::Outcome;

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
        let names: Vec<String> = timeline.steps.iter().map(|s| s.name.to_string()).collect();
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
    fn hrr_asks_again_then_completes() {
        let timeline = simulate(&Scenario::named(ScenarioName::Hrr)).expect("simulates");
        let names: Vec<String> = timeline.steps.iter().map(|s| s.name.to_string()).collect();
        assert_eq!(
            names,
            [
                "client_hello",
                "hello_retry_request",
                "client_hello_2",
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
        for record in timeline.records() {
            crate::wire::check_tiling(&record.fields, 0..record.bytes.len())
                .unwrap_or_else(|e| panic!("{}: {e}", record.message));
        }
    }

    #[test]
    fn http_completes_in_two_steps() {
        let timeline = simulate(&Scenario::named(ScenarioName::Http)).expect("simulates");
        let names: Vec<String> = timeline.steps.iter().map(|s| s.name.to_string()).collect();
        assert_eq!(names, ["http_request", "http_response"]);
        assert_eq!(timeline.outcome, Outcome::Completed);
    }
}

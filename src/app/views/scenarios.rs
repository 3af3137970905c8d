//! Choosing the scenario, and the words for each scenario's steps.
//!
//! The same inputs run as any of the scenarios; a step's title and explanation are
//! looked up for the scenario and the step's occurrence first
//! (`step-hrr-client_hello_2`), then for the scenario (`step-mitm-client_hello`), then
//! for the step alone (`step-client_hello`). `key-compromise` replays a `tls12-rsa`
//! and an `https` session, so its `tls12_`/`tls13_` steps use those scenarios' words.

use eframe::egui;

use crate::app::Strings;
use crate::sim::{RecordedSession, ScenarioName, StepName};

/// The message key naming scenario `name` in the chooser.
pub fn name_key(name: ScenarioName) -> String {
    format!("scenario-name-{}", name.name())
}

/// The message key of scenario `name`'s one-line explanation.
pub fn explain_key(name: ScenarioName) -> String {
    format!("scenario-explain-{}", name.name())
}

/// The message keys of the title and explanation of step `name` in `scenario`, or
/// `None` when no text exists for it.
pub fn step_text_keys(
    s: &Strings,
    scenario: ScenarioName,
    name: StepName,
) -> Option<(String, String)> {
    let scenario = match (scenario, name.session) {
        (ScenarioName::KeyCompromise, Some(RecordedSession::Tls12Rsa)) => ScenarioName::Tls12Rsa,
        (ScenarioName::KeyCompromise, Some(RecordedSession::Tls13Ecdhe)) => ScenarioName::Https,
        _ => scenario,
    };
    // A step's second occurrence may have its own words in a scenario
    // (`step-hrr-client_hello_2`); otherwise it shares the first one's. A recorded
    // session's steps use the words of the scenario it replays.
    let full = StepName {
        session: None,
        ..name
    };
    let base = StepName {
        occurrence: 1,
        ..full
    };
    let occurrence = (full.occurrence > 1).then(|| format!("step-{}-{full}", scenario.name()));
    occurrence
        .into_iter()
        .chain([
            format!("step-{}-{base}", scenario.name()),
            format!("step-{base}"),
        ])
        .find(|key| s.has(key))
        .map(|key| {
            let explain = format!("{key}-explain");
            (key, explain)
        })
}

/// The title and explanation of step `name` in `scenario`, or the "no text yet"
/// placeholder naming the step.
pub fn step_text(s: &Strings, scenario: ScenarioName, name: StepName) -> (String, String) {
    match step_text_keys(s, scenario, name) {
        Some((title, explain)) => (s.tr(&title), s.tr(&explain)),
        None => {
            let args = [("name", name.to_string())];
            (
                s.tr_args("step-unknown", &args),
                s.tr_args("step-unknown-explain", &args),
            )
        }
    }
}

/// The scenario chooser; returns the scenario picked this frame, if any.
pub fn chooser(ui: &mut egui::Ui, s: &Strings, current: ScenarioName) -> Option<ScenarioName> {
    let mut picked = None;
    let label = ui.label(s.tr("scenario-label"));
    let response = egui::ComboBox::from_id_salt("scenario_choice")
        .selected_text(s.tr(&name_key(current)))
        .width(230.0)
        .show_ui(ui, |ui| {
            for name in ScenarioName::ALL {
                let response = ui
                    .selectable_label(*name == current, s.tr(&name_key(*name)))
                    .on_hover_text(s.tr(&explain_key(*name)));
                if response.clicked() && *name != current {
                    picked = Some(*name);
                }
            }
        });
    response
        .response
        .labelled_by(label.id)
        .on_hover_text(s.tr(&explain_key(current)));
    picked
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::{Scenario, simulate};

    #[test]
    fn every_step_of_every_scenario_has_a_title_and_an_explanation() {
        let s = Strings::english();
        for name in ScenarioName::ALL {
            assert!(s.has(&name_key(*name)), "{name:?}");
            assert!(s.has(&explain_key(*name)), "{name:?}");
            let timeline = simulate(&Scenario::named(*name)).expect("simulates");
            for step in &timeline.steps {
                let (title, explain) = step_text_keys(&s, *name, step.name)
                    .unwrap_or_else(|| panic!("{}: no text for step {}", name.name(), step.name));
                assert!(s.has(&explain), "{explain}");
                assert!(!s.tr(&title).is_empty());
            }
        }
    }

    #[test]
    fn a_real_servers_session_ticket_has_words_in_every_language() {
        use crate::sim::StepKind;
        use crate::tls::Role;
        use crate::wire::HandshakeType;
        let ticket = StepName::new(StepKind::OtherHandshake(
            Role::Server,
            HandshakeType::NewSessionTicket,
        ));
        assert_eq!(ticket.to_string(), "server_new_session_ticket");
        for (code, _) in crate::app::i18n::LANGUAGES {
            let s = Strings::for_language(code);
            assert!(
                step_text_keys(&s, ScenarioName::Live, ticket).is_some(),
                "{code}: a visited server's NewSessionTicket has no words"
            );
        }
    }

    #[test]
    fn scenario_words_come_before_the_step_alone() {
        let s = Strings::english();
        let step = |scenario, name: &str| {
            let timeline = simulate(&Scenario::named(scenario)).expect("simulates");
            let index = timeline.step_index(name).expect("the step exists");
            step_text(&s, scenario, timeline.steps[index].name)
        };
        let https = step(ScenarioName::Https, "server_hello");
        let tls12 = step(ScenarioName::Tls12Rsa, "server_hello");
        assert_ne!(https, tls12);
        assert_eq!(
            step(ScenarioName::KeyCompromise, "tls12_server_hello"),
            tls12
        );
        assert_eq!(
            step(ScenarioName::KeyCompromise, "tls13_server_hello"),
            https
        );
        assert_eq!(
            step(ScenarioName::Tamper, "server_hello"),
            https,
            "no override: the step's own words"
        );
        let first = step(ScenarioName::Hrr, "client_hello");
        let second = step(ScenarioName::Hrr, "client_hello_2");
        assert_ne!(first, second, "each ClientHello of hrr has its own words");
        assert_ne!(first, step(ScenarioName::Https, "client_hello"));
        assert_eq!(
            step(ScenarioName::Hrr, "server_hello"),
            https,
            "no override: the step's own words"
        );
    }
}

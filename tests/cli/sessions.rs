//! `trace` on the command line says what the library's session says: the attack
//! scenarios' outcomes and the `--tamper` flag (their behaviour is tested in the core).

use std::process::Command;

use handshake_lab_core::sim::{Scenario, ScenarioName, simulate};

fn trace(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_handshake-lab"))
        .arg("trace")
        .args(args)
        .output()
        .expect("the binary runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn every_scenario_ends_as_the_contract_says_on_the_command_line() {
    for name in ScenarioName::ALL {
        let text = trace(&["--scenario", name.name()]);
        let library = simulate(&Scenario::named(*name)).expect("the scenario simulates");
        assert_eq!(
            text.lines().filter(|l| l.starts_with("outcome: ")).count(),
            1,
            "{name:?}"
        );
        assert_eq!(
            text.lines().last(),
            Some(library.outcome.line().as_str()),
            "{name:?}"
        );
    }
}

#[test]
fn the_command_lines_tamper_is_unchanged() {
    let output = Command::new(env!("CARGO_BIN_EXE_handshake-lab"))
        .args(["trace", "--tamper", "7:20", "--json"])
        .output()
        .expect("the binary runs");
    let text = String::from_utf8_lossy(&output.stdout);
    let json: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(
        json["scenario"]["tamper"],
        serde_json::json!({"record": 7, "offset": 20, "mask": 1})
    );
    assert!(!text.contains("edits"), "no edits key in the JSON");
    let output = Command::new(env!("CARGO_BIN_EXE_handshake-lab"))
        .args(["trace", "--tamper", "7:20:0x80"])
        .output()
        .expect("the binary runs");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("attacker flipped byte 20 with mask 0x80; delivered:"),
        "{text}"
    );
    assert!(!text.contains("attacker changed byte(s)"));
}

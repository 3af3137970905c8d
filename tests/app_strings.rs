//! Words are data: every message key the app's code names exists in English.

use std::fs;
use std::path::Path;

use handshake_lab::app::Strings;

const PREFIXES: &[&str] = &[
    "app-",
    "settings-",
    "inputs-",
    "controls-",
    "sequence-",
    "protection-",
    "panel-",
    "inspector-",
    "keys-",
    "eaves-",
    "obs-",
    "cert-",
    "outcome-",
    "step-",
    "lessons-",
    "scenario-",
    "editor-",
    "attempt-",
    "kx-",
    "shot-",
    "zoom-",
    "slides-",
];

/// String literals in `text` that look like message keys.
fn keys_named_in(text: &str) -> Vec<String> {
    text.split('"')
        .skip(1)
        .step_by(2)
        .filter(|lit| {
            PREFIXES.iter().any(|p| lit.starts_with(p))
                && lit
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn every_key_the_app_names_is_in_en_ftl() {
    let strings = Strings::english();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app");
    let mut checked = 0;
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let text = fs::read_to_string(entry.path()).unwrap();
        for key in keys_named_in(&text) {
            // Keys built from a step name are checked by the app's own unit test.
            if key == "step-" {
                continue;
            }
            assert!(
                strings.has(&key),
                "{} names {key}, which en.ftl lacks",
                entry.path().display()
            );
            checked += 1;
        }
    }
    assert!(
        checked > 50,
        "only {checked} keys found: is the scan still right?"
    );
}

//! Words are data: every message key the app's code names exists in English.

use std::fs;
use std::path::Path;

use handshake_lab::app::Strings;
use handshake_lab::app::i18n::{ENGLISH_FTL, LANGUAGES, keys_in};

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
    "help-",
    "a11y-",
    "live-",
    "visit-",
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

/// Every `.rs` file under `dir`, its subfolders included.
fn rust_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir)
        .expect("the app's source folder")
        .flatten()
    {
        let path = entry.path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

#[test]
fn every_key_the_app_names_is_in_en_ftl() {
    let strings = Strings::english();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app");
    let mut checked = 0;
    for path in rust_files(&dir) {
        let text = fs::read_to_string(&path).expect("a source file of the app");
        for key in keys_named_in(&text) {
            // Keys built from a step name are checked by the app's own unit test.
            if key == "step-" {
                continue;
            }
            assert!(
                strings.has(&key),
                "{} names {key}, which en.ftl lacks",
                path.display()
            );
            checked += 1;
        }
    }
    assert!(
        checked > 50,
        "only {checked} keys found: is the scan still right?"
    );
}

#[test]
fn every_language_has_every_english_key_and_no_other() {
    let english = keys_in(ENGLISH_FTL);
    assert!(english.len() > 150, "only {} keys in en.ftl", english.len());
    for (code, source) in LANGUAGES {
        let keys = keys_in(source);
        let missing: Vec<_> = english.iter().filter(|k| !keys.contains(k)).collect();
        assert!(
            missing.is_empty(),
            "{code}.ftl lacks {} key(s) (they would show in English): {missing:?}",
            missing.len()
        );
        let stale: Vec<_> = keys.iter().filter(|k| !english.contains(k)).collect();
        assert!(
            stale.is_empty(),
            "{code}.ftl has keys en.ftl lacks: {stale:?}"
        );
        let strings = Strings::for_language(code);
        assert_eq!(strings.language(), *code, "{code}.ftl does not parse");
        assert!(
            strings.missing().is_empty(),
            "{code}: {:?}",
            strings.missing()
        );
        // Every message formats to words, never to a key in brackets.
        for key in &english {
            let text = strings.tr(key);
            assert!(!text.starts_with('['), "{code}: {key} shows as {text}");
        }
    }
}

#[test]
fn german_text_is_german_where_english_would_differ() {
    let de = Strings::for_language("de");
    let en = Strings::english();
    // Names that stay the same in both (the app's name, RFC words, placeholders only).
    let same_ok = [
        "app-title",
        "inputs-seed",
        "sequence-arrow",
        "step-unknown",
        "keys-label",
        "keys-side-client",
        "keys-side-server",
        "eaves-https",
        "obs-alert",
        "obs-record_size",
        "lessons-open",
        "a11y-field",
        "a11y-field-no-value",
        "a11y-byte",
        "help-region-line",
        "controls-pause",
        "help-keys-tab",
        "help-keys-regions",
        "keys-group-early",
        "keys-hkdf-label",
        // "Live", "Port", "curl:" and a line of placeholders read the same in German.
        "live-button",
        "live-port",
        "live-trust-curl",
        "live-connection",
        "eaves-live-alpn",
        // An example address and a line of placeholders.
        "visit-address-hint",
        "visit-entry",
    ];
    let untranslated: Vec<_> = keys_in(ENGLISH_FTL)
        .into_iter()
        .filter(|k| !same_ok.contains(k) && de.tr(k) == en.tr(k))
        .collect();
    assert!(untranslated.is_empty(), "left in English: {untranslated:?}");
}

//! The session's words (`core/i18n/session.*.ftl`): every check, alert reason,
//! eavesdropper reading and stolen-key attempt of every scenario is a message that
//! formats in English and German, raw values carry no English sentence, a German
//! lesson fills in German values, and the German window shows them.

use crate::support::harness_with;
use egui_kittest::kittest::Queryable;
use handshake_lab::app::{Command, Options, SidePanel, Strings};
use handshake_lab::lesson::Catalog;
use handshake_lab::sim::{ObservationKind, Scenario, ScenarioName, Tamper, Timeline, simulate};
use handshake_lab::text::{Bundle, CORE_MESSAGES, Text, bundle, check_text};

const SEED: u64 = 1;

/// The core's bundle for `code`.
fn core(code: &str) -> Bundle {
    let (_, sources) = CORE_MESSAGES
        .iter()
        .find(|(c, _)| *c == code)
        .unwrap_or_else(|| panic!("no core messages for {code}"));
    bundle(code, sources).unwrap_or_else(|e| panic!("{e}"))
}

/// One text the session computed, with where it came from and whether it must be a
/// sentence (a message) rather than a raw value.
struct Said<'a> {
    place: String,
    text: &'a Text,
    sentence: bool,
    /// HTTP and form contents: the bytes on the wire, in whatever words they hold.
    data: bool,
}

/// Every text of `timeline` a student reads: check details and names, failure and
/// outcome reasons, eavesdropper readings, attempts.
fn said<'a>(timeline: &'a Timeline, titles: &mut Vec<Text>) -> Vec<Said<'a>> {
    let mut out = Vec::new();
    for step in &timeline.steps {
        for (side, check) in &step.checks {
            titles.push(check.title());
            out.push(Said {
                place: format!("{} {:?} check {}", step.name, side, check.name),
                text: &check.detail,
                sentence: true,
                data: false,
            });
        }
        if let Some((side, _, reason)) = &step.failure {
            out.push(Said {
                place: format!("{} {:?} failure", step.name, side),
                text: reason,
                sentence: true,
                data: false,
            });
        }
        for seen in &step.eavesdropper {
            let sentence = matches!(
                seen.kind,
                ObservationKind::Timing
                    | ObservationKind::RecordSize
                    | ObservationKind::Ciphertext
                    | ObservationKind::PublicKeyShare
                    | ObservationKind::GroupRequested
                    | ObservationKind::ServerCertificate
            );
            let data = matches!(
                seen.kind,
                ObservationKind::HttpStartLine
                    | ObservationKind::HttpHeader
                    | ObservationKind::HttpBody
                    | ObservationKind::Username
                    | ObservationKind::Password
                    | ObservationKind::CardNumber
            );
            out.push(Said {
                place: format!("{} eavesdropper {:?}", step.name, seen.kind),
                text: &seen.value,
                sentence,
                data,
            });
        }
        if let Some(attempt) = &step.attempt {
            out.push(Said {
                place: format!("{} stolen key", step.name),
                text: &attempt.stolen_key,
                sentence: true,
                data: false,
            });
            for (i, stage) in attempt.stages.iter().enumerate() {
                out.push(Said {
                    place: format!("{} stage {i}", step.name),
                    text: stage,
                    sentence: true,
                    data: false,
                });
            }
            if let Some(missing) = &attempt.missing {
                out.push(Said {
                    place: format!("{} missing", step.name),
                    text: missing,
                    sentence: true,
                    data: false,
                });
            }
        }
    }
    if let handshake_lab::sim::Outcome::Aborted { reason, .. } = &timeline.outcome {
        out.push(Said {
            place: "outcome".into(),
            text: reason,
            sentence: true,
            data: false,
        });
    }
    out
}

/// Words of English sentences that no raw value (hex, host name, RFC name) holds.
const ENGLISH_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "from",
    "with",
    "without",
    "and",
    "not",
    "is",
    "are",
    "bytes",
    "byte",
    "encrypted",
    "unreadable",
    "pass",
    "fail",
    "passed",
    "failed",
    "issued",
    "key",
    "record",
    "reads",
    "decrypts",
    "nothing",
];

/// Arguments that carry a library's own words, not this catalogue's: a crypto
/// library's error text, and what the stolen key decrypted (the login itself).
fn foreign_words(id: &str, name: &str) -> bool {
    matches!(
        (id, name),
        (
            "check-parse-leaf-fail" | "check-parse-root-fail" | "error-rsa-encrypt",
            "error"
        ) | ("attempt-stage-reads-login", "request" | "password")
    )
}

/// Every raw value in `text`, its nested arguments included, except foreign words.
fn raw_values<'a>(text: &'a Text, out: &mut Vec<&'a str>) {
    match text {
        Text::Raw(s) => out.push(s),
        Text::Number(_) => {}
        Text::Message { id, args } => {
            for (name, arg) in args {
                if !foreign_words(id, name) {
                    raw_values(arg, out);
                }
            }
        }
    }
}

/// The English sentence words in `raw` (words split at spaces and punctuation; `_`,
/// `-` and `.` join, so `key_share`, `ecdsa-with-SHA256` and `record.fragment` are
/// one word each).
fn english_words(raw: &str) -> Vec<String> {
    raw.split(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '.')))
        .map(str::to_lowercase)
        .filter(|w| ENGLISH_WORDS.contains(&w.as_str()))
        .collect()
}

/// Checks every text of `timeline` in both languages; returns how many it checked.
fn check_timeline(label: &str, timeline: &Timeline, en: &Bundle, de: &Bundle) -> usize {
    let mut titles = Vec::new();
    let all = said(timeline, &mut titles);
    for said in &all {
        let english =
            check_text(en, said.text).unwrap_or_else(|e| panic!("{label} {}: en: {e}", said.place));
        assert_eq!(english, said.text.to_string(), "{label} {}", said.place);
        let german =
            check_text(de, said.text).unwrap_or_else(|e| panic!("{label} {}: de: {e}", said.place));
        assert!(!german.contains("[error-") && !german.contains("[check-"));
        if said.sentence {
            assert!(
                !said.text.is_raw(),
                "{label} {}: a sentence left raw: {english:?}",
                said.place
            );
            assert_ne!(
                english, german,
                "{label} {}: German is the English",
                said.place
            );
        }
        if !said.data {
            let mut raws = Vec::new();
            raw_values(said.text, &mut raws);
            for raw in raws {
                let words = english_words(raw);
                assert!(
                    words.is_empty(),
                    "{label} {}: raw value {raw:?} holds English {words:?}",
                    said.place
                );
            }
        }
    }
    for title in &titles {
        check_text(en, title).unwrap_or_else(|e| panic!("{label} check name: {e}"));
        check_text(de, title).unwrap_or_else(|e| panic!("{label} check name: {e}"));
        assert!(
            !title.is_raw(),
            "{label}: check {title} has no display name"
        );
    }
    all.len()
}

#[test]
fn every_scenario_says_its_session_words_in_english_and_german() {
    let (en, de) = (core("en"), core("de"));
    for name in ScenarioName::ALL {
        let scenario = Scenario {
            seed: SEED,
            ..Scenario::named(*name)
        };
        let timeline = simulate(&scenario).expect("the scenario runs");
        let checked = check_timeline(name.name(), &timeline, &en, &de);
        assert!(checked > 0, "{name:?} says nothing");
    }
}

#[test]
fn the_kinds_of_text_each_scenario_shows_are_messages() {
    // Spot checks with exact values, so a wrong argument cannot pass unnoticed.
    let (en, de) = (core("en"), core("de"));
    let mitm = simulate(&Scenario::named(ScenarioName::Mitm)).expect("mitm runs");
    let issuer = mitm
        .steps
        .iter()
        .flat_map(|s| &s.checks)
        .find(|(_, c)| c.name.name() == "issuer")
        .map(|(_, c)| c)
        .expect("an issuer check");
    assert_eq!(issuer.detail.id(), Some("check-issuer-fail"));
    assert_eq!(
        check_text(&de, &issuer.detail).expect("German"),
        "ausgestellt von „CN=Evil Proxy CA, O=Handshake Lab“, nicht von der \
         vertrauenswürdigen Root-CA „CN=Handshake Lab Root CA, O=Handshake Lab“"
    );
    assert_eq!(
        check_text(&de, &issuer.title()).expect("German"),
        "Aussteller"
    );

    let https = simulate(&Scenario::named(ScenarioName::Https)).expect("https runs");
    let first = &https.steps[0].eavesdropper;
    let size = first
        .iter()
        .find(|o| o.kind == ObservationKind::RecordSize)
        .expect("a record size");
    assert_eq!(
        check_text(&en, &size.value).expect("English"),
        "handshake record, 186 bytes, from the client"
    );
    assert_eq!(
        check_text(&de, &size.value).expect("German"),
        "handshake-Record, 186 Bytes, vom Client"
    );
    let timing = https.steps[1]
        .eavesdropper
        .iter()
        .find(|o| o.kind == ObservationKind::Timing)
        .expect("a time");
    assert!(
        check_text(&de, &timing.value)
            .expect("German")
            .contains(',')
    );

    let compromise =
        simulate(&Scenario::named(ScenarioName::KeyCompromise)).expect("key-compromise runs");
    let attempts: Vec<_> = compromise.attempts().collect();
    assert_eq!(attempts.len(), 2);
    assert_eq!(
        check_text(&de, &attempts[0].stolen_key).expect("German"),
        "der private RSA-Schlüssel des Servers, 2048 Bit"
    );
    assert!(
        attempts[1]
            .missing
            .as_ref()
            .and_then(|m| check_text(&de, m).ok())
            .is_some_and(|m| m.contains("privater ECDHE-Schlüssel"))
    );
}

#[test]
fn tampered_sessions_give_reasons_in_both_languages() {
    // A byte changed at many places of each handshake: header fields, lengths,
    // message types, the middle and the tag of encrypted records. Each way an
    // endpoint gives up must have its words in both catalogues.
    let (en, de) = (core("en"), core("de"));
    let mut reasons = std::collections::BTreeSet::new();
    for name in [
        ScenarioName::Https,
        ScenarioName::Tls12Rsa,
        ScenarioName::Mitm,
    ] {
        let plain = simulate(&Scenario::named(name)).expect("runs");
        let lengths: Vec<usize> = plain.records().map(|r| r.bytes.len()).collect();
        for (record, len) in lengths.iter().enumerate() {
            let mut offsets = vec![0, 1, 2, 3, 4, 5, 6, 9, 10, 11, 40, len / 2, len - 1];
            offsets.retain(|o| o < len);
            offsets.dedup();
            for offset in offsets {
                for mask in [0x01, 0xff] {
                    let scenario = Scenario {
                        tamper: Some(Tamper {
                            record,
                            offset,
                            mask,
                        }),
                        ..Scenario::named(name)
                    };
                    let Ok(timeline) = simulate(&scenario) else {
                        continue;
                    };
                    let label = format!("{} {record}:{offset}:{mask:#04x}", name.name());
                    check_timeline(&label, &timeline, &en, &de);
                    reasons.extend(
                        timeline
                            .steps
                            .iter()
                            .filter_map(|s| s.failure.as_ref())
                            .filter_map(|(_, _, r)| r.id()),
                    );
                }
            }
        }
    }
    // The sweep reaches many different ways of giving up, not only the AEAD tag.
    assert!(reasons.len() >= 15, "{reasons:?}");
}

#[test]
fn every_session_message_is_translated_except_names_that_stay() {
    // RFC names and formats read the same in German.
    let same = [
        "check-name-ca",
        "check-name-hostname",
        "check-name-certificate-verify",
        "check-name-premaster-secret",
        "check-hostname-pass",
        "error-decode-malformed",
        "error-second-client-hello",
    ];
    let value = |source: &str, key: &str| {
        source
            .lines()
            .find_map(|l| l.strip_prefix(key)?.trim_start().strip_prefix('='))
            .map(str::trim)
            .map(str::to_string)
    };
    let en = include_str!("../../core/i18n/session.en.ftl");
    let de = include_str!("../../core/i18n/session.de.ftl");
    let keys = handshake_lab::app::i18n::keys_in(en);
    assert!(keys.len() > 140, "{}", keys.len());
    for key in keys {
        let (english, german) = (value(en, key), value(de, key));
        assert!(german.is_some(), "de lacks {key}");
        if same.contains(&key) {
            continue;
        }
        assert_ne!(english, german, "{key} is not translated");
    }
}

/// The resolved text of the steps of lesson `id` in `lang`.
fn lesson_text(lang: &str, id: &str) -> String {
    let catalog = Catalog::built_in(lang);
    let ready = catalog
        .get(id)
        .and_then(|e| e.ready())
        .unwrap_or_else(|| panic!("lesson {id} in {lang}"));
    assert_eq!(ready.lesson.lang, lang, "{id} has a {lang} version");
    ready
        .resolved
        .steps
        .iter()
        .map(|s| s.text.clone())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_german_lesson_fills_in_german_session_values() {
    let english = lesson_text("en", "07-certificate");
    assert!(english.contains("pass (subjectAltName contains bank.example)"));
    let german = lesson_text("de", "07-certificate");
    assert!(
        german.contains("bestanden (subjectAltName enthält bank.example)"),
        "{german}"
    );
    assert!(!german.contains("pass ("), "{german}");
    assert!(german.contains("bestanden (gültig von "), "{german}");

    let mitm = lesson_text("de", "10-mitm");
    assert!(
        mitm.contains("nicht bestanden (ausgestellt von „CN=Evil Proxy CA"),
        "{mitm}"
    );
    assert!(
        mitm.contains("abgebrochen vom Client: unknown_ca"),
        "{mitm}"
    );
    assert!(
        lesson_text("en", "10-mitm").contains("aborted by client: unknown_ca"),
        "English stays the stable words"
    );

    // Field values too: the inspector's German size of cipher_suites.
    let hellos = lesson_text("de", "04-hellos");
    assert!(hellos.contains("1 Eintrag"), "{hellos}");
    assert!(!hellos.contains("1 entry"), "{hellos}");
    assert!(lesson_text("en", "04-hellos").contains("1 entry"));

    // Milliseconds with a decimal comma in German, a point in English.
    let de_time = lesson_text("de", "08-encrypted-data");
    let en_time = lesson_text("en", "08-encrypted-data");
    let number = |text: &str, before: &str| {
        text.split(before)
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .map(str::to_string)
            .unwrap_or_default()
    };
    let de_ms = number(&de_time, "zum Zeitpunkt ");
    let en_ms = number(&en_time, "crossed the wire at ");
    assert!(!en_ms.is_empty() && en_ms.contains('.'), "{en_ms}");
    assert_eq!(de_ms, en_ms.replace('.', ","));
}

#[test]
fn the_german_window_shows_german_checks_and_readings() {
    let de = Strings::for_language("de");
    let mut h = harness_with(Options {
        lang: Some("de".into()),
        ..Options::default()
    });
    assert_eq!(de.language(), "de");
    let index = h
        .state()
        .session
        .https
        .step_index("certificate_verify")
        .expect("a certificate_verify step");
    let ctx = h.ctx.clone();
    h.state_mut().apply(Command::GoTo(index), &ctx);
    h.state_mut()
        .apply(Command::ShowPanel(SidePanel::Certificate), &ctx);
    h.run();
    // The check's German name and its German detail, each a label of its own.
    h.get_by_label("Aussteller");
    h.get_by_label("subjectAltName enthält bank.example");
    assert!(
        h.query_by_label("subjectAltName contains bank.example")
            .is_none()
    );
    assert!(
        h.query_all_by_label_contains("ausgestellt von „CN=Handshake Lab Root CA")
            .count()
            >= 1
    );

    h.state_mut()
        .apply(Command::ShowPanel(SidePanel::Eavesdropper), &ctx);
    h.run();
    let obs = de.tr("obs-record_size");
    let german = format!("{obs}: handshake-Record, 186 Bytes, vom Client");
    assert!(
        h.query_all_by_label(&german).count() >= 1,
        "no label {german:?}"
    );
    assert!(
        h.query_all_by_label_contains("from the client")
            .next()
            .is_none()
    );
    assert!(
        h.query_all_by_label_contains("Bytes, ohne den Schlüssel unlesbar")
            .count()
            >= 1
    );
}

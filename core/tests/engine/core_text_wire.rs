//! The wire annotations speak from the core's catalogue (`core/i18n/wire.*.ftl`):
//! every field of every record of every scenario (and of records an attacker broke)
//! has a message as its meaning, which English and German both say without a missing
//! key or argument; a raw value never carries English words.

use std::collections::BTreeSet;

use handshake_lab_core::sim::{ByteEdit, Scenario, ScenarioName, Timeline, simulate};
use handshake_lab_core::text::{Bundle, CORE_MESSAGES, Text, bundle, check_text};
use handshake_lab_core::wire::Field;

/// The core's bundle for `code`.
fn core_bundle(code: &str) -> Bundle {
    let (_, sources) = CORE_MESSAGES
        .iter()
        .find(|(c, _)| *c == code)
        .unwrap_or_else(|| panic!("no core messages for {code}"));
    bundle(code, sources).unwrap_or_else(|e| panic!("{e}"))
}

/// Every scenario at its defaults, and sessions whose records were broken on the wire
/// (a record length no record may have; an unknown handshake type; an HTTP head
/// without its blank line).
fn sessions() -> Vec<(String, Timeline)> {
    let mut scenarios: Vec<Scenario> = ScenarioName::ALL
        .iter()
        .map(|name| Scenario::named(*name))
        .collect();
    for (name, record, offset, value) in [
        (ScenarioName::Https, 0, 3, 0xff),
        (ScenarioName::Https, 0, 5, 0x63),
        (ScenarioName::Tls12Rsa, 2, 5, 0x07),
        (ScenarioName::Http, 0, 149, b'X'),
    ] {
        scenarios.push(Scenario {
            edits: vec![ByteEdit {
                record,
                offset,
                value,
            }],
            ..Scenario::named(name)
        });
    }
    scenarios
        .into_iter()
        .map(|s| {
            let label = format!("{} {:?}", s.name.name(), s.edits);
            let timeline = simulate(&s).unwrap_or_else(|e| panic!("{label}: {e}"));
            (label, timeline)
        })
        .collect()
}

/// Every field of every record (wire bytes and decrypted inner plaintext), depth first,
/// with where it was found.
fn all_fields(sessions: &[(String, Timeline)]) -> Vec<(String, &Field)> {
    fn walk<'a>(at: &str, fields: &'a [Field], out: &mut Vec<(String, &'a Field)>) {
        for field in fields {
            out.push((format!("{at} > {}", field.name), field));
            walk(&format!("{at} > {}", field.name), &field.children, out);
        }
    }
    let mut out = Vec::new();
    for (label, timeline) in sessions {
        for record in timeline.records() {
            let at = format!("{label}: record {} {}", record.index, record.message);
            walk(&at, &record.fields, &mut out);
            walk(&format!("{at} (inner)"), &record.inner_fields, &mut out);
        }
    }
    out
}

#[test]
fn every_field_means_a_message_that_english_and_german_both_say() {
    let sessions = sessions();
    let fields = all_fields(&sessions);
    let en = core_bundle("en");
    let de = core_bundle("de");
    let mut ids = BTreeSet::new();
    for (at, field) in &fields {
        let Text::Message { id, .. } = &field.meaning else {
            panic!("{at}: the meaning is not a message: {:?}", field.meaning);
        };
        ids.extend(field.meaning.ids());
        ids.extend(field.value.ids());
        for text in [&field.meaning, &field.value] {
            let english = check_text(&en, text).unwrap_or_else(|e| panic!("{at}: en: {e}"));
            let german = check_text(&de, text).unwrap_or_else(|e| panic!("{at}: de: {e}"));
            // What English says is what the trace says; German says something else,
            // except where the words are names in both languages.
            assert_eq!(english, text.to_string(), "{at}");
            if text == &field.meaning && !matches!(*id, "wire-alpn-h2" | "wire-alpn-h3") {
                assert_ne!(german, english, "{at}: {id} is English in de");
            }
        }
    }
    // The sessions reach far into the catalogue: every kind of record, alerts, TLS 1.2,
    // HTTP, and the field of a record that does not parse.
    for id in [
        "wire-msg-client-hello",
        "wire-msg-client-key-exchange",
        "wire-alert-bad_record_mac",
        "wire-alert-unknown_ca",
        "wire-inner-type",
        "wire-code-unknown",
        "wire-msg-unknown",
        "wire-key-p256",
        "wire-count-certificates",
        "http-form-password",
        "http-unreadable",
        "wire-unparseable",
        "wire-payload-bytes",
    ] {
        assert!(ids.contains(id), "no field says {id}");
    }
    assert!(ids.len() > 100, "only {} messages used", ids.len());
}

/// The words a size, count or absence would be said in, in English.
const ENGLISH_WORDS: &[&str] = &[
    "byte",
    "bytes",
    "empty",
    "none",
    "entry",
    "entries",
    "certificate",
    "certificates",
    "extension",
    "extensions",
    "method",
    "methods",
    "share",
    "shares",
    "unknown",
    "shown",
];

/// `value` without RFC names in parentheses ("11 (certificate)" names the handshake
/// type by its RFC name: that stays as it is in every language).
fn without_rfc_names(value: &str) -> String {
    let mut out = String::new();
    let mut rest = value;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')') else {
            break;
        };
        let inside = &rest[open + 1..open + close];
        out.push_str(&rest[..open]);
        if !inside
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        {
            out.push_str(&rest[open..=open + close]);
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

#[test]
fn raw_values_carry_no_english_words() {
    let sessions = sessions();
    let fields = all_fields(&sessions);
    let mut raw = 0;
    for (at, field) in &fields {
        let Text::Raw(value) = &field.value else {
            continue;
        };
        raw += 1;
        let words = without_rfc_names(value);
        for word in words.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
            assert!(
                !ENGLISH_WORDS.contains(&word.to_lowercase().as_str()),
                "{at}: raw value {value:?} says {word:?}: make it a message"
            );
        }
    }
    assert!(raw > 100, "only {raw} raw values");
    assert_eq!(without_rfc_names("11 (certificate)"), "11 ");
    assert_eq!(without_rfc_names("0x0304 (TLS 1.3)"), "0x0304 (TLS 1.3)");
}

#[test]
fn a_field_reads_in_german_with_german_sizes() {
    let timeline = simulate(&Scenario::default()).unwrap_or_else(|e| panic!("{e}"));
    let hello = timeline
        .records()
        .next()
        .and_then(|r| r.fields.iter().find_map(|f| f.find("random")))
        .cloned()
        .unwrap_or_else(|| panic!("the ClientHello has a random"));
    let de = core_bundle("de");
    let say = |t: &Text| check_text(&de, t).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(hello.value, "32 bytes");
    assert_eq!(say(&hello.value), "32 Bytes");
    assert_eq!(
        hello.meaning,
        "32 random bytes from the client; mixed into every key"
    );
    assert_eq!(
        say(&hello.meaning),
        "32 Zufallsbytes vom Client; sie fließen in jeden Schlüssel ein"
    );
    // Plurals are Fluent's: one byte, one certificate.
    let one = handshake_lab_core::text!("wire-bytes", n = 1usize);
    assert_eq!(one, "1 byte");
    assert_eq!(say(&one), "1 Byte");
    let certs = handshake_lab_core::text!("wire-count-certificates", n = 1usize);
    assert_eq!(say(&certs), "1 Zertifikat");
    let empty = handshake_lab_core::text!("wire-length-prefix", n = 0usize, of = "extensions");
    assert_eq!(empty, "the next 0 bytes are the extensions");
    assert_eq!(say(&empty), "das Feld extensions ist leer");
}

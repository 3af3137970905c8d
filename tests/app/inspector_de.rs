//! The inspector in German (`--lang de`): the words the core computes for a field, its
//! meaning and a value such as a size, are German on screen and in the AccessKit tree.

use crate::support::harness_with;
use eframe::egui::accesskit::Role;
use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use handshake_lab::app::access::inspector_keys::field_text;
use handshake_lab::app::{LabApp, Options, Strings};
use handshake_lab::wire::Field;

fn press_with(h: &mut Harness<'static, LabApp>, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    h.run();
}

/// The focused node's accessible name.
fn focused_label(h: &Harness<'static, LabApp>) -> (Role, String) {
    let node = h.get_by(|n| n.is_focused());
    let n = node.accesskit_node();
    (n.role(), n.label().unwrap_or_default())
}

/// The first record's fields in the order the inspector's cursor walks them.
fn walk_order(fields: &[Field]) -> Vec<Field> {
    let mut out = Vec::new();
    for field in fields {
        out.push(field.clone());
        out.extend(walk_order(&field.children));
    }
    out
}

#[test]
fn a_german_window_reads_the_fields_of_a_record_in_german() {
    let mut h = harness_with(Options {
        lang: Some("de".into()),
        ..Options::default()
    });
    let de = Strings::for_language("de");
    assert_eq!(de.language(), "de");
    let fields = walk_order(&h.state().session.https.steps[0].records[0].fields);
    // content_type, legacy_record_version, length, fragment: the ClientHello's record.
    let names: Vec<&str> = fields.iter().take(4).map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "content_type",
            "legacy_record_version",
            "length",
            "fragment"
        ]
    );

    // Alt+4: the inspector's cursor, on the first field.
    press_with(&mut h, Modifiers::ALT, Key::Num4);
    let (role, label) = focused_label(&h);
    assert_eq!(role, Role::Group);
    let first = &fields[0];
    let german = de.text(&first.meaning);
    assert_eq!(
        german,
        "handshake: Nachrichten, die die Verbindung aufbauen"
    );
    assert_eq!(
        first.meaning.to_string(),
        "handshake: messages that set up the connection"
    );
    assert_eq!(label, field_text(&de, first));
    assert!(label.contains(&german), "{label}");
    assert!(!label.contains(&first.meaning.to_string()), "{label}");
    // The details box under the cursor shows the same German line.
    h.get_by_label(&german);

    // Down three times: the fragment, whose value is a size in German words.
    for _ in 0..3 {
        press_with(&mut h, Modifiers::NONE, Key::ArrowDown);
    }
    let (_, label) = focused_label(&h);
    let fragment = &fields[3];
    let size = de.text(&fragment.value);
    assert!(size.ends_with(" Bytes"), "{size}");
    assert!(fragment.value.to_string().ends_with(" bytes"));
    assert_eq!(label, field_text(&de, fragment));
    assert!(label.contains(&format!("= {size}")), "{label}");
    assert!(
        label.contains("der Inhalt des Records, nicht verschlüsselt"),
        "{label}"
    );
    h.get_by_label(&de.text(&fragment.meaning));
}

#[test]
fn an_english_window_reads_the_same_field_in_english() {
    let mut h = harness_with(Options::default());
    press_with(&mut h, Modifiers::ALT, Key::Num4);
    let (_, label) = focused_label(&h);
    let first = h.state().session.https.steps[0].records[0].fields[0].clone();
    assert_eq!(label, field_text(&Strings::english(), &first));
    assert!(
        label.contains("handshake: messages that set up the connection"),
        "{label}"
    );
}

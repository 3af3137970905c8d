//! Every shipped lesson loads and resolves against its scenario's real timeline.

use std::path::Path;

use handshake_lab::lesson::{self, Catalog, Origin, parse};
use handshake_lab::sim::simulate;

/// The course, in order, that must ship and validate now (lessons 9 to 11 wait in
/// `lessons/pending/` for the attack scenarios).
const COURSE: &[&str] = &[
    "01-plain-http",
    "02-ssl-vs-tls",
    "03-https",
    "04-hellos",
    "05-key-exchange",
    "06-session-keys",
    "07-certificate",
    "08-encrypted-data",
    "12-recap",
];

#[test]
fn every_shipped_lesson_validates() {
    let catalog = Catalog::built_in("en");
    let problems: Vec<String> = catalog.problems().map(ToString::to_string).collect();
    assert!(
        problems.is_empty(),
        "invalid lessons:\n{}",
        problems.join("\n")
    );
    let ids: Vec<&str> = catalog.entries.iter().map(|e| e.id.as_str()).collect();
    for id in COURSE {
        assert!(ids.contains(id), "lesson {id} is missing: {ids:?}");
    }
    assert!(catalog.entries.iter().all(|e| e.origin == Origin::BuiltIn));
}

#[test]
fn every_step_and_highlight_resolves_against_a_fresh_timeline() {
    for entry in &Catalog::built_in("en").entries {
        let ready = entry.ready().expect("valid");
        let lesson = &ready.lesson;
        // Simulate again, independently of the catalog, and resolve step by step.
        let timeline = simulate(&lesson.scenario()).expect("the lesson's session runs");
        let resolved = lesson::resolve(lesson, &timeline).expect("resolves");
        assert_eq!(resolved.steps.len(), lesson.steps.len());
        assert!(!lesson.steps.is_empty(), "{} has steps", lesson.id);
        for (written, shown) in lesson.steps.iter().zip(&resolved.steps) {
            let step = &timeline.steps[shown.session_step];
            assert_eq!(step.name, written.session_step.value, "{}", lesson.file);
            for field in &shown.fields {
                let found = step.records.iter().any(|r| {
                    r.fields
                        .iter()
                        .chain(&r.inner_fields)
                        .any(|f| f.find(field).is_some())
                });
                assert!(found, "{}: field {field} not in {}", lesson.file, step.name);
            }
            for key in &shown.keys {
                assert!(
                    timeline
                        .learned_until(shown.session_step)
                        .any(|(_, l)| l.derivation.name == key),
                    "{}: key {key} not known at {}",
                    lesson.file,
                    step.name
                );
            }
            for text in [&shown.title, &shown.text] {
                assert!(!text.contains("{{"), "{}: unresolved {text}", lesson.file);
            }
            assert!(!written.body.trim().is_empty());
        }
    }
}

#[test]
fn the_course_lessons_are_in_their_own_language_and_order() {
    let catalog = Catalog::built_in("en");
    for (i, id) in COURSE.iter().enumerate() {
        let entry = catalog.get(id).expect("present");
        assert_eq!(entry.lang, "en");
        assert_eq!(
            entry.file,
            format!("lessons/{id}.md"),
            "file named after its id"
        );
        if i > 0 {
            assert!(COURSE[i - 1] < *id, "ids sort in course order");
        }
    }
    // A language without translations falls back to English, lesson for lesson.
    let fr = Catalog::built_in("fr");
    assert_eq!(fr.entries.len(), catalog.entries.len());
    assert!(fr.problems().next().is_none());
}

#[test]
fn the_readme_example_is_a_valid_lesson() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons/README.md"))
            .expect("lessons/README.md");
    let start = readme.find("```markdown\n").expect("an example block") + "```markdown\n".len();
    let end = start + readme[start..].find("\n```\n").expect("closed");
    let example = &readme[start..=end];
    let parsed = parse("lessons/README.md", example.as_bytes(), "en").expect("the example parses");
    let (_, resolved) = lesson::validate(&parsed).expect("the example validates");
    assert_eq!(resolved.steps.len(), 3);
}

#[test]
fn pending_lessons_wait_for_their_scenarios_and_are_not_loaded() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("lessons/pending");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("lessons/pending")
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.ends_with(".md"))
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["09-integrity.md", "10-mitm.md", "11-rsa-vs-ecdhe.md"]
    );
    let catalog = Catalog::built_in("en");
    assert!(catalog.entries.iter().all(|e| !e.file.contains("pending")));
    // Until their scenarios exist, check everything but the scenario: the front
    // matter, the steps' settings, and that no hex is pasted.
    for name in names {
        let text = std::fs::read_to_string(dir.join(&name)).expect("read");
        let scenario_line = text
            .lines()
            .find(|l| l.starts_with("scenario: "))
            .expect("names a scenario");
        let as_https = text.replacen(scenario_line, "scenario: https", 1);
        let file = format!("lessons/pending/{name}");
        let lesson = parse(&file, as_https.as_bytes(), "en").expect("parses");
        assert!(lesson.steps.len() >= 4, "{file}");
    }
}

//! Every shipped lesson loads and resolves against its scenario's real timeline.

use std::path::Path;

use handshake_lab::lesson::{self, Catalog, Origin, parse};
use handshake_lab::sim::simulate;

/// The course, in order: every lesson must ship and validate.
const COURSE: &[&str] = &[
    "01-plain-http",
    "02-ssl-vs-tls",
    "03-https",
    "04-hellos",
    "05-key-exchange",
    "06-session-keys",
    "07-certificate",
    "08-encrypted-data",
    "09-integrity",
    "10-mitm",
    "11-rsa-vs-ecdhe",
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

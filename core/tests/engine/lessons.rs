//! Every shipped lesson loads and resolves against its scenario's real timeline.

use std::path::Path;

use handshake_lab_core::lesson::{
    self, Catalog, Lesson, LessonStep, Origin, built_in_sources, parse,
};
use handshake_lab_core::sim::simulate;

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
    "13-hello-retry",
    "14-your-browser",
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
            assert_eq!(
                step.name.to_string(),
                written.session_step.value,
                "{}",
                lesson.file
            );
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
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../lessons/README.md"))
            .expect("lessons/README.md");
    let start = readme.find("```markdown\n").expect("an example block") + "```markdown\n".len();
    let end = start + readme[start..].find("\n```\n").expect("closed");
    let example = &readme[start..=end];
    let parsed = parse("lessons/README.md", example.as_bytes(), "en").expect("the example parses");
    let (_, resolved) = lesson::validate(&parsed).expect("the example validates");
    assert_eq!(resolved.steps.len(), 3);
}

/// The placeholders (`{{...}}`) a step's title, text, question and answer use, sorted.
fn placeholders(step: &LessonStep) -> Vec<String> {
    let mut texts = vec![step.title.value.as_str(), step.body.as_str()];
    if let Some(q) = &step.question {
        texts.extend([q.question.value.as_str(), q.answer.value.as_str()]);
    }
    let mut found: Vec<String> = Vec::new();
    for text in texts {
        let mut rest = text;
        while let Some(start) = rest.find("{{") {
            let Some(len) = rest[start..].find("}}") else {
                break;
            };
            found.push(rest[start..start + len + 2].to_string());
            rest = &rest[start + len + 2..];
        }
    }
    found.sort();
    found.dedup();
    found
}

/// What a translation must keep from the English lesson, step by step: everything but
/// the human text.
fn structure(lesson: &Lesson) -> Vec<String> {
    let names = |list: &[lesson::Located<String>]| -> Vec<String> {
        list.iter().map(|l| l.value.clone()).collect()
    };
    let mut lines = vec![format!(
        "session: scenario={} seed={} password={} server_name={}",
        lesson.scenario.name(),
        lesson.seed,
        lesson.password,
        lesson.server_name
    )];
    for (i, step) in lesson.steps.iter().enumerate() {
        lines.push(format!(
            "step {}: step={} text_only={} panel={} fields={:?} keys={:?} question={} placeholders={:?}",
            i + 1,
            step.session_step.value,
            step.text_only,
            step.panel.name(),
            names(&step.fields),
            names(&step.keys),
            step.question.is_some(),
            placeholders(step)
        ));
    }
    lines
}

/// Every translated lesson shipped (any language): it has an English lesson with the
/// same id, sits in a file named like it, and keeps its structure, so a translation
/// cannot drift silently when the English lesson changes.
#[test]
fn every_translation_keeps_the_english_structure() {
    let english: Vec<Lesson> = built_in_sources()
        .into_iter()
        .filter(|s| s.lang == "en")
        .map(|s| parse(&s.file, &s.bytes, &s.lang).expect("English lesson parses"))
        .collect();
    let mut checked = 0;
    for source in built_in_sources().into_iter().filter(|s| s.lang != "en") {
        let translated =
            parse(&source.file, &source.bytes, &source.lang).unwrap_or_else(|e| panic!("{e}"));
        let original = english
            .iter()
            .find(|e| e.id == translated.id)
            .unwrap_or_else(|| panic!("{}: no English lesson {}", source.file, translated.id));
        assert_eq!(
            source.file,
            original
                .file
                .replacen("lessons/", &format!("lessons/{}/", source.lang), 1),
            "a translation has the English file's name"
        );
        assert_eq!(translated.lang, source.lang, "{}", source.file);
        let (want, got) = (structure(original), structure(&translated));
        for (w, g) in want.iter().zip(&got) {
            assert_eq!(
                g, w,
                "{}: a translation keeps {}'s steps, settings and placeholders",
                source.file, original.file
            );
        }
        assert_eq!(
            got.len(),
            want.len(),
            "{} has {} steps, {} has {}",
            source.file,
            got.len() - 1,
            original.file,
            want.len() - 1
        );
        checked += 1;
    }
    assert!(checked >= COURSE.len(), "{checked} translations checked");
}

/// German is complete: every English lesson has a German version that validates and
/// shows in German.
#[test]
fn every_lesson_is_in_german() {
    let en = Catalog::built_in("en");
    let de = Catalog::built_in("de");
    let problems: Vec<String> = de.problems().map(ToString::to_string).collect();
    assert!(
        problems.is_empty(),
        "invalid lessons:\n{}",
        problems.join("\n")
    );
    assert_eq!(de.entries.len(), en.entries.len());
    for english in &en.entries {
        let german = de.get(&english.id).expect("same ids");
        assert_eq!(german.lang, "de", "{} has no German version", english.id);
        assert_eq!(german.file, format!("lessons/de/{}.md", english.id));
        let (title_en, title_de) = (english.title(), german.title());
        assert!(
            title_de.is_some() && title_de != title_en,
            "{}: title {title_de:?} is not translated",
            english.id
        );
        assert_eq!(german.step_count(), english.step_count(), "{}", english.id);
    }
}

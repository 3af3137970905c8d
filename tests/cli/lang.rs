//! `--lang`: the lessons listed in a language, English where a lesson has no
//! translation (a warning on stderr, not an error); the window refuses a language it
//! does not speak before opening.

use crate::teacher_folder::teacher_folder;
use std::path::PathBuf;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_handshake-lab"))
        .args(args)
        .output()
        .expect("the binary runs")
}

#[test]
fn every_built_in_lesson_has_a_german_version() {
    let out = run(&["lessons", "--lang", "de"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("warning"), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.lines().count(), 14, "{stdout}");
    // German titles, not the English ones.
    let english = String::from_utf8_lossy(&run(&["lessons"]).stdout).to_string();
    assert_ne!(stdout, english);
}

#[test]
fn a_lesson_without_a_translation_is_a_warning_in_english() {
    let lesson = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("lessons/01-plain-http.md"),
    )
    .unwrap()
    .replace("id: 01-plain-http", "id: 99-teacher-only");
    let dir = teacher_folder("cli-lang", "warn", &[("99-teacher-only.md", &lesson)]);
    let out = run(&[
        "lessons",
        "--lang",
        "de",
        "--lessons",
        dir.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "a missing translation is no error: {stderr}"
    );
    let warnings: Vec<&str> = stderr.lines().collect();
    assert_eq!(warnings.len(), 1, "{stderr}");
    assert!(
        warnings[0]
            .starts_with("handshake-lab: warning: lesson 99-teacher-only has no \"de\" version"),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("99-teacher-only"), "{stdout}");
    // In English no lesson is missing a translation.
    let out = run(&["lessons", "--lessons", dir.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&out.stderr).is_empty());
}

#[test]
fn the_window_refuses_a_language_it_does_not_speak() {
    let out = run(&["--lang", "fr"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("handshake-lab: --lang \"fr\""),
        "{stderr}"
    );
}

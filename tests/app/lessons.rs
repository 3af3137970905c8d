//! Lesson mode in the window: the list with progress, walking a lesson by buttons and
//! by keys, highlights and panels following the lesson, questions, broken lessons,
//! `--lesson`/`--step`, and inputs the lesson's values follow.

use crate::support::{harness_with, tr};
use crate::teacher_folder::teacher_folder;
use eframe::egui::Key;
use eframe::egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use handshake_lab::app::lesson_mode::lesson_view::MARK;
use handshake_lab::app::lesson_mode::lessons::side_panel_of;
use handshake_lab::app::{LabApp, Options, SidePanel, Strings};
use handshake_lab::lesson::{Catalog, Panel, ResolvedLesson};

fn lesson_options(id: &str) -> Options {
    Options {
        lesson: Some(id.to_string()),
        ..Options::default()
    }
}

fn resolved(id: &str) -> ResolvedLesson {
    let catalog = Catalog::built_in("en");
    let entry = catalog.get(id).expect(id);
    entry
        .ready()
        .expect("the shipped lesson loads")
        .resolved
        .clone()
}

fn position(k: usize, n: usize) -> String {
    Strings::english().tr_args(
        "lessons-position",
        &[("k", k.to_string()), ("n", n.to_string())],
    )
}

/// Everything a lesson step promises is on screen: its place, its title, its session
/// step, its panel, its highlighted fields and keys.
fn assert_at(h: &Harness<'static, LabApp>, lesson: &ResolvedLesson, k: usize) {
    let n = lesson.steps.len();
    let step = &lesson.steps[k];
    let app = h.state();
    assert_eq!(app.lesson_position(), Some((k, n)));
    h.get_by_label(&position(k + 1, n));
    h.get_by_label(&step.title);
    assert_eq!(app.step, step.session_step, "lesson step {k}");
    assert_eq!(app.session.https.steps[app.step].name, step.step_name);
    if step.text_only {
        return;
    }
    if let Some(side) = side_panel_of(step.panel) {
        assert_eq!(app.settings.side_panel, side, "lesson step {k}");
    } else if !step.keys.is_empty() {
        assert_eq!(app.settings.side_panel, SidePanel::Keys, "lesson step {k}");
    }
    let look = Strings::english().tr_args(
        "lessons-look-at",
        &[(
            "panel",
            tr(handshake_lab::app::lesson_mode::lesson_view::panel_key(
                step.panel,
            )),
        )],
    );
    h.get_by_label(&format!("{MARK}{look}"));
    for field in &step.fields {
        let marked = format!("{MARK}{field}");
        assert!(
            h.query_all_by_label_contains(&marked).count() >= 1,
            "lesson step {k}: field {field} is not highlighted in the inspector"
        );
    }
    if app.settings.side_panel == SidePanel::Keys {
        for key in &step.keys {
            h.get_by_label(&format!("{MARK}{key}"));
        }
    }
}

#[test]
fn a_lesson_walks_from_first_to_last_step_by_buttons() {
    let lesson = resolved("06-session-keys");
    let mut h = harness_with(lesson_options("06-session-keys"));
    assert_at(&h, &lesson, 0);
    for k in 1..lesson.steps.len() {
        h.get_by_label(&tr("controls-next")).click();
        h.run();
        assert_at(&h, &lesson, k);
    }
    // At the last step Next does nothing more.
    h.get_by_label(&tr("controls-next")).click();
    h.run();
    assert_at(&h, &lesson, lesson.steps.len() - 1);
    h.get_by_label(&tr("controls-back")).click();
    h.run();
    assert_at(&h, &lesson, lesson.steps.len() - 2);
    h.get_by_label(&tr("controls-restart")).click();
    h.run();
    assert_at(&h, &lesson, 0);
    // The session was simulated once, when the lesson opened.
    assert_eq!(h.state().session.generation, 1);
}

#[test]
fn a_lesson_walks_by_keys() {
    let lesson = resolved("04-hellos");
    let n = lesson.steps.len();
    let mut h = harness_with(lesson_options("04-hellos"));
    for k in 1..n {
        let key = if k % 2 == 0 {
            Key::Space
        } else {
            Key::ArrowRight
        };
        h.key_press(key);
        h.run();
        assert_at(&h, &lesson, k);
    }
    h.key_press(Key::Home);
    h.run();
    assert_at(&h, &lesson, 0);
    h.key_press(Key::End);
    h.run();
    assert_at(&h, &lesson, n - 1);
    h.key_press(Key::ArrowLeft);
    h.run();
    assert_at(&h, &lesson, n - 2);
}

#[test]
fn the_keys_panel_follows_a_lesson_and_highlights_its_keys() {
    let lesson = resolved("06-session-keys");
    let k = lesson
        .steps
        .iter()
        .position(|s| s.panel == Panel::Keys && !s.keys.is_empty())
        .expect("a step on the keys panel");
    let mut h = harness_with(Options {
        step: Some(k + 1),
        ..lesson_options("06-session-keys")
    });
    h.run();
    assert_at(&h, &lesson, k);
    for key in &lesson.steps[k].keys {
        h.get_by_label(&format!("{MARK}{key}"));
    }
}

#[test]
fn the_answer_shows_on_click() {
    let lesson = resolved("04-hellos");
    let k = lesson
        .steps
        .iter()
        .position(|s| s.question.is_some())
        .expect("a question");
    let mut h = harness_with(Options {
        step: Some(k + 1),
        ..lesson_options("04-hellos")
    });
    h.get_by_label(&tr("lessons-question"));
    assert!(h.query_by_label(&tr("lessons-answer")).is_none());
    h.get_by_label(&tr("lessons-reveal")).click();
    h.run();
    h.get_by_label(&tr("lessons-answer"));
    assert!(h.query_by_label(&tr("lessons-reveal")).is_none());
    // The next step starts with its answer hidden again.
    h.key_press(Key::ArrowRight);
    h.run();
    assert!(h.query_by_label(&tr("lessons-answer")).is_none());
}

#[test]
fn a_broken_teacher_lesson_shows_its_error_and_the_others_still_open() {
    let broken = "---\nid: 05-key-exchange\ntitle: Mine\nscenario: https\n---\n\n## A\nstep: server_helo\n\nText.\n";
    let extra = "---\nid: 30-mine\ntitle: My own lesson\nscenario: https\n---\n\n## Hello from my folder\nstep: client_hello\npanel: inspector\nfields: random\n\nThe random: `{{hex:random}}`.\n";
    let dir = teacher_folder(
        "app-lessons",
        "broken",
        &[("05-key-exchange.md", broken), ("30-mine.md", extra)],
    );
    let mut h = harness_with(Options {
        lessons: Some(dir.clone()),
        ..Options::default()
    });
    h.get_by_label(&tr("lessons-button")).click();
    h.run();
    // In place in the list: file, line and problem.
    let error = h
        .state()
        .lessons
        .catalog
        .get("05-key-exchange")
        .and_then(|e| e.error().cloned())
        .expect("the teacher's broken lesson wins over the built-in one");
    assert_eq!(error.line, 8);
    let shown = error.to_string();
    assert!(shown.contains("05-key-exchange.md:8:"), "{shown}");
    h.get_by_label(&shown);
    // Opening it shows the error in the lesson view too; the session stays usable.
    h.get_by_label_contains("05-key-exchange: ").click();
    h.run();
    h.get_by_label(&shown);
    h.get_by_label(&tr("lessons-broken-hint"));
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(h.state().step, 1);
    // Every other lesson still opens, the teacher's new one too.
    h.get_by_label(&tr("lessons-all")).click();
    h.run();
    h.get_by_label_contains("06-session-keys").click();
    h.run();
    assert_eq!(h.state().lesson_id(), Some("06-session-keys"));
    assert_eq!(h.state().lesson_position().map(|p| p.0), Some(0));
    h.get_by_label(&tr("lessons-all")).click();
    h.run();
    // Last in the list, below the fold: clicked the way a screen reader does.
    h.get_by_label_contains("30-mine").click_accesskit();
    h.run();
    h.get_by_label("Hello from my folder");
    h.get_by_label(&format!("{MARK}random = 32 bytes"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn lesson_and_step_options_open_there() {
    let lesson = resolved("07-certificate");
    let h = harness_with(Options {
        step: Some(3),
        ..lesson_options("07-certificate")
    });
    assert_eq!(h.state().lesson_id(), Some("07-certificate"));
    assert_at(&h, &lesson, 2);
    // The last step is in range, one more is not, nor is 0.
    let n = lesson.steps.len();
    assert!(
        LabApp::new(Options {
            step: Some(n),
            ..lesson_options("07-certificate")
        })
        .is_ok()
    );
    for step in [0, n + 1] {
        let error = LabApp::new(Options {
            step: Some(step),
            ..lesson_options("07-certificate")
        })
        .err()
        .expect("out of range");
        assert!(error.contains("out of range"), "{error}");
    }
}

#[test]
fn an_unknown_lesson_is_an_error() {
    let error = LabApp::new(lesson_options("07-certificat"))
        .err()
        .expect("unknown lesson");
    assert!(
        error.contains("unknown lesson \"07-certificat\""),
        "{error}"
    );
    assert!(error.contains("did you mean \"07-certificate\""), "{error}");
    assert!(!error.contains('\n'));
}

#[test]
fn the_command_line_rejects_an_unknown_lesson_before_any_window() {
    let bin = env!("CARGO_BIN_EXE_handshake-lab");
    for args in [
        &["--lesson", "no-such-lesson"][..],
        &["--lesson", "04-hellos", "--step", "99"][..],
    ] {
        let out = std::process::Command::new(bin)
            .args(args)
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.starts_with("handshake-lab: "), "{stderr}");
    }
}

#[test]
fn with_no_options_the_first_lesson_opens() {
    let app = LabApp::launch(Options::default()).unwrap();
    let first = Catalog::built_in("en").entries[0].id.clone();
    assert_eq!(app.lesson_id(), Some(first.as_str()));
    assert_eq!(app.lesson_position().map(|p| p.0), Some(0));
    // The lesson's scenario is the session shown.
    let lesson = Catalog::built_in("en").entries[0]
        .ready()
        .unwrap()
        .lesson
        .scenario;
    assert_eq!(app.session.https.scenario.name, lesson);
}

#[test]
fn the_lesson_values_follow_the_password_typed() {
    let lesson = resolved("01-plain-http");
    let k = lesson
        .steps
        .iter()
        .position(|s| s.panel == Panel::Inputs)
        .expect("a step on the inputs");
    let mut h = harness_with(Options {
        step: Some(k + 1),
        ..lesson_options("01-plain-http")
    });
    assert!(lesson.steps[k].text.contains("s3cret-Passw0rd"));
    let label = tr("inputs-password");
    h.get_by_role_and_label(Role::TextInput, &label).focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, &label)
        .type_text("X");
    h.run();
    let app = h.state();
    assert_eq!(app.session.inputs.password, "s3cret-Passw0rdX");
    let text = &app
        .lessons
        .current()
        .expect("the lesson is still open")
        .text;
    assert!(text.contains("s3cret-Passw0rdX"), "{text}");
    assert_eq!(app.lesson_position().map(|p| p.0), Some(k));
    assert_eq!(app.step, lesson.steps[k].session_step);
}

#[test]
fn progress_is_kept_and_leaving_returns_to_free_exploration() {
    let mut h = harness_with(Options::default());
    let free_steps = h.state().session.len();
    h.get_by_label(&tr("lessons-button")).click();
    h.run();
    h.get_by_label_contains("03-https").click();
    h.run();
    assert_eq!(h.state().lesson_id(), Some("03-https"));
    h.key_press(Key::ArrowRight);
    h.run();
    h.key_press(Key::ArrowRight);
    h.run();
    let n = resolved("03-https").steps.len();
    assert_eq!(h.state().settings.lesson_progress.seen("03-https", n), 3);
    h.get_by_label(&tr("lessons-all")).click();
    h.run();
    let progress = Strings::english().tr_args(
        "lessons-progress",
        &[("seen", "3".into()), ("n", n.to_string())],
    );
    h.get_by_label(&progress);
    h.get_by_label(&tr("lessons-back-to-lesson")).click();
    h.run();
    h.get_by_label(&tr("lessons-leave")).click();
    h.run();
    let app = h.state();
    assert_eq!(app.lesson_id(), None);
    assert_eq!(app.session.len(), free_steps);
    assert_eq!(app.step, 0);
    assert!(h.query_by_label(&tr("lessons-all")).is_none());
    // The settings carry the progress across a restart.
    let saved = serde_json::to_string(&app.settings).unwrap();
    let back: handshake_lab::app::Settings = serde_json::from_str(&saved).unwrap();
    assert_eq!(back.lesson_progress.seen("03-https", n), 3);
}

#[test]
fn an_idle_lesson_settles_without_repainting() {
    let mut h = harness_with(lesson_options("04-hellos"));
    h.key_press(Key::ArrowRight);
    h.run();
    let frames = h.run();
    assert!(frames <= 2, "{frames} frames while idle");
    assert!(!h.ctx.has_requested_repaint());
}

#[test]
fn the_certificate_lesson_walks_with_its_panels() {
    let lesson = resolved("07-certificate");
    let mut h = harness_with(lesson_options("07-certificate"));
    assert_at(&h, &lesson, 0);
    for k in 1..lesson.steps.len() {
        h.key_press(Key::ArrowRight);
        h.run();
        assert_at(&h, &lesson, k);
    }
}

#[test]
fn plain_http_steps_are_not_called_encrypted() {
    let h = harness_with(Options {
        step: Some(2),
        ..lesson_options("01-plain-http")
    });
    h.get_by_label(&tr("step-http-http_request"));
    assert!(h.query_by_label(&tr("step-http_request")).is_none());
}

#[test]
fn a_step_about_a_field_shows_what_it_means_without_a_hover() {
    let lesson = resolved("04-hellos");
    let k = lesson
        .steps
        .iter()
        .position(|s| s.fields.iter().any(|f| f == "cipher_suites"))
        .expect("a step about cipher_suites");
    let mut h = harness_with(Options {
        step: Some(k + 1),
        ..lesson_options("04-hellos")
    });
    h.run();
    assert_at(&h, &lesson, k);
    // The details box names the field and says what it means (the tree lists the
    // name too, so look for the meaning: this browser offers one suite).
    h.get_by_label("the one cipher suite the client can use");
    // Leaving the lesson, nothing is pointed at: the box asks for a hover.
    h.get_by_label(&tr("lessons-leave")).click();
    h.run();
    assert!(
        h.query_by_label("the one cipher suite the client can use")
            .is_none()
    );
    h.get_by_label(&tr("inspector-hover-hint"));
}

#[test]
fn the_window_starts_with_the_opened_lesson_only_and_the_list_shows_them_all() {
    let all = Catalog::built_in("en");
    let mut h = harness_with(lesson_options("04-hellos"));
    // Nothing but the lesson on screen was simulated before the first frame.
    assert!(!h.state().lessons.is_whole());
    let ids: Vec<&str> = h
        .state()
        .lessons
        .catalog
        .entries
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(ids, ["04-hellos"]);
    h.get_by_label(&tr("lessons-button")).click();
    h.run();
    // The list is the whole catalog, the open lesson still open at its entry.
    assert!(h.state().lessons.is_whole());
    assert_eq!(h.state().lessons.catalog.entries.len(), all.entries.len());
    let open = h.state().lessons.open.as_ref().map(|o| o.index);
    assert_eq!(open, all.entries.iter().position(|e| e.id == "04-hellos"));
    for entry in &all.entries {
        h.get_by_label_contains(&format!("{}: ", entry.id));
    }
}

#[test]
fn after_the_first_frame_the_catalog_is_built_on_a_thread() {
    let mut app = LabApp::new(lesson_options("05-key-exchange")).unwrap();
    let ctx = eframe::egui::Context::default();
    app.lessons.load_in_background(&ctx);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    while !app.lessons.is_whole() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
        app.lessons.poll_whole();
    }
    assert!(app.lessons.is_whole(), "the thread delivered the catalog");
    let all = Catalog::built_in("en");
    assert_eq!(app.lessons.catalog.entries.len(), all.entries.len());
    assert_eq!(app.lesson_id(), Some("05-key-exchange"));
    // The open lesson keeps its step and its entry by id.
    let index = app.lessons.open.as_ref().map(|o| o.index);
    assert_eq!(
        index,
        all.entries.iter().position(|e| e.id == "05-key-exchange")
    );
}

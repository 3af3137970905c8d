//! Slides in the window: the caption is the app's own UI, and "Export lesson as
//! slides" exports on a background thread with a progress bar.

use std::time::{Duration, Instant};

use crate::support::{harness, tr};
use egui_kittest::kittest::Queryable;
use handshake_lab::app::Strings;
use handshake_lab::app::slides::{show_lesson_step, slide_file_name};
use handshake_lab::lesson;

#[test]
fn in_slide_mode_the_app_draws_the_caption_itself() {
    let catalog = lesson::Catalog::built_in("en");
    let ready = catalog
        .get("04-hellos")
        .and_then(|e| e.ready())
        .expect("the lesson loads");
    let mut h = harness();
    let step = Strings::english().tr_args(
        "slides-caption-step",
        &[
            ("number", "2".into()),
            ("count", ready.resolved.steps.len().to_string()),
            ("title", ready.resolved.steps[1].title.clone()),
        ],
    );
    assert!(
        h.query_by_label(&step).is_none(),
        "no caption outside slide mode"
    );
    show_lesson_step(h.state_mut(), ready, 1, None).expect("step 2");
    h.run();
    h.get_by_label(&step);
    assert!(h.query_all_by_label(&ready.lesson.title).next().is_some());
    // The session step the lesson step narrates is the one on screen.
    let name = &ready.resolved.steps[1].step_name;
    assert_eq!(&h.state().session.https.steps[h.state().step].name, name);
}

#[test]
fn export_lesson_as_slides_runs_in_the_background_with_progress() {
    let out = std::env::temp_dir().join(format!("handshake-lab-app-slides-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let mut h = harness();
    h.get_by_label(&tr("slides-open")).click();
    h.run();
    h.get_by_label(&tr("slides-window-title"));
    h.get_by_label("1280x720").click();
    h.run();
    h.get_by_label(&tr("slides-folder"))
        .set_text_value_accesskit(out.to_str().expect("utf-8 path"));
    h.run();
    h.get_by_label(&tr("slides-export")).click();
    h.run();

    // While it runs: a progress bar and Cancel; the window keeps drawing.
    h.get_by_label(&tr("slides-cancel"));
    let started = Instant::now();
    let done_prefix = tr("slides-done")
        .split('{')
        .next()
        .unwrap_or_default()
        .to_string();
    while h.query_by_label_contains(&done_prefix).is_none() {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the export did not finish"
        );
        assert!(
            h.query_by_label_contains("Export failed").is_none(),
            "the export failed"
        );
        std::thread::sleep(Duration::from_millis(50));
        h.step();
    }
    let lesson = &h.state().options.lesson.clone().unwrap_or_default();
    let first = lesson::Catalog::built_in("en")
        .entries
        .first()
        .map(|e| e.id.clone())
        .expect("lessons");
    let id = if lesson.is_empty() {
        first
    } else {
        lesson.clone()
    };
    let count = lesson::Catalog::built_in("en")
        .get(&id)
        .and_then(|e| e.step_count())
        .expect("the lesson loads");
    for k in 1..=count {
        let file = out.join(slide_file_name(&id, k, count));
        assert_eq!(
            image::image_dimensions(&file).expect("a slide"),
            (1280, 720)
        );
    }
    let _ = std::fs::remove_dir_all(&out);
}

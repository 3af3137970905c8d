//! Every step of every lesson fits its slide, in English and in German: no text or
//! control reaches past the right edge of a 1920x1080 slide in presentation mode.
//!
//! A text that cannot wrap (a collapsing header, a button) and is wider than its panel
//! widens the panel past the window, and the panel's content slides out of view: the
//! German "Der Schlüsselaustausch, von beiden Seiten gesehen" did that to the Keys
//! panel. Nodes scrolled out of view vertically count too: their width is the
//! panel's.

use egui_kittest::kittest::{NodeT, Queryable};
use handshake_lab::app::slides::{SlideRenderer, SlideSize, show_lesson_step};
use handshake_lab::app::{LabApp, Options};
use handshake_lab::lesson;

#[test]
fn every_lesson_step_fits_its_slide_in_english_and_german() {
    let size = SlideSize::FULL_HD;
    let mut checked = 0;
    let mut overflows = Vec::new();
    for lang in ["en", "de"] {
        let catalog = lesson::load_catalog(None, lang);
        for entry in &catalog.entries {
            let ready = entry.ready().expect("a shipped lesson loads").clone();
            let mut app = LabApp::new(Options {
                lang: Some(lang.into()),
                ..Options::default()
            })
            .expect("the app starts");
            app.settings.presentation = true;
            show_lesson_step(&mut app, &ready, 0, None).expect("step 1");
            let mut slide = SlideRenderer::new(app, size);
            for k in 0..ready.resolved.steps.len() {
                show_lesson_step(slide.app_mut(), &ready, k, None).expect("the step");
                slide.render_slide().expect("a slide");
                checked += 1;
                let harness = slide.harness();
                for node in harness.query_all_by(|_| true) {
                    let node = node.accesskit_node();
                    let Some(b) = node.bounding_box() else {
                        continue;
                    };
                    // Pixels; half a pixel of rounding is not an overflow.
                    if b.x1 > f64::from(size.width) + 0.5 {
                        overflows.push(format!(
                            "{lang} {} step {}: {:?} {:?} reaches x = {:.0}",
                            ready.lesson.id,
                            k + 1,
                            node.role(),
                            node.label().unwrap_or_default(),
                            b.x1
                        ));
                    }
                }
            }
        }
    }
    assert!(checked > 100, "only {checked} slides checked");
    assert!(overflows.is_empty(), "{}", overflows.join("\n"));
}

//! What one slide costs, headless: no display, no GPU (the CPU painter, `app::raster`).
//!
//! - `slides/slide_1920x1080`: the whole per-slide work of an export: put the app at
//!   the next step of lesson `04-hellos` (cycling), draw it until it settles, render it
//!   offscreen and encode the PNG (writing the file is left out: disks vary).
//! - `slides/render_1920x1080`: the same without the PNG encoding.
//! - `slides/encode_png_1920x1080`: the PNG encoding alone.
//!
//! The target: 150 ms or less per slide at 1920x1080 on the CI's 2 cores.
//! Run: `cargo bench --bench slides`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use handshake_lab::app::slides::{SlideRenderer, SlideSize, encode_png, show_lesson_step};
use handshake_lab::app::{LabApp, Options};
use handshake_lab::lesson;

fn slides(c: &mut Criterion) {
    let catalog = lesson::Catalog::built_in("en");
    let ready = catalog
        .get("04-hellos")
        .and_then(|e| e.ready())
        .expect("lesson 04-hellos loads")
        .clone();
    let count = ready.resolved.steps.len();
    let mut app = LabApp::new(Options::default()).expect("the app starts");
    app.settings.presentation = true;
    show_lesson_step(&mut app, &ready, 0, None).expect("step 1");
    let mut renderer = SlideRenderer::new(app, SlideSize::FULL_HD);
    let mut k = 0;
    let mut next_slide = |renderer: &mut SlideRenderer| {
        k = (k + 1) % count;
        show_lesson_step(renderer.app_mut(), &ready, k, None).expect("a lesson step");
        renderer.render_slide().expect("a slide")
    };

    let mut group = c.benchmark_group("slides");
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(15));
    group.bench_function("slide_1920x1080", |b| {
        b.iter(|| {
            let image = next_slide(&mut renderer);
            black_box(encode_png(&image).expect("png"))
        });
    });
    group.bench_function("render_1920x1080", |b| {
        b.iter(|| black_box(next_slide(&mut renderer)));
    });
    let image = next_slide(&mut renderer);
    group.bench_function("encode_png_1920x1080", |b| {
        b.iter(|| black_box(encode_png(&image).expect("png")));
    });
    group.finish();
}

criterion_group!(benches, slides);
criterion_main!(benches);

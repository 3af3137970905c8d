//! The slides' CPU painter against a real GPU pipeline: the same frame of the app,
//! painted by `app::raster` and by egui-wgpu (on Mesa's lavapipe where there is no
//! GPU), must agree pixel for pixel up to rounding and anti-aliasing.
//!
//! Needs a Vulkan driver: `mesa-vulkan-drivers`, installed by `.ci/run`.
//! `HANDSHAKE_LAB_RASTER_DIFF=DIR` also writes both images and their difference.

use handshake_lab::app::slides::{SlideRenderer, SlideSize, show_lesson_step};
use handshake_lab::app::{LabApp, Options, Theme};
use handshake_lab::lesson;
use image::RgbaImage;

fn app_at(lesson_id: &str, step: usize, theme: Theme) -> (LabApp, lesson::Ready) {
    let ready = lesson::Catalog::built_in("en")
        .get(lesson_id)
        .and_then(|e| e.ready())
        .expect("the lesson loads")
        .clone();
    let mut app = LabApp::new(Options::default()).expect("the app starts");
    app.settings.presentation = true;
    app.settings.theme = theme;
    show_lesson_step(&mut app, &ready, step, None).expect("the step exists");
    (app, ready)
}

struct Difference {
    /// Pixels whose largest channel difference is over 32 (a visible difference).
    visible: usize,
    /// Mean absolute difference per channel, 0-255.
    mean: f64,
    image: RgbaImage,
}

fn compare(a: &RgbaImage, b: &RgbaImage) -> Difference {
    assert_eq!(a.dimensions(), b.dimensions());
    let mut image = RgbaImage::new(a.width(), a.height());
    let (mut visible, mut total) = (0, 0u64);
    for ((p, q), d) in a.pixels().zip(b.pixels()).zip(image.pixels_mut()) {
        let diff: [u8; 4] = std::array::from_fn(|i| p.0[i].abs_diff(q.0[i]));
        total += diff.iter().map(|&v| u64::from(v)).sum::<u64>();
        let worst = diff.into_iter().max().unwrap_or(0);
        if worst > 32 {
            visible += 1;
        }
        d.0 = [worst, worst, worst, 255];
    }
    Difference {
        visible,
        mean: total as f64 / (f64::from(a.width()) * f64::from(a.height()) * 4.0),
        image,
    }
}

#[test]
fn the_cpu_painter_draws_what_egui_wgpu_draws() {
    let size = SlideSize::new(1280, 720);
    for (lesson_id, step, theme) in [
        ("04-hellos", 2, Theme::Light),
        ("07-certificate", 3, Theme::Dark),
        ("06-session-keys", 1, Theme::Light),
    ] {
        let (app, _) = app_at(lesson_id, step, theme);
        let cpu = SlideRenderer::new(app, size)
            .render_slide()
            .expect("the CPU painter draws");
        let (app, _) = app_at(lesson_id, step, theme);
        let gpu =
            SlideRenderer::with_renderer(app, size, egui_kittest::wgpu::WgpuTestRenderer::new())
                .render_slide()
                .expect("egui-wgpu draws (is mesa-vulkan-drivers installed?)");
        let diff = compare(&cpu, &gpu);
        if let Some(dir) = std::env::var_os("HANDSHAKE_LAB_RASTER_DIFF") {
            let dir = std::path::PathBuf::from(dir);
            let name = format!("{lesson_id}-{step}");
            cpu.save(dir.join(format!("{name}-cpu.png")))
                .expect("write");
            gpu.save(dir.join(format!("{name}-gpu.png")))
                .expect("write");
            diff.image
                .save(dir.join(format!("{name}-diff.png")))
                .expect("write");
        }
        let pixels = (size.width * size.height) as usize;
        eprintln!(
            "{lesson_id} step {step}: {} visibly different pixels ({:.3}%), mean difference {:.3}",
            diff.visible,
            diff.visible as f64 * 100.0 / pixels as f64,
            diff.mean
        );
        assert!(
            diff.visible * 1000 < pixels,
            "{lesson_id} step {step}: {} of {pixels} pixels differ visibly",
            diff.visible
        );
        assert!(
            diff.mean < 0.5,
            "{lesson_id}: mean difference {}",
            diff.mean
        );
        // Not blank: the frame has both light and dark pixels.
        let lumas: Vec<u32> = cpu
            .pixels()
            .map(|p| u32::from(p.0[0]) + u32::from(p.0[1]))
            .collect();
        assert!(lumas.iter().max() > Some(&400) && lumas.iter().min() < Some(&150));
    }
}

//! Shared set-up for the app tests: the whole window in a kittest harness.

#![allow(dead_code)]

use egui_kittest::Harness;
use handshake_lab::app::{LabApp, Options, Strings};

/// The app at its defaults in a large test window, settled.
pub fn harness() -> Harness<'static, LabApp> {
    harness_with(Options::default())
}

/// The app for `options` in a large test window, settled.
pub fn harness_with(options: Options) -> Harness<'static, LabApp> {
    let app = LabApp::new(options).expect("the default session simulates");
    let mut harness = Harness::builder()
        .with_size(eframe::egui::Vec2::new(1700.0, 1000.0))
        .build_ui_state(|ui, app: &mut LabApp| app.draw(ui), app);
    harness.run();
    harness
}

/// An English UI string, as the app shows it.
pub fn tr(key: &str) -> String {
    Strings::english().tr(key)
}

/// The title shown for the step named `name`.
pub fn step_title(name: &str) -> String {
    tr(&format!("step-{name}"))
}

//! Screenshots (button and F12, the folder, an unwritable folder), zoom with Ctrl
//! +/-/0 persisted with the settings, and an idle window after each of them.

use crate::support::{harness, tr};
use eframe::egui::{self, Key, Modifiers};
use egui_kittest::kittest::Queryable;
use handshake_lab::app::screenshot::Notice;
use handshake_lab::app::{Command, Settings};
use handshake_lab::sim::ScenarioName;

fn temp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("hl-app-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp folder");
    dir
}

fn picture() -> egui::ColorImage {
    egui::ColorImage::new([4, 4], vec![egui::Color32::from_rgb(1, 2, 3); 16])
}

#[test]
fn f12_and_the_button_save_a_png_and_the_notice_shows_where() {
    let dir = temp("shot");
    let mut h = harness();
    h.state_mut().screenshot.folder = dir.join("Handshake Lab");
    h.key_press(Key::F12);
    h.run();
    // The harness's renderer hands the picture back like a window; without one, the
    // test hands one in.
    assert!(
        h.state().screenshot.is_waiting() || h.state().screenshot.notice.is_some(),
        "F12 asks for a screenshot"
    );
    if h.state().screenshot.is_waiting() {
        h.state_mut().screenshot.deliver(picture());
        h.run();
    }
    let Some(Notice::Saved(path)) = h.state().screenshot.notice.clone() else {
        panic!("not saved: {:?}", h.state().screenshot.notice);
    };
    assert!(path.starts_with(dir.join("Handshake Lab")));
    assert!(path.extension().is_some_and(|e| e == "png"));
    assert!(path.exists());
    h.get_by_label(&format!("Screenshot saved: {}", path.display()));
    h.get_by_label(&tr("shot-dismiss")).click();
    h.run();
    assert!(h.state().screenshot.notice.is_none());

    h.get_by_label(&tr("shot-button")).click();
    h.run();
    if h.state().screenshot.is_waiting() {
        h.state_mut().screenshot.deliver(picture());
        h.run();
    }
    assert!(matches!(
        h.state().screenshot.notice,
        Some(Notice::Saved(ref second)) if second != &path && second.exists()
    ));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_unwritable_folder_says_so_and_keeps_the_picture_for_another_try() {
    let dir = temp("shot-bad");
    let file = dir.join("not-a-folder");
    std::fs::write(&file, b"x").expect("a file");
    let mut h = harness();
    h.state_mut().screenshot.folder = file.join("Handshake Lab");
    let step = h.state().step;
    h.key_press(Key::F12);
    h.run();
    if h.state().screenshot.is_waiting() {
        h.state_mut().screenshot.deliver(picture());
        h.run();
    }
    assert!(matches!(
        h.state().screenshot.notice,
        Some(Notice::Failed(_))
    ));
    h.get_by_label_contains("Could not save the screenshot in");
    h.get_by_label_contains("The picture is kept");
    assert_eq!(h.state().step, step, "nothing else changed");
    assert_eq!(h.state().session.generation, 1);
    // The folder is fixed: Try again saves the same picture.
    h.state_mut().screenshot.folder = dir.join("fixed");
    h.get_by_label(&tr("shot-retry")).click();
    h.run();
    let Some(Notice::Saved(path)) = h.state().screenshot.notice.clone() else {
        panic!("not saved on retry: {:?}", h.state().screenshot.notice);
    };
    assert!(path.starts_with(dir.join("fixed")) && path.exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn ctrl_plus_minus_and_zero_zoom_and_the_zoom_is_a_setting() {
    let mut h = harness();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    h.run();
    assert!((h.state().settings.zoom - 1.1).abs() < 1e-4);
    assert!((h.ctx.zoom_factor() - 1.1).abs() < 1e-3);
    h.get_by_label_contains("Zoom 110 %");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
    h.run();
    assert!((h.state().settings.zoom - 1.2).abs() < 1e-4);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
    h.run();
    assert!((h.state().settings.zoom - 1.1).abs() < 1e-4);
    // On top of presentation mode's larger text.
    h.get_by_label(&tr("settings-presentation")).click();
    h.run();
    assert!((h.ctx.zoom_factor() - 1.4 * 1.1).abs() < 1e-3);
    let saved = serde_json::to_string(&h.state().settings).expect("serializes");
    let restored: Settings = serde_json::from_str(&saved).expect("deserializes");
    assert_eq!(restored, h.state().settings);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    h.run();
    assert_eq!(h.state().settings.zoom, 1.0);
    assert!((h.ctx.zoom_factor() - 1.4).abs() < 1e-3);
    // Settings saved before zoom existed still load, at 100 %.
    let old: Settings =
        serde_json::from_str(r#"{"theme":"Dark","presentation":false}"#).expect("old settings");
    assert_eq!(old.zoom, 1.0);
    // Bounded both ways.
    let ctx = h.ctx.clone();
    h.state_mut().apply(Command::SetZoom(10.0), &ctx);
    assert_eq!(h.state().settings.zoom, 3.0);
    h.state_mut().apply(Command::SetZoom(0.01), &ctx);
    assert_eq!(h.state().settings.zoom, 0.5);
}

#[test]
fn the_window_is_idle_after_zoom_scenario_change_wire_edit_and_screenshot() {
    let mut h = harness();
    let settle = |h: &mut egui_kittest::Harness<'static, handshake_lab::app::LabApp>| {
        let frames = h.run();
        assert!(frames <= 3, "{frames} frames to settle");
        assert!(!h.ctx.has_requested_repaint(), "still repainting");
    };
    h.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    settle(&mut h);
    let ctx = h.ctx.clone();
    let mut inputs = h.state().session.inputs.clone();
    inputs.scenario = ScenarioName::KeyCompromise;
    h.state_mut()
        .apply(Command::SetInputs(inputs.clone()), &ctx);
    settle(&mut h);
    let generation = h.state().session.generation;
    // Stepping never simulates again.
    for _ in 0..5 {
        h.key_press(Key::ArrowRight);
        settle(&mut h);
    }
    assert_eq!(h.state().session.generation, generation);
    inputs.edits = vec![handshake_lab::sim::ByteEdit {
        record: 0,
        offset: 2,
        value: 1,
    }];
    h.state_mut().apply(Command::SetInputs(inputs), &ctx);
    settle(&mut h);
    let dir = temp("idle");
    h.state_mut().screenshot.folder = dir.clone();
    h.state_mut().screenshot.deliver(picture());
    h.key_press(Key::F12);
    settle(&mut h);
    let _ = std::fs::remove_dir_all(&dir);
}

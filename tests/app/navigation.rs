//! Stepping through the session with buttons, keys and the sequence view.

use crate::support::{harness, harness_with, step_title, tr};
use eframe::egui::Key;
use egui_kittest::kittest::Queryable;
use handshake_lab::app::Options;
use handshake_lab::app::views::sequence;

#[test]
fn next_and_back_buttons_change_the_step_title() {
    let mut h = harness();
    h.get_by_label(&step_title("client_hello"));
    h.get_by_label(&tr("controls-next")).click();
    h.run();
    assert_eq!(h.state().step, 1);
    h.get_by_label(&step_title("server_hello"));
    assert!(h.query_by_label(&step_title("client_hello")).is_none());
    h.get_by_label(&tr("controls-back")).click();
    h.run();
    h.get_by_label(&step_title("client_hello"));
}

#[test]
fn the_position_reads_step_k_of_n() {
    let mut h = harness();
    let n = h.state().session.len();
    h.get_by_label(&format!("step 1 of {n}"));
    h.get_by_label(&tr("controls-next")).click();
    h.run();
    h.get_by_label(&format!("step 2 of {n}"));
}

#[test]
fn arrow_keys_space_home_and_end_move_between_steps() {
    let mut h = harness();
    let last = h.state().session.len() - 1;
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(h.state().step, 1);
    h.key_press(Key::Space);
    h.run();
    assert_eq!(h.state().step, 2);
    h.key_press(Key::ArrowLeft);
    h.run();
    assert_eq!(h.state().step, 1);
    h.key_press(Key::End);
    h.run();
    assert_eq!(h.state().step, last);
    h.get_by_label(&step_title("server_close_notify"));
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(h.state().step, last, "Next stops at the last step");
    h.key_press(Key::Home);
    h.run();
    assert_eq!(h.state().step, 0);
}

#[test]
fn clicking_an_arrow_jumps_to_its_step() {
    let mut h = harness();
    let label = {
        let app = h.state();
        let step = &app.session.https.steps[3];
        sequence::arrow_label(&app.strings, 3, step)
    };
    h.get_by_label(&label).click();
    h.run();
    assert_eq!(h.state().step, 3);
    h.get_by_label(&step_title("certificate"));
}

#[test]
fn restart_goes_back_to_the_first_step() {
    let mut h = harness_with(Options {
        step: Some(5),
        ..Options::default()
    });
    assert_eq!(h.state().step, 4, "--step counts from 1");
    h.get_by_label(&tr("controls-restart")).click();
    h.run();
    assert_eq!(h.state().step, 0);
}

#[test]
fn moving_between_steps_never_simulates_again() {
    let mut h = harness();
    for _ in 0..5 {
        h.key_press(Key::ArrowRight);
        h.run();
    }
    h.key_press(Key::Home);
    h.run();
    assert_eq!(h.state().session.generation, 1);
}

#[test]
fn an_idle_window_settles_without_repainting() {
    // `run` panics when the app keeps asking for frames; it must settle at once.
    let mut h = harness();
    let frames = h.run();
    assert!(frames <= 2, "{frames} frames while idle");
    assert!(!h.ctx.has_requested_repaint());
}

#[test]
fn play_advances_on_its_own_and_pause_stops() {
    let mut h = harness();
    h.get_by_label(&tr("controls-play")).click();
    h.step();
    assert!(h.state().is_playing());
    // The default pace is two seconds per step; each harness step is a quarter second.
    h.run_steps(12);
    let reached = h.state().step;
    assert!(reached >= 1, "playing advanced to step {reached}");
    h.get_by_label(&tr("controls-pause")).click();
    h.step();
    assert!(!h.state().is_playing());
    h.run();
    let paused_at = h.state().step;
    h.run();
    assert_eq!(h.state().step, paused_at);
}

#[test]
fn the_seed_option_reaches_the_session() {
    let h = harness_with(Options {
        seed: Some(7),
        ..Options::default()
    });
    assert_eq!(h.state().session.inputs.seed, 7);
}

#[test]
fn keys_still_navigate_after_clicking_a_button() {
    let mut h = harness();
    h.get_by_label(&tr("controls-next")).click();
    h.run();
    assert_eq!(h.state().step, 1);
    h.key_press(Key::Space);
    h.run();
    assert_eq!(
        h.state().step,
        2,
        "Space moves one step, it does not also press Next"
    );
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(h.state().step, 3);
}

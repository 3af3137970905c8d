//! Measuring startup: with `HANDSHAKE_LAB_MEASURE_STARTUP` set, the first `ui` call
//! prints the wall-clock time (`first-frame-unix-ns <n>`) and closes the window, so
//! `scripts/startup.sh` can time process start to first frame against a bare eframe
//! window (`examples/bare_window.rs` does the same).

use eframe::egui;

/// The environment variable that turns the measurement on.
pub const MEASURE_ENV: &str = "HANDSHAKE_LAB_MEASURE_STARTUP";

/// Whether this run measures its startup.
pub fn measuring() -> bool {
    std::env::var_os(MEASURE_ENV).is_some()
}

/// At the first frame: prints the time and asks the window to close.
pub fn first_frame(ctx: &egui::Context) {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    println!("first-frame-unix-ns {now}");
    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
}

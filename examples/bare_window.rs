//! A bare eframe window (one label), the baseline `scripts/startup.sh` measures the
//! app's time to first frame against. With `HANDSHAKE_LAB_MEASURE_STARTUP` set it
//! prints `first-frame-unix-ns <n>` at its first frame and closes, like the app.

use eframe::egui;

struct Bare {
    measured: bool,
}

impl eframe::App for Bare {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.label("bare eframe window");
        });
        if !self.measured && std::env::var_os("HANDSHAKE_LAB_MEASURE_STARTUP").is_some() {
            self.measured = true;
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos());
            println!("first-frame-unix-ns {now}");
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}

fn main() -> eframe::Result {
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("bare")
            .with_inner_size([1440.0, 900.0]),
        ..Default::default()
    };
    eframe::run_native(
        "bare-window",
        native,
        Box::new(|_cc| Ok(Box::new(Bare { measured: false }))),
    )
}

//! The "Live" source, two ways: the lab's browser visits a real server
//! ([`visit`](crate::app::views::visit), above), and the lab's bank listens for real
//! browsers on this machine (below), their connections arriving in a list. Any
//! session of either can be stepped through like a simulated one. A new connection
//! never replaces the one on screen.

use std::sync::Arc;

use eframe::egui;
use handshake_lab_live::{Limits, Listening, Recording, ServeConfig};

use crate::app::views::visit::VisitState;
use crate::app::{Command, Session, Strings};
use crate::sim::Timeline;

/// The default port: above 1024, so no privileges are needed.
pub const DEFAULT_PORT: u16 = 8443;

/// What the live panel holds between frames.
pub struct LiveState {
    /// The panel is open.
    pub open: bool,
    /// The port typed.
    pub port: u16,
    /// Where recordings and the CA go (the user's data folder by default).
    pub record_dir: std::path::PathBuf,
    /// The server, while listening.
    pub listening: Option<Listening>,
    /// Why the last start failed.
    pub error: Option<String>,
    /// The number of the recording on screen, when a live one is.
    pub shown: Option<usize>,
    /// The recordings as of the last change (refreshed when the server says so).
    recordings: Vec<Arc<Recording>>,
    /// The lab's browser visiting real servers.
    pub visit: VisitState,
}

impl Default for LiveState {
    fn default() -> Self {
        LiveState {
            open: false,
            port: DEFAULT_PORT,
            record_dir: handshake_lab_live::default_record_dir(),
            listening: None,
            error: None,
            shown: None,
            recordings: Vec::new(),
            visit: VisitState::default(),
        }
    }
}

/// What the live panel asks the app to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LiveCommand {
    /// Open or close the panel.
    Show(bool),
    /// Start listening on 127.0.0.1 at this port (0: any free port).
    Start(u16),
    /// Stop listening.
    Stop,
    /// Show the recording with this number.
    Open(usize),
    /// Visit the address typed in the visit section.
    Visit,
    /// Show the visit with this number.
    OpenVisit(usize),
}

impl LiveState {
    /// Starts the lab's bank on loopback; the window repaints when a connection ends.
    pub fn start(&mut self, port: u16, server_name: &str, ctx: &egui::Context) {
        self.stop();
        let config = ServeConfig {
            listen: std::net::SocketAddr::from(([127, 0, 0, 1], port)),
            server_name: server_name.to_string(),
            record_dir: self.record_dir.clone(),
            once: false,
            key: Default::default(),
            limits: Limits::default(),
        };
        let repaint = ctx.clone();
        match Listening::start(config, move || repaint.request_repaint()) {
            Ok(listening) => {
                self.listening = Some(listening);
                self.error = None;
            }
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    /// Stops listening (the recordings on disk stay; the list empties).
    pub fn stop(&mut self) {
        if let Some(listening) = self.listening.take() {
            listening.stop();
        }
        self.recordings.clear();
    }

    /// The recording with this number, if it is still in memory.
    pub fn recording(&self, number: usize) -> Option<Arc<Recording>> {
        self.listening
            .as_ref()?
            .recordings()
            .into_iter()
            .find(|r| r.number == number)
    }

    /// The live panel: visiting a server, then the lab's own server (start/stop, how
    /// to trust the lab, the connections); one scroll area for both.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        s: &Strings,
        session: &Session,
        commands: &mut Vec<Command>,
    ) {
        if let Some(listening) = &self.listening {
            self.recordings = listening.recordings();
        }
        egui::ScrollArea::vertical()
            .id_salt("live_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                self.visit.ui(ui, s, session, commands);
                ui.add_space(8.0);
                ui.separator();
                self.serve_ui(ui, s, commands);
            });
    }

    /// The lab's own server: start/stop, how to trust the lab, the connections.
    fn serve_ui(&mut self, ui: &mut egui::Ui, s: &Strings, commands: &mut Vec<Command>) {
        ui.heading(s.tr("live-heading"));
        ui.label(s.tr("live-intro"));
        ui.add_space(6.0);
        match &self.listening {
            None => {
                ui.horizontal(|ui| {
                    let label = ui.label(s.tr("live-port"));
                    ui.add(egui::DragValue::new(&mut self.port).range(0..=u16::MAX))
                        .labelled_by(label.id);
                    if ui.button(s.tr("live-start")).clicked() {
                        commands.push(Command::Live(LiveCommand::Start(self.port)));
                    }
                });
                if let Some(error) = &self.error {
                    ui.colored_label(
                        ui.visuals().error_fg_color,
                        s.tr_args("live-error", &[("reason", error.clone())]),
                    );
                }
            }
            Some(listening) => {
                let url = listening.url().to_string();
                let ca = listening.ca_path().display().to_string();
                ui.horizontal_wrapped(|ui| {
                    ui.label(s.tr("live-listening"));
                    ui.hyperlink_to(egui::RichText::new(&url).monospace(), &url);
                });
                if ui.button(s.tr("live-stop")).clicked() {
                    commands.push(Command::Live(LiveCommand::Stop));
                }
                ui.add_space(4.0);
                ui.label(s.tr_args("live-ca", &[("path", ca.clone())]));
                ui.label(s.tr("live-trust-browser"));
                let label = ui.label(s.tr("live-trust-curl"));
                ui.add(
                    egui::TextEdit::singleline(&mut format!("curl --cacert {ca} {url}"))
                        .font(egui::TextStyle::Monospace)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
                ui.weak(s.tr_args(
                    "live-recorded-in",
                    &[("folder", listening.record_dir().display().to_string())],
                ));
            }
        }
        ui.separator();
        if self.recordings.is_empty() {
            ui.weak(s.tr("live-none-yet"));
            return;
        }
        ui.strong(s.tr_args(
            "live-connections",
            &[("n", self.recordings.len().to_string())],
        ));
        for recording in self.recordings.iter().rev() {
            let client = recording
                .client
                .clone()
                .unwrap_or_else(|| s.tr("live-client-unknown"));
            let outcome = if recording.open {
                s.tr("live-open")
            } else {
                outcome_words(&recording.timeline)
            };
            let label = s.tr_args(
                "live-connection",
                &[
                    ("number", format!("{:04}", recording.number)),
                    ("time", clock_time(recording.timeline.start_unix)),
                    ("client", client),
                    ("address", recording.peer.to_string()),
                    ("outcome", outcome),
                ],
            );
            let shown = self.shown == Some(recording.number);
            if ui.selectable_label(shown, label).clicked() && !shown {
                commands.push(Command::Live(LiveCommand::Open(recording.number)));
            }
        }
    }
}

/// How a session ended, as the `outcome:` line says it (`completed`, `aborted by
/// client: unknown_ca`).
pub fn outcome_words(timeline: &Timeline) -> String {
    timeline
        .outcome
        .line()
        .trim_start_matches("outcome: ")
        .to_string()
}

/// The top bar's toggle for the live panel.
pub fn top_button(ui: &mut egui::Ui, s: &Strings, live: &LiveState, commands: &mut Vec<Command>) {
    if ui
        .selectable_label(live.open, s.tr("live-button"))
        .on_hover_text(s.tr("live-button-hint"))
        .clicked()
    {
        commands.push(Command::Live(LiveCommand::Show(!live.open)));
    }
}

/// "14:03:27" (UTC) for a unix time.
pub fn clock_time(unix: u64) -> String {
    let day = unix % 86_400;
    format!("{:02}:{:02}:{:02}", day / 3600, day % 3600 / 60, day % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_time_reads_hours_minutes_seconds() {
        assert_eq!(clock_time(0), "00:00:00");
        assert_eq!(clock_time(1_772_442_000 + 3_725), "10:02:05");
    }
}

//! "Visit a server", the live panel's other half: the lab's browser visits a real
//! HTTPS server (`connect`) on a background thread, never the window's; the session
//! it recorded opens like a simulated one, recent visits stay listed to reopen, and
//! the open visit's offer is shown next to what the server chose.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::Duration;

use eframe::egui::{self, RichText};
use handshake_lab_core::live::Negotiation;
use handshake_lab_live::{
    Anchors, ConnectError, ConnectOutcome, ConnectRequest, DEFAULT_TIMEOUT, Stage, Target,
};

use crate::app::views::live::{LiveCommand, clock_time, outcome_words};
use crate::app::{Command, Session, Strings};
use crate::sim::Timeline;

/// How many visits the list keeps (the oldest go first).
pub const VISITS_KEPT: usize = 20;

/// What the visit section holds between frames.
pub struct VisitState {
    /// The address typed (`https://host[:port]/path`).
    pub address: String,
    /// The CA file typed; empty means the system's trust store.
    pub ca_file: String,
    /// One deadline for a whole visit.
    pub timeout: Duration,
    /// The visit under way, if one is.
    running: Option<Running>,
    /// Why the last visit failed, if it did.
    pub failure: Option<Failure>,
    /// The visits made, oldest first (at most [`VISITS_KEPT`]).
    visits: Vec<Arc<Visit>>,
    /// The number the next visit gets.
    next_number: usize,
    /// The number of the visit on screen, when one is.
    pub shown: Option<usize>,
}

impl Default for VisitState {
    fn default() -> Self {
        VisitState {
            address: String::new(),
            ca_file: String::new(),
            timeout: DEFAULT_TIMEOUT,
            running: None,
            failure: None,
            visits: Vec::new(),
            next_number: 1,
            shown: None,
        }
    }
}

/// One visit that recorded a session (completed, or ended early by the network).
#[derive(Debug)]
pub struct Visit {
    /// Counted from 1 in this window.
    pub number: usize,
    /// The address as parsed.
    pub url: String,
    /// The address that answered.
    pub peer: SocketAddr,
    /// What was recorded.
    pub timeline: Timeline,
}

/// A visit under way on its own thread.
struct Running {
    /// The address as parsed, for the progress line.
    url: String,
    /// What the thread reports once, when the visit is over.
    answer: Receiver<Result<ConnectOutcome, ConnectError>>,
}

/// A failed visit as one line: a message key and its arguments, put into words
/// when drawn (so the line follows a change of language).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    key: &'static str,
    args: Vec<(&'static str, Argument)>,
}

/// An argument of a [`Failure`] line.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Argument {
    /// A value shown as it is: a host, an address, what the OS said.
    Raw(String),
    /// A message key, put into words too (what the browser was doing).
    Words(&'static str),
}

impl Failure {
    fn new(key: &'static str, args: Vec<(&'static str, Argument)>) -> Failure {
        Failure { key, args }
    }

    /// A recorded session that cannot be put on screen (`reason` from the session).
    pub fn unshowable(reason: String) -> Failure {
        Failure::new(
            "visit-error-session",
            vec![("reason", Argument::Raw(reason))],
        )
    }

    /// The line in the language of `s`.
    pub fn line(&self, s: &Strings) -> String {
        let args: Vec<(&str, String)> = self
            .args
            .iter()
            .map(|(name, value)| {
                let value = match value {
                    Argument::Raw(text) => text.clone(),
                    Argument::Words(key) => s.tr(key),
                };
                (*name, value)
            })
            .collect();
        s.tr_args(self.key, &args)
    }

    /// What `connect` said, as a line of the window.
    fn of(error: &ConnectError) -> Failure {
        let raw = |text: &str| Argument::Raw(text.to_string());
        match error {
            ConnectError::Url { url, why } => Failure::new(
                "visit-error-url",
                vec![("address", raw(url)), ("reason", raw(why))],
            ),
            ConnectError::Anchors { file, why } => Failure::new(
                "visit-error-ca",
                vec![
                    ("file", raw(&file.display().to_string())),
                    ("reason", raw(why)),
                ],
            ),
            ConnectError::Randomness(why) => {
                Failure::new("visit-error-randomness", vec![("reason", raw(why))])
            }
            ConnectError::Resolve { host, why } => Failure::new(
                "visit-error-resolve",
                vec![("host", raw(host)), ("reason", raw(why))],
            ),
            ConnectError::Connect {
                host,
                port,
                attempts,
            } => {
                // One address tried: what the OS said is the reason; several: each
                // address with its own.
                let reason = match attempts.as_slice() {
                    [(_, why)] => why.clone(),
                    _ => attempts
                        .iter()
                        .map(|(addr, why)| format!("{addr}: {why}"))
                        .collect::<Vec<_>>()
                        .join("; "),
                };
                Failure::new(
                    "visit-error-connect",
                    vec![
                        ("host", raw(host)),
                        ("port", raw(&port.to_string())),
                        ("reason", raw(&reason)),
                    ],
                )
            }
            ConnectError::TimedOut {
                addr,
                stage,
                elapsed,
                ..
            } => Failure::new(
                "visit-error-timeout",
                vec![
                    ("address", raw(addr)),
                    ("seconds", raw(&format!("{:.1}", elapsed.as_secs_f64()))),
                    ("stage", Argument::Words(stage_key(*stage))),
                ],
            ),
            ConnectError::Broken {
                addr, stage, why, ..
            } => Failure::new(
                "visit-error-broken",
                vec![
                    ("address", raw(&addr.to_string())),
                    ("stage", Argument::Words(stage_key(*stage))),
                    ("reason", raw(why)),
                ],
            ),
        }
    }
}

/// The address as the browser reads it: `https://` added when none is typed (as a
/// browser's address bar does), any other scheme refused in the window's words.
fn with_scheme(typed: &str) -> Result<String, Failure> {
    let typed = typed.trim();
    match typed.split_once("://") {
        None => Ok(format!("https://{typed}")),
        Some((scheme, _)) if scheme.eq_ignore_ascii_case("https") => Ok(typed.to_string()),
        Some(_) => Err(Failure::new(
            "visit-error-not-https",
            vec![("address", Argument::Raw(typed.to_string()))],
        )),
    }
}

/// The message key naming what the browser was doing when the network failed.
fn stage_key(stage: Stage) -> &'static str {
    match stage {
        Stage::Resolving => "visit-stage-resolving",
        Stage::Connecting => "visit-stage-connecting",
        Stage::Writing => "visit-stage-writing",
        Stage::Reading => "visit-stage-reading",
    }
}

impl VisitState {
    /// Whether a visit is under way.
    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }

    /// The visits made, oldest first.
    pub fn visits(&self) -> &[Arc<Visit>] {
        &self.visits
    }

    /// The visit with this number, if it is still listed.
    pub fn visit(&self, number: usize) -> Option<Arc<Visit>> {
        self.visits.iter().find(|v| v.number == number).cloned()
    }

    /// Starts visiting the address typed, trusting the CA file typed (or the
    /// system's store), on a thread of its own; the window repaints when it is over.
    /// A malformed address fails at once; one visit at a time.
    pub fn start(&mut self, ctx: &egui::Context) {
        if self.running.is_some() {
            return;
        }
        if self.address.trim().is_empty() {
            self.failure = Some(Failure::new("visit-error-no-address", Vec::new()));
            return;
        }
        let address = match with_scheme(&self.address) {
            Ok(address) => address,
            Err(failure) => {
                self.failure = Some(failure);
                return;
            }
        };
        let target = match Target::parse(&address) {
            Ok(target) => target,
            Err(e) => {
                self.failure = Some(Failure::of(&e));
                return;
            }
        };
        self.failure = None;
        let ca_file = self.ca_file.trim();
        let ca_file = (!ca_file.is_empty()).then(|| PathBuf::from(ca_file));
        let timeout = self.timeout;
        let url = target.url.clone();
        let (report, answer) = mpsc::channel();
        let repaint = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("visit".into())
            .spawn(move || {
                // Reading the store (hundreds of files) is part of the visit: off the
                // window's thread too.
                let anchors = match ca_file {
                    Some(path) => Anchors::from_pem_file(&path),
                    None => Ok(Anchors::system()),
                };
                let result = anchors.and_then(|anchors| {
                    handshake_lab_live::connect(ConnectRequest {
                        target,
                        anchors,
                        timeout,
                    })
                });
                let _ = report.send(result);
                repaint.request_repaint();
            });
        match spawned {
            Ok(_) => self.running = Some(Running { url, answer }),
            Err(e) => {
                self.failure = Some(Failure::new(
                    "visit-error-thread",
                    vec![("reason", Argument::Raw(e.to_string()))],
                ));
            }
        }
    }

    /// Takes the answer of the visit under way once there is one: the number of the
    /// visit it recorded (to open), if it recorded anything.
    pub fn poll(&mut self) -> Option<usize> {
        let running = self.running.as_ref()?;
        let result = match running.answer.try_recv() {
            Ok(result) => result,
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => {
                self.running = None;
                self.failure = Some(Failure::new("visit-error-stopped", Vec::new()));
                return None;
            }
        };
        let url = running.url.clone();
        self.running = None;
        let recorded = match result {
            Ok(outcome) => outcome,
            Err(error) => {
                self.failure = Some(Failure::of(&error));
                // The network failed mid-session: what was recorded is still worth
                // stepping through (how far the handshake got).
                error.recorded()?.clone()
            }
        };
        let number = self.next_number;
        self.next_number += 1;
        self.visits.push(Arc::new(Visit {
            number,
            url,
            peer: recorded.peer,
            timeline: recorded.timeline,
        }));
        if self.visits.len() > VISITS_KEPT {
            self.visits.remove(0);
        }
        Some(number)
    }

    /// The section: address, CA file, Visit, progress or the failure, the visits,
    /// and the open visit's offer next to the server's choice.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        s: &Strings,
        session: &Session,
        commands: &mut Vec<Command>,
    ) {
        ui.heading(s.tr("visit-heading"));
        ui.add(egui::Label::new(s.tr("visit-intro")).wrap());
        ui.add_space(4.0);
        let running = self.running.is_some();
        let label = ui.label(s.tr("visit-address"));
        let field = ui
            .add_enabled(
                !running,
                egui::TextEdit::singleline(&mut self.address)
                    .hint_text(s.tr("visit-address-hint"))
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let label = ui.label(s.tr("visit-ca-file"));
        ui.add_enabled(
            !running,
            egui::TextEdit::singleline(&mut self.ca_file)
                .hint_text(s.tr("visit-ca-file-hint"))
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
        let clicked = ui
            .add_enabled(!running, egui::Button::new(s.tr("visit-button")))
            .clicked();
        if (clicked || entered) && !running {
            commands.push(Command::Live(LiveCommand::Visit));
        }
        if let Some(running) = &self.running {
            ui.horizontal_wrapped(|ui| {
                ui.spinner();
                ui.label(s.tr_args("visit-running", &[("address", running.url.clone())]));
            });
        }
        if let Some(failure) = &self.failure {
            ui.add(
                egui::Label::new(RichText::new(failure.line(s)).color(ui.visuals().error_fg_color))
                    .wrap(),
            );
        }
        if self.shown.is_some()
            && let Some(negotiation) = &session.negotiation
        {
            ui.add_space(6.0);
            negotiation_ui(ui, s, &session.inputs.server_name, negotiation);
        }
        if self.visits.is_empty() {
            return;
        }
        ui.add_space(6.0);
        ui.strong(s.tr_args("visit-recent", &[("n", self.visits.len().to_string())]));
        for visit in self.visits.iter().rev() {
            let label = s.tr_args(
                "visit-entry",
                &[
                    ("number", format!("{:04}", visit.number)),
                    ("time", clock_time(visit.timeline.start_unix)),
                    ("address", visit.url.clone()),
                    ("peer", visit.peer.to_string()),
                    ("outcome", outcome_words(&visit.timeline)),
                ],
            );
            let shown = self.shown == Some(visit.number);
            if ui.selectable_label(shown, label).clicked() && !shown {
                commands.push(Command::Live(LiveCommand::OpenVisit(visit.number)));
            }
        }
    }
}

/// What the server chose, as the panel shows it.
enum Choice {
    /// A registry name (`TLS_AES_128_GCM_SHA256`), in the wire's typeface.
    Code(String),
    /// A sentence.
    Words(String),
}

/// What the lab's browser offered next to what the server chose, one parameter
/// after the other (a side panel is too narrow for three columns of lists).
fn negotiation_ui(ui: &mut egui::Ui, s: &Strings, host: &str, negotiation: &Negotiation) {
    ui.strong(s.tr_args("visit-negotiation-heading", &[("host", host.to_string())]));
    let offered = &negotiation.offered;
    let Some(chosen) = &negotiation.chosen else {
        ui.weak(s.tr("visit-nothing-chosen"));
        return;
    };
    let code_or_none = |code: &Option<String>| match code {
        Some(code) => Choice::Code(code.clone()),
        None => Choice::Words(s.tr("visit-chosen-none")),
    };
    let retry = match &chosen.hello_retry_group {
        Some(group) => s.tr_args("visit-retry-yes", &[("group", group.clone())]),
        None => s.tr("visit-retry-no"),
    };
    let rows = [
        (
            "visit-suites",
            &offered.cipher_suites,
            Choice::Code(chosen.cipher_suite.clone()),
        ),
        (
            "visit-groups",
            &offered.groups,
            code_or_none(&chosen.key_share_group),
        ),
        (
            "visit-shares",
            &offered.key_share_groups,
            Choice::Words(retry),
        ),
        (
            "visit-schemes",
            &offered.signature_schemes,
            code_or_none(&chosen.signature_scheme),
        ),
    ];
    for (key, offer, choice) in rows {
        ui.add_space(4.0);
        ui.label(RichText::new(s.tr(key)).strong());
        ui.indent(key, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.weak(s.tr("visit-offered"));
                let offer = if offer.is_empty() {
                    "-".to_string()
                } else {
                    offer.join(", ")
                };
                ui.add(egui::Label::new(RichText::new(offer).monospace()).wrap());
            });
            ui.horizontal_wrapped(|ui| {
                ui.weak(s.tr("visit-chosen"));
                let choice = match choice {
                    Choice::Code(code) => RichText::new(code).monospace().strong(),
                    Choice::Words(words) => RichText::new(words).strong(),
                };
                ui.add(egui::Label::new(choice).wrap());
            });
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failure_line_follows_the_language() {
        let failure = Failure::new(
            "visit-error-timeout",
            vec![
                ("address", Argument::Raw("127.0.0.1:9".into())),
                ("seconds", Argument::Raw("1.0".into())),
                ("stage", Argument::Words(stage_key(Stage::Reading))),
            ],
        );
        let english = failure.line(&Strings::english());
        let german = failure.line(&Strings::for_language("de"));
        assert!(english.contains("127.0.0.1:9"), "{english}");
        assert!(english.contains(&Strings::english().tr("visit-stage-reading")));
        assert_ne!(english, german);
        assert!(!german.contains('['), "{german}");
    }

    #[test]
    fn an_address_without_a_scheme_is_https_and_another_scheme_is_refused() {
        assert_eq!(
            with_scheme(" localhost:8443/login "),
            Ok("https://localhost:8443/login".to_string())
        );
        assert_eq!(
            with_scheme("HTTPS://127.0.0.1/"),
            Ok("HTTPS://127.0.0.1/".to_string())
        );
        let refused = with_scheme("ftp://127.0.0.1/").map_err(|f| f.line(&Strings::english()));
        assert!(
            refused
                .as_ref()
                .is_err_and(|line| line.starts_with("ftp://127.0.0.1/ ")),
            "{refused:?}"
        );
    }

    #[test]
    fn a_malformed_address_fails_at_once_without_a_thread() {
        let mut state = VisitState {
            address: "http://127.0.0.1/".into(),
            ..VisitState::default()
        };
        state.start(&egui::Context::default());
        assert!(!state.is_running());
        let line = state.failure.as_ref().map(|f| f.line(&Strings::english()));
        assert!(
            line.as_deref()
                .is_some_and(|l| l.contains("http://127.0.0.1/")),
            "{line:?}"
        );
    }
}

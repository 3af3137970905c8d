//! The command-line commands, behind `main.rs`'s argument parsing.
//!
//! Each returns what to print, or a [`CommandError`] whose kind decides the exit code
//! (1 for bad input, 2 for an internal failure).

use std::path::Path;

use crate::export;
use crate::lesson;
use crate::sim::{Scenario, ScenarioName, SimError, Tamper, simulate};
use handshake_lab_core::live::negotiation;

/// Why a command failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CommandError {
    /// The user's input was wrong (exit code 1).
    #[error("{0}")]
    Invalid(String),
    /// Something else failed (exit code 2).
    #[error("{0}")]
    Internal(String),
}

impl CommandError {
    /// The process exit code for this error.
    pub fn exit_code(&self) -> i32 {
        match self {
            CommandError::Invalid(_) => 1,
            CommandError::Internal(_) => 2,
        }
    }
}

impl From<SimError> for CommandError {
    fn from(e: SimError) -> Self {
        match e {
            SimError::Internal(_) => CommandError::Internal(e.to_string()),
            other => CommandError::Invalid(other.to_string()),
        }
    }
}

/// `scenarios`: one line per scenario, name then description.
pub fn scenarios() -> String {
    ScenarioName::ALL
        .iter()
        .map(|s| format!("{:<16}{}\n", s.name(), s.description()))
        .collect()
}

/// `trace`: the session as text, or as one JSON object.
pub fn trace(scenario: &Scenario, json: bool) -> Result<String, CommandError> {
    let timeline = simulate(scenario)?;
    if json {
        let value = export::trace::json(&timeline);
        serde_json::to_string_pretty(&value)
            .map(|mut s| {
                s.push('\n');
                s
            })
            .map_err(|e| CommandError::Internal(format!("encoding JSON: {e}")))
    } else {
        Ok(export::trace::text(&timeline))
    }
}

/// `pcap`: writes the session's capture (and optionally an NSS key log file).
pub fn pcap(
    scenario: &Scenario,
    out: &Path,
    keylog: Option<&Path>,
) -> Result<String, CommandError> {
    let timeline = simulate(scenario)?;
    let capture = export::capture::capture(&timeline);
    let bytes = export::pcap::pcapng_bytes(&capture);
    export::write_atomically(out, &bytes).map_err(CommandError::Invalid)?;
    let mut said = format!(
        "wrote {} ({} bytes, {} records, key log embedded: {})\n",
        out.display(),
        bytes.len(),
        capture.segments.len(),
        if capture.keylog.is_empty() {
            "no, plain HTTP"
        } else {
            "yes"
        }
    );
    if let Some(path) = keylog {
        export::write_atomically(path, capture.keylog.as_bytes()).map_err(CommandError::Invalid)?;
        said.push_str(&format!("wrote {} (NSS key log)\n", path.display()));
    }
    Ok(said)
}

/// `certs`: writes ca.pem, server.pem and server.key.pem.
pub fn certs(scenario: &Scenario, dir: &Path) -> Result<String, CommandError> {
    let timeline = simulate(scenario)?;
    let written = export::certs::write_pem_files(&timeline, dir).map_err(CommandError::Invalid)?;
    Ok(written
        .iter()
        .map(|p| format!("wrote {}\n", p.display()))
        .collect())
}

/// What `lessons` prints: the list of valid lessons on standard output, and one
/// problem line per invalid lesson (exit code 1 when there is any).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LessonList {
    /// One line per valid lesson: id, title, step count.
    pub listing: String,
    /// One line per invalid lesson: `FILE:LINE: problem`.
    pub problems: Vec<String>,
    /// One line per lesson shown in English for want of a translation into the
    /// language asked for (a warning, not an error).
    pub warnings: Vec<String>,
}

/// `lessons`: validates the built-in lessons and the teacher's folder, in `lang`.
pub fn lessons(teacher: Option<&Path>, lang: &str) -> Result<LessonList, CommandError> {
    if !lesson::parse::is_lang_code(lang) {
        return Err(CommandError::Invalid(format!(
            "--lang {lang:?} is not a language code such as en or fr"
        )));
    }
    let catalog = lesson::load_catalog(teacher, lang);
    let width = catalog
        .entries
        .iter()
        .map(|e| e.id.len())
        .max()
        .unwrap_or(0);
    let mut listing = String::new();
    for entry in &catalog.entries {
        if let (Some(title), Some(steps)) = (entry.title(), entry.step_count()) {
            let noun = if steps == 1 { "step" } else { "steps" };
            listing.push_str(&format!(
                "{:<width$}  {title}  ({steps} {noun})\n",
                entry.id
            ));
        }
    }
    let warnings = catalog
        .entries
        .iter()
        .filter(|e| lang != "en" && e.lang != lang && e.error().is_none())
        .map(|e| {
            format!(
                "warning: lesson {} has no {lang:?} version; it is shown in English ({})",
                e.id, e.file
            )
        })
        .collect();
    Ok(LessonList {
        listing,
        problems: catalog.problems().map(ToString::to_string).collect(),
        warnings,
    })
}

/// Parses `REC:OFF[:MASK]` (MASK decimal or 0x-hex, default 0x01).
pub fn parse_tamper(text: &str) -> Result<Tamper, String> {
    let usage = || format!("{text:?} is not REC:OFF[:MASK] (for example 3:20 or 3:20:0x80)");
    let mut parts = text.split(':');
    let record = parts
        .next()
        .and_then(|p| p.parse().ok())
        .ok_or_else(usage)?;
    let offset = parts
        .next()
        .and_then(|p| p.parse().ok())
        .ok_or_else(usage)?;
    let mask = match parts.next() {
        None => 1,
        Some(m) => {
            let parsed = match m.strip_prefix("0x").or_else(|| m.strip_prefix("0X")) {
                Some(hex) => u8::from_str_radix(hex, 16).ok(),
                None => m.parse().ok(),
            };
            parsed.ok_or_else(|| format!("mask {m:?} is not a byte (0x01 to 0xff)"))?
        }
    };
    if parts.next().is_some() {
        return Err(usage());
    }
    if mask == 0 {
        return Err("mask 0 changes nothing; use 0x01 to 0xff".into());
    }
    Ok(Tamper {
        record,
        offset,
        mask,
    })
}

/// `slides`: one PNG per step of a lesson, rendered headless (no display, no GPU);
/// prints the files written, one per line.
pub fn slides(request: &crate::app::slides::SlidesRequest) -> Result<String, CommandError> {
    use crate::app::slides::{SlidesError, export_lesson_slides};
    let cancel = std::sync::atomic::AtomicBool::new(false);
    match export_lesson_slides(request, &mut |_, _| {}, &cancel) {
        Ok(files) => Ok(files.iter().map(|f| format!("{}\n", f.display())).collect()),
        Err(SlidesError::Invalid(m)) => Err(CommandError::Invalid(m)),
        Err(e) => Err(CommandError::Internal(e.to_string())),
    }
}

/// The window (no subcommand). An unknown lesson or a step out of range is bad input,
/// found before any window opens.
pub fn window(options: crate::app::Options) -> Result<String, CommandError> {
    let app = crate::app::LabApp::launch(options).map_err(CommandError::Invalid)?;
    crate::app::run_app(app)
        .map(|()| String::new())
        .map_err(CommandError::Internal)
}

/// The theme named on the command line (`light` or `dark`; clap checks the word).
pub fn theme(name: &str) -> crate::app::Theme {
    if name == "dark" {
        crate::app::Theme::Dark
    } else {
        crate::app::Theme::Light
    }
}

/// `serve`: the lab's bank for real clients, until stopped (or, with `once`, until
/// the first connection that carried a request has ended). Prints the `listening on`
/// line and how to trust the lab's root first, then one line per connection, to `out`.
pub fn serve(
    listen: std::net::SocketAddr,
    server_name: &str,
    record: Option<std::path::PathBuf>,
    once: bool,
    key: handshake_lab_live::KeyKind,
    out: &mut impl std::io::Write,
) -> Result<String, CommandError> {
    use handshake_lab_live::{Limits, ServeConfig, ServeEvent, Server};
    crate::sim::scenario::validate_server_name(server_name)
        .map_err(|e| CommandError::Invalid(format!("--server-name: {e}")))?;
    let record_dir = record.unwrap_or_else(handshake_lab_live::default_record_dir);
    let config = ServeConfig {
        listen,
        server_name: server_name.to_string(),
        record_dir,
        once,
        key,
        limits: Limits::default(),
    };
    let server = Server::bind(config).map_err(|e| match e {
        handshake_lab_live::LiveError::Bind { .. }
        | handshake_lab_live::LiveError::RecordDir { .. } => CommandError::Invalid(e.to_string()),
        other => CommandError::Internal(other.to_string()),
    })?;
    let addr = server.local_addr();
    let ca = server.ca_path().display().to_string();
    let url = server.url();
    let say = |out: &mut dyn std::io::Write, line: String| {
        let _ = writeln!(out, "{line}");
        let _ = out.flush();
    };
    if !addr.ip().is_loopback() {
        eprintln!(
            "handshake-lab: warning: listening on {addr}, not on loopback: whoever runs the lab sees every password typed into its bank"
        );
    }
    say(out, format!("listening on {url} ({addr}), CA: {ca}"));
    say(out, format!("  curl:     curl --cacert {ca} {url}"));
    say(
        out,
        format!(
            "  browsers: import {ca} as a certificate authority (or accept the warning), then open {url}"
        ),
    );
    let stop = std::sync::atomic::AtomicBool::new(false);
    let served = server
        .run(&stop, |event| match event {
            ServeEvent::Finished(recording) => {
                let files = match &recording.files {
                    Ok((json, _)) => json.display().to_string(),
                    Err(e) => format!("not written: {e}"),
                };
                let why = match &recording.timeline.outcome {
                    crate::sim::Outcome::Aborted { reason, .. } => format!(" ({reason})"),
                    crate::sim::Outcome::Completed => String::new(),
                };
                say(
                    out,
                    format!(
                        "connection {:04} from {}: {} request(s), {}{why}; {files}",
                        recording.number,
                        recording.peer,
                        recording.requests,
                        recording.timeline.outcome.line()
                    ),
                );
            }
            // The log says each connection once, when it ends.
            ServeEvent::Updated(_) => {}
            ServeEvent::Refused(peer) => {
                say(out, format!("refused {peer}: too many connections at once"));
            }
        })
        .map_err(|e| CommandError::Internal(e.to_string()))?;
    Ok(format!(
        "served {} connection(s), refused {}\n",
        served.connections, served.refused
    ))
}

/// The longest `--timeout` taken: an hour (a visit is seconds; more is a typo).
const MAX_TIMEOUT_SECONDS: f64 = 3600.0;

/// Parses `--timeout SECONDS`: a number of seconds (fractions allowed), more than
/// zero and at most an hour.
pub fn parse_timeout(text: &str) -> Result<std::time::Duration, String> {
    let seconds: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("{text:?} is not a number of seconds (for example 10 or 2.5)"))?;
    if !seconds.is_finite() || seconds <= 0.0 || seconds > MAX_TIMEOUT_SECONDS {
        return Err(format!(
            "{text:?}: a timeout is more than 0 and at most {MAX_TIMEOUT_SECONDS} seconds"
        ));
    }
    Ok(std::time::Duration::from_secs_f64(seconds))
}

/// What `connect` is asked to do, as the command line gives it.
#[derive(Clone, Copy, Debug)]
pub struct ConnectArgs<'a> {
    /// The URL typed.
    pub url: &'a str,
    /// `--cacert`: trust these certificates instead of the system's store.
    pub cacert: Option<&'a Path>,
    /// `--json`.
    pub json: bool,
    /// `--pcap`: where to write the capture.
    pub pcap: Option<&'a Path>,
    /// `--timeout`.
    pub timeout: std::time::Duration,
}

/// `connect`: visits a real HTTPS server and returns the session like `trace` (text
/// ending with the `outcome:` line, or JSON). When the network fails, what was
/// recorded until then is written to `out` first and the error (exit 2) says what
/// failed, and where.
pub fn connect(args: &ConnectArgs, out: &mut impl std::io::Write) -> Result<String, CommandError> {
    use handshake_lab_live::{Anchors, ConnectError, ConnectRequest, Target};
    let target = Target::parse(args.url).map_err(|e| CommandError::Invalid(e.to_string()))?;
    if let Some(pcap) = args.pcap {
        check_output_file("--pcap", pcap)?;
    }
    let anchors = match args.cacert {
        Some(file) => {
            Anchors::from_pem_file(file).map_err(|e| CommandError::Invalid(e.to_string()))?
        }
        None => {
            let anchors = Anchors::system();
            if anchors.certs.is_empty() {
                eprintln!(
                    "handshake-lab: warning: the system's store has no certificates ({}): every chain will end in unknown_ca",
                    anchors.warnings.join("; ")
                );
            }
            anchors
        }
    };
    let request = ConnectRequest {
        target,
        anchors,
        timeout: args.timeout,
    };
    match handshake_lab_live::connect(request) {
        Ok(visit) => {
            let wrote = match args.pcap {
                Some(file) => Some(write_visit_pcap(&visit.timeline, file)?),
                None => None,
            };
            render_visit(&visit, args.json, wrote.as_deref())
        }
        Err(error) => {
            if let Some(recorded) = error.recorded() {
                // Best effort: the error line is what matters now.
                let wrote = args
                    .pcap
                    .and_then(|file| write_visit_pcap(&recorded.timeline, file).ok());
                if let Ok(text) = render_visit(recorded, args.json, wrote.as_deref()) {
                    let _ = out.write_all(text.as_bytes());
                    let _ = out.flush();
                }
            }
            Err(match error {
                ConnectError::Url { .. } | ConnectError::Anchors { .. } => {
                    CommandError::Invalid(error.to_string())
                }
                other => CommandError::Internal(other.to_string()),
            })
        }
    }
}

/// A file the command will write: its folder must exist, and it must not be a folder.
fn check_output_file(flag: &str, file: &Path) -> Result<(), CommandError> {
    let folder = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !folder.is_dir() {
        return Err(CommandError::Invalid(format!(
            "{flag} {}: the folder {} does not exist",
            file.display(),
            folder.display()
        )));
    }
    if file.is_dir() {
        return Err(CommandError::Invalid(format!(
            "{flag} {}: is a folder, not a file",
            file.display()
        )));
    }
    Ok(())
}

/// Writes the visit's capture, its key log embedded; says what it wrote.
fn write_visit_pcap(timeline: &crate::sim::Timeline, file: &Path) -> Result<String, CommandError> {
    let bytes = export::pcap::pcapng_bytes(&export::capture::capture(timeline));
    export::write_atomically(file, &bytes)
        .map_err(|e| CommandError::Invalid(format!("--pcap {}: {e}", file.display())))?;
    Ok(format!("wrote {} ({} bytes)", file.display(), bytes.len()))
}

/// The visit as `trace` prints a session, after a few lines on where it went, what
/// it trusted and how long it took (JSON: under `connect`).
/// What the lab's browser offered next to what the server chose, one line each.
fn offered_and_chosen(negotiation: &handshake_lab_core::live::Negotiation) -> String {
    let offered = &negotiation.offered;
    let mut text = format!(
        "offered: suites {}; groups {} (key shares: {}); signatures {}\n",
        offered.cipher_suites.join(", "),
        offered.groups.join(", "),
        offered.key_share_groups.join(", "),
        offered.signature_schemes.join(", ")
    );
    match &negotiation.chosen {
        Some(chosen) => {
            let group = match (&chosen.key_share_group, &chosen.hello_retry_group) {
                (Some(group), Some(_)) => format!("{group} (asked for in a HelloRetryRequest)"),
                (Some(group), None) => group.clone(),
                (None, _) => "none".into(),
            };
            text.push_str(&format!(
                "chosen:  suite {}; group {group}; signature {}; ALPN {}\n",
                chosen.cipher_suite,
                chosen.signature_scheme.as_deref().unwrap_or("none seen"),
                chosen.alpn.as_deref().unwrap_or("none")
            ));
        }
        None => text.push_str("chosen:  nothing: the server sent no ServerHello\n"),
    }
    text
}

fn render_visit(
    visit: &handshake_lab_live::ConnectOutcome,
    json: bool,
    pcap: Option<&str>,
) -> Result<String, CommandError> {
    let millis = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
    let timings = &visit.timings;
    if json {
        let mut value = export::trace::json(&visit.timeline);
        if let Some(object) = value.as_object_mut() {
            object.insert(
                "connect".into(),
                serde_json::json!({
                    "url": visit.target.url,
                    "address": visit.peer.to_string(),
                    "trust": {
                        "source": visit.anchors.source.to_string(),
                        "certificates": visit.anchors.certs.len(),
                    },
                    "timings_ms": {
                        "resolve": millis(timings.resolve),
                        "connect": millis(timings.connect),
                        "session": millis(timings.session),
                    },
                    "pcap": pcap,
                }),
            );
            if let Some(negotiation) = negotiation(&visit.timeline) {
                object.insert(
                    "negotiation".into(),
                    serde_json::json!({
                        "offered": negotiation.offered,
                        "chosen": negotiation.chosen,
                    }),
                );
            }
        }
        let mut text = serde_json::to_string_pretty(&value)
            .map_err(|e| CommandError::Internal(format!("encoding JSON: {e}")))?;
        text.push('\n');
        return Ok(text);
    }
    let mut text = format!(
        "connect: {} -> {} (resolve {:.1} ms, connect {:.1} ms, session {:.1} ms)\n",
        visit.target.url,
        visit.peer,
        millis(timings.resolve),
        millis(timings.connect),
        millis(timings.session)
    );
    text.push_str(&format!(
        "trust: {} certificate(s) from {}\n",
        visit.anchors.certs.len(),
        visit.anchors.source
    ));
    if let Some(pcap) = pcap {
        text.push_str(&format!("pcap: {pcap}\n"));
    }
    if let Some(negotiation) = negotiation(&visit.timeline) {
        text.push_str(&offered_and_chosen(&negotiation));
    }
    text.push_str(&export::trace::text(&visit.timeline));
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tamper_specs_parse() {
        assert_eq!(
            parse_tamper("3:20"),
            Ok(Tamper {
                record: 3,
                offset: 20,
                mask: 1
            })
        );
        assert_eq!(
            parse_tamper("0:5:0x80"),
            Ok(Tamper {
                record: 0,
                offset: 5,
                mask: 0x80
            })
        );
        assert_eq!(
            parse_tamper("1:2:255"),
            Ok(Tamper {
                record: 1,
                offset: 2,
                mask: 255
            })
        );
        for bad in [
            "",
            "3",
            "a:1",
            "1:b",
            "1:2:0x100",
            "1:2:0",
            "1:2:3:4",
            "-1:2",
        ] {
            assert!(parse_tamper(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn timeouts_parse_as_seconds_within_an_hour() {
        assert_eq!(parse_timeout("2"), Ok(std::time::Duration::from_secs(2)));
        assert_eq!(
            parse_timeout("0.5"),
            Ok(std::time::Duration::from_millis(500))
        );
        for bad in ["", "0", "-1", "abc", "NaN", "inf", "3601", "1e9"] {
            assert!(parse_timeout(bad).is_err(), "{bad:?} accepted");
        }
    }
}

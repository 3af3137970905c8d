//! `handshake-lab`: argument parsing and dispatch; the work is in the library.
#![forbid(unsafe_code)]

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use handshake_lab::app::slides::{SlideSize, SlidesRequest};
use handshake_lab::commands::{self, parse_tamper};
use handshake_lab::sim::scenario::{DEFAULT_PASSWORD, DEFAULT_SEED, DEFAULT_SERVER_NAME};
use handshake_lab::sim::{Scenario, ScenarioName, Tamper};

/// Handshake Lab: watch a browser log in to a bank over HTTP and over HTTPS.
#[derive(Parser, Debug)]
#[command(name = "handshake-lab", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Open this lesson (GUI).
    #[arg(long)]
    lesson: Option<String>,
    /// Open at this step of the lesson (GUI).
    #[arg(long)]
    step: Option<usize>,
    /// Seed of the session shown (GUI).
    #[arg(long)]
    seed: Option<u64>,
    /// Also load the lessons in this folder (GUI).
    #[arg(long)]
    lessons: Option<PathBuf>,
    /// The language of the window and the lessons: en or de (GUI; saved as the setting).
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// List the scenarios, one per line, with a short description.
    Scenarios,
    /// Print a session step by step (text, or one JSON object with --json).
    Trace {
        #[command(flatten)]
        session: SessionArgs,
        /// Flip bits of one byte on the wire: REC:OFF[:MASK] (counted from 0, header included).
        #[arg(long, value_name = "REC:OFF[:MASK]", value_parser = parse_tamper)]
        tamper: Option<Tamper>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Write the session as a pcapng capture that Wireshark opens decrypted.
    Pcap {
        #[command(flatten)]
        session: SessionArgs,
        /// The capture file to write.
        #[arg(long, value_name = "FILE.pcapng")]
        out: PathBuf,
        /// Also write the session keys as an NSS key log file.
        #[arg(long, value_name = "FILE")]
        keylog: Option<PathBuf>,
    },
    /// Write the session's certificates and server key as PEM files.
    Certs {
        #[command(flatten)]
        session: SessionArgs,
        /// The folder to write ca.pem, server.pem and server.key.pem into.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Validate and list the lessons, one per line: id, title, step count.
    Lessons {
        /// Also load the lessons in this folder (same id: these win).
        #[arg(long, value_name = "DIR")]
        lessons: Option<PathBuf>,
        /// The language of the lessons (English where a lesson has no translation).
        #[arg(long, default_value = "en")]
        lang: String,
    },
    /// Export a lesson as PNG slides, one per step (no display or GPU needed).
    Slides {
        /// The lesson's id (see `handshake-lab lessons`).
        #[arg(long)]
        lesson: String,
        /// The folder to write <lesson>-step-NN.png into (created when missing).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Pixels per slide.
        #[arg(long, value_name = "WxH", default_value = "1920x1080", value_parser = SlideSize::parse)]
        size: SlideSize,
        /// Light or dark.
        #[arg(long, default_value = "light", value_parser = ["light", "dark"])]
        theme: String,
        /// Another seed than the lesson's.
        #[arg(long)]
        seed: Option<u64>,
        /// Also load the lessons in this folder (same id: these win).
        #[arg(long, value_name = "DIR")]
        lessons: Option<PathBuf>,
        /// The language of the slides' words and lesson: en or de.
        #[arg(long, default_value = "en", value_parser = ["en", "de"])]
        lang: String,
    },
    /// Let real browsers and TLS clients log in to the lab's bank over HTTPS; every
    /// connection is recorded as NNNN.json and NNNN.pcapng.
    Serve {
        /// Where to listen. Port 0 picks a free one. Anything but loopback makes the
        /// logins of other machines visible to whoever runs the lab.
        #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:8443")]
        listen: std::net::SocketAddr,
        /// The bank's name: its certificate is issued for it (and for localhost).
        #[arg(long, default_value = DEFAULT_SERVER_NAME)]
        server_name: String,
        /// The folder for ca.pem and the recordings (default: the user's data folder).
        #[arg(long, value_name = "DIR")]
        record: Option<PathBuf>,
        /// Stop after the first connection that carried a request.
        #[arg(long)]
        once: bool,
    },
}

#[derive(Args, Debug)]
struct SessionArgs {
    /// Which scenario to run.
    #[arg(long, default_value = "https", value_parser = clap::builder::PossibleValuesParser::new(ScenarioName::ALL.iter().map(|s| s.name())))]
    scenario: String,
    /// Seed of the random generator: same seed, same bytes.
    #[arg(long, default_value_t = DEFAULT_SEED)]
    seed: u64,
    /// The password typed into the login form.
    #[arg(long, default_value = DEFAULT_PASSWORD)]
    password: String,
    /// The site the browser visits.
    #[arg(long, default_value = DEFAULT_SERVER_NAME)]
    server_name: String,
}

impl SessionArgs {
    fn scenario(&self, tamper: Option<Tamper>) -> Scenario {
        Scenario {
            name: ScenarioName::from_name(&self.scenario).unwrap_or(ScenarioName::Https),
            seed: self.seed,
            password: self.password.clone(),
            server_name: self.server_name.clone(),
            tamper,
            ..Scenario::default()
        }
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help and --version
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            let message = e.to_string();
            let first = message.lines().next().unwrap_or("invalid arguments");
            eprintln!("handshake-lab: {}", first.trim_start_matches("error: "));
            return ExitCode::from(1);
        }
    };
    let result = match &cli.command {
        None => {
            let options = handshake_lab::app::Options {
                seed: cli.seed,
                lesson: cli.lesson.clone(),
                step: cli.step,
                lessons: cli.lessons.clone(),
                lang: cli.lang.clone(),
            };
            commands::window(options)
        }
        Some(Command::Scenarios) => Ok(commands::scenarios()),
        Some(Command::Trace {
            session,
            tamper,
            json,
        }) => commands::trace(&session.scenario(*tamper), *json),
        Some(Command::Pcap {
            session,
            out,
            keylog,
        }) => commands::pcap(&session.scenario(None), out, keylog.as_deref()),
        Some(Command::Certs { session, out }) => commands::certs(&session.scenario(None), out),
        Some(Command::Lessons { lessons, lang }) => {
            let folder = lessons.as_deref().or(cli.lessons.as_deref());
            let result = commands::lessons(folder, lang);
            if let Ok(list) = &result {
                for warning in &list.warnings {
                    eprintln!("handshake-lab: {warning}");
                }
            }
            match result {
                Ok(list) if list.problems.is_empty() => Ok(list.listing),
                Ok(list) => {
                    print!("{}", list.listing);
                    for problem in &list.problems {
                        eprintln!("handshake-lab: {problem}");
                    }
                    return ExitCode::from(1);
                }
                Err(e) => Err(e),
            }
        }
        Some(Command::Serve {
            listen,
            server_name,
            record,
            once,
        }) => commands::serve(
            *listen,
            server_name,
            record.clone(),
            *once,
            &mut std::io::stdout(),
        ),
        Some(Command::Slides {
            lesson,
            out,
            size,
            theme,
            seed,
            lessons,
            lang,
        }) => commands::slides(&SlidesRequest {
            lesson: lesson.clone(),
            size: *size,
            theme: commands::theme(theme),
            seed: *seed,
            lessons: lessons.clone().or_else(|| cli.lessons.clone()),
            out: out.clone(),
            lang: lang.clone(),
        }),
    };
    match result {
        Ok(text) => {
            // A closed pipe (`handshake-lab trace | head`) is not an error.
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush())
            {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    eprintln!("handshake-lab: cannot write to standard output: {e}");
                    ExitCode::from(2)
                }
                _ => ExitCode::SUCCESS,
            }
        }
        Err(error) => {
            eprintln!("handshake-lab: {error}");
            ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2))
        }
    }
}

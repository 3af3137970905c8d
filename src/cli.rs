//! The command line's definition: every subcommand, flag and default, as clap
//! derives them. `main.rs` parses with it and dispatches; the definition lives in the
//! library so tools can read it (a man page, shell completions).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::app::slides::SlideSize;
use crate::commands::{parse_tamper, parse_timeout};
use crate::sim::scenario::{DEFAULT_PASSWORD, DEFAULT_SEED, DEFAULT_SERVER_NAME};
use crate::sim::{Scenario, ScenarioName, Tamper};

/// Handshake Lab: watch a browser log in to a bank over HTTP and over HTTPS.
#[derive(Parser, Debug)]
#[command(name = "handshake-lab", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Open this lesson (GUI).
    #[arg(long)]
    pub lesson: Option<String>,
    /// Open at this step of the lesson (GUI).
    #[arg(long)]
    pub step: Option<usize>,
    /// Seed of the session shown (GUI).
    #[arg(long)]
    pub seed: Option<u64>,
    /// Also load the lessons in this folder (GUI).
    #[arg(long)]
    pub lessons: Option<PathBuf>,
    /// The language of the window and the lessons: en or de (GUI; saved as the setting).
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
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
        /// The server certificate's key: ECDSA P-256, or RSA-2048 signing with RSA-PSS.
        #[arg(long, value_enum, default_value_t = KeyArg::Ecdsa)]
        key: KeyArg,
    },
    /// Visit a real HTTPS server as the lab's browser (GET, read the answer, close) and
    /// print the session like `trace`.
    Connect {
        /// https://host[:port][/path?query] (IPv6 as https://[::1]:4433/).
        url: String,
        /// Trust the certificates in this PEM file instead of the system's store.
        #[arg(long, value_name = "FILE")]
        cacert: Option<PathBuf>,
        /// Print JSON (the `trace --json` schema) instead of text.
        #[arg(long)]
        json: bool,
        /// Also write the session as a pcapng capture with its key log embedded.
        #[arg(long, value_name = "FILE")]
        pcap: Option<PathBuf>,
        /// One deadline for the whole visit: resolving, connecting, handshake, page.
        #[arg(long, value_name = "SECONDS", default_value = "10", value_parser = parse_timeout)]
        timeout: std::time::Duration,
    },
}

#[derive(Args, Debug)]
pub struct SessionArgs {
    /// Which scenario to run.
    #[arg(long, default_value = "https", value_parser = clap::builder::PossibleValuesParser::new(ScenarioName::ALL.iter().map(|s| s.name())))]
    pub scenario: String,
    /// Seed of the random generator: same seed, same bytes.
    #[arg(long, default_value_t = DEFAULT_SEED)]
    pub seed: u64,
    /// The password typed into the login form.
    #[arg(long, default_value = DEFAULT_PASSWORD)]
    pub password: String,
    /// The site the browser visits.
    #[arg(long, default_value = DEFAULT_SERVER_NAME)]
    pub server_name: String,
}

impl SessionArgs {
    pub fn scenario(&self, tamper: Option<Tamper>) -> Scenario {
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

/// `serve --key`: the kind of key the lab's server certificate carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum KeyArg {
    /// ECDSA P-256, signing with ecdsa_secp256r1_sha256.
    Ecdsa,
    /// RSA-2048, signing with rsa_pss_rsae_sha256.
    Rsa,
}

impl From<KeyArg> for handshake_lab_live::KeyKind {
    fn from(key: KeyArg) -> Self {
        match key {
            KeyArg::Ecdsa => handshake_lab_live::KeyKind::Ecdsa,
            KeyArg::Rsa => handshake_lab_live::KeyKind::Rsa,
        }
    }
}

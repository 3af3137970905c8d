//! Handshake Lab's live layer: real sockets around the engine's sans-IO endpoints.
//!
//! `serve` listens for real TLS clients (a student's browser, curl, OpenSSL) and runs
//! each connection through [`ServerSession`], the same server endpoint the simulator
//! drives; every finished connection becomes a [`Timeline`] written as `NNNN.json`
//! (the `trace --json` schema) and `NNNN.pcapng` (with its key log), and kept in
//! memory for the window. Only this crate opens sockets, reads the clock or asks the
//! OS for randomness; the core does none of it.
//!
//! `connect` is the other way round: the lab's browser visits a real HTTPS server
//! through [`ClientSession`](handshake_lab_core::live::ClientSession), under one
//! deadline, and the session becomes the same kind of [`Timeline`].
//!
//! Hostile input never takes the server down: each connection has its own thread,
//! deadlines for the handshake and for idleness, and a lifetime cap; the number of
//! connections at once is capped (one more is refused with an alert); record sizes
//! are the RFC's; recordings in memory are capped (on disk they stay).
#![forbid(unsafe_code)]

mod connect;
mod listening;
mod serve;

pub use connect::{
    AnchorSource, Anchors, ConnectError, ConnectOutcome, ConnectRequest, DEFAULT_TIMEOUT, Host,
    MAX_READ, Stage, Target, Timings, client_config, connect,
};
pub use listening::Listening;
pub use serve::{KeyKind, Limits, LiveError, Recording, ServeConfig, ServeEvent, Served, Server};

/// Where recordings go when the user names no folder: the user's data directory
/// (`~/.local/share/handshake-lab/live` on Linux).
pub fn default_record_dir() -> std::path::PathBuf {
    directories::ProjectDirs::from("", "", "handshake-lab")
        .map(|dirs| dirs.data_dir().join("live"))
        .unwrap_or_else(|| std::path::PathBuf::from("handshake-lab-live"))
}

//! The two TLS 1.3 endpoints as sans-IO state machines.
//!
//! An endpoint never touches a channel, a thread or a file: the caller hands it the
//! bytes of one record and gets back [`Event`]s — records to put on the wire, secrets
//! it now knows, checks it ran, application data, alerts. States are named for what
//! they expect next and are consumed by each message, so a wrong transition cannot be
//! written. Every failure is a [`TlsError`] that carries the alert it sends.

pub mod client;
pub mod error;
pub mod key_schedule;
pub mod record_layer;
pub mod server;

pub use client::{Client, ClientConfig};
pub use error::TlsError;
pub use record_layer::{Check, Event, Outgoing, Protection, Side};
pub use server::{Server, ServerConfig};

/// The ALPN protocol both endpoints speak inside TLS.
pub const ALPN_HTTP11: &[u8] = b"http/1.1";

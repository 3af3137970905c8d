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
pub mod tls12;

pub use client::{Client, ClientConfig};
pub use error::TlsError;
pub use record_layer::{Check, Event, Outgoing, Protection, Side};
pub use server::{Server, ServerConfig};
pub use tls12::{Tls12Client, Tls12Server, Tls12ServerConfig};

/// What the simulator needs from any endpoint, TLS 1.3 or TLS 1.2, client or server.
pub trait Endpoint {
    /// Takes one whole record from the wire.
    fn receive(&mut self, record: &[u8]) -> Vec<Event>;
    /// The peer will send nothing more.
    fn end_of_input(&mut self) -> Vec<Event>;
    /// Whether the handshake is done and data may be sent.
    fn is_connected(&self) -> bool;
    /// Whether the endpoint has stopped (closed or failed).
    fn is_closed(&self) -> bool;
    /// Encrypts application data (only once connected).
    fn send_application_data(&mut self, data: &[u8]) -> Result<Vec<Event>, TlsError>;
    /// Sends close_notify.
    fn close(&mut self) -> Vec<Event>;
}

macro_rules! impl_endpoint {
    ($($t:ty),*) => {$(
        impl Endpoint for $t {
            fn receive(&mut self, record: &[u8]) -> Vec<Event> {
                <$t>::receive(self, record)
            }
            fn end_of_input(&mut self) -> Vec<Event> {
                <$t>::end_of_input(self)
            }
            fn is_connected(&self) -> bool {
                <$t>::is_connected(self)
            }
            fn is_closed(&self) -> bool {
                <$t>::is_closed(self)
            }
            fn send_application_data(&mut self, data: &[u8]) -> Result<Vec<Event>, TlsError> {
                <$t>::send_application_data(self, data)
            }
            fn close(&mut self) -> Vec<Event> {
                <$t>::close(self)
            }
        }
    )*};
}

impl_endpoint!(Client, Server, Tls12Client, Tls12Server);

/// The ALPN protocol both endpoints speak inside TLS.
pub const ALPN_HTTP11: &[u8] = b"http/1.1";

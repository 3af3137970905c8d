//! The TLS endpoints (TLS 1.3 client and server; TLS 1.2 client and server for the
//! history lesson) as sans-IO state machines.
//!
//! An endpoint never touches a channel, a thread or a file: the caller hands it the
//! bytes of one record and gets back [`Event`]s — records to put on the wire, secrets
//! it now knows, checks it ran, application data, alerts. States are named for what
//! they expect next and are consumed by each message, so a wrong transition cannot be
//! written. Every failure is a [`TlsError`] that carries the alert it sends.

/// The life-cycle methods all four endpoints have in the same words. Each endpoint
/// holds `state` (with `State::Connected` and `State::Closed`), `core` (a record
/// layer implementing `record_layer::Sealer`) and `sent_close`.
macro_rules! endpoint_life_cycle {
    () => {
        /// Whether the handshake is done and data may be sent.
        pub fn is_connected(&self) -> bool {
            matches!(self.state, State::Connected)
        }

        /// Whether the endpoint has stopped (closed or failed).
        pub fn is_closed(&self) -> bool {
            matches!(self.state, State::Closed)
        }

        /// The transport says the peer will send nothing more (a real browser or
        /// server would time out). A half-received handshake message is then a
        /// `decode_error`.
        pub fn end_of_input(&mut self) -> Vec<Event> {
            let (events, stopped) = self.core.end_of_input(self.is_closed());
            if stopped {
                self.state = State::Closed;
            }
            events
        }

        /// Encrypts application data (only once connected and before close_notify),
        /// in records of at most 2^14 bytes of plaintext each.
        pub fn send_application_data(&mut self, data: &[u8]) -> Result<Vec<Event>, TlsError> {
            let writable = self.is_connected() && !self.sent_close;
            self.core.send_application_data(writable, data)
        }

        /// Sends close_notify: nothing more will be written, but what the peer still
        /// sends (its own close_notify) is read and checked like any record.
        pub fn close(&mut self) -> Vec<Event> {
            let closed = self.is_closed();
            self.core.close_once(closed, &mut self.sent_close)
        }
    };
}

pub mod check;
pub mod client;
pub mod error;
pub mod event;
mod key_exchange;
pub mod key_schedule;
pub mod record_layer;
pub mod server;
pub mod side;
pub mod suite;
pub mod tls12;

pub use check::{Check, CheckName};
pub use client::{Client, ClientConfig, ClientOffer, Trust};
pub use error::TlsError;
pub use event::{Event, Outgoing, Progress};
pub use record_layer::Protection;
pub use server::{Server, ServerConfig, ServerKey};
pub use side::{Role, Side};
pub use suite::Tls13Suite;
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

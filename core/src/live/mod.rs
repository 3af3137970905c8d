//! Live sessions without I/O: a real peer's bytes in, the endpoint's bytes out, and
//! the same [`Timeline`](crate::sim::Timeline) a simulated session gives. The live
//! layer (the `handshake-lab-live` crate) owns the sockets, the clock and the
//! limits; nothing here reads the network or the time.

pub mod client_guess;
pub mod client_info;
pub mod client_session;
pub mod framing;
mod recorder;
pub mod server_session;

pub use client_guess::client_guess;
pub use client_info::{Chosen, Ja4, Negotiation, Offered, ja4, negotiation};
pub use client_session::{ClientSession, MAX_RESPONSE, Visit};
pub use framing::{Frame, RecordFramer};
pub use server_session::{Reaction, ServerSession};

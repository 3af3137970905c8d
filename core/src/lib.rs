//! The Handshake Lab engine: real TLS 1.3 (and, for the history lesson, TLS 1.2)
//! between a simulated browser and bank, kept as an immutable `Timeline`.
//!
//! `wire` (byte formats and their annotations), `crypto` (thin wrappers over
//! RustCrypto), `tls` (the sans-IO endpoints), `http` (the login inside), `sim`
//! (scenarios, the tap, the timeline), `lesson` (lesson files resolved against a
//! session), `export` (trace, pcapng, PEM) and `text` (the engine's words as message
//! ids). This crate depends on no GUI crate and does no I/O of its own: no sockets,
//! no clock, no OS randomness; files only at paths the caller passes. See
//! `ARCHITECTURE.md` at the top of the repository.
#![forbid(unsafe_code)]

pub mod crypto;
pub mod export;
pub mod http;
pub mod lesson;
pub mod live;
pub mod sim;
pub mod text;
pub mod tls;
pub mod wire;

//! Handshake Lab: a TLS 1.3 classroom simulator.
//!
//! The core (`wire`, `crypto`, `tls`, `http`, `sim`) knows nothing of a GUI and does
//! no I/O of its own; `app` is the desktop app on top of it (the only module that
//! imports egui/eframe). See `ARCHITECTURE.md` for the layering.
#![forbid(unsafe_code)]

pub mod app;
pub mod commands;
pub mod crypto;
pub mod export;
pub mod http;
pub mod lesson;
pub mod sim;
pub mod text;
pub mod tls;
pub mod wire;

//! Handshake Lab: the desktop app and command line over the engine.
//!
//! The engine is the `handshake-lab-core` crate (no GUI, no I/O of its own); its
//! modules are re-exported here under their own names so the app reads
//! `crate::sim::Timeline`. `app` is the window and the slides (the only code that
//! imports egui/eframe); `commands` the command-line commands behind `main.rs`. See
//! `ARCHITECTURE.md` for the layering.
#![forbid(unsafe_code)]

pub use handshake_lab_core::{crypto, export, http, lesson, sim, text, tls, wire};

pub mod app;
pub mod cli;
pub mod commands;

//! `tls` (being written).
pub mod key_schedule;

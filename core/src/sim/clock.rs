//! The simulated clock: when the session begins and how long records take. Time in
//! the lab comes only from here, never from the machine.

/// The simulated wall clock starts here: 2026-03-02 09:00:00 UTC.
pub const SESSION_START_UNIX: u64 = 1_772_442_000;
/// One day in seconds (validity windows are counted in days).
pub use crate::crypto::pki::DAY;
/// One-way network delay between browser and bank, in microseconds.
pub const LATENCY_MICROS: u64 = 15_000;
/// Time between two records of the same flight, in microseconds.
pub const BACK_TO_BACK_MICROS: u64 = 120;

//! `crypto` (being written).

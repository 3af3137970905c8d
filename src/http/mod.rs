//! `http` (being written).

//! `sim` (being written).

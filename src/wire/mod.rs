//! `wire` (being written).

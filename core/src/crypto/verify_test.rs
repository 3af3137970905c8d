//! Unit tests of `verify`.

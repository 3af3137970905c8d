//! TLS 1.3 key schedule (being written).

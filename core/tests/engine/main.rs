//! The engine's end-to-end tests, one binary (each file a module): one link of
//! rustls and ring instead of thirteen, and less disk on CI.

#[path = "../tshark_support/mod.rs"]
mod tshark_support;

mod attacks;
mod client_info;
mod connect_rustls;
mod core_text_wire;
mod golden;
mod hello_retry;
mod interop_rustls;
mod lessons;
mod live_fuzz;
mod live_session;
mod pcap_tshark;
mod rfc8448;
mod session;
mod wire_edits;

//! The command-line contract of DESIGN.md, through the `handshake-lab` binary: one
//! test binary that does not link the window (it uses the engine crate directly).

mod connect;
mod connect_fixture;
mod contract;
mod lang;
mod pcap_tshark;
mod serve;
mod sessions;
#[path = "../common/teacher_folder.rs"]
mod teacher_folder;
#[path = "../../core/tests/tshark_support/mod.rs"]
mod tshark_support;

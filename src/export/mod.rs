//! Exports of a recorded session: files a student or teacher takes away from the app.
//!
//! `pcap` turns the bytes both endpoints put on the wire into a pcapng capture that
//! Wireshark opens decrypted, with the key log embedded.

pub mod pcap;

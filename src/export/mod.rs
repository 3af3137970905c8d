//! Exports of a recorded session: files a student or teacher takes away from the app.
//!
//! `pcap` turns the bytes both endpoints put on the wire into a pcapng capture that
//! Wireshark opens decrypted, with the key log embedded; `trace` prints a session as
//! text or JSON; `certs` writes its certificates as PEM.

pub mod capture;
pub mod certs;
pub mod pcap;
pub mod trace;

use std::path::Path;

/// Writes `bytes` to `path` through a temporary file in the same folder, so a
/// failure never leaves a half-written file that looks complete.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let file_name = path
        .file_name()
        .ok_or_else(|| format!("{} is not a file path", path.display()))?;
    let mut temp_name = std::ffi::OsString::from(".");
    temp_name.push(file_name);
    temp_name.push(".partial");
    let temp = path.with_file_name(temp_name);
    std::fs::write(&temp, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    std::fs::rename(&temp, path).map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        format!("cannot write {}: {e}", path.display())
    })
}

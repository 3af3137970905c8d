//! Exports of a recorded session: files a student or teacher takes away from the app.
//!
//! `pcap` turns the bytes both endpoints put on the wire into a pcapng capture that
//! Wireshark opens decrypted, with the key log embedded; `trace` prints a session as
//! text or JSON; `certs` writes its certificates as PEM.

pub mod capture;
pub mod certs;
pub mod pcap;
pub mod trace;

use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` through a temporary file in the same folder, renamed over
/// `path` once complete, so a failure never leaves a half-written file that looks
/// complete (and never touches an existing file at `path` until then). The one
/// writer of the lab's files: exports, screenshots and slides.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let cannot = |e: &dyn std::fmt::Display| format!("cannot write {}: {e}", path.display());
    let file_name = path
        .file_name()
        .ok_or_else(|| format!("{} is not a file path", path.display()))?;
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut prefix = std::ffi::OsString::from(".");
    prefix.push(file_name);
    let mut temp = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(".partial")
        .tempfile_in(folder)
        .map_err(|e| cannot(&e))?;
    temp.write_all(bytes).map_err(|e| cannot(&e))?;
    temp.persist(path).map_err(|e| cannot(&e.error))?;
    Ok(())
}

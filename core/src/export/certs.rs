//! The `certs` command: the session's certificates and server key as PEM files.

use std::path::{Path, PathBuf};

use crate::crypto::pem;
use crate::sim::Timeline;

/// The files `certs` writes: `ca.pem`, `server.pem` and `server.key.pem`, each with
/// its text.
pub fn pem_files(timeline: &Timeline) -> [(&'static str, String); 3] {
    [
        ("ca.pem", pem("CERTIFICATE", &timeline.pki.ca_cert_der)),
        (
            "server.pem",
            pem("CERTIFICATE", &timeline.pki.server_cert_der),
        ),
        ("server.key.pem", timeline.pki.server_key_pem.clone()),
    ]
}

/// Writes [`pem_files`] into `dir` (created if missing); returns the paths written.
pub fn write_pem_files(timeline: &Timeline, dir: &Path) -> Result<Vec<PathBuf>, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let mut written = Vec::new();
    for (name, text) in pem_files(timeline) {
        let path = dir.join(name);
        super::write_atomically(&path, text.as_bytes())?;
        written.push(path);
    }
    Ok(written)
}

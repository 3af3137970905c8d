//! Running Wireshark's tshark from the capture tests: present locally or skipped,
//! required on CI, and isolated from any configuration or key log of the machine.

use std::path::Path;
use std::process::Command;

/// Skips (locally) or fails (CI) when tshark is missing; true when it can run.
pub fn require_tshark() -> bool {
    if Command::new("tshark").arg("--version").output().is_ok() {
        return true;
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "tshark is not on PATH: CI must install it (apt-get install -y tshark) \
         to check that our captures open decrypted"
    );
    eprintln!("skipping: tshark is not on PATH");
    false
}

/// `tshark -r FILE ARGS...` with `home` as its only configuration and no key log
/// file from the environment, so only what the capture embeds can decrypt it;
/// returns stdout.
pub fn tshark(home: &Path, file: &Path, args: &[&str]) -> String {
    let output = Command::new("tshark")
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home)
        .env_remove("SSLKEYLOGFILE")
        .arg("-r")
        .arg(file)
        .args(args)
        .output()
        .expect("run tshark");
    assert!(
        output.status.success(),
        "tshark failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

//! End to end: the `pcap` command's capture of *our* simulated login opens in tshark
//! decrypted with no settings (only the key log embedded in the pcapng can decrypt
//! it), shows the login inside, and looks like a healthy TCP stream. The plain `http`
//! scenario's capture shows the same password on port 80 with no keys at all.
//!
//! Runs tshark when it is on PATH. Without it the test is skipped locally, and fails
//! under CI (`CI=true`), where `.ci/run` installs tshark.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::tshark_support::{require_tshark, tshark};

/// A password that appears nowhere else, so finding it means tshark read the form.
const PASSWORD: &str = "Tshark-Sees-Me-8513";

/// A fresh folder for one test, with an empty `home` inside.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "handshake-lab-pcap-session-{}-{name}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("home")).expect("temp dir");
    dir
}

/// `handshake-lab pcap ARGS... --out FILE --password PASSWORD`.
fn export(file: &Path, args: &[&str]) {
    let output = Command::new(env!("CARGO_BIN_EXE_handshake-lab"))
        .arg("pcap")
        .args(args)
        .arg("--out")
        .arg(file)
        .args(["--password", PASSWORD])
        .output()
        .expect("the binary runs");
    assert!(
        output.status.success(),
        "pcap failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(file.is_file(), "pcap wrote no {}", file.display());
}

/// The form item tshark prints for the password field.
fn password_form_item(decoded: &str) -> bool {
    decoded.lines().any(|line| {
        let line = line.trim();
        line.starts_with("Form item:") && line.contains("\"password\"") && line.contains(PASSWORD)
    })
}

#[test]
fn https_capture_decrypts_with_only_the_embedded_key_log() {
    if !require_tshark() {
        return;
    }
    let dir = temp_dir("https");
    let home = dir.join("home");
    let file = dir.join("https.pcapng");
    export(&file, &[]);

    let decrypted = tshark(&home, &file, &["-Y", "http", "-V"]);
    let tcp_problems = tshark(&home, &file, &["-Y", "tcp.analysis.flags"]);
    let _ = std::fs::remove_dir_all(&dir);

    for expected in [
        "Transport Layer Security",
        "Dst Port: 443",
        "POST /login HTTP/1.1",
        "HTTP/1.1 200 OK",
    ] {
        assert!(
            decrypted.contains(expected),
            "tshark output lacks {expected:?}: the capture did not decrypt.\n{decrypted}"
        );
    }
    assert!(
        password_form_item(&decrypted),
        "tshark shows no form item \"password\" = {PASSWORD:?}.\n{decrypted}"
    );
    assert!(
        tcp_problems.trim().is_empty(),
        "tshark flags TCP problems:\n{tcp_problems}"
    );
}

#[test]
fn http_capture_shows_the_password_on_port_80() {
    if !require_tshark() {
        return;
    }
    let dir = temp_dir("http");
    let home = dir.join("home");
    let file = dir.join("http.pcapng");
    export(&file, &["--scenario", "http"]);

    let decoded = tshark(&home, &file, &["-Y", "http", "-V"]);
    let tcp_problems = tshark(&home, &file, &["-Y", "tcp.analysis.flags"]);
    let _ = std::fs::remove_dir_all(&dir);

    for expected in ["Dst Port: 80", "POST /login HTTP/1.1", "HTTP/1.1 200 OK"] {
        assert!(
            decoded.contains(expected),
            "tshark output lacks {expected:?}.\n{decoded}"
        );
    }
    assert!(
        !decoded.contains("Transport Layer Security"),
        "plain HTTP must carry no TLS.\n{decoded}"
    );
    assert!(
        password_form_item(&decoded),
        "tshark shows no form item \"password\" = {PASSWORD:?}.\n{decoded}"
    );
    assert!(
        tcp_problems.trim().is_empty(),
        "tshark flags TCP problems:\n{tcp_problems}"
    );
}

#[test]
fn tls12_rsa_capture_decrypts_with_the_client_random_line() {
    if !require_tshark() {
        return;
    }
    let dir = temp_dir("tls12-rsa");
    let home = dir.join("home");
    let file = dir.join("tls12.pcapng");
    export(&file, &["--scenario", "tls12-rsa"]);

    let decrypted = tshark(&home, &file, &["-Y", "http", "-V"]);
    let handshake = tshark(&home, &file, &["-Y", "tls.handshake", "-V"]);
    let tcp_problems = tshark(&home, &file, &["-Y", "tcp.analysis.flags"]);
    let _ = std::fs::remove_dir_all(&dir);

    for expected in [
        "Version: TLS 1.2 (0x0303)",
        "Cipher Suite: TLS_RSA_WITH_AES_128_GCM_SHA256 (0x009c)",
        "Handshake Type: Client Key Exchange (16)",
        "Handshake Type: Server Hello Done (14)",
    ] {
        assert!(
            handshake.contains(expected),
            "tshark output lacks {expected:?}.\n{handshake}"
        );
    }
    for expected in ["POST /login HTTP/1.1", "HTTP/1.1 200 OK"] {
        assert!(
            decrypted.contains(expected),
            "tshark output lacks {expected:?}: the TLS 1.2 capture did not decrypt.\n{decrypted}"
        );
    }
    assert!(
        password_form_item(&decrypted),
        "tshark shows no form item \"password\" = {PASSWORD:?}.\n{decrypted}"
    );
    assert!(
        tcp_problems.trim().is_empty(),
        "tshark flags TCP problems:\n{tcp_problems}"
    );
}

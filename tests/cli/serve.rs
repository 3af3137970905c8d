//! `serve`'s contract: `ca.pem` first, one `listening on` line naming the port bound
//! (port 0 picks one), every finished connection as `NNNN.json` (the `trace --json`
//! schema, outcome included, with the client's address) and `NNNN.pcapng`, and
//! `--once` exits 0 after the first connection that carried a request. Loopback only.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A running `serve`, killed (and reaped) when dropped, whatever the test asserted.
struct Serving(std::process::Child);

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("hl-cli-serve-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

#[test]
fn serve_once_records_the_connection_that_carried_a_request_and_exits_0() {
    let dir = temp_dir("once");
    let mut serving = Serving(
        Command::new(env!("CARGO_BIN_EXE_handshake-lab"))
            .args(["serve", "--listen", "127.0.0.1:0", "--once", "--record"])
            .arg(&dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("serve starts"),
    );
    let stdout = serving.0.stdout.take().expect("its output");
    let mut lines = BufReader::new(stdout).lines();
    let first = lines.next().and_then(Result::ok).unwrap_or_default();
    assert!(
        first.starts_with("listening on https://localhost:"),
        "{first}"
    );
    assert!(
        dir.join("ca.pem").is_file(),
        "ca.pem is written before listening"
    );
    let port: u16 = first
        .split("127.0.0.1:")
        .nth(1)
        .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|p| p.parse().ok())
        .expect("the line names the port bound");
    assert_ne!(port, 0);

    // A connection that says nothing and leaves does not end --once.
    drop(TcpStream::connect(("127.0.0.1", port)).expect("connects"));
    // A real client (curl, when there is one) carries a request.
    let curl = Command::new("curl")
        .args(["--silent", "--max-time", "20", "--cacert"])
        .arg(dir.join("ca.pem"))
        .arg(format!("https://localhost:{port}/"))
        .output();
    match curl {
        Ok(output) => assert!(
            String::from_utf8_lossy(&output.stdout).contains("<form"),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        ),
        Err(_) => {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "CI must install curl"
            );
            return;
        }
    }
    let started = Instant::now();
    let status = loop {
        if let Some(status) = serving.0.try_wait().expect("waits") {
            break status;
        }
        assert!(started.elapsed() < Duration::from_secs(20), "--once exits");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status:?}");
    let mut rest = String::new();
    for line in lines.map_while(Result::ok) {
        rest.push_str(&line);
        rest.push('\n');
    }
    assert!(rest.contains("outcome: completed"), "{rest}");

    let mut numbers: Vec<String> = std::fs::read_dir(&dir)
        .expect("the record folder")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    numbers.sort();
    assert_eq!(
        numbers,
        [
            "0001.json",
            "0001.pcapng",
            "0002.json",
            "0002.pcapng",
            "ca.pem"
        ]
    );
    let json: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("0002.json")).expect("the recording"),
    )
    .expect("JSON");
    assert_eq!(json["outcome"], "completed");
    assert!(
        json["client"]["address"]
            .as_str()
            .is_some_and(|a| a.starts_with("127.0.0.1:"))
    );
    let steps = json["steps"].as_array().expect("steps");
    assert_eq!(steps[0]["name"], "client_hello");
    assert!(
        steps
            .iter()
            .all(|s| s["records"].as_array().is_some_and(|r| {
                r.iter()
                    .all(|r| r["content_type"].is_number() && r["hex"].is_string())
            }))
    );
    let silent: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("0001.json")).expect("the silent one"),
    )
    .expect("JSON");
    assert!(
        silent["outcome"]
            .as_str()
            .is_some_and(|o| o.starts_with("aborted")),
        "{}",
        silent["outcome"]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn serve_refuses_a_bad_listen_address_in_one_line() {
    let output = Command::new(env!("CARGO_BIN_EXE_handshake-lab"))
        .args(["serve", "--listen", "nowhere"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    let err = String::from_utf8_lossy(&output.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("handshake-lab: ") && err.contains("nowhere"),
        "{err}"
    );
}

#[test]
fn a_plain_http_request_to_the_tls_port_gets_an_alert_not_a_hang() {
    let dir = temp_dir("plain");
    let mut serving = Serving(
        Command::new(env!("CARGO_BIN_EXE_handshake-lab"))
            .args(["serve", "--listen", "127.0.0.1:0", "--record"])
            .arg(&dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("serve starts"),
    );
    let stdout = serving.0.stdout.take().expect("its output");
    let first = BufReader::new(stdout)
        .lines()
        .next()
        .and_then(Result::ok)
        .unwrap_or_default();
    let port: u16 = first
        .split("127.0.0.1:")
        .nth(1)
        .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|p| p.parse().ok())
        .expect("a port");
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connects");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    stream
        .write_all(b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .expect("writes");
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    assert_eq!(answer.first(), Some(&21), "an alert record: {answer:?}");
    drop(serving);
    let _ = std::fs::remove_dir_all(&dir);
}

//! Real TLS clients against `serve`, on loopback only: curl (GET and POST, with the
//! lab's CA), OpenSSL's s_client and Python's ssl module. Each tool is required on CI
//! (`.ci/run` installs it) and skipped locally when missing.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

use handshake_lab_live::{KeyKind, Limits, Recording, ServeConfig, ServeEvent, Served, Server};

#[path = "../../core/tests/tshark_support/mod.rs"]
mod tshark_support;

/// Skips (locally) or fails (CI) when `tool` is missing.
fn require(tool: &str) -> bool {
    let found = Command::new(tool)
        .arg(if tool == "openssl" {
            "version"
        } else {
            "--version"
        })
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok();
    assert!(
        found || std::env::var("CI").as_deref() != Ok("true"),
        "{tool} is not on PATH: CI must install it"
    );
    if !found {
        eprintln!("skipping: {tool} is not on PATH");
    }
    found
}

/// A running server on a free loopback port, stopped when dropped.
struct Running {
    port: u16,
    dir: PathBuf,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<(Served, Vec<Recording>)>>,
}

impl Running {
    fn start(name: &str, limits: Limits) -> Running {
        Running::start_with(name, limits, KeyKind::Ecdsa)
    }

    fn start_with(name: &str, limits: Limits, key: KeyKind) -> Running {
        let dir = std::env::temp_dir().join(format!("hl-live-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let server = Server::bind(ServeConfig {
            listen: "127.0.0.1:0".parse().expect("an address"),
            server_name: "bank.example".into(),
            record_dir: dir.clone(),
            once: false,
            key,
            limits,
        })
        .expect("the server binds a free loopback port");
        let port = server.local_addr().port();
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        let thread = std::thread::spawn(move || {
            let mut recordings = Vec::new();
            let served = server
                .run(&flag, |event| {
                    if let ServeEvent::Finished(recording) = event {
                        recordings.push(*recording);
                    }
                })
                .expect("the server runs");
            (served, recordings)
        });
        Running {
            port,
            dir,
            stop,
            thread: Some(thread),
        }
    }

    fn ca(&self) -> PathBuf {
        self.dir.join("ca.pem")
    }

    fn url(&self, path: &str) -> String {
        format!("https://localhost:{}{path}", self.port)
    }

    fn finish(mut self) -> (Served, Vec<Recording>) {
        self.stop.store(true, Ordering::Relaxed);
        self.thread
            .take()
            .expect("running")
            .join()
            .expect("the server thread ends cleanly")
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn curl(ca: &Path, args: &[&str]) -> std::process::Output {
    Command::new("curl")
        .args(["--silent", "--show-error", "--max-time", "20", "--cacert"])
        .arg(ca)
        .args(args)
        .output()
        .expect("curl runs")
}

#[test]
fn curl_gets_the_login_page_and_posts_the_form() {
    if !require("curl") {
        return;
    }
    let server = Running::start("curl", Limits::default());
    let page = curl(&server.ca(), &[&server.url("/")]);
    assert!(
        page.status.success(),
        "{}",
        String::from_utf8_lossy(&page.stderr)
    );
    assert!(String::from_utf8_lossy(&page.stdout).contains("action=\"/login\""));
    let resolve = format!("bank.example:{}:127.0.0.1", server.port);
    let login = curl(
        &server.ca(),
        &[
            "--resolve",
            &resolve,
            "--data",
            "username=alice&password=Curl-Typed-This-77&card=4111111111111111",
            &format!("https://bank.example:{}/login", server.port),
        ],
    );
    assert!(
        login.status.success(),
        "{}",
        String::from_utf8_lossy(&login.stderr)
    );
    assert!(String::from_utf8_lossy(&login.stdout).contains("Welcome back, alice."));
    let missing = curl(
        &server.ca(),
        &[
            "--write-out",
            "%{http_code}",
            "--output",
            "/dev/null",
            &server.url("/nope"),
        ],
    );
    assert_eq!(String::from_utf8_lossy(&missing.stdout), "404");
    let dir = server.dir.clone();
    let (served, recordings) = server.finish();
    assert_eq!(served.connections, 3);
    for recording in &recordings {
        assert_eq!(recording.timeline.outcome.line(), "outcome: completed");
        let (json, pcap) = recording.files.as_ref().expect("written");
        assert!(json.starts_with(&dir) && pcap.is_file());
        // Beside the trace: curl's JA4 and offer, and what the server chose.
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(json).expect("the JSON")).expect("JSON");
        let ja4 = json["client"]["ja4"].as_str().expect("a JA4");
        assert!(ja4.starts_with("t13d") && ja4.contains("h2_"), "{ja4}");
        assert_eq!(json["client"]["offered"]["alpn"][0], "h2");
        assert_eq!(json["server"]["chosen"]["alpn"], "http/1.1");
        assert_eq!(
            json["server"]["chosen"]["cipher_suite"],
            "TLS_AES_128_GCM_SHA256"
        );
        assert!(json["steps"].is_array() && json["outcome"] == "completed");
    }
    // The password crossed the wire encrypted: in the server's view of what the
    // client encrypted, never in a raw byte of the capture.
    let login = recordings
        .iter()
        .find(|r| {
            r.timeline.records().any(|w| {
                w.inner_plaintext
                    .as_deref()
                    .is_some_and(|p| contains(p, b"Curl-Typed-This-77"))
            })
        })
        .expect("the login's recording");
    let (_, pcap) = login.files.as_ref().expect("written");
    let capture = std::fs::read(pcap).expect("the capture");
    assert!(!contains(&capture, b"Curl-Typed-This-77"));
    // Wireshark opens the recording decrypted with no settings: the key log is in it.
    if tshark_support::require_tshark() {
        let home = dir.join("tshark-home");
        std::fs::create_dir_all(&home).expect("a home for tshark");
        let decoded = tshark_support::tshark(&home, pcap, &["-Y", "http", "-V"]);
        assert!(decoded.contains("POST /login HTTP/1.1"), "{decoded}");
        assert!(
            decoded
                .lines()
                .any(|l| l.trim().starts_with("Form item:") && l.contains("Curl-Typed-This-77")),
            "{decoded}"
        );
        let problems = tshark_support::tshark(&home, pcap, &["-Y", "tcp.analysis.flags"]);
        assert!(problems.trim().is_empty(), "{problems}");
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn openssl_s_client_completes_with_each_group_and_suite_it_offers() {
    if !require("openssl") {
        return;
    }
    let server = Running::start("openssl", Limits::default());
    let runs = [
        ("X25519", "TLS_AES_128_GCM_SHA256"),
        ("P-256", "TLS_CHACHA20_POLY1305_SHA256"),
        ("X25519", "TLS_AES_256_GCM_SHA384"),
    ];
    for (groups, suite) in runs {
        let mut child = Command::new("openssl")
            .args(["s_client", "-connect"])
            .arg(format!("127.0.0.1:{}", server.port))
            .args([
                "-servername",
                "bank.example",
                "-tls1_3",
                "-groups",
                groups,
                "-ciphersuites",
                suite,
                "-CAfile",
            ])
            .arg(server.ca())
            .args(["-verify_return_error", "-quiet"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("openssl runs");
        if let Some(stdin) = child.stdin.as_mut() {
            use std::io::Write;
            let _ = stdin
                .write_all(b"GET / HTTP/1.1\r\nHost: bank.example\r\nConnection: close\r\n\r\n");
        }
        let output = child.wait_with_output().expect("openssl ends");
        let text = String::from_utf8_lossy(&output.stdout);
        assert!(
            text.starts_with("HTTP/1.1 200 OK"),
            "{groups}: {text} {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let (_, recordings) = server.finish();
    let functions: Vec<&str> = recordings
        .iter()
        .filter_map(|r| {
            r.timeline
                .secret(handshake_lab_core::tls::Side::Server, "ecdhe_shared_secret")
        })
        .map(|d| d.function)
        .collect();
    assert_eq!(functions, ["X25519", "ECDH (P-256)", "X25519"]);
    let suites: Vec<String> = recordings
        .iter()
        .filter_map(|r| handshake_lab_core::live::negotiation(&r.timeline))
        .filter_map(|n| n.chosen.map(|c| c.cipher_suite))
        .collect();
    assert_eq!(suites, runs.map(|(_, suite)| suite.to_string()));
    // The SHA-384 suite's schedule has 48-byte secrets.
    let master_len = recordings.last().and_then(|r| {
        r.timeline
            .secret(handshake_lab_core::tls::Side::Server, "master_secret")
            .map(|d| d.output.len())
    });
    assert_eq!(master_len, Some(48));
}

#[test]
fn openssl_with_no_share_the_server_takes_gets_a_hello_retry_request() {
    if !require("openssl") {
        return;
    }
    let server = Running::start("hrr", Limits::default());
    let mut child = Command::new("openssl")
        .args(["s_client", "-connect"])
        .arg(format!("127.0.0.1:{}", server.port))
        .args([
            "-servername",
            "bank.example",
            "-tls1_3",
            "-groups",
            "ffdhe2048:P-256",
            "-CAfile",
        ])
        .arg(server.ca())
        .args(["-verify_return_error", "-quiet"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("openssl runs");
    if let Some(stdin) = child.stdin.as_mut() {
        use std::io::Write;
        let _ =
            stdin.write_all(b"GET / HTTP/1.1\r\nHost: bank.example\r\nConnection: close\r\n\r\n");
    }
    let output = child.wait_with_output().expect("openssl ends");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.starts_with("HTTP/1.1 200 OK"),
        "{text} {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let (_, recordings) = server.finish();
    let names: Vec<String> = recordings[0]
        .timeline
        .steps
        .iter()
        .map(|s| s.name.to_string())
        .collect();
    assert_eq!(
        names[..2],
        ["client_hello", "hello_retry_request"],
        "{names:?}"
    );
    assert!(names.contains(&"client_hello_2".to_string()), "{names:?}");
    assert_eq!(recordings[0].timeline.outcome.line(), "outcome: completed");
}

#[test]
fn an_rsa_certificate_signs_certificate_verify_with_rsa_pss() {
    if !require("curl") {
        return;
    }
    let server = Running::start_with("rsa", Limits::default(), KeyKind::Rsa);
    let page = curl(&server.ca(), &[&server.url("/")]);
    assert!(
        page.status.success(),
        "{}",
        String::from_utf8_lossy(&page.stderr)
    );
    let (_, recordings) = server.finish();
    let timeline = &recordings[0].timeline;
    let verify = &timeline.steps[timeline
        .step_index("certificate_verify")
        .expect("a CertificateVerify")];
    let mut algorithm = None;
    let mut stack: Vec<&handshake_lab_core::wire::Field> =
        verify.records[0].inner_fields.iter().collect();
    while let Some(field) = stack.pop() {
        if field.name == "algorithm" {
            algorithm = Some(field.value.to_string());
        }
        stack.extend(field.children.iter());
    }
    assert_eq!(algorithm.as_deref(), Some("rsa_pss_rsae_sha256"));
    assert!(timeline.pki.server_key_pem.contains("BEGIN PRIVATE KEY"));
}

#[test]
fn a_tls12_only_client_gets_protocol_version() {
    if !require("curl") {
        return;
    }
    let server = Running::start("tls12", Limits::default());
    let output = curl(&server.ca(), &["--tls-max", "1.2", &server.url("/")]);
    assert!(!output.status.success());
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("protocol version"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let (_, recordings) = server.finish();
    assert_eq!(
        recordings[0].timeline.outcome.line(),
        "outcome: aborted by server: protocol_version"
    );
}

#[test]
fn python_ssl_logs_in() {
    if !require("python3") {
        return;
    }
    let server = Running::start("python", Limits::default());
    let script = format!(
        "import ssl, socket\n\
         ctx = ssl.create_default_context(cafile={ca:?})\n\
         with socket.create_connection(('127.0.0.1', {port}), timeout=20) as raw:\n\
         \x20   with ctx.wrap_socket(raw, server_hostname='bank.example') as tls:\n\
         \x20       body = b'username=bob&password=py-secret&card=1'\n\
         \x20       tls.sendall(b'POST /login HTTP/1.1\\r\\nHost: bank.example\\r\\nConnection: close\\r\\nContent-Length: ' + str(len(body)).encode() + b'\\r\\n\\r\\n' + body)\n\
         \x20       version = tls.version()\n\
         \x20       data = b''\n\
         \x20       while True:\n\
         \x20           chunk = tls.recv(4096)\n\
         \x20           if not chunk: break\n\
         \x20           data += chunk\n\
         print(version, data.decode())\n",
        ca = server.ca().display().to_string(),
        port = server.port
    );
    let output = Command::new("python3")
        .args(["-c", &script])
        .output()
        .expect("python runs");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(text.starts_with("TLSv1.3 HTTP/1.1 200 OK"), "{text}");
    assert!(text.contains("Welcome back, bob."));
    let (served, _) = server.finish();
    assert_eq!(served.connections, 1);
}

#[test]
fn a_stalled_client_is_cut_off_at_the_handshake_deadline() {
    let limits = Limits {
        handshake_timeout: Duration::from_millis(500),
        ..Limits::default()
    };
    let server = Running::start("stall", limits);
    let stream = std::net::TcpStream::connect(("127.0.0.1", server.port)).expect("connects");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("a timeout");
    let started = std::time::Instant::now();
    let mut received = Vec::new();
    let read = std::io::Read::read_to_end(&mut &stream, &mut received);
    assert!(read.is_ok(), "the server closes the connection: {read:?}");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    // What it says before closing is a close_notify alert in the clear.
    assert_eq!(received, [21, 3, 3, 0, 2, 1, 0]);
    let (served, recordings) = server.finish();
    assert_eq!(served.connections, 1);
    assert_eq!(recordings[0].requests, 0);
}

#[test]
fn a_connection_kept_open_is_listed_as_soon_as_it_carried_a_request() {
    if !require("python3") {
        return;
    }
    let dir = std::env::temp_dir().join(format!("hl-live-open-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let listening = handshake_lab_live::Listening::start(
        ServeConfig {
            listen: "127.0.0.1:0".parse().expect("an address"),
            server_name: "bank.example".into(),
            record_dir: dir.clone(),
            once: false,
            key: KeyKind::Ecdsa,
            limits: Limits::default(),
        },
        || {},
    )
    .expect("listening");
    // A browser-like client: one request on a kept-alive connection, then it waits.
    let script = format!(
        "import ssl, socket, time\n\
         ctx = ssl.create_default_context(cafile={ca:?})\n\
         raw = socket.create_connection(('127.0.0.1', {port}), timeout=20)\n\
         tls = ctx.wrap_socket(raw, server_hostname='bank.example')\n\
         tls.sendall(b'GET / HTTP/1.1\\r\\nHost: bank.example\\r\\n\\r\\n')\n\
         tls.recv(65536)\n\
         time.sleep(3)\n\
         tls.close()\n",
        ca = listening.ca_path().display().to_string(),
        port = listening.local_addr().port()
    );
    let mut child = Command::new("python3")
        .args(["-c", &script])
        .spawn()
        .expect("python runs");
    let started = std::time::Instant::now();
    let listed = loop {
        if let Some(r) = listening.recordings().first() {
            break r.clone();
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "listed while open"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(listed.open, "listed before the connection ended");
    assert_eq!(listed.requests, 1);
    let _ = child.wait();
    let started = std::time::Instant::now();
    while listening.recordings().first().is_some_and(|r| r.open) {
        assert!(started.elapsed() < Duration::from_secs(10), "then finished");
        std::thread::sleep(Duration::from_millis(20));
    }
    let finished = &listening.recordings()[0];
    assert_eq!(
        listening.recordings().len(),
        1,
        "the update took the same place"
    );
    assert!(finished.files.is_ok());
    listening.stop();
    let _ = std::fs::remove_dir_all(&dir);
}

//! `connect`'s contract through the built binary, loopback only: OpenSSL's
//! `s_server` with each leaf, suite and group in turn (a HelloRetryRequest for
//! P-384), a NewSessionTicket shown, an untrusted chain, a capture tshark decrypts,
//! the lab's own `serve`; then bad networks and bad servers (refused, silent, hung
//! up, garbage, a record too long) and bad input. Every run has a `--timeout`, so no
//! test waits for long.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::connect_fixture::{
    Leaf, Pki, answer_then_close, free_port, misbehaving_server, read_hello, require_openssl,
};
use crate::tshark_support::{require_tshark, tshark};

/// What one run of the binary did.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    elapsed: Duration,
}

impl Run {
    fn last_line(&self) -> &str {
        self.stdout.lines().last().unwrap_or_default()
    }

    fn context(&self) -> String {
        format!(
            "exit {:?}\n--- stderr\n{}\n--- stdout (end)\n{}",
            self.code,
            self.stderr,
            tail(&self.stdout, 40)
        )
    }
}

fn tail(text: &str, lines: usize) -> String {
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

/// `handshake-lab connect ARGS...`, made ready for `run`.
fn connect_command(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_handshake-lab"));
    command.arg("connect").args(args).stdin(Stdio::null());
    command
}

/// Runs `command` to its end.
fn run(mut command: Command) -> Run {
    let started = Instant::now();
    let output = command.output().expect("the binary runs");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        elapsed: started.elapsed(),
    }
}

/// `handshake-lab connect ARGS...`
fn connect(args: &[&str]) -> Run {
    run(connect_command(args))
}

/// A visit that completed: exit 0, `outcome: completed` last, no complaint.
fn assert_completed(run: &Run) {
    assert_eq!(run.code, Some(0), "{}", run.context());
    assert_eq!(run.last_line(), "outcome: completed", "{}", run.context());
    assert!(!run.stderr.contains("panicked"), "{}", run.context());
}

/// `connect --json` to `url` trusting `root`: the parsed JSON and the run.
fn connect_json(url: &str, root: &std::path::Path) -> (serde_json::Value, Run) {
    let root = root.to_string_lossy();
    let run = connect(&[url, "--cacert", &root, "--json", "--timeout", "10"]);
    let json = serde_json::from_str(&run.stdout).unwrap_or_else(|e| {
        panic!("not JSON ({e}):\n{}", run.context());
    });
    (json, run)
}

fn unhex(hex: &str) -> Vec<u8> {
    (0..hex.len() / 2)
        .filter_map(|i| u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok())
        .collect()
}

/// The records of the step named `name` (its first occurrence), as bytes.
fn step_records(json: &serde_json::Value, name: &str) -> Option<Vec<Vec<u8>>> {
    let step = json["steps"]
        .as_array()?
        .iter()
        .find(|s| s["name"] == name)?;
    Some(
        step["records"]
            .as_array()?
            .iter()
            .map(|r| unhex(r["hex"].as_str().unwrap_or_default()))
            .collect(),
    )
}

/// What the records of the step named `name` carried inside, as text (their
/// TLSInnerPlaintext less the content type byte).
fn inner_text(json: &serde_json::Value, name: &str) -> String {
    let Some(step) = json["steps"]
        .as_array()
        .and_then(|steps| steps.iter().find(|s| s["name"] == name))
    else {
        return String::new();
    };
    let mut bytes = Vec::new();
    for record in step["records"].as_array().into_iter().flatten() {
        let mut inner = unhex(record["inner_plaintext_hex"].as_str().unwrap_or_default());
        while inner.last() == Some(&0) {
            inner.pop();
        }
        inner.pop();
        bytes.extend(inner);
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// What a ServerHello record (header included) chose: its cipher suite and the
/// group of its key_share, read from the wire bytes.
fn server_hello_choice(record: &[u8]) -> Option<(u16, Option<u16>)> {
    let u16_at = |i: usize| Some(u16::from_be_bytes([*record.get(i)?, *record.get(i + 1)?]));
    // record header 5, handshake header 4, legacy_version 2, random 32
    let session_id_len = usize::from(*record.get(43)?);
    let suite_at = 44 + session_id_len;
    let suite = u16_at(suite_at)?;
    let extensions_len = usize::from(u16_at(suite_at + 3)?);
    let mut at = suite_at + 5;
    let end = at + extensions_len;
    let mut group = None;
    while at + 4 <= end {
        let (kind, len) = (u16_at(at)?, usize::from(u16_at(at + 2)?));
        if kind == 51 {
            group = u16_at(at + 4);
        }
        at += 4 + len;
    }
    Some((suite, group))
}

/// The (suite, group) the server chose in the visit's (last) ServerHello.
fn chosen(json: &serde_json::Value) -> Option<(u16, Option<u16>)> {
    let record = step_records(json, "server_hello")?.into_iter().next()?;
    server_hello_choice(&record)
}

const TLS_AES_128_GCM_SHA256: u16 = 0x1301;
const TLS_AES_256_GCM_SHA384: u16 = 0x1302;
const TLS_CHACHA20_POLY1305_SHA256: u16 = 0x1303;
const SECP256R1: u16 = 0x0017;
const SECP384R1: u16 = 0x0018;
const X25519: u16 = 0x001d;

/// s_server's `-www` page: a status line, then the session it ran.
fn assert_www_page(run: &Run) {
    assert!(
        run.stdout.contains("HTTP/1.0 200 ok"),
        "no 200 answer in the output:\n{}",
        run.context()
    );
}

// ---- OpenSSL's s_server: leaves, suites, groups -------------------------------

fn visit_leaf(leaf: Leaf) {
    if !require_openssl() {
        return;
    }
    let pki = Pki::make("Handshake Lab Test Root");
    let server = pki.s_server(leaf, None, None);
    let root = pki.root().to_string_lossy().into_owned();
    let run = connect(&[&server.url(), "--cacert", &root, "--timeout", "10"]);
    assert_completed(&run);
    assert_www_page(&run);
    assert!(
        run.stdout.contains("client checks"),
        "the chain's checks are shown:\n{}",
        run.context()
    );
}

#[test]
fn connect_s_server_ecdsa_p256_leaf_under_an_rsa_intermediate() {
    visit_leaf(Leaf::EcdsaP256);
}

#[test]
fn connect_s_server_ecdsa_p384_leaf_under_an_rsa_intermediate() {
    visit_leaf(Leaf::EcdsaP384);
}

#[test]
fn connect_s_server_rsa_2048_leaf_under_an_rsa_intermediate() {
    visit_leaf(Leaf::Rsa2048);
}

fn visit_forcing(suite: Option<&str>, group: Option<&str>) -> (serde_json::Value, Run) {
    let pki = Pki::make("Handshake Lab Test Root");
    let server = pki.s_server(Leaf::EcdsaP256, suite, group);
    let (json, run) = connect_json(&server.url(), &pki.root());
    assert_eq!(run.code, Some(0), "{}", run.context());
    assert_eq!(json["outcome"], "completed", "{}", run.context());
    (json, run)
}

fn visit_suite(name: &str, number: u16) {
    if !require_openssl() {
        return;
    }
    let (json, run) = visit_forcing(Some(name), None);
    assert_eq!(
        chosen(&json).map(|c| c.0),
        Some(number),
        "{name}: {}",
        run.context()
    );
    // Offered next to chosen, in the JSON as the text says it.
    let negotiation = &json["negotiation"];
    let offered = negotiation["offered"]["cipher_suites"]
        .as_array()
        .map(|suites| suites.len())
        .unwrap_or_default();
    assert_eq!(offered, 3, "the browser offers three suites: {negotiation}");
    assert_eq!(
        negotiation["chosen"]["cipher_suite"], name,
        "{name}: {negotiation}"
    );
}

#[test]
fn connect_s_server_forcing_tls_aes_128_gcm_sha256() {
    visit_suite("TLS_AES_128_GCM_SHA256", TLS_AES_128_GCM_SHA256);
}

#[test]
fn connect_s_server_forcing_tls_aes_256_gcm_sha384() {
    visit_suite("TLS_AES_256_GCM_SHA384", TLS_AES_256_GCM_SHA384);
}

#[test]
fn connect_s_server_forcing_tls_chacha20_poly1305_sha256() {
    visit_suite("TLS_CHACHA20_POLY1305_SHA256", TLS_CHACHA20_POLY1305_SHA256);
}

/// The lab offers key shares for x25519 and P-256: those are taken at once.
fn visit_group_with_a_share(name: &str, number: u16) {
    if !require_openssl() {
        return;
    }
    let (json, run) = visit_forcing(None, Some(name));
    assert_eq!(
        chosen(&json).and_then(|c| c.1),
        Some(number),
        "{name}: {}",
        run.context()
    );
    assert!(
        step_records(&json, "hello_retry_request").is_none(),
        "{name} needs no second hello: {}",
        run.context()
    );
}

#[test]
fn connect_s_server_forcing_x25519() {
    visit_group_with_a_share("X25519", X25519);
}

#[test]
fn connect_s_server_forcing_p256() {
    visit_group_with_a_share("P-256", SECP256R1);
}

#[test]
fn connect_s_server_forcing_p384_goes_through_a_hello_retry_request() {
    if !require_openssl() {
        return;
    }
    let (json, run) = visit_forcing(None, Some("P-384"));
    let names: Vec<&str> = json["steps"]
        .as_array()
        .map(|steps| steps.iter().filter_map(|s| s["name"].as_str()).collect())
        .unwrap_or_default();
    let at = |name: &str| names.iter().position(|n| *n == name);
    assert!(
        at("hello_retry_request").is_some()
            && at("client_hello_2").is_some()
            && at("hello_retry_request") < at("client_hello_2"),
        "a HelloRetryRequest, then a second ClientHello: {names:?}"
    );
    let hrr = step_records(&json, "hello_retry_request")
        .and_then(|records| records.into_iter().next())
        .and_then(|record| server_hello_choice(&record));
    assert_eq!(
        hrr.and_then(|c| c.1),
        Some(SECP384R1),
        "the HRR asks for P-384"
    );
    assert_eq!(
        chosen(&json).and_then(|c| c.1),
        Some(SECP384R1),
        "{}",
        run.context()
    );
}

#[test]
fn connect_s_server_shows_its_new_session_ticket_and_json_has_steps_and_outcome() {
    if !require_openssl() {
        return;
    }
    let pki = Pki::make("Handshake Lab Test Root");
    let server = pki.s_server(Leaf::EcdsaP256, None, None);
    let (json, run) = connect_json(&server.url(), &pki.root());
    assert_eq!(run.code, Some(0), "{}", run.context());
    let steps = json["steps"].as_array().expect("steps[]");
    assert_eq!(
        steps.first().map(|s| &s["name"]),
        Some(&"client_hello".into())
    );
    assert!(
        steps
            .iter()
            .all(|s| s["records"].is_array() && s["secrets"].is_array()),
        "every step has records[] and secrets[]"
    );
    assert!(json["outcome"].is_string());
    assert_eq!(json["connect"]["url"], server.url());
    assert!(
        steps
            .iter()
            .any(|s| s["name"] == "server_new_session_ticket"),
        "OpenSSL sends tickets after the handshake: {:?}",
        steps.iter().map(|s| &s["name"]).collect::<Vec<_>>()
    );
    // The same visit as text names it too.
    let root = pki.root().to_string_lossy().into_owned();
    let text = connect(&[&server.url(), "--cacert", &root, "--timeout", "10"]);
    assert!(
        text.stdout.contains("server_new_session_ticket"),
        "{}",
        text.context()
    );
    // Offered and chosen, one line each, before the session.
    let offered = text.stdout.lines().find(|l| l.starts_with("offered: "));
    let chosen = text.stdout.lines().find(|l| l.starts_with("chosen:  "));
    assert!(
        offered.is_some_and(|l| l.contains("x25519") && l.contains("TLS_AES_256_GCM_SHA384")),
        "{}",
        text.context()
    );
    assert!(
        chosen.is_some_and(|l| l.contains("suite TLS_") && l.contains("ecdsa_secp256r1_sha256")),
        "{}",
        text.context()
    );
}

#[test]
fn connect_s_server_with_an_untrusted_root_ends_unknown_ca_and_exits_0() {
    if !require_openssl() {
        return;
    }
    let pki = Pki::make("Handshake Lab Test Root");
    let stranger = Pki::make("Somebody Else's Root");
    let server = pki.s_server(Leaf::EcdsaP256, None, None);
    let root = stranger.root().to_string_lossy().into_owned();
    let run = connect(&[&server.url(), "--cacert", &root, "--timeout", "10"]);
    assert_eq!(run.code, Some(0), "{}", run.context());
    assert_eq!(
        run.last_line(),
        "outcome: aborted by client: unknown_ca",
        "{}",
        run.context()
    );
    assert!(!run.stdout.contains("HTTP/1.0 200"), "no request was sent");
}

#[test]
fn connect_s_server_pcap_decrypts_in_tshark_and_shows_the_request() {
    if !require_openssl() || !require_tshark() {
        return;
    }
    let pki = Pki::make("Handshake Lab Test Root");
    let server = pki.s_server(Leaf::EcdsaP256, None, None);
    let file = pki.dir().join("visit.pcapng");
    let home = pki.dir().join("home");
    std::fs::create_dir_all(&home).expect("a home for tshark");
    let root = pki.root().to_string_lossy().into_owned();
    let run = connect(&[
        &server.url(),
        "--cacert",
        &root,
        "--pcap",
        &file.to_string_lossy(),
        "--timeout",
        "10",
    ]);
    assert_completed(&run);
    let decrypted = tshark(&home, &file, &["-Y", "http", "-V"]);
    assert!(
        decrypted.contains("GET / HTTP/1.1"),
        "tshark did not decrypt the request:\n{decrypted}"
    );
}

// ---- the lab's own server ----------------------------------------------------------

/// A running `serve`, killed (and reaped) when dropped.
struct Serving(std::process::Child);

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// `serve --once` on a free loopback port, recording into `dir`: the running server
/// and its port.
fn start_serve(dir: &std::path::Path) -> (Serving, u16) {
    let mut serving = Serving(
        Command::new(env!("CARGO_BIN_EXE_handshake-lab"))
            .args(["serve", "--listen", "127.0.0.1:0", "--once", "--record"])
            .arg(dir)
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
    assert!(first.starts_with("listening on "), "{first}");
    let port: u16 = first
        .split("127.0.0.1:")
        .nth(1)
        .and_then(|rest| rest.split(|c: char| !c.is_ascii_digit()).next())
        .and_then(|p| p.parse().ok())
        .expect("the line names the port bound");
    (serving, port)
}

#[test]
fn connect_to_the_labs_own_serve_completes_and_its_capture_decrypts() {
    let dir = tempfile::Builder::new()
        .prefix("hl-connect-serve-")
        .tempdir()
        .expect("a temporary folder");
    let (mut serving, port) = start_serve(dir.path());
    let ca = dir.path().join("ca.pem").to_string_lossy().into_owned();
    let url = format!("https://localhost:{port}/");
    let capture = dir.path().join("visit.pcapng");
    let run = connect(&[
        &url,
        "--cacert",
        &ca,
        "--json",
        "--pcap",
        &capture.to_string_lossy(),
        "--timeout",
        "10",
    ]);
    assert_eq!(run.code, Some(0), "{}", run.context());
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(json["outcome"], "completed", "{}", run.context());
    let request = inner_text(&json, "http_request");
    assert!(
        request.starts_with("GET / HTTP/1.1\r\n")
            && request.contains(&format!("\r\nHost: localhost:{port}\r\n")),
        "a GET whose Host names the port: {request:?}"
    );
    let response = inner_text(&json, "http_response");
    assert!(
        response.starts_with("HTTP/1.1 200 OK") && response.contains("<form"),
        "the bank's login page: {response:?}"
    );
    assert_eq!(json["connect"]["trust"]["certificates"], 1);
    if require_tshark() {
        let home = dir.path().join("home");
        std::fs::create_dir_all(&home).expect("a home for tshark");
        let decrypted = tshark(&home, &capture, &["-Y", "http", "-V"]);
        assert!(
            decrypted.contains("GET / HTTP/1.1") && decrypted.contains("HTTP/1.1 200 OK"),
            "tshark did not decrypt the visit:\n{decrypted}"
        );
    }
    // `--once`: serve exits after this visit, which carried a request.
    let started = Instant::now();
    while serving.0.try_wait().ok().flatten().is_none() {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "serve --once exits"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn connect_without_cacert_trusts_the_systems_store() {
    // The system's store as rustls-native-certs reads it: SSL_CERT_FILE, when set,
    // is the store. Here it holds the lab's root only.
    let dir = tempfile::Builder::new()
        .prefix("hl-connect-system-")
        .tempdir()
        .expect("a temporary folder");
    let (_serving, port) = start_serve(dir.path());
    let url = format!("https://localhost:{port}/");
    let mut command = connect_command(&[&url, "--timeout", "10"]);
    command
        .env("SSL_CERT_FILE", dir.path().join("ca.pem"))
        .env_remove("SSL_CERT_DIR");
    let run = run(command);
    assert_completed(&run);
    assert!(
        run.stdout
            .contains("trust: 1 certificate(s) from the system's store"),
        "{}",
        run.context()
    );
}

// ---- bad networks, bad servers, bad input --------------------------------------

/// A network failure: exit 2, one line on stderr naming the address.
fn assert_network_failure(run: &Run, names: &str) {
    assert_eq!(run.code, Some(2), "{}", run.context());
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.context());
    assert!(
        run.stderr.starts_with("handshake-lab: ") && run.stderr.contains(names),
        "{}",
        run.context()
    );
}

#[test]
fn connect_to_a_refused_port_exits_2_in_one_line() {
    let port = free_port();
    let run = connect(&[&format!("https://127.0.0.1:{port}/"), "--timeout", "5"]);
    assert_network_failure(&run, &format!("127.0.0.1:{port}"));
    assert!(
        run.stderr.to_lowercase().contains("refused"),
        "{}",
        run.context()
    );
    assert!(run.stdout.is_empty(), "nothing was recorded");
}

#[test]
fn connect_to_a_silent_server_gives_up_at_the_timeout() {
    let port = misbehaving_server(|mut stream| {
        let _ = read_hello(&mut stream);
        std::thread::sleep(Duration::from_secs(8));
    });
    let run = connect(&[&format!("https://127.0.0.1:{port}/"), "--timeout", "2"]);
    assert!(
        run.elapsed < Duration::from_millis(3500),
        "took {:?}",
        run.elapsed
    );
    assert_network_failure(&run, &format!("127.0.0.1:{port}"));
    assert!(run.stderr.contains("timed out"), "{}", run.context());
    // What was recorded comes first: the ClientHello that went unanswered.
    assert!(run.stdout.contains("client_hello"), "{}", run.context());
    assert!(
        run.last_line().starts_with("outcome: "),
        "{}",
        run.context()
    );
}

/// A server that answered badly: a clear outcome, exit 0, no panic, quickly.
fn assert_clean_abort(run: &Run) {
    assert_eq!(run.code, Some(0), "{}", run.context());
    assert!(
        run.last_line().starts_with("outcome: aborted by "),
        "{}",
        run.context()
    );
    assert!(!run.stderr.contains("panicked"), "{}", run.context());
    assert!(
        run.elapsed < Duration::from_secs(5),
        "took {:?}",
        run.elapsed
    );
}

#[test]
fn connect_to_a_server_that_hangs_up_mid_handshake_shows_the_outcome() {
    // The start of a ServerHello (a header promising 80 bytes, 3 of them), then gone.
    let port = misbehaving_server(answer_then_close(&[22, 3, 3, 0, 80, 2, 0, 0]));
    let run = connect(&[&format!("https://127.0.0.1:{port}/"), "--timeout", "5"]);
    assert_clean_abort(&run);
}

#[test]
fn connect_to_a_server_sending_garbage_aborts_with_an_alert() {
    let port = misbehaving_server(answer_then_close(
        b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n",
    ));
    let run = connect(&[&format!("https://127.0.0.1:{port}/"), "--timeout", "5"]);
    assert_clean_abort(&run);
    assert!(
        run.last_line().starts_with("outcome: aborted by client: "),
        "{}",
        run.context()
    );
}

#[test]
fn connect_to_a_server_announcing_an_oversized_record_aborts_with_an_alert() {
    // A handshake record header claiming 0xFFFF bytes: more than TLS allows.
    let port = misbehaving_server(answer_then_close(&[22, 3, 3, 0xff, 0xff, 2, 0, 0, 0]));
    let run = connect(&[&format!("https://127.0.0.1:{port}/"), "--timeout", "5"]);
    assert_clean_abort(&run);
    assert_eq!(
        run.last_line(),
        "outcome: aborted by client: record_overflow",
        "{}",
        run.context()
    );
}

#[test]
fn connect_refuses_bad_input_with_exit_1_in_one_line() {
    let missing = std::env::temp_dir().join("hl-connect-no-such-ca.pem");
    let missing = missing.to_string_lossy().into_owned();
    let cases: [(&[&str], &str); 7] = [
        (&["https://[::1"], "URL"),
        (&["not a url"], "URL"),
        (&["http://localhost/"], "https"),
        (&["https://localhost/", "--timeout", "soon"], "--timeout"),
        (&["https://localhost/", "--timeout", "0"], "--timeout"),
        (&["https://localhost/", "--cacert", &missing], &missing),
        (
            &[
                "https://localhost/",
                "--pcap",
                "/nonexistent-folder-hl/visit.pcapng",
            ],
            "/nonexistent-folder-hl",
        ),
    ];
    for (args, names) in cases {
        let run = connect(args);
        assert_eq!(run.code, Some(1), "{args:?}: {}", run.context());
        assert_eq!(run.stderr.lines().count(), 1, "{args:?}: {}", run.context());
        assert!(
            run.stderr.starts_with("handshake-lab: ") && run.stderr.contains(names),
            "{args:?}: {}",
            run.context()
        );
        assert!(run.stdout.is_empty(), "{args:?}: {}", run.context());
    }
}

#[test]
fn connect_refuses_an_empty_cacert_naming_it() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let empty = dir.path().join("empty.pem");
    std::fs::File::create(&empty)
        .and_then(|mut f| f.write_all(b"no certificate here\n"))
        .expect("writes");
    let empty = empty.to_string_lossy().into_owned();
    let run = connect(&["https://localhost/", "--cacert", &empty]);
    assert_eq!(run.code, Some(1), "{}", run.context());
    assert!(run.stderr.contains(&empty), "{}", run.context());
}

#[test]
fn connect_reaches_an_ipv6_literal_on_loopback() {
    // A machine without IPv6 on loopback skips this.
    let Ok(listener) = std::net::TcpListener::bind("[::1]:0") else {
        eprintln!("skipping: no ::1 on this machine");
        return;
    };
    let port = listener.local_addr().expect("its address").port();
    std::thread::spawn(move || {
        if let Ok((stream, _)) = listener.accept() {
            answer_then_close(b"not TLS at all\r\n")(stream);
        }
    });
    let run = connect(&[&format!("https://[::1]:{port}/"), "--timeout", "5"]);
    assert_clean_abort(&run);
    assert!(
        run.stdout.contains(&format!("[::1]:{port}")),
        "the address visited: {}",
        run.context()
    );
}

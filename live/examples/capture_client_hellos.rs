//! Captures the ClientHello of real TLS clients against the lab's server, on loopback
//! only, as the hex fixtures of `core/tests/fixtures/client_hellos/`:
//!
//! ```text
//! cargo run -p handshake-lab-live --example capture_client_hellos -- core/tests/fixtures/client_hellos
//! ```
//!
//! Each client (curl, `openssl s_client` with its default groups and with
//! `-groups ffdhe2048:P-256`, Python's `ssl`, rustls with its default provider) makes one
//! connection to `serve`; the first record of each recording (`steps[0].records[0]`,
//! the ClientHello with its record header) is written as `NAME.hex`, and the tool
//! versions are printed for the folder's README.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use handshake_lab_live::{Limits, Recording, ServeConfig, ServeEvent, Server};

const REQUEST: &[u8] = b"GET / HTTP/1.1\r\nHost: bank.example\r\nConnection: close\r\n\r\n";

fn main() {
    let out = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "core/tests/fixtures/client_hellos".into()),
    );
    std::fs::create_dir_all(&out).expect("the output folder");
    let dir = std::env::temp_dir().join(format!("hl-capture-{}", std::process::id()));
    let server = Server::bind(ServeConfig {
        listen: "127.0.0.1:0".parse().expect("an address"),
        server_name: "bank.example".into(),
        record_dir: dir.clone(),
        once: false,
        key: Default::default(),
        limits: Limits::default(),
    })
    .expect("the server binds a loopback port");
    let port = server.local_addr().port();
    let ca = server.ca_path().to_path_buf();
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    let (sender, recordings) = channel::<Recording>();
    let thread = std::thread::spawn(move || {
        server
            .run(&flag, |event| {
                if let ServeEvent::Finished(recording) = event {
                    let _ = sender.send(*recording);
                }
            })
            .expect("the server runs");
    });

    let resolve = format!("bank.example:{port}:127.0.0.1");
    let url = format!("https://bank.example:{port}/");
    run(
        "curl",
        Command::new("curl")
            .args([
                "--silent",
                "--max-time",
                "20",
                "--resolve",
                &resolve,
                "--cacert",
            ])
            .arg(&ca)
            .arg(&url),
        &recordings,
        &out,
    );
    for (name, groups) in [
        ("openssl", None),
        ("openssl-ffdhe2048-p256", Some("ffdhe2048:P-256")),
    ] {
        let mut command = Command::new("openssl");
        command
            .args([
                "s_client",
                "-connect",
                &format!("127.0.0.1:{port}"),
                "-servername",
                "bank.example",
                "-quiet",
                "-CAfile",
            ])
            .arg(&ca);
        if let Some(groups) = groups {
            command.args(["-groups", groups]);
        }
        run(name, &mut command, &recordings, &out);
    }
    let script = format!(
        "import ssl, socket\n\
         ctx = ssl.create_default_context(cafile={ca:?})\n\
         with socket.create_connection(('127.0.0.1', {port}), timeout=20) as raw:\n\
         \x20   with ctx.wrap_socket(raw, server_hostname='bank.example') as tls:\n\
         \x20       tls.sendall({request:?}.encode())\n\
         \x20       while tls.recv(4096): pass\n",
        ca = ca.display().to_string(),
        request = String::from_utf8_lossy(REQUEST),
    );
    run(
        "python-ssl",
        Command::new("python3").args(["-c", &script]),
        &recordings,
        &out,
    );
    rustls_client(port, &ca);
    save("rustls", &recordings, &out);

    stop.store(true, Ordering::Relaxed);
    let _ = thread.join();
    let _ = std::fs::remove_dir_all(&dir);
    for (tool, args) in [
        ("curl", &["--version"][..]),
        ("openssl", &["version"][..]),
        (
            "python3",
            &[
                "-c",
                "import ssl, sys; print('Python', sys.version.split()[0], ssl.OPENSSL_VERSION)",
            ][..],
        ),
    ] {
        let output = Command::new(tool)
            .args(args)
            .output()
            .expect("the tool runs");
        println!(
            "{}",
            String::from_utf8_lossy(&output.stdout)
                .lines()
                .next()
                .unwrap_or_default()
        );
    }
}

/// Runs one client to the end (the request on its standard input), then saves its hello.
fn run(name: &str, command: &mut Command, recordings: &Receiver<Recording>, out: &Path) {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the client runs");
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(REQUEST);
    }
    let _ = child.wait();
    save(name, recordings, out);
}

fn save(name: &str, recordings: &Receiver<Recording>, out: &Path) {
    let recording = recordings
        .recv_timeout(Duration::from_secs(30))
        .expect("the connection was recorded");
    let hello = &recording.timeline.steps[0].records[0].bytes;
    let hex: String = hello.iter().map(|b| format!("{b:02x}")).collect();
    std::fs::write(out.join(format!("{name}.hex")), hex + "\n").expect("the fixture");
    println!(
        "{name}: {} bytes, {}",
        hello.len(),
        recording.timeline.outcome.line()
    );
}

/// rustls with its default provider (ring here) and default settings.
fn rustls_client(port: u16, ca: &Path) {
    use rustls::pki_types::pem::PemObject;
    let mut roots = rustls::RootCertStore::empty();
    roots
        .add(rustls::pki_types::CertificateDer::from_pem_file(ca).expect("ca.pem"))
        .expect("the lab's root");
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .expect("the default versions")
    .with_root_certificates(roots)
    .with_no_client_auth();
    let name = "bank.example".try_into().expect("a name");
    let mut connection = rustls::ClientConnection::new(Arc::new(config), name).expect("a client");
    let mut socket = TcpStream::connect(("127.0.0.1", port)).expect("connects on loopback");
    let mut tls = rustls::Stream::new(&mut connection, &mut socket);
    tls.write_all(REQUEST).expect("the request");
    let mut answer = Vec::new();
    let _ = tls.read_to_end(&mut answer);
}

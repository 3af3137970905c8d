//! Hostile input never takes `serve` down: 300 garbage, truncated and stalled
//! connections, then 40 concurrent curl clients all get their page, and the
//! process's peak memory stays bounded. Loopback only, bounded in count and time.

use std::io::Write;
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use handshake_lab_live::{Limits, ServeConfig, ServeEvent, Server};

/// A small deterministic generator for the garbage (fixed seed: the same bytes on
/// every run).
struct Garbage(u64);

impl Garbage {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn bytes(&mut self, len: usize) -> Vec<u8> {
        (0..len).map(|_| (self.next() >> 24) as u8).collect()
    }
}

fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn garbage_truncated_and_stalled_clients_then_forty_curls_all_get_200() {
    let curl = Command::new("curl")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok();
    assert!(
        curl || std::env::var("CI").as_deref() != Ok("true"),
        "CI must install curl"
    );
    let dir = std::env::temp_dir().join(format!("hl-live-hostile-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let limits = Limits {
        handshake_timeout: Duration::from_millis(800),
        idle_timeout: Duration::from_secs(2),
        ..Limits::default()
    };
    let server = Server::bind(ServeConfig {
        listen: "127.0.0.1:0".parse().expect("an address"),
        server_name: "bank.example".into(),
        record_dir: dir.clone(),
        once: false,
        key: Default::default(),
        limits,
    })
    .expect("binds");
    let port = server.local_addr().port();
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    let runner = std::thread::spawn(move || {
        let mut completed = 0usize;
        let served = server
            .run(&flag, |event| {
                if let ServeEvent::Finished(recording) = event
                    && recording.requests > 0
                {
                    completed += 1;
                }
            })
            .expect("the server keeps running");
        (served, completed)
    });
    let started = Instant::now();
    let mut garbage = Garbage(0x9e37_79b9_7f4a_7c15);

    // 100 garbage connections: random bytes, then close.
    for _ in 0..100 {
        if let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) {
            let len = 1 + (garbage.next() % 3000) as usize;
            let _ = stream.write_all(&garbage.bytes(len));
        }
    }
    // 100 truncated handshakes: a plausible record header promising more than comes.
    for _ in 0..100 {
        if let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) {
            let len = (garbage.next() % 512) as usize;
            let mut bytes = vec![22, 3, 1, 0x02, 0x00, 1, 0, 1, 0xfc, 3, 3];
            bytes.extend(garbage.bytes(len));
            let _ = stream.write_all(&bytes);
        }
    }
    // 100 stalled clients: connect, send three bytes, say nothing more (held open
    // together; beyond the cap on connections they are refused).
    let stalled: Vec<TcpStream> = (0..100)
        .filter_map(|_| {
            let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
            let _ = stream.write_all(&[22, 3, 1]);
            Some(stream)
        })
        .collect();
    // The deadline clears them.
    std::thread::sleep(Duration::from_millis(1500));
    drop(stalled);
    std::thread::sleep(Duration::from_millis(300));

    // 40 concurrent curls.
    let ca = dir.join("ca.pem");
    let mut ok = 0;
    if curl {
        let children: Vec<_> = (0..40)
            .map(|_| {
                Command::new("curl")
                    .args(["--silent", "--max-time", "20", "--output", "/dev/null"])
                    .args(["--write-out", "%{http_code}", "--cacert"])
                    .arg(&ca)
                    .arg(format!("https://localhost:{port}/"))
                    .stdout(Stdio::piped())
                    .spawn()
                    .expect("curl starts")
            })
            .collect();
        for child in children {
            let output = child.wait_with_output().expect("curl ends");
            if output.stdout == b"200" {
                ok += 1;
            }
        }
        assert_eq!(ok, 40, "every concurrent client gets the page");
    }
    stop.store(true, Ordering::Relaxed);
    let (served, completed) = runner.join().expect("the server thread did not panic");
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "bounded in time"
    );
    assert!(
        served.connections + served.refused >= 300,
        "every hostile connection was taken and recorded or refused: {served:?}"
    );
    assert_eq!(completed, ok);
    if let Some(peak) = peak_rss_kib() {
        eprintln!(
            "peak RSS {} MiB; {} connections recorded, {} refused",
            peak / 1024,
            served.connections,
            served.refused
        );
        assert!(peak < 200 * 1024, "peak RSS {peak} KiB is over 200 MiB");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

//! The listening server: accept, one thread per connection, deadlines, recordings.

use std::io::{ErrorKind, Read, Write};
use std::net::{IpAddr, Shutdown, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Sender, channel};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use handshake_lab_core::crypto::{
    IssuedPki, LabRng, PkiRequest, RSA_BITS, RsaKey, Validity, issue_pki_with, pem,
};
use handshake_lab_core::export::{capture, pcap, trace, write_atomically};
use handshake_lab_core::live::{ServerSession, client_guess, negotiation};
use handshake_lab_core::sim::{SessionPki, Timeline};
use handshake_lab_core::tls::{ServerConfig, ServerKey};

/// What `serve` is asked to do.
#[derive(Clone, Debug)]
pub struct ServeConfig {
    /// Where to listen (loopback unless the user asks otherwise).
    pub listen: SocketAddr,
    /// The site's name: the certificate is issued for it (and for localhost and the
    /// listening address, so a browser can open the printed URL).
    pub server_name: String,
    /// Where `ca.pem` and the recordings go.
    pub record_dir: PathBuf,
    /// Stop after the first connection that carried a request.
    pub once: bool,
    /// The kind of key the server's certificate carries.
    pub key: KeyKind,
    /// The limits that keep hostile clients from taking the server down.
    pub limits: Limits,
}

/// Which key the lab's server certificate carries, and so how CertificateVerify is
/// signed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum KeyKind {
    /// ECDSA P-256, ecdsa_secp256r1_sha256 (small and fast; the default).
    #[default]
    Ecdsa,
    /// RSA-2048, rsa_pss_rsae_sha256 (as many web servers still do).
    Rsa,
}

/// Deadlines and caps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Connections served at once; one more is refused with an `internal_error` alert.
    pub max_connections: usize,
    /// From accept until the handshake completes.
    pub handshake_timeout: Duration,
    /// Silence allowed on an established connection before the server closes it.
    pub idle_timeout: Duration,
    /// No connection lives longer than this.
    pub max_lifetime: Duration,
    /// Recordings kept in memory for the window (all are written to disk).
    pub recordings_in_memory: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_connections: 64,
            handshake_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(30),
            max_lifetime: Duration::from_secs(120),
            recordings_in_memory: 100,
        }
    }
}

/// Why `serve` could not run.
#[derive(Debug, thiserror::Error)]
pub enum LiveError {
    /// The address could not be bound (in use, not ours, no permission).
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address asked for.
        addr: SocketAddr,
        /// What the OS said.
        source: std::io::Error,
    },
    /// The record folder cannot be made or written.
    #[error("cannot write into {dir}: {why}")]
    RecordDir {
        /// The folder.
        dir: PathBuf,
        /// What failed.
        why: String,
    },
    /// The certificates could not be made.
    #[error("cannot issue the lab's certificates: {0}")]
    Pki(String),
    /// The OS has no randomness to give.
    #[error("cannot read randomness from the OS: {0}")]
    Randomness(String),
    /// Accepting connections failed for good.
    #[error("accepting connections failed: {0}")]
    Accept(std::io::Error),
}

/// One finished connection.
#[derive(Clone, Debug)]
pub struct Recording {
    /// Its number, from 1 in order of arrival (`0001.json`).
    pub number: usize,
    /// The client's address.
    pub peer: SocketAddr,
    /// Everything that happened, as a simulated session would show it.
    pub timeline: Timeline,
    /// How many HTTP requests the bank answered.
    pub requests: usize,
    /// The client's program, as its User-Agent says (read once, for the list).
    pub client: Option<String>,
    /// The files written, when they could be.
    pub files: Result<(PathBuf, PathBuf), String>,
    /// The connection is still open (an update while it runs; the files come when
    /// it ends).
    pub open: bool,
}

/// What the server reports while it runs.
#[derive(Clone, Debug)]
pub enum ServeEvent {
    /// A connection finished and was recorded.
    Finished(Box<Recording>),
    /// A connection still open carried another request: how it stands now.
    Updated(Box<Recording>),
    /// A connection was refused: too many at once.
    Refused(SocketAddr),
}

/// A bound server, its certificates made and `ca.pem` written.
pub struct Server {
    listener: TcpListener,
    config: ServeConfig,
    pki: Arc<IssuedPki>,
    ca_path: PathBuf,
}

/// What `run` did, when it stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Served {
    /// Connections recorded.
    pub connections: usize,
    /// Connections refused at the cap.
    pub refused: usize,
}

fn os_seed() -> Result<[u8; 32], LiveError> {
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed).map_err(|e| LiveError::Randomness(e.to_string()))?;
    Ok(seed)
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

impl Server {
    /// Binds `config.listen`, issues the lab's certificates (valid from a day ago for
    /// 30 days, by the real clock) and writes `ca.pem` into the record folder.
    pub fn bind(config: ServeConfig) -> Result<Server, LiveError> {
        let dir = &config.record_dir;
        let dir_error = |why: String| LiveError::RecordDir {
            dir: dir.clone(),
            why,
        };
        std::fs::create_dir_all(dir).map_err(|e| dir_error(e.to_string()))?;
        let now = unix_now();
        let validity = Validity {
            not_before: now.saturating_sub(86_400),
            not_after: now + 30 * 86_400,
        };
        let mut dns_names = vec!["localhost".to_string()];
        dns_names.retain(|n| !n.eq_ignore_ascii_case(&config.server_name));
        let mut ips: Vec<IpAddr> = vec![
            IpAddr::from([127, 0, 0, 1]),
            "::1".parse().unwrap_or(IpAddr::from([127, 0, 0, 1])),
        ];
        if !config.listen.ip().is_unspecified() && !ips.contains(&config.listen.ip()) {
            ips.push(config.listen.ip());
        }
        let mut rng = LabRng::from_key(os_seed()?);
        let rsa_key = match config.key {
            KeyKind::Ecdsa => None,
            KeyKind::Rsa => Some(
                RsaKey::generate(&mut rng, RSA_BITS).map_err(|e| LiveError::Pki(e.to_string()))?,
            ),
        };
        let request = PkiRequest {
            extra_dns_names: &dns_names,
            ip_addresses: &ips,
            server_rsa_key: rsa_key.as_ref(),
            ..PkiRequest::lab(&config.server_name, validity)
        };
        let pki = issue_pki_with(&mut rng, &request).map_err(|e| LiveError::Pki(e.to_string()))?;
        let ca_path = dir.join("ca.pem");
        write_atomically(&ca_path, pem("CERTIFICATE", &pki.ca_cert_der).as_bytes())
            .map_err(dir_error)?;
        let listener = TcpListener::bind(config.listen).map_err(|source| LiveError::Bind {
            addr: config.listen,
            source,
        })?;
        Ok(Server {
            listener,
            config,
            pki: Arc::new(pki),
            ca_path,
        })
    }

    /// The address bound (port 0 picks a free port: this says which).
    pub fn local_addr(&self) -> SocketAddr {
        self.listener.local_addr().unwrap_or(self.config.listen)
    }

    /// Where the lab's root certificate was written.
    pub fn ca_path(&self) -> &Path {
        &self.ca_path
    }

    /// The URL a browser on this machine opens.
    pub fn url(&self) -> String {
        let addr = self.local_addr();
        let host = if addr.ip().is_loopback() || addr.ip().is_unspecified() {
            "localhost".to_string()
        } else if addr.is_ipv6() {
            format!("[{}]", addr.ip())
        } else {
            addr.ip().to_string()
        };
        format!("https://{host}:{}/", addr.port())
    }

    /// Accepts connections until `stop` is set (or, with `once`, until the first
    /// connection that carried a request has ended), reporting each to `report`.
    pub fn run(
        self,
        stop: &AtomicBool,
        mut report: impl FnMut(ServeEvent),
    ) -> Result<Served, LiveError> {
        self.listener
            .set_nonblocking(true)
            .map_err(LiveError::Accept)?;
        let active = Arc::new(AtomicUsize::new(0));
        // Set when the loop ends: the connections in flight say close_notify and end.
        let shutdown = Arc::new(AtomicBool::new(false));
        let (events, finished) = channel::<ServeEvent>();
        let mut next_number = 0;
        let mut served = Served {
            connections: 0,
            refused: 0,
        };
        let mut workers = Vec::new();
        let mut done = false;
        while !done && !stop.load(Ordering::Relaxed) {
            match self.listener.accept() {
                Ok((stream, peer)) => {
                    if active.load(Ordering::SeqCst) >= self.config.limits.max_connections {
                        refuse(stream);
                        served.refused += 1;
                        report(ServeEvent::Refused(peer));
                        continue;
                    }
                    // Never a predictable key: no randomness, no connection.
                    let Ok(seed) = os_seed() else {
                        refuse(stream);
                        served.refused += 1;
                        report(ServeEvent::Refused(peer));
                        continue;
                    };
                    active.fetch_add(1, Ordering::SeqCst);
                    next_number += 1;
                    let job = Connection {
                        seed,
                        number: next_number,
                        peer,
                        stream,
                        config: self.config.clone(),
                        pki: Arc::clone(&self.pki),
                        active: Arc::clone(&active),
                        shutdown: Arc::clone(&shutdown),
                        events: events.clone(),
                    };
                    let spawned = std::thread::Builder::new()
                        .name(format!("connection {next_number}"))
                        .spawn(move || job.run());
                    match spawned {
                        Ok(handle) => workers.push(handle),
                        Err(_) => {
                            active.fetch_sub(1, Ordering::SeqCst);
                        }
                    }
                }
                Err(e) if e.kind() == ErrorKind::WouldBlock => {
                    std::thread::sleep(Duration::from_millis(2));
                }
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) if is_per_connection(&e) => {}
                Err(e) => return Err(LiveError::Accept(e)),
            }
            while let Ok(event) = finished.try_recv() {
                if let ServeEvent::Finished(recording) = &event {
                    served.connections += 1;
                    if self.config.once && recording.requests > 0 {
                        done = true;
                    }
                }
                report(event);
            }
            workers.retain(|w| !w.is_finished());
        }
        // The connections in flight end now (within one read timeout) and are recorded.
        shutdown.store(true, Ordering::Relaxed);
        drop(events);
        for worker in workers {
            let _ = worker.join();
        }
        for event in finished.try_iter() {
            if matches!(event, ServeEvent::Finished(_)) {
                served.connections += 1;
            }
            report(event);
        }
        Ok(served)
    }
}

/// Errors `accept` reports for one connection that went away, not for the listener.
fn is_per_connection(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        ErrorKind::ConnectionAborted | ErrorKind::ConnectionReset | ErrorKind::TimedOut
    )
}

/// Too many connections at once: a fatal `internal_error` alert in the clear (the
/// only record a server can send before the handshake), then close.
fn refuse(mut stream: TcpStream) {
    let _ = stream.set_write_timeout(Some(Duration::from_millis(200)));
    let _ = stream.write_all(&[21, 3, 3, 0, 2, 2, 80]);
    let _ = stream.shutdown(Shutdown::Both);
}

struct Connection {
    /// Seeds this connection's generator (from the OS).
    seed: [u8; 32],
    number: usize,
    peer: SocketAddr,
    stream: TcpStream,
    config: ServeConfig,
    pki: Arc<IssuedPki>,
    active: Arc<AtomicUsize>,
    shutdown: Arc<AtomicBool>,
    events: Sender<ServeEvent>,
}

impl Connection {
    fn run(self) {
        let start_unix = unix_now();
        let (session, requests) = self.converse(start_unix);
        let timeline = session.timeline(start_unix, self.session_pki());
        let files = write_recording(&self.config.record_dir, self.number, &timeline, self.peer);
        self.active.fetch_sub(1, Ordering::SeqCst);
        let _ = self.events.send(ServeEvent::Finished(Box::new(Recording {
            number: self.number,
            peer: self.peer,
            client: client_guess(&timeline),
            timeline,
            requests,
            files,
            open: false,
        })));
    }

    fn session_pki(&self) -> SessionPki {
        SessionPki {
            ca_cert_der: self.pki.ca_cert_der.clone(),
            server_cert_der: self.pki.server_cert_der.clone(),
            server_key_pem: server_key(&self.pki).to_pkcs8_pem(),
        }
    }

    /// Reads, answers and writes until the session ends or a deadline passes.
    fn converse(&self, start_unix: u64) -> (ServerSession, usize) {
        let limits = self.config.limits;
        let mut rng = LabRng::from_key(self.seed);
        let server = ServerConfig {
            cert_chain: vec![self.pki.server_cert_der.clone()],
            key: server_key(&self.pki),
        };
        let mut session = ServerSession::new(server, &mut rng, &self.config.server_name);
        let mut stream = &self.stream;
        let opened = Instant::now();
        let mut last_heard = opened;
        let _ = stream.set_nodelay(true);
        let _ = stream.set_read_timeout(Some(Duration::from_millis(100)));
        let _ = stream.set_write_timeout(Some(Duration::from_secs(5)));
        let mut buffer = vec![0u8; 16 * 1024];
        let micros =
            |at: Instant| u64::try_from(at.duration_since(opened).as_micros()).unwrap_or(u64::MAX);
        loop {
            let now = Instant::now();
            let deadline_passed = now.duration_since(opened) > limits.max_lifetime
                || (session.requests_answered() == 0
                    && !session.is_connected()
                    && now.duration_since(opened) > limits.handshake_timeout)
                || now.duration_since(last_heard) > limits.idle_timeout
                || self.shutdown.load(Ordering::Relaxed);
            if deadline_passed {
                let reaction = session.time_out(micros(now));
                let _ = stream.write_all(&reaction.send);
                break;
            }
            match stream.read(&mut buffer) {
                Ok(0) => {
                    let reaction = session.end_of_input(micros(Instant::now()));
                    let _ = stream.write_all(&reaction.send);
                    break;
                }
                Ok(n) => {
                    last_heard = Instant::now();
                    let answered = session.requests_answered();
                    let reaction = session.receive(&buffer[..n], micros(last_heard));
                    if stream.write_all(&reaction.send).is_err() || reaction.close {
                        break;
                    }
                    // A browser keeps the connection open after the login: show it
                    // as soon as it carried a request, not only when it ends.
                    if session.requests_answered() > answered {
                        let timeline = session.timeline(start_unix, self.session_pki());
                        let _ = self.events.send(ServeEvent::Updated(Box::new(Recording {
                            number: self.number,
                            peer: self.peer,
                            client: client_guess(&timeline),
                            timeline,
                            requests: session.requests_answered(),
                            files: Err("the connection is still open".into()),
                            open: true,
                        })));
                    }
                }
                Err(e)
                    if matches!(
                        e.kind(),
                        ErrorKind::WouldBlock | ErrorKind::TimedOut | ErrorKind::Interrupted
                    ) => {}
                Err(_) => {
                    let _ = session.end_of_input(micros(Instant::now()));
                    break;
                }
            }
        }
        let _ = stream.flush();
        let _ = self.stream.shutdown(Shutdown::Both);
        let requests = session.requests_answered();
        (session, requests)
    }
}

/// The key the certificate carries: the RSA key when there is one.
fn server_key(pki: &IssuedPki) -> ServerKey {
    match &pki.server_rsa_key {
        Some(rsa) => ServerKey::RsaPss(rsa.clone()),
        None => ServerKey::Ecdsa(pki.server_key.clone()),
    }
}

/// Writes `NNNN.json` (the `trace --json` schema, with `client`: its address, JA4
/// and what it offered, and `server`: what the lab's server chose) and `NNNN.pcapng`
/// into `dir`.
fn write_recording(
    dir: &Path,
    number: usize,
    timeline: &Timeline,
    peer: SocketAddr,
) -> Result<(PathBuf, PathBuf), String> {
    let mut json = trace::json(timeline);
    // What the client offered and its JA4 beside what the server chose; null when
    // the client's first message was no ClientHello that decodes.
    let negotiation = negotiation(timeline);
    let ja4 = negotiation.as_ref().map(|n| &n.ja4);
    if let Some(object) = json.as_object_mut() {
        object.insert(
            "client".into(),
            serde_json::json!({
                "address": peer.to_string(),
                "ja4": ja4.map(|j| &j.fingerprint),
                "ja4_r": ja4.map(|j| &j.raw),
                "offered": negotiation.as_ref().map(|n| &n.offered),
            }),
        );
        object.insert(
            "server".into(),
            serde_json::json!({
                "chosen": negotiation.as_ref().and_then(|n| n.chosen.as_ref()),
            }),
        );
    }
    let mut text = serde_json::to_string_pretty(&json).map_err(|e| e.to_string())?;
    text.push('\n');
    let json_path = dir.join(format!("{number:04}.json"));
    write_atomically(&json_path, text.as_bytes())?;
    let pcap_path = dir.join(format!("{number:04}.pcapng"));
    write_atomically(&pcap_path, &pcap::pcapng_bytes(&capture::capture(timeline)))?;
    Ok((json_path, pcap_path))
}

//! `connect`: the lab's browser visits a real HTTPS server. The URL is parsed, the
//! host resolved and connected to, and the server's bytes are fed to the core's
//! sans-IO [`ClientSession`] until the session ends, all under one deadline. What
//! comes back is the session's [`Timeline`] (the same one a simulated session gives),
//! the trust anchors it was checked against and how long each stage took.
//!
//! The network failing (no such host, refused, unreachable, reset, timed out) is a
//! [`ConnectError`] naming the host, the address and what happened; what the session
//! recorded until then comes with it. A server that answers, however badly (garbage,
//! a record too long, a hang-up mid-handshake), is no network failure: the session
//! answers as TLS says and the timeline's outcome tells what happened.

use std::fmt;
use std::io::{ErrorKind, Read, Write};
use std::net::{IpAddr, Shutdown, SocketAddr, TcpStream, ToSocketAddrs};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use handshake_lab_core::crypto::{LabRng, TrustAnchors};
use handshake_lab_core::live::{ClientSession, Visit};
use handshake_lab_core::sim::Timeline;
use handshake_lab_core::tls::{ClientConfig, ClientOffer, Trust};
use rustls_pki_types::CertificateDer;
use rustls_pki_types::pem::PemObject;

/// The whole session's deadline when the user names none.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// The most bytes read from one server. The client closes after a page of at most
/// `MAX_RESPONSE` bytes; this bounds a server that keeps sending records that are no
/// page at all (tickets, empty records).
pub const MAX_READ: usize = 4 * 1024 * 1024;

/// Where the browser goes: `https://host[:port][/path?query]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    /// The URL as parsed (normalised: lowercase host, default port dropped).
    pub url: String,
    /// The host: a DNS name, or an IP literal (IPv6 without brackets).
    pub host: Host,
    /// The TCP port (443 unless the URL names another).
    pub port: u16,
    /// The path and query, starting with `/`.
    pub path: String,
}

/// The host part of a URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Host {
    /// A name to resolve (`example.com`, `localhost`).
    Name(String),
    /// An address, used as it is.
    Ip(IpAddr),
}

impl fmt::Display for Host {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Host::Name(name) => f.write_str(name),
            Host::Ip(ip) => write!(f, "{ip}"),
        }
    }
}

impl Target {
    /// Parses what the user typed. Only `https://` URLs with a host are accepted;
    /// user names and passwords in the URL are refused (the lab would not send them).
    pub fn parse(input: &str) -> Result<Target, ConnectError> {
        let bad = |why: String| ConnectError::Url {
            url: input.to_string(),
            why,
        };
        let url = url::Url::parse(input.trim()).map_err(|e| bad(e.to_string()))?;
        if url.scheme() != "https" {
            return Err(bad(format!(
                "the scheme is {:?}: connect visits https:// URLs only",
                url.scheme()
            )));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(bad(
                "a user name or password in the URL is not supported".into()
            ));
        }
        let host = match url.host() {
            Some(url::Host::Domain(name)) if !name.is_empty() => Host::Name(name.to_string()),
            Some(url::Host::Ipv4(ip)) => Host::Ip(IpAddr::V4(ip)),
            Some(url::Host::Ipv6(ip)) => Host::Ip(IpAddr::V6(ip)),
            _ => return Err(bad("it names no host".into())),
        };
        let port = url.port_or_known_default().unwrap_or(443);
        if port == 0 {
            return Err(bad("port 0 is no port a server listens on".into()));
        }
        let path = match url.query() {
            Some(query) => format!("{}?{query}", url.path()),
            None => url.path().to_string(),
        };
        Ok(Target {
            url: url.to_string(),
            host,
            port,
            path,
        })
    }

    /// The name the browser asks the server for (SNI) and checks the certificate
    /// against: the host, an IP address as text.
    pub fn server_name(&self) -> String {
        self.host.to_string()
    }

    /// The `Host` header: the host (an IPv6 address in brackets), with `:port` when
    /// the port is not 443.
    pub fn host_header(&self) -> String {
        let host = self.bracketed_host();
        if self.port == 443 {
            host
        } else {
            format!("{host}:{}", self.port)
        }
    }

    /// The host as a URL writes it: an IPv6 address in brackets.
    fn bracketed_host(&self) -> String {
        match &self.host {
            Host::Ip(IpAddr::V6(ip)) => format!("[{ip}]"),
            other => other.to_string(),
        }
    }

    /// What the browser asks for once the handshake is done.
    pub fn visit(&self) -> Visit {
        Visit {
            host_header: self.host_header(),
            path: self.path.clone(),
        }
    }
}

/// The certificates the browser trusts, and where they came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Anchors {
    /// Where they were read.
    pub source: AnchorSource,
    /// Each a DER certificate.
    pub certs: Vec<Vec<u8>>,
    /// What could not be read, when the rest could (the system's store may hold a
    /// broken file among hundreds of good ones).
    pub warnings: Vec<String>,
}

/// Where trust anchors came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnchorSource {
    /// `--cacert FILE`.
    File(PathBuf),
    /// The operating system's store (on Linux `/etc/ssl/certs`, or `SSL_CERT_FILE` /
    /// `SSL_CERT_DIR` when set).
    System,
}

impl fmt::Display for AnchorSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnchorSource::File(path) => write!(f, "{}", path.display()),
            AnchorSource::System => f.write_str("the system's store"),
        }
    }
}

impl Anchors {
    /// Every certificate of a PEM file. A file that cannot be read, is no PEM or
    /// holds no certificate is an error naming it.
    pub fn from_pem_file(path: &Path) -> Result<Anchors, ConnectError> {
        let bad = |why: String| ConnectError::Anchors {
            file: path.to_path_buf(),
            why,
        };
        let bytes = std::fs::read(path).map_err(|e| bad(e.to_string()))?;
        let certs = CertificateDer::pem_slice_iter(&bytes)
            .map(|cert| cert.map(|c| c.as_ref().to_vec()))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| bad(format!("not a PEM file: {e}")))?;
        if certs.is_empty() {
            return Err(bad("holds no PEM certificate (BEGIN CERTIFICATE)".into()));
        }
        TrustAnchors::from_der_certificates(&certs).map_err(|e| bad(e.to_string()))?;
        Ok(Anchors {
            source: AnchorSource::File(path.to_path_buf()),
            certs,
            warnings: Vec::new(),
        })
    }

    /// The system's trust store, as the machine the lab runs on has it: what a
    /// student's own browser and tools trust, a root that a school or company
    /// installed for interception included. Unreadable entries become warnings; an
    /// empty store is no error (the session then ends in `unknown_ca`, which is what
    /// a browser with no anchors would do).
    pub fn system() -> Anchors {
        let found = rustls_native_certs::load_native_certs();
        Anchors {
            source: AnchorSource::System,
            certs: found.certs.iter().map(|c| c.as_ref().to_vec()).collect(),
            warnings: found.errors.iter().map(ToString::to_string).collect(),
        }
    }
}

/// The client's configuration for `server_name`, trusting `anchors` (DER): the
/// browser that visits real servers, checking chains against every anchor that
/// parses (none usable: every chain ends in `unknown_ca`).
pub fn client_config(server_name: &str, anchors: &[Vec<u8>], now_unix: u64) -> ClientConfig {
    let trust = TrustAnchors::from_der_certificates(anchors)
        .unwrap_or_else(|_| TrustAnchors::none(anchors.len()));
    ClientConfig {
        server_name: server_name.to_string(),
        trust: Trust::Anchors(trust),
        now_unix,
        offer: ClientOffer::Browser,
    }
}

/// What `connect` is asked to do.
#[derive(Clone, Debug)]
pub struct ConnectRequest {
    /// Where to go.
    pub target: Target,
    /// What to trust.
    pub anchors: Anchors,
    /// One deadline for everything: resolving, connecting, the handshake and the page.
    pub timeout: Duration,
}

/// How long each stage took.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Timings {
    /// Resolving the host name (zero for an IP literal).
    pub resolve: Duration,
    /// The TCP handshake (to the address that answered; earlier ones that failed
    /// included).
    pub connect: Duration,
    /// From the ClientHello to the end of the session.
    pub session: Duration,
}

/// A session that took place, however it ended.
#[derive(Clone, Debug)]
pub struct ConnectOutcome {
    /// Where the browser went.
    pub target: Target,
    /// The address that answered.
    pub peer: SocketAddr,
    /// Everything that happened.
    pub timeline: Timeline,
    /// The anchors the chain was checked against.
    pub anchors: Anchors,
    /// How long each stage took.
    pub timings: Timings,
    /// The decrypted answer (at most the client's `MAX_RESPONSE`).
    pub response: Vec<u8>,
}

/// What the network did to a connection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Looking the name up.
    Resolving,
    /// Opening the TCP connection.
    Connecting,
    /// Sending to the server.
    Writing,
    /// Waiting for the server.
    Reading,
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Stage::Resolving => "resolving",
            Stage::Connecting => "connecting",
            Stage::Writing => "sending",
            Stage::Reading => "waiting for the server",
        })
    }
}

/// Why `connect` could not show a session.
#[derive(Debug, thiserror::Error)]
pub enum ConnectError {
    /// The URL is not one `connect` visits.
    #[error("URL {url:?}: {why}")]
    Url {
        /// What the user typed.
        url: String,
        /// What is wrong with it.
        why: String,
    },
    /// The `--cacert` file cannot be used.
    #[error("--cacert {}: {why}", file.display())]
    Anchors {
        /// The file.
        file: PathBuf,
        /// What is wrong with it.
        why: String,
    },
    /// The OS has no randomness to give.
    #[error("cannot read randomness from the OS: {0}")]
    Randomness(String),
    /// The name does not resolve.
    #[error("cannot resolve {host}: {why}")]
    Resolve {
        /// The host name.
        host: String,
        /// What the resolver said.
        why: String,
    },
    /// No address of the host took the connection.
    #[error("cannot connect to {host} port {port}: {}", attempts_text(attempts))]
    Connect {
        /// The host as the URL names it.
        host: String,
        /// The port.
        port: u16,
        /// Each address tried and what the OS said.
        attempts: Vec<(SocketAddr, String)>,
    },
    /// The deadline passed before the session ended.
    #[error("{}: timed out after {:.1} s while {stage}", place(host, addr), elapsed.as_secs_f64())]
    TimedOut {
        /// The host as the URL names it.
        host: String,
        /// The address (unresolved: the host and port).
        addr: String,
        /// What the lab was doing.
        stage: Stage,
        /// How long it had waited, all stages counted.
        elapsed: Duration,
        /// What was recorded until then.
        recorded: Option<Box<ConnectOutcome>>,
    },
    /// The connection broke (reset, aborted, unreachable) after it opened.
    #[error("{}: the connection failed while {stage}: {why}", place(host, &addr.to_string()))]
    Broken {
        /// The host as the URL names it.
        host: String,
        /// The address.
        addr: SocketAddr,
        /// What the lab was doing.
        stage: Stage,
        /// What the OS said.
        why: String,
        /// What was recorded until then.
        recorded: Option<Box<ConnectOutcome>>,
    },
}

/// `host (address)`, or the address alone when the host is its IP.
fn place(host: &str, addr: &str) -> String {
    let bare = addr.trim_start_matches('[');
    if bare.starts_with(host) {
        addr.to_string()
    } else {
        format!("{host} ({addr})")
    }
}

fn attempts_text(attempts: &[(SocketAddr, String)]) -> String {
    if attempts.is_empty() {
        return "it has no address".into();
    }
    attempts
        .iter()
        .map(|(addr, why)| format!("{addr}: {why}"))
        .collect::<Vec<_>>()
        .join("; ")
}

impl ConnectError {
    /// Whether the network (or the server's host) failed, rather than the user's
    /// input or this machine.
    pub fn is_network(&self) -> bool {
        matches!(
            self,
            ConnectError::Resolve { .. }
                | ConnectError::Connect { .. }
                | ConnectError::TimedOut { .. }
                | ConnectError::Broken { .. }
        )
    }

    /// What the session recorded before the network failed, if it had started.
    pub fn recorded(&self) -> Option<&ConnectOutcome> {
        match self {
            ConnectError::TimedOut { recorded, .. } | ConnectError::Broken { recorded, .. } => {
                recorded.as_deref()
            }
            _ => None,
        }
    }
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

fn micros_since(start: Instant) -> u64 {
    u64::try_from(start.elapsed().as_micros()).unwrap_or(u64::MAX)
}

/// The time left before `deadline`, or `None` once it has passed.
fn left(deadline: Instant) -> Option<Duration> {
    deadline
        .checked_duration_since(Instant::now())
        .filter(|d| !d.is_zero())
}

/// Visits `request.target`: resolve, connect, handshake, `GET`, read the answer,
/// close; everything within `request.timeout`.
pub fn connect(request: ConnectRequest) -> Result<ConnectOutcome, ConnectError> {
    let began = Instant::now();
    let deadline = began + request.timeout;
    let target = &request.target;
    let host = target.host.to_string();
    let timed_out = |stage: Stage, addr: String| ConnectError::TimedOut {
        host: host.clone(),
        addr,
        stage,
        elapsed: began.elapsed(),
        recorded: None,
    };

    let addrs = resolve(target, deadline)
        .map_err(|e| e.unwrap_or_else(|| timed_out(Stage::Resolving, host.clone())))?;
    let resolved = Instant::now();

    let mut attempts = Vec::new();
    let mut stream = None;
    for addr in addrs {
        let Some(time) = left(deadline) else {
            return Err(timed_out(Stage::Connecting, target_addr(target)));
        };
        match TcpStream::connect_timeout(&addr, time) {
            Ok(s) => {
                stream = Some((s, addr));
                break;
            }
            Err(e) if e.kind() == ErrorKind::TimedOut && left(deadline).is_none() => {
                return Err(timed_out(Stage::Connecting, addr.to_string()));
            }
            Err(e) => attempts.push((addr, e.to_string())),
        }
    }
    let Some((stream, peer)) = stream else {
        return Err(ConnectError::Connect {
            host,
            port: target.port,
            attempts,
        });
    };
    let connected = Instant::now();

    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed).map_err(|e| ConnectError::Randomness(e.to_string()))?;
    let mut rng = LabRng::from_key(seed);
    let start_unix = unix_now();
    let config = client_config(&target.server_name(), &request.anchors.certs, start_unix);
    let (session, hello) = ClientSession::start(config, target.visit(), &mut rng, 0);
    let mut run = Run {
        stream,
        session,
        opened: connected,
        deadline,
        heard: 0,
    };
    let ended = run.converse(hello.send);
    let _ = run.stream.flush();
    let _ = run.stream.shutdown(Shutdown::Both);
    let outcome = ConnectOutcome {
        target: target.clone(),
        peer,
        timeline: run.session.timeline(),
        anchors: request.anchors.clone(),
        timings: Timings {
            resolve: resolved.duration_since(began),
            connect: connected.duration_since(resolved),
            session: connected.elapsed(),
        },
        response: run.session.response().to_vec(),
    };
    match ended {
        Ended::Finished => Ok(outcome),
        Ended::TimedOut(stage) => Err(ConnectError::TimedOut {
            host,
            addr: peer.to_string(),
            stage,
            elapsed: began.elapsed(),
            recorded: Some(Box::new(outcome)),
        }),
        Ended::Broken(stage, why) => Err(ConnectError::Broken {
            host,
            addr: peer,
            stage,
            why,
            recorded: Some(Box::new(outcome)),
        }),
    }
}

fn target_addr(target: &Target) -> String {
    format!("{}:{}", target.bracketed_host(), target.port)
}

/// The target's addresses: an IP literal as it is, a name through the system's
/// resolver on its own thread, so the deadline bounds a resolver that hangs (the
/// thread is left to finish on its own). `Err(None)` means the deadline passed.
fn resolve(target: &Target, deadline: Instant) -> Result<Vec<SocketAddr>, Option<ConnectError>> {
    let name = match &target.host {
        Host::Ip(ip) => return Ok(vec![SocketAddr::new(*ip, target.port)]),
        Host::Name(name) => name.clone(),
    };
    let (answer, answered) = mpsc::channel();
    let port = target.port;
    let lookup = name.clone();
    std::thread::Builder::new()
        .name("resolve".into())
        .spawn(move || {
            let found = (lookup.as_str(), port)
                .to_socket_addrs()
                .map(Iterator::collect::<Vec<_>>);
            let _ = answer.send(found);
        })
        .map_err(|e| {
            Some(ConnectError::Resolve {
                host: name.clone(),
                why: format!("cannot start the lookup: {e}"),
            })
        })?;
    let time = left(deadline).ok_or(None)?;
    match answered.recv_timeout(time) {
        Ok(Ok(addrs)) if !addrs.is_empty() => Ok(addrs),
        Ok(Ok(_)) => Err(Some(ConnectError::Resolve {
            host: name,
            why: "no address found".into(),
        })),
        Ok(Err(e)) => Err(Some(ConnectError::Resolve {
            host: name,
            why: e.to_string(),
        })),
        Err(mpsc::RecvTimeoutError::Timeout) => Err(None),
        Err(mpsc::RecvTimeoutError::Disconnected) => Err(Some(ConnectError::Resolve {
            host: name,
            why: "the lookup stopped without an answer".into(),
        })),
    }
}

/// How a conversation ended.
enum Ended {
    /// The session is over (completed, an alert, the server closed).
    Finished,
    /// The deadline passed: the client said close_notify and closed.
    TimedOut(Stage),
    /// The connection broke: what the OS said.
    Broken(Stage, String),
}

/// One open connection and its session.
struct Run {
    stream: TcpStream,
    session: ClientSession,
    opened: Instant,
    deadline: Instant,
    /// Bytes read from the server so far.
    heard: usize,
}

impl Run {
    /// Sends the ClientHello, then reads and answers until the session ends, the
    /// deadline passes or the connection breaks.
    fn converse(&mut self, hello: Vec<u8>) -> Ended {
        let _ = self.stream.set_nodelay(true);
        if let Err(ended) = self.send(&hello) {
            return ended;
        }
        let mut buffer = vec![0u8; 16 * 1024];
        while !self.session.is_finished() {
            let Some(time) = left(self.deadline) else {
                return self.time_out(Stage::Reading);
            };
            if let Err(e) = self.stream.set_read_timeout(Some(time)) {
                return Ended::Broken(Stage::Reading, e.to_string());
            }
            match self.stream.read(&mut buffer) {
                Ok(0) => {
                    let reaction = self.session.end_of_input(micros_since(self.opened));
                    // The server is gone; what the client says last is recorded all the
                    // same, and sent if the socket still takes it.
                    let _ = self.send(&reaction.send);
                    return Ended::Finished;
                }
                Ok(n) => {
                    self.heard += n;
                    let reaction = self
                        .session
                        .receive(&buffer[..n], micros_since(self.opened));
                    if let Err(ended) = self.send(&reaction.send) {
                        return ended;
                    }
                    if reaction.close {
                        return Ended::Finished;
                    }
                    if self.heard > MAX_READ {
                        // Enough: the client says close_notify and stops reading.
                        let reaction = self.session.time_out(micros_since(self.opened));
                        let _ = self.send(&reaction.send);
                        return Ended::Finished;
                    }
                }
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                    return self.time_out(Stage::Reading);
                }
                Err(e) => {
                    let _ = self.session.end_of_input(micros_since(self.opened));
                    return Ended::Broken(Stage::Reading, e.to_string());
                }
            }
        }
        Ended::Finished
    }

    /// The deadline passed while the session still ran. Once the server's page has
    /// begun to arrive, the session is shown as it ended (the client closes); before,
    /// the network failed.
    fn time_out(&mut self, stage: Stage) -> Ended {
        let reaction = self.session.time_out(micros_since(self.opened));
        let _ = self
            .stream
            .set_write_timeout(Some(Duration::from_millis(200)));
        let _ = self.stream.write_all(&reaction.send);
        if self.session.is_connected() && !self.session.response().is_empty() {
            Ended::Finished
        } else {
            Ended::TimedOut(stage)
        }
    }

    /// Writes `bytes` within the deadline.
    fn send(&mut self, bytes: &[u8]) -> Result<(), Ended> {
        if bytes.is_empty() {
            return Ok(());
        }
        let Some(time) = left(self.deadline) else {
            return Err(self.time_out(Stage::Writing));
        };
        if let Err(e) = self.stream.set_write_timeout(Some(time)) {
            return Err(Ended::Broken(Stage::Writing, e.to_string()));
        }
        match self.stream.write_all(bytes) {
            Ok(()) => Ok(()),
            // The session is over (its last alert or close_notify recorded); a server
            // that has already gone cannot take it, and that changes nothing.
            Err(_) if self.session.is_finished() => Ok(()),
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                Err(self.time_out(Stage::Writing))
            }
            Err(e) => {
                let _ = self.session.end_of_input(micros_since(self.opened));
                Err(Ended::Broken(Stage::Writing, e.to_string()))
            }
        }
    }
}

#[cfg(test)]
#[path = "connect_test.rs"]
mod tests;

//! What `connect`'s tests visit, all on loopback: a PKI made with the `openssl` CLI
//! (an RSA root, an RSA intermediate, leaves with ECDSA P-256, ECDSA P-384 and
//! RSA-2048 keys for `localhost` and 127.0.0.1), OpenSSL's `s_server -www -tls1_3`
//! serving one of them with its intermediate, and tiny TCP servers that misbehave.
//! Every server is stopped when its value is dropped.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// Skips (locally) or fails (CI) when the openssl CLI is missing; true when it runs.
pub fn require_openssl() -> bool {
    if Command::new("openssl").arg("version").output().is_ok() {
        return true;
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "openssl is not on PATH: CI must install it"
    );
    eprintln!("skipping: openssl is not on PATH");
    false
}

/// The extensions of each kind of certificate.
const OPENSSL_CONFIG: &str = "\
[req]
distinguished_name = dn
prompt = no
[dn]
CN = placeholder
[root]
basicConstraints = critical, CA:true
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
[intermediate]
basicConstraints = critical, CA:true, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
[leaf]
basicConstraints = critical, CA:false
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost, IP:127.0.0.1
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
";

/// The leaf certificates' keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Leaf {
    EcdsaP256,
    EcdsaP384,
    Rsa2048,
}

impl Leaf {
    pub const ALL: [Leaf; 3] = [Leaf::EcdsaP256, Leaf::EcdsaP384, Leaf::Rsa2048];

    fn name(self) -> &'static str {
        match self {
            Leaf::EcdsaP256 => "leaf-p256",
            Leaf::EcdsaP384 => "leaf-p384",
            Leaf::Rsa2048 => "leaf-rsa",
        }
    }

    fn genpkey_args(self) -> &'static [&'static str] {
        match self {
            Leaf::EcdsaP256 => &["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"],
            Leaf::EcdsaP384 => &["-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384"],
            Leaf::Rsa2048 => &["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"],
        }
    }
}

/// A root, an intermediate and the three leaves, in a temporary folder removed on
/// drop.
pub struct Pki {
    dir: tempfile::TempDir,
}

fn openssl(dir: &Path, args: &[&str]) {
    let output = Command::new("openssl")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("openssl runs");
    assert!(
        output.status.success(),
        "openssl {}: {}",
        args.join(" "),
        String::from_utf8_lossy(&output.stderr)
    );
}

impl Pki {
    /// Makes the whole PKI; `root_name` tells two PKIs apart (the untrusted one).
    pub fn make(root_name: &str) -> Pki {
        let dir = tempfile::Builder::new()
            .prefix("hl-connect-pki-")
            .tempdir()
            .expect("a temporary folder");
        let here = dir.path();
        std::fs::write(here.join("openssl.cnf"), OPENSSL_CONFIG).expect("writes the config");
        let root_subject = format!("/CN={root_name}");
        #[rustfmt::skip]
        openssl(here, &[
            "req", "-x509", "-config", "openssl.cnf", "-extensions", "root",
            "-newkey", "rsa:2048", "-nodes", "-keyout", "root.key", "-out", "root.pem",
            "-days", "30", "-sha256", "-subj", &root_subject,
        ]);
        #[rustfmt::skip]
        openssl(here, &[
            "req", "-new", "-config", "openssl.cnf", "-newkey", "rsa:2048", "-nodes",
            "-keyout", "intermediate.key", "-out", "intermediate.csr",
            "-subj", "/CN=Handshake Lab Test Intermediate",
        ]);
        #[rustfmt::skip]
        openssl(here, &[
            "x509", "-req", "-in", "intermediate.csr", "-CA", "root.pem", "-CAkey", "root.key",
            "-set_serial", "2", "-days", "30", "-sha256",
            "-extfile", "openssl.cnf", "-extensions", "intermediate", "-out", "intermediate.pem",
        ]);
        for (serial, leaf) in Leaf::ALL.iter().enumerate() {
            let name = leaf.name();
            let (key, csr, pem) = (
                format!("{name}.key"),
                format!("{name}.csr"),
                format!("{name}.pem"),
            );
            let mut genpkey = vec!["genpkey"];
            genpkey.extend_from_slice(leaf.genpkey_args());
            genpkey.extend_from_slice(&["-out", &key]);
            openssl(here, &genpkey);
            #[rustfmt::skip]
            openssl(here, &[
                "req", "-new", "-config", "openssl.cnf", "-key", &key, "-out", &csr,
                "-subj", "/CN=localhost",
            ]);
            let serial = (10 + serial).to_string();
            #[rustfmt::skip]
            openssl(here, &[
                "x509", "-req", "-in", &csr, "-CA", "intermediate.pem",
                "-CAkey", "intermediate.key", "-set_serial", &serial, "-days", "30",
                "-sha256", "-extfile", "openssl.cnf", "-extensions", "leaf", "-out", &pem,
            ]);
        }
        Pki { dir }
    }

    /// The root certificate (PEM), what `--cacert` is given.
    pub fn root(&self) -> PathBuf {
        self.dir.path().join("root.pem")
    }

    /// A folder beside the certificates for a test's own files.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// `openssl s_server -www -tls1_3` with `leaf` and the intermediate, forcing the
    /// suite (`-ciphersuites`) and group (`-groups`) when given.
    pub fn s_server(&self, leaf: Leaf, suite: Option<&str>, group: Option<&str>) -> Served {
        let here = self.dir.path();
        let name = leaf.name();
        // A port free a moment ago; s_server binds it right away.
        let port = free_port();
        let mut command = Command::new("openssl");
        command
            .current_dir(here)
            .args(["s_server", "-www", "-tls1_3", "-accept"])
            .arg(format!("127.0.0.1:{port}"))
            .args([
                "-cert",
                &format!("{name}.pem"),
                "-key",
                &format!("{name}.key"),
            ])
            .args(["-cert_chain", "intermediate.pem"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        if let Some(suite) = suite {
            command.args(["-ciphersuites", suite]);
        }
        if let Some(group) = group {
            command.args(["-groups", group]);
        }
        let served = Served {
            child: command.spawn().expect("openssl s_server starts"),
            port,
        };
        // Up to 5 s for it to listen.
        for _ in 0..100 {
            if TcpStream::connect_timeout(
                &std::net::SocketAddr::from(([127, 0, 0, 1], port)),
                Duration::from_millis(200),
            )
            .is_ok()
            {
                return served;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("openssl s_server did not listen on 127.0.0.1:{port}");
    }
}

/// A server process, killed and reaped on drop.
pub struct Served {
    child: Child,
    pub port: u16,
}

impl Served {
    /// The URL `connect` visits (the certificates are for localhost).
    pub fn url(&self) -> String {
        format!("https://localhost:{}/", self.port)
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A loopback port nobody listens on a moment later.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

/// A one-connection TCP server on 127.0.0.1 that does `behave` with the connection
/// it accepts (on its own thread; it gives up accepting after 20 s).
pub fn misbehaving_server(behave: impl FnOnce(TcpStream) + Send + 'static) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("binds loopback");
    let port = listener.local_addr().expect("its address").port();
    listener.set_nonblocking(true).expect("nonblocking");
    std::thread::spawn(move || {
        for _ in 0..2000 {
            match listener.accept() {
                Ok((stream, _)) => {
                    let _ = stream.set_nonblocking(false);
                    behave(stream);
                    return;
                }
                Err(_) => std::thread::sleep(Duration::from_millis(10)),
            }
        }
    });
    port
}

/// Reads what the client sent first (its ClientHello), for at most 5 s.
pub fn read_hello(stream: &mut TcpStream) -> Vec<u8> {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut buffer = vec![0u8; 4096];
    let n = stream.read(&mut buffer).unwrap_or(0);
    buffer.truncate(n);
    buffer
}

/// Sends `bytes` after the ClientHello, then closes.
pub fn answer_then_close(bytes: &'static [u8]) -> impl FnOnce(TcpStream) + Send + 'static {
    move |mut stream| {
        let _ = read_hello(&mut stream);
        let _ = stream.write_all(bytes);
        let _ = stream.flush();
        // Let the client answer before the socket goes (no reset on its alert).
        std::thread::sleep(Duration::from_millis(300));
        let _ = stream.shutdown(Shutdown::Both);
    }
}

//! `connect`'s parts that need no network: URLs, the Host header, anchors from PEM.

use super::*;

fn target(url: &str) -> Target {
    match Target::parse(url) {
        Ok(target) => target,
        Err(e) => panic!("{url}: {e}"),
    }
}

#[test]
fn a_url_gives_host_port_path_and_host_header() {
    let t = target("https://Example.COM/a/b?c=d#frag");
    assert_eq!(t.host, Host::Name("example.com".into()));
    assert_eq!(t.port, 443);
    assert_eq!(t.path, "/a/b?c=d");
    assert_eq!(t.host_header(), "example.com");
    assert_eq!(t.server_name(), "example.com");

    let t = target("https://localhost:8443");
    assert_eq!(t.port, 8443);
    assert_eq!(t.path, "/");
    assert_eq!(t.host_header(), "localhost:8443");

    let t = target("https://127.0.0.1:4433/x");
    assert_eq!(t.host, Host::Ip(IpAddr::from([127, 0, 0, 1])));
    assert_eq!(t.host_header(), "127.0.0.1:4433");

    let t = target("https://[::1]:4433/");
    assert_eq!(
        t.host,
        Host::Ip("::1".parse().unwrap_or(IpAddr::from([0; 16])))
    );
    assert_eq!(t.host_header(), "[::1]:4433");
    assert_eq!(t.server_name(), "::1");
    assert_eq!(target("https://[::1]/").host_header(), "[::1]");

    let visit = target("https://localhost:8443/p?q").visit();
    assert_eq!(visit.host_header, "localhost:8443");
    assert_eq!(visit.path, "/p?q");
}

#[test]
fn only_https_urls_with_a_host_are_visited() {
    for bad in [
        "http://example.com/",
        "ftp://example.com/",
        "example.com",
        "localhost:8443",
        "https://",
        "https://[::1",
        "https://host:99999/",
        "https://host:0/",
        "https://user:pass@example.com/",
        "",
    ] {
        match Target::parse(bad) {
            Err(e @ ConnectError::Url { .. }) => {
                assert!(e.to_string().contains("URL"), "{e}");
                assert!(!e.is_network());
            }
            other => panic!("{bad:?} gave {other:?}"),
        }
    }
}

fn temp_file(name: &str, contents: &[u8]) -> PathBuf {
    let path = std::env::temp_dir().join(format!("hl-connect-{}-{name}", std::process::id()));
    if let Err(e) = std::fs::write(&path, contents) {
        panic!("{}: {e}", path.display());
    }
    path
}

#[test]
fn a_cacert_file_gives_every_certificate_or_an_error_naming_it() {
    // Real certificates: a file with none usable is refused as a whole.
    use handshake_lab_core::crypto::{LabRng, Validity, issue_pki};
    let validity = Validity {
        not_before: 1_700_000_000,
        not_after: 1_900_000_000,
    };
    let pki = issue_pki(&mut LabRng::from_seed(1), "Root A", "a.example", validity).expect("a PKI");
    let der_a = pki.ca_cert_der.clone();
    let der_b = pki.server_cert_der.clone();
    let pem = format!(
        "some text first\n{}{}",
        handshake_lab_core::crypto::pem("CERTIFICATE", &der_a),
        handshake_lab_core::crypto::pem("CERTIFICATE", &der_b)
    );
    let path = temp_file("two.pem", pem.as_bytes());
    let anchors = Anchors::from_pem_file(&path);
    let _ = std::fs::remove_file(&path);
    match anchors {
        Ok(a) => {
            assert_eq!(a.certs, [der_a.clone(), der_b]);
            assert_eq!(a.source, AnchorSource::File(path.clone()));
        }
        Err(e) => panic!("{e}"),
    }

    let empty = temp_file("empty.pem", b"");
    let missing = std::env::temp_dir().join("hl-connect-no-such-file.pem");
    for path in [empty.clone(), missing] {
        match Anchors::from_pem_file(&path) {
            Err(e @ ConnectError::Anchors { .. }) => {
                assert!(e.to_string().contains(&path.display().to_string()), "{e}");
            }
            other => panic!("{}: {other:?}", path.display()),
        }
    }
    let _ = std::fs::remove_file(&empty);
}

#[test]
fn unusable_anchors_trust_nothing_and_the_browser_offers_what_real_servers_use() {
    let config = client_config("localhost", &[vec![1], vec![2]], 7);
    assert_eq!(config.server_name, "localhost");
    assert_eq!(config.now_unix, 7);
    assert_eq!(config.offer, ClientOffer::Browser);
    match config.trust {
        Trust::Anchors(anchors) => {
            assert!(anchors.is_empty());
            assert_eq!(anchors.skipped(), 2);
        }
        Trust::LabRoot(_) => panic!("a live client trusts anchors, not the lab root"),
    }
}

#[test]
fn a_refused_port_is_a_network_error_naming_the_address() {
    // A port bound and closed again is (almost certainly) refused.
    let port = match std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()) {
        Ok(addr) => addr.port(),
        Err(e) => panic!("{e}"),
    };
    let request = ConnectRequest {
        target: target(&format!("https://127.0.0.1:{port}/")),
        anchors: Anchors {
            source: AnchorSource::System,
            certs: Vec::new(),
            warnings: Vec::new(),
        },
        timeout: Duration::from_secs(5),
    };
    match connect(request) {
        Err(e @ ConnectError::Connect { .. }) => {
            assert!(e.is_network());
            assert!(e.to_string().contains(&format!("127.0.0.1:{port}")), "{e}");
        }
        other => panic!("{other:?}"),
    }
}

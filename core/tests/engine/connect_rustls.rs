//! The lab's browser visiting a real server, in memory: a rustls server (with a chain
//! rcgen and ring made: root, intermediate, leaf) forced to each suite, each group and
//! each leaf key type in turn; `live::ClientSession` must complete, read the answer,
//! and its timeline must show what was chosen, a HelloRetryRequest when the server
//! insists on P-384, and the server's NewSessionTicket.

use std::io::{Read, Write};
use std::sync::Arc;

use handshake_lab_core::crypto::{LabRng, TrustAnchors};
use handshake_lab_core::export::trace;
use handshake_lab_core::live::{ClientSession, Visit};
use handshake_lab_core::sim::Outcome;
use handshake_lab_core::tls::{ClientConfig, ClientOffer, Trust};
use handshake_lab_core::wire::{HandshakeType, MessageKind};
use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair,
    KeyUsagePurpose, SignatureAlgorithm,
};
use rustls::crypto::ring as provider;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use rustls::{ServerConfig, ServerConnection};

const HOST: &str = "shop.test";
/// Inside rcgen's default validity (1975 to 4096).
const NOW_UNIX: u64 = 1_800_000_000;

struct Chain {
    root_der: Vec<u8>,
    /// Leaf, intermediate.
    sent: Vec<Vec<u8>>,
    leaf_key: Vec<u8>,
}

fn ca_params(name: &str) -> CertificateParams {
    let mut params = CertificateParams::new(Vec::<String>::new()).expect("params");
    params.distinguished_name.push(DnType::CommonName, name);
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    params
}

/// Root (P-256) -> intermediate (P-384) -> leaf with `leaf_alg`.
fn chain(leaf_alg: &'static SignatureAlgorithm) -> Chain {
    chain_under("Connect Test Root", leaf_alg)
}

fn chain_under(root_name: &str, leaf_alg: &'static SignatureAlgorithm) -> Chain {
    let root_key = KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256).expect("root key");
    let root = ca_params(root_name).self_signed(&root_key).expect("root");
    let root_params = ca_params(root_name);
    let root_issuer = Issuer::from_params(&root_params, &root_key);
    let inter_key = KeyPair::generate_for(&rcgen::PKCS_ECDSA_P384_SHA384).expect("inter key");
    let inter = ca_params("Connect Test Intermediate")
        .signed_by(&inter_key, &root_issuer)
        .expect("intermediate");
    let inter_params = ca_params("Connect Test Intermediate");
    let inter_issuer = Issuer::from_params(&inter_params, &inter_key);
    let leaf_key = KeyPair::generate_for(leaf_alg).expect("leaf key");
    let mut params = CertificateParams::new(vec![HOST.to_string()]).expect("leaf params");
    params.distinguished_name.push(DnType::CommonName, HOST);
    params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    let leaf = params.signed_by(&leaf_key, &inter_issuer).expect("leaf");
    Chain {
        root_der: root.der().to_vec(),
        sent: vec![leaf.der().to_vec(), inter.der().to_vec()],
        leaf_key: leaf_key.serialize_der(),
    }
}

fn server(
    chain: &Chain,
    suites: Option<Vec<rustls::SupportedCipherSuite>>,
    groups: Option<Vec<&'static dyn rustls::crypto::SupportedKxGroup>>,
) -> ServerConnection {
    let mut provider = provider::default_provider();
    if let Some(suites) = suites {
        provider.cipher_suites = suites;
    }
    if let Some(groups) = groups {
        provider.kx_groups = groups;
    }
    let certs = chain
        .sent
        .iter()
        .map(|der| CertificateDer::from(der.clone()))
        .collect();
    let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(chain.leaf_key.clone()));
    let config = ServerConfig::builder_with_provider(Arc::new(provider))
        .with_protocol_versions(&[&rustls::version::TLS13])
        .expect("TLS 1.3")
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .expect("server config");
    ServerConnection::new(Arc::new(config)).expect("a server")
}

/// One visit: the client's bytes go to rustls, rustls answers `GET` with a page.
fn visit(chain: &Chain, mut server: ServerConnection) -> (ClientSession, usize) {
    let config = ClientConfig {
        server_name: HOST.into(),
        trust: Trust::Anchors(
            TrustAnchors::from_der_certificates([&chain.root_der]).expect("anchors"),
        ),
        now_unix: NOW_UNIX,
        offer: ClientOffer::Browser,
    };
    let visit = Visit {
        host_header: HOST.into(),
        path: "/".into(),
    };
    let (mut session, first) = ClientSession::start(config, visit, &mut LabRng::from_seed(5), 0);
    let mut to_server = first.send;
    let mut answered = false;
    let mut rounds = 0;
    while rounds < 16 && !session.is_finished() {
        rounds += 1;
        let mut reader = to_server.as_slice();
        while !reader.is_empty() {
            server.read_tls(&mut reader).expect("server reads");
            server
                .process_new_packets()
                .expect("rustls accepts what the lab sent");
        }
        let mut request = Vec::new();
        let _ = server.reader().read_to_end(&mut request);
        if !answered && request.ends_with(b"\r\n\r\n") {
            answered = true;
            let body = "<h1>served by rustls</h1>";
            let response = format!(
                "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
            server
                .writer()
                .write_all(response.as_bytes())
                .expect("buffered");
        }
        let mut out = Vec::new();
        while server.wants_write() {
            server.write_tls(&mut out).expect("server writes");
        }
        if out.is_empty() {
            break;
        }
        // Byte by byte: TCP may cut records anywhere.
        to_server = Vec::new();
        for byte in &out {
            to_server.extend(
                session
                    .receive(std::slice::from_ref(byte), rounds * 1_000)
                    .send,
            );
        }
    }
    (session, rounds as usize)
}

fn text_of(session: &ClientSession) -> String {
    trace::text(&session.timeline())
}

fn assert_completed(session: &ClientSession) -> String {
    let timeline = session.timeline();
    let text = text_of(session);
    assert_eq!(timeline.outcome, Outcome::Completed, "{text}");
    let response = String::from_utf8_lossy(session.response()).into_owned();
    assert!(response.contains("served by rustls"), "{response}");
    // rustls sends tickets after the handshake; the browser shows them.
    assert!(
        timeline
            .records()
            .any(|r| r.message == MessageKind::Handshake(HandshakeType::NewSessionTicket)),
        "{text}"
    );
    // The anchor the chain led to is the root we trust; the leaf is the server's.
    assert!(!timeline.pki.ca_cert_der.is_empty(), "{text}");
    assert!(!timeline.pki.server_cert_der.is_empty(), "{text}");
    text
}

#[test]
fn every_suite_completes_with_its_own_hash() {
    use provider::cipher_suite as cs;
    let chain = chain(&rcgen::PKCS_ECDSA_P256_SHA256);
    for (suite, name, secret_hex_len) in [
        (cs::TLS13_AES_128_GCM_SHA256, "TLS_AES_128_GCM_SHA256", 64),
        (cs::TLS13_AES_256_GCM_SHA384, "TLS_AES_256_GCM_SHA384", 96),
        (
            cs::TLS13_CHACHA20_POLY1305_SHA256,
            "TLS_CHACHA20_POLY1305_SHA256",
            64,
        ),
    ] {
        let (session, _) = visit(&chain, server(&chain, Some(vec![suite]), None));
        let text = assert_completed(&session);
        assert!(text.contains(name), "{name}: {text}");
        let timeline = session.timeline();
        let master = timeline
            .steps
            .iter()
            .flat_map(|s| &s.learned)
            .find(|l| l.derivation.name == "master_secret")
            .expect("the master secret is shown");
        assert_eq!(master.derivation.output.len() * 2, secret_hex_len, "{name}");
    }
}

#[test]
fn every_group_completes_and_p384_goes_through_a_hello_retry_request() {
    use provider::kx_group as kx;
    let chain = chain(&rcgen::PKCS_ECDSA_P256_SHA256);
    for (group, retried) in [
        (kx::X25519, false),
        (kx::SECP256R1, false),
        (kx::SECP384R1, true),
    ] {
        let (session, _) = visit(&chain, server(&chain, None, Some(vec![group])));
        let text = assert_completed(&session);
        let timeline = session.timeline();
        let retry = timeline
            .records()
            .any(|r| r.message == MessageKind::HelloRetryRequest);
        assert_eq!(retry, retried, "{:?}: {text}", group.name());
    }
}

#[test]
fn every_leaf_key_type_signs_a_certificate_verify_the_browser_checks() {
    for alg in [
        &rcgen::PKCS_ECDSA_P256_SHA256,
        &rcgen::PKCS_ECDSA_P384_SHA384,
        &rcgen::PKCS_ED25519,
    ] {
        let chain = chain(alg);
        let (session, _) = visit(&chain, server(&chain, None, None));
        let text = assert_completed(&session);
        assert!(text.contains("CertificateVerify"), "{text}");
    }
}

#[test]
fn a_chain_to_another_root_ends_in_unknown_ca() {
    let chain = chain(&rcgen::PKCS_ECDSA_P256_SHA256);
    let other = chain_under("Another Root", &rcgen::PKCS_ECDSA_P256_SHA256);
    let trusted_elsewhere = Chain {
        root_der: other.root_der,
        sent: chain.sent.clone(),
        leaf_key: chain.leaf_key.clone(),
    };
    let (session, _) = visit(&trusted_elsewhere, server(&trusted_elsewhere, None, None));
    let text = text_of(&session);
    assert!(
        text.trim_end()
            .ends_with("outcome: aborted by client: unknown_ca"),
        "{text}"
    );
}

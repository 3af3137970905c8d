//! What one simulated session costs, against the crypto it cannot avoid.
//!
//! - `session/https_simulate`: `simulate(&Scenario::default())`, the whole HTTPS login.
//! - `session/https_crypto_alone`: exactly the crypto operations that session performs,
//!   called directly on `crypto` and `tls::key_schedule`, in the same count: the lab
//!   PKI, both ECDHE key pairs and agreements, CertificateVerify sign + verify, the
//!   client's chain check, both sides' key schedules and Finished MACs, both
//!   transcripts (with every `hash()` the endpoints take), and AES-GCM seal + open of
//!   every encrypted record with the session's own plaintexts.
//! - `session/http_simulate`: `simulate` of the plain `http` scenario.
//!
//! The DESIGN target: the session costs at most 1.5x its crypto alone.
//! `scripts/bench.sh` runs this and prints the ratio.
//!
//! Before measuring, the crypto-alone path is run once and checked against a real
//! timeline: same seed, same draws, so it must rebuild the certificates and every
//! encrypted record byte for byte. If the session's crypto changes, the check fails
//! instead of the comparison silently drifting.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use handshake_lab_core::crypto::{
    EcdheKeyPair, HashAlg, IssuedPki, LabRng, RecordProtection, Transcript, Validity, issue_pki,
    tls13_certificate_verify_content, verify_ecdsa_p256_sha256, verify_server_chain,
};
use handshake_lab_core::sim::clock::{DAY, SESSION_START_UNIX};
use handshake_lab_core::sim::{Outcome, Scenario, ScenarioName, Timeline, simulate};
use handshake_lab_core::tls::key_schedule::{self, Derivation};
use handshake_lab_core::tls::{Protection, Side, Tls13Suite};

/// The CA name `simulate` issues the lab root under.
const CA_NAME: &str = "Handshake Lab Root CA";

/// One encrypted record of the session, as its sender sealed it.
struct SealedRecord {
    from: Side,
    protection: Protection,
    header: [u8; 5],
    inner_plaintext: Vec<u8>,
    /// `encrypted_record` as it went on the wire (checked once, not in the timed loop).
    ciphertext: Vec<u8>,
}

/// What the crypto-alone path needs from one simulated timeline.
struct SessionBytes {
    server_name: String,
    seed: u64,
    /// Every handshake message in order: ClientHello, ServerHello, EncryptedExtensions,
    /// Certificate, CertificateVerify, server Finished, client Finished.
    handshake: Vec<Vec<u8>>,
    /// Every encrypted record in wire order.
    records: Vec<SealedRecord>,
}

fn session_bytes(timeline: &Timeline) -> SessionBytes {
    assert_eq!(timeline.outcome, Outcome::Completed);
    let mut handshake = Vec::new();
    let mut records = Vec::new();
    for record in timeline.records() {
        match (&record.inner_plaintext, record.protection) {
            (None, Protection::Plaintext) => {
                // ClientHello, ServerHello: one handshake message after the header.
                handshake.push(record.bytes[5..].to_vec());
            }
            (Some(inner), protection) => {
                // No padding: the last byte is the inner content type.
                let (content, ty) = inner.split_at(inner.len() - 1);
                if ty == [22] {
                    handshake.push(content.to_vec());
                }
                let mut header = [0u8; 5];
                header.copy_from_slice(&record.bytes[..5]);
                records.push(SealedRecord {
                    from: record.from,
                    protection,
                    header,
                    inner_plaintext: inner.clone(),
                    ciphertext: record.bytes[5..].to_vec(),
                });
            }
            (None, other) => panic!("record {} is {other:?} without plaintext", record.index),
        }
    }
    assert_eq!(handshake.len(), 7, "seven handshake messages");
    assert_eq!(records.len(), 9, "nine encrypted records");
    SessionBytes {
        server_name: timeline.scenario.server_name.clone(),
        seed: timeline.scenario.seed,
        handshake,
        records,
    }
}

/// The record protection for each direction and key phase, sealer and opener.
struct Direction {
    handshake: (RecordProtection, RecordProtection),
    application: (RecordProtection, RecordProtection),
}

impl Direction {
    fn phase(&mut self, protection: Protection) -> &mut (RecordProtection, RecordProtection) {
        match protection {
            Protection::HandshakeKeys => &mut self.handshake,
            Protection::ApplicationKeys => &mut self.application,
            Protection::Plaintext | Protection::SessionKeys => {
                unreachable!("an https session has no plaintext or TLS 1.2 records to seal")
            }
        }
    }
}

/// What the crypto-alone path produced (kept so nothing is optimised away, and
/// compared with the timeline once).
struct CryptoOutput {
    pki: IssuedPki,
    sealed: Vec<Vec<u8>>,
    derivations: Vec<Derivation>,
}

/// Exactly the crypto of one HTTPS session, in the same count, without the endpoints,
/// the wire codec, the tap or the timeline.
fn crypto_alone(s: &SessionBytes) -> CryptoOutput {
    let [ch, sh, ee, cert, cv, sf, cf] = [0, 1, 2, 3, 4, 5, 6].map(|i| s.handshake[i].as_slice());
    let mut derivations = Vec::new();

    // simulate(): the lab PKI, from the scenario's seed.
    let mut rng = LabRng::from_seed(s.seed);
    let validity = Validity {
        not_before: SESSION_START_UNIX - 30 * DAY,
        not_after: SESSION_START_UNIX + 365 * DAY,
    };
    let pki = issue_pki(&mut rng, CA_NAME, &s.server_name, validity).expect("issue_pki");

    // Client::start, Server::new: key pair, then random, in that order.
    let client_key = EcdheKeyPair::generate(&mut rng);
    let _client_random = rng.bytes::<32>();
    let server_key = EcdheKeyPair::generate(&mut rng);
    let _server_random = rng.bytes::<32>();

    // Server, on the ClientHello: its whole first flight.
    let mut server_t = Transcript::new();
    let server_shared = server_key
        .agree(client_key.public_bytes())
        .expect("server ECDH");
    server_t.add(ch);
    server_t.add(sh);
    let (early, d) = key_schedule::start(HashAlg::Sha256);
    derivations.extend(d);
    let (server_hs, d) = early.handshake(&server_shared, &server_t.hash());
    derivations.extend(d);
    let (s_c_hs, d) = key_schedule::traffic_keys(
        Tls13Suite::Aes128GcmSha256,
        "client_handshake",
        server_hs.client_handshake_traffic_secret(),
    );
    derivations.extend(d);
    let (s_s_hs, d) = key_schedule::traffic_keys(
        Tls13Suite::Aes128GcmSha256,
        "server_handshake",
        server_hs.server_handshake_traffic_secret(),
    );
    derivations.extend(d);
    server_t.add(ee);
    server_t.add(cert);
    let signed = tls13_certificate_verify_content(true, &server_t.hash());
    let signature = pki.server_key.sign(&signed);
    server_t.add(cv);
    let (server_fk, d) = key_schedule::finished_key(
        HashAlg::Sha256,
        "server_finished_key",
        server_hs.server_handshake_traffic_secret(),
    );
    derivations.push(d);
    let server_vd =
        key_schedule::finished_verify_data(HashAlg::Sha256, &server_fk, &server_t.hash());
    server_t.add(sf);
    let server_c_hs_secret = server_hs.client_handshake_traffic_secret().to_vec();
    let (server_ap, d) = server_hs.application(&server_t.hash());
    derivations.extend(d);
    let (s_s_ap, d) = key_schedule::traffic_keys(
        Tls13Suite::Aes128GcmSha256,
        "server_application",
        server_ap.server_application_traffic_secret_0(),
    );
    derivations.extend(d);

    // Client, on ServerHello .. server Finished.
    let mut client_t = Transcript::new();
    client_t.add(ch);
    let client_shared = client_key
        .agree(server_key.public_bytes())
        .expect("client ECDH");
    client_t.add(sh);
    let (early, d) = key_schedule::start(HashAlg::Sha256);
    derivations.extend(d);
    let (client_hs, d) = early.handshake(&client_shared, &client_t.hash());
    derivations.extend(d);
    let (c_c_hs, d) = key_schedule::traffic_keys(
        Tls13Suite::Aes128GcmSha256,
        "client_handshake",
        client_hs.client_handshake_traffic_secret(),
    );
    derivations.extend(d);
    let (c_s_hs, d) = key_schedule::traffic_keys(
        Tls13Suite::Aes128GcmSha256,
        "server_handshake",
        client_hs.server_handshake_traffic_secret(),
    );
    derivations.extend(d);
    client_t.add(ee);
    let verdict = verify_server_chain(
        std::slice::from_ref(&pki.server_cert_der),
        &pki.ca_cert_der,
        &s.server_name,
        SESSION_START_UNIX,
    );
    assert!(verdict.is_ok(), "chain check");
    let server_public = verdict.server_public_key.expect("leaf key");
    client_t.add(cert);
    let content = tls13_certificate_verify_content(true, &client_t.hash());
    verify_ecdsa_p256_sha256(&server_public, &content, &signature).expect("CertificateVerify");
    client_t.add(cv);
    let (client_sfk, d) = key_schedule::finished_key(
        HashAlg::Sha256,
        "server_finished_key",
        client_hs.server_handshake_traffic_secret(),
    );
    derivations.push(d);
    let expected =
        key_schedule::finished_verify_data(HashAlg::Sha256, &client_sfk, &client_t.hash());
    assert_eq!(expected, server_vd, "server Finished");
    client_t.add(sf);
    let (client_cfk, d) = key_schedule::finished_key(
        HashAlg::Sha256,
        "client_finished_key",
        client_hs.client_handshake_traffic_secret(),
    );
    derivations.push(d);
    let (client_ap, d) = client_hs.application(&client_t.hash());
    derivations.extend(d);
    let client_vd =
        key_schedule::finished_verify_data(HashAlg::Sha256, &client_cfk, &client_t.hash());
    client_t.add(cf);
    derivations.push(client_ap.resumption_master_secret(&client_t.hash()));
    let (c_c_ap, d) = key_schedule::traffic_keys(
        Tls13Suite::Aes128GcmSha256,
        "client_application",
        client_ap.client_application_traffic_secret_0(),
    );
    derivations.extend(d);
    let (c_s_ap, d) = key_schedule::traffic_keys(
        Tls13Suite::Aes128GcmSha256,
        "server_application",
        client_ap.server_application_traffic_secret_0(),
    );
    derivations.extend(d);

    // Server, on the client's Finished.
    let (server_cfk, d) =
        key_schedule::finished_key(HashAlg::Sha256, "client_finished_key", &server_c_hs_secret);
    derivations.push(d);
    let expected =
        key_schedule::finished_verify_data(HashAlg::Sha256, &server_cfk, &server_t.hash());
    assert_eq!(expected, client_vd, "client Finished");
    server_t.add(cf);
    derivations.push(server_ap.resumption_master_secret(&server_t.hash()));
    let (s_c_ap, d) = key_schedule::traffic_keys(
        Tls13Suite::Aes128GcmSha256,
        "client_application",
        server_ap.client_application_traffic_secret_0(),
    );
    derivations.extend(d);

    // Every encrypted record: sealed by its sender, opened by its receiver, each
    // side with the keys it derived itself.
    let mut to_server = Direction {
        handshake: (RecordProtection::new(c_c_hs), RecordProtection::new(s_c_hs)),
        application: (RecordProtection::new(c_c_ap), RecordProtection::new(s_c_ap)),
    };
    let mut to_client = Direction {
        handshake: (RecordProtection::new(s_s_hs), RecordProtection::new(c_s_hs)),
        application: (RecordProtection::new(s_s_ap), RecordProtection::new(c_s_ap)),
    };
    let mut sealed = Vec::with_capacity(s.records.len());
    for record in &s.records {
        let direction = match record.from {
            Side::Client => &mut to_server,
            Side::Server => &mut to_client,
            Side::Attacker => unreachable!("https has no attacker on the wire"),
        };
        let (sealer, opener) = direction.phase(record.protection);
        let ciphertext = sealer.seal(&record.header, &record.inner_plaintext);
        let opened = opener.open(&record.header, &ciphertext).expect("open");
        debug_assert_eq!(opened, record.inner_plaintext);
        sealed.push(ciphertext);
    }

    CryptoOutput {
        pki,
        sealed,
        derivations,
    }
}

/// The crypto-alone path must rebuild the session's certificates and records exactly.
fn check_same_work(timeline: &Timeline, s: &SessionBytes) {
    let out = crypto_alone(s);
    assert_eq!(
        out.pki.ca_cert_der, timeline.pki.ca_cert_der,
        "CA certificate"
    );
    assert_eq!(
        out.pki.server_cert_der, timeline.pki.server_cert_der,
        "server certificate"
    );
    for (i, (mine, record)) in out.sealed.iter().zip(&s.records).enumerate() {
        assert_eq!(mine, &record.ciphertext, "encrypted record {i}");
    }
    // Both sides' key schedules, as the timeline recorded them (ECDH aside).
    let recorded = timeline
        .steps
        .iter()
        .flat_map(|step| &step.learned)
        .filter(|l| l.derivation.function != "ECDH (P-256)")
        .count();
    assert_eq!(out.derivations.len(), recorded, "derivations");
}

fn bench(c: &mut Criterion) {
    let https = Scenario::default();
    let http = Scenario::named(ScenarioName::Http);
    let timeline = simulate(&https).expect("https simulates");
    let bytes = session_bytes(&timeline);
    check_same_work(&timeline, &bytes);

    let mut group = c.benchmark_group("session");
    group.bench_function("https_simulate", |b| {
        b.iter(|| simulate(black_box(&https)).expect("simulates"))
    });
    group.bench_function("https_crypto_alone", |b| {
        b.iter(|| crypto_alone(black_box(&bytes)))
    });
    group.bench_function("http_simulate", |b| {
        b.iter(|| simulate(black_box(&http)).expect("simulates"))
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    targets = bench
}
criterion_main!(benches);

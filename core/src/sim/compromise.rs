//! `key-compromise`: forward secrecy, shown by trying it.
//!
//! The eavesdropper records two logins from the wire, one over TLS 1.2 with RSA key
//! transport (`tls12-rsa`) and one over TLS 1.3 with ECDHE (`https`), same seed and
//! inputs. Later it steals the server's private key files. With nothing but the
//! recorded bytes and those keys it then tries to decrypt both:
//!
//! - TLS 1.2 RSA: the ClientKeyExchange on the wire holds the premaster secret
//!   encrypted to the server's RSA key. The stolen key decrypts it; the PRF turns it
//!   into the master secret and the record keys; the recorded login decrypts.
//! - TLS 1.3 ECDHE: nothing on the wire is encrypted to the certificate key, which only
//!   signed CertificateVerify. The traffic keys come from the ECDHE private keys, which
//!   never crossed the wire. The attacker still tries the one thing it has (the stolen
//!   scalar as if it were the server's ECDHE key) and the AEAD check refuses the result.
//!
//! Both answers are computed, never asserted: the stable lines
//! `stolen-key decrypts tls12-rsa: yes|no` and `stolen-key decrypts tls13-ecdhe: yes|no`
//! print what the attempts found.

use crate::crypto::tls12::Tls12RecordProtection;
use crate::crypto::{
    EcdheKeyPair, EcdsaKey, HashAlg, RecordProtection, RsaKey, TrafficKeys, Transcript,
};
use crate::http;
use crate::sim::error::{SimError, tamper_out_of_range};
use crate::sim::scenario::{ByteEdit, Scenario, ScenarioName, Tamper};
use crate::sim::simulate::simulate;
use crate::sim::step_name::{RecordedSession, StepKind, StepName};
use crate::sim::tap::{Observation, ObservationKind, observe_http};
use crate::sim::timeline::{DecryptionAttempt, Learned, Outcome, Step, Timeline, hex};
use crate::text;
use crate::text::Text;
use crate::tls::Side;
use crate::tls::key_schedule::{self, Derivation};
use crate::wire::{ContentType, Extension, HandshakeMessage, Record, Tls12Message};

/// Simulated time between the two recorded sessions and before the attack.
const LATER_MICROS: u64 = 1_000_000;

/// One record as the eavesdropper recorded it: who sent it and its bytes.
pub type Recorded = (Side, Vec<u8>);

/// Records a `tls12-rsa` and an `https` session, steals the server keys, and tries.
pub(crate) fn simulate_key_compromise(scenario: &Scenario) -> Result<Timeline, SimError> {
    let mut first = Scenario {
        name: ScenarioName::Tls12Rsa,
        tamper: None,
        edits: Vec::new(),
        ..scenario.clone()
    };
    let mut second = Scenario {
        name: ScenarioName::Https,
        tamper: None,
        edits: Vec::new(),
        ..scenario.clone()
    };
    if !scenario.edits.is_empty() {
        // Edits count over both sessions' records as the timeline numbers them: the
        // first session's records, as edited (an edit that makes it abort leaves it
        // fewer), then the second's. Taken record by record in wire order, since an
        // edit only changes what comes after it.
        let mut edits = scenario.edits.clone();
        edits.sort_by_key(|e| (e.record, e.offset));
        let mut split = simulate(&first)?.records().count();
        let mut last_record = None;
        for edit in edits {
            if last_record.is_some_and(|r| r != edit.record) {
                split = simulate(&first)?.records().count();
                last_record = None;
            }
            if edit.record < split {
                first.edits.push(edit);
                last_record = Some(edit.record);
            } else {
                second.edits.push(ByteEdit {
                    record: edit.record - split,
                    ..edit
                });
            }
        }
        if !second.edits.is_empty()
            && let Err(SimError::EditOutOfRange {
                record,
                offset,
                why,
            }) = simulate(&second)
        {
            return Err(SimError::EditOutOfRange {
                record: record + split,
                offset,
                why,
            });
        }
    }
    if let Some(tamper) = scenario.tamper {
        // `--tamper` counts over both sessions' records, as `trace --json` shows them.
        let lengths = |t: &Timeline| t.records().map(|r| r.bytes.len()).collect::<Vec<_>>();
        let mut all = lengths(&simulate(&first)?);
        let split = all.len();
        if tamper.record < split {
            first.tamper = Some(tamper);
        } else {
            all.extend(lengths(&simulate(&second)?));
            if tamper.record >= all.len()
                || all
                    .get(tamper.record)
                    .is_some_and(|len| tamper.offset >= *len)
            {
                return Err(tamper_out_of_range(tamper, &all));
            }
            second.tamper = Some(Tamper {
                record: tamper.record - split,
                ..tamper
            });
        }
    }
    let tls12 = simulate(&first)?;
    let tls13 = simulate(&second)?;

    // The stolen key files: exactly what `certs` writes as server.key.pem.
    let rsa_key = RsaKey::from_pkcs8_pem(&tls12.pki.server_key_pem)
        .map_err(|e| SimError::Internal(format!("reading the stolen RSA key: {e}")))?;
    let ecdsa_key = EcdsaKey::from_pkcs8_pem(&tls13.pki.server_key_pem)
        .map_err(|e| SimError::Internal(format!("reading the stolen ECDSA key: {e}")))?;

    let mut steps = Vec::new();
    let mut records = 0;
    let mut clock = 0;
    for (session, connection, timeline) in [
        (RecordedSession::Tls12Rsa, 0, &tls12),
        (RecordedSession::Tls13Ecdhe, 1, &tls13),
    ] {
        let start = clock;
        for step in &timeline.steps {
            let mut step = step.clone();
            step.name.session = Some(session);
            step.connection = connection;
            step.time_micros += start;
            for record in &mut step.records {
                record.index += records;
            }
            clock = step.time_micros;
            steps.push(step);
        }
        records += timeline.records().count();
        clock += LATER_MICROS;
    }

    let wire = |t: &Timeline| -> Vec<Recorded> {
        t.records().map(|r| (r.from, r.bytes.clone())).collect()
    };
    for (target, connection, attempt) in [
        (
            RecordedSession::Tls12Rsa,
            0,
            attempt_tls12(&wire(&tls12), &rsa_key),
        ),
        (
            RecordedSession::Tls13Ecdhe,
            1,
            attempt_tls13(&wire(&tls13), &ecdsa_key),
        ),
    ] {
        let (attempt, derivations) = attempt;
        let name = StepName::new(StepKind::StolenKey(target));
        let mut step = Step::new(name, Side::Attacker, Side::Attacker, clock);
        step.connection = connection;
        step.learned = derivations
            .into_iter()
            .map(|derivation| Learned {
                side: Side::Attacker,
                peer: Side::Server,
                derivation,
            })
            .collect();
        for plaintext in &attempt.plaintexts {
            step.delivered_data
                .push((Side::Attacker, plaintext.clone()));
            step.eavesdropper
                .extend(observe_http(Side::Attacker, plaintext, clock));
        }
        if attempt.plaintexts.is_empty() {
            step.eavesdropper.push(Observation::new(
                ObservationKind::Ciphertext,
                Text::message("tap-stays-ciphertext"),
            ));
        }
        step.attempt = Some(attempt);
        steps.push(step);
        clock += LATER_MICROS;
    }

    let outcome = match (&tls12.outcome, &tls13.outcome) {
        (Outcome::Aborted { .. }, _) => tls12.outcome.clone(),
        (_, Outcome::Aborted { .. }) => tls13.outcome.clone(),
        _ => Outcome::Completed,
    };
    Ok(Timeline {
        scenario: scenario.clone(),
        start_unix: tls12.start_unix,
        steps,
        outcome,
        pki: tls12.pki.clone(),
    })
}

/// The handshake messages a record carries in the clear (none if it does not parse).
fn clear_messages(bytes: &[u8]) -> Vec<Tls12Message> {
    let Ok((record, _)) = Record::decode(bytes) else {
        return Vec::new();
    };
    if record.content_type != ContentType::Handshake {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut rest = record.fragment.as_slice();
    while let Ok((message, used)) = Tls12Message::decode(rest) {
        out.push(message);
        rest = rest.get(used..).unwrap_or_default();
        if rest.is_empty() || used == 0 {
            break;
        }
    }
    out
}

/// TLS 1.2 RSA: decrypt ClientKeyExchange with the stolen key, derive the keys like
/// the endpoints did, decrypt every recorded record after ChangeCipherSpec.
pub fn attempt_tls12(wire: &[Recorded], key: &RsaKey) -> (DecryptionAttempt, Vec<Derivation>) {
    let mut attempt = DecryptionAttempt {
        target: RecordedSession::Tls12Rsa,
        stolen_key: text!("attempt-key-rsa", bits = key.bits()),
        decrypted: false,
        stages: Vec::new(),
        missing: None,
        plaintexts: Vec::new(),
    };
    let (mut client_random, mut server_random, mut encrypted) = (None, None, None);
    // Each side's records are plaintext until its ChangeCipherSpec.
    let mut switched = [false, false];
    let mut protected: Vec<(usize, Vec<u8>)> = Vec::new();
    for (from, bytes) in wire {
        let who = usize::from(*from == Side::Server);
        if switched[who] {
            protected.push((who, bytes.clone()));
            continue;
        }
        if bytes.first() == Some(&ContentType::ChangeCipherSpec.to_u8()) {
            switched[who] = true;
            continue;
        }
        for message in clear_messages(bytes) {
            match message {
                Tls12Message::ClientHello(hello) => client_random = Some(hello.random),
                Tls12Message::ServerHello(hello) => server_random = Some(hello.random),
                Tls12Message::ClientKeyExchange(exchange) => {
                    encrypted = Some(exchange.encrypted_pre_master_secret)
                }
                _ => {}
            }
        }
    }
    let (Some(client_random), Some(server_random), Some(encrypted)) =
        (client_random, server_random, encrypted)
    else {
        attempt.missing = Some(Text::message("attempt-lacks-tls12-messages"));
        return (attempt, Vec::new());
    };
    attempt.stages.push(text!(
        "attempt-stage-reads-randoms",
        client = hex(&client_random),
        server = hex(&server_random)
    ));
    attempt.stages.push(text!(
        "attempt-stage-reads-premaster",
        length = encrypted.len()
    ));
    let premaster = key
        .decrypt_pkcs1v15(&encrypted)
        .ok()
        .filter(|p| p.len() == 48 && p.get(..2) == Some(&[3, 3][..]));
    let Some(premaster) = premaster else {
        attempt.missing = Some(Text::message("attempt-lacks-rsa-key"));
        return (attempt, Vec::new());
    };
    attempt.stages.push(text!(
        "attempt-stage-decrypts-premaster",
        premaster = hex(&premaster)
    ));
    let mut derivations = vec![Derivation {
        name: "pre_master_secret",
        function: "RSAES-PKCS1-v1_5 decrypt (stolen key)",
        inputs: vec![("encrypted_pre_master_secret".into(), encrypted.clone())],
        label: None,
        context: Vec::new(),
        output: premaster.clone(),
    }];
    let (master, block, keys) =
        crate::tls::tls12::key_derivations(&premaster, &client_random, &server_random);
    derivations.extend(keys);
    attempt
        .stages
        .push(text!("attempt-stage-derives-master", master = hex(&master)));
    attempt.stages.push(text!(
        "attempt-stage-derives-key-block",
        client = hex(&block.client_write_key),
        server = hex(&block.server_write_key)
    ));
    let mut readers = [
        Tls12RecordProtection::new(block.client_write_key, block.client_write_iv),
        Tls12RecordProtection::new(block.server_write_key, block.server_write_iv),
    ];
    let (mut opened, mut failed) = (0usize, 0usize);
    for (who, bytes) in &protected {
        let Ok((record, _)) = Record::decode(bytes) else {
            failed += 1;
            continue;
        };
        let Some(reader) = readers.get_mut(*who) else {
            continue;
        };
        match reader.open(
            record.content_type.to_u8(),
            record.legacy_version.to_be_bytes(),
            &record.fragment,
        ) {
            Ok(plaintext) => {
                opened += 1;
                if record.content_type == ContentType::ApplicationData {
                    attempt.plaintexts.push(plaintext);
                }
            }
            Err(_) => failed += 1,
        }
    }
    attempt.stages.push(text!(
        "attempt-stage-decrypts-records",
        opened = opened,
        failed = failed,
        data = attempt.plaintexts.len()
    ));
    if let Some(login) = attempt.plaintexts.iter().find_map(|p| {
        http::parse(p)
            .ok()
            .filter(|m| m.start_line.starts_with("POST"))
    }) {
        let password = http::form_fields(&login.body)
            .into_iter()
            .find(|(name, _)| name == "password")
            .map(|(_, value)| value)
            .unwrap_or_default();
        attempt.stages.push(text!(
            "attempt-stage-reads-login",
            request = login.start_line,
            password = format!("{password:?}")
        ));
    }
    attempt.decrypted = opened > 0 && failed == 0 && !attempt.plaintexts.is_empty();
    if !attempt.decrypted {
        attempt.missing = Some(Text::message("attempt-lacks-records"));
    }
    (attempt, derivations)
}

/// TLS 1.3 ECDHE: look for anything the stolen certificate key opens; then try it as
/// the server's ECDHE key, run the key schedule and let the AEAD decide.
pub fn attempt_tls13(wire: &[Recorded], key: &EcdsaKey) -> (DecryptionAttempt, Vec<Derivation>) {
    let mut attempt = DecryptionAttempt {
        target: RecordedSession::Tls13Ecdhe,
        stolen_key: Text::message("attempt-key-ecdsa"),
        decrypted: false,
        stages: Vec::new(),
        missing: None,
        plaintexts: Vec::new(),
    };
    let mut transcript = Transcript::new();
    let (mut client_share, mut server_share) = (None, None);
    let mut first_encrypted = None;
    for (from, bytes) in wire {
        let Ok((record, _)) = Record::decode(bytes) else {
            continue;
        };
        match record.content_type {
            ContentType::Handshake => {
                if let Ok((message, used)) = HandshakeMessage::decode(&record.fragment) {
                    transcript.add(record.fragment.get(..used).unwrap_or_default());
                    match message {
                        HandshakeMessage::ClientHello(hello) => {
                            client_share = hello.extensions.iter().find_map(|e| match e {
                                Extension::KeyShareClient(shares) => {
                                    shares.first().map(|s| s.key_exchange.clone())
                                }
                                _ => None,
                            })
                        }
                        HandshakeMessage::ServerHello(hello) => {
                            server_share = hello.extensions.iter().find_map(|e| match e {
                                Extension::KeyShareServer(share) => {
                                    Some(share.key_exchange.clone())
                                }
                                _ => None,
                            })
                        }
                        _ => {}
                    }
                }
            }
            ContentType::ApplicationData if *from == Side::Server && first_encrypted.is_none() => {
                first_encrypted = Some(bytes.clone())
            }
            _ => {}
        }
    }
    let (Some(client_share), Some(server_share), Some(encrypted)) =
        (client_share, server_share, first_encrypted)
    else {
        attempt.missing = Some(Text::message("attempt-lacks-tls13-messages"));
        return (attempt, Vec::new());
    };
    attempt.stages.push(text!(
        "attempt-stage-reads-shares",
        client = client_share.len(),
        server = server_share.len()
    ));
    attempt
        .stages
        .push(Text::message("attempt-stage-looks-for-encrypted"));
    let stolen_public = key.public_sec1();
    attempt
        .stages
        .push(Text::message(if stolen_public == server_share {
            "attempt-stage-key-is-share"
        } else {
            "attempt-stage-key-not-share"
        }));
    let mut derivations = Vec::new();
    let opened = EcdheKeyPair::from_private_bytes(&key.private_bytes())
        .and_then(|pair| pair.agree(&client_share))
        .ok()
        .map(|shared| {
            derivations.push(Derivation {
                name: "ecdhe_shared_secret",
                function: "ECDH (P-256) with the stolen key as a guess",
                inputs: vec![
                    ("stolen private key".into(), key.private_bytes().to_vec()),
                    ("client public key".into(), client_share.clone()),
                ],
                label: None,
                context: Vec::new(),
                output: shared.to_vec(),
            });
            let (early, _) = key_schedule::start(HashAlg::Sha256);
            let (stage, _) = early.handshake(&shared, &transcript.hash());
            let secret = stage.server_handshake_traffic_secret();
            let mut reader = RecordProtection::new(TrafficKeys::from_secret(secret));
            let mut header = [0u8; 5];
            header.copy_from_slice(encrypted.get(..5).unwrap_or(&[0; 5]));
            reader
                .open(&header, encrypted.get(5..).unwrap_or_default())
                .is_ok()
        })
        .unwrap_or(false);
    attempt.stages.push(Text::message(if opened {
        "attempt-stage-ecdhe-opens"
    } else {
        "attempt-stage-ecdhe-fails"
    }));
    attempt.decrypted = opened;
    if !opened {
        attempt.missing = Some(Text::message("attempt-lacks-ecdhe-key"));
    }
    (attempt, derivations)
}

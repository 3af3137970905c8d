//! The browser's side of TLS 1.3 (RFC 8446 §2, full handshake, no PSK, no HRR).

use crate::crypto::{
    ChainFailure, EcdheKeyPair, LabRng, Transcript, tls13_certificate_verify_content,
    verify_ecdsa_p256_sha256, verify_server_chain,
};
use crate::text;
use crate::text::Text;
use crate::tls::error::{application_data, nothing_closed};
use crate::tls::key_schedule::{self, HandshakeStage};
use crate::tls::record_layer::Sealer;
use crate::tls::record_layer::{EndpointCore, Protection, RecordLayer, ecdhe_derivation};
use crate::tls::{ALPN_HTTP11, TlsError};
use crate::tls::{Check, CheckName, Event};
use crate::wire::{
    AlertDescription, CipherSuite, ClientHello, ContentType, Extension, ExtensionType,
    HandshakeMessage, HandshakeType, KeyShareEntry, MessageKind, NamedGroup, ProtocolVersion,
    ServerHello, SignatureScheme,
};

/// What the client is told before it connects.
#[derive(Clone, Debug)]
pub struct ClientConfig {
    /// The site the user typed: sent as SNI and checked against the certificate.
    pub server_name: String,
    /// The one root CA the browser trusts (DER).
    pub trusted_root_der: Vec<u8>,
    /// The simulated time, for certificate validity (unix seconds).
    pub now_unix: u64,
}

/// RFC 8446 §4.1.3: the ServerHello.random that marks a HelloRetryRequest.
const HELLO_RETRY_REQUEST_RANDOM: [u8; 32] = [
    0xcf, 0x21, 0xad, 0x74, 0xe5, 0x9a, 0x61, 0x11, 0xbe, 0x1d, 0x8c, 0x02, 0x1e, 0x65, 0xb8, 0x91,
    0xc2, 0xa2, 0x11, 0x16, 0x7a, 0xbb, 0x8c, 0x5e, 0x07, 0x9e, 0x09, 0xe2, 0xc8, 0xa8, 0x33, 0x9c,
];

/// The TLS 1.3 client: a browser about to log in.
pub struct Client {
    config: ClientConfig,
    core: EndpointCore,
    state: State,
    /// Whether this side sent close_notify (it then writes nothing more).
    sent_close: bool,
}

/// Handshake state shared from ServerHello on.
struct Keys {
    transcript: Transcript,
    stage: HandshakeStage,
}

enum State {
    ExpectServerHello {
        key: EcdheKeyPair,
        transcript: Transcript,
    },
    ExpectEncryptedExtensions(Keys),
    ExpectCertificate(Keys),
    ExpectCertificateVerify {
        keys: Keys,
        server_key: Vec<u8>,
    },
    ExpectFinished(Keys),
    Connected,
    /// Stopped: closed cleanly or after an alert.
    Closed,
}

impl State {
    fn expects(&self) -> Text {
        match self {
            State::ExpectServerHello { .. } => "ServerHello".into(),
            State::ExpectEncryptedExtensions(_) => "EncryptedExtensions".into(),
            State::ExpectCertificate(_) => "Certificate".into(),
            State::ExpectCertificateVerify { .. } => "CertificateVerify".into(),
            State::ExpectFinished(_) => "Finished".into(),
            State::Connected => application_data(),
            State::Closed => nothing_closed(),
        }
    }
}

impl Client {
    endpoint_life_cycle!();

    /// Creates the client and its ClientHello (the first event is that record).
    pub fn start(config: ClientConfig, rng: &mut LabRng) -> (Client, Vec<Event>) {
        let mut events = Vec::new();
        let key = EcdheKeyPair::generate(rng);
        events.push(Event::EphemeralKey {
            private_key: key.private_bytes(),
            public_key: key.public_bytes().to_vec(),
        });
        let hello = ClientHello {
            legacy_version: ProtocolVersion::Tls12.to_u16(),
            random: rng.bytes::<32>(),
            legacy_session_id: Vec::new(),
            cipher_suites: vec![CipherSuite::TlsAes128GcmSha256.to_u16()],
            legacy_compression_methods: vec![0],
            extensions: vec![
                Extension::ServerName(Some(config.server_name.clone())),
                Extension::SupportedVersionsClient(vec![ProtocolVersion::Tls13.to_u16()]),
                Extension::SupportedGroups(vec![NamedGroup::Secp256r1.to_u16()]),
                Extension::SignatureAlgorithms(vec![
                    SignatureScheme::EcdsaSecp256r1Sha256.to_u16(),
                ]),
                Extension::Alpn(vec![ALPN_HTTP11.to_vec()]),
                Extension::KeyShareClient(vec![KeyShareEntry {
                    group: NamedGroup::Secp256r1.to_u16(),
                    key_exchange: key.public_bytes().to_vec(),
                }]),
            ],
        };
        let bytes = HandshakeMessage::ClientHello(hello).encode();
        let mut transcript = Transcript::new();
        transcript.add(&bytes);
        let mut core = EndpointCore::default();
        events.push(Event::Send(
            core.records.seal(ContentType::Handshake, &bytes),
        ));
        let client = Client {
            config,
            core,
            state: State::ExpectServerHello { key, transcript },
            sent_close: false,
        };
        (client, events)
    }

    /// Takes one whole record from the wire.
    pub fn receive(&mut self, record: &[u8]) -> Vec<Event> {
        let mut events = Vec::new();
        if self.is_closed() {
            return events;
        }
        let connected = self.is_connected();
        let expects = self.state.expects();
        let Client {
            core,
            state,
            config,
            ..
        } = self;
        let result = core.receive(
            record,
            connected,
            expects,
            &mut events,
            |records, message, events| handle_handshake(state, config, records, message, events),
        );
        if self.core.settle(result, &mut self.sent_close, &mut events) {
            self.state = State::Closed;
        }
        events
    }
}

fn handle_handshake(
    slot: &mut State,
    config: &ClientConfig,
    records: &mut RecordLayer,
    bytes: &[u8],
    events: &mut Vec<Event>,
) -> Result<(), TlsError> {
    let (message, _) = HandshakeMessage::decode(bytes)?;
    let state = std::mem::replace(slot, State::Closed);
    *slot = match (state, message) {
        (State::ExpectServerHello { key, transcript }, HandshakeMessage::ServerHello(hello)) => {
            on_server_hello(records, key, transcript, &hello, bytes, events)?
        }
        (State::ExpectEncryptedExtensions(mut keys), HandshakeMessage::EncryptedExtensions(ee)) => {
            for extension in &ee.extensions {
                match extension {
                    Extension::ServerName(None) | Extension::SupportedGroups(_) => {}
                    Extension::Alpn(protocols) if protocols == &[ALPN_HTTP11.to_vec()] => {}
                    Extension::Alpn(_) => {
                        return Err(TlsError::new(
                            AlertDescription::IllegalParameter,
                            Text::message("error-alpn-not-offered"),
                        ));
                    }
                    other => {
                        return Err(extension_not_offered(
                            "EncryptedExtensions",
                            other.ext_type(),
                        ));
                    }
                }
            }
            keys.transcript.add(bytes);
            events.push(Event::Accepted(MessageKind::Handshake(
                HandshakeType::EncryptedExtensions,
            )));
            State::ExpectCertificate(keys)
        }
        (State::ExpectCertificate(mut keys), HandshakeMessage::Certificate(certificate)) => {
            if !certificate.certificate_request_context.is_empty() {
                return Err(TlsError::new(
                    AlertDescription::IllegalParameter,
                    Text::message("error-certificate-request-context"),
                ));
            }
            if certificate.certificate_list.is_empty() {
                return Err(no_certificate());
            }
            let chain: Vec<Vec<u8>> = certificate
                .certificate_list
                .iter()
                .map(|entry| entry.cert_data.clone())
                .collect();
            let verdict = verify_server_chain(
                &chain,
                &config.trusted_root_der,
                &config.server_name,
                config.now_unix,
            );
            chain_checks(&verdict, events)?;
            let Some(server_key) = verdict.server_public_key else {
                return Err(TlsError::new(
                    AlertDescription::BadCertificate,
                    Text::message("error-no-p256-key"),
                ));
            };
            keys.transcript.add(bytes);
            events.push(Event::Accepted(MessageKind::Handshake(
                HandshakeType::Certificate,
            )));
            State::ExpectCertificateVerify { keys, server_key }
        }
        (
            State::ExpectCertificateVerify {
                mut keys,
                server_key,
            },
            HandshakeMessage::CertificateVerify(verify),
        ) => {
            if verify.algorithm != SignatureScheme::EcdsaSecp256r1Sha256.to_u16() {
                return Err(TlsError::new(
                    AlertDescription::IllegalParameter,
                    text!(
                        "error-signature-scheme-not-offered",
                        scheme = format!("0x{:04x}", verify.algorithm)
                    ),
                ));
            }
            let content = tls13_certificate_verify_content(true, &keys.transcript.hash());
            let passed = verify_ecdsa_p256_sha256(&server_key, &content, &verify.signature).is_ok();
            events.push(Event::Check(Check::verdict(
                CheckName::CertificateVerify,
                passed,
                "check-certificate-verify-pass",
                "check-certificate-verify-fail",
            )));
            if !passed {
                return Err(TlsError::new(
                    AlertDescription::DecryptError,
                    Text::message("error-certificate-verify"),
                ));
            }
            keys.transcript.add(bytes);
            events.push(Event::Accepted(MessageKind::Handshake(
                HandshakeType::CertificateVerify,
            )));
            State::ExpectFinished(keys)
        }
        (State::ExpectFinished(keys), HandshakeMessage::Finished(finished)) => {
            on_server_finished(records, keys, &finished.verify_data, bytes, events)?
        }
        (state, message) => {
            return Err(TlsError::unexpected(message.name(), state.expects()));
        }
    };
    Ok(())
}

fn on_server_hello(
    records: &mut RecordLayer,
    key: EcdheKeyPair,
    mut transcript: Transcript,
    hello: &ServerHello,
    bytes: &[u8],
    events: &mut Vec<Event>,
) -> Result<State, TlsError> {
    if hello.random == HELLO_RETRY_REQUEST_RANDOM {
        return Err(TlsError::new(
            AlertDescription::HandshakeFailure,
            Text::message("error-hello-retry-request"),
        ));
    }
    let version = hello.extensions.iter().find_map(|e| match e {
        Extension::SupportedVersionsServer(v) => Some(*v),
        _ => None,
    });
    if version != Some(ProtocolVersion::Tls13.to_u16())
        || hello.legacy_version != ProtocolVersion::Tls12.to_u16()
    {
        return Err(TlsError::new(
            AlertDescription::ProtocolVersion,
            Text::message("error-server-not-tls13"),
        ));
    }
    if !hello.legacy_session_id_echo.is_empty() {
        return Err(TlsError::new(
            AlertDescription::IllegalParameter,
            Text::message("error-session-id-echo"),
        ));
    }
    if hello.cipher_suite != CipherSuite::TlsAes128GcmSha256.to_u16() {
        return Err(suite_not_offered(hello.cipher_suite));
    }
    if hello.legacy_compression_method != 0 {
        return Err(TlsError::new(
            AlertDescription::IllegalParameter,
            Text::message("error-compression-method-not-zero"),
        ));
    }
    for extension in &hello.extensions {
        if !matches!(
            extension,
            Extension::SupportedVersionsServer(_) | Extension::KeyShareServer(_)
        ) {
            return Err(extension_not_offered("ServerHello", extension.ext_type()));
        }
    }
    let Some(share) = hello.extensions.iter().find_map(|e| match e {
        Extension::KeyShareServer(share) => Some(share),
        _ => None,
    }) else {
        return Err(TlsError::new(
            AlertDescription::MissingExtension,
            text!(
                "error-missing-extension",
                message = "ServerHello",
                extension = "key_share"
            ),
        ));
    };
    if share.group != NamedGroup::Secp256r1.to_u16() {
        return Err(TlsError::new(
            AlertDescription::IllegalParameter,
            Text::message("error-server-key-share-group"),
        ));
    }
    let shared = key.agree(&share.key_exchange).map_err(|_| {
        TlsError::new(
            AlertDescription::IllegalParameter,
            Text::message("error-server-key-share-invalid"),
        )
    })?;
    events.push(Event::Derived(ecdhe_derivation(
        &key.private_bytes(),
        &share.key_exchange,
        &shared,
    )));
    transcript.add(bytes);
    events.push(Event::Accepted(MessageKind::Handshake(
        HandshakeType::ServerHello,
    )));
    let (early, derivations) = key_schedule::start();
    events.extend(derivations.into_iter().map(Event::Derived));
    let (stage, derivations) = early.handshake(&shared, &transcript.hash());
    events.extend(derivations.into_iter().map(Event::Derived));
    let (client_keys, derivations) =
        key_schedule::traffic_keys("client_handshake", stage.client_handshake_traffic_secret());
    events.extend(derivations.into_iter().map(Event::Derived));
    let (server_keys, derivations) =
        key_schedule::traffic_keys("server_handshake", stage.server_handshake_traffic_secret());
    events.extend(derivations.into_iter().map(Event::Derived));
    records.set_read(server_keys, Protection::HandshakeKeys);
    records.set_write(client_keys, Protection::HandshakeKeys);
    Ok(State::ExpectEncryptedExtensions(Keys { transcript, stage }))
}

fn on_server_finished(
    records: &mut RecordLayer,
    mut keys: Keys,
    verify_data: &[u8],
    bytes: &[u8],
    events: &mut Vec<Event>,
) -> Result<State, TlsError> {
    let (server_finished_key, derivation) = key_schedule::finished_key(
        "server_finished_key",
        keys.stage.server_handshake_traffic_secret(),
    );
    events.push(Event::Derived(derivation));
    let expected =
        key_schedule::finished_verify_data(&server_finished_key, &keys.transcript.hash());
    let passed = expected.as_slice() == verify_data;
    events.push(Event::Check(Check::verdict(
        CheckName::ServerFinished,
        passed,
        "check-server-finished-pass",
        "check-server-finished-fail",
    )));
    if !passed {
        return Err(TlsError::new(
            AlertDescription::DecryptError,
            Text::message("error-server-finished"),
        ));
    }
    keys.transcript.add(bytes);
    events.push(Event::Accepted(MessageKind::Handshake(
        HandshakeType::Finished,
    )));
    let (client_finished_key, derivation) = key_schedule::finished_key(
        "client_finished_key",
        keys.stage.client_handshake_traffic_secret(),
    );
    events.push(Event::Derived(derivation));
    let (application, derivations) = keys.stage.application(&keys.transcript.hash());
    events.extend(derivations.into_iter().map(Event::Derived));
    let verify_data =
        key_schedule::finished_verify_data(&client_finished_key, &keys.transcript.hash());
    let finished = HandshakeMessage::Finished(crate::wire::Finished {
        verify_data: verify_data.to_vec(),
    })
    .encode();
    events.push(Event::Send(records.seal(ContentType::Handshake, &finished)));
    keys.transcript.add(&finished);
    events.push(Event::Derived(
        application.resumption_master_secret(&keys.transcript.hash()),
    ));
    let (client_keys, derivations) = key_schedule::traffic_keys(
        "client_application",
        application.client_application_traffic_secret_0(),
    );
    events.extend(derivations.into_iter().map(Event::Derived));
    let (server_keys, derivations) = key_schedule::traffic_keys(
        "server_application",
        application.server_application_traffic_secret_0(),
    );
    events.extend(derivations.into_iter().map(Event::Derived));
    records.set_write(client_keys, Protection::ApplicationKeys);
    records.set_read(server_keys, Protection::ApplicationKeys);
    events.push(Event::HandshakeComplete);
    Ok(State::Connected)
}

/// `unsupported_extension`: `message` carries an extension the client never offered.
pub(crate) fn extension_not_offered(message: &str, extension: ExtensionType) -> TlsError {
    TlsError::new(
        AlertDescription::UnsupportedExtension,
        text!(
            "error-extension-not-offered",
            message = message,
            extension = extension.to_u16()
        ),
    )
}

/// `illegal_parameter`: the server chose a cipher suite the client did not offer.
pub(crate) fn suite_not_offered(suite: u16) -> TlsError {
    TlsError::new(
        AlertDescription::IllegalParameter,
        text!("error-suite-not-offered", suite = format!("0x{suite:04x}")),
    )
}

/// `decode_error`: a Certificate message with no certificate in it.
pub(crate) fn no_certificate() -> TlsError {
    TlsError::new(
        AlertDescription::DecodeError,
        Text::message("error-no-certificate"),
    )
}

/// Reports each check of the chain verdict; the first failure becomes the error, with
/// its alert (TLS 1.3 and TLS 1.2 check the chain alike).
pub(crate) fn chain_checks(
    verdict: &crate::crypto::ChainVerdict,
    events: &mut Vec<Event>,
) -> Result<(), TlsError> {
    for check in &verdict.checks {
        events.push(Event::Check(Check {
            name: CheckName::Chain(check.check),
            passed: check.passed,
            detail: check.detail.clone(),
        }));
    }
    let Some(failure) = verdict.failure else {
        return Ok(());
    };
    let reason = verdict
        .checks
        .iter()
        .find(|check| !check.passed)
        .map(|check| check.detail.clone())
        .unwrap_or_else(|| Text::message("error-chain-rejected"));
    let alert = match failure {
        ChainFailure::UnknownCa => AlertDescription::UnknownCa,
        ChainFailure::BadCertificate => AlertDescription::BadCertificate,
        ChainFailure::CertificateExpired => AlertDescription::CertificateExpired,
    };
    Err(TlsError::new(alert, reason))
}

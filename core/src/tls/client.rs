//! The browser's side of TLS 1.3 (RFC 8446 §2, full handshake, no PSK). It answers
//! one HelloRetryRequest (§4.1.4) when it started without a key share.

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
use crate::wire::handshake::HELLO_RETRY_REQUEST_RANDOM;
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
        /// Whether the ClientHello just sent carries `key`'s public share.
        share_sent: bool,
        /// The ClientHello just sent, while the server may still ask again with a
        /// HelloRetryRequest; `None` after one (RFC 8446 §4.1.4 allows only one).
        first_hello: Option<Box<SentHello>>,
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

/// A ClientHello as the client sent it: the message (the second ClientHello repeats
/// it) and its bytes (the transcript keeps only their hash after a retry).
struct SentHello {
    message: ClientHello,
    bytes: Vec<u8>,
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
        Client::start_with(config, rng, true)
    }

    /// Creates the client and a ClientHello with an empty key_share list (RFC 8446
    /// §4.2.8 allows it: the client waits for the server to name a group). The server
    /// then asks again with a HelloRetryRequest, and the second ClientHello carries
    /// the P-256 share. Randomness is drawn as in [`Client::start`]: the key, then
    /// the random.
    pub fn start_without_share(config: ClientConfig, rng: &mut LabRng) -> (Client, Vec<Event>) {
        Client::start_with(config, rng, false)
    }

    fn start_with(config: ClientConfig, rng: &mut LabRng, share: bool) -> (Client, Vec<Event>) {
        let mut events = Vec::new();
        let key = EcdheKeyPair::generate(rng);
        if share {
            events.push(ephemeral_key_event(&key));
        }
        let shares = if share {
            vec![p256_share(&key)]
        } else {
            Vec::new()
        };
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
                Extension::KeyShareClient(shares),
            ],
        };
        let bytes = HandshakeMessage::ClientHello(hello.clone()).encode();
        let mut transcript = Transcript::new();
        transcript.add(&bytes);
        let mut core = EndpointCore::default();
        events.push(Event::Send(
            core.records.seal(ContentType::Handshake, &bytes),
        ));
        let client = Client {
            config,
            core,
            state: State::ExpectServerHello {
                key,
                transcript,
                share_sent: share,
                first_hello: Some(Box::new(SentHello {
                    message: hello,
                    bytes,
                })),
            },
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
        (
            State::ExpectServerHello {
                key, first_hello, ..
            },
            HandshakeMessage::ServerHello(hello),
        ) if hello.random == HELLO_RETRY_REQUEST_RANDOM => {
            let Some(first) = first_hello else {
                return Err(TlsError::unexpected(
                    MessageKind::HelloRetryRequest.name(),
                    "ServerHello".into(),
                ));
            };
            on_hello_retry_request(records, key, *first, &hello, bytes, events)?
        }
        (
            State::ExpectServerHello {
                key,
                transcript,
                share_sent,
                ..
            },
            HandshakeMessage::ServerHello(hello),
        ) => on_server_hello(records, key, transcript, share_sent, &hello, bytes, events)?,
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
    share_sent: bool,
    hello: &ServerHello,
    bytes: &[u8],
    events: &mut Vec<Event>,
) -> Result<State, TlsError> {
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
    check_session_suite_compression(hello)?;
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
    // RFC 8446 §4.2.8: the server's share answers one the client sent.
    if !share_sent {
        return Err(TlsError::new(
            AlertDescription::IllegalParameter,
            Text::message("error-server-share-unasked"),
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
    let (stage, client_keys, server_keys) =
        key_schedule::enter_handshake(&shared, &transcript.hash(), events);
    records.set_read(server_keys, Protection::HandshakeKeys);
    records.set_write(client_keys, Protection::HandshakeKeys);
    Ok(State::ExpectEncryptedExtensions(Keys { transcript, stage }))
}

/// RFC 8446 §4.1.3, for a ServerHello and a HelloRetryRequest alike: the session id
/// echoed (the client sent none), the one suite offered, no compression.
fn check_session_suite_compression(hello: &ServerHello) -> Result<(), TlsError> {
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
    Ok(())
}

/// RFC 8446 §4.1.4: the server asks again. The client checks the HelloRetryRequest
/// like a ServerHello, checks the group it asks for (§4.2.8: one the client supports
/// and sent no share for), restarts the transcript from message_hash(ClientHello1)
/// (§4.4.1) and sends the first ClientHello again, now with a share for that group
/// (and the server's cookie, if any).
fn on_hello_retry_request(
    records: &mut RecordLayer,
    key: EcdheKeyPair,
    first: SentHello,
    retry: &ServerHello,
    bytes: &[u8],
    events: &mut Vec<Event>,
) -> Result<State, TlsError> {
    let version = retry.extensions.iter().find_map(|e| match e {
        Extension::SupportedVersionsServer(v) => Some(*v),
        _ => None,
    });
    if version != Some(ProtocolVersion::Tls13.to_u16())
        || retry.legacy_version != ProtocolVersion::Tls12.to_u16()
    {
        return Err(TlsError::new(
            AlertDescription::IllegalParameter,
            Text::message("error-server-not-tls13"),
        ));
    }
    check_session_suite_compression(retry)?;
    let mut group = None;
    let mut cookie = None;
    for extension in &retry.extensions {
        match extension {
            Extension::SupportedVersionsServer(_) => {}
            Extension::KeyShareHelloRetryRequest(g) => group = Some(*g),
            Extension::Unknown { typ, .. }
                if ExtensionType::from_u16(*typ) == ExtensionType::Cookie =>
            {
                cookie = Some(extension.clone());
            }
            other => {
                return Err(extension_not_offered(
                    MessageKind::HelloRetryRequest.name(),
                    other.ext_type(),
                ));
            }
        }
    }
    let supported = first
        .message
        .extensions
        .iter()
        .find_map(|e| match e {
            Extension::SupportedGroups(groups) => Some(groups.as_slice()),
            _ => None,
        })
        .unwrap_or_default();
    let shared: Vec<u16> = first
        .message
        .extensions
        .iter()
        .find_map(|e| match e {
            Extension::KeyShareClient(shares) => Some(shares.iter().map(|s| s.group).collect()),
            _ => None,
        })
        .unwrap_or_default();
    match group {
        Some(g) if !supported.contains(&g) || g != NamedGroup::Secp256r1.to_u16() => {
            return Err(TlsError::new(
                AlertDescription::IllegalParameter,
                text!(
                    "error-retry-group-not-offered",
                    group = NamedGroup::from_u16(g)
                        .rfc_name()
                        .map_or_else(|| format!("0x{g:04x}"), str::to_string)
                ),
            ));
        }
        Some(_) if !shared.is_empty() => {
            return Err(TlsError::new(
                AlertDescription::IllegalParameter,
                Text::message("error-retry-group-already-shared"),
            ));
        }
        // Neither a group nor a cookie: the second ClientHello would be the first.
        None if cookie.is_none() => {
            return Err(TlsError::new(
                AlertDescription::IllegalParameter,
                Text::message("error-retry-changes-nothing"),
            ));
        }
        _ => {}
    }
    events.push(Event::Accepted(MessageKind::HelloRetryRequest));
    let mut transcript = Transcript::new();
    transcript.add(&key_schedule::message_hash(&first.bytes));
    transcript.add(bytes);
    let mut hello = first.message;
    if group.is_some() {
        for extension in &mut hello.extensions {
            if let Extension::KeyShareClient(shares) = extension {
                *shares = vec![p256_share(&key)];
            }
        }
    }
    hello.extensions.extend(cookie);
    let second = HandshakeMessage::ClientHello(hello).encode();
    transcript.add(&second);
    events.push(Event::Send(records.seal(ContentType::Handshake, &second)));
    if group.is_some() {
        events.push(ephemeral_key_event(&key));
    }
    Ok(State::ExpectServerHello {
        key,
        transcript,
        share_sent: group.is_some() || !shared.is_empty(),
        first_hello: None,
    })
}

/// The client's P-256 key share.
fn p256_share(key: &EcdheKeyPair) -> KeyShareEntry {
    KeyShareEntry {
        group: NamedGroup::Secp256r1.to_u16(),
        key_exchange: key.public_bytes().to_vec(),
    }
}

/// The client's ephemeral key, reported with the ClientHello whose share carries it.
fn ephemeral_key_event(key: &EcdheKeyPair) -> Event {
    Event::EphemeralKey {
        private_key: key.private_bytes(),
        public_key: key.public_bytes().to_vec(),
    }
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

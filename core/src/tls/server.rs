//! The web server's side of TLS 1.3 (RFC 8446 §2, full handshake, no PSK). With no
//! usable key share it asks again once with a HelloRetryRequest (§4.1.4).

use crate::crypto::{EcdsaKey, LabRng, RsaKey, Transcript, tls13_certificate_verify_content};
use crate::text;
use crate::text::Text;
use crate::tls::error::{application_data, nothing_closed};
use crate::tls::key_exchange::{GroupKey, ServerKeys};
use crate::tls::key_schedule::{self, ApplicationStage};
use crate::tls::record_layer::Sealer;
use crate::tls::record_layer::{EndpointCore, Protection, RecordLayer, key_exchange_derivation};
use crate::tls::{ALPN_HTTP11, TlsError};
use crate::tls::{Check, CheckName, Event, Tls13Suite};
use crate::wire::handshake::HELLO_RETRY_REQUEST_RANDOM;
use crate::wire::{
    AlertDescription, Certificate, CertificateEntry, CertificateVerify, ClientHello, ContentType,
    EncryptedExtensions, Extension, ExtensionType, Finished, HandshakeMessage, HandshakeType,
    KeyShareEntry, MessageKind, ProtocolVersion, ServerHello, SignatureScheme,
};

/// What the server holds before anyone connects.
#[derive(Clone)]
pub struct ServerConfig {
    /// Its certificate chain, leaf first (DER).
    pub cert_chain: Vec<Vec<u8>>,
    /// The private key of the leaf certificate.
    pub key: ServerKey,
}

/// The server's long-term key: what signs CertificateVerify.
#[derive(Clone, Debug)]
pub enum ServerKey {
    /// ECDSA P-256, signing with ecdsa_secp256r1_sha256 (the simulated bank).
    Ecdsa(EcdsaKey),
    /// RSA, signing with rsa_pss_rsae_sha256, as many web servers still do.
    RsaPss(RsaKey),
}

impl From<EcdsaKey> for ServerKey {
    fn from(key: EcdsaKey) -> Self {
        ServerKey::Ecdsa(key)
    }
}

impl ServerKey {
    /// The signature scheme this key signs CertificateVerify with.
    pub fn scheme(&self) -> SignatureScheme {
        match self {
            ServerKey::Ecdsa(_) => SignatureScheme::EcdsaSecp256r1Sha256,
            ServerKey::RsaPss(_) => SignatureScheme::RsaPssRsaeSha256,
        }
    }

    /// The private key as PKCS#8 PEM.
    pub fn to_pkcs8_pem(&self) -> String {
        match self {
            ServerKey::Ecdsa(key) => key.to_pkcs8_pem(),
            ServerKey::RsaPss(key) => key.to_pkcs8_pem(),
        }
    }

    /// Signs `content` (RSA-PSS draws its salt from `rng`; ECDSA is deterministic).
    fn sign(&self, content: &[u8], rng: Option<&mut LabRng>) -> Result<Vec<u8>, TlsError> {
        match (self, rng) {
            (ServerKey::Ecdsa(key), _) => Ok(key.sign(content)),
            (ServerKey::RsaPss(key), Some(rng)) => {
                key.sign_pss_sha256(rng, content).map_err(|_| {
                    TlsError::new(
                        AlertDescription::InternalError,
                        Text::message("error-server-cannot-sign"),
                    )
                })
            }
            (ServerKey::RsaPss(_), None) => Err(TlsError::new(
                AlertDescription::InternalError,
                Text::message("error-server-cannot-sign"),
            )),
        }
    }
}

/// The TLS 1.3 server.
pub struct Server {
    config: ServerConfig,
    core: EndpointCore,
    state: State,
    /// Whether this side sent close_notify (it then writes nothing more).
    sent_close: bool,
    /// The server's ECDHE keys, made before the ClientHello arrives so that all
    /// randomness is drawn in a fixed order.
    pending_key: Option<(ServerKeys, [u8; 32])>,
    /// The server name the client asked for (SNI), once known.
    requested_name: Option<String>,
    /// Meets real clients: reports the key it chose (the simulated server reports
    /// its one key when made).
    live: bool,
    /// Randomness for signatures that need it (RSA-PSS salts): live servers only.
    signing: Option<LabRng>,
}

enum State {
    ExpectClientHello,
    /// After a HelloRetryRequest: the client says hello again with a share for `group`.
    ExpectSecondClientHello(Box<Retry>),
    ExpectFinished(Box<AwaitingFinished>),
    Connected,
    Closed,
}

/// What the server keeps until the client's Finished.
struct AwaitingFinished {
    suite: Tls13Suite,
    transcript: Transcript,
    client_handshake_traffic_secret: Vec<u8>,
    application: ApplicationStage,
}

impl State {
    fn expects(&self) -> Text {
        match self {
            State::ExpectClientHello | State::ExpectSecondClientHello(_) => "ClientHello".into(),
            State::ExpectFinished(_) => "Finished".into(),
            State::Connected => application_data(),
            State::Closed => nothing_closed(),
        }
    }
}

impl Server {
    endpoint_life_cycle!();

    /// Creates a server waiting for a ClientHello; its P-256 key pair and random are
    /// drawn now (the simulated bank).
    pub fn new(config: ServerConfig, rng: &mut LabRng) -> (Server, Vec<Event>) {
        let keys = ServerKeys::p256(rng);
        let random = rng.bytes::<32>();
        let events = keys.keys.iter().map(GroupKey::event).collect();
        (Server::with_keys(config, keys, random, None), events)
    }

    /// A server for real clients: it takes an x25519 share first, then P-256. Its
    /// keys and random are drawn now; the key it uses is reported once chosen.
    pub fn new_live(config: ServerConfig, rng: &mut LabRng) -> Server {
        let keys = ServerKeys::live(rng);
        let random = rng.bytes::<32>();
        let signing = rng.fork();
        Server::with_keys(config, keys, random, Some(signing))
    }

    fn with_keys(
        config: ServerConfig,
        keys: ServerKeys,
        random: [u8; 32],
        signing: Option<LabRng>,
    ) -> Server {
        let live = keys.keys.len() > 1;
        Server {
            live,
            signing,
            config,
            core: EndpointCore::default(),
            state: State::ExpectClientHello,
            sent_close: false,
            pending_key: Some((keys, random)),
            requested_name: None,
        }
    }

    /// The server name the client asked for in its ClientHello.
    pub fn requested_name(&self) -> Option<&str> {
        self.requested_name.as_deref()
    }

    /// Takes one whole record from the wire.
    pub fn receive(&mut self, record: &[u8]) -> Vec<Event> {
        let mut events = Vec::new();
        if self.is_closed() {
            return events;
        }
        let connected = self.is_connected();
        let expects = self.state.expects();
        let Server {
            config,
            core,
            state,
            pending_key,
            requested_name,
            live,
            signing,
            ..
        } = self;
        let result = core.receive(
            record,
            connected,
            expects,
            &mut events,
            |records, message, events| {
                let (decoded, _) = HandshakeMessage::decode(message)?;
                let current = std::mem::replace(state, State::Closed);
                *state = match (current, decoded) {
                    (State::ExpectClientHello, HandshakeMessage::ClientHello(hello)) => {
                        let Some((keys, random)) = pending_key.take() else {
                            return Err(TlsError::new(
                                AlertDescription::InternalError,
                                Text::message("error-second-client-hello"),
                            ));
                        };
                        *requested_name = client_server_name(&hello);
                        let keys = Offered {
                            keys,
                            report: *live,
                            signing: signing.as_mut(),
                        };
                        let hello = Hello {
                            message: &hello,
                            bytes: message,
                            retry: None,
                        };
                        on_client_hello(config, records, keys, random, hello, events)?
                    }
                    (
                        State::ExpectSecondClientHello(retry),
                        HandshakeMessage::ClientHello(hello),
                    ) => {
                        let keys = Offered {
                            keys: retry.keys.clone(),
                            report: *live,
                            signing: signing.as_mut(),
                        };
                        let random = retry.random;
                        let hello = Hello {
                            message: &hello,
                            bytes: message,
                            retry: Some(*retry),
                        };
                        on_client_hello(config, records, keys, random, hello, events)?
                    }
                    (State::ExpectFinished(awaiting), HandshakeMessage::Finished(finished)) => {
                        let AwaitingFinished {
                            suite,
                            mut transcript,
                            client_handshake_traffic_secret,
                            application,
                        } = *awaiting;
                        let (client_finished_key, derivation) = key_schedule::finished_key(
                            suite.hash(),
                            "client_finished_key",
                            &client_handshake_traffic_secret,
                        );
                        events.push(Event::Derived(derivation));
                        let expected = key_schedule::finished_verify_data(
                            suite.hash(),
                            &client_finished_key,
                            &transcript.hash(),
                        );
                        let passed = expected.as_slice() == finished.verify_data.as_slice();
                        events.push(Event::Check(Check::verdict(
                            CheckName::ClientFinished,
                            passed,
                            "check-client-finished-pass",
                            "check-client-finished-fail",
                        )));
                        if !passed {
                            return Err(TlsError::new(
                                AlertDescription::DecryptError,
                                Text::message("error-client-finished"),
                            ));
                        }
                        transcript.add(message);
                        events.push(Event::Accepted(MessageKind::Handshake(
                            HandshakeType::Finished,
                        )));
                        events.push(Event::Derived(
                            application.resumption_master_secret(&transcript.hash()),
                        ));
                        let (client_keys, derivations) = key_schedule::traffic_keys(
                            suite,
                            "client_application",
                            application.client_application_traffic_secret_0(),
                        );
                        events.extend(derivations.into_iter().map(Event::Derived));
                        records.set_read(client_keys, Protection::ApplicationKeys);
                        events.push(Event::HandshakeComplete);
                        State::Connected
                    }
                    (current, decoded) => {
                        return Err(TlsError::unexpected(decoded.name(), current.expects()));
                    }
                };
                Ok(())
            },
        );
        if self.core.settle(result, &mut self.sent_close, &mut events) {
            self.state = State::Closed;
        }
        events
    }
}

/// The server's keys when the ClientHello arrives, and whether to report the one it
/// takes.
struct Offered<'a> {
    keys: ServerKeys,
    report: bool,
    signing: Option<&'a mut LabRng>,
}

/// A ClientHello as received: decoded, its bytes, and (for the second) what the
/// HelloRetryRequest left.
struct Hello<'a> {
    message: &'a ClientHello,
    bytes: &'a [u8],
    retry: Option<Retry>,
}

/// What the server keeps after a HelloRetryRequest (RFC 8446 §4.1.4).
struct Retry {
    /// Its keys and random, unused so far.
    keys: ServerKeys,
    random: [u8; 32],
    /// The first ClientHello: the second must equal it but for the key share.
    first: ClientHello,
    /// The group the server asked for.
    group: u16,
    /// The suite the server chose (the second hello must still offer it).
    suite: Tls13Suite,
    /// message_hash(ClientHello1) and the HelloRetryRequest (RFC 8446 §4.4.1).
    transcript: Transcript,
}

/// Whether the second ClientHello is the first one again, as RFC 8446 §4.1.2 allows:
/// the same but for key_share (and the extensions a client may drop or add on a
/// retry: early_data, cookie, pre_shared_key, padding).
fn same_hello_but_the_share(first: &ClientHello, second: &ClientHello) -> bool {
    let kept = |hello: &ClientHello| -> Vec<Extension> {
        hello
            .extensions
            .iter()
            .filter(|e| {
                !matches!(
                    e.ext_type(),
                    ExtensionType::KeyShare
                        | ExtensionType::EarlyData
                        | ExtensionType::Cookie
                        | ExtensionType::PreSharedKey
                        | ExtensionType::Padding
                )
            })
            .cloned()
            .collect()
    };
    first.legacy_version == second.legacy_version
        && first.random == second.random
        && first.legacy_session_id == second.legacy_session_id
        && first.cipher_suites == second.cipher_suites
        && first.legacy_compression_methods == second.legacy_compression_methods
        && kept(first) == kept(second)
}

/// RFC 8446 §4.1.4: a ServerHello with the special random, the suite the server
/// picked and the group it wants a share for; the transcript restarts from
/// message_hash(ClientHello1).
#[allow(clippy::too_many_arguments)]
fn hello_retry_request(
    records: &mut RecordLayer,
    keys: ServerKeys,
    random: [u8; 32],
    hello: &ClientHello,
    hello_bytes: &[u8],
    group: u16,
    suite: Tls13Suite,
    events: &mut Vec<Event>,
) -> State {
    events.push(Event::Accepted(MessageKind::Handshake(
        HandshakeType::ClientHello,
    )));
    let retry_request = HandshakeMessage::ServerHello(ServerHello {
        legacy_version: ProtocolVersion::Tls12.to_u16(),
        random: HELLO_RETRY_REQUEST_RANDOM,
        legacy_session_id_echo: hello.legacy_session_id.clone(),
        cipher_suite: suite.code(),
        legacy_compression_method: 0,
        extensions: vec![
            Extension::SupportedVersionsServer(ProtocolVersion::Tls13.to_u16()),
            Extension::KeyShareHelloRetryRequest(group),
        ],
    })
    .encode();
    events.push(Event::Send(
        records.seal(ContentType::Handshake, &retry_request),
    ));
    let mut transcript = Transcript::new();
    transcript.use_hash(suite.hash());
    transcript.add(&key_schedule::message_hash(suite.hash(), hello_bytes));
    transcript.add(&retry_request);
    State::ExpectSecondClientHello(Box::new(Retry {
        keys,
        random,
        first: hello.clone(),
        group,
        suite,
        transcript,
    }))
}

/// The host name in a ClientHello's server_name extension.
fn client_server_name(hello: &ClientHello) -> Option<String> {
    hello.extensions.iter().find_map(|e| match e {
        Extension::ServerName(Some(name)) => Some(name.clone()),
        _ => None,
    })
}

/// RFC 8446 §4.1.1: the server picks version, suite, group and signature scheme,
/// answers with ServerHello and sends its whole encrypted flight.
fn on_client_hello(
    config: &ServerConfig,
    records: &mut RecordLayer,
    keys: Offered<'_>,
    random: [u8; 32],
    hello: Hello<'_>,
    events: &mut Vec<Event>,
) -> Result<State, TlsError> {
    let Hello {
        message: hello,
        bytes: hello_bytes,
        retry,
    } = hello;
    if let Some(retry) = &retry
        && !same_hello_but_the_share(&retry.first, hello)
    {
        return Err(TlsError::new(
            AlertDescription::IllegalParameter,
            Text::message("error-second-hello-changed"),
        ));
    }
    let versions = hello.extensions.iter().find_map(|e| match e {
        Extension::SupportedVersionsClient(v) => Some(v),
        _ => None,
    });
    if !versions.is_some_and(|v| v.contains(&ProtocolVersion::Tls13.to_u16())) {
        return Err(TlsError::new(
            AlertDescription::ProtocolVersion,
            Text::message("error-client-not-tls13"),
        ));
    }
    if hello.legacy_compression_methods != [0] {
        return Err(TlsError::new(
            AlertDescription::IllegalParameter,
            Text::message("error-compression-methods-tls13"),
        ));
    }
    // The simulated bank speaks one suite; the live one takes the first of its own
    // preference the client offers (and after a retry, the one it already chose).
    let speaks: &[Tls13Suite] = if keys.report {
        &Tls13Suite::ALL
    } else {
        &[Tls13Suite::Aes128GcmSha256]
    };
    let Some(suite) = speaks
        .iter()
        .copied()
        .find(|s| hello.cipher_suites.contains(&s.code()))
        .filter(|s| retry.as_ref().is_none_or(|r| r.suite == *s))
    else {
        return Err(TlsError::new(
            AlertDescription::HandshakeFailure,
            Text::message("error-no-common-suite-tls13"),
        ));
    };
    let Some(schemes) = hello.extensions.iter().find_map(|e| match e {
        Extension::SignatureAlgorithms(s) => Some(s),
        _ => None,
    }) else {
        return Err(TlsError::new(
            AlertDescription::MissingExtension,
            text!(
                "error-missing-extension",
                message = "ClientHello",
                extension = "signature_algorithms"
            ),
        ));
    };
    if !schemes.contains(&config.key.scheme().to_u16()) {
        return Err(TlsError::new(
            AlertDescription::HandshakeFailure,
            Text::message(match config.key {
                ServerKey::Ecdsa(_) => "error-no-ecdsa",
                ServerKey::RsaPss(_) => "error-no-rsa-pss",
            }),
        ));
    }
    let Some(shares) = hello.extensions.iter().find_map(|e| match e {
        Extension::KeyShareClient(s) => Some(s),
        _ => None,
    }) else {
        return Err(TlsError::new(
            AlertDescription::MissingExtension,
            text!(
                "error-missing-extension",
                message = "ClientHello",
                extension = "key_share"
            ),
        ));
    };
    let report = keys.report;
    let signing_rng = keys.signing;
    if let Some(retry) = &retry
        && (shares.len() != 1 || shares.iter().all(|s| s.group != retry.group))
    {
        return Err(TlsError::new(
            AlertDescription::IllegalParameter,
            Text::message("error-second-hello-share"),
        ));
    }
    let Some((key, peer_share)) = keys.keys.clone().choose(shares) else {
        // No share we can use. A group we hold that the client supports: ask again.
        let supported = hello.extensions.iter().find_map(|e| match e {
            Extension::SupportedGroups(groups) => Some(groups),
            _ => None,
        });
        let group = keys
            .keys
            .groups()
            .into_iter()
            .find(|g| supported.is_some_and(|list| list.contains(g)));
        return match (group, retry) {
            (Some(group), None) => Ok(hello_retry_request(
                records,
                keys.keys,
                random,
                hello,
                hello_bytes,
                group,
                suite,
                events,
            )),
            _ => Err(TlsError::new(
                AlertDescription::HandshakeFailure,
                Text::message("error-no-secp256r1-share"),
            )),
        };
    };
    if report {
        events.push(key.event());
    }
    let offered_alpn = hello.extensions.iter().find_map(|e| match e {
        Extension::Alpn(protocols) => Some(protocols),
        _ => None,
    });
    let alpn = match offered_alpn {
        None => None,
        Some(protocols) if protocols.iter().any(|p| p == ALPN_HTTP11) => Some(ALPN_HTTP11.to_vec()),
        Some(_) => {
            return Err(TlsError::new(
                AlertDescription::NoApplicationProtocol,
                Text::message("error-no-alpn"),
            ));
        }
    };
    let shared = key.agree(peer_share).map_err(|_| {
        TlsError::new(
            AlertDescription::IllegalParameter,
            Text::message("error-client-key-share-invalid"),
        )
    })?;
    let mut transcript = retry.map_or_else(Transcript::new, |r| r.transcript);
    transcript.use_hash(suite.hash());
    transcript.add(hello_bytes);
    events.push(Event::Accepted(MessageKind::Handshake(
        HandshakeType::ClientHello,
    )));

    let server_hello = HandshakeMessage::ServerHello(ServerHello {
        legacy_version: ProtocolVersion::Tls12.to_u16(),
        random,
        legacy_session_id_echo: hello.legacy_session_id.clone(),
        cipher_suite: suite.code(),
        legacy_compression_method: 0,
        extensions: vec![
            Extension::SupportedVersionsServer(ProtocolVersion::Tls13.to_u16()),
            Extension::KeyShareServer(KeyShareEntry {
                group: key.group(),
                key_exchange: key.public_bytes(),
            }),
        ],
    })
    .encode();
    events.push(Event::Send(
        records.seal(ContentType::Handshake, &server_hello),
    ));
    transcript.add(&server_hello);

    events.push(Event::Derived(key_exchange_derivation(
        key.function(),
        &key.private_bytes(),
        peer_share,
        &shared,
    )));
    let (stage, client_keys, server_keys) =
        key_schedule::enter_handshake(suite, &shared, &transcript.hash(), events);
    records.set_write(server_keys, Protection::HandshakeKeys);
    records.set_read(client_keys, Protection::HandshakeKeys);

    let mut extensions = Vec::new();
    if let Some(protocol) = alpn {
        extensions.push(Extension::Alpn(vec![protocol]));
    }
    let encrypted_extensions =
        HandshakeMessage::EncryptedExtensions(EncryptedExtensions { extensions }).encode();
    events.push(Event::Send(
        records.seal(ContentType::Handshake, &encrypted_extensions),
    ));
    transcript.add(&encrypted_extensions);

    let certificate = HandshakeMessage::Certificate(Certificate {
        certificate_request_context: Vec::new(),
        certificate_list: config
            .cert_chain
            .iter()
            .map(|der| CertificateEntry {
                cert_data: der.clone(),
                extensions: Vec::new(),
            })
            .collect(),
    })
    .encode();
    events.push(Event::Send(
        records.seal(ContentType::Handshake, &certificate),
    ));
    transcript.add(&certificate);

    let signed = tls13_certificate_verify_content(true, &transcript.hash());
    let certificate_verify = HandshakeMessage::CertificateVerify(CertificateVerify {
        algorithm: config.key.scheme().to_u16(),
        signature: config.key.sign(&signed, signing_rng)?,
    })
    .encode();
    events.push(Event::Send(
        records.seal(ContentType::Handshake, &certificate_verify),
    ));
    transcript.add(&certificate_verify);

    let (server_finished_key, derivation) = key_schedule::finished_key(
        suite.hash(),
        "server_finished_key",
        stage.server_handshake_traffic_secret(),
    );
    events.push(Event::Derived(derivation));
    let verify_data =
        key_schedule::finished_verify_data(suite.hash(), &server_finished_key, &transcript.hash());
    let finished = HandshakeMessage::Finished(Finished { verify_data }).encode();
    events.push(Event::Send(records.seal(ContentType::Handshake, &finished)));
    transcript.add(&finished);

    let client_handshake_traffic_secret = stage.client_handshake_traffic_secret().to_vec();
    let (application, derivations) = stage.application(&transcript.hash());
    events.extend(derivations.into_iter().map(Event::Derived));
    let (server_keys, derivations) = key_schedule::traffic_keys(
        suite,
        "server_application",
        application.server_application_traffic_secret_0(),
    );
    events.extend(derivations.into_iter().map(Event::Derived));
    records.set_write(server_keys, Protection::ApplicationKeys);
    Ok(State::ExpectFinished(Box::new(AwaitingFinished {
        suite,
        transcript,
        client_handshake_traffic_secret,
        application,
    })))
}

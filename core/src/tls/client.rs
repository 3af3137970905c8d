//! The browser's side of TLS 1.3 (RFC 8446 §2, full handshake, no PSK). It answers
//! one HelloRetryRequest (§4.1.4) when the server wants a group it sent no share
//! for. The simulated browser offers the lab's one suite, group and scheme; the
//! browser that visits real servers ([`ClientOffer::Browser`]) offers what they use.

use crate::crypto::{
    ChainFailure, EcdheKeyPair, LabRng, P384KeyPair, Transcript, TrustAnchors, X25519KeyPair,
    tls13_certificate_verify_content, verify_ecdsa_p256_sha256, verify_live_chain,
    verify_server_chain, verify_tls_signature,
};
use crate::text;
use crate::text::Text;
use crate::tls::Tls13Suite;
use crate::tls::error::{application_data, nothing_closed};
use crate::tls::key_exchange::GroupKey;
use crate::tls::key_schedule::{self, HandshakeStage};
use crate::tls::record_layer::Sealer;
use crate::tls::record_layer::{EndpointCore, Protection, RecordLayer, key_exchange_derivation};
use crate::tls::{ALPN_HTTP11, TlsError};
use crate::tls::{Check, CheckName, Event};
use crate::wire::handshake::HELLO_RETRY_REQUEST_RANDOM;
use crate::wire::{
    AlertDescription, ClientHello, ContentType, Extension, ExtensionType, HandshakeMessage,
    HandshakeType, KeyShareEntry, MessageKind, NamedGroup, ProtocolVersion, ServerHello,
    SignatureScheme,
};

/// What the client is told before it connects.
#[derive(Clone, Debug)]
pub struct ClientConfig {
    /// The site the user typed: sent as SNI and checked against the certificate.
    pub server_name: String,
    /// Whom the browser trusts.
    pub trust: Trust,
    /// The simulated time, for certificate validity (unix seconds).
    pub now_unix: u64,
    /// What the ClientHello offers.
    pub offer: ClientOffer,
}

/// Whom the browser trusts to issue server certificates.
#[derive(Clone, Debug)]
pub enum Trust {
    /// The lab's one root (DER), which issues the server certificate directly: the
    /// simulated scenarios' check, with their texts.
    LabRoot(Vec<u8>),
    /// Real trust anchors (a `--cacert` file or the system's store): chains with
    /// intermediates, every signature algorithm real CAs use.
    Anchors(TrustAnchors),
}

impl Trust {
    /// The anchor a verdict's path ended at, as DER (for the certificate view).
    pub fn anchor_der(&self, subject: Option<&str>) -> Vec<u8> {
        match self {
            Trust::LabRoot(der) => der.clone(),
            Trust::Anchors(anchors) => subject
                .and_then(|subject| anchors.iter().find(|a| a.subject() == subject))
                .map(|anchor| anchor.der().to_vec())
                .unwrap_or_default(),
        }
    }
}

/// What the client offers: the lab's narrow profile, or what real browsers offer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ClientOffer {
    /// The simulated browser: TLS_AES_128_GCM_SHA256, a secp256r1 share,
    /// ecdsa_secp256r1_sha256 (the simulated scenarios' bytes depend on it).
    #[default]
    Lab,
    /// The lab's browser visiting real servers: three suites; shares for x25519 and
    /// secp256r1, secp384r1 supported (a server that wants it asks again); ECDSA,
    /// RSA-PSS and Ed25519 signatures; a session id for middlebox compatibility.
    Browser,
}

impl ClientOffer {
    /// The suites offered, in order of preference.
    pub fn suites(self) -> &'static [Tls13Suite] {
        match self {
            ClientOffer::Lab => &[Tls13Suite::Aes128GcmSha256],
            ClientOffer::Browser => &Tls13Suite::ALL,
        }
    }

    /// The groups in supported_groups, in order of preference.
    pub fn groups(self) -> &'static [NamedGroup] {
        match self {
            ClientOffer::Lab => &[NamedGroup::Secp256r1],
            ClientOffer::Browser => &[
                NamedGroup::X25519,
                NamedGroup::Secp256r1,
                NamedGroup::Secp384r1,
            ],
        }
    }

    /// The schemes in signature_algorithms. They apply to the certificates too
    /// (RFC 8446 §4.2.3), so the browser lists PKCS#1 v1.5 for RSA-signed chains;
    /// CertificateVerify must still use one of the others.
    pub fn schemes(self) -> &'static [SignatureScheme] {
        match self {
            ClientOffer::Lab => &[SignatureScheme::EcdsaSecp256r1Sha256],
            ClientOffer::Browser => &[
                SignatureScheme::EcdsaSecp256r1Sha256,
                SignatureScheme::RsaPssRsaeSha256,
                SignatureScheme::EcdsaSecp384r1Sha384,
                SignatureScheme::RsaPssRsaeSha384,
                SignatureScheme::RsaPssRsaeSha512,
                SignatureScheme::Ed25519,
                SignatureScheme::RsaPkcs1Sha256,
                SignatureScheme::RsaPkcs1Sha384,
                SignatureScheme::RsaPkcs1Sha512,
            ],
        }
    }

    fn offers_suite(self, code: u16) -> Option<Tls13Suite> {
        self.suites().iter().copied().find(|s| s.code() == code)
    }
}

/// The TLS 1.3 client: a browser about to log in.
pub struct Client {
    config: ClientConfig,
    core: EndpointCore,
    state: State,
    /// Whether this side sent close_notify (it then writes nothing more).
    sent_close: bool,
    /// Once connected: the suite and both application traffic secrets (a KeyUpdate
    /// moves them on).
    application: Option<Box<ApplicationSecrets>>,
}

/// The application traffic secrets in use.
struct ApplicationSecrets {
    suite: Tls13Suite,
    client: Vec<u8>,
    server: Vec<u8>,
}

/// Handshake state shared from ServerHello on.
struct Keys {
    suite: Tls13Suite,
    transcript: Transcript,
    stage: HandshakeStage,
}

enum State {
    ExpectServerHello {
        /// The keys whose shares the ClientHello just sent carries.
        shared: Vec<GroupKey>,
        /// Keys of groups supported but not shared (a HelloRetryRequest may ask).
        spare: Vec<GroupKey>,
        transcript: Transcript,
        /// The ClientHello just sent, while the server may still ask again with a
        /// HelloRetryRequest; `None` after one (RFC 8446 §4.1.4 allows only one).
        first_hello: Option<Box<SentHello>>,
        /// The suite a HelloRetryRequest chose: the ServerHello must keep it.
        retry_suite: Option<Tls13Suite>,
        /// The legacy_session_id the hellos carry (the server echoes it).
        session_id: Vec<u8>,
    },
    ExpectEncryptedExtensions(Keys),
    ExpectCertificate(Keys),
    ExpectCertificateVerify {
        keys: Keys,
        server_key: LeafKey,
    },
    ExpectFinished(Keys),
    Connected,
    /// Stopped: closed cleanly or after an alert.
    Closed,
}

/// The key in the server's certificate, as the chain check found it.
enum LeafKey {
    /// The lab's P-256 key (SEC1 point): ecdsa_secp256r1_sha256 only.
    LabP256(Vec<u8>),
    /// A real server's subjectPublicKeyInfo (DER): any scheme the key allows.
    Spki(Vec<u8>),
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
        // Randomness in a fixed order: the keys, then the random (then the session id).
        let (shared, spare) = match config.offer {
            ClientOffer::Lab => {
                let key = GroupKey::P256(EcdheKeyPair::generate(rng));
                if share {
                    (vec![key], Vec::new())
                } else {
                    (Vec::new(), vec![key])
                }
            }
            ClientOffer::Browser => {
                let x25519 = GroupKey::X25519(X25519KeyPair::generate(rng));
                let p256 = GroupKey::P256(EcdheKeyPair::generate(rng));
                let p384 = GroupKey::P384(P384KeyPair::generate(rng));
                if share {
                    (vec![x25519, p256], vec![p384])
                } else {
                    (Vec::new(), vec![x25519, p256, p384])
                }
            }
        };
        events.extend(shared.iter().map(GroupKey::event));
        let random = rng.bytes::<32>();
        let offer = config.offer;
        let mut extensions = Vec::new();
        // RFC 6066 §3: no IP literals in server_name.
        if config.server_name.parse::<core::net::IpAddr>().is_err() {
            extensions.push(Extension::ServerName(Some(config.server_name.clone())));
        }
        extensions.extend([
            Extension::SupportedVersionsClient(vec![ProtocolVersion::Tls13.to_u16()]),
            Extension::SupportedGroups(offer.groups().iter().map(|g| g.to_u16()).collect()),
            Extension::SignatureAlgorithms(offer.schemes().iter().map(|s| s.to_u16()).collect()),
            Extension::Alpn(vec![ALPN_HTTP11.to_vec()]),
            Extension::KeyShareClient(shared.iter().map(share_of).collect()),
        ]);
        if offer == ClientOffer::Browser {
            // RFC 8446 §4.2.9: without psk_key_exchange_modes a server must not send
            // tickets; the browser offers psk_dhe_ke (1) so that students see the
            // NewSessionTicket real browsers get (it keeps none).
            extensions.push(Extension::Unknown {
                typ: ExtensionType::PskKeyExchangeModes.to_u16(),
                data: vec![1, 1],
            });
        }
        let hello = ClientHello {
            legacy_version: ProtocolVersion::Tls12.to_u16(),
            random,
            // RFC 8446 §D.4: real browsers send a session id so that middleboxes see
            // a TLS 1.2 resumption; the server echoes it.
            legacy_session_id: match offer {
                ClientOffer::Lab => Vec::new(),
                ClientOffer::Browser => rng.bytes::<32>().to_vec(),
            },
            cipher_suites: offer.suites().iter().map(|s| s.code()).collect(),
            legacy_compression_methods: vec![0],
            extensions,
        };
        let bytes = HandshakeMessage::ClientHello(hello.clone()).encode();
        let mut transcript = Transcript::new();
        transcript.add(&bytes);
        let mut core = EndpointCore::default();
        events.push(Event::Send(
            core.records.seal(ContentType::Handshake, &bytes),
        ));
        let session_id = hello.legacy_session_id.clone();
        let client = Client {
            config,
            core,
            state: State::ExpectServerHello {
                session_id,
                shared,
                spare,
                transcript,
                first_hello: Some(Box::new(SentHello {
                    message: hello,
                    bytes,
                })),
                retry_suite: None,
            },
            sent_close: false,
            application: None,
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
            application,
            ..
        } = self;
        let result = core.receive(
            record,
            connected,
            expects,
            &mut events,
            |records, message, events| {
                handle_handshake(state, config, application, records, message, events)
            },
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
    application: &mut Option<Box<ApplicationSecrets>>,
    records: &mut RecordLayer,
    bytes: &[u8],
    events: &mut Vec<Event>,
) -> Result<(), TlsError> {
    let (message, _) = HandshakeMessage::decode(bytes)?;
    let state = std::mem::replace(slot, State::Closed);
    *slot = match (state, message) {
        (
            State::ExpectServerHello {
                shared,
                spare,
                first_hello,
                ..
            },
            HandshakeMessage::ServerHello(hello),
        ) if hello.random == HELLO_RETRY_REQUEST_RANDOM => {
            let Some(first) = first_hello else {
                return Err(TlsError::unexpected(
                    MessageKind::HelloRetryRequest.name(),
                    "ServerHello".into(),
                ));
            };
            let offered = Offered {
                offer: config.offer,
                shared,
                spare,
            };
            on_hello_retry_request(records, offered, *first, &hello, bytes, events)?
        }
        (
            State::ExpectServerHello {
                shared,
                transcript,
                retry_suite,
                session_id,
                ..
            },
            HandshakeMessage::ServerHello(hello),
        ) => {
            let expect = Expected {
                offer: config.offer,
                retry_suite,
                session_id,
            };
            on_server_hello(records, shared, transcript, expect, &hello, bytes, events)?
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
            let verdict = match &config.trust {
                Trust::LabRoot(root) => {
                    verify_server_chain(&chain, root, &config.server_name, config.now_unix)
                }
                Trust::Anchors(anchors) => {
                    verify_live_chain(&chain, anchors, &config.server_name, config.now_unix)
                }
            };
            chain_checks(&verdict, events)?;
            let server_key = match (
                &config.trust,
                verdict.server_public_key,
                verdict.leaf_spki_der,
            ) {
                (Trust::LabRoot(_), Some(point), _) => LeafKey::LabP256(point),
                (Trust::Anchors(_), _, Some(spki)) => LeafKey::Spki(spki),
                _ => {
                    return Err(TlsError::new(
                        AlertDescription::BadCertificate,
                        Text::message("error-no-p256-key"),
                    ));
                }
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
            let scheme = SignatureScheme::from_u16(verify.algorithm);
            // RFC 8446 §4.4.3: RSA signatures in CertificateVerify are RSASSA-PSS;
            // PKCS#1 v1.5 is offered for certificates only.
            let pkcs1 = matches!(
                scheme,
                SignatureScheme::RsaPkcs1Sha256
                    | SignatureScheme::RsaPkcs1Sha384
                    | SignatureScheme::RsaPkcs1Sha512
            );
            let usable = match server_key {
                LeafKey::LabP256(_) => scheme == SignatureScheme::EcdsaSecp256r1Sha256,
                LeafKey::Spki(_) => config.offer.schemes().contains(&scheme) && !pkcs1,
            };
            if !usable {
                return Err(TlsError::new(
                    AlertDescription::IllegalParameter,
                    text!(
                        "error-signature-scheme-not-offered",
                        scheme = format!("0x{:04x}", verify.algorithm)
                    ),
                ));
            }
            let content = tls13_certificate_verify_content(true, &keys.transcript.hash());
            let passed = match &server_key {
                LeafKey::LabP256(point) => {
                    verify_ecdsa_p256_sha256(point, &content, &verify.signature).is_ok()
                }
                LeafKey::Spki(spki) => {
                    verify_tls_signature(scheme, spki, &content, &verify.signature).is_ok()
                }
            };
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
            let (state, secrets) =
                on_server_finished(records, keys, &finished.verify_data, bytes, events)?;
            *application = Some(Box::new(secrets));
            state
        }
        // RFC 8446 §4.6.1: tickets for resumption; the lab's browser shows them and
        // keeps none (every visit is a full handshake).
        (State::Connected, HandshakeMessage::Unknown { typ, .. })
            if HandshakeType::from_u8(typ) == HandshakeType::NewSessionTicket =>
        {
            events.push(Event::Accepted(MessageKind::Handshake(
                HandshakeType::NewSessionTicket,
            )));
            State::Connected
        }
        // RFC 8446 §4.6.3: the server moves to its next traffic secret (and may ask
        // the client to do the same).
        (State::Connected, HandshakeMessage::Unknown { typ, body })
            if HandshakeType::from_u8(typ) == HandshakeType::KeyUpdate =>
        {
            let Some(secrets) = application.as_mut() else {
                return Err(TlsError::unexpected(
                    MessageKind::Handshake(HandshakeType::KeyUpdate).name(),
                    application_data(),
                ));
            };
            on_key_update(records, secrets, &body, events)?;
            State::Connected
        }
        (state, message) => {
            return Err(TlsError::unexpected(message.name(), state.expects()));
        }
    };
    Ok(())
}

/// What the ServerHello must agree with.
struct Expected {
    offer: ClientOffer,
    /// The suite a HelloRetryRequest chose, if one came.
    retry_suite: Option<Tls13Suite>,
    /// The session id the hellos sent.
    session_id: Vec<u8>,
}

/// The keys the client holds when the server answers.
struct Offered {
    offer: ClientOffer,
    shared: Vec<GroupKey>,
    spare: Vec<GroupKey>,
}

#[allow(clippy::too_many_arguments)]
fn on_server_hello(
    records: &mut RecordLayer,
    shared: Vec<GroupKey>,
    mut transcript: Transcript,
    expect: Expected,
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
    let suite = check_session_suite_compression(&expect.session_id, expect.offer, hello)?;
    if expect.retry_suite.is_some_and(|chosen| chosen != suite) {
        return Err(TlsError::new(
            AlertDescription::IllegalParameter,
            Text::message("error-retry-suite-changed"),
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
    if !expect
        .offer
        .groups()
        .iter()
        .any(|g| g.to_u16() == share.group)
    {
        return Err(TlsError::new(
            AlertDescription::IllegalParameter,
            Text::message("error-server-key-share-group"),
        ));
    }
    // RFC 8446 §4.2.8: the server's share answers one the client sent.
    let Some(key) = shared.iter().find(|key| key.group() == share.group) else {
        return Err(TlsError::new(
            AlertDescription::IllegalParameter,
            Text::message("error-server-share-unasked"),
        ));
    };
    let secret = key.agree(&share.key_exchange).map_err(|_| {
        TlsError::new(
            AlertDescription::IllegalParameter,
            Text::message("error-server-key-share-invalid"),
        )
    })?;
    events.push(Event::Derived(key_exchange_derivation(
        key.function(),
        &key.private_bytes(),
        &share.key_exchange,
        &secret,
    )));
    transcript.use_hash(suite.hash());
    transcript.add(bytes);
    events.push(Event::Accepted(MessageKind::Handshake(
        HandshakeType::ServerHello,
    )));
    let (stage, client_keys, server_keys) =
        key_schedule::enter_handshake(suite, &secret, &transcript.hash(), events);
    records.set_read(server_keys, Protection::HandshakeKeys);
    records.set_write(client_keys, Protection::HandshakeKeys);
    Ok(State::ExpectEncryptedExtensions(Keys {
        suite,
        transcript,
        stage,
    }))
}

/// RFC 8446 §4.1.3, for a ServerHello and a HelloRetryRequest alike: the session id
/// echoed, a suite offered, no compression. Returns the suite.
fn check_session_suite_compression(
    session_id: &[u8],
    offer: ClientOffer,
    hello: &ServerHello,
) -> Result<Tls13Suite, TlsError> {
    if hello.legacy_session_id_echo != session_id {
        return Err(TlsError::new(
            AlertDescription::IllegalParameter,
            Text::message(if session_id.is_empty() {
                "error-session-id-echo"
            } else {
                "error-session-id-echo-differs"
            }),
        ));
    }
    let Some(suite) = offer.offers_suite(hello.cipher_suite) else {
        return Err(suite_not_offered(hello.cipher_suite));
    };
    if hello.legacy_compression_method != 0 {
        return Err(TlsError::new(
            AlertDescription::IllegalParameter,
            Text::message("error-compression-method-not-zero"),
        ));
    }
    Ok(suite)
}

/// RFC 8446 §4.1.4: the server asks again. The client checks the HelloRetryRequest
/// like a ServerHello, checks the group it asks for (§4.2.8: one the client supports
/// and sent no share for), restarts the transcript from message_hash(ClientHello1)
/// (§4.4.1, with the hash of the suite the server chose) and sends the first
/// ClientHello again, now with a share for that group only (and the server's
/// cookie, if any).
fn on_hello_retry_request(
    records: &mut RecordLayer,
    offered: Offered,
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
    let suite =
        check_session_suite_compression(&first.message.legacy_session_id, offered.offer, retry)?;
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
    let supported = offered.offer.groups();
    let Offered {
        mut shared, spare, ..
    } = offered;
    match group {
        Some(g)
            if !supported.iter().any(|s| s.to_u16() == g)
                || !shared.iter().chain(&spare).any(|key| key.group() == g) =>
        {
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
        Some(g) if shared.iter().any(|key| key.group() == g) => {
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
    transcript.use_hash(suite.hash());
    transcript.add(&key_schedule::message_hash(suite.hash(), &first.bytes));
    transcript.add(bytes);
    let session_id = first.message.legacy_session_id.clone();
    let mut hello = first.message;
    if let Some(g) = group {
        shared = spare.into_iter().filter(|key| key.group() == g).collect();
        for extension in &mut hello.extensions {
            if let Extension::KeyShareClient(shares) = extension {
                *shares = shared.iter().map(share_of).collect();
            }
        }
    }
    hello.extensions.extend(cookie);
    let second = HandshakeMessage::ClientHello(hello).encode();
    transcript.add(&second);
    events.push(Event::Send(records.seal(ContentType::Handshake, &second)));
    if group.is_some() {
        events.extend(shared.iter().map(GroupKey::event));
    }
    Ok(State::ExpectServerHello {
        session_id,
        shared,
        spare: Vec::new(),
        transcript,
        first_hello: None,
        retry_suite: Some(suite),
    })
}

/// The key share entry for one of the client's keys.
fn share_of(key: &GroupKey) -> KeyShareEntry {
    KeyShareEntry {
        group: key.group(),
        key_exchange: key.public_bytes(),
    }
}

fn on_server_finished(
    records: &mut RecordLayer,
    mut keys: Keys,
    verify_data: &[u8],
    bytes: &[u8],
    events: &mut Vec<Event>,
) -> Result<(State, ApplicationSecrets), TlsError> {
    let suite = keys.suite;
    let hash = suite.hash();
    let (server_finished_key, derivation) = key_schedule::finished_key(
        hash,
        "server_finished_key",
        keys.stage.server_handshake_traffic_secret(),
    );
    events.push(Event::Derived(derivation));
    let expected =
        key_schedule::finished_verify_data(hash, &server_finished_key, &keys.transcript.hash());
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
        hash,
        "client_finished_key",
        keys.stage.client_handshake_traffic_secret(),
    );
    events.push(Event::Derived(derivation));
    let (application, derivations) = keys.stage.application(&keys.transcript.hash());
    events.extend(derivations.into_iter().map(Event::Derived));
    let verify_data =
        key_schedule::finished_verify_data(hash, &client_finished_key, &keys.transcript.hash());
    let finished = HandshakeMessage::Finished(crate::wire::Finished { verify_data }).encode();
    events.push(Event::Send(records.seal(ContentType::Handshake, &finished)));
    keys.transcript.add(&finished);
    events.push(Event::Derived(
        application.resumption_master_secret(&keys.transcript.hash()),
    ));
    let (client_keys, derivations) = key_schedule::traffic_keys(
        suite,
        "client_application",
        application.client_application_traffic_secret_0(),
    );
    events.extend(derivations.into_iter().map(Event::Derived));
    let (server_keys, derivations) = key_schedule::traffic_keys(
        suite,
        "server_application",
        application.server_application_traffic_secret_0(),
    );
    events.extend(derivations.into_iter().map(Event::Derived));
    records.set_write(client_keys, Protection::ApplicationKeys);
    records.set_read(server_keys, Protection::ApplicationKeys);
    events.push(Event::HandshakeComplete);
    let secrets = ApplicationSecrets {
        suite,
        client: application.client_application_traffic_secret_0().to_vec(),
        server: application.server_application_traffic_secret_0().to_vec(),
    };
    Ok((State::Connected, secrets))
}

/// RFC 8446 §4.6.3: `KeyUpdate { update_not_requested(0), update_requested(1) }`.
/// The server's next secret protects what it sends from now on; when asked, the
/// client answers with its own KeyUpdate (under its old keys) and moves on too.
fn on_key_update(
    records: &mut RecordLayer,
    secrets: &mut ApplicationSecrets,
    body: &[u8],
    events: &mut Vec<Event>,
) -> Result<(), TlsError> {
    let requested = match body {
        [0] => false,
        [1] => true,
        _ => {
            return Err(TlsError::new(
                AlertDescription::IllegalParameter,
                Text::message("error-key-update-value"),
            ));
        }
    };
    events.push(Event::Accepted(MessageKind::Handshake(
        HandshakeType::KeyUpdate,
    )));
    let suite = secrets.suite;
    let (server, derivation) = key_schedule::next_application_secret(
        suite.hash(),
        "server_application_traffic_secret_next",
        &secrets.server,
    );
    events.push(Event::Derived(derivation));
    let (server_keys, derivations) =
        key_schedule::traffic_keys(suite, "server_application", &server);
    events.extend(derivations.into_iter().map(Event::Derived));
    records.set_read(server_keys, Protection::ApplicationKeys);
    secrets.server = server;
    if requested {
        let answer = HandshakeMessage::Unknown {
            typ: HandshakeType::KeyUpdate.to_u8(),
            body: vec![0],
        }
        .encode();
        events.push(Event::Send(records.seal(ContentType::Handshake, &answer)));
        let (client, derivation) = key_schedule::next_application_secret(
            suite.hash(),
            "client_application_traffic_secret_next",
            &secrets.client,
        );
        events.push(Event::Derived(derivation));
        let (client_keys, derivations) =
            key_schedule::traffic_keys(suite, "client_application", &client);
        events.extend(derivations.into_iter().map(Event::Derived));
        records.set_write(client_keys, Protection::ApplicationKeys);
        secrets.client = client;
    }
    Ok(())
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

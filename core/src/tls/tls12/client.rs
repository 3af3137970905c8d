//! The browser's side of the TLS 1.2 RSA handshake (RFC 5246 §7.3).

use crate::crypto::tls12::{Tls12RecordProtection, finished_verify_data};
use crate::crypto::{
    LabRng, Transcript, rsa_encrypt_pkcs1v15, summarize_certificate, verify_server_chain,
};
use crate::text;
use crate::text::Text;
use crate::tls::client::{chain_checks, extension_not_offered, no_certificate, suite_not_offered};
use crate::tls::error::{application_data, nothing_closed};
use crate::tls::key_schedule::Derivation;
use crate::tls::record_layer::Sealer;
use crate::tls::tls12::core::{CHANGE_CIPHER_SPEC, Incoming, Tls12Core};
use crate::tls::tls12::key_derivations;
use crate::tls::{Check, CheckName, ClientConfig, Event, TlsError};
use crate::wire::{
    AlertDescription, CipherSuite, ClientHello, ClientKeyExchangeRsa, ContentType, Extension,
    Finished, ProtocolVersion, SignatureScheme, Tls12Message,
};
use crate::wire::{HandshakeType, MessageKind};

/// The TLS 1.2 client: a browser of the RSA key-transport era.
pub struct Tls12Client {
    config: ClientConfig,
    core: Tls12Core,
    state: State,
    sent_close: bool,
    /// The second half of the premaster secret, drawn at start.
    premaster_random: [u8; 46],
    /// Randomness for the RSA padding, drawn when the premaster is encrypted.
    rng: LabRng,
}

/// What the handshake has gathered so far.
struct Hello {
    transcript: Transcript,
    client_random: [u8; 32],
}

enum State {
    ExpectServerHello(Hello),
    ExpectCertificate(Hello, [u8; 32]),
    ExpectServerHelloDone(Hello, [u8; 32], Vec<u8>),
    ExpectChangeCipherSpec(Transcript, [u8; 48]),
    ExpectFinished(Transcript, [u8; 48]),
    Connected,
    Closed,
}

impl State {
    fn expects(&self) -> Text {
        match self {
            State::ExpectServerHello(..) => "ServerHello".into(),
            State::ExpectCertificate(..) => "Certificate".into(),
            State::ExpectServerHelloDone(..) => "ServerHelloDone".into(),
            State::ExpectChangeCipherSpec(..) => "ChangeCipherSpec".into(),
            State::ExpectFinished(..) => "Finished".into(),
            State::Connected => application_data(),
            State::Closed => nothing_closed(),
        }
    }
}

impl Tls12Client {
    endpoint_life_cycle!();

    /// Creates the client and its ClientHello (the first event is that record).
    /// Draws, in order: the client random, the premaster secret's 46 random bytes and
    /// a seed for the RSA padding.
    pub fn start(config: ClientConfig, rng: &mut LabRng) -> (Tls12Client, Vec<Event>) {
        let client_random = rng.bytes::<32>();
        let premaster_random = rng.bytes::<46>();
        let padding_rng = rng.fork();
        let hello = ClientHello {
            legacy_version: ProtocolVersion::Tls12.to_u16(),
            random: client_random,
            legacy_session_id: Vec::new(),
            cipher_suites: vec![CipherSuite::TlsRsaWithAes128GcmSha256.to_u16()],
            legacy_compression_methods: vec![0],
            extensions: vec![
                Extension::ServerName(Some(config.server_name.clone())),
                Extension::SignatureAlgorithms(vec![
                    SignatureScheme::EcdsaSecp256r1Sha256.to_u16(),
                    // rsa_pkcs1_sha256: what the client can check in certificate signatures.
                    SignatureScheme::RsaPkcs1Sha256.to_u16(),
                ]),
            ],
        };
        let bytes = Tls12Message::ClientHello(hello).encode();
        let mut transcript = Transcript::new();
        transcript.add(&bytes);
        let mut core = Tls12Core::default();
        let events = vec![Event::Send(core.seal(ContentType::Handshake, &bytes))];
        let client = Tls12Client {
            config,
            core,
            state: State::ExpectServerHello(Hello {
                transcript,
                client_random,
            }),
            sent_close: false,
            premaster_random,
            rng: padding_rng,
        };
        (client, events)
    }

    /// Takes one whole record from the wire.
    pub fn receive(&mut self, record: &[u8]) -> Vec<Event> {
        let mut events = Vec::new();
        if self.is_closed() {
            return events;
        }
        if let Err(error) = self.receive_inner(record, &mut events) {
            self.core.fail(error, &mut events);
            self.state = State::Closed;
        }
        events
    }

    fn receive_inner(&mut self, record: &[u8], events: &mut Vec<Event>) -> Result<(), TlsError> {
        for incoming in self.core.open(record)? {
            match incoming {
                Incoming::Handshake(message) => self.on_handshake(&message, events)?,
                Incoming::ChangeCipherSpec => {
                    let state = std::mem::replace(&mut self.state, State::Closed);
                    let State::ExpectChangeCipherSpec(transcript, master) = state else {
                        return Err(TlsError::unexpected("ChangeCipherSpec", state.expects()));
                    };
                    self.core.change_read_keys()?;
                    events.push(Event::Accepted(MessageKind::ChangeCipherSpec));
                    self.state = State::ExpectFinished(transcript, master);
                }
                Incoming::ApplicationData(data) => {
                    if !self.is_connected() {
                        return Err(TlsError::unexpected(
                            application_data(),
                            self.state.expects(),
                        ));
                    }
                    events.push(Event::ApplicationData(data));
                }
                Incoming::Alert(alert) => {
                    events.push(Event::AlertReceived(alert));
                    self.core
                        .answer_peer_alert(alert, &mut self.sent_close, events);
                    self.state = State::Closed;
                    return Ok(());
                }
            }
        }
        Ok(())
    }

    fn on_handshake(&mut self, bytes: &[u8], events: &mut Vec<Event>) -> Result<(), TlsError> {
        let (message, _) = Tls12Message::decode(bytes)?;
        let state = std::mem::replace(&mut self.state, State::Closed);
        self.state = match (state, message) {
            (State::ExpectServerHello(mut hello), Tls12Message::ServerHello(server_hello)) => {
                if server_hello.legacy_version != ProtocolVersion::Tls12.to_u16() {
                    return Err(TlsError::new(
                        AlertDescription::ProtocolVersion,
                        text!(
                            "error-tls12-server-version",
                            version = format!("0x{:04x}", server_hello.legacy_version)
                        ),
                    ));
                }
                if server_hello.cipher_suite != CipherSuite::TlsRsaWithAes128GcmSha256.to_u16() {
                    return Err(suite_not_offered(server_hello.cipher_suite));
                }
                if server_hello.legacy_compression_method != 0 {
                    return Err(TlsError::new(
                        AlertDescription::IllegalParameter,
                        Text::message("error-tls12-compression-not-offered"),
                    ));
                }
                if let Some(extension) = server_hello.extensions.first() {
                    return Err(extension_not_offered("ServerHello", extension.ext_type()));
                }
                hello.transcript.add(bytes);
                events.push(Event::Accepted(MessageKind::Handshake(
                    HandshakeType::ServerHello,
                )));
                State::ExpectCertificate(hello, server_hello.random)
            }
            (State::ExpectCertificate(mut hello, server_random), Tls12Message::Certificate(c)) => {
                let key = self.check_certificate(&c.certificate_list, events)?;
                hello.transcript.add(bytes);
                events.push(Event::Accepted(MessageKind::Handshake(
                    HandshakeType::Certificate,
                )));
                State::ExpectServerHelloDone(hello, server_random, key)
            }
            (
                State::ExpectServerHelloDone(mut hello, server_random, key),
                Tls12Message::ServerHelloDone,
            ) => {
                hello.transcript.add(bytes);
                events.push(Event::Accepted(MessageKind::Handshake(
                    HandshakeType::ServerHelloDone,
                )));
                self.send_key_exchange(hello, server_random, &key, events)?
            }
            (State::ExpectFinished(mut transcript, master), Tls12Message::Finished(finished)) => {
                let expected = finished_verify_data(&master, "server finished", &transcript.hash());
                let passed = expected.as_slice() == finished.verify_data.as_slice();
                events.push(Event::Check(Check::verdict(
                    CheckName::ServerFinished,
                    passed,
                    "check-tls12-server-finished-pass",
                    "check-tls12-server-finished-fail",
                )));
                if !passed {
                    return Err(TlsError::new(
                        AlertDescription::DecryptError,
                        Text::message("error-server-finished"),
                    ));
                }
                transcript.add(bytes);
                events.push(Event::Accepted(MessageKind::Handshake(
                    HandshakeType::Finished,
                )));
                events.push(Event::HandshakeComplete);
                State::Connected
            }
            (state, message) => {
                return Err(TlsError::unexpected(message.name(), state.expects()));
            }
        };
        Ok(())
    }

    /// The chain check of TLS 1.3, plus: the key must be RSA and allowed to encrypt.
    fn check_certificate(
        &self,
        chain: &[Vec<u8>],
        events: &mut Vec<Event>,
    ) -> Result<Vec<u8>, TlsError> {
        if chain.is_empty() {
            return Err(no_certificate());
        }
        // The history lesson's TLS 1.2 browser trusts the lab's root only.
        let root = match &self.config.trust {
            crate::tls::Trust::LabRoot(root) => root.as_slice(),
            crate::tls::Trust::Anchors(_) => &[],
        };
        let verdict =
            verify_server_chain(chain, root, &self.config.server_name, self.config.now_unix);
        chain_checks(&verdict, events)?;
        let summary = chain
            .first()
            .and_then(|der| summarize_certificate(der).ok())
            .ok_or_else(|| {
                TlsError::new(
                    AlertDescription::BadCertificate,
                    Text::message("error-certificate-unreadable"),
                )
            })?;
        let usable = summary.public_key_algorithm == "rsaEncryption"
            && summary.key_usage.iter().any(|u| u == "keyEncipherment");
        events.push(Event::Check(Check {
            name: CheckName::RsaKeyTransport,
            passed: usable,
            detail: if usable {
                Text::message("check-rsa-key-transport-pass")
            } else {
                text!(
                    "check-rsa-key-transport-fail",
                    algorithm = &summary.public_key_algorithm
                )
            },
        }));
        if !usable {
            return Err(TlsError::new(
                AlertDescription::UnsupportedCertificate,
                Text::message("error-rsa-key-transport"),
            ));
        }
        Ok(summary.public_key_sec1)
    }

    /// RFC 5246 §7.4.7.1: the premaster secret, encrypted to the server; then
    /// ChangeCipherSpec and the encrypted Finished.
    fn send_key_exchange(
        &mut self,
        mut hello: Hello,
        server_random: [u8; 32],
        server_key: &[u8],
        events: &mut Vec<Event>,
    ) -> Result<State, TlsError> {
        let mut premaster = vec![0x03, 0x03];
        premaster.extend_from_slice(&self.premaster_random);
        events.push(Event::Derived(Derivation {
            name: "pre_master_secret",
            function: "client_version (0x0303) || 46 random bytes",
            inputs: vec![("random".into(), self.premaster_random.to_vec())],
            label: None,
            context: Vec::new(),
            output: premaster.clone(),
        }));
        let encrypted =
            rsa_encrypt_pkcs1v15(&mut self.rng, server_key, &premaster).map_err(|e| {
                TlsError::new(
                    AlertDescription::BadCertificate,
                    text!("error-rsa-encrypt", error = e.to_string()),
                )
            })?;
        let key_exchange = Tls12Message::ClientKeyExchange(ClientKeyExchangeRsa {
            encrypted_pre_master_secret: encrypted,
        })
        .encode();
        events.push(Event::Send(
            self.core.seal(ContentType::Handshake, &key_exchange),
        ));
        hello.transcript.add(&key_exchange);
        let (master, block, derivations) =
            key_derivations(&premaster, &hello.client_random, &server_random);
        events.extend(derivations.into_iter().map(Event::Derived));
        events.push(Event::Send(
            self.core
                .seal(ContentType::ChangeCipherSpec, &CHANGE_CIPHER_SPEC),
        ));
        self.core
            .start_writing_encrypted(Tls12RecordProtection::new(
                block.client_write_key,
                block.client_write_iv,
            ));
        self.core.pending_read = Some(Tls12RecordProtection::new(
            block.server_write_key,
            block.server_write_iv,
        ));
        let verify_data =
            finished_verify_data(&master, "client finished", &hello.transcript.hash());
        let finished = Tls12Message::Finished(Finished {
            verify_data: verify_data.to_vec(),
        })
        .encode();
        events.push(Event::Send(
            self.core.seal(ContentType::Handshake, &finished),
        ));
        hello.transcript.add(&finished);
        Ok(State::ExpectChangeCipherSpec(hello.transcript, master))
    }
}

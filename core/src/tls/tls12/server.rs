//! The web server's side of the TLS 1.2 RSA handshake (RFC 5246 §7.3).

use crate::crypto::tls12::{Tls12RecordProtection, finished_verify_data};
use crate::crypto::{LabRng, RsaKey, Transcript};
use crate::text;
use crate::text::Text;
use crate::tls::error::{application_data, nothing_closed};
use crate::tls::key_schedule::Derivation;
use crate::tls::record_layer::Sealer;
use crate::tls::tls12::core::{CHANGE_CIPHER_SPEC, Incoming, Tls12Core};
use crate::tls::tls12::key_derivations;
use crate::tls::{Check, CheckName, Event, TlsError};
use crate::wire::{
    AlertDescription, Certificate12, CipherSuite, ClientHello, ContentType, Finished,
    ProtocolVersion, ServerHello, Tls12Message,
};
use crate::wire::{HandshakeType, MessageKind};

/// What the TLS 1.2 server holds before anyone connects.
#[derive(Clone, Debug)]
pub struct Tls12ServerConfig {
    /// Its certificate chain, leaf first (DER); the leaf carries the RSA public key.
    pub cert_chain: Vec<Vec<u8>>,
    /// The RSA private key of the leaf certificate: it decrypts every premaster secret.
    pub key: RsaKey,
}

/// The TLS 1.2 server.
pub struct Tls12Server {
    config: Tls12ServerConfig,
    core: Tls12Core,
    state: State,
    sent_close: bool,
    server_random: [u8; 32],
    /// RFC 5246 §7.4.7.1: the premaster secret used when decryption fails, drawn up
    /// front so that a failure is not visible in the timing or the randomness drawn.
    fallback_premaster: [u8; 48],
}

struct Keys {
    transcript: Transcript,
    master: [u8; 48],
    server_write: Tls12RecordProtection,
}

enum State {
    ExpectClientHello,
    ExpectClientKeyExchange {
        transcript: Transcript,
        client_random: [u8; 32],
    },
    ExpectChangeCipherSpec(Keys),
    ExpectFinished(Keys),
    Connected,
    Closed,
}

impl State {
    fn expects(&self) -> Text {
        match self {
            State::ExpectClientHello => "ClientHello".into(),
            State::ExpectClientKeyExchange { .. } => "ClientKeyExchange".into(),
            State::ExpectChangeCipherSpec(_) => "ChangeCipherSpec".into(),
            State::ExpectFinished(_) => "Finished".into(),
            State::Connected => application_data(),
            State::Closed => nothing_closed(),
        }
    }
}

impl Tls12Server {
    endpoint_life_cycle!();

    /// A server waiting for a ClientHello. Draws, in order: the server random and the
    /// 46 random bytes of the fallback premaster secret.
    pub fn new(config: Tls12ServerConfig, rng: &mut LabRng) -> (Tls12Server, Vec<Event>) {
        let server_random = rng.bytes::<32>();
        let mut fallback_premaster = [0u8; 48];
        fallback_premaster[..2].copy_from_slice(&ProtocolVersion::Tls12.to_u16().to_be_bytes());
        fallback_premaster[2..].copy_from_slice(&rng.bytes::<46>());
        let server = Tls12Server {
            config,
            core: Tls12Core::for_server(),
            state: State::ExpectClientHello,
            sent_close: false,
            server_random,
            fallback_premaster,
        };
        (server, Vec::new())
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
                    let State::ExpectChangeCipherSpec(keys) = state else {
                        return Err(TlsError::unexpected("ChangeCipherSpec", state.expects()));
                    };
                    self.core.change_read_keys()?;
                    events.push(Event::Accepted(MessageKind::ChangeCipherSpec));
                    self.state = State::ExpectFinished(keys);
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
            (State::ExpectClientHello, Tls12Message::ClientHello(hello)) => {
                self.on_client_hello(&hello, bytes, events)?
            }
            (
                State::ExpectClientKeyExchange {
                    mut transcript,
                    client_random,
                },
                Tls12Message::ClientKeyExchange(exchange),
            ) => {
                transcript.add(bytes);
                events.push(Event::Accepted(MessageKind::Handshake(
                    HandshakeType::ClientKeyExchange,
                )));
                let premaster =
                    self.decrypt_premaster(&exchange.encrypted_pre_master_secret, events);
                let (master, block, derivations) =
                    key_derivations(&premaster, &client_random, &self.server_random);
                events.extend(derivations.into_iter().map(Event::Derived));
                self.core.pending_read = Some(Tls12RecordProtection::new(
                    block.client_write_key,
                    block.client_write_iv,
                ));
                State::ExpectChangeCipherSpec(Keys {
                    transcript,
                    master,
                    server_write: Tls12RecordProtection::new(
                        block.server_write_key,
                        block.server_write_iv,
                    ),
                })
            }
            (State::ExpectFinished(mut keys), Tls12Message::Finished(finished)) => {
                let expected =
                    finished_verify_data(&keys.master, "client finished", &keys.transcript.hash());
                let passed = expected.as_slice() == finished.verify_data.as_slice();
                events.push(Event::Check(Check::verdict(
                    CheckName::ClientFinished,
                    passed,
                    "check-tls12-client-finished-pass",
                    "check-tls12-client-finished-fail",
                )));
                if !passed {
                    return Err(TlsError::new(
                        AlertDescription::DecryptError,
                        Text::message("error-client-finished"),
                    ));
                }
                keys.transcript.add(bytes);
                events.push(Event::Accepted(MessageKind::Handshake(
                    HandshakeType::Finished,
                )));
                events.push(Event::Send(
                    self.core
                        .seal(ContentType::ChangeCipherSpec, &CHANGE_CIPHER_SPEC),
                ));
                self.core.start_writing_encrypted(keys.server_write);
                let verify_data =
                    finished_verify_data(&keys.master, "server finished", &keys.transcript.hash());
                let finished = Tls12Message::Finished(Finished {
                    verify_data: verify_data.to_vec(),
                })
                .encode();
                events.push(Event::Send(
                    self.core.seal(ContentType::Handshake, &finished),
                ));
                events.push(Event::HandshakeComplete);
                State::Connected
            }
            (state, message) => {
                return Err(TlsError::unexpected(message.name(), state.expects()));
            }
        };
        Ok(())
    }

    /// RFC 5246 §7.4.1.2-7.4.3: pick TLS 1.2 and the suite; send ServerHello,
    /// Certificate and ServerHelloDone.
    fn on_client_hello(
        &mut self,
        hello: &ClientHello,
        bytes: &[u8],
        events: &mut Vec<Event>,
    ) -> Result<State, TlsError> {
        if hello.legacy_version < ProtocolVersion::Tls12.to_u16() {
            return Err(TlsError::new(
                AlertDescription::ProtocolVersion,
                text!(
                    "error-tls12-client-version",
                    version = format!("0x{:04x}", hello.legacy_version)
                ),
            ));
        }
        if !hello
            .cipher_suites
            .contains(&CipherSuite::TlsRsaWithAes128GcmSha256.to_u16())
        {
            return Err(TlsError::new(
                AlertDescription::HandshakeFailure,
                Text::message("error-tls12-no-common-suite"),
            ));
        }
        if !hello.legacy_compression_methods.contains(&0) {
            return Err(TlsError::new(
                AlertDescription::IllegalParameter,
                Text::message("error-tls12-no-null-compression"),
            ));
        }
        let mut transcript = Transcript::new();
        transcript.add(bytes);
        events.push(Event::Accepted(MessageKind::Handshake(
            HandshakeType::ClientHello,
        )));
        for message in [
            Tls12Message::ServerHello(ServerHello {
                legacy_version: ProtocolVersion::Tls12.to_u16(),
                random: self.server_random,
                legacy_session_id_echo: Vec::new(),
                cipher_suite: CipherSuite::TlsRsaWithAes128GcmSha256.to_u16(),
                legacy_compression_method: 0,
                extensions: Vec::new(),
            }),
            Tls12Message::Certificate(Certificate12 {
                certificate_list: self.config.cert_chain.clone(),
            }),
            Tls12Message::ServerHelloDone,
        ] {
            let encoded = message.encode();
            events.push(Event::Send(
                self.core.seal(ContentType::Handshake, &encoded),
            ));
            transcript.add(&encoded);
        }
        Ok(State::ExpectClientKeyExchange {
            transcript,
            client_random: hello.random,
        })
    }

    /// RFC 5246 §7.4.7.1: decrypt; on any failure go on with a random premaster, so
    /// that the only symptom is a failing Finished (no padding oracle).
    fn decrypt_premaster(&self, encrypted: &[u8], events: &mut Vec<Event>) -> Vec<u8> {
        let decrypted = self.config.key.decrypt_pkcs1v15(encrypted).ok();
        let well_formed = decrypted.as_ref().is_some_and(|p| {
            p.len() == 48 && p.get(..2) == Some(&ProtocolVersion::Tls12.to_u16().to_be_bytes()[..])
        });
        events.push(Event::Check(Check::verdict(
            CheckName::PremasterSecret,
            well_formed,
            "check-premaster-pass",
            "check-premaster-fail",
        )));
        let premaster = match decrypted {
            Some(p) if well_formed => p,
            _ => self.fallback_premaster.to_vec(),
        };
        events.push(Event::Derived(Derivation {
            name: "pre_master_secret",
            function: "RSAES-PKCS1-v1_5 decrypt",
            inputs: vec![("encrypted_pre_master_secret".into(), encrypted.to_vec())],
            label: None,
            context: Vec::new(),
            output: premaster.clone(),
        }));
        premaster
    }
}

//! A step's stable name, as a type: what crossed the wire, from which part, in which
//! recorded session. Its string form (`client_hello`, `attacker_server_finished`,
//! `tls12_client_key_exchange`, `client_finished_2`) is what lessons, `trace` and the
//! message files use; the app matches on the type.

use std::fmt;

use crate::tls::Role;
use crate::wire::{Alert, AlertDescription, HandshakeType, MessageKind};

/// Which recorded session of `key-compromise` a step belongs to, or which one the
/// attacker tries to decrypt.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RecordedSession {
    /// The TLS 1.2 RSA key-transport session.
    Tls12Rsa,
    /// The TLS 1.3 ECDHE session.
    Tls13Ecdhe,
}

impl RecordedSession {
    /// The name in the stable trace line: `stolen-key decrypts tls12-rsa: yes`.
    pub fn name(self) -> &'static str {
        match self {
            RecordedSession::Tls12Rsa => "tls12-rsa",
            RecordedSession::Tls13Ecdhe => "tls13-ecdhe",
        }
    }

    /// The prefix of its steps' names: `tls12_`, `tls13_`.
    pub fn step_prefix(self) -> &'static str {
        match self {
            RecordedSession::Tls12Rsa => "tls12_",
            RecordedSession::Tls13Ecdhe => "tls13_",
        }
    }
}

impl serde::Serialize for RecordedSession {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

/// What a step is, whoever sends it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StepKind {
    /// `client_hello`
    ClientHello,
    /// `server_hello`
    ServerHello,
    /// `hello_retry_request`: the server asks for another ClientHello.
    HelloRetryRequest,
    /// `encrypted_extensions`
    EncryptedExtensions,
    /// `certificate`
    Certificate,
    /// `certificate_verify`
    CertificateVerify,
    /// `server_hello_done` (TLS 1.2)
    ServerHelloDone,
    /// `client_key_exchange` (TLS 1.2)
    ClientKeyExchange,
    /// `client_change_cipher_spec`, `server_change_cipher_spec` (TLS 1.2)
    ChangeCipherSpec(Role),
    /// `client_finished`, `server_finished`
    Finished(Role),
    /// `http_request`: the login, plain or encrypted.
    HttpRequest,
    /// `http_response`: the bank's answer, plain or encrypted.
    HttpResponse,
    /// `client_close_notify`, `server_close_notify`
    CloseNotify(Role),
    /// `client_alert`, `server_alert`: a fatal alert.
    Alert(Role),
    /// Any other handshake message: `client_new_session_ticket`, ...
    OtherHandshake(Role, HandshakeType),
    /// `stolen_key_tls12_rsa`, `stolen_key_tls13_ecdhe`: the attacker's attempt to
    /// decrypt a recorded session with the stolen key (no record on the wire).
    StolenKey(RecordedSession),
}

impl StepKind {
    /// The step a record makes when the part `role` sends it. An alert is named
    /// for its description: close_notify or a fatal alert.
    pub fn of_record(role: Role, message: MessageKind, alert: Option<Alert>) -> StepKind {
        match message {
            MessageKind::Handshake(t) => match t {
                HandshakeType::ClientHello => StepKind::ClientHello,
                HandshakeType::ServerHello => StepKind::ServerHello,
                HandshakeType::EncryptedExtensions => StepKind::EncryptedExtensions,
                HandshakeType::Certificate => StepKind::Certificate,
                HandshakeType::CertificateVerify => StepKind::CertificateVerify,
                HandshakeType::ServerHelloDone => StepKind::ServerHelloDone,
                HandshakeType::ClientKeyExchange => StepKind::ClientKeyExchange,
                HandshakeType::Finished => StepKind::Finished(role),
                other => StepKind::OtherHandshake(role, other),
            },
            MessageKind::HelloRetryRequest => StepKind::HelloRetryRequest,
            MessageKind::ChangeCipherSpec => StepKind::ChangeCipherSpec(role),
            MessageKind::HttpRequest => StepKind::HttpRequest,
            MessageKind::HttpResponse => StepKind::HttpResponse,
            MessageKind::ApplicationData => match role {
                Role::Client => StepKind::HttpRequest,
                Role::Server => StepKind::HttpResponse,
            },
            MessageKind::Alert => match alert.map(|a| a.description) {
                Some(AlertDescription::CloseNotify) => StepKind::CloseNotify(role),
                _ => StepKind::Alert(role),
            },
        }
    }
}

impl fmt::Display for StepKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fixed = match self {
            StepKind::ClientHello => "client_hello",
            StepKind::ServerHello => "server_hello",
            StepKind::HelloRetryRequest => "hello_retry_request",
            StepKind::EncryptedExtensions => "encrypted_extensions",
            StepKind::Certificate => "certificate",
            StepKind::CertificateVerify => "certificate_verify",
            StepKind::ServerHelloDone => "server_hello_done",
            StepKind::ClientKeyExchange => "client_key_exchange",
            StepKind::HttpRequest => "http_request",
            StepKind::HttpResponse => "http_response",
            StepKind::ChangeCipherSpec(role) => {
                return write!(f, "{}_change_cipher_spec", role.name());
            }
            StepKind::Finished(role) => return write!(f, "{}_finished", role.name()),
            StepKind::CloseNotify(role) => return write!(f, "{}_close_notify", role.name()),
            StepKind::Alert(role) => return write!(f, "{}_alert", role.name()),
            StepKind::OtherHandshake(role, t) => return write!(f, "{}_{}", role.name(), t.name()),
            StepKind::StolenKey(RecordedSession::Tls12Rsa) => "stolen_key_tls12_rsa",
            StepKind::StolenKey(RecordedSession::Tls13Ecdhe) => "stolen_key_tls13_ecdhe",
        };
        f.write_str(fixed)
    }
}

/// A step's stable name. `{:?}` shows it as the quoted string lessons use.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct StepName {
    /// In `key-compromise`, the recorded session the step belongs to (prefix `tls12_`
    /// or `tls13_`).
    pub session: Option<RecordedSession>,
    /// Whether the man in the middle sends it (prefix `attacker_`).
    pub by_attacker: bool,
    /// What the step is.
    pub kind: StepKind,
    /// 1 for the first step of this name in the session, 2 for the second (suffix `_2`), ...
    pub occurrence: u32,
}

impl StepName {
    /// The first step of this kind, sent by one of the two ends.
    pub fn new(kind: StepKind) -> StepName {
        StepName {
            session: None,
            by_attacker: false,
            kind,
            occurrence: 1,
        }
    }

    /// The name without its session and attacker prefixes and its count: the part
    /// that says what crossed the wire (`attacker_server_hello` -> `server_hello`).
    pub fn base(self) -> StepName {
        StepName::new(self.kind)
    }
}

impl fmt::Display for StepName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(session) = self.session {
            f.write_str(session.step_prefix())?;
        }
        if self.by_attacker {
            f.write_str("attacker_")?;
        }
        write!(f, "{}", self.kind)?;
        if self.occurrence > 1 {
            write!(f, "_{}", self.occurrence)?;
        }
        Ok(())
    }
}

impl fmt::Debug for StepName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.to_string())
    }
}

/// Whether `value` displays as exactly `text`, without building the string.
fn displays_as(value: &impl fmt::Display, text: &str) -> bool {
    /// Eats `rest` piece by piece; fails at the first piece that does not match.
    struct Matcher<'a> {
        rest: &'a str,
    }
    impl fmt::Write for Matcher<'_> {
        fn write_str(&mut self, piece: &str) -> fmt::Result {
            match self.rest.strip_prefix(piece) {
                Some(rest) => {
                    self.rest = rest;
                    Ok(())
                }
                None => Err(fmt::Error),
            }
        }
    }
    let mut matcher = Matcher { rest: text };
    fmt::write(&mut matcher, format_args!("{value}")).is_ok() && matcher.rest.is_empty()
}

/// A lesson names a step by its string: `step.name == "server_hello"`.
impl PartialEq<str> for StepName {
    fn eq(&self, other: &str) -> bool {
        displays_as(self, other)
    }
}

impl PartialEq<&str> for StepName {
    fn eq(&self, other: &&str) -> bool {
        displays_as(self, other)
    }
}

impl serde::Serialize for StepName {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_as_the_contract_writes_them() {
        let name = |session, by_attacker, kind, occurrence| {
            StepName {
                session,
                by_attacker,
                kind,
                occurrence,
            }
            .to_string()
        };
        assert_eq!(name(None, false, StepKind::ClientHello, 1), "client_hello");
        assert_eq!(
            name(None, true, StepKind::Finished(Role::Client), 1),
            "attacker_client_finished"
        );
        assert_eq!(
            name(
                Some(RecordedSession::Tls12Rsa),
                false,
                StepKind::ClientKeyExchange,
                1
            ),
            "tls12_client_key_exchange"
        );
        assert_eq!(
            name(None, false, StepKind::HttpRequest, 2),
            "http_request_2"
        );
        assert_eq!(
            StepKind::StolenKey(RecordedSession::Tls12Rsa).to_string(),
            "stolen_key_tls12_rsa"
        );
        assert_eq!(
            StepKind::StolenKey(RecordedSession::Tls13Ecdhe).to_string(),
            "stolen_key_tls13_ecdhe"
        );
        let finished = StepName {
            occurrence: 2,
            ..StepName::new(StepKind::Finished(Role::Server))
        };
        assert!(finished == "server_finished_2");
        assert!(finished != "server_finished");
        assert!(finished != "server_finished_22");
        assert!(finished != "server_finishe");
        assert_eq!(
            StepKind::OtherHandshake(Role::Server, HandshakeType::NewSessionTicket).to_string(),
            "server_new_session_ticket"
        );
    }
}

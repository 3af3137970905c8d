//! The tap on the wire: what an eavesdropper reads, and the attacker's one-byte change.
//!
//! The eavesdropper works from the wire bytes alone, with the same decoders the
//! endpoints use and no keys: whatever it reports is really readable on the wire.

use crate::crypto::summarize_certificate;
use crate::http;
use crate::sim::scenario::{ByteEdit, Tamper};
use crate::text;
use crate::text::Text;
use crate::tls::Side;
use crate::wire::{
    Alert, CipherSuite, ContentType, Extension, HandshakeMessage, NamedGroup, ProtocolVersion,
    Record, Tls12Message,
};

/// What kind of thing the eavesdropper reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ObservationKind {
    /// When the record crossed the wire.
    Timing,
    /// Who sent it and how big it is.
    RecordSize,
    /// The site asked for (SNI in the ClientHello).
    ServerName,
    /// TLS versions the client offers.
    VersionsOffered,
    /// Cipher suites the client offers.
    CipherSuitesOffered,
    /// Key exchange groups offered.
    GroupsOffered,
    /// A public key share (public by design: useless without a private key).
    PublicKeyShare,
    /// The version the server chose.
    VersionChosen,
    /// The group a HelloRetryRequest asks the client to send a key share for.
    GroupRequested,
    /// The cipher suite the server chose.
    CipherSuiteChosen,
    /// Encrypted bytes: readable as bytes, meaningless without the key.
    Ciphertext,
    /// The server's certificate, sent in the clear (TLS 1.2): its name and issuer.
    ServerCertificate,
    /// An alert sent in the clear.
    Alert,
    /// The HTTP request or status line.
    HttpStartLine,
    /// An HTTP header.
    HttpHeader,
    /// The account name in the form.
    Username,
    /// The password in the form.
    Password,
    /// The card number in the form.
    CardNumber,
    /// Other body text.
    HttpBody,
}

/// One thing the eavesdropper reads on the wire.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Observation {
    /// What it is.
    pub kind: ObservationKind,
    /// What the eavesdropper reads: a raw value (a host name, a header, hex) or a
    /// message of `core/i18n/session.*.ftl` around one.
    pub value: Text,
    /// Whether it is something the user meant to keep secret.
    pub sensitive: bool,
}

impl Observation {
    /// An observation; names, passwords and card numbers are marked sensitive.
    pub fn new(kind: ObservationKind, value: impl Into<Text>) -> Self {
        Observation {
            kind,
            value: value.into(),
            sensitive: matches!(
                kind,
                ObservationKind::Password | ObservationKind::CardNumber | ObservationKind::Username
            ),
        }
    }
}

/// What an eavesdropper reads from one plain HTTP message.
pub fn observe_http(from: Side, bytes: &[u8], time_micros: u64) -> Vec<Observation> {
    let mut seen = vec![
        timing(time_micros),
        Observation::new(
            ObservationKind::RecordSize,
            text!(
                "tap-http-size",
                length = bytes.len(),
                side = side_word(from)
            ),
        ),
    ];
    let Ok(message) = http::parse(bytes) else {
        seen.push(Observation::new(
            ObservationKind::HttpBody,
            String::from_utf8_lossy(bytes).into_owned(),
        ));
        return seen;
    };
    seen.push(Observation::new(
        ObservationKind::HttpStartLine,
        message.start_line,
    ));
    for (name, value) in &message.headers {
        seen.push(Observation::new(
            ObservationKind::HttpHeader,
            format!("{name}: {value}"),
        ));
    }
    let fields = http::form_fields(&message.body);
    let is_form = message.headers.iter().any(|(n, v)| {
        n.eq_ignore_ascii_case("content-type") && v.contains("x-www-form-urlencoded")
    });
    if is_form {
        for (name, value) in fields {
            let kind = match name.as_str() {
                "password" => ObservationKind::Password,
                "card" => ObservationKind::CardNumber,
                "username" => ObservationKind::Username,
                _ => ObservationKind::HttpBody,
            };
            seen.push(Observation::new(kind, value));
        }
    } else if !message.body.is_empty() {
        seen.push(Observation::new(
            ObservationKind::HttpBody,
            String::from_utf8_lossy(&message.body).into_owned(),
        ));
    }
    seen
}

/// What anyone reads of any TLS record: when it passed, its type and size, and the
/// record itself for a closer look; bytes that are no record are said to be so.
fn record_header(
    from: Side,
    bytes: &[u8],
    time_micros: u64,
) -> Result<(Vec<Observation>, Record), Vec<Observation>> {
    let mut seen = vec![timing(time_micros)];
    let Ok((record, _)) = Record::decode(bytes) else {
        seen.push(Observation::new(
            ObservationKind::RecordSize,
            text!(
                "tap-not-a-record",
                length = bytes.len(),
                side = side_word(from)
            ),
        ));
        return Err(seen);
    };
    seen.push(Observation::new(
        ObservationKind::RecordSize,
        text!(
            "tap-record",
            content_type = record.content_type.name(),
            length = bytes.len(),
            side = side_word(from)
        ),
    ));
    Ok((seen, record))
}

/// What an eavesdropper reads from one TLS record.
pub fn observe_tls(from: Side, bytes: &[u8], time_micros: u64) -> Vec<Observation> {
    let (mut seen, record) = match record_header(from, bytes, time_micros) {
        Ok(found) => found,
        Err(seen) => return seen,
    };
    match record.content_type {
        ContentType::Handshake => {
            if let Ok((message, _)) = HandshakeMessage::decode(&record.fragment) {
                observe_hello(&message, &mut seen);
            }
        }
        ContentType::Alert => {
            if let Ok(alert) = Alert::decode(&record.fragment) {
                seen.push(Observation::new(
                    ObservationKind::Alert,
                    alert.description.name(),
                ));
            }
        }
        _ => seen.push(ciphertext(&record.fragment)),
    }
    seen
}

/// What an eavesdropper reads from one TLS 1.2 record; `encrypted` says whether the
/// sender had switched to its keys (the content type byte alone does not say so).
pub fn observe_tls12(
    from: Side,
    bytes: &[u8],
    encrypted: bool,
    time_micros: u64,
) -> Vec<Observation> {
    let (mut seen, record) = match record_header(from, bytes, time_micros) {
        Ok(found) => found,
        Err(seen) => return seen,
    };
    if encrypted || record.content_type == ContentType::ApplicationData {
        seen.push(ciphertext(&record.fragment));
        return seen;
    }
    match record.content_type {
        ContentType::Handshake => match Tls12Message::decode(&record.fragment) {
            Ok((Tls12Message::ClientHello(hello), _)) => {
                observe_hello(&HandshakeMessage::ClientHello(hello), &mut seen)
            }
            Ok((Tls12Message::ServerHello(hello), _)) => {
                seen.push(Observation::new(
                    ObservationKind::VersionChosen,
                    ProtocolVersion::from_u16(hello.legacy_version).name_or_hex(),
                ));
                observe_hello(&HandshakeMessage::ServerHello(hello), &mut seen)
            }
            Ok((Tls12Message::Certificate(certificate), _)) => {
                if let Some(summary) = certificate
                    .certificate_list
                    .first()
                    .and_then(|der| summarize_certificate(der).ok())
                {
                    seen.push(Observation::new(
                        ObservationKind::ServerCertificate,
                        text!(
                            "tap-certificate",
                            subject = summary.subject,
                            issuer = summary.issuer,
                            algorithm = summary.public_key_algorithm
                        ),
                    ));
                }
            }
            Ok((Tls12Message::ClientKeyExchange(exchange), _)) => {
                seen.push(Observation::new(
                    ObservationKind::Ciphertext,
                    text!(
                        "tap-encrypted-premaster",
                        length = exchange.encrypted_pre_master_secret.len()
                    ),
                ));
            }
            _ => {}
        },
        ContentType::Alert => {
            if let Ok(alert) = Alert::decode(&record.fragment) {
                seen.push(Observation::new(
                    ObservationKind::Alert,
                    alert.description.name(),
                ));
            }
        }
        _ => {}
    }
    seen
}

fn ciphertext(fragment: &[u8]) -> Observation {
    let preview: String = fragment
        .iter()
        .take(16)
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(" ");
    Observation::new(
        ObservationKind::Ciphertext,
        text!("tap-ciphertext", preview = preview, length = fragment.len()),
    )
}

fn observe_hello(message: &HandshakeMessage, seen: &mut Vec<Observation>) {
    let names = |values: &[u16], name: fn(u16) -> Option<&'static str>| {
        values
            .iter()
            .map(|v| name(*v).map_or_else(|| format!("0x{v:04x}"), str::to_string))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match message {
        HandshakeMessage::ClientHello(hello) => {
            for extension in &hello.extensions {
                match extension {
                    Extension::ServerName(Some(name)) => {
                        seen.push(Observation::new(ObservationKind::ServerName, name.clone()));
                    }
                    Extension::SupportedVersionsClient(versions) => seen.push(Observation::new(
                        ObservationKind::VersionsOffered,
                        names(versions, |v| ProtocolVersion::from_u16(v).rfc_name()),
                    )),
                    Extension::SupportedGroups(groups) => seen.push(Observation::new(
                        ObservationKind::GroupsOffered,
                        names(groups, |v| NamedGroup::from_u16(v).rfc_name()),
                    )),
                    Extension::KeyShareClient(shares) => {
                        for share in shares {
                            seen.push(Observation::new(
                                ObservationKind::PublicKeyShare,
                                text!("tap-client-key-share", length = share.key_exchange.len()),
                            ));
                        }
                    }
                    _ => {}
                }
            }
            seen.push(Observation::new(
                ObservationKind::CipherSuitesOffered,
                names(&hello.cipher_suites, |v| {
                    CipherSuite::from_u16(v).rfc_name()
                }),
            ));
        }
        HandshakeMessage::ServerHello(hello) => {
            for extension in &hello.extensions {
                match extension {
                    Extension::SupportedVersionsServer(v) => seen.push(Observation::new(
                        ObservationKind::VersionChosen,
                        names(&[*v], |v| ProtocolVersion::from_u16(v).rfc_name()),
                    )),
                    Extension::KeyShareServer(share) => seen.push(Observation::new(
                        ObservationKind::PublicKeyShare,
                        text!("tap-server-key-share", length = share.key_exchange.len()),
                    )),
                    Extension::KeyShareHelloRetryRequest(group) => seen.push(Observation::new(
                        ObservationKind::GroupRequested,
                        text!(
                            "tap-group-requested",
                            group = names(&[*group], |g| NamedGroup::from_u16(g).rfc_name())
                        ),
                    )),
                    _ => {}
                }
            }
            seen.push(Observation::new(
                ObservationKind::CipherSuiteChosen,
                names(&[hello.cipher_suite], |v| {
                    CipherSuite::from_u16(v).rfc_name()
                }),
            ));
        }
        _ => {}
    }
}

fn timing(time_micros: u64) -> Observation {
    Observation::new(
        ObservationKind::Timing,
        text!(
            "tap-timing",
            ms = (time_micros / 1000).to_string(),
            fraction = format!("{:03}", time_micros % 1000)
        ),
    )
}

/// "client", "server" or "attacker", as a word of the student's language.
pub fn side_word(side: Side) -> Text {
    Text::message(match side {
        Side::Client => "who-client",
        Side::Server => "who-server",
        Side::Attacker => "who-attacker",
    })
}

/// The attacker's side of the tap: counts records and changes the chosen bytes.
#[derive(Debug)]
pub struct Attacker {
    tamper: Option<Tamper>,
    edits: Vec<ByteEdit>,
    seen: usize,
    applied: bool,
    /// Edits whose record went by without the byte they name.
    missed: Vec<ByteEdit>,
}

impl Attacker {
    /// An attacker that makes `tamper`'s change, or none.
    pub fn new(tamper: Option<Tamper>) -> Self {
        Attacker::with_edits(tamper, Vec::new())
    }

    /// An attacker that flips `tamper`'s bits, then sets the bytes `edits` name.
    pub fn with_edits(tamper: Option<Tamper>, edits: Vec<ByteEdit>) -> Self {
        Attacker {
            tamper,
            edits,
            seen: 0,
            applied: false,
            missed: Vec::new(),
        }
    }

    /// Passes one record; returns the bytes delivered when they were changed.
    pub fn pass(&mut self, bytes: &[u8]) -> Option<Vec<u8>> {
        let index = self.seen;
        self.seen += 1;
        let mut changed = bytes.to_vec();
        if let Some(tamper) = self.tamper.filter(|t| t.record == index)
            && let Some(byte) = changed.get_mut(tamper.offset)
        {
            *byte ^= tamper.mask;
            self.applied = true;
        }
        for edit in self.edits.iter().filter(|e| e.record == index) {
            match changed.get_mut(edit.offset) {
                Some(byte) => *byte = edit.value,
                None => self.missed.push(*edit),
            }
        }
        (changed != bytes).then_some(changed)
    }

    /// `bytes` with `tamper`'s change made, or `None` when the byte does not exist.
    pub fn flip(bytes: &[u8], tamper: Tamper) -> Option<Vec<u8>> {
        let mut changed = bytes.to_vec();
        *changed.get_mut(tamper.offset)? ^= tamper.mask;
        Some(changed)
    }

    /// The first edit that could not be made: its record never crossed the wire, or
    /// had no such byte.
    pub fn first_missed_edit(&self) -> Option<ByteEdit> {
        self.missed
            .first()
            .copied()
            .or_else(|| self.edits.iter().find(|e| e.record >= self.seen).copied())
    }

    /// Whether the change was made (false when the record or byte never existed).
    pub fn applied(&self) -> bool {
        self.tamper.is_none() || self.applied
    }
}

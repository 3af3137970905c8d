//! What a live client offered, what the lab's server chose, and the client's JA4
//! fingerprint: read from the hellos of a session, pure (no I/O, no state).
//!
//! Every code is shown by its registry name ("TLS_AES_128_GCM_SHA256", "x25519"),
//! a GREASE value (RFC 8701) as `GREASE 0x0a0a`, and a code the lab's lists lack as
//! its number in hex (`0x44cd`), as the wire fields name them.
//!
//! JA4 is FoxIO's TLS client fingerprint (`technical_details/JA4.md` in
//! FoxIO-LLC/ja4, BSD 3-Clause): `t13d1516h2_8daaf6152771_e5627efa2ab1` is the
//! transport (`t`, TLS over TCP), the highest supported version, `d` with SNI or `i`
//! without, the counts of cipher suites and extensions, the first and last character
//! of the first ALPN value; then the first 12 hex digits of SHA-256 over the sorted
//! suites, and over the sorted extensions (without SNI and ALPN), `_`, the signature
//! algorithms in their order. GREASE is left out everywhere.

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::sim::{Timeline, WireRecord};
use crate::tls::{Protection, Side};
use crate::wire::{
    CipherSuite, ClientHello, ContentType, EncryptedExtensions, Extension, ExtensionType,
    HandshakeMessage, NamedGroup, ProtocolVersion, ServerHello, SignatureScheme,
    decode_inner_plaintext, is_grease,
};

/// What a ClientHello offered, in the client's order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Offered {
    /// The hello's legacy_version (0x0303 in every TLS 1.3 hello).
    pub legacy_version: String,
    /// supported_versions, most preferred first (empty when the extension is absent).
    pub versions: Vec<String>,
    /// cipher_suites.
    pub cipher_suites: Vec<String>,
    /// supported_groups.
    pub groups: Vec<String>,
    /// The groups of the key shares sent along (key_share).
    pub key_share_groups: Vec<String>,
    /// signature_algorithms.
    pub signature_schemes: Vec<String>,
    /// ALPN protocol names (`h2`, `http/1.1`; hex when not printable).
    pub alpn: Vec<String>,
    /// The host name in server_name.
    pub server_name: Option<String>,
    /// Every extension's type, in wire order.
    pub extensions: Vec<String>,
}

/// What the server chose, from its ServerHello (and HelloRetryRequest), and what its
/// encrypted flight says when the server's records show it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Chosen {
    /// The version in supported_versions ("TLS 1.3").
    pub version: Option<String>,
    /// The cipher suite.
    pub cipher_suite: String,
    /// The group of the server's key share.
    pub key_share_group: Option<String>,
    /// The group a HelloRetryRequest asked the client for, when the server asked again.
    pub hello_retry_group: Option<String>,
    /// The ALPN protocol in EncryptedExtensions.
    pub alpn: Option<String>,
    /// The scheme of the server's CertificateVerify.
    pub signature_scheme: Option<String>,
}

/// A client's JA4 fingerprint and the string it hashes (FoxIO's `JA4_r`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Ja4 {
    /// `t13d1516h2_8daaf6152771_e5627efa2ab1`.
    pub fingerprint: String,
    /// The same with the sorted lists in place of their hashes.
    pub raw: String,
}

/// Offered next to chosen, for one live session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Negotiation {
    /// The client's (first) ClientHello.
    pub offered: Offered,
    /// The server's choices; `None` when it never sent a ServerHello.
    pub chosen: Option<Chosen>,
    /// The client's fingerprint.
    pub ja4: Ja4,
}

fn name_or_hex(v: u16, name: Option<&'static str>) -> String {
    match name {
        Some(name) => name.to_string(),
        None if is_grease(v) => format!("GREASE 0x{v:04x}"),
        None => format!("0x{v:04x}"),
    }
}

fn suite_name(v: u16) -> String {
    name_or_hex(v, CipherSuite::from_u16(v).rfc_name())
}

fn group_name(v: u16) -> String {
    name_or_hex(v, NamedGroup::from_u16(v).rfc_name())
}

fn scheme_name(v: u16) -> String {
    name_or_hex(v, SignatureScheme::from_u16(v).rfc_name())
}

fn version_name(v: u16) -> String {
    name_or_hex(v, ProtocolVersion::from_u16(v).rfc_name())
}

fn extension_name(v: u16) -> String {
    name_or_hex(v, ExtensionType::from_u16(v).rfc_name())
}

/// An ALPN protocol name as text when it is printable ASCII, else as hex.
fn protocol_name(name: &[u8]) -> String {
    match std::str::from_utf8(name) {
        Ok(text) if !text.is_empty() && text.bytes().all(|b| b.is_ascii_graphic()) => {
            text.to_string()
        }
        _ => format!(
            "0x{}",
            name.iter().map(|b| format!("{b:02x}")).collect::<String>()
        ),
    }
}

impl Offered {
    /// What `hello` offered.
    pub fn of(hello: &ClientHello) -> Offered {
        let list = |values: Option<&[u16]>, name: fn(u16) -> String| {
            values
                .unwrap_or_default()
                .iter()
                .map(|&v| name(v))
                .collect::<Vec<_>>()
        };
        Offered {
            legacy_version: version_name(hello.legacy_version),
            versions: list(hello.supported_versions(), version_name),
            cipher_suites: hello.cipher_suites.iter().map(|&v| suite_name(v)).collect(),
            groups: list(hello.supported_groups(), group_name),
            key_share_groups: hello
                .key_share()
                .unwrap_or_default()
                .iter()
                .map(|share| group_name(share.group))
                .collect(),
            signature_schemes: list(hello.signature_algorithms(), scheme_name),
            alpn: hello
                .alpn()
                .unwrap_or_default()
                .iter()
                .map(|p| protocol_name(p))
                .collect(),
            server_name: hello.server_name().map(str::to_string),
            extensions: hello
                .extensions
                .iter()
                .map(|e| extension_name(e.ext_type().to_u16()))
                .collect(),
        }
    }
}

impl Chosen {
    /// What a ServerHello chose; `retry` is the HelloRetryRequest before it, if any.
    pub fn of(server_hello: &ServerHello, retry: Option<&ServerHello>) -> Chosen {
        Chosen {
            version: server_hello.supported_versions().map(version_name),
            cipher_suite: suite_name(server_hello.cipher_suite),
            key_share_group: server_hello.key_share().map(|s| group_name(s.group)),
            hello_retry_group: retry.and_then(retry_group).map(group_name),
            alpn: None,
            signature_scheme: None,
        }
    }

    /// Adds what EncryptedExtensions says (the ALPN protocol).
    pub fn with_encrypted_extensions(mut self, extensions: &EncryptedExtensions) -> Chosen {
        self.alpn = extensions.extensions.iter().find_map(|e| match e {
            Extension::Alpn(names) => names.first().map(|n| protocol_name(n)),
            _ => None,
        });
        self
    }
}

fn retry_group(retry: &ServerHello) -> Option<u16> {
    retry.extensions.iter().find_map(|e| match e {
        Extension::KeyShareHelloRetryRequest(group) => Some(*group),
        _ => None,
    })
}

/// The JA4 version code of a 16-bit protocol version.
fn ja4_version(v: u16) -> &'static str {
    match v {
        0x0304 => "13",
        0x0303 => "12",
        0x0302 => "11",
        0x0301 => "10",
        0x0300 => "s3",
        0x0002 => "s2",
        0xfeff => "d1",
        0xfefd => "d2",
        0xfefc => "d3",
        _ => "00",
    }
}

/// The first and last character of the first ALPN value: the characters when both
/// are ASCII letters or digits, else the first and last hex digit of the value;
/// `00` with no value.
fn ja4_alpn(first: Option<&[u8]>) -> String {
    let (Some(head), Some(tail)) = (first.and_then(<[u8]>::first), first.and_then(<[u8]>::last))
    else {
        return "00".into();
    };
    if head.is_ascii_alphanumeric() && tail.is_ascii_alphanumeric() {
        format!("{}{}", char::from(*head), char::from(*tail))
    } else {
        format!("{:x}{:x}", head >> 4, tail & 0x0f)
    }
}

/// The first 12 hex digits of SHA-256 of `text`; twelve zeros for an empty list.
fn ja4_hash(text: &str) -> String {
    if text.is_empty() {
        return "000000000000".into();
    }
    Sha256::digest(text.as_bytes())
        .iter()
        .take(6)
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn hex_list(values: &[u16]) -> String {
    values
        .iter()
        .map(|v| format!("{v:04x}"))
        .collect::<Vec<_>>()
        .join(",")
}

/// The JA4 fingerprint of a ClientHello sent over TCP (FoxIO's JA4 spec).
pub fn ja4(hello: &ClientHello) -> Ja4 {
    let not_grease = |v: &u16| !is_grease(*v);
    let version = hello
        .supported_versions()
        .and_then(|versions| versions.iter().copied().filter(not_grease).max())
        .unwrap_or(hello.legacy_version);
    let types: Vec<u16> = hello
        .extensions
        .iter()
        .map(|e| e.ext_type().to_u16())
        .filter(not_grease)
        .collect();
    let sni = if types.contains(&ExtensionType::ServerName.to_u16()) {
        'd'
    } else {
        'i'
    };
    let mut suites: Vec<u16> = hello
        .cipher_suites
        .iter()
        .copied()
        .filter(not_grease)
        .collect();
    let first_alpn = hello.alpn().and_then(|names| names.first());
    let a = format!(
        "t{}{sni}{:02}{:02}{}",
        ja4_version(version),
        suites.len().min(99),
        types.len().min(99),
        ja4_alpn(first_alpn.map(Vec::as_slice)),
    );
    suites.sort_unstable();
    let mut sorted: Vec<u16> = types
        .into_iter()
        .filter(|&t| t != ExtensionType::ServerName.to_u16() && t != ExtensionType::Alpn.to_u16())
        .collect();
    sorted.sort_unstable();
    let schemes: Vec<u16> = hello
        .signature_algorithms()
        .unwrap_or_default()
        .iter()
        .copied()
        .filter(not_grease)
        .collect();
    let b = hex_list(&suites);
    let mut c = hex_list(&sorted);
    if !c.is_empty() && !schemes.is_empty() {
        c = format!("{c}_{}", hex_list(&schemes));
    }
    Ja4 {
        fingerprint: format!("{a}_{}_{}", ja4_hash(&b), ja4_hash(&c)),
        raw: format!("{a}_{b}_{c}"),
    }
}

/// The handshake bytes a record carries: its payload in the clear, or what the
/// sender encrypted when that is known.
fn handshake_bytes(record: &WireRecord) -> Option<&[u8]> {
    match record.protection {
        Protection::Plaintext if record.content_type == ContentType::Handshake.to_u8() => {
            record.bytes.get(5..)
        }
        Protection::Plaintext => None,
        _ => match decode_inner_plaintext(record.inner_plaintext.as_deref()?) {
            Ok((ContentType::Handshake, content)) => Some(content),
            _ => None,
        },
    }
}

/// The handshake messages one side sent, in order, up to the first that does not
/// decode (a message may span records: the bytes are joined first).
fn messages(timeline: &Timeline, from: Side) -> Vec<HandshakeMessage> {
    let bytes: Vec<u8> = timeline
        .records()
        .filter(|r| r.from == from)
        .filter_map(handshake_bytes)
        .flatten()
        .copied()
        .collect();
    let mut out = Vec::new();
    let mut rest = bytes.as_slice();
    while let Ok((message, used)) = HandshakeMessage::decode(rest) {
        out.push(message);
        rest = rest.get(used..).unwrap_or_default();
        if used == 0 || rest.is_empty() {
            break;
        }
    }
    out
}

/// Offered against chosen and the JA4 of a live session's client; `None` when the
/// client's first handshake message is not a ClientHello that decodes.
pub fn negotiation(timeline: &Timeline) -> Option<Negotiation> {
    let client = messages(timeline, Side::Client);
    let Some(HandshakeMessage::ClientHello(hello)) = client.first() else {
        return None;
    };
    let server = messages(timeline, Side::Server);
    let mut retry = None;
    let mut chosen: Option<Chosen> = None;
    for message in &server {
        match message {
            HandshakeMessage::ServerHello(sh) if sh.is_hello_retry_request() => retry = Some(sh),
            HandshakeMessage::ServerHello(sh) => chosen = Some(Chosen::of(sh, retry)),
            HandshakeMessage::EncryptedExtensions(ee) => {
                chosen = chosen.map(|c| c.with_encrypted_extensions(ee));
            }
            HandshakeMessage::CertificateVerify(cv) => {
                if let Some(c) = chosen.as_mut() {
                    c.signature_scheme = Some(scheme_name(cv.algorithm));
                }
            }
            _ => {}
        }
    }
    if chosen.is_none()
        && let Some(retry) = retry
    {
        // Asked again, never answered: what the HelloRetryRequest chose.
        chosen = Some(Chosen::of(retry, Some(retry)));
    }
    Some(Negotiation {
        offered: Offered::of(hello),
        chosen,
        ja4: ja4(hello),
    })
}

#[cfg(test)]
#[path = "client_info_test.rs"]
mod tests;

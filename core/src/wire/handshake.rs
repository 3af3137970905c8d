//! Handshake messages (RFC 8446 §4): the TLS 1.3 full handshake, field by field.

use super::annotate::{Field, bytes, code_value, payload_bytes};
use super::codec::{LenWidth, Reader, put_u8, put_u16, put_vector, with_vector};
use super::codes::{CipherSuite, ExtensionType, ProtocolVersion, SignatureScheme, wire_codes};
use super::error::DecodeError;
use super::extensions::{
    Extension, ExtensionContext, KeyShareEntry, encode_extensions, length_leaf, opaque_field,
    read_extensions, read_u16_list,
};
use crate::text;
use crate::text::Text;

wire_codes! {
    /// ```text
    /// enum {
    ///     client_hello(1), server_hello(2), new_session_ticket(4), end_of_early_data(5),
    ///     encrypted_extensions(8), certificate(11), certificate_request(13),
    ///     certificate_verify(15), finished(20), key_update(24), message_hash(254), (255)
    /// } HandshakeType;
    /// ```
    /// plus the TLS 1.2 types server_key_exchange(12), server_hello_done(14) and
    /// client_key_exchange(16) used by the history lesson. end_of_early_data and
    /// message_hash never travel in this lab: they stay `Unknown` but keep their names.
    pub enum HandshakeType: u8 {
        ClientHello = 1, "client_hello", "wire-msg-client-hello";
        ServerHello = 2, "server_hello", "wire-msg-server-hello";
        NewSessionTicket = 4, "new_session_ticket", "wire-msg-new-session-ticket";
        EncryptedExtensions = 8, "encrypted_extensions", "wire-msg-encrypted-extensions";
        Certificate = 11, "certificate", "wire-msg-certificate";
        ServerKeyExchange = 12, "server_key_exchange", "wire-msg-server-key-exchange";
        CertificateRequest = 13, "certificate_request", "wire-msg-certificate-request";
        ServerHelloDone = 14, "server_hello_done", "wire-msg-server-hello-done";
        CertificateVerify = 15, "certificate_verify", "wire-msg-certificate-verify";
        ClientKeyExchange = 16, "client_key_exchange", "wire-msg-client-key-exchange";
        Finished = 20, "finished", "wire-msg-finished";
        KeyUpdate = 24, "key_update", "wire-msg-key-update";
    }
}

impl HandshakeType {
    /// RFC name, e.g. "client_hello"; "unknown" for other values.
    pub fn name(self) -> &'static str {
        match (self.rfc_name(), self.to_u8()) {
            (Some(name), _) => name,
            (None, 5) => "end_of_early_data",
            (None, 254) => "message_hash",
            (None, _) => "unknown",
        }
    }

    /// Message name as the RFC writes the struct, e.g. "ClientHello".
    pub fn message_name(self) -> &'static str {
        match (self.as_str(), self.to_u8()) {
            (Some(name), _) => name,
            (None, 5) => "EndOfEarlyData",
            (None, 254) => "MessageHash",
            (None, _) => "UnknownHandshakeMessage",
        }
    }

    /// What the message is for, as a message id of the core's words.
    fn purpose(self) -> Text {
        Text::message(self.meaning_id().unwrap_or("wire-msg-unknown"))
    }
}

/// The random value of a ServerHello that is really a HelloRetryRequest
/// (SHA-256 of "HelloRetryRequest", RFC 8446 §4.1.3).
pub const HELLO_RETRY_REQUEST_RANDOM: [u8; 32] = [
    0xcf, 0x21, 0xad, 0x74, 0xe5, 0x9a, 0x61, 0x11, 0xbe, 0x1d, 0x8c, 0x02, 0x1e, 0x65, 0xb8, 0x91,
    0xc2, 0xa2, 0x11, 0x16, 0x7a, 0xbb, 0x8c, 0x5e, 0x07, 0x9e, 0x09, 0xe2, 0xc8, 0xa8, 0x33, 0x9c,
];
/// Last 8 bytes of ServerHello.random when a TLS 1.3 server negotiates TLS 1.2
/// ("DOWNGRD" then 0x01).
pub const DOWNGRADE_TLS12: [u8; 8] = *b"DOWNGRD\x01";
/// Last 8 bytes of ServerHello.random when a TLS 1.3 server negotiates TLS 1.1 or
/// below ("DOWNGRD" then 0x00).
pub const DOWNGRADE_TLS11: [u8; 8] = *b"DOWNGRD\x00";

/// ```text
/// struct {
///     ProtocolVersion legacy_version = 0x0303;    /* TLS v1.2 */
///     Random random;
///     opaque legacy_session_id<0..32>;
///     CipherSuite cipher_suites<2..2^16-2>;
///     opaque legacy_compression_methods<1..2^8-1>;
///     Extension extensions<8..2^16-1>;
/// } ClientHello;
/// ```
/// An empty `extensions` is encoded by leaving the block out (the TLS 1.2 form).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientHello {
    /// 0x0303 (TLS 1.2), frozen; the real versions are in supported_versions.
    pub legacy_version: u16,
    /// 32 random bytes.
    pub random: [u8; 32],
    /// 0 or 32 bytes in TLS 1.3 (compatibility mode uses 32 random bytes).
    pub legacy_session_id: Vec<u8>,
    /// Offered cipher suites, most preferred first.
    pub cipher_suites: Vec<u16>,
    /// Exactly `[0]` (null) in TLS 1.3.
    pub legacy_compression_methods: Vec<u8>,
    /// The extensions.
    pub extensions: Vec<Extension>,
}

/// ```text
/// struct {
///     ProtocolVersion legacy_version = 0x0303;    /* TLS v1.2 */
///     Random random;
///     opaque legacy_session_id_echo<0..32>;
///     CipherSuite cipher_suite;
///     uint8 legacy_compression_method = 0;
///     Extension extensions<6..2^16-1>;
/// } ServerHello;
/// ```
/// An empty `extensions` is encoded by leaving the block out (the TLS 1.2 form).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServerHello {
    /// 0x0303 (TLS 1.2), frozen; the real version is in supported_versions.
    pub legacy_version: u16,
    /// 32 random bytes (or [`HELLO_RETRY_REQUEST_RANDOM`]).
    pub random: [u8; 32],
    /// A copy of the client's legacy_session_id.
    pub legacy_session_id_echo: Vec<u8>,
    /// The chosen cipher suite.
    pub cipher_suite: u16,
    /// 0 (null).
    pub legacy_compression_method: u8,
    /// The extensions.
    pub extensions: Vec<Extension>,
}

/// ```text
/// struct {
///     Extension extensions<0..2^16-1>;
/// } EncryptedExtensions;
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EncryptedExtensions {
    /// The extensions.
    pub extensions: Vec<Extension>,
}

/// ```text
/// struct {
///     select (certificate_type) {
///         case RawPublicKey: opaque ASN1_subjectPublicKeyInfo<1..2^24-1>;
///         case X509: opaque cert_data<1..2^24-1>;
///     };
///     Extension extensions<0..2^16-1>;
/// } CertificateEntry;
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CertificateEntry {
    /// A DER-encoded X.509 certificate.
    pub cert_data: Vec<u8>,
    /// Per-certificate extensions (OCSP status, SCTs); usually empty.
    pub extensions: Vec<Extension>,
}

/// The TLS 1.3 form:
/// ```text
/// struct {
///     opaque certificate_request_context<0..2^8-1>;
///     CertificateEntry certificate_list<0..2^24-1>;
/// } Certificate;
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Certificate {
    /// Empty for a server's certificate.
    pub certificate_request_context: Vec<u8>,
    /// Leaf first, then the certificates that vouch for it.
    pub certificate_list: Vec<CertificateEntry>,
}

/// ```text
/// struct {
///     SignatureScheme algorithm;
///     opaque signature<0..2^16-1>;
/// } CertificateVerify;
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CertificateVerify {
    /// The signature scheme.
    pub algorithm: u16,
    /// The signature (DER for ECDSA).
    pub signature: Vec<u8>,
}

/// ```text
/// struct {
///     opaque verify_data[Hash.length];
/// } Finished;
/// ```
/// The hash length is not known at this layer; any non-empty length decodes and
/// the handshake checks it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finished {
    /// HMAC of the transcript hash under the finished key.
    pub verify_data: Vec<u8>,
}

/// ```text
/// struct {
///     HandshakeType msg_type;    /* handshake type */
///     uint24 length;             /* remaining bytes in message */
///     select (Handshake.msg_type) { ... };
/// } Handshake;
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HandshakeMessage {
    /// ClientHello.
    ClientHello(ClientHello),
    /// ServerHello.
    ServerHello(ServerHello),
    /// EncryptedExtensions.
    EncryptedExtensions(EncryptedExtensions),
    /// Certificate (TLS 1.3 form).
    Certificate(Certificate),
    /// CertificateVerify.
    CertificateVerify(CertificateVerify),
    /// Finished.
    Finished(Finished),
    /// Any other type, kept as raw body bytes.
    Unknown {
        /// The msg_type.
        typ: u8,
        /// The body.
        body: Vec<u8>,
    },
}

impl HandshakeMessage {
    /// The message type.
    pub fn handshake_type(&self) -> HandshakeType {
        match self {
            HandshakeMessage::ClientHello(_) => HandshakeType::ClientHello,
            HandshakeMessage::ServerHello(_) => HandshakeType::ServerHello,
            HandshakeMessage::EncryptedExtensions(_) => HandshakeType::EncryptedExtensions,
            HandshakeMessage::Certificate(_) => HandshakeType::Certificate,
            HandshakeMessage::CertificateVerify(_) => HandshakeType::CertificateVerify,
            HandshakeMessage::Finished(_) => HandshakeType::Finished,
            HandshakeMessage::Unknown { typ, .. } => HandshakeType::from_u8(*typ),
        }
    }

    /// "ClientHello", "ServerHello", ...
    pub fn name(&self) -> &'static str {
        self.handshake_type().message_name()
    }

    /// The body bytes (without the 4-byte header).
    pub fn encode_body(&self) -> Vec<u8> {
        let mut out = Vec::new();
        match self {
            HandshakeMessage::ClientHello(ch) => {
                put_u16(&mut out, ch.legacy_version);
                out.extend_from_slice(&ch.random);
                put_vector(&mut out, LenWidth::U8, &ch.legacy_session_id);
                with_vector(&mut out, LenWidth::U16, |o| {
                    for s in &ch.cipher_suites {
                        put_u16(o, *s);
                    }
                });
                put_vector(&mut out, LenWidth::U8, &ch.legacy_compression_methods);
                if !ch.extensions.is_empty() {
                    out.extend(encode_extensions(&ch.extensions));
                }
            }
            HandshakeMessage::ServerHello(sh) => {
                put_u16(&mut out, sh.legacy_version);
                out.extend_from_slice(&sh.random);
                put_vector(&mut out, LenWidth::U8, &sh.legacy_session_id_echo);
                put_u16(&mut out, sh.cipher_suite);
                put_u8(&mut out, sh.legacy_compression_method);
                if !sh.extensions.is_empty() {
                    out.extend(encode_extensions(&sh.extensions));
                }
            }
            HandshakeMessage::EncryptedExtensions(ee) => {
                out.extend(encode_extensions(&ee.extensions));
            }
            HandshakeMessage::Certificate(c) => {
                put_vector(&mut out, LenWidth::U8, &c.certificate_request_context);
                with_vector(&mut out, LenWidth::U24, |o| {
                    for e in &c.certificate_list {
                        put_vector(o, LenWidth::U24, &e.cert_data);
                        o.extend(encode_extensions(&e.extensions));
                    }
                });
            }
            HandshakeMessage::CertificateVerify(cv) => {
                put_u16(&mut out, cv.algorithm);
                put_vector(&mut out, LenWidth::U16, &cv.signature);
            }
            HandshakeMessage::Finished(f) => out.extend_from_slice(&f.verify_data),
            HandshakeMessage::Unknown { body, .. } => out.extend_from_slice(body),
        }
        out
    }

    /// msg_type + uint24 length + body: the bytes that go into the transcript hash.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = vec![self.handshake_type().to_u8()];
        put_vector(&mut out, LenWidth::U24, &self.encode_body());
        out
    }

    /// Decodes the first message in `buf`; returns it and the bytes it used.
    /// The body must be used exactly: trailing bytes inside it are a decode_error.
    pub fn decode(buf: &[u8]) -> Result<(HandshakeMessage, usize), DecodeError> {
        let mut r = Reader::new(buf);
        let (msg, _) = read_message(&mut r)?;
        Ok((msg, r.offset()))
    }

    /// Decodes every message in `buf` (for example a whole handshake record).
    pub fn decode_all(buf: &[u8]) -> Result<Vec<HandshakeMessage>, DecodeError> {
        let mut r = Reader::new(buf);
        let mut out = Vec::new();
        while !r.is_empty() {
            out.push(read_message(&mut r)?.0);
        }
        Ok(out)
    }

    /// Annotates the first message in `buf`: one field named after the message
    /// (e.g. "ClientHello") covering it, with children msg_type, length and every
    /// body field down to each extension's inner fields. Ranges are offset by `base`.
    pub fn annotate(buf: &[u8], base: usize) -> Result<Field, DecodeError> {
        let mut r = Reader::with_base(buf, base);
        read_message(&mut r).map(|(_, f)| f)
    }
}

/// Annotates every handshake message in `buf` (one field per message), for a
/// record or TLSInnerPlaintext that carries several.
pub fn annotate_handshake_messages(buf: &[u8], base: usize) -> Result<Vec<Field>, DecodeError> {
    let mut r = Reader::with_base(buf, base);
    let mut out = Vec::new();
    while !r.is_empty() {
        out.push(read_message(&mut r)?.1);
    }
    Ok(out)
}

impl ClientHello {
    /// The extension of the given type, if present.
    pub fn extension(&self, typ: ExtensionType) -> Option<&Extension> {
        self.extensions.iter().find(|e| e.ext_type() == typ)
    }

    /// The host name from server_name.
    pub fn server_name(&self) -> Option<&str> {
        match self.extension(ExtensionType::ServerName) {
            Some(Extension::ServerName(Some(h))) => Some(h),
            _ => None,
        }
    }

    /// The offered key shares.
    pub fn key_share(&self) -> Option<&[KeyShareEntry]> {
        match self.extension(ExtensionType::KeyShare) {
            Some(Extension::KeyShareClient(v)) => Some(v),
            _ => None,
        }
    }

    /// The offered versions.
    pub fn supported_versions(&self) -> Option<&[u16]> {
        match self.extension(ExtensionType::SupportedVersions) {
            Some(Extension::SupportedVersionsClient(v)) => Some(v),
            _ => None,
        }
    }

    /// The offered groups.
    pub fn supported_groups(&self) -> Option<&[u16]> {
        match self.extension(ExtensionType::SupportedGroups) {
            Some(Extension::SupportedGroups(v)) => Some(v),
            _ => None,
        }
    }

    /// The accepted signature schemes.
    pub fn signature_algorithms(&self) -> Option<&[u16]> {
        match self.extension(ExtensionType::SignatureAlgorithms) {
            Some(Extension::SignatureAlgorithms(v)) => Some(v),
            _ => None,
        }
    }

    /// The offered ALPN protocol names.
    pub fn alpn(&self) -> Option<&[Vec<u8>]> {
        match self.extension(ExtensionType::Alpn) {
            Some(Extension::Alpn(v)) => Some(v),
            _ => None,
        }
    }
}

impl ServerHello {
    /// The extension of the given type, if present.
    pub fn extension(&self, typ: ExtensionType) -> Option<&Extension> {
        self.extensions.iter().find(|e| e.ext_type() == typ)
    }

    /// The server's key share.
    pub fn key_share(&self) -> Option<&KeyShareEntry> {
        match self.extension(ExtensionType::KeyShare) {
            Some(Extension::KeyShareServer(e)) => Some(e),
            _ => None,
        }
    }

    /// The selected version from supported_versions.
    pub fn supported_versions(&self) -> Option<u16> {
        match self.extension(ExtensionType::SupportedVersions) {
            Some(Extension::SupportedVersionsServer(v)) => Some(*v),
            _ => None,
        }
    }

    /// True when the random marks this as a HelloRetryRequest.
    pub fn is_hello_retry_request(&self) -> bool {
        self.random == HELLO_RETRY_REQUEST_RANDOM
    }
}

impl EncryptedExtensions {
    /// The extension of the given type, if present.
    pub fn extension(&self, typ: ExtensionType) -> Option<&Extension> {
        self.extensions.iter().find(|e| e.ext_type() == typ)
    }
}

pub(crate) type Body = (HandshakeMessage, Vec<Field>);

fn read_message(r: &mut Reader<'_>) -> Result<(HandshakeMessage, Field), DecodeError> {
    read_framed(r, |ht, typ, br| {
        let (msg, fields) = match ht {
            HandshakeType::ClientHello => read_client_hello(br)?,
            HandshakeType::ServerHello => read_server_hello(br)?,
            HandshakeType::EncryptedExtensions => {
                let (extensions, f) = read_extensions(br, ExtensionContext::EncryptedExtensions)?;
                let m = HandshakeMessage::EncryptedExtensions(EncryptedExtensions { extensions });
                (m, vec![f])
            }
            HandshakeType::Certificate => read_certificate(br)?,
            HandshakeType::CertificateVerify => read_certificate_verify(br)?,
            HandshakeType::Finished => read_finished(br)?,
            HandshakeType::NewSessionTicket => read_new_session_ticket(typ, br)?,
            HandshakeType::KeyUpdate => read_key_update(typ, br)?,
            _ => read_unknown(typ, br),
        };
        let name = match &msg {
            HandshakeMessage::ServerHello(sh) if sh.is_hello_retry_request() => "HelloRetryRequest",
            m => m.name(),
        };
        Ok((msg, fields, name))
    })
}

/// Reads the Handshake header (msg_type, uint24 length), hands the body to `body`
/// (which returns the message, its body fields and the display name), checks the
/// body was used exactly, and builds the message's field.
pub(crate) fn read_framed<T>(
    r: &mut Reader<'_>,
    body: impl FnOnce(
        HandshakeType,
        u8,
        &mut Reader<'_>,
    ) -> Result<(T, Vec<Field>, &'static str), DecodeError>,
) -> Result<(T, Field), DecodeError> {
    let at = r.offset();
    let typ = r.u8("Handshake.msg_type")?;
    let ht = HandshakeType::from_u8(typ);
    let what = ht.message_name();
    let len_at = r.offset();
    let len = r.u24("Handshake.length")? as usize;
    let body_at = r.offset();
    let body_bytes = r.take(len, "Handshake.body")?;
    let mut br = Reader::with_base(body_bytes, body_at);
    let (msg, body_fields, name) = body(ht, typ, &mut br)?;
    br.expect_end(body_what(ht))?;
    let mut children = vec![
        Field::leaf(
            "msg_type",
            at..len_at,
            code_value(typ, ht.name()),
            text!("wire-handshake-type", what = what),
        ),
        Field::leaf(
            "length",
            len_at..body_at,
            len.to_string(),
            text!("wire-handshake-length", what = what, size = bytes(len)),
        ),
    ];
    children.extend(body_fields);
    let field = Field::node(
        name,
        at..r.offset(),
        bytes(r.offset() - at),
        ht.purpose(),
        children,
    );
    Ok((msg, field))
}

pub(crate) fn body_what(ht: HandshakeType) -> &'static str {
    match ht {
        HandshakeType::ClientHello => "ClientHello",
        HandshakeType::ServerHello => "ServerHello",
        HandshakeType::EncryptedExtensions => "EncryptedExtensions",
        HandshakeType::Certificate => "Certificate",
        HandshakeType::CertificateVerify => "CertificateVerify",
        HandshakeType::Finished => "Finished",
        HandshakeType::ServerHelloDone => "ServerHelloDone",
        HandshakeType::ClientKeyExchange => "ClientKeyExchange",
        _ => "Handshake.body",
    }
}

fn legacy_version_field(at: usize, v: u16) -> Field {
    let meaning = match ProtocolVersion::from_u16(v) {
        ProtocolVersion::Tls12 => Text::message("wire-legacy-version-tls12"),
        _ => text!("wire-legacy-version-other", version = format!("0x{v:04x}")),
    };
    Field::leaf("legacy_version", at..at + 2, format!("0x{v:04x}"), meaning)
}

fn session_id_field(v: &super::codec::Vector<'_>, name: &str, client: bool) -> Field {
    // (An empty vector has no content leaf: its content meaning is never shown.)
    let (meaning, content) = match (client, v.len) {
        (true, 0) => ("wire-session-id-empty", "wire-session-id-empty"),
        (true, _) => ("wire-session-id-client", "wire-session-id-client-bytes"),
        (false, _) => ("wire-session-id-echo", "wire-session-id-echo-bytes"),
    };
    opaque_field(
        name,
        v,
        bytes(v.len),
        Text::message(meaning),
        Text::message(content),
    )
}

pub(crate) fn read_client_hello(r: &mut Reader<'_>) -> Result<Body, DecodeError> {
    let mut fields = Vec::new();
    let at = r.offset();
    let legacy_version = r.u16("ClientHello.legacy_version")?;
    fields.push(legacy_version_field(at, legacy_version));
    let at = r.offset();
    let random = r.array::<32>("ClientHello.random")?;
    fields.push(Field::leaf(
        "random",
        at..at + 32,
        bytes(32),
        Text::message("wire-client-random"),
    ));
    let sid = r.vector(LenWidth::U8, 0, 32, 1, "ClientHello.legacy_session_id")?;
    fields.push(session_id_field(&sid, "legacy_session_id", true));
    let (cipher_suites, mut suites_field) = read_u16_list(
        r,
        LenWidth::U16,
        2,
        0xfffe,
        "ClientHello.cipher_suites",
        "cipher_suites",
        "cipher_suite",
        |v| CipherSuite::from_u16(v).describe(),
    )?;
    suites_field.meaning = text!("wire-client-suites", n = cipher_suites.len());
    fields.push(suites_field);
    let mut cm = r.vector(
        LenWidth::U8,
        1,
        0xff,
        1,
        "ClientHello.legacy_compression_methods",
    )?;
    let mut cm_children = vec![length_leaf(&cm, "legacy_compression_methods")];
    let mut methods = Vec::new();
    while !cm.body.is_empty() {
        let at = cm.body.offset();
        let m = cm.body.u8("ClientHello.legacy_compression_methods")?;
        cm_children.push(compression_leaf(at, m));
        methods.push(m);
    }
    fields.push(Field::node(
        "legacy_compression_methods",
        cm.range.clone(),
        text!("wire-count-methods", n = methods.len()),
        Text::message("wire-compression-methods"),
        cm_children,
    ));
    let extensions = if r.is_empty() {
        Vec::new()
    } else {
        let (exts, f) = read_extensions(r, ExtensionContext::ClientHello)?;
        fields.push(f);
        exts
    };
    let ch = ClientHello {
        legacy_version,
        random,
        legacy_session_id: sid.body.clone().rest().to_vec(),
        cipher_suites,
        legacy_compression_methods: methods,
        extensions,
    };
    Ok((HandshakeMessage::ClientHello(ch), fields))
}

fn compression_leaf(at: usize, m: u8) -> Field {
    let (value, meaning) = match m {
        0 => ("0 (null)".to_string(), "wire-compression-null"),
        1 => ("1 (DEFLATE)".to_string(), "wire-compression-deflate"),
        m => (m.to_string(), "wire-compression-other"),
    };
    Field::leaf(
        "compression_method",
        at..at + 1,
        value,
        Text::message(meaning),
    )
}

fn server_random_meaning(random: &[u8; 32]) -> Text {
    if *random == HELLO_RETRY_REQUEST_RANDOM {
        return Text::message("wire-server-random-hrr");
    }
    Text::message(match random.get(24..) {
        Some(tail) if tail == DOWNGRADE_TLS12 => "wire-server-random-downgrade-tls12",
        Some(tail) if tail == DOWNGRADE_TLS11 => "wire-server-random-downgrade-tls11",
        _ => "wire-server-random",
    })
}

pub(crate) fn read_server_hello(r: &mut Reader<'_>) -> Result<Body, DecodeError> {
    let mut fields = Vec::new();
    let at = r.offset();
    let legacy_version = r.u16("ServerHello.legacy_version")?;
    fields.push(legacy_version_field(at, legacy_version));
    let at = r.offset();
    let random = r.array::<32>("ServerHello.random")?;
    fields.push(Field::leaf(
        "random",
        at..at + 32,
        bytes(32),
        server_random_meaning(&random),
    ));
    let sid = r.vector(LenWidth::U8, 0, 32, 1, "ServerHello.legacy_session_id_echo")?;
    fields.push(session_id_field(&sid, "legacy_session_id_echo", false));
    let at = r.offset();
    let cipher_suite = r.u16("ServerHello.cipher_suite")?;
    let (value, meaning) = CipherSuite::from_u16(cipher_suite).describe();
    fields.push(Field::leaf(
        "cipher_suite",
        at..at + 2,
        value,
        text!("wire-server-suite", suite = meaning),
    ));
    let at = r.offset();
    let legacy_compression_method = r.u8("ServerHello.legacy_compression_method")?;
    let mut cf = compression_leaf(at, legacy_compression_method);
    cf.name = "legacy_compression_method".into();
    fields.push(cf);
    let extensions = if r.is_empty() {
        Vec::new()
    } else {
        let context = if random == HELLO_RETRY_REQUEST_RANDOM {
            ExtensionContext::HelloRetryRequest
        } else {
            ExtensionContext::ServerHello
        };
        let (exts, f) = read_extensions(r, context)?;
        fields.push(f);
        exts
    };
    let sh = ServerHello {
        legacy_version,
        random,
        legacy_session_id_echo: sid.body.clone().rest().to_vec(),
        cipher_suite,
        legacy_compression_method,
        extensions,
    };
    Ok((HandshakeMessage::ServerHello(sh), fields))
}

fn read_certificate(r: &mut Reader<'_>) -> Result<Body, DecodeError> {
    let ctx = r.vector(
        LenWidth::U8,
        0,
        0xff,
        1,
        "Certificate.certificate_request_context",
    )?;
    let ctx_meaning = if ctx.len == 0 {
        "wire-cert-context-empty"
    } else {
        "wire-cert-context"
    };
    let mut fields = vec![opaque_field(
        "certificate_request_context",
        &ctx,
        bytes(ctx.len),
        Text::message(ctx_meaning),
        Text::message("wire-cert-context-bytes"),
    )];
    let mut list = r.vector(
        LenWidth::U24,
        0,
        0xff_ffff,
        1,
        "Certificate.certificate_list",
    )?;
    let mut entries = Vec::new();
    let mut children = vec![length_leaf(&list, "certificate_list")];
    while !list.body.is_empty() {
        let at = list.body.offset();
        let cert =
            list.body
                .vector(LenWidth::U24, 1, 0xff_ffff, 1, "CertificateEntry.cert_data")?;
        let n = cert.len;
        let (entry_meaning, cert_meaning) = if entries.is_empty() {
            (
                Text::message("wire-cert-entry-own"),
                text!("wire-cert-data-own", size = payload_bytes(n)),
            )
        } else {
            (
                Text::message("wire-cert-entry-authority"),
                text!("wire-cert-data-authority", size = payload_bytes(n)),
            )
        };
        let cert_field = opaque_field(
            "cert_data",
            &cert,
            payload_bytes(n),
            cert_meaning.clone(),
            cert_meaning,
        );
        let (exts, ext_field) = read_extensions(&mut list.body, ExtensionContext::Certificate)?;
        children.push(Field::node(
            "CertificateEntry",
            at..list.body.offset(),
            text!("wire-cert-entry-value", n = n),
            entry_meaning,
            vec![cert_field, ext_field],
        ));
        entries.push(CertificateEntry {
            cert_data: cert.body.clone().rest().to_vec(),
            extensions: exts,
        });
    }
    fields.push(Field::node(
        "certificate_list",
        list.range.clone(),
        text!("wire-count-certificates", n = entries.len()),
        Text::message("wire-cert-list"),
        children,
    ));
    let c = Certificate {
        certificate_request_context: ctx.body.clone().rest().to_vec(),
        certificate_list: entries,
    };
    Ok((HandshakeMessage::Certificate(c), fields))
}

fn read_certificate_verify(r: &mut Reader<'_>) -> Result<Body, DecodeError> {
    let at = r.offset();
    let algorithm = r.u16("CertificateVerify.algorithm")?;
    let (value, meaning) = SignatureScheme::from_u16(algorithm).describe();
    let sig = r.vector(LenWidth::U16, 0, 0xffff, 1, "CertificateVerify.signature")?;
    let fields = vec![
        Field::leaf(
            "algorithm",
            at..at + 2,
            value,
            text!("wire-signature-scheme-used", scheme = meaning),
        ),
        signature_field(algorithm, &sig),
    ];
    let cv = CertificateVerify {
        algorithm,
        signature: sig.body.clone().rest().to_vec(),
    };
    Ok((HandshakeMessage::CertificateVerify(cv), fields))
}

fn signature_field(algorithm: u16, sig: &super::codec::Vector<'_>) -> Field {
    let meaning = Text::message("wire-signature");
    let plain = opaque_field(
        "signature",
        sig,
        bytes(sig.len),
        meaning.clone(),
        Text::message("wire-signature-bytes"),
    );
    use SignatureScheme as S;
    let ecdsa = matches!(
        S::from_u16(algorithm),
        S::EcdsaSecp256r1Sha256 | S::EcdsaSecp384r1Sha384 | S::EcdsaSecp521r1Sha512
    );
    if !ecdsa {
        return plain;
    }
    match ecdsa_der_fields(&mut sig.body.clone()) {
        Some(parts) => {
            let mut children = vec![length_leaf(sig, "signature")];
            children.extend(parts);
            Field::node(
                "signature",
                sig.range.clone(),
                bytes(sig.len),
                meaning,
                children,
            )
        }
        None => plain,
    }
}

/// Splits a DER `SEQUENCE { INTEGER r, INTEGER s }` (short-form lengths only) into
/// three leaves; `None` when it is anything else.
fn ecdsa_der_fields(r: &mut Reader<'_>) -> Option<Vec<Field>> {
    let at = r.offset();
    let [tag, len] = r.array::<2>("ecdsa").ok()?;
    if tag != 0x30 || len >= 0x80 || usize::from(len) != r.remaining() {
        return None;
    }
    let mut fields = vec![Field::leaf(
        "SEQUENCE",
        at..at + 2,
        bytes(usize::from(len)),
        Text::message("wire-ecdsa-sequence"),
    )];
    for (name, meaning) in [("r", "wire-ecdsa-r"), ("s", "wire-ecdsa-s")] {
        let at = r.offset();
        let [tag, len] = r.array::<2>("ecdsa").ok()?;
        if tag != 0x02 || len >= 0x80 || len == 0 {
            return None;
        }
        r.take(usize::from(len), "ecdsa").ok()?;
        fields.push(Field::leaf(
            name,
            at..r.offset(),
            bytes(usize::from(len)),
            Text::message(meaning),
        ));
    }
    r.is_empty().then_some(fields)
}

pub(crate) fn read_finished(r: &mut Reader<'_>) -> Result<Body, DecodeError> {
    let at = r.offset();
    let verify_data = r.rest().to_vec();
    if verify_data.is_empty() {
        return Err(DecodeError::malformed(
            "Finished.verify_data",
            crate::text::Text::message("wire-error-verify-data-empty"),
        ));
    }
    let n = verify_data.len();
    let fields = vec![Field::leaf(
        "verify_data",
        at..at + n,
        bytes(n),
        Text::message("wire-verify-data"),
    )];
    Ok((HandshakeMessage::Finished(Finished { verify_data }), fields))
}

/// RFC 8446 §4.6.1, annotated field by field (the lab's browser shows tickets and
/// keeps none, so the message stays [`HandshakeMessage::Unknown`] with its body):
///
/// ```text
/// struct {
///     uint32 ticket_lifetime;
///     uint32 ticket_age_add;
///     opaque ticket_nonce<0..255>;
///     opaque ticket<1..2^16-1>;
///     Extension extensions<0..2^16-2>;
/// } NewSessionTicket;
/// ```
fn read_new_session_ticket(typ: u8, r: &mut Reader<'_>) -> Result<Body, DecodeError> {
    let body = r.clone().rest().to_vec();
    let at = r.offset();
    let lifetime = u32::from_be_bytes(r.array::<4>("NewSessionTicket.ticket_lifetime")?);
    let age_add_at = r.offset();
    r.array::<4>("NewSessionTicket.ticket_age_add")?;
    let nonce = r.vector(LenWidth::U8, 0, 255, 1, "NewSessionTicket.ticket_nonce")?;
    let ticket = r.vector(LenWidth::U16, 1, 0xffff, 1, "NewSessionTicket.ticket")?;
    let extensions = r.vector(LenWidth::U16, 0, 0xfffe, 1, "NewSessionTicket.extensions")?;
    r.expect_end("NewSessionTicket")?;
    let fields = vec![
        Field::leaf(
            "ticket_lifetime",
            at..at + 4,
            text!(
                "wire-nst-lifetime-value",
                seconds = lifetime,
                hours = lifetime / 3600
            ),
            Text::message("wire-nst-lifetime"),
        ),
        Field::leaf(
            "ticket_age_add",
            age_add_at..age_add_at + 4,
            bytes(4),
            Text::message("wire-nst-age-add"),
        ),
        opaque_field(
            "ticket_nonce",
            &nonce,
            bytes(nonce.len),
            Text::message("wire-nst-nonce"),
            Text::message("wire-nst-nonce"),
        ),
        opaque_field(
            "ticket",
            &ticket,
            bytes(ticket.len),
            Text::message("wire-nst-ticket"),
            Text::message("wire-nst-ticket"),
        ),
        opaque_field(
            "extensions",
            &extensions,
            bytes(extensions.len),
            Text::message("wire-nst-extensions"),
            Text::message("wire-nst-extensions"),
        ),
    ];
    Ok((HandshakeMessage::Unknown { typ, body }, fields))
}

/// RFC 8446 §4.6.3: `struct { KeyUpdateRequest request_update; } KeyUpdate;` with
/// `update_not_requested(0), update_requested(1)`.
fn read_key_update(typ: u8, r: &mut Reader<'_>) -> Result<Body, DecodeError> {
    let at = r.offset();
    let request = r.u8("KeyUpdate.request_update")?;
    r.expect_end("KeyUpdate")?;
    let value = match request {
        0 => "update_not_requested (0)".to_string(),
        1 => "update_requested (1)".to_string(),
        other => format!("{other}"),
    };
    let fields = vec![Field::leaf(
        "request_update",
        at..at + 1,
        value,
        Text::message("wire-key-update-request"),
    )];
    Ok((
        HandshakeMessage::Unknown {
            typ,
            body: vec![request],
        },
        fields,
    ))
}

pub(crate) fn read_unknown(typ: u8, r: &mut Reader<'_>) -> Body {
    let at = r.offset();
    let body = r.rest().to_vec();
    let mut fields = Vec::new();
    if !body.is_empty() {
        fields.push(Field::leaf(
            "body",
            at..at + body.len(),
            bytes(body.len()),
            Text::message("wire-unknown-body"),
        ));
    }
    (HandshakeMessage::Unknown { typ, body }, fields)
}

#[cfg(test)]
#[path = "handshake_test.rs"]
pub(crate) mod tests;

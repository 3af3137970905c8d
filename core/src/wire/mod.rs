//! TLS byte formats (RFC 8446): records, handshake messages, extensions and alerts.
//!
//! Every structure can be encoded, decoded strictly (lengths must agree exactly;
//! errors are typed and map to TLS alerts) and annotated: decoding also yields a
//! tree of [`Field`]s whose leaves cover every byte once, each with its RFC name, a
//! short value and a plain meaning, both [`crate::text::Text`] (message ids in
//! `assets/i18n/core/wire.*.ftl`, so the app says them in its language). No crypto and
//! no state live here.

pub mod alert;
pub mod annotate;
pub mod codec;
pub mod codes;
pub mod error;
pub mod extensions;
pub mod handshake;
pub mod message_kind;
pub mod record;
pub mod record_fields;
pub mod tls12;

pub use alert::{Alert, AlertDescription, AlertLevel};
pub use annotate::{Field, check_tiling};
pub use codes::{
    CipherSuite, ExtensionType, NamedGroup, ProtocolVersion, SignatureScheme, is_grease,
};
pub use error::DecodeError;
pub use extensions::{
    Extension, ExtensionContext, KeyShareEntry, decode_extensions, encode_extensions,
};
pub use handshake::{
    Certificate, CertificateEntry, CertificateVerify, ClientHello, EncryptedExtensions, Finished,
    HandshakeMessage, HandshakeType, ServerHello, annotate_handshake_messages,
};
pub use message_kind::MessageKind;
pub use record::{
    ContentType, LEGACY_RECORD_VERSION, MAX_CIPHERTEXT, MAX_PLAINTEXT, Record,
    annotate_inner_plaintext, decode_inner_plaintext, encode_inner_plaintext,
};

pub use record_fields::{
    TlsVersion, annotate_record, annotate_tls12_plaintext, annotate_tls13_plaintext,
};
pub use tls12::{Certificate12, ClientKeyExchangeRsa, Tls12Message};

#[cfg(test)]
mod interop;
#[cfg(test)]
mod proptests;

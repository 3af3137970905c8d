//! TLS 1.2 handshake forms (RFC 5246 §7.4) for the history lesson: the RSA
//! key-transport handshake in which the client encrypts the secret with the
//! server's public key. ClientHello, ServerHello and Finished share their shape
//! with TLS 1.3; Certificate, ServerHelloDone and ClientKeyExchange differ.

use super::annotate::{Field, bytes, payload_bytes};
use super::codec::{LenWidth, Reader, put_vector, with_vector};
use super::error::DecodeError;
use super::extensions::{length_leaf, opaque_field};
use super::handshake::{
    ClientHello, Finished, HandshakeMessage, HandshakeType, ServerHello, read_client_hello,
    read_finished, read_framed, read_server_hello, read_unknown,
};
use crate::text;
use crate::text::Text;

/// The TLS 1.2 Certificate (no request context, no per-entry extensions):
/// ```text
/// opaque ASN.1Cert<1..2^24-1>;
/// struct {
///     ASN.1Cert certificate_list<0..2^24-1>;
/// } Certificate;
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Certificate12 {
    /// DER certificates, the server's first.
    pub certificate_list: Vec<Vec<u8>>,
}

/// The RSA form of ClientKeyExchange:
/// ```text
/// struct {
///     public-key-encrypted PreMasterSecret pre_master_secret;
/// } EncryptedPreMasterSecret;
/// ```
/// (encoded with a two-byte length, as every TLS 1.x implementation does).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClientKeyExchangeRsa {
    /// The 48-byte premaster secret, RSA-encrypted to the server's public key.
    pub encrypted_pre_master_secret: Vec<u8>,
}

/// A handshake message read with TLS 1.2 rules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tls12Message {
    /// ClientHello (same shape as in TLS 1.3).
    ClientHello(ClientHello),
    /// ServerHello (same shape as in TLS 1.3).
    ServerHello(ServerHello),
    /// Certificate, TLS 1.2 form.
    Certificate(Certificate12),
    /// `struct { } ServerHelloDone;`
    ServerHelloDone,
    /// ClientKeyExchange, RSA form.
    ClientKeyExchange(ClientKeyExchangeRsa),
    /// `struct { opaque verify_data[verify_data_length]; } Finished;` (12 bytes).
    Finished(Finished),
    /// Any other type, kept as raw body bytes.
    Unknown {
        /// The msg_type.
        typ: u8,
        /// The body.
        body: Vec<u8>,
    },
}

impl Tls12Message {
    /// The message type.
    pub fn handshake_type(&self) -> HandshakeType {
        match self {
            Tls12Message::ClientHello(_) => HandshakeType::ClientHello,
            Tls12Message::ServerHello(_) => HandshakeType::ServerHello,
            Tls12Message::Certificate(_) => HandshakeType::Certificate,
            Tls12Message::ServerHelloDone => HandshakeType::ServerHelloDone,
            Tls12Message::ClientKeyExchange(_) => HandshakeType::ClientKeyExchange,
            Tls12Message::Finished(_) => HandshakeType::Finished,
            Tls12Message::Unknown { typ, .. } => HandshakeType::from_u8(*typ),
        }
    }

    /// "ClientHello", "ServerHelloDone", ...
    pub fn name(&self) -> &'static str {
        self.handshake_type().message_name()
    }

    /// msg_type + uint24 length + body.
    pub fn encode(&self) -> Vec<u8> {
        let mut body = Vec::new();
        match self {
            Tls12Message::ClientHello(ch) => {
                body = HandshakeMessage::ClientHello(ch.clone()).encode_body();
            }
            Tls12Message::ServerHello(sh) => {
                body = HandshakeMessage::ServerHello(sh.clone()).encode_body();
            }
            Tls12Message::Finished(f) => body.extend_from_slice(&f.verify_data),
            Tls12Message::Certificate(c) => with_vector(&mut body, LenWidth::U24, |o| {
                for cert in &c.certificate_list {
                    put_vector(o, LenWidth::U24, cert);
                }
            }),
            Tls12Message::ServerHelloDone => {}
            Tls12Message::ClientKeyExchange(k) => {
                put_vector(&mut body, LenWidth::U16, &k.encrypted_pre_master_secret)
            }
            Tls12Message::Unknown { body: b, .. } => body.extend_from_slice(b),
        }
        let mut out = vec![self.handshake_type().to_u8()];
        put_vector(&mut out, LenWidth::U24, &body);
        out
    }

    /// Decodes the first message in `buf` with TLS 1.2 rules; returns it and the
    /// bytes it used.
    pub fn decode(buf: &[u8]) -> Result<(Tls12Message, usize), DecodeError> {
        let mut r = Reader::new(buf);
        let (msg, _) = read_message12(&mut r)?;
        Ok((msg, r.offset()))
    }

    /// Annotates the first message in `buf` (ranges offset by `base`).
    pub fn annotate(buf: &[u8], base: usize) -> Result<Field, DecodeError> {
        let mut r = Reader::with_base(buf, base);
        read_message12(&mut r).map(|(_, f)| f)
    }
}

fn read_message12(r: &mut Reader<'_>) -> Result<(Tls12Message, Field), DecodeError> {
    read_framed(r, |ht, typ, br| {
        let (msg, fields) = match ht {
            HandshakeType::ClientHello => from13(read_client_hello(br)?),
            HandshakeType::ServerHello => from13(read_server_hello(br)?),
            HandshakeType::Finished => from13(read_finished(br)?),
            HandshakeType::Certificate => read_certificate12(br)?,
            HandshakeType::ServerHelloDone => (Tls12Message::ServerHelloDone, Vec::new()),
            HandshakeType::ClientKeyExchange => {
                let v = br.vector(
                    LenWidth::U16,
                    1,
                    0xffff,
                    1,
                    "ClientKeyExchange.encrypted_pre_master_secret",
                )?;
                let n = v.len;
                let f = opaque_field(
                    "encrypted_pre_master_secret",
                    &v,
                    bytes(n),
                    Text::message("wire-premaster-encrypted"),
                    Text::message("wire-premaster-encrypted-bytes"),
                );
                let k = ClientKeyExchangeRsa {
                    encrypted_pre_master_secret: v.body.clone().rest().to_vec(),
                };
                (Tls12Message::ClientKeyExchange(k), vec![f])
            }
            _ => from13(read_unknown(typ, br)),
        };
        let name = msg.name();
        Ok((msg, fields, name))
    })
}

fn from13((msg, fields): (HandshakeMessage, Vec<Field>)) -> (Tls12Message, Vec<Field>) {
    let m = match msg {
        HandshakeMessage::ClientHello(ch) => Tls12Message::ClientHello(ch),
        HandshakeMessage::ServerHello(sh) => Tls12Message::ServerHello(sh),
        HandshakeMessage::Finished(f) => Tls12Message::Finished(f),
        other => Tls12Message::Unknown {
            typ: other.handshake_type().to_u8(),
            body: other.encode_body(),
        },
    };
    (m, fields)
}

fn read_certificate12(r: &mut Reader<'_>) -> Result<(Tls12Message, Vec<Field>), DecodeError> {
    let mut list = r.vector(
        LenWidth::U24,
        0,
        0xff_ffff,
        1,
        "Certificate.certificate_list",
    )?;
    let mut certs = Vec::new();
    let mut children = vec![length_leaf(&list, "certificate_list")];
    while !list.body.is_empty() {
        let v = list
            .body
            .vector(LenWidth::U24, 1, 0xff_ffff, 1, "Certificate.ASN.1Cert")?;
        let n = v.len;
        let meaning = if certs.is_empty() {
            text!("wire-tls12-cert-server", size = payload_bytes(n))
        } else {
            text!("wire-cert-data-authority", size = payload_bytes(n))
        };
        children.push(opaque_field(
            "ASN.1Cert",
            &v,
            bytes(n),
            meaning.clone(),
            meaning,
        ));
        certs.push(v.body.clone().rest().to_vec());
    }
    let f = Field::node(
        "certificate_list",
        list.range.clone(),
        text!("wire-count-certificates", n = certs.len()),
        Text::message("wire-tls12-cert-list"),
        children,
    );
    Ok((
        Tls12Message::Certificate(Certificate12 {
            certificate_list: certs,
        }),
        vec![f],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::alert::AlertDescription;
    use crate::wire::annotate::check_tiling;
    use crate::wire::codes::{CipherSuite, ProtocolVersion};

    fn messages() -> Vec<Tls12Message> {
        vec![
            Tls12Message::ClientHello(ClientHello {
                legacy_version: ProtocolVersion::Tls12.to_u16(),
                random: [1; 32],
                legacy_session_id: vec![],
                cipher_suites: vec![CipherSuite::TlsRsaWithAes128GcmSha256.to_u16()],
                legacy_compression_methods: vec![0],
                extensions: vec![],
            }),
            Tls12Message::ServerHello(ServerHello {
                legacy_version: ProtocolVersion::Tls12.to_u16(),
                random: [2; 32],
                legacy_session_id_echo: vec![5; 32],
                cipher_suite: CipherSuite::TlsRsaWithAes128GcmSha256.to_u16(),
                legacy_compression_method: 0,
                extensions: vec![],
            }),
            Tls12Message::Certificate(Certificate12 {
                certificate_list: vec![vec![0x30; 500], vec![0x30; 400]],
            }),
            Tls12Message::ServerHelloDone,
            Tls12Message::ClientKeyExchange(ClientKeyExchangeRsa {
                encrypted_pre_master_secret: vec![0x55; 256],
            }),
            Tls12Message::Finished(Finished {
                verify_data: vec![0x12; 12],
            }),
            Tls12Message::Unknown {
                typ: 12,
                body: vec![3, 0, 23],
            },
        ]
    }

    #[test]
    fn tls12_messages_round_trip_and_tile() {
        for m in messages() {
            let bytes = m.encode();
            assert_eq!(
                Tls12Message::decode(&bytes),
                Ok((m.clone(), bytes.len())),
                "{}",
                m.name()
            );
            let f = Tls12Message::annotate(&bytes, 9)
                .map(|f| vec![f])
                .unwrap_or_default();
            assert_eq!(check_tiling(&f, 9..9 + bytes.len()), Ok(()), "{}", m.name());
        }
    }

    #[test]
    fn tls12_strictness() {
        // ServerHelloDone must be empty.
        assert_eq!(
            Tls12Message::decode(&[14, 0, 0, 1, 0]).map_err(|e| e.alert()),
            Err(AlertDescription::DecodeError)
        );
        // An empty encrypted premaster secret is not valid.
        assert_eq!(
            Tls12Message::decode(&[16, 0, 0, 2, 0, 0]).map_err(|e| e.alert()),
            Err(AlertDescription::DecodeError)
        );
        // A TLS 1.3 Certificate is not a TLS 1.2 one.
        let c13 = HandshakeMessage::Certificate(crate::wire::handshake::Certificate {
            certificate_request_context: vec![],
            certificate_list: vec![crate::wire::handshake::CertificateEntry {
                cert_data: vec![1, 2, 3],
                extensions: vec![],
            }],
        });
        assert!(Tls12Message::decode(&c13.encode()).is_err());
    }
}

//! Cross-check against a real TLS library: a ClientHello written by rustls
//! decodes with our decoder, re-encodes to the identical bytes, and its
//! annotation covers every byte.

use super::annotate::check_tiling;
use super::codes::ProtocolVersion;
use super::extensions::{ExtensionContext, annotate_extensions};
use super::handshake::HandshakeMessage;
use super::record::{ContentType, Record};
use std::sync::Arc;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn rustls_client_hello_record() -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .with_root_certificates(rustls::RootCertStore::empty())
        .with_no_client_auth();
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    let name = rustls::pki_types::ServerName::try_from("bank.example")?;
    let mut conn = rustls::ClientConnection::new(Arc::new(config), name)?;
    let mut out = Vec::new();
    conn.write_tls(&mut out)?;
    Ok(out)
}

#[test]
fn rustls_client_hello_decodes_round_trips_and_tiles() -> TestResult {
    let wire = rustls_client_hello_record()?;
    let (record, used) = Record::decode(&wire)?;
    assert_eq!(used, wire.len());
    assert_eq!(record.content_type, ContentType::Handshake);
    assert_eq!(record.encode(), wire);

    let (msg, used) = HandshakeMessage::decode(&record.fragment)?;
    assert_eq!(used, record.fragment.len());
    assert_eq!(
        msg.encode(),
        record.fragment,
        "re-encoding must be byte-exact"
    );
    let HandshakeMessage::ClientHello(ch) = &msg else {
        return Err("not a ClientHello".into());
    };
    assert_eq!(ch.server_name(), Some("bank.example"));
    assert!(
        ch.supported_versions()
            .is_some_and(|v| v.contains(&ProtocolVersion::Tls13.to_u16()))
    );
    assert!(ch.key_share().is_some_and(|k| !k.is_empty()));
    assert_eq!(ch.alpn(), Some(&[b"http/1.1".to_vec()][..]));

    let fields = Record::annotate(&wire)?;
    assert_eq!(check_tiling(&fields, 0..wire.len()), Ok(()));
    let hello = fields.last().and_then(|f| f.children.first());
    assert_eq!(hello.map(|h| h.name.as_str()), Some("ClientHello"));

    // The bare extension block decodes on its own too.
    let block = ch
        .extensions
        .iter()
        .map(|e| e.ext_type())
        .collect::<Vec<_>>();
    assert!(!block.is_empty());
    let ext_bytes = super::extensions::encode_extensions(&ch.extensions);
    let f = annotate_extensions(&ext_bytes, ExtensionContext::ClientHello, 0)?;
    assert_eq!(check_tiling(&[f], 0..ext_bytes.len()), Ok(()));
    Ok(())
}

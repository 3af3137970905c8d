//! TLS 1.2 with RSA key transport (RFC 5246, suite TLS_RSA_WITH_AES_128_GCM_SHA256 of
//! RFC 5288): the classic handshake in which the client encrypts the premaster secret
//! with the server's RSA public key. Kept for the history lesson and the forward
//! secrecy contrast; the endpoints are sans-IO state machines like the TLS 1.3 ones
//! and report the same [`Event`](crate::tls::Event)s.
//!
//! ```text
//!  Client                                     Server
//!  ClientHello              -------->
//!                                             ServerHello
//!                                             Certificate
//!                           <--------         ServerHelloDone
//!  ClientKeyExchange
//!  [ChangeCipherSpec]
//!  Finished                 -------->
//!                                             [ChangeCipherSpec]
//!                           <--------         Finished
//!  Application Data         <------->         Application Data
//! ```
//!
//! Deliberately absent: session resumption, renegotiation, extended master secret,
//! client certificates, every other suite.

pub mod client;
mod core;
pub mod server;

pub use client::Tls12Client;
pub use server::{Tls12Server, Tls12ServerConfig};

use crate::tls::key_schedule::Derivation;

/// A TLS 1.2 PRF derivation, shown like the TLS 1.3 ones.
pub(crate) fn prf_derivation(
    name: &'static str,
    secret: &[u8],
    label: &str,
    seed: &[u8],
    output: &[u8],
) -> Derivation {
    Derivation {
        name,
        function: "PRF (P_SHA256)",
        inputs: vec![
            ("secret".into(), secret.to_vec()),
            ("seed".into(), seed.to_vec()),
        ],
        label: Some(label.into()),
        context: Vec::new(),
        output: output.to_vec(),
    }
}

/// The secrets of one TLS 1.2 session as derivations, in RFC order: master secret,
/// key block and its four parts.
pub(crate) fn key_derivations(
    pre_master_secret: &[u8],
    client_random: &[u8; 32],
    server_random: &[u8; 32],
) -> ([u8; 48], crate::crypto::tls12::KeyBlock, Vec<Derivation>) {
    use crate::crypto::tls12::{key_block, master_secret};
    let master = master_secret(pre_master_secret, client_random, server_random);
    let mut seed = client_random.to_vec();
    seed.extend_from_slice(server_random);
    let mut derivations = vec![prf_derivation(
        "master_secret",
        pre_master_secret,
        "master secret",
        &seed,
        &master,
    )];
    let block = key_block(&master, client_random, server_random);
    let mut seed = server_random.to_vec();
    seed.extend_from_slice(client_random);
    derivations.push(prf_derivation(
        "key_block",
        &master,
        "key expansion",
        &seed,
        &block.bytes,
    ));
    for (name, part) in [
        ("client_write_key", &block.client_write_key[..]),
        ("server_write_key", &block.server_write_key[..]),
        ("client_write_iv", &block.client_write_iv[..]),
        ("server_write_iv", &block.server_write_iv[..]),
    ] {
        derivations.push(Derivation {
            name,
            function: "key_block slice",
            inputs: vec![("key_block".into(), block.bytes.clone())],
            label: None,
            context: Vec::new(),
            output: part.to_vec(),
        });
    }
    (master, block, derivations)
}

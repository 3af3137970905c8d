//! What an endpoint reports while it works: the only way anything leaves it.

use crate::tls::TlsError;
use crate::tls::check::Check;
use crate::tls::key_schedule::Derivation;
use crate::tls::record_layer::Protection;
use crate::wire::{Alert, MessageKind};

/// One record an endpoint puts on the wire.
#[derive(Clone, Debug)]
pub struct Outgoing {
    /// What the record carries.
    pub message: MessageKind,
    /// The whole record as it goes on the wire, header included.
    pub record: Vec<u8>,
    /// How it is protected.
    pub protection: Protection,
    /// Before encryption: the TLSInnerPlaintext (content, type byte, padding).
    pub inner_plaintext: Option<Vec<u8>>,
    /// The AEAD sequence number and nonce used, when encrypted.
    pub sequence: Option<(u64, [u8; 12])>,
}

/// A point an endpoint reached: a handshake message it accepted, or the whole
/// handshake done.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// A handshake message (or TLS 1.2's ChangeCipherSpec) received and accepted.
    Accepted(MessageKind),
    /// Both Finished messages are verified: application data may flow.
    HandshakeComplete,
}

impl Progress {
    /// The stable name in `trace --json`: the message ("ServerHello") or
    /// "handshake complete".
    pub fn name(self) -> &'static str {
        match self {
            Progress::Accepted(message) => message.name(),
            Progress::HandshakeComplete => "handshake complete",
        }
    }
}

impl serde::Serialize for Progress {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

/// What an endpoint reports while it works.
#[derive(Clone, Debug)]
pub enum Event {
    /// A record to put on the wire.
    Send(Outgoing),
    /// A fresh ECDHE key pair: (private scalar, public point).
    EphemeralKey {
        /// Private scalar: 32 bytes (P-256, x25519) or 48 (P-384).
        private_key: Vec<u8>,
        /// Public point, uncompressed.
        public_key: Vec<u8>,
    },
    /// A secret this endpoint now knows, with how it was derived.
    Derived(Derivation),
    /// A check it ran.
    Check(Check),
    /// A handshake message (or TLS 1.2's ChangeCipherSpec) it received and accepted.
    Accepted(MessageKind),
    /// Both Finished messages are verified: application data may flow.
    HandshakeComplete,
    /// Application data received and decrypted.
    ApplicationData(Vec<u8>),
    /// A received record decrypted: its TLSInnerPlaintext (content, type byte,
    /// padding), so a live session can show what the peer encrypted.
    Decrypted(Vec<u8>),
    /// An alert received from the peer.
    AlertReceived(Alert),
    /// This endpoint failed, sent the fatal alert and stopped.
    Failed(TlsError),
}

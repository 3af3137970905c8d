//! What one record on the wire carries, as the lab names it: the type every layer
//! above matches on instead of a string.

use super::handshake::{HELLO_RETRY_REQUEST_RANDOM, HandshakeType};
use super::record::ContentType;

/// What a record (or, on plain HTTP, one HTTP message) carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MessageKind {
    /// A handshake message: ClientHello, Certificate, Finished, ...
    Handshake(HandshakeType),
    /// A ServerHello with the HelloRetryRequest random: the server asks the client
    /// to say hello again with a key share it can use (RFC 8446 §4.1.4).
    HelloRetryRequest,
    /// TLS 1.2's ChangeCipherSpec (TLS 1.3's compatibility one is never sent here).
    ChangeCipherSpec,
    /// An alert: close_notify or a fatal one.
    Alert,
    /// Encrypted application data: the HTTP inside TLS.
    ApplicationData,
    /// A plain HTTP request on the wire, no TLS.
    HttpRequest,
    /// A plain HTTP response on the wire, no TLS.
    HttpResponse,
}

impl MessageKind {
    /// What a TLS record of `content_type` whose plaintext is `content` carries (a
    /// handshake record is named for its first message).
    pub fn of(content_type: ContentType, content: &[u8]) -> MessageKind {
        match content_type {
            ContentType::Handshake => {
                match HandshakeType::from_u8(content.first().copied().unwrap_or(0)) {
                    // msg_type, length (3), legacy_version (2), then the random.
                    HandshakeType::ServerHello
                        if content.get(6..38) == Some(&HELLO_RETRY_REQUEST_RANDOM[..]) =>
                    {
                        MessageKind::HelloRetryRequest
                    }
                    other => MessageKind::Handshake(other),
                }
            }
            ContentType::ChangeCipherSpec => MessageKind::ChangeCipherSpec,
            ContentType::Alert => MessageKind::Alert,
            ContentType::ApplicationData | ContentType::Unknown(_) => MessageKind::ApplicationData,
        }
    }

    /// The stable name in `trace` and its JSON: "ClientHello", "Finished",
    /// "ChangeCipherSpec", "alert", "application data", "HTTP request", "HTTP response".
    pub fn name(self) -> &'static str {
        match self {
            MessageKind::Handshake(t) => t.message_name(),
            MessageKind::HelloRetryRequest => "HelloRetryRequest",
            MessageKind::ChangeCipherSpec => "ChangeCipherSpec",
            MessageKind::Alert => "alert",
            MessageKind::ApplicationData => "application data",
            MessageKind::HttpRequest => "HTTP request",
            MessageKind::HttpResponse => "HTTP response",
        }
    }

    /// The handshake message type, for a handshake record.
    pub fn handshake_type(self) -> Option<HandshakeType> {
        match self {
            MessageKind::Handshake(t) => Some(t),
            MessageKind::HelloRetryRequest => Some(HandshakeType::ServerHello),
            _ => None,
        }
    }
}

impl std::fmt::Display for MessageKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl serde::Serialize for MessageKind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_is_named_for_what_it_carries() {
        assert_eq!(
            MessageKind::of(ContentType::Handshake, &[1, 0, 0, 0]).name(),
            "ClientHello"
        );
        assert_eq!(MessageKind::of(ContentType::Alert, &[1, 0]).name(), "alert");
        assert_eq!(
            MessageKind::of(ContentType::ApplicationData, b"x").name(),
            "application data"
        );
        assert_eq!(
            MessageKind::of(ContentType::ChangeCipherSpec, &[1]).name(),
            "ChangeCipherSpec"
        );
        assert_eq!(
            MessageKind::of(ContentType::Handshake, &[]),
            MessageKind::Handshake(HandshakeType::Unknown(0))
        );
    }
}

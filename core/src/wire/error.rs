//! The one error type of the `wire` module, and how each case maps to a TLS alert.

use super::alert::AlertDescription;
use crate::text::Text;

/// Why a sequence of bytes is not a valid TLS structure.
///
/// Every variant names `what` was being read (for example
/// `"ClientHello.cipher_suites"`), so a message reads as a lowercase, contextual
/// one-liner. [`DecodeError::alert`] gives the RFC 8446 alert a receiver sends.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// The input ended before a field was complete.
    #[error("{what}: needs {needed} bytes at offset {offset}, only {available} left")]
    Truncated {
        /// The structure and field being read.
        what: &'static str,
        /// Absolute offset (within the buffer being decoded) where the field starts.
        offset: usize,
        /// How many bytes the field needs.
        needed: usize,
        /// How many bytes were left.
        available: usize,
    },
    /// The bytes do not follow the RFC's syntax (bad length, trailing bytes, ...).
    #[error("{what}: {detail}")]
    Malformed {
        /// The structure and field being read.
        what: &'static str,
        /// What exactly is wrong (words, in the student's language when shown).
        detail: Text,
    },
    /// The syntax is right but a value is not allowed (duplicate extension, ...).
    #[error("{what}: illegal parameter: {detail}")]
    IllegalParameter {
        /// The structure and field being read.
        what: &'static str,
        /// What exactly is wrong (words, in the student's language when shown).
        detail: Text,
    },
    /// A message or content that must not appear here.
    #[error("{what}: unexpected message: {detail}")]
    UnexpectedMessage {
        /// The structure being read.
        what: &'static str,
        /// What exactly is wrong (words, in the student's language when shown).
        detail: Text,
    },
    /// A record whose length field is larger than TLS allows.
    #[error(
        "record length {length} is larger than the limit of {} bytes",
        super::record::MAX_CIPHERTEXT
    )]
    RecordOverflow {
        /// The length field of the record.
        length: usize,
    },
}

impl DecodeError {
    /// The alert a TLS endpoint sends when it meets this error (RFC 8446 §6.2).
    pub fn alert(&self) -> AlertDescription {
        match self {
            DecodeError::Truncated { .. } | DecodeError::Malformed { .. } => {
                AlertDescription::DecodeError
            }
            DecodeError::IllegalParameter { .. } => AlertDescription::IllegalParameter,
            DecodeError::UnexpectedMessage { .. } => AlertDescription::UnexpectedMessage,
            DecodeError::RecordOverflow { .. } => AlertDescription::RecordOverflow,
        }
    }

    /// The error as words the app can say in the student's language. English reads
    /// exactly like [`Display`](std::fmt::Display).
    pub fn text(&self) -> Text {
        use crate::text;
        match self {
            DecodeError::Truncated {
                what,
                offset,
                needed,
                available,
            } => text!(
                "error-decode-truncated",
                what = *what,
                needed = *needed,
                offset = *offset,
                available = *available,
            ),
            DecodeError::Malformed { what, detail } => {
                text!(
                    "error-decode-malformed",
                    what = *what,
                    detail = detail.clone()
                )
            }
            DecodeError::IllegalParameter { what, detail } => {
                text!(
                    "error-decode-illegal",
                    what = *what,
                    detail = detail.clone()
                )
            }
            DecodeError::UnexpectedMessage { what, detail } => {
                text!(
                    "error-decode-unexpected",
                    what = *what,
                    detail = detail.clone()
                )
            }
            DecodeError::RecordOverflow { length } => text!(
                "error-decode-record-overflow",
                length = *length,
                limit = super::record::MAX_CIPHERTEXT,
            ),
        }
    }

    /// Shorthand for a [`DecodeError::Malformed`].
    pub fn malformed(what: &'static str, detail: impl Into<Text>) -> Self {
        DecodeError::Malformed {
            what,
            detail: detail.into(),
        }
    }

    /// Shorthand for a [`DecodeError::IllegalParameter`].
    pub fn illegal(what: &'static str, detail: impl Into<Text>) -> Self {
        DecodeError::IllegalParameter {
            what,
            detail: detail.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncated_message_is_lowercase_and_contextual() {
        let e = DecodeError::Truncated {
            what: "ClientHello.cipher_suites",
            offset: 43,
            needed: 2,
            available: 1,
        };
        assert_eq!(
            e.to_string(),
            "ClientHello.cipher_suites: needs 2 bytes at offset 43, only 1 left"
        );
        assert_eq!(e.alert(), AlertDescription::DecodeError);
    }

    #[test]
    fn each_variant_maps_to_its_alert() {
        assert_eq!(
            DecodeError::malformed("x", "y").alert(),
            AlertDescription::DecodeError
        );
        assert_eq!(
            DecodeError::illegal("x", "y").alert(),
            AlertDescription::IllegalParameter
        );
        assert_eq!(
            DecodeError::UnexpectedMessage {
                what: "x",
                detail: "y".into()
            }
            .alert(),
            AlertDescription::UnexpectedMessage
        );
        let overflow = DecodeError::RecordOverflow { length: 20000 };
        assert_eq!(overflow.alert(), AlertDescription::RecordOverflow);
        assert_eq!(
            overflow.to_string(),
            "record length 20000 is larger than the limit of 16640 bytes"
        );
    }
}

//! One error type for both endpoints; every failure names the alert it sends.

use crate::wire::{AlertDescription, DecodeError};

/// Why an endpoint stopped, and the fatal alert it sends to say so.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{reason} (alert {})", .alert.name())]
pub struct TlsError {
    /// The alert that goes out on the wire.
    pub alert: AlertDescription,
    /// What went wrong, in one line.
    pub reason: String,
}

impl TlsError {
    /// An error that sends `alert`, explained by `reason`.
    pub fn new(alert: AlertDescription, reason: impl Into<String>) -> Self {
        Self {
            alert,
            reason: reason.into(),
        }
    }

    /// `unexpected_message`: a message arrived that the current state does not expect.
    pub fn unexpected(got: &str, expected: &str) -> Self {
        Self::new(
            AlertDescription::UnexpectedMessage,
            format!("received {got} while expecting {expected}"),
        )
    }
}

impl From<DecodeError> for TlsError {
    fn from(e: DecodeError) -> Self {
        Self::new(e.alert(), e.to_string())
    }
}

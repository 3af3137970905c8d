//! One error type for both endpoints; every failure names the alert it sends.

use crate::text;
use crate::text::Text;
use crate::wire::{AlertDescription, DecodeError};

/// Why an endpoint stopped, and the fatal alert it sends to say so.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{reason} (alert {})", .alert.name())]
pub struct TlsError {
    /// The alert that goes out on the wire.
    pub alert: AlertDescription,
    /// What went wrong, in one line: a message of `core/i18n/session.*.ftl`.
    pub reason: Text,
}

impl TlsError {
    /// An error that sends `alert`, explained by `reason`.
    pub fn new(alert: AlertDescription, reason: Text) -> Self {
        Self { alert, reason }
    }

    /// `unexpected_message`: a message arrived that the current state does not expect.
    /// `got` is a message name (`ServerHello`) or [`application_data`].
    pub fn unexpected(got: impl Into<Text>, expected: Text) -> Self {
        Self::new(
            AlertDescription::UnexpectedMessage,
            text!("error-unexpected", got = got.into(), expected = expected),
        )
    }
}

/// "application data", as a state expects it or as an unexpected arrival.
pub(crate) fn application_data() -> Text {
    Text::message("error-word-application-data")
}

/// What a closed endpoint expects: "nothing (connection closed)".
pub(crate) fn nothing_closed() -> Text {
    Text::message("error-word-nothing-closed")
}

impl From<DecodeError> for TlsError {
    fn from(e: DecodeError) -> Self {
        Self::new(e.alert(), e.text())
    }
}

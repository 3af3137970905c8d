//! Alerts (RFC 8446 §6): how a TLS endpoint says "I am closing" or "something is wrong".

use super::annotate::{Field, code_value};
use super::codec::Reader;
use super::error::DecodeError;
use crate::text::Text;

/// ```text
/// enum { warning(1), fatal(2), (255) } AlertLevel;
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AlertLevel {
    /// 1: the connection may continue (in TLS 1.3 only for close_notify / user_canceled).
    Warning,
    /// 2: the connection ends now.
    Fatal,
    /// Any other value, kept as is.
    Unknown(u8),
}

impl AlertLevel {
    /// The wire value.
    pub fn to_u8(self) -> u8 {
        match self {
            AlertLevel::Warning => 1,
            AlertLevel::Fatal => 2,
            AlertLevel::Unknown(v) => v,
        }
    }

    /// From the wire value.
    pub fn from_u8(v: u8) -> Self {
        match v {
            1 => AlertLevel::Warning,
            2 => AlertLevel::Fatal,
            v => AlertLevel::Unknown(v),
        }
    }

    /// RFC name: "warning", "fatal" or "unknown".
    pub fn name(self) -> &'static str {
        match self {
            AlertLevel::Warning => "warning",
            AlertLevel::Fatal => "fatal",
            AlertLevel::Unknown(_) => "unknown",
        }
    }
}

/// The alert codes and their RFC 8446 names; what each one reports is the message
/// `wire-alert-NAME` in `assets/i18n/core/wire.*.ftl`.
macro_rules! alert_descriptions {
    ($($variant:ident = $code:literal, $name:literal;)*) => {
        /// ```text
        /// enum { close_notify(0), unexpected_message(10), bad_record_mac(20), ...,
        ///        no_application_protocol(120), (255) } AlertDescription;
        /// ```
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum AlertDescription {
            $(
                #[doc = concat!($code, ": ", $name)]
                $variant,
            )*
            /// Any other value, kept as is.
            Unknown(u8),
        }

        impl AlertDescription {
            /// The wire value.
            pub fn to_u8(self) -> u8 {
                match self {
                    $(AlertDescription::$variant => $code,)*
                    AlertDescription::Unknown(v) => v,
                }
            }

            /// From the wire value.
            pub fn from_u8(v: u8) -> Self {
                match v {
                    $($code => AlertDescription::$variant,)*
                    v => AlertDescription::Unknown(v),
                }
            }

            /// RFC 8446 name, e.g. "bad_record_mac"; "unknown" for unassigned values.
            pub fn name(self) -> &'static str {
                match self {
                    $(AlertDescription::$variant => $name,)*
                    AlertDescription::Unknown(_) => "unknown",
                }
            }

            /// One plain line saying what this alert reports.
            pub fn meaning(self) -> Text {
                Text::message(match self {
                    $(AlertDescription::$variant => concat!("wire-alert-", $name),)*
                    AlertDescription::Unknown(_) => "wire-alert-undefined",
                })
            }
        }
    };
}

alert_descriptions! {
    CloseNotify = 0, "close_notify";
    UnexpectedMessage = 10, "unexpected_message";
    BadRecordMac = 20, "bad_record_mac";
    RecordOverflow = 22, "record_overflow";
    HandshakeFailure = 40, "handshake_failure";
    BadCertificate = 42, "bad_certificate";
    UnsupportedCertificate = 43, "unsupported_certificate";
    CertificateRevoked = 44, "certificate_revoked";
    CertificateExpired = 45, "certificate_expired";
    CertificateUnknown = 46, "certificate_unknown";
    IllegalParameter = 47, "illegal_parameter";
    UnknownCa = 48, "unknown_ca";
    AccessDenied = 49, "access_denied";
    DecodeError = 50, "decode_error";
    DecryptError = 51, "decrypt_error";
    ProtocolVersion = 70, "protocol_version";
    InsufficientSecurity = 71, "insufficient_security";
    InternalError = 80, "internal_error";
    InappropriateFallback = 86, "inappropriate_fallback";
    UserCanceled = 90, "user_canceled";
    MissingExtension = 109, "missing_extension";
    UnsupportedExtension = 110, "unsupported_extension";
    UnrecognizedName = 112, "unrecognized_name";
    BadCertificateStatusResponse = 113, "bad_certificate_status_response";
    UnknownPskIdentity = 115, "unknown_psk_identity";
    CertificateRequired = 116, "certificate_required";
    NoApplicationProtocol = 120, "no_application_protocol";
}

/// ```text
/// struct {
///     AlertLevel level;
///     AlertDescription description;
/// } Alert;
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Alert {
    /// Warning or fatal.
    pub level: AlertLevel,
    /// What happened.
    pub description: AlertDescription,
}

impl Alert {
    /// A fatal alert; in TLS 1.3 every alert except close_notify and user_canceled is fatal.
    pub fn fatal(description: AlertDescription) -> Self {
        Alert {
            level: AlertLevel::Fatal,
            description,
        }
    }

    /// The two bytes of the alert.
    pub fn encode(&self) -> Vec<u8> {
        vec![self.level.to_u8(), self.description.to_u8()]
    }

    /// Decodes an alert fragment, which must be exactly two bytes (TLS 1.3 forbids
    /// fragmenting or coalescing alerts).
    pub fn decode(buf: &[u8]) -> Result<Alert, DecodeError> {
        let mut r = Reader::new(buf);
        let level = AlertLevel::from_u8(r.u8("Alert.level")?);
        let description = AlertDescription::from_u8(r.u8("Alert.description")?);
        r.expect_end("Alert")?;
        Ok(Alert { level, description })
    }

    /// The fields `level` and `description`, with ranges offset by `base`.
    pub fn annotate(buf: &[u8], base: usize) -> Result<Vec<Field>, DecodeError> {
        let alert = Self::decode(buf)?;
        let level_meaning = Text::message(match alert.level {
            AlertLevel::Warning => "wire-alert-level-warning",
            AlertLevel::Fatal => "wire-alert-level-fatal",
            AlertLevel::Unknown(_) => "wire-alert-level-unknown",
        });
        Ok(vec![
            Field::leaf(
                "level",
                base..base + 1,
                code_value(alert.level.to_u8(), alert.level.name()),
                level_meaning,
            ),
            Field::leaf(
                "description",
                base + 1..base + 2,
                code_value(alert.description.to_u8(), alert.description.name()),
                alert.description.meaning(),
            ),
        ])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_names_match_the_rfc() {
        for v in 0..=255u8 {
            assert_eq!(AlertDescription::from_u8(v).to_u8(), v);
            assert_eq!(AlertLevel::from_u8(v).to_u8(), v);
        }
        assert_eq!(AlertDescription::from_u8(20).name(), "bad_record_mac");
        assert_eq!(AlertDescription::BadRecordMac.to_u8(), 20);
        assert_eq!(AlertDescription::DecodeError.to_u8(), 50);
        assert_eq!(AlertDescription::NoApplicationProtocol.to_u8(), 120);
        assert_eq!(AlertDescription::from_u8(200).name(), "unknown");
    }

    #[test]
    fn alert_round_trips_and_annotates() {
        let a = Alert::fatal(AlertDescription::UnknownCa);
        let bytes = a.encode();
        assert_eq!(bytes, [2, 48]);
        assert_eq!(Alert::decode(&bytes), Ok(a));
        let fields = Alert::annotate(&bytes, 5).unwrap_or_default();
        assert_eq!(crate::wire::annotate::check_tiling(&fields, 5..7), Ok(()));
        assert_eq!(
            fields.get(1).map(|f| f.value.to_string()).as_deref(),
            Some("48 (unknown_ca)")
        );
    }

    #[test]
    fn wrong_lengths_are_decode_errors() {
        for bad in [&[][..], &[2][..], &[2, 40, 0][..]] {
            let e = Alert::decode(bad).err();
            assert_eq!(
                e.map(|e| e.alert()),
                Some(AlertDescription::DecodeError),
                "{bad:?}"
            );
        }
    }
}

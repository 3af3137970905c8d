//! Alerts (RFC 8446 §6): how a TLS endpoint says "I am closing" or "something is wrong".

use super::annotate::Field;
use super::codec::Reader;
use super::error::DecodeError;

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

macro_rules! alert_descriptions {
    ($($variant:ident = $code:literal, $name:literal, $meaning:literal;)*) => {
        /// ```text
        /// enum { close_notify(0), unexpected_message(10), bad_record_mac(20), ...,
        ///        no_application_protocol(120), (255) } AlertDescription;
        /// ```
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum AlertDescription {
            $(
                #[doc = concat!($code, ": ", $name, " - ", $meaning)]
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

            /// One plain-English line saying what this alert reports.
            pub fn meaning(self) -> &'static str {
                match self {
                    $(AlertDescription::$variant => $meaning,)*
                    AlertDescription::Unknown(_) => "an alert code that TLS does not define",
                }
            }
        }
    };
}

alert_descriptions! {
    CloseNotify = 0, "close_notify", "the sender is done and closes the connection normally";
    UnexpectedMessage = 10, "unexpected_message", "a message arrived that does not belong at this point";
    BadRecordMac = 20, "bad_record_mac", "a record failed its integrity check: it was changed on the way or the keys differ";
    RecordOverflow = 22, "record_overflow", "a record was longer than TLS allows";
    HandshakeFailure = 40, "handshake_failure", "the two sides could not agree on security settings";
    BadCertificate = 42, "bad_certificate", "a certificate was damaged or its signature did not check out";
    UnsupportedCertificate = 43, "unsupported_certificate", "a certificate was of a type the receiver cannot use";
    CertificateRevoked = 44, "certificate_revoked", "a certificate was cancelled by the authority that issued it";
    CertificateExpired = 45, "certificate_expired", "a certificate is outside its validity dates";
    CertificateUnknown = 46, "certificate_unknown", "a certificate could not be accepted for some other reason";
    IllegalParameter = 47, "illegal_parameter", "a field had a value that is not allowed here";
    UnknownCa = 48, "unknown_ca", "the certificate chain does not lead to an authority the receiver trusts";
    AccessDenied = 49, "access_denied", "the peer is who it claims to be but is not allowed in";
    DecodeError = 50, "decode_error", "a message could not be read: a length or format was wrong";
    DecryptError = 51, "decrypt_error", "a signature or Finished check failed";
    ProtocolVersion = 70, "protocol_version", "the peer wants a TLS version the receiver does not support";
    InsufficientSecurity = 71, "insufficient_security", "the offered settings are weaker than the receiver requires";
    InternalError = 80, "internal_error", "the sender hit a bug or ran out of resources";
    InappropriateFallback = 86, "inappropriate_fallback", "a retry with an older version looked like a downgrade attack";
    UserCanceled = 90, "user_canceled", "the user stopped the handshake";
    MissingExtension = 109, "missing_extension", "a required extension was not sent";
    UnsupportedExtension = 110, "unsupported_extension", "an extension appeared that was not asked for";
    UnrecognizedName = 112, "unrecognized_name", "the server does not host the requested name";
    BadCertificateStatusResponse = 113, "bad_certificate_status_response", "a certificate status (OCSP) answer was invalid";
    UnknownPskIdentity = 115, "unknown_psk_identity", "the pre-shared key named by the client is not known";
    CertificateRequired = 116, "certificate_required", "the server needed a client certificate and got none";
    NoApplicationProtocol = 120, "no_application_protocol", "no application protocol (ALPN) is supported by both sides";
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
        let level_meaning = match alert.level {
            AlertLevel::Warning => "warning: the connection may continue",
            AlertLevel::Fatal => "fatal: the connection ends now",
            AlertLevel::Unknown(_) => "not a level TLS defines",
        };
        Ok(vec![
            Field::leaf(
                "level",
                base..base + 1,
                format!("{} ({})", alert.level.to_u8(), alert.level.name()),
                level_meaning,
            ),
            Field::leaf(
                "description",
                base + 1..base + 2,
                format!(
                    "{} ({})",
                    alert.description.to_u8(),
                    alert.description.name()
                ),
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
            fields.get(1).map(|f| f.value.as_str()),
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

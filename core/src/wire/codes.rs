//! The code points of TLS, each defined once with its name: cipher suites, named
//! groups, signature schemes, extension types and protocol versions (IANA "TLS
//! Parameters"). One `wire_codes!` list per registry makes a `Copy` enum that knows
//! its number, its registry name and the id of its one-line meaning in
//! `core/i18n/wire.*.ftl`; a number the list lacks is kept as `Unknown(n)`.

use crate::text;
use crate::text::Text;

/// Makes a wire code enum from one list of `Variant = number, "name", "message-id";`.
///
/// The enum gets an `Unknown(n)` variant for every other number, `to_u16`/`from_u16`
/// (`to_u8`/`from_u8` for a one-byte registry), `From` both ways, `rfc_name()` (the
/// registry's name), `meaning_id()` (the Fluent id of what it means), `as_str()` (the
/// Rust variant name) and `ALL` (the known values in list order). Two-byte registries
/// also get `is_grease()` (RFC 8701). Known numbers always decode to their named
/// variant, so derived equality is equality of numbers.
macro_rules! wire_codes {
    (
        $(#[$meta:meta])*
        pub enum $Enum:ident: u16 { $($rows:tt)* }
    ) => {
        $crate::wire::codes::wire_codes!(@enum $(#[$meta])* $Enum, u16, to_u16, from_u16, { $($rows)* });

        impl $Enum {
            /// True for a GREASE value (RFC 8701): 0x0a0a, 0x1a1a, ... 0xfafa.
            pub const fn is_grease(self) -> bool {
                $crate::wire::codes::is_grease(self.to_u16())
            }
        }
    };
    (
        $(#[$meta:meta])*
        pub enum $Enum:ident: u8 { $($rows:tt)* }
    ) => {
        $crate::wire::codes::wire_codes!(@enum $(#[$meta])* $Enum, u8, to_u8, from_u8, { $($rows)* });
    };
    (
        @enum $(#[$meta:meta])* $Enum:ident, $uint:ty, $to:ident, $from:ident,
        { $($Variant:ident = $code:literal, $name:literal, $meaning:literal;)* }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $Enum {
            $(
                #[doc = concat!("`", $name, "` (", stringify!($code), ")")]
                $Variant,
            )*
            /// Any other value, kept as is.
            Unknown($uint),
        }

        impl $Enum {
            /// Every known value, in the order the registry list gives them.
            pub const ALL: &'static [$Enum] = &[$($Enum::$Variant,)*];

            /// The wire value.
            pub const fn $to(self) -> $uint {
                match self {
                    $($Enum::$Variant => $code,)*
                    $Enum::Unknown(v) => v,
                }
            }

            /// From the wire value; a number the list lacks becomes `Unknown`.
            pub const fn $from(v: $uint) -> Self {
                match v {
                    $($code => $Enum::$Variant,)*
                    v => $Enum::Unknown(v),
                }
            }

            /// The registry's name, e.g. "key_share"; `None` for `Unknown`.
            pub const fn rfc_name(self) -> Option<&'static str> {
                match self {
                    $($Enum::$Variant => Some($name),)*
                    $Enum::Unknown(_) => None,
                }
            }

            /// The message id of its one-line meaning; `None` for `Unknown`.
            pub const fn meaning_id(self) -> Option<&'static str> {
                match self {
                    $($Enum::$Variant => Some($meaning),)*
                    $Enum::Unknown(_) => None,
                }
            }

            /// The Rust name of the variant, e.g. "KeyShare"; `None` for `Unknown`.
            pub const fn as_str(self) -> Option<&'static str> {
                match self {
                    $($Enum::$Variant => Some(stringify!($Variant)),)*
                    $Enum::Unknown(_) => None,
                }
            }
        }

        impl From<$uint> for $Enum {
            fn from(v: $uint) -> Self {
                $Enum::$from(v)
            }
        }

        impl From<$Enum> for $uint {
            fn from(v: $Enum) -> Self {
                v.$to()
            }
        }
    };
}

pub(crate) use wire_codes;

/// True for the GREASE values (RFC 8701) 0x0a0a, 0x1a1a, ... 0xfafa.
pub const fn is_grease(v: u16) -> bool {
    v & 0x0f0f == 0x0a0a && v >> 8 == v & 0xff
}

wire_codes! {
    /// `uint8 CipherSuite[2];` (RFC 8446 §B.4): the TLS 1.3 suites and common TLS 1.2 ones.
    pub enum CipherSuite: u16 {
        TlsAes128GcmSha256 = 0x1301, "TLS_AES_128_GCM_SHA256", "wire-suite-tls_aes_128_gcm_sha256";
        TlsAes256GcmSha384 = 0x1302, "TLS_AES_256_GCM_SHA384", "wire-suite-tls_aes_256_gcm_sha384";
        TlsChacha20Poly1305Sha256 = 0x1303, "TLS_CHACHA20_POLY1305_SHA256", "wire-suite-tls_chacha20_poly1305_sha256";
        TlsAes128CcmSha256 = 0x1304, "TLS_AES_128_CCM_SHA256", "wire-suite-tls_aes_128_ccm_sha256";
        TlsAes128Ccm8Sha256 = 0x1305, "TLS_AES_128_CCM_8_SHA256", "wire-suite-tls_aes_128_ccm_8_sha256";
        TlsRsaWithAes128CbcSha = 0x002f, "TLS_RSA_WITH_AES_128_CBC_SHA", "wire-suite-tls_rsa_with_aes_128_cbc_sha";
        TlsRsaWithAes256CbcSha = 0x0035, "TLS_RSA_WITH_AES_256_CBC_SHA", "wire-suite-tls_rsa_with_aes_256_cbc_sha";
        TlsRsaWithAes128CbcSha256 = 0x003c, "TLS_RSA_WITH_AES_128_CBC_SHA256", "wire-suite-tls_rsa_with_aes_128_cbc_sha256";
        TlsRsaWithAes128GcmSha256 = 0x009c, "TLS_RSA_WITH_AES_128_GCM_SHA256", "wire-suite-tls_rsa_with_aes_128_gcm_sha256";
        TlsRsaWithAes256GcmSha384 = 0x009d, "TLS_RSA_WITH_AES_256_GCM_SHA384", "wire-suite-tls_rsa_with_aes_256_gcm_sha384";
        TlsEcdheEcdsaWithAes128GcmSha256 = 0xc02b, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "wire-suite-tls_ecdhe_ecdsa_with_aes_128_gcm_sha256";
        TlsEcdheEcdsaWithAes256GcmSha384 = 0xc02c, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "wire-suite-tls_ecdhe_ecdsa_with_aes_256_gcm_sha384";
        TlsEcdheRsaWithAes128GcmSha256 = 0xc02f, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "wire-suite-tls_ecdhe_rsa_with_aes_128_gcm_sha256";
        TlsEcdheRsaWithAes256GcmSha384 = 0xc030, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "wire-suite-tls_ecdhe_rsa_with_aes_256_gcm_sha384";
        TlsEcdheRsaWithChacha20Poly1305Sha256 = 0xcca8, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "wire-suite-tls_ecdhe_rsa_with_chacha20_poly1305_sha256";
        TlsEcdheEcdsaWithChacha20Poly1305Sha256 = 0xcca9, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "wire-suite-tls_ecdhe_ecdsa_with_chacha20_poly1305_sha256";
        TlsEmptyRenegotiationInfoScsv = 0x00ff, "TLS_EMPTY_RENEGOTIATION_INFO_SCSV", "wire-suite-tls_empty_renegotiation_info_scsv";
        TlsFallbackScsv = 0x5600, "TLS_FALLBACK_SCSV", "wire-suite-tls_fallback_scsv";
    }
}

wire_codes! {
    /// `enum { secp256r1(0x0017), ..., x25519(0x001d), ... } NamedGroup;` (RFC 8446
    /// §4.2.7), plus the finite-field groups and the hybrid post-quantum ones.
    pub enum NamedGroup: u16 {
        Secp256r1 = 0x0017, "secp256r1", "wire-group-secp256r1";
        Secp384r1 = 0x0018, "secp384r1", "wire-group-secp384r1";
        Secp521r1 = 0x0019, "secp521r1", "wire-group-secp521r1";
        X25519 = 0x001d, "x25519", "wire-group-x25519";
        X448 = 0x001e, "x448", "wire-group-x448";
        Ffdhe2048 = 0x0100, "ffdhe2048", "wire-group-ffdhe2048";
        Ffdhe3072 = 0x0101, "ffdhe3072", "wire-group-ffdhe3072";
        Ffdhe4096 = 0x0102, "ffdhe4096", "wire-group-ffdhe4096";
        Ffdhe6144 = 0x0103, "ffdhe6144", "wire-group-ffdhe6144";
        Ffdhe8192 = 0x0104, "ffdhe8192", "wire-group-ffdhe8192";
        Secp256r1Mlkem768 = 0x11eb, "SecP256r1MLKEM768", "wire-group-secp256r1mlkem768";
        X25519Mlkem768 = 0x11ec, "X25519MLKEM768", "wire-group-x25519mlkem768";
        Secp384r1Mlkem1024 = 0x11ed, "SecP384r1MLKEM1024", "wire-group-secp384r1mlkem1024";
    }
}

wire_codes! {
    /// `enum { rsa_pkcs1_sha256(0x0401), ..., ecdsa_secp256r1_sha256(0x0403), ... }
    /// SignatureScheme;` (RFC 8446 §4.2.3).
    pub enum SignatureScheme: u16 {
        RsaPkcs1Sha1 = 0x0201, "rsa_pkcs1_sha1", "wire-scheme-rsa_pkcs1_sha1";
        EcdsaSha1 = 0x0203, "ecdsa_sha1", "wire-scheme-ecdsa_sha1";
        RsaPkcs1Sha256 = 0x0401, "rsa_pkcs1_sha256", "wire-scheme-rsa_pkcs1_sha256";
        RsaPkcs1Sha384 = 0x0501, "rsa_pkcs1_sha384", "wire-scheme-rsa_pkcs1_sha384";
        RsaPkcs1Sha512 = 0x0601, "rsa_pkcs1_sha512", "wire-scheme-rsa_pkcs1_sha512";
        EcdsaSecp256r1Sha256 = 0x0403, "ecdsa_secp256r1_sha256", "wire-scheme-ecdsa_secp256r1_sha256";
        EcdsaSecp384r1Sha384 = 0x0503, "ecdsa_secp384r1_sha384", "wire-scheme-ecdsa_secp384r1_sha384";
        EcdsaSecp521r1Sha512 = 0x0603, "ecdsa_secp521r1_sha512", "wire-scheme-ecdsa_secp521r1_sha512";
        RsaPssRsaeSha256 = 0x0804, "rsa_pss_rsae_sha256", "wire-scheme-rsa_pss_rsae_sha256";
        RsaPssRsaeSha384 = 0x0805, "rsa_pss_rsae_sha384", "wire-scheme-rsa_pss_rsae_sha384";
        RsaPssRsaeSha512 = 0x0806, "rsa_pss_rsae_sha512", "wire-scheme-rsa_pss_rsae_sha512";
        Ed25519 = 0x0807, "ed25519", "wire-scheme-ed25519";
        Ed448 = 0x0808, "ed448", "wire-scheme-ed448";
        RsaPssPssSha256 = 0x0809, "rsa_pss_pss_sha256", "wire-scheme-rsa_pss_pss_sha256";
        RsaPssPssSha384 = 0x080a, "rsa_pss_pss_sha384", "wire-scheme-rsa_pss_pss_sha384";
        RsaPssPssSha512 = 0x080b, "rsa_pss_pss_sha512", "wire-scheme-rsa_pss_pss_sha512";
    }
}

wire_codes! {
    /// `enum { server_name(0), ..., key_share(51), (65535) } ExtensionType;` (RFC 8446
    /// §4.2; IANA "TLS ExtensionType Values").
    pub enum ExtensionType: u16 {
        ServerName = 0, "server_name", "wire-ext-server_name";
        MaxFragmentLength = 1, "max_fragment_length", "wire-ext-max_fragment_length";
        StatusRequest = 5, "status_request", "wire-ext-status_request";
        SupportedGroups = 10, "supported_groups", "wire-ext-supported_groups";
        EcPointFormats = 11, "ec_point_formats", "wire-ext-ec_point_formats";
        SignatureAlgorithms = 13, "signature_algorithms", "wire-ext-signature_algorithms";
        UseSrtp = 14, "use_srtp", "wire-ext-use_srtp";
        Heartbeat = 15, "heartbeat", "wire-ext-heartbeat";
        Alpn = 16, "application_layer_protocol_negotiation", "wire-ext-application_layer_protocol_negotiation";
        SignedCertificateTimestamp = 18, "signed_certificate_timestamp", "wire-ext-signed_certificate_timestamp";
        ClientCertificateType = 19, "client_certificate_type", "wire-ext-client_certificate_type";
        ServerCertificateType = 20, "server_certificate_type", "wire-ext-server_certificate_type";
        Padding = 21, "padding", "wire-ext-padding";
        EncryptThenMac = 22, "encrypt_then_mac", "wire-ext-encrypt_then_mac";
        ExtendedMasterSecret = 23, "extended_master_secret", "wire-ext-extended_master_secret";
        CompressCertificate = 27, "compress_certificate", "wire-ext-compress_certificate";
        RecordSizeLimit = 28, "record_size_limit", "wire-ext-record_size_limit";
        SessionTicket = 35, "session_ticket", "wire-ext-session_ticket";
        PreSharedKey = 41, "pre_shared_key", "wire-ext-pre_shared_key";
        EarlyData = 42, "early_data", "wire-ext-early_data";
        SupportedVersions = 43, "supported_versions", "wire-ext-supported_versions";
        Cookie = 44, "cookie", "wire-ext-cookie";
        PskKeyExchangeModes = 45, "psk_key_exchange_modes", "wire-ext-psk_key_exchange_modes";
        CertificateAuthorities = 47, "certificate_authorities", "wire-ext-certificate_authorities";
        OidFilters = 48, "oid_filters", "wire-ext-oid_filters";
        PostHandshakeAuth = 49, "post_handshake_auth", "wire-ext-post_handshake_auth";
        SignatureAlgorithmsCert = 50, "signature_algorithms_cert", "wire-ext-signature_algorithms_cert";
        KeyShare = 51, "key_share", "wire-ext-key_share";
        QuicTransportParameters = 57, "quic_transport_parameters", "wire-ext-quic_transport_parameters";
        ApplicationSettings = 0x44cd, "application_settings", "wire-ext-application_settings";
        EncryptedClientHello = 0xfe0d, "encrypted_client_hello", "wire-ext-encrypted_client_hello";
        RenegotiationInfo = 0xff01, "renegotiation_info", "wire-ext-renegotiation_info";
    }
}

wire_codes! {
    /// `uint16 ProtocolVersion;` (RFC 8446 §4.1.2): 0x0304 is TLS 1.3, 0x0303 TLS 1.2
    /// (also the frozen legacy_version of TLS 1.3 hellos and records).
    pub enum ProtocolVersion: u16 {
        Tls13 = 0x0304, "TLS 1.3", "wire-version-tls13";
        Tls12 = 0x0303, "TLS 1.2", "wire-version-tls12";
        Tls11 = 0x0302, "TLS 1.1", "wire-version-tls11";
        Tls10 = 0x0301, "TLS 1.0", "wire-version-tls10";
        Ssl30 = 0x0300, "SSL 3.0", "wire-version-ssl30";
    }
}

const GREASE_MEANING: Text = Text::message("wire-grease");

/// The display name (raw: the registry name, "GREASE 0x..." or the hex code) and the
/// meaning of a code; `unknown` is the message for a code the list lacks, with the
/// code as `$code`.
fn describe(
    v: u16,
    name: Option<&'static str>,
    meaning: Option<&'static str>,
    unknown: &'static str,
) -> (String, Text) {
    let code = format!("0x{v:04x}");
    match (name, meaning) {
        (Some(name), Some(meaning)) => (
            name.to_string(),
            text!(
                "wire-name-meaning",
                name = name,
                meaning = Text::message(meaning)
            ),
        ),
        _ if is_grease(v) => (format!("GREASE {code}"), GREASE_MEANING),
        _ => (
            code.clone(),
            Text::Message {
                id: unknown,
                args: vec![("code", Text::Raw(code))],
            },
        ),
    }
}

impl CipherSuite {
    /// Display name and one-line meaning, e.g. "TLS_AES_128_GCM_SHA256" and
    /// "TLS_AES_128_GCM_SHA256: AES-128 in GCM mode for records, SHA-256 for the key schedule".
    pub fn describe(self) -> (String, Text) {
        let v = self.to_u16();
        describe(v, self.rfc_name(), self.meaning_id(), "wire-unknown-suite")
    }
}

impl NamedGroup {
    /// Display name and one-line meaning of the group.
    pub fn describe(self) -> (String, Text) {
        let v = self.to_u16();
        describe(v, self.rfc_name(), self.meaning_id(), "wire-unknown-group")
    }
}

impl SignatureScheme {
    /// Display name and one-line meaning of the scheme.
    pub fn describe(self) -> (String, Text) {
        let v = self.to_u16();
        describe(v, self.rfc_name(), self.meaning_id(), "wire-unknown-scheme")
    }
}

impl ExtensionType {
    /// One plain line saying what the extension is for.
    pub fn purpose(self) -> Text {
        match self.meaning_id() {
            Some(id) => Text::message(id),
            None if self.is_grease() => GREASE_MEANING,
            None => Text::message("wire-unknown-extension"),
        }
    }
}

impl ProtocolVersion {
    /// Display name and one-line meaning, e.g. "0x0304 (TLS 1.3)".
    pub fn describe(self) -> (String, Text) {
        let v = self.to_u16();
        match (self.rfc_name(), self.meaning_id()) {
            (Some(name), Some(meaning)) => (format!("0x{v:04x} ({name})"), Text::message(meaning)),
            _ if self.is_grease() => (format!("GREASE 0x{v:04x}"), GREASE_MEANING),
            _ => (format!("0x{v:04x}"), Text::message("wire-unknown-version")),
        }
    }

    /// The name, or the hex code for a version the list lacks: "TLS 1.3", "0x7f1c".
    pub fn name_or_hex(self) -> String {
        self.rfc_name()
            .map_or_else(|| format!("0x{:04x}", self.to_u16()), str::to_string)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_numbers() {
        assert_eq!(
            CipherSuite::from_u16(0x1301),
            CipherSuite::TlsAes128GcmSha256
        );
        assert_eq!(
            CipherSuite::TlsAes128GcmSha256.rfc_name(),
            Some("TLS_AES_128_GCM_SHA256")
        );
        assert_eq!(
            CipherSuite::from_u16(0x009c).rfc_name(),
            Some("TLS_RSA_WITH_AES_128_GCM_SHA256")
        );
        assert_eq!(
            CipherSuite::TlsAes128GcmSha256.describe().1,
            "TLS_AES_128_GCM_SHA256: AES-128 in GCM mode for records, SHA-256 for the key schedule"
        );
        assert_eq!(NamedGroup::Secp256r1.rfc_name(), Some("secp256r1"));
        assert_eq!(NamedGroup::X25519.to_u16(), 0x001d);
        assert_eq!(
            SignatureScheme::EcdsaSecp256r1Sha256.rfc_name(),
            Some("ecdsa_secp256r1_sha256")
        );
        assert_eq!(ExtensionType::KeyShare.rfc_name(), Some("key_share"));
        assert_eq!(
            ExtensionType::Alpn.rfc_name(),
            Some("application_layer_protocol_negotiation")
        );
        assert_eq!(ExtensionType::from(51), ExtensionType::KeyShare);
        assert_eq!(u16::from(ExtensionType::RenegotiationInfo), 0xff01);
        for (v, n) in [
            (ProtocolVersion::Tls13, "TLS 1.3"),
            (ProtocolVersion::Tls12, "TLS 1.2"),
            (ProtocolVersion::from_u16(0x0302), "TLS 1.1"),
            (ProtocolVersion::from_u16(0x0301), "TLS 1.0"),
            (ProtocolVersion::from_u16(0x0300), "SSL 3.0"),
        ] {
            assert_eq!(v.rfc_name(), Some(n));
        }
        assert_eq!(ProtocolVersion::from_u16(0x7f1c).name_or_hex(), "0x7f1c");
        assert_eq!(NamedGroup::from_u16(0x9999).describe().0, "0x9999");
        assert_eq!(NamedGroup::from_u16(0x9999), NamedGroup::Unknown(0x9999));
        assert_eq!(NamedGroup::from_u16(0x9999).rfc_name(), None);
    }

    #[test]
    fn every_known_value_round_trips_and_is_listed_once() {
        fn check<T: Copy + PartialEq + std::fmt::Debug>(
            all: &[T],
            to: fn(T) -> u16,
            from: fn(u16) -> T,
        ) {
            for (i, &c) in all.iter().enumerate() {
                assert_eq!(from(to(c)), c);
                assert!(all[..i].iter().all(|&d| to(d) != to(c)), "{c:?} twice");
            }
        }
        check(CipherSuite::ALL, CipherSuite::to_u16, CipherSuite::from_u16);
        check(NamedGroup::ALL, NamedGroup::to_u16, NamedGroup::from_u16);
        check(
            SignatureScheme::ALL,
            SignatureScheme::to_u16,
            SignatureScheme::from_u16,
        );
        check(
            ExtensionType::ALL,
            ExtensionType::to_u16,
            ExtensionType::from_u16,
        );
        check(
            ProtocolVersion::ALL,
            ProtocolVersion::to_u16,
            ProtocolVersion::from_u16,
        );
        assert_eq!(CipherSuite::ALL.len(), 18);
        assert_eq!(NamedGroup::ALL.len(), 13);
        assert_eq!(SignatureScheme::ALL.len(), 16);
        assert_eq!(ExtensionType::ALL.len(), 32);
        assert_eq!(ProtocolVersion::ALL.len(), 5);
    }

    #[test]
    fn grease() {
        assert!(is_grease(0x1a1a) && is_grease(0xfafa) && !is_grease(0x1a2a) && !is_grease(0x0a1a));
        assert!(CipherSuite::from_u16(0x0a0a).is_grease());
        assert!(ExtensionType::from_u16(0x2a2a).is_grease());
        assert!(!NamedGroup::X25519.is_grease());
        assert_eq!(
            ProtocolVersion::from_u16(0x3a3a).describe().0,
            "GREASE 0x3a3a"
        );
        assert_eq!(
            ExtensionType::from_u16(0x0a0a).purpose(),
            "GREASE: a deliberately meaningless value that checks servers ignore what they don't know"
        );
    }
}

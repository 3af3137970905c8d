//! The lab PKI: a root CA and a server certificate built with `x509-cert`, their
//! summaries for display, and (in `chain`) the client's chain check (RFC 5280
//! profile, simplified to a leaf issued directly by a trusted root).
//!
//! ```text
//! Certificate  ::=  SEQUENCE  {
//!      tbsCertificate       TBSCertificate,
//!      signatureAlgorithm   AlgorithmIdentifier,
//!      signatureValue       BIT STRING  }
//! ```
//!
//! Times are unix seconds from the simulated clock, never the system clock.

use core::time::Duration;

use p256::ecdsa::DerSignature;
use x509_cert::attr::AttributeTypeAndValue;
use x509_cert::builder::profile::BuilderProfile;
use x509_cert::builder::{Builder, CertificateBuilder};
use x509_cert::certificate::{Certificate, TbsCertificate};
use x509_cert::der::asn1::{
    Any, GeneralizedTime, Ia5String, Ia5StringRef, PrintableStringRef, Utf8StringRef,
};
use x509_cert::der::oid::ObjectIdentifier;
use x509_cert::der::oid::db::{rfc3280, rfc4519, rfc5280, rfc5912};
use x509_cert::der::{DateTime, Decode, Encode};
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::ext::pkix::{
    AuthorityKeyIdentifier, BasicConstraints, ExtendedKeyUsage, KeyUsage, KeyUsages,
    SubjectAltName, SubjectKeyIdentifier,
};
use x509_cert::ext::{Extension, ToExtension};
use x509_cert::name::{Name, RdnSequence, RelativeDistinguishedName};
use x509_cert::serial_number::SerialNumber;
use x509_cert::spki::SubjectPublicKeyInfoRef;
use x509_cert::time::Time;

use super::rsa::RsaKey;
use super::sign::EcdsaKey;
use super::{CryptoError, LabRng, hex};

mod anchors;
mod cert_signature;
mod chain;
mod extensions;
mod hostname;
mod live_chain;

pub use anchors::{TrustAnchor, TrustAnchors};
pub use cert_signature::{
    certificate_signature_algorithm, signature_algorithm_oid_name, verify_certificate_signature,
};
pub use chain::{
    ChainCheck, ChainCheckName, ChainFailure, ChainVerdict, PathCertificate, verify_server_chain,
};
pub use extensions::CertExtension;
use extensions::describe_extensions;
pub use hostname::{ReferenceHost, dns_name_matches, ip_address_matches};
pub use live_chain::{MAX_PATH_CERTIFICATES, verify_live_chain};

/// The organisation every lab certificate names.
pub const LAB_ORGANIZATION: &str = "Handshake Lab";

/// A certificate validity window in unix seconds (inclusive on both ends, as RFC 5280).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Validity {
    /// `notBefore`, unix seconds.
    pub not_before: u64,
    /// `notAfter`, unix seconds.
    pub not_after: u64,
}

/// One day in seconds: certificate validity windows are counted in days.
pub const DAY: u64 = 86_400;

/// The lab's keys and certificates.
#[derive(Clone, Debug)]
pub struct IssuedPki {
    /// The root CA's signing key.
    pub ca_key: EcdsaKey,
    /// The self-signed root certificate (DER).
    pub ca_cert_der: Vec<u8>,
    /// The server's long-term key (signs CertificateVerify).
    pub server_key: EcdsaKey,
    /// The server certificate issued by the root (DER).
    pub server_cert_der: Vec<u8>,
    /// The server's RSA key, when its certificate carries an RSA key (TLS 1.2 RSA key
    /// transport); `server_key` is then drawn but not in the certificate.
    pub server_rsa_key: Option<RsaKey>,
}

/// What [`issue_pki_with`] issues: names, validity windows and the server's key type.
#[derive(Clone, Debug)]
pub struct PkiRequest<'a> {
    /// The root's common name (`"Handshake Lab Root CA"`, `"Evil Proxy CA"`).
    pub ca_common_name: &'a str,
    /// The name the server certificate is issued for (SAN dNSName and CN).
    pub server_name: &'a str,
    /// The root's validity window.
    pub ca_validity: Validity,
    /// The server certificate's validity window.
    pub server_validity: Validity,
    /// An RSA key to certify instead of the server's ECDSA key (keyUsage then adds
    /// keyEncipherment: the client encrypts the premaster secret to it).
    pub server_rsa_key: Option<&'a RsaKey>,
    /// More names the certificate is valid for (SAN dNSName after `server_name`): a
    /// live server adds `localhost`, so a browser on the same machine can open it.
    pub extra_dns_names: &'a [String],
    /// Addresses the certificate is valid for (SAN iPAddress), for URLs by address.
    pub ip_addresses: &'a [core::net::IpAddr],
}

fn build_err(e: impl core::fmt::Display) -> CryptoError {
    CryptoError::Build(e.to_string())
}

/// A `Name` from (attribute, value) pairs in RDNSequence order (most significant first),
/// each value a UTF8String.
fn make_name(attrs: &[(ObjectIdentifier, &str)]) -> Result<Name, CryptoError> {
    let mut seq = RdnSequence::default();
    for (oid, value) in attrs {
        let value =
            Any::encode_from(&Utf8StringRef::new(*value).map_err(build_err)?).map_err(build_err)?;
        let rdn =
            RelativeDistinguishedName::try_from(vec![AttributeTypeAndValue { oid: *oid, value }])
                .map_err(build_err)?;
        seq.push(rdn);
    }
    Name::from_der(&seq.to_der().map_err(build_err)?).map_err(build_err)
}

fn x509_time(unix: u64) -> Result<Time, CryptoError> {
    let dt = DateTime::from_unix_duration(Duration::from_secs(unix))
        .map_err(|e| CryptoError::Build(format!("time {unix} not representable: {e}")))?;
    // The builder turns this into UTCTime for years up to 2049, as RFC 5280 requires.
    Ok(Time::GeneralTime(GeneralizedTime::from_date_time(dt)))
}

/// A positive 16-byte serial number from the lab RNG (top bit clear, never zero).
fn serial(rng: &mut LabRng) -> Result<SerialNumber, CryptoError> {
    let mut bytes = rng.bytes::<16>();
    bytes[0] = (bytes[0] & 0x7f) | 0x40;
    SerialNumber::new(&bytes).map_err(build_err)
}

/// Profile of the self-signed root.
struct RootProfile {
    subject: Name,
}

impl BuilderProfile for RootProfile {
    fn get_issuer(&self, subject: &Name) -> Name {
        subject.clone()
    }

    fn get_subject(&self) -> Name {
        self.subject.clone()
    }

    fn build_extensions(
        &self,
        spk: SubjectPublicKeyInfoRef<'_>,
        _issuer_spk: SubjectPublicKeyInfoRef<'_>,
        tbs: &TbsCertificate,
    ) -> x509_cert::builder::Result<Vec<Extension>> {
        let subject = tbs.subject();
        let mut exts = Vec::new();
        // basicConstraints CA:true, critical (the impl always marks it critical).
        let bc = BasicConstraints {
            ca: true,
            path_len_constraint: None,
        };
        exts.push((&bc).to_extension(subject, &exts)?);
        // keyUsage keyCertSign + cRLSign, critical.
        let ku = KeyUsage(KeyUsages::KeyCertSign | KeyUsages::CRLSign);
        exts.push((&ku).to_extension(subject, &exts)?);
        let ski = SubjectKeyIdentifier::try_from(spk)?;
        exts.push((&ski).to_extension(subject, &exts)?);
        Ok(exts)
    }
}

/// Profile of the server (end-entity) certificate.
struct ServerProfile {
    issuer: Name,
    subject: Name,
    /// SAN entries: the server name first.
    alt_names: Vec<GeneralName>,
    key_encipherment: bool,
}

impl BuilderProfile for ServerProfile {
    fn get_issuer(&self, _subject: &Name) -> Name {
        self.issuer.clone()
    }

    fn get_subject(&self) -> Name {
        self.subject.clone()
    }

    fn build_extensions(
        &self,
        spk: SubjectPublicKeyInfoRef<'_>,
        issuer_spk: SubjectPublicKeyInfoRef<'_>,
        tbs: &TbsCertificate,
    ) -> x509_cert::builder::Result<Vec<Extension>> {
        let subject = tbs.subject();
        let mut exts = Vec::new();
        let bc = BasicConstraints {
            ca: false,
            path_len_constraint: None,
        };
        exts.push((&bc).to_extension(subject, &exts)?);
        let ku = if self.key_encipherment {
            KeyUsage(KeyUsages::DigitalSignature | KeyUsages::KeyEncipherment)
        } else {
            KeyUsage(KeyUsages::DigitalSignature.into())
        };
        exts.push((&ku).to_extension(subject, &exts)?);
        let eku = ExtendedKeyUsage(vec![rfc5280::ID_KP_SERVER_AUTH]);
        exts.push((&eku).to_extension(subject, &exts)?);
        let san = SubjectAltName(self.alt_names.clone());
        exts.push((&san).to_extension(subject, &exts)?);
        let ski = SubjectKeyIdentifier::try_from(spk)?;
        exts.push((&ski).to_extension(subject, &exts)?);
        let aki = AuthorityKeyIdentifier {
            key_identifier: Some(SubjectKeyIdentifier::try_from(issuer_spk)?.0),
            ..Default::default()
        };
        exts.push((&aki).to_extension(subject, &exts)?);
        Ok(exts)
    }
}

/// Issue the lab PKI: a self-signed root `CN=ca_common_name, O=Handshake Lab` and a
/// server certificate `CN=server_name` for `server_name` (SAN dNSName, EKU serverAuth,
/// keyUsage digitalSignature, CA:false, AKI = the root's SKI), both ECDSA P-256 with
/// SHA-256 and both valid for `validity`.
///
/// Draws from `rng`, in order: the CA key, the server key, the CA serial, the server
/// serial. Signatures are RFC 6979 deterministic, so a seed fixes every byte.
/// `server_name` must be ASCII (an IA5String dNSName); anything the builder refuses is
/// [`CryptoError::Build`].
pub fn issue_pki(
    rng: &mut LabRng,
    ca_common_name: &str,
    server_name: &str,
    validity: Validity,
) -> Result<IssuedPki, CryptoError> {
    issue_pki_with(
        rng,
        &PkiRequest {
            ca_common_name,
            server_name,
            ca_validity: validity,
            server_validity: validity,
            server_rsa_key: None,
            extra_dns_names: &[],
            ip_addresses: &[],
        },
    )
}

impl<'a> PkiRequest<'a> {
    /// The lab's usual request: "Handshake Lab Root CA" issues an ECDSA certificate for
    /// `server_name`, both valid for `validity`.
    pub fn lab(server_name: &'a str, validity: Validity) -> Self {
        PkiRequest {
            ca_common_name: "Handshake Lab Root CA",
            server_name,
            ca_validity: validity,
            server_validity: validity,
            server_rsa_key: None,
            extra_dns_names: &[],
            ip_addresses: &[],
        }
    }
}

/// [`issue_pki`] with separate validity windows and optionally an RSA server key.
/// Draws from `rng` exactly as [`issue_pki`] does (the RSA key, if any, comes from the
/// caller), so the same seed gives the same root either way.
pub fn issue_pki_with(
    rng: &mut LabRng,
    request: &PkiRequest<'_>,
) -> Result<IssuedPki, CryptoError> {
    let PkiRequest {
        ca_common_name,
        server_name,
        ca_validity,
        server_validity,
        server_rsa_key,
        extra_dns_names,
        ip_addresses,
    } = *request;
    let ca_key = EcdsaKey::generate(rng);
    let server_key = EcdsaKey::generate(rng);
    let ca_serial = serial(rng)?;
    let server_serial = serial(rng)?;
    let window = x509_cert::time::Validity::new(
        x509_time(ca_validity.not_before)?,
        x509_time(ca_validity.not_after)?,
    );
    let server_window = x509_cert::time::Validity::new(
        x509_time(server_validity.not_before)?,
        x509_time(server_validity.not_after)?,
    );

    let ca_subject = make_name(&[
        (rfc4519::ORGANIZATION_NAME, LAB_ORGANIZATION),
        (rfc4519::COMMON_NAME, ca_common_name),
    ])?;
    let ca_spki = x509_cert::SubjectPublicKeyInfo::from_key(ca_key.signing_key().verifying_key())
        .map_err(build_err)?;
    let ca_cert = CertificateBuilder::new(
        RootProfile {
            subject: ca_subject.clone(),
        },
        ca_serial,
        window,
        ca_spki,
    )
    .map_err(build_err)?
    .build::<_, DerSignature>(ca_key.signing_key())
    .map_err(build_err)?;

    let mut alt_names = Vec::new();
    for name in std::iter::once(server_name).chain(extra_dns_names.iter().map(String::as_str)) {
        let dns_name = Ia5String::new(name)
            .map_err(|e| CryptoError::Build(format!("server name {name:?}: {e}")))?;
        alt_names.push(GeneralName::DnsName(dns_name));
    }
    for ip in ip_addresses {
        let octets = match ip {
            core::net::IpAddr::V4(v4) => v4.octets().to_vec(),
            core::net::IpAddr::V6(v6) => v6.octets().to_vec(),
        };
        alt_names.push(GeneralName::IpAddress(
            x509_cert::der::asn1::OctetString::new(octets).map_err(build_err)?,
        ));
    }
    let server_spki = match server_rsa_key {
        None => x509_cert::SubjectPublicKeyInfo::from_key(server_key.signing_key().verifying_key())
            .map_err(build_err)?,
        Some(rsa) => x509_cert::spki::SubjectPublicKeyInfoOwned::from_der(&rsa.public_spki_der()?)
            .map_err(build_err)?,
    };
    let server_cert = CertificateBuilder::new(
        ServerProfile {
            issuer: ca_subject,
            subject: make_name(&[(rfc4519::COMMON_NAME, server_name)])?,
            alt_names,
            key_encipherment: server_rsa_key.is_some(),
        },
        server_serial,
        server_window,
        server_spki,
    )
    .map_err(build_err)?
    .build::<_, DerSignature>(ca_key.signing_key())
    .map_err(build_err)?;

    Ok(IssuedPki {
        ca_cert_der: ca_cert.to_der().map_err(build_err)?,
        server_cert_der: server_cert.to_der().map_err(build_err)?,
        ca_key,
        server_key,
        server_rsa_key: server_rsa_key.cloned(),
    })
}

/// What the GUI shows about a certificate.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct CertSummary {
    /// RFC 4514-style subject, most specific first: `"CN=bank.example"`.
    pub subject: String,
    /// RFC 4514-style issuer: `"CN=Handshake Lab Root CA, O=Handshake Lab"`.
    pub issuer: String,
    /// Serial number, lowercase hex.
    pub serial_hex: String,
    /// `notBefore`, unix seconds.
    pub not_before: u64,
    /// `notAfter`, unix seconds.
    pub not_after: u64,
    /// subjectAltName dNSName entries.
    pub san_dns: Vec<String>,
    /// basicConstraints cA.
    pub is_ca: bool,
    /// keyUsage bits by RFC 5280 name: `"digitalSignature"`, `"keyCertSign"`, ...
    pub key_usage: Vec<String>,
    /// extKeyUsage purposes: `"serverAuth"`, `"clientAuth"`, or the dotted OID.
    pub extended_key_usage: Vec<String>,
    /// subjectPublicKey bits (for P-256: the 65-byte uncompressed point; for RSA:
    /// the PKCS#1 `RSAPublicKey` DER).
    pub public_key_sec1: Vec<u8>,
    /// The subjectPublicKeyInfo algorithm: `"id-ecPublicKey"` (P-256),
    /// `"id-ecPublicKey (P-384)"`, `"rsaEncryption"`, `"Ed25519"` or the dotted OID.
    /// (P-256 and RSA keep their short names: the simulated sessions print them.)
    pub public_key_algorithm: String,
    /// `"ecdsa-with-SHA256"`, `"sha384WithRSAEncryption"`, `"RSASSA-PSS"`, `"Ed25519"`,
    /// ... or the dotted OID.
    pub signature_algorithm: String,
    /// signatureValue bits (for ECDSA: the DER `Ecdsa-Sig-Value`).
    pub signature: Vec<u8>,
    /// The key with its size or curve, always: `"id-ecPublicKey (P-256)"`,
    /// `"rsaEncryption (2048 bits)"`, `"Ed25519"`. Not in JSON.
    #[serde(skip)]
    pub public_key_description: String,
    /// Every extension, in certificate order, by name. Not in JSON.
    #[serde(skip)]
    pub extensions: Vec<CertExtension>,
}

fn attr_short_name(oid: &ObjectIdentifier) -> Option<&'static str> {
    [
        (rfc4519::COMMON_NAME, "CN"),
        (rfc4519::ORGANIZATION_NAME, "O"),
        (rfc4519::ORGANIZATIONAL_UNIT_NAME, "OU"),
        (rfc4519::COUNTRY_NAME, "C"),
        (rfc4519::LOCALITY_NAME, "L"),
        (rfc4519::ST, "ST"),
        (rfc3280::EMAIL_ADDRESS, "emailAddress"),
    ]
    .iter()
    .find(|(o, _)| o == oid)
    .map(|(_, n)| *n)
}

fn attr_value(value: &Any) -> String {
    if let Ok(s) = Utf8StringRef::try_from(value) {
        return s.as_str().to_string();
    }
    if let Ok(s) = PrintableStringRef::try_from(value) {
        return s.as_str().to_string();
    }
    if let Ok(s) = Ia5StringRef::try_from(value) {
        return s.as_str().to_string();
    }
    format!("#{}", hex(&value.to_der().unwrap_or_default()))
}

/// RFC 4514-style rendering, most specific RDN first, joined by `", "`.
fn format_name(name: &Name) -> String {
    let rdns: Vec<String> = name
        .iter_rdn()
        .map(|rdn| {
            rdn.iter()
                .map(|atv| {
                    let key = attr_short_name(&atv.oid)
                        .map(str::to_string)
                        .unwrap_or_else(|| atv.oid.to_string());
                    format!("{key}={}", attr_value(&atv.value))
                })
                .collect::<Vec<_>>()
                .join("+")
        })
        .collect();
    rdns.into_iter().rev().collect::<Vec<_>>().join(", ")
}

fn signature_algorithm_name(oid: &ObjectIdentifier) -> String {
    signature_algorithm_oid_name(oid).map_or_else(|| oid.to_string(), str::to_string)
}

/// (short name, name with size or curve) of a SubjectPublicKeyInfo's key. The short
/// names of P-256 and RSA keys stay as the simulated sessions have always printed them.
fn public_key_names(spki: &x509_cert::spki::SubjectPublicKeyInfoOwned) -> (String, String) {
    use super::verify::{OID_ED25519, OID_SECP256R1, OID_SECP384R1};
    let oid = spki.algorithm.oid;
    if oid == rfc5912::ID_EC_PUBLIC_KEY {
        let curve = spki
            .algorithm
            .parameters
            .as_ref()
            .and_then(|p| p.decode_as::<ObjectIdentifier>().ok());
        match curve {
            Some(c) if c == OID_SECP256R1 => {
                ("id-ecPublicKey".into(), "id-ecPublicKey (P-256)".into())
            }
            Some(c) if c == OID_SECP384R1 => {
                let name = "id-ecPublicKey (P-384)".to_string();
                (name.clone(), name)
            }
            Some(c) => ("id-ecPublicKey".into(), format!("id-ecPublicKey ({c})")),
            None => ("id-ecPublicKey".into(), "id-ecPublicKey".into()),
        }
    } else if oid == rfc5912::RSA_ENCRYPTION {
        use rsa::pkcs1::DecodeRsaPublicKey;
        use rsa::traits::PublicKeyParts;
        let bits = spki
            .subject_public_key
            .as_bytes()
            .and_then(|der| rsa::PublicKey::from_pkcs1_der(der).ok())
            .map(|key| key.n().bit_width());
        let full = match bits {
            Some(bits) => format!("rsaEncryption ({bits} bits)"),
            None => "rsaEncryption".to_string(),
        };
        ("rsaEncryption".into(), full)
    } else if oid == OID_ED25519 {
        ("Ed25519".into(), "Ed25519".into())
    } else {
        (oid.to_string(), oid.to_string())
    }
}

fn key_usage_names(ku: &KeyUsage) -> Vec<String> {
    [
        (KeyUsages::DigitalSignature, "digitalSignature"),
        (KeyUsages::NonRepudiation, "nonRepudiation"),
        (KeyUsages::KeyEncipherment, "keyEncipherment"),
        (KeyUsages::DataEncipherment, "dataEncipherment"),
        (KeyUsages::KeyAgreement, "keyAgreement"),
        (KeyUsages::KeyCertSign, "keyCertSign"),
        (KeyUsages::CRLSign, "cRLSign"),
        (KeyUsages::EncipherOnly, "encipherOnly"),
        (KeyUsages::DecipherOnly, "decipherOnly"),
    ]
    .into_iter()
    .filter(|(flag, _)| ku.0.contains(*flag))
    .map(|(_, name)| name.to_string())
    .collect()
}

fn eku_name(oid: &ObjectIdentifier) -> String {
    if *oid == rfc5280::ID_KP_SERVER_AUTH {
        "serverAuth".into()
    } else if *oid == rfc5280::ID_KP_CLIENT_AUTH {
        "clientAuth".into()
    } else if *oid == rfc5280::ID_KP_CODE_SIGNING {
        "codeSigning".into()
    } else if *oid == rfc5280::ID_KP_EMAIL_PROTECTION {
        "emailProtection".into()
    } else if *oid == rfc5280::ID_KP_TIME_STAMPING {
        "timeStamping".into()
    } else if *oid == rfc5280::ID_KP_OCSP_SIGNING {
        "OCSPSigning".into()
    } else {
        oid.to_string()
    }
}

fn cert_err(what: &str, e: impl core::fmt::Display) -> CryptoError {
    CryptoError::Certificate(format!("{what}: {e}"))
}

fn parse_cert(der: &[u8]) -> Result<Certificate, CryptoError> {
    Certificate::from_der(der).map_err(|e| cert_err("not a DER X.509 certificate", e))
}

fn summarize(cert: &Certificate) -> Result<CertSummary, CryptoError> {
    let tbs = cert.tbs_certificate();
    let san_dns = match tbs.get_extension::<SubjectAltName>() {
        Ok(Some((_, san))) => san
            .0
            .iter()
            .filter_map(|gn| match gn {
                GeneralName::DnsName(n) => Some(n.to_string()),
                _ => None,
            })
            .collect(),
        Ok(None) => Vec::new(),
        Err(e) => return Err(cert_err("subjectAltName", e)),
    };
    let is_ca = match tbs.get_extension::<BasicConstraints>() {
        Ok(found) => found.is_some_and(|(_, bc)| bc.ca),
        Err(e) => return Err(cert_err("basicConstraints", e)),
    };
    let key_usage = match tbs.get_extension::<KeyUsage>() {
        Ok(found) => found
            .map(|(_, ku)| key_usage_names(&ku))
            .unwrap_or_default(),
        Err(e) => return Err(cert_err("keyUsage", e)),
    };
    let extended_key_usage = match tbs.get_extension::<ExtendedKeyUsage>() {
        Ok(found) => found
            .map(|(_, eku)| eku.0.iter().map(eku_name).collect())
            .unwrap_or_default(),
        Err(e) => return Err(cert_err("extKeyUsage", e)),
    };
    let (public_key_algorithm, public_key_description) =
        public_key_names(tbs.subject_public_key_info());
    Ok(CertSummary {
        subject: format_name(tbs.subject()),
        issuer: format_name(tbs.issuer()),
        serial_hex: hex(tbs.serial_number().as_bytes()),
        not_before: tbs.validity().not_before.to_unix_duration().as_secs(),
        not_after: tbs.validity().not_after.to_unix_duration().as_secs(),
        san_dns,
        is_ca,
        key_usage,
        extended_key_usage,
        public_key_sec1: tbs
            .subject_public_key_info()
            .subject_public_key
            .raw_bytes()
            .to_vec(),
        public_key_algorithm,
        signature_algorithm: signature_algorithm_name(&cert.signature_algorithm().oid),
        signature: cert.signature().raw_bytes().to_vec(),
        public_key_description,
        extensions: tbs
            .extensions()
            .map(|exts| describe_extensions(exts))
            .unwrap_or_default(),
    })
}

/// Parse a DER certificate into the fields the GUI shows.
pub fn summarize_certificate(der: &[u8]) -> Result<CertSummary, CryptoError> {
    summarize(&parse_cert(der)?)
}

/// PEM armour (RFC 7468): `-----BEGIN {label}-----`, base64 in 64-column lines (LF),
/// `-----END {label}-----` and a final newline.
pub fn pem(label: &str, der: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut b64 = String::with_capacity(der.len().div_ceil(3) * 4);
    for chunk in der.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                b64.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                b64.push('=');
            }
        }
    }
    let mut out = format!("-----BEGIN {label}-----\n");
    let bytes = b64.as_bytes();
    for line in bytes.chunks(64) {
        out.push_str(&String::from_utf8_lossy(line));
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}

#[cfg(test)]
#[path = "pki_test.rs"]
mod tests;

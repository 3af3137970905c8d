//! The lab PKI: a root CA and a server certificate built with `x509-cert`, their
//! summaries for display, and the client's chain check (RFC 5280 profile, simplified to
//! a leaf issued directly by a trusted root).
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
use super::sign::{EcdsaKey, verify_ecdsa_p256_sha256};
use super::{CryptoError, LabRng, hex};
use crate::text;
use crate::text::Text;

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
    pub ip_addresses: &'a [std::net::IpAddr],
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
            std::net::IpAddr::V4(v4) => v4.octets().to_vec(),
            std::net::IpAddr::V6(v6) => v6.octets().to_vec(),
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
    /// The subjectPublicKeyInfo algorithm: `"id-ecPublicKey"`, `"rsaEncryption"` or
    /// the dotted OID.
    pub public_key_algorithm: String,
    /// `"ecdsa-with-SHA256"` or the dotted OID.
    pub signature_algorithm: String,
    /// signatureValue bits (for ECDSA: the DER `Ecdsa-Sig-Value`).
    pub signature: Vec<u8>,
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
    if *oid == rfc5912::ECDSA_WITH_SHA_256 {
        "ecdsa-with-SHA256".into()
    } else if *oid == rfc5912::SHA_256_WITH_RSA_ENCRYPTION {
        "sha256WithRSAEncryption".into()
    } else {
        oid.to_string()
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
        public_key_algorithm: {
            let oid = tbs.subject_public_key_info().algorithm.oid;
            if oid == rfc5912::ID_EC_PUBLIC_KEY {
                "id-ecPublicKey".into()
            } else if oid == rfc5912::RSA_ENCRYPTION {
                "rsaEncryption".into()
            } else {
                oid.to_string()
            }
        },
        signature_algorithm: signature_algorithm_name(&cert.signature_algorithm().oid),
        signature: cert.signature().raw_bytes().to_vec(),
    })
}

/// Parse a DER certificate into the fields the GUI shows.
pub fn summarize_certificate(der: &[u8]) -> Result<CertSummary, CryptoError> {
    summarize(&parse_cert(der)?)
}

/// The checks of [`verify_server_chain`], in the order they run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChainCheckName {
    /// Both certificates parse.
    Parse,
    /// The leaf's issuer is the trusted root.
    Issuer,
    /// The root's signature over the leaf verifies.
    Signature,
    /// The root may act as a CA.
    Ca,
    /// The leaf is issued for the name the browser visits.
    Hostname,
    /// Both are valid now.
    Validity,
    /// The leaf may authenticate a TLS server.
    KeyUsage,
}

impl ChainCheckName {
    /// Every chain check, in the order they run.
    pub const ALL: [ChainCheckName; 7] = [
        ChainCheckName::Parse,
        ChainCheckName::Issuer,
        ChainCheckName::Signature,
        ChainCheckName::Ca,
        ChainCheckName::Hostname,
        ChainCheckName::Validity,
        ChainCheckName::KeyUsage,
    ];

    /// The stable name lessons and `trace` use: "parse", "issuer", "signature", "ca",
    /// "hostname", "validity", "key_usage".
    pub fn name(self) -> &'static str {
        match self {
            ChainCheckName::Parse => "parse",
            ChainCheckName::Issuer => "issuer",
            ChainCheckName::Signature => "signature",
            ChainCheckName::Ca => "ca",
            ChainCheckName::Hostname => "hostname",
            ChainCheckName::Validity => "validity",
            ChainCheckName::KeyUsage => "key_usage",
        }
    }
}

impl serde::Serialize for ChainCheckName {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

/// One check of [`verify_server_chain`], with its outcome and a one-line reason.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ChainCheck {
    /// Which check.
    pub check: ChainCheckName,
    /// Whether it passed.
    pub passed: bool,
    /// One plain line: why it passed or failed (a message of
    /// `assets/i18n/core/session.*.ftl`).
    pub detail: Text,
}

/// Why a chain was refused; `tls` maps these to alerts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum ChainFailure {
    /// The issuer is not the trusted root, or the root cannot act as a CA (-> `unknown_ca`).
    UnknownCa,
    /// Unparsable, bad signature, wrong name or wrong key usage (-> `bad_certificate`).
    BadCertificate,
    /// Outside its validity window at the simulated time (-> `certificate_expired`).
    CertificateExpired,
}

/// The outcome of [`verify_server_chain`].
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ChainVerdict {
    /// Every check, in order, passed or not.
    pub checks: Vec<ChainCheck>,
    /// The leaf's public key (SEC1) whenever the leaf parsed, even if a check failed:
    /// the caller must only trust it when `failure` is `None`.
    pub server_public_key: Option<Vec<u8>>,
    /// The first failing check, mapped; `None` = the chain is accepted.
    pub failure: Option<ChainFailure>,
}

impl ChainVerdict {
    /// True when every check passed.
    pub fn is_ok(&self) -> bool {
        self.failure.is_none()
    }
}

/// Slice the exact `tbsCertificate` TLV out of a certificate's DER (what the issuer signed).
fn tbs_bytes(der: &[u8]) -> Option<&[u8]> {
    fn header(buf: &[u8]) -> Option<(usize, usize)> {
        // Returns (header length, content length) of a SEQUENCE TLV.
        if *buf.first()? != 0x30 {
            return None;
        }
        let first = usize::from(*buf.get(1)?);
        if first < 0x80 {
            return Some((2, first));
        }
        let n = first & 0x7f;
        if n == 0 || n > 4 {
            return None;
        }
        let mut len = 0usize;
        for i in 0..n {
            len = (len << 8) | usize::from(*buf.get(2 + i)?);
        }
        Some((2 + n, len))
    }
    let (outer_h, _) = header(der)?;
    let inner = der.get(outer_h..)?;
    let (h, len) = header(inner)?;
    inner.get(..h.checked_add(len)?)
}

fn time_text(unix: u64) -> String {
    match DateTime::from_unix_duration(Duration::from_secs(unix)) {
        Ok(dt) => format!("{dt}"),
        Err(_) => format!("{unix}"),
    }
}

struct Outcome {
    check: ChainCheck,
    failure: ChainFailure,
}

fn outcome(check: ChainCheckName, result: Result<Text, Text>, failure: ChainFailure) -> Outcome {
    let (passed, detail) = match result {
        Ok(d) => (true, d),
        Err(d) => (false, d),
    };
    Outcome {
        check: ChainCheck {
            check,
            passed,
            detail,
        },
        failure,
    }
}

/// The client's certificate check: the leaf (first of `chain`) must be issued and
/// signed by `trusted_root_der`, which must be a CA; its SAN dNSName must equal
/// `server_name` (ASCII case-insensitive, no wildcards); it and the root must be valid
/// at `now_unix`; its key usage must allow TLS server authentication.
///
/// Every check runs and is reported (checks that cannot run because something did not
/// parse are reported as failed with "not checked"); `failure` is the first failing
/// check, mapped: issuer/ca -> `UnknownCa`; parse/signature/hostname/key_usage ->
/// `BadCertificate`; validity -> `CertificateExpired`. Extra certificates after the leaf
/// are ignored (the lab root issues the server certificate directly).
pub fn verify_server_chain(
    chain: &[Vec<u8>],
    trusted_root_der: &[u8],
    server_name: &str,
    now_unix: u64,
) -> ChainVerdict {
    let leaf = match chain.first() {
        Some(der) => parse_cert(der).and_then(|c| summarize(&c).map(|s| (c, s))),
        None => Err(CryptoError::Certificate(
            "the server sent no certificate".into(),
        )),
    };
    let root = parse_cert(trusted_root_der).and_then(|c| summarize(&c).map(|s| (c, s)));

    let mut outcomes = Vec::new();
    let (leaf, root) = match (leaf, root) {
        (Ok(l), Ok(r)) => {
            let extra = chain.len().saturating_sub(1);
            let detail = if extra > 0 {
                text!(
                    "check-parse-pass-extra",
                    leaf = &l.1.subject,
                    root = &r.1.subject,
                    extra = extra
                )
            } else {
                text!("check-parse-pass", leaf = &l.1.subject, root = &r.1.subject)
            };
            outcomes.push(outcome(
                ChainCheckName::Parse,
                Ok(detail),
                ChainFailure::BadCertificate,
            ));
            (l, r)
        }
        (leaf, root) => {
            let server_public_key = leaf.as_ref().ok().map(|(_, s)| s.public_key_sec1.clone());
            let (detail, failure) = match (leaf, root) {
                (Err(e), _) => (
                    text!("check-parse-leaf-fail", error = e.to_string()),
                    ChainFailure::BadCertificate,
                ),
                (_, Err(e)) => (
                    text!("check-parse-root-fail", error = e.to_string()),
                    ChainFailure::UnknownCa,
                ),
                _ => (Text::from(""), ChainFailure::BadCertificate),
            };
            let mut checks = vec![ChainCheck {
                check: ChainCheckName::Parse,
                passed: false,
                detail,
            }];
            for name in &ChainCheckName::ALL[1..] {
                checks.push(ChainCheck {
                    check: *name,
                    passed: false,
                    detail: Text::message("check-not-checked"),
                });
            }
            return ChainVerdict {
                checks,
                server_public_key,
                failure: Some(failure),
            };
        }
    };
    let ((leaf_cert, leaf_sum), (root_cert, root_sum)) = (leaf, root);
    let leaf_tbs = leaf_cert.tbs_certificate();
    let root_tbs = root_cert.tbs_certificate();

    // issuer
    let same_issuer = match (leaf_tbs.issuer().to_der(), root_tbs.subject().to_der()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    outcomes.push(outcome(
        ChainCheckName::Issuer,
        if same_issuer {
            Ok(text!("check-issuer-pass", root = &root_sum.subject))
        } else {
            Err(text!(
                "check-issuer-fail",
                issuer = &leaf_sum.issuer,
                root = &root_sum.subject
            ))
        },
        ChainFailure::UnknownCa,
    ));

    // signature
    let sig_result = if leaf_cert.signature_algorithm().oid != rfc5912::ECDSA_WITH_SHA_256 {
        Err(text!(
            "check-signature-algorithm",
            algorithm = &leaf_sum.signature_algorithm
        ))
    } else if leaf_tbs.signature().oid != leaf_cert.signature_algorithm().oid {
        Err(Text::message("check-signature-algorithm-mismatch"))
    } else {
        match chain.first().and_then(|der| tbs_bytes(der)) {
            None => Err(Text::message("check-signature-no-tbs")),
            Some(tbs) => {
                match verify_ecdsa_p256_sha256(&root_sum.public_key_sec1, tbs, &leaf_sum.signature)
                {
                    Ok(()) => Ok(Text::message("check-signature-pass")),
                    Err(_) => Err(Text::message("check-signature-fail")),
                }
            }
        }
    };
    outcomes.push(outcome(
        ChainCheckName::Signature,
        sig_result,
        ChainFailure::BadCertificate,
    ));

    // ca
    let ca_result = if !root_sum.is_ca {
        Err(text!("check-ca-not-ca", root = &root_sum.subject))
    } else if !root_sum.key_usage.is_empty()
        && !root_sum.key_usage.iter().any(|k| k == "keyCertSign")
    {
        Err(Text::message("check-ca-no-cert-sign"))
    } else {
        Ok(Text::message("check-ca-pass"))
    };
    outcomes.push(outcome(
        ChainCheckName::Ca,
        ca_result,
        ChainFailure::UnknownCa,
    ));

    // hostname
    let wanted = server_name.trim_end_matches('.');
    let host_result = if leaf_sum.san_dns.is_empty() {
        Err(Text::message("check-hostname-no-san"))
    } else if leaf_sum
        .san_dns
        .iter()
        .any(|n| n.trim_end_matches('.').eq_ignore_ascii_case(wanted))
    {
        Ok(text!("check-hostname-pass", name = server_name))
    } else {
        Err(text!(
            "check-hostname-fail",
            names = leaf_sum.san_dns.join(", "),
            name = server_name
        ))
    };
    outcomes.push(outcome(
        ChainCheckName::Hostname,
        host_result,
        ChainFailure::BadCertificate,
    ));

    // validity
    let validity_result = if now_unix < leaf_sum.not_before {
        Err(text!(
            "check-validity-not-yet",
            from = time_text(leaf_sum.not_before),
            now = time_text(now_unix)
        ))
    } else if now_unix > leaf_sum.not_after {
        Err(text!(
            "check-validity-expired",
            to = time_text(leaf_sum.not_after),
            now = time_text(now_unix)
        ))
    } else if now_unix < root_sum.not_before || now_unix > root_sum.not_after {
        Err(text!(
            "check-validity-root",
            from = time_text(root_sum.not_before),
            to = time_text(root_sum.not_after),
            now = time_text(now_unix)
        ))
    } else {
        Ok(text!(
            "check-validity-pass",
            from = time_text(leaf_sum.not_before),
            to = time_text(leaf_sum.not_after),
            now = time_text(now_unix)
        ))
    };
    outcomes.push(outcome(
        ChainCheckName::Validity,
        validity_result,
        ChainFailure::CertificateExpired,
    ));

    // key_usage
    let ku_ok =
        leaf_sum.key_usage.is_empty() || leaf_sum.key_usage.iter().any(|k| k == "digitalSignature");
    let eku_ok = leaf_sum.extended_key_usage.is_empty()
        || leaf_sum
            .extended_key_usage
            .iter()
            .any(|k| k == "serverAuth");
    let ku_result = match (ku_ok, eku_ok) {
        (true, true) => Ok(Text::message("check-key-usage-pass")),
        (false, _) => Err(Text::message("check-key-usage-no-digital-signature")),
        (_, false) => Err(Text::message("check-key-usage-no-server-auth")),
    };
    outcomes.push(outcome(
        ChainCheckName::KeyUsage,
        ku_result,
        ChainFailure::BadCertificate,
    ));

    let failure = outcomes.iter().find(|o| !o.check.passed).map(|o| o.failure);
    ChainVerdict {
        checks: outcomes.into_iter().map(|o| o.check).collect(),
        server_public_key: Some(leaf_sum.public_key_sec1),
        failure,
    }
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
mod tests {
    use super::*;

    const NOW: u64 = 1_767_225_600; // 2026-01-01T00:00:00Z
    const DAY: u64 = 86_400;

    fn validity() -> Validity {
        Validity {
            not_before: NOW - DAY,
            not_after: NOW + 365 * DAY,
        }
    }

    fn lab(seed: u64, name: &str) -> IssuedPki {
        issue_pki(
            &mut LabRng::from_seed(seed),
            "Handshake Lab Root CA",
            name,
            validity(),
        )
        .unwrap()
    }

    fn verdict(pki: &IssuedPki, name: &str, now: u64) -> ChainVerdict {
        verify_server_chain(
            std::slice::from_ref(&pki.server_cert_der),
            &pki.ca_cert_der,
            name,
            now,
        )
    }

    #[test]
    fn summaries_show_the_profile() {
        let pki = lab(1, "bank.example");
        let ca = summarize_certificate(&pki.ca_cert_der).unwrap();
        assert_eq!(ca.subject, "CN=Handshake Lab Root CA, O=Handshake Lab");
        assert_eq!(ca.issuer, ca.subject);
        assert!(ca.is_ca);
        assert_eq!(ca.key_usage, ["keyCertSign", "cRLSign"]);
        assert_eq!(ca.signature_algorithm, "ecdsa-with-SHA256");
        assert_eq!(ca.public_key_sec1, pki.ca_key.public_sec1());
        assert_eq!(ca.not_before, NOW - DAY);
        assert_eq!(ca.not_after, NOW + 365 * DAY);
        assert_eq!(ca.serial_hex.len(), 32);

        let srv = summarize_certificate(&pki.server_cert_der).unwrap();
        assert_eq!(srv.subject, "CN=bank.example");
        assert_eq!(srv.issuer, "CN=Handshake Lab Root CA, O=Handshake Lab");
        assert_eq!(srv.san_dns, ["bank.example"]);
        assert!(!srv.is_ca);
        assert_eq!(srv.key_usage, ["digitalSignature"]);
        assert_eq!(srv.extended_key_usage, ["serverAuth"]);
        assert_eq!(srv.public_key_sec1, pki.server_key.public_sec1());
        assert_ne!(srv.serial_hex, ca.serial_hex);
    }

    #[test]
    fn der_details_rustls_cares_about() {
        let pki = lab(1, "bank.example");
        for der in [&pki.ca_cert_der, &pki.server_cert_der] {
            let cert = Certificate::from_der(der).unwrap();
            let tbs = cert.tbs_certificate();
            assert_eq!(tbs.version(), x509_cert::Version::V3);
            assert_eq!(cert.signature_algorithm().oid, rfc5912::ECDSA_WITH_SHA_256);
            assert!(
                cert.signature_algorithm().parameters.is_none(),
                "absent, not NULL"
            );
            assert_eq!(tbs.signature(), cert.signature_algorithm());
            // Years before 2050 must be UTCTime (RFC 5280 §4.1.2.5).
            assert!(matches!(tbs.validity().not_before, Time::UtcTime(_)));
            // The serial is positive and at most 20 bytes.
            let serial = tbs.serial_number().as_bytes();
            assert!(serial.len() <= 20 && serial[0] & 0x80 == 0);
        }
        let ca = Certificate::from_der(&pki.ca_cert_der).unwrap();
        let (critical, bc) = ca
            .tbs_certificate()
            .get_extension::<BasicConstraints>()
            .unwrap()
            .unwrap();
        assert!(critical && bc.ca);
        let (critical, _) = ca
            .tbs_certificate()
            .get_extension::<KeyUsage>()
            .unwrap()
            .unwrap();
        assert!(critical);
        let ski = ca
            .tbs_certificate()
            .get_extension::<SubjectKeyIdentifier>()
            .unwrap()
            .unwrap()
            .1;
        let srv = Certificate::from_der(&pki.server_cert_der).unwrap();
        let aki = srv
            .tbs_certificate()
            .get_extension::<AuthorityKeyIdentifier>()
            .unwrap()
            .unwrap()
            .1;
        assert_eq!(aki.key_identifier, Some(ski.0));
    }

    #[test]
    fn pki_is_deterministic_per_seed() {
        let a = lab(9, "bank.example");
        let b = lab(9, "bank.example");
        assert_eq!(a.ca_cert_der, b.ca_cert_der);
        assert_eq!(a.server_cert_der, b.server_cert_der);
        assert_eq!(a.server_key.private_bytes(), b.server_key.private_bytes());
        let c = lab(10, "bank.example");
        assert_ne!(a.ca_cert_der, c.ca_cert_der);
    }

    #[test]
    fn good_chain_passes_every_check() {
        let pki = lab(1, "bank.example");
        let v = verdict(&pki, "BANK.example", NOW);
        let names: Vec<&str> = v.checks.iter().map(|c| c.check.name()).collect();
        assert_eq!(
            names,
            [
                "parse",
                "issuer",
                "signature",
                "ca",
                "hostname",
                "validity",
                "key_usage"
            ]
        );
        assert!(v.checks.iter().all(|c| c.passed), "{:#?}", v.checks);
        assert_eq!(v.failure, None);
        assert!(v.is_ok());
        assert_eq!(v.server_public_key, Some(pki.server_key.public_sec1()));
    }

    #[test]
    fn wrong_host_is_bad_certificate() {
        let pki = lab(1, "bank.example");
        let v = verdict(&pki, "evil.example", NOW);
        assert_eq!(v.failure, Some(ChainFailure::BadCertificate));
        let host = v
            .checks
            .iter()
            .find(|c| c.check == ChainCheckName::Hostname)
            .unwrap();
        assert!(!host.passed);
        assert!(host.detail.to_string().contains("bank.example"));
        assert!(
            v.checks
                .iter()
                .filter(|c| c.check != ChainCheckName::Hostname)
                .all(|c| c.passed)
        );
    }

    #[test]
    fn outside_validity_is_expired() {
        let pki = lab(1, "bank.example");
        let v = verdict(&pki, "bank.example", NOW + 400 * DAY);
        assert_eq!(v.failure, Some(ChainFailure::CertificateExpired));
        let v = verdict(&pki, "bank.example", NOW - 2 * DAY);
        assert_eq!(v.failure, Some(ChainFailure::CertificateExpired));
        assert!(
            v.checks
                .iter()
                .any(|c| c.detail.to_string().contains("not valid before"))
        );
        // Boundaries are inclusive.
        assert!(verdict(&pki, "bank.example", NOW - DAY).is_ok());
        assert!(verdict(&pki, "bank.example", NOW + 365 * DAY).is_ok());
    }

    #[test]
    fn other_ca_is_unknown_ca() {
        // A man in the middle with his own "Handshake Lab Root CA" (same name, other key):
        // the name matches but the signature does not.
        let real = lab(1, "bank.example");
        let mitm = lab(2, "bank.example");
        let v = verify_server_chain(
            std::slice::from_ref(&mitm.server_cert_der),
            &real.ca_cert_der,
            "bank.example",
            NOW,
        );
        assert_eq!(v.failure, Some(ChainFailure::BadCertificate));
        let sig = v
            .checks
            .iter()
            .find(|c| c.check == ChainCheckName::Signature)
            .unwrap();
        assert!(!sig.passed);
        // A differently named CA fails the issuer check first.
        let other = issue_pki(
            &mut LabRng::from_seed(3),
            "Mallory CA",
            "bank.example",
            validity(),
        )
        .unwrap();
        let v = verify_server_chain(
            std::slice::from_ref(&other.server_cert_der),
            &real.ca_cert_der,
            "bank.example",
            NOW,
        );
        assert_eq!(v.failure, Some(ChainFailure::UnknownCa));
        assert!(!v.checks[1].passed);
        assert_eq!(v.checks.len(), 7);
    }

    #[test]
    fn tampered_or_garbage_certificates() {
        let pki = lab(1, "bank.example");
        // Flip a byte inside the signed part (in the subject CN).
        let mut bad = pki.server_cert_der.clone();
        let pos = bad.windows(12).position(|w| w == b"bank.example").unwrap();
        bad[pos] = b'B';
        let v = verify_server_chain(&[bad], &pki.ca_cert_der, "bank.example", NOW);
        assert_eq!(v.failure, Some(ChainFailure::BadCertificate));
        // Garbage, empty chain, truncated.
        let v = verify_server_chain(&[vec![1, 2, 3]], &pki.ca_cert_der, "bank.example", NOW);
        assert_eq!(v.failure, Some(ChainFailure::BadCertificate));
        assert_eq!(v.checks.len(), 7);
        assert!(v.checks.iter().all(|c| !c.passed));
        assert_eq!(v.server_public_key, None);
        let v = verify_server_chain(&[], &pki.ca_cert_der, "bank.example", NOW);
        assert_eq!(v.failure, Some(ChainFailure::BadCertificate));
        let half = pki.server_cert_der[..pki.server_cert_der.len() / 2].to_vec();
        let v = verify_server_chain(&[half], &pki.ca_cert_der, "bank.example", NOW);
        assert_eq!(v.failure, Some(ChainFailure::BadCertificate));
        assert!(summarize_certificate(&[0x30, 0x03, 1, 2, 3]).is_err());
        assert!(tbs_bytes(&[0x30, 0x85, 1, 1, 1, 1, 1]).is_none());
        assert!(tbs_bytes(&[]).is_none());
    }

    #[test]
    fn leaf_as_root_is_not_a_ca() {
        // Trusting the server's own certificate as a root: issuer and CA checks fail.
        let pki = lab(1, "bank.example");
        let v = verify_server_chain(
            std::slice::from_ref(&pki.server_cert_der),
            &pki.server_cert_der,
            "bank.example",
            NOW,
        );
        assert_eq!(v.failure, Some(ChainFailure::UnknownCa));
        let ca = v
            .checks
            .iter()
            .find(|c| c.check == ChainCheckName::Ca)
            .unwrap();
        assert!(!ca.passed);
    }

    #[test]
    fn bad_inputs_are_build_errors() {
        let mut rng = LabRng::from_seed(1);
        assert!(matches!(
            issue_pki(&mut rng, "CA", "bänk.example", validity()),
            Err(CryptoError::Build(_))
        ));
        assert!(matches!(
            issue_pki(
                &mut rng,
                "CA",
                "bank.example",
                Validity {
                    not_before: 0,
                    not_after: u64::MAX
                }
            ),
            Err(CryptoError::Build(_))
        ));
    }

    /// rustls (webpki, ring provider) must accept our chain as a real one.
    #[test]
    fn rustls_webpki_accepts_the_chain() {
        use rustls::client::WebPkiServerVerifier;
        use rustls::client::danger::ServerCertVerifier;
        use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
        use std::sync::Arc;

        let pki = lab(1, "bank.example");
        let mut roots = rustls::RootCertStore::empty();
        roots
            .add(CertificateDer::from(pki.ca_cert_der.clone()))
            .unwrap();
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let verifier = WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider)
            .build()
            .unwrap();
        let leaf = CertificateDer::from(pki.server_cert_der.clone());
        let at = |t: u64| UnixTime::since_unix_epoch(Duration::from_secs(t));
        let name = ServerName::try_from("bank.example").unwrap();

        let ok = verifier.verify_server_cert(&leaf, &[], &name, &[], at(NOW));
        assert!(ok.is_ok(), "rustls rejected our chain: {ok:?}");

        let other = ServerName::try_from("evil.example").unwrap();
        let err = verifier
            .verify_server_cert(&leaf, &[], &other, &[], at(NOW))
            .unwrap_err();
        assert!(format!("{err:?}").contains("NotValidForName"), "{err:?}");

        let err = verifier
            .verify_server_cert(&leaf, &[], &name, &[], at(NOW + 400 * DAY))
            .unwrap_err();
        assert!(format!("{err:?}").contains("Expired"), "{err:?}");

        let err = verifier
            .verify_server_cert(&leaf, &[], &name, &[], at(NOW - 2 * DAY))
            .unwrap_err();
        assert!(format!("{err:?}").contains("NotValidYet"), "{err:?}");

        // An impostor CA with the same name: webpki finds the root by name, then the
        // signature fails (our check says the same: "signature").
        let mitm = lab(2, "bank.example");
        let err = verifier
            .verify_server_cert(
                &CertificateDer::from(mitm.server_cert_der.clone()),
                &[],
                &name,
                &[],
                at(NOW),
            )
            .unwrap_err();
        assert!(format!("{err:?}").contains("BadSignature"), "{err:?}");

        // A differently named CA is an unknown issuer (our "issuer" check -> unknown_ca).
        let other = issue_pki(
            &mut LabRng::from_seed(3),
            "Mallory CA",
            "bank.example",
            validity(),
        )
        .unwrap();
        let err = verifier
            .verify_server_cert(
                &CertificateDer::from(other.server_cert_der.clone()),
                &[],
                &name,
                &[],
                at(NOW),
            )
            .unwrap_err();
        assert!(format!("{err:?}").contains("UnknownIssuer"), "{err:?}");
    }

    #[test]
    fn pem_base64_padding() {
        assert_eq!(pem("X", b""), "-----BEGIN X-----\n-----END X-----\n");
        assert_eq!(pem("X", b"f"), "-----BEGIN X-----\nZg==\n-----END X-----\n");
        assert_eq!(
            pem("X", b"fo"),
            "-----BEGIN X-----\nZm8=\n-----END X-----\n"
        );
        assert_eq!(
            pem("X", b"foo"),
            "-----BEGIN X-----\nZm9v\n-----END X-----\n"
        );
        let long = pem("X", &[0u8; 60]);
        let lines: Vec<&str> = long.lines().collect();
        assert_eq!(lines[1].len(), 64);
        assert_eq!(lines[2].len(), 16);
    }
}

//! A certificate's extensions by name, for the certificate view: each with its OID,
//! a short name when known, the critical flag and one readable line (RFC 5280 §4.2,
//! RFC 6962 §3.3 for signed certificate timestamps). An extension that does not decode
//! shows its bytes as hex, never an error: the view shows what is there.

use x509_cert::der::Decode;
use x509_cert::der::oid::ObjectIdentifier;
use x509_cert::ext::Extension;
use x509_cert::ext::pkix::name::{DistributionPointName, GeneralName};
use x509_cert::ext::pkix::{
    AuthorityInfoAccessSyntax, AuthorityKeyIdentifier, BasicConstraints, CertificatePolicies,
    CrlDistributionPoints, ExtendedKeyUsage, KeyUsage, NameConstraints, SubjectAltName,
    SubjectKeyIdentifier,
};

use super::chain::time_text;
use super::{eku_name, format_name, key_usage_names};
use crate::crypto::hex;

/// One extension of a certificate, as the certificate view lists it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct CertExtension {
    /// The extension's OID, dotted: `"2.5.29.17"`.
    pub oid: String,
    /// Its short name when known: `"subjectAltName"`.
    pub name: Option<&'static str>,
    /// Whether it is marked critical.
    pub critical: bool,
    /// One readable line: `"DNS:bank.example, IP:127.0.0.1"`, or the value as hex.
    pub value: String,
}

const KNOWN: [(&str, &str); 11] = [
    ("2.5.29.17", "subjectAltName"),
    ("2.5.29.19", "basicConstraints"),
    ("2.5.29.15", "keyUsage"),
    ("2.5.29.37", "extKeyUsage"),
    ("2.5.29.14", "subjectKeyIdentifier"),
    ("2.5.29.35", "authorityKeyIdentifier"),
    ("1.3.6.1.5.5.7.1.1", "authorityInfoAccess"),
    ("2.5.29.32", "certificatePolicies"),
    ("2.5.29.31", "cRLDistributionPoints"),
    ("1.3.6.1.4.1.11129.2.4.2", "signedCertificateTimestampList"),
    ("2.5.29.30", "nameConstraints"),
];

/// Policies with a well-known meaning (CA/Browser Forum Baseline Requirements §7.1.6.1).
fn policy_name(oid: &str) -> Option<&'static str> {
    match oid {
        "2.23.140.1.2.1" => Some("CA/B Forum domain validated"),
        "2.23.140.1.2.2" => Some("CA/B Forum organization validated"),
        "2.23.140.1.2.3" => Some("CA/B Forum individual validated"),
        "2.23.140.1.1" => Some("CA/B Forum extended validation"),
        "2.5.29.32.0" => Some("anyPolicy"),
        _ => None,
    }
}

/// Colon-separated uppercase hex, as certificate viewers show key identifiers.
fn colon_hex(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect::<Vec<_>>()
        .join(":")
}

fn general_name_text(name: &GeneralName) -> String {
    match name {
        GeneralName::DnsName(n) => format!("DNS:{n}"),
        GeneralName::IpAddress(octets) => {
            let bytes = octets.as_bytes();
            if let Ok(v4) = <[u8; 4]>::try_from(bytes) {
                format!("IP:{}", core::net::Ipv4Addr::from(v4))
            } else if let Ok(v6) = <[u8; 16]>::try_from(bytes) {
                format!("IP:{}", core::net::Ipv6Addr::from(v6))
            } else {
                // Name constraints carry an address and a mask.
                format!("IP:{}", hex(bytes))
            }
        }
        GeneralName::Rfc822Name(n) => format!("email:{n}"),
        GeneralName::UniformResourceIdentifier(n) => format!("URI:{n}"),
        GeneralName::DirectoryName(n) => format!("DirName:{}", format_name(n)),
        GeneralName::RegisteredId(oid) => format!("RID:{oid}"),
        GeneralName::OtherName(other) => format!("othername:{}", other.type_id),
        GeneralName::EdiPartyName(_) => "EdiPartyName".to_string(),
    }
}

fn uri_of(name: &GeneralName) -> Option<String> {
    match name {
        GeneralName::UniformResourceIdentifier(uri) => Some(uri.to_string()),
        _ => None,
    }
}

/// RFC 6962 §3.3: the extension's OCTET STRING holds a TLS-encoded
/// `SignedCertificateTimestampList` (u16 length, then u16-length-prefixed SCTs, each
/// version u8, log id [32], timestamp u64 milliseconds, ...).
fn sct_list_text(value: &[u8]) -> Option<String> {
    let inner = x509_cert::der::asn1::OctetString::from_der(value).ok()?;
    let bytes = inner.as_bytes();
    let total = usize::from(u16::from_be_bytes([*bytes.first()?, *bytes.get(1)?]));
    let mut list = bytes.get(2..2 + total)?;
    let mut scts = Vec::new();
    while !list.is_empty() {
        let len = usize::from(u16::from_be_bytes([*list.first()?, *list.get(1)?]));
        let sct = list.get(2..2 + len)?;
        list = list.get(2 + len..)?;
        let log_id = sct.get(1..33)?;
        let millis = u64::from_be_bytes(sct.get(33..41)?.try_into().ok()?);
        scts.push(format!(
            "log {}… at {}",
            hex(log_id.get(..8)?),
            time_text(millis / 1000)
        ));
    }
    Some(format!("{} SCT(s): {}", scts.len(), scts.join("; ")))
}

fn value_text(oid: &ObjectIdentifier, value: &[u8]) -> Option<String> {
    let text = match oid.to_string().as_str() {
        "2.5.29.17" => SubjectAltName::from_der(value)
            .ok()?
            .0
            .iter()
            .map(general_name_text)
            .collect::<Vec<_>>()
            .join(", "),
        "2.5.29.19" => {
            let bc = BasicConstraints::from_der(value).ok()?;
            match (bc.ca, bc.path_len_constraint) {
                (true, Some(len)) => format!("CA:true, pathlen:{len}"),
                (true, None) => "CA:true".to_string(),
                (false, _) => "CA:false".to_string(),
            }
        }
        "2.5.29.15" => key_usage_names(&KeyUsage::from_der(value).ok()?).join(", "),
        "2.5.29.37" => ExtendedKeyUsage::from_der(value)
            .ok()?
            .0
            .iter()
            .map(eku_name)
            .collect::<Vec<_>>()
            .join(", "),
        "2.5.29.14" => colon_hex(SubjectKeyIdentifier::from_der(value).ok()?.0.as_bytes()),
        "2.5.29.35" => {
            let aki = AuthorityKeyIdentifier::from_der(value).ok()?;
            let mut parts = Vec::new();
            if let Some(id) = &aki.key_identifier {
                parts.push(format!("keyid:{}", colon_hex(id.as_bytes())));
            }
            if let Some(names) = &aki.authority_cert_issuer {
                parts.extend(names.iter().map(general_name_text));
            }
            if let Some(serial) = &aki.authority_cert_serial_number {
                parts.push(format!("serial:{}", hex(serial.as_bytes())));
            }
            parts.join(", ")
        }
        "1.3.6.1.5.5.7.1.1" => AuthorityInfoAccessSyntax::from_der(value)
            .ok()?
            .0
            .iter()
            .map(|access| {
                let method = match access.access_method.to_string().as_str() {
                    "1.3.6.1.5.5.7.48.1" => "OCSP".to_string(),
                    "1.3.6.1.5.5.7.48.2" => "caIssuers".to_string(),
                    other => other.to_string(),
                };
                let location = uri_of(&access.access_location)
                    .unwrap_or_else(|| general_name_text(&access.access_location));
                format!("{method}: {location}")
            })
            .collect::<Vec<_>>()
            .join(", "),
        "2.5.29.32" => CertificatePolicies::from_der(value)
            .ok()?
            .0
            .iter()
            .map(|policy| {
                let oid = policy.policy_identifier.to_string();
                match policy_name(&oid) {
                    Some(name) => format!("{oid} ({name})"),
                    None => oid,
                }
            })
            .collect::<Vec<_>>()
            .join(", "),
        "2.5.29.31" => CrlDistributionPoints::from_der(value)
            .ok()?
            .0
            .iter()
            .flat_map(|point| match &point.distribution_point {
                Some(DistributionPointName::FullName(names)) => names
                    .iter()
                    .map(|n| uri_of(n).unwrap_or_else(|| general_name_text(n)))
                    .collect(),
                Some(DistributionPointName::NameRelativeToCRLIssuer(_)) => {
                    vec!["(relative to the CRL issuer)".to_string()]
                }
                None => Vec::new(),
            })
            .collect::<Vec<_>>()
            .join(", "),
        "1.3.6.1.4.1.11129.2.4.2" => sct_list_text(value)?,
        "2.5.29.30" => {
            let nc = NameConstraints::from_der(value).ok()?;
            let subtrees =
                |trees: &Option<Vec<x509_cert::ext::pkix::constraints::name::GeneralSubtree>>| {
                    trees
                        .iter()
                        .flatten()
                        .map(|t| general_name_text(&t.base))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
            let mut parts = Vec::new();
            if nc.permitted_subtrees.is_some() {
                parts.push(format!("permitted: {}", subtrees(&nc.permitted_subtrees)));
            }
            if nc.excluded_subtrees.is_some() {
                parts.push(format!("excluded: {}", subtrees(&nc.excluded_subtrees)));
            }
            parts.join("; ")
        }
        _ => return None,
    };
    Some(text)
}

/// Every extension of a certificate, in certificate order.
pub(super) fn describe_extensions(extensions: &[Extension]) -> Vec<CertExtension> {
    extensions
        .iter()
        .map(|ext| {
            let oid = ext.extn_id.to_string();
            let value_bytes = ext.extn_value.as_bytes();
            let name = KNOWN.iter().find(|(o, _)| *o == oid).map(|(_, n)| *n);
            let value = value_text(&ext.extn_id, value_bytes).unwrap_or_else(|| hex(value_bytes));
            CertExtension {
                oid,
                name,
                critical: ext.critical,
                value,
            }
        })
        .collect()
}

#[cfg(test)]
#[path = "extensions_test.rs"]
mod tests;

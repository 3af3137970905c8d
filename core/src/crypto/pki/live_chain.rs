//! The client's certificate check for a real server (RFC 5280 §6, simplified): a path
//! from the leaf through the intermediates the server sent to one of the client's
//! trust anchors, then the same named checks as the simulated lab's, one verdict each.
//!
//! Path building: from the leaf, each issuer is looked for among the certificates the
//! server sent (subject == issuer name and the signature verifies), at most
//! [`MAX_PATH_CERTIFICATES`] deep, until a trust anchor issued the last one (or the
//! last one is an anchor, same DER). When no path verifies, a path by names alone is
//! reported, so a broken signature reads as a bad signature, not an unknown issuer.

use x509_cert::certificate::Certificate;
use x509_cert::der::{Decode, Encode};
use x509_cert::ext::pkix::BasicConstraints;
use x509_cert::ext::pkix::SubjectAltName;
use x509_cert::ext::pkix::name::GeneralName;

use super::anchors::{TrustAnchor, TrustAnchors};
use super::cert_signature::verify_parsed_certificate_signature;
use super::chain::{
    ChainCheck, ChainCheckName, ChainFailure, ChainVerdict, PathCertificate, time_text,
};
use super::hostname::{ReferenceHost, dns_name_matches, ip_address_matches};
use super::{CertSummary, summarize};
use crate::crypto::CryptoError;
use crate::crypto::verify::{PublicKey, SignatureAlgorithm};
use crate::text;
use crate::text::Text;

/// The most certificates from the server a path may hold, leaf included.
pub const MAX_PATH_CERTIFICATES: usize = 8;
/// The most certificates of what the server sent that path building looks at.
const MAX_SENT_CONSIDERED: usize = 16;
/// The most signature verifications path building may spend.
const MAX_SIGNATURE_CHECKS: usize = 128;

/// A certificate the server sent, parsed.
struct SentCertificate<'a> {
    der: &'a [u8],
    cert: Certificate,
    summary: CertSummary,
    subject_der: Vec<u8>,
    issuer_der: Vec<u8>,
    key: Result<PublicKey, CryptoError>,
}

fn parse_sent(der: &[u8]) -> Result<SentCertificate<'_>, CryptoError> {
    let cert = Certificate::from_der(der)
        .map_err(|e| CryptoError::Certificate(format!("not a DER X.509 certificate: {e}")))?;
    let summary = summarize(&cert)?;
    let tbs = cert.tbs_certificate();
    let name_err = |e: x509_cert::der::Error| CryptoError::Certificate(format!("name: {e}"));
    let subject_der = tbs.subject().to_der().map_err(name_err)?;
    let issuer_der = tbs.issuer().to_der().map_err(name_err)?;
    let key = tbs
        .subject_public_key_info()
        .to_der()
        .map_err(|e| CryptoError::Certificate(format!("subjectPublicKeyInfo: {e}")))
        .and_then(|spki| PublicKey::from_spki_der(&spki));
    Ok(SentCertificate {
        der,
        cert,
        summary,
        subject_der,
        issuer_der,
        key,
    })
}

/// How a path ends at a trust anchor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum PathEnd {
    /// Anchor `n` issued the last certificate of the path.
    IssuedByAnchor(usize),
    /// The last certificate of the path is anchor `n` itself (same DER).
    IsAnchor(usize),
}

/// A path from the leaf: indices into what the server sent, and how it ends.
#[derive(Clone, Debug, Default)]
struct Path {
    sent: Vec<usize>,
    end: Option<PathEnd>,
}

struct PathSearch<'s, 'a> {
    sent: &'s [Option<SentCertificate<'a>>],
    anchors: &'s TrustAnchors,
    check_signatures: bool,
    signature_checks: usize,
    hit_depth_limit: bool,
}

impl PathSearch<'_, '_> {
    fn signed_by(&mut self, subject: &SentCertificate<'_>, issuer_key: &PublicKey) -> bool {
        if !self.check_signatures {
            return true;
        }
        if self.signature_checks >= MAX_SIGNATURE_CHECKS {
            return false;
        }
        self.signature_checks += 1;
        verify_parsed_certificate_signature(&subject.cert, subject.der, issuer_key).is_ok()
    }

    /// Depth-first search from the last certificate of `path` to an anchor.
    fn extend(&mut self, path: &mut Vec<usize>) -> Option<PathEnd> {
        let current = *path.last()?;
        let cert = self.sent.get(current)?.as_ref()?;
        if let Some(anchor) = self.anchors.position_of_der(cert.der) {
            return Some(PathEnd::IsAnchor(anchor));
        }
        let issuer_der = cert.issuer_der.clone();
        for anchor in self.anchors.with_subject(&issuer_der).collect::<Vec<_>>() {
            let Some(key) = self.anchors.get(anchor).map(|a| a.key.clone()) else {
                continue;
            };
            if self.signed_by(cert, &key) {
                return Some(PathEnd::IssuedByAnchor(anchor));
            }
        }
        if path.len() >= MAX_PATH_CERTIFICATES {
            self.hit_depth_limit = true;
            return None;
        }
        for candidate in 0..self.sent.len().min(MAX_SENT_CONSIDERED) {
            if path.contains(&candidate) {
                continue;
            }
            let Some(Some(issuer)) = self.sent.get(candidate) else {
                continue;
            };
            if issuer.subject_der != issuer_der {
                continue;
            }
            // By names alone, an issuer whose key the lab cannot read still makes a
            // path: the signature check then says why it cannot verify.
            let verified = match &issuer.key {
                Ok(key) => self.signed_by(cert, key),
                Err(_) => !self.check_signatures,
            };
            if !verified {
                continue;
            }
            path.push(candidate);
            if let Some(end) = self.extend(path) {
                return Some(end);
            }
            path.pop();
        }
        None
    }
}

/// The path to report: a verified one if any, else one by names, else the longest
/// run of issuers by name from the leaf (no anchor at its end).
fn build_path(sent: &[Option<SentCertificate<'_>>], anchors: &TrustAnchors) -> (Path, bool) {
    let mut hit_depth_limit = false;
    for check_signatures in [true, false] {
        let mut search = PathSearch {
            sent,
            anchors,
            check_signatures,
            signature_checks: 0,
            hit_depth_limit: false,
        };
        let mut path = vec![0];
        let end = search.extend(&mut path);
        hit_depth_limit |= search.hit_depth_limit;
        if end.is_some() {
            return (Path { sent: path, end }, false);
        }
    }
    // No anchor at all: follow issuers by name as far as they go.
    let mut path = vec![0];
    while path.len() < MAX_PATH_CERTIFICATES {
        let Some(Some(cert)) = path.last().and_then(|&i| sent.get(i)) else {
            break;
        };
        let next = (0..sent.len().min(MAX_SENT_CONSIDERED)).find(|j| {
            !path.contains(j)
                && sent
                    .get(*j)
                    .and_then(Option::as_ref)
                    .is_some_and(|c| c.subject_der == cert.issuer_der)
        });
        match next {
            Some(j) => path.push(j),
            None => break,
        }
    }
    (
        Path {
            sent: path,
            end: None,
        },
        hit_depth_limit,
    )
}

/// One issuer on the path, for the CA and validity checks: a sent certificate or the
/// anchor.
struct Issuer<'x> {
    summary: &'x CertSummary,
    cert: &'x Certificate,
    is_anchor: bool,
    /// How many intermediates lie between it and the leaf.
    below: usize,
}

fn outcome(
    check: ChainCheckName,
    result: Result<Text, Text>,
    failure: ChainFailure,
) -> (ChainCheck, ChainFailure) {
    let (passed, detail) = match result {
        Ok(d) => (true, d),
        Err(d) => (false, d),
    };
    (
        ChainCheck {
            check,
            passed,
            detail,
        },
        failure,
    )
}

/// The client's certificate check against a real server's `chain` (leaf first, as
/// sent), `anchors`, the name it visits and the time (unix seconds).
///
/// Checks, one verdict each, every one reported even after a failure: parse (the
/// leaf), issuer (a path to a trust anchor exists), signature (every link of the path
/// verifies), ca (every issuer is a CA: basicConstraints cA, keyUsage keyCertSign if
/// present, pathLenConstraint respected), hostname (subjectAltName dNSName with
/// single-label wildcards, or iPAddress for an address), validity (every certificate
/// of the path, the anchor included), key_usage (the leaf: digitalSignature if keyUsage
/// is present, serverAuth if extKeyUsage is). `failure` is the first failing check:
/// issuer and ca -> `UnknownCa`; parse, signature, hostname, key_usage ->
/// `BadCertificate`; validity -> `CertificateExpired`.
pub fn verify_live_chain(
    chain: &[Vec<u8>],
    anchors: &TrustAnchors,
    server_name: &str,
    now_unix: u64,
) -> ChainVerdict {
    let sent: Vec<Option<SentCertificate<'_>>> = chain
        .iter()
        .take(MAX_SENT_CONSIDERED)
        .map(|der| parse_sent(der).ok())
        .collect();
    let leaf = match chain.first().map(|der| parse_sent(der)) {
        Some(Ok(leaf)) => leaf,
        failed => {
            let error = match failed {
                Some(Err(e)) => e.to_string(),
                _ => "the server sent no certificate".to_string(),
            };
            return not_checked(text!("check-parse-leaf-fail", error = error));
        }
    };
    let ignored = sent.iter().skip(1).filter(|c| c.is_none()).count()
        + chain.len().saturating_sub(MAX_SENT_CONSIDERED);
    let (path, hit_depth_limit) = build_path(&sent, anchors);
    let path_certs: Vec<&SentCertificate<'_>> = path
        .sent
        .iter()
        .filter_map(|&i| sent.get(i).and_then(Option::as_ref))
        .collect();
    let anchor: Option<&TrustAnchor> = match path.end {
        Some(PathEnd::IssuedByAnchor(a) | PathEnd::IsAnchor(a)) => anchors.get(a),
        None => None,
    };

    let mut outcomes = Vec::new();
    let parse_detail = if ignored > 0 {
        text!(
            "check-live-parse-pass-ignored",
            leaf = &leaf.summary.subject,
            count = chain.len(),
            ignored = ignored
        )
    } else {
        text!(
            "check-live-parse-pass",
            leaf = &leaf.summary.subject,
            count = chain.len()
        )
    };
    outcomes.push(outcome(
        ChainCheckName::Parse,
        Ok(parse_detail),
        ChainFailure::BadCertificate,
    ));
    outcomes.push(outcome(
        ChainCheckName::Issuer,
        issuer_result(&path, &path_certs, anchor, hit_depth_limit),
        ChainFailure::UnknownCa,
    ));
    outcomes.push(outcome(
        ChainCheckName::Signature,
        signature_result(&path, &path_certs, anchor),
        ChainFailure::BadCertificate,
    ));
    let issuers = path_issuers(&path, &path_certs, anchor);
    outcomes.push(outcome(
        ChainCheckName::Ca,
        ca_result(&issuers, path.end),
        ChainFailure::UnknownCa,
    ));
    outcomes.push(outcome(
        ChainCheckName::Hostname,
        hostname_result(&leaf.cert, &leaf.summary, server_name),
        ChainFailure::BadCertificate,
    ));
    outcomes.push(outcome(
        ChainCheckName::Validity,
        validity_result(&path_certs, &issuers, now_unix),
        ChainFailure::CertificateExpired,
    ));
    outcomes.push(outcome(
        ChainCheckName::KeyUsage,
        key_usage_result(&leaf.summary),
        ChainFailure::BadCertificate,
    ));

    let failure = outcomes.iter().find(|(c, _)| !c.passed).map(|(_, f)| *f);
    let mut reported: Vec<PathCertificate> = path
        .sent
        .iter()
        .zip(&path_certs)
        .map(|(&i, c)| PathCertificate {
            chain_index: Some(i),
            subject: c.summary.subject.clone(),
        })
        .collect();
    if let (Some(PathEnd::IssuedByAnchor(_)), Some(a)) = (path.end, anchor) {
        reported.push(PathCertificate {
            chain_index: None,
            subject: a.summary.subject.clone(),
        });
    }
    ChainVerdict {
        checks: outcomes.into_iter().map(|(c, _)| c).collect(),
        server_public_key: Some(leaf.summary.public_key_sec1.clone()),
        failure,
        leaf_spki_der: leaf
            .cert
            .tbs_certificate()
            .subject_public_key_info()
            .to_der()
            .ok(),
        path: reported,
        anchor_subject: anchor.map(|a| a.summary.subject.clone()),
    }
}

/// The verdict when the leaf cannot be read: parse fails, the rest is not checked.
fn not_checked(detail: Text) -> ChainVerdict {
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
    ChainVerdict {
        checks,
        server_public_key: None,
        failure: Some(ChainFailure::BadCertificate),
        leaf_spki_der: None,
        path: Vec::new(),
        anchor_subject: None,
    }
}

/// "CN=leaf ← CN=intermediate ← CN=root": who issued whom, leaf first.
fn path_text(
    path_certs: &[&SentCertificate<'_>],
    anchor: Option<&TrustAnchor>,
    end: Option<PathEnd>,
) -> String {
    let mut names: Vec<&str> = path_certs
        .iter()
        .map(|c| c.summary.subject.as_str())
        .collect();
    if let (Some(PathEnd::IssuedByAnchor(_)), Some(a)) = (end, anchor) {
        names.push(&a.summary.subject);
    }
    names.join(" ← ")
}

fn issuer_result(
    path: &Path,
    path_certs: &[&SentCertificate<'_>],
    anchor: Option<&TrustAnchor>,
    hit_depth_limit: bool,
) -> Result<Text, Text> {
    match (path.end, anchor) {
        (Some(end), Some(a)) => Ok(text!(
            "check-live-issuer-pass",
            path = path_text(path_certs, anchor, Some(end)),
            root = &a.summary.subject
        )),
        _ if hit_depth_limit => Err(text!(
            "check-live-issuer-depth",
            limit = MAX_PATH_CERTIFICATES
        )),
        _ => {
            let last = path_certs.last().map_or("", |c| c.summary.issuer.as_str());
            Err(text!(
                "check-live-issuer-fail",
                issuer = last,
                path = path_text(path_certs, None, None)
            ))
        }
    }
}

fn link_text(subject: &str, issuer: &str, algorithm: SignatureAlgorithm) -> String {
    format!("{subject} ← {issuer} ({})", algorithm.name())
}

fn signature_result(
    path: &Path,
    path_certs: &[&SentCertificate<'_>],
    anchor: Option<&TrustAnchor>,
) -> Result<Text, Text> {
    // Each link: a certificate and the key of the one above it.
    let mut links: Vec<(&SentCertificate<'_>, &str, Result<&PublicKey, CryptoError>)> = Vec::new();
    for pair in path_certs.windows(2) {
        if let [subject, issuer] = pair {
            links.push((
                subject,
                &issuer.summary.subject,
                issuer.key.as_ref().map_err(Clone::clone),
            ));
        }
    }
    if let (Some(PathEnd::IssuedByAnchor(_)), Some(a), Some(last)) =
        (path.end, anchor, path_certs.last())
    {
        links.push((last, &a.summary.subject, Ok(&a.key)));
    }
    if links.is_empty() {
        return match path.end {
            Some(PathEnd::IsAnchor(_)) => Ok(Text::message("check-live-signature-trusted-itself")),
            _ => Err(Text::message("check-live-signature-no-issuer")),
        };
    }
    let mut verified = Vec::new();
    for (subject, issuer, key) in links {
        let result =
            key.and_then(|k| verify_parsed_certificate_signature(&subject.cert, subject.der, k));
        match result {
            Ok(algorithm) => verified.push(link_text(&subject.summary.subject, issuer, algorithm)),
            Err(e) => {
                return Err(text!(
                    "check-live-signature-fail",
                    subject = &subject.summary.subject,
                    issuer = issuer,
                    error = e.to_string()
                ));
            }
        }
    }
    if path.end.is_none() {
        // Every link found verifies, but the path stops short of an anchor.
        return Err(text!(
            "check-live-signature-incomplete",
            links = verified.join("; ")
        ));
    }
    Ok(text!(
        "check-live-signature-pass",
        links = verified.join("; ")
    ))
}

/// The issuers on the path, nearest the leaf first, the anchor last.
fn path_issuers<'x>(
    path: &Path,
    path_certs: &[&'x SentCertificate<'_>],
    anchor: Option<&'x TrustAnchor>,
) -> Vec<Issuer<'x>> {
    let mut issuers: Vec<Issuer<'x>> = path_certs
        .iter()
        .enumerate()
        .skip(1)
        .map(|(position, c)| Issuer {
            summary: &c.summary,
            cert: &c.cert,
            is_anchor: false,
            below: position - 1,
        })
        .collect();
    match (path.end, anchor) {
        (Some(PathEnd::IsAnchor(_)), _) => {
            if let Some(last) = issuers.last_mut() {
                last.is_anchor = true;
            }
        }
        (Some(PathEnd::IssuedByAnchor(_)), Some(a)) => issuers.push(Issuer {
            summary: &a.summary,
            cert: &a.cert,
            is_anchor: true,
            below: path_certs.len().saturating_sub(1),
        }),
        _ => {}
    }
    issuers
}

fn ca_result(issuers: &[Issuer<'_>], end: Option<PathEnd>) -> Result<Text, Text> {
    if issuers.is_empty() {
        return match end {
            Some(PathEnd::IsAnchor(_)) => Ok(Text::message("check-live-ca-trusted-itself")),
            _ => Err(Text::message("check-live-ca-no-issuer")),
        };
    }
    for issuer in issuers {
        let constraints = match issuer
            .cert
            .tbs_certificate()
            .get_extension::<BasicConstraints>()
        {
            Ok(found) => found.map(|(_, bc)| bc),
            Err(_) => None,
        };
        // A trust anchor without basicConstraints (an old v1 root) is trusted as
        // configured; any other issuer must say cA.
        let is_ca = match &constraints {
            Some(bc) => bc.ca,
            None => issuer.is_anchor,
        };
        if !is_ca {
            return Err(text!(
                "check-live-ca-not-ca",
                subject = &issuer.summary.subject
            ));
        }
        if !issuer.summary.key_usage.is_empty()
            && !issuer.summary.key_usage.iter().any(|k| k == "keyCertSign")
        {
            return Err(text!(
                "check-live-ca-no-cert-sign",
                subject = &issuer.summary.subject
            ));
        }
        if let Some(limit) = constraints.and_then(|bc| bc.path_len_constraint)
            && issuer.below > usize::from(limit)
        {
            return Err(text!(
                "check-live-ca-path-len",
                subject = &issuer.summary.subject,
                limit = usize::from(limit),
                below = issuer.below
            ));
        }
    }
    Ok(text!("check-live-ca-pass", count = issuers.len()))
}

fn hostname_result(
    leaf: &Certificate,
    summary: &CertSummary,
    server_name: &str,
) -> Result<Text, Text> {
    let entries = match leaf.tbs_certificate().get_extension::<SubjectAltName>() {
        Ok(Some((_, san))) => san.0,
        _ => Vec::new(),
    };
    let shown: Vec<String> = entries
        .iter()
        .filter_map(|gn| match gn {
            GeneralName::DnsName(n) => Some(n.to_string()),
            GeneralName::IpAddress(octets) => ip_text(octets.as_bytes()),
            _ => None,
        })
        .collect();
    match ReferenceHost::parse(server_name) {
        ReferenceHost::Dns(host) => {
            if summary.san_dns.is_empty() {
                Err(Text::message("check-hostname-no-san"))
            } else if let Some(pattern) = summary
                .san_dns
                .iter()
                .find(|pattern| dns_name_matches(pattern, &host))
            {
                if pattern.starts_with("*.") {
                    Ok(text!(
                        "check-live-hostname-wildcard-pass",
                        pattern = pattern.as_str(),
                        name = server_name
                    ))
                } else {
                    Ok(text!("check-hostname-pass", name = server_name))
                }
            } else {
                Err(text!(
                    "check-hostname-fail",
                    names = shown.join(", "),
                    name = server_name
                ))
            }
        }
        ReferenceHost::Ip(ip) => {
            let found = entries.iter().any(|gn| match gn {
                GeneralName::IpAddress(octets) => ip_address_matches(octets.as_bytes(), ip),
                _ => false,
            });
            if found {
                Ok(text!(
                    "check-live-hostname-ip-pass",
                    address = ip.to_string()
                ))
            } else {
                Err(text!(
                    "check-live-hostname-ip-fail",
                    names = shown.join(", "),
                    address = ip.to_string()
                ))
            }
        }
    }
}

fn ip_text(octets: &[u8]) -> Option<String> {
    if let Ok(v4) = <[u8; 4]>::try_from(octets) {
        return Some(core::net::Ipv4Addr::from(v4).to_string());
    }
    <[u8; 16]>::try_from(octets)
        .ok()
        .map(|v6| core::net::Ipv6Addr::from(v6).to_string())
}

fn validity_result(
    path_certs: &[&SentCertificate<'_>],
    issuers: &[Issuer<'_>],
    now_unix: u64,
) -> Result<Text, Text> {
    let leaf = path_certs.first().map(|c| &c.summary);
    let mut all: Vec<&CertSummary> = path_certs.iter().map(|c| &c.summary).collect();
    // The anchor, unless it is the last certificate sent (already in the list).
    if let Some(anchor) = issuers.last().filter(|i| i.is_anchor)
        && !all.iter().any(|s| std::ptr::eq(*s, anchor.summary))
    {
        all.push(anchor.summary);
    }
    for summary in &all {
        if now_unix < summary.not_before {
            return Err(text!(
                "check-live-validity-not-yet",
                subject = &summary.subject,
                from = time_text(summary.not_before),
                now = time_text(now_unix)
            ));
        }
        if now_unix > summary.not_after {
            return Err(text!(
                "check-live-validity-expired",
                subject = &summary.subject,
                to = time_text(summary.not_after),
                now = time_text(now_unix)
            ));
        }
    }
    match leaf {
        Some(leaf) => Ok(text!(
            "check-live-validity-pass",
            count = all.len(),
            from = time_text(leaf.not_before),
            to = time_text(leaf.not_after),
            now = time_text(now_unix)
        )),
        None => Err(Text::message("check-not-checked")),
    }
}

fn key_usage_result(leaf: &CertSummary) -> Result<Text, Text> {
    let ku_ok = leaf.key_usage.is_empty() || leaf.key_usage.iter().any(|k| k == "digitalSignature");
    let eku_ok = leaf.extended_key_usage.is_empty()
        || leaf.extended_key_usage.iter().any(|k| k == "serverAuth");
    match (ku_ok, eku_ok) {
        (true, true) => Ok(Text::message("check-key-usage-pass")),
        (false, _) => Err(Text::message("check-key-usage-no-digital-signature")),
        (_, false) => Err(Text::message("check-key-usage-no-server-auth")),
    }
}

#[cfg(test)]
#[path = "live_chain_test.rs"]
mod tests;

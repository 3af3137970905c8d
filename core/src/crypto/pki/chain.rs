//! The client's certificate check (RFC 5280 profile, simplified to a leaf issued
//! directly by a trusted root): every check runs and is reported with its reason.

use core::time::Duration;

use x509_cert::der::oid::db::rfc5912;
use x509_cert::der::{DateTime, Encode};

use super::{parse_cert, summarize};
use crate::crypto::CryptoError;
use crate::crypto::sign::verify_ecdsa_p256_sha256;
use crate::text;
use crate::text::Text;

/// The checks of [`verify_server_chain`], in the order they run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChainCheckName {
    /// Both certificates parse (live: the leaf parses).
    Parse,
    /// The leaf's issuer is the trusted root (live: a path to a trust anchor exists).
    Issuer,
    /// The root's signature over the leaf verifies (live: every link of the path).
    Signature,
    /// The root may act as a CA (live: every issuer on the path, pathLen respected).
    Ca,
    /// The leaf is issued for the name the browser visits.
    Hostname,
    /// Both are valid now (live: every certificate of the path).
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
    /// The leaf's whole SubjectPublicKeyInfo (DER) whenever the leaf parsed: what
    /// [`crate::crypto::verify_tls_signature`] checks CertificateVerify with. Not in
    /// JSON (outputs stay as they were).
    #[serde(skip)]
    pub leaf_spki_der: Option<Vec<u8>>,
    /// The certification path found, leaf first, the trust anchor last (a real
    /// server's chain; empty for the simulated lab's check). Not in JSON.
    #[serde(skip)]
    pub path: Vec<PathCertificate>,
    /// The subject of the trust anchor the path ends at, if one was found. Not in JSON.
    #[serde(skip)]
    pub anchor_subject: Option<String>,
}

/// One certificate of a certification path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathCertificate {
    /// Its position in the chain the server sent; `None` for a trust anchor the
    /// server did not send.
    pub chain_index: Option<usize>,
    /// Its subject, RFC 4514 style.
    pub subject: String,
}

impl ChainVerdict {
    /// True when every check passed.
    pub fn is_ok(&self) -> bool {
        self.failure.is_none()
    }
}

/// Slice the exact `tbsCertificate` TLV out of a certificate's DER (what the issuer signed).
pub(super) fn tbs_bytes(der: &[u8]) -> Option<&[u8]> {
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

pub(super) fn time_text(unix: u64) -> String {
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
                leaf_spki_der: None,
                path: Vec::new(),
                anchor_subject: None,
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
        leaf_spki_der: leaf_tbs.subject_public_key_info().to_der().ok(),
        path: Vec::new(),
        anchor_subject: None,
    }
}

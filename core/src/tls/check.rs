//! The checks an endpoint runs on what it receives, each with a name of its own.

use crate::crypto::ChainCheckName;
use crate::text::Text;

/// Which check ran. Lessons and `trace` name a check by [`CheckName::name`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CheckName {
    /// One of the browser's checks of the server's certificate chain.
    Chain(ChainCheckName),
    /// The server's signature over the transcript (TLS 1.3).
    CertificateVerify,
    /// The server's Finished MAC, checked by the client.
    ServerFinished,
    /// The client's Finished MAC, checked by the server.
    ClientFinished,
    /// TLS 1.2 RSA: the certificate's key can encrypt the premaster secret.
    RsaKeyTransport,
    /// TLS 1.2 RSA: the decrypted premaster secret has the right form.
    PremasterSecret,
}

impl CheckName {
    /// Every check, in a fixed order.
    pub const ALL: [CheckName; 12] = [
        CheckName::Chain(ChainCheckName::Parse),
        CheckName::Chain(ChainCheckName::Issuer),
        CheckName::Chain(ChainCheckName::Signature),
        CheckName::Chain(ChainCheckName::Ca),
        CheckName::Chain(ChainCheckName::Hostname),
        CheckName::Chain(ChainCheckName::Validity),
        CheckName::Chain(ChainCheckName::KeyUsage),
        CheckName::CertificateVerify,
        CheckName::ServerFinished,
        CheckName::ClientFinished,
        CheckName::RsaKeyTransport,
        CheckName::PremasterSecret,
    ];

    /// The short stable name: "hostname", "CertificateVerify", "server Finished", ...
    pub fn name(self) -> &'static str {
        match self {
            CheckName::Chain(check) => check.name(),
            CheckName::CertificateVerify => "CertificateVerify",
            CheckName::ServerFinished => "server Finished",
            CheckName::ClientFinished => "client Finished",
            CheckName::RsaKeyTransport => "rsa key transport",
            CheckName::PremasterSecret => "premaster secret",
        }
    }

    /// The check by its stable name, as a lesson writes it.
    pub fn from_name(name: &str) -> Option<CheckName> {
        CheckName::ALL.into_iter().find(|c| c.name() == name)
    }

    /// The check's name as a student reads it, in their language.
    pub fn title(self) -> Text {
        Text::message(match self {
            CheckName::Chain(ChainCheckName::Parse) => "check-name-parse",
            CheckName::Chain(ChainCheckName::Issuer) => "check-name-issuer",
            CheckName::Chain(ChainCheckName::Signature) => "check-name-signature",
            CheckName::Chain(ChainCheckName::Ca) => "check-name-ca",
            CheckName::Chain(ChainCheckName::Hostname) => "check-name-hostname",
            CheckName::Chain(ChainCheckName::Validity) => "check-name-validity",
            CheckName::Chain(ChainCheckName::KeyUsage) => "check-name-key-usage",
            CheckName::CertificateVerify => "check-name-certificate-verify",
            CheckName::ServerFinished => "check-name-server-finished",
            CheckName::ClientFinished => "check-name-client-finished",
            CheckName::RsaKeyTransport => "check-name-rsa-key-transport",
            CheckName::PremasterSecret => "check-name-premaster-secret",
        })
    }
}

impl std::fmt::Display for CheckName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl serde::Serialize for CheckName {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

/// A check an endpoint ran on what it received (certificate, signature, Finished).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Check {
    /// Which check.
    pub name: CheckName,
    /// Whether it passed.
    pub passed: bool,
    /// One line saying why.
    pub detail: Text,
}

impl Check {
    /// A check whose detail is one of two fixed messages: `pass` when it passed,
    /// `fail` when it did not.
    pub fn verdict(name: CheckName, passed: bool, pass: &'static str, fail: &'static str) -> Check {
        Check {
            name,
            passed,
            detail: Text::message(if passed { pass } else { fail }),
        }
    }

    /// The check's name as a student reads it, in their language.
    pub fn title(&self) -> Text {
        self.name.title()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_check_is_found_by_its_stable_name() {
        for check in CheckName::ALL {
            assert_eq!(CheckName::from_name(check.name()), Some(check));
        }
        assert_eq!(CheckName::from_name("Hostname"), None);
    }
}

//! What to simulate: which scenario, the seed, and what the student typed.

/// The scenarios the lab can run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ScenarioName {
    /// The login over plain HTTP: everything readable on the wire.
    Http,
    /// The login over HTTPS: TLS 1.3 with ECDHE, the default.
    Https,
    /// HTTPS, and an attacker flips a byte of the encrypted login on the wire.
    Tamper,
    /// An attacker in the middle with its own certificate from a CA the client does
    /// not trust.
    Mitm,
    /// The server's certificate names another site than the one visited.
    WrongHost,
    /// The server's certificate expired before the simulated time.
    Expired,
    /// The classic TLS 1.2 handshake with RSA key transport.
    Tls12Rsa,
    /// A recorded `tls12-rsa` and `https` session, then the server's keys are stolen.
    KeyCompromise,
    /// HTTPS where the browser sends no key share: the server asks again with a
    /// HelloRetryRequest.
    Hrr,
    /// Not simulated: a real client's session with the lab's server (`serve`). Not
    /// in [`ScenarioName::ALL`].
    Live,
}

impl ScenarioName {
    /// Every scenario, in the order `scenarios` lists them.
    pub const ALL: &'static [ScenarioName] = &[
        ScenarioName::Http,
        ScenarioName::Https,
        ScenarioName::Tamper,
        ScenarioName::Mitm,
        ScenarioName::WrongHost,
        ScenarioName::Expired,
        ScenarioName::Tls12Rsa,
        ScenarioName::KeyCompromise,
        ScenarioName::Hrr,
    ];

    /// The name used on the command line and in lesson files.
    pub fn name(self) -> &'static str {
        match self {
            ScenarioName::Http => "http",
            ScenarioName::Https => "https",
            ScenarioName::Tamper => "tamper",
            ScenarioName::Mitm => "mitm",
            ScenarioName::WrongHost => "wrong-host",
            ScenarioName::Expired => "expired",
            ScenarioName::Tls12Rsa => "tls12-rsa",
            ScenarioName::KeyCompromise => "key-compromise",
            ScenarioName::Hrr => "hrr",
            ScenarioName::Live => "live",
        }
    }

    /// One line saying what the scenario shows.
    pub fn description(self) -> &'static str {
        match self {
            ScenarioName::Http => "the login over plain HTTP: an eavesdropper reads every byte",
            ScenarioName::Https => {
                "the login over HTTPS (TLS 1.3, ECDHE P-256, AES-128-GCM): the eavesdropper sees ciphertext"
            }
            ScenarioName::Tamper => {
                "an attacker flips one byte of the encrypted login: the server's AEAD check fails (bad_record_mac)"
            }
            ScenarioName::Mitm => {
                "a man in the middle completes a key exchange with each side, but its certificate is from an untrusted CA (unknown_ca)"
            }
            ScenarioName::WrongHost => {
                "the server's certificate is issued for another name than the site visited (bad_certificate)"
            }
            ScenarioName::Expired => {
                "the server's certificate expired before the simulated time (certificate_expired)"
            }
            ScenarioName::Tls12Rsa => {
                "the classic TLS 1.2 handshake: the client encrypts the premaster secret with the server's RSA key"
            }
            ScenarioName::KeyCompromise => {
                "the server's private keys are stolen later: the recorded TLS 1.2 RSA login decrypts, the TLS 1.3 one does not"
            }
            ScenarioName::Hrr => {
                "the browser sends no key share: the server asks again with a HelloRetryRequest, then the login goes on"
            }
            ScenarioName::Live => "a real client's session with the lab's server (serve)",
        }
    }

    /// Looks a scenario up by its name.
    pub fn from_name(name: &str) -> Option<ScenarioName> {
        Self::ALL.iter().copied().find(|s| s.name() == name)
    }

    /// Whether the scenario's wire carries TLS 1.2 records (its first connection).
    pub fn uses_tls12(self) -> bool {
        matches!(self, ScenarioName::Tls12Rsa | ScenarioName::KeyCompromise)
    }

    /// Whether the scenario runs TLS (and so has keys, certificates and alerts).
    pub fn uses_tls(self) -> bool {
        !matches!(self, ScenarioName::Http)
    }
}

/// Flip bits of one byte on the wire: byte `offset` of the `record`-th record
/// (both counted from 0, record header included) is XORed with `mask`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Tamper {
    /// Which record on the wire, counted from 0 over both directions.
    pub record: usize,
    /// Which byte of it, counted from 0 at the record header.
    pub offset: usize,
    /// The bits to flip (never 0).
    pub mask: u8,
}

impl Tamper {
    /// The `tamper` scenario's preset attack: one bit in the middle of the encrypted
    /// login (record `record`, `len` bytes long).
    pub fn preset_login_flip(record: usize, len: usize) -> Tamper {
        Tamper {
            record,
            offset: len / 2,
            mask: 0x01,
        }
    }
}

/// Set one byte on the wire: byte `offset` of the `record`-th record (both counted
/// from 0, record header included) arrives as `value`, whatever the sender put there.
/// The wire editor's change; unlike [`Tamper`] it names the new value, not bits to flip.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct ByteEdit {
    /// Which record on the wire, counted from 0 over both directions.
    pub record: usize,
    /// Which byte of it, counted from 0 at the record header.
    pub offset: usize,
    /// The byte the receiver gets.
    pub value: u8,
}

/// One session to simulate.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Scenario {
    /// Which scenario.
    pub name: ScenarioName,
    /// The seed of the one random generator: same seed, same bytes.
    pub seed: u64,
    /// The account name in the login form.
    pub username: String,
    /// The password the student types.
    pub password: String,
    /// The card number in the form (a well-known test number).
    pub card_number: String,
    /// The site the browser visits (and the certificate's name).
    pub server_name: String,
    /// An attacker's single-byte change on the wire, if any. In `tamper` it replaces
    /// the preset change (a byte in the middle of the encrypted login); in
    /// `key-compromise` it counts over both recorded sessions' records.
    pub tamper: Option<Tamper>,
    /// Bytes an attacker sets on the wire (the app's wire editor), applied after
    /// `tamper` to the record they name; any edit replaces `tamper`'s preset change.
    /// In `key-compromise` the records count over both recorded sessions.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub edits: Vec<ByteEdit>,
}

/// The default seed.
pub const DEFAULT_SEED: u64 = 1;
/// The default site.
pub const DEFAULT_SERVER_NAME: &str = "bank.example";
/// The default password typed into the form.
pub const DEFAULT_PASSWORD: &str = "s3cret-Passw0rd";

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            name: ScenarioName::Https,
            seed: DEFAULT_SEED,
            username: "alice".into(),
            password: DEFAULT_PASSWORD.into(),
            card_number: "4111 1111 1111 1111".into(),
            server_name: DEFAULT_SERVER_NAME.into(),
            tamper: None,
            edits: Vec::new(),
        }
    }
}

impl Scenario {
    /// The default session of scenario `name`.
    pub fn named(name: ScenarioName) -> Self {
        Scenario {
            name,
            ..Scenario::default()
        }
    }

    /// Checks what the student typed; the error says what is wrong with which input.
    pub fn validate(&self) -> Result<(), String> {
        validate_server_name(&self.server_name)?;
        if self.password.chars().count() > 200 {
            return Err("password: at most 200 characters".into());
        }
        if self.password.chars().any(char::is_control) {
            return Err("password: control characters are not allowed".into());
        }
        if let Some(tamper) = self.tamper
            && tamper.mask == 0
        {
            return Err("tamper mask 0 changes nothing; use 0x01 to 0xff".into());
        }
        for (i, edit) in self.edits.iter().enumerate() {
            if self.edits[..i]
                .iter()
                .any(|e| e.record == edit.record && e.offset == edit.offset)
            {
                return Err(format!(
                    "record {} byte {} is edited twice",
                    edit.record, edit.offset
                ));
            }
        }
        Ok(())
    }
}

/// A DNS host name: letters, digits and hyphens in dot-separated labels of 1 to 63
/// characters, at most 253 in all.
pub fn validate_server_name(name: &str) -> Result<(), String> {
    let fail = |why: &str| Err(format!("server name {name:?}: {why}"));
    if name.is_empty() {
        return fail("must not be empty");
    }
    if name.len() > 253 {
        return fail("longer than 253 characters");
    }
    for label in name.split('.') {
        if label.is_empty() || label.len() > 63 {
            return fail("each dot-separated part must have 1 to 63 characters");
        }
        if !label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        {
            return fail("use only letters, digits, '-' and '.'");
        }
        if label.starts_with('-') || label.ends_with('-') {
            return fail("a part may not start or end with '-'");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for s in ScenarioName::ALL {
            assert_eq!(ScenarioName::from_name(s.name()), Some(*s));
        }
        assert_eq!(ScenarioName::from_name("gopher"), None);
    }

    #[test]
    fn server_names_are_checked() {
        assert!(validate_server_name("bank.example").is_ok());
        assert!(validate_server_name("my-bank.co.uk").is_ok());
        for bad in [
            "",
            "bank..example",
            "-bank.example",
            "bank example",
            "bänk.example",
        ] {
            assert!(validate_server_name(bad).is_err(), "{bad:?} accepted");
        }
    }
}

//! The TLS 1.3 key schedule (RFC 8446 §7.1) as typestates, without PSK, for the
//! suite's hash (SHA-256 in the simulation; SHA-384 for TLS_AES_256_GCM_SHA384, whose
//! secrets are 48 bytes). Every value derived is also returned as a [`Derivation`] so the GUI can
//! show how it was computed.
//!
//! ```text
//!             0
//!             |
//!             v
//!   PSK ->  HKDF-Extract = Early Secret
//!             |
//!             v
//!       Derive-Secret(., "derived", "")
//!             |
//!             v
//!   (EC)DHE -> HKDF-Extract = Handshake Secret
//!             |
//!             +-----> Derive-Secret(., "c hs traffic",
//!             |                     ClientHello...ServerHello)
//!             |                     = client_handshake_traffic_secret
//!             |
//!             +-----> Derive-Secret(., "s hs traffic",
//!             |                     ClientHello...ServerHello)
//!             |                     = server_handshake_traffic_secret
//!             v
//!       Derive-Secret(., "derived", "")
//!             |
//!             v
//!   0 -> HKDF-Extract = Master Secret
//!             |
//!             +-----> Derive-Secret(., "c ap traffic",
//!             |                     ClientHello...server Finished)
//!             |                     = client_application_traffic_secret_0
//!             |
//!             +-----> Derive-Secret(., "s ap traffic",
//!             |                     ClientHello...server Finished)
//!             |                     = server_application_traffic_secret_0
//!             |
//!             +-----> Derive-Secret(., "exp master",
//!             |                     ClientHello...server Finished)
//!             |                     = exporter_master_secret
//!             |
//!             +-----> Derive-Secret(., "res master",
//!                                   ClientHello...client Finished)
//!                                   = resumption_master_secret
//! ```
//!
//! The stages are consumed on each step, so a secret of a later stage cannot be derived
//! before the transcript that feeds it exists.

use crate::crypto::TrafficKeys;
use crate::crypto::hkdf::{HashAlg, hkdf_label};
use crate::tls::Tls13Suite;

/// One derived value and everything that went into it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Derivation {
    /// RFC name of the output: `"early_secret"`, `"derived"`, `"handshake_secret"`,
    /// `"client_handshake_traffic_secret"`, ..., `"client_handshake_key"`,
    /// `"client_handshake_iv"`, `"server_finished_key"`, ...
    pub name: &'static str,
    /// `"HKDF-Extract"`, `"Derive-Secret"` or `"HKDF-Expand-Label"` (TLS 1.3);
    /// `"PRF (P_SHA256)"`, `"key_block slice"`, `"RSAES-PKCS1-v1_5 decrypt"`, ... (TLS 1.2).
    pub function: &'static str,
    /// Named inputs: `("salt", ..)`, `("IKM", ..)` for HKDF-Extract; `("Secret", ..)` otherwise.
    pub inputs: Vec<(String, Vec<u8>)>,
    /// The label without the `"tls13 "` prefix (`"c hs traffic"`, `"key"`), if any.
    pub label: Option<String>,
    /// The context: a transcript hash for Derive-Secret, empty for key/iv/finished.
    pub context: Vec<u8>,
    /// The derived bytes.
    pub output: Vec<u8>,
}

impl Derivation {
    /// The exact `HkdfLabel` bytes (HKDF `info`) this derivation expanded with,
    /// or `None` for HKDF-Extract.
    pub fn hkdf_label(&self) -> Option<Vec<u8>> {
        if !matches!(self.function, "Derive-Secret" | "HKDF-Expand-Label") {
            return None;
        }
        let label = self.label.as_deref()?;
        let len = u16::try_from(self.output.len()).unwrap_or(u16::MAX);
        Some(hkdf_label(label, &self.context, len))
    }

    /// The input named `name`, if present.
    pub fn input(&self, name: &str) -> Option<&[u8]> {
        self.inputs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_slice())
    }
}

fn extract(hash: HashAlg, name: &'static str, salt: &[u8], ikm: &[u8]) -> (Vec<u8>, Derivation) {
    let out = hash.hkdf_extract(salt, ikm);
    let d = Derivation {
        name,
        function: "HKDF-Extract",
        inputs: vec![("salt".into(), salt.to_vec()), ("IKM".into(), ikm.to_vec())],
        label: None,
        context: Vec::new(),
        output: out.clone(),
    };
    (out, d)
}

fn derive(
    hash: HashAlg,
    name: &'static str,
    secret: &[u8],
    label: &str,
    transcript_hash: &[u8],
) -> (Vec<u8>, Derivation) {
    let out = hash.hkdf_expand_label(secret, label, transcript_hash, hash.output_len());
    let d = Derivation {
        name,
        function: "Derive-Secret",
        inputs: vec![("Secret".into(), secret.to_vec())],
        label: Some(label.into()),
        context: transcript_hash.to_vec(),
        output: out.clone(),
    };
    (out, d)
}

fn expand(
    hash: HashAlg,
    name: &'static str,
    secret: &[u8],
    label: &str,
    len: usize,
) -> (Vec<u8>, Derivation) {
    let out = hash.hkdf_expand_label(secret, label, &[], len);
    let d = Derivation {
        name,
        function: "HKDF-Expand-Label",
        inputs: vec![("Secret".into(), secret.to_vec())],
        label: Some(label.into()),
        context: Vec::new(),
        output: out.clone(),
    };
    (out, d)
}

/// The stage after `start()`: the Early Secret is known.
#[derive(Clone, Debug)]
pub struct EarlyStage {
    hash: HashAlg,
    early_secret: Vec<u8>,
}

/// Begin the schedule without a PSK: `early_secret = HKDF-Extract(0, 0)` where both
/// salt and IKM are `Hash.length` zero bytes.
pub fn start(hash: HashAlg) -> (EarlyStage, Vec<Derivation>) {
    let zeros = vec![0u8; hash.output_len()];
    let (early_secret, d) = extract(hash, "early_secret", &zeros, &zeros);
    (EarlyStage { hash, early_secret }, vec![d])
}

impl EarlyStage {
    /// The Early Secret.
    pub fn early_secret(&self) -> &[u8] {
        &self.early_secret
    }

    /// Mix in the (EC)DHE shared secret; `hello_hash` = Transcript-Hash(ClientHello, ServerHello).
    /// Derives `"derived"`, `"handshake_secret"`, and both handshake traffic secrets.
    pub fn handshake(
        self,
        ecdhe_shared: &[u8],
        hello_hash: &[u8],
    ) -> (HandshakeStage, Vec<Derivation>) {
        let hash = self.hash;
        let empty = hash.digest(b"");
        let (derived, d1) = derive(hash, "derived", &self.early_secret, "derived", &empty);
        let (handshake_secret, d2) = extract(hash, "handshake_secret", &derived, ecdhe_shared);
        let (client, d3) = derive(
            hash,
            "client_handshake_traffic_secret",
            &handshake_secret,
            "c hs traffic",
            hello_hash,
        );
        let (server, d4) = derive(
            hash,
            "server_handshake_traffic_secret",
            &handshake_secret,
            "s hs traffic",
            hello_hash,
        );
        (
            HandshakeStage {
                hash,
                handshake_secret,
                client_handshake_traffic_secret: client,
                server_handshake_traffic_secret: server,
            },
            vec![d1, d2, d3, d4],
        )
    }
}

/// The stage after ServerHello: handshake traffic secrets are known.
#[derive(Clone, Debug)]
pub struct HandshakeStage {
    hash: HashAlg,
    handshake_secret: Vec<u8>,
    client_handshake_traffic_secret: Vec<u8>,
    server_handshake_traffic_secret: Vec<u8>,
}

impl HandshakeStage {
    /// The hash of the schedule.
    pub fn hash(&self) -> HashAlg {
        self.hash
    }

    /// The Handshake Secret.
    pub fn handshake_secret(&self) -> &[u8] {
        &self.handshake_secret
    }

    /// `client_handshake_traffic_secret` (protects the client's Finished; base of its finished key).
    pub fn client_handshake_traffic_secret(&self) -> &[u8] {
        &self.client_handshake_traffic_secret
    }

    /// `server_handshake_traffic_secret` (protects EncryptedExtensions..Finished).
    pub fn server_handshake_traffic_secret(&self) -> &[u8] {
        &self.server_handshake_traffic_secret
    }

    /// Move to the Master Secret; `server_finished_hash` =
    /// Transcript-Hash(ClientHello..server Finished). Derives `"derived"`,
    /// `"master_secret"`, both application traffic secrets and `"exporter_master_secret"`.
    pub fn application(self, server_finished_hash: &[u8]) -> (ApplicationStage, Vec<Derivation>) {
        let hash = self.hash;
        let empty = hash.digest(b"");
        let zeros = vec![0u8; hash.output_len()];
        let (derived, d1) = derive(hash, "derived", &self.handshake_secret, "derived", &empty);
        let (master_secret, d2) = extract(hash, "master_secret", &derived, &zeros);
        let (client, d3) = derive(
            hash,
            "client_application_traffic_secret_0",
            &master_secret,
            "c ap traffic",
            server_finished_hash,
        );
        let (server, d4) = derive(
            hash,
            "server_application_traffic_secret_0",
            &master_secret,
            "s ap traffic",
            server_finished_hash,
        );
        let (exporter, d5) = derive(
            hash,
            "exporter_master_secret",
            &master_secret,
            "exp master",
            server_finished_hash,
        );
        (
            ApplicationStage {
                hash,
                master_secret,
                client_application_traffic_secret_0: client,
                server_application_traffic_secret_0: server,
                exporter_master_secret: exporter,
            },
            vec![d1, d2, d3, d4, d5],
        )
    }
}

/// The stage after the server's Finished: application traffic secrets are known.
#[derive(Clone, Debug)]
pub struct ApplicationStage {
    hash: HashAlg,
    master_secret: Vec<u8>,
    client_application_traffic_secret_0: Vec<u8>,
    server_application_traffic_secret_0: Vec<u8>,
    exporter_master_secret: Vec<u8>,
}

impl ApplicationStage {
    /// The Master Secret.
    pub fn master_secret(&self) -> &[u8] {
        &self.master_secret
    }

    /// `client_application_traffic_secret_0`.
    pub fn client_application_traffic_secret_0(&self) -> &[u8] {
        &self.client_application_traffic_secret_0
    }

    /// `server_application_traffic_secret_0`.
    pub fn server_application_traffic_secret_0(&self) -> &[u8] {
        &self.server_application_traffic_secret_0
    }

    /// `exporter_master_secret`.
    pub fn exporter_master_secret(&self) -> &[u8] {
        &self.exporter_master_secret
    }

    /// `resumption_master_secret`, over Transcript-Hash(ClientHello..client Finished).
    pub fn resumption_master_secret(&self, client_finished_hash: &[u8]) -> Derivation {
        derive(
            self.hash,
            "resumption_master_secret",
            &self.master_secret,
            "res master",
            client_finished_hash,
        )
        .1
    }
}

/// The `&'static` names for the four standard direction prefixes.
fn key_iv_names(prefix: &str) -> (&'static str, &'static str) {
    match prefix {
        "client_handshake" => ("client_handshake_key", "client_handshake_iv"),
        "server_handshake" => ("server_handshake_key", "server_handshake_iv"),
        "client_application" => ("client_application_key", "client_application_iv"),
        "server_application" => ("server_application_key", "server_application_iv"),
        _ => ("traffic_key", "traffic_iv"),
    }
}

/// Both ends, once the ECDHE secret is shared and the hellos hashed: the early and
/// handshake secrets and both directions' handshake traffic keys, every derivation
/// pushed as an event. Returns the stage and the (client, server) handshake keys.
pub(crate) fn enter_handshake(
    suite: Tls13Suite,
    shared: &[u8],
    hellos_hash: &[u8],
    events: &mut Vec<crate::tls::Event>,
) -> (HandshakeStage, TrafficKeys, TrafficKeys) {
    use crate::tls::Event;
    let (early, derivations) = start(suite.hash());
    events.extend(derivations.into_iter().map(Event::Derived));
    let (stage, derivations) = early.handshake(shared, hellos_hash);
    events.extend(derivations.into_iter().map(Event::Derived));
    let (client_keys, derivations) = traffic_keys(
        suite,
        "client_handshake",
        stage.client_handshake_traffic_secret(),
    );
    events.extend(derivations.into_iter().map(Event::Derived));
    let (server_keys, derivations) = traffic_keys(
        suite,
        "server_handshake",
        stage.server_handshake_traffic_secret(),
    );
    events.extend(derivations.into_iter().map(Event::Derived));
    (stage, client_keys, server_keys)
}

/// The write key and IV for one direction (RFC 8446 §7.3) under `suite`, with their
/// derivations named `"<prefix>_key"` and `"<prefix>_iv"`. Known prefixes:
/// `client_handshake`, `server_handshake`, `client_application`, `server_application`
/// (any other prefix is recorded as `"traffic_key"` / `"traffic_iv"`).
pub fn traffic_keys(
    suite: Tls13Suite,
    direction_prefix: &str,
    secret: &[u8],
) -> (TrafficKeys, Vec<Derivation>) {
    let (key_name, iv_name) = key_iv_names(direction_prefix);
    let hash = suite.hash();
    let (key, d1) = expand(hash, key_name, secret, "key", suite.aead().key_len());
    let (iv, d2) = expand(hash, iv_name, secret, "iv", 12);
    let mut keys = TrafficKeys {
        key,
        iv: [0; 12],
        aead: suite.aead(),
    };
    keys.iv.copy_from_slice(&iv);
    (keys, vec![d1, d2])
}

/// RFC 8446 §7.2: the next application traffic secret after a KeyUpdate,
/// `HKDF-Expand-Label(secret_N, "traffic upd", "", Hash.length)`.
pub fn next_application_secret(
    hash: HashAlg,
    name: &'static str,
    secret: &[u8],
) -> (Vec<u8>, Derivation) {
    expand(hash, name, secret, "traffic upd", hash.output_len())
}

/// RFC 8446 §4.4.1: after a HelloRetryRequest the first ClientHello enters the
/// transcript as a synthetic `message_hash` handshake message carrying its hash
/// (the suite's hash, so 32 or 48 bytes long).
pub fn message_hash(hash: HashAlg, first_hello: &[u8]) -> Vec<u8> {
    let digest = hash.digest(first_hello);
    let mut message = vec![254, 0, 0, digest.len() as u8];
    message.extend_from_slice(&digest);
    message
}

/// `finished_key = HKDF-Expand-Label(BaseKey, "finished", "", Hash.length)` (RFC 8446 §4.4.4),
/// where BaseKey is that side's handshake traffic secret. `name` is e.g. `"server_finished_key"`.
pub fn finished_key(hash: HashAlg, name: &'static str, base_key: &[u8]) -> (Vec<u8>, Derivation) {
    expand(hash, name, base_key, "finished", hash.output_len())
}

/// `verify_data = HMAC(finished_key, Transcript-Hash(Handshake Context, Certificate*, CertificateVerify*))`.
pub fn finished_verify_data(hash: HashAlg, finished_key: &[u8], transcript_hash: &[u8]) -> Vec<u8> {
    hash.hmac(finished_key, transcript_hash)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypto::hex;

    #[test]
    fn early_secret_without_psk_matches_rfc8448() {
        let (early, ds) = start(HashAlg::Sha256);
        assert_eq!(
            hex(early.early_secret()),
            "33ad0a1c607ec03b09e6cd9893680ce210adf300aa1f2660e1b22e10f170f92a"
        );
        assert_eq!(ds.len(), 1);
        assert_eq!(ds[0].name, "early_secret");
        assert_eq!(ds[0].function, "HKDF-Extract");
        assert_eq!(ds[0].input("IKM"), Some(&[0u8; 32][..]));
        assert_eq!(ds[0].hkdf_label(), None);
    }

    #[test]
    fn derivations_are_complete_and_consistent() {
        let (early, mut all) = start(HashAlg::Sha256);
        let (hs, d) = early.handshake(&[1u8; 32], &[2u8; 32]);
        all.extend(d);
        let (ap, d) = hs.clone().application(&[3u8; 32]);
        all.extend(d);
        all.push(ap.resumption_master_secret(&[4u8; 32]));
        let (_, d) = traffic_keys(
            Tls13Suite::default(),
            "client_handshake",
            hs.client_handshake_traffic_secret(),
        );
        all.extend(d);
        let names: Vec<&str> = all.iter().map(|d| d.name).collect();
        assert_eq!(
            names,
            [
                "early_secret",
                "derived",
                "handshake_secret",
                "client_handshake_traffic_secret",
                "server_handshake_traffic_secret",
                "derived",
                "master_secret",
                "client_application_traffic_secret_0",
                "server_application_traffic_secret_0",
                "exporter_master_secret",
                "resumption_master_secret",
                "client_handshake_key",
                "client_handshake_iv",
            ]
        );
        // Every Derive-Secret / Expand-Label can be recomputed from what it records.
        for d in &all {
            match d.function {
                "HKDF-Extract" => {
                    let salt = d.input("salt").unwrap();
                    let ikm = d.input("IKM").unwrap();
                    assert_eq!(
                        crate::crypto::hkdf::hkdf_extract(salt, ikm).to_vec(),
                        d.output,
                        "{}",
                        d.name
                    );
                }
                _ => {
                    let secret = d.input("Secret").unwrap();
                    let info = d.hkdf_label().unwrap();
                    assert_eq!(
                        crate::crypto::hkdf::hkdf_expand(secret, &info, d.output.len()),
                        d.output,
                        "{}",
                        d.name
                    );
                }
            }
        }
        assert_eq!(all[3].label.as_deref(), Some("c hs traffic"));
        assert_eq!(all[3].context, vec![2u8; 32]);
        assert_eq!(all[1].context, crate::crypto::sha256(b"").to_vec());
    }

    #[test]
    fn traffic_key_names_and_fallback() {
        let (k, d) = traffic_keys(Tls13Suite::default(), "server_application", &[5u8; 32]);
        assert_eq!(d[0].name, "server_application_key");
        assert_eq!(d[1].name, "server_application_iv");
        assert_eq!(k, TrafficKeys::from_secret(&[5u8; 32]));
        let (_, d) = traffic_keys(Tls13Suite::default(), "weird", &[5u8; 32]);
        assert_eq!(d[0].name, "traffic_key");
    }

    #[test]
    fn finished_verify_data_is_hmac() {
        let (fk, d) = finished_key(HashAlg::Sha256, "client_finished_key", &[6u8; 32]);
        assert_eq!(d.label.as_deref(), Some("finished"));
        assert_eq!(
            finished_verify_data(HashAlg::Sha256, &fk, &[7u8; 32]),
            crate::crypto::hmac_sha256(&fk, &[7u8; 32]).to_vec()
        );
    }

    #[test]
    fn sha384_schedule_has_48_byte_secrets_and_32_byte_keys() {
        let suite = Tls13Suite::Aes256GcmSha384;
        let (early, ds) = start(suite.hash());
        assert_eq!(early.early_secret().len(), 48);
        // RFC 8446 §7.1 with SHA-384: HKDF-Extract(48 zero bytes, 48 zero bytes).
        assert_eq!(
            crate::crypto::hex(early.early_secret()),
            "7ee8206f5570023e6dc7519eb1073bc4e791ad37b5c382aa10ba18e2357e716971f9362f2c2fe2a76bfd78dfec4ea9b5"
        );
        assert_eq!(ds[0].output.len(), 48);
        let (hs, _) = early.handshake(&[1u8; 48], &[2u8; 48]);
        let (keys, d) = traffic_keys(
            suite,
            "server_handshake",
            hs.server_handshake_traffic_secret(),
        );
        assert_eq!(keys.key.len(), 32);
        assert_eq!(d[0].output.len(), 32);
        assert_eq!(message_hash(suite.hash(), b"hello")[3], 48);
    }
}

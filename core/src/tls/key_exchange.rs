//! Ephemeral keys, one per group an endpoint can use, and the one it chose.

use crate::crypto::{CryptoError, EcdheKeyPair, LabRng, P384KeyPair, X25519KeyPair};
use crate::tls::Event;
use crate::wire::NamedGroup;

/// An ephemeral key of one group.
#[derive(Clone, Debug)]
pub(crate) enum GroupKey {
    /// secp256r1 (P-256): the simulated scenarios' group.
    P256(EcdheKeyPair),
    /// x25519: what most real clients offer first.
    X25519(X25519KeyPair),
    /// secp384r1 (P-384): the lab's browser offers it without a share.
    P384(P384KeyPair),
}

impl GroupKey {
    /// The NamedGroup code.
    pub fn group(&self) -> u16 {
        match self {
            GroupKey::P256(_) => NamedGroup::Secp256r1.to_u16(),
            GroupKey::X25519(_) => NamedGroup::X25519.to_u16(),
            GroupKey::P384(_) => NamedGroup::Secp384r1.to_u16(),
        }
    }

    /// The public key as `key_share` carries it.
    pub fn public_bytes(&self) -> Vec<u8> {
        match self {
            GroupKey::P256(key) => key.public_bytes().to_vec(),
            GroupKey::X25519(key) => key.public_bytes().to_vec(),
            GroupKey::P384(key) => key.public_bytes().to_vec(),
        }
    }

    /// The private key, for the keys panel.
    pub fn private_bytes(&self) -> Vec<u8> {
        match self {
            GroupKey::P256(key) => key.private_bytes().to_vec(),
            GroupKey::X25519(key) => key.private_bytes().to_vec(),
            GroupKey::P384(key) => key.private_bytes(),
        }
    }

    /// The shared secret with the peer's public key.
    pub fn agree(&self, peer: &[u8]) -> Result<Vec<u8>, CryptoError> {
        match self {
            GroupKey::P256(key) => key.agree(peer).map(|s| s.to_vec()),
            GroupKey::X25519(key) => key.agree(peer).map(|s| s.to_vec()),
            GroupKey::P384(key) => key.agree(peer),
        }
    }

    /// How the shared secret is computed, as the keys panel names it.
    pub fn function(&self) -> &'static str {
        match self {
            GroupKey::P256(_) => "ECDH (P-256)",
            GroupKey::X25519(_) => "X25519",
            GroupKey::P384(_) => "ECDH (P-384)",
        }
    }

    /// The event that shows the key pair.
    pub fn event(&self) -> Event {
        Event::EphemeralKey {
            private_key: self.private_bytes(),
            public_key: self.public_bytes(),
        }
    }
}

/// The keys a server holds before the ClientHello: P-256 always; x25519 too for a
/// server that meets real clients (the simulated server draws only P-256, so its
/// bytes stay as they were).
#[derive(Clone, Debug)]
pub(crate) struct ServerKeys {
    /// In order of preference: the server takes the first group the client sent a
    /// share for.
    pub keys: Vec<GroupKey>,
}

impl ServerKeys {
    /// P-256 only (the simulation).
    pub fn p256(rng: &mut LabRng) -> ServerKeys {
        ServerKeys {
            keys: vec![GroupKey::P256(EcdheKeyPair::generate(rng))],
        }
    }

    /// x25519 first, then P-256 (live sessions).
    pub fn live(rng: &mut LabRng) -> ServerKeys {
        let x25519 = X25519KeyPair::generate(rng);
        let p256 = EcdheKeyPair::generate(rng);
        ServerKeys {
            keys: vec![GroupKey::X25519(x25519), GroupKey::P256(p256)],
        }
    }

    /// Our groups, in order of preference.
    pub fn groups(&self) -> Vec<u16> {
        self.keys.iter().map(GroupKey::group).collect()
    }

    /// The key for the first group of ours the client sent a share for, with that share.
    pub fn choose(self, shares: &[crate::wire::KeyShareEntry]) -> Option<(GroupKey, &[u8])> {
        self.keys.into_iter().find_map(|key| {
            shares
                .iter()
                .find(|share| share.group == key.group())
                .map(|share| (key, share.key_exchange.as_slice()))
        })
    }
}

//! Test-only certificates and signatures made by implementations we did not write:
//! rcgen (on ring) builds and signs the certificates, rustls' ring provider signs TLS
//! messages. RSA keys come from the `rsa` crate with a seeded generator; P-256 and
//! Ed25519 keys from seeded bytes; P-384 keys from ring (which draws its own
//! randomness, like every ECDSA signature ring makes: certificates differ per run,
//! outcomes do not).

use std::sync::{Arc, OnceLock};

use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair,
    KeyUsagePurpose, SignatureAlgorithm as RcgenAlgorithm, date_time_ymd,
};
use rustls::pki_types::{PrivateKeyDer, PrivatePkcs8KeyDer};

use super::{EcdsaKey, LabRng};

/// 2026-01-01T00:00:00Z: every test chain is valid from 2025-01-01 to 2027-01-01.
pub const NOW: u64 = 1_767_225_600;

/// The key types the tests build chains of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyType {
    P256,
    P384,
    Ed25519,
    /// RSA-2048, certificates signed sha256WithRSAEncryption.
    RsaSha256,
    /// RSA-2048, certificates signed sha384WithRSAEncryption.
    RsaSha384,
    /// RSA-2048, certificates signed sha512WithRSAEncryption.
    RsaSha512,
}

/// Two seeded RSA-2048 keys (PKCS#8 DER), generated once per test run.
fn rsa_pkcs8(which: usize) -> Vec<u8> {
    static KEYS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    let keys = KEYS.get_or_init(|| {
        use rsa::pkcs8::EncodePrivateKey;
        (0..2u64)
            .map(|i| {
                let key = rsa::PrivateKey::new(&mut LabRng::from_seed(900 + i), 2048).unwrap();
                key.to_pkcs8_der().unwrap().as_bytes().to_vec()
            })
            .collect()
    });
    keys[which % keys.len()].clone()
}

/// RFC 8410 PKCS#8 for an Ed25519 seed (version 0, no public key).
fn ed25519_pkcs8(seed: [u8; 32]) -> Vec<u8> {
    let mut der = vec![
        0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04,
        0x20,
    ];
    der.extend_from_slice(&seed);
    der
}

/// A key of `kind`, the `n`th of its kind (different `n`, different key, except RSA,
/// which alternates between two keys).
pub fn key(kind: KeyType, n: u64) -> KeyPair {
    let (pkcs8, alg): (Vec<u8>, &'static RcgenAlgorithm) = match kind {
        KeyType::P256 => (
            EcdsaKey::generate(&mut LabRng::from_seed(700 + n)).to_pkcs8_der(),
            &rcgen::PKCS_ECDSA_P256_SHA256,
        ),
        KeyType::P384 => return KeyPair::generate_for(&rcgen::PKCS_ECDSA_P384_SHA384).unwrap(),
        KeyType::Ed25519 => (
            ed25519_pkcs8(LabRng::from_seed(800 + n).bytes::<32>()),
            &rcgen::PKCS_ED25519,
        ),
        KeyType::RsaSha256 => (rsa_pkcs8(n as usize), &rcgen::PKCS_RSA_SHA256),
        KeyType::RsaSha384 => (rsa_pkcs8(n as usize), &rcgen::PKCS_RSA_SHA384),
        KeyType::RsaSha512 => (rsa_pkcs8(n as usize), &rcgen::PKCS_RSA_SHA512),
    };
    KeyPair::from_pkcs8_der_and_sign_algo(&PrivatePkcs8KeyDer::from(pkcs8), alg).unwrap()
}

/// A ring signer for a key pair, through rustls' ring provider.
pub fn ring_signer(key: &KeyPair) -> Arc<dyn rustls::sign::SigningKey> {
    let der = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der()));
    rustls::crypto::ring::sign::any_supported_type(&der).unwrap()
}

/// Sign `message` with ring under a TLS scheme.
pub fn ring_sign(key: &KeyPair, scheme: rustls::SignatureScheme, message: &[u8]) -> Vec<u8> {
    ring_signer(key)
        .choose_scheme(&[scheme])
        .unwrap_or_else(|| panic!("ring cannot sign {scheme:?} with this key"))
        .sign(message)
        .unwrap()
}

/// One certificate with its key and parameters (to issue more under it).
pub struct TestCert {
    pub key: KeyPair,
    pub params: CertificateParams,
    pub der: Vec<u8>,
}

impl TestCert {
    /// The SubjectPublicKeyInfo DER of this certificate's key.
    pub fn spki_der(&self) -> Vec<u8> {
        rcgen::PublicKeyData::subject_public_key_info(&self.key)
    }
}

/// Parameters for a CA named `name`, valid 2025-01-01..2027-01-01.
pub fn ca_params(name: &str, path_len: Option<u8>) -> CertificateParams {
    let mut params = CertificateParams::new(Vec::<String>::new()).unwrap();
    params.distinguished_name = rcgen::DistinguishedName::new();
    // Most significant first, so the subject reads "CN=name, O=Test PKI".
    params
        .distinguished_name
        .push(DnType::OrganizationName, "Test PKI");
    params.distinguished_name.push(DnType::CommonName, name);
    params.is_ca = IsCa::Ca(match path_len {
        Some(n) => BasicConstraints::Constrained(n),
        None => BasicConstraints::Unconstrained,
    });
    params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    params.not_before = date_time_ymd(2025, 1, 1);
    params.not_after = date_time_ymd(2027, 1, 1);
    params.use_authority_key_identifier_extension = true;
    params
}

/// Parameters for a server certificate for `names` (dNSName or iPAddress SANs).
pub fn leaf_params(names: &[&str]) -> CertificateParams {
    let mut params =
        CertificateParams::new(names.iter().map(|n| n.to_string()).collect::<Vec<_>>()).unwrap();
    params.distinguished_name = rcgen::DistinguishedName::new();
    params
        .distinguished_name
        .push(DnType::CommonName, names.first().copied().unwrap_or("leaf"));
    params.is_ca = IsCa::ExplicitNoCa;
    params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    params.not_before = date_time_ymd(2025, 1, 1);
    params.not_after = date_time_ymd(2027, 1, 1);
    params.use_authority_key_identifier_extension = true;
    params
}

/// A self-signed certificate.
pub fn self_signed(params: CertificateParams, key: KeyPair) -> TestCert {
    let der = params.self_signed(&key).unwrap().der().to_vec();
    TestCert { key, params, der }
}

/// A certificate for `params` and `key`, issued by `issuer`.
pub fn issued(params: CertificateParams, key: KeyPair, issuer: &TestCert) -> TestCert {
    let signer = Issuer::from_params(&issuer.params, &issuer.key);
    let der = params.signed_by(&key, &signer).unwrap().der().to_vec();
    TestCert { key, params, der }
}

/// root -> intermediate -> leaf for `names`, all of one key type.
pub struct TestChain {
    pub root: TestCert,
    pub intermediate: TestCert,
    pub leaf: TestCert,
}

impl TestChain {
    /// What a server sends: leaf, then intermediate.
    pub fn sent(&self) -> Vec<Vec<u8>> {
        vec![self.leaf.der.clone(), self.intermediate.der.clone()]
    }
}

pub fn chain(kind: KeyType, names: &[&str]) -> TestChain {
    let root = self_signed(ca_params(&format!("{kind:?} Root"), None), key(kind, 0));
    let intermediate = issued(
        ca_params(&format!("{kind:?} Intermediate"), Some(0)),
        key(kind, 1),
        &root,
    );
    let leaf = issued(leaf_params(names), key(kind, 2), &intermediate);
    TestChain {
        root,
        intermediate,
        leaf,
    }
}

// ---- DER surgery, for what rcgen cannot make (RSASSA-PSS, other algorithms) ----

/// A DER TLV.
pub fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let len = content.len();
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes: Vec<u8> = len
            .to_be_bytes()
            .into_iter()
            .skip_while(|&b| b == 0)
            .collect();
        out.push(0x80 | bytes.len() as u8);
        out.extend_from_slice(&bytes);
    }
    out.extend_from_slice(content);
    out
}

/// The elements (whole TLVs) inside a constructed TLV.
pub fn elements(der: &[u8]) -> Vec<Vec<u8>> {
    fn one(buf: &[u8]) -> (usize, usize) {
        let first = buf[1] as usize;
        if first < 0x80 {
            return (2, first);
        }
        let n = first & 0x7f;
        let len = buf[2..2 + n]
            .iter()
            .fold(0usize, |acc, &b| (acc << 8) | b as usize);
        (2 + n, len)
    }
    let (h, len) = one(der);
    let mut inner = &der[h..h + len];
    let mut out = Vec::new();
    while !inner.is_empty() {
        let (h, len) = one(inner);
        out.push(inner[..h + len].to_vec());
        inner = &inner[h + len..];
    }
    out
}

/// An AlgorithmIdentifier with a dotted OID and DER parameters (or none).
pub fn algorithm_id(oid: &str, parameters: Option<&[u8]>) -> Vec<u8> {
    use x509_cert::der::Encode;
    let oid = x509_cert::der::oid::ObjectIdentifier::new(oid)
        .unwrap()
        .to_der()
        .unwrap();
    let mut content = oid;
    if let Some(p) = parameters {
        content.extend_from_slice(p);
    }
    tlv(0x30, &content)
}

/// RSASSA-PSS-params (RFC 4055) for `hash_oid`, MGF1 with `mgf_hash_oid`, a salt.
pub fn pss_parameters(hash_oid: &str, mgf_hash_oid: &str, salt_len: u8) -> Vec<u8> {
    const NULL: &[u8] = &[0x05, 0x00];
    let hash = algorithm_id(hash_oid, Some(NULL));
    let mgf = algorithm_id(
        "1.2.840.113549.1.1.8",
        Some(&algorithm_id(mgf_hash_oid, Some(NULL))),
    );
    let salt = tlv(0x02, &[salt_len]);
    let mut content = tlv(0xa0, &hash);
    content.extend(tlv(0xa1, &mgf));
    content.extend(tlv(0xa2, &salt));
    tlv(0x30, &content)
}

/// `cert_der` with its signature algorithm replaced (inside and outside the signed
/// part) by `algorithm` and re-signed by `sign` over the new tbsCertificate.
pub fn resign(cert_der: &[u8], algorithm: &[u8], sign: impl Fn(&[u8]) -> Vec<u8>) -> Vec<u8> {
    let outer = elements(cert_der);
    let mut tbs_parts = elements(&outer[0]);
    tbs_parts[2] = algorithm.to_vec();
    let tbs = tlv(0x30, &tbs_parts.concat());
    let mut bits = vec![0u8];
    bits.extend(sign(&tbs));
    let mut content = tbs;
    content.extend_from_slice(algorithm);
    content.extend(tlv(0x03, &bits));
    tlv(0x30, &content)
}

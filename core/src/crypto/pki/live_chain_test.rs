//! Unit tests of `verify_live_chain` and `TrustAnchors`, on chains rcgen made.

use rcgen::IsCa;

use super::*;
use crate::crypto::pki::{TrustAnchors, pem, verify_server_chain};
use crate::crypto::test_pki::{
    KeyType, NOW, TestCert, TestChain, ca_params, chain, issued, key, leaf_params, self_signed,
};
use crate::text::{CORE_MESSAGES, bundle, check_text};

fn anchors(roots: &[&TestCert]) -> TrustAnchors {
    TrustAnchors::from_der_certificates(roots.iter().map(|r| r.der.clone())).unwrap()
}

fn verify(chain: &TestChain, name: &str) -> ChainVerdict {
    verify_live_chain(&chain.sent(), &anchors(&[&chain.root]), name, NOW)
}

fn check(verdict: &ChainVerdict, name: ChainCheckName) -> &ChainCheck {
    verdict.checks.iter().find(|c| c.check == name).unwrap()
}

fn failed(verdict: &ChainVerdict) -> Vec<ChainCheckName> {
    verdict
        .checks
        .iter()
        .filter(|c| !c.passed)
        .map(|c| c.check)
        .collect()
}

/// Every detail is a message both languages have, with every argument it needs.
fn assert_words_exist(verdict: &ChainVerdict) {
    for (language, sources) in CORE_MESSAGES {
        let bundle = bundle(language, sources).unwrap();
        for c in &verdict.checks {
            check_text(&bundle, &c.detail).unwrap_or_else(|e| panic!("{language}: {e}"));
        }
    }
}

#[test]
fn root_intermediate_leaf_of_every_key_type_is_accepted() {
    for kind in [
        KeyType::P256,
        KeyType::P384,
        KeyType::Ed25519,
        KeyType::RsaSha256,
        KeyType::RsaSha384,
        KeyType::RsaSha512,
    ] {
        let chain = chain(kind, &["www.example.com"]);
        let verdict = verify(&chain, "www.example.com");
        assert!(verdict.is_ok(), "{kind:?}: {:#?}", verdict.checks);
        assert_eq!(verdict.checks.len(), 7);
        assert_eq!(
            verdict.checks.iter().map(|c| c.check).collect::<Vec<_>>(),
            ChainCheckName::ALL
        );
        assert_eq!(
            verdict.leaf_spki_der,
            Some(chain.leaf.spki_der()),
            "{kind:?}"
        );
        assert_eq!(
            verdict
                .path
                .iter()
                .map(|p| p.chain_index)
                .collect::<Vec<_>>(),
            [Some(0), Some(1), None]
        );
        let root_name = format!("CN={kind:?} Root, O=Test PKI");
        assert_eq!(verdict.path[2].subject, root_name);
        assert_eq!(verdict.anchor_subject.as_deref(), Some(root_name.as_str()));
        let links = check(&verdict, ChainCheckName::Signature)
            .detail
            .to_string();
        assert!(links.contains("CN=www.example.com ← CN="), "{links}");
        assert_eq!(links.matches(" ← ").count(), 2, "two links: {links}");
        assert_words_exist(&verdict);
    }
}

#[test]
fn leaf_without_its_issuer_is_unknown_ca() {
    let chain = chain(KeyType::P256, &["www.example.com"]);
    let verdict = verify_live_chain(
        std::slice::from_ref(&chain.leaf.der),
        &anchors(&[&chain.root]),
        "www.example.com",
        NOW,
    );
    assert_eq!(verdict.failure, Some(ChainFailure::UnknownCa));
    assert_eq!(
        failed(&verdict),
        [
            ChainCheckName::Issuer,
            ChainCheckName::Signature,
            ChainCheckName::Ca
        ]
    );
    let detail = check(&verdict, ChainCheckName::Issuer).detail.to_string();
    assert!(detail.contains("P256 Intermediate"), "{detail}");
    // Hostname, validity and key usage are still checked and reported.
    assert!(check(&verdict, ChainCheckName::Hostname).passed);
    assert_eq!(verdict.anchor_subject, None);
    assert_words_exist(&verdict);

    // Another CA's root does not help either.
    let other = chain_of(KeyType::P256, "Other");
    let verdict = verify_live_chain(&chain.sent(), &anchors(&[&other]), "www.example.com", NOW);
    assert_eq!(verdict.failure, Some(ChainFailure::UnknownCa));
}

fn chain_of(kind: KeyType, name: &str) -> TestCert {
    self_signed(ca_params(&format!("{name} Root"), None), key(kind, 9))
}

#[test]
fn wrong_host_is_bad_certificate() {
    let chain = chain(KeyType::RsaSha256, &["www.example.com", "example.com"]);
    let verdict = verify(&chain, "bank.example");
    assert_eq!(verdict.failure, Some(ChainFailure::BadCertificate));
    assert_eq!(failed(&verdict), [ChainCheckName::Hostname]);
    assert_eq!(
        check(&verdict, ChainCheckName::Hostname).detail.to_string(),
        "certificate is for www.example.com, example.com, not bank.example"
    );
    assert!(verify(&chain, "EXAMPLE.com.").is_ok());
    assert_words_exist(&verdict);
}

#[test]
fn wildcard_covers_one_label_only() {
    let chain = chain(KeyType::P256, &["*.example.com"]);
    let verdict = verify(&chain, "www.example.com");
    assert!(verdict.is_ok(), "{:#?}", verdict.checks);
    assert!(
        check(&verdict, ChainCheckName::Hostname)
            .detail
            .to_string()
            .contains("*.example.com")
    );
    assert_words_exist(&verdict);
    for host in ["a.b.example.com", "example.com", "wwwexample.com"] {
        let verdict = verify(&chain, host);
        assert_eq!(failed(&verdict), [ChainCheckName::Hostname], "{host}");
    }
    // A wildcard over a bare top-level domain matches nothing.
    let bare = chain_with_leaf(KeyType::P256, &["*.com"]);
    assert_eq!(
        failed(&verify(&bare, "example.com")),
        [ChainCheckName::Hostname]
    );
}

fn chain_with_leaf(kind: KeyType, names: &[&str]) -> TestChain {
    chain(kind, names)
}

#[test]
fn an_address_matches_only_an_ip_address_entry() {
    let chain = chain(KeyType::P256, &["127.0.0.1", "::1", "localhost"]);
    let verdict = verify(&chain, "127.0.0.1");
    assert!(verdict.is_ok(), "{:#?}", verdict.checks);
    assert!(verify(&chain, "[::1]").is_ok());
    assert!(verify(&chain, "localhost").is_ok());
    assert_words_exist(&verdict);
    let verdict = verify(&chain, "127.0.0.2");
    assert_eq!(failed(&verdict), [ChainCheckName::Hostname]);
    assert_eq!(
        check(&verdict, ChainCheckName::Hostname).detail.to_string(),
        "certificate is for 127.0.0.1, ::1, localhost, not the address 127.0.0.2"
    );
    assert_words_exist(&verdict);
    // A DNS name spelled like an address in a dNSName entry does not count as an address.
    let dns_only = chain_with_leaf(KeyType::P256, &["localhost"]);
    assert_eq!(
        failed(&verify(&dns_only, "127.0.0.1")),
        [ChainCheckName::Hostname]
    );
}

#[test]
fn expired_intermediate_is_certificate_expired() {
    let root = self_signed(ca_params("Root", None), key(KeyType::P256, 0));
    let mut params = ca_params("Old Intermediate", None);
    params.not_before = rcgen::date_time_ymd(2020, 1, 1);
    params.not_after = rcgen::date_time_ymd(2025, 6, 1);
    let intermediate = issued(params, key(KeyType::P256, 1), &root);
    let leaf = issued(
        leaf_params(&["www.example.com"]),
        key(KeyType::P256, 2),
        &intermediate,
    );
    let verdict = verify_live_chain(
        &[leaf.der.clone(), intermediate.der.clone()],
        &anchors(&[&root]),
        "www.example.com",
        NOW,
    );
    assert_eq!(verdict.failure, Some(ChainFailure::CertificateExpired));
    assert_eq!(failed(&verdict), [ChainCheckName::Validity]);
    let detail = check(&verdict, ChainCheckName::Validity).detail.to_string();
    assert!(
        detail.starts_with("\"CN=Old Intermediate, O=Test PKI\" expired at 2025-06-01"),
        "{detail}"
    );
    assert_words_exist(&verdict);
    // Not yet valid: the same chain a year before its intermediate began.
    let early = verify_live_chain(
        &[leaf.der.clone(), intermediate.der.clone()],
        &anchors(&[&root]),
        "www.example.com",
        NOW - 2 * 366 * 86_400,
    );
    assert_eq!(early.failure, Some(ChainFailure::CertificateExpired));
    assert_words_exist(&early);
}

#[test]
fn an_intermediate_that_is_not_a_ca_is_refused() {
    let root = self_signed(ca_params("Root", None), key(KeyType::Ed25519, 0));
    let mut params = ca_params("Not A CA", None);
    params.is_ca = IsCa::ExplicitNoCa;
    params.key_usages = vec![rcgen::KeyUsagePurpose::DigitalSignature];
    let not_ca = issued(params, key(KeyType::Ed25519, 1), &root);
    let leaf = issued(
        leaf_params(&["www.example.com"]),
        key(KeyType::Ed25519, 2),
        &not_ca,
    );
    let verdict = verify_live_chain(
        &[leaf.der.clone(), not_ca.der.clone()],
        &anchors(&[&root]),
        "www.example.com",
        NOW,
    );
    assert_eq!(verdict.failure, Some(ChainFailure::UnknownCa));
    assert_eq!(failed(&verdict), [ChainCheckName::Ca]);
    assert_eq!(
        check(&verdict, ChainCheckName::Ca).detail.to_string(),
        "\"CN=Not A CA, O=Test PKI\" issued a certificate but is not a CA (basicConstraints cA is not true)"
    );
    assert_words_exist(&verdict);
}

#[test]
fn a_ca_without_key_cert_sign_or_beyond_its_path_length_is_refused() {
    // keyUsage present without keyCertSign.
    let root = self_signed(ca_params("Root", None), key(KeyType::P256, 0));
    let mut params = ca_params("No Cert Sign", None);
    params.key_usages = vec![rcgen::KeyUsagePurpose::DigitalSignature];
    let intermediate = issued(params, key(KeyType::P256, 1), &root);
    let leaf = issued(
        leaf_params(&["a.example"]),
        key(KeyType::P256, 2),
        &intermediate,
    );
    let verdict = verify_live_chain(
        &[leaf.der.clone(), intermediate.der.clone()],
        &anchors(&[&root]),
        "a.example",
        NOW,
    );
    assert_eq!(failed(&verdict), [ChainCheckName::Ca]);
    assert_words_exist(&verdict);

    // The root allows no intermediate (pathLen 0) but there is one.
    let strict_root = self_signed(ca_params("Strict Root", Some(0)), key(KeyType::P256, 0));
    let intermediate = issued(
        ca_params("Below", None),
        key(KeyType::P256, 1),
        &strict_root,
    );
    let leaf = issued(
        leaf_params(&["a.example"]),
        key(KeyType::P256, 2),
        &intermediate,
    );
    let verdict = verify_live_chain(
        &[leaf.der.clone(), intermediate.der.clone()],
        &anchors(&[&strict_root]),
        "a.example",
        NOW,
    );
    assert_eq!(failed(&verdict), [ChainCheckName::Ca]);
    assert_eq!(
        check(&verdict, ChainCheckName::Ca).detail.to_string(),
        "\"CN=Strict Root, O=Test PKI\" allows 0 intermediate(s) below it, but the path has 1"
    );
    assert_words_exist(&verdict);
}

#[test]
fn a_tampered_signature_byte_is_a_bad_certificate_naming_the_link() {
    let chain = chain(KeyType::P384, &["www.example.com"]);
    let mut leaf = chain.leaf.der.clone();
    let last = leaf.len() - 3;
    leaf[last] ^= 0x01;
    let verdict = verify_live_chain(
        &[leaf, chain.intermediate.der.clone()],
        &anchors(&[&chain.root]),
        "www.example.com",
        NOW,
    );
    assert_eq!(verdict.failure, Some(ChainFailure::BadCertificate));
    assert_eq!(failed(&verdict), [ChainCheckName::Signature]);
    let detail = check(&verdict, ChainCheckName::Signature)
        .detail
        .to_string();
    assert!(
        detail.starts_with("the signature of \"CN=www.example.com\" does not verify with the key of \"CN=P384 Intermediate, O=Test PKI\""),
        "{detail}"
    );
    assert_words_exist(&verdict);
}

#[test]
fn chain_out_of_order_with_an_unrelated_certificate_is_accepted() {
    let chain = chain(KeyType::RsaSha256, &["www.example.com"]);
    let stranger = chain_of(KeyType::P256, "Stranger");
    let sent = vec![
        chain.leaf.der.clone(),
        stranger.der.clone(),
        chain.root.der.clone(),
        chain.intermediate.der.clone(),
        vec![0x30, 0x03, 0x02, 0x01, 0x00],
    ];
    let verdict = verify_live_chain(&sent, &anchors(&[&chain.root]), "www.example.com", NOW);
    assert!(verdict.is_ok(), "{:#?}", verdict.checks);
    // The anchor issued the intermediate: the root the server sent is not needed.
    assert_eq!(
        verdict
            .path
            .iter()
            .map(|p| p.chain_index)
            .collect::<Vec<_>>(),
        [Some(0), Some(3), None]
    );
    let parse = check(&verdict, ChainCheckName::Parse).detail.to_string();
    assert!(
        parse.contains("5 certificate(s) sent, 1 unreadable"),
        "{parse}"
    );
    assert_words_exist(&verdict);
}

#[test]
fn a_self_signed_leaf_is_unknown_unless_trusted_itself() {
    let mut params = leaf_params(&["self.example"]);
    params.use_authority_key_identifier_extension = false;
    let leaf = self_signed(params, key(KeyType::P256, 5));
    let unrelated = chain_of(KeyType::P256, "Unrelated");
    let verdict = verify_live_chain(
        std::slice::from_ref(&leaf.der),
        &anchors(&[&unrelated]),
        "self.example",
        NOW,
    );
    assert_eq!(verdict.failure, Some(ChainFailure::UnknownCa));
    assert_words_exist(&verdict);
    // `--cacert self.pem`: the server's own certificate is the anchor.
    let verdict = verify_live_chain(
        std::slice::from_ref(&leaf.der),
        &anchors(&[&leaf]),
        "self.example",
        NOW,
    );
    assert!(verdict.is_ok(), "{:#?}", verdict.checks);
    assert_eq!(verdict.anchor_subject.as_deref(), Some("CN=self.example"));
    assert_words_exist(&verdict);
}

/// root -> `n` intermediates -> leaf; the chain as sent (leaf first) and the root.
fn long_chain(n: usize) -> (Vec<Vec<u8>>, TestCert) {
    let root = self_signed(ca_params("Deep Root", None), key(KeyType::P256, 0));
    let mut sent = Vec::new();
    let mut above: Option<TestCert> = None;
    for i in 0..n {
        let issuer = above.as_ref().unwrap_or(&root);
        let cert = issued(
            ca_params(&format!("Level {i}"), None),
            key(KeyType::P256, 10 + i as u64),
            issuer,
        );
        sent.insert(0, cert.der.clone());
        above = Some(cert);
    }
    let leaf = issued(
        leaf_params(&["deep.example"]),
        key(KeyType::P256, 2),
        above.as_ref().unwrap_or(&root),
    );
    sent.insert(0, leaf.der);
    (sent, root)
}

#[test]
fn paths_longer_than_the_limit_are_refused() {
    let (sent, root) = long_chain(MAX_PATH_CERTIFICATES - 1);
    let verdict = verify_live_chain(&sent, &anchors(&[&root]), "deep.example", NOW);
    assert!(verdict.is_ok(), "{:#?}", verdict.checks);
    assert_eq!(verdict.path.len(), MAX_PATH_CERTIFICATES + 1);

    let (sent, root) = long_chain(MAX_PATH_CERTIFICATES);
    let verdict = verify_live_chain(&sent, &anchors(&[&root]), "deep.example", NOW);
    assert_eq!(verdict.failure, Some(ChainFailure::UnknownCa));
    assert_eq!(
        check(&verdict, ChainCheckName::Issuer).detail.to_string(),
        "no path to a trusted root within 8 certificates"
    );
    assert_words_exist(&verdict);
}

#[test]
fn no_certificate_or_garbage_is_a_parse_failure() {
    let chain = chain(KeyType::P256, &["a.example"]);
    let anchors = anchors(&[&chain.root]);
    for sent in [Vec::new(), vec![vec![1, 2, 3]]] {
        let verdict = verify_live_chain(&sent, &anchors, "a.example", NOW);
        assert_eq!(verdict.failure, Some(ChainFailure::BadCertificate));
        assert_eq!(failed(&verdict), ChainCheckName::ALL);
        assert_eq!(verdict.server_public_key, None);
        assert_words_exist(&verdict);
    }
}

#[test]
fn the_simulated_lab_chain_passes_the_live_check_too() {
    use crate::crypto::{LabRng, Validity, issue_pki};
    let pki = issue_pki(
        &mut LabRng::from_seed(1),
        "Handshake Lab Root CA",
        "bank.example",
        Validity {
            not_before: NOW - 86_400,
            not_after: NOW + 86_400,
        },
    )
    .unwrap();
    let anchors = TrustAnchors::from_der_certificates([&pki.ca_cert_der]).unwrap();
    let sent = std::slice::from_ref(&pki.server_cert_der);
    let live = verify_live_chain(sent, &anchors, "bank.example", NOW);
    assert!(live.is_ok(), "{:#?}", live.checks);
    let lab = verify_server_chain(sent, &pki.ca_cert_der, "bank.example", NOW);
    assert_eq!(live.server_public_key, lab.server_public_key);
    assert_eq!(live.leaf_spki_der, lab.leaf_spki_der);
    // The lab's own verdict serialises exactly as before: no new field in JSON.
    let json = serde_json::to_value(&lab).unwrap();
    let keys: Vec<&String> = json.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["checks", "failure", "server_public_key"]);
}

#[test]
fn a_pem_bundle_skips_and_counts_a_broken_entry() {
    let a = chain(KeyType::P256, &["a.example"]);
    let b = chain(KeyType::RsaSha256, &["b.example"]);
    let bundle = format!(
        "# comment before\n{}\nsome text between\n-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n{}-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n",
        pem("CERTIFICATE", &a.root.der),
        pem("CERTIFICATE", &b.root.der).replace('\n', "\r\n"),
    );
    let anchors = TrustAnchors::from_pem(&bundle).unwrap();
    assert_eq!(anchors.len(), 2);
    assert_eq!(anchors.skipped(), 2);
    assert_eq!(
        anchors.iter().map(|a| a.subject()).collect::<Vec<_>>(),
        ["CN=P256 Root, O=Test PKI", "CN=RsaSha256 Root, O=Test PKI"]
    );
    assert!(verify_live_chain(&a.sent(), &anchors, "a.example", NOW).is_ok());
    assert!(verify_live_chain(&b.sent(), &anchors, "b.example", NOW).is_ok());

    // A duplicate is kept once; an unterminated block is skipped.
    let twice = format!(
        "{0}{0}-----BEGIN CERTIFICATE-----\nMIIB",
        pem("CERTIFICATE", &a.root.der)
    );
    let anchors = TrustAnchors::from_pem(&twice).unwrap();
    assert_eq!((anchors.len(), anchors.skipped()), (1, 1));

    // Nothing usable: an error, not an empty trust store.
    let garbage =
        "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n";
    assert!(TrustAnchors::from_pem(garbage).is_err());
    assert!(TrustAnchors::from_pem("").is_err());
    assert!(TrustAnchors::from_pem("just text").is_err());
    assert!(TrustAnchors::from_der_certificates(Vec::<Vec<u8>>::new()).is_err());
}

#[test]
fn a_link_signed_with_an_unsupported_algorithm_is_a_bad_signature_naming_it() {
    use crate::crypto::test_pki::{algorithm_id, resign, ring_sign};
    let chain = chain(KeyType::RsaSha256, &["old.example"]);
    let sha1_rsa = algorithm_id("1.2.840.113549.1.1.5", Some(&[0x05, 0x00]));
    let leaf = resign(&chain.leaf.der, &sha1_rsa, |tbs| {
        ring_sign(
            &chain.intermediate.key,
            rustls::SignatureScheme::RSA_PKCS1_SHA256,
            tbs,
        )
    });
    let verdict = verify_live_chain(
        &[leaf, chain.intermediate.der.clone()],
        &anchors(&[&chain.root]),
        "old.example",
        NOW,
    );
    assert_eq!(verdict.failure, Some(ChainFailure::BadCertificate));
    assert_eq!(failed(&verdict), [ChainCheckName::Signature]);
    let detail = check(&verdict, ChainCheckName::Signature)
        .detail
        .to_string();
    assert!(
        detail.ends_with(
            "unsupported signature algorithm: sha1WithRSAEncryption (1.2.840.113549.1.1.5)"
        ),
        "{detail}"
    );
    assert_words_exist(&verdict);
}

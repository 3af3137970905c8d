//! Unit tests of the extension list and algorithm names in `CertSummary`.

use rcgen::{CrlDistributionPoint, CustomExtension, GeneralSubtree, NameConstraints};

use crate::crypto::pki::summarize_certificate;
use crate::crypto::test_pki::{
    KeyType, ca_params, chain, issued, key, leaf_params, self_signed, tlv,
};

fn oid_der(dotted: &str) -> Vec<u8> {
    use x509_cert::der::Encode;
    x509_cert::der::oid::ObjectIdentifier::new(dotted)
        .unwrap()
        .to_der()
        .unwrap()
}

/// RFC 6962 §3.3: one SCT in a SignedCertificateTimestampList, wrapped as the
/// extension's OCTET STRING.
fn sct_list(log_id: [u8; 32], millis: u64) -> Vec<u8> {
    let mut sct = vec![0u8];
    sct.extend_from_slice(&log_id);
    sct.extend_from_slice(&millis.to_be_bytes());
    sct.extend_from_slice(&[0, 0]); // no extensions
    sct.extend_from_slice(&[4, 3, 0, 2, 0xab, 0xcd]); // sha256/ecdsa, 2-byte signature
    let mut list = (sct.len() as u16).to_be_bytes().to_vec();
    list.extend(sct);
    let mut tls = (list.len() as u16).to_be_bytes().to_vec();
    tls.extend(list);
    tlv(0x04, &tls)
}

#[test]
fn extensions_are_listed_by_name_with_readable_values() {
    let root = self_signed(ca_params("Ext Root", Some(1)), key(KeyType::P256, 0));
    let mut params = leaf_params(&["www.example.com", "10.0.0.1"]);
    params.crl_distribution_points = vec![CrlDistributionPoint {
        uris: vec!["http://crl.example/ca.crl".into()],
    }];
    let aia = tlv(
        0x30,
        &[
            tlv(
                0x30,
                &[
                    oid_der("1.3.6.1.5.5.7.48.1"),
                    tlv(0x86, b"http://ocsp.example"),
                ]
                .concat(),
            ),
            tlv(
                0x30,
                &[
                    oid_der("1.3.6.1.5.5.7.48.2"),
                    tlv(0x86, b"http://ca.example/ca.der"),
                ]
                .concat(),
            ),
        ]
        .concat(),
    );
    let policies = tlv(
        0x30,
        &[
            tlv(0x30, &oid_der("2.23.140.1.2.1")),
            tlv(0x30, &oid_der("1.3.6.1.4.1.44947.1.1.1")),
        ]
        .concat(),
    );
    params.custom_extensions = vec![
        CustomExtension::from_oid_content(&[1, 3, 6, 1, 5, 5, 7, 1, 1], aia),
        CustomExtension::from_oid_content(&[2, 5, 29, 32], policies),
        CustomExtension::from_oid_content(
            &[1, 3, 6, 1, 4, 1, 11129, 2, 4, 2],
            sct_list([0xa4; 32], 1_767_225_600_123),
        ),
        CustomExtension::from_oid_content(&[1, 2, 3, 4], vec![0x04, 0x02, 0xab, 0xcd]),
    ];
    let leaf = issued(params, key(KeyType::P256, 1), &root);
    let summary = summarize_certificate(&leaf.der).unwrap();
    let by_name = |name: &str| {
        summary
            .extensions
            .iter()
            .find(|e| e.name == Some(name))
            .unwrap_or_else(|| panic!("{name} missing: {:#?}", summary.extensions))
    };
    assert_eq!(
        by_name("subjectAltName").value,
        "DNS:www.example.com, IP:10.0.0.1"
    );
    assert_eq!(by_name("subjectAltName").oid, "2.5.29.17");
    assert_eq!(by_name("basicConstraints").value, "CA:false");
    assert!(by_name("basicConstraints").critical);
    assert_eq!(by_name("keyUsage").value, "digitalSignature");
    assert_eq!(by_name("extKeyUsage").value, "serverAuth");
    assert!(
        by_name("authorityKeyIdentifier")
            .value
            .starts_with("keyid:")
    );
    assert_eq!(
        by_name("cRLDistributionPoints").value,
        "http://crl.example/ca.crl"
    );
    assert_eq!(
        by_name("authorityInfoAccess").value,
        "OCSP: http://ocsp.example, caIssuers: http://ca.example/ca.der"
    );
    assert_eq!(
        by_name("certificatePolicies").value,
        "2.23.140.1.2.1 (CA/B Forum domain validated), 1.3.6.1.4.1.44947.1.1.1"
    );
    assert_eq!(
        by_name("signedCertificateTimestampList").value,
        "1 SCT(s): log a4a4a4a4a4a4a4a4… at 2026-01-01T00:00:00Z"
    );
    let unknown = summary
        .extensions
        .iter()
        .find(|e| e.oid == "1.2.3.4")
        .unwrap();
    assert_eq!((unknown.name, unknown.value.as_str()), (None, "0402abcd"));
    assert!(!unknown.critical);

    let root_summary = summarize_certificate(&root.der).unwrap();
    let bc = root_summary
        .extensions
        .iter()
        .find(|e| e.name == Some("basicConstraints"))
        .unwrap();
    assert_eq!(bc.value, "CA:true, pathlen:1");
    let ku = root_summary
        .extensions
        .iter()
        .find(|e| e.name == Some("keyUsage"))
        .unwrap();
    assert_eq!(ku.value, "keyCertSign, cRLSign");
    let ski = root_summary
        .extensions
        .iter()
        .find(|e| e.name == Some("subjectKeyIdentifier"))
        .unwrap();
    assert!(
        ski.value.contains(':') && ski.value.len() > 20,
        "{}",
        ski.value
    );
}

#[test]
fn name_constraints_and_broken_values_are_shown() {
    let mut params = ca_params("Constrained", None);
    params.name_constraints = Some(NameConstraints {
        permitted_subtrees: vec![GeneralSubtree::DnsName(".example.com".into())],
        excluded_subtrees: vec![GeneralSubtree::DnsName("bad.example.com".into())],
    });
    // A known extension whose value does not decode shows its bytes.
    params.custom_extensions = vec![CustomExtension::from_oid_content(
        &[2, 5, 29, 37],
        vec![0x01, 0x02],
    )];
    let ca = self_signed(params, key(KeyType::P256, 0));
    let summary = summarize_certificate(&ca.der);
    // A malformed extKeyUsage makes the summary itself an error, as before.
    assert!(summary.is_err());

    let mut params = ca_params("Constrained", None);
    params.name_constraints = Some(NameConstraints {
        permitted_subtrees: vec![GeneralSubtree::DnsName(".example.com".into())],
        excluded_subtrees: vec![GeneralSubtree::DnsName("bad.example.com".into())],
    });
    let ca = self_signed(params, key(KeyType::P256, 0));
    let summary = summarize_certificate(&ca.der).unwrap();
    let nc = summary
        .extensions
        .iter()
        .find(|e| e.name == Some("nameConstraints"))
        .unwrap();
    assert_eq!(
        nc.value,
        "permitted: DNS:.example.com; excluded: DNS:bad.example.com"
    );
}

#[test]
fn algorithms_are_named_without_changing_the_lab_names() {
    let cases = [
        (
            KeyType::P256,
            "id-ecPublicKey",
            "id-ecPublicKey (P-256)",
            "ecdsa-with-SHA256",
        ),
        (
            KeyType::P384,
            "id-ecPublicKey (P-384)",
            "id-ecPublicKey (P-384)",
            "ecdsa-with-SHA384",
        ),
        (KeyType::Ed25519, "Ed25519", "Ed25519", "Ed25519"),
        (
            KeyType::RsaSha256,
            "rsaEncryption",
            "rsaEncryption (2048 bits)",
            "sha256WithRSAEncryption",
        ),
        (
            KeyType::RsaSha384,
            "rsaEncryption",
            "rsaEncryption (2048 bits)",
            "sha384WithRSAEncryption",
        ),
        (
            KeyType::RsaSha512,
            "rsaEncryption",
            "rsaEncryption (2048 bits)",
            "sha512WithRSAEncryption",
        ),
    ];
    for (kind, key_name, key_description, signature) in cases {
        let chain = chain(kind, &["a.example"]);
        let leaf = summarize_certificate(&chain.leaf.der).unwrap();
        assert_eq!(leaf.public_key_algorithm, key_name, "{kind:?}");
        assert_eq!(leaf.public_key_description, key_description, "{kind:?}");
        assert_eq!(leaf.signature_algorithm, signature, "{kind:?}");
    }
}

#[test]
fn the_lab_summary_serialises_as_before() {
    use crate::crypto::{LabRng, Validity, issue_pki};
    let pki = issue_pki(
        &mut LabRng::from_seed(1),
        "Handshake Lab Root CA",
        "bank.example",
        Validity {
            not_before: 0,
            not_after: 86_400,
        },
    )
    .unwrap();
    let summary = summarize_certificate(&pki.server_cert_der).unwrap();
    assert_eq!(summary.extensions.len(), 6);
    let json = serde_json::to_value(&summary).unwrap();
    assert!(json.get("extensions").is_none());
    assert!(json.get("public_key_description").is_none());
    assert_eq!(json["public_key_algorithm"], "id-ecPublicKey");
    assert_eq!(json["signature_algorithm"], "ecdsa-with-SHA256");
}

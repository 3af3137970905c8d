//! The simulated scenarios stay byte-identical: what `trace` (text and JSON), `pcap`
//! (capture and key log) and `certs` give for every scenario and seeds 1 to 5 hashes
//! to the digests in `golden/outputs.sha256`, written by `sha256sum` over the files
//! `scripts/outputs.sh` made with the release before the core became its own crate.
//!
//! A change that means to change these bytes regenerates the list (and says why in its
//! commit): `HANDSHAKE_LAB_BLESS=1 cargo test -p handshake-lab-core --test golden`.

use std::collections::BTreeMap;
use std::path::Path;

use handshake_lab_core::export::{capture, certs, pcap, trace};
use handshake_lab_core::sim::{Scenario, ScenarioName, simulate};
use sha2::{Digest, Sha256};

const SEEDS: std::ops::RangeInclusive<u64> = 1..=5;

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Every output file, by its path under `scripts/outputs.sh`'s folder, as bytes.
fn outputs() -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for name in ScenarioName::ALL {
        for seed in SEEDS {
            let scenario = Scenario {
                seed,
                ..Scenario::named(*name)
            };
            let timeline = simulate(&scenario).expect("the scenario simulates");
            let dir = format!("{}/seed-{seed}", name.name());
            let mut json = serde_json::to_string_pretty(&trace::json(&timeline)).expect("JSON");
            json.push('\n');
            let capture = capture::capture(&timeline);
            files.insert(
                format!("{dir}/trace.txt"),
                trace::text(&timeline).into_bytes(),
            );
            files.insert(format!("{dir}/trace.json"), json.into_bytes());
            files.insert(
                format!("{dir}/session.pcapng"),
                pcap::pcapng_bytes(&capture),
            );
            // `pcap --keylog` writes the key log only when there is one (not for `http`).
            files.insert(format!("{dir}/keys.log"), capture.keylog.into_bytes());
            for (file, text) in certs::pem_files(&timeline) {
                files.insert(format!("{dir}/certs/{file}"), text.into_bytes());
            }
        }
    }
    files
}

#[test]
fn every_scenario_and_seed_gives_the_same_bytes_as_before() {
    let list = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/outputs.sha256");
    let actual: BTreeMap<String, String> = outputs()
        .into_iter()
        .map(|(path, bytes)| (path, sha256_hex(&bytes)))
        .collect();
    if std::env::var_os("HANDSHAKE_LAB_BLESS").is_some() {
        let text: String = actual
            .iter()
            .map(|(path, digest)| format!("{digest}  {path}\n"))
            .collect();
        std::fs::write(&list, text).expect("the digest list is written");
        return;
    }
    let text = std::fs::read_to_string(&list).expect("the digest list is read");
    let expected: BTreeMap<String, String> = text
        .lines()
        .filter_map(|line| line.split_once("  "))
        .map(|(digest, path)| {
            (
                path.trim_start_matches("./").to_string(),
                digest.to_string(),
            )
        })
        .collect();
    assert_eq!(
        expected.len(),
        ScenarioName::ALL.len() * SEEDS.count() * 7,
        "the list names every file"
    );
    let differ: Vec<&String> = expected
        .iter()
        .filter(|(path, digest)| actual.get(*path) != Some(digest))
        .map(|(path, _)| path)
        .collect();
    assert!(
        differ.is_empty(),
        "{} of {} outputs changed, first: {:?}",
        differ.len(),
        expected.len(),
        differ.first()
    );
}

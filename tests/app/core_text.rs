//! The core's words (`core/i18n/*.ftl`): every language has exactly the English
//! keys, each file parses, and no message is left in English.

use handshake_lab::app::i18n::keys_in;
use handshake_lab::text::{CORE_MESSAGES, bundle};

#[test]
fn every_core_file_has_the_english_keys_and_no_other() {
    let (_, english) = CORE_MESSAGES[0];
    assert_eq!(CORE_MESSAGES[0].0, "en");
    for (code, sources) in &CORE_MESSAGES[1..] {
        assert_eq!(
            sources.len(),
            english.len(),
            "{code}: one core file per English file"
        );
        for (file, (en, other)) in english.iter().zip(sources.iter()).enumerate() {
            let en_keys = keys_in(en);
            let keys = keys_in(other);
            let missing: Vec<_> = en_keys.iter().filter(|k| !keys.contains(k)).collect();
            let stale: Vec<_> = keys.iter().filter(|k| !en_keys.contains(k)).collect();
            assert!(
                missing.is_empty(),
                "{code} core file {file} lacks {missing:?}"
            );
            assert!(
                stale.is_empty(),
                "{code} core file {file} has extra {stale:?}"
            );
        }
        bundle(code, sources).unwrap_or_else(|e| panic!("{e}"));
    }
}

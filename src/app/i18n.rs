//! Words are data: every text the app shows comes from a Fluent message file.
//!
//! English (`assets/i18n/en.ftl`) is built in and is the fallback: a key missing from
//! the chosen language shows its English text, and a key missing from English too
//! shows the key itself in brackets, so a gap is visible and never a panic.

use fluent_bundle::{FluentArgs, FluentValue};

use crate::text::{Bundle, CORE_MESSAGES, Text, format_text};

/// The English message file, always present.
pub const ENGLISH_FTL: &str = include_str!("../../assets/i18n/en.ftl");

/// The German message file.
pub const GERMAN_FTL: &str = include_str!("../../assets/i18n/de.ftl");

/// Every language the UI speaks: its code and its message file. English first.
pub const LANGUAGES: &[(&str, &str)] = &[("en", ENGLISH_FTL), ("de", GERMAN_FTL)];

/// The message keys a Fluent file defines, in file order (messages, not terms or
/// comments).
pub fn keys_in(source: &str) -> Vec<&str> {
    source
        .lines()
        .filter(|line| line.starts_with(|c: char| c.is_ascii_lowercase()))
        .filter_map(|line| line.split_once('='))
        .map(|(key, _)| key.trim())
        .filter(|key| {
            key.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        })
        .collect()
}

/// The UI's messages in one language, with English behind it. Each bundle holds the
/// app's own file and the core's files ([`CORE_MESSAGES`]) for that language, so the
/// words the core computes ([`Text`]) are said in the same language as the buttons.
pub struct Strings {
    chosen: Option<Bundle>,
    english: Bundle,
}

/// The app's file plus the core's files for `language`.
fn bundle(language: &str, source: &str) -> Result<Bundle, String> {
    let core = CORE_MESSAGES
        .iter()
        .find(|(code, _)| *code == language)
        .map_or(&[][..], |(_, sources)| *sources);
    let mut sources = vec![source];
    sources.extend_from_slice(core);
    crate::text::bundle(language, &sources)
}

/// Every message key the core's files define for English.
pub fn core_english_keys() -> Vec<&'static str> {
    CORE_MESSAGES
        .iter()
        .filter(|(code, _)| *code == "en")
        .flat_map(|(_, sources)| sources.iter().flat_map(|s| keys_in(s)))
        .collect()
}

impl Default for Strings {
    fn default() -> Self {
        Strings::english()
    }
}

impl Strings {
    /// English only.
    pub fn english() -> Self {
        Strings {
            chosen: None,
            english: bundle("en", ENGLISH_FTL).expect("the built-in en.ftl parses"),
        }
    }

    /// The UI in `language` (a code from [`LANGUAGES`]); English for an unknown code
    /// or a file that does not parse, so the window always has words.
    pub fn for_language(language: &str) -> Self {
        LANGUAGES
            .iter()
            .find(|(code, _)| *code == language && *code != "en")
            .and_then(|(code, source)| Strings::with_language(code, source).ok())
            .unwrap_or_else(Strings::english)
    }

    /// The language shown (`en` when only English is loaded).
    pub fn language(&self) -> String {
        self.chosen
            .as_ref()
            .and_then(|b| b.locales.first())
            .map_or_else(|| "en".to_string(), ToString::to_string)
    }

    /// The English keys the chosen language lacks (they show in English).
    pub fn missing(&self) -> Vec<String> {
        let Some(chosen) = &self.chosen else {
            return Vec::new();
        };
        keys_in(ENGLISH_FTL)
            .into_iter()
            .chain(core_english_keys())
            .filter(|key| !chosen.has_message(key))
            .map(str::to_string)
            .collect()
    }

    /// `source` (Fluent text in `language`) first, English for whatever it lacks.
    pub fn with_language(language: &str, source: &str) -> Result<Self, String> {
        Ok(Strings {
            chosen: Some(bundle(language, source)?),
            english: Strings::english().english,
        })
    }

    /// The message `key`.
    pub fn tr(&self, key: &str) -> String {
        self.format(key, None)
    }

    /// The message `key` with named arguments.
    pub fn tr_args(&self, key: &str, args: &[(&str, String)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            // A whole number goes in as a number, so a message can pick its plural;
            // only when it reads back the same ("0303" or "007" stay text).
            let value = match value.parse::<i64>() {
                Ok(n) if n.to_string() == *value => FluentValue::from(n),
                _ => FluentValue::from(value.clone()),
            };
            fluent_args.set(*name, value);
        }
        self.format(key, Some(&fluent_args))
    }

    /// A text the core computed, in the chosen language (English where it has a gap).
    pub fn text(&self, text: &Text) -> String {
        let bundles: Vec<&Bundle> = self
            .chosen
            .iter()
            .chain(std::iter::once(&self.english))
            .collect();
        format_text(&bundles, text)
    }

    /// Whether `key` exists (in the chosen language or in English).
    pub fn has(&self, key: &str) -> bool {
        self.chosen.iter().any(|b| b.has_message(key)) || self.english.has_message(key)
    }

    fn format(&self, key: &str, args: Option<&FluentArgs>) -> String {
        for bundle in self.chosen.iter().chain(std::iter::once(&self.english)) {
            if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return bundle
                    .format_pattern(pattern, args, &mut errors)
                    .into_owned();
            }
        }
        format!("[{key}]")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_parses_and_formats_arguments() {
        let s = Strings::english();
        assert_eq!(
            s.tr_args("controls-position", &[("k", "2".into()), ("n", "9".into())]),
            "step 2 of 9"
        );
    }

    #[test]
    fn whole_numbers_choose_plurals() {
        let s = Strings::english();
        let one = s.tr_args(
            "inspector-field-bytes",
            &[
                ("start", "0".into()),
                ("end", "1".into()),
                ("len", "1".into()),
            ],
        );
        assert_eq!(one, "bytes 0..1 (1 byte)");
        let de = Strings::for_language("de");
        let many = de.tr_args(
            "inspector-field-bytes",
            &[
                ("start", "0".into()),
                ("end", "32".into()),
                ("len", "32".into()),
            ],
        );
        assert_eq!(many, "Bytes 0..32 (32 Bytes)");
        // Digits that are not a plain number stay as written.
        let padded = s.tr_args(
            "inspector-field-bytes",
            &[
                ("start", "0008".into()),
                ("end", "1".into()),
                ("len", "01".into()),
            ],
        );
        assert_eq!(padded, "bytes 0008..1 (01 bytes)");
    }

    #[test]
    fn a_missing_key_falls_back_to_english_then_to_the_key() {
        let s = Strings::with_language("de", "controls-next = Weiter\n").unwrap();
        assert_eq!(s.tr("controls-next"), "Weiter");
        assert_eq!(
            s.tr("controls-back"),
            Strings::english().tr("controls-back")
        );
        assert_eq!(s.tr("no-such-key"), "[no-such-key]");
    }

    #[test]
    fn german_is_complete_and_an_unknown_language_is_english() {
        let de = Strings::for_language("de");
        assert_eq!(de.language(), "de");
        assert_eq!(de.tr("controls-next"), "Weiter");
        assert_eq!(de.missing(), Vec::<String>::new());
        let xx = Strings::for_language("xx");
        assert_eq!(xx.language(), "en");
        assert!(keys_in(ENGLISH_FTL).len() > 150);
    }
}

//! Words the core says, kept as data so the app can say them in the student's language.
//!
//! The core never builds a finished English sentence for a person to read. It builds a
//! [`Text`]: a message id from the core's Fluent files (`core/i18n/*.ftl`) with
//! its arguments, or a raw value that is the same in every language (hex, an RFC name,
//! a host name). English is built in, so `Text` implements `Display` in English for the
//! command line, JSON and tests; the app formats the same `Text` through its chosen
//! language with English behind it ([`format_text`]).
//!
//! The catalogue is compiled in with `include_str!`: no file is read at run time.

use std::fmt;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A Fluent bundle as the core and the app use it (shareable between threads).
pub type Bundle = FluentBundle<FluentResource>;

/// The core's message files per language: (language code, Fluent sources). English first.
pub const CORE_MESSAGES: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            include_str!("../i18n/wire.en.ftl"),
            include_str!("../i18n/session.en.ftl"),
        ],
    ),
    (
        "de",
        &[
            include_str!("../i18n/wire.de.ftl"),
            include_str!("../i18n/session.de.ftl"),
        ],
    ),
];

/// Something the core says: a message with arguments, a number, or a raw value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Text {
    /// A value that reads the same in every language: hex, an RFC name, a host name.
    Raw(String),
    /// A number, so a message can choose its plural form.
    Number(i64),
    /// A message from the core's Fluent files with its named arguments.
    Message {
        /// The message id, e.g. `wire-handshake-length`.
        id: &'static str,
        /// Named arguments, in the order given.
        args: Vec<(&'static str, Text)>,
    },
}

/// `text!("id", name = value, ...)`: a [`Text::Message`]; each value is anything that
/// converts into a [`Text`] (a string is raw, an integer is a number, a `Text` nests).
#[macro_export]
macro_rules! text {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::text::Text::Message {
            id: $id,
            args: vec![$((stringify!($name), $crate::text::Text::from($value))),*],
        }
    };
}

impl Text {
    /// A message without arguments.
    pub const fn message(id: &'static str) -> Text {
        Text::Message {
            id,
            args: Vec::new(),
        }
    }

    /// The message id, if this is a message.
    pub fn id(&self) -> Option<&'static str> {
        match self {
            Text::Message { id, .. } => Some(id),
            _ => None,
        }
    }

    /// Every message id in this text, its arguments included (depth first).
    pub fn ids(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        self.collect_ids(&mut out);
        out
    }

    fn collect_ids(&self, out: &mut Vec<&'static str>) {
        if let Text::Message { id, args } = self {
            out.push(id);
            for (_, arg) in args {
                arg.collect_ids(out);
            }
        }
    }

    /// True when this is a raw value (no words to translate).
    pub fn is_raw(&self) -> bool {
        matches!(self, Text::Raw(_))
    }
}

impl From<String> for Text {
    fn from(s: String) -> Self {
        Text::Raw(s)
    }
}

impl From<&String> for Text {
    fn from(s: &String) -> Self {
        Text::Raw(s.clone())
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::Raw(s.to_string())
    }
}

macro_rules! number_from {
    ($($t:ty),*) => {$(
        impl From<$t> for Text {
            fn from(n: $t) -> Self {
                Text::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_from!(u8, u16, u32, u64, usize, i32, i64);

/// Build a bundle for `language` from Fluent sources. A source that does not parse, or a
/// key defined twice, is an error naming the language.
pub fn bundle(language: &str, sources: &[&str]) -> Result<Bundle, String> {
    let locale: unic_langid::LanguageIdentifier = language
        .parse()
        .map_err(|e| format!("language {language}: {e}"))?;
    let mut bundle = FluentBundle::new_concurrent(vec![locale]);
    // Unicode isolation marks around arguments would show as boxes in egui's fonts.
    bundle.set_use_isolating(false);
    for (i, source) in sources.iter().enumerate() {
        let resource = FluentResource::try_new((*source).to_string()).map_err(|(_, errors)| {
            format!(
                "{language} message file {}: {} syntax error(s), first: {:?}",
                i + 1,
                errors.len(),
                errors.first()
            )
        })?;
        bundle.add_resource(resource).map_err(|errors| {
            format!(
                "{language} message file {}: {} duplicate key(s), first: {:?}",
                i + 1,
                errors.len(),
                errors.first()
            )
        })?;
    }
    Ok(bundle)
}

/// The core's words in every language, parsed once (they are compiled in: no I/O).
static CORE_BUNDLES: LazyLock<Vec<(&'static str, Bundle)>> = LazyLock::new(|| {
    CORE_MESSAGES
        .iter()
        .filter_map(|(code, sources)| bundle(code, sources).ok().map(|b| (*code, b)))
        .collect()
});

/// `text` in `language` from the core's own catalogue, English where that language
/// lacks a message (the lesson resolver's language; `Display` is `say("en", ..)`).
pub fn say(language: &str, text: &Text) -> String {
    let bundles: Vec<&Bundle> = CORE_BUNDLES
        .iter()
        .filter(|(code, _)| *code == language)
        .chain(CORE_BUNDLES.iter().filter(|(code, _)| *code == "en"))
        .map(|(_, b)| b)
        .collect();
    format_text(&bundles, text)
}

/// Format `text` with the first bundle that has each message (the chosen language first,
/// then English). A message no bundle has shows as `[id]`: visible, never a panic.
pub fn format_text(bundles: &[&Bundle], text: &Text) -> String {
    match text {
        Text::Raw(s) => s.clone(),
        Text::Number(n) => n.to_string(),
        Text::Message { id, args } => {
            let mut fluent_args = FluentArgs::new();
            for (name, arg) in args {
                let value = match arg {
                    Text::Number(n) => FluentValue::from(*n),
                    other => FluentValue::from(format_text(bundles, other)),
                };
                fluent_args.set(*name, value);
            }
            for bundle in bundles {
                if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                    let mut errors = Vec::new();
                    return bundle
                        .format_pattern(pattern, Some(&fluent_args), &mut errors)
                        .into_owned();
                }
            }
            format!("[{id}]")
        }
    }
}

/// Format `text` in `bundle`, reporting what went wrong: a missing message or a
/// missing or unknown argument. For tests that check a language file is complete.
pub fn check_text(bundle: &Bundle, text: &Text) -> Result<String, String> {
    match text {
        Text::Raw(s) => Ok(s.clone()),
        Text::Number(n) => Ok(n.to_string()),
        Text::Message { id, args } => {
            let mut fluent_args = FluentArgs::new();
            for (name, arg) in args {
                let value = match arg {
                    Text::Number(n) => FluentValue::from(*n),
                    other => FluentValue::from(check_text(bundle, other)?),
                };
                fluent_args.set(*name, value);
            }
            let pattern = bundle
                .get_message(id)
                .and_then(|m| m.value())
                .ok_or_else(|| format!("no message {id}"))?;
            let mut errors = Vec::new();
            let out = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
            if errors.is_empty() {
                Ok(out.into_owned())
            } else {
                Err(format!("{id}: {errors:?}"))
            }
        }
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&say("en", self))
    }
}

/// JSON carries the English words, as before texts were data.
impl serde::Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        match self {
            Text::Raw(raw) => raw == other,
            _ => self.to_string().as_str() == other,
        }
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn test_bundle(source: &str) -> Bundle {
        bundle("en", &[source]).unwrap()
    }

    #[test]
    fn a_message_formats_its_arguments_and_plurals() {
        let b = test_bundle(
            "t-count = { $n ->\n    [one] one byte\n   *[other] { $n } bytes\n}\nt-outer = the { $what } is { $size }\n",
        );
        let one = text!("t-count", n = 1usize);
        let many = text!("t-count", n = 32usize);
        assert_eq!(check_text(&b, &one).unwrap(), "one byte");
        assert_eq!(check_text(&b, &many).unwrap(), "32 bytes");
        let nested = text!("t-outer", what = "random", size = many);
        assert_eq!(check_text(&b, &nested).unwrap(), "the random is 32 bytes");
        assert_eq!(nested.ids(), vec!["t-outer", "t-count"]);
    }

    #[test]
    fn the_first_bundle_with_the_message_wins_and_a_gap_shows_its_id() {
        let de = bundle("de", &["t-a = A auf Deutsch\n"]).unwrap();
        let en = test_bundle("t-a = A\nt-b = B\n");
        assert_eq!(
            format_text(&[&de, &en], &Text::message("t-a")),
            "A auf Deutsch"
        );
        assert_eq!(format_text(&[&de, &en], &Text::message("t-b")), "B");
        assert_eq!(format_text(&[&de, &en], &Text::message("t-c")), "[t-c]");
        assert!(check_text(&de, &Text::message("t-b")).is_err());
        assert!(check_text(&en, &text!("t-a", extra = 1u8)).is_ok());
    }

    #[test]
    fn a_missing_argument_is_reported() {
        let b = test_bundle("t-x = needs { $y }\n");
        assert!(check_text(&b, &Text::message("t-x")).is_err());
    }

    #[test]
    fn raw_values_and_numbers_read_as_themselves() {
        assert_eq!(Text::from("0x0303").to_string(), "0x0303");
        assert_eq!(Text::from(42u16).to_string(), "42");
        assert!(Text::from("x").is_raw());
    }

    #[test]
    fn every_core_language_file_parses() {
        for (code, sources) in CORE_MESSAGES {
            bundle(code, sources).unwrap_or_else(|e| panic!("{e}"));
        }
        assert_eq!(CORE_BUNDLES.len(), CORE_MESSAGES.len());
    }
}

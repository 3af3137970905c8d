//! Field annotations: which bytes of a message mean what.
//!
//! A field's value and meaning are [`Text`]: a message id from
//! `core/i18n/wire.*.ftl` with its arguments, or a raw value (hex, an RFC name,
//! a host name) that reads the same in every language.

use std::ops::Range;

use super::error::DecodeError;
use crate::text;
use crate::text::Text;

/// One annotated field of a TLS structure.
///
/// Fields nest: a message holds its fields, a vector holds its length and entries, an
/// extension holds its type, length and inner fields. The leaves (fields without
/// children) cover every byte of the annotated structure exactly once, in order.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Field {
    /// RFC name: "legacy_version", "cipher_suites", "key_share", ...
    pub name: String,
    /// Byte range, absolute within the buffer being annotated (plus its `base`).
    pub range: Range<usize>,
    /// Short display value: raw "0x0303", "TLS_AES_128_GCM_SHA256", "bank.example", or
    /// a message such as `wire-bytes` ("32 bytes") where the value holds words.
    pub value: Text,
    /// One plain line, a message: what this field is for / what this value means here.
    pub meaning: Text,
    /// The parts of this field, in byte order; empty for a leaf.
    pub children: Vec<Field>,
}

impl Field {
    /// A field with no children.
    pub fn leaf(
        name: impl Into<String>,
        range: Range<usize>,
        value: impl Into<Text>,
        meaning: impl Into<Text>,
    ) -> Self {
        Field {
            name: name.into(),
            range,
            value: value.into(),
            meaning: meaning.into(),
            children: Vec::new(),
        }
    }

    /// A field made of parts.
    pub fn node(
        name: impl Into<String>,
        range: Range<usize>,
        value: impl Into<Text>,
        meaning: impl Into<Text>,
        children: Vec<Field>,
    ) -> Self {
        Field {
            name: name.into(),
            range,
            value: value.into(),
            meaning: meaning.into(),
            children,
        }
    }

    /// A leaf for bytes that do not parse (an attacker's or a student's change): their
    /// size, and the decoder's reason.
    pub fn unparseable(name: impl Into<String>, range: Range<usize>, reason: &DecodeError) -> Self {
        let n = range.len();
        Field::leaf(
            name,
            range,
            payload_bytes(n),
            text!("wire-unparseable", reason = reason.to_string()),
        )
    }

    /// True when this field has no parts.
    pub fn is_leaf(&self) -> bool {
        self.children.is_empty()
    }

    /// All leaves below (or equal to) this field, in byte order.
    pub fn leaves(&self) -> Vec<&Field> {
        let mut out = Vec::new();
        self.collect_leaves(&mut out);
        out
    }

    fn collect_leaves<'a>(&'a self, out: &mut Vec<&'a Field>) {
        if self.is_leaf() {
            out.push(self);
        } else {
            for c in &self.children {
                c.collect_leaves(out);
            }
        }
    }

    /// The first field (depth first, this one included) with the given name.
    pub fn find(&self, name: &str) -> Option<&Field> {
        if self.name == name {
            return Some(self);
        }
        self.children.iter().find_map(|c| c.find(name))
    }

    /// The path from this field down to the leaf that covers byte `offset`,
    /// or `None` when the offset is outside this field.
    pub fn path_to(&self, offset: usize) -> Option<Vec<&Field>> {
        if !self.range.contains(&offset) {
            return None;
        }
        let mut path = vec![self];
        let mut cur = self;
        while let Some(next) = cur.children.iter().find(|c| c.range.contains(&offset)) {
            path.push(next);
            cur = next;
        }
        Some(path)
    }
}

/// The field at an index path (`[2, 0, 1]`: third field, its first child, that
/// one's second child) in a list of top-level fields.
pub fn field_at_path<'a>(fields: &'a [Field], path: &[usize]) -> Option<&'a Field> {
    let (first, rest) = path.split_first()?;
    let mut field = fields.get(*first)?;
    for index in rest {
        field = field.children.get(*index)?;
    }
    Some(field)
}

/// The index path to the deepest field covering byte `offset`, if any does.
pub fn path_at_offset(fields: &[Field], offset: usize) -> Option<Vec<usize>> {
    let (index, field) = fields
        .iter()
        .enumerate()
        .find(|(_, f)| f.range.contains(&offset))?;
    let mut path = vec![index];
    if let Some(rest) = path_at_offset(&field.children, offset) {
        path.extend(rest);
    }
    Some(path)
}

/// "1 byte", "2 bytes": a size, said in the reader's language.
pub(crate) fn bytes(n: usize) -> Text {
    text!("wire-bytes", n = n)
}

/// The size of a payload (a record's content, a certificate, a key) as the trace has
/// always shown it: "N bytes" in English even for one byte.
pub(crate) fn payload_bytes(n: usize) -> Text {
    text!("wire-payload-bytes", n = n)
}

/// A coded value with its RFC name, "22 (handshake)"; a code without a name says so in
/// the reader's language.
pub(crate) fn code_value(code: u8, name: &str) -> Text {
    if name == "unknown" {
        text!("wire-code-unknown", code = code)
    } else {
        Text::Raw(format!("{code} ({name})"))
    }
}

/// Checks that `fields` tile `range` exactly: in order, without gaps or overlaps,
/// each node's children tiling the node, every leaf non-empty.
///
/// This is the invariant every `annotate` function of this module keeps; views and
/// tests can use it to check annotations they are given.
pub fn check_tiling(fields: &[Field], range: Range<usize>) -> Result<(), String> {
    let mut at = range.start;
    for f in fields {
        if f.range.start != at {
            return Err(format!(
                "field {} starts at {} but the previous field ended at {}",
                f.name, f.range.start, at
            ));
        }
        if f.range.end < f.range.start {
            return Err(format!("field {} has a reversed range", f.name));
        }
        if f.is_leaf() {
            if f.range.is_empty() {
                return Err(format!("leaf {} covers no bytes", f.name));
            }
        } else {
            check_tiling(&f.children, f.range.clone())
                .map_err(|e| format!("inside {}: {e}", f.name))?;
        }
        at = f.range.end;
    }
    if at != range.end {
        return Err(format!(
            "fields end at {} but the range ends at {}",
            at, range.end
        ));
    }
    Ok(())
}

#[cfg(test)]
mod path_tests {
    use super::*;

    #[test]
    fn index_paths_and_offsets_agree() {
        let tree = vec![
            Field::leaf("a", 0..2, "x", "m"),
            Field {
                children: vec![
                    Field::leaf("c", 2..3, "x", "m"),
                    Field::leaf("d", 3..5, "x", "m"),
                ],
                ..Field::leaf("b", 2..5, "x", "m")
            },
        ];
        assert_eq!(path_at_offset(&tree, 4), Some(vec![1, 1]));
        assert_eq!(
            field_at_path(&tree, &[1, 1]).map(|f| f.name.as_str()),
            Some("d")
        );
        assert_eq!(path_at_offset(&tree, 9), None);
        assert!(field_at_path(&tree, &[5]).is_none());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiling_accepts_exact_cover_and_rejects_gaps_and_overlaps() {
        let ok = vec![
            Field::leaf("a", 10..12, "", ""),
            Field::node(
                "b",
                12..15,
                "",
                "",
                vec![
                    Field::leaf("c", 12..13, "", ""),
                    Field::leaf("d", 13..15, "", ""),
                ],
            ),
        ];
        assert_eq!(check_tiling(&ok, 10..15), Ok(()));
        assert!(check_tiling(&ok, 10..16).is_err());
        assert!(check_tiling(&ok, 9..15).is_err());
        let gap = vec![
            Field::leaf("a", 0..1, "", ""),
            Field::leaf("b", 2..3, "", ""),
        ];
        assert!(check_tiling(&gap, 0..3).is_err());
        let bad_child = vec![Field::node(
            "n",
            0..3,
            "",
            "",
            vec![Field::leaf("c", 0..2, "", "")],
        )];
        assert!(check_tiling(&bad_child, 0..3).is_err());
        let empty_leaf = vec![Field::leaf("e", 0..0, "", "")];
        assert!(check_tiling(&empty_leaf, 0..0).is_err());
    }

    #[test]
    fn find_and_path_to_walk_the_tree() {
        let f = Field::node(
            "m",
            0..3,
            "",
            "",
            vec![
                Field::leaf("a", 0..1, "", ""),
                Field::node("b", 1..3, "", "", vec![Field::leaf("c", 1..3, "x", "")]),
            ],
        );
        assert_eq!(
            f.find("c").map(|c| c.value.to_string()).as_deref(),
            Some("x")
        );
        let names: Vec<&str> = f
            .path_to(2)
            .unwrap_or_default()
            .iter()
            .map(|x| x.name.as_str())
            .collect();
        assert_eq!(names, ["m", "b", "c"]);
        assert!(f.path_to(3).is_none());
        assert_eq!(f.leaves().len(), 2);
    }

    #[test]
    fn sizes_and_codes_speak_english_by_default() {
        assert_eq!(bytes(1), "1 byte");
        assert_eq!(bytes(32), "32 bytes");
        assert_eq!(code_value(22, "handshake"), "22 (handshake)");
        assert!(code_value(22, "handshake").is_raw());
        assert_eq!(code_value(99, "unknown"), "99 (unknown)");
        assert!(!code_value(99, "unknown").is_raw());
    }
}

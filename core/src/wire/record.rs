//! The record layer (RFC 8446 §5): the 5-byte header every TLS message travels
//! under, and the TLSInnerPlaintext that is encrypted inside protected records.

use super::alert::Alert;
use super::annotate::{Field, bytes, code_value, payload_bytes};
use super::codec::Reader;
use super::codes::ProtocolVersion;
use super::error::DecodeError;
use super::handshake::annotate_handshake_messages;
use crate::text;
use crate::text::Text;

/// ```text
/// enum {
///     invalid(0), change_cipher_spec(20), alert(21),
///     handshake(22), application_data(23), (255)
/// } ContentType;
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContentType {
    /// 20: a one-byte message kept only so middleboxes see a familiar pattern.
    ChangeCipherSpec,
    /// 21: an alert.
    Alert,
    /// 22: handshake messages.
    Handshake,
    /// 23: application data; in TLS 1.3 also every encrypted record.
    ApplicationData,
    /// Any other value, kept as is.
    Unknown(u8),
}

impl ContentType {
    /// The wire value.
    pub fn to_u8(self) -> u8 {
        match self {
            ContentType::ChangeCipherSpec => 20,
            ContentType::Alert => 21,
            ContentType::Handshake => 22,
            ContentType::ApplicationData => 23,
            ContentType::Unknown(v) => v,
        }
    }

    /// From the wire value.
    pub fn from_u8(v: u8) -> Self {
        match v {
            20 => ContentType::ChangeCipherSpec,
            21 => ContentType::Alert,
            22 => ContentType::Handshake,
            23 => ContentType::ApplicationData,
            v => ContentType::Unknown(v),
        }
    }

    /// RFC name: "handshake", "application_data", ...; "unknown" otherwise.
    pub fn name(self) -> &'static str {
        match self {
            ContentType::ChangeCipherSpec => "change_cipher_spec",
            ContentType::Alert => "alert",
            ContentType::Handshake => "handshake",
            ContentType::ApplicationData => "application_data",
            ContentType::Unknown(0) => "invalid",
            ContentType::Unknown(_) => "unknown",
        }
    }

    fn meaning(self) -> Text {
        Text::message(match self {
            ContentType::ChangeCipherSpec => "wire-content-change-cipher-spec",
            ContentType::Alert => "wire-content-alert",
            ContentType::Handshake => "wire-content-handshake",
            ContentType::ApplicationData => "wire-content-application-data",
            ContentType::Unknown(_) => "wire-content-unknown",
        })
    }
}

/// The record version every TLS 1.3 record carries (it says "TLS 1.2").
pub const LEGACY_RECORD_VERSION: u16 = ProtocolVersion::Tls12.to_u16();
/// Largest plaintext fragment: 2^14 bytes.
pub const MAX_PLAINTEXT: usize = 1 << 14;
/// Largest protected fragment: 2^14 + 256 bytes.
pub const MAX_CIPHERTEXT: usize = (1 << 14) + 256;
/// Size of the record header.
pub const HEADER_LEN: usize = 5;

/// ```text
/// struct {
///     ContentType type;
///     ProtocolVersion legacy_record_version;
///     uint16 length;
///     opaque fragment[TLSPlaintext.length];
/// } TLSPlaintext;
/// ```
/// (TLSCiphertext has the same shape, with `opaque_type` 23 and `encrypted_record`.)
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// What the fragment holds (always application_data for encrypted records).
    pub content_type: ContentType,
    /// Ignored by receivers; 0x0303 for TLS 1.3 records.
    pub legacy_version: u16,
    /// The payload.
    pub fragment: Vec<u8>,
}

impl Record {
    /// A record with `legacy_version` 0x0303.
    pub fn new(content_type: ContentType, fragment: Vec<u8>) -> Self {
        Record {
            content_type,
            legacy_version: LEGACY_RECORD_VERSION,
            fragment,
        }
    }

    /// The 5-byte header followed by the fragment. The length field saturates at
    /// 65535 (callers keep fragments within [`MAX_CIPHERTEXT`]).
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(HEADER_LEN + self.fragment.len());
        out.push(self.content_type.to_u8());
        out.extend_from_slice(&self.legacy_version.to_be_bytes());
        let len = u16::try_from(self.fragment.len()).unwrap_or(u16::MAX);
        out.extend_from_slice(&len.to_be_bytes());
        out.extend_from_slice(self.fragment.get(..usize::from(len)).unwrap_or_default());
        out
    }

    /// The header of a record of `len` fragment bytes; TLS 1.3 uses it as the AEAD
    /// additional data.
    pub fn header(content_type: ContentType, len: usize) -> [u8; 5] {
        let [v0, v1] = LEGACY_RECORD_VERSION.to_be_bytes();
        let [l0, l1] = u16::try_from(len).unwrap_or(u16::MAX).to_be_bytes();
        [content_type.to_u8(), v0, v1, l0, l1]
    }

    /// Decodes the first record in `buf`; returns it and the bytes it used.
    /// A length above [`MAX_CIPHERTEXT`] is a `RecordOverflow`, reported as soon as
    /// the header is read.
    pub fn decode(buf: &[u8]) -> Result<(Record, usize), DecodeError> {
        let mut r = Reader::new(buf);
        let (record, _) = read_record(&mut r)?;
        Ok((record, r.offset()))
    }

    /// Annotates the first record in `buf` (ranges start at 0): `content_type`,
    /// `legacy_record_version`, `length`, and one field for the payload
    /// (`fragment`, or `encrypted_record` for type 23). A plaintext handshake,
    /// alert or change_cipher_spec fragment gets its own fields as children.
    pub fn annotate(buf: &[u8]) -> Result<Vec<Field>, DecodeError> {
        Self::annotate_at(buf, 0)
    }

    /// Like [`Record::annotate`], with every range shifted by `base` (for a record
    /// that sits later in a longer stream).
    pub fn annotate_at(buf: &[u8], base: usize) -> Result<Vec<Field>, DecodeError> {
        let mut r = Reader::with_base(buf, base);
        read_record(&mut r).map(|(_, f)| f)
    }
}

fn read_record(r: &mut Reader<'_>) -> Result<(Record, Vec<Field>), DecodeError> {
    let at = r.offset();
    let ty = ContentType::from_u8(r.u8("record.type")?);
    let version = r.u16("record.legacy_record_version")?;
    let len_at = r.offset();
    let len = usize::from(r.u16("record.length")?);
    if len > MAX_CIPHERTEXT {
        return Err(DecodeError::RecordOverflow { length: len });
    }
    let frag_at = r.offset();
    let fragment = r.take(len, "record.fragment")?;

    let version_meaning = match version {
        LEGACY_RECORD_VERSION => Text::message("wire-record-version-tls12"),
        0x0301 => Text::message("wire-record-version-tls10"),
        v => text!("wire-record-version-other", version = format!("0x{v:04x}")),
    };
    let mut fields = vec![
        Field::leaf(
            "content_type",
            at..at + 1,
            code_value(ty.to_u8(), ty.name()),
            ty.meaning(),
        ),
        Field::leaf(
            "legacy_record_version",
            at + 1..len_at,
            format!("0x{version:04x}"),
            version_meaning,
        ),
        Field::leaf(
            "length",
            len_at..frag_at,
            len.to_string(),
            text!("wire-record-length", n = len),
        ),
    ];
    if !fragment.is_empty() {
        fields.push(fragment_field(ty, fragment, frag_at));
    }
    let record = Record {
        content_type: ty,
        legacy_version: version,
        fragment: fragment.to_vec(),
    };
    Ok((record, fields))
}

fn fragment_field(ty: ContentType, fragment: &[u8], base: usize) -> Field {
    let range = base..base + fragment.len();
    let n = fragment.len();
    match ty {
        ContentType::ApplicationData => Field::leaf(
            "encrypted_record",
            range,
            payload_bytes(n),
            Text::message("wire-encrypted-record"),
        ),
        _ => {
            let children = content_fields(ty, fragment, base).unwrap_or_default();
            Field::node(
                "fragment",
                range,
                payload_bytes(n),
                Text::message("wire-fragment"),
                children,
            )
        }
    }
}

/// Fields for plaintext content of the given type, when it parses.
fn content_fields(ty: ContentType, content: &[u8], base: usize) -> Option<Vec<Field>> {
    match ty {
        ContentType::Alert => Alert::annotate(content, base).ok(),
        ContentType::ChangeCipherSpec => match content {
            [1] => Some(vec![Field::leaf(
                "change_cipher_spec",
                base..base + 1,
                "1",
                Text::message("wire-change-cipher-spec"),
            )]),
            _ => None,
        },
        ContentType::Handshake => annotate_handshake_messages(content, base).ok(),
        _ => None,
    }
}

/// Builds a TLSInnerPlaintext:
/// ```text
/// struct {
///     opaque content[TLSPlaintext.length];
///     ContentType type;
///     uint8 zeros[length_of_padding];
/// } TLSInnerPlaintext;
/// ```
pub fn encode_inner_plaintext(content: &[u8], ty: ContentType, zero_padding: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(content.len() + 1 + zero_padding);
    out.extend_from_slice(content);
    out.push(ty.to_u8());
    out.extend(std::iter::repeat_n(0u8, zero_padding));
    out
}

/// Splits a decrypted TLSInnerPlaintext into its real content type and content:
/// trailing zeros are padding, the last non-zero byte is the type. All zeros (no
/// type byte) is an `UnexpectedMessage`.
pub fn decode_inner_plaintext(buf: &[u8]) -> Result<(ContentType, &[u8]), DecodeError> {
    let (content, ty, _) = split_inner(buf)?;
    Ok((ty, content))
}

fn split_inner(buf: &[u8]) -> Result<(&[u8], ContentType, usize), DecodeError> {
    let Some(type_at) = buf.iter().rposition(|&b| b != 0) else {
        return Err(DecodeError::UnexpectedMessage {
            what: "TLSInnerPlaintext",
            detail: crate::text::Text::message("wire-error-only-zeros"),
        });
    };
    let content = buf.get(..type_at).unwrap_or_default();
    let ty = ContentType::from_u8(buf.get(type_at).copied().unwrap_or_default());
    let padding = buf.len() - type_at - 1;
    Ok((content, ty, padding))
}

/// Annotates a decrypted TLSInnerPlaintext: `content` (with the handshake or alert
/// fields as children when they parse), `type` and `zeros`. Empty parts are left out.
pub fn annotate_inner_plaintext(buf: &[u8], base: usize) -> Result<Vec<Field>, DecodeError> {
    let (content, ty, padding) = split_inner(buf)?;
    let mut fields = Vec::new();
    let n = content.len();
    if n > 0 {
        let children = content_fields(ty, content, base).unwrap_or_default();
        let meaning = match ty {
            ContentType::ApplicationData => "wire-inner-application-data",
            ContentType::Handshake => "wire-inner-handshake",
            ContentType::Alert => "wire-inner-alert",
            _ => "wire-inner-other",
        };
        fields.push(Field::node(
            "content",
            base..base + n,
            payload_bytes(n),
            Text::message(meaning),
            children,
        ));
    }
    fields.push(Field::leaf(
        "type",
        base + n..base + n + 1,
        code_value(ty.to_u8(), ty.name()),
        text!("wire-inner-type", name = ty.name()),
    ));
    if padding > 0 {
        fields.push(Field::leaf(
            "zeros",
            base + n + 1..base + buf.len(),
            bytes(padding),
            Text::message("wire-inner-zeros"),
        ));
    }
    Ok(fields)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::alert::AlertDescription;
    use crate::wire::annotate::check_tiling;

    #[test]
    fn record_round_trips_and_reports_consumed_bytes() {
        let rec = Record::new(ContentType::Handshake, vec![1, 2, 3]);
        let mut bytes = rec.encode();
        assert_eq!(bytes, [22, 3, 3, 0, 3, 1, 2, 3]);
        bytes.extend_from_slice(&[23, 3, 3]);
        assert_eq!(Record::decode(&bytes), Ok((rec, 8)));
        assert_eq!(
            Record::header(ContentType::ApplicationData, 300),
            [23, 3, 3, 1, 44]
        );
    }

    #[test]
    fn overflow_is_reported_from_the_header_alone() {
        let len = MAX_CIPHERTEXT + 1;
        let hdr = [23, 3, 3, (len >> 8) as u8, len as u8];
        let e = Record::decode(&hdr).err();
        assert_eq!(e, Some(DecodeError::RecordOverflow { length: len }));
        assert_eq!(e.map(|e| e.alert()), Some(AlertDescription::RecordOverflow));
        // Exactly the limit is fine.
        let frag = vec![0u8; MAX_CIPHERTEXT];
        let rec = Record::new(ContentType::ApplicationData, frag);
        assert!(Record::decode(&rec.encode()).is_ok());
    }

    #[test]
    fn short_records_are_truncated() {
        let e = Record::decode(&[22, 3, 3, 0, 4, 1]).err();
        assert_eq!(
            e,
            Some(DecodeError::Truncated {
                what: "record.fragment",
                offset: 5,
                needed: 4,
                available: 1
            })
        );
        assert!(Record::decode(&[22, 3]).is_err());
    }

    #[test]
    fn annotation_tiles_the_record() {
        let alert = Alert::fatal(AlertDescription::BadRecordMac).encode();
        for rec in [
            Record::new(ContentType::Alert, alert),
            Record::new(ContentType::ApplicationData, vec![9; 40]),
            Record::new(ContentType::ChangeCipherSpec, vec![1]),
            Record::new(ContentType::Handshake, vec![]),
            Record::new(ContentType::Unknown(99), vec![1, 2]),
        ] {
            let bytes = rec.encode();
            let fields = Record::annotate_at(&bytes, 100).unwrap_or_default();
            assert_eq!(
                check_tiling(&fields, 100..100 + bytes.len()),
                Ok(()),
                "{rec:?}"
            );
        }
        let bytes = Record::new(ContentType::ApplicationData, vec![9; 40]).encode();
        let fields = Record::annotate(&bytes).unwrap_or_default();
        assert_eq!(
            fields.last().map(|f| f.name.as_str()),
            Some("encrypted_record")
        );
    }

    #[test]
    fn inner_plaintext_round_trips_and_strips_padding() {
        let inner = encode_inner_plaintext(b"GET /", ContentType::ApplicationData, 3);
        assert_eq!(inner, b"GET /\x17\0\0\0");
        assert_eq!(
            decode_inner_plaintext(&inner),
            Ok((ContentType::ApplicationData, &b"GET /"[..]))
        );
        let fields = annotate_inner_plaintext(&inner, 5).unwrap_or_default();
        assert_eq!(check_tiling(&fields, 5..5 + inner.len()), Ok(()));
        let names: Vec<&str> = fields.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["content", "type", "zeros"]);

        let alert = encode_inner_plaintext(&[2, 20], ContentType::Alert, 0);
        let fields = annotate_inner_plaintext(&alert, 0).unwrap_or_default();
        assert_eq!(check_tiling(&fields, 0..3), Ok(()));
        assert_eq!(fields.first().map(|f| f.children.len()), Some(2));
    }

    #[test]
    fn all_zero_inner_plaintext_is_unexpected_message() {
        for buf in [&[][..], &[0, 0, 0][..]] {
            let e = decode_inner_plaintext(buf).err();
            assert_eq!(
                e.map(|e| e.alert()),
                Some(AlertDescription::UnexpectedMessage)
            );
            assert!(annotate_inner_plaintext(buf, 0).is_err());
        }
    }
}

//! Bounds-checked reading and writing of TLS presentation-language primitives
//! (RFC 8446 §3): big-endian integers and length-prefixed vectors.
//!
//! Nothing here can panic on any input: every read checks what is left and returns
//! [`DecodeError::Truncated`] (or [`DecodeError::Malformed`] for a bad length).

use super::error::DecodeError;
use std::ops::Range;

/// Width of a vector's length prefix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LenWidth {
    /// `<..2^8-1>`: one byte.
    U8,
    /// `<..2^16-1>`: two bytes.
    U16,
    /// `<..2^24-1>`: three bytes.
    U24,
}

impl LenWidth {
    /// Number of bytes of the prefix.
    pub fn bytes(self) -> usize {
        match self {
            LenWidth::U8 => 1,
            LenWidth::U16 => 2,
            LenWidth::U24 => 3,
        }
    }

    /// Largest length the prefix can express.
    pub fn max(self) -> usize {
        match self {
            LenWidth::U8 => 0xff,
            LenWidth::U16 => 0xffff,
            LenWidth::U24 => 0xff_ffff,
        }
    }
}

/// A cursor over a byte slice that never reads past its end.
///
/// Offsets reported in errors and returned by [`Reader::offset`] are absolute: the
/// position inside the slice plus the `base` the reader was created with, so nested
/// readers report positions in the outermost buffer.
#[derive(Clone, Debug)]
pub struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
    base: usize,
}

/// A length-prefixed vector that was read by [`Reader::vector`].
#[derive(Clone, Debug)]
pub struct Vector<'a> {
    /// Absolute range of the length prefix.
    pub len_range: Range<usize>,
    /// Absolute range of the whole vector, prefix included.
    pub range: Range<usize>,
    /// The value of the length prefix (bytes of content).
    pub len: usize,
    /// A reader over the content.
    pub body: Reader<'a>,
}

impl<'a> Reader<'a> {
    /// A reader over `buf`; offsets start at 0.
    pub fn new(buf: &'a [u8]) -> Self {
        Self::with_base(buf, 0)
    }

    /// A reader over `buf` whose first byte is at absolute offset `base`.
    pub fn with_base(buf: &'a [u8], base: usize) -> Self {
        Reader { buf, pos: 0, base }
    }

    /// Absolute offset of the next byte to read.
    pub fn offset(&self) -> usize {
        self.base.saturating_add(self.pos)
    }

    /// Bytes left to read.
    pub fn remaining(&self) -> usize {
        self.buf.len().saturating_sub(self.pos)
    }

    /// True when everything has been read.
    pub fn is_empty(&self) -> bool {
        self.remaining() == 0
    }

    /// Reads exactly `n` bytes.
    pub fn take(&mut self, n: usize, what: &'static str) -> Result<&'a [u8], DecodeError> {
        let end = self.pos.checked_add(n);
        match end.and_then(|end| self.buf.get(self.pos..end)) {
            Some(s) => {
                self.pos += n;
                Ok(s)
            }
            None => Err(DecodeError::Truncated {
                what,
                offset: self.offset(),
                needed: n,
                available: self.remaining(),
            }),
        }
    }

    /// Reads everything that is left.
    pub fn rest(&mut self) -> &'a [u8] {
        let s = self.buf.get(self.pos..).unwrap_or_default();
        self.pos = self.buf.len();
        s
    }

    /// Reads a fixed-size array.
    pub fn array<const N: usize>(&mut self, what: &'static str) -> Result<[u8; N], DecodeError> {
        let s = self.take(N, what)?;
        let mut out = [0u8; N];
        out.copy_from_slice(s);
        Ok(out)
    }

    /// Reads a `uint8`.
    pub fn u8(&mut self, what: &'static str) -> Result<u8, DecodeError> {
        let [b] = self.array::<1>(what)?;
        Ok(b)
    }

    /// Reads a big-endian `uint16`.
    pub fn u16(&mut self, what: &'static str) -> Result<u16, DecodeError> {
        Ok(u16::from_be_bytes(self.array::<2>(what)?))
    }

    /// Reads a big-endian `uint24`.
    pub fn u24(&mut self, what: &'static str) -> Result<u32, DecodeError> {
        let [a, b, c] = self.array::<3>(what)?;
        Ok(u32::from_be_bytes([0, a, b, c]))
    }

    /// Reads a length of the given width.
    pub fn length(&mut self, width: LenWidth, what: &'static str) -> Result<usize, DecodeError> {
        Ok(match width {
            LenWidth::U8 => usize::from(self.u8(what)?),
            LenWidth::U16 => usize::from(self.u16(what)?),
            LenWidth::U24 => self.u24(what)? as usize,
        })
    }

    /// Reads a vector `T name<min..max>`: a length prefix of `width`, checked against
    /// `min..=max` and against `unit` (the vector must hold whole elements), then
    /// that many bytes.
    pub fn vector(
        &mut self,
        width: LenWidth,
        min: usize,
        max: usize,
        unit: usize,
        what: &'static str,
    ) -> Result<Vector<'a>, DecodeError> {
        let start = self.offset();
        let len = self.length(width, what)?;
        let len_range = start..self.offset();
        if len < min {
            return Err(DecodeError::malformed(
                what,
                crate::text!("wire-error-length-below", len = len, min = min),
            ));
        }
        if len > max {
            return Err(DecodeError::malformed(
                what,
                crate::text!("wire-error-length-above", len = len, max = max),
            ));
        }
        if unit > 1 && len % unit != 0 {
            return Err(DecodeError::malformed(
                what,
                crate::text!("wire-error-length-multiple", len = len, unit = unit),
            ));
        }
        let body_base = self.offset();
        let body = self.take(len, what)?;
        Ok(Vector {
            len_range,
            range: start..self.offset(),
            len,
            body: Reader::with_base(body, body_base),
        })
    }

    /// Succeeds only when everything has been read: a structure must end exactly
    /// where its length said it would.
    pub fn expect_end(&self, what: &'static str) -> Result<(), DecodeError> {
        match self.remaining() {
            0 => Ok(()),
            n => Err(DecodeError::malformed(
                what,
                crate::text!("wire-error-trailing", n = n, offset = self.offset()),
            )),
        }
    }
}

/// Appends a `uint8`.
pub fn put_u8(out: &mut Vec<u8>, v: u8) {
    out.push(v);
}

/// Appends a big-endian `uint16`.
pub fn put_u16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_be_bytes());
}

/// Appends a big-endian `uint24` (the top byte of `v` is dropped).
pub fn put_u24(out: &mut Vec<u8>, v: u32) {
    let [_, a, b, c] = v.to_be_bytes();
    out.extend_from_slice(&[a, b, c]);
}

/// Appends a vector: a length prefix of `width`, then `body`.
///
/// A body longer than the prefix can express is cut to the largest length, so the
/// output is always well framed (callers build structures far below these limits).
pub fn put_vector(out: &mut Vec<u8>, width: LenWidth, body: &[u8]) {
    with_vector(out, width, |o| o.extend_from_slice(body));
}

/// Appends a vector whose body is written by `f`, then fills in its length prefix.
/// Same clamping rule as [`put_vector`].
pub fn with_vector(out: &mut Vec<u8>, width: LenWidth, f: impl FnOnce(&mut Vec<u8>)) {
    let at = out.len();
    out.extend(std::iter::repeat_n(0u8, width.bytes()));
    let body_start = out.len();
    f(out);
    let mut len = out.len().saturating_sub(body_start);
    if len > width.max() {
        len = width.max();
        out.truncate(body_start + len);
    }
    let bytes = (len as u32).to_be_bytes();
    let prefix = bytes.get(4 - width.bytes()..).unwrap_or_default();
    if let Some(slot) = out.get_mut(at..body_start) {
        slot.copy_from_slice(prefix);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_round_trip() {
        let mut out = Vec::new();
        put_u8(&mut out, 7);
        put_u16(&mut out, 0x0303);
        put_u24(&mut out, 0x01_0203);
        assert_eq!(out, [7, 3, 3, 1, 2, 3]);
        let mut r = Reader::new(&out);
        assert_eq!(r.u8("a"), Ok(7));
        assert_eq!(r.u16("b"), Ok(0x0303));
        assert_eq!(r.u24("c"), Ok(0x01_0203));
        assert!(r.is_empty());
        assert_eq!(r.expect_end("d"), Ok(()));
    }

    #[test]
    fn truncation_reports_absolute_offset() {
        let mut r = Reader::with_base(&[1, 2, 3], 40);
        assert_eq!(r.u16("x"), Ok(0x0102));
        assert_eq!(
            r.u16("ClientHello.cipher_suites"),
            Err(DecodeError::Truncated {
                what: "ClientHello.cipher_suites",
                offset: 42,
                needed: 2,
                available: 1
            })
        );
        // A failed read consumes nothing.
        assert_eq!(r.remaining(), 1);
    }

    #[test]
    fn vectors_check_bounds_and_units() {
        let mut out = Vec::new();
        put_vector(&mut out, LenWidth::U16, &[0x13, 0x01, 0x13, 0x02]);
        let v = Reader::with_base(&out, 10)
            .vector(LenWidth::U16, 2, 0xfffe, 2, "v")
            .map(|v| (v.len, v.len_range, v.range, v.body.offset()));
        assert_eq!(v, Ok((4, 10..12, 10..16, 12)));

        assert!(matches!(
            Reader::new(&out).vector(LenWidth::U16, 6, 0xfffe, 2, "v"),
            Err(DecodeError::Malformed { .. })
        ));
        assert!(matches!(
            Reader::new(&out).vector(LenWidth::U16, 0, 3, 2, "v"),
            Err(DecodeError::Malformed { .. })
        ));
        assert!(matches!(
            Reader::new(&[0, 3, 1, 2, 3]).vector(LenWidth::U16, 0, 100, 2, "v"),
            Err(DecodeError::Malformed { .. })
        ));
        assert!(matches!(
            Reader::new(&[0, 4, 1]).vector(LenWidth::U16, 0, 100, 1, "v"),
            Err(DecodeError::Truncated {
                needed: 4,
                available: 1,
                offset: 2,
                ..
            })
        ));
    }

    #[test]
    fn writer_prefixes_and_clamps() {
        let mut out = Vec::new();
        with_vector(&mut out, LenWidth::U24, |o| o.extend_from_slice(b"abc"));
        assert_eq!(out, [0, 0, 3, b'a', b'b', b'c']);
        let mut big = Vec::new();
        put_vector(&mut big, LenWidth::U8, &[0u8; 300]);
        assert_eq!(big.len(), 256);
        assert_eq!(big.first(), Some(&0xff));
    }

    #[test]
    fn trailing_bytes_are_malformed() {
        let mut r = Reader::new(&[1, 2]);
        let _ = r.u8("a");
        assert!(matches!(
            r.expect_end("thing"),
            Err(DecodeError::Malformed { what: "thing", .. })
        ));
        assert_eq!(r.rest(), &[2]);
        assert!(r.is_empty());
    }
}

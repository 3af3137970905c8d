//! Records out of a byte stream. TCP delivers bytes in any pieces; an endpoint takes
//! one whole record at a time.

use crate::wire::MAX_CIPHERTEXT;

/// Size of a record header: type, legacy version, length.
const HEADER_LEN: usize = 5;

/// What the framer hands the endpoint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Frame {
    /// One whole record, header included.
    Record(Vec<u8>),
    /// A header no TLS record has (an unknown content type, a version that is not
    /// 3.x, or a length above the RFC's limit): the header alone, so that the
    /// endpoint's decoder names what is wrong and sends the alert TLS asks for
    /// (`record_overflow`, `decode_error`). Nothing after it is read.
    Broken(Vec<u8>),
}

/// Buffers what arrived until a record is whole. Holds at most one record (about
/// 16 KiB) plus one read's worth of bytes.
#[derive(Default, Debug)]
pub struct RecordFramer {
    buffer: Vec<u8>,
    broken: bool,
}

impl RecordFramer {
    /// Adds bytes from the stream.
    pub fn push(&mut self, bytes: &[u8]) {
        if !self.broken {
            self.buffer.extend_from_slice(bytes);
        }
    }

    /// How many bytes wait for the rest of their record.
    pub fn buffered(&self) -> usize {
        self.buffer.len()
    }

    /// What is left of a record that never completed (the stream ended).
    pub fn take_partial(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.buffer)
    }

    /// The next whole record, or a broken header, or `None` until more bytes come.
    pub fn next_frame(&mut self) -> Option<Frame> {
        if self.broken {
            return None;
        }
        let header: [u8; HEADER_LEN] = self.buffer.get(..HEADER_LEN)?.try_into().ok()?;
        let length = usize::from(u16::from_be_bytes([header[3], header[4]]));
        let plausible = (20..=23).contains(&header[0]) && header[1] == 3;
        if !plausible || length > MAX_CIPHERTEXT {
            self.broken = true;
            self.buffer.clear();
            return Some(Frame::Broken(header.to_vec()));
        }
        if self.buffer.len() < HEADER_LEN + length {
            return None;
        }
        let rest = self.buffer.split_off(HEADER_LEN + length);
        Some(Frame::Record(std::mem::replace(&mut self.buffer, rest)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_come_out_whole_from_any_pieces() {
        let stream = [
            &[22u8, 3, 1, 0, 2, 0xaa, 0xbb][..],
            &[23, 3, 3, 0, 1, 0xcc][..],
        ]
        .concat();
        let mut framer = RecordFramer::default();
        let mut frames = Vec::new();
        for byte in &stream {
            framer.push(&[*byte]);
            while let Some(frame) = framer.next_frame() {
                frames.push(frame);
            }
        }
        assert_eq!(
            frames,
            [
                Frame::Record(vec![22, 3, 1, 0, 2, 0xaa, 0xbb]),
                Frame::Record(vec![23, 3, 3, 0, 1, 0xcc]),
            ]
        );
        assert_eq!(framer.buffered(), 0);
    }

    #[test]
    fn what_is_not_tls_stops_at_the_header() {
        let mut framer = RecordFramer::default();
        framer.push(b"GET / HTTP/1.1\r\n");
        assert_eq!(framer.next_frame(), Some(Frame::Broken(b"GET /".to_vec())));
        assert_eq!(framer.next_frame(), None);
        framer.push(&[22, 3, 3, 0, 0]);
        assert_eq!(
            framer.next_frame(),
            None,
            "nothing is read after a broken header"
        );

        let mut framer = RecordFramer::default();
        framer.push(&[23, 3, 3, 0x48, 0x01]);
        assert_eq!(
            framer.next_frame(),
            Some(Frame::Broken(vec![23, 3, 3, 0x48, 0x01])),
            "a length above 2^14 + 256"
        );
    }
}

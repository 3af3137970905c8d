//! pcapng export: the bytes both endpoints wrote, as a TCP conversation that
//! Wireshark and tshark open decrypted with no settings.
//!
//! The file is laid out as Wireshark expects it (pcapng, draft-ietf-opsawg-pcapng):
//!
//! 1. a Section Header Block,
//! 2. one Interface Description Block, link type Ethernet, microsecond timestamps,
//! 3. when the key log is not empty, a Decryption Secrets Block (secrets type `TLSK`)
//!    carrying the NSS key log text, *before* any packet so a reader has the keys when
//!    it meets the first encrypted record,
//! 4. one Enhanced Packet Block per synthesized Ethernet/IPv4/TCP frame.
//!
//! The frames tell the story a real capture would: a three-way handshake, each
//! [`Segment`] as one or more MSS-sized data segments (PSH on the last one), ACKs from
//! the receiver where a real stack would send them, and a FIN/ACK close. The addresses
//! come from the documentation ranges (RFC 5737): nothing here is ever sent anywhere.
//!
//! Packets are built with `etherparse` (which computes the IPv4 and TCP checksums) and
//! blocks are serialized with `pcap-parser`. The output is a pure function of the
//! [`Capture`]: same capture, same bytes.

use std::borrow::Cow;

use etherparse::err::packet::BuildWriteError;
use etherparse::{PacketBuilder, TcpHeader, TcpOptionElement, TcpOptionWriteError};
use pcap_parser::{
    BOM_MAGIC, DSB_MAGIC, DecryptionSecretsBlock, EPB_MAGIC, EnhancedPacketBlock, IDB_MAGIC,
    InterfaceDescriptionBlock, Linktype, OptionCode, PcapNGOption, SHB_MAGIC, SecretsType,
    SectionHeaderBlock, ToVec,
};

/// One write by one endpoint: the bytes it put on the wire at once (for TLS, one or
/// more whole records; for plain HTTP, one message).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// `true` when the client wrote these bytes, `false` for the server.
    pub from_client: bool,
    /// Simulated time of the write, in microseconds (the pcapng timestamp).
    pub time_micros: u64,
    /// The bytes written. An empty payload sends nothing and is skipped.
    pub payload: Vec<u8>,
}

/// Everything a capture file is made from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Capture {
    /// The server's TCP port: 443 for HTTPS, 80 for plain HTTP.
    pub server_port: u16,
    /// The writes of both endpoints, in the order they happened.
    pub segments: Vec<Segment>,
    /// NSS key log text (`CLIENT_HANDSHAKE_TRAFFIC_SECRET <random> <secret>` lines);
    /// empty means no Decryption Secrets Block.
    pub keylog: String,
}

/// The client's IPv4 address (TEST-NET-1, RFC 5737).
pub const CLIENT_ADDR: [u8; 4] = [192, 0, 2, 10];
/// The server's IPv4 address (TEST-NET-2, RFC 5737).
pub const SERVER_ADDR: [u8; 4] = [198, 51, 100, 20];
/// The client's (ephemeral) TCP port.
pub const CLIENT_PORT: u16 = 50000;
/// Largest TCP payload per frame: Ethernet MTU 1500 minus 20 bytes IPv4 and 20 bytes TCP.
pub const MSS: usize = MSS_U16 as usize;

const MSS_U16: u16 = 1460;
/// Locally administered MAC addresses (bit 1 of the first octet set).
const CLIENT_MAC: [u8; 6] = [0x02, 0x00, 0x00, 0x00, 0x00, 0x0a];
const SERVER_MAC: [u8; 6] = [0x02, 0x00, 0x00, 0x00, 0x00, 0x14];
/// Fixed initial sequence numbers, so that an export is reproducible byte for byte.
const CLIENT_ISN: u32 = 0x2c4f_81d3;
const SERVER_ISN: u32 = 0x9a0e_5b17;
const WINDOW: u16 = 64240;
const TTL: u8 = 64;
const SNAPLEN: u32 = 65535;
/// `if_tsresol` = 6: timestamps count microseconds.
const TSRESOL_MICROS: u8 = 6;
/// Key logs longer than this are split over several Decryption Secrets Blocks, at line
/// boundaries, so every block length stays far below the format's 32-bit limit.
const DSB_CHUNK_MAX: usize = 1 << 20;

/// Serializes `capture` as a pcapng file: SHB, IDB (Ethernet), a Decryption Secrets
/// Block with the key log when there is one, then one Enhanced Packet Block per frame.
///
/// Works for any capture (no segments, huge segments, timestamps that go backwards):
/// payloads are cut into [`MSS`]-sized frames, timestamps are made monotonic, and a
/// very large key log is split over several secrets blocks.
pub fn pcapng_bytes(capture: &Capture) -> Vec<u8> {
    match build(capture, DSB_CHUNK_MAX) {
        Ok(bytes) => bytes,
        // Both crates only fail on lengths that do not fit their fields or on a failing
        // writer. Every frame carries at most MSS bytes, every secrets block at most
        // DSB_CHUNK_MAX, and every write goes into a Vec, so no input reaches this arm.
        Err(e) => unreachable!("pcapng export of bounded blocks failed: {e}"),
    }
}

/// Why building a block failed (only possible for inputs the caller cannot produce;
/// see [`pcapng_bytes`]).
#[derive(Debug, thiserror::Error)]
enum BuildError {
    #[error("building a frame: {0}")]
    Packet(#[from] BuildWriteError),
    #[error("writing TCP options: {0}")]
    TcpOption(#[from] TcpOptionWriteError),
    #[error("serializing a pcapng block: {0}")]
    Block(String),
    #[error("{what} of {len} bytes does not fit its length field")]
    TooLong { what: &'static str, len: usize },
}

fn build(capture: &Capture, dsb_chunk_max: usize) -> Result<Vec<u8>, BuildError> {
    let mut out = Vec::new();

    put(
        &mut out,
        &mut SectionHeaderBlock {
            block_type: SHB_MAGIC,
            block_len1: 0,
            bom: BOM_MAGIC,
            major_version: 1,
            minor_version: 0,
            section_len: -1, // unknown: readers walk the blocks
            options: vec![string_option(OptionCode::ShbUserAppl, "Handshake Lab")?],
            block_len2: 0,
        },
    )?;
    put(
        &mut out,
        &mut InterfaceDescriptionBlock {
            block_type: IDB_MAGIC,
            block_len1: 0,
            linktype: Linktype::ETHERNET,
            reserved: 0,
            snaplen: SNAPLEN,
            options: vec![string_option(
                OptionCode::IfName,
                "handshake-lab (simulated)",
            )?],
            block_len2: 0,
            // `fix()` turns these two into the if_tsresol and if_tsoffset options.
            if_tsresol: TSRESOL_MICROS,
            if_tsoffset: 0,
        },
    )?;

    for chunk in keylog_chunks(capture.keylog.as_bytes(), dsb_chunk_max) {
        put(
            &mut out,
            &mut DecryptionSecretsBlock {
                block_type: DSB_MAGIC,
                block_len1: 0,
                secrets_type: SecretsType::TlsKeyLog,
                // `fix()` sets the block lengths but not this one.
                secrets_len: u32::try_from(chunk.len()).map_err(|_| BuildError::TooLong {
                    what: "key log chunk",
                    len: chunk.len(),
                })?,
                data: chunk,
                options: Vec::new(),
                block_len2: 0,
            },
        )?;
    }

    for packet in conversation(capture)? {
        let frame_len = u32::try_from(packet.frame.len()).map_err(|_| BuildError::TooLong {
            what: "frame",
            len: packet.frame.len(),
        })?;
        put(
            &mut out,
            &mut EnhancedPacketBlock {
                block_type: EPB_MAGIC,
                block_len1: 0,
                if_id: 0,
                // The 64-bit timestamp is stored as two 32-bit halves.
                ts_high: (packet.time_micros >> 32) as u32,
                ts_low: (packet.time_micros & 0xffff_ffff) as u32,
                caplen: frame_len,
                origlen: frame_len,
                data: &packet.frame,
                options: Vec::new(),
                block_len2: 0,
            },
        )?;
    }
    Ok(out)
}

/// Fixes a block's lengths and magic, then appends its little-endian bytes to `out`.
fn put<B: ToVec>(out: &mut Vec<u8>, block: &mut B) -> Result<(), BuildError> {
    let bytes = block
        .to_vec()
        .map_err(|e| BuildError::Block(format!("{e:?}")))?;
    out.extend_from_slice(&bytes);
    Ok(())
}

fn string_option(
    code: OptionCode,
    text: &'static str,
) -> Result<PcapNGOption<'static>, BuildError> {
    Ok(PcapNGOption {
        code,
        len: u16::try_from(text.len()).map_err(|_| BuildError::TooLong {
            what: "option",
            len: text.len(),
        })?,
        value: Cow::Borrowed(text.as_bytes()),
    })
}

/// Splits the key log into pieces of at most `max` bytes, cutting after a newline
/// where one is in reach (a single line longer than `max` is cut where it must be).
/// An empty key log gives no piece, hence no Decryption Secrets Block.
fn keylog_chunks(text: &[u8], max: usize) -> Vec<&[u8]> {
    let max = max.max(1);
    let mut chunks = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let cut = if rest.len() <= max {
            rest.len()
        } else {
            let window = rest.get(..max).unwrap_or(rest);
            window
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(max, |newline| newline + 1)
        };
        let Some((chunk, tail)) = rest.split_at_checked(cut) else {
            break;
        };
        chunks.push(chunk);
        rest = tail;
    }
    chunks
}

/// One synthesized frame and when it was "seen".
struct Packet {
    time_micros: u64,
    frame: Vec<u8>,
}

/// TCP control bits used by the conversation.
#[derive(Clone, Copy, Default)]
struct Flags {
    syn: bool,
    ack: bool,
    psh: bool,
    fin: bool,
}

const SYN: Flags = Flags {
    syn: true,
    ack: false,
    psh: false,
    fin: false,
};
const SYN_ACK: Flags = Flags { ack: true, ..SYN };
const ACK: Flags = Flags {
    syn: false,
    ack: true,
    psh: false,
    fin: false,
};
const PSH_ACK: Flags = Flags { psh: true, ..ACK };
const FIN_ACK: Flags = Flags { fin: true, ..ACK };

/// One side of the connection as seen when it sends or receives a frame.
struct Endpoint {
    mac: [u8; 6],
    addr: [u8; 4],
    port: u16,
    /// The next sequence number this side will send.
    next_seq: u32,
}

/// The state of one simulated TCP connection: the next sequence number each side
/// will send and the capture clock.
struct Connection {
    server_port: u16,
    client_next: u32,
    server_next: u32,
    now: u64,
    packets: Vec<Packet>,
}

impl Connection {
    /// Appends one frame from one side. Its sequence number is that side's next one;
    /// its acknowledgment number (when ACK is set) is everything received from the
    /// other side so far. SYN and FIN each consume one sequence number.
    fn send(&mut self, from_client: bool, flags: Flags, payload: &[u8]) -> Result<(), BuildError> {
        let client = Endpoint {
            mac: CLIENT_MAC,
            addr: CLIENT_ADDR,
            port: CLIENT_PORT,
            next_seq: self.client_next,
        };
        let server = Endpoint {
            mac: SERVER_MAC,
            addr: SERVER_ADDR,
            port: self.server_port,
            next_seq: self.server_next,
        };
        let (src, dst) = if from_client {
            (client, server)
        } else {
            (server, client)
        };

        let mut tcp = TcpHeader::new(src.port, dst.port, src.next_seq, WINDOW);
        tcp.syn = flags.syn;
        tcp.fin = flags.fin;
        tcp.psh = flags.psh;
        if flags.ack {
            tcp.ack = true;
            tcp.acknowledgment_number = dst.next_seq;
        }
        if flags.syn {
            tcp.set_options(&[TcpOptionElement::MaximumSegmentSize(MSS_U16)])?;
        }

        let builder = PacketBuilder::ethernet2(src.mac, dst.mac)
            .ipv4(src.addr, dst.addr, TTL)
            .tcp_header(tcp);
        let mut frame = Vec::with_capacity(builder.size(payload.len()));
        builder.write(&mut frame, payload)?; // computes the IPv4 and TCP checksums

        let consumed = u32::try_from(payload.len())
            .map_err(|_| BuildError::TooLong {
                what: "TCP payload",
                len: payload.len(),
            })?
            .wrapping_add(u32::from(flags.syn))
            .wrapping_add(u32::from(flags.fin));
        let next = if from_client {
            &mut self.client_next
        } else {
            &mut self.server_next
        };
        *next = next.wrapping_add(consumed);

        self.packets.push(Packet {
            time_micros: self.now,
            frame,
        });
        Ok(())
    }
}

/// The whole TCP conversation carrying `capture.segments`, frame by frame.
fn conversation(capture: &Capture) -> Result<Vec<Packet>, BuildError> {
    let segments: Vec<&Segment> = capture
        .segments
        .iter()
        .filter(|s| !s.payload.is_empty())
        .collect();
    let mut conn = Connection {
        server_port: capture.server_port,
        client_next: CLIENT_ISN,
        server_next: SERVER_ISN,
        now: segments.first().map_or(0, |s| s.time_micros),
        packets: Vec::new(),
    };

    // Three-way handshake, just before the first write.
    conn.send(true, SYN, &[])?;
    conn.send(false, SYN_ACK, &[])?;
    conn.send(true, ACK, &[])?;

    for (i, segment) in segments.iter().enumerate() {
        // Never step back in time, even if the caller's clock does.
        conn.now = conn.now.max(segment.time_micros);
        let sender = segment.from_client;
        let mut pieces = segment.payload.chunks(MSS).enumerate().peekable();
        while let Some((n, piece)) = pieces.next() {
            let last = pieces.peek().is_none();
            conn.send(sender, if last { PSH_ACK } else { ACK }, piece)?;
            // Delayed ACK (RFC 1122 4.2.3.2): at least every second full-sized segment.
            if !last && n % 2 == 1 {
                conn.send(!sender, ACK, &[])?;
            }
        }
        // The receiver's own reply carries the ACK when it answers next; otherwise it
        // acknowledges with an empty segment.
        let reply_follows = segments
            .get(i + 1)
            .is_some_and(|next| next.from_client != sender);
        if !reply_follows {
            conn.send(!sender, ACK, &[])?;
        }
    }

    // The browser closes once it has its answer; the server closes its half too.
    conn.send(true, FIN_ACK, &[])?;
    conn.send(false, FIN_ACK, &[])?;
    conn.send(true, ACK, &[])?;
    Ok(conn.packets)
}

#[cfg(test)]
mod tests {
    use super::*;
    use etherparse::{NetHeaders, PacketHeaders, TransportHeader};
    use pcap_parser::traits::PcapNGPacketBlock;
    use pcap_parser::{Block, parse_block_le};

    /// A decoded frame: who sent it, the TCP header, the payload.
    struct Frame {
        ts: u64,
        from_client: bool,
        tcp: TcpHeader,
        payload: Vec<u8>,
    }

    fn blocks(bytes: &[u8]) -> Vec<Block<'_>> {
        let mut rest = bytes;
        let mut out = Vec::new();
        while !rest.is_empty() {
            let (tail, block) = parse_block_le(rest).expect("every block parses");
            out.push(block);
            rest = tail;
        }
        out
    }

    /// Decodes every EPB and checks addresses, ports and checksums on the way.
    fn frames(bytes: &[u8], server_port: u16) -> Vec<Frame> {
        blocks(bytes)
            .into_iter()
            .filter_map(|b| match b {
                Block::EnhancedPacket(epb) => Some(epb),
                _ => None,
            })
            .map(|epb| {
                // The parsed `data` includes the 32-bit padding; `packet_data` drops it.
                assert!(epb.data.len() % 4 == 0 && epb.data.len() - epb.packet_data().len() < 4);
                assert_eq!(epb.origlen, epb.caplen);
                let headers =
                    PacketHeaders::from_ethernet_slice(epb.packet_data()).expect("frame parses");
                let Some(NetHeaders::Ipv4(ip, _)) = headers.net else {
                    panic!("not IPv4");
                };
                let Some(TransportHeader::Tcp(tcp)) = headers.transport else {
                    panic!("not TCP");
                };
                let payload = headers.payload.slice().to_vec();
                assert_eq!(
                    ip.header_checksum,
                    ip.calc_header_checksum(),
                    "IPv4 checksum"
                );
                assert_eq!(
                    tcp.checksum,
                    tcp.calc_checksum_ipv4(&ip, &payload).expect("checksum"),
                    "TCP checksum"
                );
                let from_client = ip.source == CLIENT_ADDR;
                if from_client {
                    assert_eq!(ip.destination, SERVER_ADDR);
                    assert_eq!(
                        (tcp.source_port, tcp.destination_port),
                        (CLIENT_PORT, server_port)
                    );
                } else {
                    assert_eq!((ip.source, ip.destination), (SERVER_ADDR, CLIENT_ADDR));
                    assert_eq!(
                        (tcp.source_port, tcp.destination_port),
                        (server_port, CLIENT_PORT)
                    );
                }
                assert!(payload.len() <= MSS);
                Frame {
                    ts: (u64::from(epb.ts_high) << 32) | u64::from(epb.ts_low),
                    from_client,
                    tcp,
                    payload,
                }
            })
            .collect()
    }

    /// The key log bytes of a parsed DSB (its `data` includes the padding).
    fn secrets<'a>(dsb: &DecryptionSecretsBlock<'a>) -> &'a [u8] {
        &dsb.data[..dsb.secrets_len as usize]
    }

    fn seg(from_client: bool, time_micros: u64, payload: &[u8]) -> Segment {
        Segment {
            from_client,
            time_micros,
            payload: payload.to_vec(),
        }
    }

    fn sample() -> Capture {
        Capture {
            server_port: 443,
            segments: vec![
                seg(true, 1_000, b"client hello"),
                seg(false, 2_000, b"server hello and flight"),
                seg(true, 3_000, b"client finished"),
                seg(true, 3_100, b"GET / HTTP/1.1\r\n\r\n"),
                seg(false, 4_000, &[0x17; 5000]),
            ],
            keylog: "CLIENT_HANDSHAKE_TRAFFIC_SECRET 00 11\nSERVER_HANDSHAKE_TRAFFIC_SECRET 00 2\n"
                .to_string(),
        }
    }

    #[test]
    fn blocks_come_in_order_with_the_secrets_before_any_packet() {
        let capture = sample();
        let bytes = pcapng_bytes(&capture);
        assert_eq!(bytes.len() % 4, 0);
        let blocks = blocks(&bytes);
        assert!(matches!(blocks.first(), Some(Block::SectionHeader(_))));
        let Some(Block::InterfaceDescription(idb)) = blocks.get(1) else {
            panic!("second block is not an IDB");
        };
        assert_eq!(idb.linktype, Linktype::ETHERNET);
        assert_eq!(idb.ts_resolution(), Some(1_000_000));
        let Some(Block::DecryptionSecrets(dsb)) = blocks.get(2) else {
            panic!("third block is not a DSB");
        };
        assert_eq!(dsb.block_type, 0x0000_000A);
        assert_eq!(dsb.secrets_type, SecretsType(0x544c_534b));
        assert_eq!(dsb.secrets_len as usize, capture.keylog.len());
        assert_eq!(secrets(dsb), capture.keylog.as_bytes());
        assert_eq!(dsb.block_len1 % 4, 0);
        assert!(
            blocks[3..]
                .iter()
                .all(|b| matches!(b, Block::EnhancedPacket(_)))
        );
    }

    #[test]
    fn secrets_block_is_padded_to_32_bits() {
        // 5 bytes of key log -> 3 bytes of zero padding, then the trailing length.
        let capture = Capture {
            server_port: 443,
            segments: Vec::new(),
            keylog: "abcde".to_string(),
        };
        let bytes = pcapng_bytes(&capture);
        let dsb_start = bytes
            .windows(4)
            .position(|w| w == 0x0000_000Au32.to_le_bytes())
            .expect("a DSB");
        let block = &bytes[dsb_start..];
        let len = u32::from_le_bytes(block[4..8].try_into().unwrap()) as usize;
        assert_eq!(len, 4 + 4 + 4 + 4 + 8 + 4);
        assert_eq!(&block[16..21], b"abcde");
        assert_eq!(&block[21..24], &[0, 0, 0]);
        assert_eq!(&block[len - 4..len], &block[4..8]);
    }

    #[test]
    fn no_keylog_means_no_secrets_block() {
        let capture = Capture {
            keylog: String::new(),
            ..sample()
        };
        let bytes = pcapng_bytes(&capture);
        assert!(
            !blocks(&bytes)
                .iter()
                .any(|b| matches!(b, Block::DecryptionSecrets(_)))
        );
    }

    #[test]
    fn payload_reassembles_to_the_segments_in_order() {
        let capture = sample();
        let frames = frames(&pcapng_bytes(&capture), 443);
        // Consecutive data frames from one side rejoin into the writes, in wire order.
        let mut runs: Vec<(bool, Vec<u8>)> = Vec::new();
        for f in frames.iter().filter(|f| !f.payload.is_empty()) {
            match runs.last_mut() {
                Some((side, bytes)) if *side == f.from_client => bytes.extend(&f.payload),
                _ => runs.push((f.from_client, f.payload.clone())),
            }
        }
        let mut expected: Vec<(bool, Vec<u8>)> = Vec::new();
        for s in &capture.segments {
            match expected.last_mut() {
                Some((side, bytes)) if *side == s.from_client => bytes.extend(&s.payload),
                _ => expected.push((s.from_client, s.payload.clone())),
            }
        }
        assert_eq!(runs, expected);
    }

    #[test]
    fn sequence_and_ack_numbers_track_both_directions() {
        let frames = frames(&pcapng_bytes(&sample()), 443);
        let mut next = [0u32; 2]; // [server, client], set by each SYN
        for (i, f) in frames.iter().enumerate() {
            let me = usize::from(f.from_client);
            let peer = 1 - me;
            if f.tcp.syn {
                next[me] = f.tcp.sequence_number;
            } else {
                assert_eq!(f.tcp.sequence_number, next[me], "seq of frame {i}");
            }
            if f.tcp.ack {
                assert_eq!(f.tcp.acknowledgment_number, next[peer], "ack of frame {i}");
            } else {
                assert!(f.tcp.syn && i == 0, "only the first SYN lacks ACK");
            }
            next[me] = next[me]
                .wrapping_add(f.payload.len() as u32)
                .wrapping_add(u32::from(f.tcp.syn) + u32::from(f.tcp.fin));
        }
    }

    #[test]
    fn handshake_data_and_close_have_the_right_flags() {
        let frames = frames(&pcapng_bytes(&sample()), 443);
        let flags = |f: &Frame| (f.tcp.syn, f.tcp.ack, f.tcp.psh, f.tcp.fin);
        // SYN, SYN/ACK, ACK
        assert_eq!(flags(&frames[0]), (true, false, false, false));
        assert!(frames[0].from_client);
        assert_eq!(flags(&frames[1]), (true, true, false, false));
        assert!(!frames[1].from_client);
        assert_eq!(flags(&frames[2]), (false, true, false, false));
        // FIN/ACK, FIN/ACK, ACK
        let n = frames.len();
        assert_eq!(flags(&frames[n - 3]), (false, true, false, true));
        assert!(frames[n - 3].from_client);
        assert_eq!(flags(&frames[n - 2]), (false, true, false, true));
        assert!(!frames[n - 2].from_client);
        assert_eq!(flags(&frames[n - 1]), (false, true, false, false));
        // The 5000-byte write: 1460+1460+1460+620, PSH on the last only.
        let big: Vec<&Frame> = frames
            .iter()
            .filter(|f| f.payload.first() == Some(&0x17))
            .collect();
        let sizes: Vec<usize> = big.iter().map(|f| f.payload.len()).collect();
        assert_eq!(sizes, [1460, 1460, 1460, 620]);
        let psh: Vec<bool> = big.iter().map(|f| f.tcp.psh).collect();
        assert_eq!(psh, [false, false, false, true]);
    }

    #[test]
    fn packet_count_matches_the_ack_policy() {
        let frames = frames(&pcapng_bytes(&sample()), 443);
        // 3 handshake
        // + client hello (reply follows)                       1
        // + server flight (reply follows)                      1
        // + client finished (client writes again: ACK)         1 + 1
        // + GET (reply follows)                                1
        // + 5000 bytes: 4 frames, ACK after the 2nd, final ACK 4 + 1 + 1
        // + 3 close
        assert_eq!(frames.len(), 3 + 1 + 1 + 2 + 1 + 6 + 3);
    }

    #[test]
    fn http_capture_uses_port_80() {
        let capture = Capture {
            server_port: 80,
            segments: vec![
                seg(true, 5, b"POST /login"),
                seg(false, 6, b"HTTP/1.1 200 OK"),
            ],
            keylog: String::new(),
        };
        // `frames` asserts every frame's ports.
        let frames = frames(&pcapng_bytes(&capture), 80);
        assert_eq!(frames.len(), 3 + 2 + 1 + 3);
    }

    #[test]
    fn timestamps_are_monotonic_even_when_input_is_not() {
        let capture = Capture {
            server_port: 443,
            segments: vec![
                seg(true, 10_000, b"a"),
                seg(false, 5_000, b"b"),
                seg(true, 20_000, b"c"),
                seg(false, (1 << 40) + 7, b"d"),
            ],
            keylog: String::new(),
        };
        let frames = frames(&pcapng_bytes(&capture), 443);
        assert!(frames.windows(2).all(|w| w[0].ts <= w[1].ts));
        assert_eq!(frames[0].ts, 10_000);
        assert!(
            frames.iter().any(|f| f.ts == (1 << 40) + 7),
            "64-bit timestamps"
        );
    }

    #[test]
    fn empty_capture_is_a_valid_file_with_open_and_close() {
        let bytes = pcapng_bytes(&Capture::default());
        let frames = frames(&bytes, 0);
        assert_eq!(frames.len(), 6);
        assert!(frames.iter().all(|f| f.payload.is_empty()));
    }

    #[test]
    fn empty_segments_are_skipped() {
        let capture = Capture {
            server_port: 443,
            segments: vec![seg(true, 1, b"x"), seg(false, 2, b""), seg(false, 3, b"y")],
            keylog: String::new(),
        };
        let frames = frames(&pcapng_bytes(&capture), 443);
        let data: Vec<&[u8]> = frames
            .iter()
            .filter(|f| !f.payload.is_empty())
            .map(|f| f.payload.as_slice())
            .collect();
        assert_eq!(data, [b"x", b"y"]);
    }

    #[test]
    fn output_is_deterministic() {
        assert_eq!(pcapng_bytes(&sample()), pcapng_bytes(&sample()));
    }

    #[test]
    fn long_keylog_is_split_at_lines_into_several_blocks() {
        let keylog = "line one\nline two\nline three is long\n";
        let capture = Capture {
            keylog: keylog.to_string(),
            ..sample()
        };
        let bytes = build(&capture, 20).expect("builds");
        let secrets: Vec<&[u8]> = blocks(&bytes)
            .iter()
            .filter_map(|b| match b {
                Block::DecryptionSecrets(d) => Some(secrets(d)),
                _ => None,
            })
            .collect();
        assert_eq!(
            secrets,
            [&b"line one\nline two\n"[..], b"line three is long\n"]
        );
    }

    #[test]
    fn keylog_chunks_cut_an_overlong_line_and_keep_every_byte() {
        assert!(keylog_chunks(b"", 10).is_empty());
        assert_eq!(keylog_chunks(b"abcdefgh", 3), [&b"abc"[..], b"def", b"gh"]);
        assert_eq!(
            keylog_chunks(b"a\nbcdef\n", 4),
            [&b"a\n"[..], b"bcde", b"f\n"]
        );
        assert_eq!(keylog_chunks(b"abc", 0), [&b"a"[..], b"b", b"c"]);
    }
}

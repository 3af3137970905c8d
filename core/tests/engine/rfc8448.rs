//! RFC 8448 §3 "Simple 1-RTT Handshake", reproduced from the (EC)DHE shared secret on.
//!
//! The RFC's key exchange is X25519; from the shared secret on nothing depends on the
//! group, so the key schedule, finished computation and record protection are checked
//! byte for byte against the trace. Transcript hashes are computed from the RFC's own
//! message bytes (ClientHello, ServerHello, and the server/client flights recovered by
//! decrypting the RFC's records), then compared to the hashes the RFC prints.

use handshake_lab_core::crypto::{HashAlg, RecordProtection, TrafficKeys, Transcript, hex, sha256};
use handshake_lab_core::tls::Tls13Suite;
use handshake_lab_core::tls::key_schedule::{
    self, Derivation, finished_key, finished_verify_data, traffic_keys,
};

fn unhex(s: &str) -> Vec<u8> {
    let s: String = s.chars().filter(|c| c.is_ascii_hexdigit()).collect();
    assert!(s.len().is_multiple_of(2), "odd hex");
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

fn find<'a>(ds: &'a [Derivation], name: &str) -> &'a Derivation {
    ds.iter().find(|d| d.name == name).unwrap()
}

// ---- Values from RFC 8448 §3 -------------------------------------------------------

/// {server} extract secret "handshake": IKM = the (EC)DHE shared secret.
const ECDHE: &str = "8b d4 05 4f b5 5b 9d 63 fd fb ac f9 f0 4b 9f 0d 35 e6 d6 3f 53 75 63 ef d4 62 72 90 0f 89 49 2d";
const EARLY: &str = "33 ad 0a 1c 60 7e c0 3b 09 e6 cd 98 93 68 0c e2 10 ad f3 00 aa 1f 26 60 e1 b2 2e 10 f1 70 f9 2a";
const DERIVED_EARLY: &str = "6f 26 15 a1 08 c7 02 c5 67 8f 54 fc 9d ba b6 97 16 c0 76 18 9c 48 25 0c eb ea c3 57 6c 36 11 ba";
const HANDSHAKE: &str = "1d c8 26 e9 36 06 aa 6f dc 0a ad c1 2f 74 1b 01 04 6a a6 b9 9f 69 1e d2 21 a9 f0 ca 04 3f be ac";
/// Transcript hash ClientHello..ServerHello ("hash (32 octets)" under "c hs traffic").
const HELLO_HASH: &str = "86 0c 06 ed c0 78 58 ee 8e 78 f0 e7 42 8c 58 ed d6 b4 3f 2c a3 e6 e9 5f 02 ed 06 3c f0 e1 ca d8";
const C_HS: &str = "b3 ed db 12 6e 06 7f 35 a7 80 b3 ab f4 5e 2d 8f 3b 1a 95 07 38 f5 2e 96 00 74 6a 0e 27 a5 5a 21";
const S_HS: &str = "b6 7b 7d 69 0c c1 6c 4e 75 e5 42 13 cb 2d 37 b4 e9 c9 12 bc de d9 10 5d 42 be fd 59 d3 91 ad 38";
const DERIVED_HS: &str = "43 de 77 e0 c7 77 13 85 9a 94 4d b9 db 25 90 b5 31 90 a6 5b 3e e2 e4 f1 2d d7 a0 bb 7c e2 54 b4";
const MASTER: &str = "18 df 06 84 3d 13 a0 8b f2 a4 49 84 4c 5f 8a 47 80 01 bc 4d 4c 62 79 84 d5 a4 1d a8 d0 40 29 19";
const S_HS_KEY: &str = "3f ce 51 60 09 c2 17 27 d0 f2 e4 e8 6e e4 03 bc";
const S_HS_IV: &str = "5d 31 3e b2 67 12 76 ee 13 00 0b 30";
const C_HS_KEY: &str = "db fa a6 93 d1 76 2c 5b 66 6a f5 d9 50 25 8d 01";
const C_HS_IV: &str = "5b d3 c7 1b 83 6e 0b 76 bb 73 26 5f";
const S_FINISHED_KEY: &str = "00 8d 3b 66 f8 16 ea 55 9f 96 b5 37 e8 85 c3 1f c0 68 bf 49 2c 65 2f 01 f2 88 a1 d8 cd c1 9f c8";
/// Transcript hash ClientHello..CertificateVerify (input to the server's verify_data).
const CV_HASH: &str = "ed b7 72 5f a7 a3 47 3b 03 1e c8 ef 65 a2 48 54 93 90 01 38 a2 b9 12 91 40 7d 79 51 a0 61 10 ed";
const S_VERIFY_DATA: &str = "9b 9b 14 1d 90 63 37 fb d2 cb dc e7 1d f4 de da 4a b4 2c 30 95 72 cb 7f ff ee 54 54 b7 8f 07 18";
/// Transcript hash ClientHello..server Finished.
const SFIN_HASH: &str = "96 08 10 2a 0f 1c cc 6d b6 25 0b 7b 7e 41 7b 1a 00 0e aa da 3d aa e4 77 7a 76 86 c9 ff 83 df 13";
const C_AP: &str = "9e 40 64 6c e7 9a 7f 9d c0 5a f8 88 9b ce 65 52 87 5a fa 0b 06 df 00 87 f7 92 eb b7 c1 75 04 a5";
const S_AP: &str = "a1 1a f9 f0 55 31 f8 56 ad 47 11 6b 45 a9 50 32 82 04 b4 f4 4b fb 6b 3a 4b 4f 1f 3f cb 63 16 43";
const EXP_MASTER: &str = "fe 22 f8 81 17 6e da 18 eb 8f 44 52 9e 67 92 c5 0c 9a 3f 89 45 2f 68 d8 ae 31 1b 43 09 d3 cf 50";
const S_AP_KEY: &str = "9f 02 28 3b 6c 9c 07 ef c2 6b b9 f2 ac 92 e3 56";
const S_AP_IV: &str = "cf 78 2b 88 dd 83 54 9a ad f1 e9 84";
const C_AP_KEY: &str = "17 42 2d da 59 6e d5 d9 ac d8 90 e3 c6 3f 50 51";
const C_AP_IV: &str = "5b 78 92 3d ee 08 57 90 33 e5 23 d9";
const C_FINISHED_KEY: &str = "b8 0a d0 10 15 fb 2f 0b d6 5f f7 d4 da 5d 6b f8 3f 84 82 1d 1f 87 fd c7 d3 c7 5b 5a 7b 42 d9 c4";
const C_VERIFY_DATA: &str = "a8 ec 43 6d 67 76 34 ae 52 5a c1 fc eb e1 1a 03 9e c1 76 94 fa c6 e9 85 27 b6 42 f2 ed d5 ce 61";
/// Transcript hash ClientHello..client Finished.
const CFIN_HASH: &str = "20 91 45 a9 6e e8 e2 a1 22 ff 81 00 47 cc 95 26 84 65 8d 60 49 e8 64 29 42 6d b8 7c 54 ad 14 3d";
const RES_MASTER: &str = "7d f2 35 f2 03 1d 2a 05 12 87 d0 2b 02 41 b0 bf da f8 6c c8 56 23 1f 2d 5a ba 46 c4 34 ec 19 6c";

/// {client} construct a ClientHello handshake message: ClientHello (196 octets).
const CLIENT_HELLO: &str = "
01 00 00 c0 03 03 cb 34 ec b1 e7 81 63 ba 1c 38 c6 da cb 19 6a 6d ff a2
1a 8d 99 12 ec 18 a2 ef 62 83 02 4d ec e7 00 00 06 13 01 13 03 13 02 01
00 00 91 00 00 00 0b 00 09 00 00 06 73 65 72 76 65 72 ff 01 00 01 00 00
0a 00 14 00 12 00 1d 00 17 00 18 00 19 01 00 01 01 01 02 01 03 01 04 00
23 00 00 00 33 00 26 00 24 00 1d 00 20 99 38 1d e5 60 e4 bd 43 d2 3d 8e
43 5a 7d ba fe b3 c0 6e 51 c1 3c ae 4d 54 13 69 1e 52 9a af 2c 00 2b 00
03 02 03 04 00 0d 00 20 00 1e 04 03 05 03 06 03 02 03 08 04 08 05 08 06
04 01 05 01 06 01 02 01 04 02 05 02 06 02 02 02 00 2d 00 02 01 01 00 1c
00 02 40 01";

/// {server} construct a ServerHello handshake message: ServerHello (90 octets).
const SERVER_HELLO: &str = "
02 00 00 56 03 03 a6 af 06 a4 12 18 60 dc 5e 6e 60 24 9c d3 4c 95 93 0c
8a c5 cb 14 34 da c1 55 77 2e d3 e2 69 28 00 13 01 00 00 2e 00 33 00 24
00 1d 00 20 c9 82 88 76 11 20 95 fe 66 76 2b db f7 c6 72 e1 56 d6 cc 25
3b 83 3d f1 dd 69 b1 b0 4e 75 1f 0f 00 2b 00 02 03 04";

/// {server} send handshake record: complete record (679 octets):
/// EncryptedExtensions, Certificate, CertificateVerify, Finished.
const SERVER_FLIGHT_RECORD: &str = "
17 03 03 02 a2 d1 ff 33 4a 56 f5 bf f6 59 4a 07 cc 87 b5 80 23 3f 50 0f
45 e4 89 e7 f3 3a f3 5e df 78 69 fc f4 0a a4 0a a2 b8 ea 73 f8 48 a7 ca
07 61 2e f9 f9 45 cb 96 0b 40 68 90 51 23 ea 78 b1 11 b4 29 ba 91 91 cd
05 d2 a3 89 28 0f 52 61 34 aa dc 7f c7 8c 4b 72 9d f8 28 b5 ec f7 b1 3b
d9 ae fb 0e 57 f2 71 58 5b 8e a9 bb 35 5c 7c 79 02 07 16 cf b9 b1 18 3e
f3 ab 20 e3 7d 57 a6 b9 d7 47 76 09 ae e6 e1 22 a4 cf 51 42 73 25 25 0c
7d 0e 50 92 89 44 4c 9b 3a 64 8f 1d 71 03 5d 2e d6 5b 0e 3c dd 0c ba e8
bf 2d 0b 22 78 12 cb b3 60 98 72 55 cc 74 41 10 c4 53 ba a4 fc d6 10 92
8d 80 98 10 e4 b7 ed 1a 8f d9 91 f0 6a a6 24 82 04 79 7e 36 a6 a7 3b 70
a2 55 9c 09 ea d6 86 94 5b a2 46 ab 66 e5 ed d8 04 4b 4c 6d e3 fc f2 a8
94 41 ac 66 27 2f d8 fb 33 0e f8 19 05 79 b3 68 45 96 c9 60 bd 59 6e ea
52 0a 56 a8 d6 50 f5 63 aa d2 74 09 96 0d ca 63 d3 e6 88 61 1e a5 e2 2f
44 15 cf 95 38 d5 1a 20 0c 27 03 42 72 96 8a 26 4e d6 54 0c 84 83 8d 89
f7 2c 24 46 1a ad 6d 26 f5 9e ca ba 9a cb bb 31 7b 66 d9 02 f4 f2 92 a3
6a c1 b6 39 c6 37 ce 34 31 17 b6 59 62 22 45 31 7b 49 ee da 0c 62 58 f1
00 d7 d9 61 ff b1 38 64 7e 92 ea 33 0f ae ea 6d fa 31 c7 a8 4d c3 bd 7e
1b 7a 6c 71 78 af 36 87 90 18 e3 f2 52 10 7f 24 3d 24 3d c7 33 9d 56 84
c8 b0 37 8b f3 02 44 da 8c 87 c8 43 f5 e5 6e b4 c5 e8 28 0a 2b 48 05 2c
f9 3b 16 49 9a 66 db 7c ca 71 e4 59 94 26 f7 d4 61 e6 6f 99 88 2b d8 9f
c5 08 00 be cc a6 2d 6c 74 11 6d bd 29 72 fd a1 fa 80 f8 5d f8 81 ed be
5a 37 66 89 36 b3 35 58 3b 59 91 86 dc 5c 69 18 a3 96 fa 48 a1 81 d6 b6
fa 4f 9d 62 d5 13 af bb 99 2f 2b 99 2f 67 f8 af e6 7f 76 91 3f a3 88 cb
56 30 c8 ca 01 e0 c6 5d 11 c6 6a 1e 2a c4 c8 59 77 b7 c7 a6 99 9b bf 10
dc 35 ae 69 f5 51 56 14 63 6c 0b 9b 68 c1 9e d2 e3 1c 0b 3b 66 76 30 38
eb ba 42 f3 b3 8e dc 03 99 f3 a9 f2 3f aa 63 97 8c 31 7f c9 fa 66 a7 3f
60 f0 50 4d e9 3b 5b 84 5e 27 55 92 c1 23 35 ee 34 0b bc 4f dd d5 02 78
40 16 e4 b3 be 7e f0 4d da 49 f4 b4 40 a3 0c b5 d2 af 93 98 28 fd 4a e3
79 4e 44 f9 4d f5 a6 31 ed e4 2c 17 19 bf da bf 02 53 fe 51 75 be 89 8e
75 0e dc 53 37 0d 2b";

/// {client} send handshake record: complete record (58 octets): the client Finished.
const CLIENT_FINISHED_RECORD: &str = "
17 03 03 00 35 75 ec 4d c2 38 cc e6 0b 29 80 44 a7 1e 21 9c 56 cc 77 b0
51 7f e9 b9 3c 7a 4b fc 44 d8 7f 38 f8 03 38 ac 98 fc 46 de b3 84 bd 1c
ae ac ab 68 67 d7 26 c4 05 46";

/// {client} send application_data record: complete record (72 octets);
/// payload (50 octets) 00 01 02 .. 31.
const CLIENT_APP_RECORD: &str = "
17 03 03 00 43 a2 3f 70 54 b6 2c 94 d0 af fa fe 82 28 ba 55 cb ef ac ea
42 f9 14 aa 66 bc ab 3f 2b 98 19 a8 a5 b4 6b 39 5b d5 4a 9a 20 44 1e 2b
62 97 4e 1f 5a 62 92 a2 97 70 14 bd 1e 3d ea e6 3a ee bb 21 69 49 15 e4";

// ---- Helpers -----------------------------------------------------------------------

fn split_record(rec: &[u8]) -> ([u8; 5], &[u8]) {
    let header: [u8; 5] = rec[..5].try_into().unwrap();
    let len = usize::from(u16::from_be_bytes([header[3], header[4]]));
    assert_eq!(rec.len(), 5 + len, "record length field");
    (header, &rec[5..])
}

/// Split a run of handshake messages (type + uint24 length + body) into messages.
fn split_handshake(mut buf: &[u8]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    while !buf.is_empty() {
        let len = (usize::from(buf[1]) << 16) | (usize::from(buf[2]) << 8) | usize::from(buf[3]);
        out.push(buf[..4 + len].to_vec());
        buf = &buf[4 + len..];
    }
    out
}

/// Decrypt `record` with `keys` at sequence 0, then re-encrypt the plaintext and check
/// the bytes equal the RFC's record exactly. Returns the TLSInnerPlaintext.
fn open_and_reseal(keys: &TrafficKeys, record: &[u8]) -> Vec<u8> {
    let (header, ct) = split_record(record);
    let inner = RecordProtection::new(keys.clone())
        .open(&header, ct)
        .expect("RFC record decrypts");
    let mut tx = RecordProtection::new(keys.clone());
    let resealed = tx.seal(&header, &inner);
    assert_eq!(
        hex(&resealed),
        hex(ct),
        "re-encryption reproduces the RFC record"
    );
    assert_eq!(tx.sequence(), 1);
    inner
}

// ---- The test ----------------------------------------------------------------------

#[test]
fn rfc8448_simple_1rtt_key_schedule_and_records() {
    // Transcript to ServerHello, from the RFC's message bytes.
    let ch = unhex(CLIENT_HELLO);
    let sh = unhex(SERVER_HELLO);
    assert_eq!(ch.len(), 196);
    assert_eq!(sh.len(), 90);
    let mut transcript = Transcript::new();
    transcript.add(&ch);
    transcript.add(&sh);
    assert_eq!(hex(&transcript.hash()), hex(&unhex(HELLO_HASH)));

    // Early and handshake stages.
    let (early, d_early) = key_schedule::start(HashAlg::Sha256);
    assert_eq!(hex(early.early_secret()), hex(&unhex(EARLY)));
    assert_eq!(d_early[0].output, unhex(EARLY));

    let (hs, d_hs) = early.handshake(&unhex(ECDHE), &transcript.hash());
    assert_eq!(find(&d_hs, "derived").output, unhex(DERIVED_EARLY));
    assert_eq!(find(&d_hs, "handshake_secret").output, unhex(HANDSHAKE));
    assert_eq!(hex(hs.handshake_secret()), hex(&unhex(HANDSHAKE)));
    assert_eq!(hex(hs.client_handshake_traffic_secret()), hex(&unhex(C_HS)));
    assert_eq!(hex(hs.server_handshake_traffic_secret()), hex(&unhex(S_HS)));
    let d = find(&d_hs, "client_handshake_traffic_secret");
    assert_eq!(d.label.as_deref(), Some("c hs traffic"));
    assert_eq!(d.context, unhex(HELLO_HASH));
    // RFC 8448 prints the HkdfLabel ("info") for each expansion: check one.
    assert_eq!(
        hex(&d.hkdf_label().unwrap()),
        hex(&unhex(
            "00 20 12 74 6c 73 31 33 20 63 20 68 73 20 74 72 61 66 66 69 63 20 86 0c 06 ed c0 78 58 ee 8e 78 f0 e7 42 8c 58 ed d6 b4 3f 2c a3 e6 e9 5f 02 ed 06 3c f0 e1 ca d8"
        ))
    );

    // Handshake traffic keys.
    let (s_hs_keys, d) = traffic_keys(
        Tls13Suite::Aes128GcmSha256,
        "server_handshake",
        hs.server_handshake_traffic_secret(),
    );
    assert_eq!(hex(&s_hs_keys.key), hex(&unhex(S_HS_KEY)));
    assert_eq!(hex(&s_hs_keys.iv), hex(&unhex(S_HS_IV)));
    assert_eq!(d[0].name, "server_handshake_key");
    let (c_hs_keys, _) = traffic_keys(
        Tls13Suite::Aes128GcmSha256,
        "client_handshake",
        hs.client_handshake_traffic_secret(),
    );
    assert_eq!(hex(&c_hs_keys.key), hex(&unhex(C_HS_KEY)));
    assert_eq!(hex(&c_hs_keys.iv), hex(&unhex(C_HS_IV)));

    // The server's encrypted flight: decrypt, and re-encrypt to the RFC's exact bytes.
    let inner = open_and_reseal(&s_hs_keys, &unhex(SERVER_FLIGHT_RECORD));
    assert_eq!(
        inner.last(),
        Some(&0x16),
        "TLSInnerPlaintext content type handshake"
    );
    let msgs = split_handshake(&inner[..inner.len() - 1]);
    let types: Vec<u8> = msgs.iter().map(|m| m[0]).collect();
    assert_eq!(
        types,
        [8, 11, 15, 20],
        "EE, Certificate, CertificateVerify, Finished"
    );
    for m in &msgs[..3] {
        transcript.add(m);
    }
    assert_eq!(hex(&transcript.hash()), hex(&unhex(CV_HASH)));

    // Server Finished.
    let (s_fk, d) = finished_key(
        HashAlg::Sha256,
        "server_finished_key",
        hs.server_handshake_traffic_secret(),
    );
    assert_eq!(hex(&s_fk), hex(&unhex(S_FINISHED_KEY)));
    assert_eq!(d.label.as_deref(), Some("finished"));
    let s_vd = finished_verify_data(HashAlg::Sha256, &s_fk, &transcript.hash());
    assert_eq!(hex(&s_vd), hex(&unhex(S_VERIFY_DATA)));
    assert_eq!(msgs[3][4..], s_vd, "the Finished inside the RFC's record");
    transcript.add(&msgs[3]);
    let sfin_hash = transcript.hash();
    assert_eq!(hex(&sfin_hash), hex(&unhex(SFIN_HASH)));

    // Master secret and application secrets.
    let (ap, d_ap) = hs.clone().application(&sfin_hash);
    assert_eq!(find(&d_ap, "derived").output, unhex(DERIVED_HS));
    assert_eq!(hex(ap.master_secret()), hex(&unhex(MASTER)));
    assert_eq!(
        hex(ap.client_application_traffic_secret_0()),
        hex(&unhex(C_AP))
    );
    assert_eq!(
        hex(ap.server_application_traffic_secret_0()),
        hex(&unhex(S_AP))
    );
    assert_eq!(hex(ap.exporter_master_secret()), hex(&unhex(EXP_MASTER)));
    let (s_ap_keys, _) = traffic_keys(
        Tls13Suite::Aes128GcmSha256,
        "server_application",
        ap.server_application_traffic_secret_0(),
    );
    assert_eq!(hex(&s_ap_keys.key), hex(&unhex(S_AP_KEY)));
    assert_eq!(hex(&s_ap_keys.iv), hex(&unhex(S_AP_IV)));
    let (c_ap_keys, _) = traffic_keys(
        Tls13Suite::Aes128GcmSha256,
        "client_application",
        ap.client_application_traffic_secret_0(),
    );
    assert_eq!(hex(&c_ap_keys.key), hex(&unhex(C_AP_KEY)));
    assert_eq!(hex(&c_ap_keys.iv), hex(&unhex(C_AP_IV)));

    // Client Finished: compute it, build the record, compare with the RFC's bytes.
    let (c_fk, _) = finished_key(
        HashAlg::Sha256,
        "client_finished_key",
        hs.client_handshake_traffic_secret(),
    );
    assert_eq!(hex(&c_fk), hex(&unhex(C_FINISHED_KEY)));
    let c_vd = finished_verify_data(HashAlg::Sha256, &c_fk, &sfin_hash);
    assert_eq!(hex(&c_vd), hex(&unhex(C_VERIFY_DATA)));
    let mut client_finished = vec![0x14, 0x00, 0x00, 0x20];
    client_finished.extend_from_slice(&c_vd);
    let mut inner = client_finished.clone();
    inner.push(0x16);
    let header = [0x17, 0x03, 0x03, 0x00, 0x35];
    let mut tx = RecordProtection::new(c_hs_keys.clone());
    let mut record = header.to_vec();
    record.extend(tx.seal(&header, &inner));
    assert_eq!(hex(&record), hex(&unhex(CLIENT_FINISHED_RECORD)));
    let back = open_and_reseal(&c_hs_keys, &record);
    assert_eq!(back, inner);

    // Resumption master secret over ClientHello..client Finished.
    transcript.add(&client_finished);
    assert_eq!(hex(&transcript.hash()), hex(&unhex(CFIN_HASH)));
    let d = ap.resumption_master_secret(&transcript.hash());
    assert_eq!(d.name, "resumption_master_secret");
    assert_eq!(hex(&d.output), hex(&unhex(RES_MASTER)));

    // Client application data: the RFC's 50-byte payload 00..31 at sequence 0.
    let inner = open_and_reseal(&c_ap_keys, &unhex(CLIENT_APP_RECORD));
    let mut want: Vec<u8> = (0u8..50).collect();
    want.push(0x17);
    assert_eq!(inner, want);
}

#[test]
fn rfc8448_tampered_record_is_rejected() {
    let keys = TrafficKeys {
        key: unhex(S_HS_KEY),
        iv: unhex(S_HS_IV).try_into().unwrap(),
        aead: handshake_lab_core::crypto::AeadAlg::Aes128Gcm,
    };
    let rec = unhex(SERVER_FLIGHT_RECORD);
    let (header, ct) = split_record(&rec);
    let mut bad = ct.to_vec();
    bad[100] ^= 0x01;
    assert!(
        RecordProtection::new(keys.clone())
            .open(&header, &bad)
            .is_err()
    );
    assert!(RecordProtection::new(keys).open(&header, ct).is_ok());
    // Sanity: the transcript hash helpers agree with a one-shot hash.
    let ch = unhex(CLIENT_HELLO);
    let mut t = Transcript::new();
    t.add(&ch);
    assert_eq!(t.hash(), sha256(&ch));
}

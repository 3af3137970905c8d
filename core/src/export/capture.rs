//! A timeline as a packet capture: each record one TCP segment at its simulated time.

use crate::export::pcap::{Capture, Segment};
use crate::sim::Timeline;
use crate::tls::Side;

/// The capture of `timeline`: port 443 for TLS, 80 for plain HTTP, the key log
/// embedded so Wireshark decrypts it with no settings.
///
/// A capture holds one TCP connection: the timeline's first. For `mitm` that is the
/// client's connection to the attacker; for `key-compromise` the TLS 1.2 session.
pub fn capture(timeline: &Timeline) -> Capture {
    let segments = timeline
        .steps
        .iter()
        .filter(|step| step.connection == 0)
        .flat_map(|step| {
            step.records.iter().map(move |record| Segment {
                from_client: record.from == Side::Client,
                time_micros: timeline.start_unix * 1_000_000 + step.time_micros,
                payload: record.received_bytes().to_vec(),
            })
        })
        .collect();
    Capture {
        server_port: if timeline.scenario.name.uses_tls() {
            443
        } else {
            80
        },
        segments,
        keylog: timeline.connection_keylog(0),
    }
}

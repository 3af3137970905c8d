//! The `trace` command's output: a text block per step, or one JSON object.

use serde_json::{Value, json};

use crate::sim::timeline::hex;
use crate::sim::{Outcome, Step, Timeline, WireRecord};
use crate::wire::Field;

/// The timeline as text: one block per step, ending with the `outcome:` line.
pub fn text(timeline: &Timeline) -> String {
    let scenario = &timeline.scenario;
    let mut out = format!(
        "scenario: {}  seed: {}  server name: {}\n",
        scenario.name.name(),
        scenario.seed,
        scenario.server_name
    );
    let total = timeline.steps.len();
    for (i, step) in timeline.steps.iter().enumerate() {
        out.push_str(&step_text(i, total, step));
    }
    out.push_str(&timeline.outcome.line());
    out.push('\n');
    out
}

fn step_text(i: usize, total: usize, step: &Step) -> String {
    let mut out = format!(
        "\n== step {}/{total} {}: {} -> {}, t = {}.{:03} ms\n",
        i + 1,
        step.name,
        step.from.name(),
        step.to.name(),
        step.time_micros / 1000,
        step.time_micros % 1000
    );
    for record in &step.records {
        out.push_str(&format!(
            "record {} ({}, {} bytes, {}): {}\n",
            record.index,
            content_type_name(record.content_type),
            record.bytes.len(),
            protection_name(record),
            record.message
        ));
        out.push_str(&hex_block(&record.bytes, "  "));
        if let (Some(delivered), None) = (&record.delivered, record.tamper) {
            let changed: Vec<String> = (0..delivered.len().max(record.bytes.len()))
                .filter(|i| record.bytes.get(*i) != delivered.get(*i))
                .map(|i| i.to_string())
                .collect();
            out.push_str(&format!(
                "  attacker changed byte(s) {}; delivered:\n",
                changed.join(", ")
            ));
            out.push_str(&hex_block(delivered, "  "));
        }
        if let (Some(delivered), Some(tamper)) = (&record.delivered, record.tamper) {
            out.push_str(&format!(
                "  attacker flipped byte {} with mask 0x{:02x}; delivered:\n",
                tamper.offset, tamper.mask
            ));
            out.push_str(&hex_block(delivered, "  "));
        }
        if let Some(inner) = &record.inner_plaintext {
            out.push_str(
                "  what the sender encrypted (TLSInnerPlaintext: content, type, padding):\n",
            );
            out.push_str(&hex_block(inner, "    "));
        }
    }
    for (side, private_key, public_key) in &step.ephemeral_keys {
        out.push_str(&format!(
            "{} makes an ECDHE key pair: private {}, public {}\n",
            side.name(),
            hex(private_key),
            hex(public_key)
        ));
    }
    if !step.learned.is_empty() {
        out.push_str("secrets derived:\n");
        for learned in &step.learned {
            out.push_str(&format!(
                "  {}{} knows {} = {}\n",
                learned.side.name(),
                if learned.side == crate::tls::Side::Attacker {
                    format!(" (with the {})", learned.peer.name())
                } else {
                    String::new()
                },
                learned.derivation.name,
                hex(&learned.derivation.output)
            ));
        }
    }
    for (side, check) in &step.checks {
        out.push_str(&format!(
            "{} checks {}: {} ({})\n",
            side.name(),
            check.name,
            if check.passed { "pass" } else { "FAIL" },
            check.detail
        ));
    }
    for (side, data) in &step.delivered_data {
        out.push_str(&format!(
            "{} application receives {} bytes: {:?}\n",
            side.name(),
            data.len(),
            String::from_utf8_lossy(data)
        ));
    }
    for (side, alert) in &step.alerts_received {
        out.push_str(&format!(
            "{} receives alert {}\n",
            side.name(),
            alert.name()
        ));
    }
    if let Some((side, alert, reason)) = &step.failure {
        out.push_str(&format!(
            "{} rejects this record and answers with alert {}: {reason}\n",
            side.name(),
            alert.name()
        ));
    }
    if let Some(attempt) = &step.attempt {
        out.push_str(&format!(
            "the attacker tries the stolen key ({}) on the recorded {} session:\n",
            attempt.stolen_key,
            attempt.target.name()
        ));
        for stage in &attempt.stages {
            out.push_str(&format!("  {stage}\n"));
        }
        if let Some(missing) = &attempt.missing {
            out.push_str(&format!("  missing: {missing}\n"));
        }
        out.push_str(&attempt.line());
        out.push('\n');
    }
    out.push_str("eavesdropper reads:\n");
    for seen in &step.eavesdropper {
        out.push_str(&format!(
            "  {}: {}{}\n",
            serde_json::to_value(seen.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default(),
            seen.value,
            if seen.sensitive {
                "   <-- secret, readable!"
            } else {
                ""
            }
        ));
    }
    out
}

/// The timeline as one JSON object with `steps[]` (each with `records[]` and
/// `secrets[]`) and `outcome`.
pub fn json(timeline: &Timeline) -> Value {
    let scenario = &timeline.scenario;
    let steps: Vec<Value> = timeline
        .steps
        .iter()
        .enumerate()
        .map(|(i, step)| step_json(i, step))
        .collect();
    let detail = match &timeline.outcome {
        Outcome::Completed => json!({"result": "completed"}),
        Outcome::Aborted { by, alert, reason } => json!({
            "result": "aborted", "by": by.name(), "alert": alert.name(),
            "alert_code": alert.to_u8(), "reason": reason,
        }),
    };
    json!({
        "scenario": {
            "name": scenario.name.name(),
            "seed": scenario.seed,
            "server_name": scenario.server_name,
            "password": scenario.password,
            "tamper": scenario.tamper,
        },
        "start_unix": timeline.start_unix,
        "steps": steps,
        "outcome": timeline.outcome.line().trim_start_matches("outcome: "),
        "outcome_detail": detail,
    })
}

fn step_json(i: usize, step: &Step) -> Value {
    let records: Vec<Value> = step.records.iter().map(record_json).collect();
    let secrets: Vec<Value> = step
        .learned
        .iter()
        .map(|l| {
            json!({
                "name": l.derivation.name,
                "side": l.side.name(),
                "function": l.derivation.function,
                "label": l.derivation.label,
                "context_hex": hex(&l.derivation.context),
                "hex": hex(&l.derivation.output),
            })
        })
        .collect();
    json!({
        "index": i,
        "name": step.name,
        "from": step.from.name(),
        "to": step.to.name(),
        "connection": step.connection,
        "attempt": step.attempt,
        "time_micros": step.time_micros,
        "records": records,
        "secrets": secrets,
        "ephemeral_keys": step.ephemeral_keys.iter().map(|(side, private_key, public_key)| json!({
            "side": side.name(), "private_hex": hex(private_key), "public_hex": hex(public_key),
        })).collect::<Vec<_>>(),
        "checks": step.checks.iter().map(|(side, check)| json!({
            "side": side.name(), "name": check.name, "passed": check.passed, "detail": check.detail,
        })).collect::<Vec<_>>(),
        "alerts_received": step.alerts_received.iter().map(|(side, a)| json!({"side": side.name(), "alert": a.name()})).collect::<Vec<_>>(),
        "accepted": step.accepted.iter().map(|(side, m)| json!({"side": side.name(), "message": m})).collect::<Vec<_>>(),
        "eavesdropper": step.eavesdropper,
        "failure": step.failure.as_ref().map(|(side, alert, reason)| json!({
            "side": side.name(), "alert": alert.name(), "reason": reason,
        })),
    })
}

fn record_json(record: &WireRecord) -> Value {
    json!({
        "index": record.index,
        "from": record.from.name(),
        "message": record.message,
        "content_type": record.content_type,
        "protection": record.protection,
        "length": record.bytes.len(),
        "hex": hex(&record.bytes),
        "delivered_hex": record.delivered.as_deref().map(hex),
        "inner_plaintext_hex": record.inner_plaintext.as_deref().map(hex),
        "sequence": record.sequence.map(|(seq, _)| seq),
        "nonce_hex": record.sequence.map(|(_, nonce)| hex(&nonce)),
        "fields": fields_json(&record.fields),
        "inner_fields": fields_json(&record.inner_fields),
    })
}

fn fields_json(fields: &[Field]) -> Value {
    serde_json::to_value(fields).unwrap_or(Value::Null)
}

fn content_type_name(content_type: u8) -> &'static str {
    match content_type {
        0 => "plain HTTP",
        20 => "change_cipher_spec",
        21 => "alert",
        22 => "handshake",
        23 => "application_data",
        _ => "unknown type",
    }
}

fn protection_name(record: &WireRecord) -> &'static str {
    match record.protection {
        crate::tls::Protection::Plaintext => "plaintext",
        crate::tls::Protection::HandshakeKeys => "encrypted with handshake keys",
        crate::tls::Protection::ApplicationKeys => "encrypted with application keys",
        crate::tls::Protection::SessionKeys => "encrypted with the TLS 1.2 session keys",
    }
}

fn hex_block(bytes: &[u8], indent: &str) -> String {
    let mut out = String::new();
    for chunk in bytes.chunks(32) {
        out.push_str(indent);
        out.push_str(
            &chunk
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect::<Vec<_>>()
                .join(" "),
        );
        out.push('\n');
    }
    out
}

//! The command-line contract of DESIGN.md, run against the real binary.

use std::path::PathBuf;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_handshake-lab"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("handshake-lab-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn assert_invalid(output: &Output, mentions: &str) {
    assert_eq!(output.status.code(), Some(1), "stderr: {}", stderr(output));
    let err = stderr(output);
    assert_eq!(err.lines().count(), 1, "one line expected, got: {err}");
    assert!(err.starts_with("handshake-lab: "), "{err}");
    assert!(
        err.contains(mentions),
        "{err:?} should mention {mentions:?}"
    );
}

#[test]
fn scenarios_lists_names_with_descriptions() {
    let out = run(&["scenarios"]);
    assert!(out.status.success());
    let text = stdout(&out);
    let names: Vec<&str> = text
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(
        names,
        [
            "http",
            "https",
            "tamper",
            "mitm",
            "wrong-host",
            "expired",
            "tls12-rsa",
            "key-compromise",
            "hrr"
        ],
        "the contract's scenario names, in order:\n{text}"
    );
    assert!(
        text.lines().all(|l| l.split_whitespace().count() > 2),
        "every line has a description"
    );
}

#[test]
fn trace_ends_with_exactly_one_outcome_line() {
    let out = run(&["trace"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert_eq!(
        text.lines().filter(|l| l.starts_with("outcome: ")).count(),
        1
    );
    assert_eq!(text.lines().last(), Some("outcome: completed"));
    assert!(text.contains("client_hello") && text.contains("server_finished"));
}

#[test]
fn trace_tamper_reports_the_alert_and_still_exits_0() {
    // Record 7 is the encrypted HTTP request: the server's AEAD check fails.
    let out = run(&["trace", "--tamper", "7:30"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out).lines().last(),
        Some("outcome: aborted by server: bad_record_mac")
    );
    let http = run(&["trace", "--scenario", "http", "--tamper", "0:10:0x20"]);
    assert!(http.status.success());
    assert_eq!(stdout(&http).lines().last(), Some("outcome: completed"));
}

#[test]
fn trace_json_has_steps_records_secrets_and_outcome() {
    let out = run(&["trace", "--json", "--seed", "5"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(value["outcome"], "completed");
    let steps = value["steps"].as_array().expect("steps[]");
    assert!(steps.len() >= 9);
    let mut expected_index = 0;
    for step in steps {
        for record in step["records"].as_array().expect("records[]") {
            assert_eq!(record["index"], expected_index);
            expected_index += 1;
            let hex = record["hex"].as_str().expect("hex");
            let first = u8::from_str_radix(&hex[..2], 16).expect("hex byte");
            assert_eq!(
                record["content_type"].as_u64(),
                Some(u64::from(first)),
                "header included"
            );
        }
        assert!(step["secrets"].is_array());
    }
    let secrets: Vec<&str> = steps
        .iter()
        .flat_map(|s| s["secrets"].as_array().into_iter().flatten())
        .filter_map(|s| s["name"].as_str())
        .collect();
    assert!(secrets.contains(&"client_handshake_traffic_secret"));
    assert!(secrets.contains(&"server_application_traffic_secret_0"));
}

#[test]
fn bad_flag_values_give_one_line_and_exit_1() {
    assert_invalid(&run(&["trace", "--seed", "many"]), "--seed");
    assert_invalid(&run(&["trace", "--scenario", "gopher"]), "gopher");
    assert_invalid(&run(&["trace", "--tamper", "x:y"]), "REC:OFF");
    assert_invalid(&run(&["trace", "--tamper", "99:0"]), "--tamper 99:0");
    assert_invalid(
        &run(&["trace", "--server-name", "bad name!"]),
        "server name",
    );
    assert_invalid(&run(&["frobnicate"]), "frobnicate");
}

#[test]
fn certs_writes_three_pem_files() {
    let dir = temp_dir("certs");
    let out = run(&[
        "certs",
        "--server-name",
        "shop.example",
        "--out",
        dir.to_str().expect("utf-8"),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    for (name, header) in [
        ("ca.pem", "-----BEGIN CERTIFICATE-----"),
        ("server.pem", "-----BEGIN CERTIFICATE-----"),
        ("server.key.pem", "-----BEGIN PRIVATE KEY-----"),
    ] {
        let text = std::fs::read_to_string(dir.join(name)).expect(name);
        assert!(text.starts_with(header), "{name}: {text}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn unwritable_output_is_a_clear_error() {
    let dir = temp_dir("blocked");
    let file = dir.join("a-file");
    std::fs::write(&file, b"x").expect("write");
    // A folder below a regular file cannot be created.
    let target = file.join("sub");
    let out = run(&["certs", "--out", target.to_str().expect("utf-8")]);
    assert_invalid(&out, "cannot create");
    let out = run(&[
        "pcap",
        "--out",
        target.join("x.pcapng").to_str().expect("utf-8"),
    ]);
    assert_invalid(&out, "cannot write");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn pcap_writes_a_capture_and_a_keylog() {
    let dir = temp_dir("pcap");
    let pcap = dir.join("s.pcapng");
    let keylog = dir.join("keys.log");
    let out = run(&[
        "pcap",
        "--out",
        pcap.to_str().expect("utf-8"),
        "--keylog",
        keylog.to_str().expect("utf-8"),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let bytes = std::fs::read(&pcap).expect("capture written");
    assert_eq!(
        &bytes[..4],
        &[0x0a, 0x0d, 0x0d, 0x0a],
        "pcapng section header"
    );
    let keys = std::fs::read_to_string(&keylog).expect("keylog written");
    assert!(
        keys.lines()
            .any(|l| l.starts_with("CLIENT_HANDSHAKE_TRAFFIC_SECRET "))
    );
    assert!(
        keys.lines()
            .any(|l| l.starts_with("SERVER_TRAFFIC_SECRET_0 "))
    );
    let _ = std::fs::remove_dir_all(&dir);
}

fn lesson_file(id: &str, title: &str, step: &str) -> String {
    format!(
        "---\nid: {id}\ntitle: {title}\nscenario: https\n---\n\n## First\nstep: {step}\n\nText.\n"
    )
}

#[test]
fn lessons_lists_the_course_id_first() {
    let out = run(&["lessons"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let ids: Vec<&str> = text
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(ids.first(), Some(&"01-plain-http"), "{text}");
    assert!(ids.contains(&"12-recap"), "{text}");
    let first = text.lines().next().unwrap_or_default();
    assert!(
        first.contains("Why plain HTTP is dangerous") && first.ends_with("steps)"),
        "{first}"
    );
}

#[test]
fn lessons_with_a_broken_teacher_lesson_exits_1_and_lists_the_rest() {
    let dir = temp_dir("lessons-broken");
    std::fs::write(
        dir.join("03-hello.md"),
        lesson_file("03-hello", "Mine", "server_helo"),
    )
    .expect("write");
    let out = run(&["lessons", "--lessons", dir.to_str().expect("utf-8")]);
    let expected = format!(
        "{}:8: step \"server_helo\" is not a step of scenario https (did you mean \"server_hello\"?)",
        dir.join("03-hello.md").display()
    );
    assert_invalid(&out, &expected);
    let text = stdout(&out);
    assert!(
        text.lines().any(|l| l.starts_with("01-plain-http ")),
        "valid ones listed: {text}"
    );
    assert!(!text.contains("03-hello"), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn lessons_from_a_teacher_folder_override_by_id_and_add() {
    let dir = temp_dir("lessons-override");
    std::fs::write(
        dir.join("mine.md"),
        lesson_file("04-hellos", "My own hellos", "client_hello"),
    )
    .expect("write");
    std::fs::write(
        dir.join("new.md"),
        lesson_file("13-extra", "Extra", "server_hello"),
    )
    .expect("write");
    std::fs::write(dir.join("README.md"), "not a lesson").expect("write");
    let out = run(&["lessons", "--lessons", dir.to_str().expect("utf-8")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let line = |id: &str| {
        text.lines()
            .find(|l| l.starts_with(&format!("{id} ")))
            .map(str::to_string)
    };
    assert!(
        line("04-hellos").is_some_and(|l| l.contains("My own hellos") && l.contains("(1 step)")),
        "{text}"
    );
    assert!(line("13-extra").is_some(), "{text}");
    assert_eq!(
        text.lines().filter(|l| l.starts_with("04-hellos ")).count(),
        1
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn lessons_reports_a_missing_folder_and_a_non_utf8_file() {
    let out = run(&["lessons", "--lessons", "/nonexistent/handshake-lab-lessons"]);
    assert_invalid(
        &out,
        "/nonexistent/handshake-lab-lessons: cannot read the lessons folder",
    );
    let dir = temp_dir("lessons-latin1");
    std::fs::write(dir.join("x.md"), b"---\nid: x\ntitle: caf\xe9\n").expect("write");
    let out = run(&["lessons", "--lessons", dir.to_str().expect("utf-8")]);
    assert_invalid(&out, "x.md:3: not UTF-8");
    assert_invalid(&run(&["lessons", "--lang", "French!"]), "--lang");
    let _ = std::fs::remove_dir_all(&dir);
}

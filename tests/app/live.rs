//! The Live source in the window: start listening, a real client (curl) logs in, the
//! connection appears in the list, picking it puts its session on screen with every
//! panel working, and a later connection does not move the student away from it.
//! Loopback only; curl is required on CI and skipped locally when missing.

use std::process::Command as Process;
use std::time::{Duration, Instant};

use egui_kittest::kittest::Queryable;
use handshake_lab::app::views::live::LiveCommand;
use handshake_lab::app::{Command, SidePanel};
use handshake_lab::sim::ScenarioName;

use crate::support::{harness, tr};

fn curl_available() -> bool {
    let found = Process::new("curl").arg("--version").output().is_ok();
    assert!(
        found || std::env::var("CI").as_deref() != Ok("true"),
        "curl is not on PATH: CI must install it"
    );
    found
}

#[test]
fn a_real_client_appears_in_the_list_and_its_session_can_be_stepped_through() {
    if !curl_available() {
        return;
    }
    let mut h = harness();
    h.get_by_label(&tr("live-button")).click();
    h.run();
    h.get_by_label(&tr("live-start"));
    let dir = std::env::temp_dir().join(format!("hl-app-live-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    h.state_mut().live.record_dir = dir.clone();
    let ctx = h.ctx.clone();
    h.state_mut()
        .apply(Command::Live(LiveCommand::Start(0)), &ctx);
    h.run();
    let (port, ca) = {
        let listening = h.state().live.listening.as_ref().expect("listening");
        (
            listening.local_addr().port(),
            listening.ca_path().to_path_buf(),
        )
    };
    h.get_by_label(&tr("live-stop"));
    let shown_before = h.state().session.generation;

    let login = |password: &str| {
        let output = Process::new("curl")
            .args(["--silent", "--max-time", "20", "--cacert"])
            .arg(&ca)
            .args(["--data", &format!("username=alice&password={password}")])
            .arg(format!("https://localhost:{port}/login"))
            .output()
            .expect("curl runs");
        assert!(String::from_utf8_lossy(&output.stdout).contains("Welcome back, alice."));
    };
    let wait_for = |h: &mut egui_kittest::Harness<'_, handshake_lab::app::LabApp>, n: usize| {
        let started = Instant::now();
        while h
            .state()
            .live
            .listening
            .as_ref()
            .map_or(0, |l| l.recordings().len())
            < n
        {
            assert!(
                started.elapsed() < Duration::from_secs(15),
                "the connection is recorded"
            );
            std::thread::sleep(Duration::from_millis(20));
            h.run();
        }
        h.run();
    };
    login("first-password");
    wait_for(&mut h, 1);
    // A new connection does not change what is on screen.
    assert_eq!(h.state().session.generation, shown_before);
    assert_ne!(h.state().session.inputs.scenario, ScenarioName::Live);

    // Pick it: the live session is on screen.
    h.query_all_by_label_contains("0001")
        .next()
        .expect("the connection is listed")
        .click();
    h.run();
    assert_eq!(h.state().session.inputs.scenario, ScenarioName::Live);
    assert_eq!(h.state().live.shown, Some(1));
    assert_eq!(h.state().session.https.steps[0].name, "client_hello");

    // Every panel works on it, at every step.
    let len = h.state().session.len();
    for panel in [
        SidePanel::Keys,
        SidePanel::Eavesdropper,
        SidePanel::Certificate,
    ] {
        h.state_mut().apply(Command::ShowPanel(panel), &ctx);
        for step in 0..len {
            h.state_mut().apply(Command::GoTo(step), &ctx);
            h.run();
        }
    }
    // The eavesdropper reads the client's offer, the server's choice and its JA4.
    h.state_mut()
        .apply(Command::ShowPanel(SidePanel::Eavesdropper), &ctx);
    h.run();
    h.get_by_label(&tr("eaves-live-heading"));
    let ja4 = h
        .state()
        .session
        .negotiation
        .as_ref()
        .map(|n| n.ja4.fingerprint.clone())
        .expect("a negotiation for a live session");
    assert!(ja4.starts_with("t13d"), "{ja4}");
    h.get_by_label(&ja4);
    h.state_mut()
        .apply(Command::ShowPanel(SidePanel::Keys), &ctx);
    h.state_mut().apply(Command::GoTo(len - 1), &ctx);
    h.run();
    assert!(
        h.query_all_by_label_contains("master_secret")
            .next()
            .is_some(),
        "the keys panel shows the server's key schedule"
    );

    // A second login arrives while the first is on screen: it stays.
    let generation = h.state().session.generation;
    login("second-password");
    wait_for(&mut h, 2);
    assert_eq!(h.state().session.generation, generation);
    assert_eq!(h.state().live.shown, Some(1));
    assert!(h.query_all_by_label_contains("0002").next().is_some());

    h.state_mut().apply(Command::Live(LiveCommand::Stop), &ctx);
    h.run();
    assert!(h.state().live.listening.is_none());
    h.get_by_label(&tr("live-start"));
    let _ = std::fs::remove_dir_all(&dir);
}

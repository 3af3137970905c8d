//! Visiting a real server from the window: the lab's own server listens on
//! 127.0.0.1 (port 0) in the test, its address is typed into the live panel, and the
//! session the lab's browser records opens in every panel. Refused and silent
//! addresses end in one error line while the window keeps drawing. Loopback only.

use std::net::TcpListener;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use eframe::egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use handshake_lab::app::views::live::LiveCommand;
use handshake_lab::app::views::sequence::arrow_label;
use handshake_lab::app::{Command, LabApp, Options, SidePanel, Strings};
use handshake_lab::crypto::pki::DAY;
use handshake_lab::crypto::{LabRng, PkiRequest, Validity, issue_pki_with, pem};
use handshake_lab::sim::ScenarioName;
use handshake_lab_live::{Limits, Listening, ServeConfig};

use crate::support::{step_title, tr};

/// The lab's bank on 127.0.0.1 at a free port, recording into its own folder.
fn lab_server(name: &str) -> (Listening, PathBuf) {
    let dir = std::env::temp_dir().join(format!("hl-app-visit-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let config = ServeConfig {
        listen: std::net::SocketAddr::from(([127, 0, 0, 1], 0)),
        server_name: "bank.example".to_string(),
        record_dir: dir.clone(),
        once: false,
        key: Default::default(),
        limits: Limits::default(),
    };
    let server = Listening::start(config, || {}).expect("the lab's server listens on loopback");
    (server, dir)
}

/// A root CA of another name than the lab's, valid now, as PEM.
fn another_root_pem() -> String {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let validity = Validity {
        not_before: now - DAY,
        not_after: now + 30 * DAY,
    };
    let request = PkiRequest {
        ca_common_name: "Another Test Root CA",
        ..PkiRequest::lab("other.example", validity)
    };
    let pki = issue_pki_with(&mut LabRng::from_seed(7), &request).expect("a test root");
    pem("CERTIFICATE", &pki.ca_cert_der)
}

/// The window with the live panel open. Its fonts fall back on the system's, as the
/// window's do (eframe's): a real chain's check says "CN=leaf ← CN=root", and the
/// arrow is in no font egui embeds.
fn window_with_live_panel() -> Harness<'static, LabApp> {
    let app = LabApp::new(Options::default()).expect("the default session simulates");
    let mut h = Harness::builder()
        .with_size(eframe::egui::Vec2::new(1700.0, 1000.0))
        .allow_missing_glyphs()
        .with_context_setup(|ctx| {
            ctx.add_font_provider(Arc::new(
                egui_system_font_provider::SystemFontProvider::new(),
            ));
        })
        .build_ui_state(|ui, app: &mut LabApp| app.draw(ui), app);
    h.run();
    h.get_by_label(&tr("live-button")).click();
    h.run();
    h
}

/// Types `text` into the field labelled `label` (its message key).
fn type_into(h: &mut Harness<'static, LabApp>, label: &str, text: &str) {
    h.get_by_label(&tr(label)).focus();
    h.run();
    h.get_by_label(&tr(label)).type_text(text);
    h.run();
}

/// Draws frames (one at a time: the progress spinner keeps asking for more) until
/// the visit under way is over; a visit that outlives `limit` fails the test.
fn wait_for_visit(h: &mut Harness<'static, LabApp>, limit: Duration) {
    let started = Instant::now();
    while h.state().live.visit.is_running() {
        assert!(
            started.elapsed() < limit,
            "the visit ended within {limit:?}"
        );
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
    h.run();
}

/// The visit's failure line as the window shows it (English).
fn failure_line(h: &Harness<'static, LabApp>) -> Option<String> {
    h.state()
        .live
        .visit
        .failure
        .as_ref()
        .map(|f| f.line(&Strings::english()))
}

#[test]
fn visiting_the_labs_own_server_opens_its_session_in_every_panel() {
    let (server, dir) = lab_server("lab");
    let port = server.local_addr().port();
    let url = format!("https://localhost:{port}/");
    let mut h = window_with_live_panel();
    let ctx = h.ctx.clone();
    let simulated = h.state().session.generation;
    assert_ne!(h.state().session.inputs.scenario, ScenarioName::Live);

    type_into(
        &mut h,
        "visit-ca-file",
        &server.ca_path().display().to_string(),
    );
    type_into(&mut h, "visit-address", &url);
    h.get_by_label(&tr("visit-button")).click();
    h.step();
    assert!(h.state().live.visit.is_running() || h.state().live.visit.shown.is_some());
    wait_for_visit(&mut h, Duration::from_secs(20));

    // The visit is on screen, like a simulated session.
    assert_eq!(failure_line(&h), None);
    assert_eq!(h.state().live.visit.shown, Some(1));
    assert_eq!(h.state().session.inputs.scenario, ScenarioName::Live);
    assert!(h.state().session.generation > simulated);
    assert_eq!(h.state().session.inputs.server_name, "localhost");
    // The step list names the ServerHello; the step heading follows the step.
    let server_hello = h
        .state()
        .session
        .https
        .step_index("server_hello")
        .expect("a ServerHello step");
    let arrow = arrow_label(
        &Strings::english(),
        server_hello,
        &h.state().session.https.steps[server_hello],
    );
    assert!(arrow.contains("ServerHello"), "{arrow}");
    h.get_by_label(&arrow);
    h.state_mut().apply(Command::GoTo(server_hello), &ctx);
    h.run();
    h.get_by_label(&step_title("server_hello"));
    assert_eq!(
        h.state().session.https.outcome.line(),
        "outcome: completed",
        "the lab's browser trusted the CA file and completed the session"
    );

    // Offered next to chosen, in the live panel.
    h.get_by_label(&Strings::english().tr_args(
        "visit-negotiation-heading",
        &[("host", "localhost".to_string())],
    ));
    let chosen = h
        .state()
        .session
        .negotiation
        .as_ref()
        .and_then(|n| n.chosen.clone())
        .expect("the server chose");
    h.get_by_label(&chosen.cipher_suite);
    h.get_by_label(&tr("visit-retry-no"));
    let scheme = chosen.signature_scheme.expect("the server signed");
    h.get_by_label(&scheme);

    // Listed, to reopen.
    let entry = h
        .query_all_by_label_contains(&url)
        .next()
        .expect("the visit is listed")
        .accesskit_node()
        .label()
        .unwrap_or_default();
    assert!(entry.contains("completed"), "{entry}");

    // Every panel works on it, at every step.
    let len = h.state().session.len();
    assert!(len >= 8, "a whole session: {len} steps");
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
    // The certificate panel: each check, the server's certificate and the anchor.
    h.state_mut()
        .apply(Command::ShowPanel(SidePanel::Certificate), &ctx);
    h.state_mut().apply(Command::GoTo(len - 1), &ctx);
    h.run();
    assert!(h.query_all_by_label(&tr("cert-pass")).count() >= 5);
    assert!(h.query_by_label(&tr("cert-fail")).is_none());
    h.get_by_label("CN=bank.example");
    let root = "CN=Handshake Lab Root CA, O=Handshake Lab";
    assert_eq!(h.query_all_by_label(root).count(), 1, "the leaf's issuer");
    // The anchor, folded under its title, opens with a click.
    h.get_by_label(&tr("cert-chain-anchor")).click();
    h.run();
    assert_eq!(
        h.query_all_by_label(root).count(),
        3,
        "the leaf's issuer, the anchor's subject and its issuer (self-signed)"
    );
    let leaf = Strings::english().tr_args(
        "cert-chain-leaf",
        &[("n", "1".to_string()), ("total", "1".to_string())],
    );
    h.get_by_label(&leaf);
    // Extensions by name, folded until asked for.
    let leaf_extensions = h
        .state()
        .session
        .live_chain
        .as_ref()
        .and_then(|chain| chain.sent.as_ref().ok())
        .and_then(|sent| sent.first())
        .and_then(|leaf| leaf.as_ref().ok())
        .map(|leaf| leaf.extensions.len())
        .expect("the leaf reads");
    assert!(leaf_extensions >= 3, "{leaf_extensions} extensions");
    assert!(h.query_by_label("subjectAltName").is_none());
    h.get_by_label(
        &Strings::english().tr_args("cert-extensions", &[("n", leaf_extensions.to_string())]),
    )
    .click();
    h.run();
    h.get_by_label("subjectAltName");
    // The keys panel: the browser's key schedule.
    h.state_mut()
        .apply(Command::ShowPanel(SidePanel::Keys), &ctx);
    h.run();
    assert!(
        h.query_all_by_label_contains("master_secret")
            .next()
            .is_some(),
        "the keys panel shows the client's key schedule"
    );
    // The inspector: the ServerHello's fields.
    h.state_mut().apply(Command::GoTo(server_hello), &ctx);
    h.run();
    assert!(
        h.query_all_by_label_contains("cipher_suite")
            .next()
            .is_some(),
        "the inspector shows the ServerHello's fields"
    );

    // Back to the simulated bank, then the visit again from the list.
    let mut inputs = h.state().session.inputs.clone();
    inputs.scenario = ScenarioName::Https;
    h.state_mut().apply(Command::SetInputs(inputs), &ctx);
    h.run();
    assert_eq!(h.state().live.visit.shown, None);
    assert_ne!(h.state().session.inputs.scenario, ScenarioName::Live);
    h.query_all_by_label_contains(&url)
        .next()
        .expect("the visit is still listed")
        .click();
    h.run();
    assert_eq!(h.state().live.visit.shown, Some(1));
    assert_eq!(h.state().session.inputs.scenario, ScenarioName::Live);

    // Enter visits too: a second visit, listed above the first.
    h.get_by_label(&tr("visit-address")).focus();
    h.run();
    h.key_press(Key::Enter);
    h.step();
    wait_for_visit(&mut h, Duration::from_secs(20));
    assert_eq!(h.state().live.visit.shown, Some(2));
    assert_eq!(h.state().live.visit.visits().len(), 2);
    assert_eq!(h.query_all_by_label_contains(&url).count(), 2);

    server.stop();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_chain_from_an_untrusted_root_ends_in_unknown_ca_and_names_no_anchor() {
    let (server, dir) = lab_server("untrusted");
    let port = server.local_addr().port();
    // Another root, of another name, is all the browser trusts.
    let other = dir.join("another-root.pem");
    std::fs::write(&other, another_root_pem()).expect("the other root is written");
    let mut h = window_with_live_panel();
    let ctx = h.ctx.clone();
    type_into(&mut h, "visit-ca-file", &other.display().to_string());
    type_into(
        &mut h,
        "visit-address",
        &format!("https://127.0.0.1:{port}/"),
    );
    h.get_by_label(&tr("visit-button")).click();
    h.step();
    wait_for_visit(&mut h, Duration::from_secs(20));
    assert_eq!(h.state().live.visit.shown, Some(1));
    assert_eq!(
        h.state().session.https.outcome.line(),
        "outcome: aborted by client: unknown_ca"
    );
    h.state_mut()
        .apply(Command::ShowPanel(SidePanel::Certificate), &ctx);
    let len = h.state().session.len();
    h.state_mut().apply(Command::GoTo(len - 1), &ctx);
    h.run();
    h.get_by_label(&tr("cert-chain-no-anchor"));
    assert!(h.query_by_label(&tr("cert-chain-anchor")).is_none());
    assert!(h.query_all_by_label(&tr("cert-fail")).count() >= 1);
    server.stop();
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_refused_address_shows_one_error_line_and_the_session_stays() {
    let port = {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a free loopback port");
        listener.local_addr().expect("its address").port()
    };
    let mut h = window_with_live_panel();
    let before = h.state().session.generation;
    type_into(
        &mut h,
        "visit-address",
        &format!("https://127.0.0.1:{port}/"),
    );
    h.get_by_label(&tr("visit-button")).click();
    h.step();
    wait_for_visit(&mut h, Duration::from_secs(20));
    let line = failure_line(&h).expect("a failure line");
    assert!(line.contains(&format!("127.0.0.1 port {port}")), "{line}");
    h.get_by_label(&line);
    assert_eq!(h.state().session.generation, before, "the session stays");
    assert!(h.state().live.visit.visits().is_empty());
    assert_eq!(h.state().live.visit.shown, None);

    // A malformed address fails at once, in the window's words.
    h.state_mut().live.visit.address = "http://127.0.0.1/".to_string();
    let ctx = h.ctx.clone();
    h.state_mut().apply(Command::Live(LiveCommand::Visit), &ctx);
    h.run();
    assert!(!h.state().live.visit.is_running());
    let line = failure_line(&h).expect("a failure line");
    assert!(line.starts_with("http://127.0.0.1/ is not HTTPS"), "{line}");
    h.get_by_label(&line);
    // So is one that does not parse.
    h.state_mut().live.visit.address = "https://[::1/".to_string();
    h.state_mut().apply(Command::Live(LiveCommand::Visit), &ctx);
    h.run();
    assert!(!h.state().live.visit.is_running());
    let line = failure_line(&h).expect("a failure line");
    assert!(
        line.starts_with("https://[::1/ is not an address"),
        "{line}"
    );
    h.get_by_label(&line);
}

#[test]
fn a_silent_server_times_out_while_the_window_keeps_drawing() {
    // Bound and listening, never accepting: the kernel completes the TCP handshake
    // and nobody ever answers the ClientHello.
    let silent = TcpListener::bind("127.0.0.1:0").expect("a free loopback port");
    let port = silent.local_addr().expect("its address").port();
    let url = format!("https://127.0.0.1:{port}/");
    let mut h = window_with_live_panel();
    h.state_mut().live.visit.timeout = Duration::from_millis(1500);
    type_into(&mut h, "visit-address", &url);
    h.get_by_label(&tr("visit-button")).click();
    h.step();
    h.step();
    // The visit runs on its own thread: the window draws, saying what it does.
    assert!(h.state().live.visit.is_running());
    h.get_by_label(&Strings::english().tr_args("visit-running", &[("address", url.clone())]));
    let started = Instant::now();
    wait_for_visit(&mut h, Duration::from_secs(20));
    assert!(started.elapsed() >= Duration::from_millis(1000));
    let line = failure_line(&h).expect("a failure line");
    assert!(line.contains(&tr("visit-stage-reading")), "{line}");
    h.get_by_label(&line);
    drop(silent);
}

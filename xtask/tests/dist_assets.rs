//! The man pages and completions come from the command line's definition: every
//! subcommand and its flags are in them, so a new subcommand cannot be left out.

use clap::CommandFactory;
use handshake_lab::cli::Cli;
use xtask::{SHELLS, completion, man_pages};

fn subcommands() -> Vec<clap::Command> {
    Cli::command().get_subcommands().cloned().collect()
}

#[test]
fn every_subcommand_has_a_man_page_named_in_the_main_one() {
    let pages = man_pages().expect("renders");
    let names: Vec<&str> = pages.iter().map(|(n, _)| n.as_str()).collect();
    let main = pages
        .iter()
        .find(|(n, _)| n == "handshake-lab.1")
        .map(|(_, roff)| String::from_utf8_lossy(roff).into_owned())
        .expect("the main page");
    assert!(main.contains(".TH handshake-lab 1"), "{main}");
    for sub in subcommands() {
        let name = sub.get_name();
        let file = format!("handshake-lab-{name}.1");
        assert!(
            names.contains(&file.as_str()),
            "{file} missing from {names:?}"
        );
        assert!(
            main.contains(&format!("handshake\\-lab\\-{name}(1)")),
            "{name} not in the main page"
        );
        let page = &pages.iter().find(|(n, _)| *n == file).expect("listed").1;
        let page = String::from_utf8_lossy(page);
        for arg in sub.get_arguments().filter_map(clap::Arg::get_long) {
            let long = format!("\\-\\-{}", arg.replace('-', "\\-"));
            assert!(page.contains(&long), "{file} does not document --{arg}");
        }
    }
}

#[test]
fn every_completion_completes_every_subcommand() {
    for (shell, file) in SHELLS {
        let script = String::from_utf8(completion(shell)).expect("utf-8");
        assert!(script.len() > 500, "{file} is too short");
        for sub in subcommands() {
            assert!(
                script.contains(sub.get_name()),
                "{file} does not complete {}",
                sub.get_name()
            );
        }
        // The flags of the session shared by trace, pcap and certs.
        assert!(script.contains("server-name"), "{file}");
    }
}

/// The repository's top folder.
fn top() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Runs a validator when it is installed (`.ci/run` installs them); says so otherwise.
fn validate(program: &str, args: &[&str]) {
    match std::process::Command::new(program).args(args).output() {
        Ok(out) => assert!(
            out.status.success(),
            "{program} {args:?} failed:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            eprintln!("{program} is not installed: not checked here");
        }
        Err(e) => panic!("cannot run {program}: {e}"),
    }
}

#[test]
fn the_desktop_entry_and_the_metainfo_validate() {
    let desktop = top().join("assets/linux/handshake-lab.desktop");
    let metainfo = top().join("assets/linux/example.handshake_lab.HandshakeLab.metainfo.xml");
    validate(
        "desktop-file-validate",
        &[desktop.to_str().expect("utf-8 path")],
    );
    validate(
        "appstreamcli",
        &[
            "validate",
            "--no-net",
            metainfo.to_str().expect("utf-8 path"),
        ],
    );
}

#[test]
fn the_metainfo_shows_the_committed_screenshots_at_their_size() {
    let metainfo = std::fs::read_to_string(
        top().join("assets/linux/example.handshake_lab.HandshakeLab.metainfo.xml"),
    )
    .expect("the metainfo");
    let images: Vec<&str> = metainfo
        .split("<image ")
        .skip(1)
        .filter_map(|rest| rest.split("</image>").next())
        .collect();
    assert!(images.len() >= 2, "{images:?}");
    for image in images {
        let (attributes, url) = image.split_once('>').expect("an element");
        let name = url.rsplit('/').next().expect("a file name");
        let path = top().join("assets/screenshots").join(name);
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        // PNG: the IHDR chunk's width and height, big-endian, at bytes 16..24.
        assert_eq!(&bytes[1..4], b"PNG", "{name}");
        let width = u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]);
        let height = u32::from_be_bytes([bytes[20], bytes[21], bytes[22], bytes[23]]);
        let size = format!("width=\"{width}\" height=\"{height}\"");
        assert!(attributes.contains(&size), "{name} is {size}: {attributes}");
    }
}

/// What bash completes for the words of `line` (the last one being typed), with the
/// generated script loaded as bash-completion would.
fn bash_completes(line: &[&str]) -> Option<String> {
    let dir = std::env::temp_dir().join(format!("xtask-bash-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let script = dir.join("handshake-lab");
    std::fs::write(&script, completion(clap_complete::Shell::Bash)).expect("written");
    let words: Vec<String> = line.iter().map(|w| format!("'{w}'")).collect();
    let program = format!(
        "source '{}'; COMP_WORDS=({}); COMP_CWORD={}; _handshake__lab handshake-lab '{}' '{}'; echo \"${{COMPREPLY[*]}}\"",
        script.display(),
        words.join(" "),
        line.len() - 1,
        line[line.len() - 1],
        line[line.len() - 2],
    );
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(program)
        .output()
        .ok()?;
    Some(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

#[test]
fn bash_completes_subcommands_their_flags_and_values() {
    let Some(top) = bash_completes(&["handshake-lab", "tr"]) else {
        eprintln!("no bash here: not checked");
        return;
    };
    assert_eq!(top, "trace");
    let flags = bash_completes(&["handshake-lab", "trace", "--sc"]).unwrap_or_default();
    assert_eq!(flags, "--scenario");
    let values =
        bash_completes(&["handshake-lab", "trace", "--scenario", "ex"]).unwrap_or_default();
    assert_eq!(values, "expired");
    let serve = bash_completes(&["handshake-lab", "serve", "--k"]).unwrap_or_default();
    assert_eq!(serve, "--key");
}

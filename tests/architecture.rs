//! The architecture invariants of ARCHITECTURE.md. That the core imports no GUI crate
//! is the compiler's to enforce (the core crate does not depend on one); this checks
//! its dependency graph in Cargo.lock, and on the source text what the compiler cannot
//! see: no I/O of the core's own, and the layering inside it.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The core crate's source: it builds and runs without a display and does no I/O of
/// its own.
const CORE: &[&str] = &["core/src"];

/// The core files allowed to touch files, each only at paths its caller passes: the
/// lesson loader reads a teacher's folder, the export writer writes what the user asked.
const READS_PASSED_PATHS: &[&str] = &["core/src/lesson/load.rs"];
const WRITES_PASSED_PATHS: &[&str] = &["core/src/export/mod.rs", "core/src/export/certs.rs"];

/// Crates of the window and its graphics: none may be in the core's dependency graph.
const GUI_CRATES: &[&str] = &[
    "egui",
    "eframe",
    "epaint",
    "emath",
    "ecolor",
    "wgpu",
    "winit",
    "accesskit",
    "glow",
    "egui_kittest",
    "egui-wgpu",
    "egui-winit",
];

/// `Cargo.lock` as a graph: package name to the names it depends on (all versions of a
/// name merged, which can only add edges, so the check errs on the safe side).
fn lock_graph(root: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let lock = fs::read_to_string(root.join("Cargo.lock")).expect("Cargo.lock is read");
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for package in lock.split("[[package]]").skip(1) {
        let mut name = None;
        let mut deps = BTreeSet::new();
        let mut in_deps = false;
        for line in package.lines() {
            let line = line.trim();
            if let Some(value) = line.strip_prefix("name = ") {
                name = Some(value.trim_matches('"').to_string());
            } else if line.starts_with("dependencies = [") {
                in_deps = true;
            } else if in_deps && line.starts_with(']') {
                in_deps = false;
            } else if in_deps {
                let dep = line.trim_matches(|c| c == '"' || c == ',');
                if let Some(dep_name) = dep.split(' ').next() {
                    deps.insert(dep_name.to_string());
                }
            }
        }
        if let Some(name) = name {
            graph.entry(name).or_default().extend(deps);
        }
    }
    graph
}

#[test]
fn the_core_crate_depends_on_no_gui_crate() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let graph = lock_graph(root);
    assert!(
        graph.contains_key("handshake-lab-core"),
        "the core is in Cargo.lock"
    );
    // Sanity: the app's graph does reach egui, so the walk below can find it.
    let reach = |from: &str| {
        let mut seen = BTreeSet::new();
        let mut todo = vec![from.to_string()];
        while let Some(next) = todo.pop() {
            if seen.insert(next.clone()) {
                todo.extend(graph.get(&next).into_iter().flatten().cloned());
            }
        }
        seen
    };
    assert!(
        reach("handshake-lab").contains("egui"),
        "the walk finds egui from the app"
    );
    let core = reach("handshake-lab-core");
    let gui: Vec<&&str> = GUI_CRATES.iter().filter(|c| core.contains(**c)).collect();
    assert!(
        gui.is_empty(),
        "the core crate depends on GUI crates: {gui:?}"
    );
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    if dir.is_file() {
        return vec![dir.to_path_buf()];
    }
    let mut files = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return files;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

/// Code lines of a file, without `//` comments (doc comments may name anything).
fn code_lines(path: &Path) -> Vec<(usize, String)> {
    let text = fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line.split("//").next().unwrap_or("").to_string()))
        .collect()
}

fn offenders(dirs: &[&str], forbidden: &[&str]) -> Vec<String> {
    offenders_except(dirs, forbidden, &[])
}

fn offenders_except(dirs: &[&str], forbidden: &[&str], allowed: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    for dir in dirs {
        let files = rust_files(&root.join(dir));
        assert!(
            !files.is_empty(),
            "{dir} has no Rust files: the check would check nothing"
        );
        for file in files {
            if allowed.iter().any(|a| file.ends_with(a)) {
                continue;
            }
            for (line_no, code) in code_lines(&file) {
                for word in forbidden {
                    if code.contains(word) {
                        found.push(format!("{}:{line_no}: {word}", file.display()));
                    }
                }
            }
        }
    }
    found
}

#[test]
fn the_core_does_no_io_of_its_own() {
    let found = offenders_except(
        CORE,
        &[
            "std::net",
            "std::io::stdin",
            "std::env",
            "SystemTime",
            "Instant::now",
            "thread_rng",
            "OsRng",
            "getrandom",
            "rand::rng()",
            "std::process",
            "println!",
            "eprintln!",
        ],
        READS_PASSED_PATHS,
    );
    assert!(
        found.is_empty(),
        "I/O, clocks or OS randomness in the core:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_core_touches_files_only_where_its_caller_says() {
    let allowed: Vec<&str> = READS_PASSED_PATHS
        .iter()
        .chain(WRITES_PASSED_PATHS)
        .copied()
        .collect();
    let found = offenders_except(CORE, &["std::fs", "File::", "tempfile"], &allowed);
    assert!(
        found.is_empty(),
        "file access in the core outside the loader and the export writer:\n{}",
        found.join("\n")
    );
}

#[test]
fn only_the_live_layer_opens_sockets() {
    let found = offenders(
        &["core/src", "src"],
        &["TcpListener", "TcpStream", "UdpSocket", "std::net::Tcp"],
    );
    assert!(
        found.is_empty(),
        "sockets outside live/:\n{}",
        found.join("\n")
    );
}

#[test]
fn wire_does_no_crypto_and_holds_no_state() {
    let found = offenders(
        &["core/src/wire"],
        &[
            "crate::crypto",
            "crate::tls",
            "crate::sim",
            "static mut",
            "thread_local",
        ],
    );
    assert!(
        found.is_empty(),
        "wire depends on higher layers:\n{}",
        found.join("\n")
    );
}

#[test]
fn tls_endpoints_touch_no_channels_or_threads() {
    let found = offenders(
        &["core/src/tls", "core/src/crypto"],
        &["std::sync::mpsc", "std::thread", "crate::sim"],
    );
    assert!(
        found.is_empty(),
        "the sans-IO layer reaches outward:\n{}",
        found.join("\n")
    );
}

#[test]
fn main_rs_stays_thin() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let lines = code_lines(&root.join("src/main.rs"));
    let code = lines.iter().filter(|(_, l)| !l.trim().is_empty()).count();
    assert!(
        code < 200,
        "src/main.rs has {code} lines of code: move logic into the library"
    );
    for (no, line) in lines {
        for word in ["simulate(", "pcapng_bytes(", "Client::start", "Server::new"] {
            assert!(
                !line.contains(word),
                "src/main.rs:{no} does work ({word}); dispatch only"
            );
        }
    }
}

#[test]
fn the_lesson_loader_only_reads() {
    let found = offenders(
        READS_PASSED_PATHS,
        &[
            "std::fs::write",
            "File::create",
            "remove_",
            "std::env",
            "std::net",
            "println!",
        ],
    );
    assert!(
        found.is_empty(),
        "the lesson loader does more than read:\n{}",
        found.join("\n")
    );
}

//! The architecture invariants of ARCHITECTURE.md, checked on the source text.

use std::fs;
use std::path::{Path, PathBuf};

/// The core modules: they build and run without a display and do no I/O of their own.
const CORE: &[&str] = &[
    "src/wire",
    "src/crypto",
    "src/tls",
    "src/http",
    "src/sim",
    "src/lesson",
    "src/text.rs",
];

/// The one core file allowed to read files: the lesson loader, which reads only the
/// folder its caller passes.
const READS_PASSED_PATHS: &[&str] = &["src/lesson/load.rs"];

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
fn the_core_never_imports_egui() {
    let found = offenders(CORE, &["egui", "eframe", "winit", "wgpu"]);
    assert!(
        found.is_empty(),
        "GUI code in the core:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_core_does_no_io_of_its_own() {
    let found = offenders_except(
        CORE,
        &[
            "std::fs",
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
fn wire_does_no_crypto_and_holds_no_state() {
    let found = offenders(
        &["src/wire"],
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
        &["src/tls", "src/crypto"],
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

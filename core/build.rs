//! Embeds the shipped lessons (`lessons/*.md`, `lessons/<lang>/*.md`) in the binary,
//! so the app finds them from any working directory. Cargo re-runs this when anything
//! under `lessons/` changes, so a new lesson file is picked up without editing code.

use std::fmt::Write;
use std::path::Path;

fn is_lang_code(name: &str) -> bool {
    let (main, region) = match name.split_once('-') {
        Some((m, r)) => (m, Some(r)),
        None => (name, None),
    };
    (2..=3).contains(&main.len())
        && main.bytes().all(|b| b.is_ascii_lowercase())
        && region.is_none_or(|r| {
            (2..=8).contains(&r.len()) && r.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}

fn lesson_files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .filter(|e| e.path().is_file())
                .filter_map(|e| e.file_name().into_string().ok())
                .filter(|n| n.ends_with(".md") && n != "README.md")
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // The course lives at the top of the repository, beside the app that shows it.
    let lessons = root.join("../lessons");
    println!("cargo:rerun-if-changed=../lessons");
    let mut table = String::from(
        "/// The shipped lessons: (file as shown to users, language, bytes).\n\
         pub(crate) static BUILT_IN: &[(&str, &str, &[u8])] = &[\n",
    );
    let mut add = |shown: String, lang: &str, path: &Path| {
        let _ = writeln!(
            table,
            "    ({shown:?}, {lang:?}, include_bytes!({:?})),",
            path.display().to_string()
        );
    };
    for name in lesson_files(&lessons) {
        add(format!("lessons/{name}"), "en", &lessons.join(&name));
    }
    let mut langs: Vec<String> = std::fs::read_dir(&lessons)
        .map(|entries| {
            entries
                .flatten()
                .filter(|e| e.path().is_dir())
                .filter_map(|e| e.file_name().into_string().ok())
                .filter(|n| is_lang_code(n))
                .collect()
        })
        .unwrap_or_default();
    langs.sort();
    for lang in &langs {
        let dir = lessons.join(lang);
        for name in lesson_files(&dir) {
            add(format!("lessons/{lang}/{name}"), lang, &dir.join(&name));
        }
    }
    table.push_str("];\n");
    let out = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("built_in_lessons.rs");
    std::fs::write(out, table).expect("write the built-in lesson table");
}

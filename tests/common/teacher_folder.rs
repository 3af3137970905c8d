//! A teacher's lesson folder for tests: a fresh temporary folder holding `files`.

use std::path::PathBuf;

/// A new folder named after the test file (`owner`), `name` and this process, with
/// each `(file name, text)` written into it.
pub fn teacher_folder(owner: &str, name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hl-{owner}-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    for (file, text) in files {
        std::fs::write(dir.join(file), text).expect("a lesson file");
    }
    dir
}

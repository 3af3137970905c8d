//! Files a package installs beside the binary, generated from the command line's
//! clap definition (`handshake_lab::cli::Cli`) so they cannot drift from it: man pages
//! (`clap_mangen`) and shell completions (`clap_complete`). `scripts/package.sh` runs
//! `cargo run -p xtask -- dist-assets DIR`.

use std::io;
use std::path::{Path, PathBuf};

use clap::CommandFactory;
use clap_complete::Shell;
use handshake_lab::cli::Cli;

/// The binary's name, as the completions complete it.
pub const BIN: &str = "handshake-lab";

/// The shells completions are written for, and each file's name as the shell's
/// vendor folder expects it.
pub const SHELLS: [(Shell, &str); 3] = [
    (Shell::Bash, "handshake-lab"),
    (Shell::Zsh, "_handshake-lab"),
    (Shell::Fish, "handshake-lab.fish"),
];

/// The man pages: `handshake-lab.1` and one page per subcommand
/// (`handshake-lab-trace.1`, ...), as (file name, roff).
pub fn man_pages() -> io::Result<Vec<(String, Vec<u8>)>> {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    let mut pages = Vec::new();
    add_pages(cmd, &mut pages)?;
    Ok(pages)
}

fn add_pages(cmd: clap::Command, pages: &mut Vec<(String, Vec<u8>)>) -> io::Result<()> {
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        add_pages(sub.clone(), pages)?;
    }
    let man = clap_mangen::Man::new(cmd);
    let mut roff = Vec::new();
    man.render(&mut roff)?;
    pages.push((man.get_filename(), roff));
    Ok(())
}

/// The completion script for `shell`.
pub fn completion(shell: Shell) -> Vec<u8> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), BIN, &mut script);
    if shell == Shell::Bash {
        // clap_complete's bash script spells a hyphenated binary's states two ways
        // (`handshake__lab__subcmd__trace` where it walks the words,
        // `handshake__subcmd__lab__subcmd__trace` in the case arms), so nothing after a
        // subcommand completed: clap-rs/clap#6421. One spelling for both; a no-op once
        // the fix is released, and `tests/dist_assets.rs` completes through bash.
        let text =
            String::from_utf8_lossy(&script).replace("handshake__subcmd__lab", "handshake__lab");
        script = text.into_bytes();
    }
    script
}

/// Writes `DIR/man/*.1` and `DIR/completions/{handshake-lab,_handshake-lab,handshake-lab.fish}`;
/// returns the files written.
pub fn write_dist_assets(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut written = Vec::new();
    let man = dir.join("man");
    std::fs::create_dir_all(&man)?;
    for (name, roff) in man_pages()? {
        let path = man.join(name);
        std::fs::write(&path, roff)?;
        written.push(path);
    }
    let completions = dir.join("completions");
    std::fs::create_dir_all(&completions)?;
    for (shell, name) in SHELLS {
        let path = completions.join(name);
        std::fs::write(&path, completion(shell))?;
        written.push(path);
    }
    Ok(written)
}

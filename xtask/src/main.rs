//! `cargo run -p xtask -- dist-assets DIR`: writes the man pages and the shell
//! completions of `handshake-lab` into DIR (see the library).

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [task, dir] = args.as_slice() else {
        eprintln!("usage: xtask dist-assets DIR");
        return ExitCode::from(1);
    };
    if task != "dist-assets" {
        eprintln!("xtask: unknown task {task:?} (known: dist-assets)");
        return ExitCode::from(1);
    }
    match xtask::write_dist_assets(&PathBuf::from(dir)) {
        Ok(files) => {
            for file in files {
                println!("{}", file.display());
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("xtask: cannot write into {dir}: {e}");
            ExitCode::from(2)
        }
    }
}

//! `handshake-lab`: argument parsing and dispatch; the work is in the library.
#![forbid(unsafe_code)]

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use handshake_lab::app::slides::SlidesRequest;
use handshake_lab::cli::{Cli, Command};
use handshake_lab::commands;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if !e.use_stderr() => {
            // --help and --version
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            let message = e.to_string();
            let first = message.lines().next().unwrap_or("invalid arguments");
            eprintln!("handshake-lab: {}", first.trim_start_matches("error: "));
            return ExitCode::from(1);
        }
    };
    let result = match &cli.command {
        None => {
            let options = handshake_lab::app::Options {
                seed: cli.seed,
                lesson: cli.lesson.clone(),
                step: cli.step,
                lessons: cli.lessons.clone(),
                lang: cli.lang.clone(),
            };
            commands::window(options)
        }
        Some(Command::Scenarios) => Ok(commands::scenarios()),
        Some(Command::Trace {
            session,
            tamper,
            json,
        }) => commands::trace(&session.scenario(*tamper), *json),
        Some(Command::Pcap {
            session,
            out,
            keylog,
        }) => commands::pcap(&session.scenario(None), out, keylog.as_deref()),
        Some(Command::Certs { session, out }) => commands::certs(&session.scenario(None), out),
        Some(Command::Lessons { lessons, lang }) => {
            let folder = lessons.as_deref().or(cli.lessons.as_deref());
            let result = commands::lessons(folder, lang);
            if let Ok(list) = &result {
                for warning in &list.warnings {
                    eprintln!("handshake-lab: {warning}");
                }
            }
            match result {
                Ok(list) if list.problems.is_empty() => Ok(list.listing),
                Ok(list) => {
                    print!("{}", list.listing);
                    for problem in &list.problems {
                        eprintln!("handshake-lab: {problem}");
                    }
                    return ExitCode::from(1);
                }
                Err(e) => Err(e),
            }
        }
        Some(Command::Serve {
            listen,
            server_name,
            record,
            once,
            key,
        }) => commands::serve(
            *listen,
            server_name,
            record.clone(),
            *once,
            (*key).into(),
            &mut std::io::stdout(),
        ),
        Some(Command::Connect {
            url,
            cacert,
            json,
            pcap,
            timeout,
        }) => commands::connect(
            &commands::ConnectArgs {
                url,
                cacert: cacert.as_deref(),
                json: *json,
                pcap: pcap.as_deref(),
                timeout: *timeout,
            },
            &mut std::io::stdout(),
        ),
        Some(Command::Slides {
            lesson,
            out,
            size,
            theme,
            seed,
            lessons,
            lang,
        }) => commands::slides(&SlidesRequest {
            lesson: lesson.clone(),
            size: *size,
            theme: commands::theme(theme),
            seed: *seed,
            lessons: lessons.clone().or_else(|| cli.lessons.clone()),
            out: out.clone(),
            lang: lang.clone(),
        }),
    };
    match result {
        Ok(text) => {
            // A closed pipe (`handshake-lab trace | head`) is not an error.
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush())
            {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    eprintln!("handshake-lab: cannot write to standard output: {e}");
                    ExitCode::from(2)
                }
                _ => ExitCode::SUCCESS,
            }
        }
        Err(error) => {
            eprintln!("handshake-lab: {error}");
            ExitCode::from(u8::try_from(error.exit_code()).unwrap_or(2))
        }
    }
}

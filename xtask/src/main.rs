//! The developers' tasks of unionplan, run as `cargo xtask TASK` (the alias
//! is in `.cargo/config.toml`):
//!
//! - `dist`: the Windows package, `target/dist/unionplan-<version>-windows-x86_64.zip`
//!   ([`dist`] says what is in it and how it is kept reproducible);
//! - `check-windows [ZIP]`: unzips the package and runs the exe under Wine
//!   as a teacher's Windows would ([`windows`] lists the checks);
//! - `write-floor FROM TO THREADS`: the file system's own time for a
//!   batch's files, for `benches/batch.sh` ([`floor`]).
//!
//! Nothing here is shipped: it only builds and checks what is.

mod dist;
mod floor;
mod guide;
mod windows;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

const USAGE: &str = "\
usage: cargo xtask <task>

tasks:
  dist                  build the Windows package (target/dist/unionplan-<version>-windows-x86_64.zip)
  check-windows [ZIP]   unzip the package and check the exe under Wine (builds it first when no ZIP is given)
  write-floor FROM TO THREADS
                        write FROM's files under TO atomically with THREADS threads; print the seconds
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("dist") if args.len() == 1 => dist::run().map(|zip| {
            println!("{}", zip.display());
        }),
        Some("check-windows") if args.len() <= 2 => {
            let zip = match args.get(1) {
                Some(z) => Ok(PathBuf::from(z)),
                None => dist::run(),
            };
            zip.and_then(|zip| windows::run(&zip))
        }
        Some("write-floor") if args.len() == 4 => match args[3].parse() {
            Ok(threads) => floor::run(Path::new(&args[1]), Path::new(&args[2]), threads),
            Err(_) => Err(format!("THREADS is a number, not {}", args[3])),
        },
        _ => {
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

/// A task's failure, said in one line.
type Result<T, E = String> = std::result::Result<T, E>;

/// The workspace's root folder.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits in the workspace")
        .to_path_buf()
}

/// Run `command`, failing with what it printed when it fails.
fn exec(command: &mut Command) -> Result<()> {
    let status = command
        .status()
        .map_err(|e| format!("cannot start {command:?}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{command:?} failed ({status})"))
    }
}

/// What `command` prints, when it succeeds.
fn output(command: &mut Command) -> Result<String> {
    let out = command
        .output()
        .map_err(|e| format!("cannot start {command:?}: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "{command:?} failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    String::from_utf8(out.stdout).map_err(|e| format!("{command:?} printed no UTF-8: {e}"))
}

/// The cargo that runs this task.
fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

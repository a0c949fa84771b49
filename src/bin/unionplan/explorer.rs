//! unionplan.exe started by a double-click in Windows Explorer.
//!
//! Explorer gives a console program a console window of its own, which
//! closes the moment the program ends: the help text a program prints
//! without arguments would flash and vanish. Such a start is recognised by
//! the console having no other process attached (a Command Prompt would be
//! one), and the program then opens the workbench (`unionplan app`) on the
//! folder it is in, which is what a double-click means to a teacher.

use std::io::BufRead as _;

use crate::words::{self as cli, Lang};

/// Whether this process was started from Explorer (not from a Command
/// Prompt, a script or another program): no arguments, and the console
/// is this process's alone.
pub fn started_from_explorer() -> bool {
    std::env::args_os().len() == 1 && console_is_own()
}

#[cfg(windows)]
fn console_is_own() -> bool {
    use windows_sys::Win32::System::Console::GetConsoleProcessList;
    let mut ids = [0u32; 4];
    // SAFETY: the buffer holds `ids.len()` process ids; the call writes at
    // most that many and returns how many processes share the console
    // (0 when there is no console at all).
    let count = unsafe { GetConsoleProcessList(ids.as_mut_ptr(), ids.len() as u32) };
    count == 1
}

#[cfg(not(windows))]
fn console_is_own() -> bool {
    false
}

/// Start the workbench on the folder the exe is in (Explorer makes it the
/// current one) and open it in the browser; the console window shows its
/// address and stays while it runs. Should it not start, say why and what
/// to do, and wait for Enter so the window does not vanish with the words.
pub fn welcome(lang: Lang) {
    let args = crate::args::AppArgs {
        folder: None,
        port: 0,
        no_open: false,
    };
    if let Err(failure) = crate::cmd::run(crate::args::Command::App(args)) {
        if let crate::cmd::Failure::Error(e) = failure {
            crate::output::report(&e);
        }
        eprintln!("\n{}", cli::started_from_explorer(lang));
        let _ = std::io::stdin().lock().read_line(&mut String::new());
    }
}

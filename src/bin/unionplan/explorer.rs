//! unionplan.exe started by a double-click in Windows Explorer.
//!
//! Explorer gives a console program a console window of its own, which
//! closes the moment the program ends: the help text a program prints
//! without arguments would flash and vanish. Such a start is recognised by
//! the console having no other process attached (a Command Prompt would be
//! one), and the program then says what to do and waits for Enter.

use std::io::BufRead as _;

use unionplan::messages::{Lang, cli};

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

/// Say what to do, then wait for Enter before the window closes.
pub fn welcome(lang: Lang) {
    eprintln!("{}", cli::started_from_explorer(lang));
    let _ = std::io::stdin().lock().read_line(&mut String::new());
}

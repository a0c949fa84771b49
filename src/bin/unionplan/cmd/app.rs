//! `unionplan app`: the workbench in the browser.

use std::io::Write as _;
use std::path::PathBuf;

use unionplan::messages;

use super::Outcome;
use crate::args::AppArgs;

pub fn run(a: AppArgs) -> Outcome {
    let folder = a.folder.unwrap_or_else(|| PathBuf::from("."));
    unionplan::app::serve(&folder, a.port, |url| {
        // Not println!: a closed stdout must not stop the server. The URL
        // is on a line of its own, for a user to copy.
        let mut out = std::io::stdout();
        let _ = writeln!(out, "{}", messages::app_listening(url));
        let _ = writeln!(out, "{}", messages::app_how_to_stop());
        let _ = out.flush();
        if !a.no_open {
            // No browser (a server, a locked-down PC): the URL printed
            // above is the way in.
            let _ = opener::open_browser(url);
        }
    })
    .map_err(Into::into)
}

//! `unionplan preview`: the plan in a browser, live.

use std::io::Write as _;

use unionplan::{Error, messages};

use super::Outcome;
use crate::args::PreviewArgs;

pub fn run(a: PreviewArgs) -> Outcome {
    unionplan::preview::serve(&a.spec, a.templates.as_deref(), a.port, |addr| {
        // Not println!: a closed stdout (a pipe nobody reads any more)
        // must not stop the server.
        let mut out = std::io::stdout();
        let url = format!("http://{addr}/");
        let _ = writeln!(out, "{}", messages::preview_listening(url));
        let _ = out.flush();
    })
    .map_err(|e| Error::write(messages::preview_cannot_listen(e)).into())
}

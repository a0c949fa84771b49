//! What the command line prints, and where: results on standard output;
//! progress, summaries and problems on standard error, for people or, with
//! `--message-format json`, as one JSON line per problem and nothing else.

use std::path::Path;
use std::sync::OnceLock;

use unionplan::diag::Diagnostic;
use unionplan::{Error, messages};

use crate::args::MessageFormat;

/// Set once from the command line, read where anything is printed.
static MESSAGE_FORMAT: OnceLock<MessageFormat> = OnceLock::new();

pub fn set_format(format: MessageFormat) {
    MESSAGE_FORMAT.get_or_init(|| format);
}

/// Lines for people (standard error): left out as JSON, where standard
/// error carries only JSON lines.
pub fn for_people() -> bool {
    MESSAGE_FORMAT.get() != Some(&MessageFormat::Json)
}

/// Progress and summaries, for people.
pub fn say(line: String) {
    if for_people() {
        eprintln!("{line}");
    }
}

/// Print what went wrong: every located problem, or the one error.
pub fn report(err: &Error) {
    if !for_people() {
        let diags = match err {
            Error::Invalid(diags) => diags.clone(),
            other => vec![Diagnostic::file_level(Path::new(""), other.to_string())],
        };
        for d in diags {
            eprintln!("{}", d.to_json());
        }
        return;
    }
    match err {
        Error::Invalid(diags) => {
            // Coloured always; anstream strips the colour where it does not
            // belong (not a terminal, NO_COLOR) and keeps it for
            // CLICOLOR_FORCE.
            for d in diags {
                anstream::eprintln!("{}", d.render(true));
            }
            if diags.len() > 1 {
                eprintln!("{}", messages::error_count(diags.len()));
            }
        }
        other => eprintln!("{}：{other}", messages::label_error()),
    }
}

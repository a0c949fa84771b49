//! One module per command. Each takes its arguments and returns an
//! [`Outcome`]; `main` reports a returned error once and sets the exit code.

mod batch;
mod diff;
mod docs;
mod import;
mod init;
mod preview;
mod render;
mod rollover;
mod validate;

use std::path::Path;

use unionplan::template::{self, Templates};
use unionplan::{Error, messages};

use crate::args::Command;
use crate::output::say;

/// How a command ended, when not well.
pub enum Failure {
    /// One error, for `main` to report.
    Error(Error),
    /// Problems already reported as they were met: `render`, `validate` and
    /// `batch` go on past a failing spec or school.
    Reported,
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Error(e)
    }
}

pub type Outcome = Result<(), Failure>;

/// Success, or a failure whose problems were reported as they were met.
fn reported(all_ok: bool) -> Outcome {
    if all_ok {
        Ok(())
    } else {
        Err(Failure::Reported)
    }
}

pub fn run(command: Command) -> Outcome {
    match command {
        Command::Init(a) => init::run(a),
        Command::Render(a) => render::run(a),
        Command::Validate(a) => validate::run(a),
        Command::Import(a) => import::run(a),
        Command::Rollover(a) => rollover::run(a),
        Command::Batch(a) => batch::run(a),
        Command::Diff(a) => diff::run(a),
        Command::Preview(a) => preview::run(a),
        Command::Schema => docs::schema(),
        Command::Completions(a) => docs::completions(a),
        Command::Man => docs::man(),
    }
}

/// Today, as the signature date of specs that give none.
fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// The built-in templates, or those of `--templates DIR`.
fn templates(dir: Option<&Path>) -> Result<Templates, Error> {
    let Some(dir) = dir else {
        return Ok(Templates::builtin());
    };
    let t = Templates::with_overrides(dir)?;
    for f in Templates::unknown_files(dir) {
        say(messages::template_unknown_file(f.display(), &template::ALL));
    }
    Ok(t)
}

/// Write `text` to `path`, replacing a file there only with `force`.
fn write_text(path: &Path, text: &str, force: bool) -> Result<(), Error> {
    if force {
        unionplan::write::write_atomic(path, text.as_bytes())
    } else {
        unionplan::write::write_new(path, text.as_bytes())
    }
}

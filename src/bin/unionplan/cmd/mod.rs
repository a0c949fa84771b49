//! One module per command. Each takes its arguments and returns an
//! [`Outcome`]; `main` reports a returned error once and sets the exit code.

mod app;
mod batch;
mod diff;
mod docs;
mod import;
mod init;
mod preview;
mod render;
mod rollover;
mod validate;

use std::path::{Path, PathBuf};

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
    // Every file a command reads may be typed as Explorer shows it.
    let spec = |p| input_file(p, SPEC_EXTENSIONS);
    match command {
        Command::App(a) => app::run(a),
        Command::Init(a) => init::run(a),
        Command::Render(mut a) => {
            a.specs = input_files(a.specs, SPEC_EXTENSIONS);
            render::run(a)
        }
        Command::Validate(mut a) => {
            a.specs = input_files(a.specs, SPEC_EXTENSIONS);
            validate::run(a)
        }
        Command::Import(mut a) => {
            a.file = input_file(a.file, IMPORT_EXTENSIONS);
            import::run(a)
        }
        Command::Rollover(mut a) => {
            a.spec = spec(a.spec);
            rollover::run(a)
        }
        Command::Batch(mut a) => {
            a.district = spec(a.district);
            batch::run(a)
        }
        Command::Diff(mut a) => {
            a.old = spec(a.old);
            a.new = spec(a.new);
            diff::run(a)
        }
        Command::Preview(mut a) => {
            a.spec = spec(a.spec);
            preview::run(a)
        }
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
/// Write a spec `import`, `rollover` or `init` made, over an existing file
/// only with `force`, and never over one of the run's `inputs`.
fn write_text(
    path: &Path,
    text: &str,
    force: bool,
    inputs: &unionplan::write::Inputs,
) -> Result<(), Error> {
    inputs.check([path])?;
    if force {
        unionplan::write::write_atomic(path, text.as_bytes())
    } else {
        unionplan::write::write_new(path, text.as_bytes())
    }
}

/// The extensions a spec (or district file) may have.
pub const SPEC_EXTENSIONS: &[&str] = &["yaml", "yml"];

/// The extensions `import` reads.
pub const IMPORT_EXTENSIONS: &[&str] = &["docx", "html", "htm", "md", "txt"];

/// The file a user means by `path`. Explorer hides known extensions, so a
/// teacher who sees `青山小学2026` types that: where no such file exists
/// but `青山小学2026.yaml` does (the first of `extensions` that exists,
/// appended, so `计划.v2` finds `计划.v2.yaml`), that one is used, and
/// the command says so. Otherwise `path` as typed, whose absence the
/// reader reports.
pub fn input_file(path: PathBuf, extensions: &[&str]) -> PathBuf {
    if path.exists() || path.as_os_str().is_empty() {
        return path;
    }
    let found = extensions.iter().find_map(|ext| {
        let mut name = path.clone().into_os_string();
        name.push(".");
        name.push(ext);
        let candidate = PathBuf::from(name);
        candidate.is_file().then_some(candidate)
    });
    match found {
        Some(found) => {
            say(messages::using_file_with_extension(
                path.display(),
                found.display(),
            ));
            found
        }
        None => path,
    }
}

/// [`input_file`] for each of `paths`.
pub fn input_files(paths: Vec<PathBuf>, extensions: &[&str]) -> Vec<PathBuf> {
    paths
        .into_iter()
        .map(|p| input_file(p, extensions))
        .collect()
}

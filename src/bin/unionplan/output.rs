//! What the command line prints, and where: results on standard output;
//! progress, summaries and problems on standard error, for people or, with
//! `--message-format json`, as one JSON line per problem and nothing else.
//!
//! Nothing here panics on a closed or full stream (`println!` does): a
//! reader that went away (`unionplan schema | head -1`) ends the run
//! quietly with exit 0, a full disk (`> /dev/full`) is one error line and
//! exit 1, and a closed standard error is ignored.

use std::fmt::Display;
use std::io::Write as _;
use std::sync::OnceLock;

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
        to_stderr(line);
    }
}

/// One line on standard error, its control characters made visible (a
/// school's name could carry an escape sequence); a closed one is ignored.
fn to_stderr(line: impl Display) {
    let line = line.to_string();
    let _ = writeln!(std::io::stderr(), "{}", unionplan::diag::visible(&line));
}

/// Text on standard output, the command's result.
pub fn print(text: impl Display) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    match write!(out, "{text}").and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        // Whoever reads has all they wanted: stop, as a pipe expects.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(e) => Err(Error::io(messages::cannot_write_stdout(&e), e)),
    }
}

/// One line of the command's result (a plan's title, a path written), its
/// control characters made visible as on standard error.
pub fn println(line: impl Display) -> Result<(), Error> {
    let line = line.to_string();
    print(format_args!("{}\n", unionplan::diag::visible(&line)))
}

/// Print what went wrong: every located problem, or the one error.
pub fn report(err: &Error) {
    show(err.problems());
}

/// Print the warnings and notes about a spec that is valid.
pub fn warn(spec: &unionplan::spec::Spec, today: chrono::NaiveDate) {
    show(&spec.warnings);
    show(&spec.undated_notice(today).into_iter().collect::<Vec<_>>());
}

/// Print problems, for people or as JSON lines.
pub fn show(diags: &[unionplan::diag::Diagnostic]) {
    if !for_people() {
        for d in diags {
            to_stderr(d.to_json());
        }
        return;
    }
    // Coloured always; anstream strips the colour where it does not belong
    // (not a terminal, NO_COLOR) and keeps it for CLICOLOR_FORCE.
    // A located problem shows its line, and a blank line then sets it
    // apart from the next.
    for d in diags {
        let gap = if d.line.is_some() { "\n" } else { "" };
        let _ = write!(anstream::stderr(), "{}{gap}", d.render(true));
    }
    let errors = diags
        .iter()
        .filter(|d| d.severity == unionplan::diag::Severity::Error)
        .count();
    if errors > 1 {
        to_stderr(messages::error_count(errors));
    }
}

/// A command line clap refused (or help and version it printed): help and
/// version go to standard output with exit 0; an error is said in Chinese
/// (clap's own English where the locale asks for English), with the
/// command's usage and where to find help, and exit 2.
pub fn usage_error(e: &clap::Error, lang: crate::words::Lang) -> std::process::ExitCode {
    use crate::words::{self as cli, Usage};
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    use std::process::ExitCode;
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let text = e.render().to_string();
            let _ = print(format_args!("{}\n", text.trim_end()));
            return ExitCode::SUCCESS;
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            e.render().to_string().lines().for_each(to_stderr);
            return ExitCode::from(2);
        }
        _ if lang == cli::Lang::En => {
            e.render()
                .to_string()
                .trim_end()
                .lines()
                .for_each(to_stderr);
            return ExitCode::from(2);
        }
        _ => {}
    }
    let get = |k: ContextKind| -> Option<String> {
        Some(match e.get(k)? {
            ContextValue::String(s) => s.clone(),
            ContextValue::Strings(v) => v.join(messages::list_separator()),
            ContextValue::StyledStr(s) => s.to_string(),
            other => other.to_string(),
        })
    };
    let invalid = get(ContextKind::InvalidArg).unwrap_or_default();
    let value = get(ContextKind::InvalidValue).unwrap_or_default();
    let suggested =
        get(ContextKind::SuggestedArg).or_else(|| get(ContextKind::SuggestedSubcommand));
    // A value our own parser refused carries our own sentence.
    let why = std::error::Error::source(e)
        .map(|s| s.to_string())
        .or_else(|| get(ContextKind::ValidValue).map(|v| cli::possible_values(&[v])))
        .unwrap_or_default();
    let what = match e.kind() {
        ErrorKind::UnknownArgument => {
            cli::usage_error(Usage::UnknownArgument(&invalid, suggested.as_deref()))
        }
        ErrorKind::InvalidSubcommand => {
            let typed = get(ContextKind::InvalidSubcommand).unwrap_or_default();
            cli::usage_error(Usage::UnknownCommand(&typed, suggested.as_deref()))
        }
        ErrorKind::MissingRequiredArgument => cli::usage_error(Usage::Missing(&invalid)),
        ErrorKind::MissingSubcommand => {
            cli::usage_error(Usage::Missing(cli::labels(lang).command_value))
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            cli::usage_error(Usage::BadValue(&invalid, &value, &why))
        }
        _ => {
            let english = e.render().to_string();
            let first = english
                .lines()
                .next()
                .unwrap_or("")
                .trim_start_matches("error: ");
            cli::usage_error(Usage::Other(first))
        }
    };
    let command = std::env::args()
        .skip(1)
        .find(|a| {
            cli::COMMANDS
                .iter()
                .any(|t| !t.name.is_empty() && t.name == a)
        })
        .unwrap_or_default();
    let usage = cli::COMMANDS
        .iter()
        .find(|t| t.name == command)
        .map_or("", |t| t.usage(lang));
    to_stderr(format_args!(
        "{}{}{what}",
        messages::label_error(),
        messages::colon()
    ));
    to_stderr(cli::usage_line(usage));
    to_stderr(cli::usage_more(&command));
    ExitCode::from(2)
}

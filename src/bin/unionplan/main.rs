//! The `unionplan` command line: [`args`] says what it accepts, [`cmd`]
//! what each command does, [`output`] how it speaks. `main` only parses,
//! runs the command, and reports a failure once.

mod args;
mod cmd;
mod explorer;
mod output;
mod words;

use std::process::ExitCode;

use unionplan::messages;

use crate::cmd::Failure;

fn main() -> ExitCode {
    // Interrupted (Ctrl+C, SIGTERM): no half-written temporary file stays
    // behind; every output is the old file or the complete new one.
    let _ = ctrlc::set_handler(|| {
        unionplan::pdf::stop();
        let _stopped = unionplan::write::stop_writing();
        std::process::exit(130)
    });
    let lang = messages::Lang::from_env();
    // Every message of the run, on this thread and on those the library
    // starts for it, is in the user's language.
    messages::speaking(lang, || run(lang))
}

fn run(lang: messages::Lang) -> ExitCode {
    if explorer::started_from_explorer() {
        explorer::welcome(lang);
        return ExitCode::SUCCESS;
    }
    let cli = match args::parse(lang) {
        Ok(args::Parsed::Run(cli)) => cli,
        Ok(args::Parsed::Help(help)) => {
            let _ = output::print(help);
            return ExitCode::SUCCESS;
        }
        Err(e) => return output::usage_error(&e, lang),
    };
    output::set_format(cli.message_format);
    match cmd::run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Error(e)) => {
            output::report(&e);
            ExitCode::FAILURE
        }
        Err(Failure::Reported) => ExitCode::FAILURE,
    }
}

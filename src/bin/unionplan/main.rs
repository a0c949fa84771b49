//! The `unionplan` command line: [`args`] says what it accepts, [`cmd`]
//! what each command does, [`output`] how it speaks. `main` only parses,
//! runs the command, and reports a failure once.

mod args;
mod cmd;
mod output;

use std::process::ExitCode;

use clap::Parser;

use crate::cmd::Failure;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
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

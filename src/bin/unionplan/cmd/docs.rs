//! `unionplan schema`, `completions` and `man`: texts for editors,
//! shells and `man`.

use clap::CommandFactory;

use super::{Failure, Outcome};
use crate::args::{Cli, CompletionsArgs};
use crate::output::print;

// Each text is made in memory and printed in one go, so that a closed or
// full standard output is handled in one place (`output::print`).

pub fn schema() -> Outcome {
    print(unionplan::schema::text_form())?;
    Ok(())
}

pub fn completions(a: CompletionsArgs) -> Outcome {
    let mut script = Vec::new();
    clap_complete::generate(a.shell, &mut Cli::command(), "unionplan", &mut script);
    print(String::from_utf8_lossy(&script))?;
    Ok(())
}

pub fn man() -> Outcome {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut page)
        .map_err(|_| Failure::Reported)?;
    print(String::from_utf8_lossy(&page))?;
    Ok(())
}

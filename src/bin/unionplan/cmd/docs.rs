//! `unionplan schema`, `completions` and `man`: texts for editors,
//! shells and `man`.

use clap::CommandFactory;

use super::{Failure, Outcome};
use crate::args::{Cli, CompletionsArgs};

pub fn schema() -> Outcome {
    print!("{}", unionplan::schema::text_form());
    Ok(())
}

pub fn completions(a: CompletionsArgs) -> Outcome {
    let mut cmd = Cli::command();
    clap_complete::generate(a.shell, &mut cmd, "unionplan", &mut std::io::stdout());
    Ok(())
}

pub fn man() -> Outcome {
    clap_mangen::Man::new(Cli::command())
        .render(&mut std::io::stdout())
        .map_err(|_| Failure::Reported)
}

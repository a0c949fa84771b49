//! `unionplan schema`, `completions` and `man`: texts for editors,
//! shells and `man`.

use super::{Failure, Outcome};
use crate::words::Lang;

use crate::args::{CompletionsArgs, command};
use crate::output::print;

// Each text is made in memory and printed in one go, so that a closed or
// full standard output is handled in one place (`output::print`).

pub fn schema() -> Outcome {
    print(unionplan::schema::text_form())?;
    Ok(())
}

pub fn completions(a: CompletionsArgs) -> Outcome {
    let mut script = Vec::new();
    clap_complete::generate(
        a.shell,
        &mut command(Lang::from_env()),
        "unionplan",
        &mut script,
    );
    print(String::from_utf8_lossy(&script))?;
    Ok(())
}

pub fn man() -> Outcome {
    let mut page = Vec::new();
    clap_mangen::Man::new(command(Lang::from_env()))
        .render(&mut page)
        .map_err(|_| Failure::Reported)?;
    print(String::from_utf8_lossy(&page))?;
    Ok(())
}

//! `unionplan diff`: what changed between two plans; with `--docx`, also
//! the new plan as a Word file whose changes are tracked changes.

use unionplan::template::Templates;
use unionplan::{Pipeline, load_spec, messages, write};

use super::{Failure, Outcome, today};
use crate::args::DiffArgs;
use crate::output::{println, report, say};

pub fn run(a: DiffArgs) -> Outcome {
    let (old, new) = match (load_spec(&a.old), load_spec(&a.new)) {
        (Ok(old), Ok(new)) => (old, new),
        (old, new) => {
            for e in [old.err(), new.err()].into_iter().flatten() {
                report(&e);
            }
            return Err(Failure::Reported);
        }
    };
    for line in unionplan::diff::report_lines(&old, &new) {
        println(line)?;
    }
    if let Some(path) = &a.docx {
        // Not onto either plan, nor a file either extends.
        let mut inputs = write::Inputs::new();
        inputs.add_spec(&old);
        inputs.add_spec(&new);
        inputs.check([path.as_path()])?;
        let pipeline = Pipeline::new(Templates::builtin(), today());
        let bytes = pipeline.tracked_changes(&old, &new)?;
        write::write_atomic(path, &bytes)?;
        say(messages::wrote(path.display()));
    }
    Ok(())
}

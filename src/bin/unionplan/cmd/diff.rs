//! `unionplan diff`: what changed between two plans; with `--docx`, also
//! the new plan as a Word file whose changes are tracked changes.

use std::path::Path;

use unionplan::template::Templates;
use unionplan::{Error, Pipeline, load_spec, messages, write};

use super::{Failure, Outcome, today};
use crate::args::DiffArgs;
use crate::output::{println, report, say};

pub fn run(a: DiffArgs) -> Outcome {
    if let Some(docx) = &a.docx {
        if [&a.old, &a.new].iter().any(|spec| same_file(docx, spec)) {
            return Err(Error::write(messages::diff_docx_is_spec(docx.display())).into());
        }
    }
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
        let pipeline = Pipeline::new(Templates::builtin(), today());
        let bytes = pipeline.tracked_changes(&old, &new)?;
        write::write_atomic(path, &bytes)?;
        say(messages::wrote(path.display()));
    }
    Ok(())
}

/// Are `a` and `b` one file? Compared as the file system would, case
/// folded (Windows and macOS), through the real folders.
fn same_file(a: &Path, b: &Path) -> bool {
    let canonical = |p: &Path| {
        let dir = p.parent().filter(|d| !d.as_os_str().is_empty());
        let dir = dir.unwrap_or(Path::new(".")).canonicalize().ok()?;
        Some(dir.join(p.file_name()?).to_string_lossy().to_lowercase())
    };
    matches!((canonical(a), canonical(b)), (Some(x), Some(y)) if x == y)
}

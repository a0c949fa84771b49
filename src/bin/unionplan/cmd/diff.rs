//! `unionplan diff`: what changed between two plans.

use unionplan::diff::Change;
use unionplan::{load_spec, messages};

use super::{Failure, Outcome};
use crate::args::DiffArgs;
use crate::output::println;
use crate::output::report;

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
    let groups = unionplan::diff::diff(&old, &new);
    if groups.is_empty() {
        println(messages::diff_none())?;
    }
    for g in groups {
        println(g.section)?;
        for c in &g.changes {
            let line = match c {
                Change::Added(w) => messages::diff_added(w),
                Change::Removed(w) => messages::diff_removed(w),
                Change::Changed { what, old, new } => messages::diff_changed(what, old, new),
                Change::Moved { what, from, to } => messages::diff_moved(what, from, to),
            };
            println(format_args!("  {line}"))?;
        }
    }
    Ok(())
}

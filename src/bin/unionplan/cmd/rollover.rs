//! `unionplan rollover`: next year's spec from this year's.

use std::path::Path;

use unionplan::{Error, messages};

use super::{Outcome, write_text};
use crate::args::RolloverArgs;
use crate::output::println;

pub fn run(a: RolloverArgs) -> Outcome {
    let source = unionplan::load::Source::read(&a.spec).map_err(Error::Invalid)?;
    let r = unionplan::rollover::rollover(&source, a.year)?;
    let out = a.output.as_deref().map_or_else(
        || unionplan::rollover::default_output(&a.spec, r.old_year, r.new_year),
        Path::to_path_buf,
    );
    if out.exists() && !a.force && !a.dry_run {
        return Err(Error::write(messages::file_exists(out.display())).into());
    }
    for line in unionplan::rollover::report_lines(&r) {
        println(line)?;
    }
    if a.dry_run {
        println(messages::rollover_dry_run())?;
        return Ok(());
    }
    // Not over this year's plan, nor a file it extends.
    let mut inputs = unionplan::write::Inputs::new();
    inputs.add(&a.spec);
    if let Ok(spec) = unionplan::load_spec(&a.spec) {
        inputs.add_spec(&spec);
    }
    write_text(&out, &r.text, a.force, &inputs)?;
    println(messages::rollover_written(out.display()))?;
    Ok(())
}

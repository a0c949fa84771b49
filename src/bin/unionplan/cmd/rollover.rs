//! `unionplan rollover`: next year's spec from this year's.

use std::path::Path;

use unionplan::rollover::ShiftKind;
use unionplan::{Error, messages};

use super::{Outcome, write_text};
use crate::args::RolloverArgs;
use crate::output::println;

pub fn run(a: RolloverArgs) -> Outcome {
    let r = unionplan::load::Source::read(&a.spec)
        .and_then(|source| unionplan::rollover::rollover(&source, a.year))
        .map_err(|d| Error::Invalid(vec![*d]))?;
    let out = a.output.as_deref().map_or_else(
        || unionplan::rollover::default_output(&a.spec, r.old_year, r.new_year),
        Path::to_path_buf,
    );
    if out.exists() && !a.force && !a.dry_run {
        return Err(Error::write(messages::file_exists(out.display())).into());
    }
    println(messages::rollover_summary(
        r.old_year,
        r.new_year,
        r.changes.len(),
    ))?;
    for c in &r.changes {
        let what = match c.kind {
            ShiftKind::Year => messages::rollover_what_year().to_string(),
            ShiftKind::Date => messages::rollover_what_date().to_string(),
            ShiftKind::YearInText => messages::rollover_what_text().to_string(),
            ShiftKind::Festival(f) => messages::rollover_what_festival(f.name()),
            ShiftKind::Anniversary => messages::rollover_what_anniversary().to_string(),
        };
        println(format_args!(
            "  {}",
            messages::rollover_change(c.line, &what, &c.old, &c.new)
        ))?;
    }
    for m in &r.relocated {
        println(format_args!(
            "  {}",
            messages::rollover_relocated(m.line, m.festival.name(), m.to_month, m.new_entry)
        ))?;
    }
    if !r.review.is_empty() {
        println(messages::rollover_review_header())?;
        for item in &r.review {
            println(format_args!(
                "  {}",
                messages::rollover_review(item.line, &item.reason)
            ))?;
        }
    }
    if a.dry_run {
        println(messages::rollover_dry_run())?;
        return Ok(());
    }
    write_text(&out, &r.text, a.force)?;
    println(messages::rollover_written(out.display()))?;
    Ok(())
}

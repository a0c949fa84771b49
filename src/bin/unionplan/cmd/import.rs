//! `unionplan import`: an existing plan into a spec.

use unionplan::import::{self, Report};
use unionplan::messages;

use super::{Outcome, today, write_text};
use crate::args::ImportArgs;
use crate::output::say;
use crate::output::{print, println};

pub fn run(a: ImportArgs) -> Outcome {
    if a.list {
        for (i, p) in import::list(&a.file)?.iter().enumerate() {
            let title = p.title.as_deref().unwrap_or(messages::import_untitled());
            println(messages::import_plan_line(
                i + 1,
                title,
                p.measures,
                p.months,
                p.chars,
            ))?;
        }
        return Ok(());
    }
    let options = import::Options {
        pick: a.pick,
        zh: a.zh,
        today: today(),
    };
    let imported = import::import(&a.file, &options)?;
    say_report(&a, &imported.report);
    let Some(path) = &a.output else {
        print(&imported.yaml)?;
        return Ok(());
    };
    let mut inputs = unionplan::write::Inputs::new();
    inputs.add(&a.file);
    write_text(path, &imported.yaml, a.force, &inputs)?;
    say(messages::import_written(path.display()));
    Ok(())
}

/// What was found, for the person who will check the spec.
fn say_report(a: &ImportArgs, r: &Report) {
    say(messages::import_read(
        a.file.display(),
        r.kind.label(),
        r.encoding,
    ));
    if r.plans.len() > 1 {
        say(messages::import_plans_found(r.plans.len(), r.picked));
    }
    say(messages::import_report_title(
        &r.title,
        &r.school,
        r.year,
        messages::import_period(r.period),
    ));
    say(messages::import_report_parts(
        r.guiding,
        r.goals,
        r.measures.0,
        r.measures.1,
        r.months,
        r.items,
    ));
    say(messages::import_report_signature(r.signature));
    if r.dropped > 0 {
        say(messages::import_report_noise(r.dropped));
    }
    if r.controls > 0 {
        say(messages::import_report_controls(r.controls));
    }
    if r.punctuation > 0 {
        say(messages::import_report_punctuation(r.punctuation));
    }
    for words in import::unread_words(r.unread) {
        say(format!("  {words}"));
    }
    if r.unplaced > 0 {
        say(messages::import_report_unplaced(r.unplaced));
    }
    if !r.notes.is_empty() {
        say(messages::import_report_notes(r.notes.len()));
        for n in &r.notes {
            say(format!("    - {n}"));
        }
    }
}

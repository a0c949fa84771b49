//! `unionplan rollover`: next year's spec, made from this year's by editing
//! its text.
//!
//! The file is never re-serialised: only the spans that change are
//! replaced, so comments, key order, quoting and blank lines survive byte
//! for byte. What changes:
//! - `year`;
//! - every explicit date (schedule items, signature), moved by the same
//!   number of years; 29 February becomes 28 February, with a warning;
//! - four-digit years in text that equal the old plan year or the year
//!   after, as whole numbers only (2025 → 2026, never inside 20251 or a
//!   phone number), outside comments.
//!
//! - a date on an item that names a festival whose day moves (中秋节,
//!   重阳节, 清明 …, see [`crate::calendar`]) and lies within a week of it
//!   keeps its distance from the festival's day within the new plan's
//!   period instead: 中秋节慰问 on 2025-10-06 goes to 2026-09-25, not
//!   2026-10-06 (a festival with no day in that period moves by the years,
//!   listed for review). An item whose month changes so is moved into that
//!   month's schedule entry, made if there is none;
//! - anniversaries that count on with the calendar (第41个教师节 →
//!   第42个教师节, 建党104周年 → 105周年), where the number is that of the
//!   old year, each by the founding named nearest it; one the new year
//!   would count below 1 is listed instead.
//!
//! Years in text that are neither (2019, 2030), other numbered phrases
//! (第五届教代会, which counts sessions, not years), dates that fall on a
//! weekend or a holiday in the new year, and the `extends` line are listed
//! for a person to review, not changed.
//!
//! Here the steps in their order and the report; [`pass`] makes each
//! step's edits and lists what it leaves for review; [`relocate`](mod@relocate)
//! moves items between months' entries; [`text`] reads the spec's text as YAML spans (where a
//! value starts and ends, the years in a text) and writes dates as they
//! were written.

use crate::spec::Choice as _;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use serde_yaml::Value;

use crate::calendar::{self, Festival};
use crate::diag::Diagnostic;
use crate::load::{FieldPath, Source, Target};
use crate::messages as msg;
use crate::spec::fields::YEARS;
use crate::spec::keys::{self, Naming};
use crate::text::LineIndex;

/// What one rollover did, and what a person should look at.
#[derive(Debug, Clone, PartialEq)]
pub struct Rollover {
    /// The old spec's `year`.
    pub old_year: i32,
    /// The year asked for, now the new spec's `year`.
    pub new_year: i32,
    /// The new file's text.
    pub text: String,
    /// Every number moved, in the order of the file; the report prints
    /// each ([`report_lines`]).
    pub changes: Vec<Shift>,
    /// Lines to review: years it left alone, the `extends` line, 29 February.
    pub review: Vec<Review>,
    /// Items moved to another month's schedule entry with their festival.
    pub relocated: Vec<Relocated>,
}

/// An item moved into another month's schedule entry, because its
/// festival's day moved into that month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relocated {
    /// 1-based, in the original file.
    pub line: usize,
    /// The festival the item names, whose day moved.
    pub festival: Festival,
    /// The month of the entry the item went to, 1 to 12.
    pub to_month: u32,
    /// Whether the month had no entry, and one was made.
    pub new_entry: bool,
}

/// One number rollover moved: a year, a date, or a year in text. (Not
/// `diff::Change`, which is a difference between two plans.)
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shift {
    /// 1-based, in the original file.
    pub line: usize,
    /// What was moved, which the report names.
    pub kind: ShiftKind,
    /// The text as the old file wrote it: the year, the date, or the whole
    /// phrase of an anniversary (第41个教师节).
    pub old: String,
    /// What the new file has in its place, written the same way.
    pub new: String,
}

/// What kind of number a [`Shift`] moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShiftKind {
    /// The spec's `year`.
    Year,
    /// An explicit date (a schedule item's, the signature's), moved by the
    /// years.
    Date,
    /// A four-digit year in text: the old plan year or the year after.
    YearInText,
    /// A date that kept its distance from a festival whose day moves.
    Festival(Festival),
    /// 第N个教师节 and the like, counted on.
    Anniversary,
}

/// A line rollover left for a person to look at, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    /// 1-based, in the original file.
    pub line: usize,
    /// Why, as a sentence in the language in use, for the report.
    pub reason: String,
}

/// Move `source` to `new_year`. A year the new spec could not have, or an
/// old spec with no year, is an [`Error::Invalid`](crate::Error::Invalid)
/// naming the problem; a new text unionplan would not take is its own
/// fault, an [`Error::Render`](crate::Error::Render).
pub fn rollover(source: &Source, new_year: i32) -> Result<Rollover, crate::Error> {
    let one = |d: Box<Diagnostic>| crate::Error::Invalid(vec![*d]);
    refuse_year(source, new_year).map_err(one)?;
    let (year_path, old_year) = old_year(source).map_err(one)?;
    let mut pass = Pass::new(source, old_year, new_year);
    pass.year(&year_path);
    let mut found = pass.find_dates();
    let moves = pass.moves(&mut found);
    pass.move_dates(&found);
    pass.days_in_text(&found);
    pass.anniversaries();
    // Last: it leaves alone every span an earlier step already edits.
    pass.years_in_text();
    let Pass {
        mut edits,
        mut review,
        ..
    } = pass;
    // Sorted by `apply` into the text's order, which is the order
    // `Rollover::changes` promises.
    let out = apply(&source.text, &mut edits);
    // The spans replaced kept every line where it was, so the lines found
    // in the old text are the new text's too.
    let (out, relocated) = relocate(source, &out, moves);
    check_output(source, new_year, &out).map_err(crate::Error::Render)?;
    review.sort_by_key(|r| r.line);
    review.dedup();
    Ok(Rollover {
        old_year,
        new_year,
        text: out,
        changes: edits.into_iter().map(|e| e.change).collect(),
        review,
        relocated,
    })
}

/// Refuses a year the new spec could not be valid with, before anything
/// is written (`--year 0` wrote a spec that failed to load).
fn refuse_year(source: &Source, new_year: i32) -> Result<(), Box<Diagnostic>> {
    if YEARS.contains(&i64::from(new_year)) {
        return Ok(());
    }
    Err(Box::new(
        Diagnostic::file_level(&source.path, msg::year_out_of_range(new_year.into()))
            .with_help(msg::rollover_year_help()),
    ))
}

/// The old spec's `year`, with its path as typed; an error where it has
/// none, or one validation would not take.
fn old_year(source: &Source) -> Result<(FieldPath, i32), Box<Diagnostic>> {
    let Some((year_key, year_value)) = keys::get(&source.value, "year") else {
        return Err(Box::new(
            source
                .diagnostic(&FieldPath::root(), Target::Value, msg::rollover_no_year())
                .with_help(msg::bad_year_help(Naming::of(&source.value))),
        ));
    };
    let year_path = FieldPath::root().key(year_key);
    let old_year = match year_value {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
    .filter(|y| YEARS.contains(y))
    .map(|y| y as i32)
    .ok_or_else(|| {
        Box::new(
            source
                .diagnostic(
                    &year_path,
                    Target::Value,
                    msg::bad_year(&msg::describe_value(year_value)),
                )
                .with_help(msg::bad_year_help(Naming::of(&source.value))),
        )
    })?;
    Ok((year_path, old_year))
}

/// Refuses the text rollover made from `source` unless the rest of
/// unionplan would take it: it must parse as a spec, and, when the old
/// spec validated, validate too, through the same load and validate as
/// `render` (with the old file's name, so its `extends` is found as
/// before). Rollover edits text, not a tree, so a slip in an edit can
/// write YAML that means something else or nothing at all; such a file
/// must never be written with a report of success. A failure is
/// unionplan's own, and says so, with each problem found in the new text.
/// (An old spec that did not validate is only held to parsing: its
/// problems are the user's, and rollover moves them on as they are.)
fn check_output(source: &Source, new_year: i32, text: &str) -> Result<(), Box<Diagnostic>> {
    let problems = match Source::from_text(&source.path, text.to_string()) {
        Err(d) => d,
        Ok(new) => {
            if crate::parse_spec(&source.path, &source.text).is_err() {
                return Ok(());
            }
            match crate::load::Loaded::from_source(new).and_then(|l| crate::validate::validate(&l))
            {
                Ok(_) => return Ok(()),
                Err(problems) => problems,
            }
        }
    };
    let what: Vec<String> = problems
        .iter()
        .filter(|p| p.severity == crate::diag::Severity::Error)
        .map(|p| msg::rollover_bad_spec_problem(p.line, &p.message))
        .collect();
    Err(Box::new(
        Diagnostic::file_level(
            &source.path,
            msg::rollover_made_bad_spec(new_year, &what.join(msg::rollover_bad_spec_separator())),
        )
        .with_help(msg::rollover_made_bad_spec_help()),
    ))
}

/// The period the spec gives, as validation reads it (the default where
/// it gives none, or none validation takes).
fn period_of(value: &Value) -> crate::spec::Period {
    keys::get(value, "period")
        .and_then(|(_, p)| p.as_str())
        .and_then(crate::spec::Period::from_name)
        .unwrap_or_default()
}

fn index_line(source: &Source, path: &FieldPath) -> usize {
    source.locate(path, Target::Value).map_or(1, |(l, _)| l)
}

/// What `rollover` reports, line by line as the command prints them: the
/// summary, then (indented) each change and each festival moved, then the
/// items to review under their heading.
pub fn report_lines(r: &Rollover) -> Vec<String> {
    let mut lines = vec![msg::rollover_summary(
        r.old_year,
        r.new_year,
        r.changes.len(),
    )];
    for c in &r.changes {
        let what = match c.kind {
            ShiftKind::Year => msg::rollover_what_year().to_string(),
            ShiftKind::Date => msg::rollover_what_date().to_string(),
            ShiftKind::YearInText => msg::rollover_what_text().to_string(),
            ShiftKind::Festival(f) => msg::rollover_what_festival(f.name()),
            ShiftKind::Anniversary => msg::rollover_what_anniversary().to_string(),
        };
        lines.push(format!(
            "  {}",
            msg::rollover_change(c.line, &what, &c.old, &c.new)
        ));
    }
    for m in &r.relocated {
        lines.push(format!(
            "  {}",
            msg::rollover_relocated(m.line, m.festival.name(), m.to_month, m.new_entry)
        ));
    }
    if !r.review.is_empty() {
        lines.push(msg::rollover_review_header().to_string());
        for item in &r.review {
            lines.push(format!(
                "  {}",
                msg::rollover_review(item.line, &item.reason)
            ));
        }
    }
    lines
}

/// The default name of next year's file: the old name with its year
/// replaced (`lihe-2025.yaml` → `lihe-2026.yaml`), or `<stem>-<year>.yaml`.
pub fn default_output(spec: &Path, old_year: i32, new_year: i32) -> PathBuf {
    let name = spec
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let old = old_year.to_string();
    let replaced = whole_numbers(&name)
        .into_iter()
        .rev()
        .find(|&(s, e)| name[s..e] == old)
        .map(|(s, e)| format!("{}{new_year}{}", &name[..s], &name[e..]));
    let file = replaced.unwrap_or_else(|| {
        let stem = spec
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "plan".into());
        format!("{stem}-{new_year}.yaml")
    });
    spec.with_file_name(file)
}

/// A date field of the spec, with the keys as typed.
struct Dated {
    path: FieldPath,
    /// The festival its item names, if one.
    festival: Option<Festival>,
    /// The schedule item it dates (not for the 落款).
    item: Option<ItemAt>,
}

/// A schedule item's place: its entry, its path, the entry's months.
#[derive(Debug, Clone)]
struct ItemAt {
    entry: FieldPath,
    path: FieldPath,
    months: Vec<u32>,
    /// How many items the entry has.
    siblings: usize,
}

/// An item to move into another month's entry.
struct Move {
    item: ItemAt,
    festival: Festival,
    to_month: u32,
}

/// Every date field in the spec.
fn date_paths(value: &Value) -> Vec<Dated> {
    let root = FieldPath::root();
    let mut out = Vec::new();
    if let Some((sk, Value::Sequence(schedule))) = keys::get(value, "schedule") {
        for (i, entry) in schedule.iter().enumerate() {
            let Some((ik, Value::Sequence(items))) = keys::get(entry, "items") else {
                continue;
            };
            let entry_path = root.key(sk).index(i);
            let months = entry_months(entry);
            for (j, item) in items.iter().enumerate() {
                if let Some((dk, _)) = keys::get(item, "date").filter(|(_, d)| !d.is_null()) {
                    let text = keys::get(item, "text").and_then(|(_, t)| t.as_str());
                    out.push(Dated {
                        path: entry_path.key(ik).index(j).key(dk),
                        festival: text.and_then(calendar::festival_named),
                        item: Some(ItemAt {
                            entry: entry_path.clone(),
                            path: entry_path.key(ik).index(j),
                            months: months.clone(),
                            siblings: items.len(),
                        }),
                    });
                }
            }
        }
    }
    if let Some((sk, sig)) = keys::get(value, "signature") {
        if let Some((dk, _)) = keys::get(sig, "date").filter(|(_, d)| !d.is_null()) {
            out.push(Dated {
                path: root.key(sk).key(dk),
                festival: None,
                item: None,
            });
        }
    }
    out
}

/// The months a schedule entry gives, in any form validation takes.
fn entry_months(entry: &Value) -> Vec<u32> {
    let one = keys::get(entry, "month").and_then(|(_, m)| month_of(m));
    let many = keys::get(entry, "months").and_then(|(_, m)| match m {
        Value::Sequence(s) => s.iter().map(month_of).collect::<Option<Vec<_>>>(),
        Value::String(s) => crate::dates::months(s),
        other => month_of(other).map(|m| vec![m]),
    });
    match (one, many) {
        (Some(m), _) => vec![m],
        (None, Some(ms)) => ms,
        _ => Vec::new(),
    }
}

fn month_of(v: &Value) -> Option<u32> {
    match v {
        Value::Number(n) => n.as_u64().and_then(|m| u32::try_from(m).ok()),
        Value::String(s) => crate::dates::month(s),
        _ => None,
    }
    .filter(|m| (1..=12).contains(m))
}

mod pass;
mod relocate;
#[cfg(test)]
mod tests;
mod text;

use pass::{Pass, apply};
use relocate::{Relocation, relocate};
use text::*;

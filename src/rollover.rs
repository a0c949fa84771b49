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
    pub old_year: i32,
    pub new_year: i32,
    /// The new file's text.
    pub text: String,
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
    pub festival: Festival,
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
    pub kind: ShiftKind,
    pub old: String,
    pub new: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShiftKind {
    Year,
    Date,
    YearInText,
    /// A date that kept its distance from a festival whose day moves.
    Festival(Festival),
    /// 第N个教师节 and the like, counted on.
    Anniversary,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    pub line: usize,
    pub reason: String,
}

/// A replacement of `source.text[start..end]`.
struct Edit {
    start: usize,
    end: usize,
    new: String,
    change: Shift,
}

/// Move `source` to `new_year`.
pub fn rollover(source: &Source, new_year: i32) -> Result<Rollover, Box<Diagnostic>> {
    let text = &source.text;
    // A year the new spec could not be valid with is refused before
    // anything is written (`--year 0` wrote a spec that failed to load).
    if !YEARS.contains(&i64::from(new_year)) {
        return Err(Box::new(
            Diagnostic::file_level(&source.path, msg::year_out_of_range(new_year.into()))
                .with_help(msg::rollover_year_help()),
        ));
    }
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
    let delta = new_year - old_year;
    let lines = LineIndex::new(text);
    let mut edits: Vec<Edit> = Vec::new();
    let mut review: Vec<Review> = Vec::new();

    // `year:` itself.
    if let Some(start) = value_start(source, &lines, &year_path) {
        let (s, e) = digits_at(text, start);
        if e > s {
            edits.push(Edit {
                start: s,
                end: e,
                new: new_year.to_string(),
                change: Shift {
                    line: lines.line_of(s),
                    kind: ShiftKind::Year,
                    old: text[s..e].to_string(),
                    new: new_year.to_string(),
                },
            });
        }
    }

    // Every explicit date: with its festival where it names one, by the
    // years otherwise.
    struct Found {
        dated: Dated,
        start: usize,
        end: usize,
        line: usize,
        festive: Option<calendar::FestivalMove>,
    }
    let period = period_of(&source.value);
    let mut found: Vec<Found> = date_paths(&source.value)
        .into_iter()
        .filter_map(|dated| {
            let (start, end) = scalar_extent(text, value_start(source, &lines, &dated.path)?);
            let line = lines.line_of(start);
            let festive = dated.festival.and_then(|f| {
                let date = written_date(&text[start..end])?;
                calendar::festival_move(f, date, (old_year, period), new_year)
            });
            // A festival with no day within the new plan's period: the
            // date moves by the years, for a person to look at.
            let festive = match festive {
                Some(m) if m.new.is_none() => {
                    review.push(Review {
                        line,
                        reason: msg::rollover_festival_outside_plan(m.festival.name(), new_year),
                    });
                    None
                }
                other => other,
            };
            Some(Found {
                line,
                dated,
                start,
                end,
                festive,
            })
        })
        .collect();
    // An item whose festival takes it into another month moves into that
    // month's entry. One that cannot be moved (see [`Relocation`]) stays
    // in its month and its date moves by the years, as it must to stay
    // valid there, for a person to move.
    let (at, moves): (Vec<usize>, Vec<Move>) = found
        .iter()
        .enumerate()
        .filter_map(|(i, f)| {
            let (m, item) = (f.festive?, f.dated.item.as_ref()?);
            let to_month = m.new?.month();
            let moves_month = !item.months.is_empty() && !item.months.contains(&to_month);
            moves_month.then(|| {
                let (item, festival) = (item.clone(), m.festival);
                (
                    i,
                    Move {
                        item,
                        festival,
                        to_month,
                    },
                )
            })
        })
        .unzip();
    let text_lines: Vec<&str> = text.split_inclusive('\n').collect();
    let by_hand = Relocation::plan(source, &text_lines, &moves).by_hand;
    for (&i, m) in at
        .iter()
        .zip(&moves)
        .zip(&by_hand)
        .filter(|(_, h)| **h)
        .map(|(x, _)| x)
    {
        let day = found[i].festive.take().and_then(|f| f.new);
        if let Some(day) = day {
            review.push(Review {
                line: index_line(source, &m.item.path),
                reason: msg::rollover_relocate_by_hand(
                    m.festival.name(),
                    &msg::written_date(day.year(), day.month(), day.day()),
                    m.to_month,
                ),
            });
        }
    }
    let moves: Vec<Move> = moves
        .into_iter()
        .zip(by_hand)
        .filter_map(|(m, hand)| (!hand).then_some(m))
        .collect();
    for f in &found {
        let (s, e, line) = (f.start, f.end, f.line);
        let token = &text[s..e];
        let moved = match f.festive.and_then(|m| m.new) {
            Some(new) => rewrite_date(token, new).map(|t| (t, false)),
            None => move_date(token, delta),
        };
        match moved {
            Some((moved, leap_fix)) => {
                if leap_fix {
                    review.push(Review {
                        line,
                        reason: msg::rollover_leap_day(token, &moved),
                    });
                }
                // Schedule dates only, as validate warns: the 落款 is a day
                // the plan is signed, not a day anyone comes to school.
                if let Some(new) = written_date(&moved).filter(|_| f.dated.item.is_some()) {
                    if let Some(off) = calendar::day_off(new) {
                        review.push(Review {
                            line,
                            reason: msg::date_is_day_off(
                                &msg::written_date(new.year(), new.month(), new.day()),
                                &off,
                            )
                            .into(),
                        });
                    }
                }
                edits.push(Edit {
                    start: s,
                    end: e,
                    new: moved.clone(),
                    change: Shift {
                        line,
                        kind: match f.festive {
                            Some(m) => ShiftKind::Festival(m.festival),
                            None => ShiftKind::Date,
                        },
                        old: token.to_string(),
                        new: moved,
                    },
                });
            }
            // `3月6日`: a day without its year is in the plan's year, new
            // or old; there is nothing to move (validation reads it alike).
            None if crate::dates::month_day(token).is_some() => {}
            None => review.push(Review {
                line,
                reason: msg::rollover_date_unmoved(token),
            }),
        }
    }

    // Anniversaries that count on, and numbered phrases to look at.
    for (s, e) in content_spans(text) {
        for n in calendar::numbered(&text[s..e]) {
            let line = lines.line_of(s + n.start);
            match (n.counts, n.number) {
                // Rolled back before the first (第-35个教师节 for 1949): no
                // number to write, whatever this one is.
                (Some(a), _) if a.count(new_year) < 1 => review.push(Review {
                    line,
                    reason: msg::rollover_anniversary_before_first(&n.phrase, new_year),
                }),
                (Some(a), Some(number)) if number == a.count(old_year) => {
                    let new = a.count(new_year).to_string();
                    let new_phrase = n.phrase.replacen(&number.to_string(), &new, 1);
                    edits.push(Edit {
                        start: s + n.start,
                        end: s + n.end,
                        new,
                        change: Shift {
                            line,
                            kind: ShiftKind::Anniversary,
                            old: n.phrase.clone(),
                            new: new_phrase,
                        },
                    });
                }
                (Some(a), _) => review.push(Review {
                    line,
                    reason: msg::rollover_anniversary_mismatch(
                        &n.phrase,
                        a.name(),
                        a.count(new_year),
                    ),
                }),
                (None, _) => review.push(Review {
                    line,
                    reason: msg::rollover_numbered(&n.phrase),
                }),
            }
        }
    }

    // Years in text, outside comments and the spans already edited.
    let extends_line = keys::get(&source.value, "extends")
        .and_then(|(key, _)| source.locate(&FieldPath::root().key(key), Target::Value))
        .map(|(line, _)| line);
    if let Some(line) = extends_line {
        review.push(Review {
            line,
            reason: msg::rollover_extends(),
        });
    }
    for (s, e) in content_years(text) {
        let line = lines.line_of(s);
        if edits.iter().any(|ed| s < ed.end && e > ed.start) || Some(line) == extends_line {
            continue;
        }
        let found: i32 = text[s..e].parse().expect("four ASCII digits");
        if found == old_year || found == old_year + 1 {
            let new = (found + delta).to_string();
            edits.push(Edit {
                start: s,
                end: e,
                new: new.clone(),
                change: Shift {
                    line,
                    kind: ShiftKind::YearInText,
                    old: text[s..e].to_string(),
                    new,
                },
            });
        } else if YEARS.contains(&i64::from(found)) {
            review.push(Review {
                line,
                reason: msg::rollover_other_year(found),
            });
        }
    }

    edits.sort_by_key(|e| e.start);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in &edits {
        out.push_str(&text[at..e.start]);
        out.push_str(&e.new);
        at = e.end;
    }
    out.push_str(&text[at..]);
    // The spans replaced kept every line where it was, so the lines found
    // in the old text are the new text's too.
    let (out, relocated) = relocate(source, &out, moves);
    check_output(source, new_year, &out)?;
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
        Err(d) => vec![*d],
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

/// A block of lines of a block-style list entry: its `-` line and the
/// lines under it, 0-based and end-exclusive, with the `-` column.
#[derive(Debug, Clone, Copy)]
struct Block {
    first: usize,
    end: usize,
    dash: usize,
}

/// The block of the list entry whose value is at `path`, if it is written
/// in block style (`- ` starting its line).
fn block_of(source: &Source, text_lines: &[&str], path: &FieldPath) -> Option<Block> {
    let (line, col) = source.locate(path, Target::Value)?;
    let first = line - 1;
    let row = text_lines.get(first)?;
    let before: String = row.chars().take(col - 1).collect();
    let dash = before.trim_end().strip_suffix('-')?;
    if !dash.trim().is_empty() {
        return None;
    }
    let dash = dash.chars().count();
    let indent = |l: &str| l.len() - l.trim_start_matches(' ').len();
    let mut end = first + 1;
    let mut last = first + 1;
    while end < text_lines.len() {
        let l = text_lines[end].trim_end_matches(['\n', '\r']);
        if l.trim().is_empty() {
            end += 1;
            continue;
        }
        if indent(l) <= dash {
            break;
        }
        end += 1;
        last = end;
    }
    Some(Block {
        first,
        end: last,
        dash,
    })
}

/// `lines` with their indentation moved by `to - from` columns.
fn reindent(lines: &[&str], from: usize, to: usize) -> Vec<String> {
    lines
        .iter()
        .map(|l| {
            if l.trim().is_empty() {
                l.to_string()
            } else if to >= from {
                format!("{}{l}", " ".repeat(to - from))
            } else {
                let cut = (from - to).min(l.len() - l.trim_start_matches(' ').len());
                l[cut..].to_string()
            }
        })
        .collect()
}

/// A schedule entry, for moving items between entries.
struct Entry {
    path: FieldPath,
    /// Its lines, when written in block style.
    block: Option<Block>,
    months: Vec<u32>,
    /// The lines of its last item, when written in block style.
    last_item: Option<Block>,
}

/// Which of the items in a list of [`Move`]s can be moved, and where.
///
/// Settled before any line moves: an entry all of whose items move away
/// goes too, and is then no place to put another item (春节 moving into
/// February while February's only item, 元宵, moves on into March, was
/// put after the lines of February's entry, which went, and so under no
/// entry at all). An item is moved by hand when its lines or its entry's
/// are not in block style, or when its month's entry lists its items in
/// flow style; such an item keeps its entry, which may then be a place
/// for others, so this is worked out until nothing changes.
struct Relocation {
    entries: Vec<Entry>,
    /// Each move's item and entry lines, where both are block style.
    blocks: Vec<Option<(Block, Block)>>,
    by_hand: Vec<bool>,
    /// Each entry that goes, all its items moved away.
    gone: Vec<bool>,
}

impl Relocation {
    fn plan(source: &Source, text_lines: &[&str], moves: &[Move]) -> Relocation {
        let value = &source.value;
        let schedule = match keys::get(value, "schedule") {
            Some((sk, Value::Sequence(schedule))) => Some((FieldPath::root().key(sk), schedule)),
            _ => None,
        };
        let entries: Vec<Entry> = schedule
            .into_iter()
            .flat_map(|(schedule_path, schedule)| {
                schedule.iter().enumerate().map(move |(i, e)| {
                    let path = schedule_path.index(i);
                    let last_item = keys::get(e, "items").and_then(|(ik, items)| {
                        let n = items.as_sequence()?.len().checked_sub(1)?;
                        block_of(source, text_lines, &path.key(ik).index(n))
                    });
                    Entry {
                        block: block_of(source, text_lines, &path),
                        months: entry_months(e),
                        last_item,
                        path,
                    }
                })
            })
            .collect();
        let blocks: Vec<Option<(Block, Block)>> = moves
            .iter()
            .map(|m| {
                Some((
                    block_of(source, text_lines, &m.item.path)?,
                    block_of(source, text_lines, &m.item.entry)?,
                ))
            })
            .collect();
        let mut plan = Relocation {
            by_hand: blocks.iter().map(Option::is_none).collect(),
            gone: Vec::new(),
            entries,
            blocks,
        };
        loop {
            plan.gone = plan.emptied(moves);
            let mut changed = false;
            for (i, m) in moves.iter().enumerate() {
                let target = plan.target(m);
                if !plan.by_hand[i] && target.is_some_and(|t| plan.entries[t].last_item.is_none()) {
                    plan.by_hand[i] = true;
                    changed = true;
                }
            }
            if !changed {
                return plan;
            }
        }
    }

    /// Whether each entry is left with no items by the moves not by hand.
    fn emptied(&self, moves: &[Move]) -> Vec<bool> {
        self.entries
            .iter()
            .map(|e| {
                let leaving: Vec<usize> = moves
                    .iter()
                    .zip(&self.by_hand)
                    .filter(|(m, hand)| !**hand && m.item.entry == e.path)
                    .map(|(m, _)| m.item.siblings)
                    .collect();
                leaving.first() == Some(&leaving.len())
            })
            .collect()
    }

    /// The entry, staying and in block style, that an item goes into.
    fn target(&self, m: &Move) -> Option<usize> {
        self.entries.iter().enumerate().position(|(i, e)| {
            !self.gone.get(i).copied().unwrap_or(false)
                && e.block.is_some()
                && e.months.contains(&m.to_month)
        })
    }
}

/// Moves each item in `moves` into its new month's schedule entry: at the
/// end of that entry's items, or in an entry made for it, in the plan's
/// order of months. An entry left without items goes. The moves are those
/// [`Relocation::plan`] found can be made (by the old text, whose lines
/// `text` keeps); any other is left where it is, for a person to move.
fn relocate(source: &Source, text: &str, moves: Vec<Move>) -> (String, Vec<Relocated>) {
    if moves.is_empty() {
        return (text.to_string(), Vec::new());
    }
    let text_lines: Vec<&str> = text.split_inclusive('\n').collect();
    let value = &source.value;
    let naming = Naming::of(value);
    let period = period_of(value);
    let order = |m: u32| (crate::dates::year_of_month(0, period, m), m);
    let plan = Relocation::plan(source, &text_lines, &moves);
    let Relocation {
        entries,
        blocks,
        by_hand,
        gone,
    } = &plan;

    let mut removed = vec![false; text_lines.len()];
    // Lines to put before a line (0-based; the end means after the last).
    let mut inserts: std::collections::BTreeMap<usize, Vec<String>> = Default::default();
    // Items for months with no entry, by month.
    let mut new_entries: std::collections::BTreeMap<(i32, u32), Vec<(Block, Block)>> =
        Default::default();
    let mut relocated = Vec::new();
    for (i, m) in moves.iter().enumerate() {
        // `rollover` kept any item that goes by hand out of `moves`, with
        // its date moved by the years; were one here all the same, it is
        // left in its entry (and the check of the new text would say so).
        let (item, entry) = match blocks[i] {
            Some(b) if !by_hand[i] => b,
            _ => continue,
        };
        // Out of its old entry; the whole entry when it goes.
        let (from, to) = match entries.iter().position(|e| e.path == m.item.entry) {
            Some(e) if gone[e] => (entry.first, entry.end),
            _ => (item.first, item.end),
        };
        removed[from..to].iter_mut().for_each(|r| *r = true);
        let target = plan.target(m);
        relocated.push(Relocated {
            line: item.first + 1,
            festival: m.festival,
            to_month: m.to_month,
            new_entry: target.is_none(),
        });
        match target {
            Some(t) => {
                let last = entries[t]
                    .last_item
                    .expect("a target has items in block style");
                inserts.entry(last.end).or_default().extend(reindent(
                    &text_lines[item.first..item.end],
                    item.dash,
                    last.dash,
                ));
            }
            None => new_entries
                .entry(order(m.to_month))
                .or_default()
                .push((entry, item)),
        }
    }
    // An entry made for a month goes before the first entry that comes
    // later in the plan, or after the last one.
    for ((_, month), items) in new_entries {
        let (entry, first_item) = items[0];
        let before = entries
            .iter()
            .filter_map(|e| Some((e.block?, e.months.first().copied()?)))
            .find(|(_, m)| order(*m) > order(month))
            .map(|(b, _)| b.first)
            .unwrap_or_else(|| {
                entries
                    .iter()
                    .filter_map(|e| e.block)
                    .map(|b| b.end)
                    .max()
                    .unwrap_or(text_lines.len())
            });
        let key_col = first_item.dash.saturating_sub(2).max(entry.dash + 2);
        let mut lines = vec![
            format!(
                "{}-{}{}: {month}\n",
                " ".repeat(entry.dash),
                " ".repeat(key_col - entry.dash - 1),
                naming.key("month")
            ),
            format!("{}{}:\n", " ".repeat(key_col), naming.key("items")),
        ];
        for (_, item) in &items {
            lines.extend(reindent(
                &text_lines[item.first..item.end],
                item.dash,
                first_item.dash.max(key_col + 2),
            ));
        }
        inserts.entry(before).or_default().extend(lines);
    }
    let mut out = String::with_capacity(text.len());
    for (i, line) in text_lines.iter().enumerate() {
        if let Some(new) = inserts.remove(&i) {
            new.iter().for_each(|l| push_line(&mut out, l));
        }
        if !removed[i] {
            out.push_str(line);
        }
    }
    for new in inserts.into_values() {
        new.iter().for_each(|l| push_line(&mut out, l));
    }
    relocated.sort_by_key(|r| r.line);
    (out, relocated)
}

/// Appends a whole line, ending the text before it if it had no line end.
fn push_line(out: &mut String, line: &str) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str(line);
    if !line.ends_with('\n') {
        out.push('\n');
    }
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

/// Byte offset where the value at `path` starts.
fn value_start(source: &Source, lines: &LineIndex, path: &FieldPath) -> Option<usize> {
    let (line, col) = source.locate(path, Target::Value)?;
    lines.offset(&source.text, line, col)
}

/// The run of ASCII digits at `start`, skipping an opening quote.
fn digits_at(text: &str, start: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let mut s = start;
    if matches!(bytes.get(s), Some(b'"' | b'\'')) {
        s += 1;
    }
    let mut e = s;
    while bytes.get(e).is_some_and(u8::is_ascii_digit) {
        e += 1;
    }
    (s, e)
}

/// The text of the scalar starting at `start`, without its quotes.
fn scalar_extent(text: &str, start: usize) -> (usize, usize) {
    let rest = &text[start..];
    if let Some(q) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') {
        let inner = start + 1;
        let end = text[inner..].find(q).map_or(text.len(), |i| inner + i);
        return (inner, end);
    }
    // A plain scalar ends at the line's end, a comment, or a flow separator.
    let end = rest
        .char_indices()
        .find(|&(i, c)| {
            c == '\n'
                || c == '\r'
                || c == ','
                || c == '}'
                || c == ']'
                || (c == '#' && i > 0 && rest[..i].ends_with(' '))
        })
        .map_or(text.len(), |(i, _)| start + i);
    let trimmed = text[start..end].trim_end();
    (start, start + trimmed.len())
}

/// The date in `token` moved by `delta` years, written the same way;
/// `true` when 29 February had to become 28 February.
fn move_date(token: &str, delta: i32) -> Option<(String, bool)> {
    if crate::dates::lex(token).is_none() && written_date(token).is_none() {
        // A 落款 month (`2025年2月`): only its year moves.
        let (year, _) = crate::dates::year_month(token)?;
        let start = token.find(|c: char| c.is_ascii_digit())?;
        let moved = format!("{}{}{}", &token[..start], year + delta, &token[start + 4..]);
        return Some((moved, false));
    }
    let old = written_date(token)?;
    let new_year = old.year() + delta;
    let (new, fixed) = match NaiveDate::from_ymd_opt(new_year, old.month(), old.day()) {
        Some(new) => (new, false),
        None if (old.month(), old.day()) == (2, 29) => {
            (NaiveDate::from_ymd_opt(new_year, 2, 28)?, true)
        }
        None => return None,
    };
    Some((rewrite_date(token, new)?, fixed))
}

/// The date a token writes, in any form validation reads (one date
/// reader: [`crate::dates::parse`]).
fn written_date(token: &str) -> Option<NaiveDate> {
    match crate::dates::parse(token) {
        crate::dates::Parsed::Date(d) => Some(d),
        _ => None,
    }
}

/// `token` with its date replaced by `date`, written the same way (the
/// same separators; a zero-padded month or day stays padded).
fn rewrite_date(token: &str, date: NaiveDate) -> Option<String> {
    let Some(runs) = crate::dates::lex(token) else {
        // 二〇二五年三月十二日, ２０２５年…, 3月8日（星期六）: written anew
        // in the same way.
        return crate::dates::write_like(token, date);
    };
    let pad =
        |(s, e): (usize, usize), n: u32| format!("{n:0w$}", w = if e - s == 2 { 2 } else { 1 });
    Some(format!(
        "{}{}{}{}{}{}{}",
        &token[..runs[0].0],
        date.year(),
        &token[runs[0].1..runs[1].0],
        pad(runs[1], date.month()),
        &token[runs[1].1..runs[2].0],
        pad(runs[2], date.day()),
        &token[runs[2].1..],
    ))
}

/// Byte ranges of runs of ASCII digits.
fn whole_numbers(s: &str) -> Vec<(usize, usize)> {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            out.push((start, i));
        } else {
            i += 1;
        }
    }
    out
}

/// Four-digit whole numbers in the file's content, leaving out comments.
fn content_years(text: &str) -> Vec<(usize, usize)> {
    content_spans(text)
        .into_iter()
        .flat_map(|(s, e)| {
            whole_numbers(&text[s..e])
                .into_iter()
                .filter(|(a, b)| b - a == 4)
                .map(move |(a, b)| (s + a, s + b))
        })
        .collect()
}

/// The byte ranges of the file's content, a line at a time, leaving out
/// comments.
///
/// A `#` starts a comment at a line's start or after a space, outside
/// quotes — except inside a block scalar (`|` or `>`), whose lines are all
/// text. Keys are included; a year or an anniversary in a key is rare and
/// would be one all the same.
fn content_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut offset = 0;
    // The indentation a block scalar's lines must exceed, while inside one.
    let mut block_indent: Option<usize> = None;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let indent = body.len() - body.trim_start_matches(' ').len();
        let in_block = match block_indent {
            Some(b) if body.trim().is_empty() || indent > b => true,
            _ => {
                block_indent = None;
                false
            }
        };
        let content_end = if in_block {
            body.len()
        } else {
            comment_start(body)
        };
        let content = &body[..content_end];
        if !content.is_empty() {
            out.push((offset, offset + content_end));
        }
        if !in_block && opens_block_scalar(content) {
            block_indent = Some(indent);
        }
        offset += line.len();
    }
    out
}

/// Where a line's comment starts (its length if it has none).
fn comment_start(line: &str) -> usize {
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            // A quote opens a quoted scalar only where a value starts.
            None if (c == '"' || c == '\'')
                && (i == 0 || matches!(prev, ' ' | ':' | '[' | '{' | ',' | '-')) =>
            {
                quote = Some(c)
            }
            None if c == '#' && (i == 0 || prev == ' ' || prev == '\t') => return i,
            None => {}
        }
        prev = c;
    }
    line.len()
}

/// Does the line end with a block scalar indicator: `key: |`, `- >-`, `|2` …
fn opens_block_scalar(content: &str) -> bool {
    let t = content.trim_end();
    let last_word = t.rsplit([' ', '\t']).next().unwrap_or("");
    let mut chars = last_word.chars();
    matches!(chars.next(), Some('|' | '>'))
        && chars.all(|c| c == '-' || c == '+' || c.is_ascii_digit())
        && (t.len() == last_word.len()
            || t[..t.len() - last_word.len()]
                .trim_end()
                .ends_with([':', '-']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_move_in_their_own_format() {
        assert_eq!(
            move_date("2025-03-08", 1),
            Some(("2026-03-08".into(), false))
        );
        assert_eq!(move_date("2025/3/8", 1), Some(("2026/3/8".into(), false)));
        assert_eq!(
            move_date("2025年3月8日", 1),
            Some(("2026年3月8日".into(), false))
        );
        assert_eq!(
            move_date("2024-02-29", 1),
            Some(("2025-02-28".into(), true))
        );
        assert_eq!(move_date("三月八日", 1), None);
    }

    #[test]
    fn comments_are_found_outside_quotes_and_block_scalars() {
        assert_eq!(comment_start("year: 2025 # 年份"), 11);
        assert_eq!(comment_start("title: '第#1项' # c"), 18);
        assert_eq!(comment_start("text: a#b"), 9);
        let text = "a: |\n  2025 # 不是注释\nb: 2025 # 2025 是注释\n";
        let years: Vec<&str> = content_years(text)
            .iter()
            .map(|&(s, e)| &text[s..e])
            .collect();
        assert_eq!(years, ["2025", "2025"]);
        assert_eq!(content_years(text)[0].0, 7);
    }

    /// A January 春节 item and February's only item (元宵) both moving on
    /// a month: the text rollover once wrote for it, with the 春节 item
    /// left under no entry.
    const ORPHANED: &str = "\
school: 甲校
year: 2026
guiding_principles: 文字。
measures: [做事]
schedule:
      - text: 春节慰问
        date: 2026-02-15
  - month: 3
    items:
      - text: 元宵游园
        date: 2026-03-03
";

    fn spec(text: &str) -> Source {
        Source::from_text(Path::new("p.yaml"), text.to_string()).unwrap()
    }

    #[test]
    fn a_made_spec_that_does_not_parse_is_refused_as_unionplans_fault() {
        let old = spec(
            "school: 甲校\nyear: 2025\nguiding_principles: 文字。\nmeasures: [做事]\nschedule:\n  - month: 1\n    items: [春节慰问]\n",
        );
        let err = check_output(&old, 2026, ORPHANED).unwrap_err();
        assert_eq!(err.code, "rollover_made_bad_spec");
        assert_eq!(err.file, Path::new("p.yaml"));
        // What failed, where in the new text.
        let at_line_8 = msg::rollover_bad_spec_problem(Some(8), "");
        assert!(err.message.contains(&at_line_8), "{}", err.message);
    }

    #[test]
    fn a_made_spec_that_does_not_validate_is_refused_when_the_old_one_did() {
        let old = spec(
            "school: 甲校\nyear: 2022\nguiding_principles: 文字。\nmeasures: [做事]\nschedule:\n  - month: 1\n    items:\n      - {text: 腊八送粥, date: 2022-01-10}\n",
        );
        let made = "school: 甲校\nyear: 2023\nguiding_principles: 文字。\nmeasures: [做事]\nschedule:\n  - month: 12\n    items:\n      - {text: 腊八送粥, date: 2022-12-30}\n";
        let err = check_output(&old, 2023, made).unwrap_err();
        assert_eq!(err.code, "rollover_made_bad_spec");
        let problem = msg::date_wrong_year("2022-12-30", 2023);
        let what = msg::rollover_bad_spec_problem(Some(8), &problem);
        assert!(err.message.contains(&what), "{}", err.message);
        assert!(check_output(&old, 2023, &made.replace("2022-12-30", "2023-12-30")).is_ok());
    }

    /// A spec that was not valid before (a shared base without `school`)
    /// is not valid after either: that is the user's to fix, and not
    /// rollover's fault.
    #[test]
    fn an_old_spec_that_did_not_validate_is_held_to_parsing_alone() {
        let old = spec("year: 2025\nmeasures: [做事]\n");
        assert!(check_output(&old, 2026, "year: 2026\nmeasures: [做事]\n").is_ok());
        let err = check_output(&old, 2026, "year: 2026\nmeasures: [做事\n").unwrap_err();
        assert_eq!(err.code, "rollover_made_bad_spec");
    }

    #[test]
    fn output_names() {
        let p = |s: &str| default_output(Path::new(s), 2025, 2026);
        assert_eq!(p("specs/lihe-2025.yaml"), Path::new("specs/lihe-2026.yaml"));
        assert_eq!(p("2025/lihe.yaml"), Path::new("2025/lihe-2026.yaml"));
        assert_eq!(p("lihe20251.yaml"), Path::new("lihe20251-2026.yaml"));
    }
}

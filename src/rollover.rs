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
//! Years in text that are neither (2019, 2030) and the `extends` line are
//! listed for a person to review, not changed.

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use serde_yaml::Value;

use crate::diag::Diagnostic;
use crate::load::{FieldPath, Source, Target};
use crate::messages as msg;
use crate::spec::fields::YEARS;
use crate::spec::keys::{self, Naming};

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

    // Every explicit date.
    for path in date_paths(&source.value) {
        let Some(start) = value_start(source, &lines, &path) else {
            continue;
        };
        let (s, e) = scalar_extent(text, start);
        let token = &text[s..e];
        match move_date(token, delta) {
            Some((moved, leap_fix)) => {
                if leap_fix {
                    review.push(Review {
                        line: lines.line_of(s),
                        reason: msg::rollover_leap_day(token, &moved),
                    });
                }
                edits.push(Edit {
                    start: s,
                    end: e,
                    new: moved.clone(),
                    change: Shift {
                        line: lines.line_of(s),
                        kind: ShiftKind::Date,
                        old: token.to_string(),
                        new: moved,
                    },
                });
            }
            None => review.push(Review {
                line: lines.line_of(s),
                reason: msg::rollover_date_unmoved(token),
            }),
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
    review.sort_by_key(|r| r.line);
    review.dedup();
    Ok(Rollover {
        old_year,
        new_year,
        text: out,
        changes: edits.into_iter().map(|e| e.change).collect(),
        review,
    })
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

/// The paths of every date field in the spec, with the keys as typed.
fn date_paths(value: &Value) -> Vec<FieldPath> {
    let root = FieldPath::root();
    let mut out = Vec::new();
    if let Some((sk, Value::Sequence(schedule))) = keys::get(value, "schedule") {
        for (i, entry) in schedule.iter().enumerate() {
            let Some((ik, Value::Sequence(items))) = keys::get(entry, "items") else {
                continue;
            };
            for (j, item) in items.iter().enumerate() {
                if let Some((dk, _)) = keys::get(item, "date").filter(|(_, d)| !d.is_null()) {
                    out.push(root.key(sk).index(i).key(ik).index(j).key(dk));
                }
            }
        }
    }
    if let Some((sk, sig)) = keys::get(value, "signature") {
        if let Some((dk, _)) = keys::get(sig, "date").filter(|(_, d)| !d.is_null()) {
            out.push(root.key(sk).key(dk));
        }
    }
    out
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
    let Some(runs) = crate::dates::lex(token) else {
        // A 落款 month (`2025年2月`): only its year moves.
        let (year, _) = crate::dates::year_month(token)?;
        let start = token.find(|c: char| c.is_ascii_digit())?;
        let moved = format!("{}{}{}", &token[..start], year + delta, &token[start + 4..]);
        return Some((moved, false));
    };
    let num = |(s, e): (usize, usize)| token[s..e].parse::<u32>().ok();
    let (y, m, d) = (num(runs[0])?, num(runs[1])?, num(runs[2])?);
    NaiveDate::from_ymd_opt(y as i32, m, d)?;
    let new_year = y as i32 + delta;
    let (day, fixed) = match NaiveDate::from_ymd_opt(new_year, m, d) {
        Some(_) => (d, false),
        None if m == 2 && d == 29 => (28, true),
        None => return None,
    };
    let moved = NaiveDate::from_ymd_opt(new_year, m, day)?;
    let mut out = String::new();
    out.push_str(&token[..runs[0].0]);
    out.push_str(&moved.year().to_string());
    out.push_str(&token[runs[0].1..runs[2].0]);
    // Keep a zero-padded day padded.
    let width = runs[2].1 - runs[2].0;
    out.push_str(&format!("{day:0width$}"));
    out.push_str(&token[runs[2].1..]);
    Some((out, fixed))
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
///
/// A `#` starts a comment at a line's start or after a space, outside
/// quotes — except inside a block scalar (`|` or `>`), whose lines are all
/// text. Keys are scanned too; a four-digit number in a key is rare and
/// would be a year all the same.
fn content_years(text: &str) -> Vec<(usize, usize)> {
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
        for (s, e) in whole_numbers(content) {
            if e - s == 4 {
                out.push((offset + s, offset + e));
            }
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

/// Line starts, to turn positions into byte offsets and back.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// Byte offset of 1-based `line` and `col` (columns count characters).
    fn offset(&self, text: &str, line: usize, col: usize) -> Option<usize> {
        let start = *self.starts.get(line.checked_sub(1)?)?;
        let mut chars = text[start..].char_indices();
        let (i, _) = chars.nth(col.checked_sub(1)?)?;
        Some(start + i)
    }

    fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }
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

    #[test]
    fn output_names() {
        let p = |s: &str| default_output(Path::new(s), 2025, 2026);
        assert_eq!(p("specs/lihe-2025.yaml"), Path::new("specs/lihe-2026.yaml"));
        assert_eq!(p("2025/lihe.yaml"), Path::new("2025/lihe-2026.yaml"));
        assert_eq!(p("lihe20251.yaml"), Path::new("lihe20251-2026.yaml"));
    }
}

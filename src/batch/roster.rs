//! A roster: one school a row, in a CSV or spreadsheet as Excel and WPS
//! save them.

use std::path::Path;
use std::sync::Arc;

use serde_yaml::Value;

use super::SchoolSource;
use crate::load::{Cell, Table};
use crate::messages::{self as msg, Message};

/// A table's header names spec fields, dotted for nested ones; the Chinese
/// names of [`crate::keys`] work in each part, and so do the usual column
/// titles `落款单位` and `落款日期`.
fn header_field(header: &str) -> String {
    let h = header.trim().trim_start_matches('\u{feff}');
    match h {
        "落款单位" => return "signature.org".into(),
        "落款日期" => return "signature.date".into(),
        _ => {}
    }
    h.split('.')
        .map(|part| crate::spec::keys::english(part.trim()).unwrap_or(part.trim()))
        .collect::<Vec<_>>()
        .join(".")
}

/// The rows of a roster: CSV (UTF-8, with or without BOM) or XLSX.
pub(super) fn read_roster(path: &Path) -> Result<Vec<SchoolSource>, Message> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("xlsx" | "xlsm" | "xls" | "ods") => read_spreadsheet(path),
        _ => read_csv(path),
    }
}

fn read_csv(path: &Path) -> Result<Vec<SchoolSource>, Message> {
    let bytes = std::fs::read(path).map_err(|e| msg::roster_unreadable(path.display(), e))?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| msg::roster_not_utf8(path.display()))?;
    let table = Arc::new(Table {
        path: path.to_path_buf(),
        lines: text.lines().map(str::to_string).collect(),
    });
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| msg::roster_bad(path.display(), e))?
        .iter()
        .map(header_field)
        .collect();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| msg::roster_bad(path.display(), e))?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        let line_text = table
            .lines
            .get(line.saturating_sub(1))
            .map_or("", String::as_str);
        let cells = record
            .iter()
            .enumerate()
            .filter(|(_, v)| !v.trim().is_empty())
            .filter_map(|(i, v)| {
                let field = headers.get(i)?.clone();
                Some(Cell {
                    line,
                    column: column_in_line(line_text, v),
                    field,
                    value: Value::String(v.trim().to_string()),
                })
            })
            .collect::<Vec<_>>();
        push_row(&mut rows, &table, line, cells);
    }
    Ok(rows)
}

/// A roster row is a school, unless all its cells are blank.
fn push_row(rows: &mut Vec<SchoolSource>, table: &Arc<Table>, line: usize, cells: Vec<Cell>) {
    if !cells.is_empty() {
        rows.push(SchoolSource::Row {
            table: table.clone(),
            line,
            cells,
        });
    }
}

/// The column (in characters, from 1) where `value` stands in the line.
fn column_in_line(line: &str, value: &str) -> usize {
    line.find(value)
        .map_or(1, |i| line[..i].chars().count() + 1)
}

fn read_spreadsheet(path: &Path) -> Result<Vec<SchoolSource>, Message> {
    use calamine::{Data, Reader};
    let mut book =
        calamine::open_workbook_auto(path).map_err(|e| msg::roster_bad(path.display(), e))?;
    let sheet = book
        .worksheet_range_at(0)
        .ok_or_else(|| msg::roster_empty(path.display()))?
        .map_err(|e| msg::roster_bad(path.display(), e))?;
    let (first_row, first_col) = sheet.start().unwrap_or((0, 0));
    let table = Arc::new(Table {
        path: path.to_path_buf(),
        lines: Vec::new(),
    });
    let mut rows_iter = sheet.rows();
    let headers: Vec<String> = match rows_iter.next() {
        Some(r) => r.iter().map(|c| header_field(&c.to_string())).collect(),
        None => return Err(msg::roster_empty(path.display())),
    };
    let mut rows = Vec::new();
    for (r, row) in rows_iter.enumerate() {
        let line = first_row as usize + r + 2;
        let cells: Vec<Cell> = row
            .iter()
            .enumerate()
            .filter_map(|(i, c)| {
                let value = match c {
                    Data::Empty => return None,
                    Data::String(s) if s.trim().is_empty() => return None,
                    Data::String(s) => Value::String(s.trim().to_string()),
                    Data::Int(n) => Value::Number((*n).into()),
                    Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => {
                        Value::Number((*f as i64).into())
                    }
                    Data::Float(f) => Value::String(f.to_string()),
                    Data::Bool(b) => Value::Bool(*b),
                    Data::DateTime(d) => match d.as_datetime() {
                        Some(dt) => Value::String(dt.date().format("%Y-%m-%d").to_string()),
                        None => Value::String(d.to_string()),
                    },
                    other => Value::String(other.to_string()),
                };
                Some(Cell {
                    line,
                    column: first_col as usize + i + 1,
                    field: headers.get(i)?.clone(),
                    value,
                })
            })
            .collect();
        push_row(&mut rows, &table, line, cells);
    }
    Ok(rows)
}

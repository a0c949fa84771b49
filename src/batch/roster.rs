//! A roster: one school a row, in a CSV or spreadsheet as Excel and WPS
//! save them.
//!
//! Real sheets are not tidy, so the reader takes them as they come:
//! - any encoding [`crate::text`] reads (Excel's "CSV (逗号分隔)" is GBK on
//!   Chinese Windows, its "Unicode 文本" is UTF-16 with tabs), and any line
//!   ending (CRLF, LF, and the CR of old Mac Excel): lines are counted the
//!   same way in the CSV reader and in the text shown under a message, so
//!   an error names the school's own row;
//! - title rows above the header (`东湖区2025年学校名单`) are skipped: the
//!   header is the first row that names a field of the plan;
//! - columns the plan does not know (`序号`, `备注`, `联系电话`) are left
//!   out, and one notice names them, instead of one error per school;
//! - an XLSX is read cell by cell, so one cell far away (XFD1048576) costs
//!   one cell, not a grid of billions;
//! - a workbook is read from the sheet the district file names (`sheet:`),
//!   or else from its first sheet that is not hidden; a formula cell saved
//!   without its value is an error at that cell, never a blank.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use serde_yaml::Value;

use super::SchoolSource;
use crate::diag::Diagnostic;
use crate::load::{Cell, Table};
use crate::messages as msg;
use crate::spec::{fields, keys};
use crate::text::{self, NotText};

/// How many rows may come before the header: title rows, a blank line.
const MAX_ROWS_ABOVE_HEADER: usize = 10;

/// How many cells a roster may hold: 20,000 schools of 50 columns.
const MAX_CELLS: usize = 1_000_000;

/// How many cells to fix are listed one by one.
const MAX_CELL_PROBLEMS: usize = 10;

/// The schools of a roster, and what was left out of it.
pub(super) struct Roster {
    pub rows: Vec<SchoolSource>,
    /// Notices about a roster that is read: columns left out.
    pub notices: Vec<Diagnostic>,
}

/// One row of the sheet: its 1-based line, and its non-blank cells.
struct Row {
    line: usize,
    cells: Vec<RowCell>,
}

struct RowCell {
    /// Which column, from 1: what the header is matched by.
    index: usize,
    /// Where it is shown: the character column of a CSV line, where a
    /// caret goes; a spreadsheet's column number.
    column: usize,
    value: Value,
}

/// The sheet of a spreadsheet roster the district file names (`sheet:`),
/// and how to place a problem with it: at that key.
pub(super) struct Sheet<'a> {
    pub name: &'a str,
    pub at: &'a dyn Fn(msg::Message) -> Diagnostic,
}

/// Why a spreadsheet gave no rows.
enum SheetError {
    /// A problem with the file as a whole.
    Book(msg::Message),
    /// A problem with the sheet the district file names.
    Named(msg::Message),
    /// Cells to fix, each with its message (1-based line and column), at
    /// most [`MAX_CELL_PROBLEMS`] of them, and how many there are.
    Cells(Vec<(usize, usize, msg::Message)>, usize),
}

/// The rows of a roster file, in CSV (any encoding, comma or tab) or a
/// spreadsheet (XLSX, XLS, ODS), from `sheet` where the district file
/// names one. `at` places a problem with the file as a whole: at the
/// district file's `roster:`, which names it.
pub(super) fn read_roster(
    path: &Path,
    sheet: Option<Sheet>,
    at: impl Fn(msg::Message) -> Diagnostic,
) -> Result<Roster, Vec<Diagnostic>> {
    let fail = |m| vec![at(m)];
    let bytes = crate::input::read(path, crate::input::Kind::Roster)
        .map_err(|e| fail(msg::roster_unreadable(path.display(), &e)))?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let spreadsheet = matches!(ext.as_deref(), Some("xlsx" | "xlsm" | "xls" | "et" | "ods"))
        || matches!(text::sniff(&bytes), Some(NotText::Zip | NotText::Ole));
    let (rows, lines) = match (spreadsheet, &sheet) {
        (true, _) => match read_spreadsheet(bytes, sheet.as_ref().map(|s| s.name)) {
            Ok(rows) => (rows, Vec::new()),
            Err(SheetError::Book(m)) => return Err(fail(m)),
            Err(SheetError::Named(m)) => {
                return Err(vec![(sheet.expect("a sheet was named").at)(m)]);
            }
            Err(SheetError::Cells(cells, total)) => {
                let mut problems: Vec<Diagnostic> = cells
                    .into_iter()
                    .map(|(line, column, m)| {
                        Diagnostic::file_level(path, m).at_row(line, column, None)
                    })
                    .collect();
                if total > MAX_CELL_PROBLEMS {
                    let last = problems.pop().expect("more than none");
                    problems
                        .push(last.with_note(msg::roster_formulas_more(total, MAX_CELL_PROBLEMS)));
                }
                return Err(problems);
            }
        },
        (false, Some(s)) => return Err(vec![(s.at)(msg::roster_sheet_not_spreadsheet())]),
        (false, None) => read_csv(&bytes).map_err(fail)?,
    };
    let table = Arc::new(Table {
        path: path.to_path_buf(),
        lines,
    });
    from_rows(&table, rows)
}

/// A table's header names spec fields, dotted for nested ones; the Chinese
/// names of [`crate::spec::keys`] work in each part, and so do the column
/// titles people use: `学校名称`, `落款单位`, `落款日期`.
fn header_field(header: &str) -> String {
    let h = header.trim().trim_start_matches('\u{feff}');
    match h {
        "学校名称" | "单位名称" => return "school".into(),
        "落款单位" | "落款" => return "signature.org".into(),
        "落款日期" => return "signature.date".into(),
        _ => {}
    }
    h.split('.')
        .map(|part| keys::english(part.trim()).unwrap_or(part.trim()))
        .collect::<Vec<_>>()
        .join(".")
}

/// Does a dotted path name a field of the plan?
fn is_field(path: &str) -> bool {
    let mut map = fields::map("spec");
    let mut parts = path.split('.').peekable();
    while let Some(part) = parts.next() {
        let Some(field) = map.field(part) else {
            return false;
        };
        if parts.peek().is_none() {
            return true;
        }
        match field.kind {
            fields::Kind::Map(of) => map = fields::map(of),
            _ => return false,
        }
    }
    false
}

/// Schools from rows: find the header, map its columns, and keep every
/// row below it that has a value in a known column.
fn from_rows(table: &Arc<Table>, rows: Vec<Row>) -> Result<Roster, Vec<Diagnostic>> {
    let path = &table.path;
    let text_of = |line: usize| line_text(table, line);
    let header_at = find_header(table, &rows)?;
    let header = &rows[header_at];
    let (columns, unknown) = header_columns(table, header)?;

    // Every column with a header, known or not.
    let headed: std::collections::BTreeSet<usize> = header.cells.iter().map(|c| c.index).collect();
    let mut schools = Vec::new();
    let mut headless = BTreeMap::new();
    let mut notices = Vec::new();
    for row in &rows[header_at + 1..] {
        // `合计：6所` under the schools is no school: passed over, and said.
        if let Some(label) = total_row(row) {
            notices.push(
                Diagnostic::file_level(path, msg::roster_total_row(row.line, &label))
                    .at_row(row.line, 1, text_of(row.line))
                    .as_note(),
            );
            continue;
        }
        let cells = row_cells(row, &columns, &headed, &mut headless);
        // A row of only unknown columns (a note under the table) is no school.
        if !cells.is_empty() {
            schools.push(SchoolSource::Row {
                table: table.clone(),
                line: row.line,
                cells,
            });
        }
    }

    if !unknown.is_empty() {
        notices.push(
            Diagnostic::file_level(path, msg::roster_columns_ignored(&unknown))
                .at_row(header.line, 1, text_of(header.line))
                .as_note()
                .with_help(msg::roster_header_help()),
        );
    }
    for (index, (line, column)) in headless {
        notices.push(
            Diagnostic::file_level(path, msg::roster_column_without_header(index))
                .at_row(line, column, text_of(line))
                .as_warning(),
        );
    }
    if schools.is_empty() {
        return Err(vec![
            Diagnostic::file_level(path, msg::roster_empty(header.line)).at_row(
                header.line,
                1,
                text_of(header.line),
            ),
        ]);
    }
    Ok(Roster {
        rows: schools,
        notices,
    })
}

/// The text of the table's 1-based `line`, shown under a message.
fn line_text(table: &Table, line: usize) -> Option<&str> {
    table.lines.get(line - 1).map(String::as_str)
}

/// Which of the first rows is the header: the first that names a field of
/// the plan, within [`MAX_ROWS_ABOVE_HEADER`] rows of the top.
fn find_header(table: &Table, rows: &[Row]) -> Result<usize, Vec<Diagnostic>> {
    let header_at = rows.iter().take(MAX_ROWS_ABOVE_HEADER + 1).position(|r| {
        r.cells
            .iter()
            .any(|c| c.value.as_str().is_some_and(|h| is_field(&header_field(h))))
    });
    header_at.ok_or_else(|| {
        let looked = rows.len().min(MAX_ROWS_ABOVE_HEADER + 1);
        let d = Diagnostic::file_level(&table.path, msg::roster_no_header(looked))
            .with_help(msg::roster_header_help());
        vec![match rows.first() {
            Some(r) => d.at_row(r.line, 1, line_text(table, r.line)),
            None => d,
        }]
    })
}

/// Column (from 1) → the field of the plan it holds.
type Columns = BTreeMap<usize, String>;

/// The header's columns the plan knows, each with its field, and the
/// titles of those it does not; an error for an `extends` column or a
/// field named twice.
fn header_columns(table: &Table, header: &Row) -> Result<(Columns, Vec<String>), Vec<Diagnostic>> {
    let at_header = |m, column| {
        Diagnostic::file_level(&table.path, m).at_row(
            header.line,
            column,
            line_text(table, header.line),
        )
    };
    let mut columns = Columns::new();
    let mut unknown = Vec::new();
    let mut problems = Vec::new();
    for cell in &header.cells {
        let typed = match &cell.value {
            Value::String(s) => s.trim().to_string(),
            other => msg::describe_value(other),
        };
        let field = header_field(&typed);
        if field == "extends" {
            problems.push(at_header(msg::roster_extends(), cell.column));
        } else if !is_field(&field) {
            unknown.push(typed);
        } else if let Some((&first, _)) = columns.iter().find(|(_, f)| **f == field) {
            problems.push(at_header(
                msg::roster_header_twice(&typed, first),
                cell.column,
            ));
        } else {
            columns.insert(cell.index, field);
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok((columns, unknown))
}

/// A row's cells under the known `columns`, as the plan's fields. A value
/// under no header at all (not in `headed`) is noted in `headless`, by
/// its column, at the first row it is in: said, never dropped silently.
fn row_cells(
    row: &Row,
    columns: &Columns,
    headed: &std::collections::BTreeSet<usize>,
    headless: &mut BTreeMap<usize, (usize, usize)>,
) -> Vec<Cell> {
    let mut cells = Vec::new();
    for cell in &row.cells {
        match columns.get(&cell.index) {
            Some(field) => cells.push(Cell {
                line: row.line,
                column: cell.column,
                field: field.clone(),
                value: cell.value.clone(),
            }),
            None if !headed.contains(&cell.index) => {
                headless
                    .entry(cell.index)
                    .or_insert((row.line, cell.column));
            }
            None => {}
        }
    }
    cells
}

/// The label of a totals row (`合计`, `总计：6所`, `小计 3`): its first
/// cell with a value says so, and the row says nothing else but a count.
fn total_row(row: &Row) -> Option<String> {
    let texts: Vec<String> = row
        .cells
        .iter()
        .filter_map(|c| match &c.value {
            Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        })
        .collect();
    let first = texts.first()?;
    let rest = ["合计", "总计", "小计", "共计"]
        .iter()
        .find_map(|w| first.strip_prefix(w))?;
    let count = |s: &str| {
        let s = s.trim().trim_start_matches([':', '：']).trim();
        let s = s.trim_end_matches(['所', '校', '个', '家']).trim();
        s.is_empty() || s.chars().all(|c| c.is_ascii_digit())
    };
    (count(rest) && texts[1..].iter().all(|t| count(t))).then(|| first.clone())
}

/// The rows of a CSV, and its lines to show under messages.
fn read_csv(bytes: &[u8]) -> Result<(Vec<Row>, Vec<String>), msg::Message> {
    let decoded = text::decode(bytes).map_err(|_| msg::roster_unknown_encoding())?;
    // One line ending, so that the CSV reader and the shown lines count
    // lines alike (csv counts a CR alone as an ending, `str::lines` not).
    let text = decoded.text.replace("\r\n", "\n").replace('\r', "\n");
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let delimiter = if first.matches('\t').count() > first.matches(',').count() {
        b'\t'
    } else {
        b','
    };
    let lines: Vec<String> = text.lines().map(str::to_string).collect();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut count = 0;
    for record in reader.records() {
        let record = record.map_err(msg::roster_bad)?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        let starts = field_columns(lines.get(line - 1).map_or("", String::as_str), delimiter);
        let cells: Vec<RowCell> = record
            .iter()
            .enumerate()
            .filter(|(_, v)| !v.trim().is_empty())
            .map(|(i, v)| RowCell {
                index: i + 1,
                column: starts.get(i).copied().unwrap_or(1),
                value: Value::String(v.trim().to_string()),
            })
            .collect();
        count += cells.len();
        if count > MAX_CELLS {
            return Err(msg::roster_too_big(MAX_CELLS));
        }
        if !cells.is_empty() {
            rows.push(Row { line, cells });
        }
    }
    Ok((rows, lines))
}

/// The 1-based character column where each field of a CSV line starts,
/// quotes and all.
fn field_columns(line: &str, delimiter: u8) -> Vec<usize> {
    let delimiter = char::from(delimiter);
    let mut starts = vec![1];
    let mut quoted = false;
    let mut at_start = true;
    for (i, c) in line.chars().enumerate() {
        if at_start && c == '"' {
            quoted = true;
        } else if quoted && c == '"' {
            // `""` inside quotes toggles twice: still quoted.
            quoted = false;
        } else if !quoted && c == delimiter {
            starts.push(i + 2);
            at_start = true;
            continue;
        }
        at_start = false;
    }
    starts
}

/// The rows of a spreadsheet's sheet: the one named, or else the first
/// that is not hidden (a workbook may keep last year's list, hidden, in
/// front). Rows and columns are the sheet's own, so `第 5 行` is row 5 in
/// Excel.
///
/// A formula cell saved without the value it gives (by a program that
/// writes XLSX without calculating) would read as blank, and the school
/// would take the base's value without a word: each such cell is an
/// error, to be fixed by opening and saving the file in Excel once.
fn read_spreadsheet(bytes: Vec<u8>, sheet: Option<&str>) -> Result<Vec<Row>, SheetError> {
    use calamine::{Reader, SheetVisible, Sheets};
    let bad = |e: calamine::Error| SheetError::Book(msg::roster_bad(e));
    let mut book =
        calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes)).map_err(bad)?;
    let sheets = book.sheets_metadata();
    let name = match sheet {
        Some(wanted) => sheets
            .iter()
            .find(|s| s.name.trim() == wanted)
            .map(|s| s.name.clone())
            .ok_or_else(|| {
                let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
                SheetError::Named(msg::roster_no_such_sheet(wanted, &names))
            })?,
        None if sheets.is_empty() => return Err(SheetError::Book(msg::roster_no_header(0))),
        None => sheets
            .iter()
            .find(|s| s.visible == SheetVisible::Visible)
            .map(|s| s.name.clone())
            .ok_or_else(|| SheetError::Book(msg::roster_no_visible_sheet()))?,
    };
    let mut grid: BTreeMap<u32, Vec<RowCell>> = BTreeMap::new();
    let mut unvalued = Vec::new();
    let mut unvalued_count = 0;
    let mut count = 0;
    let mut put = |row: u32, column: u32, value: Option<Value>| {
        if let Some(value) = value {
            count += 1;
            let column = column as usize + 1;
            grid.entry(row).or_default().push(RowCell {
                index: column,
                column,
                value,
            });
        }
        count <= MAX_CELLS
    };
    let too_big = || SheetError::Book(msg::roster_too_big(MAX_CELLS));
    let mut no_value = |row: u32, column: u32| {
        unvalued_count += 1;
        if unvalued.len() < MAX_CELL_PROBLEMS {
            let (line, column) = (row as usize + 1, column as usize + 1);
            let m = msg::roster_formula_without_value(line, &column_letters(column));
            unvalued.push((line, column, m));
        }
    };
    match &mut book {
        // Cell by cell: a sheet's stated size is not allocated.
        Sheets::Xlsx(xlsx) => {
            let bad = |e: calamine::XlsxError| SheetError::Book(msg::roster_bad(e));
            let mut cells = xlsx.worksheet_cells_reader(&name).map_err(bad)?;
            while let Some(cell) = cells.next_cell_with_formula_metadata().map_err(bad)? {
                let (row, column) = cell.pos;
                let value = calamine::Data::from(cell.value);
                if value == calamine::Data::Empty && cell.formula.is_some() {
                    no_value(row, column);
                } else if !put(row, column, value_of(&value)) {
                    return Err(too_big());
                }
            }
        }
        other => {
            let sheet = other.worksheet_range(&name).map_err(bad)?;
            let formulas = other.worksheet_formula(&name).map_err(bad)?;
            for (row, column, data) in sheet.used_cells() {
                let (row0, col0) = sheet.start().unwrap_or((0, 0));
                if !put(row0 + row as u32, col0 + column as u32, value_of(data)) {
                    return Err(too_big());
                }
            }
            for (row, column, formula) in formulas.used_cells() {
                let (row0, col0) = formulas.start().unwrap_or((0, 0));
                let at = (row0 + row as u32, col0 + column as u32);
                let valued = sheet
                    .get_value(at)
                    .is_some_and(|d| *d != calamine::Data::Empty);
                if !formula.is_empty() && !valued {
                    no_value(at.0, at.1);
                }
            }
        }
    }
    if !unvalued.is_empty() {
        return Err(SheetError::Cells(unvalued, unvalued_count));
    }
    Ok(grid
        .into_iter()
        .map(|(row, mut cells)| {
            cells.sort_by_key(|c| c.index);
            Row {
                line: row as usize + 1,
                cells,
            }
        })
        .collect())
}

/// A column's letters as Excel shows them: 1 is A, 27 is AA.
fn column_letters(mut column: usize) -> String {
    let mut out = Vec::new();
    while column > 0 {
        let rem = (column - 1) % 26;
        out.push(b'A' + rem as u8);
        column = (column - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).expect("ASCII letters")
}

/// A cell's value as the spec would have it; `None` for a blank one.
fn value_of(data: &calamine::Data) -> Option<Value> {
    use calamine::Data;
    Some(match data {
        Data::Empty => return None,
        Data::String(s) if s.trim().is_empty() => return None,
        Data::String(s) => Value::String(s.trim().to_string()),
        Data::Int(n) => Value::Number((*n).into()),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => Value::Number((*f as i64).into()),
        Data::Float(f) => Value::String(f.to_string()),
        Data::Bool(b) => Value::Bool(*b),
        Data::DateTime(d) => match d.as_datetime() {
            Some(dt) => Value::String(dt.date().format("%Y-%m-%d").to_string()),
            None => Value::String(d.to_string()),
        },
        other => Value::String(other.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_and_skip_quoted_delimiters() {
        assert_eq!(field_columns("学校,落款单位,x", b','), [1, 4, 9]);
        assert_eq!(field_columns("\"甲,乙\",\"丙\"\"丁\",戊", b','), [1, 7, 14]);
        assert_eq!(field_columns("a\tb", b'\t'), [1, 3]);
    }

    #[test]
    fn headers_name_fields_of_the_plan_only() {
        assert!(is_field(&header_field("学校")));
        assert!(is_field(&header_field("落款单位")));
        assert!(is_field(&header_field("signature.date")));
        assert!(!is_field(&header_field("序号")));
        assert!(!is_field(&header_field("signature.phone")));
        assert!(!is_field(&header_field("school.name")));
    }
}

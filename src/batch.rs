//! `unionplan batch`: the plans of many schools from one shared spec.
//!
//! A district file names a `base` spec shared by all schools, and the
//! schools: entries under `schools` (inline keys, or `spec:` a file of the
//! school's own) and/or the rows of a `roster` table (CSV or XLSX, one row
//! per school, headers naming spec fields). Each school is its own spec,
//! merged over the base with the `extends` rules, so an error in one school
//! points into the file (or table cell) that holds it and fails that school
//! alone.
//!
//! The run has two parallel passes. The first loads and checks every
//! school and works out its file names, so that two schools that would
//! write the same file are refused before anything is written. The second
//! renders and writes each school's files, atomically, and lets them go:
//! memory does not grow with the number of schools.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde_yaml::Value;

use crate::diag::Diagnostic;
use crate::layout::default_title;
use crate::load::{Cell, Loaded, Table};
use crate::load::{FieldPath, Source, Target};
use crate::messages::{self as msg, Message};
use crate::render::Format;
use crate::spec::Spec;
use crate::spec::fields;
use crate::{Error, Pipeline, validate, write};

/// A district file, read and checked.
pub struct District {
    pub path: PathBuf,
    pub base: Loaded,
    pub schools: Vec<SchoolSource>,
    /// From the district file; `None` means every format.
    pub formats: Option<Vec<Format>>,
}

/// Where one school's own values come from.
pub enum SchoolSource {
    /// `schools[index]` of the district file, and the file it names with `spec:`.
    Entry {
        index: usize,
        district: Arc<Source>,
        spec: Option<PathBuf>,
    },
    /// One row of the roster.
    Row {
        table: Arc<Table>,
        line: usize,
        cells: Vec<Cell>,
    },
}

impl SchoolSource {
    /// How to name the school before its spec is known: `schools[2]` or `第 5 行`.
    pub fn label(&self) -> String {
        match self {
            SchoolSource::Entry { index, .. } => format!("schools[{}]", index + 1),
            SchoolSource::Row { table, line, .. } => msg::roster_row(table.path.display(), *line),
        }
    }

    fn load(&self, base: &Loaded) -> Result<Loaded, Vec<Diagnostic>> {
        let own = match self {
            SchoolSource::Entry {
                index,
                district,
                spec,
            } => {
                let at = FieldPath::root().key("schools").index(*index);
                let entry = district.value["schools"][*index].clone();
                let inline = Loaded::part_of(district.clone(), &at, &entry, &["spec"]);
                match spec {
                    Some(file) => Loaded::over(&Loaded::read(file)?, inline)?,
                    None => inline,
                }
            }
            SchoolSource::Row { table, line, cells } => {
                Loaded::from_cells(table.clone(), *line, cells)
            }
        };
        Loaded::over(base, own)
    }
}

impl District {
    /// Read the district file, its base, and its roster.
    pub fn read(path: &Path) -> Result<District, Vec<Diagnostic>> {
        let source = Arc::new(Source::read(path).map_err(|d| vec![*d])?);
        let dir = path.parent().unwrap_or(Path::new(""));
        let root = FieldPath::root();
        let at = |p: &FieldPath, m: Message| source.diagnostic(p, Target::Value, m);
        let mut problems = Vec::new();
        let mut suggested = Vec::new();
        let Some(map) = source.value.as_mapping() else {
            let found = msg::describe_value(&source.value);
            return Err(vec![
                at(&root, msg::district_not_map(&found)).with_help(msg::district_help()),
            ]);
        };
        let allowed = fields::DISTRICT.names();
        for key in map.keys() {
            let name = key.as_str().unwrap_or_default();
            if !allowed.contains(&name) {
                let (message, help, best) = validate::unknown_key(&allowed, name);
                suggested.extend(best);
                problems.push(
                    source
                        .diagnostic(&root.key(name), Target::Key, message)
                        .with_help(help),
                );
            }
        }

        let file_at = |key: &str, p: &FieldPath, problems: &mut Vec<Diagnostic>| match source
            .value_at(p)
            .and_then(Value::as_str)
            .map(str::trim)
        {
            Some(rel) if !rel.is_empty() => Some(dir.join(rel)),
            _ => {
                let found = source
                    .value_at(p)
                    .map_or("空的".into(), msg::describe_value);
                problems.push(at(p, msg::district_path(key, &found)));
                None
            }
        };

        let base = match map.get("base") {
            // A misspelt `base` was reported as such; not also as missing.
            None if suggested.contains(&"base") => None,
            None => {
                problems
                    .push(at(&root, msg::missing_field("base")).with_help(msg::district_help()));
                None
            }
            Some(_) => file_at("base", &root.key("base"), &mut problems),
        };

        let mut schools = Vec::new();
        match map.get("schools") {
            None | Some(Value::Null) => {}
            Some(Value::Sequence(entries)) => {
                for (i, entry) in entries.iter().enumerate() {
                    let p = root.key("schools").index(i);
                    if !entry.is_mapping() {
                        let found = msg::describe_value(entry);
                        problems.push(at(&p, msg::expected_map(&found)));
                        continue;
                    }
                    let spec = match entry.get("spec") {
                        None => None,
                        Some(_) => match file_at("spec", &p.key("spec"), &mut problems) {
                            Some(f) => Some(f),
                            None => continue,
                        },
                    };
                    schools.push(SchoolSource::Entry {
                        index: i,
                        district: source.clone(),
                        spec,
                    });
                }
            }
            Some(other) => {
                let found = msg::describe_value(other);
                problems.push(at(&root.key("schools"), msg::expected_list(&found)));
            }
        }

        if map.contains_key("roster") {
            let p = root.key("roster");
            if let Some(file) = file_at("roster", &p, &mut problems) {
                match read_roster(&file) {
                    Ok(rows) => schools.extend(rows),
                    Err(e) => problems.push(at(&p, e)),
                }
            }
        }

        let formats = match map.get("formats") {
            None | Some(Value::Null) => None,
            Some(Value::Sequence(names)) if names.is_empty() => {
                // An empty list would succeed and write nothing at all.
                problems.push(at(&root.key("formats"), msg::no_formats()));
                None
            }
            Some(Value::Sequence(names)) => {
                let mut out = Vec::new();
                for (i, n) in names.iter().enumerate() {
                    match n.as_str().and_then(Format::from_name) {
                        Some(f) => out.push(f),
                        None => {
                            let shown = n
                                .as_str()
                                .map_or_else(|| msg::describe_value(n), str::to_string);
                            problems
                                .push(at(&root.key("formats").index(i), msg::bad_format(&shown)));
                        }
                    }
                }
                Some(out)
            }
            Some(other) => {
                let found = msg::describe_value(other);
                problems.push(at(&root.key("formats"), msg::expected_list(&found)));
                None
            }
        };

        if schools.is_empty() && problems.is_empty() {
            problems.push(at(&root, msg::district_no_schools()).with_help(msg::district_help()));
        }
        let base = match base {
            Some(b) if problems.is_empty() => Loaded::read(&b).map_err(|mut d| {
                for x in &mut d {
                    x.notes.push(msg::base_of(path.display()));
                }
                d
            })?,
            _ => return Err(problems),
        };
        Ok(District {
            path: path.to_path_buf(),
            base,
            schools,
            formats,
        })
    }
}

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
fn read_roster(path: &Path) -> Result<Vec<SchoolSource>, Message> {
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

/// How a batch lays out its files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// `<out>/<school>/<file>`
    PerSchool,
    /// `<out>/<file>`
    Flat,
}

/// What happened to one school.
#[derive(Debug, Clone)]
pub struct SchoolResult {
    /// The school's name, or where it is written when it has none.
    pub name: String,
    /// Written files, relative to the output folder.
    pub files: Vec<PathBuf>,
    pub errors: Vec<Diagnostic>,
}

impl SchoolResult {
    pub fn ok(&self) -> bool {
        self.errors.is_empty()
    }
}

/// A school checked in the first pass: only where its files go. Its spec
/// is loaded again when it is rendered, so memory does not grow with the
/// number of schools (loading is a small part of the time).
struct Checked {
    school: String,
    stem: String,
    dir: PathBuf,
}

/// `<school><year>年工会工作计划`, safe as a file name everywhere.
pub fn file_stem(spec: &Spec) -> String {
    safe_file_name(&default_title(spec))
}

/// A name every filesystem accepts: no separators or reserved characters,
/// no leading dots, not a reserved Windows device name, at most 150 bytes.
pub fn safe_file_name(name: &str) -> String {
    let mut out: String = name
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    out = out.trim_matches([' ', '.']).to_string();
    while out.contains("..") {
        out = out.replace("..", "_");
    }
    if out.len() > 150 {
        let mut end = 150;
        while !out.is_char_boundary(end) {
            end -= 1;
        }
        out.truncate(end);
    }
    let stem = out.split('.').next().unwrap_or("").to_ascii_uppercase();
    let reserved = matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || (stem.len() == 4
            && (stem.starts_with("COM") || stem.starts_with("LPT"))
            && stem.as_bytes()[3].is_ascii_digit());
    if reserved || out.is_empty() {
        out.insert(0, '_');
    }
    out
}

/// Run a whole batch: check every school, then render and write the good
/// ones. `progress` is called once per school as it finishes.
pub fn run(
    district: &District,
    out: &Path,
    formats: &[Format],
    placement: Placement,
    pipeline: &Pipeline,
    progress: &(dyn Fn(&SchoolResult) + Sync),
) -> Result<Vec<SchoolResult>, Error> {
    let place = |school: &str, stem: String| Checked {
        school: school.to_string(),
        stem,
        dir: match placement {
            Placement::PerSchool => out.join(safe_file_name(school)),
            Placement::Flat => out.to_path_buf(),
        },
    };

    // Pass 1: where each school's files would go, from its merged values
    // alone. Nothing is kept but the names, so memory stays flat; a school
    // whose values don't even name it fails in pass 2 with all its errors.
    let checked: Vec<Option<Checked>> = district
        .schools
        .par_iter()
        .map(|school| {
            let merged = school.load(&district.base).ok()?;
            let (name, stem) = names_of(&merged.value)?;
            Some(place(&name, stem))
        })
        .collect();

    // Two schools must never write the same file: refuse before writing.
    let mut seen: HashMap<String, &str> = HashMap::new();
    let mut clashes = Vec::new();
    for c in checked.iter().flatten() {
        let key = c.dir.join(&c.stem).to_string_lossy().to_lowercase();
        if let Some(first) = seen.insert(key, &c.school) {
            clashes.push(msg::batch_clash(first, &c.school, &c.stem));
        }
    }
    if !clashes.is_empty() {
        return Err(Error::Invalid(
            clashes.into_iter().map(Diagnostic::general).collect(),
        ));
    }

    // Pass 2: render and write, each school's files as soon as they are made.
    let results: Vec<SchoolResult> = district
        .schools
        .par_iter()
        .map(|school| {
            let checked = school
                .load(&district.base)
                .and_then(|l| validate::validate(&l))
                .map_err(|d| (school_name_hint(school, &district.base), d));
            let result = match checked {
                Err((name, errors)) => SchoolResult {
                    name,
                    files: Vec::new(),
                    errors,
                },
                Ok(spec) => {
                    let c = place(&spec.school, file_stem(&spec));
                    render_school(&spec, &c, out, formats, pipeline)
                }
            };
            progress(&result);
            result
        })
        .collect();

    let index = index_html(&district.path, &results, &pipeline.templates)?;
    write::write_atomic(&out.join("index.html"), index.as_bytes())?;
    Ok(results)
}

/// The school and the file stem from merged values, as validation will
/// read them; `None` where they are not valid (the school then fails).
fn names_of(value: &Value) -> Option<(String, String)> {
    // As validation reads it: a name YAML reads as a number is one too,
    // and two such schools must not write one file.
    let school = validate::as_text(value.get("school")?)?;
    let year = match value.get("year")? {
        Value::Number(n) => n.as_i64()?,
        Value::String(s) => s.parse().ok()?,
        _ => return None,
    };
    let period = match value.get("period") {
        None | Some(Value::Null) => crate::spec::Period::default(),
        Some(p) => crate::spec::Period::from_name(p.as_str()?)?,
    };
    let stem = safe_file_name(&crate::layout::title_for(&school, year as i32, period));
    Some((school, stem))
}

/// The school's name where it can be read even from a failed spec.
fn school_name_hint(school: &SchoolSource, base: &Loaded) -> String {
    school
        .load(base)
        .ok()
        .and_then(|l| {
            l.value
                .get("school")
                .and_then(Value::as_str)
                .map(str::to_string)
        })
        .unwrap_or_else(|| school.label())
}

fn render_school(
    spec: &Spec,
    c: &Checked,
    out: &Path,
    formats: &[Format],
    pipeline: &Pipeline,
) -> SchoolResult {
    let name = c.school.clone();
    let outputs = match pipeline.render(spec, formats) {
        Ok(o) => o,
        Err(e) => {
            return SchoolResult {
                name,
                files: Vec::new(),
                errors: e.problems().to_vec(),
            };
        }
    };
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for o in outputs {
        let path = c.dir.join(format!("{}.{}", c.stem, o.format.extension()));
        // Atomic, but not flushed file by file: see `write::Durability::Fast`.
        match write::write_file(&path, &o.bytes, write::Durability::Fast) {
            Ok(()) => files.push(path.strip_prefix(out).unwrap_or(&path).to_path_buf()),
            Err(e) => errors.extend_from_slice(e.problems()),
        }
    }
    SchoolResult {
        name,
        files,
        errors,
    }
}

/// The page listing every school with links to its files and its errors,
/// from the `index.html` template.
fn index_html(
    district: &Path,
    results: &[SchoolResult],
    templates: &crate::template::Templates,
) -> Result<String, Error> {
    #[derive(serde::Serialize)]
    struct Page {
        title: String,
        summary: String,
        headings: Headings,
        rows: Vec<Row>,
    }
    #[derive(serde::Serialize)]
    struct Headings {
        school: &'static str,
        files: &'static str,
        errors: &'static str,
    }
    #[derive(serde::Serialize)]
    struct Row {
        name: String,
        ok: bool,
        links: Vec<Link>,
        errors: Vec<String>,
    }
    #[derive(serde::Serialize)]
    struct Link {
        href: String,
        label: String,
    }
    let ok = results.iter().filter(|r| r.ok()).count();
    let rows = results
        .iter()
        .map(|r| Row {
            name: r.name.clone(),
            ok: r.ok(),
            links: r
                .files
                .iter()
                .map(|f| Link {
                    href: f
                        .components()
                        .map(|c| percent_encode(&c.as_os_str().to_string_lossy()))
                        .collect::<Vec<_>>()
                        .join("/"),
                    label: f
                        .extension()
                        .map(|e| e.to_string_lossy().to_uppercase())
                        .unwrap_or_default(),
                })
                .collect(),
            errors: r.errors.iter().map(|d| d.render(false)).collect(),
        })
        .collect();
    templates.index_page(&Page {
        title: msg::index_title(district.display()),
        summary: msg::batch_summary(results.len(), ok, results.len() - ok, None),
        headings: Headings {
            school: msg::index_school(),
            files: msg::index_files(),
            errors: msg::index_errors(),
        },
        rows,
    })
}

/// Percent-encode a path segment for an href (keeps letters, digits, CJK).
fn percent_encode(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            'A'..='Z' | 'a'..='z' | '0'..='9' | '-' | '_' | '.' | '~' => out.push(c),
            c if !c.is_ascii() => out.push(c),
            c => out.push_str(&format!("%{:02X}", c as u32)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe_everywhere() {
        assert_eq!(safe_file_name("礼河/实验:学校"), "礼河_实验_学校");
        assert_eq!(safe_file_name("../../etc"), "___etc");
        assert_eq!(safe_file_name("..."), "_");
        assert_eq!(safe_file_name("CON"), "_CON");
        assert_eq!(safe_file_name("com1.txt"), "_com1.txt");
        assert_eq!(safe_file_name("a\u{0}b"), "a_b");
        assert!(safe_file_name(&"很长".repeat(300)).len() <= 150);
    }
}

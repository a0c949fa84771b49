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
//!
//! One module per job: [`district`] reads the district file, [`roster`] the
//! table of schools, [`run`](mod@run) checks, renders and writes, [`naming`] makes
//! file names safe, and [`index`] writes the page that lists the results.

mod district;
mod index;
mod naming;
mod roster;
mod run;

use std::path::PathBuf;
use std::sync::Arc;

use crate::diag::Diagnostic;
use crate::load::{Cell, FieldPath, Loaded, Source, Table};
use crate::messages as msg;
use crate::render::Format;

pub use naming::{file_stem, safe_file_name};
pub use run::run;

/// A district file, read and checked.
pub struct District {
    /// The district file, as given: the paths it names are from its folder.
    pub path: PathBuf,
    /// The `base` spec, loaded (not yet validated): each school's values
    /// are merged over it.
    pub base: Loaded,
    /// Every school, the entries of `schools` first, then the roster's
    /// rows, in their order; one that is broken fails alone when run.
    pub schools: Vec<SchoolSource>,
    /// From the district file; `None` means every format.
    pub formats: Option<Vec<Format>>,
    /// What the user should know about a district that is read: columns of
    /// the roster left out.
    pub notices: Vec<Diagnostic>,
}

/// Where one school's own values come from.
pub enum SchoolSource {
    /// `schools[index]` of the district file, and the file it names with `spec:`.
    Entry {
        /// The path of the list, as its key was typed (`schools`, `学校`).
        list: FieldPath,
        /// The entry's place in the list, from 0.
        index: usize,
        /// The district file, whose entry holds the school's inline values.
        district: Arc<Source>,
        /// The school's own spec file, from `spec:`; the entry's inline
        /// values win over it.
        spec: Option<PathBuf>,
    },
    /// An entry of `schools` that cannot even be read as one (not a map,
    /// a bad `spec:`): the school fails with these, the others go on.
    Broken {
        /// How the school is named in messages: `schools[3]`.
        label: String,
        /// Why the entry cannot be read, the school's errors.
        errors: Vec<Diagnostic>,
    },
    /// One row of the roster.
    Row {
        /// The roster, for messages that point into it.
        table: Arc<Table>,
        /// The row's line in the file, from 1 (its row number in a
        /// workbook).
        line: usize,
        /// The row's non-blank cells, each a value for the field its
        /// header names.
        cells: Vec<Cell>,
    },
}

impl SchoolSource {
    /// How to name the school before its spec is known: `schools[2]` or `第 5 行`.
    pub fn label(&self) -> String {
        match self {
            SchoolSource::Entry { index, .. } => SchoolSource::entry_label(*index),
            SchoolSource::Broken { label, .. } => label.clone(),
            SchoolSource::Row { table, line, .. } => msg::roster_row(table.path.display(), *line),
        }
    }

    /// `message`, placed where the school is written: at its row of the
    /// roster, or at its entry of the district file.
    pub fn diagnostic(&self, message: msg::Message) -> Diagnostic {
        match self {
            SchoolSource::Entry {
                list,
                index,
                district,
                ..
            } => district.diagnostic(&list.index(*index), crate::load::Target::Value, message),
            SchoolSource::Row { table, line, .. } => Diagnostic::file_level(&table.path, message)
                .at_row(*line, 1, table.lines.get(line - 1).map(String::as_str)),
            SchoolSource::Broken { .. } => Diagnostic::general(message),
        }
    }

    /// `file:line` of the school, as messages name it.
    pub fn location(&self) -> String {
        match self {
            SchoolSource::Broken { label, .. } => label.clone(),
            _ => self
                // Only the place is kept; it is said in a clash.
                .diagnostic(msg::Message {
                    code: msg::Code::batch_clash,
                    text: String::new(),
                })
                .location(),
        }
    }

    /// `schools[3]`, for the entry at `index`.
    pub(super) fn entry_label(index: usize) -> String {
        format!("schools[{}]", index + 1)
    }

    pub(super) fn load(&self, base: &Loaded) -> Result<Loaded, Vec<Diagnostic>> {
        let own = match self {
            SchoolSource::Entry {
                list,
                index,
                district,
                spec,
            } => {
                let at = list.index(*index);
                let entry = district.value_at(&at).cloned().unwrap_or_default();
                let inline = Loaded::part_of(district.clone(), &at, &entry, &["spec"]);
                match spec {
                    Some(file) => Loaded::over(&Loaded::read(file)?, inline)?,
                    None => inline,
                }
            }
            SchoolSource::Row { table, line, cells } => {
                Loaded::from_cells(table.clone(), *line, cells)
            }
            SchoolSource::Broken { errors, .. } => return Err(errors.clone()),
        };
        Loaded::over(base, own)
    }
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
    /// Why the school failed; empty when it did not. A school can fail
    /// after some of its files were written (its PDF, made last, could not
    /// be): those are still in `files`.
    pub errors: Vec<Diagnostic>,
    /// What the school's secretary should know of a plan that was made (a
    /// 落款 dated today because the roster's cell was blank).
    pub notes: Vec<Diagnostic>,
    /// Where its PDF goes, while it waits for the batch's LibreOffice run.
    pub pdf: Option<PathBuf>,
}

impl SchoolResult {
    /// A school that failed with `errors`: nothing of it was written.
    pub fn failed(name: String, errors: Vec<Diagnostic>) -> SchoolResult {
        SchoolResult {
            name,
            files: Vec::new(),
            errors,
            notes: Vec::new(),
            pdf: None,
        }
    }

    /// Whether the school's plan was made without an error.
    pub fn ok(&self) -> bool {
        self.errors.is_empty()
    }
}

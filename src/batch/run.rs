//! The run: check every school, refuse clashing file names, then render and
//! write each school's files in parallel.

use crate::spec::Choice as _;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde_yaml::Value;

use super::index::index_html;
use super::naming::{file_stem, safe_file_name};
use super::{District, Placement, SchoolResult, SchoolSource};
use crate::diag::Diagnostic;
use crate::load::Loaded;
use crate::messages as msg;
use crate::pdf::Pdfs;
use crate::render::Format;
use crate::spec::Spec;
use crate::{Error, Pipeline, validate, write};

/// A school checked in the first pass: only where its files go. Its spec
/// is loaded again when it is rendered, so memory does not grow with the
/// number of schools (loading is a small part of the time).
struct Checked {
    school: String,
    stem: String,
    dir: PathBuf,
}

/// Run a whole batch: check every school, then render and write the good
/// ones. `progress` is called once per school as it finishes. With PDF
/// among the formats, every school's DOCX is converted at the end in one
/// LibreOffice run; the error beside the results is that run's, when it
/// could make no PDF at all (the other files are written all the same).
pub fn run(
    district: &District,
    out: &Path,
    formats: &[Format],
    placement: Placement,
    pipeline: &Pipeline,
    progress: &(dyn Fn(&SchoolResult) + Sync),
) -> Result<(Vec<SchoolResult>, Option<Error>), Error> {
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

    // No LibreOffice is no reason to write no plans: the other formats
    // are written, and why there is no PDF is returned beside them.
    let (pdfs, mut pdf_failed) = match formats.contains(&Format::Pdf) {
        true => match Pdfs::new() {
            Ok(p) => (Some(p), None),
            Err(e) => (None, Some(e)),
        },
        false => (None, None),
    };
    // Pass 2: render and write, each school's files as soon as they are made.
    let mut results: Vec<SchoolResult> = district
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
                    pdf: None,
                },
                Ok(spec) => {
                    let c = place(&spec.school, file_stem(&spec));
                    render_school(&spec, &c, out, formats, pipeline, pdfs.as_ref())
                }
            };
            progress(&result);
            result
        })
        .collect();

    // The PDFs, all in one LibreOffice run, each given to its school.
    if let Some(pdfs) = pdfs {
        match pdfs.convert(write::Durability::Fast) {
            Err(e) => pdf_failed = Some(e),
            Ok(made) => {
                let school_of: HashMap<PathBuf, usize> = results
                    .iter()
                    .enumerate()
                    .flat_map(|(i, r)| r.pdf.iter().map(move |p| (p.clone(), i)))
                    .collect();
                for (path, result) in made {
                    let Some(&i) = school_of.get(&path) else {
                        continue;
                    };
                    match result {
                        Ok(()) => results[i]
                            .files
                            .push(path.strip_prefix(out).unwrap_or(&path).to_path_buf()),
                        Err(e) => results[i].errors.extend_from_slice(e.problems()),
                    }
                }
            }
        }
    }

    let index = index_html(&district.path, &results, &pipeline.templates)?;
    write::write_atomic(&out.join("index.html"), index.as_bytes())?;
    Ok((results, pdf_failed))
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
    pdfs: Option<&Pdfs>,
) -> SchoolResult {
    let name = c.school.clone();
    let path_of = |format: Format| c.dir.join(format!("{}.{}", c.stem, format.extension()));
    // Atomic, but not flushed file by file: see `write::Durability::Fast`.
    let written = match pipeline.write_as(spec, formats, pdfs, write::Durability::Fast, path_of) {
        Ok(w) => w,
        Err(e) => {
            return SchoolResult {
                name,
                files: Vec::new(),
                errors: e.problems().to_vec(),
                pdf: None,
            };
        }
    };
    let mut files = Vec::new();
    let mut errors = Vec::new();
    // The PDF is made at the run's end, unless queueing it failed.
    let pdf_path = path_of(Format::Pdf);
    let mut pdf = (pdfs.is_some() && formats.contains(&Format::Pdf)).then(|| pdf_path.clone());
    for (path, result) in written {
        match result {
            Ok(()) => files.push(path.strip_prefix(out).unwrap_or(&path).to_path_buf()),
            Err(e) => {
                if path == pdf_path {
                    pdf = None;
                }
                errors.extend_from_slice(e.problems());
            }
        }
    }
    SchoolResult {
        name,
        files,
        errors,
        pdf,
    }
}

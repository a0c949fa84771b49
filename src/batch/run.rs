//! The run: check every school, refuse clashing file names, then render and
//! write each school's files in parallel.

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

/// A school checked in the first pass: where its files go, made once from
/// its checked plan, and used both to refuse clashes and to write. Nothing
/// else is kept: its spec is loaded again when it is rendered, so memory
/// does not grow with the number of schools (loading is a small part of
/// the time).
struct Checked {
    school: String,
    stem: String,
    dir: PathBuf,
    /// The files its plan was read from, which no output may replace.
    files: Vec<PathBuf>,
}

impl Checked {
    fn of(spec: &Spec, out: &Path, placement: Placement) -> Checked {
        Checked {
            school: spec.school.clone(),
            stem: file_stem(spec),
            files: (spec.files.iter().chain(&spec.style.reference_doc))
                .cloned()
                .collect(),
            dir: match placement {
                Placement::PerSchool => out.join(safe_file_name(&spec.school)),
                Placement::Flat => out.to_path_buf(),
            },
        }
    }

    /// Where its file in `format` goes: the one name both checked for
    /// clashes and given to [`Pipeline::write_as`].
    fn path_of(&self, format: Format) -> PathBuf {
        self.dir
            .join(format!("{}.{}", self.stem, format.extension()))
    }
}

/// Run a whole batch: check every school, then render and write the good
/// ones. `progress` is called once per school as it finishes. With PDF
/// among the formats, every school's DOCX is converted at the end in one
/// LibreOffice run; the error beside the results is that run's, when it
/// could make no PDF at all (the other files are written all the same).
///
/// Its messages are in the language of the thread that calls it
/// ([`messages::speaking`](crate::messages::speaking)), which its workers
/// take on; a caller that runs it inside a thread pool's `install` chooses
/// the language again in there.
pub fn run(
    district: &District,
    out: &Path,
    formats: &[Format],
    placement: Placement,
    pipeline: &Pipeline,
    progress: &(dyn Fn(&SchoolResult) + Sync),
) -> Result<(Vec<SchoolResult>, Option<Error>), Error> {
    // The workers speak the caller's language (`messages::speaking`).
    let lang = crate::messages::lang();
    let mut checked = check_all(district, out, placement, lang);
    refuse_clashes(district, out, formats, &mut checked);
    let index = out.join("index.html");
    refuse_inputs(district, pipeline, &checked, formats, &index)?;

    // No LibreOffice is no reason to write no plans: the other formats
    // are written, and why there is no PDF is returned beside them.
    let (pdfs, mut pdf_failed) = match formats.contains(&Format::Pdf) {
        true => match Pdfs::new() {
            Ok(p) => (Some(p), None),
            Err(e) => (None, Some(e)),
        },
        false => (None, None),
    };
    // Pass 2: render and write, each school's files as soon as they are
    // made, under the names pass 1 checked.
    let mut results: Vec<SchoolResult> = district
        .schools
        .par_iter()
        .zip(checked)
        .map(|(school, checked)| {
            crate::messages::speaking(lang, || {
                let result = match checked {
                    Err(failed) => failed,
                    Ok(c) => match school
                        .load(&district.base)
                        .and_then(|l| validate::validate(&l))
                    {
                        Ok(spec) => render_school(&spec, &c, out, formats, pipeline, pdfs.as_ref()),
                        Err(errors) => SchoolResult::failed(c.school, errors),
                    },
                };
                progress(&result);
                result
            })
        })
        .collect();

    if let Some(pdfs) = pdfs {
        if let Err(e) = convert_pdfs(pdfs, out, &mut results) {
            pdf_failed = Some(e);
        }
    }

    let page = index_html(&district.path, &results, &pipeline.templates)?;
    write::write_atomic(&index, page.as_bytes())?;
    Ok((results, pdf_failed))
}

/// Pass 1: check each school as it will be rendered, and name its files
/// from the checked plan. (Names worked out from the raw values, apart
/// from validation, missed what validation reads differently: a school
/// with `year: 2025年` was left out of the clash check and its plan
/// silently replaced another's.) A school that fails keeps its errors.
fn check_all(
    district: &District,
    out: &Path,
    placement: Placement,
    lang: crate::messages::Lang,
) -> Vec<Result<Checked, SchoolResult>> {
    district
        .schools
        .par_iter()
        .map(|school| {
            crate::messages::speaking(lang, || {
                school
                    .load(&district.base)
                    .and_then(|l| validate::validate(&l))
                    .map(|spec| Checked::of(&spec, out, placement))
                    .map_err(|errors| {
                        SchoolResult::failed(school_name_hint(school, &district.base), errors)
                    })
            })
        })
        .collect()
}

/// Two schools must never write the same file: both are refused, each
/// told where the other is (a school listed twice, or two names that
/// make one file), and the others go on. Names that differ only in
/// case are one file on Windows and macOS.
fn refuse_clashes(
    district: &District,
    out: &Path,
    formats: &[Format],
    checked: &mut [Result<Checked, SchoolResult>],
) {
    let outputs: Vec<(usize, PathBuf)> = (checked.iter().enumerate())
        .filter_map(|(i, c)| Some((i, c.as_ref().ok()?)))
        .flat_map(|(i, c)| formats.iter().map(move |&f| (i, c.path_of(f))))
        .collect();
    let clashes = write::clashes(&outputs);
    let mut refused: HashMap<usize, Vec<Diagnostic>> = HashMap::new();
    for (a, b, path) in clashes {
        let shown = path
            .strip_prefix(out)
            .unwrap_or(&path)
            .to_string_lossy()
            .into_owned();
        for (me, other) in [(a, b), (b, a)] {
            let (Ok(mine), Ok(theirs)) = (&checked[me], &checked[other]) else {
                continue;
            };
            let m = msg::batch_clash(
                &mine.school,
                &theirs.school,
                &district.schools[other].location(),
                &shown,
            );
            refused
                .entry(me)
                .or_default()
                .push(district.schools[me].diagnostic(m));
        }
    }
    for (i, errors) in refused {
        let name = checked[i]
            .as_ref()
            .map_or_else(|r| r.name.clone(), |c| c.school.clone());
        checked[i] = Err(SchoolResult::failed(name, errors));
    }
}

/// Refuses the run if a file it writes (each checked school's, and the
/// `index` page) would replace one it reads: the district file, its base,
/// its roster, a school's own spec, a Word template, a user template.
fn refuse_inputs(
    district: &District,
    pipeline: &Pipeline,
    checked: &[Result<Checked, SchoolResult>],
    formats: &[Format],
    index: &Path,
) -> Result<(), Error> {
    let mut inputs = write::Inputs::new();
    inputs.add(&district.path);
    for path in (district.base.sources.iter().map(|s| &s.path))
        .chain(district.base.tables.iter().map(|t| &t.path))
        .chain(checked.iter().flatten().flat_map(|c| &c.files))
        .chain(&pipeline.reference_doc)
        .chain(pipeline.templates.files())
    {
        inputs.add(path);
    }
    let outputs: Vec<PathBuf> = (checked.iter().flatten())
        .flat_map(|c| formats.iter().map(|&f| c.path_of(f)))
        .chain([index.to_path_buf()])
        .collect();
    inputs.check(outputs.iter().map(PathBuf::as_path))
}

/// The PDFs, all in one LibreOffice run, each given to its school in
/// `results`: as a file written, or as its errors. The error is the run's,
/// when it could make no PDF at all.
fn convert_pdfs(pdfs: Pdfs, out: &Path, results: &mut [SchoolResult]) -> Result<(), Error> {
    let made = pdfs.convert(write::Durability::Fast)?;
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
    Ok(())
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
    let path_of = |format: Format| c.path_of(format);
    // Atomic, but not flushed file by file: see `write::Durability::Fast`.
    let written = match pipeline.write_as(spec, formats, pdfs, write::Durability::Fast, path_of) {
        Ok(w) => w,
        Err(e) => {
            return SchoolResult::failed(name, e.problems().to_vec());
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
        notes: spec.undated_notice(pipeline.today).into_iter().collect(),
        pdf,
    }
}

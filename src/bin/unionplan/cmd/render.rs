//! `unionplan render`: specs into files.

use std::path::{Path, PathBuf};

use unionplan::diag::Diagnostic;
use unionplan::pdf::Pdfs;
use unionplan::render::Format;
use unionplan::{Error, Pipeline, load_spec, messages, write};

use super::{Outcome, reported, templates, today};
use crate::args::RenderArgs;
use crate::output::{report, say, show, warn};

pub fn run(a: RenderArgs) -> Outcome {
    let mut pipeline = Pipeline::new(templates(a.templates.as_deref())?, today());
    pipeline.reference_doc = reference_doc(a.reference_doc)?;
    let mut formats = a.formats;
    formats.sort();
    formats.dedup();
    check_clashes(&a.specs, &a.output, &formats)?;
    // Every spec is read before anything is written: the files they extend
    // and the Word templates they name are inputs no output may replace.
    let specs: Vec<_> = a.specs.iter().map(|p| (p, load_spec(p))).collect();
    let mut inputs = write::Inputs::new();
    for path in (a.specs.iter()).chain(&pipeline.reference_doc) {
        inputs.add(path);
    }
    for path in pipeline.templates.files() {
        inputs.add(path);
    }
    for spec in specs.iter().filter_map(|(_, s)| s.as_ref().ok()) {
        inputs.add_spec(spec);
    }
    // Only a spec that was read writes anything (a Word file given by
    // mistake is told to use `import`, below).
    let outputs: Vec<PathBuf> = (specs.iter().filter(|(_, s)| s.is_ok()))
        .flat_map(|(spec, _)| {
            formats
                .iter()
                .map(|&f| write::output_path(&a.output, spec, f))
        })
        .collect();
    inputs.check(outputs.iter().map(PathBuf::as_path))?;
    // The DOCX of every plan waits here to become its PDF, all in one
    // LibreOffice run at the end.
    let (pdfs, no_pdfs) = start_pdfs(&formats);
    let mut all_ok = true;
    for (spec_path, spec) in specs {
        let written = spec.and_then(|spec| {
            warn(&spec, pipeline.today);
            pipeline.write(&spec, spec_path, &a.output, &formats, pdfs.as_ref())
        });
        let written = match written {
            Ok(w) => w,
            Err(e) => {
                report(&e);
                say(messages::nothing_written(spec_path.display()));
                all_ok = false;
                continue;
            }
        };
        for (path, result) in written {
            match result {
                Ok(()) => say(messages::wrote(path.display())),
                Err(e) => {
                    report(&e);
                    all_ok = false;
                }
            }
        }
    }
    if let Some(pdfs) = pdfs {
        all_ok &= convert(pdfs, write::Durability::Durable, &formats);
    }
    if let Some(e) = no_pdfs {
        pdf_failed(&e, &formats);
        all_ok = false;
    }
    reported(all_ok)
}

/// The PDFs of a run, if asked for; or, where LibreOffice is missing, why
/// not, to be said once at the end: the other formats are written anyway.
pub fn start_pdfs(formats: &[Format]) -> (Option<Pdfs>, Option<Error>) {
    if !formats.contains(&Format::Pdf) {
        return (None, None);
    }
    match Pdfs::new() {
        Ok(p) => (Some(p), None),
        Err(e) => (None, Some(e)),
    }
}

/// Say why no PDF was made, and that the other files were.
pub fn pdf_failed(e: &Error, formats: &[Format]) {
    report(e);
    if formats.iter().any(|f| *f != Format::Pdf) {
        say(messages::pdf_others_written().to_string());
    }
}

/// The reference document of `--reference-doc`, read now: a file that is
/// no DOCX stops the run before anything is written, naming the file.
pub fn reference_doc(path: Option<PathBuf>) -> Result<Option<PathBuf>, Error> {
    let Some(path) = path else { return Ok(None) };
    let template = unionplan::reference::load(&path)?;
    let warnings: Vec<Diagnostic> = template
        .warnings(&path.display().to_string())
        .into_iter()
        .map(|(warning, help)| {
            let mut d = Diagnostic::file_level(&path, warning).as_warning();
            d.help = help;
            d
        })
        .collect();
    if !warnings.is_empty() {
        show(&warnings);
    }
    Ok(Some(path))
}

/// Make the queued PDFs and say what became of each; false if any failed.
pub fn convert(pdfs: Pdfs, durability: write::Durability, formats: &[Format]) -> bool {
    match pdfs.convert(durability) {
        Err(e) => {
            pdf_failed(&e, formats);
            false
        }
        Ok(made) => {
            let mut ok = true;
            for (path, result) in made {
                match result {
                    Ok(()) => say(messages::wrote(path.display())),
                    Err(e) => {
                        report(&e);
                        ok = false;
                    }
                }
            }
            ok
        }
    }
}

/// Refuse, before anything is written, outputs that would overwrite each
/// other (`a/plan.yaml` and `b/plan.yaml` both give `out/plan.docx`).
fn check_clashes(specs: &[PathBuf], out: &Path, formats: &[Format]) -> Result<(), Error> {
    // A spec given twice is one owner: it renders once, without complaint.
    let owner = |spec: &PathBuf| specs.iter().position(|s| s == spec).unwrap_or(0);
    let outputs: Vec<(usize, PathBuf)> = (specs.iter())
        .flat_map(|spec| {
            let i = owner(spec);
            formats
                .iter()
                .map(move |&f| (i, write::output_path(out, spec, f)))
        })
        .collect();
    let problems: Vec<_> = write::clashes(&outputs)
        .into_iter()
        .map(|(a, b, path)| {
            messages::render_clash(specs[a].display(), specs[b].display(), path.display())
        })
        .collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::Invalid(
            problems.into_iter().map(Diagnostic::general).collect(),
        ))
    }
}

//! unionplan turns a YAML plan spec into a school trade-union work plan
//! (学校工会工作计划) as DOCX, Markdown and HTML.
//!
//! The pipeline, one module per stage:
//!
//! 1. [`load`]: read the file, parse YAML, keep the text for locating errors;
//! 2. [`validate`]: check everything and build the typed [`spec::Spec`];
//! 3. [`layout`]: number sections and measures, build titles and dates;
//! 4. [`render`]: the layout template ([`template`]) writes Markdown, which
//!    is read back as blocks ([`blocks`]) and typeset as DOCX and HTML;
//! 5. [`write`](mod@write): put each file in place atomically.
//!
//! [`Pipeline`] runs stages 3–4 for a checked spec; [`load_spec`] runs 1–2.
//! [`import`] goes the other way: an existing plan (DOCX, HTML, Markdown,
//! text) into a spec.
//!
//! The names a caller needs most are here at the top: [`Pipeline`],
//! [`load_spec`], [`parse_spec`], [`Spec`], [`Format`], [`Templates`],
//! [`Error`], [`Diagnostic`], [`Code`] and [`Lang`]; the modules hold the
//! rest of each stage.
//!
//! # Errors
//!
//! Two shapes, one inside the other. A problem a user must fix is a
//! [`Diagnostic`]: its stable [`Code`], its place (file, line, column,
//! field) where it has one, and its sentence in the caller's language
//! ([`messages::speaking`]). A stage that finds several returns them all
//! (`Vec<Diagnostic>`: loading and validation); a run that stops returns an
//! [`Error`], whose variants say whose fix it needs and each hold
//! diagnostics ([`Error::problems`]). Readers inside the crate keep reasons
//! of their own (a file refused by the guarded reader, a zip that is no
//! package) and turn them into diagnostics where the file is known, so
//! none of those reaches a caller.

#![allow(rustdoc::private_intra_doc_links)]
#![warn(missing_docs)]

pub mod app;
pub mod batch;
pub mod blocks;
pub(crate) mod calendar;
pub(crate) mod dates;
pub mod diag;
pub mod diff;
pub mod import;
pub mod init;
pub(crate) mod input;
pub mod layout;
pub mod load;
pub(crate) mod markup;
pub mod messages;
pub mod numerals;
mod ooxml;
pub(crate) mod package;
pub(crate) mod page;
pub mod pdf;
pub(crate) mod placeholder;
pub mod preview;
pub mod reference;
pub mod render;
pub mod rollover;
pub mod schema;
mod server;
pub mod spec;
pub mod template;
pub(crate) mod text;
pub mod validate;
pub mod write;
pub(crate) mod xml;

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};

use crate::blocks::Document;
pub use crate::diag::Diagnostic;
use crate::load::Loaded;
use crate::load::Source;
pub use crate::messages::{Code, Lang};
pub use crate::render::Format;
use crate::render::{Meta, Typeset};
pub use crate::spec::Spec;
pub use crate::template::Templates;

/// Everything that can go wrong, by whose fix it needs. Every variant holds
/// [`Diagnostic`]s, the one shape of a problem a user must fix: each has a
/// stable `code`, a place where there is one, and its sentence in the
/// caller's language.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The spec (or roster, or imported file) has problems; each is located
    /// in its file.
    #[error("{}", render_all(.0))]
    Invalid(Vec<Diagnostic>),
    /// A template does not compile or render.
    #[error("{}", .0.message)]
    Template(Box<Diagnostic>),
    /// A format could not be produced, or rollover made a spec that would
    /// not load: unionplan's own fault, not the user's.
    #[error("{}", .0.message)]
    Render(Box<Diagnostic>),
    /// A file could not be written (what was there is untouched), or the
    /// workbench could not serve its folder (not a folder, no port free).
    /// `source` keeps the system's error for callers of the library.
    #[error("{}", .problem.message)]
    Write {
        /// What could not be written, and why, for the user.
        problem: Box<Diagnostic>,
        /// The system's error, where there was one.
        #[source]
        source: Option<std::io::Error>,
    },
}

impl Error {
    /// A template problem: the message says which template.
    pub fn template(message: messages::Message) -> Error {
        Error::Template(Box::new(Diagnostic::general(message)))
    }

    /// A format that could not be made.
    pub fn render(message: messages::Message) -> Error {
        Error::Render(Box::new(Diagnostic::general(message)))
    }

    /// A write that failed (or was refused) for a reason other than a
    /// system error.
    pub fn write(message: messages::Message) -> Error {
        Error::Write {
            problem: Box::new(Diagnostic::general(message)),
            source: None,
        }
    }

    /// A write the system refused.
    pub fn io(message: messages::Message, source: std::io::Error) -> Error {
        Error::Write {
            problem: Box::new(Diagnostic::general(message)),
            source: Some(source),
        }
    }

    /// The problems, one or many, to report.
    pub fn problems(&self) -> &[Diagnostic] {
        match self {
            Error::Invalid(diags) => diags,
            Error::Template(d) | Error::Render(d) | Error::Write { problem: d, .. } => {
                std::slice::from_ref(d)
            }
        }
    }
}

fn render_all(diags: &[Diagnostic]) -> String {
    diags
        .iter()
        .map(|d| d.render(false))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Read and check one spec file, with everything it `extends`.
pub fn load_spec(path: &Path) -> Result<Spec, Error> {
    let loaded = Loaded::read(path).map_err(Error::Invalid)?;
    validate::validate(&loaded).map_err(Error::Invalid)
}

/// Read and check a spec given as text; `name` is used in messages and to
/// find the files it `extends`.
pub fn parse_spec(name: &Path, text: &str) -> Result<Spec, Error> {
    let source = Source::from_text(name, text.to_string()).map_err(Error::Invalid)?;
    let loaded = Loaded::from_source(source).map_err(Error::Invalid)?;
    validate::validate(&loaded).map_err(Error::Invalid)
}

/// Lays out and renders checked specs with one set of templates.
pub struct Pipeline {
    /// The layout and page templates, built-in or the user's.
    pub templates: Templates,
    /// The signature date of specs that give none.
    pub today: NaiveDate,
    /// The time files are made, for the DOCX properties: now, or
    /// `SOURCE_DATE_EPOCH` where that is set, for reproducible files.
    pub now: DateTime<Utc>,
    /// A reference document for every plan (`--reference-doc`), instead
    /// of any a spec names.
    pub reference_doc: Option<std::path::PathBuf>,
}

/// Each file [`Pipeline::write`] put in place, or why it could not.
pub type Written = Vec<(std::path::PathBuf, Result<(), Error>)>;

/// One rendered file, in memory.
pub struct Output {
    /// The file's format.
    pub format: Format,
    /// The file's content.
    pub bytes: Vec<u8>,
}

impl Pipeline {
    /// A pipeline with `templates` that dates undated plans `today`. Files
    /// are stamped now, or at `SOURCE_DATE_EPOCH` where that is set; no
    /// reference document is set for every plan.
    pub fn new(templates: Templates, today: NaiveDate) -> Pipeline {
        let now = std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|s| s.trim().parse::<i64>().ok())
            .and_then(|secs| DateTime::from_timestamp(secs, 0))
            .unwrap_or_else(Utc::now);
        Pipeline {
            templates,
            today,
            now,
            reference_doc: None,
        }
    }

    /// The plan as written by the layout template.
    pub fn markdown(&self, spec: &Spec) -> Result<String, Error> {
        let plan = layout::lay_out(spec, self.today);
        self.templates.markdown(&plan)
    }

    /// Render `spec` in each of `formats` that unionplan typesets (not
    /// [`Format::Pdf`], which [`pdf::Pdfs`] makes from the DOCX). Nothing
    /// is written: a failure in any format leaves no partial set of files
    /// behind.
    pub fn render(&self, spec: &Spec, formats: &[Format]) -> Result<Vec<Output>, Error> {
        self.typeset(spec, |input| {
            formats
                .iter()
                .filter_map(|&format| Some((format, format.renderer()?)))
                .map(|(format, renderer)| {
                    Ok(Output {
                        format,
                        bytes: renderer.render(input)?,
                    })
                })
                .collect()
        })?
    }

    /// Render `spec` (read from `spec_path`) in `formats` and put each file
    /// in `out_dir`, named after the spec ([`write::output_path`]), as
    /// `render` and the workbench write a plan. See [`Pipeline::write_as`].
    pub fn write(
        &self,
        spec: &Spec,
        spec_path: &Path,
        out_dir: &Path,
        formats: &[Format],
        pdfs: Option<&pdf::Pdfs>,
    ) -> Result<Written, Error> {
        self.write_as(spec, formats, pdfs, write::Durability::Durable, |format| {
            write::output_path(out_dir, spec_path, format)
        })
    }

    /// Render `spec` in `formats` and put each file at `path_of(format)`,
    /// atomically, with `durability`: the one way a plan's files are
    /// written, for `render`, `batch` (each school's file names, and
    /// [`write::Durability::Fast`]) and the workbench. Where `formats` asks
    /// for a PDF, the DOCX goes to `pdfs`, which makes every PDF of the run
    /// at its end. No file is written over one the plan was made from (its
    /// spec, the files it extends, its roster, its Word template, the user's
    /// templates): such a name is refused before anything is written.
    /// Returns each file written, or why not; an `Err` means nothing was
    /// written (the spec did not render, or an output was an input).
    pub fn write_as(
        &self,
        spec: &Spec,
        formats: &[Format],
        pdfs: Option<&pdf::Pdfs>,
        durability: write::Durability,
        path_of: impl Fn(Format) -> std::path::PathBuf,
    ) -> Result<Written, Error> {
        let mut inputs = write::Inputs::new();
        inputs.add_spec(spec);
        for path in self.reference_doc.iter().chain(self.templates.files()) {
            inputs.add(path);
        }
        let targets: Vec<_> = formats.iter().map(|&f| path_of(f)).collect();
        inputs.check(targets.iter().map(std::path::PathBuf::as_path))?;
        let outputs = self.render(spec, &Format::to_render(formats))?;
        let mut written = Vec::new();
        for o in outputs {
            if o.format == Format::Docx {
                if let Some(pdfs) = pdfs {
                    let target = path_of(Format::Pdf);
                    if let Err(e) = pdfs.add(&o.bytes, target.clone()) {
                        written.push((target, Err(e)));
                    }
                }
                if !formats.contains(&Format::Docx) {
                    continue;
                }
            }
            let path = path_of(o.format);
            let result = write::write_file(&path, &o.bytes, durability);
            written.push((path, result));
        }
        Ok(written)
    }

    /// `new` as a DOCX, typeset as `render` typesets it, whose differences
    /// from `old` are Word's tracked changes (修订), made by the new plan's
    /// signing union at the pipeline's time: accepting them all gives
    /// `new`, rejecting them all gives `old`. What `unionplan diff --docx`
    /// writes.
    pub fn tracked_changes(&self, old: &Spec, new: &Spec) -> Result<Vec<u8>, Error> {
        let old_doc = Document::from_markdown(&self.markdown(old)?);
        self.typeset(new, |input| render::tracked_changes(&old_doc, input))?
    }

    /// Lays out `spec`, writes it through the layout template, and hands
    /// the result, ready to typeset, to `f`.
    fn typeset<R>(&self, spec: &Spec, f: impl FnOnce(&Typeset) -> R) -> Result<R, Error> {
        let plan = layout::lay_out(spec, self.today);
        let markdown = self.templates.markdown(&plan)?;
        let doc = Document::from_markdown(&markdown);
        let title = doc.title();
        let meta = Meta {
            title: &title,
            author: &plan.signature.org,
            created: self.now,
        };
        let style = match &self.reference_doc {
            Some(path) => std::borrow::Cow::Owned(spec::Style {
                reference_doc: Some(path.clone()),
                ..spec.style.clone()
            }),
            None => std::borrow::Cow::Borrowed(&spec.style),
        };
        Ok(f(&Typeset {
            markdown: &markdown,
            doc: &doc,
            style: &style,
            templates: &self.templates,
            meta: &meta,
        }))
    }
}

//! Stage 4 of the pipeline: typeset a plan in each output format.
//!
//! Every format implements [`Renderer`] and receives the same [`Typeset`]:
//! the Markdown written by the layout template and that Markdown read back
//! as blocks ([`Document`]). Adding a format means adding a module here and
//! a variant to [`Format`]; the layout itself is never written again.

mod docx;
pub(crate) mod html;
mod markdown;

use std::fmt;

use crate::Error;
use crate::blocks::Document;
use crate::spec::Style;
use crate::template::Templates;

pub use self::docx::{Docx, tracked_changes};
pub use self::html::Html;
pub use self::markdown::Markdown;

/// What every renderer is given.
pub struct Typeset<'a> {
    /// The plan as written by the layout template.
    pub markdown: &'a str,
    /// The same, read back as blocks.
    pub doc: &'a Document,
    /// The spec's fonts, sizes and layouts.
    pub style: &'a Style,
    /// The templates, for formats set in a page template (HTML).
    pub templates: &'a Templates,
    /// What the file says about itself.
    pub meta: &'a Meta<'a>,
}

/// What a file says about itself: Word's document properties.
pub struct Meta<'a> {
    /// The plan's title.
    pub title: &'a str,
    /// Who wrote the plan: the signing union (落款).
    pub author: &'a str,
    /// When the file was made.
    pub created: chrono::DateTime<chrono::Utc>,
}

/// One output format.
pub trait Renderer {
    /// The format it makes.
    fn format(&self) -> Format;
    /// The file's bytes.
    fn render(&self, input: &Typeset) -> Result<Vec<u8>, Error>;
}

/// A kind of file a plan is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// A Word document (`.docx`).
    Docx,
    /// The Markdown the layout template writes (`.md`).
    Markdown,
    /// A web page (`.html`).
    Html,
    /// The DOCX converted by LibreOffice ([`crate::pdf`]); asked for by
    /// name only, never by default.
    Pdf,
}

impl Format {
    /// The formats written by default: those unionplan typesets itself.
    pub const ALL: [Format; 3] = [Format::Docx, Format::Markdown, Format::Html];

    /// The file extension, also the name used on the command line.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Pdf => "pdf",
        }
    }

    /// The format named `name` on the command line: its extension or
    /// another name for it (`word`, `markdown`, `htm`), in any case.
    pub fn from_name(name: &str) -> Option<Format> {
        match name.trim().to_ascii_lowercase().as_str() {
            "docx" | "word" => Some(Format::Docx),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "pdf" => Some(Format::Pdf),
            _ => None,
        }
    }

    /// The renderer of a format unionplan typesets itself; a PDF has none:
    /// it is made from the DOCX, after rendering, by [`crate::pdf::Pdfs`].
    pub fn renderer(self) -> Option<&'static dyn Renderer> {
        match self {
            Format::Docx => Some(&Docx),
            Format::Markdown => Some(&Markdown),
            Format::Html => Some(&Html),
            Format::Pdf => None,
        }
    }

    /// The formats to render for `wanted`: a PDF needs the DOCX.
    pub fn to_render(wanted: &[Format]) -> Vec<Format> {
        let mut out: Vec<Format> = wanted
            .iter()
            .map(|&f| if f == Format::Pdf { Format::Docx } else { f })
            .collect();
        out.sort();
        out.dedup();
        out
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

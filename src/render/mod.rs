//! Stage 4 of the pipeline: typeset a plan in each output format.
//!
//! Every format implements [`Renderer`] and receives the same [`Typeset`]:
//! the Markdown written by the layout template and that Markdown read back
//! as blocks ([`Document`]). Adding a format means adding a module here and
//! a variant to [`Format`]; the layout itself is never written again.

mod docx;
mod html;
mod markdown;

use std::fmt;

use crate::Error;
use crate::doc::Document;
use crate::spec::Style;
use crate::template::Templates;

pub use self::docx::Docx;
pub use self::html::Html;
pub use self::markdown::Markdown;

/// What every renderer is given.
pub struct Typeset<'a> {
    /// The plan as written by the layout template.
    pub markdown: &'a str,
    /// The same, read back as blocks.
    pub doc: &'a Document,
    pub style: &'a Style,
    pub templates: &'a Templates,
}

/// One output format.
pub trait Renderer {
    fn format(&self) -> Format;
    /// The file's bytes.
    fn render(&self, input: &Typeset) -> Result<Vec<u8>, Error>;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    Docx,
    Markdown,
    Html,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Docx, Format::Markdown, Format::Html];

    /// The file extension, also the name used on the command line.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Markdown => "md",
            Format::Html => "html",
        }
    }

    pub fn from_name(name: &str) -> Option<Format> {
        match name.trim().to_ascii_lowercase().as_str() {
            "docx" | "word" => Some(Format::Docx),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }

    pub fn renderer(self) -> &'static dyn Renderer {
        match self {
            Format::Docx => &Docx,
            Format::Markdown => &Markdown,
            Format::Html => &Html,
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

/// `text` escaped for HTML content and attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    html::escape_into(&mut out, text);
    out
}

/// A4 in twips (1/20 pt), and the GB/T 9704 margins.
pub const PAGE_WIDTH: u32 = 11906;
pub const PAGE_HEIGHT: u32 = 16838;
pub const MARGIN_TOP: u32 = 2098;
pub const MARGIN_BOTTOM: u32 = 1985;
pub const MARGIN_LEFT: u32 = 1588;
pub const MARGIN_RIGHT: u32 = 1474;

/// The exact line spacing that fits `lines_per_page` lines in the text block:
/// 22 lines give 579 twips (28.95 pt), GB/T 9704's value.
pub fn line_pitch_twips(style: &Style) -> u32 {
    (PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM) / style.lines_per_page.max(1)
}

/// Extra space after each character of body text, in twips, so that a
/// whole number of characters fills the line: GB/T 9704's 28 characters of
/// 3号 (16 pt) in 156 mm need −5 (−0.25 pt). A character grid would do
/// this in Word, but LibreOffice then sets only about 14 characters a line.
pub fn char_spacing_twips(style: &Style) -> i32 {
    let width = (PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT) as f64;
    let size = style.body_size * 20.0;
    let chars = (width / size).round().max(1.0);
    (width / chars).floor() as i32 - size.round() as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbt9704_line_pitch() {
        assert_eq!(line_pitch_twips(&Style::default()), 579);
    }

    #[test]
    fn twenty_eight_characters_a_line() {
        let style = Style::default();
        let spacing = char_spacing_twips(&style);
        assert_eq!(spacing, -5);
        let per_char = 320 + spacing;
        assert_eq!(
            (PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT) as i32 / per_char,
            28
        );
    }
}

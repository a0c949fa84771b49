//! Markdown: the layout template's output, as it is.

use super::{Format, Renderer, Typeset};
use crate::Error;

/// The Markdown renderer: the layout template's output, unchanged.
pub struct Markdown;

impl Renderer for Markdown {
    fn format(&self) -> Format {
        Format::Markdown
    }

    fn render(&self, input: &Typeset) -> Result<Vec<u8>, Error> {
        Ok(input.markdown.as_bytes().to_vec())
    }
}

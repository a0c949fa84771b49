//! From a plan's paragraphs to its parts: title, 指导思想, 工作目标, the
//! measures tree and the monthly schedule.
//!
//! Plans copied from the web often lose their line breaks, so the
//! recogniser reads each paragraph as running text and looks for the next
//! heading *inside* it as well as at its start. Inside running text it is
//! strict: a number is taken as numbering only where it continues the
//! numbering in use (`2、` after `1、`) or opens a new level with 1, so the
//! `3、8` of `3、8妇女节` stays text. At the start of a paragraph it is lenient:
//! two sections numbered 六 are two sections.
//!
//! The stages, one file each: [`segment`] splits a page into plans,
//! [`walker`] finds one plan's parts, [`meta`] reads the title, and
//! [`details`] the pieces of one line; [`draft`] is what they build.

mod details;
mod draft;
mod meta;
mod segment;
mod walker;

pub use details::*;
pub use draft::*;
pub use meta::*;
pub use segment::*;
pub use walker::*;

#[cfg(test)]
mod tests;

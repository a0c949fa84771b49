//! DOCX: the blocks typeset to GB/T 9704-2012, written as
//! WordprocessingML by this module.
//!
//! # Why not docx-rs
//!
//! docx-rs 0.4 writes the children of `w:rPr`, `w:pPr`, `w:sectPr` and
//! `w:settings` in an order of its own, not the schema's (`w:sz` before
//! `w:rFonts`, `w:rPr` first in `w:pPr`, `w:zoom` after `w:defaultTabStop`),
//! and has no theme part: the Open XML SDK validator found 110–180 errors
//! in every plan, and Word drops run properties out of sequence, which
//! means the fonts. Fixing that upstream is a rewrite of its writer, and
//! it also builds one large `Docx` value moved through every
//! `add_paragraph`, which made the DOCX most of a batch's time. A plan
//! needs only paragraphs, runs, two footers and a handful of fixed parts,
//! so they are written here directly: [`ooxml`] knows the schema order,
//! once; [`styles`] the named styles; [`parts`] the other parts;
//! [`package`] zips them.
//!
//! # What is set, and why (see also the README's layout section)
//!
//! - A4, margins 37/28/35/26 mm, a line grid of exact 28.95 pt lines so a
//!   full page holds 22 lines. The grid is `type="lines"`: LibreOffice
//!   squeezes lines to ~14 characters under `linesAndChars`.
//! - Paragraphs name a style (正文, 一级标题 …) and carry no fonts of their
//!   own; the document defaults say the text is Chinese (`zh-CN`) and set
//!   in the body font, and the theme's East Asian fonts are the plan's.
//! - Every run carries `w:hint="eastAsia"`, so “”—… stay in the Chinese
//!   font instead of the Latin one.
//! - Page numbers "— 1 —" in the footer, odd pages right and even pages
//!   left, one character in, through a PAGE field with a cached result.
//! - The font table names each font's common alternative (`w:altName`),
//!   e.g. 方正小标宋简体 → 黑体.

mod ooxml;
mod package;
mod parts;
mod styles;

use self::ooxml::{Fonts, Indent, ParaProps, RunProps, Section};
use super::{Format, Renderer, Typeset};
use crate::blocks::{Block, BlockKind, Run};
use crate::page;
use crate::spec::Style;
use crate::{Error, messages};

pub struct Docx;

impl Renderer for Docx {
    fn format(&self) -> Format {
        Format::Docx
    }

    fn render(&self, input: &Typeset) -> Result<Vec<u8>, Error> {
        let m = Measures::new(input.style);
        let document = document(input, &m);
        let meta = input.meta;
        let core = parts::core(meta.title, meta.author, meta.created);
        let package = || {
            let style_parts = package::style_parts(input.style, || {
                vec![
                    ("[Content_Types].xml", parts::CONTENT_TYPES.to_string()),
                    ("_rels/.rels", parts::PACKAGE_RELS.to_string()),
                    ("docProps/app.xml", parts::app()),
                    ("word/_rels/document.xml.rels", parts::document_rels()),
                    ("word/styles.xml", styles::part(&m)),
                    ("word/settings.xml", parts::settings()),
                    ("word/fontTable.xml", parts::font_table(input.style)),
                    ("word/theme/theme1.xml", parts::theme(input.style)),
                    (parts::FOOTER_ODD.0, page_number_footer(&m, Side::Right)),
                    (parts::FOOTER_EVEN.0, page_number_footer(&m, Side::Left)),
                ]
            })?;
            let own = [
                package::Entry::new(parts::DOCUMENT, &document)?,
                package::Entry::new("docProps/core.xml", &core)?,
            ];
            // `[Content_Types].xml` first, as Word and most readers expect.
            package::zip(style_parts.iter().chain(&own))
        };
        package().map_err(|e| Error::render(messages::docx_build_failed(e)))
    }
}

/// The measures that follow from a [`Style`], in Word's units.
pub(crate) struct Measures<'s> {
    style: &'s Style,
    line_pitch: u32,
    body_half_points: u32,
    title_half_points: u32,
    page_number_half_points: u32,
    /// Two characters of body text, in twips: the first-line indent.
    two_chars: i32,
    /// Character spacing of body-size text, so 28 characters fill a line.
    char_spacing: i32,
}

impl<'s> Measures<'s> {
    fn new(style: &'s Style) -> Self {
        Measures {
            style,
            line_pitch: page::line_pitch_twips(style),
            body_half_points: half_points(style.body_size),
            title_half_points: half_points(style.title_size),
            page_number_half_points: half_points(style.page_number_size),
            two_chars: (style.body_size * 40.0).round() as i32,
            char_spacing: page::char_spacing_twips(style),
        }
    }
}

fn half_points(pt: f64) -> u32 {
    (pt * 2.0).round() as u32
}

/// `word/document.xml`: one paragraph per block, then the section.
fn document(input: &Typeset, m: &Measures) -> String {
    let mut out = String::with_capacity(1024 + input.markdown.len() * 3);
    parts::open_root(&mut out, "w:document");
    out.push_str("<w:body>");
    // One blank line after the title and before the 落款. It is an empty
    // paragraph, not spacing: LibreOffice snaps the paragraph after a
    // space-after to the next grid line and loses a line on every page 1.
    let mut first_signature = true;
    for block in &input.doc.blocks {
        if block.kind == BlockKind::Signature && first_signature {
            out.push_str("<w:p/>");
            first_signature = false;
        }
        paragraph(&mut out, block, m);
        if block.kind == BlockKind::Title {
            out.push_str("<w:p/>");
        }
    }
    Section {
        footer_default: parts::FOOTER_ODD.1,
        footer_even: parts::FOOTER_EVEN.1,
        width: page::WIDTH,
        height: page::HEIGHT,
        top: page::MARGIN_TOP,
        right: page::MARGIN_RIGHT,
        bottom: page::MARGIN_BOTTOM,
        left: page::MARGIN_LEFT,
        header: 851,
        // The page number sits about 7 mm below the text block.
        footer: 1247,
        line_pitch: m.line_pitch,
    }
    .write(&mut out);
    out.push_str("</w:body></w:document>");
    out
}

/// One block as `w:p`: its style, and direct formatting only where a
/// block differs from its style (nested list items, ① headings).
fn paragraph(out: &mut String, block: &Block, m: &Measures) {
    let mut p = ParaProps::default();
    match block.kind {
        BlockKind::Title => p.style = Some(styles::TITLE),
        BlockKind::Heading(level) => {
            p.style = Some(styles::HEADINGS[(level as usize).clamp(1, 4) - 1]);
            if level > 4 {
                p.outline_level = Some(level);
            }
        }
        BlockKind::Body => {}
        BlockKind::ListItem { depth } if depth > 1 => {
            let deeper = i32::from(depth) - 1;
            p.ind = Indent {
                left: Some(m.two_chars * deeper),
                first_line: Some((m.two_chars, Some(200))),
                ..Indent::default()
            };
        }
        BlockKind::ListItem { .. } => {}
        BlockKind::Signature => p.style = Some(styles::SIGNATURE),
    }
    out.push_str("<w:p>");
    p.write(out);
    for r in &block.runs {
        run(out, r);
    }
    out.push_str("</w:p>");
}

/// The properties every run has: only the East Asian hint.
const HINT: Fonts = Fonts {
    all: None,
    east_asia_hint: true,
};

fn run(out: &mut String, r: &Run) {
    out.push_str("<w:r>");
    RunProps {
        fonts: HINT,
        bold: r.bold.then_some(true),
        italic: r.italic.then_some(true),
        strike: r.strike,
        ..RunProps::default()
    }
    .write(out);
    if r.line_break {
        out.push_str("<w:br/>");
    } else {
        text(out, &r.text);
    }
    out.push_str("</w:r>");
}

fn text(out: &mut String, t: &str) {
    out.push_str(r#"<w:t xml:space="preserve">"#);
    ooxml::escape_into(out, t);
    out.push_str("</w:t>");
}

#[derive(Clone, Copy)]
enum Side {
    Left,
    Right,
}

/// "— 1 —" with a PAGE field, one character in from `side`. The field
/// carries "1" as its last result, which a reader shows until it updates
/// fields.
fn page_number_footer(m: &Measures, side: Side) -> String {
    // Twips alone: the page number's size is fixed, and LibreOffice
    // misreads `leftChars`.
    let one_char = (m.style.page_number_size * 20.0).round() as i32;
    let (jc, ind) = match side {
        Side::Left => (
            "left",
            Indent {
                left: Some(one_char),
                ..Indent::default()
            },
        ),
        Side::Right => (
            "right",
            Indent {
                right: Some((one_char, None)),
                ..Indent::default()
            },
        ),
    };
    let mut out = String::with_capacity(1024);
    parts::open_root(&mut out, "w:ftr");
    out.push_str("<w:p>");
    ParaProps {
        style: Some(styles::PAGE_NUMBER),
        ind,
        jc: Some(jc),
        ..ParaProps::default()
    }
    .write(&mut out);
    let props = || {
        let mut s = String::new();
        RunProps {
            fonts: HINT,
            ..RunProps::default()
        }
        .write(&mut s);
        s
    };
    let rpr = props();
    let mut piece = |content: &str| {
        out.push_str("<w:r>");
        out.push_str(&rpr);
        out.push_str(content);
        out.push_str("</w:r>");
    };
    piece(r#"<w:t xml:space="preserve">— </w:t>"#);
    piece(r#"<w:fldChar w:fldCharType="begin"/>"#);
    piece(r#"<w:instrText xml:space="preserve"> PAGE </w:instrText>"#);
    piece(r#"<w:fldChar w:fldCharType="separate"/>"#);
    piece(r#"<w:t>1</w:t>"#);
    piece(r#"<w:fldChar w:fldCharType="end"/>"#);
    piece(r#"<w:t xml:space="preserve"> —</w:t>"#);
    out.push_str("</w:p></w:ftr>");
    out
}

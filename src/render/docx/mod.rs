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
//! so they are written here directly: [`crate::ooxml`] knows the schema order,
//! once; [`styles`] the named styles; [`parts`] the other parts;
//! [`package`](mod@package) zips them.
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
//!   left, one character in, through a PAGE field with a cached result;
//!   the 一字线 7 mm below the text block (GB/T 9704 §7.5): the footer's
//!   line is exactly as tall as the number and its middle 7 mm down.
//! - The font table names each font's common alternative (`w:altName`),
//!   e.g. 方正小标宋简体 → 宋体, and for the fonts Chinese Windows has the
//!   panose, pitch and Unicode ranges Word writes.
//!
//! # One body writer, plain or with tracked changes
//!
//! [`Body`] writes every paragraph of `word/document.xml`. A paragraph is
//! a block's kind (which gives its style) and a list of [`Piece`]s, text in
//! one run's formatting; a piece, and the paragraph mark, may carry a
//! [`Change`]. `render` gives it the plan's blocks with no changes;
//! [`tracked`] (`unionplan diff --docx`) gives it the new plan aligned
//! with the old one, whose differences become Word's tracked changes. So
//! both files are typeset by the same code, with the same parts.

mod package;
mod parts;
mod styles;
mod table;
mod tracked;

use std::borrow::Cow;
use std::sync::Arc;

use super::{Format, Meta, Renderer, Typeset};
use crate::blocks::{BlockKind, Run};
use crate::ooxml::{
    self, Fonts, Indent, LineSpacing, ParaProps, Revision, RunProps, Section, Tracked,
};
use crate::page;
use crate::reference;
use crate::spec::Style;
use crate::{Error, messages};

pub use self::tracked::tracked_changes;

/// The DOCX renderer.
pub struct Docx;

impl Renderer for Docx {
    fn format(&self) -> Format {
        Format::Docx
    }

    fn render(&self, input: &Typeset) -> Result<Vec<u8>, Error> {
        let (style, template) = typeset_style(input.style)?;
        let m = Measures::new(&style, template.as_deref());
        let capacity = 1024 + input.markdown.len() * 3;
        let document = document(&m, capacity, None, |body| {
            let mut signature = Signature::of(&m, input.doc.blocks.iter());
            let blocks = &input.doc.blocks;
            for (i, block) in blocks.iter().enumerate() {
                if let Some(t) = &block.table {
                    body.table(t, t.rows.iter().map(|r| (r, Change::None)));
                    continue;
                }
                let pieces = block.runs.iter().map(|r| Piece::whole(r, Change::None));
                if block.kind == BlockKind::Signature {
                    let line = signature.next();
                    body.paragraph(line, Change::None, pieces);
                    continue;
                }
                let mut props = paragraph_props(block.kind, &m);
                // The 落款 never stands alone on a page: the last line of
                // the text before it goes with it.
                props.keep_next |= blocks
                    .get(i + 1)
                    .is_some_and(|b| b.kind == BlockKind::Signature);
                body.paragraph(props, Change::None, pieces);
                // One blank line after the title. It is an empty
                // paragraph, not spacing: LibreOffice snaps the paragraph
                // after a space-after to the next grid line and loses a
                // line on every page 1.
                if block.kind == BlockKind::Title {
                    body.blank(Change::None);
                }
            }
        });
        package(input.meta, &m, &document)
    }
}

/// The style the DOCX is typeset in: the spec's, changed by its reference
/// document (read once per run), if it names one.
fn typeset_style(
    style: &Style,
) -> Result<(Cow<'_, Style>, Option<Arc<reference::Template>>), Error> {
    match &style.reference_doc {
        None => Ok((Cow::Borrowed(style), None)),
        Some(path) => {
            let t = reference::load_or_why(path).map_err(Error::render)?;
            Ok((Cow::Owned(reference::applied(style, &t)), Some(t)))
        }
    }
}

/// The DOCX package of `document` (`word/document.xml`): the parts that
/// follow from the style, made once per style, and the properties.
fn package(meta: &Meta, m: &Measures, document: &str) -> Result<Vec<u8>, Error> {
    let style = m.style;
    let core = parts::core(meta.title, meta.author, meta.created);
    let package = || {
        let reading = m.template.map(|t| t.reading);
        let style_parts = package::style_parts(style, reading, || {
            let (types, rels) = match m.template {
                Some(t) => (t.content_types.as_str(), t.relationships.as_str()),
                None => ("", ""),
            };
            let text = |name: &str, s: String| (name.to_string(), s.into_bytes());
            let mut all = vec![
                text(
                    "[Content_Types].xml",
                    parts::CONTENT_TYPES.replace("</Types>", &format!("{types}</Types>")),
                ),
                text("_rels/.rels", parts::PACKAGE_RELS.to_string()),
                text("docProps/app.xml", parts::app()),
                text(
                    "word/_rels/document.xml.rels",
                    parts::document_rels()
                        .replace("</Relationships>", &format!("{rels}</Relationships>")),
                ),
                text("word/styles.xml", styles::part(m)),
                text("word/settings.xml", parts::settings()),
                text("word/fontTable.xml", parts::font_table(style)),
                text("word/theme/theme1.xml", parts::theme(style)),
                text(parts::FOOTER_ODD.0, page_number_footer(m, Side::Right)),
                text(parts::FOOTER_EVEN.0, page_number_footer(m, Side::Left)),
            ];
            if let Some(t) = m.template {
                all.extend(t.parts.iter().cloned());
            }
            all
        })?;
        let own = [
            package::Entry::new(parts::DOCUMENT, document)?,
            package::Entry::new("docProps/core.xml", &core)?,
        ];
        // `[Content_Types].xml` first, as Word and most readers expect.
        package::zip(style_parts.iter().chain(&own))
    };
    package().map_err(|e| Error::render(messages::docx_build_failed(e)))
}

/// The measures that follow from a [`Style`] (and the page of its
/// reference document, if any), in Word's units.
pub(crate) struct Measures<'s> {
    style: &'s Style,
    template: Option<&'s reference::Template>,
    page: page::Page,
    line_pitch: u32,
    /// The section's grid of lines: ours, or the reference document's
    /// when its 正文 sets a line spacing of its own.
    grid: Option<u32>,
    body_half_points: u32,
    title_half_points: u32,
    page_number_half_points: u32,
    /// Two characters of body text, in twips: the first-line indent.
    two_chars: i32,
    /// Character spacing of body-size text, so 28 characters fill a line.
    char_spacing: i32,
    /// The width of the text block, between the margins.
    text_width: u32,
}

impl<'s> Measures<'s> {
    fn new(style: &'s Style, template: Option<&'s reference::Template>) -> Self {
        let pg = template.and_then(|t| t.page).unwrap_or(page::Page {
            width: page::WIDTH,
            height: page::HEIGHT,
            top: page::MARGIN_TOP,
            right: page::MARGIN_RIGHT,
            bottom: page::MARGIN_BOTTOM,
            left: page::MARGIN_LEFT,
            header: 851,
            footer: page::footer_distance(style),
        });
        let text_width = pg.width - pg.left - pg.right;
        let line_pitch = page::line_pitch_in(style, pg.height - pg.top - pg.bottom);
        let grid = match template {
            Some(t)
                if t.looks
                    .get(styles::NORMAL)
                    .is_some_and(|l| l.line.is_some()) =>
            {
                t.grid
            }
            _ => Some(line_pitch),
        };
        Measures {
            style,
            template,
            page: pg,
            line_pitch,
            grid,
            body_half_points: half_points(style.body_size),
            title_half_points: half_points(style.title_size),
            page_number_half_points: half_points(style.page_number_size),
            two_chars: (style.body_size * 40.0).round() as i32,
            char_spacing: page::char_spacing_in(style, text_width),
            text_width,
        }
    }

    /// How far one character of body text advances, spacing included.
    fn char_width(&self) -> u32 {
        page::char_width_in(self.style, self.text_width)
    }
}

fn half_points(pt: f64) -> u32 {
    (pt * 2.0).round() as u32
}

/// The lines of one plan's 落款, each placed by GB/T 9704 §7.3.5 from the
/// lengths of all of them ([`page::signature_places`]), handed out in
/// order as they are written.
struct Signature<'m> {
    m: &'m Measures<'m>,
    /// Where each line goes.
    places: Vec<page::Place>,
    next: usize,
}

impl<'m> Signature<'m> {
    /// The 落款 of a plan whose blocks are `blocks`.
    fn of<'b>(m: &'m Measures<'m>, blocks: impl Iterator<Item = &'b crate::blocks::Block>) -> Self {
        let lines: Vec<String> = blocks
            .filter(|b| b.kind == BlockKind::Signature)
            .map(|b| b.plain_text())
            .collect();
        Signature::of_lines(m, &lines)
    }

    /// The 落款 whose lines are `lines`.
    fn of_lines(m: &'m Measures<'m>, lines: &[String]) -> Self {
        let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
        Signature {
            m,
            places: page::signature_places(&lines, m.style.signature_layout),
            next: 0,
        }
    }

    /// The next line's properties. The first has the blank line before
    /// the 落款 as spacing (an empty paragraph could end a page alone, or
    /// begin one); every line but the last keeps with the next, so the
    /// 署名 never ends a page without its date.
    fn next(&mut self) -> ParaProps<'static> {
        let i = self.next;
        self.next += 1;
        let place = self.places.get(i).copied();
        let twips = |chars: f64| (chars * f64::from(self.m.char_width())).round() as i32;
        // Twips, with no characters: a `rightChars` would win over them,
        // and Word counts its characters in the font's size, not in the
        // advance that places the text.
        let (jc, ind) = match place.unwrap_or(page::Place::Right(2.0)) {
            page::Place::Right(chars) => (
                "right",
                Indent {
                    right: Some((twips(chars), Some(0))),
                    ..Indent::default()
                },
            ),
            page::Place::Start(chars) => (
                "left",
                Indent {
                    left: Some(self.m.text_width as i32 - twips(chars)),
                    right: Some((0, Some(0))),
                    ..Indent::default()
                },
            ),
            // Centred between the indents: the axis is their middle.
            page::Place::Centre(chars) => (
                "center",
                Indent {
                    left: Some(self.m.text_width as i32 - 2 * twips(chars)),
                    right: Some((0, Some(0))),
                    ..Indent::default()
                },
            ),
        };
        ParaProps {
            style: Some(styles::SIGNATURE),
            keep_next: i + 1 < self.places.len(),
            spacing: (i == 0).then_some(LineSpacing {
                before: Some(self.m.line_pitch),
                after: None,
                line: None,
            }),
            ind,
            jc: Some(jc),
            ..ParaProps::default()
        }
    }
}

/// What a tracked-changes document says of a paragraph, or a piece of
/// one: nothing, or that it is new, or gone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Change {
    None,
    Inserted,
    Deleted,
}

impl Change {
    fn tracked(self) -> Option<Tracked> {
        match self {
            Change::None => None,
            Change::Inserted => Some(Tracked::Inserted),
            Change::Deleted => Some(Tracked::Deleted),
        }
    }
}

/// Text in one run's formatting: all of a run's text or a part of it. A
/// line break is a piece of its run with no text.
#[derive(Debug, Clone, Copy)]
struct Piece<'a> {
    run: &'a Run,
    text: &'a str,
    change: Change,
}

impl<'a> Piece<'a> {
    fn whole(run: &'a Run, change: Change) -> Piece<'a> {
        Piece {
            run,
            text: &run.text,
            change,
        }
    }
}

/// Who made the changes of a tracked-changes document, and when.
struct Author<'a> {
    name: &'a str,
    /// ISO 8601 in UTC.
    date: &'a str,
}

/// The body of `word/document.xml` as it is written.
struct Body<'a> {
    out: String,
    m: &'a Measures<'a>,
    /// `None` in a plain document, which has no changes.
    author: Option<Author<'a>>,
    /// The id of the last change written: each is unique in the document,
    /// counting from 1.
    next_id: u32,
}

impl<'a> Body<'a> {
    /// A change by the document's author, with the next id.
    fn revision(&mut self, change: Change) -> Option<Revision<'a>> {
        let kind = change.tracked()?;
        let author = self
            .author
            .as_ref()
            .expect("only a tracked-changes document has changes");
        let (name, date) = (author.name, author.date);
        self.next_id += 1;
        Some(Revision {
            kind,
            id: self.next_id,
            author: name,
            date,
        })
    }

    /// The empty paragraph of a blank line (after the title).
    fn blank(&mut self, mark: Change) {
        let p = ParaProps {
            mark: self.revision(mark),
            ..ParaProps::default()
        };
        if p == ParaProps::default() {
            self.out.push_str("<w:p/>");
            return;
        }
        self.out.push_str("<w:p>");
        p.write(&mut self.out);
        self.out.push_str("</w:p>");
    }

    /// One paragraph as `w:p`: its properties `p` (a block's style, see
    /// [`paragraph_props`]), then its pieces, those inserted
    /// or deleted inside a `w:ins` or `w:del` for each stretch of pieces
    /// with the same change. `mark` is the change of the paragraph mark:
    /// a paragraph new or gone as a whole has it, besides its pieces.
    fn paragraph<'p>(
        &mut self,
        mut p: ParaProps<'a>,
        mark: Change,
        pieces: impl IntoIterator<Item = Piece<'p>>,
    ) {
        p.mark = self.revision(mark);
        self.out.push_str("<w:p>");
        p.write(&mut self.out);
        let mut open: Option<Revision<'a>> = None;
        for piece in pieces {
            if open.map(|r| r.kind) != piece.change.tracked() {
                if let Some(r) = open.take() {
                    r.close(&mut self.out);
                }
                open = self.revision(piece.change);
                if let Some(r) = open {
                    r.open(&mut self.out);
                }
            }
            run(&mut self.out, &piece);
        }
        if let Some(r) = open {
            r.close(&mut self.out);
        }
        self.out.push_str("</w:p>");
    }
}

/// `word/document.xml`: the paragraphs `write` gives [`Body`], then the
/// section. `author` is who made the changes of a tracked-changes document.
fn document<'a>(
    m: &'a Measures<'a>,
    capacity: usize,
    author: Option<Author<'a>>,
    write: impl FnOnce(&mut Body<'a>),
) -> String {
    let mut body = Body {
        out: String::with_capacity(capacity),
        m,
        author,
        next_id: 0,
    };
    parts::open_root(&mut body.out, "w:document");
    body.out.push_str("<w:body>");
    write(&mut body);
    let mut out = body.out;
    let refs = |list: &'a [reference::Reference]| -> Vec<(&'a str, &'a str)> {
        let mut out: Vec<(&str, &str)> = list
            .iter()
            .map(|r| (r.kind.as_str(), r.id.as_str()))
            .collect();
        // Odd and even pages have headers of their own (the page numbers
        // need it): a file with one header has it on both.
        let default = list.iter().find(|r| r.kind == "default");
        if let (Some(d), false) = (default, list.iter().any(|r| r.kind == "even")) {
            out.push(("even", d.id.as_str()));
        }
        out
    };
    let (headers, mut footers, title_page) = match m.template {
        Some(t) => (
            refs(&t.headers),
            refs(&t.footers),
            t.title_page
                && t.headers
                    .iter()
                    .chain(&t.footers)
                    .any(|r| r.kind == "first"),
        ),
        None => (Vec::new(), Vec::new(), false),
    };
    // Every page the template gives no footer of its own has the page
    // number: a letterhead on the first page alone must not cost the
    // first page its number, nor a first-page footer the others theirs.
    let mut pages = vec![
        ("default", parts::FOOTER_ODD.1),
        ("even", parts::FOOTER_EVEN.1),
    ];
    if title_page {
        pages.push(("first", parts::FOOTER_ODD.1));
    }
    for (kind, id) in pages {
        if !footers.iter().any(|(k, _)| *k == kind) {
            footers.push((kind, id));
        }
    }
    // The template's way of showing page numbers ("- 2 -"), where its
    // footers are the only ones: unionplan's own draw their dashes
    // themselves, and would show them twice.
    let ours = [parts::FOOTER_ODD.1, parts::FOOTER_EVEN.1];
    let page_number_format = m
        .template
        .and_then(|t| t.page_number_format.as_deref())
        .filter(|_| !footers.iter().any(|(_, id)| ours.contains(id)));
    Section {
        headers: &headers,
        footers: &footers,
        title_page,
        page: m.page,
        line_pitch: m.grid,
        page_number_format,
    }
    .write(&mut out);
    out.push_str("</w:body></w:document>");
    out
}

/// A block's paragraph properties: its style, and direct formatting only
/// where a block differs from its style (nested list items, ① headings).
fn paragraph_props(kind: BlockKind, m: &Measures) -> ParaProps<'static> {
    let mut p = ParaProps::default();
    match kind {
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
        // Written by `Body::table`, never as a paragraph.
        BlockKind::Table => {}
    }
    p
}

/// The properties every run has: only the East Asian hint.
const HINT: Fonts = Fonts {
    all: None,
    east_asia_hint: true,
};

/// A piece as `w:r`; deleted text is `w:delText`, as the schema wants
/// inside `w:del`.
fn run(out: &mut String, piece: &Piece) {
    let r = piece.run;
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
        let tag = match piece.change {
            Change::Deleted => "w:delText",
            Change::None | Change::Inserted => "w:t",
        };
        out.push('<');
        out.push_str(tag);
        out.push_str(r#" xml:space="preserve">"#);
        ooxml::escape_into(out, piece.text);
        out.push_str("</");
        out.push_str(tag);
        out.push('>');
    }
    out.push_str("</w:r>");
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

//! DOCX: the blocks typeset to GB/T 9704-2012 with docx-rs.
//!
//! What is set, and why (see also the README's layout section):
//! - A4, margins 37/28/35/26 mm, a line grid of exact 28.95 pt lines so a
//!   full page holds 22 lines. The grid is `type="lines"`: LibreOffice
//!   squeezes lines to ~14 characters under `linesAndChars`.
//! - Every run names its East Asian font and carries `w:hint="eastAsia"`,
//!   or Word falls back to a Japanese theme font and sets “”—… in Latin.
//! - Page numbers "— 1 —" in the footer, odd pages right and even pages
//!   left, one character in, through a real PAGE field.
//! - docx-rs writes a fixed font table; ours replaces that part before the
//!   package is zipped, so each font names its common alternative
//!   (`w:altName`), e.g. 方正小标宋简体 → 黑体.

use std::io::Cursor;

use docx_rs::{
    AlignmentType, BreakType, DocGrid, DocGridType, FieldCharType, Footer, InstrPAGE, InstrText,
    LineSpacing, LineSpacingType, PageMargin, Paragraph, Run, RunFonts, SpecialIndentType,
};

use super::{
    Format, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, PAGE_HEIGHT, PAGE_WIDTH,
    Renderer, Typeset, line_pitch_twips,
};
use crate::doc::{Block, BlockKind};
use crate::spec::Style;
use crate::{Error, messages};

pub struct Docx;

impl Renderer for Docx {
    fn format(&self) -> Format {
        Format::Docx
    }

    fn render(&self, input: &Typeset) -> Result<Vec<u8>, Error> {
        let t = Typesetter::new(input.style);
        let mut docx = docx_rs::Docx::new()
            .page_size(PAGE_WIDTH, PAGE_HEIGHT)
            .page_margin(
                PageMargin::new()
                    .top(MARGIN_TOP as i32)
                    .bottom(MARGIN_BOTTOM as i32)
                    .left(MARGIN_LEFT as i32)
                    .right(MARGIN_RIGHT as i32)
                    .header(851)
                    // The page number sits about 7 mm below the text block.
                    .footer(1247)
                    .gutter(0),
            )
            .default_fonts(t.fonts(&t.style.body_font))
            .default_size(t.body_half_points)
            .default_line_spacing(t.spacing())
            .footer(t.page_number_footer(AlignmentType::Right))
            .even_footer(t.page_number_footer(AlignmentType::Left));
        docx.document.section_property = docx.document.section_property.clone().doc_grid(
            DocGrid::new()
                .grid_type(DocGridType::Lines)
                .line_pitch(t.line_pitch as usize),
        );

        // One blank line after the title and before the 落款. It is an empty
        // paragraph, not spacing: LibreOffice snaps the paragraph after a
        // space-after to the next grid line and loses a line on every page 1.
        let mut first_signature = true;
        for block in &input.doc.blocks {
            if block.kind == BlockKind::Signature && first_signature {
                docx = docx.add_paragraph(t.blank_line());
                first_signature = false;
            }
            docx = docx.add_paragraph(t.block(block));
            if block.kind == BlockKind::Title {
                docx = docx.add_paragraph(t.blank_line());
            }
        }

        let mut xml = docx.build();
        xml.font_table = font_table(input.style).into_bytes();
        let mut buf = Cursor::new(Vec::new());
        xml.pack(&mut buf)
            .map_err(|e| Error::Render(messages::docx_build_failed(e)))?;
        Ok(buf.into_inner())
    }
}

/// The measures that follow from a [`Style`].
struct Typesetter<'s> {
    style: &'s Style,
    line_pitch: u32,
    body_half_points: usize,
    /// Two characters of body text, in twips: the first-line indent.
    two_chars: i32,
    /// Character spacing of body-size text, so 28 characters fill a line.
    char_spacing: i32,
}

impl<'s> Typesetter<'s> {
    fn new(style: &'s Style) -> Self {
        Typesetter {
            style,
            line_pitch: line_pitch_twips(style),
            body_half_points: half_points(style.body_size),
            two_chars: (style.body_size * 40.0).round() as i32,
            char_spacing: super::char_spacing_twips(style),
        }
    }

    fn fonts(&self, font: &str) -> RunFonts {
        RunFonts::new()
            .ascii(font)
            .hi_ansi(font)
            .east_asia(font)
            .cs(font)
            .hint("eastAsia")
    }

    fn spacing(&self) -> LineSpacing {
        LineSpacing::new()
            .line_rule(LineSpacingType::Exact)
            .line(self.line_pitch as i32)
            .before(0)
            .after(0)
    }

    fn paragraph(&self) -> Paragraph {
        Paragraph::new().line_spacing(self.spacing())
    }

    /// An empty line of body text.
    fn blank_line(&self) -> Paragraph {
        self.paragraph().add_run(
            Run::new()
                .add_text("")
                .fonts(self.fonts(&self.style.body_font))
                .size(self.body_half_points),
        )
    }

    fn block(&self, block: &Block) -> Paragraph {
        let s = self.style;
        let first_line = Some(SpecialIndentType::FirstLine(self.two_chars));
        let (mut p, font, size, bold) = match block.kind {
            BlockKind::Title => (
                // 22 pt is taller than the grid pitch: snapped, the title
                // would take two grid lines instead of one.
                self.paragraph()
                    .align(AlignmentType::Center)
                    .snap_to_grid(false)
                    .outline_lvl(0),
                &s.title_font,
                half_points(s.title_size),
                false,
            ),
            BlockKind::Heading(level) => {
                let (font, bold) = match level {
                    1 => (&s.heading1_font, false),
                    2 => (&s.heading2_font, false),
                    3 => (&s.heading3_font, true),
                    _ => (&s.heading3_font, false),
                };
                let p = self
                    .paragraph()
                    .align(AlignmentType::Both)
                    .indent(None, first_line, None, None)
                    .outline_lvl(level as usize)
                    .keep_next(true);
                (p, font, self.body_half_points, bold)
            }
            BlockKind::Body => (
                self.paragraph()
                    .align(AlignmentType::Both)
                    .indent(None, first_line, None, None),
                &s.body_font,
                self.body_half_points,
                false,
            ),
            BlockKind::ListItem { depth } => {
                let left = self.two_chars * (depth as i32 - 1);
                (
                    self.paragraph().align(AlignmentType::Both).indent(
                        Some(left),
                        first_line,
                        None,
                        None,
                    ),
                    &s.body_font,
                    self.body_half_points,
                    false,
                )
            }
            BlockKind::Signature => (
                self.paragraph().align(AlignmentType::Right).indent(
                    None,
                    None,
                    Some(self.two_chars),
                    None,
                ),
                &s.body_font,
                self.body_half_points,
                false,
            ),
        };
        for r in &block.runs {
            let mut run = if r.line_break {
                Run::new().add_break(BreakType::TextWrapping)
            } else {
                Run::new().add_text(&r.text)
            };
            run = run.fonts(self.fonts(font)).size(size);
            if size == self.body_half_points && self.char_spacing != 0 {
                run = run.character_spacing(self.char_spacing);
            }
            if bold || r.bold {
                run = run.bold();
            }
            if r.italic {
                run = run.italic();
            }
            if r.strike {
                run = run.strike();
            }
            p = p.add_run(run);
        }
        p
    }

    /// "— 1 —" with a PAGE field, one character in from the `align` side.
    fn page_number_footer(&self, align: AlignmentType) -> Footer {
        let font = &self.style.page_number_font;
        let size = half_points(self.style.page_number_size);
        let one_char = (self.style.page_number_size * 20.0).round() as i32;
        let (left, right) = match align {
            AlignmentType::Left => (Some(one_char), None),
            _ => (None, Some(one_char)),
        };
        let styled = |run: Run| run.fonts(self.fonts(font)).size(size);
        let p = Paragraph::new()
            .align(align)
            .indent(left, None, right, None)
            .add_run(styled(Run::new().add_text("— ")))
            .add_run(styled(
                Run::new().add_field_char(FieldCharType::Begin, false),
            ))
            .add_run(styled(
                Run::new().add_instr_text(InstrText::PAGE(InstrPAGE::new())),
            ))
            .add_run(styled(
                Run::new().add_field_char(FieldCharType::Separate, false),
            ))
            .add_run(styled(Run::new().add_text("1")))
            .add_run(styled(Run::new().add_field_char(FieldCharType::End, false)))
            .add_run(styled(Run::new().add_text(" —")));
        Footer::new().add_paragraph(p)
    }
}

fn half_points(pt: f64) -> usize {
    (pt * 2.0).round() as usize
}

/// Common alternative names, so Word and LibreOffice find a font installed
/// under its English name; the title font falls back to the style's choice.
fn font_table(style: &Style) -> String {
    let alt = |name: &str| -> Option<String> {
        let known = match name {
            "仿宋" => Some("FangSong"),
            "仿宋_GB2312" => Some("仿宋"),
            "黑体" => Some("SimHei"),
            "楷体" => Some("KaiTi"),
            "楷体_GB2312" => Some("楷体"),
            "宋体" => Some("SimSun"),
            _ => None,
        };
        known.map(str::to_string)
    };
    let mut fonts: Vec<(String, Option<String>)> = Vec::new();
    let mut add = |name: &str, alt_name: Option<String>| {
        if !fonts.iter().any(|(n, _)| n == name) {
            fonts.push((name.to_string(), alt_name));
        }
    };
    add(&style.title_font, Some(style.title_fallback_font.clone()));
    for f in [
        &style.title_fallback_font,
        &style.body_font,
        &style.heading1_font,
        &style.heading2_font,
        &style.heading3_font,
        &style.page_number_font,
    ] {
        add(f, alt(f));
    }
    add("Times New Roman", None);

    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
    );
    for (name, alt_name) in &fonts {
        let latin = name == "Times New Roman";
        xml.push_str(&format!(r#"<w:font w:name="{}">"#, xml_attr(name)));
        if let Some(a) = alt_name {
            xml.push_str(&format!(r#"<w:altName w:val="{}"/>"#, xml_attr(a)));
        }
        // charset 86 (GB2312) marks a Chinese font; the family tells a
        // program that lacks the font which kind to substitute.
        let (charset, family) = if latin {
            ("00", "roman")
        } else if is_sans(name) {
            ("86", "swiss")
        } else {
            ("86", "roman")
        };
        xml.push_str(&format!(
            r#"<w:charset w:val="{charset}"/><w:family w:val="{family}"/><w:pitch w:val="variable"/></w:font>"#
        ));
    }
    xml.push_str("</w:fonts>");
    xml
}

/// Gothic (黑体-like) faces, as opposed to the serif 宋/仿宋/楷 ones.
fn is_sans(font: &str) -> bool {
    ["黑", "Hei", "Sans", "雅黑", "YaHei"]
        .iter()
        .any(|k| font.contains(k))
}

fn xml_attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

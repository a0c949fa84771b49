//! WordprocessingML written by hand, in the order its schema requires.
//!
//! Word validates every part against ECMA-376 (`wml.xsd`). The children of
//! `w:pPr`, `w:rPr` and `w:sectPr` are `xsd:sequence`s: out of order, Word
//! silently drops the property (a run's font) or asks to "repair" the file,
//! while LibreOffice accepts anything. So the order lives here, once: each
//! struct below has its fields in the schema's order, and its `write`
//! emits them in field order. Nothing else in the crate writes these
//! elements.
//!
//! The sequences, as far as they are used (ECMA-376 Part 1, 17.3.1.26,
//! 17.3.2.28, 17.6.17):
//!
//! - `CT_PPrBase`: pStyle, keepNext, keepLines, pageBreakBefore, framePr,
//!   **widowControl**, numPr, suppressLineNumbers, pBdr, shd, tabs,
//!   suppressAutoHyphens, kinsoku, wordWrap, overflowPunct, topLinePunct,
//!   **autoSpaceDE**, **autoSpaceDN**, bidi, adjustRightInd, **snapToGrid**,
//!   **spacing**, **ind**, contextualSpacing, mirrorIndents,
//!   suppressOverlap, **jc**, textDirection, textAlignment,
//!   textboxTightWrap, **outlineLvl**, divId, cnfStyle; then **`w:rPr`**
//!   (`CT_ParaRPr`, the paragraph mark's properties: **ins**, **del**,
//!   moveFrom, moveTo first, then `EG_RPrBase`), sectPr, pPrChange.
//! - `EG_RPrBase`: **rStyle**, **rFonts**, **b**, **bCs**, **i**, **iCs**,
//!   caps, smallCaps, **strike**, dstrike, outline, shadow, emboss, imprint,
//!   noProof, snapToGrid, vanish, webHidden, color, **spacing**, w, **kern**,
//!   position, **sz**, **szCs**, highlight, u, effect, bdr, shd, fitText,
//!   vertAlign, rtl, cs, em, **lang**, eastAsianLayout, specVanish, oMath.
//! - `CT_SectPr`: **headerReference/footerReference**, footnotePr,
//!   endnotePr, type, **pgSz**, **pgMar**, paperSrc, pgBorders, lnNumType,
//!   pgNumType, cols, formProt, vAlign, noEndnote, titlePg, textDirection,
//!   bidi, rtlGutter, **docGrid**.
//! - `CT_P`: `w:pPr`, then the runs; a tracked change wraps runs in
//!   **`w:ins`** or **`w:del`** (`CT_RunTrackChange`, 17.13.5.18 and
//!   17.13.5.14), siblings of the plain `w:r`, and a deleted run holds its
//!   text in `w:delText` instead of `w:t`.
//!
//! Attribute order does not matter to XML, so attributes are written in
//! whatever order reads best.
//!
//! Both the DOCX writer ([`crate::render`]) and the reader of a school's
//! template ([`crate::reference`]), which writes the styles it copies
//! back, use this module; [`named`] holds the IDs and names of the plan's
//! named styles, by which both know them.

pub mod named;

use std::fmt::Write as _;

/// The WordprocessingML namespace, bound to `w:` in every part.
pub const NS_W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// Relationships inside a part (`r:id`).
pub const NS_R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The XML declaration every part starts with.
pub const DECLARATION: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

/// Append `text` escaped for element content or a double-quoted attribute.
///
/// A character XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF) would
/// make the whole part unreadable, so it becomes U+FFFD, the visible
/// replacement character. Validation refuses such characters in a spec,
/// but Markdown can still produce one from an entity such as `&#1;`.
pub fn escape_into(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let mut from = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (len, replacement) = match b {
            b'&' => (1, "&amp;"),
            b'<' => (1, "&lt;"),
            b'>' => (1, "&gt;"),
            b'"' => (1, "&quot;"),
            b'\t' | b'\n' | b'\r' => (1, ""),
            0..=0x1F => (1, "\u{FFFD}"),
            // U+FFFE and U+FFFF: EF BF BE and EF BF BF.
            0xEF if bytes.get(i + 1) == Some(&0xBF)
                && matches!(bytes.get(i + 2), Some(0xBE | 0xBF)) =>
            {
                (3, "\u{FFFD}")
            }
            _ => (1, ""),
        };
        if !replacement.is_empty() {
            out.push_str(&text[from..i]);
            out.push_str(replacement);
            from = i + len;
        }
        i += len;
    }
    out.push_str(&text[from..]);
}

/// `text` escaped, as a new string.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// `w:rFonts`: the four font slots and the hint. A `None` slot is left to
/// the style or the document defaults.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Fonts<'a> {
    /// One face for all four slots (ascii, hAnsi, eastAsia, cs).
    pub all: Option<&'a str>,
    /// `w:hint="eastAsia"`: characters that exist in both Latin and CJK
    /// fonts (“”‘’—…·) are set in the East Asian font.
    pub east_asia_hint: bool,
}

impl Fonts<'_> {
    fn write(&self, out: &mut String) {
        if self.all.is_none() && !self.east_asia_hint {
            return;
        }
        out.push_str("<w:rFonts");
        if let Some(f) = self.all {
            for slot in ["ascii", "hAnsi", "eastAsia", "cs"] {
                attr(out, slot, f);
            }
        }
        if self.east_asia_hint {
            out.push_str(r#" w:hint="eastAsia""#);
        }
        out.push_str("/>");
    }
}

/// `w:lang`: the languages of the text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Lang<'a> {
    pub latin: &'a str,
    pub east_asia: &'a str,
}

/// Run properties (`w:rPr`), fields in schema order.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct RunProps<'a> {
    pub style: Option<&'a str>,
    pub fonts: Fonts<'a>,
    /// `w:b` and `w:bCs`; `Some(false)` switches off a style's bold.
    pub bold: Option<bool>,
    /// `w:i` and `w:iCs`.
    pub italic: Option<bool>,
    pub strike: bool,
    /// Character spacing in twips (`w:spacing w:val`), negative tightens.
    pub spacing: Option<i32>,
    /// `w:kern`: kerning from this size (half-points) up.
    pub kern: Option<u32>,
    /// Size in half-points (`w:sz` and `w:szCs`).
    pub size: Option<u32>,
    pub lang: Option<Lang<'a>>,
}

impl RunProps<'_> {
    pub fn is_empty(&self) -> bool {
        *self == RunProps::default()
    }

    /// `<w:rPr>…</w:rPr>`, nothing when there is nothing to say.
    pub fn write(&self, out: &mut String) {
        if self.is_empty() {
            return;
        }
        out.push_str("<w:rPr>");
        if let Some(s) = self.style {
            val(out, "rStyle", s);
        }
        self.fonts.write(out);
        toggle(out, "b", self.bold);
        toggle(out, "bCs", self.bold);
        toggle(out, "i", self.italic);
        toggle(out, "iCs", self.italic);
        if self.strike {
            out.push_str("<w:strike/>");
        }
        if let Some(s) = self.spacing {
            val(out, "spacing", s);
        }
        if let Some(k) = self.kern {
            val(out, "kern", k);
        }
        if let Some(sz) = self.size {
            val(out, "sz", sz);
            val(out, "szCs", sz);
        }
        if let Some(l) = self.lang {
            out.push_str("<w:lang");
            attr(out, "val", l.latin);
            attr(out, "eastAsia", l.east_asia);
            out.push_str("/>");
        }
        out.push_str("</w:rPr>");
    }
}

/// Which way a tracked change goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tracked {
    /// `w:ins`: in the new text, not in the old.
    Inserted,
    /// `w:del`: in the old text, not in the new.
    Deleted,
}

/// One tracked change (ECMA-376 Part 1, 17.13.5): what it is, its id
/// (unique among the document's changes), who made it and when.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Revision<'a> {
    pub kind: Tracked,
    pub id: u32,
    pub author: &'a str,
    /// ISO 8601 in UTC, such as `2026-11-23T10:00:00Z`.
    pub date: &'a str,
}

impl Revision<'_> {
    fn tag(&self) -> &'static str {
        match self.kind {
            Tracked::Inserted => "ins",
            Tracked::Deleted => "del",
        }
    }

    fn start(&self, out: &mut String) {
        out.push_str("<w:");
        out.push_str(self.tag());
        attr(out, "id", self.id);
        attr(out, "author", self.author);
        attr(out, "date", self.date);
    }

    /// `<w:ins …>` (or `w:del`) around the runs it changed; [`Revision::close`]
    /// ends it.
    pub fn open(&self, out: &mut String) {
        self.start(out);
        out.push('>');
    }

    pub fn close(&self, out: &mut String) {
        out.push_str("</w:");
        out.push_str(self.tag());
        out.push('>');
    }

    /// `<w:ins …/>`: the paragraph mark itself inserted or deleted, inside
    /// the paragraph's `w:pPr/w:rPr`, or a table row inserted or deleted,
    /// inside its `w:trPr`.
    pub fn mark(&self, out: &mut String) {
        self.start(out);
        out.push_str("/>");
    }
}

/// `w:spacing` of a paragraph: line height and space around, each
/// written only when set, so a style inherits what it leaves out.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct LineSpacing {
    pub before: Option<u32>,
    pub after: Option<u32>,
    pub line: Option<Line>,
}

impl LineSpacing {
    /// The exact line height GB/T 9704's grid wants, nothing around it.
    pub fn exact(twips: u32) -> Self {
        LineSpacing {
            before: Some(0),
            after: Some(0),
            line: Some(Line::Exact(twips)),
        }
    }
}

/// A line height (`w:line` with its `w:lineRule`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    /// Twips, whatever the text's size.
    Exact(u32),
    /// Twips at least.
    AtLeast(u32),
    /// 240ths of a single line (360 is 1.5 lines).
    Auto(u32),
}

/// `w:ind`: indents in twips, each optionally beside the same in
/// hundredths of a character (`…Chars`), which Word prefers, so that an
/// indent of two characters stays two characters when a user changes the
/// font size. (LibreOffice 7 misreads `leftChars`, adding it to `left`,
/// so a left indent gives twips alone.)
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Indent {
    pub left: Option<i32>,
    pub right: Option<(i32, Option<i32>)>,
    pub first_line: Option<(i32, Option<i32>)>,
    /// The first line set this far left of the others (instead of a
    /// first-line indent).
    pub hanging: Option<(i32, Option<i32>)>,
}

impl Indent {
    fn write(&self, out: &mut String) {
        if *self == Indent::default() {
            return;
        }
        out.push_str("<w:ind");
        for (name, v) in [
            ("left", self.left.map(|t| (t, None))),
            ("right", self.right),
            ("firstLine", self.first_line),
            ("hanging", self.hanging),
        ] {
            if let Some((twips, chars)) = v {
                attr(out, name, twips);
                if let Some(c) = chars {
                    let _ = write!(out, r#" w:{name}Chars="{c}""#);
                }
            }
        }
        out.push_str("/>");
    }
}

/// Paragraph properties (`w:pPr`), fields in schema order.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ParaProps<'a> {
    pub style: Option<&'a str>,
    pub keep_next: bool,
    pub widow_control: Option<bool>,
    /// `w:autoSpaceDE` and `w:autoSpaceDN`: the extra space Word and
    /// LibreOffice put between Chinese and Latin letters or digits.
    pub auto_space: Option<bool>,
    pub snap_to_grid: Option<bool>,
    pub spacing: Option<LineSpacing>,
    pub ind: Indent,
    /// `w:jc`: `both`, `center`, `left`, `right`.
    pub jc: Option<&'static str>,
    /// 0 is the document's top level (the title).
    pub outline_level: Option<u8>,
    /// The paragraph mark inserted or deleted: the whole paragraph is new,
    /// or gone, in a tracked-changes document.
    pub mark: Option<Revision<'a>>,
}

impl ParaProps<'_> {
    pub fn write(&self, out: &mut String) {
        if *self == ParaProps::default() {
            return;
        }
        out.push_str("<w:pPr>");
        if let Some(s) = self.style {
            val(out, "pStyle", s);
        }
        if self.keep_next {
            out.push_str("<w:keepNext/>");
        }
        toggle(out, "widowControl", self.widow_control);
        toggle(out, "autoSpaceDE", self.auto_space);
        toggle(out, "autoSpaceDN", self.auto_space);
        toggle(out, "snapToGrid", self.snap_to_grid);
        if let Some(s) = self.spacing {
            out.push_str("<w:spacing");
            if let Some(b) = s.before {
                attr(out, "before", b);
            }
            if let Some(a) = s.after {
                attr(out, "after", a);
            }
            if let Some(line) = s.line {
                let (v, rule) = match line {
                    Line::Exact(v) => (v, "exact"),
                    Line::AtLeast(v) => (v, "atLeast"),
                    Line::Auto(v) => (v, "auto"),
                };
                attr(out, "line", v);
                attr(out, "lineRule", rule);
            }
            out.push_str("/>");
        }
        self.ind.write(out);
        if let Some(j) = self.jc {
            val(out, "jc", j);
        }
        if let Some(l) = self.outline_level {
            val(out, "outlineLvl", l);
        }
        if let Some(r) = self.mark {
            out.push_str("<w:rPr>");
            r.mark(out);
            out.push_str("</w:rPr>");
        }
        out.push_str("</w:pPr>");
    }
}

/// Page size, margins and grid of a section, in twips.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Section<'a> {
    /// Headers and footers (type, relationship id): a reference
    /// document's, and the page-number footers on the pages it leaves.
    pub headers: &'a [(&'a str, &'a str)],
    pub footers: &'a [(&'a str, &'a str)],
    /// A first page of its own (`w:titlePg`).
    pub title_page: bool,
    pub page: crate::page::Page,
    /// `w:docGrid w:type="lines"` with this pitch; none, no grid.
    pub line_pitch: Option<u32>,
    /// `w:pgNumType w:fmt`: how the PAGE fields show the number
    /// (`numberInDash` is "- 2 -").
    pub page_number_format: Option<&'a str>,
}

impl Section<'_> {
    pub fn write(&self, out: &mut String) {
        out.push_str("<w:sectPr>");
        // Kinds and ids come from a template: escaped like every value.
        for (tag, list) in [("header", self.headers), ("footer", self.footers)] {
            for (kind, id) in list {
                let _ = write!(
                    out,
                    r#"<w:{tag}Reference w:type="{}" r:id="{}"/>"#,
                    escape(kind),
                    escape(id)
                );
            }
        }
        let _ = write!(
            out,
            concat!(
                r#"<w:pgSz w:w="{}" w:h="{}"/>"#,
                r#"<w:pgMar w:top="{}" w:right="{}" w:bottom="{}" w:left="{}" w:header="{}" w:footer="{}" w:gutter="0"/>"#,
            ),
            self.page.width,
            self.page.height,
            self.page.top,
            self.page.right,
            self.page.bottom,
            self.page.left,
            self.page.header,
            self.page.footer,
        );
        if let Some(fmt) = self.page_number_format {
            out.push_str("<w:pgNumType");
            attr(out, "fmt", fmt);
            out.push_str("/>");
        }
        out.push_str(r#"<w:cols w:space="425"/>"#);
        if self.title_page {
            out.push_str("<w:titlePg/>");
        }
        if let Some(pitch) = self.line_pitch {
            let _ = write!(out, r#"<w:docGrid w:type="lines" w:linePitch="{pitch}"/>"#);
        }
        out.push_str("</w:sectPr>");
    }
}

/// ` w:name="value"`, the value escaped.
pub fn attr(out: &mut String, name: &str, value: impl std::fmt::Display) {
    out.push_str(" w:");
    out.push_str(name);
    out.push_str("=\"");
    let mut s = String::new();
    let _ = write!(s, "{value}");
    escape_into(out, &s);
    out.push('"');
}

/// `<w:tag w:val="value"/>`.
pub fn val(out: &mut String, tag: &str, value: impl std::fmt::Display) {
    out.push_str("<w:");
    out.push_str(tag);
    attr(out, "val", value);
    out.push_str("/>");
}

/// An on/off property: `<w:b/>` for on, `<w:b w:val="0"/>` for off.
fn toggle(out: &mut String, tag: &str, on: Option<bool>) {
    match on {
        Some(true) => {
            out.push_str("<w:");
            out.push_str(tag);
            out.push_str("/>");
        }
        Some(false) => val(out, tag, 0),
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_properties_come_in_schema_order() {
        let mut out = String::new();
        RunProps {
            style: Some("S"),
            fonts: Fonts {
                all: Some("仿宋"),
                east_asia_hint: true,
            },
            bold: Some(true),
            italic: Some(true),
            strike: true,
            spacing: Some(-5),
            kern: Some(2),
            size: Some(32),
            lang: Some(Lang {
                latin: "en-US",
                east_asia: "zh-CN",
            }),
        }
        .write(&mut out);
        let order: Vec<&str> = out
            .split('<')
            .filter_map(|t| t.strip_prefix("w:"))
            .map(|t| t.split([' ', '/', '>']).next().unwrap())
            .collect();
        assert_eq!(
            order,
            [
                "rPr", "rStyle", "rFonts", "b", "bCs", "i", "iCs", "strike", "spacing", "kern",
                "sz", "szCs", "lang"
            ]
        );
    }

    #[test]
    fn paragraph_properties_come_in_schema_order() {
        let mut out = String::new();
        ParaProps {
            style: Some("S"),
            keep_next: true,
            widow_control: Some(false),
            auto_space: Some(false),
            snap_to_grid: Some(false),
            spacing: Some(LineSpacing::exact(579)),
            ind: Indent {
                first_line: Some((640, Some(200))),
                ..Indent::default()
            },
            jc: Some("both"),
            outline_level: Some(1),
            mark: Some(Revision {
                kind: Tracked::Deleted,
                id: 7,
                author: "甲校工会委员会",
                date: "2026-11-23T10:00:00Z",
            }),
        }
        .write(&mut out);
        assert_eq!(
            out,
            concat!(
                r#"<w:pPr><w:pStyle w:val="S"/><w:keepNext/><w:widowControl w:val="0"/>"#,
                r#"<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>"#,
                r#"<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="579" w:lineRule="exact"/>"#,
                r#"<w:ind w:firstLine="640" w:firstLineChars="200"/><w:jc w:val="both"/>"#,
                r#"<w:outlineLvl w:val="1"/>"#,
                r#"<w:rPr><w:del w:id="7" w:author="甲校工会委员会" w:date="2026-11-23T10:00:00Z"/></w:rPr>"#,
                r#"</w:pPr>"#
            )
        );
    }

    #[test]
    fn a_revision_wraps_runs_and_escapes_its_author() {
        let r = Revision {
            kind: Tracked::Inserted,
            id: 3,
            author: "A&B <工会>",
            date: "2026-01-01T00:00:00Z",
        };
        let mut out = String::new();
        r.open(&mut out);
        out.push_str("<w:r/>");
        r.close(&mut out);
        assert_eq!(
            out,
            r#"<w:ins w:id="3" w:author="A&amp;B &lt;工会&gt;" w:date="2026-01-01T00:00:00Z"><w:r/></w:ins>"#
        );
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape(r#"a<b>&"c""#), "a&lt;b&gt;&amp;&quot;c&quot;");
        assert_eq!(escape("无需转义"), "无需转义");
        assert_eq!(escape("a\u{1}b\u{FFFF}c\td"), "a\u{FFFD}b\u{FFFD}c\td");
    }
}

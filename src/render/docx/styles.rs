//! `word/styles.xml`: the named paragraph styles a Word user works with.
//!
//! Paragraphs in the document name one of these styles and carry almost
//! no formatting of their own, so a teacher who adds a paragraph in Word
//! picks 正文 and gets 仿宋 3号 with its indent, and the navigation pane
//! shows the outline. The `style` section of a spec changes these styles.
//!
//! | style id        | shown as  | for                               |
//! |-----------------|-----------|-----------------------------------|
//! | `Normal`        | 正文      | body text, list items, blank lines |
//! | `Title`         | 标题      | the plan's title                  |
//! | `PlanHeading1`  | 一级标题  | 一、                               |
//! | `PlanHeading2`  | 二级标题  | （一） and month headings           |
//! | `PlanHeading3`  | 三级标题  | 1.                                 |
//! | `PlanHeading4`  | 四级标题  | （1） and ①                         |
//! | `PlanSignature` | 落款      | the signing union and the date    |
//! | `PlanPageNumber`| 页码      | "— 1 —" in the footers            |
//! | `PlanTableText` | 表格文字  | the cells of the schedule's table |
//! | `PlanTableHead` | 表头      | its header row, in 黑体             |
//!
//! 正文 and 标题 are Word's built-in `Normal` and `Title`, which Word and
//! WPS show under exactly those Chinese names; a style *named* 正文 would
//! stand as a second 正文 beside Word's own. The others have no built-in
//! twin and carry their Chinese names themselves.

use super::Measures;
use crate::ooxml::named::name_of;
// The styles' IDs, for the writer beside the styles they name; they are
// kept in `crate::ooxml::named`, which the school's template reader shares.
pub use crate::ooxml::named::{
    HEADINGS, NORMAL, PAGE_NUMBER, SIGNATURE, TABLE_HEAD, TABLE_TEXT, TITLE,
};
use crate::ooxml::{
    self, DECLARATION, Fonts, Indent, Lang, LineSpacing, NS_W, ParaProps, RunProps,
};
use crate::reference::Look;
use crate::spec::Style;

/// One `w:style` of type paragraph.
struct Def<'a> {
    id: &'a str,
    name: &'a str,
    based_on: Option<&'a str>,
    /// Shown in the style gallery of the Home tab.
    gallery: bool,
    p: ParaProps<'a>,
    r: RunProps<'a>,
}

impl Def<'_> {
    /// `CT_Style`: name, basedOn, next, uiPriority, qFormat, pPr, rPr.
    fn write(&self, out: &mut String) {
        out.push_str(r#"<w:style w:type="paragraph""#);
        if self.id == NORMAL {
            out.push_str(r#" w:default="1""#);
        }
        ooxml::attr(out, "styleId", self.id);
        out.push('>');
        ooxml::val(out, "name", self.name);
        if let Some(b) = self.based_on {
            ooxml::val(out, "basedOn", b);
            ooxml::val(out, "next", NORMAL);
        }
        if self.gallery {
            out.push_str("<w:qFormat/>");
        }
        self.p.write(out);
        self.r.write(out);
        out.push_str("</w:style>");
    }
}

/// One of the plan's named styles, as data: what it sets, with the values
/// that follow from the spec's style and its measures (a font, a size,
/// two characters' indent) named by where they come from. Its fields are
/// those of [`ParaProps`], [`Indent`] and [`RunProps`] of the same names;
/// [`Named::def`] makes it a [`Def`] for one plan.
struct Named {
    id: &'static str,
    based_on: Option<&'static str>,
    /// Shown in the style gallery of the Home tab.
    gallery: bool,
    keep_next: bool,
    widow_control: Option<bool>,
    auto_space: Option<bool>,
    snap_to_grid: Option<bool>,
    /// An exact line height, from the spec's style.
    line: Option<fn(&Style) -> u32>,
    right: Option<Chars>,
    first_line: Option<Chars>,
    jc: Option<&'static str>,
    outline_level: Option<u8>,
    /// The font, one of the spec's style's.
    font: Option<fn(&Style) -> &str>,
    bold: Option<bool>,
    spacing: Option<CharSpacing>,
    /// The size in half-points, one of the measures'.
    size: Option<fn(&Measures) -> u32>,
}

/// An indent in characters of body text, in twips and in hundredths of a
/// character.
#[derive(Clone, Copy)]
enum Chars {
    Zero,
    Two,
}

impl Chars {
    fn indent(self, m: &Measures) -> (i32, Option<i32>) {
        match self {
            Chars::Zero => (0, Some(0)),
            Chars::Two => (m.two_chars, Some(200)),
        }
    }
}

/// Character spacing, where the body's is not the natural one.
#[derive(Clone, Copy)]
enum CharSpacing {
    /// Body text's, so that 28 characters fill a line.
    Body,
    /// Text of another size keeps its natural spacing.
    Natural,
}

impl CharSpacing {
    fn twips(self, m: &Measures) -> Option<i32> {
        match self {
            CharSpacing::Body => (m.char_spacing != 0).then_some(m.char_spacing),
            CharSpacing::Natural => (m.char_spacing != 0).then_some(0),
        }
    }
}

/// A style based on 正文 that sets nothing of its own: what the entries
/// of [`STYLES`] start from.
const ON_NORMAL: Named = Named {
    id: NORMAL,
    based_on: Some(NORMAL),
    gallery: false,
    keep_next: false,
    widow_control: None,
    auto_space: None,
    snap_to_grid: None,
    line: None,
    right: None,
    first_line: None,
    jc: None,
    outline_level: None,
    font: None,
    bold: None,
    spacing: None,
    size: None,
};

/// A heading of `level` 1–4 (一级标题 …), in `font`: it keeps with the
/// next line and is in the outline.
const fn heading(level: u8, font: fn(&Style) -> &str) -> Named {
    Named {
        id: HEADINGS[level as usize - 1],
        gallery: true,
        keep_next: true,
        outline_level: Some(level),
        font: Some(font),
        bold: if level == 3 { Some(true) } else { None },
        ..ON_NORMAL
    }
}

/// The plan's paragraph styles, in the order `word/styles.xml` has them.
const STYLES: [Named; 10] = [
    Named {
        id: NORMAL,
        based_on: None,
        gallery: true,
        first_line: Some(Chars::Two),
        jc: Some("both"),
        // A 公文 keeps its fixed grid of 22 lines: no line moves
        // to the next page to spare a lone one (Chinese Word's own
        // 正文 says the same). Headings keep with the next line.
        widow_control: Some(false),
        // Nor space between Chinese and digits: 2025年2月 keeps the
        // grid's 28 characters a line, and the 落款 its measure, in
        // which a half-width digit counts half a character.
        auto_space: Some(false),
        spacing: Some(CharSpacing::Body),
        ..ON_NORMAL
    },
    Named {
        id: TITLE,
        gallery: true,
        // 22 pt is taller than the grid pitch: snapped, the title
        // would take two grid lines instead of one.
        snap_to_grid: Some(false),
        first_line: Some(Chars::Zero),
        jc: Some("center"),
        outline_level: Some(0),
        font: Some(|s| &s.title_font),
        spacing: Some(CharSpacing::Natural),
        size: Some(|m| m.title_half_points),
        ..ON_NORMAL
    },
    heading(1, |s| &s.heading1_font),
    heading(2, |s| &s.heading2_font),
    heading(3, |s| &s.heading3_font),
    heading(4, |s| &s.heading3_font),
    Named {
        id: SIGNATURE,
        gallery: true,
        right: Some(Chars::Two),
        first_line: Some(Chars::Zero),
        jc: Some("right"),
        ..ON_NORMAL
    },
    Named {
        id: TABLE_TEXT,
        first_line: Some(Chars::Zero),
        jc: Some("left"),
        ..ON_NORMAL
    },
    Named {
        id: TABLE_HEAD,
        based_on: Some(TABLE_TEXT),
        keep_next: true,
        jc: Some("center"),
        font: Some(|s| &s.heading1_font),
        ..ON_NORMAL
    },
    Named {
        id: PAGE_NUMBER,
        // Based on 正文 explicitly, and its indent and spacing undone:
        // LibreOffice bases every style on the default one anyway.
        based_on: Some(NORMAL),
        // Exactly as tall as the number, off the body's grid: the
        // footer distance then puts the 一字线 7 mm below the text.
        snap_to_grid: Some(false),
        line: Some(crate::page::page_number_line),
        first_line: Some(Chars::Zero),
        font: Some(|s| &s.page_number_font),
        spacing: Some(CharSpacing::Natural),
        size: Some(|m| m.page_number_half_points),
        ..ON_NORMAL
    },
];

/// `w:rFonts` setting all four slots to `font`.
fn fonts(font: &str) -> Fonts<'_> {
    Fonts {
        all: Some(font),
        east_asia_hint: false,
    }
}

impl Named {
    /// The style as one plan's measures make it.
    fn def<'s>(&self, m: &Measures<'s>) -> Def<'s> {
        let s = m.style;
        Def {
            id: self.id,
            name: name_of(self.id),
            based_on: self.based_on,
            gallery: self.gallery,
            p: ParaProps {
                keep_next: self.keep_next,
                widow_control: self.widow_control,
                auto_space: self.auto_space,
                snap_to_grid: self.snap_to_grid,
                spacing: self.line.map(|line| LineSpacing::exact(line(s))),
                ind: Indent {
                    right: self.right.map(|c| c.indent(m)),
                    first_line: self.first_line.map(|c| c.indent(m)),
                    ..Indent::default()
                },
                jc: self.jc,
                outline_level: self.outline_level,
                ..ParaProps::default()
            },
            r: RunProps {
                fonts: self.font.map_or_else(Fonts::default, |f| fonts(f(s))),
                bold: self.bold,
                spacing: self.spacing.and_then(|c| c.twips(m)),
                size: self.size.map(|size| size(m)),
                ..RunProps::default()
            },
        }
    }
}

/// `d` changed by the look of the reference document's style of the same
/// ID or name: just what that sets; the rest comes from 正文 or the
/// defaults.
fn look<'s>(d: &mut Def<'s>, look: &'s Look, m: &Measures) {
    let spacing = LineSpacing {
        before: look.before,
        after: look.after,
        line: look.line,
    };
    if spacing != LineSpacing::default() {
        d.p.spacing = Some(spacing);
    }
    // Its font and size, on every style (正文, 标题 and 页码 have
    // theirs already, through the measures).
    if let Some(font) = &look.font {
        d.r.fonts = fonts(font);
    }
    if let Some(size) = look.size.filter(|&hp| hp != m.body_half_points) {
        d.r.size = Some(size);
        // The character spacing fits body-size text to the line.
        d.r.spacing = CharSpacing::Natural.twips(m);
    }
}

/// `w:docDefaults`: the text is Chinese and set in the body font, so Word
/// never falls back to a Japanese or Latin theme font, on the grid's
/// exact line pitch.
fn doc_defaults(m: &Measures, out: &mut String) {
    out.push_str("<w:docDefaults><w:rPrDefault>");
    RunProps {
        fonts: fonts(&m.style.body_font),
        size: Some(m.body_half_points),
        lang: Some(Lang {
            latin: "en-US",
            east_asia: "zh-CN",
        }),
        ..RunProps::default()
    }
    .write(out);
    out.push_str("</w:rPrDefault><w:pPrDefault>");
    ParaProps {
        spacing: Some(LineSpacing::exact(m.line_pitch)),
        ..ParaProps::default()
    }
    .write(out);
    out.push_str("</w:pPrDefault></w:docDefaults>");
}

/// The whole styles part for one plan's measures: the defaults, the
/// plan's named styles ([`STYLES`]) as its reference document changes
/// them, Word's default character style, and the reference document's
/// styles that its copied headers and footers use.
pub fn part(m: &Measures) -> String {
    let mut out = String::with_capacity(4096);
    out.push_str(DECLARATION);
    out.push_str("<w:styles xmlns:w=\"");
    out.push_str(NS_W);
    out.push_str("\">");
    doc_defaults(m, &mut out);
    for named in &STYLES {
        let mut d = named.def(m);
        if let Some(l) = m.template.and_then(|t| t.looks.get(named.id)) {
            look(&mut d, l, m);
        }
        d.write(&mut out);
    }
    out.push_str(concat!(
        r#"<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">"#,
        r#"<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/>"#,
        r#"<w:semiHidden/><w:unhideWhenUsed/></w:style>"#,
    ));
    if let Some(t) = m.template {
        out.push_str(&t.styles);
    }
    out.push_str("</w:styles>");
    out
}

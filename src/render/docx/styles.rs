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

/// The whole styles part for one plan's measures.
pub fn part(m: &Measures) -> String {
    let s = m.style;
    let fonts = |f| Fonts {
        all: Some(f),
        east_asia_hint: false,
    };
    // The indents of body text, in twips and in hundredths of a character.
    let first_line = Some((m.two_chars, Some(200)));
    let no_first_line = Some((0, Some(0)));
    // Text of another size keeps its natural spacing.
    let plain_spacing = (m.char_spacing != 0).then_some(0);
    let heading = |level: usize, font| Def {
        id: HEADINGS[level - 1],
        name: name_of(HEADINGS[level - 1]),
        based_on: Some(NORMAL),
        gallery: true,
        p: ParaProps {
            keep_next: true,
            outline_level: Some(level as u8),
            ..ParaProps::default()
        },
        r: RunProps {
            fonts: fonts(font),
            bold: (level == 3).then_some(true),
            ..RunProps::default()
        },
    };
    let mut defs = [
        Def {
            id: NORMAL,
            name: name_of(NORMAL),
            based_on: None,
            gallery: true,
            p: ParaProps {
                ind: Indent {
                    first_line,
                    ..Indent::default()
                },
                jc: Some("both"),
                // A 公文 keeps its fixed grid of 22 lines: no line moves
                // to the next page to spare a lone one (Chinese Word's own
                // 正文 says the same). Headings keep with the next line.
                widow_control: Some(false),
                // Nor space between Chinese and digits: 2025年2月 keeps the
                // grid's 28 characters a line, and the 落款 its measure, in
                // which a half-width digit counts half a character.
                auto_space: Some(false),
                ..ParaProps::default()
            },
            r: RunProps {
                spacing: (m.char_spacing != 0).then_some(m.char_spacing),
                ..RunProps::default()
            },
        },
        Def {
            id: TITLE,
            name: name_of(TITLE),
            based_on: Some(NORMAL),
            gallery: true,
            p: ParaProps {
                // 22 pt is taller than the grid pitch: snapped, the title
                // would take two grid lines instead of one.
                snap_to_grid: Some(false),
                ind: Indent {
                    first_line: no_first_line,
                    ..Indent::default()
                },
                jc: Some("center"),
                outline_level: Some(0),
                ..ParaProps::default()
            },
            r: RunProps {
                fonts: fonts(&s.title_font),
                spacing: plain_spacing,
                size: Some(m.title_half_points),
                ..RunProps::default()
            },
        },
        heading(1, &s.heading1_font),
        heading(2, &s.heading2_font),
        heading(3, &s.heading3_font),
        heading(4, &s.heading3_font),
        Def {
            id: SIGNATURE,
            name: name_of(SIGNATURE),
            based_on: Some(NORMAL),
            gallery: true,
            p: ParaProps {
                ind: Indent {
                    right: Some((m.two_chars, Some(200))),
                    first_line: no_first_line,
                    ..Indent::default()
                },
                jc: Some("right"),
                ..ParaProps::default()
            },
            r: RunProps::default(),
        },
        Def {
            id: TABLE_TEXT,
            name: name_of(TABLE_TEXT),
            based_on: Some(NORMAL),
            gallery: false,
            p: ParaProps {
                ind: Indent {
                    first_line: no_first_line,
                    ..Indent::default()
                },
                jc: Some("left"),
                ..ParaProps::default()
            },
            r: RunProps::default(),
        },
        Def {
            id: TABLE_HEAD,
            name: name_of(TABLE_HEAD),
            based_on: Some(TABLE_TEXT),
            gallery: false,
            p: ParaProps {
                keep_next: true,
                jc: Some("center"),
                ..ParaProps::default()
            },
            r: RunProps {
                fonts: fonts(&s.heading1_font),
                ..RunProps::default()
            },
        },
        Def {
            id: PAGE_NUMBER,
            name: name_of(PAGE_NUMBER),
            // Based on 正文 explicitly, and its indent and spacing undone:
            // LibreOffice bases every style on the default one anyway.
            based_on: Some(NORMAL),
            gallery: false,
            p: ParaProps {
                // Exactly as tall as the number, off the body's grid: the
                // footer distance then puts the 一字线 7 mm below the text.
                snap_to_grid: Some(false),
                spacing: Some(LineSpacing::exact(crate::page::page_number_line(s))),
                ind: Indent {
                    first_line: no_first_line,
                    ..Indent::default()
                },
                ..ParaProps::default()
            },
            r: RunProps {
                fonts: fonts(&s.page_number_font),
                spacing: plain_spacing,
                size: Some(m.page_number_half_points),
                ..RunProps::default()
            },
        },
    ];

    // A reference document's spacing of its styles of the same ID or
    // name, just what it sets: the rest comes from 正文 or the defaults.
    if let Some(t) = m.template {
        for d in &mut defs {
            let Some(look) = t.looks.get(d.id) else {
                continue;
            };
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
                d.r.spacing = plain_spacing;
            }
        }
    }

    let mut out = String::with_capacity(4096);
    out.push_str(DECLARATION);
    out.push_str("<w:styles xmlns:w=\"");
    out.push_str(NS_W);
    out.push_str("\"><w:docDefaults><w:rPrDefault>");
    // The defaults say the text is Chinese and set in the body font, so
    // Word never falls back to a Japanese or Latin theme font.
    RunProps {
        fonts: fonts(&s.body_font),
        size: Some(m.body_half_points),
        lang: Some(Lang {
            latin: "en-US",
            east_asia: "zh-CN",
        }),
        ..RunProps::default()
    }
    .write(&mut out);
    out.push_str("</w:rPrDefault><w:pPrDefault>");
    ParaProps {
        spacing: Some(LineSpacing::exact(m.line_pitch)),
        ..ParaProps::default()
    }
    .write(&mut out);
    out.push_str("</w:pPrDefault></w:docDefaults>");
    for d in &defs {
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

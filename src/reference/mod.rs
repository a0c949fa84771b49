//! The school's own Word file as a reference document (参考文档), as
//! pandoc's `--reference-doc`: the plan takes from it
//!
//! - the page: size, margins, and the header and footer distances;
//! - the headers and footers, with the pictures they show (a letterhead,
//!   a 校徽), copied under names of their own, with their relationships
//!   to those pictures;
//! - for each of unionplan's named styles that the file defines under the
//!   same style ID or name (正文, 标题, 一级标题 …), its East Asian font, its
//!   size, its spacing before and after and its line spacing; but not a
//!   正文 left as a blank document has it ([`blank_body`]).
//!
//! Nothing else of the file's body is taken: the plan's text, numbering
//! and structure are its own. Unless the file's 正文 sets a line spacing,
//! the line pitch stays the grid's, worked out from the reference page so
//! that a full page still holds the style's lines. If it does, the plan
//! takes the file's document grid with it: in Word a line spacing of "1.5
//! lines" is one and a half of the grid's lines, so the one means nothing
//! without the other.
//!
//! The file comes from outside, and is read as hostile input: through
//! the guarded zip reader ([`crate::package`]: no entries sharing data,
//! [`LIMITS`] on what it inflates to) and the guarded XML parser
//! ([`crate::xml`]); its pictures' sizes are read and held to a limit
//! ([`image`]); a header is copied only if it is related as one, is a
//! `w:hdr` and typed as one (so the template's body never comes along as
//! a "header"), and of what it relates to only its pictures inside the
//! file come with it ([`headers`]): whatever else it uses is taken out of
//! it, and what is linked outside the file is reported
//! ([`Template::warnings`]). The
//! copied parts are written back escaped and with every prefix declared
//! ([`styles`]).
//!
//! A file is read once per run and kept ([`load`]); validation reads it
//! first, so a file that is not a DOCX, or is damaged, is reported at the
//! spec's line that names it.

mod headers;
mod image;
mod package_parts;
mod styles;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::messages::{self, Message};
use crate::ooxml::Line;
use crate::ooxml::named::{self, HEADINGS, NORMAL, PAGE_NUMBER, TITLE};
use crate::page::Page;
use crate::spec::Style;

use self::headers::{Copied, Copier};
use self::package_parts::*;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// What a template may inflate to. What is read of it is its body (for
/// its last section), its styles, settings and theme, and its headers and
/// footers with their pictures: a school's letterhead template is well
/// under 5 MB of these, and a scanned 校徽 a megabyte or two. 64 MiB
/// leaves room for a long body and large pictures while keeping what a
/// hostile file costs to a fraction of a second and of a gigabyte; no
/// part is more than half of it.
const LIMITS: crate::package::Limits = crate::package::Limits {
    part: 32 << 20,
    total: 64 << 20,
};

/// A header or footer of the reference document, as the plan refers to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// `default`, `even` or `first`.
    pub kind: String,
    /// Its relationship id in `word/_rels/document.xml.rels`.
    pub id: String,
}

/// What a named style of the reference document sets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Look {
    /// Its East Asian (Chinese) font, named or by the theme.
    pub font: Option<String>,
    /// Half-points.
    pub size: Option<u32>,
    /// Spacing before the paragraph, in twips.
    pub before: Option<u32>,
    /// Spacing after the paragraph, in twips.
    pub after: Option<u32>,
    /// Its line spacing: where the 正文 sets one, the plan takes the
    /// file's document grid with it.
    pub line: Option<Line>,
}

/// A reference document, read.
#[derive(Debug, PartialEq, Eq)]
pub struct Template {
    /// The file it was read from, named in messages.
    pub path: PathBuf,
    /// Which reading of the file this is: each reading has its own, so
    /// what is made from one is never taken for another's.
    pub reading: u64,
    /// The page its last section sets (size, margins, header and footer
    /// distances), where a line of text fits in it.
    pub page: Option<Page>,
    /// The headers copied, as the plan's section refers to them.
    pub headers: Vec<Reference>,
    /// The footers copied, as the plan's section refers to them.
    pub footers: Vec<Reference>,
    /// A different first page (`w:titlePg`).
    pub title_page: bool,
    /// `w:style` elements for the plan's `styles.xml`: the styles the
    /// copied headers and footers use ([`styles`]).
    pub styles: String,
    /// The pitch of its document grid of lines, if it has one.
    pub grid: Option<u32>,
    /// It has footers, and one of them that pages use shows no page
    /// number (no `PAGE` field): the pages with that footer have none.
    pub footer_without_page: bool,
    /// Its headers or footers link to something outside the file (a
    /// header, a picture): not taken, as LibreOffice would fetch it.
    pub external_dropped: bool,
    /// Its headers or footers hold something other than pictures (a
    /// chart, an embedded object): not taken.
    pub content_dropped: bool,
    /// How its page numbers are shown (`w:pgNumType w:fmt`, such as
    /// `numberInDash` for "- 2 -").
    pub page_number_format: Option<String>,
    /// The parts copied: headers, footers, their relationships and media.
    pub parts: Vec<(String, Vec<u8>)>,
    /// `Override` and `Default` entries for `[Content_Types].xml`.
    pub content_types: String,
    /// `Relationship` entries for `word/_rels/document.xml.rels`.
    pub relationships: String,
    /// By unionplan's style id.
    pub looks: HashMap<&'static str, Look>,
    /// Its 正文 set only what Word and WPS give a blank document (五号,
    /// 宋体 or 等线): its size and font, left out of [`Template::looks`].
    pub blank_body: Option<Look>,
}

/// The reference document at `path`, read once for as long as the file is
/// unchanged: a batch reads it once for all its schools, and `preview`
/// reads it again when the school saves a new version. A file that cannot
/// be used is an [`Error::Invalid`](crate::Error::Invalid) naming it.
pub fn load(path: &Path) -> Result<Arc<Template>, crate::Error> {
    load_or_why(path)
        .map_err(|m| crate::Error::Invalid(vec![crate::diag::Diagnostic::file_level(path, m)]))
}

/// [`load`], with why the file cannot be used as the sentence alone, for
/// validation to say at the spec's line that names the file.
pub(crate) fn load_or_why(path: &Path) -> Result<Arc<Template>, Message> {
    type Stamp = Option<(std::time::SystemTime, u64)>;
    static KEPT: Mutex<Vec<(PathBuf, Stamp, Arc<Template>)>> = Mutex::new(Vec::new());
    let stamp: Stamp = std::fs::metadata(path)
        .ok()
        .and_then(|m| Some((m.modified().ok()?, m.len())));
    let mut kept = KEPT.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, _, t)) = kept
        .iter()
        .find(|(p, s, _)| p == path && stamp.is_some() && *s == stamp)
    {
        return Ok(t.clone());
    }
    let t = Arc::new(read(path)?);
    kept.retain(|(p, _, _)| p != path);
    kept.push((path.to_path_buf(), stamp, t.clone()));
    Ok(t)
}

impl Template {
    /// What the school should know of how its template was taken, named
    /// `shown`: each warning with its help, if it has one.
    pub fn warnings(&self, shown: &str) -> Vec<(Message, Option<String>)> {
        let mut out = Vec::new();
        if self.footer_without_page {
            out.push((
                messages::reference_no_page_numbers(shown),
                Some(messages::reference_no_page_numbers_help()),
            ));
        }
        if self.external_dropped {
            out.push((
                messages::reference_external_dropped(shown),
                Some(messages::reference_external_dropped_help()),
            ));
        }
        if self.content_dropped {
            out.push((messages::reference_content_dropped(shown), None));
        }
        if let Some(blank) = &self.blank_body {
            let font = blank.font.as_deref().unwrap_or("宋体");
            out.push((
                messages::reference_blank_body(shown, font),
                Some(messages::reference_blank_body_help()),
            ));
        }
        out
    }
}

/// `style` as the reference document changes it, for what follows from the
/// style beyond its own `w:style` (which `styles.rs` sets from the looks
/// directly): the body's font and size fix the line pitch and character
/// spacing, the title's and page number's are measured, the headings'
/// fonts go into the font table, 三级标题's is 四级标题's and 一级标题's is
/// 表头's where the template has none of those.
pub fn applied(style: &Style, t: &Template) -> Style {
    let mut s = style.clone();
    let look = |id| t.looks.get(id);
    let font = |id, slot: &mut String| {
        if let Some(f) = look(id).and_then(|l| l.font.clone()) {
            *slot = f;
        }
    };
    let size = |id, slot: &mut f64| {
        if let Some(hp) = look(id).and_then(|l| l.size) {
            *slot = f64::from(hp) / 2.0;
        }
    };
    font(NORMAL, &mut s.body_font);
    size(NORMAL, &mut s.body_size);
    font(TITLE, &mut s.title_font);
    size(TITLE, &mut s.title_size);
    font(HEADINGS[0], &mut s.heading1_font);
    font(HEADINGS[1], &mut s.heading2_font);
    font(HEADINGS[2], &mut s.heading3_font);
    font(PAGE_NUMBER, &mut s.page_number_font);
    size(PAGE_NUMBER, &mut s.page_number_size);
    s
}

/// The reference document at `path`, read: its page and section, the
/// looks of the plan's styles, and its headers and footers copied for the
/// plan. Its parts are read in this order, which decides which fault of
/// a damaged file is reported: the body, its relationships and content
/// types, the styles, settings and theme, then the headers and footers.
fn read(path: &Path) -> Result<Template, Message> {
    let shown = path.display().to_string();
    let bytes = crate::input::read(path, crate::input::Kind::Reference)
        .map_err(|e| messages::reference_unreadable(&shown, &e))?;
    let mut parts = Parts::open(shown, &bytes)?;
    let document = parts
        .text(DOCUMENT)?
        .ok_or_else(|| messages::reference_not_docx(&parts.shown))?;
    let doc = parse(&document, &parts.shown, DOCUMENT)?;
    let rels_xml = parts.text(DOCUMENT_RELS)?.unwrap_or_default();
    let rels: HashMap<String, Rel> = relationships(&rels_xml, &parts.shown, DOCUMENT_RELS)?
        .into_iter()
        .collect();
    let (defaults, overrides) = content_types(&mut parts)?;

    // The section: the body's last `w:sectPr`.
    let sect = doc
        .root_element()
        .descendants()
        .rfind(|n| n.has_tag_name((W, "sectPr")));
    let title_page = sect.and_then(|s| child(s, "titlePg")).is_some();

    // Its styles, for the looks of the plan's styles and for the headers
    // and footers copied.
    let styles_text = parts.text("word/styles.xml")?;
    let styles_doc = match &styles_text {
        Some(x) => Some(parse(x, &parts.shown, "word/styles.xml")?),
        None => None,
    };
    let even_and_odd = even_and_odd(&mut parts, &rels)?;
    let theme = theme(&mut parts, &rels)?;

    let mut copier = Copier {
        rels: &rels,
        defaults: &defaults,
        overrides: &overrides,
        even_and_odd,
        title_page,
        carried: styles::Carried::new(styles_doc.as_ref()),
        copied: Copied::default(),
    };
    if let Some(sect) = sect {
        copier.section(&mut parts, sect)?;
    }
    let carried_styles = copier.carried.styles_xml();
    let copied = copier.copied;

    static READINGS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let mut looks = styles_doc
        .as_ref()
        .map(|d| looks(d, &theme))
        .unwrap_or_default();
    let blank_body = blank_body(&mut looks);
    Ok(Template {
        path: path.to_path_buf(),
        reading: READINGS.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        page: sect.and_then(page_of),
        headers: copied.headers,
        footers: copied.footers,
        title_page,
        styles: carried_styles,
        grid: sect.and_then(grid_of),
        footer_without_page: copied.footer_without_page,
        external_dropped: copied.external_dropped,
        content_dropped: copied.content_dropped,
        page_number_format: sect.and_then(page_number_format),
        parts: copied.parts,
        content_types: copied.content_types,
        relationships: copied.relationships,
        looks,
        blank_body,
    })
}

/// The fonts Word and WPS give the 正文 of a blank Chinese document.
const BLANK_FONTS: [&str; 4] = ["宋体", "SimSun", "等线", "DengXian"];

/// Half-points of 五号, the size of a blank document's 正文.
const BLANK_SIZE: u32 = 21;

/// The template's 正文 when it sets nothing but what a blank document has
/// (五号, and 宋体 or 等线 or no font): taken out of `looks`, whose size and
/// font then stay the plan's own. A template made for its letterhead,
/// with the 正文 never touched, would otherwise set the plan's body in
/// 五号 宋体 on a grid of 22 lines meant for 三号; a school that chose its
/// 正文 changed at least one of the two, and keeps its choice.
fn blank_body(looks: &mut HashMap<&'static str, Look>) -> Option<Look> {
    let body = looks.get_mut(NORMAL)?;
    let blank_size = body.size.is_none_or(|s| s == BLANK_SIZE);
    let blank_font = body
        .font
        .as_deref()
        .is_none_or(|f| BLANK_FONTS.contains(&f));
    if !(blank_size && blank_font) || (body.size.is_none() && body.font.is_none()) {
        return None;
    }
    Some(Look {
        size: body.size.take(),
        font: body.font.take(),
        ..Look::default()
    })
}

/// The main part, and its relationships, which name every other part read.
const DOCUMENT: &str = "word/document.xml";
const DOCUMENT_RELS: &str = "word/_rels/document.xml.rels";

/// The package's content types ([`content_types_of`]): none if it has no
/// `[Content_Types].xml`.
fn content_types(parts: &mut Parts) -> Result<ContentTypes, Message> {
    let name = "[Content_Types].xml";
    match parts.text(name)?.filter(|x| !x.is_empty()) {
        Some(xml) => Ok(content_types_of(&parse(&xml, &parts.shown, name)?)),
        None => Ok(Default::default()),
    }
}

/// The text and name of the part the document relates to by a type
/// ending `/kind` (settings, theme), if there is one inside the file.
fn related(
    parts: &mut Parts,
    rels: &HashMap<String, Rel>,
    kind: &str,
) -> Result<Option<(String, String)>, Message> {
    let Some(rel) = rels
        .values()
        .find(|r| !r.external && r.kind.ends_with(&format!("/{kind}")))
    else {
        return Ok(None);
    };
    let name = resolve("word", &rel.target);
    Ok(parts.text(&name)?.map(|xml| (xml, name)))
}

/// Whether Word shows the document's even-page headers and footers at
/// all: its settings' `w:evenAndOddHeaders`.
fn even_and_odd(parts: &mut Parts, rels: &HashMap<String, Rel>) -> Result<bool, Message> {
    Ok(match related(parts, rels, "settings")? {
        Some((xml, name)) => parse(&xml, &parts.shown, &name)?
            .root_element()
            .children()
            .find(|n| n.has_tag_name((W, "evenAndOddHeaders")))
            .is_some_and(|n| !matches!(n.attribute((W, "val")), Some("0" | "false" | "off"))),
        None => false,
    })
}

/// The theme's Chinese fonts, for a style that names its font by the
/// theme (`w:eastAsiaTheme`), as Word does when only the Western font was
/// chosen.
fn theme(parts: &mut Parts, rels: &HashMap<String, Rel>) -> Result<ThemeFonts, Message> {
    Ok(match related(parts, rels, "theme")? {
        Some((xml, name)) => theme_fonts(&parse(&xml, &parts.shown, &name)?),
        None => ThemeFonts::default(),
    })
}

/// The number in `n`'s attribute `w:a` (twips, half-points), by its size:
/// a negative top or bottom margin is, to Word, that far from the edge
/// however tall the header. Held to 31,680 (22 inches in twips).
fn number(n: Option<roxmltree::Node>, a: &str) -> Option<u32> {
    n?.attribute((W, a))?
        .parse::<i64>()
        .ok()
        .map(|v| v.unsigned_abs().min(31_680) as u32)
}

/// The page a section sets (`w:pgSz`, `w:pgMar`), if it sets one that a
/// line of text fits in.
fn page_of(sect: roxmltree::Node) -> Option<Page> {
    let size = child(sect, "pgSz");
    let mar = child(sect, "pgMar");
    let page = Page {
        width: number(size, "w")?,
        height: number(size, "h")?,
        top: number(mar, "top")?,
        right: number(mar, "right")?,
        bottom: number(mar, "bottom")?,
        left: number(mar, "left")?,
        header: number(mar, "header").unwrap_or(851),
        footer: number(mar, "footer").unwrap_or(992),
    };
    // A page too small for a line of text is no page to typeset on.
    Some(page).filter(|p| p.width > p.left + p.right + 2000 && p.height > p.top + p.bottom + 2000)
}

/// How a section shows its page numbers (`w:pgNumType w:fmt`): only a
/// format Word knows (ST_NumberFormat's names are letters).
fn page_number_format(sect: roxmltree::Node) -> Option<String> {
    child(sect, "pgNumType")
        .and_then(|n| n.attribute((W, "fmt")))
        .filter(|f| {
            !f.is_empty()
                && f.len() <= 40
                && f.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        .map(str::to_string)
}

/// The pitch of a section's grid of lines (`w:docGrid` of a type
/// `lines…`), if it is one a page can be set on.
fn grid_of(sect: roxmltree::Node) -> Option<u32> {
    child(sect, "docGrid")
        .filter(|g| {
            g.attribute((W, "type"))
                .is_some_and(|t| t.starts_with("lines"))
        })
        .and_then(|g| number(Some(g), "linePitch"))
        .filter(|p| (100..=2000).contains(p))
}

/// The looks of the template's paragraph styles that are the plan's
/// ([`named::NAMED`]), by the plan's style ID: found by the same ID or
/// by one of its names, and an exact ID wins over a name.
fn looks(doc: &roxmltree::Document, theme: &ThemeFonts) -> HashMap<&'static str, Look> {
    let mut looks = HashMap::new();
    for s in doc
        .root_element()
        .children()
        .filter(|c| c.has_tag_name((W, "style")))
    {
        if s.attribute((W, "type")) != Some("paragraph") {
            continue;
        }
        let id = s.attribute((W, "styleId")).unwrap_or("");
        let name = child(s, "name")
            .and_then(|n| n.attribute((W, "val")))
            .unwrap_or("");
        let Some((ours, _)) = named::NAMED
            .iter()
            .find(|(ours, names)| *ours == id || names.contains(&name))
        else {
            continue;
        };
        let look = look_of(s, theme);
        // An exact ID wins over a name.
        if id == *ours || !looks.contains_key(ours) {
            looks.insert(*ours, look);
        }
    }
    looks
}

/// What the style `s` sets itself (not what it inherits): its Chinese
/// font, its size, and its spacing and line spacing, each if within what
/// a page can be set in.
fn look_of(s: roxmltree::Node, theme: &ThemeFonts) -> Look {
    let rpr = child(s, "rPr");
    let spacing = child(s, "pPr").and_then(|p| child(p, "spacing"));
    Look {
        font: rpr
            .and_then(|r| child(r, "rFonts"))
            .and_then(|f| east_asian_font(f, theme)),
        size: number(rpr.and_then(|r| child(r, "sz")), "val").filter(|&v| (10..=200).contains(&v)),
        before: number(spacing, "before"),
        after: number(spacing, "after"),
        line: spacing.and_then(|sp| line(number(Some(sp), "line")?, sp.attribute((W, "lineRule")))),
    }
}

/// The Chinese font a `w:rFonts` names, itself or by the theme: the
/// Chinese font only, as a Western one (`w:ascii`) would set the Chinese
/// text in a substitute.
fn east_asian_font(fonts: roxmltree::Node, theme: &ThemeFonts) -> Option<String> {
    let named = fonts
        .attribute((W, "eastAsia"))
        .filter(|f| !f.trim().is_empty());
    let themed = || match fonts.attribute((W, "eastAsiaTheme"))? {
        t if t.starts_with("major") => theme.major.as_deref(),
        t if t.starts_with("minor") => theme.minor.as_deref(),
        _ => None,
    };
    // One longer than Word holds is none the plan can name.
    named
        .or_else(themed)
        .filter(|f| f.chars().count() <= crate::spec::MAX_FONT_NAME)
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_resolve_like_paths() {
        assert_eq!(resolve("word", "media/a.png"), "word/media/a.png");
        assert_eq!(resolve("word", "../customXml/x.xml"), "customXml/x.xml");
        assert_eq!(resolve("word", "/word/header1.xml"), "word/header1.xml");
        assert_eq!(rels_of("word/header1.xml"), "word/_rels/header1.xml.rels");
    }
}

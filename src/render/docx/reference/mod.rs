//! The school's own Word file as a reference document (参考文档), as
//! pandoc's `--reference-doc`: the plan takes from it
//!
//! - the page: size, margins, and the header and footer distances;
//! - the headers and footers, with the images and other parts they refer
//!   to (a letterhead, a 校徽), copied as they are under names of their
//!   own, with their relationships;
//! - for each of unionplan's named styles that the file defines under the
//!   same style ID or name (正文, 标题, 一级标题 …), its East Asian font, its
//!   size, its spacing before and after and its line spacing.
//!
//! Nothing else of the file's body is taken: the plan's text, numbering
//! and structure are its own. Unless the file's 正文 sets a line spacing,
//! the line pitch stays the grid's, worked out from the reference page so
//! that a full page still holds the style's lines. If it does, the plan
//! takes the file's document grid with it: in Word a line spacing of "1.5
//! lines" is one and a half of the grid's lines, so the one means nothing
//! without the other.
//!
//! A file is read once per run and kept ([`load`]); validation reads it
//! first, so a file that is not a DOCX, or is damaged, is reported at the
//! spec's line that names it.

mod styles;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use super::ooxml::Line;
use crate::messages::{self, Message};
use crate::package::{Package, Refused};
use crate::spec::Style;

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

/// The page of the reference document, in twips.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    pub width: u32,
    pub height: u32,
    pub top: u32,
    pub right: u32,
    pub bottom: u32,
    pub left: u32,
    pub header: u32,
    pub footer: u32,
}

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
    pub font: Option<String>,
    /// Half-points.
    pub size: Option<u32>,
    /// Twips.
    pub before: Option<u32>,
    pub after: Option<u32>,
    pub line: Option<Line>,
}

/// A reference document, read.
#[derive(Debug, PartialEq, Eq)]
pub struct Template {
    pub path: PathBuf,
    /// Which reading of the file this is: each reading has its own, so
    /// what is made from one is never taken for another's.
    pub reading: u64,
    pub page: Option<Page>,
    pub headers: Vec<Reference>,
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
}

/// unionplan's named styles and the names a Word file may give them.
const STYLES: [(&str, &[&str]); 10] = [
    ("Normal", &["Normal", "正文"]),
    ("Title", &["Title", "标题"]),
    ("PlanHeading1", &["一级标题"]),
    ("PlanHeading2", &["二级标题"]),
    ("PlanHeading3", &["三级标题"]),
    ("PlanHeading4", &["四级标题"]),
    ("PlanSignature", &["落款"]),
    ("PlanPageNumber", &["页码"]),
    ("PlanTableText", &["表格文字"]),
    ("PlanTableHead", &["表头"]),
];

/// The reference document at `path`, read once for as long as the file is
/// unchanged: a batch reads it once for all its schools, and `preview`
/// reads it again when the school saves a new version.
pub fn load(path: &Path) -> Result<Arc<Template>, Message> {
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
    font("Normal", &mut s.body_font);
    size("Normal", &mut s.body_size);
    font("Title", &mut s.title_font);
    size("Title", &mut s.title_size);
    font("PlanHeading1", &mut s.heading1_font);
    font("PlanHeading2", &mut s.heading2_font);
    font("PlanHeading3", &mut s.heading3_font);
    font("PlanPageNumber", &mut s.page_number_font);
    size("PlanPageNumber", &mut s.page_number_size);
    s
}

fn read(path: &Path) -> Result<Template, Message> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| messages::reference_unreadable(&shown, &e))?;
    let not_docx = || messages::reference_not_docx(&shown);
    // Parts are read within [`LIMITS`], from a zip whose entries lie
    // apart ([`crate::package`]).
    let refused = |r: Refused| match r {
        Refused::NotZip => not_docx(),
        Refused::Overlapping => messages::reference_overlapping(&shown),
        // One part past its limit is the whole file past that size.
        Refused::PartTooLarge { .. } => messages::reference_too_large(&shown, LIMITS.part >> 20),
        Refused::TooLarge => messages::reference_too_large(&shown, LIMITS.total >> 20),
        Refused::Damaged { part } => messages::reference_damaged(&shown, &part),
    };
    let mut zip = Package::open(&bytes, LIMITS).map_err(refused)?;
    let mut part = |name: &str| zip.read(name).map_err(refused);
    let text = |bytes: Vec<u8>, name: &str| {
        String::from_utf8(bytes).map_err(|_| messages::reference_damaged(&shown, name))
    };
    let document = part("word/document.xml")?.ok_or_else(not_docx)?;
    let document = text(document, "word/document.xml")?;
    let doc = parse(&document, &shown, "word/document.xml")?;
    let rels_xml = match part("word/_rels/document.xml.rels")? {
        Some(b) => text(b, "word/_rels/document.xml.rels")?,
        None => String::new(),
    };
    let rels = relationships(&rels_xml, &shown, "word/_rels/document.xml.rels")?;
    let types_xml = match part("[Content_Types].xml")? {
        Some(b) => text(b, "[Content_Types].xml")?,
        None => String::new(),
    };
    let (defaults, overrides) = if types_xml.is_empty() {
        Default::default()
    } else {
        content_types_of(&parse(&types_xml, &shown, "[Content_Types].xml")?)
    };

    // The section: the body's last `w:sectPr`.
    let sect = doc
        .root_element()
        .descendants()
        .rfind(|n| n.has_tag_name((W, "sectPr")));
    let num = |n: Option<roxmltree::Node>, a: &str| -> Option<u32> {
        n?.attribute((W, a))?
            .parse::<i64>()
            .ok()
            .map(|v| v.unsigned_abs().min(31_680) as u32)
    };
    let page = sect.and_then(|s| {
        let size = child(s, "pgSz");
        let mar = child(s, "pgMar");
        Some(Page {
            width: num(size, "w")?,
            height: num(size, "h")?,
            top: num(mar, "top")?,
            right: num(mar, "right")?,
            bottom: num(mar, "bottom")?,
            left: num(mar, "left")?,
            header: num(mar, "header").unwrap_or(851),
            footer: num(mar, "footer").unwrap_or(992),
        })
    });
    // A page too small for a line of text is no page to typeset on.
    let page =
        page.filter(|p| p.width > p.left + p.right + 2000 && p.height > p.top + p.bottom + 2000);
    let title_page = sect.and_then(|s| child(s, "titlePg")).is_some();
    // Only a format Word knows (ST_NumberFormat's names are letters).
    let page_number_format = sect
        .and_then(|s| child(s, "pgNumType"))
        .and_then(|n| n.attribute((W, "fmt")))
        .filter(|f| {
            !f.is_empty()
                && f.len() <= 40
                && f.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        .map(str::to_string);
    let grid = sect
        .and_then(|s| child(s, "docGrid"))
        .filter(|g| {
            g.attribute((W, "type"))
                .is_some_and(|t| t.starts_with("lines"))
        })
        .and_then(|g| num(Some(g), "linePitch"))
        .filter(|p| (100..=2000).contains(p));

    // Its styles, for the looks of the plan's styles and for the headers
    // and footers copied.
    let styles_text = match part("word/styles.xml")? {
        Some(b) => Some(text(b, "word/styles.xml")?),
        None => None,
    };
    let styles_doc = match &styles_text {
        Some(x) => Some(parse(x, &shown, "word/styles.xml")?),
        None => None,
    };
    // The text of the part the document relates to by a type ending
    // `/kind` (settings, theme), if there is one.
    let mut related = |kind: &str| -> Result<Option<(String, String)>, Message> {
        let Some((_, target)) = rels
            .values()
            .find(|(t, _)| t.ends_with(&format!("/{kind}")))
        else {
            return Ok(None);
        };
        let name = resolve("word", target);
        match part(&name)? {
            Some(bytes) => Ok(Some((text(bytes, &name)?, name))),
            None => Ok(None),
        }
    };
    // Whether Word shows its even-page headers and footers at all.
    let even_and_odd = match related("settings")? {
        Some((xml, name)) => parse(&xml, &shown, &name)?
            .root_element()
            .children()
            .find(|n| n.has_tag_name((W, "evenAndOddHeaders")))
            .is_some_and(|n| !matches!(n.attribute((W, "val")), Some("0" | "false" | "off"))),
        None => false,
    };
    // The theme's Chinese fonts, for a style that names its font by the
    // theme (`w:eastAsiaTheme`), as Word does when only the Western font
    // was chosen.
    let theme = match related("theme")? {
        Some((xml, name)) => theme_fonts(&parse(&xml, &shown, &name)?),
        None => ThemeFonts::default(),
    };
    let mut carried =
        styles::Carried::new(styles_doc.as_ref(), styles_text.as_deref().unwrap_or(""));

    let mut parts = Vec::new();
    let mut content_types = String::new();
    let mut relationships_out = String::new();
    let mut headers = Vec::new();
    let mut footers = Vec::new();
    let mut copied: HashMap<String, String> = HashMap::new();
    let mut media_of: HashMap<String, String> = HashMap::new();
    let mut footer_without_page = false;
    if let Some(sect) = sect {
        for r in sect.children() {
            let (kind_tag, list) = if r.has_tag_name((W, "headerReference")) {
                ("header", &mut headers)
            } else if r.has_tag_name((W, "footerReference")) {
                ("footer", &mut footers)
            } else {
                continue;
            };
            let kind = r.attribute((W, "type")).unwrap_or("default").to_string();
            // An even-page header Word does not show (the file's settings
            // do not ask for odd and even pages) is a leftover: not taken.
            if kind == "even" && !even_and_odd {
                continue;
            }
            let Some(id) = r.attribute((R, "id")) else {
                continue;
            };
            let Some((_, target)) = rels.get(id) else {
                return Err(messages::reference_damaged(
                    &shown,
                    "word/_rels/document.xml.rels",
                ));
            };
            // A header kept outside the file (a link) is none Word shows:
            // passed over, as the rest of the template still serves.
            if target.contains("://") {
                continue;
            }
            let source = resolve("word", target);
            let new_id = format!("rIdRef{}{}", kind_tag, copied.len() + 1);
            if let Some(done) = copied.get(&source) {
                list.push(Reference {
                    kind,
                    id: done.clone(),
                });
                continue;
            }
            let xml = part(&source)?.ok_or_else(|| messages::reference_damaged(&shown, &source))?;
            // Well-formed, or Word would refuse the whole plan.
            let xml_text = text(xml.clone(), &source)?;
            let part_doc = parse(&xml_text, &shown, &source)?;
            // A first-page footer is unused unless the first page is
            // different (`w:titlePg`): its lack of a number is no matter.
            let used = kind != "first" || title_page;
            if kind_tag == "footer" && used && !has_page_field(&part_doc) {
                footer_without_page = true;
            }
            let n = copied.len() + 1;
            let name = format!("ref{kind_tag}{n}.xml");
            content_types.push_str(&format!(
                r#"<Override PartName="/word/{name}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.{kind_tag}+xml"/>"#
            ));
            relationships_out.push_str(&format!(
                r#"<Relationship Id="{new_id}" Type="{R}/{kind_tag}" Target="{name}"/>"#
            ));
            parts.push((
                format!("word/{name}"),
                carried.rewrite(&xml_text, &part_doc).into_bytes(),
            ));
            // The part's own relationships, and the parts they name.
            let rels_name = rels_of(&source);
            if let Some(own) = part(&rels_name)? {
                let own = text(own, &rels_name)?;
                let mut out = String::from(
                    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
                );
                let own_doc = parse(&own, &shown, &rels_name)?;
                for rel in own_doc
                    .root_element()
                    .children()
                    .filter(|c| c.tag_name().name() == "Relationship")
                {
                    let (Some(rid), Some(kind), Some(target)) = (
                        rel.attribute("Id"),
                        rel.attribute("Type"),
                        rel.attribute("Target"),
                    ) else {
                        continue;
                    };
                    let external = rel.attribute("TargetMode") == Some("External");
                    let target = if external {
                        target.to_string()
                    } else {
                        let from = resolve(parent(&source), target);
                        // A part two relationships name (a logo shown twice)
                        // is copied once; the package may hold a name once.
                        if let Some(media) = media_of.get(&from) {
                            media.clone()
                        } else {
                            let bytes = part(&from)?
                                .ok_or_else(|| messages::reference_damaged(&shown, &from))?;
                            let file = from.rsplit('/').next().unwrap_or("part");
                            let mut media = format!("media/ref{n}_{file}");
                            let mut k = 1;
                            while media_of.values().any(|m| *m == media) {
                                k += 1;
                                media = format!("media/ref{n}_{k}_{file}");
                            }
                            media_of.insert(from.clone(), media.clone());
                            let ext = file.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
                            if let Some(ct) =
                                overrides.get(&format!("/{from}").to_ascii_lowercase())
                            {
                                // A part typed by name (a chart): typed so again.
                                content_types.push_str(&format!(
                                    r#"<Override PartName="/word/{}" ContentType="{}"/>"#,
                                    crate::render::docx::ooxml::escape(&media),
                                    crate::render::docx::ooxml::escape(ct)
                                ));
                            } else if !BASE_EXTENSIONS.contains(&ext.as_str())
                                && !content_types.contains(&format!("Extension=\"{ext}\""))
                            {
                                let ct = defaults
                                    .get(&ext)
                                    .cloned()
                                    .or_else(|| known_type(&ext).map(str::to_string))
                                    .unwrap_or_else(|| "application/octet-stream".into());
                                content_types.push_str(&format!(
                                    r#"<Default Extension="{}" ContentType="{}"/>"#,
                                    crate::render::docx::ooxml::escape(&ext),
                                    crate::render::docx::ooxml::escape(&ct)
                                ));
                            }
                            parts.push((format!("word/{media}"), bytes));
                            media
                        }
                    };
                    out.push_str(&format!(
                        r#"<Relationship Id="{}" Type="{}" Target="{}"{}/>"#,
                        crate::render::docx::ooxml::escape(rid),
                        crate::render::docx::ooxml::escape(kind),
                        crate::render::docx::ooxml::escape(&target),
                        if external {
                            r#" TargetMode="External""#
                        } else {
                            ""
                        }
                    ));
                }
                out.push_str("</Relationships>");
                parts.push((format!("word/_rels/{name}.rels"), out.into_bytes()));
            }
            copied.insert(source, new_id.clone());
            list.push(Reference { kind, id: new_id });
        }
    }

    let carried_styles = carried.styles_xml();
    let mut looks = HashMap::new();
    if let Some(doc) = &styles_doc {
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
            let Some((ours, _)) = STYLES
                .iter()
                .find(|(ours, names)| *ours == id || names.contains(&name))
            else {
                continue;
            };
            let rpr = child(s, "rPr");
            let ppr = child(s, "pPr");
            let fonts = rpr.and_then(|r| child(r, "rFonts"));
            let spacing = ppr.and_then(|p| child(p, "spacing"));
            let look = Look {
                // The Chinese font only: a Western one (`w:ascii`) would
                // set the Chinese text in a substitute.
                font: fonts.and_then(|f| {
                    let named = f
                        .attribute((W, "eastAsia"))
                        .filter(|f| !f.trim().is_empty());
                    let themed = || match f.attribute((W, "eastAsiaTheme"))? {
                        t if t.starts_with("major") => theme.major.as_deref(),
                        t if t.starts_with("minor") => theme.minor.as_deref(),
                        _ => None,
                    };
                    named.or_else(themed).map(str::to_string)
                }),
                size: num(rpr.and_then(|r| child(r, "sz")), "val")
                    .filter(|&v| (10..=200).contains(&v)),
                before: num(spacing, "before"),
                after: num(spacing, "after"),
                line: spacing
                    .and_then(|sp| line(num(Some(sp), "line")?, sp.attribute((W, "lineRule")))),
            };
            // An exact ID wins over a name.
            if id == *ours || !looks.contains_key(ours) {
                looks.insert(*ours, look);
            }
        }
    }

    static READINGS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    Ok(Template {
        path: path.to_path_buf(),
        reading: READINGS.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        page,
        headers,
        footers,
        title_page,
        styles: carried_styles,
        grid,
        footer_without_page,
        page_number_format,
        parts,
        content_types,
        relationships: relationships_out,
        looks,
    })
}

/// A line spacing as Word writes it (no rule is `auto`), if it is one a
/// page can be set in: a quarter of a line to five lines, 6 to 144 pt.
fn line(value: u32, rule: Option<&str>) -> Option<Line> {
    match rule.unwrap_or("auto") {
        "auto" => (60..=1200).contains(&value).then_some(Line::Auto(value)),
        "exact" => (120..=2880).contains(&value).then_some(Line::Exact(value)),
        "atLeast" => (120..=2880)
            .contains(&value)
            .then_some(Line::AtLeast(value)),
        _ => None,
    }
}

/// The Chinese fonts of a theme's font scheme (`a:majorFont`, for
/// headings, and `a:minorFont`, for body text).
#[derive(Default)]
struct ThemeFonts {
    major: Option<String>,
    minor: Option<String>,
}

/// A theme's East Asian font: its `a:ea`, or, where that is empty as in
/// Chinese Word's own theme, its font for the script `Hans`.
fn theme_fonts(doc: &roxmltree::Document) -> ThemeFonts {
    const A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
    let font = |tag: &str| -> Option<String> {
        let scheme = doc.descendants().find(|n| n.has_tag_name((A, tag)))?;
        let typeface = |n: roxmltree::Node| {
            n.attribute("typeface")
                .filter(|t| !t.trim().is_empty())
                .map(str::to_string)
        };
        scheme
            .children()
            .find(|n| n.has_tag_name((A, "ea")))
            .and_then(typeface)
            .or_else(|| {
                scheme
                    .children()
                    .find(|n| n.has_tag_name((A, "font")) && n.attribute("script") == Some("Hans"))
                    .and_then(typeface)
            })
    };
    ThemeFonts {
        major: font("majorFont"),
        minor: font("minorFont"),
    }
}

/// Does a header or footer show the page number: a `PAGE` field, simple
/// (`w:fldSimple`) or complex (`w:instrText`)?
fn has_page_field(doc: &roxmltree::Document) -> bool {
    let is_page = |instr: &str| instr.split_whitespace().next() == Some("PAGE");
    doc.descendants().any(|n| {
        (n.has_tag_name((W, "fldSimple")) && n.attribute((W, "instr")).is_some_and(is_page))
            || (n.has_tag_name((W, "instrText")) && n.text().is_some_and(is_page))
    })
}

/// The first child element `w:tag` of `n`.
fn child<'a, 'i>(n: roxmltree::Node<'a, 'i>, tag: &str) -> Option<roxmltree::Node<'a, 'i>> {
    n.children().find(|c| c.has_tag_name((W, tag)))
}

/// A part of the template, parsed through the one guarded parser
/// ([`crate::xml::parse`]): one nested too deep, or not XML, is damaged.
fn parse<'a>(xml: &'a str, shown: &str, part: &str) -> Result<roxmltree::Document<'a>, Message> {
    crate::xml::parse(xml).map_err(|_| messages::reference_damaged(shown, part))
}

/// The relationships of a part: id → (type, target).
fn relationships(
    xml: &str,
    shown: &str,
    part: &str,
) -> Result<HashMap<String, (String, String)>, Message> {
    if xml.is_empty() {
        return Ok(HashMap::new());
    }
    let doc = parse(xml, shown, part)?;
    Ok(doc
        .root_element()
        .children()
        .filter(|c| c.tag_name().name() == "Relationship")
        .filter_map(|r| {
            Some((
                r.attribute("Id")?.to_string(),
                (
                    r.attribute("Type")?.to_string(),
                    r.attribute("Target")?.to_string(),
                ),
            ))
        })
        .collect())
}

/// Extensions the plan's own `[Content_Types].xml` has a `Default` for:
/// a second one would make the package unreadable.
const BASE_EXTENSIONS: [&str; 2] = ["rels", "xml"];

/// The `Default` types of a package by extension, and its `Override`
/// types by part name, both lower-cased as the package compares them.
fn content_types_of(
    doc: &roxmltree::Document,
) -> (HashMap<String, String>, HashMap<String, String>) {
    let entries = |tag: &str, key: &str| -> HashMap<String, String> {
        doc.root_element()
            .children()
            .filter(|c| c.tag_name().name() == tag)
            .filter_map(|d| {
                Some((
                    d.attribute(key)?.to_ascii_lowercase(),
                    d.attribute("ContentType")?.to_string(),
                ))
            })
            .collect()
    };
    (
        entries("Default", "Extension"),
        entries("Override", "PartName"),
    )
}

fn known_type(ext: &str) -> Option<&'static str> {
    Some(match ext {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "bmp" => "image/bmp",
        "tif" | "tiff" => "image/tiff",
        "emf" => "image/x-emf",
        "wmf" => "image/x-wmf",
        "svg" => "image/svg+xml",
        _ => return None,
    })
}

/// `target` relative to the folder `base`, as a part name (`word/media/a.png`).
fn resolve(base: &str, target: &str) -> String {
    let mut parts: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        base.split('/').filter(|p| !p.is_empty()).collect()
    };
    for p in target.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

fn parent(part: &str) -> &str {
    part.rsplit_once('/').map_or("", |(dir, _)| dir)
}

/// `word/_rels/header1.xml.rels` for `word/header1.xml`.
fn rels_of(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None => format!("_rels/{part}.rels"),
    }
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

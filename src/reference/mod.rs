//! The school's own Word file as a reference document (参考文档), as
//! pandoc's `--reference-doc`: the plan takes from it
//!
//! - the page: size, margins, and the header and footer distances;
//! - the headers and footers, with the pictures they show (a letterhead,
//!   a 校徽), copied under names of their own, with their relationships
//!   to those pictures;
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
//! The file comes from outside, and is read as hostile input: through
//! the guarded zip reader ([`crate::package`]: no entries sharing data,
//! [`LIMITS`] on what it inflates to) and the guarded XML parser
//! ([`crate::xml`]); its pictures' sizes are read and held to a limit
//! ([`image`]); a header is copied only if it is related as one, is a
//! `w:hdr` and typed as one (so the template's body never comes along as
//! a "header"), and of what it relates to only its pictures inside the
//! file come with it: whatever else it uses is taken out of it, and what
//! is linked outside the file is reported ([`Template::warnings`]). The
//! copied parts are written back escaped and with every prefix declared
//! ([`styles`]).
//!
//! A file is read once per run and kept ([`load`]); validation reads it
//! first, so a file that is not a DOCX, or is damaged, is reported at the
//! spec's line that names it.

mod image;
mod styles;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use crate::messages::{self, Message};
use crate::ooxml::named::{self, HEADINGS, NORMAL, PAGE_NUMBER, TITLE};
use crate::ooxml::{Line, escape};
use crate::package::{Package, Refused};
use crate::page::Page;
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
}

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

fn read(path: &Path) -> Result<Template, Message> {
    let shown = path.display().to_string();
    let bytes = crate::input::read(path, crate::input::Kind::Reference)
        .map_err(|e| messages::reference_unreadable(&shown, &e))?;
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
    let rels: HashMap<String, Rel> =
        relationships(&rels_xml, &shown, "word/_rels/document.xml.rels")?
            .into_iter()
            .collect();
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
        let Some(rel) = rels
            .values()
            .find(|r| !r.external && r.kind.ends_with(&format!("/{kind}")))
        else {
            return Ok(None);
        };
        let name = resolve("word", &rel.target);
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
    let mut carried = styles::Carried::new(styles_doc.as_ref());

    let mut parts = Vec::new();
    let mut content_types = String::new();
    let mut relationships_out = String::new();
    let mut headers: Vec<Reference> = Vec::new();
    let mut footers: Vec<Reference> = Vec::new();
    // Each part copied: its kind and its relationship id in the plan.
    let mut copied: HashMap<String, (&str, String)> = HashMap::new();
    // Each picture copied, by its name in the template (lower-cased, as a
    // package compares names), and its name in the plan.
    let mut media_of: HashMap<String, String> = HashMap::new();
    let mut footer_without_page = false;
    let mut external_dropped = false;
    let mut content_dropped = false;
    if let Some(sect) = sect {
        for r in sect.children() {
            let (kind_tag, root, list) = if r.has_tag_name((W, "headerReference")) {
                ("header", "hdr", &mut headers)
            } else if r.has_tag_name((W, "footerReference")) {
                ("footer", "ftr", &mut footers)
            } else {
                continue;
            };
            // Only the page types there are (ST_HdrFtr), once each: what
            // else a file says cannot be written back.
            let kind = r.attribute((W, "type")).unwrap_or("default");
            if !matches!(kind, "default" | "even" | "first") || list.iter().any(|l| l.kind == kind)
            {
                continue;
            }
            let kind = kind.to_string();
            // An even-page header Word does not show (the file's settings
            // do not ask for odd and even pages) is a leftover: not taken.
            if kind == "even" && !even_and_odd {
                continue;
            }
            let Some(id) = r.attribute((R, "id")) else {
                continue;
            };
            let damaged = |part: &str| messages::reference_damaged(&shown, part);
            let rels_part = "word/_rels/document.xml.rels";
            let Some(rel) = rels.get(id) else {
                return Err(damaged(rels_part));
            };
            // A header kept outside the file (a link, by `TargetMode`
            // whatever its target looks like) is none Word shows, and one
            // LibreOffice would fetch: passed over, with a warning, as the
            // rest of the template still serves.
            if rel.external {
                external_dropped = true;
                continue;
            }
            // A header is related as one: not the body, the styles or the
            // package's list of types under another name.
            if !rel.kind.ends_with(&format!("/{kind_tag}")) {
                return Err(damaged(rels_part));
            }
            let source = resolve("word", &rel.target);
            if let Some((tag, done)) = copied.get(&source) {
                // One part both header and footer is no file Word makes.
                if *tag != kind_tag {
                    return Err(damaged(&source));
                }
                list.push(Reference {
                    kind,
                    id: done.clone(),
                });
                continue;
            }
            let xml = part(&source)?.ok_or_else(|| damaged(&source))?;
            // Well-formed, or Word would refuse the whole plan; a header
            // by its root element and its type, so that nothing but a
            // header (the template's body, say) is copied as one.
            let xml_text = text(xml, &source)?;
            let part_doc = parse(&xml_text, &shown, &source)?;
            let expected = format!(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.{kind_tag}+xml"
            );
            if !part_doc.root_element().has_tag_name((W, root))
                || type_of(&source, &defaults, &overrides) != Some(expected.as_str())
            {
                return Err(damaged(&source));
            }
            // A first-page footer is unused unless the first page is
            // different (`w:titlePg`): its lack of a number is no matter.
            let used = kind != "first" || title_page;
            if kind_tag == "footer" && used && !has_page_field(&part_doc) {
                footer_without_page = true;
            }
            let n = copied.len() + 1;
            let name = format!("ref{kind_tag}{n}.xml");
            let new_id = format!("rIdRef{kind_tag}{n}");
            content_types.push_str(&format!(
                r#"<Override PartName="/word/{name}" ContentType="{expected}"/>"#
            ));
            relationships_out.push_str(&format!(
                r#"<Relationship Id="{new_id}" Type="{R}/{kind_tag}" Target="{name}"/>"#
            ));
            // The part's own relationships: its pictures are copied, and
            // nothing else (another header, the body, a chart): a
            // relationship not copied is taken out of the part with what
            // uses it.
            let mut dropped: Vec<String> = Vec::new();
            let rels_name = rels_of(&source);
            let own = match part(&rels_name)? {
                Some(b) => text(b, &rels_name)?,
                None => String::new(),
            };
            let mut out = String::new();
            for (rid, rel) in relationships(&own, &shown, &rels_name)? {
                if rel.external {
                    external_dropped = true;
                    dropped.push(rid);
                    continue;
                }
                let from = resolve(parent(&source), &rel.target);
                let key = from.to_lowercase();
                let picture = if !rel.kind.ends_with("/image") || !is_id(&rid) {
                    None
                } else if let Some(media) = media_of.get(&key) {
                    // A picture two relationships name (a logo shown
                    // twice) is copied once.
                    Some(media.clone())
                } else {
                    let bytes = part(&from)?.ok_or_else(|| damaged(&from))?;
                    let ext = from.rsplit('.').next().unwrap_or("");
                    let copy = match image::Picture::of(&bytes) {
                        Some(p) if !p.fits() => {
                            return Err(messages::reference_image_too_large(
                                &shown,
                                &from,
                                (p.width, p.height),
                                (image::MAX_PIXELS / 10_000, image::MAX_SIDE),
                            ));
                        }
                        Some(p) => {
                            Some((p.format.ext.to_string(), p.format.content_type.to_string()))
                        }
                        // A kind whose size is not read (a metafile, an
                        // SVG) is held to a size in bytes instead.
                        None if bytes.len() > image::MAX_OTHER_BYTES => {
                            return Err(messages::reference_image_too_large_bytes(
                                &shown,
                                &from,
                                image::MAX_OTHER_BYTES as u64 >> 20,
                            ));
                        }
                        // Copied if the template types it as a picture.
                        None => type_of(&from, &defaults, &overrides)
                            .filter(|t| t.starts_with("image/"))
                            .map(|t| (safe_ext(ext), t.to_string())),
                    };
                    match copy {
                        None => None,
                        Some((ext, ct)) => {
                            let media = media_name(n, &from, &ext, &media_of);
                            media_of.insert(key, media.clone());
                            // Its type by extension where that is the
                            // usual one, else by its own name.
                            if known_type(&ext) == Some(ct.as_str()) {
                                if !content_types.contains(&format!(r#"Extension="{ext}""#)) {
                                    content_types.push_str(&format!(
                                        r#"<Default Extension="{ext}" ContentType="{ct}"/>"#
                                    ));
                                }
                            } else {
                                content_types.push_str(&format!(
                                    r#"<Override PartName="/word/{media}" ContentType="{}"/>"#,
                                    escape(&ct)
                                ));
                            }
                            parts.push((format!("word/{media}"), bytes));
                            Some(media)
                        }
                    }
                };
                match picture {
                    Some(media) => out.push_str(&format!(
                        r#"<Relationship Id="{}" Type="{R}/image" Target="{media}"/>"#,
                        escape(&rid)
                    )),
                    None => {
                        content_dropped = true;
                        dropped.push(rid);
                    }
                }
            }
            parts.push((
                format!("word/{name}"),
                carried.rewrite(&xml_text, &part_doc, &dropped).into_bytes(),
            ));
            if !out.is_empty() {
                parts.push((
                    format!("word/_rels/{name}.rels"),
                    format!(
                        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{out}</Relationships>"#
                    )
                    .into_bytes(),
                ));
            }
            copied.insert(source, (kind_tag, new_id.clone()));
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
            let Some((ours, _)) = named::NAMED
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
                    // One longer than Word holds is none the plan can name.
                    named
                        .or_else(themed)
                        .filter(|f| f.chars().count() <= crate::spec::MAX_FONT_NAME)
                        .map(str::to_string)
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
        external_dropped,
        content_dropped,
        page_number_format,
        parts,
        content_types,
        relationships: relationships_out,
        looks,
    })
}

mod package_parts;
use package_parts::*;

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

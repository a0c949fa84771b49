//! The template's package as parts: each part read within limits
//! ([`Parts`]), what a part's relationships say, what content type it has,
//! where a target points, and the names pictures get in the plan; with the
//! small readers of a part's values (a line spacing, the theme's fonts, a
//! page-number field).

use super::*;
use crate::package::{Package, Refused};

/// The template's package, opened within [`LIMITS`] from a zip whose
/// entries lie apart ([`crate::package`]), with the name the school knows
/// the file by: each part read from it, or what to tell the school of
/// what is wrong with it.
pub(super) struct Parts<'b> {
    pub(super) shown: String,
    zip: Package<'b>,
}

impl<'b> Parts<'b> {
    pub(super) fn open(shown: String, bytes: &'b [u8]) -> Result<Self, Message> {
        let zip = Package::open(bytes, LIMITS).map_err(|r| refused(&shown, r))?;
        Ok(Parts { shown, zip })
    }

    /// Part `name`'s bytes, if the package has it.
    pub(super) fn bytes(&mut self, name: &str) -> Result<Option<Vec<u8>>, Message> {
        self.zip.read(name).map_err(|r| refused(&self.shown, r))
    }

    /// Part `name` as text, if the package has it: UTF-8, or damaged.
    pub(super) fn text(&mut self, name: &str) -> Result<Option<String>, Message> {
        match self.bytes(name)? {
            Some(b) => String::from_utf8(b)
                .map(Some)
                .map_err(|_| self.damaged(name)),
            None => Ok(None),
        }
    }

    /// The template is damaged in `part`.
    pub(super) fn damaged(&self, part: &str) -> Message {
        messages::reference_damaged(&self.shown, part)
    }
}

/// What the school is told of a package the guarded reader refuses.
fn refused(shown: &str, r: Refused) -> Message {
    match r {
        Refused::NotZip => messages::reference_not_docx(shown),
        Refused::Overlapping => messages::reference_overlapping(shown),
        // One part past its limit is the whole file past that size.
        Refused::PartTooLarge { .. } => messages::reference_too_large(shown, LIMITS.part >> 20),
        Refused::TooLarge => messages::reference_too_large(shown, LIMITS.total >> 20),
        Refused::Damaged { part } => messages::reference_damaged(shown, &part),
    }
}

/// A line spacing as Word writes it (no rule is `auto`), if it is one a
/// page can be set in: a quarter of a line to five lines, 6 to 144 pt.
pub(super) fn line(value: u32, rule: Option<&str>) -> Option<Line> {
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
pub(super) struct ThemeFonts {
    pub(super) major: Option<String>,
    pub(super) minor: Option<String>,
}

/// A theme's East Asian font: its `a:ea`, or, where that is empty as in
/// Chinese Word's own theme, its font for the script `Hans`.
pub(super) fn theme_fonts(doc: &roxmltree::Document) -> ThemeFonts {
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
pub(super) fn has_page_field(doc: &roxmltree::Document) -> bool {
    let is_page = |instr: &str| instr.split_whitespace().next() == Some("PAGE");
    doc.descendants().any(|n| {
        (n.has_tag_name((W, "fldSimple")) && n.attribute((W, "instr")).is_some_and(is_page))
            || (n.has_tag_name((W, "instrText")) && n.text().is_some_and(is_page))
    })
}

/// The first child element `w:tag` of `n`.
pub(super) fn child<'a, 'i>(
    n: roxmltree::Node<'a, 'i>,
    tag: &str,
) -> Option<roxmltree::Node<'a, 'i>> {
    n.children().find(|c| c.has_tag_name((W, tag)))
}

/// A part of the template, parsed through the one guarded parser
/// ([`crate::xml::parse`]): one nested too deep, or not XML, is damaged.
pub(super) fn parse<'a>(
    xml: &'a str,
    shown: &str,
    part: &str,
) -> Result<roxmltree::Document<'a>, Message> {
    crate::xml::parse(xml).map_err(|_| messages::reference_damaged(shown, part))
}

/// A relationship of a part.
#[derive(Debug, Clone)]
pub(super) struct Rel {
    /// Its type, a URI ending in `/header`, `/image` …
    pub(super) kind: String,
    pub(super) target: String,
    /// `TargetMode="External"`: the target is outside the package.
    pub(super) external: bool,
}

/// The relationships of a part, in order: (id, relationship).
pub(super) fn relationships(
    xml: &str,
    shown: &str,
    part: &str,
) -> Result<Vec<(String, Rel)>, Message> {
    if xml.is_empty() {
        return Ok(Vec::new());
    }
    let doc = parse(xml, shown, part)?;
    Ok(doc
        .root_element()
        .children()
        .filter(|c| c.tag_name().name() == "Relationship")
        .filter_map(|r| {
            Some((
                r.attribute("Id")?.to_string(),
                Rel {
                    kind: r.attribute("Type")?.to_string(),
                    target: r.attribute("Target")?.to_string(),
                    external: r.attribute("TargetMode") == Some("External"),
                },
            ))
        })
        .collect())
}

/// The content type of part `name` (`word/header1.xml`): its `Override`,
/// else the `Default` of its extension.
pub(super) fn type_of<'t>(
    name: &str,
    defaults: &'t HashMap<String, String>,
    overrides: &'t HashMap<String, String>,
) -> Option<&'t str> {
    overrides
        .get(&format!("/{name}").to_ascii_lowercase())
        .or_else(|| {
            let file = name.rsplit('/').next()?;
            let (_, ext) = file.rsplit_once('.')?;
            defaults.get(&ext.to_ascii_lowercase())
        })
        .map(String::as_str)
}

/// Is `id` a relationship id the schema takes (an `xsd:ID`, kept to
/// ASCII letters, digits, `_`, `-` and `.` after a letter or `_`)?
pub(super) fn is_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && id.len() <= 64
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

/// An extension for a copied part: the template's, if it is letters and
/// digits (lower-cased), else `bin`; never `xml` or `rels`, whose types
/// the plan's package gives by extension.
pub(super) fn safe_ext(ext: &str) -> String {
    let ext = ext.to_ascii_lowercase();
    if (1..=8).contains(&ext.len())
        && ext.chars().all(|c| c.is_ascii_alphanumeric())
        && !BASE_EXTENSIONS.contains(&ext.as_str())
    {
        ext
    } else {
        "bin".into()
    }
}

/// The name in the plan of picture `from` of the `n`th part copied:
/// `media/ref{n}_{its name}.{ext}`, its name kept to ASCII letters,
/// digits, `-` and `_` (a part name is a URI), unique however its letters
/// are cased, as a package compares names.
pub(super) fn media_name(
    n: usize,
    from: &str,
    ext: &str,
    taken: &HashMap<String, String>,
) -> String {
    let file = from.rsplit('/').next().unwrap_or("");
    let stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
    let mut stem: String = stem
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
        .take(40)
        .collect();
    if stem.is_empty() {
        stem = "image".into();
    }
    let clash = |m: &str| taken.values().any(|t| t.eq_ignore_ascii_case(m));
    let mut media = format!("media/ref{n}_{stem}.{ext}");
    let mut k = 1;
    while clash(&media) {
        k += 1;
        media = format!("media/ref{n}_{k}_{stem}.{ext}");
    }
    media
}

/// Extensions the plan's own `[Content_Types].xml` has a `Default` for:
/// a second one would make the package unreadable.
pub(super) const BASE_EXTENSIONS: [&str; 2] = ["rels", "xml"];

/// The `Default` types of a package by extension, and its `Override`
/// types by part name, both lower-cased as the package compares them.
pub(super) type ContentTypes = (HashMap<String, String>, HashMap<String, String>);

/// The [`ContentTypes`] of a package's `[Content_Types].xml`.
pub(super) fn content_types_of(doc: &roxmltree::Document) -> ContentTypes {
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

pub(super) fn known_type(ext: &str) -> Option<&'static str> {
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
pub(super) fn resolve(base: &str, target: &str) -> String {
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

pub(super) fn parent(part: &str) -> &str {
    part.rsplit_once('/').map_or("", |(dir, _)| dir)
}

/// `word/_rels/header1.xml.rels` for `word/header1.xml`.
pub(super) fn rels_of(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

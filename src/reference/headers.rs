//! The template's headers and footers, copied into the plan under names
//! of their own, with the pictures they show: a header is copied only if
//! it is related as one, is a `w:hdr` and typed as one; of what it relates
//! to, only its pictures inside the file come with it, and the rest is
//! taken out of it.

use std::collections::HashMap;

use super::package_parts::{
    Parts, Rel, has_page_field, is_id, known_type, media_name, parent, parse, relationships,
    rels_of, resolve, safe_ext, type_of,
};
use super::{DOCUMENT_RELS, R, Reference, W, image, styles};
use crate::messages::{self, Message};
use crate::ooxml::escape;

/// What the copied headers and footers bring to the plan: the fields of
/// [`super::Template`] they fill.
#[derive(Default)]
pub(super) struct Copied {
    pub(super) headers: Vec<Reference>,
    pub(super) footers: Vec<Reference>,
    /// The parts copied: headers, footers, their relationships and media.
    pub(super) parts: Vec<(String, Vec<u8>)>,
    /// `Override` and `Default` entries for `[Content_Types].xml`.
    pub(super) content_types: String,
    /// `Relationship` entries for `word/_rels/document.xml.rels`.
    pub(super) relationships: String,
    pub(super) footer_without_page: bool,
    pub(super) external_dropped: bool,
    pub(super) content_dropped: bool,
    /// Each part copied, by its name in the template: its kind and its
    /// relationship id in the plan.
    by_source: HashMap<String, (&'static str, String)>,
    /// Each picture copied, by its name in the template (lower-cased, as a
    /// package compares names), and its name in the plan.
    media_of: HashMap<String, String>,
}

/// Copies a template's headers and footers: what it needs to know of the
/// template as a whole, and what it has copied so far.
pub(super) struct Copier<'a> {
    /// The relationships of the template's body, by id.
    pub(super) rels: &'a HashMap<String, Rel>,
    /// The template's content types ([`super::package_parts::ContentTypes`]).
    pub(super) defaults: &'a HashMap<String, String>,
    pub(super) overrides: &'a HashMap<String, String>,
    /// Word shows even-page headers and footers (`w:evenAndOddHeaders`).
    pub(super) even_and_odd: bool,
    /// A different first page (`w:titlePg`).
    pub(super) title_page: bool,
    /// The template's styles, and which of them the copied parts use.
    pub(super) carried: styles::Carried<'a>,
    pub(super) copied: Copied,
}

impl Copier<'_> {
    /// Copies the headers and footers the section `sect` refers to: only
    /// the page types there are (ST_HdrFtr), once each, as what else a file
    /// says cannot be written back, and no even-page one that Word does
    /// not show.
    pub(super) fn section(
        &mut self,
        parts: &mut Parts,
        sect: roxmltree::Node,
    ) -> Result<(), Message> {
        for r in sect.children() {
            let tag = if r.has_tag_name((W, "headerReference")) {
                "header"
            } else if r.has_tag_name((W, "footerReference")) {
                "footer"
            } else {
                continue;
            };
            let kind = r.attribute((W, "type")).unwrap_or("default");
            if !matches!(kind, "default" | "even" | "first")
                || self.list(tag).iter().any(|l| l.kind == kind)
            {
                continue;
            }
            // An even-page header Word does not show (the file's settings
            // do not ask for odd and even pages) is a leftover: not taken.
            if kind == "even" && !self.even_and_odd {
                continue;
            }
            let Some(id) = r.attribute((R, "id")) else {
                continue;
            };
            self.reference(parts, tag, kind, id)?;
        }
        Ok(())
    }

    /// The headers taken so far if `tag` is `header`, else the footers.
    fn list(&mut self, tag: &str) -> &mut Vec<Reference> {
        if tag == "header" {
            &mut self.copied.headers
        } else {
            &mut self.copied.footers
        }
    }

    /// Takes the header or footer (`tag`) of page type `kind` that the
    /// body relates to as `id`: the copy made already, if another page
    /// type shows the same part, else a new one. A relationship that is
    /// missing, or of another type than the reference, is damage; a part
    /// outside the file is passed over.
    fn reference(
        &mut self,
        parts: &mut Parts,
        tag: &'static str,
        kind: &str,
        id: &str,
    ) -> Result<(), Message> {
        let Some(rel) = self.rels.get(id) else {
            return Err(parts.damaged(DOCUMENT_RELS));
        };
        // A header kept outside the file (a link, by `TargetMode`
        // whatever its target looks like) is none Word shows, and one
        // LibreOffice would fetch: passed over, with a warning, as the
        // rest of the template still serves.
        if rel.external {
            self.copied.external_dropped = true;
            return Ok(());
        }
        // A header is related as one: not the body, the styles or the
        // package's list of types under another name.
        if !rel.kind.ends_with(&format!("/{tag}")) {
            return Err(parts.damaged(DOCUMENT_RELS));
        }
        let source = resolve("word", &rel.target);
        let id = match self.copied.by_source.get(&source) {
            // One part both header and footer is no file Word makes.
            Some((done, _)) if *done != tag => return Err(parts.damaged(&source)),
            Some((_, id)) => id.clone(),
            None => self.copy(parts, tag, kind, source)?,
        };
        let kind = kind.to_string();
        self.list(tag).push(Reference { kind, id });
        Ok(())
    }

    /// Copies the header or footer (`tag`) `source`, shown on pages of
    /// type `kind`, with its pictures, and gives its relationship id in
    /// the plan.
    fn copy(
        &mut self,
        parts: &mut Parts,
        tag: &'static str,
        kind: &str,
        source: String,
    ) -> Result<String, Message> {
        // Well-formed, or Word would refuse the whole plan; a header by
        // its root element and its type, so that nothing but a header
        // (the template's body, say) is copied as one.
        let xml = parts.text(&source)?.ok_or_else(|| parts.damaged(&source))?;
        let doc = parse(&xml, &parts.shown, &source)?;
        let root = if tag == "header" { "hdr" } else { "ftr" };
        let expected =
            format!("application/vnd.openxmlformats-officedocument.wordprocessingml.{tag}+xml");
        if !doc.root_element().has_tag_name((W, root))
            || type_of(&source, self.defaults, self.overrides) != Some(expected.as_str())
        {
            return Err(parts.damaged(&source));
        }
        // A first-page footer is unused unless the first page is
        // different (`w:titlePg`): its lack of a number is no matter.
        let used = kind != "first" || self.title_page;
        if tag == "footer" && used && !has_page_field(&doc) {
            self.copied.footer_without_page = true;
        }
        let n = self.copied.by_source.len() + 1;
        let name = format!("ref{tag}{n}.xml");
        let new_id = format!("rIdRef{tag}{n}");
        self.copied.content_types.push_str(&format!(
            r#"<Override PartName="/word/{name}" ContentType="{expected}"/>"#
        ));
        self.copied.relationships.push_str(&format!(
            r#"<Relationship Id="{new_id}" Type="{R}/{tag}" Target="{name}"/>"#
        ));
        let (out, dropped) = self.part_relationships(parts, &source, n)?;
        let rewritten = self.carried.rewrite(&xml, &doc, &dropped);
        let copied = &mut self.copied;
        copied
            .parts
            .push((format!("word/{name}"), rewritten.into_bytes()));
        if !out.is_empty() {
            copied.parts.push((
                format!("word/_rels/{name}.rels"),
                format!(
                    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{out}</Relationships>"#
                )
                .into_bytes(),
            ));
        }
        copied.by_source.insert(source, (tag, new_id.clone()));
        Ok(new_id)
    }

    /// The relationships of the `n`th part copied, `source`, as the copy
    /// has them, and the ids of those it does not: its pictures are
    /// copied, and nothing else (another header, the body, a chart), so
    /// a relationship not copied is taken out of the part with what uses
    /// it.
    fn part_relationships(
        &mut self,
        parts: &mut Parts,
        source: &str,
        n: usize,
    ) -> Result<(String, Vec<String>), Message> {
        let mut dropped: Vec<String> = Vec::new();
        let rels_name = rels_of(source);
        let own = parts.text(&rels_name)?.unwrap_or_default();
        let mut out = String::new();
        for (rid, rel) in relationships(&own, &parts.shown, &rels_name)? {
            if rel.external {
                self.copied.external_dropped = true;
                dropped.push(rid);
                continue;
            }
            let from = resolve(parent(source), &rel.target);
            let picture = if !rel.kind.ends_with("/image") || !is_id(&rid) {
                None
            } else {
                self.picture(parts, n, from)?
            };
            match picture {
                Some(media) => out.push_str(&format!(
                    r#"<Relationship Id="{}" Type="{R}/image" Target="{media}"/>"#,
                    escape(&rid)
                )),
                None => {
                    self.copied.content_dropped = true;
                    dropped.push(rid);
                }
            }
        }
        Ok((out, dropped))
    }

    /// The name in the plan of the picture `from` that the `n`th part
    /// copied shows, copied if it is not yet; none if it is no picture.
    /// A picture is held to a size: in pixels where its size is read
    /// ([`image`]), else in bytes.
    fn picture(
        &mut self,
        parts: &mut Parts,
        n: usize,
        from: String,
    ) -> Result<Option<String>, Message> {
        let key = from.to_lowercase();
        // A picture two relationships name (a logo shown twice) is
        // copied once.
        if let Some(media) = self.copied.media_of.get(&key) {
            return Ok(Some(media.clone()));
        }
        let bytes = parts.bytes(&from)?.ok_or_else(|| parts.damaged(&from))?;
        let ext = from.rsplit('.').next().unwrap_or("");
        let (ext, ct) = match image::Picture::of(&bytes) {
            Some(p) if !p.fits() => {
                return Err(messages::reference_image_too_large(
                    &parts.shown,
                    &from,
                    (p.width, p.height),
                    (image::MAX_PIXELS / 10_000, image::MAX_SIDE),
                ));
            }
            Some(p) => (p.format.ext.to_string(), p.format.content_type.to_string()),
            // A kind whose size is not read (a metafile, an SVG) is held
            // to a size in bytes instead.
            None if bytes.len() > image::MAX_OTHER_BYTES => {
                return Err(messages::reference_image_too_large_bytes(
                    &parts.shown,
                    &from,
                    image::MAX_OTHER_BYTES as u64 >> 20,
                ));
            }
            // Copied if the template types it as a picture.
            None => match type_of(&from, self.defaults, self.overrides) {
                Some(t) if t.starts_with("image/") => (safe_ext(ext), t.to_string()),
                _ => return Ok(None),
            },
        };
        let copied = &mut self.copied;
        let media = media_name(n, &from, &ext, &copied.media_of);
        copied.media_of.insert(key, media.clone());
        // Its type by extension where that is the usual one, else by its
        // own name.
        if known_type(&ext) == Some(ct.as_str()) {
            if !copied
                .content_types
                .contains(&format!(r#"Extension="{ext}""#))
            {
                copied.content_types.push_str(&format!(
                    r#"<Default Extension="{ext}" ContentType="{ct}"/>"#
                ));
            }
        } else {
            copied.content_types.push_str(&format!(
                r#"<Override PartName="/word/{media}" ContentType="{}"/>"#,
                escape(&ct)
            ));
        }
        copied.parts.push((format!("word/{media}"), bytes));
        Ok(Some(media))
    }
}

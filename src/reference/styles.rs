//! The styles a reference document's headers and footers use, carried
//! over with them.
//!
//! A letterhead is typeset by the template's styles: Word's 页眉 style
//! (`header`) centres it and draws the rule under it, and a paragraph that
//! names no style is in the template's 正文. Copied alone, the header would
//! fall into the plan's own 正文: indented two characters, justified, and
//! at the plan's exact line pitch, which cuts a logo taller than a line
//! down to a strip. So each copied part is rewritten to name copies of the
//! template's styles, under IDs of their own (`Ref` before the template's
//! ID), and those styles, with the chain of styles they are based on, go
//! into the plan's `styles.xml`:
//!
//! - a paragraph naming no style names the copy of the template's default
//!   paragraph style (its 正文), and one naming a style the template does
//!   not define names it too (Word would show the plan's 正文);
//! - the copy of a chain's first style takes what the template's
//!   `w:docDefaults` set and it does not (the size, the fonts, the
//!   spacing), since it would otherwise take the plan's; its lines are
//!   `auto`, never exact, and off the plan's grid, so a picture is never
//!   cut and a header is not one grid line per line of text;
//! - a name the plan's styles have (Normal, 标题 …) is renamed, so that Word
//!   shows no two styles of one name.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;

use super::W;

/// The children of `w:pPr` in schema order (CT_PPrBase and after).
const PPR_ORDER: &[&str] = &[
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
];

/// The children of `w:rPr` in schema order (CT_RPr).
const RPR_ORDER: &[&str] = &[
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
];

/// The children of `w:style` in schema order (CT_Style).
const STYLE_ORDER: &[&str] = &[
    "name",
    "aliases",
    "basedOn",
    "next",
    "link",
    "autoRedefine",
    "hidden",
    "uiPriority",
    "semiHidden",
    "unhideWhenUsed",
    "qFormat",
    "locked",
    "personal",
    "personalCompose",
    "personalReply",
    "rsid",
    "pPr",
    "rPr",
    "tblPr",
    "trPr",
    "tcPr",
    "tblStylePr",
];

/// The template's styles, read, and which of them the copied parts use.
pub(super) struct Carried<'a> {
    styles: HashMap<&'a str, roxmltree::Node<'a, 'a>>,
    /// The template's default paragraph style (its 正文), if it has one.
    default_paragraph: Option<&'a str>,
    defaults_ppr: Option<roxmltree::Node<'a, 'a>>,
    defaults_rpr: Option<roxmltree::Node<'a, 'a>>,
    used: BTreeSet<&'a str>,
}

/// Is `name` one of the plan's own styles' names
/// ([`crate::ooxml::named::NAMED`]), or Word's default character style's,
/// which a copy may not take?
fn is_plan_name(name: &str) -> bool {
    name == "Default Paragraph Font"
        || crate::ooxml::named::NAMED
            .iter()
            .any(|(_, names)| names.contains(&name))
}

/// The copy's ID of the template's style `id`.
fn copied_id(id: &str) -> String {
    format!("Ref{id}")
}

impl<'a> Carried<'a> {
    /// The styles of the template's `word/styles.xml`, parsed.
    pub fn new(doc: Option<&'a roxmltree::Document<'a>>) -> Carried<'a> {
        let mut c = Carried {
            styles: HashMap::new(),
            default_paragraph: None,
            defaults_ppr: None,
            defaults_rpr: None,
            used: BTreeSet::new(),
        };
        let Some(doc) = doc else { return c };
        let root = doc.root_element();
        for s in root.children().filter(|n| n.has_tag_name((W, "style"))) {
            let Some(id) = s.attribute((W, "styleId")) else {
                continue;
            };
            c.styles.insert(id, s);
            if s.attribute((W, "type")) == Some("paragraph")
                && matches!(s.attribute((W, "default")), Some("1" | "true" | "on"))
            {
                c.default_paragraph = Some(id);
            }
        }
        if let Some(d) = child(root, "docDefaults") {
            c.defaults_ppr = child(d, "pPrDefault").and_then(|p| child(p, "pPr"));
            c.defaults_rpr = child(d, "rPrDefault").and_then(|r| child(r, "rPr"));
        }
        c
    }

    /// The ID a copied part's paragraph names: the copy of `id` if the
    /// template has that paragraph style, else of its 正文.
    fn paragraph_style(&mut self, id: Option<&str>) -> Option<String> {
        let known = id.and_then(|id| {
            let (&key, s) = self.styles.get_key_value(id)?;
            (s.attribute((W, "type")) == Some("paragraph")).then_some(key)
        });
        let id = known.or(self.default_paragraph)?;
        self.used.insert(id);
        Some(copied_id(id))
    }

    /// A header or footer of the template, naming the copies of its
    /// styles; as it was where it cannot be read so (no `w:` prefix).
    /// What uses a relationship of `dropped` (not copied) goes: the
    /// picture or object holding it, else the attribute naming it; and a
    /// font name longer than Word holds is taken out.
    ///
    /// The part is edited as text, in place, so that every namespace it
    /// declares stays declared where it was: a start tag keeps its
    /// attributes (a value is replaced, an empty `<w:p/>` or `<w:pPr/>`
    /// opened), and what is written uses the prefix of the element it is
    /// written in, with every value escaped.
    pub fn rewrite(&mut self, part: &str, doc: &roxmltree::Document, dropped: &[String]) -> String {
        let mut edits: Vec<(usize, usize, String)> = Vec::new();
        let esc = crate::ooxml::escape;
        for n in doc.descendants().filter(|n| n.is_element()) {
            let uses_dropped = |a: &roxmltree::Attribute| {
                a.namespace() == Some(super::R) && dropped.iter().any(|d| d == a.value())
            };
            if n.attributes().any(|a| uses_dropped(&a)) {
                let holder = n.ancestors().find(|a| {
                    a.has_tag_name((W, "drawing"))
                        || a.has_tag_name((W, "pict"))
                        || a.has_tag_name((W, "object"))
                });
                match holder {
                    Some(h) => edits.push((h.range().start, h.range().end, String::new())),
                    None => edits.extend(
                        n.attributes()
                            .filter(|a| uses_dropped(a))
                            .map(|a| without(part, &a)),
                    ),
                }
            }
            if n.has_tag_name((W, "rFonts")) {
                edits.extend(
                    n.attributes()
                        .filter(|a| a.value().chars().count() > crate::spec::MAX_FONT_NAME)
                        .map(|a| without(part, &a)),
                );
            }
            let Some(prefix) = prefix_of(part, n) else {
                continue;
            };
            if n.has_tag_name((W, "p")) {
                let ppr = child(n, "pPr");
                if ppr.and_then(|p| child(p, "pStyle")).is_some() {
                    continue; // rewritten as a pStyle of its own
                }
                let Some(id) = self.paragraph_style(None) else {
                    continue;
                };
                let id = esc(&id);
                // Inside the element written into, in its own prefix.
                let (within, open) = match ppr {
                    Some(ppr) => (ppr, String::new()),
                    None => (n, format!("<{prefix}pPr>")),
                };
                let p = prefix_of(part, within).unwrap_or_else(|| prefix.clone());
                let style = format!(r#"{open}<{p}pStyle {p}val="{id}"/>"#);
                let close_ppr = if ppr.is_some() {
                    String::new()
                } else {
                    format!("</{p}pPr>")
                };
                let (at, empty) = start_tag_end(part, within);
                if empty {
                    // `<w:pPr/>` or `<w:p/>`: opened, its `/>` replaced.
                    let tag = within.tag_name().name();
                    let close = if ppr.is_some() {
                        format!("</{p}{tag}>")
                    } else {
                        format!("{close_ppr}</{p}{tag}>")
                    };
                    edits.push((at - 2, at, format!(">{style}{close}")));
                } else {
                    edits.push((at, at, format!("{style}{close_ppr}")));
                }
            } else if n.has_tag_name((W, "pStyle")) {
                let Some(id) = self.paragraph_style(n.attribute((W, "val"))) else {
                    continue;
                };
                edits.push(value_edit(n, &prefix, &esc(&id)));
            } else if n.has_tag_name((W, "rStyle")) || n.has_tag_name((W, "tblStyle")) {
                let Some((&id, _)) = n
                    .attribute((W, "val"))
                    .and_then(|v| self.styles.get_key_value(v))
                else {
                    continue;
                };
                self.used.insert(id);
                edits.push(value_edit(n, &prefix, &esc(&copied_id(id))));
            }
        }
        apply(part, edits)
    }

    /// The `w:style` elements of every style the rewritten parts use, with
    /// the styles they are based on, for the plan's `styles.xml`.
    pub fn styles_xml(&self) -> String {
        // The chains: each used style and what it is based on.
        let mut all: BTreeSet<&str> = BTreeSet::new();
        for &id in &self.used {
            let mut at = Some(id);
            while let Some(id) = at {
                if !all.insert(id) {
                    break;
                }
                at = self
                    .styles
                    .get(id)
                    .and_then(|s| child(*s, "basedOn"))
                    .and_then(|b| b.attribute((W, "val")))
                    .filter(|b| self.styles.contains_key(b));
            }
        }
        let mut out = String::new();
        for &id in &all {
            out.push_str(&self.style_xml(self.styles[id], &all));
        }
        out
    }

    /// One copied style: new ID and, where it clashes, name; references to
    /// styles not copied dropped; a chain's first paragraph style made to
    /// stand on its own.
    fn style_xml(&self, s: roxmltree::Node, copied: &BTreeSet<&str>) -> String {
        let kind = s.attribute((W, "type")).unwrap_or("paragraph");
        let id = s.attribute((W, "styleId")).unwrap_or_default();
        let mut out = String::new();
        let _ = write!(
            out,
            r#"<w:style w:type="{}" w:styleId="{}""#,
            crate::ooxml::escape(kind),
            crate::ooxml::escape(&copied_id(id))
        );
        if s.attribute((W, "customStyle")).is_some() {
            out.push_str(r#" w:customStyle="1""#);
        }
        out.push('>');
        let mut children: Vec<(&str, String)> = Vec::new();
        for c in s.children().filter(|c| c.tag_name().namespace() == Some(W)) {
            let tag = c.tag_name().name();
            let val = c.attribute((W, "val")).unwrap_or_default();
            let text = match tag {
                "name" => {
                    let name = if is_plan_name(val) {
                        format!("{val} (参考文档)")
                    } else {
                        val.to_string()
                    };
                    format!(r#"<w:name w:val="{}"/>"#, crate::ooxml::escape(&name))
                }
                "basedOn" | "next" | "link" => {
                    // Only to a style that is copied too.
                    if !copied.contains(val) {
                        continue;
                    }
                    format!(
                        r#"<w:{tag} w:val="{}"/>"#,
                        crate::ooxml::escape(&copied_id(val))
                    )
                }
                _ => written(c),
            };
            children.push((tag, text));
        }
        let root = child(s, "basedOn").is_none_or(|b| {
            b.attribute((W, "val"))
                .is_none_or(|v| !self.styles.contains_key(v))
        });
        if root && kind == "paragraph" {
            self.stand_alone(s, &mut children);
        }
        if !children.iter().any(|(t, _)| *t == "name") {
            children.push((
                "name",
                format!(r#"<w:name w:val="{}"/>"#, crate::ooxml::escape(id)),
            ));
        }
        children.sort_by_key(|(t, _)| rank(STYLE_ORDER, t));
        for (_, c) in children {
            out.push_str(&c);
        }
        out.push_str("</w:style>");
        out
    }

    /// The first style of a chain takes what the template's defaults set
    /// and it does not, and lines that fit what they hold.
    fn stand_alone(&self, s: roxmltree::Node, children: &mut Vec<(&str, String)>) {
        let own_ppr = child(s, "pPr");
        let own_rpr = child(s, "rPr");
        let mut ppr = self.merged(own_ppr, self.defaults_ppr, PPR_ORDER);
        // Auto lines (as tall as their tallest picture) off the grid.
        ppr.retain(|(t, _)| *t != "snapToGrid");
        ppr.push(("snapToGrid", r#"<w:snapToGrid w:val="0"/>"#.to_string()));
        // Its spacing, or the defaults' (as `merged` takes it), with its
        // lines made `auto`: single unless it says how many.
        let spacing = [own_ppr, self.defaults_ppr]
            .into_iter()
            .flatten()
            .find_map(|p| child(p, "spacing"));
        let attr = |a: &str| spacing.and_then(|s| s.attribute((W, a)));
        let line = match attr("lineRule").unwrap_or("auto") {
            "auto" => attr("line"),
            _ => None,
        };
        ppr.retain(|(t, _)| *t != "spacing");
        ppr.push((
            "spacing",
            format!(
                r#"<w:spacing w:before="{}" w:after="{}" w:line="{}" w:lineRule="auto"/>"#,
                digits(attr("before").unwrap_or("0")),
                digits(attr("after").unwrap_or("0")),
                digits(line.unwrap_or("240"))
            ),
        ));
        if !ppr.iter().any(|(t, _)| *t == "ind") {
            ppr.push((
                "ind",
                r#"<w:ind w:firstLine="0" w:firstLineChars="0"/>"#.into(),
            ));
        }
        if !ppr.iter().any(|(t, _)| *t == "jc") {
            ppr.push(("jc", r#"<w:jc w:val="left"/>"#.into()));
        }
        let mut rpr = self.merged(own_rpr, self.defaults_rpr, RPR_ORDER);
        if !rpr.iter().any(|(t, _)| *t == "sz") {
            // Word's own default, 五号.
            rpr.push(("sz", r#"<w:sz w:val="21"/>"#.into()));
        }
        // The plan's character spacing fits its body text, not this.
        if !rpr.iter().any(|(t, _)| *t == "spacing") {
            rpr.push(("spacing", r#"<w:spacing w:val="0"/>"#.into()));
        }
        ppr.sort_by_key(|(t, _)| rank(PPR_ORDER, t));
        rpr.sort_by_key(|(t, _)| rank(RPR_ORDER, t));
        children.retain(|(t, _)| *t != "pPr" && *t != "rPr");
        let join = |v: &[(&str, String)]| v.iter().map(|(_, x)| x.as_str()).collect::<String>();
        children.push(("pPr", format!("<w:pPr>{}</w:pPr>", join(&ppr))));
        children.push(("rPr", format!("<w:rPr>{}</w:rPr>", join(&rpr))));
    }

    /// The children of `own`, and those of `defaults` it lacks, each as
    /// its tag and text; only tags the schema knows there.
    fn merged(
        &self,
        own: Option<roxmltree::Node>,
        defaults: Option<roxmltree::Node>,
        order: &[&'static str],
    ) -> Vec<(&'static str, String)> {
        let mut out: Vec<(&'static str, String)> = Vec::new();
        for set in [own, defaults].into_iter().flatten() {
            for c in set
                .children()
                .filter(|c| c.tag_name().namespace() == Some(W))
            {
                let tag = c.tag_name().name();
                let Some(&known) = order.iter().find(|t| **t == tag) else {
                    continue;
                };
                // A change record, or a nested set, is not carried.
                if matches!(known, "pPrChange" | "rPr" | "sectPr" | "pStyle" | "rStyle") {
                    continue;
                }
                if !out.iter().any(|(t, _)| *t == known) {
                    out.push((known, written(c)));
                }
            }
        }
        out
    }
}

/// Element `n` of the template's styles as the plan's `styles.xml` holds
/// it: in the `w:` prefix that part declares, whatever prefix the
/// template used (`ns0:`, or one declared only on its root), with only
/// WordprocessingML's elements and attributes (and `xml:space`), each
/// value escaped, and no font name longer than Word holds. What is left
/// out (Word 2010's `w14:` additions, markup compatibility) is optional
/// to Word, and would need declarations the plan does not make.
fn written(n: roxmltree::Node) -> String {
    let mut out = String::new();
    write_w(n, &mut out);
    out
}

fn write_w(n: roxmltree::Node, out: &mut String) {
    if n.tag_name().namespace() != Some(W) {
        return;
    }
    let tag = n.tag_name().name();
    let _ = write!(out, "<w:{tag}");
    for a in n.attributes() {
        let prefix = match a.namespace() {
            Some(W) => "w",
            Some("http://www.w3.org/XML/1998/namespace") => "xml",
            _ => continue,
        };
        if tag == "rFonts" && a.value().chars().count() > crate::spec::MAX_FONT_NAME {
            continue;
        }
        let _ = write!(
            out,
            r#" {prefix}:{}="{}""#,
            a.name(),
            crate::ooxml::escape(a.value())
        );
    }
    let children: Vec<_> = n.children().filter(|c| c.is_element()).collect();
    if children.is_empty() {
        out.push_str("/>");
    } else {
        out.push('>');
        for c in children {
            write_w(c, out);
        }
        let _ = write!(out, "</w:{tag}>");
    }
}

/// An edit giving element `n` the `w:val` `value`: its value replaced,
/// or the attribute added after the element's name.
fn value_edit(n: roxmltree::Node, prefix: &str, value: &str) -> (usize, usize, String) {
    match n
        .attributes()
        .find(|a| a.namespace() == Some(W) && a.name() == "val")
    {
        Some(a) => {
            let r = a.range_value();
            (r.start, r.end, value.to_string())
        }
        None => {
            let at = n.range().start + 1 + prefix.len() + n.tag_name().name().len();
            (at, at, format!(r#" {prefix}val="{value}""#))
        }
    }
}

/// An edit taking attribute `a` out of its start tag, with the space
/// before it.
fn without(part: &str, a: &roxmltree::Attribute) -> (usize, usize, String) {
    let r = a.range();
    let start = if part[..r.start].ends_with(|c: char| c.is_ascii_whitespace()) {
        r.start - 1
    } else {
        r.start
    };
    (start, r.end, String::new())
}

/// Where `tag` stands in `order` (unknown last).
fn rank(order: &[&str], tag: &str) -> usize {
    order.iter().position(|t| *t == tag).unwrap_or(order.len())
}

/// The digits of a twips value, or 0.
fn digits(v: &str) -> String {
    let d: String = v.chars().filter(char::is_ascii_digit).take(6).collect();
    if d.is_empty() { "0".into() } else { d }
}

fn child<'a, 'i>(n: roxmltree::Node<'a, 'i>, tag: &str) -> Option<roxmltree::Node<'a, 'i>> {
    n.children().find(|c| c.has_tag_name((W, tag)))
}

/// The prefix (`w:`) the part writes element `n` with, if it writes one.
fn prefix_of(part: &str, n: roxmltree::Node) -> Option<String> {
    let start = n.range().start;
    let name: String = part[start + 1..]
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != '>' && *c != '/')
        .collect();
    let (prefix, _) = name.split_once(':')?;
    Some(format!("{prefix}:"))
}

/// Where the start tag of `n` ends (just after its `>`), and whether the
/// element is empty (`<w:p/>`).
fn start_tag_end(part: &str, n: roxmltree::Node) -> (usize, bool) {
    let r = n.range();
    let mut quote = None;
    for (i, c) in part[r.start..r.end].char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => {
                let empty = part[..r.start + i].ends_with('/');
                return (r.start + i + 1, empty);
            }
            _ => {}
        }
    }
    (r.end, true)
}

/// `text` with each (start, end, replacement) made, none overlapping.
fn apply(text: &str, mut edits: Vec<(usize, usize, String)>) -> String {
    edits.sort_by_key(|(s, e, _)| (*s, *e));
    let mut out = String::with_capacity(text.len() + edits.len() * 40);
    let mut at = 0;
    for (s, e, new) in edits {
        if s < at {
            continue;
        }
        out.push_str(&text[at..s]);
        out.push_str(&new);
        at = e;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn styles() -> String {
        format!(
            concat!(
                r#"<w:styles {}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:eastAsia="宋体"/><w:kern w:val="2"/><w:sz w:val="21"/></w:rPr></w:rPrDefault>"#,
                r#"<w:pPrDefault><w:pPr><w:spacing w:after="0"/></w:pPr></w:pPrDefault></w:docDefaults>"#,
                r#"<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/></w:pPr></w:style>"#,
                r#"<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="header"/><w:basedOn w:val="a"/><w:link w:val="a4"/><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style>"#,
                r#"<w:style w:type="character" w:customStyle="1" w:styleId="a4"><w:name w:val="页眉 字符"/><w:link w:val="a3"/><w:rPr><w:sz w:val="18"/></w:rPr></w:style>"#,
                r#"</w:styles>"#
            ),
            NS
        )
    }

    #[test]
    fn parts_name_copies_and_the_copies_stand_alone() {
        let xml = styles();
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let mut c = Carried::new(Some(&doc));
        let header = format!(
            r#"<w:hdr {NS}><w:p><w:pPr><w:pStyle w:val="a3"/></w:pPr><w:r><w:t>校名</w:t></w:r></w:p><w:p><w:r><w:t>地址</w:t></w:r></w:p><w:p/><w:p><w:pPr><w:pStyle w:val="nope"/></w:pPr></w:p></w:hdr>"#
        );
        let hdoc = roxmltree::Document::parse(&header).unwrap();
        let out = c.rewrite(&header, &hdoc, &[]);
        assert_eq!(
            out,
            format!(
                r#"<w:hdr {NS}><w:p><w:pPr><w:pStyle w:val="Refa3"/></w:pPr><w:r><w:t>校名</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="Refa"/></w:pPr><w:r><w:t>地址</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="Refa"/></w:pPr></w:p><w:p><w:pPr><w:pStyle w:val="Refa"/></w:pPr></w:p></w:hdr>"#
            )
        );
        let styles = c.styles_xml();
        // 正文 renamed, standing alone: the defaults' size and font, auto
        // lines off the grid, no indent.
        assert!(styles.contains(concat!(
            r#"<w:style w:type="paragraph" w:styleId="Refa"><w:name w:val="Normal (参考文档)"/>"#,
            r#"<w:pPr><w:widowControl w:val="0"/><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:ind w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="both"/></w:pPr>"#,
            r#"<w:rPr><w:rFonts w:eastAsia="宋体"/><w:spacing w:val="0"/><w:kern w:val="2"/><w:sz w:val="21"/></w:rPr></w:style>"#
        )), "{styles}");
        // 页眉 based on it, its link to a style not copied dropped.
        assert!(styles.contains(concat!(
            r#"<w:style w:type="paragraph" w:styleId="Refa3"><w:name w:val="header"/><w:basedOn w:val="Refa"/>"#,
            r#"<w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="auto"/></w:pBdr><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style>"#
        )), "{styles}");
        assert!(!styles.contains("Refa4"), "{styles}");
    }
}

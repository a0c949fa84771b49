//! Web pages saved as HTML: the text of the page's blocks.

use super::*;

/// HTML: the text of the page's blocks. Scripts, styles, navigation,
/// headers, footers, forms and asides are no part of a plan.
pub fn html(text: &str) -> Paragraphs {
    use scraper::{ElementRef, Html, Node};
    const SKIP: &[&str] = &[
        "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button",
        "select", "iframe", "svg", "template", "head",
    ];
    const BLOCK: &[&str] = &[
        "p",
        "div",
        "section",
        "article",
        "main",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "br",
        "tr",
        "td",
        "th",
        "table",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "hr",
        "center",
        "body",
    ];
    /// Class or id words of page furniture.
    const FURNITURE: &[&str] = &[
        "nav",
        "menu",
        "breadcrumb",
        "crumb",
        "footer",
        "header",
        "sidebar",
        "share",
        "comment",
        "download",
        "related",
        "recommend",
        "advert",
        "ads",
        "banner",
        "pager",
        "pagination",
    ];
    fn is_furniture(el: &scraper::node::Element) -> bool {
        let words = el.attr("class").into_iter().chain(el.attr("id"));
        words
            .flat_map(|w| w.split(|c: char| !c.is_ascii_alphanumeric()))
            .any(|w| FURNITURE.contains(&w.to_ascii_lowercase().as_str()))
    }
    fn walk(el: ElementRef, cur: &mut String, paras: &mut Paragraphs) {
        for child in el.children() {
            match child.value() {
                Node::Text(t) => push_text(cur, t),
                Node::Element(e) => {
                    let name = e.name();
                    if SKIP.contains(&name) || is_furniture(e) {
                        continue;
                    }
                    if let Some(t) = ElementRef::wrap(child).filter(|_| name == "table") {
                        flush(cur, &mut paras.paras);
                        paras.push_table(rows(t));
                        continue;
                    }
                    let block = BLOCK.contains(&name);
                    if block {
                        flush(cur, &mut paras.paras);
                    }
                    if let Some(child) = ElementRef::wrap(child) {
                        walk(child, cur, paras);
                    }
                    if block {
                        flush(cur, &mut paras.paras);
                    }
                }
                _ => {}
            }
        }
    }
    /// A table's rows, each a list of cells, each a list of paragraphs.
    fn rows(t: ElementRef) -> Vec<Vec<Vec<String>>> {
        let is = |n: &ElementRef, names: &[&str]| names.contains(&n.value().name());
        t.descendants()
            .filter_map(ElementRef::wrap)
            .filter(|tr| is(tr, &["tr"]))
            .map(|tr| {
                tr.children()
                    .filter_map(ElementRef::wrap)
                    .filter(|c| is(c, &["td", "th"]))
                    .map(|cell| {
                        let (mut cur, mut paras) = (String::new(), Paragraphs::default());
                        walk(cell, &mut cur, &mut paras);
                        flush(&mut cur, &mut paras.paras);
                        paras.paras
                    })
                    .collect()
            })
            .collect()
    }
    /// White space in HTML source is layout, not content, and between
    /// Chinese characters it is nothing at all. `&nbsp;` and `&emsp;`
    /// runs are indents people typed: they stay as a break.
    fn push_text(cur: &mut String, t: &str) {
        let mut space = false;
        for c in t.chars() {
            if c == '\u{a0}' || c == '\u{3000}' {
                if !cur.is_empty() && !cur.ends_with("  ") {
                    cur.push_str("  ");
                }
                space = false;
            } else if c.is_whitespace() {
                space = true;
            } else {
                let last = cur.chars().last();
                if space
                    && last.is_some_and(|l| l != ' ' && !crate::markup::is_wide(l))
                    && !crate::markup::is_wide(c)
                {
                    cur.push(' ');
                }
                space = false;
                cur.push(c);
            }
        }
    }
    let doc = Html::parse_document(text);
    let mut paras = Paragraphs::default();
    let mut cur = String::new();
    walk(doc.root_element(), &mut cur, &mut paras);
    flush(&mut cur, &mut paras.paras);
    paras
}

//! Web pages saved as HTML: the text of the page's blocks.

use super::*;
use ego_tree::{NodeId, NodeRef};
use scraper::{ElementRef, Html, Node};
use std::collections::HashMap;

/// Elements never read: no part of a plan, nor of its text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "nav", "footer", "aside", "form", "button", "select", "iframe",
    "svg", "template", "head",
];

/// Elements that start and end a paragraph.
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

/// HTML: the text of the page's blocks. Scripts, styles, navigation,
/// the page's header, footers, forms and asides are no part of a plan,
/// nor is struck-out text.
pub fn html(text: &str) -> Paragraphs {
    let doc = Html::parse_document(text);
    let mut sizes = HashMap::new();
    let (total, _) = Page::measure(*doc.root_element(), &mut sizes);
    let page = Page { sizes, total };
    let mut paras = Paragraphs::default();
    let mut cur = String::new();
    page.walk(doc.root_element(), &mut cur, &mut paras);
    flush(&mut cur, &mut paras.paras);
    paras
}

/// Struck-out text: a web editor's strikethrough is how people mark a
/// line as deleted, so `<s>` and `<strike>` (and a `line-through`
/// style) go with `<del>`.
fn struck(el: &scraper::node::Element) -> bool {
    matches!(el.name(), "del" | "s" | "strike")
        || el
            .attr("style")
            .is_some_and(|s| s.to_ascii_lowercase().contains("line-through"))
}

/// The words of an element's class and id, in lower case: `entry-header`
/// is `entry` and `header`.
fn words(el: &scraper::node::Element) -> impl Iterator<Item = String> + '_ {
    el.attr("class")
        .into_iter()
        .chain(el.attr("id"))
        .flat_map(|w| w.split(|c: char| !c.is_ascii_alphanumeric()))
        .map(str::to_ascii_lowercase)
}

/// The page's text, element by element, to tell furniture from the
/// container of the plan.
struct Page {
    /// Each element's text, in characters other than white space, but
    /// what is never read (scripts, struck-out text …); and whether it
    /// holds an `<h1>`.
    sizes: HashMap<NodeId, (usize, bool)>,
    /// The whole page's.
    total: usize,
}

impl Page {
    /// `node`'s text and whether it holds an `<h1>`, each element's
    /// noted in `sizes` on the way: one pass, however deep furniture
    /// nests.
    fn measure(node: NodeRef<Node>, sizes: &mut HashMap<NodeId, (usize, bool)>) -> (usize, bool) {
        match node.value() {
            Node::Text(t) => (t.chars().filter(|c| !c.is_whitespace()).count(), false),
            Node::Element(e) if SKIP.contains(&e.name()) || struck(e) => (0, false),
            Node::Element(_) | Node::Document | Node::Fragment => {
                let (mut n, mut h1) = (0, false);
                for c in node.children() {
                    let (size, heading) = Page::measure(c, sizes);
                    n += size;
                    h1 |= heading;
                }
                h1 |= matches!(node.value(), Node::Element(e) if e.name() == "h1");
                sizes.insert(node.id(), (n, h1));
                (n, h1)
            }
            _ => (0, false),
        }
    }

    /// Is `el` left out? Scripts, forms and the like always, and
    /// struck-out text. Furniture (a class or id word such as `share`
    /// or `comment`, a `<header>` or `…-header`) is left out unless it
    /// holds at least half of the page's text: then it is the plan's
    /// container whatever its classes say (WordPress's
    /// `entry-content share-friendly`), and only the furniture inside
    /// it is left out. Words are matched whole, but a class's words
    /// are its parts (`comment-list` is a comment's), so the share of
    /// text is what keeps the plan.
    fn left_out(&self, el: ElementRef) -> bool {
        let e = el.value();
        if SKIP.contains(&e.name()) || struck(e) {
            return true;
        }
        let (size, h1) = self.sizes.get(&el.id()).copied().unwrap_or_default();
        let header = e.name() == "header" || words(e).any(|w| w == "header");
        let furniture = words(e).any(|w| FURNITURE.contains(&w.as_str()))
            || (header && !h1 && !Page::within_article(el));
        furniture && size * 2 < self.total
    }

    /// Is `el` inside the article or main part of the page? A header
    /// is the page's (its site name and menu) unless it is there, or
    /// holds an `<h1>`: then it is the header of the plan, with its
    /// title (WordPress's `<header class="entry-header">`).
    fn within_article(el: ElementRef) -> bool {
        el.ancestors()
            .filter_map(ElementRef::wrap)
            .any(|a| matches!(a.value().name(), "article" | "main"))
    }

    /// Reads the text under `el` into `cur`, the paragraph being written,
    /// ending it at each block and adding each paragraph and table to
    /// `paras`.
    fn walk(&self, el: ElementRef, cur: &mut String, paras: &mut Paragraphs) {
        for child in el.children() {
            match child.value() {
                Node::Text(t) => push_text(cur, t),
                Node::Element(e) => {
                    let Some(child) = ElementRef::wrap(child) else {
                        continue;
                    };
                    if self.left_out(child) {
                        continue;
                    }
                    let name = e.name();
                    if name == "table" {
                        flush(cur, &mut paras.paras);
                        paras.push_table(self.rows(child));
                        continue;
                    }
                    let block = BLOCK.contains(&name);
                    if block {
                        flush(cur, &mut paras.paras);
                    }
                    self.walk(child, cur, paras);
                    if block {
                        flush(cur, &mut paras.paras);
                    }
                }
                _ => {}
            }
        }
    }

    /// A table's rows, each a list of cells, each a list of paragraphs.
    /// A table inside a cell is read with that cell, not as rows of
    /// the table around it too.
    fn rows(&self, t: ElementRef) -> Vec<Vec<Vec<String>>> {
        let mut trs = Vec::new();
        own_rows(t, &mut trs);
        trs.into_iter()
            .filter(|tr| !self.left_out(*tr))
            .map(|tr| {
                tr.children()
                    .filter_map(ElementRef::wrap)
                    .filter(|c| matches!(c.value().name(), "td" | "th"))
                    .map(|cell| {
                        let (mut cur, mut paras) = (String::new(), Paragraphs::default());
                        self.walk(cell, &mut cur, &mut paras);
                        flush(&mut cur, &mut paras.paras);
                        paras.paras
                    })
                    .collect()
            })
            .collect()
    }
}

/// The `<tr>`s of the table `node`, added to `out`: under it, through
/// `<thead>`, `<tbody>` and the like, but not those of a table inside it.
fn own_rows<'a>(node: ElementRef<'a>, out: &mut Vec<ElementRef<'a>>) {
    for c in node.children().filter_map(ElementRef::wrap) {
        match c.value().name() {
            "tr" => out.push(c),
            "table" => {}
            _ => own_rows(c, out),
        }
    }
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

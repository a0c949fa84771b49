//! Word files: paragraphs and tables of `word/document.xml`, with Word's
//! automatic numbering written out as text.

use super::*;
use crate::messages::{self as msg, Message};
use crate::package::{Limits, Package, Refused};

/// The most a Word file's parts may inflate to, one or both read (the
/// text and its numbering): a plan's text is a few hundred kilobytes;
/// 64 MiB is a book with its history.
const LIMITS: Limits = Limits {
    part: 64 << 20,
    total: 64 << 20,
};

/// DOCX: the body's paragraphs and table cells in order, with Word's
/// automatic numbering written out (`一、`, `（一）`, `1.`) as it shows on
/// screen, so numbered headings read the same as typed ones. What is read
/// is what the page shows: tracked changes accepted, hidden text left out,
/// each text box and nested table once; footnotes and embedded chunks of
/// other formats are counted in [`Unread`].
pub fn docx(bytes: &[u8]) -> Result<Paragraphs, Message> {
    // Parts are read within limits, from a zip whose entries lie apart: a
    // few kilobytes of zip can inflate to gigabytes ([`crate::package`]).
    let refused = |r: Refused| match r {
        Refused::NotZip | Refused::Damaged { .. } => msg::import_bad_docx(),
        Refused::Overlapping => msg::import_docx_overlapping(),
        Refused::PartTooLarge { part } => msg::import_part_too_large(&part, LIMITS.part >> 20),
        Refused::TooLarge => msg::import_docx_too_large(LIMITS.total >> 20),
    };
    let mut zip = Package::open(bytes, LIMITS).map_err(refused)?;
    let mut part = |name: &str| -> Result<Option<String>, Message> {
        match zip.read(name).map_err(refused)? {
            Some(b) => String::from_utf8(b)
                .map(Some)
                .map_err(|_| msg::import_bad_docx()),
            None => Ok(None),
        }
    };
    let document = part("word/document.xml")?.ok_or_else(msg::import_bad_docx)?;
    let numbering = part("word/numbering.xml")?;
    let styles = part("word/styles.xml")?;
    // A numbering or styles part nested too deep is refused as the document
    // would be (one that is merely damaged leaves the paragraphs unnumbered,
    // or their styles unread).
    if numbering
        .iter()
        .chain(&styles)
        .any(|x| crate::xml::too_deep(x))
    {
        return Err(msg::import_too_deep(crate::xml::MAX_DEPTH));
    }
    let doc = crate::xml::parse(&document).map_err(|refused| match refused {
        crate::xml::Refused::TooDeep => msg::import_too_deep(crate::xml::MAX_DEPTH),
        crate::xml::Refused::Malformed => msg::import_bad_docx(),
    })?;
    let mut reader = DocxReader {
        counters: numbering::Counters::new(numbering.as_deref()),
        styles: Styles::new(styles.as_deref()),
        unread: Unread::default(),
    };
    let mut blocks = Vec::new();
    reader.blocks(doc.root_element(), &mut blocks);
    let mut paras = Paragraphs {
        unread: reader.unread,
        ..Paragraphs::default()
    };
    for block in blocks {
        match block {
            Block::Lines(lines) => paras.paras.extend(lines),
            Block::Table(rows) => paras.push_table(rows),
        }
    }
    Ok(paras)
}

/// A table's rows, each a list of cells, each a list of lines.
type Rows = Vec<Vec<Vec<String>>>;

/// What the body holds, in order: a paragraph's lines, or a table.
enum Block {
    Lines(Vec<String>),
    Table(Rows),
}

/// The lines of `blocks`, a table's read cell by cell: the inside of a
/// table cell or a text box, where a table is no schedule of the plan's.
fn lines(blocks: Vec<Block>) -> impl Iterator<Item = String> {
    blocks.into_iter().flat_map(|b| match b {
        Block::Lines(lines) => lines,
        Block::Table(rows) => rows.into_iter().flatten().flatten().collect(),
    })
}

/// What a Word file shows, read as Word shows it with its tracked changes
/// accepted: a deletion (`w:del`) and the old place of a moved text
/// (`w:moveFrom`, the new place being `w:moveTo`) are gone, an insertion
/// (`w:ins`) is there.
fn removed(node: &roxmltree::Node) -> bool {
    node.has_tag_name((W, "del")) || node.has_tag_name((W, "moveFrom"))
}

/// `mc:AlternateContent` holds the same content several ways (a text box
/// as a drawing in `mc:Choice` and as VML in `mc:Fallback`), of which
/// Word shows one: the first choice is read, never the others too.
fn chosen<'a, 'i>(node: &roxmltree::Node<'a, 'i>) -> Option<roxmltree::Node<'a, 'i>> {
    node.children().find(|n| n.has_tag_name((MC, "Choice")))
}

/// The elements named `name` found under `node` through whatever wraps
/// them (`w:sdt`, `w:customXml` …), but not inside a table nested in it:
/// a table's own rows, a row's own cells.
fn own<'a, 'i>(node: roxmltree::Node<'a, 'i>, name: &str, out: &mut Vec<roxmltree::Node<'a, 'i>>) {
    for child in node.children().filter(roxmltree::Node::is_element) {
        if child.has_tag_name((W, name)) {
            out.push(child);
        } else if !child.has_tag_name((W, "tbl")) && !removed(&child) {
            own(child, name, out);
        }
    }
}

pub(super) struct DocxReader {
    counters: numbering::Counters,
    styles: Styles,
    unread: Unread,
}

impl DocxReader {
    /// Paragraphs and tables in document order, each read once: a table's
    /// cells and a text box's paragraphs are read by the table and the
    /// paragraph that hold them.
    fn blocks(&mut self, node: roxmltree::Node, out: &mut Vec<Block>) {
        if node.has_tag_name((W, "p")) {
            self.paragraph(node, out);
        } else if node.has_tag_name((W, "tbl")) {
            let rows = self.rows(node);
            out.push(Block::Table(rows));
        } else if node.has_tag_name((W, "altChunk")) {
            self.unread.chunks += 1;
        } else if node.has_tag_name((MC, "AlternateContent")) {
            if let Some(choice) = chosen(&node) {
                self.blocks(choice, out);
            }
        } else if !removed(&node) {
            for child in node.children() {
                self.blocks(child, out);
            }
        }
    }

    /// A table's rows but those deleted, each cell as its lines (a table
    /// inside a cell read cell by cell).
    fn rows(&mut self, tbl: roxmltree::Node) -> Rows {
        let mut trs = Vec::new();
        own(tbl, "tr", &mut trs);
        trs.into_iter()
            .filter(|tr| {
                let props = tr.children().find(|n| n.has_tag_name((W, "trPr")));
                !props.is_some_and(|p| p.children().any(|n| removed(&n)))
            })
            .map(|tr| {
                let mut tcs = Vec::new();
                own(tr, "tc", &mut tcs);
                tcs.into_iter()
                    .map(|tc| {
                        let mut blocks = Vec::new();
                        for child in tc.children() {
                            self.blocks(child, &mut blocks);
                        }
                        lines(blocks).collect()
                    })
                    .collect()
            })
            .collect()
    }

    /// A paragraph's lines, with its automatic number in front, then the
    /// paragraphs of the text boxes anchored in it.
    fn paragraph(&mut self, p: roxmltree::Node, out: &mut Vec<Block>) {
        let ppr = p.children().find(|n| n.has_tag_name((W, "pPr")));
        let style = ppr
            .and_then(|ppr| ppr.children().find(|n| n.has_tag_name((W, "pStyle"))))
            .and_then(|s| s.attribute((W, "val")));
        // Counted before the text boxes, whose own numbered paragraphs
        // come after this one.
        let numbered = numbering_of(&p);
        let mut text = String::new();
        let mut boxes = Vec::new();
        self.runs(p, style, &mut text, &mut boxes);
        // A paragraph whose mark is deleted, moved away or hidden, and
        // nothing of it left, is not on the page: it takes no number.
        let mark = ppr.and_then(|ppr| ppr.children().find(|n| n.has_tag_name((W, "rPr"))));
        let gone = mark.is_some_and(|m| m.children().any(|n| removed(&n) || vanishes(&n)));
        let label = numbered
            .filter(|_| !gone || !text.trim().is_empty())
            .and_then(|(num, level)| self.counters.next(num, level));
        let own_lines = text
            .split('\n')
            .map(|line| line.trim_matches(crate::import::marker::is_space))
            .filter(|line| !line.is_empty())
            .enumerate()
            .map(|(i, line)| match (&label, i) {
                (Some(label), 0) => format!("{label}{line}"),
                _ => line.to_string(),
            })
            .collect();
        out.push(Block::Lines(own_lines));
        out.push(Block::Lines(lines(boxes).collect()));
    }

    /// The text of a paragraph's runs (with `style`, the paragraph's),
    /// and the blocks of its text boxes.
    fn runs(
        &mut self,
        node: roxmltree::Node,
        style: Option<&str>,
        text: &mut String,
        boxes: &mut Vec<Block>,
    ) {
        for n in node.children().filter(roxmltree::Node::is_element) {
            if n.has_tag_name((W, "t")) {
                text.push_str(n.text().unwrap_or(""));
            } else if n.has_tag_name((W, "tab")) {
                text.push_str("  ");
            } else if n.has_tag_name((W, "br")) || n.has_tag_name((W, "cr")) {
                text.push('\n');
            } else if n.has_tag_name((W, "footnoteReference"))
                || n.has_tag_name((W, "endnoteReference"))
            {
                self.unread.notes += 1;
            } else if n.has_tag_name((W, "txbxContent")) {
                for child in n.children() {
                    self.blocks(child, boxes);
                }
            } else if n.has_tag_name((MC, "AlternateContent")) {
                if let Some(choice) = chosen(&n) {
                    self.runs(choice, style, text, boxes);
                }
            } else if n.has_tag_name((W, "r")) {
                if !self.styles.hidden(&n, style) {
                    self.runs(n, style, text, boxes);
                }
            } else if !removed(&n) && !n.has_tag_name((W, "pPr")) && !n.has_tag_name((W, "rPr")) {
                self.runs(n, style, text, boxes);
            }
        }
    }
}

pub(super) const MC: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";

/// Is `n` a `w:vanish` that hides (`w:val` absent, or on)?
fn vanishes(n: &roxmltree::Node) -> bool {
    n.has_tag_name((W, "vanish")) && on(n)
}

/// A `w:val` of Word's on/off type: absent means on.
fn on(n: &roxmltree::Node) -> bool {
    !matches!(n.attribute((W, "val")), Some("0" | "false" | "off"))
}

/// Which styles hide their text (`w:vanish` in the style's run
/// properties, or in a style it is based on).
struct Styles {
    /// styleId → (based on, hides or shows when the style says so).
    styles: std::collections::HashMap<String, (Option<String>, Option<bool>)>,
}

impl Styles {
    fn new(xml: Option<&str>) -> Styles {
        let mut styles = std::collections::HashMap::new();
        if let Some(doc) = xml.and_then(|x| crate::xml::parse(x).ok()) {
            for s in doc.descendants().filter(|n| n.has_tag_name((W, "style"))) {
                let Some(id) = s.attribute((W, "styleId")) else {
                    continue;
                };
                let child = |name| s.children().find(|n| n.has_tag_name((W, name)));
                let based = child("basedOn")
                    .and_then(|b| b.attribute((W, "val")))
                    .map(String::from);
                let vanish = child("rPr")
                    .and_then(|r| r.children().find(|n| n.has_tag_name((W, "vanish"))))
                    .map(|v| on(&v));
                styles.insert(id.to_string(), (based, vanish));
            }
        }
        Styles { styles }
    }

    /// What style `id` says of hiding, through the styles it is based on
    /// (a loop of them, which Word would refuse, ends the search).
    fn vanish(&self, id: &str) -> Option<bool> {
        let mut id = id;
        for _ in 0..self.styles.len() {
            let (based, vanish) = self.styles.get(id)?;
            if vanish.is_some() {
                return *vanish;
            }
            id = based.as_deref()?;
        }
        None
    }

    /// Is run `r` hidden? Its own `w:vanish` decides, else its character
    /// style's, else its paragraph's style (`para`).
    fn hidden(&self, r: &roxmltree::Node, para: Option<&str>) -> bool {
        let rpr = r.children().find(|n| n.has_tag_name((W, "rPr")));
        let own = |name| rpr.and_then(|p| p.children().find(|n| n.has_tag_name((W, name))));
        own("vanish")
            .map(|v| on(&v))
            .or_else(|| {
                own("rStyle")
                    .and_then(|s| s.attribute((W, "val")))
                    .and_then(|s| self.vanish(s))
            })
            .or_else(|| para.and_then(|s| self.vanish(s)))
            .unwrap_or(false)
    }
}

pub(super) const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// A paragraph's `w:numPr`: (numId, ilvl).
pub(super) fn numbering_of(p: &roxmltree::Node) -> Option<(String, usize)> {
    let ppr = p.children().find(|n| n.has_tag_name((W, "pPr")))?;
    let num_pr = ppr.children().find(|n| n.has_tag_name((W, "numPr")))?;
    let val = |name| {
        num_pr
            .children()
            .find(|n| n.has_tag_name((W, name)))
            .and_then(|n| n.attribute((W, "val")))
    };
    let num = val("numId")?.to_string();
    let level = val("ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
    (num != "0").then_some((num, level))
}

/// Word's list numbering: `numbering.xml` says for each list and level the
/// format (`chineseCounting`, `decimal` …) and the label (`%1、`, `（%2）`).
mod numbering {
    use std::collections::HashMap;

    use super::W;

    struct Level {
        format: String,
        text: String,
        start: u32,
    }

    pub struct Counters {
        /// numId → its levels.
        lists: HashMap<String, Vec<Level>>,
        /// numId → the current count of each level.
        counts: HashMap<String, Vec<u32>>,
    }

    impl Counters {
        pub fn new(xml: Option<&str>) -> Counters {
            let mut lists = HashMap::new();
            if let Some(doc) = xml.and_then(|x| crate::xml::parse(x).ok()) {
                let abstracts: HashMap<&str, Vec<Level>> = doc
                    .descendants()
                    .filter(|n| n.has_tag_name((W, "abstractNum")))
                    .filter_map(|a| Some((a.attribute((W, "abstractNumId"))?, levels(a))))
                    .collect();
                let mut abstracts = abstracts;
                for num in doc.descendants().filter(|n| n.has_tag_name((W, "num"))) {
                    let id = num.attribute((W, "numId"));
                    let abs = num
                        .children()
                        .find(|n| n.has_tag_name((W, "abstractNumId")))
                        .and_then(|n| n.attribute((W, "val")));
                    if let (Some(id), Some(abs)) = (id, abs) {
                        if let Some(levels) = abstracts.remove(abs) {
                            lists.insert(id.to_string(), levels);
                        }
                    }
                }
            }
            Counters {
                lists,
                counts: HashMap::new(),
            }
        }

        /// The label of the next paragraph of list `num` at `level`.
        pub fn next(&mut self, num: String, level: usize) -> Option<String> {
            let levels = self.lists.get(&num)?;
            let counts = self
                .counts
                .entry(num)
                .or_insert_with(|| levels.iter().map(|l| l.start.saturating_sub(1)).collect());
            if level >= counts.len() {
                return None;
            }
            counts[level] += 1;
            for (deeper, l) in counts.iter_mut().zip(levels).skip(level + 1) {
                *deeper = l.start.saturating_sub(1);
            }
            let lvl = &levels[level];
            if lvl.format == "bullet" || lvl.format == "none" {
                return None;
            }
            let mut label = lvl.text.clone();
            for (i, (count, l)) in counts.iter().zip(levels).enumerate().take(level + 1) {
                label = label.replace(&format!("%{}", i + 1), &format_number(*count, &l.format));
            }
            Some(label)
        }
    }

    fn levels(abs: roxmltree::Node) -> Vec<Level> {
        abs.children()
            .filter(|n| n.has_tag_name((W, "lvl")))
            .map(|lvl| {
                let val = |name| {
                    lvl.children()
                        .find(|n| n.has_tag_name((W, name)))
                        .and_then(|n| n.attribute((W, "val")))
                        .unwrap_or("")
                        .to_string()
                };
                Level {
                    format: val("numFmt"),
                    text: val("lvlText"),
                    start: val("start").parse().unwrap_or(1),
                }
            })
            .collect()
    }

    fn format_number(n: u32, format: &str) -> String {
        match format {
            "chineseCounting"
            | "chineseCountingThousand"
            | "chineseLegalSimplified"
            | "ideographTraditional"
            | "taiwaneseCounting" => crate::numerals::to_chinese(n),
            "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => {
                char::from_u32(0x2460 + n.saturating_sub(1)).map_or(n.to_string(), String::from)
            }
            "decimalFullWidth" | "decimalFullWidth2" => n
                .to_string()
                .chars()
                .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c))
                .collect(),
            "upperLetter" | "lowerLetter" => {
                let base = if format == "upperLetter" { b'A' } else { b'a' };
                ((base + ((n.max(1) - 1) % 26) as u8) as char).to_string()
            }
            _ => n.to_string(),
        }
    }
}

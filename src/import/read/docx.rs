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
/// screen, so numbered headings read the same as typed ones.
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
    // A numbering part nested too deep is refused as the document would be
    // (one that is merely damaged leaves the paragraphs unnumbered).
    if numbering.as_deref().is_some_and(crate::xml::too_deep) {
        return Err(msg::import_too_deep(crate::xml::MAX_DEPTH));
    }
    let doc = crate::xml::parse(&document).map_err(|refused| match refused {
        crate::xml::Refused::TooDeep => msg::import_too_deep(crate::xml::MAX_DEPTH),
        crate::xml::Refused::Malformed => msg::import_bad_docx(),
    })?;
    let mut reader = DocxReader {
        counters: numbering::Counters::new(numbering.as_deref()),
        paras: Paragraphs::default(),
    };
    reader.block(doc.root_element());
    Ok(reader.paras)
}

pub(super) struct DocxReader {
    counters: numbering::Counters,
    paras: Paragraphs,
}

impl DocxReader {
    /// Paragraphs and tables in document order.
    fn block(&mut self, node: roxmltree::Node) {
        if node.has_tag_name((W, "p")) {
            let lines = self.paragraph(node);
            self.paras.paras.extend(lines);
        } else if node.has_tag_name((W, "tbl")) {
            let rows = node
                .descendants()
                .filter(|n| n.has_tag_name((W, "tr")))
                .map(|tr| {
                    tr.children()
                        .filter(|n| n.has_tag_name((W, "tc")))
                        .map(|tc| {
                            tc.descendants()
                                .filter(|n| n.has_tag_name((W, "p")))
                                .flat_map(|p| self.paragraph(p))
                                .collect()
                        })
                        .collect()
                })
                .collect();
            self.paras.push_table(rows);
        } else {
            for child in node.children() {
                self.block(child);
            }
        }
    }

    /// A paragraph's lines, with its automatic number in front.
    fn paragraph(&mut self, p: roxmltree::Node) -> Vec<String> {
        let mut text = String::new();
        for n in p.descendants() {
            if n.has_tag_name((W, "t")) {
                text.push_str(n.text().unwrap_or(""));
            } else if n.has_tag_name((W, "tab"))
                && !n.ancestors().any(|a| a.has_tag_name((W, "pPr")))
            {
                text.push_str("  ");
            } else if n.has_tag_name((W, "br")) {
                text.push('\n');
            }
        }
        let label = numbering_of(&p).and_then(|(num, level)| self.counters.next(num, level));
        text.split('\n')
            .map(|line| line.trim_matches(crate::import::marker::is_space))
            .filter(|line| !line.is_empty())
            .enumerate()
            .map(|(i, line)| match (&label, i) {
                (Some(label), 0) => format!("{label}{line}"),
                _ => line.to_string(),
            })
            .collect()
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

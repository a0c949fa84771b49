//! Reading a plan in any of the formats people have it in: plain text
//! (UTF-8, UTF-16 with a BOM, or GB18030/GBK as Chinese Windows saves it),
//! Markdown, HTML and DOCX. Each reader gives the document's paragraphs in
//! reading order; what they mean is [`super::recognise`]'s business.

use std::io::Read as _;
use std::path::Path;

use crate::messages as msg;

/// The formats `import` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Text,
    Markdown,
    Html,
    Docx,
}

/// A file's paragraphs, and how they were read, for the report.
pub struct Read {
    pub kind: Kind,
    /// The text encoding, for text formats.
    pub encoding: Option<&'static str>,
    pub paras: Vec<String>,
}

/// Why a file cannot be read, in the user's words, and what to do about it.
#[derive(Debug)]
pub struct Unreadable {
    pub message: String,
    pub help: Option<String>,
}

impl From<String> for Unreadable {
    fn from(message: String) -> Unreadable {
        Unreadable {
            message,
            help: None,
        }
    }
}

/// Read `path`, choosing the reader by its name and, failing that, its bytes.
pub fn read(path: &Path) -> Result<Read, Unreadable> {
    let bytes = std::fs::read(path).map_err(msg::cannot_read)?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if matches!(ext.as_str(), "doc" | "wps") || bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        return Err(Unreadable {
            message: msg::import_old_word(),
            help: Some(msg::import_old_word_help()),
        });
    }
    if ext == "docx" || bytes.starts_with(b"PK\x03\x04") {
        return Ok(Read {
            kind: Kind::Docx,
            encoding: None,
            paras: docx(&bytes)?,
        });
    }
    let (text, encoding) = decode(&bytes)?;
    let kind = match ext.as_str() {
        "md" | "markdown" => Kind::Markdown,
        "html" | "htm" | "xhtml" | "mhtml" => Kind::Html,
        "txt" | "text" => Kind::Text,
        _ if looks_like_html(&text) => Kind::Html,
        _ => Kind::Text,
    };
    let paras = match kind {
        Kind::Markdown => markdown(&text),
        Kind::Html => html(&text),
        _ => plain(&text),
    };
    Ok(Read {
        kind,
        encoding: Some(encoding),
        paras,
    })
}

fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start()
        .chars()
        .take(200)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<body")
}

/// Text from bytes: a BOM decides; else UTF-8 if it is valid; else GB18030,
/// the superset of GBK and GB2312 that Chinese Windows writes.
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), Unreadable> {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom..]);
        if !had_errors {
            return Ok((text.into_owned(), enc.name()));
        }
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_string(), "UTF-8"));
    }
    let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(Unreadable {
            message: msg::import_unknown_encoding(),
            help: Some(msg::import_unknown_encoding_help()),
        });
    }
    Ok((text.into_owned(), "GB18030"))
}

/// Plain text: a paragraph a line. Lines a program wrapped at a fixed width
/// (every full line about as long as the longest) are joined back.
pub fn plain(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text
        .lines()
        .map(|l| l.trim_matches(super::marker::is_space))
        .collect();
    let width = wrap_width(&lines);
    let mut paras: Vec<String> = Vec::new();
    let mut joining = false;
    for line in lines {
        if line.is_empty() {
            joining = false;
            continue;
        }
        match paras.last_mut() {
            Some(last) if joining => last.push_str(line),
            _ => paras.push(line.to_string()),
        }
        // A full-width line that ends mid-sentence goes on in the next one.
        joining = width.is_some_and(|w| line.chars().count() + 2 >= w)
            && !line.ends_with(|c: char| "。！？；：:;!?”」）)".contains(c));
    }
    paras
}

/// The width text was wrapped at, when most long lines share one length.
fn wrap_width(lines: &[&str]) -> Option<usize> {
    let lens: Vec<usize> = lines
        .iter()
        .map(|l| l.chars().count())
        .filter(|&n| n > 0)
        .collect();
    let max = *lens.iter().max()?;
    if lens.len() < 8 || !(20..=200).contains(&max) {
        return None;
    }
    let full = lens.iter().filter(|&&n| n + 2 >= max).count();
    (full * 2 >= lens.len()).then_some(max)
}

/// End the paragraph being collected.
fn flush(cur: &mut String, paras: &mut Vec<String>) {
    let t = cur.trim_matches(super::marker::is_space);
    if !t.is_empty() {
        paras.push(t.to_string());
    }
    cur.clear();
}

/// Markdown: each heading, paragraph line and list item is a paragraph.
/// Ordered list items get their numbers back (`1.`, and `（1）` one level
/// down), so nesting survives.
pub fn markdown(text: &str) -> Vec<String> {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let mut paras = Vec::new();
    let mut cur = String::new();
    // The next number of each open list; None for bullets.
    let mut lists: Vec<Option<u64>> = Vec::new();
    // The rows of the table being read, each a list of cells.
    let mut rows: Option<Vec<Vec<Vec<String>>>> = None;
    for event in Parser::new_ext(text, Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Table(_)) => {
                flush(&mut cur, &mut paras);
                rows = Some(Vec::new());
            }
            Event::End(TagEnd::Table) => paras.extend(table(rows.take().unwrap_or_default())),
            Event::Start(Tag::TableHead | Tag::TableRow) => {
                if let Some(rows) = &mut rows {
                    rows.push(Vec::new());
                }
            }
            Event::End(TagEnd::TableCell) => {
                let mut cell = Vec::new();
                flush(&mut cur, &mut cell);
                if let Some(row) = rows.as_mut().and_then(|r| r.last_mut()) {
                    row.push(cell);
                }
            }
            Event::Start(Tag::List(start)) => {
                flush(&mut cur, &mut paras);
                lists.push(start);
            }
            Event::End(TagEnd::List(_)) => {
                flush(&mut cur, &mut paras);
                lists.pop();
            }
            Event::Start(Tag::Item) => {
                flush(&mut cur, &mut paras);
                let depth = lists.iter().filter(|l| l.is_some()).count();
                if let Some(Some(n)) = lists.last_mut() {
                    cur.push_str(&if depth > 1 {
                        format!("（{n}）")
                    } else {
                        format!("{n}.")
                    });
                    *n += 1;
                }
            }
            Event::Start(Tag::Paragraph | Tag::Heading { .. })
            | Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item)
            | Event::HardBreak
            | Event::Rule => flush(&mut cur, &mut paras),
            Event::SoftBreak => flush(&mut cur, &mut paras),
            Event::Text(t) | Event::Code(t) => cur.push_str(&t),
            _ => {}
        }
    }
    flush(&mut cur, &mut paras);
    paras
}

/// HTML: the text of the page's blocks. Scripts, styles, navigation,
/// headers, footers, forms and asides are no part of a plan.
pub fn html(text: &str) -> Vec<String> {
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
    fn walk(el: ElementRef, cur: &mut String, paras: &mut Vec<String>) {
        for child in el.children() {
            match child.value() {
                Node::Text(t) => push_text(cur, t),
                Node::Element(e) => {
                    let name = e.name();
                    if SKIP.contains(&name) || is_furniture(e) {
                        continue;
                    }
                    if let Some(t) = ElementRef::wrap(child).filter(|_| name == "table") {
                        flush(cur, paras);
                        paras.extend(table(rows(t)));
                        continue;
                    }
                    let block = BLOCK.contains(&name);
                    if block {
                        flush(cur, paras);
                    }
                    if let Some(child) = ElementRef::wrap(child) {
                        walk(child, cur, paras);
                    }
                    if block {
                        flush(cur, paras);
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
                        let (mut cur, mut paras) = (String::new(), Vec::new());
                        walk(cell, &mut cur, &mut paras);
                        flush(&mut cur, &mut paras);
                        paras
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
    let mut paras = Vec::new();
    let mut cur = String::new();
    walk(doc.root_element(), &mut cur, &mut paras);
    flush(&mut cur, &mut paras);
    paras
}

/// DOCX: the body's paragraphs and table cells in order, with Word's
/// automatic numbering written out (`一、`, `（一）`, `1.`) as it shows on
/// screen, so numbered headings read the same as typed ones.
pub fn docx(bytes: &[u8]) -> Result<Vec<String>, String> {
    let mut zip =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| msg::import_bad_docx())?;
    let mut part = |name: &str| -> Option<String> {
        let mut f = zip.by_name(name).ok()?;
        let mut s = String::new();
        f.read_to_string(&mut s).ok()?;
        Some(s)
    };
    let document = part("word/document.xml").ok_or_else(msg::import_bad_docx)?;
    let numbering = part("word/numbering.xml");
    let doc = roxmltree::Document::parse(&document).map_err(|_| msg::import_bad_docx())?;
    let mut reader = DocxReader {
        counters: numbering::Counters::new(numbering.as_deref()),
        paras: Vec::new(),
    };
    reader.block(doc.root_element());
    Ok(reader.paras)
}

struct DocxReader {
    counters: numbering::Counters,
    paras: Vec<String>,
}

impl DocxReader {
    /// Paragraphs and tables in document order.
    fn block(&mut self, node: roxmltree::Node) {
        if node.has_tag_name((W, "p")) {
            let lines = self.paragraph(node);
            self.paras.extend(lines);
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
            self.paras.extend(table(rows));
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
            .map(|line| line.trim_matches(super::marker::is_space))
            .filter(|line| !line.is_empty())
            .enumerate()
            .map(|(i, line)| match (&label, i) {
                (Some(label), 0) => format!("{label}{line}"),
                _ => line.to_string(),
            })
            .collect()
    }
}

/// A table's paragraphs. A schedule kept as a table (月份 | 工作内容 |
/// 负责人) reads as the month and then its items, each with its person as
/// unionplan writes one (`（负责：工会主席）`); any other table reads cell by
/// cell.
pub fn table(rows: Vec<Vec<Vec<String>>>) -> Vec<String> {
    let is_month = |cell: &Vec<String>| {
        let t: String = cell.concat();
        super::marker::month(&t).is_some_and(|m| m.len == t.len())
    };
    let month_rows = rows
        .iter()
        .filter(|r| r.first().is_some_and(is_month))
        .count();
    if month_rows * 2 < rows.len().saturating_sub(1) || month_rows == 0 {
        return rows.into_iter().flatten().flatten().collect();
    }
    let header = rows.first().filter(|r| !r.first().is_some_and(is_month));
    let owner = header.and_then(|h| {
        h.iter()
            .position(|c| ["负责", "责任"].iter().any(|w| c.concat().contains(w)))
    });
    let mut out = Vec::new();
    let skip = usize::from(header.is_some());
    for row in rows.into_iter().skip(skip) {
        if !row.first().is_some_and(is_month) {
            out.extend(row.into_iter().flatten());
            continue;
        }
        let who = owner
            .and_then(|i| row.get(i))
            .map(|c| c.join("、"))
            .filter(|w| !w.is_empty());
        for (i, cell) in row.into_iter().enumerate() {
            if i == 0 {
                out.push(cell.concat());
            } else if Some(i) != owner {
                out.extend(cell.into_iter().map(|item| match &who {
                    Some(w) => format!("{item}（负责：{w}）"),
                    None => item,
                }));
            }
        }
    }
    out
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// A paragraph's `w:numPr`: (numId, ilvl).
fn numbering_of(p: &roxmltree::Node) -> Option<(String, usize)> {
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
            if let Some(doc) = xml.and_then(|x| roxmltree::Document::parse(x).ok()) {
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
            | "taiwaneseCounting" => crate::layout::chinese_number(n),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gbk_is_detected() {
        let (bytes, _, _) = encoding_rs::GBK.encode("一、指导思想");
        let (text, enc) = decode(&bytes).unwrap();
        assert_eq!(text, "一、指导思想");
        assert_eq!(enc, "GB18030");
        assert_eq!(decode("二月".as_bytes()).unwrap().1, "UTF-8");
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice("三月".as_bytes());
        assert_eq!(decode(&bom).unwrap().0, "三月");
    }

    #[test]
    fn wrapped_lines_are_joined_and_short_ones_kept() {
        let mut text = String::from("一、加强学习\n");
        for _ in 0..6 {
            text.push_str("组织教职工认真学习上级文件精神做好各项工作落实\n");
        }
        text.push_str("完成。\n二、关心教职工\n");
        let paras = plain(&text);
        assert_eq!(paras.len(), 3, "{paras:?}");
        assert!(paras[1].ends_with("完成。"));
    }

    #[test]
    fn markdown_lists_keep_their_numbers() {
        let paras = markdown("## 三、主要工作\n\n1. 甲\n   1. 乙\n2. 丙\n");
        let texts: Vec<&str> = paras.iter().map(String::as_str).collect();
        assert_eq!(texts, ["三、主要工作", "1.甲", "（1）乙", "2.丙"]);
    }

    #[test]
    fn schedule_tables_read_as_months_and_items() {
        let cell = |t: &[&str]| t.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let rows = vec![
            vec![cell(&["月份"]), cell(&["工作内容"]), cell(&["负责人"])],
            vec![
                cell(&["二月"]),
                cell(&["1.制定计划", "2.开学慰问"]),
                cell(&["工会主席"]),
            ],
            vec![cell(&["三月"]), cell(&["三八节活动"]), cell(&[])],
        ];
        assert_eq!(
            table(rows),
            [
                "二月",
                "1.制定计划（负责：工会主席）",
                "2.开学慰问（负责：工会主席）",
                "三月",
                "三八节活动"
            ]
        );
        // Any other table reads cell by cell.
        let rows = vec![
            vec![cell(&["姓名"]), cell(&["分工"])],
            vec![cell(&["李明"]), cell(&["主席"])],
        ];
        assert_eq!(table(rows), ["姓名", "分工", "李明", "主席"]);
    }

    #[test]
    fn html_skips_page_furniture() {
        let page = r#"<html><head><title>x</title><script>var a=1;</script></head><body>
            <div class="nav">首页 &gt; 范文</div>
            <h1>礼河小学2025年工会工作计划</h1>
            <p>一、指导思想</p><p>以<b>教职工</b>为本。</p>
            <footer>版权所有</footer></body></html>"#;
        let texts = html(page);
        assert_eq!(
            texts,
            [
                "礼河小学2025年工会工作计划",
                "一、指导思想",
                "以教职工为本。"
            ]
        );
    }
}

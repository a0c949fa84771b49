//! Reading a plan in any of the formats people have it in: plain text
//! (UTF-8, UTF-16 with a BOM, or GB18030/GBK as Chinese Windows saves it),
//! Markdown, HTML and DOCX. Each reader gives the document's paragraphs in
//! reading order; what they mean is [`super::recognise`]'s business.

use std::path::Path;

use crate::messages::{self as msg, Message};
use crate::text::{self, NotText};

mod docx;
mod html;
mod markdown;
mod plain;

pub use docx::docx;
pub use html::html;
pub use markdown::markdown;
use plain::flush;
pub use plain::plain;

/// The formats `import` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Text,
    Markdown,
    Html,
    Docx,
}

impl FileKind {
    /// The kind as the report names it.
    pub fn label(self) -> &'static str {
        match self {
            FileKind::Text => msg::IMPORT_KIND_TEXT,
            FileKind::Markdown => msg::IMPORT_KIND_MARKDOWN,
            FileKind::Html => msg::IMPORT_KIND_HTML,
            FileKind::Docx => msg::IMPORT_KIND_DOCX,
        }
    }
}

/// A file's paragraphs, and how they were read, for the report.
pub struct Read {
    pub kind: FileKind,
    /// The text encoding, for text formats.
    pub encoding: Option<&'static str>,
    pub paras: Vec<String>,
    /// The schedule was kept as a table (行事历): the spec keeps that layout.
    pub schedule_table: bool,
    /// What the file holds that was not read, for the report.
    pub unread: Unread,
}

/// A document's paragraphs, as each reader gives them.
#[derive(Debug, Default, PartialEq)]
pub struct Paragraphs {
    pub paras: Vec<String>,
    /// Some table was a schedule (see [`table`]).
    pub schedule_table: bool,
    pub unread: Unread,
}

/// What a file holds that import does not read into the plan, counted so
/// the report can say so: dropped without a word, the user would never
/// know the spec lacks it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Unread {
    /// Footnotes and endnotes (their references in the text).
    pub notes: usize,
    /// Content Word keeps in another format inside the file (`w:altChunk`:
    /// HTML or RTF pasted or merged in), which only Word can lay out.
    pub chunks: usize,
}

impl Paragraphs {
    /// A table's paragraphs after those read so far.
    pub fn push_table(&mut self, rows: Vec<Vec<Vec<String>>>) {
        let (paras, schedule) = table(rows);
        self.paras.extend(paras);
        self.schedule_table |= schedule;
    }
}

/// Why a file cannot be read, in the user's words, and what to do about it.
#[derive(Debug)]
pub struct Unreadable {
    pub message: Message,
    pub help: Option<String>,
}

impl From<Message> for Unreadable {
    fn from(message: Message) -> Unreadable {
        Unreadable {
            message,
            help: None,
        }
    }
}

/// Read `path`, choosing the reader by its name and, failing that, its bytes.
pub fn read(path: &Path) -> Result<Read, Unreadable> {
    let bytes =
        crate::input::read(path, crate::input::Kind::Import).map_err(|e| msg::cannot_read(&e))?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let binary = text::sniff(&bytes);
    if matches!(ext.as_str(), "doc" | "wps") || binary == Some(NotText::Ole) {
        return Err(Unreadable {
            message: msg::import_old_word(),
            help: Some(msg::import_old_word_help()),
        });
    }
    if binary == Some(NotText::Pdf) {
        return Err(Unreadable {
            message: msg::spec_is_pdf(),
            help: Some(msg::spec_is_pdf_help()),
        });
    }
    if ext == "docx" || binary == Some(NotText::Zip) {
        let read = docx(&bytes)?;
        return Ok(Read {
            kind: FileKind::Docx,
            encoding: None,
            paras: read.paras,
            schedule_table: read.schedule_table,
            unread: read.unread,
        });
    }
    let text::Decoded { text, encoding } = text::decode(&bytes).map_err(|_| Unreadable {
        message: msg::import_unknown_encoding(),
        help: Some(msg::import_unknown_encoding_help()),
    })?;
    let kind = match ext.as_str() {
        "md" | "markdown" => FileKind::Markdown,
        "html" | "htm" | "xhtml" | "mhtml" => FileKind::Html,
        "txt" | "text" => FileKind::Text,
        _ if looks_like_html(&text) => FileKind::Html,
        _ => FileKind::Text,
    };
    if kind == FileKind::Html && crate::xml::too_deep(&text) {
        return Err(Unreadable {
            message: msg::import_too_deep(crate::xml::MAX_DEPTH),
            help: None,
        });
    }
    let read = match kind {
        FileKind::Markdown => markdown(&text),
        FileKind::Html => html(&text),
        _ => Paragraphs {
            paras: plain(&text),
            ..Paragraphs::default()
        },
    };
    Ok(Read {
        kind,
        encoding: Some(encoding.name()),
        paras: read.paras,
        schedule_table: read.schedule_table,
        unread: read.unread,
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

/// A table's paragraphs, and whether it was a schedule. A schedule kept
/// as a table (月份 | 工作内容 | 时间 | 负责人) reads as the month and then
/// its items, each with its day and person as unionplan writes them
/// (`（3月8日，负责：工会主席）`); any other table reads cell by cell.
///
/// In the 时间 and 负责人 cells, a line led by an item's number (`2、工会主席`,
/// as unionplan's own tables write them) belongs to that item; otherwise
/// the cell belongs to every item of its row.
pub fn table(rows: Vec<Vec<Vec<String>>>) -> (Vec<String>, bool) {
    let is_month = |cell: &Vec<String>| {
        let t: String = cell.concat();
        super::marker::month(&t).is_some_and(|m| m.len == t.len())
    };
    let month_rows = rows
        .iter()
        .filter(|r| r.first().is_some_and(is_month))
        .count();
    if month_rows * 2 < rows.len().saturating_sub(1) || month_rows == 0 {
        return (rows.into_iter().flatten().flatten().collect(), false);
    }
    let header = rows.first().filter(|r| !r.first().is_some_and(is_month));
    let column = |words: &[&str]| {
        header.and_then(|h| {
            h.iter()
                .position(|c| words.iter().any(|w| c.concat().contains(w)))
        })
    };
    let owner = column(&["负责", "责任"]);
    let date = column(&["时间", "日期"]).filter(|&i| i > 0 && Some(i) != owner);
    let mut out = Vec::new();
    let skip = usize::from(header.is_some());
    for row in rows.into_iter().skip(skip) {
        if !row.first().is_some_and(is_month) {
            out.extend(row.into_iter().flatten());
            continue;
        }
        let detail = |i: Option<usize>| i.and_then(|i| row.get(i)).and_then(|c| per_item(c));
        let (dates, owners) = (detail(date), detail(owner));
        out.push(row[0].concat());
        let mut n = 0;
        for (i, cell) in row.iter().enumerate().skip(1) {
            if Some(i) == owner || Some(i) == date {
                continue;
            }
            for item in cell {
                n += 1;
                let date = dates.as_ref().and_then(|d| d.of(n));
                let owner = owners.as_ref().and_then(|d| d.of(n));
                // A day written after the work in its own cell joins the
                // row's person in one group: `气排球比赛（11月15日，负责：体育组）`.
                let own_day = crate::import::recognise::trailing_day(item)
                    .filter(|_| date.is_none() && owner.is_some());
                let (item, date) = match own_day {
                    Some((before, day)) => (before, Some(day)),
                    None => (item.as_str(), date),
                };
                let details = crate::layout::item_details(date, owner);
                out.push(if details.is_empty() {
                    item.to_string()
                } else {
                    format!("{item}（{details}）")
                });
            }
        }
    }
    (out, true)
}

/// A 时间 or 负责人 cell: its lines by item number, or one value for all.
enum PerItem {
    All(String),
    Numbered(Vec<(usize, String)>),
}

impl PerItem {
    fn of(&self, n: usize) -> Option<&str> {
        match self {
            PerItem::All(v) => Some(v),
            PerItem::Numbered(lines) => {
                lines.iter().find(|(k, _)| *k == n).map(|(_, v)| v.as_str())
            }
        }
    }
}

fn per_item(cell: &[String]) -> Option<PerItem> {
    // A number on a line of its own leads the next line: unionplan breaks
    // `1、10月29日` after its number where the column is too narrow.
    let mut lines: Vec<String> = Vec::new();
    for l in cell.iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
        match lines.last_mut() {
            Some(last) if crate::page::item_number(last).is_some_and(|n| n.len() == last.len()) => {
                last.push_str(l)
            }
            _ => lines.push(l.to_string()),
        }
    }
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    if lines.is_empty() {
        return None;
    }
    let numbered: Option<Vec<(usize, String)>> = lines
        .iter()
        .map(|l| {
            let digits = l.bytes().take_while(u8::is_ascii_digit).count();
            let rest = l[digits..].strip_prefix('、')?;
            Some((l[..digits].parse().ok()?, rest.trim().to_string()))
        })
        .collect();
    Some(match numbered {
        Some(lines) => PerItem::Numbered(lines),
        None => PerItem::All(lines.join("、")),
    })
}

#[cfg(test)]
mod tests;

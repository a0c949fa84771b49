//! Reading a plan in any of the formats people have it in: plain text
//! (UTF-8, UTF-16 with a BOM, or GB18030/GBK as Chinese Windows saves it),
//! Markdown, HTML and DOCX. Each reader gives the document's paragraphs in
//! reading order; what they mean is [`super::recognise`]'s business.

use std::path::Path;

use crate::messages::{self as msg, Message};
use crate::text::{self, NotText};

mod depth;
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
    let bytes = std::fs::read(path).map_err(|e| msg::cannot_read(&e))?;
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
        return Ok(Read {
            kind: FileKind::Docx,
            encoding: None,
            paras: docx(&bytes)?,
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
    if kind == FileKind::Html && depth::too_deep(&text) {
        return Err(Unreadable {
            message: msg::import_too_deep(depth::MAX_DEPTH),
            help: None,
        });
    }
    let paras = match kind {
        FileKind::Markdown => markdown(&text),
        FileKind::Html => html(&text),
        _ => plain(&text),
    };
    Ok(Read {
        kind,
        encoding: Some(encoding.name()),
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
                    Some(w) => format!("{item}（{}）", crate::layout::item_details(None, Some(w))),
                    None => item,
                }));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;

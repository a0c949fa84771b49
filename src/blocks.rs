//! The rendered Markdown read back as a list of typed blocks.
//!
//! The layout template writes Markdown (that *is* the Markdown output); the
//! DOCX and HTML writers do not lay the plan out again, they read that
//! Markdown through pulldown-cmark into this small model and typeset it.
//! So the layout lives in one place, the template, for all three formats.
//!
//! How Markdown maps to the model:
//!
//! | Markdown                        | block                         |
//! |---------------------------------|-------------------------------|
//! | `# …`                           | [`BlockKind::Title`]          |
//! | `## …` … `######`               | [`BlockKind::Heading`] 1 … 5  |
//! | a paragraph                     | [`BlockKind::Body`]           |
//! | a list item                     | [`BlockKind::ListItem`]       |
//! | paragraphs after `<!-- signature -->` | [`BlockKind::Signature`] |
//! | a pipe table                    | [`BlockKind::Table`], its [`Table`] |
//!
//! In a table's cell, `<br>` parts the cell's paragraphs: the schedule's
//! items, one paragraph each.

use pulldown_cmark::{Alignment, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::markup::{is_wide, parser_options};

/// The marker a template writes before the signature (落款) lines.
pub const SIGNATURE_MARKER: &str = "<!-- signature -->";

/// A rendered plan read back from its Markdown.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Document {
    /// The plan's paragraphs and tables, in reading order.
    pub blocks: Vec<Block>,
}

/// One paragraph or table of the plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// What the block is, which decides how it is set.
    pub kind: BlockKind,
    /// The paragraph's text; empty for a table.
    pub runs: Vec<Run>,
    /// The cells of a [`BlockKind::Table`].
    pub table: Option<Box<Table>>,
}

/// A table: its header row first, then its body rows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// Each column's alignment (`:-:` is centred).
    pub centred: Vec<bool>,
    /// The rows, the header row first.
    pub rows: Vec<Row>,
}

/// One row of a [`Table`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Row {
    /// The header row, repeated on every page a table runs over.
    pub header: bool,
    /// The row's cells, left to right.
    pub cells: Vec<Cell>,
}

/// One cell: its paragraphs, each a list of runs; at least one, perhaps empty.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cell {
    /// The cell's paragraphs (parted by `<br>` in the Markdown).
    pub paragraphs: Vec<Vec<Run>>,
}

impl Cell {
    /// The cell's text, its paragraphs on lines of their own.
    pub fn plain_text(&self) -> String {
        let lines: Vec<String> = self.paragraphs.iter().map(|p| runs_text(p)).collect();
        lines.join("\n")
    }
}

impl Row {
    /// The row's text: its cells' text, one after another on lines of their own.
    pub fn plain_text(&self) -> String {
        let cells: Vec<String> = self.cells.iter().map(Cell::plain_text).collect();
        cells.join("\n")
    }
}

fn runs_text(runs: &[Run]) -> String {
    runs.iter()
        .map(|r| if r.line_break { "\n" } else { r.text.as_str() })
        .collect()
}

/// What a block is: which style sets it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockKind {
    /// The plan's title (`# …`).
    Title,
    /// 1 is 一、, 2 is （一） (and month headings), 3 is 1., 4 is （1）, 5 is ①.
    Heading(u8),
    /// A paragraph of body text.
    Body,
    /// `depth` counts from 1; the marker (`1.`, `•`) is the first run.
    ListItem {
        /// How deep the list is nested, from 1.
        depth: u8,
    },
    /// A line of the 落款, after [`SIGNATURE_MARKER`].
    Signature,
    /// A table; the block's `table` holds it.
    Table,
}

/// A piece of text with one formatting.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Run {
    /// The text; empty for a line break.
    pub text: String,
    /// Set in bold (`**…**`).
    pub bold: bool,
    /// Set in italics (`*…*`).
    pub italic: bool,
    /// Struck through (`~~…~~`).
    pub strike: bool,
    /// Inline code (`` `…` ``).
    pub code: bool,
    /// A line break inside the paragraph; `text` is empty.
    pub line_break: bool,
}

impl Block {
    /// A paragraph of `kind` with these runs.
    pub fn new(kind: BlockKind, runs: Vec<Run>) -> Block {
        Block {
            kind,
            runs,
            table: None,
        }
    }

    /// The block's text without formatting; line breaks as `\n`. A table's
    /// is its rows' text, one after another.
    pub fn plain_text(&self) -> String {
        match &self.table {
            Some(t) => {
                let rows: Vec<String> = t.rows.iter().map(Row::plain_text).collect();
                rows.join("\n")
            }
            None => runs_text(&self.runs),
        }
    }
}

impl Document {
    /// Read Markdown written by the layout template.
    pub fn from_markdown(md: &str) -> Document {
        let mut b = Builder::default();
        // Tables here only: the layout template writes the schedule's, and
        // user text (escaped by `crate::markup`) never makes one.
        let options = parser_options() | Options::ENABLE_TABLES;
        for event in Parser::new_ext(md, options) {
            b.event(event);
        }
        b.finish_block();
        Document { blocks: b.blocks }
    }

    /// The text of the first title, for the HTML `<title>` and DOCX properties.
    pub fn title(&self) -> String {
        self.blocks
            .iter()
            .find(|b| b.kind == BlockKind::Title)
            .map(|b| b.plain_text().replace('\n', ""))
            .unwrap_or_default()
    }
}

#[derive(Default)]
struct Builder {
    blocks: Vec<Block>,
    current: Option<Block>,
    bold: u32,
    italic: u32,
    strike: u32,
    /// Ordered lists carry their next number.
    lists: Vec<Option<u64>>,
    /// The current list item has had its first paragraph.
    item_used: bool,
    signature: bool,
    /// The table being read, if any; text goes into its last cell.
    table: Option<Table>,
}

impl Builder {
    fn begin(&mut self, kind: BlockKind) {
        self.finish_block();
        self.current = Some(Block::new(kind, Vec::new()));
    }

    /// The paragraph of the table's cell being read.
    fn cell_paragraph(&mut self) -> Option<&mut Vec<Run>> {
        self.table
            .as_mut()?
            .rows
            .last_mut()?
            .cells
            .last_mut()?
            .paragraphs
            .last_mut()
    }

    fn finish_block(&mut self) {
        if let Some(block) = self.current.take() {
            if block.runs.iter().any(|r| !r.text.trim().is_empty()) {
                self.blocks.push(block);
            }
        }
    }

    /// How deep the current list is; past 255 levels (which a template
    /// could write) it stays 255 rather than wrapping round.
    fn list_depth(&self) -> u8 {
        u8::try_from(self.lists.len()).unwrap_or(u8::MAX)
    }

    fn paragraph_kind(&self) -> BlockKind {
        if self.signature {
            BlockKind::Signature
        } else if self.lists.is_empty() {
            BlockKind::Body
        } else {
            BlockKind::ListItem {
                depth: self.list_depth(),
            }
        }
    }

    fn push_text(&mut self, text: &str, code: bool) {
        let run = Run {
            text: text.to_string(),
            bold: self.bold > 0,
            italic: self.italic > 0,
            strike: self.strike > 0,
            code,
            line_break: false,
        };
        if self.table.is_some() {
            if let Some(runs) = self.cell_paragraph() {
                push_run(runs, run);
            }
            return;
        }
        if self.current.is_none() {
            let kind = self.paragraph_kind();
            self.begin(kind);
        }
        let block = self.current.as_mut().expect("a block was just begun");
        push_run(&mut block.runs, run);
    }

    fn last_char(&self) -> Option<char> {
        self.current
            .as_ref()
            .and_then(|b| b.runs.last())
            .and_then(|r| r.text.chars().last())
    }

    fn event(&mut self, event: Event) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => self.push_text(&t, false),
            Event::Code(t) => self.push_text(&t, true),
            // Between Chinese characters a wrapped line joins with nothing.
            Event::SoftBreak if self.last_char().is_some_and(|c| !is_wide(c)) => {
                self.push_text(" ", false)
            }
            Event::HardBreak => {
                if let Some(block) = self.current.as_mut() {
                    block.runs.push(Run {
                        line_break: true,
                        ..Run::default()
                    });
                }
            }
            Event::InlineHtml(html) if self.table.is_some() && is_br(&html) => {
                if let Some(cell) = self
                    .table
                    .as_mut()
                    .and_then(|t| t.rows.last_mut())
                    .and_then(|r| r.cells.last_mut())
                {
                    cell.paragraphs.push(Vec::new());
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                if html.trim() == SIGNATURE_MARKER {
                    self.finish_block();
                    self.signature = true;
                } else if !html.trim_start().starts_with("<!--") {
                    // Templates may hold raw HTML; it is shown as text, never lost.
                    self.push_text(html.trim_end_matches('\n'), false);
                }
            }
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Heading { level, .. } => {
                let kind = match level {
                    HeadingLevel::H1 => BlockKind::Title,
                    other => BlockKind::Heading(other as u8 - 1),
                };
                self.begin(kind);
            }
            Tag::Paragraph => {
                // The first paragraph of a list item continues the item's block.
                let in_fresh_item = !self.lists.is_empty() && !self.item_used;
                if in_fresh_item && self.current.is_some() {
                    self.item_used = true;
                } else {
                    let kind = self.paragraph_kind();
                    self.begin(kind);
                }
            }
            Tag::List(start) => {
                self.finish_block();
                self.lists.push(start);
            }
            Tag::Item => {
                let depth = self.list_depth();
                self.begin(BlockKind::ListItem { depth });
                self.item_used = false;
                let marker = match self.lists.last_mut().and_then(|l| l.as_mut()) {
                    Some(n) => {
                        let m = format!("{n}. ");
                        *n += 1;
                        m
                    }
                    None => "• ".to_string(),
                };
                self.push_text(&marker, false);
            }
            Tag::Table(alignments) => {
                self.finish_block();
                self.table = Some(Table {
                    centred: alignments.iter().map(|a| *a == Alignment::Center).collect(),
                    rows: Vec::new(),
                });
            }
            Tag::TableHead | Tag::TableRow => {
                if let Some(t) = self.table.as_mut() {
                    t.rows.push(Row {
                        header: matches!(tag, Tag::TableHead),
                        cells: Vec::new(),
                    });
                }
            }
            Tag::TableCell => {
                if let Some(row) = self.table.as_mut().and_then(|t| t.rows.last_mut()) {
                    row.cells.push(Cell {
                        paragraphs: vec![Vec::new()],
                    });
                }
            }
            Tag::Emphasis => self.italic += 1,
            Tag::Strong => self.bold += 1,
            Tag::Strikethrough => self.strike += 1,
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::Item | TagEnd::CodeBlock => {
                self.finish_block();
                self.item_used = true;
            }
            TagEnd::List(_) => {
                self.finish_block();
                self.lists.pop();
            }
            TagEnd::Table => {
                if let Some(table) = self.table.take() {
                    self.blocks.push(Block {
                        kind: BlockKind::Table,
                        runs: Vec::new(),
                        table: Some(Box::new(table)),
                    });
                }
            }
            TagEnd::Emphasis => self.italic = self.italic.saturating_sub(1),
            TagEnd::Strong => self.bold = self.bold.saturating_sub(1),
            TagEnd::Strikethrough => self.strike = self.strike.saturating_sub(1),
            _ => {}
        }
    }
}

/// Append `run` to `runs`, joined to the last run where they are formatted alike.
fn push_run(runs: &mut Vec<Run>, run: Run) {
    match runs.last_mut() {
        Some(last)
            if !last.line_break
                && (last.bold, last.italic, last.strike, last.code)
                    == (run.bold, run.italic, run.strike, run.code) =>
        {
            last.text.push_str(&run.text)
        }
        _ => runs.push(run),
    }
}

/// `<br>`, `<br/>` or `<br />`, as the layout template parts a cell.
fn is_br(html: &str) -> bool {
    let tag = html.trim().to_ascii_lowercase();
    matches!(tag.as_str(), "<br>" | "<br/>" | "<br />")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_paragraphs_lists_and_signature() {
        let md = "# 标题\n\n## 一、指导思想\n\n正文**加粗**。\n\n- 甲\n- 乙\n\n<!-- signature -->\n\n某某工会委员会\n\n2025年3月1日\n";
        let doc = Document::from_markdown(md);
        let kinds: Vec<BlockKind> = doc.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            vec![
                BlockKind::Title,
                BlockKind::Heading(1),
                BlockKind::Body,
                BlockKind::ListItem { depth: 1 },
                BlockKind::ListItem { depth: 1 },
                BlockKind::Signature,
                BlockKind::Signature,
            ]
        );
        assert_eq!(doc.title(), "标题");
        assert!(doc.blocks[2].runs[1].bold);
        assert_eq!(doc.blocks[3].plain_text(), "• 甲");
    }

    #[test]
    fn a_pipe_table_is_one_block_with_its_cells() {
        let md = "## 四、具体工作安排\n\n| 月份 | 工作内容 |\n| :-: | --- |\n| 二月 | 1、开学\\|准备<br>2、**慰问** |\n| 三月 | 1、三八节 |\n\n<!-- signature -->\n\n某工会\n";
        let doc = Document::from_markdown(md);
        let kinds: Vec<BlockKind> = doc.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Heading(1),
                BlockKind::Table,
                BlockKind::Signature
            ]
        );
        let table = doc.blocks[1].table.as_deref().unwrap();
        assert_eq!(table.centred, [true, false]);
        assert_eq!(table.rows.len(), 3);
        assert!(table.rows[0].header && !table.rows[1].header);
        let cell = &table.rows[1].cells[1];
        assert_eq!(cell.paragraphs.len(), 2);
        assert_eq!(cell.plain_text(), "1、开学|准备\n2、慰问");
        assert!(cell.paragraphs[1][1].bold);
        assert_eq!(
            doc.blocks[1].plain_text(),
            "月份\n工作内容\n二月\n1、开学|准备\n2、慰问\n三月\n1、三八节"
        );
    }

    #[test]
    fn escaped_numbers_stay_text() {
        let doc = Document::from_markdown("1\\. 校务公开\n");
        assert_eq!(doc.blocks[0].kind, BlockKind::Body);
        assert_eq!(doc.blocks[0].plain_text(), "1. 校务公开");
    }
}

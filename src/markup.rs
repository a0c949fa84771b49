//! User text into safe Markdown: the filters the templates use.
//!
//! Every text field of a spec is Markdown, and the templates paste it into a
//! Markdown document. Pasted as-is, a user's `# ` or `1. ` at the start of a
//! line, or a `<script>`, would change the document's structure. These
//! filters parse the user's Markdown and write it back keeping only what a
//! plan's text may contain (paragraphs, emphasis, strong, strike-through,
//! code, line breaks, lists), with everything else turned into escaped text.
//! Nothing the user typed is dropped: a heading becomes a paragraph, raw HTML
//! is shown as the characters typed.
//!
//! - [`block`] (`md_block`): paragraphs and lists. Each line a user writes is
//!   its own paragraph — that is how Chinese plans are typed — so a single
//!   newline starts a new paragraph, not a soft wrap.
//! - [`inline`] (`md_inline`): one line, for titles and list items.
//! - [`cell`] (`md_cell`): one line inside a pipe table's cell.
//! - [`literal`] (`md_text`): text that is not Markdown at all, such as the
//!   generated numbers `1.`; every special character is escaped.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Markdown features accepted in user text.
pub fn parser_options() -> Options {
    Options::ENABLE_STRIKETHROUGH
}

/// Paragraphs and lists, ready to stand on their own lines.
pub fn block(src: &str) -> String {
    Writer::new(Mode::Block).run(&protect(src))
}

/// A single line of inline Markdown.
pub fn inline(src: &str) -> String {
    Writer::new(Mode::Inline).run(&protect(src))
}

/// [`inline`] for a cell of a pipe table. Text escapes `|` everywhere
/// already; a code span keeps it as typed, which in a cell would end the
/// cell, so there it is written `\|` (a table reads that as `|`, even in
/// code, where anywhere else it would show the backslash).
pub fn cell(src: &str) -> String {
    let mut w = Writer::new(Mode::Inline);
    w.in_cell = true;
    w.run(&protect(src))
}

/// Lists deeper than this are written at this depth: the text stays, the
/// indentation stops growing (it grew with every level, so thousands of
/// levels made hundreds of megabytes).
const MAX_LIST_DEPTH: usize = 8;

/// Escape the block constructs Markdown would swallow whole before they
/// are parsed: a line opening a code fence (```` ``` ```` or `~~~`, whose
/// info string is no text), and a line shaped like a link reference
/// definition (`[备注]: 请各校按时完成`, which is no text at all). Such a line
/// is the text it shows.
fn protect(src: &str) -> std::borrow::Cow<'_, str> {
    match keep_entities(src) {
        std::borrow::Cow::Borrowed(s) => protect_lines(s),
        std::borrow::Cow::Owned(s) => std::borrow::Cow::Owned(protect_lines(&s).into_owned()),
    }
}

/// Escape each `&` that begins a character reference (`&amp;`, `&lt;`,
/// `&#x41;`, `&copy;`) outside code spans, so it stays the characters
/// typed: a teacher who types `&lt;` means those four characters, and
/// Markdown would show `<`.
fn keep_entities(src: &str) -> std::borrow::Cow<'_, str> {
    if !src.contains('&') {
        return std::borrow::Cow::Borrowed(src);
    }
    let mut out = String::with_capacity(src.len() + 8);
    let mut rest = src;
    while let Some(c) = rest.chars().next() {
        if c == '`' {
            // A code span shows its text as typed: copy it whole.
            let run = rest.len() - rest.trim_start_matches('`').len();
            let after = &rest[run..];
            let close = after.char_indices().map(|(i, _)| i).find(|&i| {
                after[i..].starts_with(&rest[..run])
                    && !after[i + run..].starts_with('`')
                    && (i == 0 || !after[..i].ends_with('`'))
            });
            let take = close.map_or(run, |i| run + i + run);
            out.push_str(&rest[..take]);
            rest = &rest[take..];
            continue;
        }
        if c == '&' && is_reference(&rest[1..]) {
            out.push('\\');
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    std::borrow::Cow::Owned(out)
}

/// Does `s` (what follows a `&`) complete a character reference?
fn is_reference(s: &str) -> bool {
    let Some(end) = s.find(';').filter(|&e| e <= 33) else {
        return false;
    };
    let body = &s[..end];
    if let Some(num) = body.strip_prefix('#') {
        match num.strip_prefix(['x', 'X']) {
            Some(hex) => (1..=6).contains(&hex.len()) && hex.chars().all(|c| c.is_ascii_hexdigit()),
            None => (1..=7).contains(&num.len()) && num.chars().all(|c| c.is_ascii_digit()),
        }
    } else {
        body.starts_with(|c: char| c.is_ascii_alphabetic())
            && body.chars().all(|c| c.is_ascii_alphanumeric())
    }
}

fn protect_lines(src: &str) -> std::borrow::Cow<'_, str> {
    let mut out = String::new();
    let mut changed = false;
    for line in src.split_inclusive('\n') {
        let at = construct_start(line);
        if let Some(at) = at {
            out.push_str(&line[..at]);
            out.push('\\');
            out.push_str(&line[at..]);
            changed = true;
        } else {
            out.push_str(line);
        }
    }
    if changed {
        std::borrow::Cow::Owned(out)
    } else {
        std::borrow::Cow::Borrowed(src)
    }
}

/// Where a fence or link reference definition begins on `line`, after its
/// indentation and any list markers (`- `, `1. `) before it.
fn construct_start(line: &str) -> Option<usize> {
    let mut at = 0;
    loop {
        let rest = &line[at..];
        let spaces = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        let rest = &rest[spaces..];
        at += spaces;
        let marker = if rest.starts_with(['-', '*', '+']) && rest[1..].starts_with([' ', '\t']) {
            2
        } else {
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            let after = &rest[digits..];
            if (1..10).contains(&digits)
                && after.starts_with(['.', ')'])
                && after[1..].starts_with([' ', '\t'])
            {
                digits + 2
            } else {
                0
            }
        };
        if marker == 0 {
            break;
        }
        at += marker;
    }
    let rest = &line[at..];
    let fence = rest.starts_with("```") || rest.starts_with("~~~");
    let definition = rest.starts_with('[') && rest.contains("]:");
    (fence || definition).then_some(at)
}

/// Plain text of several lines (one paragraph each), escaped so Markdown
/// shows it exactly: what `import` writes into a spec's text fields.
pub fn literal_lines(src: &str) -> String {
    src.lines().map(literal).collect::<Vec<_>>().join("\n")
}

/// Plain text, escaped so Markdown shows it exactly.
pub fn literal(src: &str) -> String {
    let mut out = String::with_capacity(src.len() + 8);
    let flat: Vec<char> = src
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .collect();
    for (i, &c) in flat.iter().enumerate() {
        push_escaped(&mut out, c, i == 0, flat.get(i + 1).copied());
    }
    out
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Block,
    Inline,
}

struct ListLevel {
    /// The next number of an ordered list.
    next: Option<u64>,
    /// Columns the item's content starts at, relative to the list; 0 for
    /// a list past [`MAX_LIST_DEPTH`], written where its parent's items are.
    width: usize,
}

struct Writer {
    mode: Mode,
    out: String,
    lists: Vec<ListLevel>,
    /// A blank line is due before the next block.
    block_gap: bool,
    line_start: bool,
    in_code_block: bool,
    /// Writing a pipe table's cell ([`cell`]).
    in_cell: bool,
    links: Vec<String>,
}

impl Writer {
    fn new(mode: Mode) -> Writer {
        Writer {
            mode,
            out: String::new(),
            lists: Vec::new(),
            block_gap: false,
            line_start: true,
            in_code_block: false,
            in_cell: false,
            links: Vec::new(),
        }
    }

    fn run(mut self, src: &str) -> String {
        for event in Parser::new_ext(src, parser_options()) {
            self.event(event);
        }
        let trimmed = self.out.trim_end().len();
        self.out.truncate(trimmed);
        self.out
    }

    fn indent(&self) -> String {
        " ".repeat(self.lists.iter().map(|l| l.width).sum())
    }

    /// Begin a paragraph-like block (paragraph, heading, code, html).
    fn start_block(&mut self) {
        if self.out.is_empty() {
            return;
        }
        match self.mode {
            Mode::Inline => self.separate(),
            Mode::Block => {
                if self.lists.is_empty() {
                    self.out.push_str("\n\n");
                } else if self.block_gap {
                    // A later paragraph of the same list item.
                    let indent = self.indent();
                    self.out.push_str("\n\n");
                    self.out.push_str(&indent);
                }
                self.line_start = true;
            }
        }
    }

    /// In inline mode, what joins two pieces: nothing between Chinese characters.
    fn separate(&mut self) {
        if let Some(prev) = self.out.chars().last() {
            if !is_wide(prev) && prev != ' ' {
                self.out.push(' ');
            }
        }
    }

    fn line_break(&mut self, hard: bool) {
        match self.mode {
            Mode::Inline => self.separate(),
            Mode::Block if self.in_code_block => {}
            Mode::Block if hard => {
                let indent = self.indent();
                self.out.push_str("\\\n");
                self.out.push_str(&indent);
                self.line_start = true;
            }
            Mode::Block if self.lists.is_empty() => {
                // One line, one paragraph (see the module docs).
                self.out.push_str("\n\n");
                self.line_start = true;
            }
            Mode::Block => {
                let indent = self.indent();
                self.out.push('\n');
                self.out.push_str(&indent);
                self.line_start = true;
            }
        }
    }

    fn text(&mut self, t: &str) {
        if self.in_code_block {
            // Code blocks keep their lines, each as a paragraph of plain text.
            for (i, line) in t.split('\n').enumerate() {
                if i > 0 && !line.is_empty() {
                    self.line_break(false);
                }
                self.escaped(line.trim_start());
            }
            return;
        }
        self.escaped(t);
    }

    fn escaped(&mut self, t: &str) {
        let mut chars = t.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\n' {
                self.line_break(false);
                continue;
            }
            if self.line_start && c == ' ' {
                continue;
            }
            push_escaped(&mut self.out, c, self.line_start, chars.peek().copied());
            self.line_start = false;
        }
    }

    fn event(&mut self, event: Event) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => self.text(&t),
            Event::Code(code) => {
                let longest = longest_run(&code, '`');
                let fence = "`".repeat(longest + 1);
                let pad = if code.starts_with('`') || code.ends_with('`') {
                    " "
                } else {
                    ""
                };
                let code = match self.in_cell {
                    true => code.replace('|', "\\|"),
                    false => code.to_string(),
                };
                self.out
                    .push_str(&format!("{fence}{pad}{code}{pad}{fence}"));
                self.line_start = false;
            }
            Event::Html(t) | Event::InlineHtml(t) => {
                // Raw HTML is shown as typed, never passed through.
                let t = t.trim_end_matches('\n');
                self.escaped(t);
            }
            Event::SoftBreak => self.line_break(false),
            Event::HardBreak => self.line_break(true),
            Event::Rule => {}
            Event::FootnoteReference(t) => self.escaped(&format!("[^{t}]")),
            Event::TaskListMarker(done) => self.escaped(if done { "[x] " } else { "[ ] " }),
            Event::InlineMath(t) | Event::DisplayMath(t) => self.escaped(&t),
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Paragraph | Tag::Heading { .. } | Tag::BlockQuote(_) | Tag::HtmlBlock => {
                if !matches!(tag, Tag::BlockQuote(_)) {
                    self.start_block();
                }
            }
            Tag::CodeBlock(kind) => {
                // The code's lines are paragraphs of text; so is a fence's
                // info string, where one still gets here (`protect` escapes
                // most fences before parsing).
                self.start_block();
                if let pulldown_cmark::CodeBlockKind::Fenced(info) = kind {
                    if !info.trim().is_empty() {
                        self.escaped(info.trim());
                        self.line_break(false);
                    }
                }
                self.in_code_block = true;
            }
            Tag::List(start) => {
                if self.mode == Mode::Block && self.lists.is_empty() && !self.out.is_empty() {
                    self.out.push_str("\n\n");
                }
                let width = match start {
                    _ if self.lists.len() >= MAX_LIST_DEPTH => 0,
                    Some(n) => format!("{n}. ").len(),
                    None => 2,
                };
                self.lists.push(ListLevel { next: start, width });
                self.block_gap = false;
            }
            Tag::Item => {
                if self.mode == Mode::Inline {
                    self.separate();
                    return;
                }
                let depth = self.lists.len();
                let outer: usize = self.lists[..depth.saturating_sub(1)]
                    .iter()
                    .map(|l| l.width)
                    .sum();
                if !self.out.is_empty() && !self.out.ends_with("\n\n") {
                    self.out.push('\n');
                }
                self.out.push_str(&" ".repeat(outer));
                let level = self.lists.last_mut().expect("an item is inside a list");
                match level.next.as_mut() {
                    Some(n) => {
                        let marker = format!("{n}. ");
                        if level.width > 0 {
                            level.width = marker.len();
                        }
                        self.out.push_str(&marker);
                        *n += 1;
                    }
                    None => self.out.push_str("- "),
                }
                self.line_start = true;
                self.block_gap = false;
            }
            Tag::Emphasis => self.marker("*"),
            Tag::Strong => self.marker("**"),
            Tag::Strikethrough => self.marker("~~"),
            // A link's or image's text stays; its address follows it.
            Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } => {
                self.links.push(dest_url.to_string())
            }
            Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::Table(_)
            | Tag::TableHead
            | Tag::TableRow
            | Tag::TableCell
            | Tag::Superscript
            | Tag::Subscript
            | Tag::MetadataBlock(_) => {}
        }
    }

    fn marker(&mut self, m: &str) {
        self.out.push_str(m);
        self.line_start = false;
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::HtmlBlock => {
                self.block_gap = true;
            }
            TagEnd::CodeBlock => {
                self.in_code_block = false;
                self.block_gap = true;
            }
            TagEnd::List(_) => {
                self.lists.pop();
                self.block_gap = true;
            }
            TagEnd::Item => self.block_gap = false,
            TagEnd::Emphasis => self.marker("*"),
            TagEnd::Strong => self.marker("**"),
            TagEnd::Strikethrough => self.marker("~~"),
            TagEnd::Link | TagEnd::Image => {
                if let Some(url) = self.links.pop() {
                    if !url.is_empty() && !self.out.ends_with(url.as_str()) {
                        self.escaped(&format!("（{url}）"));
                    }
                }
            }
            _ => {}
        }
    }
}

/// Append `c`, escaped where Markdown would read it as markup; `next` is the
/// character after it, where known.
fn push_escaped(out: &mut String, c: char, line_start: bool, next: Option<char>) {
    let special = match c {
        // `|` anywhere: in a table's cell it would end the cell.
        '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '&' | '~' | '#' | '|' => true,
        '>' | '-' | '+' | '=' => line_start,
        '.' | ')' if matches!(next, None | Some(' ' | '\t')) => {
            // `1. ` or `1) ` at the start of a line would begin a list.
            let digits = out
                .chars()
                .rev()
                .take_while(|ch| ch.is_ascii_digit())
                .count();
            digits > 0 && {
                let before = out.len() - digits;
                before == 0 || out[..before].ends_with(['\n', ' '])
            }
        }
        _ => false,
    };
    if special {
        out.push('\\');
    }
    out.push(c);
}

fn longest_run(s: &str, c: char) -> usize {
    let (mut best, mut cur) = (0, 0);
    for ch in s.chars() {
        if ch == c {
            cur += 1;
            best = best.max(cur);
        } else {
            cur = 0;
        }
    }
    best
}

/// Chinese, Japanese, Korean and full-width characters: no space between them.
pub fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_line_is_a_paragraph() {
        assert_eq!(block("第一段。\n第二段。"), "第一段。\n\n第二段。");
    }

    #[test]
    fn structure_in_user_text_is_neutralised() {
        assert_eq!(block("# 标题"), "标题");
        assert_eq!(
            inline("<script>alert(1)</script>"),
            "\\<script>alert(1)\\</script>"
        );
        assert_eq!(literal("1. 不是列表"), "1\\. 不是列表");
        assert_eq!(literal("1."), "1\\.");
        assert_eq!(literal("- 不是列表"), "\\- 不是列表");
        assert_eq!(literal("2025.3.8"), "2025.3.8");
    }

    #[test]
    fn emphasis_and_lists_survive() {
        assert_eq!(block("要**重视**师德"), "要**重视**师德");
        assert_eq!(block("- 甲\n- 乙"), "- 甲\n- 乙");
        assert_eq!(block("前言\n\n1. 甲\n2. 乙"), "前言\n\n1. 甲\n2. 乙");
        assert_eq!(block("- 甲\n  - 子"), "- 甲\n  - 子");
    }

    #[test]
    fn inline_joins_lines_without_spaces_between_chinese() {
        assert_eq!(inline("第一行\n第二行"), "第一行第二行");
        assert_eq!(inline("line one\nline two"), "line one line two");
    }

    /// Markdown that would swallow what a teacher typed: a fence's info
    /// string, a line shaped like a link reference definition, an image.
    /// Every character of the text must come through.
    #[test]
    fn nothing_typed_vanishes() {
        let plain = |md: &str| {
            crate::blocks::Document::from_markdown(md)
                .blocks
                .iter()
                .map(|b| b.plain_text())
                .collect::<Vec<_>>()
                .join("\n")
        };
        for (typed, shown) in [
            ("```重要通知", "```重要通知"),
            ("~~~请各校注意", "~~~请各校注意"),
            ("[备注]: 请各校按时完成", "[备注]: 请各校按时完成"),
            ("  [备注]: 缩进的也一样", "[备注]: 缩进的也一样"),
            ("![校徽](logo.png)", "校徽（logo.png）"),
            ("![](logo.png)", "（logo.png）"),
            ("- ```列表里的", "• ```列表里的"),
            ("```\n代码\n```", "```\n代码\n```"),
        ] {
            assert_eq!(plain(&block(typed)), shown, "{typed:?}");
            // One line: the same characters, joined.
            let squeeze = |t: &str| t.replace(['\n', ' '], "").replace('•', "");
            assert_eq!(squeeze(&plain(&inline(typed))), squeeze(shown), "{typed:?}");
        }
    }

    /// Lists nested thousands deep keep their text without the indent
    /// growing with every level (60 KB in was 900 MB out).
    #[test]
    fn deep_nesting_does_not_amplify() {
        // Each "- " opens a list inside the last: 3,000 levels in 6 KB.
        let deep = format!("{}最深的一层", "- ".repeat(3000));
        let out = block(&deep);
        // A line per level, no longer for being deep: linear, not quadratic.
        assert!(
            out.len() < deep.len() * 12,
            "{} bytes from {}",
            out.len(),
            deep.len()
        );
        let twice = block(&format!("{}最深的一层", "- ".repeat(6000)));
        assert!(
            twice.len() < out.len() * 5 / 2,
            "{} then {}",
            out.len(),
            twice.len()
        );
        assert!(out.contains("最深的一层"));
        let doc = crate::blocks::Document::from_markdown(&out);
        assert!(doc.blocks.iter().all(|b| match b.kind {
            crate::blocks::BlockKind::ListItem { depth } => depth >= 1,
            _ => true,
        }));
    }

    #[test]
    fn sanitising_is_stable() {
        for s in [
            "要**重视**师德",
            "- 甲\n- 乙",
            "a\\*b",
            "1\\. x",
            "`co`de`",
            "<b>x</b>",
        ] {
            let once = block(s);
            assert_eq!(block(&once), once, "{s}");
        }
    }
}

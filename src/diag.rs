//! Located problems with a spec, and how they are shown to people.
//!
//! A [`Diagnostic`] names the file, the line and column, the field path and
//! what would be valid. It is printed like a compiler message, with the line
//! the user wrote and a caret under the spot:
//!
//! ```text
//! 错误：plan.yaml:12:12：字段 schedule[2].month：月份应当是 1 到 12 的数字，实际是 13（数字）
//!    |
//! 12 |   - month: 13
//!    |            ^
//!    = 提示：例如二月写 month: 2；七、八月合在一起写 months: [7, 8]
//! ```
//!
//! In English ([`messages::lang`]) the words and the separators follow:
//! `error: plan.yaml:12:12: field schedule[2].month: …`.

use std::fmt;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::messages::{self, Message};

/// How much a problem matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Must be fixed; nothing is written.
    Error,
    /// Worth a look (text naming last year); the files are written.
    Warning,
    /// For information (a GBK file was read as GBK).
    Note,
}

/// One problem found in one file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    /// Whether it stops the files being written.
    pub severity: Severity,
    /// The message's stable name (`unknown_field`, `not_utf8`, …): match
    /// on this, not on the wording.
    pub code: crate::messages::Code,
    /// The file the problem is in; empty for a problem of no one file
    /// (a full disk, a template folder).
    pub file: PathBuf,
    /// 1-based line and column, where known.
    pub line: Option<usize>,
    /// See `line`.
    pub column: Option<usize>,
    /// The field path as the user counts: `measures[1].items[2].title`, 1-based.
    pub field: Option<String>,
    /// What is wrong, in the user's language.
    pub message: String,
    /// How to put it right, shown after `= 提示：` (`= help:`).
    pub help: Option<String>,
    /// More context, such as the chain of `extends` that led to the file.
    pub notes: Vec<String>,
    /// The text of the offending line, to show under the message.
    pub source_line: Option<String>,
}

impl Diagnostic {
    /// A problem with the file as a whole (unreadable, not UTF-8, …).
    pub fn file_level(file: &Path, message: Message) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            code: message.code,
            file: file.to_path_buf(),
            line: None,
            column: None,
            field: None,
            message: message.text,
            help: None,
            notes: Vec::new(),
            source_line: None,
        }
    }

    /// A problem of no one file: the message says what it is about.
    pub fn general(message: Message) -> Diagnostic {
        Diagnostic::file_level(Path::new(""), message)
    }

    /// The same, as a warning: shown, but nothing is refused.
    pub fn as_warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    /// The same, as a note for information.
    pub fn as_note(mut self) -> Self {
        self.severity = Severity::Note;
        self
    }

    /// The same, with one more line of context.
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// The same, with `help` saying how to put it right.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Attach a position, taking the line's text from `source`.
    pub fn at(mut self, source: &str, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self.source_line = source
            .lines()
            .nth(line.saturating_sub(1))
            .map(|l| l.trim_end_matches('\r').to_string());
        self
    }

    /// Attach a position whose line's text is already known (a table's row).
    pub fn at_row(mut self, line: usize, column: usize, text: Option<&str>) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self.source_line = text.map(str::to_string);
        self
    }

    /// `file:line:column`, as far as it is known.
    pub fn location(&self) -> String {
        let file = shown_path(&self.file);
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{file}:{l}:{c}"),
            (Some(l), None) => format!("{file}:{l}"),
            _ => file,
        }
    }

    /// One line of JSON, for `--message-format json`.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a diagnostic serialises")
    }

    /// The message with source excerpt; `color` adds ANSI colours for
    /// terminals. What came from the user's file (the message quotes it,
    /// the excerpt is it) has its control characters shown as symbols
    /// (ESC as ␛): printed raw, an escape sequence in a spec could
    /// rewrite the terminal.
    pub fn render(&self, color: bool) -> String {
        let (red, blue, bold, reset) = if color {
            let label = match self.severity {
                Severity::Error => "\x1b[1;31m",
                Severity::Warning => "\x1b[1;33m",
                Severity::Note => "\x1b[1;36m",
            };
            (label, "\x1b[1;34m", "\x1b[1m", "\x1b[0m")
        } else {
            ("", "", "", "")
        };
        let label = match self.severity {
            Severity::Error => messages::label_error(),
            Severity::Warning => messages::label_warning(),
            Severity::Note => messages::label_notice(),
        };
        let colon = messages::colon();
        let mut out = format!("{red}{label}{reset}{bold}{colon}");
        if !self.file.as_os_str().is_empty() {
            out.push_str(&format!("{}{colon}", self.location()));
        }
        if let Some(field) = &self.field {
            let field = visible(field);
            out.push_str(&format!("{} {field}{colon}", messages::label_field()));
        }
        out.push_str(&visible(&self.message));
        out.push_str(reset);
        out.push('\n');
        if let (Some(line), Some(col), Some(text)) = (self.line, self.column, &self.source_line) {
            let num = line.to_string();
            let pad = " ".repeat(num.len());
            let (text, marks) = marked(text, col, (red, reset));
            out.push_str(&format!("{blue}{pad} |{reset}\n"));
            out.push_str(&format!("{blue}{num} |{reset} {text}\n"));
            out.push_str(&format!("{blue}{pad} |{reset} {marks}\n"));
            for (label, text) in self.trailer() {
                out.push_str(&format!("{blue}{pad} ={reset} {label}{colon}"));
                push_lines(&mut out, text, &format!("{pad}   "));
            }
        } else {
            for (label, text) in self.trailer() {
                out.push_str(&format!("  = {label}{colon}"));
                push_lines(&mut out, text, "    ");
            }
        }
        out
    }

    /// The help, then the notes, as (label, text).
    fn trailer(&self) -> Vec<(&'static str, &str)> {
        let help = self
            .help
            .iter()
            .map(|h| (messages::label_help(), h.as_str()));
        let notes = self
            .notes
            .iter()
            .map(|n| (messages::label_note(), n.as_str()));
        help.chain(notes).collect()
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

/// A help or note of several lines (a YAML snippet to write): the first
/// after its label, the others indented by `indent`, each line's control
/// characters made visible.
fn push_lines(out: &mut String, text: &str, indent: &str) {
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push_str(indent);
        }
        out.push_str(&visible(line));
        out.push('\n');
    }
}

/// `s` as it may be shown, on a terminal or in a comment of a spec, each
/// line as one line: what came from a file or its name is shown, never
/// obeyed. Control characters (but tabs) become the Unicode symbols for
/// them, U+2400 onwards (ESC as ␛, a line break as ␊, DEL as ␡): one
/// visible character for one typed. The other characters that break a
/// line or turn text around (C1 controls such as U+0085, the line and
/// paragraph separators U+2028 and U+2029, the bidirectional controls)
/// have no symbol: they are written as `\u{2028}`. Printed raw, an escape
/// sequence could rewrite the terminal, a line break start a line that
/// looks like unionplan's own (`错误：…`), a separator end a YAML comment,
/// and a bidirectional control reorder what is read.
pub fn visible(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(|c| c != '\t' && escaped(c)) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\t' => out.push(c),
            '\u{7f}' => out.push('\u{2421}'),
            c if (c as u32) < 0x20 => {
                out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'))
            }
            c if escaped(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.into()
}

/// The echoed line, and the line under it: the caret under the column's
/// character, and a mark under each character that looks like another on
/// screen or like nothing at all: `→` under a Tab (shown as four spaces, as
/// wide as the terminal likes otherwise), `␣` under a full-width space,
/// `全` (全角) under a full-width colon, dash or `＃`, which a monospace
/// font draws like `:`, `-` and `#`. CJK characters take two cells, so
/// the marks are placed by display width. `text` is the line as typed, shown
/// through [`visible`] character by character, so `col` still counts the
/// characters typed.
fn marked(text: &str, col: usize, (red, reset): (&str, &str)) -> (String, String) {
    let mut shown = String::new();
    let mut marks = String::new();
    for (i, c) in text.chars().enumerate() {
        let (cell, mark) = match c {
            '\t' => ("    ".to_string(), "→   "),
            '\u{3000}' => (c.to_string(), "␣ "),
            '：' | '－' | '＃' => (c.to_string(), "全"),
            _ => (visible(&c.to_string()).into_owned(), ""),
        };
        let width = display_width(&cell);
        if i + 1 == col {
            marks.push_str(&format!(
                "{red}^{reset}{}",
                " ".repeat(width.saturating_sub(1))
            ));
        } else if mark.is_empty() {
            marks.push_str(&" ".repeat(width));
        } else {
            marks.push_str(mark);
        }
        shown.push_str(&cell);
    }
    if col > text.chars().count() {
        marks.push_str(&format!("{red}^{reset}"));
    }
    (shown, marks.trim_end().to_string())
}

/// Is `c` one of the characters [`visible`] does not show as they are
/// (a tab it does)?
pub fn escaped(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}'
                | '\u{2029}'
                | '\u{061c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
        )
}

/// A path as messages and the comments of a spec show it: see [`visible`].
pub fn shown_path(path: &Path) -> String {
    visible(&path.display().to_string()).into_owned()
}

/// Terminal cells taken by `s`: East Asian wide characters take two.
fn display_width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn test_message(text: &str) -> Message {
        Message {
            code: crate::messages::Code::file_exists,
            text: text.into(),
        }
    }

    #[test]
    fn a_general_problem_names_no_file() {
        let d = Diagnostic::general(test_message("磁盘已满"));
        assert_eq!(d.render(false), "错误：磁盘已满\n");
        assert_eq!(d.code, "file_exists");
        assert!(
            d.to_json().contains(r#""code":"file_exists""#),
            "{}",
            d.to_json()
        );
    }

    #[test]
    fn control_characters_from_a_spec_are_shown_not_sent_to_the_terminal() {
        let src = "school: 甲\u{1b}]0;pwned\u{7}校\n";
        let d = Diagnostic::file_level(Path::new("p.yaml"), test_message("“甲\u{1b}[2J校”不对"))
            .at(src, 1, 9);
        let text = d.render(false);
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{text:?}"
        );
        assert!(text.contains("甲␛[2J校"), "{text}");
        assert!(text.contains("1 | school: 甲␛]0;pwned␇校"), "{text}");
    }

    /// A line separator or a right-to-left override in a spec would end a
    /// line or turn it around on the terminal: shown as `\u{…}`, with the
    /// caret still under its column.
    #[test]
    fn separators_and_direction_controls_are_shown_escaped() {
        let src = "school: 甲\u{2028}乙\u{202e}丙校\n";
        let d = Diagnostic::file_level(Path::new("p\u{2029}.yaml"), test_message("丙\u{85}"))
            .at(src, 1, 13);
        let text = d.render(false);
        assert_eq!(
            text.lines().take(4).collect::<Vec<_>>(),
            [
                "错误：p\\u{2029}.yaml:1:13：丙\\u{85}",
                "  |",
                "1 | school: 甲\\u{2028}乙\\u{202e}丙校",
                &format!("  | {}^", " ".repeat(28)),
            ],
            "{text}"
        );
    }

    #[test]
    fn caret_sits_under_the_column_even_after_chinese_text() {
        let src = "school: 礼河\nyear: 二〇二五\n";
        let d = Diagnostic::file_level(Path::new("p.yaml"), test_message("bad")).at(src, 2, 7);
        let text = d.render(false);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "错误：p.yaml:2:7：bad");
        assert_eq!(lines[2], "2 | year: 二〇二五");
        assert_eq!(lines[3], "  |       ^");
    }
}

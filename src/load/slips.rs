//! The YAML slips Chinese users really make, found in the text itself.
//!
//! The YAML parser reports where it gave up, which is often the line after
//! the slip, in English (`could not find expected ':'`). This module reads
//! the lines the way a person would and names the slip at its own line and
//! column, in Chinese:
//!
//! - a full-width colon after a key, English or Chinese (`工作目标：`,
//!   `guiding_principles： |`), the commonest of all;
//! - no space after `:` (`year:2025`), a Tab after it, or no space after
//!   `-` (`-开学慰问`), or the dash's space typed full-width (`-　冬季长跑`);
//! - full-width spaces (U+3000) as indentation, or alone on a line that
//!   looks blank;
//! - a text starting with `[` or `{{` without quotes (a list item too:
//!   `- {{ year }}年冬季长跑`, where `{` opens a map);
//! - an English quote that closes before the text ends (`"三八"妇女节`);
//! - `: ` inside a plain text (`前言: “注意: 按时上报”`: Chinese quotes are
//!   text to YAML);
//! - a line indented to no level of the lines above it.
//!
//! **One mechanism**: [`slip_in`] reads one line as a person would (its
//! indent, its key, its value) and names the first slip it shows. It runs
//! only where the parser already refused the file ([`at_error`], on the
//! lines up to where the parser stopped), so a file YAML reads is never
//! refused by it: it only says, at the right line and in Chinese, why YAML
//! refused what it refused.
//!
//! Two kinds of slip do not stop the parser, and are the only checks made
//! on files that parse: a line `内容：做好工作` indented under a text becomes
//! part of that text, and the key is silently lost ([`silent`] refuses the
//! file where the word before the colon is a key of the spec, or where a
//! list item's dash is followed by a full-width space); and a ` #` in a
//! Chinese text cuts the rest off as a comment ([`cut_by_comments`] warns,
//! never refuses).

use crate::messages::{self as msg, Code, Message};
use crate::spec::fields;

/// A slip: where it is and what to say.
pub(super) struct Slip {
    pub line: usize,
    pub column: usize,
    pub message: Message,
    pub help: String,
}

/// One line of the file as the scan sees it.
struct Line<'a> {
    /// 1-based.
    no: usize,
    text: &'a str,
    /// Inside a `|` or `>` block: literal text, where anything goes.
    literal: bool,
}

/// The lines of `text`, each marked literal or not. A block scalar starts
/// after a line ending in `|` or `>` (with `-`, `+` or a digit) and takes
/// every following line indented more than that line, and blank lines.
fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut block: Option<usize> = None;
    for (i, raw) in text.lines().enumerate() {
        let t = raw.trim_end_matches('\r');
        let indent = indent_of(t);
        if let Some(parent) = block {
            if t.trim().is_empty() || indent > parent {
                out.push(Line {
                    no: i + 1,
                    text: t,
                    literal: true,
                });
                continue;
            }
            block = None;
        }
        let code = strip_comment(t).trim_end();
        let opens_block = code
            .trim_end_matches(|c: char| c == '-' || c == '+' || c.is_ascii_digit())
            .ends_with(['|', '>'])
            && (code.contains(": ") || code.trim_start().starts_with("- "));
        if opens_block {
            block = Some(indent);
        }
        out.push(Line {
            no: i + 1,
            text: t,
            literal: false,
        });
    }
    out
}

/// Spaces at the start of a line.
fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// The line without a `# comment` (a `#` after a space, outside quotes).
fn strip_comment(line: &str) -> &str {
    let mut quote = None;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') if prev == ' ' || prev == ':' => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '#') if prev == ' ' || i == 0 => return &line[..i],
            _ => {}
        }
        prev = c;
    }
    line
}

/// 1-based character column of byte offset `at` in `line`.
fn column(line: &str, at: usize) -> usize {
    line[..at].chars().count() + 1
}

/// Where a line's key (or text) starts: after the indent and any `- `.
fn body_start(line: &str) -> usize {
    let mut at = indent_of(line);
    while line[at..].starts_with("- ") {
        at += 2;
        at += indent_of(&line[at..]);
    }
    at
}

/// Could `word` be a key someone meant to write? Short, one word, no
/// punctuation a key would not have.
fn key_like(word: &str) -> bool {
    let n = word.chars().count();
    // Chinese keys are short; English ones run to `guiding_principles`
    // and longer in district files.
    let short_enough = n <= 16 || (n <= 40 && word.is_ascii());
    n >= 1
        && short_enough
        && !word
            .contains(|c: char| c.is_whitespace() || "，。、；！？,.;!?\"'[]{}()（）“”".contains(c))
}

/// Every name a key of a spec or a district file may have.
fn is_known_key(word: &str) -> bool {
    fields::all()
        .map(|(_, f)| f)
        .chain(fields::DISTRICT.fields.iter())
        .any(|f| f.name == word || f.chinese.contains(&word))
}

/// The slip a line shows by itself, if any.
fn slip_in(line: &Line) -> Option<Slip> {
    let t = line.text;
    if line.literal {
        return None;
    }
    let slip = |(at, message, help): Found| Slip {
        line: line.no,
        column: column(t, at),
        message,
        help,
    };
    if let Some(found) = fullwidth_indent(t) {
        return Some(slip(found));
    }
    let code = strip_comment(t);
    if code.trim().is_empty() {
        return None;
    }
    let start = body_start(t);
    let body = &code[start..];
    let item = start > indent_of(t);
    let ascii_colon = body
        .find(": ")
        .or_else(|| body.ends_with(':').then(|| body.len() - 1));
    let (at, message, help) = item_slip(body, item)
        .or_else(|| key_slip(body, ascii_colon))
        .or_else(|| value_slip(body, ascii_colon))?;
    Some(slip((start + at, message, help)))
}

/// A slip within a line: its byte offset (in the line, or in its body,
/// as the function that finds it says), what to say, and the help.
type Found = (usize, Message, String);

/// U+3000 in the indentation of line `t`, or a line that looks blank and
/// holds it; the offset is in the line.
fn fullwidth_indent(t: &str) -> Option<Found> {
    let lead = t.len() - t.trim_start_matches([' ', '\u{3000}']).len();
    let at = t[..lead].find('\u{3000}')?;
    let (message, help) = if lead == t.len() {
        (
            msg::slip_fullwidth_blank(),
            msg::slip_fullwidth_blank_help(),
        )
    } else {
        (
            msg::slip_fullwidth_space(),
            msg::slip_fullwidth_space_help(),
        )
    };
    Some((at, message, help))
}

/// A slip in a list item's dash or at the start of its text, in `body`
/// (the line after its indent and any `- `; `item`: whether there was
/// one); the offset is in `body`.
fn item_slip(body: &str, item: bool) -> Option<Found> {
    // `-　冬季长跑`: the dash's space typed full-width.
    if body.starts_with("-\u{3000}") {
        return Some((
            1,
            msg::slip_dash_fullwidth_space(),
            msg::slip_dash_space_help(),
        ));
    }
    // `- {{ year }}年冬季长跑`: `{` opens a YAML map.
    if item && body.starts_with("{{") {
        return Some((
            0,
            msg::slip_unquoted_braces(),
            msg::slip_quote_item_help(body.trim_end()),
        ));
    }
    if item {
        if let Some(s) = quote_then_text(body) {
            return Some((
                0,
                msg::slip_quote_then_text(),
                msg::slip_quote_then_text_help("-", body.trim_end(), &s),
            ));
        }
    }
    // `-开学慰问`: a list item without its space.
    if body.starts_with('-') && !body.starts_with("---") {
        let next = body[1..].chars().next();
        if next.is_some_and(|c| !c.is_whitespace() && !c.is_ascii_digit() && c != '-') {
            return Some((0, msg::slip_dash_space(), msg::slip_dash_space_help()));
        }
    }
    None
}

/// A slip where a key ends, in `body`, whose `: ` (or final `:`) is at
/// `ascii_colon`: a full-width colon, a Tab after the colon, no space
/// after it. The offset is in `body`.
fn key_slip(body: &str, ascii_colon: Option<usize>) -> Option<Found> {
    // `工作目标：…`: a full-width colon where the key ends.
    if let Some(at) = body.find('：') {
        let word = body[..at].trim();
        if ascii_colon.is_none_or(|c| c > at) && key_like(word) {
            return Some((
                at,
                msg::slip_fullwidth_colon(),
                msg::slip_fullwidth_colon_help(word),
            ));
        }
    }
    // `year:\t2025`: a Tab after the colon, where a space must be.
    if let Some(at) = body.find(":\t") {
        if ascii_colon.is_none_or(|c| c > at) && key_like(body[..at].trim()) {
            return Some((
                at + 1,
                msg::slip_colon_tab(),
                msg::slip_colon_space_help(body[..at].trim(), body[at + 1..].trim()),
            ));
        }
    }
    // `year:2025`: no space after the colon (`http://` is a text).
    if ascii_colon.is_none() {
        if let Some(at) = body.find(':') {
            let word = &body[..at];
            let after = &body[at + 1..];
            if key_like(word)
                && !after.starts_with("//")
                && !word.chars().all(|c| c.is_ascii_digit())
            {
                return Some((
                    at,
                    msg::slip_colon_space(),
                    msg::slip_colon_space_help(word, after.trim()),
                ));
            }
        }
    }
    None
}

/// A slip in the value after a key's `: ` at `ascii_colon` in `body`: a
/// text YAML reads as something else. The offset is in `body`.
fn value_slip(body: &str, ascii_colon: Option<usize>) -> Option<Found> {
    // `标题: [学习]贯彻` or `标题: {{ school }}计划`: a text that YAML reads
    // as a list or a map.
    let c = ascii_colon.filter(|&c| body[c..].starts_with(": "))?;
    let value = body[c + 2..].trim_start();
    let at = c + 2 + (body[c + 2..].len() - value.len());
    if value.starts_with("{{") {
        return Some((
            at,
            msg::slip_unquoted_braces(),
            msg::slip_quote_help(&body[..c], value),
        ));
    }
    // `[学习]贯彻`: text after the closing bracket. (`[2025` with no
    // bracket to close is an unclosed list, said as such by the parser.)
    let text_after = |i: usize| !value[i + 1..].trim().is_empty();
    if value.starts_with('[') && value.find(']').is_some_and(text_after) {
        return Some((
            at,
            msg::slip_unquoted_bracket(),
            msg::slip_quote_help(&body[..c], value),
        ));
    }
    // `内容: "三八"妇女节`: the quote ends before the text does.
    if let Some(s) = quote_then_text(value) {
        return Some((
            at,
            msg::slip_quote_then_text(),
            msg::slip_quote_then_text_help(&format!("{}:", &body[..c]), value.trim_end(), &s),
        ));
    }
    // `前言: “注意: 各部门按时上报”`: a text holding `: `, which YAML
    // takes for a second key. Chinese quotes are text to YAML.
    let plain = !value.starts_with(['"', '\'', '[', '{', '|', '>', '&', '*', '!']);
    let inner = value.find(": ").filter(|_| plain)?;
    Some((
        at + inner,
        msg::slip_colon_in_text(),
        msg::slip_quote_help(&body[..c], &value.trim_end().replace('"', "\\\"")),
    ))
}

/// A value opening with an English quote that closes before the text ends
/// (`"三八"妇女节`): the text as it could be written with Chinese quotes
/// (`“三八”妇女节`), which YAML takes as plain text.
fn quote_then_text(value: &str) -> Option<String> {
    let q = value.chars().next().filter(|&c| c == '"' || c == '\'')?;
    let inner = &value[1..];
    let mut close = None;
    let mut chars = inner.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if q == '"' && c == '\\' {
            chars.next();
        } else if c == q {
            // `''` inside single quotes is one quote, not the end.
            if q == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') {
                chars.next();
                continue;
            }
            close = Some(i);
            break;
        }
    }
    let close = close?;
    let quoted = &inner[..close];
    let after = inner[close + 1..].trim();
    if after.is_empty() || after.starts_with('#') || after.starts_with(',') {
        return None;
    }
    Some(format!("“{quoted}”{after}"))
}

/// Plain texts whose end YAML reads as a comment: `- 召开教代会 #第六届`
/// keeps only `召开教代会`. A `#` after a space starts a comment, which is
/// what a key's note (`year: 2025  # 年份`) means, but in the middle of a
/// Chinese text it is almost always the text itself. Lines of their own
/// stay comments, and so does a note written as notes are, with a space
/// after the `#` (`期间: 年度  # 年度 | 上半年`); a `#` followed at once by
/// more text (`#第六届第三次`, `#3`) after text with Chinese in it is
/// reported, as a warning at the `#`.
pub(super) fn cut_by_comments(text: &str) -> Vec<Slip> {
    lines(text)
        .iter()
        .filter(|l| !l.literal)
        .filter_map(|l| {
            let code = strip_comment(l.text);
            if code.len() == l.text.len() || code.trim().is_empty() {
                return None;
            }
            let after = l.text[code.len() + 1..].chars().next();
            if after.is_none_or(char::is_whitespace) {
                return None;
            }
            let body = &code[body_start(l.text)..];
            let value = match body.find(": ") {
                Some(c) if !body.starts_with(['"', '\'']) => &body[c + 2..],
                _ => body,
            }
            .trim();
            let text_like = !value.is_empty()
                && !value.starts_with(['"', '\'', '[', '{', '|', '>'])
                && value.chars().any(|c| c >= '\u{2e80}');
            text_like.then(|| Slip {
                line: l.no,
                column: column(l.text, code.len()),
                message: msg::slip_comment_cuts_text(l.text[code.len() + 1..].trim()),
                help: msg::slip_comment_cuts_text_help(&format!(
                    "{} {}",
                    value,
                    l.text[code.len()..].trim()
                )),
            })
        })
        .collect()
}

/// The slip that stopped the parser at `error_line`: the last one at or
/// before that line (the parser often stops a line after the slip), or a
/// line indented to no level above it.
pub(super) fn at_error(text: &str, error_line: usize) -> Option<Slip> {
    let lines = lines(text);
    let upto: Vec<&Line> = lines.iter().filter(|l| l.no <= error_line).collect();
    if let Some(slip) = upto.iter().rev().take(3).find_map(|l| slip_in(l)) {
        return Some(slip);
    }
    misaligned(&upto)
}

/// A line whose indent is no level of the lines above it: between a
/// parent's indent and its children's, or past them.
fn misaligned(lines: &[&Line]) -> Option<Slip> {
    let code: Vec<&&Line> = lines
        .iter()
        .filter(|l| !l.literal && !strip_comment(l.text).trim().is_empty())
        .collect();
    let (last, before) = code.split_last()?;
    let prev = before.last()?;
    let n = indent_of(last.text);
    let p_indent = indent_of(prev.text);
    let p_body = body_start(prev.text);
    // Levels the line may take: any indent of a line above it (closing
    // back to it), or deeper than the line above (its child).
    let opens = strip_comment(prev.text).trim_end().ends_with(':');
    let levels = before
        .iter()
        .flat_map(|l| [indent_of(l.text), body_start(l.text)]);
    let fits = |n: usize| levels.clone().any(|k| k == n) || (opens && n > p_indent) || n == p_body;
    if fits(n) {
        return None;
    }
    let key = strip_comment(&prev.text[p_body..])
        .split([':', '：'])
        .next()
        .unwrap_or("")
        .trim();
    Some(Slip {
        line: last.no,
        column: n + 1,
        message: msg::slip_indent(n, key, p_body),
        help: msg::slip_indent_help(),
    })
}

/// Slips the parser took without a word: a known key, then a full-width
/// colon or no space, read as part of a text.
pub(super) fn silent(text: &str) -> Option<Slip> {
    lines(text).iter().find_map(|l| {
        let slip = slip_in(l)?;
        let body = &l.text[body_start(l.text)..];
        let word = body.split([':', '：']).next().unwrap_or("").trim();
        (matches!(
            slip.message.code,
            Code::slip_fullwidth_colon | Code::slip_colon_space
        ) && is_known_key(word)
            || slip.message.code == Code::slip_dash_fullwidth_space)
            .then_some(slip)
    })
}

/// Would `text`, written plain as a list item, be refused by [`silent`]
/// (`- 指导思想：`)? Writers of YAML quote such a text.
pub(crate) fn plain_item_slips(text: &str) -> bool {
    silent(&format!("- {text}\n")).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, error_line: usize) -> (usize, usize, &'static str) {
        let s = at_error(text, error_line).expect("a slip");
        (s.line, s.column, s.message.code.as_str())
    }

    #[test]
    fn each_slip_is_found_at_its_own_line_and_column() {
        let head = "school: 甲校\n";
        let cases = [
            (
                "工作目标：做好工作\nyear: 2025\n",
                3,
                (2, 5, "slip_fullwidth_colon"),
            ),
            ("year:2025\nmeasures: [a]\n", 3, (2, 5, "slip_colon_space")),
            ("measures:\n  - 一\n  -二\n", 5, (4, 3, "slip_dash_space")),
            (
                "measures:\n\u{3000}\u{3000}- 一\n",
                4,
                (3, 1, "slip_fullwidth_space"),
            ),
            ("title: [学习]贯彻\n", 2, (2, 8, "slip_unquoted_bracket")),
            (
                "title: {{ school }}计划\n",
                2,
                (2, 8, "slip_unquoted_braces"),
            ),
            (
                "measures:\n  - title: 一\n   items: [a]\n",
                4,
                (4, 4, "slip_indent"),
            ),
            (
                "measures:\n  - title: 一\n     items: [a]\n",
                4,
                (4, 6, "slip_indent"),
            ),
        ];
        for (text, line, want) in cases {
            let text = format!("{head}{text}");
            assert_eq!(found(&text, line), want, "{text}");
        }
    }

    #[test]
    fn text_in_blocks_and_ordinary_values_are_no_slips() {
        let text = "guiding_principles: |\n  时间：三月\n  -不是列表\n  \u{3000}\u{3000}段首空两格\nurl: http://example.com\nitems:\n  - 时间：三月八日，地点：会议室\n  - -5\n";
        for l in lines(text) {
            let slip = slip_in(&l);
            // A list item that is a text with a colon in it is not a key.
            if l.no == 7 {
                continue;
            }
            assert!(slip.is_none(), "line {}: {}", l.no, l.text);
        }
        assert!(silent(text).is_none());
    }

    #[test]
    fn a_known_key_swallowed_into_a_text_is_found() {
        let text = "measures:\n  - title: 一\n      内容：做好工作\n";
        let s = silent(text).expect("found");
        assert_eq!((s.line, s.column), (3, 9));
    }
}

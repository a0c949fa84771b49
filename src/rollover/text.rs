//! The spec's text as rollover reads and rewrites it: where a value starts
//! and ends in the YAML, the years in a text, and dates moved and written
//! as they were written.

use super::*;

/// Byte offset where the value at `path` starts.
pub(super) fn value_start(source: &Source, lines: &LineIndex, path: &FieldPath) -> Option<usize> {
    let (line, col) = source.locate(path, Target::Value)?;
    lines.offset(&source.text, line, col)
}

/// The run of ASCII digits at `start`, skipping an opening quote.
pub(super) fn digits_at(text: &str, start: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let mut s = start;
    if matches!(bytes.get(s), Some(b'"' | b'\'')) {
        s += 1;
    }
    let mut e = s;
    while bytes.get(e).is_some_and(u8::is_ascii_digit) {
        e += 1;
    }
    (s, e)
}

/// The text of the scalar starting at `start`, without its quotes.
pub(super) fn scalar_extent(text: &str, start: usize) -> (usize, usize) {
    let rest = &text[start..];
    if let Some(q) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') {
        let inner = start + 1;
        let end = text[inner..].find(q).map_or(text.len(), |i| inner + i);
        return (inner, end);
    }
    // A plain scalar ends at the line's end, a comment, or a flow separator.
    let end = rest
        .char_indices()
        .find(|&(i, c)| {
            c == '\n'
                || c == '\r'
                || c == ','
                || c == '}'
                || c == ']'
                || (c == '#' && i > 0 && rest[..i].ends_with(' '))
        })
        .map_or(text.len(), |(i, _)| start + i);
    let trimmed = text[start..end].trim_end();
    (start, start + trimmed.len())
}

/// The date in `token` moved by `delta` years, written the same way;
/// `true` when 29 February had to become 28 February.
pub(super) fn move_date(token: &str, delta: i32) -> Option<(String, bool)> {
    if crate::dates::lex(token).is_none() && written_date(token).is_none() {
        // A 落款 month (`2025年2月`): only its year moves.
        let (year, _) = crate::dates::year_month(token)?;
        let start = token.find(|c: char| c.is_ascii_digit())?;
        let moved = format!("{}{}{}", &token[..start], year + delta, &token[start + 4..]);
        return Some((moved, false));
    }
    let old = written_date(token)?;
    let new_year = old.year() + delta;
    let (new, fixed) = match NaiveDate::from_ymd_opt(new_year, old.month(), old.day()) {
        Some(new) => (new, false),
        None if (old.month(), old.day()) == (2, 29) => {
            (NaiveDate::from_ymd_opt(new_year, 2, 28)?, true)
        }
        None => return None,
    };
    Some((rewrite_date(token, new)?, fixed))
}

/// The date a token writes, in any form validation reads (one date
/// reader: [`crate::dates::parse`]).
pub(super) fn written_date(token: &str) -> Option<NaiveDate> {
    match crate::dates::parse(token) {
        crate::dates::Parsed::Date(d) => Some(d),
        _ => None,
    }
}

/// `token` with its date replaced by `date`, written the same way (the
/// same separators; a zero-padded month or day stays padded).
pub(super) fn rewrite_date(token: &str, date: NaiveDate) -> Option<String> {
    let Some(runs) = crate::dates::lex(token) else {
        // 二〇二五年三月十二日, ２０２５年…, 3月8日（星期六）: written anew
        // in the same way.
        return crate::dates::write_like(token, date);
    };
    let pad =
        |(s, e): (usize, usize), n: u32| format!("{n:0w$}", w = if e - s == 2 { 2 } else { 1 });
    Some(format!(
        "{}{}{}{}{}{}{}",
        &token[..runs[0].0],
        date.year(),
        &token[runs[0].1..runs[1].0],
        pad(runs[1], date.month()),
        &token[runs[1].1..runs[2].0],
        pad(runs[2], date.day()),
        &token[runs[2].1..],
    ))
}

/// Byte ranges of runs of ASCII digits.
pub(super) fn whole_numbers(s: &str) -> Vec<(usize, usize)> {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            out.push((start, i));
        } else {
            i += 1;
        }
    }
    out
}

/// Four-digit whole numbers in the file's content, leaving out comments.
pub(super) fn content_years(text: &str) -> Vec<(usize, usize)> {
    content_spans(text)
        .into_iter()
        .flat_map(|(s, e)| {
            whole_numbers(&text[s..e])
                .into_iter()
                .filter(|(a, b)| b - a == 4)
                .map(move |(a, b)| (s + a, s + b))
        })
        .collect()
}

/// Where a text names a day of a month: `3月8日`, `9月10号前`, `3月上旬`,
/// `5月底` (byte ranges, the words after the month included).
pub(super) fn days_in_text(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find('月').map(|i| from + i) {
        let digits = text[..at]
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_digit())
            .count();
        let after = at + '月'.len_utf8();
        from = after;
        if !(1..=2).contains(&digits) {
            continue;
        }
        let start = at - digits;
        let rest = &text[after..];
        let day_digits = rest.chars().take_while(|c| c.is_ascii_digit()).count();
        let end = if (1..=2).contains(&day_digits) && rest[day_digits..].starts_with(['日', '号'])
        {
            let mut end = after + day_digits + '日'.len_utf8();
            for tail in ["前", "后", "左右"] {
                if text[end..].starts_with(tail) {
                    end += tail.len();
                    break;
                }
            }
            end
        } else if let Some(w) = ["上旬", "中旬", "下旬", "初", "底", "末"]
            .iter()
            .find(|w| rest.starts_with(*w))
        {
            after + w.len()
        } else {
            continue;
        };
        out.push((start, end));
        from = end;
    }
    out
}

/// The byte ranges of the file's content, a line at a time, leaving out
/// comments.
///
/// A `#` starts a comment at a line's start or after a space, outside
/// quotes — except inside a block scalar (`|` or `>`), whose lines are all
/// text. Keys are included; a year or an anniversary in a key is rare and
/// would be one all the same.
pub(super) fn content_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut offset = 0;
    // The indentation a block scalar's lines must exceed, while inside one.
    let mut block_indent: Option<usize> = None;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let indent = body.len() - body.trim_start_matches(' ').len();
        let in_block = match block_indent {
            Some(b) if body.trim().is_empty() || indent > b => true,
            _ => {
                block_indent = None;
                false
            }
        };
        let content_end = if in_block {
            body.len()
        } else {
            comment_start(body)
        };
        let content = &body[..content_end];
        if !content.is_empty() {
            out.push((offset, offset + content_end));
        }
        if !in_block && opens_block_scalar(content) {
            block_indent = Some(indent);
        }
        offset += line.len();
    }
    out
}

/// Where a line's comment starts (its length if it has none).
pub(super) fn comment_start(line: &str) -> usize {
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            // A quote opens a quoted scalar only where a value starts.
            None if (c == '"' || c == '\'')
                && (i == 0 || matches!(prev, ' ' | ':' | '[' | '{' | ',' | '-')) =>
            {
                quote = Some(c)
            }
            None if c == '#' && (i == 0 || prev == ' ' || prev == '\t') => return i,
            None => {}
        }
        prev = c;
    }
    line.len()
}

/// Does the line end with a block scalar indicator: `key: |`, `- >-`, `|2` …
pub(super) fn opens_block_scalar(content: &str) -> bool {
    let t = content.trim_end();
    let last_word = t.rsplit([' ', '\t']).next().unwrap_or("");
    let mut chars = last_word.chars();
    matches!(chars.next(), Some('|' | '>'))
        && chars.all(|c| c == '-' || c == '+' || c.is_ascii_digit())
        && (t.len() == last_word.len()
            || t[..t.len() - last_word.len()]
                .trim_end()
                .ends_with([':', '-']))
}

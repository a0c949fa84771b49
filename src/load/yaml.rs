//! YAML's own errors, said in Chinese at the line the user must fix.

use std::path::Path;

use super::slips::{self, Slip};
use crate::diag::Diagnostic;
use crate::messages;

/// The diagnostic for a slip.
pub(super) fn located(path: &Path, text: &str, slip: Slip) -> Diagnostic {
    Diagnostic::file_level(path, slip.message)
        .at(text, slip.line, slip.column)
        .with_help(slip.help)
}

pub(super) fn yaml_error(path: &Path, text: &str, e: &serde_yaml::Error) -> Diagnostic {
    let raw = e.to_string();
    if raw.contains("recursion limit") || raw.contains("repetition limit") {
        let d = Diagnostic::file_level(path, messages::yaml_too_deep());
        return match e.location() {
            Some(l) => d.at(text, l.line(), l.column()),
            None => d,
        };
    }
    // A character no one can see, at its own place (the parser says 1:1).
    if let Some((line, col, c)) = control_character(text) {
        return Diagnostic::file_level(path, messages::yaml_control_character(c as u32))
            .at(text, line, col)
            .with_help(messages::yaml_control_character_help());
    }
    // A second document after `---`: at that line (the parser says none).
    if raw.contains("more than one document") {
        if let Some(line) = second_document(text) {
            return Diagnostic::file_level(path, messages::yaml_second_document())
                .at(text, line, 1)
                .with_help(messages::yaml_second_document_help());
        }
    }
    let at = e.location().map(|l| (l.line(), l.column()));
    if let Some(d) = duplicate_key(path, text, &raw, at) {
        return d;
    }
    // yaml_serde appends " at line L column C"; the location is shown separately.
    let detail = match raw.find(" at line ") {
        Some(i) => raw[..i].to_string(),
        None => raw,
    };
    // The slip a person made, at its own line, said in Chinese; the
    // parser's words only where no slip is found, and then as a note.
    if let Some(slip) = e.location().and_then(|l| slips::at_error(text, l.line())) {
        return located(path, text, slip);
    }
    let mut d = Diagnostic::file_level(path, messages::yaml_syntax(messages::yaml_reason(&detail)));
    if let Some(note) = messages::yaml_detail_note(&detail) {
        d = d.with_note(note);
    }
    match e.location() {
        Some(l) => {
            let near_tab = text
                .lines()
                .skip(l.line().saturating_sub(2))
                .take(2)
                .any(|line| line.trim_start_matches(' ').starts_with('\t'));
            let help = if near_tab {
                messages::yaml_tab_help()
            } else {
                messages::yaml_syntax_help()
            };
            d.at(text, l.line(), l.column()).with_help(help)
        }
        None => d,
    }
}

/// yaml_serde reports a duplicate key at the start of its mapping; point at
/// the second occurrence in that mapping instead, which is the one to fix.
fn duplicate_key(
    path: &Path,
    text: &str,
    raw: &str,
    at: Option<(usize, usize)>,
) -> Option<Diagnostic> {
    let key = raw
        .split_once("duplicate entry with key \"")?
        .1
        .split_once('"')?
        .0;
    let d = Diagnostic::file_level(path, messages::duplicate_key(key))
        .with_help(messages::duplicate_key_help());
    Some(
        match at.and_then(|at| keys_of_mapping(text, at, key).get(1).copied()) {
            Some((line, col)) => d.at(text, line, col),
            None => d,
        },
    )
}

/// Where `key` is written as a key of the mapping that starts at `at`
/// (1-based line and column): in a block mapping, at that column on the
/// lines until the mapping ends; in a flow mapping (`{a: 1, a: 2}`), at
/// its top level.
fn keys_of_mapping(text: &str, (line, col): (usize, usize), key: &str) -> Vec<(usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let Some(first) = lines.get(line - 1) else {
        return Vec::new();
    };
    let starts_key = |rest: &str| {
        rest.strip_prefix(key)
            .is_some_and(|r| r.trim_start_matches(' ').starts_with(':'))
    };
    let chars: Vec<char> = first.chars().collect();
    let mut found = Vec::new();
    if chars.get(col - 1) == Some(&'{') {
        // Flow: walk from the brace, keys follow `{` or `,` at depth 1.
        let (mut depth, mut expect_key, mut quote) = (0usize, false, None);
        for (n, l) in lines.iter().enumerate().skip(line - 1) {
            let skip = if n + 1 == line { col - 1 } else { 0 };
            for (c_no, (i, c)) in l.char_indices().enumerate().skip(skip) {
                if let Some(q) = quote {
                    if c == q {
                        quote = None;
                    }
                    continue;
                }
                match c {
                    '"' | '\'' => quote = Some(c),
                    '{' | '[' => {
                        depth += 1;
                        expect_key = c == '{' && depth == 1;
                        continue;
                    }
                    '}' | ']' => {
                        depth -= 1;
                        if depth == 0 {
                            return found;
                        }
                    }
                    ',' if depth == 1 => {
                        expect_key = true;
                        continue;
                    }
                    ' ' => continue,
                    _ => {}
                }
                if expect_key && depth == 1 && starts_key(&l[i..]) {
                    found.push((n + 1, c_no + 1));
                }
                expect_key = false;
            }
        }
        return found;
    }
    // Block: the mapping's keys stand at `col`; it ends at a line indented less.
    for (n, l) in lines.iter().enumerate().skip(line - 1) {
        let body = l.trim_start_matches(' ');
        if body.is_empty() || body.starts_with('#') {
            continue;
        }
        let indent = l.chars().take_while(|c| *c == ' ' || *c == '-').count();
        if n + 1 > line && indent + 1 < col {
            break;
        }
        let at: String = l.chars().skip(col - 1).collect();
        let prefix_ok = l.chars().take(col - 1).all(|c| c == ' ' || c == '-');
        if prefix_ok && starts_key(&at) {
            found.push((n + 1, col));
        }
    }
    found
}

/// The first control character YAML refuses (all but tab and line
/// ends), with its 1-based line and column.
fn control_character(text: &str) -> Option<(usize, usize, char)> {
    text.lines().enumerate().find_map(|(n, l)| {
        l.trim_end_matches('\r')
            .chars()
            .enumerate()
            .find(|(_, c)| c.is_control() && *c != '\t')
            .map(|(i, c)| (n + 1, i + 1, c))
    })
}

/// The line of the `---` that starts a second document.
fn second_document(text: &str) -> Option<usize> {
    let mut content = false;
    for (n, l) in text.lines().enumerate() {
        let t = l.trim_end();
        if t == "---" || t.starts_with("--- ") {
            if content {
                return Some(n + 1);
            }
        } else if !t.is_empty() && !t.starts_with('#') {
            content = true;
        }
    }
    None
}

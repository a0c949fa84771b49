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
    if let Some(d) = duplicate_key(path, text, &raw) {
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
    let d = Diagnostic::file_level(path, messages::yaml_syntax(messages::yaml_reason(&detail)))
        .with_note(messages::yaml_detail_note(&detail));
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
/// the second occurrence instead, which is the one to fix.
fn duplicate_key(path: &Path, text: &str, raw: &str) -> Option<Diagnostic> {
    let key = raw
        .split_once("duplicate entry with key \"")?
        .1
        .split_once('"')?
        .0;
    let mut places = text.lines().enumerate().filter_map(|(i, line)| {
        let body = line.trim_start_matches([' ', '-']);
        let rest = body.strip_prefix(key)?;
        rest.trim_start()
            .starts_with(':')
            .then(|| (i + 1, line.len() - body.len() + 1))
    });
    let d = Diagnostic::file_level(path, messages::duplicate_key(key))
        .with_help(messages::duplicate_key_help());
    Some(match (places.next(), places.next()) {
        (Some(_), Some((line, col))) => d.at(text, line, col),
        _ => d,
    })
}

//! The recognised plan written as a spec a person will edit: block style,
//! keys in the order of the spec reference, a `# 请核对` comment above each
//! guess, and what could not be placed kept as comments at the end.
//!
//! Text is written as Markdown that shows exactly what the plan said (a `*`
//! or a `1. ` at a line's start is escaped), since every text field of a
//! spec is Markdown.

use crate::spec::Choice as _;
use std::fmt::Write as _;

use chrono::NaiveDate;

use super::Meta;
use super::recognise::{self, Draft, Field, Node};
use crate::messages as msg;
use crate::spec::Period;

/// The spec's text for `d`.
pub fn emit(d: &Draft, meta: &Meta, zh: bool, header: &[String]) -> String {
    let mut w = Writer {
        out: String::new(),
        zh,
    };
    for line in header {
        w.comment(0, line);
    }
    if let Some(t) = &meta.page_title {
        if meta.source_title.as_deref() != Some(t) {
            w.comment(0, &msg::import_page_title(t));
        }
    }
    w.out.push('\n');

    // The title's note stands above it, or above the school where the
    // title is not written.
    let built = crate::layout::title_for(&meta.school, meta.year, meta.period);
    let title = meta
        .source_title
        .as_ref()
        .filter(|t| same_words(t) != same_words(&built));
    if title.is_none() {
        w.notes(d, Field::Title, 0);
    }
    w.notes(d, Field::School, 0);
    w.scalar(0, "school", &shown(&meta.school));
    w.notes(d, Field::Year, 0);
    w.line(0, "year", &meta.year.to_string());
    w.notes(d, Field::Period, 0);
    let period = if zh {
        crate::placeholder::period_name(meta.period).to_string()
    } else {
        meta.period.name().to_string()
    };
    w.line(0, "period", &period);
    if let Some(word) = meta.period_word {
        w.trailing_comment(&msg::import_period_word(word));
    }
    if let Some(title) = title {
        w.notes(d, Field::Title, 0);
        w.comment(0, &msg::import_title_kept());
        w.scalar(0, "title", &shown(title));
    }
    w.out.push('\n');

    w.notes(d, Field::Intro, 0);
    if !d.intro.is_empty() {
        w.text(0, "intro", &d.intro);
        w.out.push('\n');
    }
    w.notes(d, Field::GuidingPrinciples, 0);
    if d.guiding.is_empty() {
        w.scalar(0, "guiding_principles", &msg::import_guiding_placeholder());
    } else {
        w.text(0, "guiding_principles", &d.guiding);
    }
    w.out.push('\n');

    w.notes(d, Field::Goals, 0);
    if !d.goals.is_empty() {
        w.key(0, "goals");
        for g in d.goals_paras.iter().chain(&d.goals) {
            w.list_scalar(2, &shown(g));
        }
        w.out.push('\n');
    } else if !d.goals_paras.is_empty() {
        w.text(0, "goals", &d.goals_paras);
        w.out.push('\n');
    }

    w.notes(d, Field::Measures, 0);
    w.key(0, "measures");
    if d.measures.is_empty() {
        w.list_scalar(2, &msg::import_measures_placeholder());
    }
    for n in &d.measures {
        w.node(2, n);
    }
    w.out.push('\n');

    w.notes(d, Field::Schedule, 0);
    if !d.schedule.is_empty() {
        w.key(0, "schedule");
        let first = d.schedule[0].months.first().copied().unwrap_or(1);
        for e in &d.schedule {
            let months: Vec<String> = e.months.iter().map(u32::to_string).collect();
            if months.len() == 1 {
                w.list_line(2, "month", &months[0]);
            } else {
                w.list_line(2, "months", &format!("[{}]", months.join(", ")));
            }
            w.key(4, "items");
            for item in &e.items {
                let (text, day, owner) = recognise::item_details(item);
                let date = day.and_then(|(m, dd)| {
                    let year = meta.year
                        + i32::from(m < first || meta.period == Period::SchoolYear && m < 9);
                    NaiveDate::from_ymd_opt(year, m, dd).filter(|_| e.months.contains(&m))
                });
                let (text, owner) = match (date, day) {
                    // A day outside the entry's months stays in the text.
                    (None, Some(_)) => (item.clone(), None),
                    _ => (text, owner),
                };
                let text = shown(&text);
                if date.is_none() && owner.is_none() {
                    w.list_scalar(6, &text);
                } else {
                    w.list_entry_scalar(6, "text", &text);
                    if let Some(date) = date {
                        w.line(8, "date", &date.to_string());
                    }
                    if let Some(owner) = owner {
                        w.scalar(8, "owner", &shown(&owner));
                    }
                }
            }
        }
        w.out.push('\n');
    }

    // A date the spec cannot hold is only a comment (with the org, if any).
    w.notes(d, Field::Signature, 0);
    if d.signature_org.is_some() || meta.signature_date.is_some() {
        w.key(0, "signature");
        if let Some(org) = &d.signature_org {
            w.scalar(2, "org", &shown(org));
        }
        if let Some(date) = meta.signature_date {
            w.line(2, "date", &date.to_string());
        }
        w.out.push('\n');
    } else if d.notes.iter().any(|n| n.field == Field::Signature) {
        w.out.push('\n');
    }

    let h = &d.headings;
    let defaults = crate::spec::Headings::default();
    let headings = [
        (
            "guiding_principles",
            &h.guiding,
            &defaults.guiding_principles,
        ),
        ("goals", &h.goals, &defaults.goals),
        ("measures", &h.measures, &defaults.measures),
        ("schedule", &h.schedule, &defaults.schedule),
    ];
    let differ: Vec<_> = headings
        .iter()
        .filter_map(|(k, found, default)| found.as_ref().filter(|f| f != default).map(|f| (*k, f)))
        .collect();
    if !differ.is_empty() {
        w.key(0, "headings");
        for (k, f) in differ {
            w.scalar(2, k, &shown(f));
        }
        w.out.push('\n');
    }

    if meta.schedule_table {
        w.key(0, "style");
        let table = if zh { "表格" } else { "table" };
        w.line(2, "schedule_layout", table);
        w.out.push('\n');
    }

    if !d.unplaced.is_empty() {
        for line in msg::import_unplaced_header(d.unplaced.len()) {
            w.comment(0, &line);
        }
        for u in &d.unplaced {
            w.comment(0, &format!("  - {u}"));
        }
    }
    while w.out.ends_with("\n\n") {
        w.out.pop();
    }
    w.out
}

struct Writer {
    out: String,
    zh: bool,
}

impl Writer {
    fn name(&self, key: &'static str) -> &'static str {
        if self.zh {
            crate::spec::keys::chinese(key)
                .first()
                .copied()
                .unwrap_or(key)
        } else {
            key
        }
    }

    fn pad(&mut self, indent: usize) {
        self.out.extend(std::iter::repeat_n(' ', indent));
    }

    fn comment(&mut self, indent: usize, text: &str) {
        for line in text.lines() {
            self.pad(indent);
            let _ = writeln!(self.out, "# {line}");
        }
    }

    fn trailing_comment(&mut self, text: &str) {
        if self.out.ends_with('\n') {
            self.out.pop();
        }
        let _ = writeln!(self.out, "  # {text}");
    }

    fn notes(&mut self, d: &Draft, field: Field, indent: usize) {
        for n in d.notes.iter().filter(|n| n.field == field) {
            self.comment(indent, &format!("{}{}", msg::import_check(), n.text));
        }
    }

    fn key(&mut self, indent: usize, key: &'static str) {
        self.pad(indent);
        let _ = writeln!(self.out, "{}:", self.name(key));
    }

    /// `key: value` with the value written as it is (numbers, dates).
    fn line(&mut self, indent: usize, key: &'static str, value: &str) {
        self.pad(indent);
        let _ = writeln!(self.out, "{}: {value}", self.name(key));
    }

    fn scalar(&mut self, indent: usize, key: &'static str, value: &str) {
        self.line(indent, key, &quote(value));
    }

    fn list_line(&mut self, indent: usize, key: &'static str, value: &str) {
        self.pad(indent);
        let _ = writeln!(self.out, "- {}: {value}", self.name(key));
    }

    fn list_entry_scalar(&mut self, indent: usize, key: &'static str, value: &str) {
        self.list_line(indent, key, &quote(value));
    }

    fn list_scalar(&mut self, indent: usize, value: &str) {
        self.pad(indent);
        let _ = writeln!(self.out, "- {}", quote(value));
    }

    /// Paragraphs: one line a paragraph, a block scalar when there are several.
    fn text(&mut self, indent: usize, key: &'static str, paras: &[String]) {
        let body = shown_lines(&paras.join("\n"));
        self.text_value(indent, key, &body, false);
    }

    fn text_value(&mut self, indent: usize, key: &'static str, body: &str, list: bool) {
        self.pad(indent);
        let dash = if list { "- " } else { "" };
        let indent = indent + dash.len();
        if body.contains('\n') {
            let _ = writeln!(self.out, "{dash}{}: |", self.name(key));
            for line in body.lines() {
                self.pad(indent + 2);
                let _ = writeln!(self.out, "{line}");
            }
        } else {
            let _ = writeln!(self.out, "{dash}{}: {}", self.name(key), quote(body));
        }
    }

    /// One measure and its items.
    fn node(&mut self, indent: usize, n: &Node) {
        let has_more = !n.paras.is_empty() || !n.items.is_empty();
        let (title, first) = recognise::split_title(&n.head, has_more);
        let mut paras: Vec<String> = first.into_iter().collect();
        paras.extend(n.paras.iter().cloned());
        let body = shown_lines(&paras.join("\n"));
        if title.is_none() && n.items.is_empty() && !body.contains('\n') {
            self.list_scalar(indent, &body);
            return;
        }
        // The first key of the mapping carries the list's dash.
        let mut first_key = true;
        let mut field = || {
            let list = std::mem::replace(&mut first_key, false);
            (list, if list { indent } else { indent + 2 })
        };
        if let Some(t) = title {
            let (list, at) = field();
            if list {
                self.list_entry_scalar(at, "title", &shown(&t));
            } else {
                self.scalar(at, "title", &shown(&t));
            }
        }
        if !body.is_empty() {
            let (list, at) = field();
            self.text_value(at, "text", &body, list);
        }
        if !n.items.is_empty() {
            let (list, at) = field();
            if list {
                self.pad(at);
                let _ = writeln!(self.out, "- {}:", self.name("items"));
            } else {
                self.key(at, "items");
            }
            for item in &n.items {
                self.node(indent + 4, item);
            }
        }
    }
}

/// Text as the plan showed it: Markdown escaped, and `{{` written `\{{` so
/// it is not taken for a placeholder.
fn shown(text: &str) -> String {
    crate::markup::literal(text).replace("{{", "\\{{")
}

/// [`shown`] for several lines, one paragraph each.
fn shown_lines(text: &str) -> String {
    crate::markup::literal_lines(text).replace("{{", "\\{{")
}

/// A title's words without the ways of writing a year: `2026下半年` and
/// `2026年下半年`, `2025学年` and `2025—2026学年` say the same.
fn same_words(title: &str) -> String {
    let mut s: String = title
        .chars()
        .filter(|c| !c.is_whitespace() && !"年度".contains(*c))
        .collect();
    for dash in ['—', '-', '－', '–', '~', '～', '至'] {
        if let Some(i) = s.find(dash) {
            let after = &s[i + dash.len_utf8()..];
            let digits = after.chars().take_while(char::is_ascii_digit).count();
            if digits == 4 {
                s = format!("{}{}", &s[..i], &after[4..]);
            }
        }
    }
    s
}

/// A YAML scalar: plain where YAML reads it back as the same string,
/// double-quoted (JSON escapes are YAML's too) where it would not.
pub fn quote(s: &str) -> String {
    let plain = !s.is_empty()
        && !s.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@` \t".contains(c))
        && !s.ends_with([' ', ':', '\t'])
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.contains(['\n', '\r', '\t'])
        && !s.chars().any(char::is_control)
        && !crate::load::plain_item_slips(s)
        && serde_yaml::from_str::<serde_yaml::Value>(s)
            .ok()
            .and_then(|v| v.as_str().map(|t| t == s))
            == Some(true);
    if plain {
        s.to_string()
    } else {
        serde_json::to_string(s).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn scalars_read_back_as_written() {
        for s in [
            "二月",
            "100%",
            "2025",
            "true",
            "- 条目",
            "a: b",
            "“三八”节",
            "7:20",
            "#1",
            "null",
            "1.5",
            "指导思想：",
        ] {
            let q = quote(s);
            let back: String = serde_yaml::from_str(&q).unwrap();
            assert_eq!(back, s, "{q}");
        }
        assert_eq!(quote("制定工会工作计划"), "制定工会工作计划");
        assert_eq!(quote("2025"), "\"2025\"");
        // Plain, the loader would take it for a key with a full-width colon.
        assert_eq!(quote("指导思想："), "\"指导思想：\"");
    }
}

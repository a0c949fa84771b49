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
    w.header(meta, header);
    w.identity(d, meta);
    w.texts(d);
    w.goals(d);
    w.measures(d);
    w.schedule(d, meta);
    w.signature(d, meta);
    w.headings(d);
    w.style(meta);
    w.unplaced(d);
    while w.out.ends_with("\n\n") {
        w.out.pop();
    }
    w.out
}

/// The spec's parts, each with its blank line after it, in the order
/// [`emit`] writes them.
impl Writer {
    /// The comments at the top: `header`'s lines, and the page's title
    /// where it is not the plan's.
    fn header(&mut self, meta: &Meta, header: &[String]) {
        for line in header {
            self.comment(0, line);
        }
        if let Some(t) = &meta.page_title {
            if meta.source_title.as_deref() != Some(t) {
                self.comment(0, &msg::import_page_title(t));
            }
        }
        self.out.push('\n');
    }

    /// `school`, `year`, `period`, and `title` where the plan's is not the
    /// one unionplan would make from them.
    fn identity(&mut self, d: &Draft, meta: &Meta) {
        // The title's note stands above it, or above the school where the
        // title is not written.
        let built = crate::layout::title_for(&meta.school, meta.year, meta.period);
        let title = meta
            .source_title
            .as_ref()
            .filter(|t| same_words(t) != same_words(&built));
        if title.is_none() {
            self.notes(d, Field::Title, 0);
        }
        self.notes(d, Field::School, 0);
        self.scalar(0, "school", &shown(&meta.school));
        self.notes(d, Field::Year, 0);
        self.line(0, "year", &meta.year.to_string());
        self.notes(d, Field::Period, 0);
        let period = if self.zh {
            crate::placeholder::period_name(meta.period).to_string()
        } else {
            meta.period.name().to_string()
        };
        self.line(0, "period", &period);
        if let Some(word) = meta.period_word {
            self.trailing_comment(&msg::import_period_word(word));
        }
        if let Some(title) = title {
            self.notes(d, Field::Title, 0);
            self.comment(0, &msg::import_title_kept());
            self.scalar(0, "title", &shown(title));
        }
        self.out.push('\n');
    }

    /// `intro`, where the plan has one, and `guiding_principles`, a
    /// placeholder where it has none.
    fn texts(&mut self, d: &Draft) {
        self.notes(d, Field::Intro, 0);
        if !d.intro.is_empty() {
            self.text(0, "intro", &d.intro);
            self.out.push('\n');
        }
        self.notes(d, Field::GuidingPrinciples, 0);
        if d.guiding.is_empty() {
            self.scalar(0, "guiding_principles", &msg::import_guiding_placeholder());
        } else {
            self.text(0, "guiding_principles", &d.guiding);
        }
        self.out.push('\n');
    }

    /// `goals`: a list where the plan listed them, its paragraphs first;
    /// text where it only wrote paragraphs.
    fn goals(&mut self, d: &Draft) {
        self.notes(d, Field::Goals, 0);
        if !d.goals.is_empty() {
            self.key(0, "goals");
            for g in d.goals_paras.iter().chain(&d.goals) {
                self.list_scalar(2, &shown(g));
            }
            self.out.push('\n');
        } else if !d.goals_paras.is_empty() {
            self.text(0, "goals", &d.goals_paras);
            self.out.push('\n');
        }
    }

    /// `measures`, a placeholder where the plan has none.
    fn measures(&mut self, d: &Draft) {
        self.notes(d, Field::Measures, 0);
        self.key(0, "measures");
        if d.measures.is_empty() {
            self.list_scalar(2, &msg::import_measures_placeholder());
        }
        for n in &d.measures {
            self.node(2, n);
        }
        self.out.push('\n');
    }

    /// `schedule`, where the plan has one: an entry a month (or months).
    fn schedule(&mut self, d: &Draft, meta: &Meta) {
        self.notes(d, Field::Schedule, 0);
        if d.schedule.is_empty() {
            return;
        }
        self.key(0, "schedule");
        let first = d.schedule[0].months.first().copied().unwrap_or(1);
        for e in &d.schedule {
            let months: Vec<String> = e.months.iter().map(u32::to_string).collect();
            if months.len() == 1 {
                self.list_line(2, "month", &months[0]);
            } else {
                self.list_line(2, "months", &format!("[{}]", months.join(", ")));
            }
            self.key(4, "items");
            for item in &e.items {
                self.schedule_item(meta, first, &e.months, item);
            }
        }
        self.out.push('\n');
    }

    /// One item of an entry for `months`: text alone, or with the date
    /// and owner it names. `first` is the schedule's first month, which
    /// tells the plan's year a month is in.
    fn schedule_item(&mut self, meta: &Meta, first: u32, months: &[u32], item: &str) {
        let (text, day, owner) = recognise::item_details(item);
        let date = day.and_then(|(m, dd)| {
            let year =
                meta.year + i32::from(m < first || meta.period == Period::SchoolYear && m < 9);
            NaiveDate::from_ymd_opt(year, m, dd).filter(|_| months.contains(&m))
        });
        let (text, owner) = match (date, day) {
            // A day outside the entry's months stays in the text.
            (None, Some(_)) => (item.to_string(), None),
            _ => (text, owner),
        };
        let text = shown(&text);
        if date.is_none() && owner.is_none() {
            self.list_scalar(6, &text);
        } else {
            self.list_entry_scalar(6, "text", &text);
            if let Some(date) = date {
                self.line(8, "date", &date.to_string());
            }
            if let Some(owner) = owner {
                self.scalar(8, "owner", &shown(&owner));
            }
        }
    }

    /// `signature`, where the plan names its org or a date the spec can
    /// hold. A date it cannot hold is only a comment (with the org, if
    /// any).
    fn signature(&mut self, d: &Draft, meta: &Meta) {
        self.notes(d, Field::Signature, 0);
        if d.signature_org.is_some() || meta.signature_date.is_some() {
            self.key(0, "signature");
            if let Some(org) = &d.signature_org {
                self.scalar(2, "org", &shown(org));
            }
            if let Some(date) = meta.signature_date {
                self.line(2, "date", &date.to_string());
            }
            self.out.push('\n');
        } else if d.notes.iter().any(|n| n.field == Field::Signature) {
            self.out.push('\n');
        }
    }

    /// `headings`: those the plan words otherwise than unionplan would.
    fn headings(&mut self, d: &Draft) {
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
            .filter_map(|(k, found, default)| {
                found.as_ref().filter(|f| f != default).map(|f| (*k, f))
            })
            .collect();
        if !differ.is_empty() {
            self.key(0, "headings");
            for (k, f) in differ {
                self.scalar(2, k, &shown(f));
            }
            self.out.push('\n');
        }
    }

    /// `style`: the schedule as a table, where the plan's was one.
    fn style(&mut self, meta: &Meta) {
        if meta.schedule_table {
            self.key(0, "style");
            let table = if self.zh { "表格" } else { "table" };
            self.line(2, "schedule_layout", table);
            self.out.push('\n');
        }
    }

    /// What could not be placed, as comments at the end.
    fn unplaced(&mut self, d: &Draft) {
        if !d.unplaced.is_empty() {
            for line in msg::import_unplaced_header(d.unplaced.len()) {
                self.comment(0, &line);
            }
            for u in &d.unplaced {
                self.comment(0, &format!("  - {u}"));
            }
        }
    }
}

/// The spec's text as it is written, and its keys' language.
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

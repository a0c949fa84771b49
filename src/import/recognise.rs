//! From a plan's paragraphs to its parts: title, 指导思想, 工作目标, the
//! measures tree and the monthly schedule.
//!
//! Plans copied from the web often lose their line breaks, so the
//! recogniser reads each paragraph as running text and looks for the next
//! heading *inside* it as well as at its start. Inside running text it is
//! strict: a number is taken as numbering only where it continues the
//! numbering in use (`2、` after `1、`) or opens a new level with 1, so the
//! `3、8` of `3、8妇女节` stays text. At the start of a paragraph it is lenient:
//! two sections numbered 六 are two sections.

use chrono::NaiveDate;

use super::clean;
use super::marker::{self, Kind, Style, is_space};
use crate::spec::Period;

/// One node of the measures tree as found: its first line and what follows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Node {
    /// The text after the number, which holds the title if there is one.
    pub head: String,
    /// Paragraphs after the head.
    pub paras: Vec<String>,
    pub items: Vec<Node>,
}

/// One month (or several) of the schedule.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub months: Vec<u32>,
    pub items: Vec<String>,
}

/// Which part of the spec a remark is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    School,
    Year,
    Period,
    GuidingPrinciples,
    Goals,
    Measures,
    Schedule,
    Signature,
}

/// Something the recogniser was unsure of, for a `# 请核对` comment.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    pub field: Field,
    pub text: String,
}

/// A plan as recognised, before it is written as a spec.
#[derive(Clone, Debug, Default)]
pub struct Draft {
    /// The plan's title as written.
    pub title: Option<String>,
    /// The title of the page the plan came from, when the plan has none.
    pub page_title: Option<String>,
    pub intro: Vec<String>,
    pub guiding: Vec<String>,
    pub goals_paras: Vec<String>,
    pub goals: Vec<String>,
    pub measures: Vec<Node>,
    pub schedule: Vec<Entry>,
    pub signature_org: Option<String>,
    pub signature_date: Option<NaiveDate>,
    /// Section headings as the plan words them: 指导思想 / 总体要求 ….
    pub headings: Headings,
    pub unplaced: Vec<String>,
    pub notes: Vec<Note>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Headings {
    pub guiding: Option<String>,
    pub goals: Option<String>,
    pub measures: Option<String>,
    pub schedule: Option<String>,
}

impl Draft {
    /// Measures at every level.
    pub fn measure_count(&self) -> (usize, usize) {
        fn all(ns: &[Node]) -> usize {
            ns.iter().map(|n| 1 + all(&n.items)).sum()
        }
        (self.measures.len(), all(&self.measures))
    }

    pub fn schedule_items(&self) -> usize {
        self.schedule.iter().map(|e| e.items.len()).sum()
    }

    /// A plan has sections, numbered measures or a schedule; a page's preface has none.
    pub fn is_plan(&self) -> bool {
        !self.measures.is_empty() || !self.schedule.is_empty() || !self.guiding.is_empty()
    }

    fn note(&mut self, field: Field, text: String) {
        self.notes.push(Note { field, text });
    }
}

/// One plan's stretch of the page: its title (if any) and paragraphs.
#[derive(Clone, Debug, Default)]
pub struct Segment {
    pub title: Option<String>,
    pub chunks: Vec<String>,
}

/// Is this line a plan's title: short, about a union, a plan?
pub fn is_title_line(text: &str) -> bool {
    let n = text.chars().count();
    n <= 40
        && marker::numbering(text, false).is_none()
        && text.contains("工会")
        && ["计划", "方案", "要点", "工作安排"]
            .iter()
            .any(|w| text.contains(w))
        && !text.contains(['。', '，', '；', ',', ';', '：', ':'])
}

/// Where a page says a new plan begins: `篇一`, `【第二篇】`, `第三篇`.
/// Returns the byte range of the mark.
fn separator(text: &str) -> Option<(usize, usize)> {
    for (i, _) in text.match_indices('篇') {
        let after = i + '篇'.len_utf8();
        // 【第二篇】 / 第二篇
        let before = &text[..i];
        if let Some(di) = before.rfind('第') {
            let num = &before[di + '第'.len_utf8()..];
            if !num.is_empty()
                && (marker::zh_numeral(num).is_some_and(|(_, l)| l == num.len())
                    || num.chars().all(|c| c.is_ascii_digit()))
            {
                let mut start = di;
                let mut end = after;
                if text[..start].ends_with('【') && text[end..].starts_with('】') {
                    start -= '【'.len_utf8();
                    end += '】'.len_utf8();
                }
                return Some((start, end));
            }
        }
        // 工作计划篇一
        let num = marker::zh_numeral(&text[after..]).or_else(|| {
            let d = text[after..]
                .chars()
                .take_while(|c| c.is_ascii_digit())
                .count();
            (d > 0 && d < 3).then_some((0, d))
        });
        if let Some((_, len)) = num {
            if ["计划", "方案", "要点", "安排", "范文", "总结"]
                .iter()
                .any(|w| before.ends_with(w))
            {
                return Some((i, after + len));
            }
        }
    }
    None
}

/// The words after the last sentence end: the title part of `……呢!工会工作计划`.
fn tail_phrase(text: &str) -> (&str, &str) {
    match text.rfind(['。', '！', '!', '？', '?', '；']) {
        Some(i) => {
            let c = text[i..].chars().next().map_or(1, char::len_utf8);
            (&text[..i + c], &text[i + c..])
        }
        None => ("", text),
    }
}

/// Split a page's paragraphs into plans. The first segment is whatever came
/// before the first plan (a page's preface, or the only plan).
pub fn segments(chunks: Vec<String>) -> Vec<Segment> {
    let mut out = vec![Segment::default()];
    let mut chars_in_current = 0usize;
    for chunk in chunks {
        let mut rest = chunk.as_str();
        while let Some((start, end)) = separator(rest) {
            let (before, title) = tail_phrase(&rest[..start]);
            let before = before.trim_matches(is_space);
            if !before.is_empty() {
                out.last_mut().unwrap().chunks.push(before.to_string());
            }
            let title = title.trim_matches(is_space);
            out.push(Segment {
                title: (!title.is_empty()).then(|| title.to_string()),
                chunks: Vec::new(),
            });
            chars_in_current = 0;
            rest = rest[end..].trim_start_matches(is_space);
        }
        if rest.is_empty() {
            continue;
        }
        // A second title, with its year, after a whole plan starts the next
        // plan (an item such as 制定工会工作计划 names no year).
        if is_title_line(rest) && has_year(rest) && chars_in_current >= 300 {
            out.push(Segment {
                title: Some(rest.to_string()),
                chunks: Vec::new(),
            });
            chars_in_current = 0;
            continue;
        }
        chars_in_current += rest.chars().count();
        out.last_mut().unwrap().chunks.push(rest.to_string());
    }
    out
}

/// Where in the plan the walker is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ctx {
    /// Before the first section: title and preface.
    Preamble,
    Guiding,
    Goals,
    /// Under a heading such as 主要工作 that holds the measures.
    Measures,
    /// A numbered section that is itself a measure (一、加强工会自身建设).
    Measure,
    Schedule,
}

/// What the last heading opened, waiting for the words after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fresh {
    No,
    /// A measure node: its head.
    Node,
    /// A goal item.
    Goal,
    /// A month heading: items may follow on the same line.
    Month,
    /// A numbered schedule item.
    Item,
}

struct Walker {
    d: Draft,
    ctx: Ctx,
    /// The numbering of sections, once seen (一、 in most plans).
    top: Option<Style>,
    top_last: u32,
    /// Numbering levels inside the current section, outermost first.
    stack: Vec<(Style, u32)>,
    fresh: Fresh,
}

/// Recognise one plan's parts.
pub fn recognise(segment: &Segment) -> Draft {
    let mut chunks: Vec<&str> = segment.chunks.iter().map(String::as_str).collect();
    let mut w = Walker {
        d: Draft {
            title: segment.title.clone(),
            ..Draft::default()
        },
        ctx: Ctx::Preamble,
        top: None,
        top_last: 0,
        stack: Vec::new(),
        fresh: Fresh::No,
    };
    w.signature(&mut chunks);
    for chunk in chunks {
        w.chunk(chunk);
    }
    w.finish()
}

const SENTENCE_END: &[char] = &['。', '；', ';', '！', '!', '？', '?'];

impl Walker {
    /// Take the 落款 off the end: the unit (`……工会委员会`) and the date.
    fn signature(&mut self, chunks: &mut Vec<&str>) {
        if let Some(date) = chunks.last().and_then(|c| parse_date(c)) {
            self.d.signature_date = Some(date);
            chunks.pop();
        }
        if let Some(org) = chunks.last() {
            let org = org.trim_matches(is_space);
            if org.chars().count() <= 30
                && !org.contains(['。', '，', '；'])
                && ["工会委员会", "工会"].iter().any(|w| org.ends_with(w))
                && !is_title_line(org)
            {
                self.d.signature_org = Some(org.to_string());
                chunks.pop();
            }
        }
    }

    fn chunk(&mut self, text: &str) {
        self.fresh = Fresh::No;
        let mut rest = text.trim_matches(is_space);
        // The character before `rest`: a heading after others on the same
        // line must pass the running-text rules.
        let mut prev: Option<char> = None;
        while !rest.is_empty() {
            let may_head = prev.is_none_or(|p| self.splits_at(rest, p));
            let took = if may_head { self.head(rest) } else { 0 };
            if took > 0 {
                prev = rest[..took].trim_end_matches(is_space).chars().last();
                rest = rest[took..].trim_start_matches(is_space);
                continue;
            }
            let end = self.next_split(rest);
            let body = rest[..end].trim_matches(is_space);
            if !body.is_empty() {
                self.body(body);
            }
            self.fresh = Fresh::No;
            prev = rest[..end].chars().last();
            rest = &rest[end..];
        }
    }

    /// Is `m` the numbering of a new section?
    fn is_section(&self, m: &marker::Marker) -> bool {
        match self.top {
            Some(top) => m.style == top,
            None => m.style == Style::Zh && !matches!(self.ctx, Ctx::Measures | Ctx::Schedule),
        }
    }

    /// Take a heading at the start of `s`; the bytes it took, 0 if none.
    fn head(&mut self, s: &str) -> usize {
        if let Some(m) = marker::month(s) {
            let after = &s[m.len..];
            // In the schedule, a month at a line's start or clearly written
            // as a heading; after the measures, a month with a colon or on
            // its own line starts a schedule that has no heading of its own.
            let in_schedule = self.ctx == Ctx::Schedule
                && (self.fresh == Fresh::No
                    || m.colon
                    || m.fen
                    || after.is_empty()
                    || marker::numbering(after, false).is_some());
            let starts_schedule = self.ctx != Ctx::Schedule
                && !self.d.measures.is_empty()
                && (m.colon || after.is_empty());
            if starts_schedule {
                let words = crate::messages::import_schedule_without_heading(&s[..m.len]);
                self.d.note(Field::Schedule, words);
                self.enter(Ctx::Schedule);
            }
            if in_schedule || starts_schedule {
                self.month(m.months);
                return m.len;
            }
        }
        let Some(m) = marker::numbering(s, false) else {
            if let Some((kind, words, len)) = marker::section(s) {
                // After a lead-in (20xx年工会工作指导思想是：…) the whole
                // sentence is the section's first paragraph.
                self.section(kind, words);
                return len;
            }
            return 0;
        };
        let after = &s[m.len..];
        if self.is_section(&m) {
            self.top = Some(m.style);
            self.top_last = m.n;
            if let Some((kind, words, len)) = marker::section(after) {
                self.section(kind, words);
                return m.len + len;
            }
            self.enter(Ctx::Measure);
            self.d.measures.push(Node::default());
            self.fresh = Fresh::Node;
            return m.len;
        }
        match self.ctx {
            Ctx::Measures | Ctx::Measure => {
                let base = if self.ctx == Ctx::Measures { 1 } else { 2 };
                let depth = base + self.level(m.style, m.n);
                if depth > crate::spec::MAX_MEASURE_DEPTH {
                    // Deeper than a spec goes: the line stays text, number and all.
                    self.stack.pop();
                    return 0;
                }
                insert(&mut self.d.measures, depth);
                self.fresh = Fresh::Node;
                m.len
            }
            Ctx::Schedule => {
                if self.d.schedule.is_empty() {
                    return 0;
                }
                self.level(m.style, m.n);
                self.d
                    .schedule
                    .last_mut()
                    .unwrap()
                    .items
                    .push(String::new());
                self.fresh = Fresh::Item;
                m.len
            }
            Ctx::Goals => {
                self.level(m.style, m.n);
                self.d.goals.push(String::new());
                self.fresh = Fresh::Goal;
                m.len
            }
            Ctx::Preamble | Ctx::Guiding => 0,
        }
    }

    /// The index of `style` in the numbering stack, pushing it if new.
    fn level(&mut self, style: Style, n: u32) -> usize {
        match self.stack.iter().position(|(s, _)| *s == style) {
            Some(j) => {
                self.stack.truncate(j + 1);
                self.stack[j].1 = n;
                j
            }
            None => {
                self.stack.push((style, n));
                self.stack.len() - 1
            }
        }
    }

    fn enter(&mut self, ctx: Ctx) {
        self.ctx = ctx;
        self.stack.clear();
        self.fresh = Fresh::No;
    }

    fn section(&mut self, kind: Kind, words: &str) {
        let h = &mut self.d.headings;
        let (slot, ctx) = match kind {
            Kind::Guiding => (&mut h.guiding, Ctx::Guiding),
            Kind::Goals => (&mut h.goals, Ctx::Goals),
            Kind::Measures => (&mut h.measures, Ctx::Measures),
            Kind::Schedule => (&mut h.schedule, Ctx::Schedule),
        };
        *slot = Some(words.to_string());
        self.enter(ctx);
    }

    fn month(&mut self, months: Vec<u32>) {
        self.stack.clear();
        if self
            .d
            .schedule
            .iter()
            .any(|e| e.months.iter().any(|m| months.contains(m)))
        {
            let label = crate::layout::month_heading(&months);
            self.d
                .note(Field::Schedule, crate::messages::import_month_twice(&label));
        }
        self.d.schedule.push(Entry {
            months,
            items: Vec::new(),
        });
        self.fresh = Fresh::Month;
    }

    /// The byte offset of the next heading inside running text, or its end.
    fn next_split(&self, s: &str) -> usize {
        let mut prev: Option<char> = None;
        for (i, c) in s.char_indices() {
            if let Some(p) = prev {
                if self.splits_at(&s[i..], p) {
                    return i;
                }
            }
            prev = Some(c);
        }
        s.len()
    }

    /// Does a heading start at `s`, right after the character `prev`?
    fn splits_at(&self, s: &str, prev: char) -> bool {
        let c = s.chars().next().unwrap_or(' ');
        let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
        if SENTENCE_END.contains(&prev) {
            if let Some((kind, _, _)) = marker::section(s) {
                let same = matches!(
                    (kind, self.ctx),
                    (Kind::Guiding, Ctx::Guiding)
                        | (Kind::Goals, Ctx::Goals)
                        | (Kind::Schedule, Ctx::Schedule)
                );
                if !same && (kind == Kind::Schedule || s.find(['：', ':']).is_some_and(|p| p < 40))
                {
                    return true;
                }
            }
        }
        if digit(prev) || prev.is_ascii_alphabetic() || "第年至到和及或月".contains(prev) {
            return false;
        }
        if self.ctx == Ctx::Schedule && (digit(c) || marker::zh_numeral(s).is_some()) {
            if let Some(m) = marker::month(s) {
                let after = &s[m.len..];
                let expected = self.d.schedule.last().is_none_or(|e| {
                    let last = *e.months.last().unwrap_or(&0);
                    m.months
                        .first()
                        .is_some_and(|&f| f == last % 12 + 1 || f == (last + 1) % 12 + 1)
                });
                if m.colon || (expected && (m.fen || marker::numbering(after, false).is_some())) {
                    return true;
                }
            }
        }
        let Some(m) = marker::numbering(s, false) else {
            return false;
        };
        let digit_after =
            s[..m.len].trim_end_matches(is_space).len() == m.len && s[m.len..].starts_with(digit);
        if self.is_section(&m) {
            let continues = if self.top.is_some() {
                m.n == self.top_last + 1
            } else {
                m.n == 1
            };
            return continues && (SENTENCE_END.contains(&prev) || "：:、，,）)”\"".contains(prev));
        }
        match self.ctx {
            Ctx::Measures | Ctx::Measure | Ctx::Schedule | Ctx::Goals => {
                if self.ctx == Ctx::Schedule && self.d.schedule.is_empty() {
                    return false;
                }
                match self.stack.iter().find(|(s, _)| *s == m.style) {
                    Some((_, last)) => m.n == last + 1,
                    // Right after a month, `1、3、8妇女节` starts with its item.
                    None => m.n == 1 && (!digit_after || self.fresh == Fresh::Month),
                }
            }
            Ctx::Preamble | Ctx::Guiding => false,
        }
    }

    /// Words that are not a heading: the head of what was just opened, or a
    /// paragraph of the current part.
    fn body(&mut self, text: &str) {
        let text = text.to_string();
        match self.fresh {
            Fresh::Node => {
                if let Some(n) = deepest(&mut self.d.measures) {
                    n.head = text;
                }
                return;
            }
            Fresh::Goal => {
                if let Some(g) = self.d.goals.last_mut() {
                    *g = text;
                }
                return;
            }
            Fresh::Item => {
                if let Some(i) = self.d.schedule.last_mut().and_then(|e| e.items.last_mut()) {
                    *i = text;
                }
                return;
            }
            Fresh::Month => {
                // Items after the month on its line, split at semicolons.
                let e = self.d.schedule.last_mut().unwrap();
                e.items.extend(
                    text.split(['；', ';'])
                        .map(|t| t.trim_matches(is_space))
                        .filter(|t| !t.is_empty())
                        .map(String::from),
                );
                return;
            }
            Fresh::No => {}
        }
        match self.ctx {
            Ctx::Preamble => {
                if self.d.intro.is_empty() && is_title_line(&text) {
                    // The separator's words (工会工作计划) give way to a
                    // title that names a year; any other title line is the
                    // page's.
                    if self.d.title.as_deref().is_none_or(|t| !has_year(t)) {
                        self.d.title = Some(text);
                    } else {
                        self.d.page_title.get_or_insert(text);
                    }
                    return;
                }
                self.d.intro.push(text);
            }
            Ctx::Guiding => self.d.guiding.push(text),
            Ctx::Goals => match self.d.goals.last_mut() {
                Some(g) => g.push_str(&text),
                None => self.d.goals_paras.push(text),
            },
            Ctx::Measures | Ctx::Measure => match deepest(&mut self.d.measures) {
                Some(n) => n.paras.push(text),
                None => self.d.unplaced.push(text),
            },
            Ctx::Schedule => match self.d.schedule.last_mut() {
                Some(e) => e.items.push(text),
                None => self.d.unplaced.push(text),
            },
        }
    }

    fn finish(mut self) -> Draft {
        // Numbered lines that never got words.
        // A number with no words of its own gives its place to its items.
        fn prune(ns: &mut Vec<Node>) {
            for n in ns.iter_mut() {
                prune(&mut n.items);
            }
            let mut kept = Vec::with_capacity(ns.len());
            for n in ns.drain(..) {
                if n.head.is_empty() && n.paras.is_empty() {
                    kept.extend(n.items);
                } else {
                    kept.push(n);
                }
            }
            *ns = kept;
        }
        prune(&mut self.d.measures);
        for e in &mut self.d.schedule {
            e.items.retain(|i| !i.is_empty());
        }
        let empty: Vec<String> = self
            .d
            .schedule
            .iter()
            .filter(|e| e.items.is_empty())
            .map(|e| crate::layout::month_heading(&e.months))
            .collect();
        for label in empty {
            self.d
                .note(Field::Schedule, crate::messages::import_month_empty(&label));
        }
        self.d.schedule.retain(|e| !e.items.is_empty());
        merge_overlaps(&mut self.d.schedule);
        self.d.goals.retain(|g| !g.is_empty());
        self.d
    }
}

/// A spec names each month once: entries that share a month become one, at
/// the place of the first, with the later items after the earlier.
fn merge_overlaps(schedule: &mut Vec<Entry>) {
    // Which group each entry joins: the first entry it shares a month with,
    // directly or through others.
    let n = schedule.len();
    let mut group: Vec<usize> = (0..n).collect();
    for i in 0..n {
        for j in i + 1..n {
            let (a, b) = (group[i], group[j]);
            if a != b
                && schedule[i]
                    .months
                    .iter()
                    .any(|m| schedule[j].months.contains(m))
            {
                let (keep, gone) = (a.min(b), a.max(b));
                group
                    .iter_mut()
                    .filter(|g| **g == gone)
                    .for_each(|g| *g = keep);
            }
        }
    }
    let mut merged: Vec<Entry> = Vec::new();
    let mut first: Vec<usize> = Vec::new();
    for (e, g) in std::mem::take(schedule).into_iter().zip(group) {
        match first.iter().position(|&f| f == g) {
            Some(k) => {
                merged[k].months.extend(e.months);
                merged[k].months.sort_unstable();
                merged[k].months.dedup();
                merged[k].items.extend(e.items);
            }
            None => {
                first.push(g);
                merged.push(e);
            }
        }
    }
    *schedule = merged;
}

/// The node a paragraph belongs to: the last one at the deepest level.
fn deepest(ns: &mut [Node]) -> Option<&mut Node> {
    let last = ns.last_mut()?;
    if last.items.is_empty() {
        Some(last)
    } else {
        deepest(&mut last.items)
    }
}

/// Add an empty node at `depth` (1 = a top measure), under the last node of
/// the level above; where there is none, as high as there is a parent.
fn insert(ns: &mut Vec<Node>, depth: usize) {
    if depth <= 1 || ns.is_empty() {
        ns.push(Node::default());
    } else {
        insert(&mut ns.last_mut().unwrap().items, depth - 1);
    }
}

fn has_year(text: &str) -> bool {
    year_in(text).is_some()
}

/// A year in a title: `2017`, `二〇二五`; `20xx` and `20__` are
/// placeholders (Some(None)).
pub fn year_in(text: &str) -> Option<Option<i32>> {
    let chars: Vec<char> = text.chars().collect();
    for w in chars.windows(4) {
        let s: String = w.iter().collect();
        if s.starts_with("19") || s.starts_with("20") {
            if let Ok(y) = s.parse::<i32>() {
                return Some(Some(y));
            }
            if w[2..]
                .iter()
                .all(|c| matches!(c, 'x' | 'X' | '_' | '×' | '*' | '＿'))
            {
                return Some(None);
            }
        }
        let zh: String = w
            .iter()
            .map(|&c| {
                "〇一二三四五六七八九"
                    .chars()
                    .position(|d| d == c)
                    .map(|p| char::from(b'0' + p as u8))
            })
            .collect::<Option<String>>()
            .unwrap_or_default();
        if zh.len() == 4 && (zh.starts_with("19") || zh.starts_with("20")) {
            return zh.parse().ok().map(Some);
        }
    }
    None
}

/// The period a title names, and the words it used.
pub fn period_in(text: &str) -> (Period, Option<&'static str>) {
    const WORDS: &[(&str, Period)] = &[
        ("上半年", Period::Spring),
        ("春季", Period::Spring),
        ("第二学期", Period::Spring),
        ("下学期", Period::Spring),
        ("下半年", Period::Autumn),
        ("秋季", Period::Autumn),
        ("第一学期", Period::Autumn),
        ("上学期", Period::Autumn),
        ("学年", Period::SchoolYear),
    ];
    WORDS
        .iter()
        .find(|(w, _)| text.contains(w))
        .map_or((Period::Year, None), |(w, p)| (*p, Some(*w)))
}

/// Words that name a kind of school, not a school.
const GENERIC: &[&str] = &[
    "学校",
    "我校",
    "本校",
    "幼儿园",
    "我园",
    "本园",
    "小学",
    "中学",
    "学院",
    "医院",
    "我院",
    "本院",
    "单位",
    "公司",
    "机关",
    "某某学校",
    "某学校",
];

/// The school a title or a signature names, when it names one.
pub fn school_in(text: &str) -> Option<String> {
    let before = match text.find("工会") {
        Some(i) => &text[..i],
        None => text,
    };
    let mut s = before.to_string();
    // The year and period, wherever they stand.
    let cut: Vec<char> = "0123456789０１２３４５６７８９〇一二三四五六七八九xX_×*＿—-–～~"
        .chars()
        .collect();
    for w in [
        "学年度",
        "学年",
        "年度",
        "上半年",
        "下半年",
        "春季",
        "秋季",
        "第一学期",
        "第二学期",
        "上学期",
        "下学期",
        "学期",
    ] {
        s = s.replace(w, "");
    }
    let s: String = {
        // Drop year digits and the 年 after them.
        let chars: Vec<char> = s.chars().collect();
        let mut out = String::new();
        let mut i = 0;
        while i < chars.len() {
            let run = chars[i..].iter().take_while(|c| cut.contains(c)).count();
            if run >= 4 {
                i += run;
                if chars.get(i) == Some(&'年') {
                    i += 1;
                }
                continue;
            }
            out.push(chars[i]);
            i += 1;
        }
        out
    };
    let s = s.trim_matches(|c: char| is_space(c) || c == '年' || c == '度' || c == '“' || c == '”');
    let generic = s.is_empty()
        || GENERIC.contains(&s)
        || s.contains("xx")
        || s.contains("XX")
        || s.contains("××")
        || s.contains('*')
        || s.chars().count() > 30;
    (!generic).then(|| s.to_string())
}

/// A whole-line date: `2025年2月18日`, `二〇二五年二月十八日`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let t = text.trim_matches(is_space);
    let (y, rest) = t.split_once('年')?;
    let year = match y.parse::<i32>() {
        Ok(y) => y,
        Err(_) => year_in(y).flatten()?,
    };
    let (m, rest) = rest.split_once('月')?;
    let (d, rest) = rest.split_once('日')?;
    if !rest.trim_matches(is_space).is_empty() {
        return None;
    }
    let num = |s: &str| {
        s.parse::<u32>().ok().or_else(|| {
            marker::zh_numeral(s)
                .filter(|(_, l)| *l == s.len())
                .map(|(n, _)| n)
        })
    };
    NaiveDate::from_ymd_opt(year, num(m)?, num(d)?)
}

/// Split a numbered item into title and text the way plans write them:
/// `强化师德师风建设。把师德建设放在……` has a short first sentence that is
/// its title. Returns (title, text).
pub fn split_title(head: &str, has_more: bool) -> (Option<String>, Option<String>) {
    let head = head.trim_matches(is_space);
    if head.is_empty() {
        return (None, None);
    }
    let end = head
        .char_indices()
        .find(|(_, c)| matches!(c, '。' | '！' | '？' | '：' | ':' | '；' | ';'))
        .map(|(i, c)| (i, i + c.len_utf8()));
    let strip = |s: &str| {
        s.trim_end_matches(['。', '：', ':', '；', ';', '，', ','])
            .trim_matches(is_space)
            .to_string()
    };
    match end {
        Some((i, j)) if head[j..].trim_matches(is_space).chars().count() > 0 => {
            let first = &head[..i];
            let commas = first.matches(['，', ',']).count();
            if first.chars().count() <= 30 && commas <= 1 && !strip(first).is_empty() {
                (
                    Some(strip(first)),
                    Some(head[j..].trim_matches(is_space).to_string()),
                )
            } else {
                (None, Some(head.to_string()))
            }
        }
        _ if has_more && !strip(head).is_empty() => (Some(strip(head)), None),
        _ => (None, Some(head.to_string())),
    }
}

/// `（3月8日，负责：女工委员）` at the end of a schedule item: the day and the
/// person responsible, as unionplan writes them. Returns (text, day, owner).
pub fn item_details(text: &str) -> (String, Option<(u32, u32)>, Option<String>) {
    let t = text.trim_end_matches(is_space);
    let Some(body) = t.strip_suffix('）').or_else(|| t.strip_suffix(')')) else {
        return (text.to_string(), None, None);
    };
    let Some(open) = body.rfind(['（', '(']) else {
        return (text.to_string(), None, None);
    };
    let inner = &body[open + body[open..].chars().next().map_or(1, char::len_utf8)..];
    let (mut day, mut owner) = (None, None);
    for part in inner.split(['，', ',']) {
        let part = part.trim_matches(is_space);
        if let Some(who) = [
            "负责：",
            "负责:",
            "负责人：",
            "负责人:",
            "责任人：",
            "责任人:",
        ]
        .iter()
        .find_map(|p| part.strip_prefix(p))
        {
            owner = Some(who.trim_matches(is_space).to_string());
        } else if let Some((m, d)) = part.strip_suffix('日').and_then(|p| p.split_once('月')) {
            match (m.parse(), d.parse()) {
                (Ok(m), Ok(d)) => day = Some((m, d)),
                _ => return (text.to_string(), None, None),
            }
        } else {
            return (text.to_string(), None, None);
        }
    }
    let rest = body[..open].trim_end_matches(is_space);
    if rest.is_empty() {
        return (text.to_string(), None, None);
    }
    (rest.to_string(), day, owner)
}

/// What cleaning the reader's paragraphs did, for the report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cleaned {
    /// Furniture, watermarks and copies taken out.
    pub dropped: usize,
    /// Half-width punctuation made full-width.
    pub punctuation: usize,
}

/// The plan text of a reader's paragraphs: watermarks cut out, paragraphs
/// run together with spaces split, furniture and copies dropped.
pub fn chunks(paras: &[String]) -> (Vec<String>, Cleaned) {
    let mut out = Vec::new();
    let mut cleaned = Cleaned::default();
    let mut copies = clean::Copies::default();
    for p in paras {
        let (text, marks) = clean::strip_watermarks(p);
        cleaned.dropped += marks;
        for piece in clean::split_runs(&text) {
            if clean::is_noise(piece) || copies.is_copy(piece) {
                cleaned.dropped += 1;
            } else {
                let (piece, fixed) = clean::full_width_punctuation(piece);
                cleaned.punctuation += fixed;
                out.push(piece);
            }
        }
    }
    (out, cleaned)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk(text: &str) -> Draft {
        let (chunks, _) = chunks(&text.lines().map(String::from).collect::<Vec<_>>());
        let segs = segments(chunks);
        recognise(segs.last().unwrap())
    }

    #[test]
    fn titles_name_school_year_and_period() {
        assert_eq!(year_in("2017下半年学校工会工作计划"), Some(Some(2017)));
        assert_eq!(year_in("20xx年工会工作计划"), Some(None));
        assert_eq!(year_in("二〇二五年工会工作计划"), Some(Some(2025)));
        assert_eq!(period_in("2017下半年学校工会工作计划").0, Period::Autumn);
        assert_eq!(period_in("2025学年第一学期").0, Period::Autumn);
        assert_eq!(period_in("2024—2025学年工会工作计划").0, Period::SchoolYear);
        assert_eq!(
            school_in("礼河实验学校2012年工会工作计划").as_deref(),
            Some("礼河实验学校")
        );
        assert_eq!(school_in("2017下半年学校工会工作计划"), None);
        assert_eq!(
            school_in("2024—2025学年青溪路小学工会工作计划").as_deref(),
            Some("青溪路小学")
        );
        assert_eq!(school_in("幼儿园工会工作方案2023年"), None);
        assert_eq!(
            school_in("青溪路小学工会委员会").as_deref(),
            Some("青溪路小学")
        );
    }

    #[test]
    fn separators_split_plans() {
        assert_eq!(
            separator("学校工会工作计划篇二"),
            Some(("学校工会工作计划".len(), "学校工会工作计划篇二".len()))
        );
        let s = "呢!工会工作计划【第一篇】20xx年";
        let (a, b) = separator(s).unwrap();
        assert_eq!(&s[a..b], "【第一篇】");
        assert_eq!(separator("参考4篇"), None);
        assert_eq!(separator("写一篇读书笔记"), None);
    }

    #[test]
    fn items_split_into_title_and_text() {
        assert_eq!(
            split_title("强化师德师风建设。把师德建设放在首位。", false),
            (
                Some("强化师德师风建设".into()),
                Some("把师德建设放在首位。".into())
            )
        );
        assert_eq!(
            split_title("继续做好送温暖工程。", true),
            (Some("继续做好送温暖工程".into()), None)
        );
        assert_eq!(
            split_title("组织教职工春游。", false),
            (None, Some("组织教职工春游。".into()))
        );
        let long = "认真贯彻落实上级工会决议，按照统一部署，密切结合学校实际，积极开展创建活动。使教职工不断学习。";
        assert_eq!(split_title(long, false), (None, Some(long.into())));
    }

    #[test]
    fn months_are_named_once() {
        let e = |m: &[u32], i: &str| Entry {
            months: m.to_vec(),
            items: vec![i.to_string()],
        };
        let mut s = vec![e(&[2], "a"), e(&[3], "b"), e(&[2, 3], "c"), e(&[4], "d")];
        merge_overlaps(&mut s);
        assert_eq!(
            s,
            [
                Entry {
                    months: vec![2, 3],
                    items: vec!["a".into(), "b".into(), "c".into()]
                },
                e(&[4], "d")
            ]
        );
    }

    #[test]
    fn levels_deeper_than_a_spec_stay_text() {
        let d = walk("一、甲\n（一）乙\n1、丙\n（1）丁\n①戊");
        let fourth = &d.measures[0].items[0].items[0].items[0];
        assert_eq!(fourth.head, "丁");
        assert_eq!(fourth.paras, ["①戊"]);
    }

    #[test]
    fn schedule_item_details() {
        assert_eq!(
            item_details("“三八”妇女节庆祝活动（3月8日，负责：女工委员）"),
            (
                "“三八”妇女节庆祝活动".into(),
                Some((3, 8)),
                Some("女工委员".into())
            )
        );
        assert_eq!(
            item_details("教师活动。(待定)"),
            ("教师活动。(待定)".into(), None, None)
        );
    }

    #[test]
    fn run_on_text_is_split_where_numbering_continues() {
        let d = walk(
            "一、加强组织建设，提高水平1、明确委员分工。2、调整工会小组。二、丰富文化生活组织职工参加运动会。具体活动安排3月份1、3、8妇女节活动2、选举代表4月份:1、运动会2、培训7月8月份:组织夏季旅游",
        );
        assert_eq!(d.measures.len(), 2, "{:#?}", d.measures);
        assert_eq!(d.measures[0].items.len(), 2);
        assert_eq!(d.measures[0].head, "加强组织建设，提高水平");
        let months: Vec<Vec<u32>> = d.schedule.iter().map(|e| e.months.clone()).collect();
        assert_eq!(months, [vec![3], vec![4], vec![7, 8]]);
        assert_eq!(d.schedule[0].items, ["3、8妇女节活动", "选举代表"]);
        assert_eq!(d.schedule[2].items, ["组织夏季旅游"]);
    }
}

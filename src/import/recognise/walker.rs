//! The walker: one plan's paragraphs into its parts, heading by heading.

use super::*;
use crate::import::marker::{self, Family, Section, is_space};

/// Where in the plan the walker is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Ctx {
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
pub(super) enum Fresh {
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

pub(super) struct Walker {
    d: Draft,
    ctx: Ctx,
    /// The numbering of sections, once seen (一、 in most plans).
    top: Option<Family>,
    top_last: u32,
    /// Numbering levels inside the current section, outermost first.
    stack: Vec<(Family, u32)>,
    fresh: Fresh,
    /// The title was a line of the plan, not the words of the mark that
    /// opened it (篇一：…).
    title_from_text: bool,
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
        title_from_text: false,
    };
    w.signature(&mut chunks);
    for chunk in chunks {
        w.chunk(chunk);
    }
    w.finish()
}

const SENTENCE_END: &[char] = &['。', '；', ';', '！', '!', '？', '?'];

impl Walker {
    /// Take the 落款 off the end: the unit (`……工会委员会`) and the date,
    /// also a date without its day (`2025年2月`) or with a two-digit year.
    fn signature(&mut self, chunks: &mut Vec<&str>) {
        if let Some(date) = chunks.last().and_then(|c| written_date(c)) {
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
            None => m.style == Family::Zh && !matches!(self.ctx, Ctx::Measures | Ctx::Schedule),
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
                let month = &s[..m.len];
                let words = || crate::messages::import_schedule_without_heading(month);
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
    fn level(&mut self, style: Family, n: u32) -> usize {
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

    fn section(&mut self, kind: Section, words: &str) {
        let h = &mut self.d.headings;
        let (slot, ctx) = match kind {
            Section::Guiding => (&mut h.guiding, Ctx::Guiding),
            Section::Goals => (&mut h.goals, Ctx::Goals),
            Section::Measures => (&mut h.measures, Ctx::Measures),
            Section::Schedule => (&mut h.schedule, Ctx::Schedule),
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
            self.d.note(Field::Schedule, || {
                crate::messages::import_month_twice(&label)
            });
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
                    (Section::Guiding, Ctx::Guiding)
                        | (Section::Goals, Ctx::Goals)
                        | (Section::Schedule, Ctx::Schedule)
                );
                if !same
                    && (kind == Section::Schedule || s.find(['：', ':']).is_some_and(|p| p < 40))
                {
                    return true;
                }
            }
        }
        if digit(prev) || prev.is_ascii_alphabetic() || "第年至到和及或月".contains(prev) {
            return false;
        }
        if self.ctx == Ctx::Schedule && (digit(c) || crate::numerals::parse_prefix(s).is_some()) {
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
                    // The separator's words (工会工作计划篇一, or a
                    // collection's 篇一：2023年小学工会工作计划范文) give way
                    // to the plan's own title under them when it names a
                    // year, and a school if they did; any other title line
                    // is the page's.
                    let own = |t: &str| {
                        !has_year(t)
                            || (has_year(&text)
                                && (school_in(&text).is_some() || school_in(t).is_none()))
                    };
                    // The title line that gives way is the page's, or
                    // if the page has one already, left for the user:
                    // never dropped unseen.
                    let other = if self.d.title.as_deref().is_none_or(own) {
                        let before = self.d.title.replace(text);
                        // The mark's words (篇一：小学工会工作计划) are the
                        // page's furniture, and go.
                        let from_text = self.title_from_text;
                        self.title_from_text = true;
                        before.filter(|_| from_text)
                    } else {
                        Some(text)
                    };
                    if let Some(other) = other {
                        if self.d.page_title.is_none() {
                            self.d.page_title = Some(other);
                        } else {
                            self.d.unplaced.push(other);
                        }
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
            self.d.note(Field::Schedule, || {
                crate::messages::import_month_empty(&label)
            });
        }
        self.d.schedule.retain(|e| !e.items.is_empty());
        merge_overlaps(&mut self.d.schedule);
        self.d.goals.retain(|g| !g.is_empty());
        self.d
    }
}

/// A spec names each month once: entries that share a month become one, at
/// the place of the first, with the later items after the earlier.
pub(super) fn merge_overlaps(schedule: &mut Vec<Entry>) {
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
pub(super) fn deepest(ns: &mut [Node]) -> Option<&mut Node> {
    let last = ns.last_mut()?;
    if last.items.is_empty() {
        Some(last)
    } else {
        deepest(&mut last.items)
    }
}

/// Add an empty node at `depth` (1 = a top measure), under the last node of
/// the level above; where there is none, as high as there is a parent.
pub(super) fn insert(ns: &mut Vec<Node>, depth: usize) {
    if depth <= 1 || ns.is_empty() {
        ns.push(Node::default());
    } else {
        insert(&mut ns.last_mut().unwrap().items, depth - 1);
    }
}

//! A page into plans: cleaned chunks of text, split where a new plan
//! (篇一, 【第二篇】, a second dated title) begins.

use super::*;
use crate::import::clean;
use crate::import::marker::{self, is_space};

/// One plan's stretch of the page: its title (if any) and paragraphs.
#[derive(Clone, Debug, Default)]
pub struct Segment {
    /// The title the split found: the words the mark ends
    /// (`小学工会工作计划` of `小学工会工作计划1`), or the dated title that
    /// began the plan. The recogniser may put a title line of the plan's
    /// own in its place.
    pub title: Option<String>,
    /// The plan's paragraphs, cleaned, in order: what [`recognise`] reads.
    pub chunks: Vec<String>,
    /// Paragraphs dropped as copies of others of this plan.
    pub copies: usize,
}

/// Is this line a plan's title: short, about a union, a plan? A schedule's
/// heading (`2025年工会工作安排表`, `……行事历`) is not.
pub fn is_title_line(text: &str) -> bool {
    let n = text.chars().count();
    n <= 40
        && marker::numbering(text, false).is_none()
        && !["表", "行事历", "月份安排", "逐月安排", "具体安排"]
            .iter()
            .any(|w| text.trim_end_matches([' ', '：', ':']).ends_with(w))
        && text.contains("工会")
        && ["计划", "方案", "要点", "工作安排"]
            .iter()
            .any(|w| text.contains(w))
        && !text.contains(['。', '，', '；', ',', ';', '：', ':'])
}

/// Where a page says a new plan begins: `篇一`, `【第二篇】`, `第三篇`, at
/// a line's start `篇一：`, `范文一：`, `计划1`, `【篇一】小学工会工作计划`, and
/// at the end of a title `小学工会工作计划1`. Returns the byte range of the mark.
pub fn separator(text: &str) -> Option<(usize, usize)> {
    if let Some(end) = leading_mark(text) {
        return Some((0, end));
    }
    if let Some(start) = trailing_number(text) {
        return Some((start, text.len()));
    }
    for (i, _) in text.match_indices('篇') {
        let after = i + '篇'.len_utf8();
        // 【第二篇】 / 第二篇
        let before = &text[..i];
        if let Some(di) = before.rfind('第') {
            let num = &before[di + '第'.len_utf8()..];
            if !num.is_empty()
                && (crate::numerals::parse_prefix(num).is_some_and(|(_, l)| l == num.len())
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
        let num = crate::numerals::parse_prefix(&text[after..]).or_else(|| {
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

/// A plan's number as collections write it: `一`, `2`, `１２`; its bytes.
fn plan_number(s: &str) -> Option<usize> {
    crate::numerals::parse_prefix(s)
        .map(|(_, l)| l)
        .or_else(|| {
            let d: usize = s
                .chars()
                .take_while(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
                .map(char::len_utf8)
                .sum();
            (d > 0 && s[..d].chars().count() < 3).then_some(d)
        })
}

/// `篇一`, `篇2`, `范文三`, `计划4`, `【篇一】` opening a line, standing alone or
/// before a colon or a space (`篇一：小学工会工作计划`), or in brackets before
/// anything (`【篇一】小学工会工作计划`): the bytes it takes.
fn leading_mark(text: &str) -> Option<usize> {
    let bracket = text.starts_with('【');
    let t = text.strip_prefix('【').unwrap_or(text);
    let after = ["篇", "范文", "计划"]
        .iter()
        .find_map(|m| t.strip_prefix(m))?;
    let len = plan_number(after)?;
    let mut end = text.len() - after.len() + len;
    if bracket {
        end += text[end..].strip_prefix('】').map(|_| '】'.len_utf8())?;
        return Some(end);
    }
    text[end..]
        .chars()
        .next()
        .is_none_or(|c| is_space(c) || "：:、.．".contains(c))
        .then_some(end)
}

/// A title numbered as one of a page's plans, `小学工会工作计划1`,
/// `学校工会工作计划（二）`: where its number starts. The words before the
/// number must be a plan's title on their own, so that `工会工作计划2025`
/// (a year) or an item that names a plan is not taken for one.
fn trailing_number(text: &str) -> Option<usize> {
    let text = text.trim_end_matches(is_space);
    let (words, number) = ["计划", "方案", "要点", "安排", "范文"]
        .iter()
        .filter_map(|w| {
            let i = text.rfind(w)? + w.len();
            Some((&text[..i], &text[i..]))
        })
        .max_by_key(|(words, _)| words.len())?;
    let inner = number
        .strip_prefix(['（', '('])
        .and_then(|n| n.strip_suffix(['）', ')']))
        .unwrap_or(number);
    let whole = |n: &str| plan_number(n).is_some_and(|l| l == n.len());
    (whole(inner) && is_title_line(without_fanwen(words.trim_matches(is_space))))
        .then_some(words.len())
}

/// Does a page's title name a collection of plans (`小学工会工作计划（通用5篇）`,
/// `精选十篇`)? Then it is no plan's title: each has its own.
pub fn is_collection_title(title: &str) -> bool {
    title.match_indices('篇').any(|(i, _)| {
        let before = title[..i].trim_end_matches(is_space);
        before.ends_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c))
            || before
                .chars()
                .last()
                .is_some_and(|c| crate::numerals::parse_prefix(&c.to_string()).is_some())
    })
}

/// A collection's words for one of its plans without the site's 范文:
/// `小学工会工作计划范文` names the plan `小学工会工作计划`.
fn without_fanwen(words: &str) -> &str {
    words
        .strip_suffix("范文")
        .map_or(words, |w| w.trim_end_matches(is_space))
}

/// The words after the last sentence end: the title part of `……呢!工会工作计划`.
pub(super) fn tail_phrase(text: &str) -> (&str, &str) {
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
        let mut marked = false;
        while let Some((start, end)) = separator(rest) {
            marked = true;
            let (before, title) = tail_phrase(&rest[..start]);
            let before = before.trim_matches(is_space);
            if !before.is_empty() {
                out.last_mut().unwrap().chunks.push(before.to_string());
            }
            let title = without_fanwen(title.trim_matches(is_space));
            out.push(Segment {
                title: (!title.is_empty()).then(|| title.to_string()),
                ..Segment::default()
            });
            chars_in_current = 0;
            // `篇一：小学工会工作计划`: the words after the mark.
            rest = rest[end..].trim_start_matches(|c| is_space(c) || "：:、.．".contains(c));
        }
        if marked && is_title_line(rest) {
            rest = without_fanwen(rest);
        }
        if rest.is_empty() {
            continue;
        }
        // A second title, with its year, after a whole plan starts the next
        // plan (an item such as 制定工会工作计划 names no year).
        if is_title_line(rest) && has_year(rest) && chars_in_current >= 300 {
            out.push(Segment {
                title: Some(rest.to_string()),
                ..Segment::default()
            });
            chars_in_current = 0;
            continue;
        }
        chars_in_current += rest.chars().count();
        out.last_mut().unwrap().chunks.push(rest.to_string());
    }
    // Copies are looked for within one plan only: the plans of a 范文 page
    // share sentences (one 指导思想 for several), and each is its plan's own.
    for segment in &mut out {
        let mut copies = clean::Copies::default();
        let before = segment.chunks.len();
        segment.chunks.retain(|c| !copies.is_copy(c));
        segment.copies = before - segment.chunks.len();
    }
    out
}

/// What cleaning the reader's paragraphs did, for the report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cleaned {
    /// Furniture and watermarks taken out.
    pub dropped: usize,
    /// Half-width punctuation made full-width.
    pub punctuation: usize,
    /// Invisible control characters taken out (Word cannot hold them).
    pub controls: usize,
}

/// The plan text of a reader's paragraphs: watermarks cut out, paragraphs
/// run together with spaces split, furniture dropped. Copies are dropped
/// later, plan by plan ([`segments`]).
pub fn chunks(paras: &[String]) -> (Vec<String>, Cleaned) {
    let mut out = Vec::new();
    let mut cleaned = Cleaned::default();
    for p in paras {
        // Control characters copied from a web page or another program:
        // no one typed them to be read, and a DOCX cannot hold them.
        let before = p.chars().count();
        let p: String = p
            .chars()
            .filter(|&c| !crate::validate::forbidden_in_xml(c) && c != '\u{1b}' && c != '\u{7f}')
            .collect();
        cleaned.controls += before - p.chars().count();
        let (p, escapes) = clean::unescape(&p);
        cleaned.dropped += escapes;
        let (text, marks) = clean::strip_watermarks(&p);
        cleaned.dropped += marks;
        for piece in clean::split_runs(&text) {
            // `篇一：小学工会工作计划范文` looks like a site's words, but it
            // is where a plan begins.
            let opens_plan = separator(piece).is_some() && !clean::names_the_site(piece);
            if clean::is_noise(piece) && !opens_plan {
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

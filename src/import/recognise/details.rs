//! The details of one line: a date, a title split from its text, an
//! item's date and owner.

use chrono::NaiveDate;

use super::*;
use crate::import::marker::is_space;

/// A whole-line date as a 落款 writes it: `2025年2月18日`,
/// `二〇二五年二月十八日`, and also without its day (`2025年2月`) or with a
/// two-digit year (`25年8月28日`), which a spec's date cannot hold as they
/// are: [`crate::import`] decides what becomes of them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WrittenDate {
    /// The line as written, for a `# 请核对` comment.
    pub text: String,
    /// The year as written: four digits, or two (`25` of `25年`).
    pub year: i32,
    pub two_digit_year: bool,
    pub month: u32,
    pub day: Option<u32>,
}

impl WrittenDate {
    /// The date, when the line gives all of it and it exists.
    pub fn full(&self) -> Option<NaiveDate> {
        if self.two_digit_year || !(1000..=9999).contains(&self.year) {
            return None;
        }
        NaiveDate::from_ymd_opt(self.year, self.month, self.day?)
    }
}

/// A whole line that is a date, with or without its day; see [`WrittenDate`].
pub fn written_date(text: &str) -> Option<WrittenDate> {
    let t = text.trim_matches(is_space);
    let (y, rest) = t.split_once('年')?;
    let (year, two_digit_year) = match written_year(y) {
        Some(y) => y,
        None => (year_in(y).flatten()?, false),
    };
    let (m, rest) = rest.split_once('月')?;
    let num = |s: &str| {
        let s = s.trim_matches(is_space);
        let ascii: String = s.chars().map(ascii_digit).collect();
        ascii.parse::<u32>().ok().or_else(|| {
            crate::numerals::parse_prefix(s)
                .filter(|(_, l)| *l == s.len())
                .map(|(n, _)| n)
        })
    };
    let month = num(m).filter(|m| (1..=12).contains(m))?;
    let rest = rest.trim_matches(is_space);
    let day = if rest.is_empty() {
        None
    } else {
        let d = rest
            .strip_suffix('日')
            .or_else(|| rest.strip_suffix('号'))?;
        Some(num(d).filter(|d| (1..=31).contains(d))?)
    };
    Some(WrittenDate {
        text: t.to_string(),
        year,
        two_digit_year,
        month,
        day,
    })
}

/// A year written in full (`2025`, `二〇二五`) or by its last two digits
/// (`25`, `二五`): its value as written, and whether it has two digits.
fn written_year(y: &str) -> Option<(i32, bool)> {
    let digits: String = y
        .trim_matches(is_space)
        .chars()
        .map(|c| match ascii_digit(c) {
            d @ '0'..='9' => Some(d),
            c => crate::numerals::digit(c).and_then(|d| char::from_digit(d, 10)),
        })
        .collect::<Option<String>>()?;
    match digits.len() {
        4 => Some((digits.parse().ok()?, false)),
        2 => Some((digits.parse().ok()?, true)),
        _ => None,
    }
}

/// A full-width digit as its ASCII one; any other character as it is.
fn ascii_digit(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        c => c,
    }
}

/// A whole-line date given in full: `2025年2月18日`, `二〇二五年二月十八日`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    written_date(text)?.full()
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
            crate::layout::OWNER_LABEL,
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

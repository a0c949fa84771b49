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
    /// The year was written with two digits: which century it is in is
    /// decided with the plan's year.
    pub two_digit_year: bool,
    /// The month, 1 to 12.
    pub month: u32,
    /// The day, 1 to 31, where the line gives one; whether the month has
    /// it is checked by [`WrittenDate::full`].
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

/// A day without its year: (month, day).
type Day = (u32, u32);

/// The day and the person an item names, as unionplan writes them after
/// it (`（3月8日，负责：女工委员）`), in a group of their own each
/// (`（11月15日）（负责：体育组）`, as a table's cells give them), before the
/// item's stop (`端午节慰问教职工（5月31日）。`). Returns (text, day, owner);
/// the text is the item as written when it names neither.
///
/// Only one day is a date: `9月10日前` and `3月上旬` stay text, since the
/// spec's date would drop the 前 and a 上旬 is no day. A day in the words
/// (`4月23日：读书分享会`) stays there too: as a date it would be written
/// after them, and the item would no longer read as the plan wrote it.
pub fn item_details(text: &str) -> (String, Option<Day>, Option<String>) {
    let whole = || (text.to_string(), None, None);
    let t = text.trim_matches(is_space);
    let (mut day, mut owner) = (None, None);
    // The details come after the text where unionplan writes them, so the
    // stop after them goes with them.
    let mut rest = t
        .trim_end_matches(['。', '；', ';'])
        .trim_end_matches(is_space);
    while let Some((before, inner)) = last_group(rest) {
        let Some((d, o)) = group_details(inner) else {
            break;
        };
        if (d.is_some() && day.is_some()) || (o.is_some() && owner.is_some()) {
            break;
        }
        day = day.or(d);
        owner = owner.or(o);
        rest = before.trim_end_matches(is_space);
    }
    if (day.is_none() && owner.is_none()) || rest.is_empty() {
        return whole();
    }
    (rest.to_string(), day, owner)
}

/// The last bracketed group of `s`, when `s` ends with it: the text before
/// it and the words inside.
fn last_group(s: &str) -> Option<(&str, &str)> {
    let body = s.strip_suffix('）').or_else(|| s.strip_suffix(')'))?;
    let open = body.rfind(['（', '('])?;
    let inner = &body[open + body[open..].chars().next().map_or(1, char::len_utf8)..];
    Some((&body[..open], inner))
}

/// An item that ends with its day in brackets, `气排球比赛（11月15日）`: the
/// text before them and the day's words, so that a table's other details
/// can join them in one group, as unionplan writes them.
pub fn trailing_day(item: &str) -> Option<(&str, &str)> {
    let (before, inner) = last_group(item.trim_end_matches(is_space))?;
    one_day(inner.trim_matches(is_space))?;
    Some((
        before.trim_end_matches(is_space),
        inner.trim_matches(is_space),
    ))
}

/// The day and the person in one bracketed group, each optional; None
/// when the group says anything else (`（待定）`, `（9月10日前）`).
fn group_details(inner: &str) -> Option<(Option<Day>, Option<String>)> {
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
        } else {
            day = Some(one_day(part)?);
        }
    }
    Some((day, owner))
}

/// `5月31日`, `5月31号`, in ASCII or full-width digits, and nothing else.
fn one_day(s: &str) -> Option<Day> {
    let (day, len) = day_prefix(s)?;
    (len == s.len()).then_some(day)
}

/// A day at the start of `s`: (month, day) and the bytes it takes.
fn day_prefix(s: &str) -> Option<(Day, usize)> {
    let number = |s: &str| -> Option<(u32, usize)> {
        let len: usize = s
            .chars()
            .take_while(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
            .map(char::len_utf8)
            .sum();
        if len == 0 || s[..len].chars().count() > 2 {
            return None;
        }
        let ascii: String = s[..len].chars().map(ascii_digit).collect();
        Some((ascii.parse().ok()?, len))
    };
    let (m, a) = number(s)?;
    let rest = s[a..].strip_prefix('月')?;
    let (d, b) = number(rest)?;
    let unit = rest[b..]
        .chars()
        .next()
        .filter(|c| matches!(c, '日' | '号'))?;
    let len = a + '月'.len_utf8() + b + unit.len_utf8();
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some(((m, d), len))
}

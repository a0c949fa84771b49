//! The details of one line: a date, a title split from its text, an
//! item's date and owner.

use chrono::NaiveDate;

use super::*;
use crate::import::marker::is_space;

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
            crate::numerals::parse_prefix(s)
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

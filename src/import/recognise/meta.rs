//! The title's school, year and period.

use crate::import::marker::is_space;
use crate::spec::Period;
use crate::spec::fields::YEARS;

pub(super) fn has_year(text: &str) -> bool {
    year_in(text).is_some()
}

/// A year in a title: `2017`, `二〇二五`; `20xx` and `20__` are
/// placeholders (Some(None)).
pub fn year_in(text: &str) -> Option<Option<i32>> {
    let chars: Vec<char> = text.chars().collect();
    for w in chars.windows(4) {
        let s: String = w.iter().collect();
        if s.starts_with("19") || s.starts_with("20") {
            // A year a spec can hold: `1930` is not a plan's.
            if let Ok(y) = s.parse::<i32>() {
                if YEARS.contains(&i64::from(y)) {
                    return Some(Some(y));
                }
                continue;
            }
            // 20xx, 201_: digits, then blanks to the end.
            let digits = w.iter().take_while(|c| c.is_ascii_digit()).count();
            if digits < 4 && w[digits..].iter().all(|c| BLANK.contains(c)) {
                return Some(None);
            }
        }
        let zh = crate::numerals::digits_to_arabic(&s).unwrap_or_default();
        if zh.len() == 4 && (zh.starts_with("19") || zh.starts_with("20")) {
            if let Some(y) = zh
                .parse::<i32>()
                .ok()
                .filter(|y| YEARS.contains(&i64::from(*y)))
            {
                return Some(Some(y));
            }
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

const BLANK: &[char] = &['x', 'X', '_', '×', '*', '＿'];

/// A year a page blanked out, `20xx年`, `201_年`, `xxxx年`, `20××学年`: each
/// one's byte range (without the 年) and whether it ends a span
/// (`2025—20xx学年`, the year after).
pub fn blank_years(text: &str) -> Vec<(std::ops::Range<usize>, bool)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i + 4 < chars.len() {
        let w: Vec<char> = chars[i..i + 4].iter().map(|(_, c)| *c).collect();
        let digits = w.iter().take_while(|c| c.is_ascii_digit()).count();
        let before = i.checked_sub(1).map(|j| chars[j].1);
        let is_year = matches!(chars[i + 4].1, '年' | '学')
            && (chars[i + 4].1 == '年' || chars.get(i + 5).is_some_and(|(_, c)| *c == '年'))
            && digits < 4
            && w[digits..].iter().all(|c| BLANK.contains(c))
            && ["", "1", "2", "19", "20", "201", "202", "199"]
                .contains(&&*w[..digits].iter().collect::<String>())
            && !before.is_some_and(|b| b.is_ascii_alphanumeric() || BLANK.contains(&b));
        if is_year {
            let end = chars[i + 4].0;
            let span = before.is_some_and(|b| "—-－~～至".contains(b));
            found.push((chars[i].0..end, span));
            i += 5;
        } else {
            i += 1;
        }
    }
    found
}

/// Does a title look run together by the page it came from? A number that
/// is not a year, a month or a term's (`2025、2`, `委员会2025、2工会`) is
/// what a page leaves when it mangles `2025、2026学年` or a date.
pub fn garbled_title(title: &str) -> bool {
    let chars: Vec<char> = title.chars().collect();
    let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let mut i = 0;
    while i < chars.len() {
        if !digit(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && digit(chars[i]) {
            i += 1;
        }
        let len = i - start;
        let before = start.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i).copied();
        let ok = if after.is_some_and(|c| BLANK.contains(&c)) {
            // `20xx年`: a blanked year, noted as one.
            true
        } else if len == 4 {
            // A year: what follows it is 年, a term's words, a span's dash,
            // or the rest of the title; not a list (`2025、2`).
            !(after.is_some_and(|c| "、，,.．/".contains(c))
                && chars.get(i + 1).is_some_and(|&c| digit(c)))
        } else {
            before == Some('第') || after.is_some_and(|c| "年月日号学期季届次".contains(c))
        };
        if !ok {
            return true;
        }
    }
    false
}

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
            if w[2..]
                .iter()
                .all(|c| matches!(c, 'x' | 'X' | '_' | '×' | '*' | '＿'))
            {
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

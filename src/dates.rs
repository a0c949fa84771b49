//! Dates as a spec writes them: `2025-03-08`, `2025/3/8`, `2025.3.8` or
//! `2025年3月8日`, in one lexer. Validation reads them with [`parse`];
//! `rollover` moves them with [`lex`], which says where the year, month and
//! day are, so it can rewrite the year and keep the rest as typed; the JSON
//! Schema gives editors the same forms as [`PATTERN`].

use chrono::NaiveDate;

/// What separates the parts of a date.
const SEPARATORS: [char; 6] = ['-', '/', '.', '年', '月', '日'];

/// The same forms as a regular expression, for the JSON Schema.
pub const PATTERN: &str = "^\\s*\\d{4}\\s*[-/.年]\\s*\\d{1,2}\\s*[-/.月]\\s*\\d{1,2}\\s*日?\\s*$";

/// A day without its year ([`month_day`]), as a regular expression.
pub const DAY_PATTERN: &str = "^\\s*\\d{1,2}\\s*[月./]\\s*\\d{1,2}\\s*[日号]?\\s*$";

/// A month of a year ([`year_month`]), as a regular expression: a 落款
/// may give only the month.
pub const YEAR_MONTH_PATTERN: &str = "^\\s*\\d{4}\\s*[-/.年]\\s*\\d{1,2}\\s*月?\\s*$";

/// One or more months as a text ([`months`]), as a regular expression.
pub const MONTHS_PATTERN: &str = "^\\s*(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*月?份?(\\s*[-—－~～至到、,，]\\s*(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*月?份?)*\\s*$";

/// The byte ranges of year, month and day in `s`: three runs of up to
/// four ASCII digits between separators, and nothing else but spaces at
/// either end.
pub fn lex(s: &str) -> Option<[(usize, usize); 3]> {
    let start = s.len() - s.trim_start().len();
    let t = s.trim();
    let mut runs = Vec::with_capacity(3);
    let mut from = 0;
    for (i, c) in t.char_indices().chain(std::iter::once((t.len(), '-'))) {
        if !SEPARATORS.contains(&c) {
            continue;
        }
        let part = &t[from..i];
        if !part.is_empty() {
            if part.len() > 4 || !part.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            runs.push((start + from, start + i));
        }
        from = i + c.len_utf8();
    }
    runs.try_into().ok()
}

/// A date read from a spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Parsed {
    Date(NaiveDate),
    /// A real month and day that this year lacks: 29 February 2025.
    Impossible,
    Unreadable,
}

/// A date as people write it, made into the forms [`lex`] reads: full-width
/// digits (`２０２６年３月８日`) as digits, the 公文 way of writing a date
/// in Chinese numerals (`二〇二六年三月八日`) in digits, `号` as `日`, and a
/// weekday after it (`3月8日（星期日）`) taken off: [`weekday_written`]
/// gives it, to be checked against the date.
pub fn normalise(s: &str) -> std::borrow::Cow<'_, str> {
    let t = strip_weekday(s).0;
    let plain = t.chars().all(|c| c.is_ascii() || SEPARATORS.contains(&c));
    if plain && t.len() == s.len() {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out: String = t
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '号' => '日',
            '．' => '.',
            '／' => '/',
            '－' => '-',
            _ => c,
        })
        .collect();
    // 二〇二六年三月八日: the year digit by digit, month and day as numbers.
    if out.contains('年') || out.contains('月') {
        let digit = |c: char| {
            "〇一二三四五六七八九"
                .chars()
                .position(|d| d == c)
                .or((c == '零').then_some(0))
        };
        let mut converted = String::new();
        let mut run = String::new();
        let flush = |run: &mut String, converted: &mut String, sep: char| -> bool {
            if run.is_empty() {
                return true;
            }
            let text = if sep == '年' {
                run.chars()
                    .map(|c| digit(c).map(|d| char::from(b'0' + d as u8)))
                    .collect::<Option<String>>()
            } else {
                match crate::numerals::parse_prefix(run) {
                    Some((n, len)) if len == run.len() => Some(n.to_string()),
                    _ => None,
                }
            };
            match text {
                Some(t) => {
                    converted.push_str(&t);
                    run.clear();
                    true
                }
                None => false,
            }
        };
        let mut ok = true;
        for c in out.chars() {
            if digit(c).is_some() || c == '十' {
                run.push(c);
            } else {
                if matches!(c, '年' | '月' | '日') {
                    ok &= flush(&mut run, &mut converted, c);
                } else {
                    converted.push_str(&run);
                    run.clear();
                }
                converted.push(c);
            }
        }
        converted.push_str(&run);
        if ok {
            out = converted;
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The text without a weekday at its end (`（星期日）`, `(周日)`,
/// `星期日`), and that weekday.
fn strip_weekday(s: &str) -> (&str, Option<chrono::Weekday>) {
    let t = s.trim_end();
    let t2 = t
        .strip_suffix(['）', ')'])
        .and_then(|x| x.rfind(['（', '(']).map(|i| &x[..i]).zip(Some(x)));
    let (before, inner) = match t2 {
        Some((before, x)) => (before, &x[before.len()..]),
        None => (t, t),
    };
    let inner = inner.trim_start_matches(['（', '(']);
    for prefix in ["星期", "礼拜", "周"] {
        let at = if before.len() == t.len() {
            inner.rfind(prefix)
        } else {
            inner.find(prefix)
        };
        let Some(at) = at else { continue };
        let name = &inner[at + prefix.len()..];
        let day = match name {
            "一" => chrono::Weekday::Mon,
            "二" => chrono::Weekday::Tue,
            "三" => chrono::Weekday::Wed,
            "四" => chrono::Weekday::Thu,
            "五" => chrono::Weekday::Fri,
            "六" => chrono::Weekday::Sat,
            "日" | "天" => chrono::Weekday::Sun,
            _ => continue,
        };
        let head = if before.len() == t.len() {
            &t[..at]
        } else {
            before
        };
        if head.trim().is_empty() {
            return (s, None);
        }
        return (head.trim_end(), Some(day));
    }
    (s, None)
}

/// `date` written the way `token` writes its date, for a form [`lex`]
/// does not read (rollover rewrites the others in place): in Chinese
/// numerals as 公文 write dates (`二〇二六年三月十二日`), in full-width
/// digits, with `号`, and with the weekday after it written anew.
pub fn write_like(token: &str, date: NaiveDate) -> Option<String> {
    use chrono::Datelike;
    let (body, weekday) = strip_weekday(token);
    if !matches!(parse(body), Parsed::Date(_)) {
        return None;
    }
    let chinese = body.contains(['〇', '零'])
        || body.contains("年")
            && !body.contains(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c));
    let full_width = body.contains(|c: char| ('０'..='９').contains(&c));
    let day_word = if body.trim_end().ends_with('号') {
        "号"
    } else {
        "日"
    };
    let mut out = if chinese {
        let year: String = date
            .year()
            .to_string()
            .chars()
            .filter_map(|c| c.to_digit(10))
            .map(|d| {
                "〇一二三四五六七八九"
                    .chars()
                    .nth(d as usize)
                    .unwrap_or('〇')
            })
            .collect();
        format!(
            "{year}年{}月{}{day_word}",
            crate::numerals::to_chinese(date.month()),
            crate::numerals::to_chinese(date.day())
        )
    } else {
        let plain = format!(
            "{}年{}月{}{day_word}",
            date.year(),
            date.month(),
            date.day()
        );
        if full_width {
            plain
                .chars()
                .map(|c| match c.to_digit(10) {
                    Some(d) => char::from_u32('０' as u32 + d).unwrap_or(c),
                    None => c,
                })
                .collect()
        } else {
            plain
        }
    };
    if weekday.is_some() {
        let name = crate::messages::weekday_name(date.weekday());
        let (open, close) = if token.contains('(') {
            ("(", ")")
        } else {
            ("（", "）")
        };
        out.push_str(&format!("{open}{name}{close}"));
    }
    let lead = &token[..token.len() - token.trim_start().len()];
    Some(format!("{lead}{out}"))
}

/// The weekday written after a date (`3月8日（星期日）`), if any.
pub fn weekday_written(s: &str) -> Option<chrono::Weekday> {
    strip_weekday(s).1
}

pub fn parse(s: &str) -> Parsed {
    let s = &*normalise(s);
    let Some(runs) = lex(s) else {
        return Parsed::Unreadable;
    };
    let [y, m, d] = runs.map(|(a, b)| s[a..b].parse::<u32>().unwrap_or(0));
    if y < 1000 {
        return Parsed::Unreadable;
    }
    match NaiveDate::from_ymd_opt(y as i32, m, d) {
        Some(date) => Parsed::Date(date),
        None if (1..=12).contains(&m) && (1..=31).contains(&d) => Parsed::Impossible,
        None => Parsed::Unreadable,
    }
}

/// A month as people write it: `3`, `3月`, `03`, `三月`, `三月份`, `十一月`.
pub fn month(s: &str) -> Option<u32> {
    let s = &*normalise(s);
    let t = s.trim();
    let t = t.strip_suffix("份").unwrap_or(t);
    let t = t.strip_suffix('月').unwrap_or(t).trim();
    let n = if t.bytes().all(|b| b.is_ascii_digit()) && (1..=2).contains(&t.len()) {
        t.parse().ok()?
    } else {
        match crate::numerals::parse_prefix(t) {
            Some((n, len)) if len == t.len() => n,
            _ => return None,
        }
    };
    (1..=12).contains(&n).then_some(n)
}

/// Months as people write them: one month, or several: `7-8月`,
/// `7月—8月`, `7至8月` (a range), `七、八月`, `7月、8月` (a list).
pub fn months(s: &str) -> Option<Vec<u32>> {
    let t = s.trim();
    if let Some(m) = month(t) {
        return Some(vec![m]);
    }
    // The last part may carry the 月 for all: `七、八月`.
    let last_has_month = t.ends_with('月') || t.ends_with("月份");
    let part = |p: &str| {
        let p = p.trim();
        month(p).or_else(|| (last_has_month && !p.is_empty()).then(|| month(&format!("{p}月")))?)
    };
    for sep in ["-", "—", "－", "~", "～", "至", "到"] {
        if let Some((a, b)) = t.split_once(sep) {
            let (a, b) = (part(a)?, part(b)?);
            return (a < b).then(|| (a..=b).collect());
        }
    }
    let list: Option<Vec<u32>> = t.split(['、', ',', '，']).map(part).collect();
    list.filter(|l| l.len() > 1)
}

/// A day written without its year: `3月8日`, `3月8号`, `3.8`, `3/8`.
/// (month, day), not yet checked against a calendar.
pub fn month_day(s: &str) -> Option<(u32, u32)> {
    let s = &*normalise(s);
    let t = s.trim();
    let t = t
        .strip_suffix('日')
        .or_else(|| t.strip_suffix('号'))
        .unwrap_or(t);
    let (m, d) = t
        .split_once('月')
        .or_else(|| t.split_once('.'))
        .or_else(|| t.split_once('/'))?;
    let number = |p: &str| {
        let p = p.trim();
        ((1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())?
    };
    let (m, d) = (number(m)?, number(d)?);
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((m, d))
}

/// A month of a year, as a 落款 may give it: `2025年2月`, `2025-02`,
/// `2025.2`, `2025/2`. (year, month).
pub fn year_month(s: &str) -> Option<(i32, u32)> {
    let s = &*normalise(s);
    let t = s.trim();
    let t = t.strip_suffix('月').unwrap_or(t);
    let (y, m) = t
        .split_once('年')
        .or_else(|| t.split_once('-'))
        .or_else(|| t.split_once('.'))
        .or_else(|| t.split_once('/'))?;
    let (y, m) = (y.trim(), m.trim());
    if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if m.is_empty() || m.len() > 2 || !m.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (y, m) = (y.parse().ok()?, m.parse().ok()?);
    (1..=12).contains(&m).then_some((y, m))
}

/// A day as the plan prints it: Arabic numerals, no zero padding
/// (`2025年3月1日`), as GB/T 9704 writes the 成文日期.
pub fn chinese_date(d: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_forms_teachers_write() {
        let march_8 = NaiveDate::from_ymd_opt(2025, 3, 8).unwrap();
        for s in [
            "2025-03-08",
            "2025/3/8",
            "2025.3.8",
            "2025年3月8日",
            " 2025-3-8 ",
            "2025年3月8号",
            "二〇二五年三月八日",
            "二零二五年三月八日",
            "２０２５年３月８日",
            "2025年3月8日（星期六）",
            "2025-03-08 (周六)",
        ] {
            assert_eq!(parse(s), Parsed::Date(march_8), "{s}");
        }
        assert_eq!(
            parse("二〇二五年十二月三十一日"),
            Parsed::Date(NaiveDate::from_ymd_opt(2025, 12, 31).unwrap())
        );
        assert_eq!(month_day("3月8日（星期日）"), Some((3, 8)));
        assert_eq!(month_day("三月八日"), Some((3, 8)));
        assert_eq!(month("１０"), Some(10));
        assert_eq!(month("十一月"), Some(11));
        assert_eq!(year_month("二〇二五年二月"), Some((2025, 2)));
        assert_eq!(
            weekday_written("3月8日（星期日）"),
            Some(chrono::Weekday::Sun)
        );
        assert_eq!(weekday_written("2025年3月8日"), None);
        assert_eq!(
            weekday_written("星期日"),
            None,
            "a weekday alone is no date"
        );
        assert_eq!(parse("2025-02-29"), Parsed::Impossible);
        assert!(matches!(parse("2024-02-29"), Parsed::Date(_)));
        assert_eq!(parse("三月八日"), Parsed::Unreadable);
        assert_eq!(parse("2025-13-01"), Parsed::Unreadable);
        assert_eq!(parse("25-3-8"), Parsed::Unreadable);
        assert_eq!(parse("2025-3"), Parsed::Unreadable);
    }

    #[test]
    fn the_lexer_says_where_each_part_is() {
        let s = " 2025年3月08日";
        let [y, m, d] = lex(s).unwrap();
        assert_eq!(
            (&s[y.0..y.1], &s[m.0..m.1], &s[d.0..d.1]),
            ("2025", "3", "08")
        );
    }

    #[test]
    fn months_as_people_write_them() {
        for (s, want) in [
            ("3", vec![3]),
            ("3月", vec![3]),
            ("十一月", vec![11]),
            ("三月份", vec![3]),
            ("12月", vec![12]),
            ("7-8月", vec![7, 8]),
            ("7月—8月", vec![7, 8]),
            ("七、八月", vec![7, 8]),
            ("7月、8月", vec![7, 8]),
            ("9至11月", vec![9, 10, 11]),
        ] {
            assert_eq!(months(s), Some(want), "{s}");
        }
        for s in ["13月", "0", "八九月", "8-7月", "三月八日", "", "月"] {
            assert_eq!(months(s), None, "{s}");
        }
    }

    #[test]
    fn months_of_a_year() {
        for s in ["2025年2月", "2025-02", "2025.2", "2025/2", " 2025年 2月 "] {
            assert_eq!(year_month(s), Some((2025, 2)), "{s}");
        }
        for s in [
            "2025年13月",
            "25年2月",
            "2025年2月8日",
            "2025",
            "2025-02-08",
        ] {
            assert_eq!(year_month(s), None, "{s}");
        }
    }

    #[test]
    fn days_without_a_year() {
        for s in [
            "3月8日",
            "3月8号",
            "3.8",
            "3/8",
            " 03/08 ",
            "三月八日",
            "３月８日",
        ] {
            assert_eq!(month_day(s), Some((3, 8)), "{s}");
        }
        for s in ["2025-03-08", "3月", "13/1", "3.", "三月八"] {
            assert_eq!(month_day(s), None, "{s}");
        }
        let march_8 = NaiveDate::from_ymd_opt(2025, 3, 8).unwrap();
        assert_eq!(chinese_date(march_8), "2025年3月8日");
        let d = NaiveDate::from_ymd_opt(2025, 3, 1).unwrap();
        assert_eq!(chinese_date(d), "2025年3月1日");
    }
}

//! The numbering, month headings and section names of plans as people type
//! them: `一、` `（一）` `(一)` `1、` `1.` `1．` `（1）` `①`, `二月：` `三月份`
//! `3月份:` `七、八月` `7月8月份` `一月份工作：`, `指导思想` `工作安排` ….
//!
//! Everything here looks at the start of a string and says how many bytes
//! the marker takes, so the recogniser can try it at any position.

use crate::numerals::parse_prefix;

/// A numbering family. `1、`, `1.` and `1．` are one family: plans mix them
/// within one list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    /// 一、 一． 一。
    Zh,
    /// （一） (一)
    ZhParen,
    /// 1、 1. 1．
    Num,
    /// （1） (1) 1）
    NumParen,
    /// ① ②
    Circled,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Marker {
    pub style: Family,
    pub n: u32,
    /// Bytes taken, with the spaces after it.
    pub len: usize,
    /// The separator after a bare number: `、`, `.`, `．` or `。`.
    pub sep: Option<char>,
}

/// ASCII or full-width digits, up to `max` of them: (value, bytes).
fn digits(s: &str, max: usize) -> Option<(u32, usize)> {
    let mut value = 0u32;
    let mut end = 0;
    for (count, (i, c)) in s.char_indices().enumerate() {
        let d = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '０'..='９' => c as u32 - '０' as u32,
            _ => break,
        };
        if count == max {
            return None;
        }
        value = value * 10 + d;
        end = i + c.len_utf8();
    }
    (end > 0).then_some((value, end))
}

/// A number in either script.
fn number(s: &str) -> Option<(u32, usize)> {
    digits(s, 2).or_else(|| parse_prefix(s))
}

pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}'
}

fn skip_spaces(s: &str, from: usize) -> usize {
    from + s[from..].len() - s[from..].trim_start_matches(is_space).len()
}

fn first(s: &str) -> Option<char> {
    s.chars().next()
}

/// A numbering marker at the start of `s`.
///
/// `strict` is for a marker in the middle of running text: there a number
/// directly followed by a digit (`3、8妇女节`) is a date, not a marker.
pub fn numbering(s: &str, strict: bool) -> Option<Marker> {
    let done = |style, n, end: usize, sep| {
        Some(Marker {
            style,
            n,
            len: skip_spaces(s, end),
            sep,
        })
    };
    let c = first(s)?;
    if let Some(i) = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳".chars().position(|d| d == c)
    {
        return done(Family::Circled, i as u32 + 1, c.len_utf8(), None);
    }
    if c == '（' || c == '(' {
        let open = c.len_utf8();
        let (n, len, style) = match digits(&s[open..], 2) {
            Some((n, len)) => (n, len, Family::NumParen),
            None => {
                let (n, len) = parse_prefix(&s[open..])?;
                (n, len, Family::ZhParen)
            }
        };
        let close = first(&s[open + len..])?;
        if close != '）' && close != ')' {
            return None;
        }
        let mut end = open + len + close.len_utf8();
        if let Some(c @ ('、' | '.' | '．')) = first(&s[end..]) {
            end += c.len_utf8();
        }
        return done(style, n, end, None);
    }
    if let Some((n, len)) = digits(s, 2) {
        let is_digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
        // `1 .参加比赛`: pages that typeset their numbers put a space before
        // the point, and it is the number still, whatever follows
        // (`3 .3月上旬`): no decimal is written with a space before its
        // point. Not `1 . 5`, spaced on both sides.
        let gap = skip_spaces(s, len);
        if gap > len {
            let sep = first(&s[gap..])?;
            let after = &s[gap + sep.len_utf8()..];
            let spaced_number = after.starts_with(is_space)
                && first(after.trim_start_matches(is_space)).is_some_and(is_digit);
            let date = strict && sep == '、' && first(after).is_some_and(is_digit);
            return match sep {
                '.' | '．' | '、' if !spaced_number && !date => {
                    done(Family::Num, n, gap + sep.len_utf8(), Some(sep))
                }
                _ => None,
            };
        }
        let sep = first(&s[len..])?;
        let after = &s[len + sep.len_utf8()..];
        let digit_after = first(after).is_some_and(is_digit);
        return match sep {
            ')' | '）' => done(Family::NumParen, n, len + sep.len_utf8(), None),
            // `3.5%` and `1.2.3` are numbers.
            '.' | '．' if !digit_after => done(Family::Num, n, len + sep.len_utf8(), Some(sep)),
            '、' if !(strict && digit_after) => {
                done(Family::Num, n, len + sep.len_utf8(), Some(sep))
            }
            _ => None,
        };
    }
    let (n, len) = parse_prefix(s)?;
    let sep = first(&s[len..])?;
    if !matches!(sep, '、' | '.' | '．' | '。') {
        return None;
    }
    // `七、八月` is two months, not section 七.
    if sep == '、' && month(s).is_some() {
        return None;
    }
    done(Family::Zh, n, len + sep.len_utf8(), Some(sep))
}

/// A month heading: `二月`, `三月份：`, `3月份:`, `七、八月`, `7月8月份`,
/// `9—10月`, `一月份工作：`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Month {
    pub months: Vec<u32>,
    /// Bytes taken, with the colon and spaces after it.
    pub len: usize,
    /// Written with a colon, or with 份: surely a heading.
    pub colon: bool,
    pub fen: bool,
}

/// Numbers joined by `、` or a dash and then 月 (份): `七、八月`, `9—10月份`.
/// The numbers are in one script and rise: `2、二月` is an item number
/// and a month.
fn month_group(s: &str) -> Option<(Vec<u32>, usize, bool)> {
    let mut months: Vec<u32> = Vec::new();
    let mut at = 0;
    let mut range = false;
    let mut arabic = None;
    loop {
        let is_arabic = digits(&s[at..], 2).is_some();
        if *arabic.get_or_insert(is_arabic) != is_arabic {
            return None;
        }
        let (n, len) = number(&s[at..])?;
        if months.last().is_some_and(|&last| n <= last) {
            return None;
        }
        if !(1..=12).contains(&n) {
            return None;
        }
        at += len;
        if range {
            let from = *months.last()?;
            if n <= from {
                return None;
            }
            months.extend(from + 1..=n);
            range = false;
        } else {
            months.push(n);
        }
        match first(&s[at..]) {
            Some('月') => {
                at += '月'.len_utf8();
                let fen = s[at..].starts_with('份');
                if fen {
                    at += '份'.len_utf8();
                }
                return Some((months, at, fen));
            }
            Some(c @ ('、' | '，' | ',')) => at += c.len_utf8(),
            Some(c @ ('-' | '—' | '－' | '~' | '～' | '至' | '到')) => {
                at += c.len_utf8();
                if s[at..].starts_with('—') {
                    at += '—'.len_utf8();
                }
                range = true;
            }
            _ => return None,
        }
    }
}

pub fn month(s: &str) -> Option<Month> {
    let (mut months, mut at, mut fen) = month_group(s)?;
    // `7月8月份`, `7月、8月`: more months.
    loop {
        let more = s[at..]
            .strip_prefix('、')
            .map_or(at, |_| at + '、'.len_utf8());
        match month_group(&s[more..]) {
            Some((m, len, f)) => {
                months.extend(m);
                at = more + len;
                fen |= f;
            }
            None => break,
        }
    }
    // `3月8日` is a date; `3月5号` too.
    if !fen && number(&s[at..]).is_some_and(|(_, l)| s[at + l..].starts_with(['日', '号'])) {
        return None;
    }
    let mut end = at;
    for word in ["工作安排", "工作", "安排", "活动"] {
        if let Some(rest) = s[end..].strip_prefix(word) {
            if rest.starts_with([':', '：']) || rest.trim_start_matches(is_space).is_empty() {
                end += word.len();
            }
            break;
        }
    }
    let colon = match first(&s[end..]) {
        Some(c @ (':' | '：')) => {
            end += c.len_utf8();
            true
        }
        _ => false,
    };
    months.sort_unstable();
    months.dedup();
    Some(Month {
        months,
        len: skip_spaces(s, end),
        colon,
        fen,
    })
}

/// What a section of a plan is, from its heading's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Guiding,
    Goals,
    /// A heading over the measures: 主要工作, 工作要点 ….
    Measures,
    Schedule,
}

/// The words of each kind, most specific first: 具体工作安排 is a schedule
/// before it is 具体工作.
const KEYWORDS: &[(Section, &[&str])] = &[
    (
        Section::Schedule,
        &[
            "工作安排",
            "活动安排",
            "行事历",
            "工作日程",
            "日程安排",
            "工作进度",
            "具体安排",
            "月份安排",
            "逐月安排",
            "活动计划",
            "工作安排表",
            "活动安排表",
            "安排表",
        ],
    ),
    (
        Section::Guiding,
        &[
            "指导思想",
            "总体要求",
            "总体思路",
            "工作思路",
            "指导原则",
            "总要求",
        ],
    ),
    (
        Section::Goals,
        &["工作目标", "总体目标", "目标任务", "奋斗目标", "主要目标"],
    ),
    (
        Section::Measures,
        &[
            "主要工作",
            "具体工作",
            "工作要点",
            "具体措施",
            "工作任务",
            "工作重点",
            "主要措施",
            "工作措施",
            "重点工作",
            "工作内容",
            "主要任务",
            "重点任务",
            "主要内容",
        ],
    ),
];

/// A section heading at the start of `s`: `指导思想`, `三、具体工作安排：`,
/// `20xx年我院工会工作总的指导思想：`. Returns the kind, the heading's words
/// (without numbering and colon) and the bytes taken (0 after a lead-in).
///
/// The words must end the heading (a colon, the end of `s`, or numbering
/// after it); before them at most a short qualifier (`具体`, `本学期`), except
/// for 指导思想 followed by a colon, which plans often lead in to.
pub fn section(s: &str) -> Option<(Section, &str, usize)> {
    let window: usize = s.char_indices().nth(24).map_or(s.len(), |(i, _)| i);
    let mut found: Vec<(usize, Section, &str)> = Vec::new();
    for (kind, words) in KEYWORDS {
        for w in *words {
            if let Some(p) = s[..window].find(w) {
                found.push((p, *kind, w));
            }
        }
    }
    // Leftmost first; 具体工作 in 具体工作安排 fails (安排 follows it) and
    // 工作安排 is taken.
    found.sort_by_key(|(p, ..)| *p);
    found
        .into_iter()
        .find_map(|(p, kind, word)| heading_at(s, p, kind, word))
}

fn heading_at<'s>(
    s: &'s str,
    p: usize,
    kind: Section,
    word: &str,
) -> Option<(Section, &'s str, usize)> {
    let prefix = &s[..p];
    // A prefix with punctuation is a sentence, or numbering the caller reads.
    if prefix.contains([
        '。', '，', ',', '；', ';', '：', ':', '！', '？', '、', '（', '(', '）', ')', '.', '．',
    ]) {
        return None;
    }
    let mut end = p + word.len();
    for tail in ["是", "为"] {
        if s[end..].starts_with(tail) && s[end + tail.len()..].starts_with([':', '：']) {
            end += tail.len();
        }
    }
    let colon = match first(&s[end..]) {
        Some(c @ (':' | '：')) => {
            end += c.len_utf8();
            true
        }
        _ => false,
    };
    let rest = s[end..].trim_start_matches(is_space);
    let short_prefix = prefix.chars().count() <= 3;
    let ends_heading = colon
        || rest.is_empty()
        || (short_prefix
            && (numbering(rest, false).is_some()
                || month(rest).is_some()
                || rest.starts_with(['。', '.'])));
    let long_lead_ok = kind == Section::Guiding && colon && prefix.chars().count() <= 20;
    // `2012年工会工作行事历`, `松林小学本学期工作安排表`: a schedule's heading
    // often names the year, the term or the union before its word. The
    // whole line is then the heading, and it is taken whole.
    let schedule_heading = kind == Section::Schedule
        && prefix.chars().count() <= 20
        && ["年", "学期", "工会"].iter().any(|w| prefix.contains(w))
        && (colon || rest.is_empty() || month(rest).is_some());
    if schedule_heading && !short_prefix {
        return Some((kind, &s[..p + word.len()], skip_spaces(s, end)));
    }
    if !(ends_heading && (short_prefix || long_lead_ok)) {
        return None;
    }
    if let Some(stop @ ('。' | '.')) = first(rest) {
        end = s.len() - rest.len() + stop.len_utf8();
    }
    // The heading's own words: 具体工作安排 with its qualifier, but not a
    // lead-in such as 20xx年我院工会工作总的.
    // After a lead-in the heading is part of the first sentence, which
    // stays text: the length taken is 0.
    if !short_prefix {
        return Some((kind, &s[p..p + word.len()], 0));
    }
    Some((kind, &s[..p + word.len()], skip_spaces(s, end)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals() {
        assert_eq!(parse_prefix("一、"), Some((1, 3)));
        assert_eq!(parse_prefix("十、"), Some((10, 3)));
        assert_eq!(parse_prefix("十二月"), Some((12, 6)));
        assert_eq!(parse_prefix("二十三"), Some((23, 9)));
        assert_eq!(parse_prefix("是"), None);
    }

    #[test]
    fn numbering_of_every_family() {
        let style = |s: &str| numbering(s, false).map(|m| (m.style, m.n));
        assert_eq!(style("一、指导思想"), Some((Family::Zh, 1)));
        assert_eq!(style("十二．其他"), Some((Family::Zh, 12)));
        assert_eq!(style("一。依法维护"), Some((Family::Zh, 1)));
        assert_eq!(style("（三）加强"), Some((Family::ZhParen, 3)));
        assert_eq!(style("(二)、加强"), Some((Family::ZhParen, 2)));
        assert_eq!(style("1、制定"), Some((Family::Num, 1)));
        assert_eq!(style("2.认真"), Some((Family::Num, 2)));
        assert_eq!(style("3．开展"), Some((Family::Num, 3)));
        assert_eq!(style("（1）会前"), Some((Family::NumParen, 1)));
        assert_eq!(style("2）会后"), Some((Family::NumParen, 2)));
        assert_eq!(style("②组织"), Some((Family::Circled, 2)));
        assert_eq!(style("3.5%的"), None);
        assert_eq!(style("2025年"), None);
        assert_eq!(style("七、八月：组织"), None);
        assert_eq!(numbering("3、8妇女节", true), None);
        assert_eq!(numbering("1、 制定", false).unwrap().len, "1、 ".len());
        // A space before the point: the number still.
        let m = numbering("1 .参加区教职工乒乓球比赛。", false).unwrap();
        assert_eq!((m.style, m.n, m.len), (Family::Num, 1, "1 .".len()));
        assert_eq!(style("12 ．组织"), Some((Family::Num, 12)));
        assert_eq!(style("1 . 5小时"), None);
        assert_eq!(style("3 .3月上旬"), Some((Family::Num, 3)));
        assert_eq!(style("3 个"), None);
    }

    #[test]
    fn month_headings() {
        let m = |s: &str| month(s).map(|m| (m.months, m.colon));
        assert_eq!(m("二月："), Some((vec![2], true)));
        assert_eq!(m("三月份"), Some((vec![3], false)));
        assert_eq!(m("3月份:1、"), Some((vec![3], true)));
        assert_eq!(m("七、八月："), Some((vec![7, 8], true)));
        assert_eq!(m("7月8月份:"), Some((vec![7, 8], true)));
        assert_eq!(m("9—10月"), Some((vec![9, 10], false)));
        assert_eq!(m("一月份工作：制定"), Some((vec![1], true)));
        assert_eq!(m("3月8日"), None);
        assert_eq!(m("三月八日"), None);
        assert_eq!(m("13月"), None);
        assert_eq!(m("2、二月第2项"), None);
        assert_eq!(m("八、七月"), None);
        assert_eq!(m("二是"), None);
    }

    #[test]
    fn section_headings() {
        fn k(s: &str) -> Option<(Section, &str)> {
            section(s).map(|(k, w, _)| (k, w))
        }
        assert_eq!(k("指导思想"), Some((Section::Guiding, "指导思想")));
        assert_eq!(
            k("具体工作安排："),
            Some((Section::Schedule, "具体工作安排"))
        );
        assert_eq!(
            k("具体活动安排3月份1、"),
            Some((Section::Schedule, "具体活动安排"))
        );
        assert_eq!(k("工作任务：一、以"), Some((Section::Measures, "工作任务")));
        assert_eq!(
            k("20xx年我院工会工作总的指导思想:在上级"),
            Some((Section::Guiding, "指导思想"))
        );
        // A schedule's heading names the year, the term or the union first.
        for heading in [
            "2012年工会工作行事历",
            "松林小学本学期工作安排表",
            "学校工会月份安排：",
            "2025年度工会具体安排",
        ] {
            let (kind, words, len) = section(heading).unwrap();
            assert_eq!(kind, Section::Schedule, "{heading}");
            assert_eq!(words, heading.trim_end_matches('：'), "{heading}");
            assert_eq!(len, heading.len(), "{heading}");
        }
        assert_eq!(k("组织教职工讨论学校工作安排"), None);
        assert_eq!(k("完成年度工作目标，做好"), None);
        assert_eq!(k("认真落实工作安排，做好"), None);
    }
}

//! What is not the plan: web-page furniture, download prompts, watermarks of
//! document-sharing sites, and the copies of a plan a page repeats. Also
//! the splitting of paragraphs that were run together with runs of spaces,
//! the way text copied from a web page or a PDF often comes.
//!
//! The rules are about the words sites use, never about one site: a line
//! is furniture when it is short and speaks of downloading, sharing,
//! pages or site staff — things no union plan talks about.

use super::marker::is_space;

/// Words that mark a line as the site's, not the plan's, however long it is
/// (up to [`STRONG_MAX`] characters).
const STRONG: &[&str] = &[
    "下载",
    "小编",
    "客服",
    "版权",
    "网友",
    "本站",
    "本网",
    "推荐度",
    "收藏",
    "上一篇",
    "下一篇",
    "上一页",
    "下一页",
    "点击",
    "登录",
    "扫码",
    "扫一扫",
    "二维码",
    "公众号",
    "免责声明",
    "侵权",
    "温馨提示",
    "原文链接",
    "转载",
    "更多精彩",
    "相关推荐",
    "相关文章",
    "热门文章",
    "阅读全文",
    "浏览次数",
    "阅读次数",
    "VIP",
    // The blurb a 范文 page opens with (前言导读): `……计划怎么写？下面是
    // 整理的……，希望对大家有所帮助。`
    "导读",
    "怎么写",
    "有所帮助",
    "供大家参考",
    "供大家借鉴",
    "欢迎阅读",
    "欢迎借鉴",
    "为大家整理",
    "为大家带来",
    "给大家分享",
    "为大家分享",
    "一起来看看",
    // Score lines: 打分：★★★★☆
    "打分",
    "★",
    "☆",
];
const STRONG_MAX: usize = 150;

/// Words that mark a short line (up to [`WEAK_MAX`] characters) as the site's.
/// Plain words a plan could use (分享, 阅读) count only as the whole line.
const WEAK: &[&str] = &[
    "文档",
    "范文",
    "页数",
    "大小:",
    "大小：",
    "格式:",
    "格式：",
    "时间:",
    "时间：",
    "ID:",
    "ID：",
    "字号",
    ".doc",
    "分享到",
    "分享赚钱",
    "作者：",
    "作者:",
    "来源：",
    "来源:",
    "发布时间",
];
const UI_WORDS: &[&str] = &[
    "分享",
    "收藏",
    "收起",
    "展开",
    "举报",
    "打印",
    "返回",
    "评论",
    "点赞",
    "关闭",
    "目录",
    "返回顶部",
];
const WEAK_MAX: usize = 24;

/// Phrases document sites stamp into the text itself, sometimes in the
/// middle of a sentence. `，` matches either comma.
const WATERMARKS: &[&str] = &[
    "精编资料，供您参考",
    "精品文档，仅供参考",
    "优质文档，仅供参考",
    "专业资料，仅供参考",
    "仅供学习与交流，如有侵权请联系网站删除",
    "本文档仅供参考",
    "精品文档",
    "可编辑修改",
    "word版可编辑",
    "仅供参考",
];

/// Is this line the site's rather than the plan's?
pub fn is_noise(text: &str) -> bool {
    let n = text.chars().count();
    let squeezed: String = text.chars().filter(|c| !is_space(*c)).collect();
    if squeezed
        .chars()
        .all(|c| c.is_ascii_digit() || c.is_ascii_punctuation())
    {
        // Page numbers, counters, stray ids: `2249576`, `- 3 -`.
        return true;
    }
    if is_page_footer(&squeezed) || squeezed.matches(['>', '»', '›']).count() >= 2 {
        // 第1页 共6页; breadcrumbs: 首页>范文>工作计划>.
        return true;
    }
    UI_WORDS.contains(&squeezed.as_str())
        || names_the_site(text)
        || (n <= WEAK_MAX && WEAK.iter().any(|w| text.contains(w)))
}

/// Does this line speak of the site (downloads, editors, next page) in
/// words no plan uses, whatever else it says?
pub fn names_the_site(text: &str) -> bool {
    text.chars().count() <= STRONG_MAX && STRONG.iter().any(|w| text.contains(w))
}

fn is_page_footer(s: &str) -> bool {
    let rest = match s.strip_prefix('第') {
        Some(r) => r,
        None => return false,
    };
    let digits = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    digits.len() < rest.len() && digits.starts_with('页') && s.len() < 30
}

/// The text without site watermarks; and how many were taken out.
pub fn strip_watermarks(text: &str) -> (String, usize) {
    let mut out = text.to_string();
    let mut count = 0;
    for w in WATERMARKS {
        for comma in ["，", ","] {
            let w = w.replace('，', comma);
            let found = out.matches(&*w).count();
            if found > 0 {
                count += found;
                out = out.replace(&*w, "");
            }
        }
    }
    (out, count)
}

/// The text without the Markdown escapes a site's editor left in it
/// (`201\_年`, `\*`): a backslash before ASCII punctuation is no part of
/// what the page showed, and would be written into the spec as one.
/// Returns the text and how many were taken out.
pub fn unescape(text: &str) -> (String, usize) {
    let mut out = String::with_capacity(text.len());
    let mut count = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(char::is_ascii_punctuation) {
            count += 1;
            continue;
        }
        out.push(c);
    }
    (out, count)
}

/// Half-width punctuation typed between Chinese characters, made full-width
/// as Chinese documents write it (`指导,紧紧` → `指导，紧紧`,
/// `"三八"妇女节` → `“三八”妇女节`); and how many marks.
/// Between digits or Latin letters it stays: `7:20`, `3.5`, `(A)`, `"OK"`.
pub fn full_width_punctuation(text: &str) -> (String, usize) {
    let (text, quotes) = curly_quotes(text);
    let (text, marks) = full_width_marks(&text);
    (text, quotes + marks)
}

/// Straight double quotes around words with Chinese in them, as Chinese
/// quotes: the quotes are paired in order along the paragraph, and a pair
/// around Latin letters or digits only (`"OK"`), or a quote left without a
/// partner, stays as typed. Returns the text and how many marks changed.
fn curly_quotes(text: &str) -> (String, usize) {
    let quotes: Vec<usize> = text.match_indices('"').map(|(i, _)| i).collect();
    if quotes.len() < 2 {
        return (text.to_string(), 0);
    }
    let chinese = |c: char| crate::markup::is_wide(c) && c.is_alphanumeric();
    let mut out = String::with_capacity(text.len() + quotes.len() * 2);
    let mut count = 0;
    let mut from = 0;
    for pair in quotes.chunks_exact(2) {
        let (open, close) = (pair[0], pair[1]);
        let inside = &text[open + 1..close];
        out.push_str(&text[from..open]);
        if inside.chars().any(chinese) {
            out.push('“');
            out.push_str(inside);
            out.push('”');
            count += 2;
        } else {
            out.push_str(&text[open..=close]);
        }
        from = close + 1;
    }
    out.push_str(&text[from..]);
    (out, count)
}

fn full_width_marks(text: &str) -> (String, usize) {
    let chars: Vec<char> = text.chars().collect();
    let wide = |c: Option<&char>| c.is_some_and(|c| crate::markup::is_wide(*c));
    let mut out = String::with_capacity(text.len());
    let mut count = 0;
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).and_then(|j| chars.get(j));
        let after = chars.get(i + 1);
        let to = match c {
            ',' | ';' | ':' | '?' | '!' if wide(before) && (wide(after) || after.is_none()) => {
                Some(match c {
                    ',' => '，',
                    ';' => '；',
                    ':' => '：',
                    '?' => '？',
                    _ => '！',
                })
            }
            '(' if wide(after) => Some('（'),
            ')' if wide(before) => Some('）'),
            _ => None,
        };
        match to {
            Some(t) => {
                out.push(t);
                count += 1;
            }
            None => out.push(c),
        }
    }
    (out, count)
}

/// Split a paragraph where it has a run of two or more spaces: text copied
/// from web pages keeps paragraph breaks as indents and nothing else.
pub fn split_runs(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut run_start = None;
    let mut run = 0;
    for (i, c) in text.char_indices() {
        if is_space(c) {
            if run == 0 {
                run_start = Some(i);
            }
            // One ideographic space is already a wide gap.
            run += if c == '\u{3000}' || c == '\t' { 2 } else { 1 };
        } else {
            if run >= 2 {
                out.push(text[start..run_start.unwrap_or(i)].trim_matches(is_space));
                start = i;
            }
            run = 0;
        }
    }
    out.push(text[start..].trim_matches(is_space));
    out.retain(|s| !s.is_empty());
    out
}

/// Normalised for comparing copies: no spaces, one kind of comma and colon.
pub fn squeeze(text: &str) -> String {
    text.chars()
        .filter(|c| !is_space(*c))
        .map(|c| match c {
            ',' => '，',
            ':' => '：',
            ';' => '；',
            '(' => '（',
            ')' => '）',
            _ => c,
        })
        .collect()
}

/// Drops the copies a page repeats: a paragraph of at least [`COPY_MIN`]
/// characters that is, or begins, one seen before (pages end with the
/// plan's title and first lines again, as a teaser for the next page).
/// Shorter paragraphs repeat in real plans (`召开工会小组长会。`).
#[derive(Default)]
pub struct Copies {
    /// Paragraphs seen, by their first [`COPY_MIN`] characters: only those
    /// can begin with a new paragraph of that length or more.
    seen: std::collections::HashMap<String, Vec<String>>,
}

pub const COPY_MIN: usize = 16;

impl Copies {
    /// Is `text` a copy? Remembers it either way.
    pub fn is_copy(&mut self, text: &str) -> bool {
        let s = squeeze(text);
        let Some((cut, _)) = s.char_indices().nth(COPY_MIN - 1) else {
            // Too short to be called a copy, and to begin a longer one.
            return false;
        };
        let key = s[..cut].to_string();
        let same_start = self.seen.entry(key).or_default();
        let copy = same_start.iter().any(|seen| seen.starts_with(&s));
        same_start.push(s);
        copy
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_is_noise_and_plan_text_is_not() {
        for noise in [
            "学习啦>实用范文>报告总结>工作计划>",
            "推荐度:",
            "点击下载文档文档为doc格式",
            "2249576",
            "此文档下载收益归作者所有",
            "收起",
            "第 3 页 共 6 页",
            "下一页更多精彩“学校工会工作计划”",
            "小学工会下半年计划怎么写？下面是整理的几篇，希望对大家有所帮助。",
            "打分：★★★★☆ 分享到：",
            "【前言导读】工会计划是工会一学期工作的安排。",
        ] {
            assert!(is_noise(noise), "{noise}");
        }
        for plan in [
            "1、召开工会小组长会。",
            "组织教师经验分享会，交流读书心得体会。",
            "二月：",
            "健全工会会员档案，做好资料的整理和归档。",
        ] {
            assert!(!is_noise(plan), "{plan}");
        }
    }

    #[test]
    fn escapes_left_by_a_site_are_taken_out() {
        assert_eq!(unescape("201\\_年\\*重点\\*"), ("201_年*重点*".into(), 3));
        assert_eq!(unescape("路径 C:\\工会"), ("路径 C:\\工会".into(), 0));
    }

    #[test]
    fn watermarks_are_cut_out_of_sentences() {
        let (text, n) = strip_watermarks("尽可能精编资料,供您参考使职工享有的权益");
        assert_eq!((text.as_str(), n), ("尽可能使职工享有的权益", 1));
    }

    #[test]
    fn half_width_punctuation_between_chinese() {
        let (t, n) = full_width_punctuation("为指导,紧紧围绕;教师活动。(待定) 早7:20,A,B");
        assert_eq!(t, "为指导，紧紧围绕；教师活动。（待定） 早7:20,A,B");
        assert_eq!(n, 4);
    }

    #[test]
    fn straight_quotes_around_chinese() {
        let (t, n) = full_width_punctuation(r#""三八"妇女节，"OK"键，"A组"和"B组"，他说"#);
        assert_eq!(t, r#"“三八”妇女节，"OK"键，“A组”和“B组”，他说"#);
        assert_eq!(n, 6);
        let (t, n) = full_width_punctuation(r#"开展"读书月"活动，见第"3"条"#);
        assert_eq!((t.as_str(), n), (r#"开展“读书月”活动，见第"3"条"#, 2));
        // One quote alone stays: there is no telling which side it is on.
        assert_eq!(full_width_punctuation(r#"7" 屏幕"#).1, 0);
    }

    #[test]
    fn runs_of_spaces_split_paragraphs() {
        assert_eq!(
            split_runs("一、指导思想：   以人为本。 加强"),
            ["一、指导思想：", "以人为本。 加强"]
        );
        assert_eq!(split_runs("二月\u{3000}制定计划"), ["二月", "制定计划"]);
    }

    #[test]
    fn long_copies_are_found_short_repeats_kept() {
        let mut c = Copies::default();
        assert!(!c.is_copy("学校工会将以区教育工会工作为指导，紧紧围绕学校的中心工作。"));
        assert!(c.is_copy("学校工会将以区教育工会工作为指导"));
        assert!(!c.is_copy("召开工会小组长会。"));
        assert!(!c.is_copy("召开工会小组长会。"));
    }
}

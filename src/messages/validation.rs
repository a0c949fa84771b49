//! The words about validation.

use std::fmt::Display;

use crate::spec::keys::Naming;

super::problems! {
    pub fn more_problems(n: usize) {
        format!("还有 {n} 处错误没有列出：先改正上面这些，再检查一次")
    }
}

super::problems! {
    pub fn missing_field(name: &str) {
        format!("缺少必填字段 `{name}`")
    }
}

/// `k` names a key as the user's file does ([`Naming`]).
pub fn missing_field_help(name: &str, k: Naming) -> String {
    let key = k.key(name);
    match name {
        "school" => format!("写上学校或单位名称，例如：{key}: 礼河实验学校"),
        "year" => format!("写上计划的年份，例如：{key}: 2025"),
        "guiding_principles" => format!("写上“指导思想”一节的正文，例如：{key}: 以……为指导"),
        "measures" => format!("写上“主要工作”，每一项以“- {}: ……”开头", k.key("title")),
        "items" => format!("在这一项下面写上 {key}: 列出本月的各项工作"),
        "text" => format!("写上这一条的内容，例如：{key}: 三八妇女节庆祝活动"),
        _ => format!("加上 `{key}: ……`"),
    }
}

super::problems! {
    pub fn unknown_field(name: &str) {
        format!("不认识的字段 `{name}`")
    }
}

pub fn did_you_mean(name: &str) -> String {
    format!("是不是想写 `{name}`？")
}

pub fn allowed_fields(names: &[&str]) -> String {
    format!("这里可以写的字段有：{}", quote_list(names))
}

super::problems! {
    pub fn key_not_text(found: &str) {
        format!("字段名应当是文字，实际是{found}")
    }
}

super::problems! {
    pub fn expected_text(found: &str) {
        format!("这里应当是一段文字，实际是{found}")
    }
}

pub fn expected_text_help() -> String {
    "直接写文字；多段文字可以写成“|”后换行缩进".into()
}

super::problems! {
    pub fn empty_text() {
        "这里不能是空的".into()
    }
}

super::problems! {
    pub fn expected_map(found: &str) {
        format!("这里应当是“字段: 内容”的形式，实际是{found}")
    }
}

super::problems! {
    pub fn expected_list(found: &str) {
        format!("这里应当是一个列表（每项以“- ”开头），实际是{found}")
    }
}

super::problems! {
    pub fn expected_list_or_text(found: &str) {
        format!("这里应当是一段文字或一个列表（每项以“- ”开头），实际是{found}")
    }
}

super::problems! {
    pub fn empty_list() {
        "列表是空的，至少要有一项".into()
    }
}

super::problems! {
    pub fn bad_year(found: &str) {
        format!("年份应当是四位阿拉伯数字，实际是{found}")
    }
}

pub fn bad_year_help(k: Naming) -> String {
    format!("例如：{}: 2025（学年计划写开始的那一年）", k.key("year"))
}

super::problems! {
    pub fn year_out_of_range(year: i64) {
        let years = crate::spec::fields::YEARS;
        format!(
            "年份 {year} 不合理，应在 {} 到 {} 之间",
            years.start(),
            years.end()
        )
    }
}

super::problems! {
    pub fn bad_period(found: &str) {
        format!("不认识的期间 {found}")
    }
}

pub fn bad_period_help(names: &[&str]) -> String {
    format!(
        "可选：{}（分别是年度、上半年/春季学期、下半年/秋季学期、学年）",
        quote_list(names)
    )
}

super::problems! {
    pub fn bad_month(found: &str) {
        format!("月份应当是 1 到 12 的数字，实际是{found}")
    }
}

pub fn bad_month_help(k: Naming) -> String {
    let (month, months) = (k.key("month"), k.key("months"));
    format!(
        "例如二月写 {month}: 2（或 二月、2月）；七、八月合在一起写 {months}: [7, 8]（或 {month}: 7-8月）"
    )
}

super::problems! {
    /// `where_` is "第 10 行" or "2025.yaml 第 10 行" when it is in another file.
    pub fn month_twice(month: u32, where_: Option<String>) {
        match where_ {
            Some(at) => format!("{month} 月已经在{at}写过了，同一个月只能出现一次"),
            None => format!("{month} 月已经写过了，同一个月只能出现一次"),
        }
    }
}

pub fn at_line(file: Option<impl Display>, line: usize) -> String {
    match file {
        Some(f) => format!(" {f} 第 {line} 行"),
        None => format!("第 {line} 行"),
    }
}

pub fn month_twice_help() -> String {
    "把这个月的事项合并到前面那一项里".into()
}

super::problems! {
    pub fn month_and_months(k: Naming) {
        format!("`{}` 和 `{}` 只能写一个", k.key("month"), k.key("months"))
    }
}

pub fn month_and_months_help(k: Naming) -> String {
    format!(
        "一个月写 {}: 2；几个月合在一起写 {}: [7, 8]",
        k.key("month"),
        k.key("months")
    )
}

super::problems! {
    pub fn missing_month() {
        "这一项没有写月份".into()
    }
}

super::problems! {
    pub fn bad_date(found: &str) {
        format!("日期 {found} 看不懂")
    }
}

pub fn bad_date_help() -> String {
    "日期写成 年-月-日，例如 2025-03-08；年份和计划相同时可以只写 3月8日".into()
}

super::problems! {
    pub fn impossible_date(found: &str) {
        format!("日期 {found} 不存在（这一天在日历上没有）")
    }
}

pub fn impossible_date_help() -> String {
    "检查月份和日子，例如平年的二月只有 28 天".into()
}

super::problems! {
    pub fn date_outside_months(date: &str, months: &str) {
        format!("日期 {date} 不在这一项的月份（{months}）里")
    }
}

pub fn date_outside_months_help() -> String {
    "把这件事移到它所在月份的那一项下面，或者改正日期".into()
}

super::problems! {
    pub fn date_wrong_year(date: &str, year: i32) {
        format!(
            "日期 {date} 的年份不对，这份计划的日期应当在 {year} 年或 {} 年",
            year + 1
        )
    }
}

pub fn date_wrong_year_help() -> String {
    "换了年份后，别忘了把日期里的年份一起改掉".into()
}

super::problems! {
    pub fn too_deep(max: usize) {
        format!("“主要工作”最多只能分 {max} 层，这里已经是第 {} 层", max + 1)
    }
}

pub fn too_deep_help() -> String {
    "把这一层的内容写进上一层的 text 里，或者拆成并列的几项".into()
}

super::problems! {
    pub fn measure_empty() {
        "这一项既没有 title 也没有 text".into()
    }
}

pub fn measure_empty_help() -> String {
    "至少写上 title（标题）或 text（正文）之一".into()
}

super::problems! {
    pub fn placeholder_unknown(name: &str) {
        format!("不认识的占位符“{{{{{name}}}}}”")
    }
}

super::problems! {
    pub fn placeholder_unclosed() {
        "“{{”后面没有配对的“}}”".into()
    }
}

pub fn placeholder_help(names: &[&str]) -> String {
    let list = names
        .iter()
        .map(|n| format!("{{{{ {n} }}}}"))
        .collect::<Vec<_>>()
        .join("、");
    format!("可用的占位符有：{list}；要写两个大括号本身，请写成 \\{{{{")
}

super::problems! {
    pub fn placeholder_in_school() {
        "学校名称里不能用占位符，其他地方的 {{ school }} 就是用它来填的".into()
    }
}

super::problems! {
    pub fn bad_number(found: &str) {
        format!("这里应当是一个数字，实际是{found}")
    }
}

super::problems! {
    pub fn number_out_of_range(what: &str, min: f64, max: f64) {
        format!("{what} 应在 {min} 到 {max} 之间")
    }
}

super::problems! {
    pub fn control_character(code: u32) {
        format!("文字里有一个看不见的控制字符（U+{code:04X}），Word 无法保存它")
    }
}

pub fn control_character_help() -> String {
    "删掉这个字符：通常是从网页或其他软件里复制文字时带进来的".into()
}

/// A short description of a YAML value, for "实际是……".
pub fn describe_value(v: &serde_yaml::Value) -> String {
    use serde_yaml::Value;
    match v {
        Value::Null => "空的".into(),
        Value::Bool(b) => format!(" {b}（真假值）"),
        Value::Number(n) => format!(" {n}（数字）"),
        Value::String(s) => format!("文字“{}”", shorten(s)),
        Value::Sequence(_) => "一个列表".into(),
        Value::Mapping(_) => "一组“字段: 内容”".into(),
        Value::Tagged(t) => format!("带标签 {} 的内容", t.tag),
    }
}

pub(super) fn shorten(s: &str) -> String {
    const MAX: usize = 30;
    if s.chars().count() > MAX {
        let head: String = s.chars().take(MAX).collect();
        format!("{head}……")
    } else {
        s.to_string()
    }
}

pub(super) fn quote_list(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join("、")
}

super::problems! {
    pub fn import_placeholder_left(text: &str) {
        format!("这里还是导入时留下的“{text}”：请换成真正的内容")
    }
}

super::problems! {
    pub fn stale_year(old: i32, year: i32) {
        format!("这段文字写的是 {old} 年，而这份计划是 {year} 年的")
    }
}

pub fn stale_year_help(old: i32, year: i32) -> String {
    format!(
        "如果是去年的文字没有改，请把 {old} 改成 {year}（或写 {{{{ year }}}}，以后每年自动更新）；如果本来就是说 {old} 年的事，可以不管"
    )
}

//! The words about validation.

use std::fmt::Display;

use super::zh_en;
use crate::spec::keys::Naming;

super::problems! {
    pub fn more_problems(n: usize) {
        zh_en!(
            format!("还有 {n} 处错误没有列出：先改正上面这些，再检查一次"),
            format!("{n} more error(s) not shown: fix the ones above first, then check again")
        )
    }
}

super::problems! {
    pub fn missing_field(name: &str) {
        zh_en!(
            format!("缺少必填字段 `{name}`"),
            format!("the required field `{name}` is missing")
        )
    }
}

/// `k` names a key as the user's file does ([`Naming`]).
pub fn missing_field_help(name: &str, k: Naming) -> String {
    let key = k.key(name);
    match name {
        "school" => zh_en!(
            format!("写上学校或单位名称，例如：{key}: 礼河实验学校"),
            format!(
                "write the name of the school or organisation, for example: {key}: 礼河实验学校"
            )
        ),
        "year" => zh_en!(
            format!("写上计划的年份，例如：{key}: 2025"),
            format!("write the year of the plan, for example: {key}: 2025")
        ),
        "guiding_principles" => zh_en!(
            format!("写上“指导思想”一节的正文，例如：{key}: 以……为指导"),
            format!(
                "write the text of the section \"指导思想\" (guiding principles), for example: {key}: 以……为指导"
            )
        ),
        "measures" => zh_en!(
            format!("写上“主要工作”，每一项以“- {}: ……”开头", k.key("title")),
            format!(
                "write the main work items (“主要工作”), each starting with \"- {}: …\"",
                k.key("title")
            )
        ),
        "items" => zh_en!(
            format!("在这一项下面写上 {key}: 列出本月的各项工作"),
            format!("under this entry, write {key}: and list the work of the month")
        ),
        "text" => zh_en!(
            format!("写上这一条的内容，例如：{key}: 三八妇女节庆祝活动"),
            format!("write what this entry says, for example: {key}: 三八妇女节庆祝活动")
        ),
        _ => zh_en!(format!("加上 `{key}: ……`"), format!("add `{key}: …`")),
    }
}

super::problems! {
    pub fn unknown_field(name: &str) {
        zh_en!(
            format!("不认识的字段 `{name}`"),
            format!("unknown field `{name}`")
        )
    }
}

/// The help under [`unknown_field`] when a known field is close: its name.
pub fn did_you_mean(name: &str) -> String {
    zh_en!(
        format!("是不是想写 `{name}`？"),
        format!("did you mean `{name}`?")
    )
}

/// The help under [`unknown_field`] when no known field is close: the
/// fields allowed there.
pub fn allowed_fields(names: &[&str]) -> String {
    zh_en!(
        format!("这里可以写的字段有：{}", quote_list(names)),
        format!("the fields allowed here are: {}", quote_list(names))
    )
}

super::problems! {
    pub fn key_not_text(found: &str) {
        zh_en!(
            format!("字段名应当是文字，实际是{found}"),
            format!("a field name should be text, but found {found}")
        )
    }
}

super::problems! {
    pub fn expected_text(found: &str) {
        zh_en!(
            format!("这里应当是一段文字，实际是{found}"),
            format!("expected a piece of text here, but found {found}")
        )
    }
}

/// The help under [`expected_text`]: how to write one or more paragraphs.
pub fn expected_text_help() -> String {
    zh_en!(
        "直接写文字；多段文字可以写成“|”后换行缩进",
        "write the text directly; for several paragraphs, write \"|\" and then the text on the following lines, indented"
    )
    .into()
}

super::problems! {
    pub fn empty_text() {
        zh_en!("这里不能是空的", "this must not be empty").into()
    }
}

super::problems! {
    pub fn expected_map(found: &str) {
        zh_en!(
            format!("这里应当是“字段: 内容”的形式，实际是{found}"),
            format!("expected `field: value` lines here, but found {found}")
        )
    }
}

super::problems! {
    pub fn expected_list(found: &str) {
        zh_en!(
            format!("这里应当是一个列表（每项以“- ”开头），实际是{found}"),
            format!("expected a list here (each entry starting with \"- \"), but found {found}")
        )
    }
}

super::problems! {
    pub fn expected_list_or_text(found: &str) {
        zh_en!(
            format!("这里应当是一段文字或一个列表（每项以“- ”开头），实际是{found}"),
            format!(
                "expected a piece of text or a list here (each entry starting with \"- \"), but found {found}"
            )
        )
    }
}

super::problems! {
    pub fn empty_list() {
        zh_en!("列表是空的，至少要有一项", "the list is empty: it needs at least one entry").into()
    }
}

super::problems! {
    pub fn bad_year(found: &str) {
        zh_en!(
            format!("年份应当是四位阿拉伯数字，实际是{found}"),
            format!("the year should be four digits, but found {found}")
        )
    }
}

/// The help under [`bad_year`]: an example year. `k` names the key as the
/// user's file does.
pub fn bad_year_help(k: Naming) -> String {
    zh_en!(
        format!("例如：{}: 2025（学年计划写开始的那一年）", k.key("year")),
        format!(
            "for example: {}: 2025 (for a school-year plan, the year it starts)",
            k.key("year")
        )
    )
}

super::problems! {
    pub fn year_out_of_range(year: i64) {
        let years = crate::spec::fields::YEARS;
        zh_en!(
            format!(
                "年份 {year} 不合理，应在 {} 到 {} 之间",
                years.start(),
                years.end()
            ),
            format!(
                "the year {year} is not plausible: it should be between {} and {}",
                years.start(),
                years.end()
            )
        )
    }
}

super::problems! {
    pub fn bad_period(found: &str) {
        zh_en!(
            format!("不认识的期间：{}", found.trim_start()),
            format!("unknown period: {}", found.trim_start())
        )
    }
}

/// The help under [`bad_period`]: the periods to choose from (`names`).
pub fn bad_period_help(names: &[&str]) -> String {
    zh_en!(
        format!(
            "可选：{}（分别是年度、上半年/春季学期、下半年/秋季学期、学年）",
            quote_list(names)
        ),
        format!(
            "choose one of: {} (the whole year, the first half / spring term, the second half / autumn term, the school year)",
            quote_list(names)
        )
    )
}

super::problems! {
    pub fn bad_schedule_layout(found: &str) {
        zh_en!(
            format!("不认识的工作安排版式：{}", found.trim_start()),
            format!("unknown schedule layout: {}", found.trim_start())
        )
    }
}

/// The help under [`bad_schedule_layout`]: the layouts to choose from
/// (`names`).
pub fn bad_schedule_layout_help(names: &[&str]) -> String {
    zh_en!(
        format!(
            "可选：{}（分别是按月列出、行事历表格），也可以写“列表”或“表格”",
            quote_list(names)
        ),
        format!(
            "choose one of: {} (months with their items, or a table with a row a month)",
            quote_list(names)
        )
    )
}

super::problems! {
    pub fn bad_signature_layout(found: &str) {
        zh_en!(
            format!("不认识的落款版式：{}", found.trim_start()),
            format!("unknown signature layout: {}", found.trim_start())
        )
    }
}

/// The help under [`bad_signature_layout`]: the layouts to choose from
/// (`names`).
pub fn bad_signature_layout_help(names: &[&str]) -> String {
    zh_en!(
        format!(
            "可选：{}（分别是不加盖印章、加盖印章），也可以写“不加盖印章”或“加盖印章”",
            quote_list(names)
        ),
        format!(
            "choose one of: {} (no seal: the name two characters in from the right; sealed: the date four characters in, the name centred over it)",
            quote_list(names)
        )
    )
}

super::problems! {
    pub fn bad_month(found: &str) {
        zh_en!(
            format!("月份应当是 1 到 12 的数字，实际是{found}"),
            format!("the month should be a number from 1 to 12, but found {found}")
        )
    }
}

/// The help under [`bad_month`]: how to write one month or several. `k`
/// names the keys as the user's file does.
pub fn bad_month_help(k: Naming) -> String {
    let (month, months) = (k.key("month"), k.key("months"));
    zh_en!(
        format!(
            "例如二月写 {month}: 2（或 二月、2月）；七、八月合在一起写 {months}: [7, 8]（或 {month}: 7-8月）"
        ),
        format!(
            "for example, for February write {month}: 2 (or 二月, 2月); for July and August together write {months}: [7, 8] (or {month}: 7-8月)"
        )
    )
}

super::problems! {
    /// `where_` is "第 10 行" or "2025.yaml 第 10 行" when it is in another file.
    pub fn month_twice(month: u32, where_: Option<String>) {
        match where_ {
            Some(at) => zh_en!(
                format!("{month} 月已经在{at}写过了，同一个月只能出现一次"),
                format!("month {month} is already given {at}; each month may appear only once")
            ),
            None => zh_en!(
                format!("{month} 月已经写过了，同一个月只能出现一次"),
                format!("month {month} is already given; each month may appear only once")
            ),
        }
    }
}

/// Where a month was first given, for [`month_twice`]: the line, and the
/// file when it is another one.
pub fn at_line(file: Option<impl Display>, line: usize) -> String {
    match file {
        Some(f) => zh_en!(
            format!(" {f} 第 {line} 行"),
            format!("on line {line} of {f}")
        ),
        None => zh_en!(format!("第 {line} 行"), format!("on line {line}")),
    }
}

/// The help under [`month_twice`]: merge the items into the first entry.
pub fn month_twice_help() -> String {
    zh_en!(
        "把这个月的事项合并到前面那一项里",
        "move this month's items into the earlier entry for the same month"
    )
    .into()
}

super::problems! {
    pub fn month_and_months(k: Naming) {
        zh_en!(
            format!("`{}` 和 `{}` 只能写一个", k.key("month"), k.key("months")),
            format!(
                "write either `{}` or `{}`, not both",
                k.key("month"),
                k.key("months")
            )
        )
    }
}

/// The help under [`month_and_months`]: when to write which. `k` names
/// the keys as the user's file does.
pub fn month_and_months_help(k: Naming) -> String {
    zh_en!(
        format!(
            "一个月写 {}: 2；几个月合在一起写 {}: [7, 8]",
            k.key("month"),
            k.key("months")
        ),
        format!(
            "for one month write {}: 2; for several months together write {}: [7, 8]",
            k.key("month"),
            k.key("months")
        )
    )
}

super::problems! {
    pub fn missing_month() {
        zh_en!("这一项没有写月份", "this entry has no month").into()
    }
}

super::problems! {
    pub fn bad_date(found: &str) {
        zh_en!(
            format!("日期 {found} 看不懂"),
            format!("the date {found} cannot be understood")
        )
    }
}

/// The help under [`bad_date`]: how a date is written.
pub fn bad_date_help() -> String {
    zh_en!(
        "日期写成 年-月-日，例如 2025-03-08；年份和计划相同时可以只写 3月8日",
        "write dates as year-month-day, for example 2025-03-08; when the year is the plan's year, 3月8日 (month and day) is enough"
    )
    .into()
}

super::problems! {
    pub fn impossible_date(found: &str) {
        zh_en!(
            format!("日期 {found} 不存在（这一天在日历上没有）"),
            format!("the date {found} does not exist (there is no such day in the calendar)")
        )
    }
}

/// The help under [`impossible_date`]: check the month and the day.
pub fn impossible_date_help() -> String {
    zh_en!(
        "检查月份和日子，例如平年的二月只有 28 天",
        "check the month and the day: for example, February has only 28 days except in leap years"
    )
    .into()
}

super::problems! {
    pub fn date_outside_months(date: &str, months: &str) {
        zh_en!(
            format!("日期 {date} 不在这一项的月份（{months}）里"),
            format!("the date {date} is not in this entry's month(s) ({months})")
        )
    }
}

/// The help under [`date_outside_months`]: move the item, or correct
/// the date.
pub fn date_outside_months_help() -> String {
    zh_en!(
        "把这件事移到它所在月份的那一项下面，或者改正日期",
        "move this item under the entry for its month, or correct the date"
    )
    .into()
}

super::problems! {
    pub fn date_wrong_year(date: &str, year: i32) {
        zh_en!(
            format!(
                "日期 {date} 的年份不对，这份计划的日期应当在 {year} 年或 {} 年",
                year + 1
            ),
            format!(
                "the date {date} has the wrong year: dates in this plan should be in {year} or {}",
                year + 1
            )
        )
    }
}

/// The help under [`date_wrong_year`]: change the dates' year with the
/// plan's.
pub fn date_wrong_year_help() -> String {
    zh_en!(
        "换了年份后，别忘了把日期里的年份一起改掉",
        "when the plan's year changes, change the year in its dates too"
    )
    .into()
}

super::problems! {
    pub fn font_name_too_long(count: usize, max: usize) {
        zh_en!(
            format!("字体名有 {count} 个字，太长了：Word 文件里的字体名最多 {max} 个字"),
            format!("the font name is {count} characters long, too long: a Word file holds font names of at most {max} characters")
        )
    }
}

/// The help under [`font_name_too_long`]: some fonts' names as examples.
pub fn font_name_too_long_help() -> String {
    zh_en!(
        "写字体在电脑上的名字，例如 仿宋_GB2312、方正小标宋简体、黑体",
        "write the font's name as the computer knows it, such as 仿宋_GB2312, 方正小标宋简体 or 黑体"
    )
    .into()
}

super::problems! {
    pub fn too_deep(max: usize) {
        zh_en!(
            format!("“主要工作”最多只能分 {max} 层，这里已经是第 {} 层", max + 1),
            format!(
                "the main work items (\"主要工作\") can be nested at most {max} levels deep; this is level {}",
                max + 1
            )
        )
    }
}

/// The help under [`too_deep`]: fold the level into the one above, or
/// split it.
pub fn too_deep_help() -> String {
    zh_en!(
        "把这一层的内容写进上一层的 text 里，或者拆成并列的几项",
        "put this level's content into the text of the level above, or split it into several entries side by side"
    )
    .into()
}

super::problems! {
    pub fn measure_empty() {
        zh_en!(
            "这一项既没有 title 也没有 text",
            "this entry has neither a title nor a text"
        )
        .into()
    }
}

/// The help under [`measure_empty`]: a title or a text at least.
pub fn measure_empty_help() -> String {
    zh_en!(
        "至少写上 title（标题）或 text（正文）之一",
        "write at least a title or a text"
    )
    .into()
}

super::problems! {
    pub fn placeholder_unknown(name: &str) {
        zh_en!(
            format!("不认识的占位符“{{{{{name}}}}}”"),
            format!("unknown placeholder \"{{{{{name}}}}}\"")
        )
    }
}

super::problems! {
    pub fn placeholder_unclosed() {
        zh_en!(
            "“{{”后面没有配对的“}}”",
            "\"{{\" is not closed by a matching \"}}\""
        )
        .into()
    }
}

/// The help under [`placeholder_unknown`] and [`placeholder_unclosed`]:
/// the placeholders there are (`names`), and how to write `{{` itself.
pub fn placeholder_help(names: &[&str]) -> String {
    let list = names
        .iter()
        .map(|n| format!("{{{{ {n} }}}}"))
        .collect::<Vec<_>>()
        .join(zh_en!("、", ", "));
    zh_en!(
        format!("可用的占位符有：{list}；要写两个大括号本身，请写成 \\{{{{"),
        format!(
            "the placeholders you can use are: {list}; to write two braces themselves, write \\{{{{"
        )
    )
}

super::problems! {
    pub fn placeholder_in_school() {
        zh_en!(
            "学校名称里不能用占位符，其他地方的 {{ school }} 就是用它来填的",
            "the school name cannot contain placeholders: it is what {{ school }} is filled with everywhere else"
        )
        .into()
    }
}

super::problems! {
    pub fn bad_number(found: &str) {
        zh_en!(
            format!("这里应当是一个数字，实际是{found}"),
            format!("expected a number here, but found {found}")
        )
    }
}

super::problems! {
    pub fn number_out_of_range(what: &str, min: f64, max: f64) {
        zh_en!(
            format!("{what} 应在 {min} 到 {max} 之间"),
            format!("{what} should be between {min} and {max}")
        )
    }
}

super::problems! {
    pub fn control_character(code: u32) {
        zh_en!(
            format!("文字里有一个看不见的控制字符（U+{code:04X}），Word 无法保存它"),
            format!(
                "the text contains an invisible control character (U+{code:04X}) that Word cannot save"
            )
        )
    }
}

/// The help under [`control_character`]: delete the character.
pub fn control_character_help() -> String {
    zh_en!(
        "删掉这个字符：通常是从网页或其他软件里复制文字时带进来的",
        "delete this character: it usually comes along when text is copied from a web page or another program"
    )
    .into()
}

/// A short description of a YAML value, for "实际是……".
pub fn describe_value(v: &serde_yaml::Value) -> String {
    use serde_yaml::Value;
    match v {
        Value::Null => zh_en!("空的", "nothing").into(),
        Value::Bool(b) => zh_en!(
            format!(" {b}（真假值）"),
            format!("{b} (a true/false value)")
        ),
        Value::Number(n) => zh_en!(format!(" {n}（数字）"), format!("{n} (a number)")),
        Value::String(s) => zh_en!(
            format!("文字“{}”", shorten(s)),
            format!("the text \"{}\"", shorten(s))
        ),
        Value::Sequence(_) => zh_en!("一个列表", "a list").into(),
        Value::Mapping(_) => zh_en!("一组“字段: 内容”", "a group of `field: value` lines").into(),
        Value::Tagged(t) => zh_en!(
            format!("带标签 {} 的内容", t.tag),
            format!("a value tagged {}", t.tag)
        ),
    }
}

pub(super) fn shorten(s: &str) -> String {
    const MAX: usize = 30;
    if s.chars().count() > MAX {
        let head: String = s.chars().take(MAX).collect();
        format!("{head}{}", zh_en!("……", "…"))
    } else {
        s.to_string()
    }
}

pub(super) fn quote_list(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(zh_en!("、", ", "))
}

super::problems! {
    pub fn import_placeholder_left(text: &str) {
        zh_en!(
            format!("这里还是导入时留下的“{text}”：请换成真正的内容"),
            format!("this is still the \"{text}\" that import left here: replace it with the real content")
        )
    }
}

super::problems! {
    pub fn stale_year(old: i32, year: i32) {
        zh_en!(
            format!("这段文字写的是 {old} 年，而这份计划是 {year} 年的"),
            format!("this text mentions the year {old}, but this plan is for {year}")
        )
    }
}

/// The help under [`stale_year`] for a text of the user's own file
/// (for one from the file it extends, [`fix_here`](super::fix_here) is
/// given instead): change `old` to `year`, or leave it.
pub fn stale_year_help(old: i32, year: i32) -> String {
    zh_en!(
        format!(
            "如果是去年的文字没有改，请把 {old} 改成 {year}（或写 {{{{ year }}}}，以后每年自动更新）；如果本来就是说 {old} 年的事，可以不管"
        ),
        format!(
            "if this is last year's text left unchanged, change {old} to {year} (or write {{{{ year }}}}, which follows the plan's year from now on); if it really is about {old}, leave it"
        )
    )
}

/// A weekday's name.
pub fn weekday_name(w: chrono::Weekday) -> &'static str {
    use chrono::Weekday::*;
    match w {
        Mon => zh_en!("星期一", "Monday"),
        Tue => zh_en!("星期二", "Tuesday"),
        Wed => zh_en!("星期三", "Wednesday"),
        Thu => zh_en!("星期四", "Thursday"),
        Fri => zh_en!("星期五", "Friday"),
        Sat => zh_en!("星期六", "Saturday"),
        Sun => zh_en!("星期日", "Sunday"),
    }
}

super::problems! {
    /// A schedule date when schools are closed: `date` as the user reads it.
    pub fn date_is_day_off(date: &str, off: &crate::calendar::DayOff) {
        use crate::calendar::DayOff;
        match off {
            DayOff::Weekend(w) => zh_en!(
                format!("{date}是{}，学校不上班", weekday_name(*w)),
                format!("{date} is a {}, when schools are closed", weekday_name(*w))
            ),
            DayOff::Holiday(name) => zh_en!(
                format!("{date}是法定节假日（{name}）"),
                format!("{date} is a statutory holiday ({name})")
            ),
        }
    }
}

/// The help under [`date_is_day_off`]: keep it, or pick a working day.
pub fn date_is_day_off_help() -> String {
    zh_en!(
        "如果活动确实安排在这一天，可以不改；否则换一个工作日",
        "if the event really is on that day, leave it; otherwise pick a working day"
    )
    .into()
}

super::problems! {
    /// A plan with no 落款 date, dated with today.
    pub fn signature_dated_today(today: &str) {
        zh_en!(
            format!("落款日期没有写，用的是今天：{today}"),
            format!("no signature date is given; today is used: {today}")
        )
    }
}

/// The help under [`signature_dated_today`]: how to fix the 落款 date.
pub fn signature_dated_today_help() -> String {
    zh_en!(
        "要固定日期，写上 落款: {日期: 2026-03-01}（或 signature: {date: …}）",
        "to fix the date, write signature: {date: 2026-03-01}"
    )
    .into()
}

super::problems! {
    /// `3月8日（星期六）` where 3月8日 is a Sunday.
    pub fn weekday_mismatch(typed: &str, actual: &str) {
        zh_en!(
            format!("{typed} 写的星期不对：这一天是{actual}"),
            format!("{typed} names the wrong weekday: that day is a {actual}")
        )
    }
}

super::problems! {
    /// 上学期/下学期 read by the school calendar.
    pub fn period_term_read(word: &str, year: i32, plan_year: i32, spring: bool) {
        let term = if spring { "春季学期" } else { "秋季学期" };
        let term_en = if spring { "spring" } else { "autumn" };
        let next = year + 1;
        zh_en!(
            format!("“{word}”按学年算：{year}—{next}学年的{word}，就是 {plan_year} 年{term}"),
            format!("\"{word}\" is read by the school year: the {word} of {year}–{next}, that is the {term_en} term of {plan_year}")
        )
    }
}

/// The help under [`period_term_read`]: how to say the spring term of
/// `year` instead.
pub fn period_term_help(year: i32) -> String {
    zh_en!(
        format!("如果说的是 {year} 年春天的学期，请写 period: 春季学期"),
        format!("if you mean the spring term of {year}, write period: spring")
    )
}

super::problems! {
    /// `2024-2025学年` with `year: 2025`.
    pub fn period_school_year_mismatch(found: &str, year: i32) {
        zh_en!(
            format!("学年“{found}”和年份 {year} 对不上"),
            format!("the school year \"{found}\" does not match the year {year}")
        )
    }
}

/// The help under [`period_school_year_mismatch`]: a school year's year
/// is the one it starts in, `first`.
pub fn period_school_year_help(first: i32) -> String {
    zh_en!(
        format!("学年的年份写学年开始的那一年：year: {first}，period: 学年"),
        format!("a school year's year is the year it starts: year: {first}, period: school-year")
    )
}

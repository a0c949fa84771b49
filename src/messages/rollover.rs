//! The words about rollover.

use std::fmt::Display;

use super::zh_en;

super::problems! {
    pub fn rollover_no_year() {
        zh_en!(
            "这个文件里没有 `year`，不知道从哪一年换到哪一年",
            "this file has no `year`, so it is not known which year to move from"
        )
        .into()
    }
}

/// A line to review: 29 February became another day (`new`), as the new
/// year has none.
pub fn rollover_leap_day(old: &str, new: &str) -> String {
    zh_en!(
        format!("{old} 换成了 {new}：新的一年没有 2 月 29 日"),
        format!("{old} became {new}: the new year has no 29 February")
    )
}

/// A line to review: a date rollover could not read, left as it was.
pub fn rollover_date_unmoved(token: &str) -> String {
    zh_en!(
        format!("日期“{token}”看不懂，没有改动，请手动修改"),
        format!(
            "the date \"{token}\" cannot be understood and was left as it was: change it by hand"
        )
    )
}

/// A line to review: the file named by `extends` was not rolled over.
pub fn rollover_extends() -> String {
    zh_en!(
        "extends 指向的文件没有改动：请确认新计划是否仍以它为基础",
        "the file named by extends was not changed: make sure the new plan should still build on it"
    )
    .into()
}

/// A line to review: a year in a text that is neither the old plan's nor
/// the one after it, left as it was.
pub fn rollover_other_year(year: i32) -> String {
    zh_en!(
        format!("提到了 {year} 年，没有改动，请确认"),
        format!("mentions the year {year}, which was left as it was: please check")
    )
}

/// A line of the rollover report: one change on line `line`, of the kind
/// `what` (one of the `rollover_what_*` words).
pub fn rollover_change(line: usize, what: &str, old: &str, new: &str) -> String {
    zh_en!(
        format!("第 {line} 行：{what} {old} → {new}"),
        format!("line {line}: {what} {old} → {new}")
    )
}

/// The kind of a change in [`rollover_change`]: the plan's year.
pub fn rollover_what_year() -> &'static str {
    zh_en!("年份", "year")
}

/// The kind of a change in [`rollover_change`]: a date.
pub fn rollover_what_date() -> &'static str {
    zh_en!("日期", "date")
}

/// The kind of a change in [`rollover_change`]: a year written in a text.
pub fn rollover_what_text() -> &'static str {
    zh_en!("文字中的年份", "year in the text")
}

/// The first line of the rollover report: the two years and how many
/// changes were made.
pub fn rollover_summary(old: i32, new: i32, changes: usize) -> String {
    zh_en!(
        format!("从 {old} 年换到 {new} 年，共改动 {changes} 处："),
        format!("from {old} to {new}, {changes} change(s):")
    )
}

/// The heading of the lines to review in the rollover report.
pub fn rollover_review_header() -> String {
    zh_en!(
        "请人工看一看这几行：",
        "please look over these lines yourself:"
    )
    .into()
}

/// A line to review in the rollover report: its line and why
/// (`reason`).
pub fn rollover_review(line: usize, reason: &str) -> String {
    zh_en!(
        format!("第 {line} 行：{reason}"),
        format!("line {line}: {reason}")
    )
}

/// Said after the rollover report with `--dry-run`: nothing was written.
pub fn rollover_dry_run() -> String {
    zh_en!(
        "（试运行：没有写入任何文件）",
        "(dry run: no file was written)"
    )
    .into()
}

/// Said when rollover wrote the new year's plan; the original is
/// unchanged.
pub fn rollover_written(path: impl Display) -> String {
    zh_en!(
        format!("已写好新一年的计划 {path}，原来的文件没有改动"),
        format!("wrote the new year's plan {path}; the original file was not changed")
    )
}

/// The help under [`year_out_of_range`](super::year_out_of_range) when
/// `--year` is out of range: how to give the new year.
pub fn rollover_year_help() -> String {
    zh_en!(
        "--year 写新计划的年份，例如 --year 2026",
        "give the new plan's year with --year, for example --year 2026"
    )
    .to_string()
}

/// The kind of a change in [`rollover_change`]: a date moved with its
/// festival.
pub fn rollover_what_festival(festival: &str) -> String {
    zh_en!(
        format!("{festival}（随节日移动）"),
        format!("{festival} (moved with the festival)")
    )
}

/// The kind of a change in [`rollover_change`]: an anniversary's number
/// (第几个教师节).
pub fn rollover_what_anniversary() -> &'static str {
    zh_en!("纪念日届数", "anniversary")
}

/// A line to review: an anniversary's number did not match last year's,
/// so it was left as it was; `count` is the number it should be.
pub fn rollover_anniversary_mismatch(phrase: &str, name: &str, count: i32) -> String {
    zh_en!(
        format!(
            "“{phrase}”和去年的届数对不上，没有改动：新的一年应是第 {count} 个{name}（或 {count} 周年），请确认"
        ),
        format!(
            "\"{phrase}\" does not match last year's count and was left as it was: the new year's {name} is number {count}; please check"
        )
    )
}

/// A day written in a text, which rollover leaves as it is.
pub fn rollover_day_in_text(phrase: &str) -> String {
    zh_en!(
        format!("“{phrase}”：文字里写的日子不随年份移动，没有改动，请看看新的一年是否合适"),
        format!(
            "\"{phrase}\": a day written in a text does not move with the year and was left as it was; check it suits the new year"
        )
    )
}

/// A line to review: a session number (届次, 次数), which does not follow
/// the calendar, left as it was.
pub fn rollover_numbered(phrase: &str) -> String {
    zh_en!(
        format!("“{phrase}”：届次、次数不随年份变化，没有改动，请确认"),
        format!(
            "\"{phrase}\": session numbers do not follow the calendar and were left as they were; please check"
        )
    )
}

/// A line of the rollover report: a festival's item moved to the month
/// where the festival falls in the new year (into a new entry for that
/// month when `new_entry`).
pub fn rollover_relocated(line: usize, festival: &str, month: u32, new_entry: bool) -> String {
    match new_entry {
        true => zh_en!(
            format!("第 {line} 行：{festival}的那一项移到了新加的 {month} 月"),
            format!(
                "line {line}: the {festival} item was moved into a new entry for month {month}"
            )
        ),
        false => zh_en!(
            format!("第 {line} 行：{festival}的那一项移到了 {month} 月"),
            format!("line {line}: the {festival} item was moved into month {month}")
        ),
    }
}

/// A line to review: a festival's item that falls in another month in the
/// new year but could not be moved there by rollover.
pub fn rollover_relocate_by_hand(festival: &str, day: &str, month: u32) -> String {
    zh_en!(
        format!(
            "{festival}在新的一年是{day}，在 {month} 月，但这一项的写法没法自动挪过去，日期只按年份改了：请把它移到 {month} 月的工作安排里，并改好日期"
        ),
        format!(
            "{festival} falls on {day} in the new year, in month {month}, but this item is written in a way that cannot be moved automatically, so its date only moved by the years: move it to month {month}'s schedule by hand, and correct its date"
        )
    )
}

super::problems! {
    /// Rollover's own check of the spec it made failed: a bug in
    /// unionplan, not in the user's plan, and said so, with what failed
    /// (in the message itself: the workbench shows no more than that).
    pub fn rollover_made_bad_spec(year: i32, what: &str) {
        zh_en!(
            format!(
                "unionplan 出错了：换到 {year} 年做出的新计划没有通过它自己的检查，所以没有写入。检查发现：{what}。这是 unionplan 自己的问题，不是您的计划写错了"
            ),
            format!(
                "unionplan went wrong: the new plan it made for {year} failed its own check, so it was not written. The check found: {what}. This is unionplan's fault, not a mistake in your plan"
            )
        )
    }
}

/// The help under [`rollover_made_bad_spec`]: nothing was changed, and
/// what to do now.
pub fn rollover_made_bad_spec_help() -> String {
    zh_en!(
        "原来的计划没有改动。请把原来的计划文件和这段提示发给 unionplan 的开发者；急用的话，可以复制一份原计划，手动改年份和日期",
        "the original plan was not changed. Please send the original plan file and this message to unionplan's developers; if you need the plan now, copy the original and change its year and dates by hand"
    )
    .into()
}

/// One problem of the spec rollover made, for the message above; several
/// are joined with [`rollover_bad_spec_separator`].
pub fn rollover_bad_spec_problem(line: Option<usize>, problem: &str) -> String {
    match line {
        Some(line) => zh_en!(
            format!("新计划第 {line} 行：{problem}"),
            format!("the new plan's line {line}: {problem}")
        ),
        None => zh_en!(
            format!("新计划：{problem}"),
            format!("the new plan: {problem}")
        ),
    }
}

/// Between the problems listed in [`rollover_made_bad_spec`]
/// ([`rollover_bad_spec_problem`]).
pub fn rollover_bad_spec_separator() -> &'static str {
    zh_en!("；", "; ")
}

/// A line to review: a festival with no day in the new plan's period,
/// whose date moved by the years only.
pub fn rollover_festival_outside_plan(festival: &str, year: i32) -> String {
    zh_en!(
        format!(
            "{festival}在 {year} 年的计划时段里没有日子（农历和公历错开了），日期只按年份改了，请确认"
        ),
        format!(
            "{festival} has no day within the period of the plan for {year} (the lunar and solar calendars fall apart that year), so the date only moved by the years: please check"
        )
    )
}

/// A line to review: an anniversary that in `year` has not reached its
/// first, left as it was.
pub fn rollover_anniversary_before_first(phrase: &str, year: i32) -> String {
    zh_en!(
        format!("“{phrase}”在 {year} 年还不到第 1 个（或 1 周年），没有改动，请确认"),
        format!(
            "\"{phrase}\" has not reached its first in {year}, and was left as it was: please check"
        )
    )
}

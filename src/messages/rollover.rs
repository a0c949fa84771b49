//! The words about rollover.

use std::fmt::Display;

super::problems! {
    pub fn rollover_no_year() {
        "这个文件里没有 `year`，不知道从哪一年换到哪一年".into()
    }
}

pub fn rollover_leap_day(old: &str, new: &str) -> String {
    format!("{old} 换成了 {new}：新的一年没有 2 月 29 日")
}

pub fn rollover_date_unmoved(token: &str) -> String {
    format!("日期“{token}”看不懂，没有改动，请手动修改")
}

pub fn rollover_extends() -> String {
    "extends 指向的文件没有改动：请确认新计划是否仍以它为基础".into()
}

pub fn rollover_other_year(year: i32) -> String {
    format!("提到了 {year} 年，没有改动，请确认")
}

pub fn rollover_change(line: usize, what: &str, old: &str, new: &str) -> String {
    format!("第 {line} 行：{what} {old} → {new}")
}

pub fn rollover_what_year() -> &'static str {
    "年份"
}

pub fn rollover_what_date() -> &'static str {
    "日期"
}

pub fn rollover_what_text() -> &'static str {
    "文字中的年份"
}

pub fn rollover_summary(old: i32, new: i32, changes: usize) -> String {
    format!("从 {old} 年换到 {new} 年，共改动 {changes} 处：")
}

pub fn rollover_review_header() -> String {
    "请人工看一看这几行：".into()
}

pub fn rollover_review(line: usize, reason: &str) -> String {
    format!("第 {line} 行：{reason}")
}

pub fn rollover_dry_run() -> String {
    "（试运行：没有写入任何文件）".into()
}

pub fn rollover_written(path: impl Display) -> String {
    format!("已写好新一年的计划 {path}，原来的文件没有改动")
}

pub fn rollover_year_help() -> String {
    "--year 写新计划的年份，例如 --year 2026".to_string()
}

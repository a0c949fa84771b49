//! The words about batch.

use std::fmt::Display;

super::problems! {
    pub fn district_not_map(found: &str) {
        format!("区（县）批量文件应当是“字段: 内容”的形式，实际是{found}")
    }
}

pub fn district_help() -> String {
    "批量文件至少要有 base（各校共用的计划文件）和 schools 或 roster（各校名单）".into()
}

super::problems! {
    pub fn district_path(key: &str, found: &str) {
        format!("`{key}` 应当是一个文件路径，实际是{found}")
    }
}

super::problems! {
    pub fn district_no_schools() {
        "没有任何学校：请在 schools 下列出学校，或用 roster 指定名单表格".into()
    }
}

pub fn base_of(district: impl Display) -> String {
    format!("这是批量文件 {district} 的 base")
}

pub fn roster_row(file: impl Display, line: usize) -> String {
    format!("{file} 第 {line} 行")
}

super::problems! {
    pub fn roster_unreadable(file: impl Display, err: impl Display) {
        format!("无法读取名单 {file}：{err}")
    }
}

super::problems! {
    pub fn roster_not_utf8(file: impl Display) {
        format!("名单 {file} 不是 UTF-8 编码：在 Excel 里“另存为”时请选择“CSV UTF-8（逗号分隔）”")
    }
}

super::problems! {
    pub fn roster_bad(file: impl Display, err: impl Display) {
        format!("名单 {file} 读不懂：{err}")
    }
}

super::problems! {
    pub fn roster_empty(file: impl Display) {
        format!("名单 {file} 是空的：第一行应当是表头（school、signature.org ……），下面每行一所学校")
    }
}

super::problems! {
    pub fn batch_clash(first: &str, second: &str, name: &str) {
        format!("“{first}”和“{second}”会写到同一个文件“{name}”，一个文件都没有写：请把学校名称改得不同")
    }
}

pub fn batch_summary(total: usize, ok: usize, failed: usize, seconds: Option<f64>) -> String {
    match seconds {
        Some(s) => format!("共 {total} 所学校：成功 {ok} 所，失败 {failed} 所，用时 {s:.1} 秒"),
        None => format!("共 {total} 所学校：成功 {ok} 所，失败 {failed} 所"),
    }
}

pub fn batch_school_ok(done: usize, total: usize, school: &str) -> String {
    format!("[{done}/{total}] {school}：已生成")
}

pub fn batch_school_failed(done: usize, total: usize, school: &str) -> String {
    format!("[{done}/{total}] {school}：有错误，没有生成")
}

pub fn batch_school_errors(school: &str) -> String {
    format!("{school} 的错误：")
}

pub fn index_title(district: impl Display) -> String {
    format!("工会工作计划（{district}）")
}

pub fn index_school() -> &'static str {
    "学校"
}

pub fn index_files() -> &'static str {
    "文件"
}

pub fn index_errors() -> &'static str {
    "错误"
}

pub fn batch_jobs_capped(asked: usize, used: usize) -> String {
    if asked < used {
        format!("-j 至少是 1，改为 -j {used}")
    } else {
        format!("-j {asked} 超出了这台电脑能同时处理的数量，改为 -j {used}")
    }
}

super::problems! {
    pub fn batch_no_threads(err: impl Display) {
        format!("无法启动并行处理的线程：{err}（可以试试更小的 -j）")
    }
}

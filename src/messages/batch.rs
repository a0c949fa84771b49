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
    pub fn roster_unreadable(file: impl Display, err: &std::io::Error) {
        format!("无法读取名单 {file}：{}", super::io_reason(err))
    }
}

super::problems! {
    pub fn roster_unknown_encoding() {
        "名单的编码认不出来：在 Excel 或 WPS 里“另存为”CSV（逗号分隔）或 Excel 工作簿（.xlsx）再试".into()
    }
}

super::problems! {
    pub fn roster_bad(err: impl Display) {
        format!("名单读不懂：{err}")
    }
}

super::problems! {
    pub fn roster_empty() {
        "名单里没有学校：表头下面每行写一所学校".into()
    }
}

super::problems! {
    pub fn roster_no_header() {
        "名单里找不到表头：前几行都没有计划里的字段名".into()
    }
}

pub fn roster_header_help() -> String {
    "表头写计划里的字段名，例如：学校、落款单位、落款日期、年度、标题（也可以写英文 school、signature.org）".into()
}

super::problems! {
    pub fn roster_header_twice(name: &str, first_column: usize) {
        format!("表头“{name}”和第 {first_column} 列是同一个字段，只能写一列")
    }
}

super::problems! {
    pub fn roster_extends() {
        "名单里不能写 extends：各校共用的计划请写在区县文件的 base 里".into()
    }
}

super::problems! {
    pub fn roster_columns_ignored(names: &[String]) {
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        format!("这些列不是计划里的内容，没有用上：{}", super::quote_list(&names))
    }
}

super::problems! {
    pub fn roster_column_without_header(column: usize) {
        format!("第 {column} 列有内容，但没有表头，这一列没有用上")
    }
}

super::problems! {
    pub fn roster_too_big(cells: usize) {
        format!("名单太大：超过 {cells} 个格子。请检查表格里是否有很远的地方误填了内容")
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

super::problems! {
    pub fn school_extends() {
        "学校条目里不能写 extends：各校都从 base 出发".into()
    }
}

pub fn school_extends_help() -> String {
    "这所学校有自己的计划文件的话，写 spec: 文件名（它会合并在 base 之上）".into()
}

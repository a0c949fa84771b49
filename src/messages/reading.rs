//! The words about reading files.

use std::fmt::Display;

super::problems! {
    pub fn cannot_read(err: &std::io::Error) {
        format!("无法读取这个文件：{}", super::io_reason(err))
    }
}

super::problems! {
    pub fn not_utf8() {
        "文件的编码认不出来：既不是 UTF-8，也不是 GBK".into()
    }
}

pub fn not_utf8_help() -> String {
    "请用记事本或 VS Code 把文件“另存为”UTF-8 编码后再试".into()
}

super::problems! {
    pub fn empty_spec() {
        "文件是空的（或只有注释），没有任何计划内容".into()
    }
}

pub fn empty_spec_help() -> String {
    "可以运行 `unionplan init 文件名.yaml` 生成一份完整的示例再修改".into()
}

super::problems! {
    pub fn yaml_syntax(detail: impl Display) {
        format!("YAML 格式有误：{detail}")
    }
}

pub fn yaml_tab_help() -> String {
    "YAML 不能用 Tab 键缩进，请全部改成空格".into()
}

pub fn yaml_syntax_help() -> String {
    "检查这一行及上一行的缩进和冒号：同一层的字段要对齐，冒号后面要有一个空格".into()
}

super::problems! {
    pub fn duplicate_key(key: &str) {
        format!("字段 `{key}` 写了两次")
    }
}

pub fn duplicate_key_help() -> String {
    "同一层里每个字段只能写一次：删掉一处，或把两处的内容合并".into()
}

super::problems! {
    pub fn yaml_too_deep() {
        "内容嵌套得太深（或用 YAML 锚点反复引用），无法读取".into()
    }
}

super::problems! {
    pub fn top_level_not_map(found: &str) {
        format!("整个文件应当是“字段: 内容”的形式，实际是{found}")
    }
}

super::problems! {
    pub fn spec_encoding(encoding: &str) {
        format!("文件是 {encoding} 编码，已经按 {encoding} 读取")
    }
}

pub fn spec_encoding_help() -> String {
    "不必改动；如果想让其他程序也读得顺，可以用记事本“另存为”，编码选 UTF-8".into()
}

super::problems! {
    pub fn spec_is_word() {
        "这是 Word 文件，不是计划文件（.yaml）".into()
    }
}

pub fn spec_is_word_help(file: impl Display) -> String {
    format!("要把它变成计划文件，请用 unionplan import {file}")
}

super::problems! {
    pub fn spec_is_old_word() {
        "这是旧版 Word（.doc）或 WPS 文件，不是计划文件（.yaml）".into()
    }
}

pub fn spec_is_old_word_help() -> String {
    "先用 Word 或 WPS 打开它，“另存为”Word 文档（.docx），再用 unionplan import 把 .docx 变成计划文件".into()
}

super::problems! {
    pub fn spec_is_spreadsheet() {
        "这是 Excel 或 WPS 表格，不是计划文件（.yaml）".into()
    }
}

pub fn spec_is_spreadsheet_help(file: impl Display) -> String {
    format!("学校名单请写进区县文件：roster: {file}，再用 unionplan batch 区县文件.yaml")
}

super::problems! {
    pub fn spec_is_pdf() {
        "这是 PDF 文件，不是计划文件（.yaml）".into()
    }
}

pub fn spec_is_pdf_help() -> String {
    "unionplan 读不了 PDF：请找到它的 Word 原文件，用 unionplan import 变成计划文件".into()
}

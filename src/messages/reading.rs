//! The words about reading files.

use std::fmt::Display;

super::problems! {
    pub fn cannot_read(err: &std::io::Error) {
        format!("无法读取这个文件：{}", super::io_reason(err))
    }
}

super::problems! {
    pub fn not_utf8() {
        "文件不是 UTF-8 编码".into()
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

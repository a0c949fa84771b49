//! The words about extends.

use std::fmt::Display;

super::problems! {
    pub fn extends_not_text(found: &str) {
        format!("`extends` 应当是一个文件路径，实际是{found}")
    }
}

pub fn extends_help() -> String {
    "写上一年计划文件的路径，相对于本文件所在的文件夹，例如：extends: ../2025/lihe.yaml".into()
}

super::problems! {
    pub fn extends_missing(written: &str, full: impl Display) {
        format!("找不到 `extends` 指向的文件“{written}”（找的是 {full}）")
    }
}

super::problems! {
    pub fn extends_is_dir(written: &str) {
        format!("`extends` 指向的“{written}”是一个文件夹，不是计划文件")
    }
}

super::problems! {
    pub fn extends_cycle(chain: &str) {
        format!("`extends` 绕成了一个圈：{chain}")
    }
}

pub fn extended_by(chain: &str) -> String {
    format!("这个文件是通过 extends 读入的：{chain}")
}

super::problems! {
    pub fn nothing_to_remove(id: Option<&str>) {
        match id {
            Some(id) => format!("上一份计划里没有 id 为“{id}”的项，无从删除"),
            None => "要删除的项没有写 id，不知道删哪一项".into(),
        }
    }
}

pub fn nothing_to_remove_help() -> String {
    "remove: true 删除的是 extends 的文件里 id 相同的那一项；检查 id 是否写对".into()
}

super::problems! {
    pub fn remove_without_extends() {
        "`remove: true` 只能在用 extends 的文件里删除上一份计划的项".into()
    }
}

super::problems! {
    pub fn duplicate_id(id: &str, first_line: Option<usize>) {
        match first_line {
            Some(line) => format!("id“{id}”已经在第 {line} 行用过了，同一个列表里的 id 不能重复"),
            None => format!("id“{id}”在同一个列表里重复了"),
        }
    }
}

super::problems! {
    pub fn bad_bool(found: &str) {
        format!("这里应当是 true 或 false，实际是{found}")
    }
}

/// What to write in the spec's own file for a value from the file it extends.
pub fn fix_here(parent: &str, own: &str, snippet: &str) -> String {
    format!("{parent} 是上一份计划，不要改它：在 {own} 里写上下面这几行，换成今年的内容\n{snippet}")
}

pub fn fix_here_needs_id(parent: &str, own: &str, k: crate::spec::keys::Naming) -> String {
    let id = k.key("id");
    format!(
        "{parent} 是上一份计划，这一项在那里没有 {id}：先在 {parent} 的这一项里加一行“{id}: 起个名字”（只加这一行），再在 {own} 里用同样的 {id} 写上今年的内容"
    )
}

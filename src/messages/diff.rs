//! The words about diff.

use super::*;

pub fn diff_none() -> String {
    "两份计划的内容没有区别".into()
}

pub fn diff_added(what: &str) -> String {
    format!("+ 新增：{what}")
}

pub fn diff_removed(what: &str) -> String {
    format!("- 删去：{what}")
}

pub fn diff_changed(what: &str, old: &str, new: &str) -> String {
    format!("~ 修改：{what}：“{}” → “{}”", shorten(old), shorten(new))
}

pub fn diff_moved(what: &str, from: &str, to: &str) -> String {
    format!("→ 调整：{what}：{from} → {to}")
}

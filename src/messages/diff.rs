//! The words about diff. What changed (`what`) names a part of the Chinese
//! document and stays as the document says it.

use super::*;

pub fn diff_none() -> String {
    zh_en!(
        "两份计划的内容没有区别",
        "the two plans have the same content"
    )
    .into()
}

pub fn diff_added(what: &str) -> String {
    zh_en!(format!("+ 新增：{what}"), format!("+ added: {what}"))
}

pub fn diff_removed(what: &str) -> String {
    zh_en!(format!("- 删去：{what}"), format!("- removed: {what}"))
}

/// A changed text, as two excerpts around what changed
/// ([`crate::diff::excerpts`]), so the two sides never look alike.
pub fn diff_changed(what: &str, old: &str, new: &str) -> String {
    let (old, new) = crate::diff::excerpts(old, new, zh_en!("……", "…"));
    zh_en!(
        format!("~ 修改：{what}：“{old}” → “{new}”"),
        format!("~ changed: {what}: \"{old}\" → \"{new}\"")
    )
}

pub fn diff_moved(what: &str, from: &str, to: &str) -> String {
    zh_en!(
        format!("→ 调整：{what}：{from} → {to}"),
        format!("→ moved: {what}: {from} → {to}")
    )
}

pub fn diff_calendar(what: &str, festival: &str) -> String {
    zh_en!(
        format!("  （{what}：日期随{festival}按农历、节气移动，不是人改的）"),
        format!("  ({what}: the date moved with {festival} in the Chinese calendar)")
    )
}

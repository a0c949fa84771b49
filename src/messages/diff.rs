//! The words about diff. What changed (`what`) names a part of the Chinese
//! document and stays as the document says it.

use super::*;

/// The one line `diff` prints when the two plans have the same content.
pub fn diff_none() -> String {
    zh_en!(
        "两份计划的内容没有区别",
        "the two plans have the same content"
    )
    .into()
}

/// A line of `diff`: something only the new plan has.
pub fn diff_added(what: &str) -> String {
    zh_en!(format!("+ 新增：{what}"), format!("+ added: {what}"))
}

/// A line of `diff`: something only the old plan has.
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

/// A line of `diff`: a schedule item now in another month.
pub fn diff_moved(what: &str, from: &str, to: &str) -> String {
    zh_en!(
        format!("→ 调整：{what}：{from} → {to}"),
        format!("→ moved: {what}: {from} → {to}")
    )
}

/// A line of `diff` after a changed schedule item: its date moved with
/// its festival in the Chinese calendar, not by a person's hand.
pub fn diff_calendar(what: &str, festival: &str) -> String {
    zh_en!(
        format!("  （{what}：日期随{festival}按农历、节气移动，不是人改的）"),
        format!("  ({what}: the date moved with {festival} in the Chinese calendar)")
    )
}

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

pub fn diff_changed(what: &str, old: &str, new: &str) -> String {
    zh_en!(
        format!("~ 修改：{what}：“{}” → “{}”", shorten(old), shorten(new)),
        format!(
            "~ changed: {what}: \"{}\" → \"{}\"",
            shorten(old),
            shorten(new)
        )
    )
}

super::problems! {
    /// `diff --docx` given one of the two plan files as the Word file.
    pub fn diff_docx_is_spec(path: impl std::fmt::Display) {
        zh_en!(
            format!("{path} 是要比较的计划文件本身，没有写 Word 文件：请给 --docx 换一个文件名"),
            format!(
                "{path} is one of the plan files being compared, so no Word file was written: give --docx another file name"
            )
        )
    }
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

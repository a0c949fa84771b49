//! The words about progress and summaries.

use std::fmt::Display;

use super::zh_en;

/// Said for each file written.
pub fn wrote(path: impl Display) -> String {
    zh_en!(format!("已生成 {path}"), format!("wrote {path}"))
}

/// Said when a spec had problems and none of its files was written.
pub fn nothing_written(spec: impl Display) -> String {
    zh_en!(
        format!("没有为 {spec} 生成任何文件"),
        format!("nothing was written for {spec}")
    )
}

/// Said by `validate` when a spec has no errors.
pub fn valid(spec: impl Display) -> String {
    zh_en!(format!("{spec} 没有问题"), format!("{spec} is valid"))
}

/// Said after the errors, when there is more than one: how many.
pub fn error_count(n: usize) -> String {
    zh_en!(format!("共 {n} 处错误"), format!("{n} error(s)"))
}

/// Said by `init` when the example plan is written, with what to run next.
pub fn init_written(path: impl Display) -> String {
    zh_en!(
        format!("已写好示例计划 {path}，修改后运行：unionplan render {path}"),
        format!("wrote the example plan {path}; edit it, then run: unionplan render {path}")
    )
}

/// Said by `init` when it wrote the JSON schema next to the plan, which
/// lets an editor suggest fields and mark mistakes.
pub fn init_schema_written(path: impl Display) -> String {
    zh_en!(
        format!("已写好 {path}：在 VS Code 里装上 YAML 插件，编辑时就会提示字段、标出错误"),
        format!(
            "wrote {path}: with the YAML extension installed in VS Code, the editor suggests fields and marks mistakes as you type"
        )
    )
}

super::problems! {
    pub fn no_formats() {
        zh_en!(
            "formats 是空的，什么文件都不会生成：写上要的格式，例如 formats: [docx]，或者删掉这一行（默认三种都生成）",
            "formats is empty, so no file would be made: list the formats you want, for example formats: [docx], or delete the line (all three are made by default)"
        )
        .to_string()
    }
}

super::problems! {
    pub fn bad_format(found: &str) {
        zh_en!(
            format!("不认识的输出格式“{found}”，可选 docx、md、html、pdf"),
            format!("unknown output format \"{found}\": choose docx, md, html or pdf")
        )
    }
}

/// The label that starts a printed error.
pub fn label_error() -> &'static str {
    zh_en!("错误", "error")
}

/// The label that starts a printed warning.
pub fn label_warning() -> &'static str {
    zh_en!("警告", "warning")
}

/// The label that starts a printed notice (a problem for information
/// only, such as a GBK file read as GBK).
pub fn label_notice() -> &'static str {
    zh_en!("注意", "notice")
}

/// The label before a problem's help line.
pub fn label_help() -> &'static str {
    zh_en!("提示", "help")
}

/// The label before each of a problem's notes.
pub fn label_note() -> &'static str {
    zh_en!("说明", "note")
}

/// The word before the field a printed problem is about.
pub fn label_field() -> &'static str {
    zh_en!("字段", "field")
}

/// What follows a label, a location or a field in a printed problem
/// (`错误：plan.yaml:3:1：`, `error: plan.yaml:3:1: `).
pub fn colon() -> &'static str {
    zh_en!("：", ": ")
}

/// Between the items of a list in a sentence.
pub fn list_separator() -> &'static str {
    zh_en!("、", ", ")
}

/// Months in a sentence: 三月、四月 / March, April (given as 3月、4月).
pub fn month_list(months: &[u32]) -> String {
    months
        .iter()
        .map(|m| zh_en!(format!("{m}月"), format!("month {m}")))
        .collect::<Vec<_>>()
        .join(list_separator())
}

/// A date as the user reads it in a sentence, even one no calendar has.
pub fn written_date(year: i32, month: u32, day: u32) -> String {
    zh_en!(
        format!("{year}年{month}月{day}日"),
        format!("{year}-{month:02}-{day:02}")
    )
}

/// The name of a Word file as a whole, where a part's name would go.
pub fn whole_file() -> &'static str {
    zh_en!("整个文件", "the whole file")
}

/// A name typed without its extension (Explorer hides it), and the file
/// that was found for it.
pub fn using_file_with_extension(typed: impl Display, found: impl Display) -> String {
    zh_en!(
        format!("没有叫 {typed} 的文件，用的是 {found}"),
        format!("no file is named {typed}; using {found}")
    )
}

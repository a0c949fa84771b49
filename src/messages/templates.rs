//! The words about templates.

use std::fmt::Display;

use super::*;

super::problems! {
    pub fn template_dir_missing(dir: impl Display) {
        zh_en!(
            format!("模板文件夹 {dir} 不存在"),
            format!("the template folder {dir} does not exist")
        )
    }
}

/// Said of a file in the template folder whose name is none of the
/// templates' (`known`): it is ignored.
pub fn template_unknown_file(name: impl Display, known: &[&str]) -> String {
    zh_en!(
        format!(
            "模板文件夹里的 {name} 不是本程序的模板，已忽略（模板文件名应为 {}）",
            quote_list(known)
        ),
        format!(
            "{name} in the template folder is not one of this program's templates and was ignored (template files are named {})",
            quote_list(known)
        )
    )
}

super::problems! {
    pub fn template_unreadable(path: impl Display, err: impl Display) {
        zh_en!(
            format!("{path}：无法读取这个文件：{err}"),
            format!("{path}: cannot read this file: {err}")
        )
    }
}

super::problems! {
    pub fn template_error(detail: impl Display) {
        zh_en!(
            format!("模板有误：\n{detail}"),
            format!("the template has an error:\n{detail}")
        )
    }
}

/// Which limit of a template's render was reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Over {
    /// Its `range` loops together went past a million steps.
    Steps,
    /// It wrote more than the output allows.
    Output,
    /// It ran too long.
    Time,
}

/// Why a render was stopped, as the end of a sentence.
pub fn template_budget_reason(over: Over) -> String {
    match over {
        Over::Steps => zh_en!(
            "range 循环加起来超过了一百万次（多半是循环套着循环）",
            "its range loops came to over a million steps together (most likely a loop inside a loop)"
        )
        .into(),
        Over::Output => zh_en!(
            "写出的内容超过了 32 MB",
            "it wrote more than 32 MB"
        )
        .into(),
        Over::Time => zh_en!("运行超过了 20 秒", "it ran for over 20 seconds").into(),
    }
}

super::problems! {
    /// A template stopped by its budget, named.
    pub fn template_over_budget(name: impl Display, over: Over) {
        zh_en!(
            format!("模板 {name} 被停下了：{}。一个文件都没有写，请检查模板里的循环", template_budget_reason(over)),
            format!("the template {name} was stopped: {}. No file was written; check the template's loops", template_budget_reason(over))
        )
    }
}

super::problems! {
    /// A `set` whose value names assigned variables twice: in a loop it
    /// doubles at each step ([`crate::template`]'s budget).
    pub fn template_doubles(name: impl Display, line: usize, var: &str) {
        zh_en!(
            format!("模板 {name} 第 {line} 行：给 {var} 赋的值里用了两次已赋值的变量，放在循环里每一步都会翻倍，很快就会占满内存，所以没有使用这个模板。请改成每次只接上一小段"),
            format!("template {name}, line {line}: the value given to {var} uses assigned variables twice; in a loop it doubles at every step and soon fills the memory, so the template was not used. Append one small piece at a time instead")
        )
    }
}

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

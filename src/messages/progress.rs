//! The words about progress and summaries.

use std::fmt::Display;

pub fn wrote(path: impl Display) -> String {
    format!("已生成 {path}")
}

pub fn nothing_written(spec: impl Display) -> String {
    format!("没有为 {spec} 生成任何文件")
}

pub fn valid(spec: impl Display) -> String {
    format!("{spec} 没有问题")
}

pub fn error_count(n: usize) -> String {
    format!("共 {n} 处错误")
}

pub fn init_written(path: impl Display) -> String {
    format!("已写好示例计划 {path}，修改后运行：unionplan render {path}")
}

pub fn init_schema_written(path: impl Display) -> String {
    format!("已写好 {path}：在 VS Code 里装上 YAML 插件，编辑时就会提示字段、标出错误")
}

super::problems! {
    pub fn no_formats() {
        "formats 是空的，什么文件都不会生成：写上要的格式，例如 formats: [docx]，或者删掉这一行（默认三种都生成）".to_string()
    }
}

super::problems! {
    pub fn bad_format(found: &str) {
        format!("不认识的输出格式“{found}”，可选 docx、md、html")
    }
}

pub fn label_error() -> &'static str {
    "错误"
}

pub fn label_warning() -> &'static str {
    "警告"
}

pub fn label_notice() -> &'static str {
    "注意"
}

pub fn label_help() -> &'static str {
    "提示"
}

pub fn label_note() -> &'static str {
    "说明"
}

pub fn label_field() -> &'static str {
    "字段"
}

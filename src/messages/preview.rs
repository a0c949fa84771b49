//! The words about preview.

use std::fmt::Display;

pub fn preview_listening(url: impl Display) -> String {
    format!(
        "预览地址：{url}\n用浏览器打开它；修改并保存计划文件后，页面会自动刷新。按 Ctrl+C 结束。"
    )
}

pub fn preview_error_title(spec: impl Display) -> String {
    format!("{spec} 有错误")
}

pub fn preview_error_hint() -> String {
    "改正下面的错误并保存文件，这个页面会自动刷新".into()
}

super::problems! {
    pub fn preview_cannot_listen(err: impl Display) {
        format!("无法启动预览：{err}（换一个端口试试：--port 8080）")
    }
}

pub fn preview_not_found() -> &'static str {
    "没有这个页面"
}

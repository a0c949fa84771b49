//! The words about preview. The page's error view (title, hint, the page
//! not found) is for the person editing, so it follows the language; the
//! plan shown is the Chinese document.

use std::fmt::Display;

use super::zh_en;

/// Printed when `preview` starts: the address to open, and that the page
/// reloads when the plan is saved.
pub fn preview_listening(url: impl Display) -> String {
    zh_en!(
        format!(
            "预览地址：{url}\n用浏览器打开它；修改并保存计划文件后，页面会自动刷新。按 Ctrl+C 结束。"
        ),
        format!(
            "preview at: {url}\nopen it in a browser; the page reloads when the plan file is changed and saved. Press Ctrl+C to stop."
        )
    )
}

/// The title of the preview page while the plan has errors.
pub fn preview_error_title(spec: impl Display) -> String {
    zh_en!(format!("{spec} 有错误"), format!("{spec} has errors"))
}

/// The line under [`preview_error_title`]: fix the errors and save, and
/// the page reloads.
pub fn preview_error_hint() -> String {
    zh_en!(
        "改正下面的错误并保存文件，这个页面会自动刷新",
        "correct the errors below and save the file: this page reloads by itself"
    )
    .into()
}

super::problems! {
    pub fn preview_cannot_listen(err: impl Display) {
        zh_en!(
            format!("无法启动预览：{err}（换一个端口试试：--port 8080）"),
            format!("cannot start the preview: {err} (try another port: --port 8080)")
        )
    }
}

/// The body of a 404 from the preview or the workbench.
pub fn preview_not_found() -> &'static str {
    zh_en!("没有这个页面", "no such page")
}

/// The heading of the warnings box at the top of the preview.
pub fn preview_warnings_title(n: usize) -> String {
    zh_en!(
        format!("这份计划有 {n} 条警告或提醒（不影响生成文件，改不改由你决定）："),
        format!("{n} warnings or notes on this plan (the files are made all the same):")
    )
}

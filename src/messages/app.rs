//! The words of the workbench (`unionplan app`) that come from the server:
//! where it listens, and why a request was refused. The page's own labels
//! are in its HTML (`src/app/assets/index.html`).

use std::fmt::Display;

use super::zh_en;

/// Printed when the workbench starts: the address it serves, on a line
/// of its own for the user to copy.
pub fn app_listening(url: impl Display) -> String {
    zh_en!(format!("工作台：{url}"), format!("workbench: {url}"))
}

/// Printed under [`app_listening`]: what to do when no browser opened, and
/// how to stop the workbench.
pub fn app_how_to_stop() -> String {
    zh_en!(
        "浏览器没有自动打开的话，把上面的网址复制到浏览器里。用完关掉这个窗口，或按 Ctrl+C。",
        "If no browser opened, copy the address above into one. Close this window or press Ctrl+C when done."
    )
    .into()
}

/// What the browser sent, named where it is too large.
pub fn app_upload() -> &'static str {
    zh_en!("上传的内容", "the upload")
}

super::problems! {
    pub fn app_cannot_listen(err: impl Display) {
        zh_en!(
            format!("无法启动工作台：{err}（换一个端口试试：--port 8080）"),
            format!("cannot start the workbench: {err} (try another port: --port 8080)")
        )
    }

    pub fn app_not_a_folder(folder: impl Display) {
        zh_en!(
            format!("{folder} 不是一个文件夹：工作台要在放计划文件的文件夹里打开"),
            format!("{folder} is not a folder: the workbench opens a folder of plans")
        )
    }

    /// A request from a page that is not the workbench's own.
    pub fn app_forbidden() {
        zh_en!(
            "拒绝访问：这个请求不是从工作台页面发出的",
            "refused: this request did not come from the workbench's page"
        )
        .to_string()
    }

    pub fn app_bad_name(name: impl Display) {
        zh_en!(
            format!("文件名“{name}”不行：只能是工作台文件夹里的文件，不能含有 .. 或盘符"),
            format!("the name \"{name}\" is refused: only files inside the workbench's folder, without .. or a drive")
        )
    }

    pub fn app_outside_folder(name: impl Display) {
        zh_en!(
            format!("{name} 指向工作台文件夹以外的地方，不能打开"),
            format!("{name} leads outside the workbench's folder and is not opened")
        )
    }

    pub fn app_not_a_file(name: impl Display) {
        zh_en!(
            format!("{name} 不是普通文件（可能是文件夹或设备），不能打开"),
            format!("{name} is not an ordinary file (a folder or a device) and is not opened")
        )
    }

    pub fn app_not_found(name: impl Display) {
        zh_en!(
            format!("找不到 {name}"),
            format!("{name} does not exist")
        )
    }

    pub fn app_too_large(what: impl Display, limit_mb: u64) {
        zh_en!(
            format!("{what} 太大了：最多 {limit_mb} MB"),
            format!("{what} is too large: {limit_mb} MB at most")
        )
    }

    /// Saving over a file that changed on disk since the page read it.
    pub fn app_changed_on_disk(name: impl Display) {
        zh_en!(
            format!("{name} 在你打开以后被别的程序改过了（比如记事本）。要用磁盘上的版本，请点“重新读取”；要用这里的版本替换它，请点“仍然保存”。"),
            format!("{name} was changed by another program since you opened it. Reload it to use that version, or save anyway to replace it with this one.")
        )
    }

    pub fn app_exists(name: impl Display) {
        zh_en!(
            format!("{name} 已经存在，没有覆盖它：请换一个名字"),
            format!("{name} already exists and was not replaced: choose another name")
        )
    }

    pub fn app_batch_running(name: impl Display) {
        zh_en!(
            format!("{name} 的各校计划正在生成，请等它完成"),
            format!("the schools of {name} are being made: wait until it is done")
        )
    }

    pub fn app_bad_request(what: impl Display) {
        zh_en!(
            format!("请求有误：{what}"),
            format!("bad request: {what}")
        )
    }
}

//! The words about writing.

use std::fmt::Display;

use super::zh_en;

super::problems! {
    pub fn cannot_write(path: impl Display, err: &std::io::Error) {
        zh_en!(
            format!("无法写入 {path}：{}（原来的文件没有被改动）", io_reason(err)),
            format!("cannot write {path}: {} (the existing file was left as it was)", io_reason(err))
        )
    }
}

super::problems! {
    /// Windows refuses to replace a file that Word or WPS holds open.
    pub fn file_open_elsewhere(path: impl Display) {
        zh_en!(
            format!("无法写入 {path}：这个文件正在 Word 或 WPS 里打开着。请在 Word 或 WPS 里关掉它，再运行一次（原来的文件没有被改动）"),
            format!("cannot write {path}: the file is open in Word or WPS. Close it there and run again (the existing file was left as it was)")
        )
    }
}

super::problems! {
    pub fn cannot_create_dir(path: impl Display, err: &std::io::Error) {
        zh_en!(
            format!("无法创建文件夹 {path}：{}", io_reason(err)),
            format!("cannot create the folder {path}: {}", io_reason(err))
        )
    }
}

super::problems! {
    pub fn cannot_write_stdout(err: &std::io::Error) {
        zh_en!(
            format!("无法写到标准输出：{}", io_reason(err)),
            format!("cannot write to standard output: {}", io_reason(err))
        )
    }
}

/// Why a read or write failed, in the user's language where the reason is
/// a common one; the system's own words otherwise.
pub fn io_reason(err: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match err.kind() {
        K::NotFound => zh_en!("找不到这个文件或文件夹", "no such file or folder").into(),
        K::PermissionDenied => zh_en!("没有权限", "permission denied").into(),
        K::AlreadyExists => zh_en!("文件已经存在", "the file already exists").into(),
        K::StorageFull => zh_en!("磁盘已满", "the disk is full").into(),
        K::ReadOnlyFilesystem => zh_en!("磁盘是只读的", "the disk is read-only").into(),
        K::IsADirectory => zh_en!("这是一个文件夹，不是文件", "it is a folder, not a file").into(),
        K::NotADirectory => zh_en!(
            "路径中间有一项是文件，不是文件夹",
            "a part of the path is a file, not a folder"
        )
        .into(),
        K::ResourceBusy | K::ExecutableFileBusy => zh_en!(
            "文件正被别的程序占用",
            "the file is in use by another program"
        )
        .into(),
        K::InvalidFilename => zh_en!("文件名不合规", "the file name is not allowed").into(),
        K::BrokenPipe => zh_en!(
            "接收输出的程序已经关闭",
            "the program receiving the output has closed"
        )
        .into(),
        _ => err.to_string(),
    }
}

super::problems! {
    pub fn docx_build_failed(err: impl Display) {
        zh_en!(
            format!("生成 Word 文件时出错：{err}"),
            format!("making the Word file failed: {err}")
        )
    }
}

/// Why a DOCX could not be packed: a part over the 4 GB a zip without
/// zip64 holds.
pub fn docx_part_too_large(part: impl Display) -> String {
    zh_en!(
        format!("{part} 超过了 Word 文件能容纳的 4 GB"),
        format!("{part} is larger than the 4 GB a Word file can hold")
    )
}

/// Why a DOCX could not be packed: a part name that is empty or over
/// 65,535 bytes.
pub fn docx_part_name_bad(name: impl Display) -> String {
    zh_en!(
        format!("Word 文件里的部件名“{name}”不能用：为空或太长（最多 65535 字节）"),
        format!(
            "the Word file's part name \"{name}\" cannot be used: empty or too long (65,535 bytes at most)"
        )
    )
}

/// Why a DOCX could not be packed: compressing a part failed.
pub fn docx_deflate_failed(err: impl Display) -> String {
    zh_en!(
        format!("压缩 Word 文件的内容时出错（{err}）"),
        format!("compressing the content of the Word file failed ({err})")
    )
}

super::problems! {
    pub fn file_exists(path: impl Display) {
        zh_en!(
            format!("{path} 已经存在，没有覆盖它（要覆盖请加上 --force）"),
            format!("{path} already exists and was not overwritten (add --force to overwrite it)")
        )
    }
}

super::problems! {
    pub fn render_clash(first: impl Display, second: impl Display, output: impl Display) {
        zh_en!(
            format!(
                "{first} 和 {second} 会写到同一个文件 {output}，一个文件都没有写：请用 -o 给它们不同的输出文件夹，或者给其中一个计划文件改名"
            ),
            format!(
                "{first} and {second} would both be written to {output}, so no file was written: give them different output folders with -o, or rename one of the plan files"
            )
        )
    }
}

super::problems! {
    /// An output of the run would replace one of its own inputs.
    pub fn output_is_input(output: impl Display, input: impl Display) {
        zh_en!(
            format!("输出文件 {output} 就是这次要读的文件 {input}，写了就会把它换掉，所以一个文件都没有写：请给输出换一个文件夹或文件名"),
            format!(
                "the output file {output} is {input}, a file this run reads; writing it would replace it, so no file was written: choose another output folder or file name"
            )
        )
    }
}

super::problems! {
    pub fn pdf_no_libreoffice() {
        zh_en!(
            "没有生成 PDF：要生成 PDF，需要先安装 LibreOffice（免费，https://zh-cn.libreoffice.org/download/；Linux 上运行 apt-get install libreoffice-writer-nogui fonts-noto-cjk）".to_string(),
            "no PDF was made: making a PDF needs LibreOffice installed (free, https://www.libreoffice.org/download/; on Linux, apt-get install libreoffice-writer-nogui fonts-noto-cjk)".to_string()
        )
    }
}

super::problems! {
    pub fn pdf_libreoffice_failed(program: impl Display, err: &std::io::Error) {
        zh_en!(
            format!("没有生成 PDF：无法运行 LibreOffice（{program}）：{}", io_reason(err)),
            format!("no PDF was made: LibreOffice ({program}) could not be run: {}", io_reason(err))
        )
    }
}

super::problems! {
    pub fn pdf_soffice_var_missing(var: &str, path: impl Display) {
        zh_en!(
            format!("没有生成 PDF：环境变量 {var} 指定的 LibreOffice 程序 {path} 不存在，请改正它，或者删掉这个变量"),
            format!("no PDF was made: the LibreOffice program {path} named by {var} does not exist; correct it, or remove the variable")
        )
    }
}

/// Said after a PDF run failed, when other formats were asked for too.
pub fn pdf_others_written() -> &'static str {
    zh_en!(
        "其他格式的文件已经生成。",
        "The files in the other formats were written."
    )
}

super::problems! {
    pub fn pdf_libreoffice_timeout(seconds: u64) {
        zh_en!(
            format!("没有生成 PDF：LibreOffice 在 {seconds} 秒内没有完成转换，已停止它。请检查 LibreOffice 能否正常打开"),
            format!("no PDF was made: LibreOffice did not finish within {seconds} seconds and was stopped; check that LibreOffice opens normally")
        )
    }
}

super::problems! {
    pub fn pdf_not_made(path: impl Display) {
        zh_en!(
            format!("没有生成 {path}：LibreOffice 没能转换这份 Word 文件"),
            format!("{path} was not made: LibreOffice could not convert the Word file")
        )
    }
}

super::problems! {
    pub fn reference_no_page_numbers(path: impl Display) {
        zh_en!(
            format!("参考文档 {path} 的页脚里没有页码：用它的页脚的页面不会有页码"),
            format!("the footer of the reference document {path} has no page number: the pages with its footer will have none")
        )
    }
}

super::problems! {
    /// The template's 正文 is what Word or WPS gives a blank document
    /// (五号, 宋体 or the theme's font), not a choice: the plan keeps the
    /// 公文's own body text.
    pub fn reference_blank_body(path: impl Display, font: impl Display) {
        zh_en!(
            format!("参考文档 {path} 的正文样式是 Word / WPS 新建文档的默认设置（五号{font}），不像是学校定的：正文仍用计划自己的字体字号（默认三号仿宋），模板的页面和页眉页脚照用"),
            format!("the body style of the reference document {path} is what Word or WPS gives a blank document (五号 {font}), not a school's choice: the body keeps the plan's own font and size (by default 三号 仿宋); the template's page, headers and footers are used")
        )
    }
}

/// How to take the template's body style after all.
pub fn reference_blank_body_help() -> String {
    zh_en!(
        "确实要用模板的字体字号的话，在计划的 style 里写上 正文字体 / 正文字号（body_font / body_size）",
        "to use the template's font and size after all, write body_font and body_size under style in the plan"
    )
    .to_string()
}

/// How to put the page number back, with a template whose footer has none.
pub fn reference_no_page_numbers_help() -> String {
    zh_en!(
        "在 Word 里打开模板，双击页脚，点“插入 → 页码 → 当前位置”，保存后再生成；或者删掉模板的页脚，用 unionplan 自带的页码",
        "open the template in Word, double-click the footer, choose Insert → Page Number → Current Position, save, and render again; or delete the template's footer to get unionplan's page numbers"
    )
    .to_string()
}

super::problems! {
    pub fn reference_unreadable(path: &str, err: &crate::input::Refused) {
        zh_en!(
            format!("无法读取参考文档 {path}：{}", err.reason()),
            format!("cannot read the reference document {path}: {}", err.reason())
        )
    }
}

super::problems! {
    pub fn reference_not_docx(path: &str) {
        zh_en!(
            format!("参考文档 {path} 不是 Word 文件（.docx）：请在 Word 或 WPS 里把它另存为 .docx 再用"),
            format!("the reference document {path} is not a Word file (.docx): save it as .docx in Word or WPS first")
        )
    }
}

super::problems! {
    pub fn reference_external_dropped(path: impl Display) {
        zh_en!(
            format!("参考文档 {path} 的页眉或页脚链接了文件以外的内容（网址或别处的文件），这些内容没有带过来"),
            format!("the headers or footers of the reference document {path} link to things outside the file (a web address or another file); those were not taken")
        )
    }
}

/// How to keep a linked picture of a template.
pub fn reference_external_dropped_help() -> String {
    zh_en!(
        "要保留这张图片，在 Word 里删掉链接的图片，用“插入 → 图片 → 此设备”把图片放进模板，保存后再生成",
        "to keep the picture, delete the linked one in Word, put the picture into the template with Insert → Pictures → This Device, save, and render again"
    )
    .to_string()
}

super::problems! {
    pub fn reference_content_dropped(path: impl Display) {
        zh_en!(
            format!("参考文档 {path} 的页眉或页脚里除了图片还有别的内容（图表、嵌入的对象等），这些内容没有带过来"),
            format!("the headers or footers of the reference document {path} hold more than pictures (a chart, an embedded object); those were not taken")
        )
    }
}

super::problems! {
    pub fn reference_image_too_large(path: &str, image: &str, size: (u32, u32), max: (u32, u32)) {
        let ((width, height), (wan, side)) = (size, max);
        zh_en!(
            format!("参考文档 {path} 里的图片 {image} 有 {width}×{height} 像素，太大了（最多 {wan} 万像素，每边最多 {side} 像素），没有使用这个模板：请把图片缩小后重新放进模板"),
            format!("the picture {image} in the reference document {path} is {width}×{height} pixels, too large (at most {} million pixels and {side} pixels a side), so the template was not used: make the picture smaller and put it into the template again", f64::from(wan) / 100.0)
        )
    }
}

super::problems! {
    pub fn reference_image_too_large_bytes(path: &str, image: &str, mib: u64) {
        zh_en!(
            format!("参考文档 {path} 里的图片 {image} 超过 {mib} MB，太大了，没有使用这个模板：请换成 PNG 或 JPG 格式的较小图片"),
            format!("the picture {image} in the reference document {path} is larger than {mib} MB, too large, so the template was not used: use a smaller PNG or JPG picture instead")
        )
    }
}

super::problems! {
    pub fn reference_overlapping(path: &str) {
        zh_en!(
            format!("参考文档 {path} 的压缩数据不正常（几个部分共用同一段数据，这是“压缩炸弹”的做法），没有使用：请在 Word 或 WPS 里打开它，另存一份再用"),
            format!("the reference document {path} is packed abnormally (several parts share one stream of data, as zip bombs do), so it was not used: open it in Word or WPS and save a new copy")
        )
    }
}

super::problems! {
    pub fn reference_too_large(path: &str, mib: u64) {
        zh_en!(
            format!("参考文档 {path} 解压后超过 {mib} MB，不像是一份模板，没有使用：请删掉其中用不到的大图片，或者另存一份再用"),
            format!("the reference document {path} is larger than {mib} MB unpacked, which does not look like a template, so it was not used: remove large pictures it does not need, or save a new copy")
        )
    }
}

super::problems! {
    pub fn reference_damaged(path: &str, part: &str) {
        zh_en!(
            format!("参考文档 {path} 已损坏（其中的 {part} 读不出来）：请在 Word 或 WPS 里打开它，另存一份再用"),
            format!("the reference document {path} is damaged ({part} cannot be read): open it in Word or WPS and save a new copy")
        )
    }
}

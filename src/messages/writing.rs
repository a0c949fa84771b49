//! The words about writing.

use std::fmt::Display;

super::problems! {
    pub fn cannot_write(path: impl Display, err: &std::io::Error) {
        format!("无法写入 {path}：{}（原来的文件没有被改动）", io_reason(err))
    }
}

super::problems! {
    pub fn cannot_create_dir(path: impl Display, err: &std::io::Error) {
        format!("无法创建文件夹 {path}：{}", io_reason(err))
    }
}

super::problems! {
    pub fn cannot_write_stdout(err: &std::io::Error) {
        format!("无法写到标准输出：{}", io_reason(err))
    }
}

/// Why a read or write failed, in Chinese where the reason is a common
/// one; the system's own words otherwise.
pub fn io_reason(err: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match err.kind() {
        K::NotFound => "找不到这个文件或文件夹".into(),
        K::PermissionDenied => "没有权限".into(),
        K::AlreadyExists => "文件已经存在".into(),
        K::StorageFull => "磁盘已满".into(),
        K::ReadOnlyFilesystem => "磁盘是只读的".into(),
        K::BrokenPipe => "接收输出的程序已经关闭".into(),
        _ => err.to_string(),
    }
}

super::problems! {
    pub fn docx_build_failed(err: impl Display) {
        format!("生成 Word 文件时出错：{err}")
    }
}

pub fn docx_part_too_large(part: impl Display) -> String {
    format!("{part} 超过了 Word 文件能容纳的 4 GB")
}

pub fn docx_deflate_failed(err: impl Display) -> String {
    format!("压缩 Word 文件的内容时出错（{err}）")
}

super::problems! {
    pub fn file_exists(path: impl Display) {
        format!("{path} 已经存在，没有覆盖它（要覆盖请加上 --force）")
    }
}

super::problems! {
    pub fn render_clash(first: impl Display, second: impl Display, output: impl Display) {
        format!(
            "{first} 和 {second} 会写到同一个文件 {output}，一个文件都没有写：请用 -o 给它们不同的输出文件夹，或者给其中一个计划文件改名"
        )
    }
}

super::problems! {
    pub fn render_over_spec(output: impl Display) {
        format!("输出文件 {output} 就是计划文件本身，一个文件都没有写：请用 -o 换一个输出文件夹")
    }
}

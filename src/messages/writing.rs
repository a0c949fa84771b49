//! The words about writing.

use std::fmt::Display;

pub fn cannot_write(path: impl Display, err: impl Display) -> String {
    format!("无法写入 {path}：{err}（原来的文件没有被改动）")
}

pub fn cannot_create_dir(path: impl Display, err: impl Display) -> String {
    format!("无法创建文件夹 {path}：{err}")
}

pub fn docx_build_failed(err: impl Display) -> String {
    format!("生成 Word 文件时出错：{err}")
}

pub fn docx_part_too_large(part: impl Display) -> String {
    format!("{part} 超过了 Word 文件能容纳的 4 GB")
}

pub fn docx_deflate_failed(err: impl Display) -> String {
    format!("压缩 Word 文件的内容时出错（{err}）")
}

pub fn file_exists(path: impl Display) -> String {
    format!("{path} 已经存在，没有覆盖它（要覆盖请加上 --force）")
}

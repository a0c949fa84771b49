//! The words about reading files.

use std::fmt::Display;

super::problems! {
    pub fn cannot_read(err: &std::io::Error) {
        format!("无法读取这个文件：{}", super::io_reason(err))
    }
}

super::problems! {
    pub fn not_utf8() {
        "文件的编码认不出来：既不是 UTF-8，也不是 GBK".into()
    }
}

pub fn not_utf8_help() -> String {
    "请用记事本或 VS Code 把文件“另存为”UTF-8 编码后再试".into()
}

super::problems! {
    pub fn empty_spec() {
        "文件是空的（或只有注释），没有任何计划内容".into()
    }
}

pub fn empty_spec_help() -> String {
    "可以运行 `unionplan init 文件名.yaml` 生成一份完整的示例再修改".into()
}

super::problems! {
    pub fn yaml_syntax(reason: &str) {
        format!("YAML 格式有误：{reason}")
    }
}

pub fn yaml_tab_help() -> String {
    "YAML 不能用 Tab 键缩进，请全部改成空格".into()
}

pub fn yaml_syntax_help() -> String {
    "检查这一行及上一行的缩进和冒号：同一层的字段要对齐，冒号后面要有一个空格".into()
}

super::problems! {
    pub fn duplicate_key(key: &str) {
        format!("字段 `{key}` 写了两次")
    }
}

pub fn duplicate_key_help() -> String {
    "同一层里每个字段只能写一次：删掉一处，或把两处的内容合并".into()
}

super::problems! {
    pub fn yaml_too_deep() {
        "内容嵌套得太深（或用 YAML 锚点反复引用），无法读取".into()
    }
}

super::problems! {
    pub fn top_level_not_map(found: &str) {
        format!("整个文件应当是“字段: 内容”的形式，实际是{found}")
    }
}

super::problems! {
    pub fn spec_encoding(encoding: &str) {
        format!("文件是 {encoding} 编码，已经按 {encoding} 读取")
    }
}

pub fn spec_encoding_help() -> String {
    "不必改动；如果想让其他程序也读得顺，可以用记事本“另存为”，编码选 UTF-8".into()
}

super::problems! {
    pub fn spec_is_word() {
        "这是 Word 文件，不是计划文件（.yaml）".into()
    }
}

pub fn spec_is_word_help(file: impl Display) -> String {
    format!("要把它变成计划文件，请用 unionplan import {file}")
}

super::problems! {
    pub fn spec_is_old_word() {
        "这是旧版 Word（.doc）或 WPS 文件，不是计划文件（.yaml）".into()
    }
}

pub fn spec_is_old_word_help() -> String {
    "先用 Word 或 WPS 打开它，“另存为”Word 文档（.docx），再用 unionplan import 把 .docx 变成计划文件".into()
}

super::problems! {
    pub fn spec_is_spreadsheet() {
        "这是 Excel 或 WPS 表格，不是计划文件（.yaml）".into()
    }
}

pub fn spec_is_spreadsheet_help(file: impl Display) -> String {
    format!("学校名单请写进区县文件：roster: {file}，再用 unionplan batch 区县文件.yaml")
}

super::problems! {
    pub fn spec_is_pdf() {
        "这是 PDF 文件，不是计划文件（.yaml）".into()
    }
}

pub fn spec_is_pdf_help() -> String {
    "unionplan 读不了 PDF：请找到它的 Word 原文件，用 unionplan import 变成计划文件".into()
}

super::problems! {
    pub fn slip_fullwidth_colon() {
        "这里用了全角冒号“：”，请改成半角冒号“:”再加一个空格".into()
    }
}

pub fn slip_fullwidth_colon_help(key: &str) -> String {
    format!("写成 {key}: ……（英文输入法下的冒号，后面空一格）")
}

super::problems! {
    pub fn slip_colon_space() {
        "冒号“:”后面少了一个空格".into()
    }
}

pub fn slip_colon_space_help(key: &str, value: &str) -> String {
    format!("写成 {key}: {value}")
}

super::problems! {
    pub fn slip_dash_space() {
        "列表的“-”后面少了一个空格".into()
    }
}

pub fn slip_dash_space_help() -> String {
    "每一项写成“- 内容”：减号后面空一格".into()
}

super::problems! {
    pub fn slip_fullwidth_space() {
        "这一行用全角空格（中文输入法的空格）缩进了".into()
    }
}

pub fn slip_fullwidth_space_help() -> String {
    "缩进只能用半角空格：切换到英文输入法，删掉这些空格再重新输入".into()
}

super::problems! {
    pub fn slip_unquoted_braces() {
        "以“{{”开头的文字要加上引号".into()
    }
}

super::problems! {
    pub fn slip_unquoted_bracket() {
        "以“[”开头的文字要加上引号，否则会被当成列表".into()
    }
}

pub fn slip_quote_help(key: &str, value: &str) -> String {
    format!("写成 {key}: \"{value}\"（整段文字用英文双引号括起来）")
}

super::problems! {
    pub fn slip_indent(indent: usize, key: &str, key_indent: usize) {
        if key.is_empty() {
            format!("这一行的缩进（{indent} 个空格）和上面各行都对不齐")
        } else {
            format!("这一行的缩进（{indent} 个空格）和上一行的“{key}”（{key_indent} 个空格）对不齐")
        }
    }
}

pub fn slip_indent_help() -> String {
    "同一层的字段要左边对齐；下一层比上一层多缩进两个空格".into()
}

/// libyaml's reasons, in Chinese. The English is kept as a note.
pub fn yaml_reason(detail: &str) -> &'static str {
    if detail.contains("could not find expected ':'") {
        "这一行或上一行少了冒号“:”，或者冒号后面少了空格"
    } else if detail.contains("mapping values are not allowed") {
        "冒号的位置不对：可能是缩进没有对齐，或者文字里有“: ”（这样的文字要加引号）"
    } else if detail.contains("did not find expected key") {
        "这里应当是“字段: 内容”，但格式不对：检查缩进和冒号"
    } else if detail.contains("did not find expected '-' indicator") {
        "列表没有对齐：同一个列表的每一项“- ”要左边对齐"
    } else if detail.contains("found character that cannot start any plain scalar") {
        "这个字符不能放在文字开头：请给这段文字加上英文双引号"
    } else if detail.contains("did not find expected node content") {
        "这里缺了内容"
    } else if detail.contains("found unexpected end of stream")
        || detail.contains("did not find expected ',' or ']'")
        || detail.contains("did not find expected ',' or '}'")
    {
        "括号或引号没有配对：开了的“[”“{”“\"”要关上"
    } else if detail.contains("found a tab character") || detail.contains("tab") {
        "这里有 Tab 键，YAML 不能用 Tab"
    } else {
        "格式不对"
    }
}

pub fn yaml_detail_note(detail: &str) -> String {
    format!("YAML 解析器的原话：{detail}")
}

super::problems! {
    pub fn yaml_control_character(code: u32) {
        format!("这里有一个看不见的控制字符（U+{code:04X}），计划文件里不能有")
    }
}

pub fn yaml_control_character_help() -> String {
    "把光标放在这里，删掉这个字符（常常是从网页或别的程序复制来的）".into()
}

super::problems! {
    pub fn yaml_second_document() {
        "“---”下面又开始了第二份内容：一个计划文件只能有一份计划".into()
    }
}

pub fn yaml_second_document_help() -> String {
    "删掉这一行“---”（以及下面多出来的内容），或者把第二份计划另存为一个文件".into()
}

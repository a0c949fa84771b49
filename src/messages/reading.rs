//! The words about reading files.

use std::fmt::Display;

use super::zh_en;

super::problems! {
    pub fn cannot_read(err: &crate::input::Refused) {
        zh_en!(
            format!("无法读取这个文件：{}", err.reason()),
            format!("cannot read this file: {}", err.reason())
        )
    }
}

/// Why [`crate::input::read`] refused a folder.
pub fn refused_folder() -> String {
    zh_en!("这是一个文件夹，不是文件", "it is a folder, not a file").into()
}

/// Why [`crate::input::read`] refused a FIFO, a device or a socket.
pub fn refused_not_ordinary() -> String {
    zh_en!(
        "这不是普通文件（是管道、设备之类的特殊文件），不能读取",
        "it is not an ordinary file (a pipe, a device or another special file) and is not read"
    )
    .into()
}

/// Why [`crate::input::read`] refused a file over its kind's limit.
pub fn refused_too_large(limit_mb: u64) -> String {
    zh_en!(
        format!("文件太大了，这一类文件最多 {limit_mb} MB"),
        format!("the file is too large: {limit_mb} MB at most for a file of this kind")
    )
}

super::problems! {
    pub fn not_utf8() {
        zh_en!(
            "文件的编码认不出来：既不是 UTF-8，也不是 GBK",
            "the file's encoding is not recognised: it is neither UTF-8 nor GBK"
        )
        .into()
    }
}

/// The help under [`not_utf8`]: save the file as UTF-8.
pub fn not_utf8_help() -> String {
    zh_en!(
        "请用记事本或 VS Code 把文件“另存为”UTF-8 编码后再试",
        "open the file in Notepad or VS Code, use \"Save As\" with the UTF-8 encoding, and try again"
    )
    .into()
}

super::problems! {
    pub fn empty_spec() {
        zh_en!(
            "文件是空的（或只有注释），没有任何计划内容",
            "the file is empty (or holds only comments): there is no plan in it"
        )
        .into()
    }
}

/// The help under [`empty_spec`]: `unionplan init` makes an example.
pub fn empty_spec_help() -> String {
    zh_en!(
        "可以运行 `unionplan init 文件名.yaml` 生成一份完整的示例再修改",
        "run `unionplan init plan.yaml` to get a complete example to edit"
    )
    .into()
}

super::problems! {
    pub fn yaml_syntax(reason: &str) {
        zh_en!(
            format!("YAML 格式有误：{reason}"),
            format!("the YAML is not well formed: {reason}")
        )
    }
}

/// The help under [`yaml_syntax`] when a line near it is indented with a
/// Tab.
pub fn yaml_tab_help() -> String {
    zh_en!(
        "YAML 不能用 Tab 键缩进，请全部改成空格",
        "YAML cannot be indented with the Tab key: use spaces everywhere instead"
    )
    .into()
}

/// The help under [`yaml_syntax`] otherwise: check the indentation and the
/// colons.
pub fn yaml_syntax_help() -> String {
    zh_en!(
        "检查这一行及上一行的缩进和冒号：同一层的字段要对齐，冒号后面要有一个空格",
        "check the indentation and the colons of this line and the line above: fields of one level must line up, and each colon needs a space after it"
    )
    .into()
}

super::problems! {
    pub fn duplicate_key(key: &str) {
        zh_en!(
            format!("字段 `{key}` 写了两次"),
            format!("the field `{key}` is written twice")
        )
    }
}

/// The help under [`duplicate_key`]: delete one, or merge the two.
pub fn duplicate_key_help() -> String {
    zh_en!(
        "同一层里每个字段只能写一次：删掉一处，或把两处的内容合并",
        "each field may be written only once at the same level: delete one of them, or merge the two"
    )
    .into()
}

super::problems! {
    pub fn yaml_too_deep() {
        zh_en!(
            "内容嵌套得太深（或用 YAML 锚点反复引用），无法读取",
            "the content is nested too deeply (or repeats itself through YAML anchors) to be read"
        )
        .into()
    }
}

super::problems! {
    pub fn top_level_not_map(found: &str) {
        zh_en!(
            format!("整个文件应当是“字段: 内容”的形式，实际是{found}"),
            format!("the whole file should be `field: value` lines, but found {found}")
        )
    }
}

super::problems! {
    pub fn spec_encoding(encoding: &str) {
        zh_en!(
            format!("文件是 {encoding} 编码，已经按 {encoding} 读取"),
            format!("the file is in the {encoding} encoding and was read as {encoding}")
        )
    }
}

/// The help under [`spec_encoding`]: nothing to change, but UTF-8 suits
/// other programs better.
pub fn spec_encoding_help() -> String {
    zh_en!(
        "不必改动；如果想让其他程序也读得顺，可以用记事本“另存为”，编码选 UTF-8",
        "nothing needs changing; for other programs to read it easily too, use \"Save As\" in Notepad and choose the UTF-8 encoding"
    )
    .into()
}

super::problems! {
    pub fn spec_is_word() {
        zh_en!(
            "这是 Word 文件，不是计划文件（.yaml）",
            "this is a Word file, not a plan file (.yaml)"
        )
        .into()
    }
}

/// The help under [`spec_is_word`]: `unionplan import` turns it into a
/// plan file.
pub fn spec_is_word_help(file: impl Display) -> String {
    zh_en!(
        format!("要把它变成计划文件，请用 unionplan import {file}"),
        format!("to turn it into a plan file, use unionplan import {file}")
    )
}

super::problems! {
    pub fn spec_is_old_word() {
        zh_en!(
            "这是旧版 Word（.doc）或 WPS 文件，不是计划文件（.yaml）",
            "this is an old Word (.doc) or WPS file, not a plan file (.yaml)"
        )
        .into()
    }
}

/// The help under [`spec_is_old_word`]: save it as .docx, then import it.
pub fn spec_is_old_word_help() -> String {
    zh_en!(
        "先用 Word 或 WPS 打开它，“另存为”Word 文档（.docx），再用 unionplan import 把 .docx 变成计划文件",
        "open it in Word or WPS and use \"Save As\" to save it as a Word document (.docx); then turn the .docx into a plan file with unionplan import"
    )
    .into()
}

super::problems! {
    pub fn spec_is_spreadsheet() {
        zh_en!(
            "这是 Excel 或 WPS 表格，不是计划文件（.yaml）",
            "this is an Excel or WPS spreadsheet, not a plan file (.yaml)"
        )
        .into()
    }
}

/// The help under [`spec_is_spreadsheet`]: a list of schools goes into a
/// batch file as its `roster`.
pub fn spec_is_spreadsheet_help(file: impl Display) -> String {
    zh_en!(
        format!("学校名单请写进区县文件：roster: {file}，再用 unionplan batch 区县文件.yaml"),
        format!(
            "a list of schools goes into a district file as roster: {file}; then run unionplan batch district.yaml"
        )
    )
}

super::problems! {
    pub fn spec_is_pdf() {
        zh_en!(
            "这是 PDF 文件，不是计划文件（.yaml）",
            "this is a PDF file, not a plan file (.yaml)"
        )
        .into()
    }
}

/// The help under [`spec_is_pdf`]: import the Word file it was made from.
pub fn spec_is_pdf_help() -> String {
    zh_en!(
        "unionplan 读不了 PDF：请找到它的 Word 原文件，用 unionplan import 变成计划文件",
        "unionplan cannot read PDF: find the Word file it was made from, and turn that into a plan file with unionplan import"
    )
    .into()
}

super::problems! {
    pub fn slip_fullwidth_colon() {
        zh_en!(
            "这里用了全角冒号“：”，请改成半角冒号“:”再加一个空格",
            "this is a full-width colon \"：\": write a half-width colon \":\" followed by a space instead"
        )
        .into()
    }
}

/// The help under [`slip_fullwidth_colon`]: the line as it should be
/// written, for the key `key`.
pub fn slip_fullwidth_colon_help(key: &str) -> String {
    zh_en!(
        format!("写成 {key}: ……（英文输入法下的冒号，后面空一格）"),
        format!("write {key}: … (the colon as typed with an English input method, then a space)")
    )
}

super::problems! {
    pub fn slip_colon_space() {
        zh_en!(
            "冒号“:”后面少了一个空格",
            "the colon \":\" needs a space after it"
        )
        .into()
    }
}

/// The help under [`slip_colon_space`]: the line as it should be written.
pub fn slip_colon_space_help(key: &str, value: &str) -> String {
    zh_en!(
        format!("写成 {key}: {value}"),
        format!("write {key}: {value}")
    )
}

super::problems! {
    pub fn slip_dash_space() {
        zh_en!(
            "列表的“-”后面少了一个空格",
            "the list dash \"-\" needs a space after it"
        )
        .into()
    }
}

/// The help under [`slip_dash_space`]: a space after the dash.
pub fn slip_dash_space_help() -> String {
    zh_en!(
        "每一项写成“- 内容”：减号后面空一格",
        "write each entry as \"- text\": a space after the dash"
    )
    .into()
}

super::problems! {
    pub fn slip_fullwidth_space() {
        zh_en!(
            "这一行用全角空格（中文输入法的空格）缩进了",
            "this line is indented with full-width spaces (the spaces of a Chinese input method)"
        )
        .into()
    }
}

/// The help under [`slip_fullwidth_space`]: indent with half-width
/// spaces.
pub fn slip_fullwidth_space_help() -> String {
    zh_en!(
        "缩进只能用半角空格：切换到英文输入法，删掉这些空格再重新输入",
        "indent only with half-width spaces: switch to an English input method, delete these spaces and type them again"
    )
    .into()
}

super::problems! {
    pub fn slip_unquoted_braces() {
        zh_en!(
            "以“{{”开头的文字要加上引号：不加引号，YAML 会把“{”当成一组“字段: 内容”的开头",
            "text that starts with \"{{\" must be put in quotes: without them YAML reads \"{\" as the start of a map"
        )
        .into()
    }
}

/// The help under [`slip_unquoted_braces`] for a list item: the item in
/// double quotes.
pub fn slip_quote_item_help(value: &str) -> String {
    zh_en!(
        format!("写成 - \"{value}\"（整项用英文双引号括起来）"),
        format!("write - \"{value}\" (the whole item in straight double quotes)")
    )
}

super::problems! {
    /// A blank-looking line that holds full-width spaces.
    pub fn slip_fullwidth_blank() {
        zh_en!(
            "这一行看起来是空行，其实有全角空格（中文输入法的空格）",
            "this line looks blank but holds full-width spaces (the spaces of a Chinese input method)"
        )
        .into()
    }
}

/// The help under [`slip_fullwidth_blank`]: delete the full-width spaces.
pub fn slip_fullwidth_blank_help() -> String {
    zh_en!(
        "把这一行的全角空格删掉（删成真正的空行）",
        "delete the full-width spaces on this line (make it truly blank)"
    )
    .into()
}

super::problems! {
    /// `-　text`: the list dash followed by a full-width space.
    pub fn slip_dash_fullwidth_space() {
        zh_en!(
            "列表的“-”后面是全角空格（中文输入法的空格），要用半角空格",
            "the list dash \"-\" is followed by a full-width space; it needs a half-width one"
        )
        .into()
    }
}

super::problems! {
    /// `key:<Tab>value`.
    pub fn slip_colon_tab() {
        zh_en!(
            "冒号“:”后面是一个 Tab 制表符，要用空格",
            "the colon \":\" is followed by a Tab; it needs a space"
        )
        .into()
    }
}

super::problems! {
    /// `内容: "三八"妇女节`: an English quote opens the text and closes early.
    pub fn slip_quote_then_text() {
        zh_en!(
            "以英文引号开头的文字，引号要把整段文字括起来：这里引号后面还有文字",
            "a text that starts with a straight quote must be quoted whole: there is more text after the closing quote"
        )
        .into()
    }
}

/// The help under [`slip_quote_then_text`]: the line with Chinese quotes
/// (`chinese`), or with the whole text in single quotes. `key` is `-` for a
/// list item, or the key and its colon.
pub fn slip_quote_then_text_help(key: &str, value: &str, chinese: &str) -> String {
    let whole = format!("'{}'", value.replace('\'', "''"));
    zh_en!(
        format!("改用中文引号，写成 {key} {chinese}；或者整段加单引号：{key} {whole}"),
        format!("use Chinese quotes: {key} {chinese}; or quote the whole text: {key} {whole}")
    )
}

super::problems! {
    /// `前言: “注意: 各部门”`: `: ` inside a plain text.
    pub fn slip_colon_in_text() {
        zh_en!(
            "文字里有“冒号加空格”（: ），YAML 会把它当成又一个字段：这样的文字要整段加英文双引号 \"…\"（中文引号“”不算）",
            "the text holds a colon and a space (\": \"), which YAML reads as another key: quote the whole text with straight double quotes \"…\" (Chinese quotes do not count)"
        )
        .into()
    }
}

super::problems! {
    /// `- 召开教代会 #第六届`: the text after ` #` became a comment.
    pub fn slip_comment_cuts_text(cut: &str) {
        zh_en!(
            format!("“#”后面的文字被当成了注释，没有进入计划：“{cut}”"),
            format!("the text after \"#\" was read as a comment and is not in the plan: \"{cut}\"")
        )
    }
}

/// The help under [`slip_comment_cuts_text`]: the whole text in double
/// quotes, or the comment on a line of its own.
pub fn slip_comment_cuts_text_help(whole: &str) -> String {
    let quoted = format!("\"{}\"", whole.replace('"', "\\\""));
    zh_en!(
        format!("要保留它，整段加英文双引号：{quoted}；真是注释的话，把它写到单独一行"),
        format!(
            "to keep it, quote the whole text: {quoted}; if it is a comment, put it on a line of its own"
        )
    )
}

super::problems! {
    pub fn slip_unquoted_bracket() {
        zh_en!(
            "以“[”开头的文字要加上引号，否则会被当成列表",
            "text that starts with \"[\" must be put in quotes, or it is read as a list"
        )
        .into()
    }
}

/// The help under [`slip_unquoted_braces`], [`slip_unquoted_bracket`] and
/// [`slip_colon_in_text`] for a `key: value` line: the value in double
/// quotes.
pub fn slip_quote_help(key: &str, value: &str) -> String {
    zh_en!(
        format!("写成 {key}: \"{value}\"（整段文字用英文双引号括起来）"),
        format!("write {key}: \"{value}\" (the whole text in straight double quotes)")
    )
}

super::problems! {
    pub fn slip_indent(indent: usize, key: &str, key_indent: usize) {
        if key.is_empty() {
            zh_en!(
                format!("这一行的缩进（{indent} 个空格）和上面各行都对不齐"),
                format!("the indentation of this line ({indent} spaces) does not line up with any line above")
            )
        } else {
            zh_en!(
                format!("这一行的缩进（{indent} 个空格）和上一行的“{key}”（{key_indent} 个空格）对不齐"),
                format!(
                    "the indentation of this line ({indent} spaces) does not line up with \"{key}\" above ({key_indent} spaces)"
                )
            )
        }
    }
}

/// The help under [`slip_indent`]: how the levels line up.
pub fn slip_indent_help() -> String {
    zh_en!(
        "同一层的字段要左边对齐；下一层比上一层多缩进两个空格",
        "fields of one level must line up on the left; each level below is indented two more spaces"
    )
    .into()
}

/// libyaml's reasons, in Chinese. The English is kept as a note.
pub fn yaml_reason(detail: &str) -> &'static str {
    if detail.contains("could not find expected ':'") {
        zh_en!(
            "这一行或上一行少了冒号“:”，或者冒号后面少了空格",
            "a colon \":\" is missing on this line or the line above, or a colon has no space after it"
        )
    } else if detail.contains("mapping values are not allowed") {
        zh_en!(
            "冒号的位置不对：可能是缩进没有对齐，或者文字里有“: ”（这样的文字要加引号）",
            "a colon is out of place: the indentation may not line up, or the text contains \": \" (such text must be put in quotes)"
        )
    } else if detail.contains("did not find expected key") {
        zh_en!(
            "这里应当是“字段: 内容”，但格式不对：检查缩进和冒号",
            "a `field: value` line was expected here, but it is not written that way: check the indentation and the colons"
        )
    } else if detail.contains("did not find expected '-' indicator") {
        zh_en!(
            "列表没有对齐：同一个列表的每一项“- ”要左边对齐",
            "the list does not line up: every \"- \" of one list must line up on the left"
        )
    } else if detail.contains("found character that cannot start any plain scalar") {
        zh_en!(
            "这个字符不能放在文字开头：请给这段文字加上英文双引号",
            "text cannot start with this character: put the text in straight double quotes"
        )
    } else if detail.contains("did not find expected node content") {
        zh_en!("这里缺了内容", "something is missing here")
    } else if detail.contains("found unexpected end of stream")
        || detail.contains("did not find expected ',' or ']'")
        || detail.contains("did not find expected ',' or '}'")
    {
        zh_en!(
            "括号或引号没有配对：开了的“[”“{”“\"”要关上",
            "a bracket or quote is not closed: every \"[\", \"{\" and '\"' that is opened must be closed"
        )
    } else if detail.contains("found a tab character") || detail.contains("tab") {
        zh_en!(
            "这里有 Tab 键，YAML 不能用 Tab",
            "there is a tab here, and YAML cannot use tabs"
        )
    } else {
        zh_en!("格式不对", "it is not written correctly")
    }
}

/// The parser's own words, for a reader of English only: a Chinese reader
/// gets the Chinese reason alone, never the parser's English.
pub fn yaml_detail_note(detail: &str) -> Option<String> {
    zh_en!(None, Some(format!("the YAML parser said: {detail}")))
}

super::problems! {
    pub fn yaml_control_character(code: u32) {
        zh_en!(
            format!("这里有一个看不见的控制字符（U+{code:04X}），计划文件里不能有"),
            format!("there is an invisible control character (U+{code:04X}) here, which a plan file must not contain")
        )
    }
}

/// The help under [`yaml_control_character`]: delete the character.
pub fn yaml_control_character_help() -> String {
    zh_en!(
        "把光标放在这里，删掉这个字符（常常是从网页或别的程序复制来的）",
        "put the cursor here and delete the character (it often comes from copying from a web page or another program)"
    )
    .into()
}

super::problems! {
    pub fn yaml_second_document() {
        zh_en!(
            "“---”下面又开始了第二份内容：一个计划文件只能有一份计划",
            "a second document starts below \"---\": a plan file can hold only one plan"
        )
        .into()
    }
}

/// The help under [`yaml_second_document`]: delete the `---`, or save
/// the second plan as a file of its own.
pub fn yaml_second_document_help() -> String {
    zh_en!(
        "删掉这一行“---”（以及下面多出来的内容），或者把第二份计划另存为一个文件",
        "delete this \"---\" line (and the extra content below it), or save the second plan as a file of its own"
    )
    .into()
}

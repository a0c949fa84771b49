//! Every sentence a user can see: errors, hints, warnings and progress.
//!
//! The readers are Chinese school teachers, so the words are plain Chinese and
//! they quote what the user typed. Keeping them all here (and nowhere else)
//! means the wording can be reviewed, and later translated, in one file.
//! Field names such as `measures` stay as typed, because that is what the user
//! sees in their spec.

use std::fmt::Display;

// ---- reading files -------------------------------------------------------

pub fn cannot_read(err: impl Display) -> String {
    format!("无法读取这个文件：{err}")
}

pub fn not_utf8() -> String {
    "文件不是 UTF-8 编码".into()
}

pub fn not_utf8_help() -> String {
    "请用记事本或 VS Code 把文件“另存为”UTF-8 编码后再试".into()
}

pub fn empty_spec() -> String {
    "文件是空的（或只有注释），没有任何计划内容".into()
}

pub fn empty_spec_help() -> String {
    "可以运行 `unionplan init 文件名.yaml` 生成一份完整的示例再修改".into()
}

pub fn yaml_syntax(detail: impl Display) -> String {
    format!("YAML 格式有误：{detail}")
}

pub fn yaml_tab_help() -> String {
    "YAML 不能用 Tab 键缩进，请全部改成空格".into()
}

pub fn yaml_syntax_help() -> String {
    "检查这一行及上一行的缩进和冒号：同一层的字段要对齐，冒号后面要有一个空格".into()
}

pub fn duplicate_key(key: &str) -> String {
    format!("字段 `{key}` 写了两次")
}

pub fn duplicate_key_help() -> String {
    "同一层里每个字段只能写一次：删掉一处，或把两处的内容合并".into()
}

pub fn yaml_too_deep() -> String {
    "内容嵌套得太深（或用 YAML 锚点反复引用），无法读取".into()
}

pub fn top_level_not_map(found: &str) -> String {
    format!("整个文件应当是“字段: 内容”的形式，实际是{found}")
}

// ---- extends ------------------------------------------------------------

pub fn extends_not_text(found: &str) -> String {
    format!("`extends` 应当是一个文件路径，实际是{found}")
}

pub fn extends_help() -> String {
    "写上一年计划文件的路径，相对于本文件所在的文件夹，例如：extends: ../2025/lihe.yaml".into()
}

pub fn extends_missing(written: &str, full: impl Display) -> String {
    format!("找不到 `extends` 指向的文件“{written}”（找的是 {full}）")
}

pub fn extends_is_dir(written: &str) -> String {
    format!("`extends` 指向的“{written}”是一个文件夹，不是计划文件")
}

pub fn extends_cycle(chain: &str) -> String {
    format!("`extends` 绕成了一个圈：{chain}")
}

pub fn extended_by(chain: &str) -> String {
    format!("这个文件是通过 extends 读入的：{chain}")
}

pub fn nothing_to_remove(id: Option<&str>) -> String {
    match id {
        Some(id) => format!("上一份计划里没有 id 为“{id}”的项，无从删除"),
        None => "要删除的项没有写 id，不知道删哪一项".into(),
    }
}

pub fn nothing_to_remove_help() -> String {
    "remove: true 删除的是 extends 的文件里 id 相同的那一项；检查 id 是否写对".into()
}

pub fn remove_without_extends() -> String {
    "`remove: true` 只能在用 extends 的文件里删除上一份计划的项".into()
}

pub fn duplicate_id(id: &str, first_line: Option<usize>) -> String {
    match first_line {
        Some(line) => format!("id“{id}”已经在第 {line} 行用过了，同一个列表里的 id 不能重复"),
        None => format!("id“{id}”在同一个列表里重复了"),
    }
}

pub fn bad_bool(found: &str) -> String {
    format!("这里应当是 true 或 false，实际是{found}")
}

// ---- validation ----------------------------------------------------------

pub fn more_problems(n: usize) -> String {
    format!("还有 {n} 处错误没有列出：先改正上面这些，再检查一次")
}

pub fn missing_field(name: &str) -> String {
    format!("缺少必填字段 `{name}`")
}

pub fn missing_field_help(name: &str) -> String {
    match name {
        "school" => "写上学校或单位名称，例如：school: 礼河实验学校".into(),
        "year" => "写上计划的年份，例如：year: 2025".into(),
        "guiding_principles" => {
            "写上“指导思想”一节的正文，例如：guiding_principles: 以……为指导".into()
        }
        "measures" => "写上“主要工作”，每一项以“- title: ……”开头".into(),
        "items" => "在这一项下面写上 items: 列出本月的各项工作".into(),
        "text" => "写上这一条的内容，例如：text: 三八妇女节庆祝活动".into(),
        _ => format!("加上 `{name}: ……`"),
    }
}

pub fn unknown_field(name: &str) -> String {
    format!("不认识的字段 `{name}`")
}

pub fn did_you_mean(name: &str) -> String {
    format!("是不是想写 `{name}`？")
}

pub fn allowed_fields(names: &[&str]) -> String {
    format!("这里可以写的字段有：{}", quote_list(names))
}

pub fn key_not_text(found: &str) -> String {
    format!("字段名应当是文字，实际是{found}")
}

pub fn expected_text(found: &str) -> String {
    format!("这里应当是一段文字，实际是{found}")
}

pub fn expected_text_help() -> String {
    "直接写文字；多段文字可以写成“|”后换行缩进".into()
}

pub fn empty_text() -> String {
    "这里不能是空的".into()
}

pub fn expected_map(found: &str) -> String {
    format!("这里应当是“字段: 内容”的形式，实际是{found}")
}

pub fn expected_list(found: &str) -> String {
    format!("这里应当是一个列表（每项以“- ”开头），实际是{found}")
}

pub fn expected_list_or_text(found: &str) -> String {
    format!("这里应当是一段文字或一个列表（每项以“- ”开头），实际是{found}")
}

pub fn empty_list() -> String {
    "列表是空的，至少要有一项".into()
}

pub fn bad_year(found: &str) -> String {
    format!("年份应当是四位阿拉伯数字，实际是{found}")
}

pub fn bad_year_help() -> String {
    "例如：year: 2025（学年计划写开始的那一年）".into()
}

pub fn year_out_of_range(year: i64) -> String {
    format!("年份 {year} 不合理，应在 1949 到 2200 之间")
}

pub fn bad_period(found: &str) -> String {
    format!("不认识的期间 {found}")
}

pub fn bad_period_help(names: &[&str]) -> String {
    format!(
        "可选：{}（分别是年度、上半年/春季学期、下半年/秋季学期、学年）",
        quote_list(names)
    )
}

pub fn bad_month(found: &str) -> String {
    format!("月份应当是 1 到 12 的数字，实际是{found}")
}

pub fn bad_month_help() -> String {
    "例如二月写 month: 2；七、八月合在一起写 months: [7, 8]".into()
}

/// `where_` is "第 10 行" or "2025.yaml 第 10 行" when it is in another file.
pub fn month_twice(month: u32, where_: Option<String>) -> String {
    match where_ {
        Some(at) => format!("{month} 月已经在{at}写过了，同一个月只能出现一次"),
        None => format!("{month} 月已经写过了，同一个月只能出现一次"),
    }
}

pub fn at_line(file: Option<impl Display>, line: usize) -> String {
    match file {
        Some(f) => format!(" {f} 第 {line} 行"),
        None => format!("第 {line} 行"),
    }
}

pub fn month_twice_help() -> String {
    "把这个月的事项合并到前面那一项里".into()
}

pub fn month_and_months() -> String {
    "`month` 和 `months` 只能写一个".into()
}

pub fn month_and_months_help() -> String {
    "一个月写 month: 2；几个月合在一起写 months: [7, 8]".into()
}

pub fn missing_month() -> String {
    "这一项没有写月份".into()
}

pub fn bad_date(found: &str) -> String {
    format!("日期 {found} 看不懂")
}

pub fn bad_date_help() -> String {
    "日期写成 年-月-日，例如 2025-03-08".into()
}

pub fn impossible_date(found: &str) -> String {
    format!("日期 {found} 不存在（这一天在日历上没有）")
}

pub fn impossible_date_help() -> String {
    "检查月份和日子，例如平年的二月只有 28 天".into()
}

pub fn date_outside_months(date: &str, months: &str) -> String {
    format!("日期 {date} 不在这一项的月份（{months}）里")
}

pub fn date_outside_months_help() -> String {
    "把这件事移到它所在月份的那一项下面，或者改正日期".into()
}

pub fn date_wrong_year(date: &str, year: i32) -> String {
    format!(
        "日期 {date} 的年份不对，这份计划的日期应当在 {year} 年或 {} 年",
        year + 1
    )
}

pub fn date_wrong_year_help() -> String {
    "换了年份后，别忘了把日期里的年份一起改掉".into()
}

pub fn too_deep(max: usize) -> String {
    format!("“主要工作”最多只能分 {max} 层，这里已经是第 {} 层", max + 1)
}

pub fn too_deep_help() -> String {
    "把这一层的内容写进上一层的 text 里，或者拆成并列的几项".into()
}

pub fn measure_empty() -> String {
    "这一项既没有 title 也没有 text".into()
}

pub fn measure_empty_help() -> String {
    "至少写上 title（标题）或 text（正文）之一".into()
}

pub fn placeholder_unknown(name: &str) -> String {
    format!("不认识的占位符“{{{{{name}}}}}”")
}

pub fn placeholder_unclosed() -> String {
    "“{{”后面没有配对的“}}”".into()
}

pub fn placeholder_help(names: &[&str]) -> String {
    let list = names
        .iter()
        .map(|n| format!("{{{{ {n} }}}}"))
        .collect::<Vec<_>>()
        .join("、");
    format!("可用的占位符有：{list}；要写两个大括号本身，请写成 \\{{{{")
}

pub fn placeholder_in_school() -> String {
    "学校名称里不能用占位符，其他地方的 {{ school }} 就是用它来填的".into()
}

pub fn bad_number(found: &str) -> String {
    format!("这里应当是一个数字，实际是{found}")
}

pub fn number_out_of_range(what: &str, min: f64, max: f64) -> String {
    format!("{what} 应在 {min} 到 {max} 之间")
}

pub fn control_character(code: u32) -> String {
    format!("文字里有一个看不见的控制字符（U+{code:04X}），Word 无法保存它")
}

pub fn control_character_help() -> String {
    "删掉这个字符：通常是从网页或其他软件里复制文字时带进来的".into()
}

/// A short description of a YAML value, for "实际是……".
pub fn describe_value(v: &serde_yaml::Value) -> String {
    use serde_yaml::Value;
    match v {
        Value::Null => "空的".into(),
        Value::Bool(b) => format!(" {b}（真假值）"),
        Value::Number(n) => format!(" {n}（数字）"),
        Value::String(s) => format!("文字“{}”", shorten(s)),
        Value::Sequence(_) => "一个列表".into(),
        Value::Mapping(_) => "一组“字段: 内容”".into(),
        Value::Tagged(t) => format!("带标签 {} 的内容", t.tag),
    }
}

fn shorten(s: &str) -> String {
    const MAX: usize = 30;
    if s.chars().count() > MAX {
        let head: String = s.chars().take(MAX).collect();
        format!("{head}……")
    } else {
        s.to_string()
    }
}

fn quote_list(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join("、")
}

// ---- rollover -------------------------------------------------------------

pub fn rollover_no_year() -> String {
    "这个文件里没有 `year`，不知道从哪一年换到哪一年".into()
}

pub fn rollover_leap_day(old: &str, new: &str) -> String {
    format!("{old} 换成了 {new}：新的一年没有 2 月 29 日")
}

pub fn rollover_date_unmoved(token: &str) -> String {
    format!("日期“{token}”看不懂，没有改动，请手动修改")
}

pub fn rollover_extends() -> String {
    "extends 指向的文件没有改动：请确认新计划是否仍以它为基础".into()
}

pub fn rollover_other_year(year: i32) -> String {
    format!("提到了 {year} 年，没有改动，请确认")
}

pub fn rollover_change(line: usize, what: &str, old: &str, new: &str) -> String {
    format!("第 {line} 行：{what} {old} → {new}")
}

pub fn rollover_what_year() -> &'static str {
    "年份"
}

pub fn rollover_what_date() -> &'static str {
    "日期"
}

pub fn rollover_what_text() -> &'static str {
    "文字中的年份"
}

pub fn rollover_summary(old: i32, new: i32, changes: usize) -> String {
    format!("从 {old} 年换到 {new} 年，共改动 {changes} 处：")
}

pub fn rollover_review_header() -> String {
    "请人工看一看这几行：".into()
}

pub fn rollover_review(line: usize, reason: &str) -> String {
    format!("第 {line} 行：{reason}")
}

pub fn rollover_dry_run() -> String {
    "（试运行：没有写入任何文件）".into()
}

pub fn rollover_written(path: impl Display) -> String {
    format!("已写好新一年的计划 {path}，原来的文件没有改动")
}

// ---- diff -----------------------------------------------------------------

pub fn diff_none() -> String {
    "两份计划的内容没有区别".into()
}

pub fn diff_added(what: &str) -> String {
    format!("+ 新增：{what}")
}

pub fn diff_removed(what: &str) -> String {
    format!("- 删去：{what}")
}

pub fn diff_changed(what: &str, old: &str, new: &str) -> String {
    format!("~ 修改：{what}：“{}” → “{}”", shorten(old), shorten(new))
}

pub fn diff_moved(what: &str, from: &str, to: &str) -> String {
    format!("→ 调整：{what}：{from} → {to}")
}

// ---- batch ----------------------------------------------------------------

pub fn district_not_map(found: &str) -> String {
    format!("区（县）批量文件应当是“字段: 内容”的形式，实际是{found}")
}

pub fn district_help() -> String {
    "批量文件至少要有 base（各校共用的计划文件）和 schools 或 roster（各校名单）".into()
}

pub fn district_path(key: &str, found: &str) -> String {
    format!("`{key}` 应当是一个文件路径，实际是{found}")
}

pub fn district_no_schools() -> String {
    "没有任何学校：请在 schools 下列出学校，或用 roster 指定名单表格".into()
}

pub fn base_of(district: impl Display) -> String {
    format!("这是批量文件 {district} 的 base")
}

pub fn roster_row(file: impl Display, line: usize) -> String {
    format!("{file} 第 {line} 行")
}

pub fn roster_unreadable(file: impl Display, err: impl Display) -> String {
    format!("无法读取名单 {file}：{err}")
}

pub fn roster_not_utf8(file: impl Display) -> String {
    format!("名单 {file} 不是 UTF-8 编码：在 Excel 里“另存为”时请选择“CSV UTF-8（逗号分隔）”")
}

pub fn roster_bad(file: impl Display, err: impl Display) -> String {
    format!("名单 {file} 读不懂：{err}")
}

pub fn roster_empty(file: impl Display) -> String {
    format!("名单 {file} 是空的：第一行应当是表头（school、signature.org ……），下面每行一所学校")
}

pub fn batch_clash(first: &str, second: &str, name: &str) -> String {
    format!("“{first}”和“{second}”会写到同一个文件“{name}”，一个文件都没有写：请把学校名称改得不同")
}

pub fn batch_summary(total: usize, ok: usize, failed: usize, seconds: Option<f64>) -> String {
    match seconds {
        Some(s) => format!("共 {total} 所学校：成功 {ok} 所，失败 {failed} 所，用时 {s:.1} 秒"),
        None => format!("共 {total} 所学校：成功 {ok} 所，失败 {failed} 所"),
    }
}

pub fn batch_school_ok(done: usize, total: usize, school: &str) -> String {
    format!("[{done}/{total}] {school}：已生成")
}

pub fn batch_school_failed(done: usize, total: usize, school: &str) -> String {
    format!("[{done}/{total}] {school}：有错误，没有生成")
}

pub fn batch_school_errors(school: &str) -> String {
    format!("{school} 的错误：")
}

pub fn index_title(district: impl Display) -> String {
    format!("工会工作计划（{district}）")
}

pub fn index_school() -> &'static str {
    "学校"
}

pub fn index_files() -> &'static str {
    "文件"
}

pub fn index_errors() -> &'static str {
    "错误"
}

// ---- preview --------------------------------------------------------------

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

pub fn preview_cannot_listen(err: impl Display) -> String {
    format!("无法启动预览：{err}（换一个端口试试：--port 8080）")
}

// ---- templates -----------------------------------------------------------

pub fn template_dir_missing(dir: impl Display) -> String {
    format!("模板文件夹 {dir} 不存在")
}

pub fn template_unknown_file(name: impl Display, known: &[&str]) -> String {
    format!(
        "模板文件夹里的 {name} 不是本程序的模板，已忽略（模板文件名应为 {}）",
        quote_list(known)
    )
}

pub fn template_error(detail: impl Display) -> String {
    format!("模板有误：\n{detail}")
}

// ---- writing ---------------------------------------------------------------

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

// ---- progress and summaries -----------------------------------------------

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

pub fn bad_format(found: &str) -> String {
    format!("不认识的输出格式“{found}”，可选 docx、md、html")
}

pub fn label_error() -> &'static str {
    "错误"
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

// ---- import ----------------------------------------------------------------

pub fn import_old_word() -> String {
    "这是旧版 Word 文件（.doc/.wps），读不了".into()
}

pub fn import_old_word_help() -> String {
    "请在 Word 或 WPS 里打开它，“另存为”Word 文档（.docx）后再导入".into()
}

pub fn import_bad_docx() -> String {
    "这个 .docx 文件打不开：可能已损坏，或者不是 Word 文档".into()
}

pub fn import_unknown_encoding() -> String {
    "文件既不是 UTF-8 编码，也不是 GBK/GB18030 编码，读不出文字".into()
}

pub fn import_unknown_encoding_help() -> String {
    "请用记事本打开它，“另存为”时编码选 UTF-8，再导入".into()
}

pub fn import_no_plan() -> String {
    "文件里没有找到工作计划：没有“指导思想”“主要工作”这样的标题，也没有“一、”“1、”这样的编号".into()
}

pub fn import_no_plan_help() -> String {
    "如果文件里确实是计划，请把它的文字复制到一个 .txt 文件里，每个标题、每一条各占一行，再导入"
        .into()
}

pub fn import_pick_out_of_range(pick: usize, count: usize) -> String {
    format!("没有第 {pick} 份计划：文件里一共找到 {count} 份")
}

pub fn import_pick_help() -> String {
    "用 --list 看看找到了哪几份计划".into()
}

pub fn import_would_not_validate() -> String {
    "导入的结果没有通过检查，这是 unionplan 的问题，请把原文件发给开发者；下面是检查发现的问题"
        .into()
}

pub fn import_schedule_without_heading(month: &str) -> String {
    format!("原文没有“工作安排”这样的标题，从“{month}”起当作每月工作安排")
}

pub fn import_month_twice(label: &str) -> String {
    format!("原文“{label}”出现了两次，两处的事项合在了一起")
}

pub fn import_month_empty(label: &str) -> String {
    format!("原文“{label}”下面没有事项，这个月没有导入")
}

pub fn import_no_school(title: Option<&str>) -> String {
    match title {
        Some(t) => format!("原标题“{t}”里没有学校名称，请填写"),
        None => "原文没有标题，找不到学校名称，请填写".into(),
    }
}

pub fn import_school_placeholder() -> String {
    "（请填写学校名称）".into()
}

pub fn import_year_guessed(found: Option<&str>, year: i32) -> String {
    match found {
        Some(f) => format!("原文年份写作“{f}”，这里先填了 {year}"),
        None => format!("原文没有写年份，这里先填了 {year}"),
    }
}

pub fn import_year_from_file(year: i32) -> String {
    format!("年份 {year} 是从文件名里找到的")
}

pub fn import_period_word(word: &str) -> String {
    format!("原文“{word}”")
}

pub fn import_title_kept() -> String {
    "原文的标题；删掉这一行，就按 school、year、period 生成标题".into()
}

pub fn import_guiding_from_preamble() -> String {
    "原文没有“指导思想”标题，这里用了正文开头的几段".into()
}

pub fn import_guiding_missing() -> String {
    "原文没有找到指导思想，请填写".into()
}

pub fn import_guiding_placeholder() -> String {
    "（请填写指导思想）".into()
}

pub fn import_measures_missing() -> String {
    "原文没有找到主要工作，请填写".into()
}

pub fn import_measures_placeholder() -> String {
    "（请填写主要工作）".into()
}

pub fn import_goal_paras() -> String {
    "“工作目标”下面既有段落又有编号条目，段落放在了最前面".into()
}

pub fn import_header(file: &str, pick: usize, count: usize) -> Vec<String> {
    let which = if count > 1 {
        format!("（第 {pick} 份，共 {count} 份）")
    } else {
        String::new()
    };
    vec![
        format!("由 unionplan import 从“{file}”导入{which}。"),
        "标着“请核对”的地方，导入时拿不准，请对照原文看一看。".into(),
        "改好以后运行：unionplan validate 本文件名，再 unionplan render 本文件名".into(),
    ]
}

pub fn import_check() -> &'static str {
    "请核对："
}

pub fn import_page_title(title: &str) -> String {
    format!("网页上的标题：{title}")
}

pub fn import_unplaced_header() -> Vec<String> {
    vec![
        "---- 没能归类的内容（unplaced）----".into(),
        "原文里有下面这些文字，但导入时不知道该放在哪里。".into(),
        "需要的请移到上面合适的位置（去掉行首的 #），不需要的删掉。".into(),
        "unplaced:".into(),
    ]
}

// The report `import` prints.

pub fn import_read(file: impl Display, kind: &str, encoding: Option<&str>) -> String {
    match encoding {
        Some(e) => format!("已读取 {file}（{kind}，{e} 编码）"),
        None => format!("已读取 {file}（{kind}）"),
    }
}

/// The kinds of file `import` reads, as the report names them
/// (`import::read::Kind::label`).
pub const IMPORT_KIND_TEXT: &str = "纯文本";
pub const IMPORT_KIND_MARKDOWN: &str = "Markdown";
pub const IMPORT_KIND_HTML: &str = "网页";
pub const IMPORT_KIND_DOCX: &str = "Word 文档";

pub fn import_plans_found(count: usize, pick: usize) -> String {
    format!("找到 {count} 份计划，导入的是第 {pick} 份（--list 列出全部，--pick N 选择）")
}

pub fn import_plan_line(
    n: usize,
    title: &str,
    measures: usize,
    months: usize,
    chars: usize,
) -> String {
    format!("{n}. {title}：主要工作 {measures} 项，工作安排 {months} 个月，约 {chars} 字")
}

pub fn import_untitled() -> &'static str {
    "（没有标题）"
}

pub fn import_report_title(title: &str, school: &str, year: i32, period: &str) -> String {
    format!("  标题：{title} → 学校“{school}”，{year} 年，{period}")
}

pub fn import_report_parts(
    guiding: usize,
    goals: usize,
    top: usize,
    all: usize,
    months: usize,
    items: usize,
) -> String {
    format!(
        "  指导思想 {guiding} 段，工作目标 {goals} 条，主要工作 {top} 项（连同下级共 {all} 条），工作安排 {months} 个月 {items} 项"
    )
}

pub fn import_report_signature(found: bool) -> String {
    if found {
        "  落款：已找到".into()
    } else {
        "  落款：没找到（生成时用“学校名称+工会委员会”和生成那天的日期）".into()
    }
}

pub fn import_report_noise(n: usize) -> String {
    format!("  去掉了网页杂项、水印和重复内容 {n} 处")
}

pub fn import_report_punctuation(n: usize) -> String {
    format!("  把夹在汉字中间的半角标点（, ; : ( ) 等）改成了全角，共 {n} 处")
}

pub fn import_report_unplaced(n: usize) -> String {
    format!("  没能归类 {n} 段，已放在文件末尾的 unplaced 注释里，请处理")
}

pub fn import_report_notes(n: usize) -> String {
    format!("  拿不准的地方 {n} 处，已在文件里用“# 请核对”标出：")
}

pub fn import_written(path: impl Display) -> String {
    format!("已写好 {path}，请核对后运行：unionplan render {path}")
}

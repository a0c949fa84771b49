//! The words about import.
//!
//! Two kinds of words: the report and the errors `import` prints, which
//! follow the language; and what it writes into the spec it makes (the
//! `# 请核对` notes, the header comments, the placeholders to fill in),
//! which stay Chinese whatever the language, as the spec and its document
//! are Chinese. The notes are printed in the report too, as written.

use std::fmt::Display;

use super::zh_en;

super::problems! {
    pub fn import_old_word() {
        zh_en!(
            "这是旧版 Word 文件（.doc/.wps），读不了",
            "this is an old Word file (.doc/.wps), which cannot be read"
        )
        .into()
    }
}

/// The help under [`import_old_word`]: save it as .docx first.
pub fn import_old_word_help() -> String {
    zh_en!(
        "请在 Word 或 WPS 里打开它，“另存为”Word 文档（.docx）后再导入",
        "open it in Word or WPS, use \"Save As\" to save it as a Word document (.docx), and import that"
    )
    .into()
}

super::problems! {
    pub fn import_bad_docx() {
        zh_en!(
            "这个 .docx 文件打不开：可能已损坏，或者不是 Word 文档",
            "this .docx file cannot be opened: it may be damaged, or not a Word document"
        )
        .into()
    }
}

super::problems! {
    pub fn import_unknown_encoding() {
        zh_en!(
            "文件既不是 UTF-8 编码，也不是 GBK/GB18030 编码，读不出文字",
            "the file is in neither the UTF-8 nor the GBK/GB18030 encoding, so its text cannot be read"
        )
        .into()
    }
}

/// The help under [`import_unknown_encoding`]: save it as UTF-8 first.
pub fn import_unknown_encoding_help() -> String {
    zh_en!(
        "请用记事本打开它，“另存为”时编码选 UTF-8，再导入",
        "open it in Notepad, choose the UTF-8 encoding under \"Save As\", and import it again"
    )
    .into()
}

super::problems! {
    pub fn import_no_plan() {
        zh_en!(
            "文件里没有找到工作计划：没有“指导思想”“主要工作”这样的标题，也没有“一、”“1、”这样的编号",
            "no work plan was found in the file: it has no headings such as \"指导思想\" or \"主要工作\", and no numbering such as \"一、\" or \"1、\""
        )
        .into()
    }
}

/// The help under [`import_no_plan`]: copy the text into a .txt file, a
/// line for each heading and item.
pub fn import_no_plan_help() -> String {
    zh_en!(
        "如果文件里确实是计划，请把它的文字复制到一个 .txt 文件里，每个标题、每一条各占一行，再导入",
        "if the file really holds a plan, copy its text into a .txt file, each heading and each item on a line of its own, and import that"
    )
    .into()
}

super::problems! {
    pub fn import_pick_out_of_range(pick: usize, count: usize) {
        zh_en!(
            format!("没有第 {pick} 份计划：文件里一共找到 {count} 份"),
            format!("there is no plan number {pick}: the file holds {count} plan(s)")
        )
    }
}

/// The help under [`import_pick_out_of_range`]: `--list` shows the plans
/// found.
pub fn import_pick_help() -> String {
    zh_en!(
        "用 --list 看看找到了哪几份计划",
        "use --list to see which plans were found"
    )
    .into()
}

super::problems! {
    pub fn import_would_not_validate() {
        zh_en!(
            "导入的结果没有通过检查，这是 unionplan 的问题，请把原文件发给开发者；下面是检查发现的问题",
            "the imported plan did not pass the checks; this is a fault in unionplan: please send the original file to its developers. The problems found are below"
        )
        .into()
    }
}

// The notes below are written into the spec as `# 请核对` comments, in
// Chinese (`messages::in_chinese`), and listed in the import report in the
// user's language.

/// A note: there was no schedule heading, so the schedule was taken to
/// start at the month `month`.
pub fn import_schedule_without_heading(month: &str) -> String {
    zh_en!(
        format!("原文没有“工作安排”这样的标题，从“{month}”起当作每月工作安排"),
        format!(
            "the text has no heading such as “工作安排”; from “{month}” on it is read as the monthly schedule"
        )
    )
}

/// A note: the month `label` appeared twice, and its items were put
/// together.
pub fn import_month_twice(label: &str) -> String {
    zh_en!(
        format!("原文“{label}”出现了两次，两处的事项合在了一起"),
        format!("“{label}” appears twice in the text; the items of both were put together")
    )
}

/// A note: the month `label` had no items under it and was left out.
pub fn import_month_empty(label: &str) -> String {
    zh_en!(
        format!("原文“{label}”下面没有事项，这个月没有导入"),
        format!("“{label}” has no items under it in the text; that month was not imported")
    )
}

/// A note: no school name was found in the title (or there was no
/// title), so the placeholder [`import_school_placeholder`] was written.
pub fn import_no_school(title: Option<&str>) -> String {
    match title {
        Some(t) => zh_en!(
            format!("原标题“{t}”里没有学校名称，请填写"),
            format!("the title “{t}” names no school; please fill it in")
        ),
        None => zh_en!(
            "原文没有标题，找不到学校名称，请填写",
            "the text has no title, so no school name was found; please fill it in"
        )
        .into(),
    }
}

/// What import writes for a school it could not find; validation refuses
/// a plan that still holds it
/// ([`import_placeholder_left`](super::import_placeholder_left)). Always
/// Chinese.
pub fn import_school_placeholder() -> String {
    "（请填写学校名称）".into()
}

/// A note: neither the title nor the file's name gave the year (`found` is
/// what the title has instead, if anything), so `year`, this year, was
/// filled in.
pub fn import_year_guessed(found: Option<&str>, year: i32) -> String {
    match found {
        Some(f) => zh_en!(
            format!("原文年份写作“{f}”，这里先填了 {year}"),
            format!("the text gives the year as “{f}”; {year} was filled in for now")
        ),
        None => zh_en!(
            format!("原文没有写年份，这里先填了 {year}"),
            format!("the text gives no year; {year} was filled in for now")
        ),
    }
}

/// A year the page blanked out in the text (`20xx年`), filled in with the
/// plan's.
pub fn import_blank_year_filled(written: &str, year: i32) -> String {
    zh_en!(
        format!("原文写作“{written}”，这里改成了计划的年份 {year}年"),
        format!("the text reads “{written}”; the plan's year, {year}, was put in its place")
    )
}

/// A year the page blanked out, where the plan names none.
pub fn import_blank_year_left(written: &str) -> String {
    zh_en!(
        format!("原文写作“{written}”，没有说是哪一年，请改成实际的年份"),
        format!("the text reads “{written}”, which names no year: please put in the real one")
    )
}

/// A title the page it came from ran together.
pub fn import_title_garbled(title: &str) -> String {
    zh_en!(
        format!("原标题“{title}”像是网页弄乱了，请对照原文改正"),
        format!(
            "the title “{title}” looks mangled by the web page: please correct it from the original"
        )
    )
}

/// A note: the year was taken from the file's name.
pub fn import_year_from_file(year: i32) -> String {
    zh_en!(
        format!("年份 {year} 是从文件名里找到的"),
        format!("the year {year} was taken from the file name")
    )
}

/// What a 落款 date left out says; the end is the same for each.
const SIGNATURE_DATE_LEFT_OUT: &str =
    "这里没有填落款日期；不填的话，生成时会用生成那天的日期。请补上完整的日期（写成 年-月-日）";

const SIGNATURE_DATE_LEFT_OUT_EN: &str = "no signature date was filled in, so the date of rendering would be used. Please add the full date (year-month-day)";

/// A note: the 落款 date has a two-digit year that does not fit the plan's
/// year, so it was left out.
pub fn import_signature_short_year(text: &str, year: i32) -> String {
    zh_en!(
        format!(
            "原文落款日期写作“{text}”，年份只写了两位，和计划的 {year} 年对不上，拿不准是哪一年，{SIGNATURE_DATE_LEFT_OUT}"
        ),
        format!(
            "the signature date reads “{text}”: a two-digit year that does not fit the plan's {year}, so its year is unsure; {SIGNATURE_DATE_LEFT_OUT_EN}"
        )
    )
}

/// A note: the 落款 date is a day that does not exist, so it was left out.
pub fn import_signature_impossible(text: &str) -> String {
    zh_en!(
        format!("原文落款日期写作“{text}”，没有这一天，{SIGNATURE_DATE_LEFT_OUT}"),
        format!(
            "the signature date reads “{text}”, a day that does not exist; {SIGNATURE_DATE_LEFT_OUT_EN}"
        )
    )
}

/// The comment after `period:` quoting the source's own word for it.
/// Always Chinese.
pub fn import_period_word(word: &str) -> String {
    format!("原文“{word}”")
}

/// The comment over the `title:` import kept: deleting it makes the title
/// from school, year and period. Always Chinese.
pub fn import_title_kept() -> String {
    "原文的标题；删掉这一行，就按 school、year、period 生成标题".into()
}

/// A note: there was no 指导思想 heading, so the opening paragraphs were
/// used.
pub fn import_guiding_from_preamble() -> String {
    zh_en!(
        "原文没有“指导思想”标题，这里用了正文开头的几段",
        "the text has no “指导思想” heading; its opening paragraphs were used"
    )
    .into()
}

/// A note: no 指导思想 was found, so the placeholder
/// [`import_guiding_placeholder`] was written.
pub fn import_guiding_missing() -> String {
    zh_en!(
        "原文没有找到指导思想，请填写",
        "no guiding principles (“指导思想”) were found in the text; please fill them in"
    )
    .into()
}

/// What import writes for guiding principles it could not find;
/// validation refuses a plan that still holds it. Always Chinese.
pub fn import_guiding_placeholder() -> String {
    "（请填写指导思想）".into()
}

/// A note: no 主要工作 was found, so the placeholder
/// [`import_measures_placeholder`] was written.
pub fn import_measures_missing() -> String {
    zh_en!(
        "原文没有找到主要工作，请填写",
        "no main work (“主要工作”) was found in the text; please fill it in"
    )
    .into()
}

/// What import writes for main work it could not find; validation
/// refuses a plan that still holds it. Always Chinese.
pub fn import_measures_placeholder() -> String {
    "（请填写主要工作）".into()
}

/// A note: 工作目标 had both paragraphs and numbered items, and the
/// paragraphs were put first.
pub fn import_goal_paras() -> String {
    zh_en!(
        "“工作目标”下面既有段落又有编号条目，段落放在了最前面",
        "“工作目标” has both paragraphs and numbered items; the paragraphs were put first"
    )
    .into()
}

/// The comment lines at the top of an imported spec: where it came from
/// (plan `pick` of `count` when the file held several), and what to do
/// next. Always Chinese.
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

/// Footnotes a Word file has, which import leaves out: said in the report
/// and, in Chinese, as a `# 请核对` comment at the top of the spec.
pub fn import_unread_notes(n: usize) -> String {
    zh_en!(
        format!("原文有脚注或尾注 {n} 处，没有导入，需要的请对照原文补上"),
        format!(
            "the text has {n} footnote(s) or endnote(s), which were not imported: add what is needed from the original"
        )
    )
}

/// Content a Word file holds in another format (`w:altChunk`), left out.
pub fn import_unread_chunks(n: usize) -> String {
    zh_en!(
        format!(
            "原文有 {n} 处以别的格式嵌在文件里的内容（比如整段粘贴进来的网页），没有导入，请对照原文补上"
        ),
        format!(
            "the file has {n} piece(s) of content embedded in another format (such as a pasted web page), which were not imported: add them from the original"
        )
    )
}

/// What starts each `# 请核对` comment in the spec, before the note.
/// Always Chinese.
pub fn import_check() -> &'static str {
    "请核对："
}

/// A comment at the top of a spec imported from a web page whose page
/// title differs from the plan's. Always Chinese.
pub fn import_page_title(title: &str) -> String {
    format!("网页上的标题：{title}")
}

/// The head of the block of text the import could not place, at the end
/// of the spec; the text follows, a commented line (`#   - …`) each.
pub fn import_unplaced_header(n: usize) -> Vec<String> {
    vec![
        "未归类的原文".into(),
        format!("原文里有下面这 {n} 段文字，导入时不知道该放在哪里。"),
        "需要的请移到上面合适的位置（去掉行首的 #），不需要的删掉。".into(),
    ]
}

// The report `import` prints.

/// The first line of the import report: the file read, its kind (one of
/// the `IMPORT_KIND_*` names) and the encoding it was read in, if it was
/// text.
pub fn import_read(file: impl Display, kind: &str, encoding: Option<&str>) -> String {
    match encoding {
        Some(e) => zh_en!(
            format!("已读取 {file}（{kind}，{e} 编码）"),
            format!("read {file} ({}, {e} encoding)", import_kind_en(kind))
        ),
        None => zh_en!(
            format!("已读取 {file}（{kind}）"),
            format!("read {file} ({})", import_kind_en(kind))
        ),
    }
}

/// A kind of file as named below, in English.
fn import_kind_en(kind: &str) -> &str {
    match kind {
        IMPORT_KIND_TEXT => "plain text",
        IMPORT_KIND_HTML => "web page",
        IMPORT_KIND_DOCX => "Word document",
        other => other,
    }
}

/// The kinds of file `import` reads, as the report names them
/// (`import::read::FileKind::label`); [`import_read`] gives them in English
/// when the language is English. This one is plain text.
pub const IMPORT_KIND_TEXT: &str = "纯文本";
/// A Markdown file, as the report names it.
pub const IMPORT_KIND_MARKDOWN: &str = "Markdown";
/// A web page (HTML), as the report names it.
pub const IMPORT_KIND_HTML: &str = "网页";
/// A Word document (DOCX), as the report names it.
pub const IMPORT_KIND_DOCX: &str = "Word 文档";

/// A line of the import report when the file held several plans: how many,
/// which one was imported, and how to choose another.
pub fn import_plans_found(count: usize, pick: usize) -> String {
    zh_en!(
        format!("找到 {count} 份计划，导入的是第 {pick} 份（--list 列出全部，--pick N 选择）"),
        format!(
            "found {count} plans and imported plan {pick} (--list lists them all, --pick N chooses one)"
        )
    )
}

/// A line of `import --list`: one plan found, with its size.
pub fn import_plan_line(
    n: usize,
    title: &str,
    measures: usize,
    months: usize,
    chars: usize,
) -> String {
    zh_en!(
        format!("{n}. {title}：主要工作 {measures} 项，工作安排 {months} 个月，约 {chars} 字"),
        format!(
            "{n}. {title}: {measures} main work item(s), a schedule of {months} month(s), about {chars} characters"
        )
    )
}

/// The title shown for a plan found without one.
pub fn import_untitled() -> &'static str {
    zh_en!("（没有标题）", "(no title)")
}

/// A line of the import report: the title found, and the school, year and
/// period read from it.
pub fn import_report_title(title: &str, school: &str, year: i32, period: &str) -> String {
    zh_en!(
        format!("  标题：{title} → 学校“{school}”，{year} 年，{period}"),
        format!("  title: \"{title}\" → school \"{school}\", {year}, {period}")
    )
}

/// The plan's period in the import report (in the spec it is the plan's
/// own word, [`crate::placeholder::period_name`]).
pub fn import_period(p: crate::spec::Period) -> &'static str {
    use crate::spec::Period;
    match p {
        Period::Year => zh_en!("年度", "whole year"),
        Period::Spring => zh_en!("上半年", "first half"),
        Period::Autumn => zh_en!("下半年", "second half"),
        Period::SchoolYear => zh_en!("学年", "school year"),
    }
}

/// A line of the import report: how many paragraphs, goals, main work
/// items and schedule months and items were found.
pub fn import_report_parts(
    guiding: usize,
    goals: usize,
    top: usize,
    all: usize,
    months: usize,
    items: usize,
) -> String {
    zh_en!(
        format!(
            "  指导思想 {guiding} 段，工作目标 {goals} 条，主要工作 {top} 项（连同下级共 {all} 条），工作安排 {months} 个月 {items} 项"
        ),
        format!(
            "  guiding principles: {guiding} paragraph(s); goals: {goals}; main work: {top} item(s) ({all} with the items below them); schedule: {months} month(s), {items} item(s)"
        )
    )
}

/// A line of the import report: whether a 落款 was found, and what the
/// plan is signed with when not.
pub fn import_report_signature(found: bool) -> String {
    if found {
        zh_en!("  落款：已找到", "  signature (“落款”): found").into()
    } else {
        zh_en!(
            "  落款：没找到（生成时用“学校名称+工会委员会”和生成那天的日期）",
            "  signature (“落款”): not found (the plan will be signed with the school's name + “工会委员会”, dated the day it is made)"
        )
        .into()
    }
}

/// A line of the import report: how many pieces of web page clutter,
/// watermarks and repeats were dropped.
pub fn import_report_noise(n: usize) -> String {
    zh_en!(
        format!("  去掉了网页杂项、水印和重复内容 {n} 处"),
        format!("  removed {n} piece(s) of web page clutter, watermarks and repeated content")
    )
}

/// A line of the import report: how many invisible control characters
/// were dropped.
pub fn import_report_controls(n: usize) -> String {
    zh_en!(
        format!("  去掉了看不见的控制字符 {n} 个（多半是从网页或别的程序复制带来的）"),
        format!(
            "  removed {n} invisible control character(s) (most likely copied along from a web page or another program)"
        )
    )
}

/// A line of the import report: how many half-width punctuation marks
/// between Chinese characters became full-width.
pub fn import_report_punctuation(n: usize) -> String {
    zh_en!(
        format!("  把夹在汉字中间的半角标点（, ; : ( ) 等）改成了全角，共 {n} 处"),
        format!(
            "  changed {n} half-width punctuation mark(s) (, ; : ( ) and the like) between Chinese characters to full-width"
        )
    )
}

/// A line of the import report: how many paragraphs could not be placed
/// and were put at the end of the spec ([`import_unplaced_header`]).
pub fn import_report_unplaced(n: usize) -> String {
    zh_en!(
        format!("  没能归类 {n} 段，已放在文件末尾“# 未归类的原文”下面，请处理"),
        format!(
            "  {n} paragraph(s) could not be placed; they are under “# 未归类的原文” at the end of the file: please deal with them"
        )
    )
}

/// A line of the import report, over the notes listed under it: how many
/// guesses are marked `# 请核对` in the spec.
pub fn import_report_notes(n: usize) -> String {
    zh_en!(
        format!("  拿不准的地方 {n} 处，已在文件里用“# 请核对”标出："),
        format!("  {n} guess(es) to check, marked \"# 请核对\" in the file:")
    )
}

/// Said when the imported spec is written, with what to run next.
pub fn import_written(path: impl Display) -> String {
    zh_en!(
        format!("已写好 {path}，请核对后运行：unionplan render {path}"),
        format!("wrote {path}; check it, then run: unionplan render {path}")
    )
}

super::problems! {
    pub fn import_too_deep(max: usize) {
        zh_en!(
            format!("文件里的内容一层套一层，超过了 {max} 层，不像是一份计划，没有读取"),
            format!(
                "the file's content is nested more than {max} levels deep, which does not look like a plan, so it was not read"
            )
        )
    }
}

super::problems! {
    pub fn import_docx_too_large(mib: u64) {
        zh_en!(
            format!("Word 文件解压后超过 {mib} MB，不像是一份计划，没有读取"),
            format!("the Word file is larger than {mib} MB unpacked, which does not look like a plan, so it was not read")
        )
    }
}

super::problems! {
    pub fn import_docx_overlapping() {
        zh_en!(
            "Word 文件的压缩数据不正常（几个部分共用同一段数据，这是“压缩炸弹”的做法），没有读取：请在 Word 或 WPS 里打开它，另存一份再导入",
            "the Word file is packed abnormally (several parts share one stream of data, as zip bombs do), so it was not read: open it in Word or WPS, save a new copy and import that"
        )
        .into()
    }
}

super::problems! {
    pub fn import_part_too_large(part: &str, mib: u64) {
        zh_en!(
            format!("Word 文件里的 {part} 解压后超过 {mib} MB，不像是一份计划，没有读取"),
            format!(
                "{part} in the Word file is larger than {mib} MB unpacked, which does not look like a plan, so it was not read"
            )
        )
    }
}

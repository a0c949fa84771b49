//! The words about batch.

use std::fmt::Display;

use super::zh_en;

super::problems! {
    pub fn district_not_map(found: &str) {
        zh_en!(
            format!("区（县）批量文件应当是“字段: 内容”的形式，实际是{found}"),
            format!("a district batch file should be `field: value` lines, but found {found}")
        )
    }
}

/// The help under a batch file that is not a map, has no `base` or names
/// no schools: what a batch file needs at least.
pub fn district_help() -> String {
    zh_en!(
        "批量文件至少要有 base（各校共用的计划文件）和 schools 或 roster（各校名单）",
        "a batch file needs at least base (the plan file all schools share) and schools or roster (the list of schools)"
    )
    .into()
}

super::problems! {
    pub fn district_path(key: &str, found: &str) {
        zh_en!(
            format!("`{key}` 应当是一个文件路径，实际是{found}"),
            format!("`{key}` should be the path of a file, but found {found}")
        )
    }
}

super::problems! {
    pub fn district_no_schools() {
        zh_en!(
            "没有任何学校：请在 schools 下列出学校，或用 roster 指定名单表格",
            "there are no schools: list them under schools, or name a spreadsheet of them with roster"
        )
        .into()
    }
}

/// A note on each problem of a batch's `base` file: the batch file that
/// named it.
pub fn base_of(district: impl Display) -> String {
    zh_en!(
        format!("这是批量文件 {district} 的 base"),
        format!("this is the base of the batch file {district}")
    )
}

/// Where a school of a roster comes from, used as its label: the roster
/// file and the row.
pub fn roster_row(file: impl Display, line: usize) -> String {
    zh_en!(
        format!("{file} 第 {line} 行"),
        format!("{file} line {line}")
    )
}

super::problems! {
    pub fn roster_unreadable(file: impl Display, err: &crate::input::Refused) {
        zh_en!(
            format!("无法读取名单 {file}：{}", err.reason()),
            format!("cannot read the list of schools {file}: {}", err.reason())
        )
    }
}

super::problems! {
    pub fn roster_unknown_encoding() {
        zh_en!(
            "名单的编码认不出来：在 Excel 或 WPS 里“另存为”CSV（逗号分隔）或 Excel 工作簿（.xlsx）再试",
            "the encoding of the list of schools is not recognised: in Excel or WPS, use \"Save As\" to save it as CSV (comma separated) or as an Excel workbook (.xlsx), and try again"
        )
        .into()
    }
}

super::problems! {
    pub fn roster_bad(err: impl Display) {
        zh_en!(
            format!("名单读不懂：{err}"),
            format!("the list of schools cannot be read: {err}")
        )
    }
}

super::problems! {
    pub fn roster_empty(header_line: usize) {
        zh_en!(
            format!("名单里没有学校：第 {header_line} 行是表头，下面没有一行写着学校"),
            format!("the list has no schools: row {header_line} is the header, and no row below it names a school")
        )
    }
}

super::problems! {
    pub fn roster_no_header(looked: usize) {
        if looked == 0 {
            zh_en!(
                "名单是空的：没有表头，也没有学校".to_string(),
                "the list is empty: no header row and no schools".to_string()
            )
        } else {
            zh_en!(
                format!("名单里找不到表头：看了前 {looked} 行，没有一行写着计划里的字段名（例如“学校”）"),
                format!("the list has no header row: none of its first {looked} rows names a field of the plan (such as 学校)")
            )
        }
    }
}

/// The help under [`roster_no_header`] and [`roster_columns_ignored`]:
/// which field names a header row may hold.
pub fn roster_header_help() -> String {
    zh_en!(
        "表头写计划里的字段名，例如：学校、落款单位、落款日期、年度、标题（也可以写英文 school、signature.org）",
        "in the header row, write the plan's field names, for example: 学校, 落款单位, 落款日期, 年度, 标题 (or in English: school, signature.org)"
    )
    .into()
}

super::problems! {
    pub fn roster_header_twice(name: &str, first_column: usize) {
        zh_en!(
            format!("表头“{name}”和第 {first_column} 列是同一个字段，只能写一列"),
            format!(
                "the header \"{name}\" is the same field as column {first_column}: only one column may name it"
            )
        )
    }
}

super::problems! {
    pub fn roster_extends() {
        zh_en!(
            "名单里不能写 extends：各校共用的计划请写在区县文件的 base 里",
            "the list of schools cannot use extends: the plan all schools share goes in the base of the district file"
        )
        .into()
    }
}

super::problems! {
    pub fn roster_columns_ignored(names: &[String]) {
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        zh_en!(
            format!("这些列不是计划里的内容，没有用上：{}", super::quote_list(&names)),
            format!("these columns are not part of a plan and were not used: {}", super::quote_list(&names))
        )
    }
}

super::problems! {
    pub fn roster_column_without_header(column: usize) {
        zh_en!(
            format!("第 {column} 列有内容，但没有表头，这一列没有用上"),
            format!("column {column} has content but no header, so it was not used")
        )
    }
}

super::problems! {
    pub fn roster_too_big(cells: usize) {
        zh_en!(
            format!(
                "名单太大：超过 {}个格子。请检查表格里是否有很远的地方误填了内容",
                match cells % 10_000 {
                    0 => format!("{} 万", cells / 10_000),
                    _ => format!("{cells} "),
                }
            ),
            format!(
                "the list is too large: more than {} cells. Check whether something was typed by mistake far away in the spreadsheet",
                thousands(cells)
            )
        )
    }
}

super::problems! {
    /// Two schools of a batch that would write one file: said of each,
    /// naming where the other is written.
    pub fn batch_clash(mine: &str, theirs: &str, theirs_at: &str, name: &str) {
        if mine == theirs {
            zh_en!(
                format!("学校“{mine}”写了两次（另一次在 {theirs_at}），两所都会写到“{name}”，所以这两所都没有生成，其他学校照常生成：请删掉重复的一行"),
                format!("the school \"{mine}\" is listed twice (again at {theirs_at}); both would write \"{name}\", so neither was made (the other schools were): delete the repeated row")
            )
        } else {
            zh_en!(
                format!("“{mine}”和“{theirs}”（在 {theirs_at}）会写到同一个文件“{name}”，所以这两所都没有生成，其他学校照常生成：请把学校名称改得不同"),
                format!("\"{mine}\" and \"{theirs}\" (at {theirs_at}) would both be written to \"{name}\", so neither was made (the other schools were): make the school names different")
            )
        }
    }
}

/// Said when a batch finishes, and at the top of its index page: how many
/// schools were made and how many failed, with the time taken when given.
pub fn batch_summary(total: usize, ok: usize, failed: usize, seconds: Option<f64>) -> String {
    match seconds {
        Some(s) => zh_en!(
            format!("共 {total} 所学校：成功 {ok} 所，失败 {failed} 所，用时 {s:.1} 秒"),
            format!("{total} school(s): {ok} succeeded, {failed} failed, in {s:.1} s")
        ),
        None => zh_en!(
            format!("共 {total} 所学校：成功 {ok} 所，失败 {failed} 所"),
            format!("{total} school(s): {ok} succeeded, {failed} failed")
        ),
    }
}

/// A progress line of `batch` without a progress bar: school `done` of
/// `total` was written.
pub fn batch_school_ok(done: usize, total: usize, school: &str) -> String {
    zh_en!(
        format!("[{done}/{total}] {school}：已生成"),
        format!("[{done}/{total}] {school}: written")
    )
}

/// A progress line of `batch` without a progress bar: school `done` of
/// `total` has errors, and nothing was written for it.
pub fn batch_school_failed(done: usize, total: usize, school: &str) -> String {
    zh_en!(
        format!("[{done}/{total}] {school}：有错误，没有生成"),
        format!("[{done}/{total}] {school}: has errors, nothing written")
    )
}

/// The heading over one failed school's errors, printed after the batch.
pub fn batch_school_errors(school: &str) -> String {
    zh_en!(format!("{school} 的错误："), format!("errors in {school}:"))
}

// The batch's index page: for the person who ran the batch (its error
// column holds the diagnostics as printed), so it follows the language too.

/// The title of a batch's index page, naming the batch file.
pub fn index_title(district: impl Display) -> String {
    zh_en!(
        format!("工会工作计划（{district}）"),
        format!("Trade union work plans ({district})")
    )
}

/// The index page's column heading for the school.
pub fn index_school() -> &'static str {
    zh_en!("学校", "School")
}

/// The index page's column heading for the files made.
pub fn index_files() -> &'static str {
    zh_en!("文件", "Files")
}

/// The index page's column heading for a school's errors.
pub fn index_errors() -> &'static str {
    zh_en!("错误", "Errors")
}

/// Said when `-j` is below 1 or more than the machine can run at once:
/// the number of jobs used instead.
pub fn batch_jobs_capped(asked: usize, used: usize) -> String {
    if asked < used {
        zh_en!(
            format!("-j 至少是 1，改为 -j {used}"),
            format!("-j must be at least 1; using -j {used}")
        )
    } else {
        zh_en!(
            format!("-j {asked} 超出了这台电脑能同时处理的数量，改为 -j {used}"),
            format!("-j {asked} is more than this computer can run at once; using -j {used}")
        )
    }
}

super::problems! {
    pub fn batch_no_threads(err: impl Display) {
        zh_en!(
            format!("无法启动并行处理的线程：{err}（可以试试更小的 -j）"),
            format!("cannot start the threads to work in parallel: {err} (try a smaller -j)")
        )
    }
}

super::problems! {
    pub fn school_extends() {
        zh_en!(
            "学校条目里不能写 extends：各校都从 base 出发",
            "a school entry cannot use extends: every school starts from base"
        )
        .into()
    }
}

/// The help under [`school_extends`]: a school's own plan file goes under
/// `spec:`, merged on top of `base`.
pub fn school_extends_help() -> String {
    zh_en!(
        "这所学校有自己的计划文件的话，写 spec: 文件名（它会合并在 base 之上）",
        "if this school has a plan file of its own, write spec: and its file name (it is merged on top of base)"
    )
    .into()
}

super::problems! {
    pub fn roster_no_such_sheet(name: &str, names: &[&str]) {
        zh_en!(
            format!(
                "名单里没有叫“{name}”的工作表，有的是：{}",
                names.iter().map(|n| format!("“{n}”")).collect::<Vec<_>>().join("、")
            ),
            format!(
                "the list of schools has no sheet called \"{name}\"; its sheets are: {}",
                names.iter().map(|n| format!("\"{n}\"")).collect::<Vec<_>>().join(", ")
            )
        )
    }

    pub fn roster_no_visible_sheet() {
        zh_en!(
            "名单里的工作表都隐藏了：请在 Excel 里取消隐藏要用的那一张，或者在区县文件里用 sheet（工作表）写明它的名字",
            "every sheet of the list of schools is hidden: unhide the one to use in Excel, or name it with sheet in the district file"
        )
        .into()
    }

    pub fn roster_sheet_not_spreadsheet() {
        zh_en!(
            "sheet（工作表）只用于 Excel 名单；这份名单是 CSV，没有工作表：请删掉这一行",
            "sheet is only for a spreadsheet; this list of schools is a CSV file, which has no sheets: remove this line"
        )
        .into()
    }

    pub fn district_sheet_without_roster() {
        zh_en!(
            "sheet（工作表）说的是名单里的哪一张工作表，但这里没有 roster（名单）",
            "sheet names a sheet of the list of schools, but there is no roster here"
        )
        .into()
    }

    /// A formula saved without the value it gives (by a program that does
    /// not calculate): read as blank, the school would take the base's
    /// value without a word.
    pub fn roster_formula_without_value(line: usize, column: &str) {
        zh_en!(
            format!("第 {line} 行 {column} 列是公式，没有算出的值：请在 Excel 中打开名单并保存一次，再试"),
            format!(
                "row {line}, column {column} is a formula without its value: open the list of schools in Excel, save it once, and try again"
            )
        )
    }
}

/// A note on the last [`roster_formula_without_value`] listed, when more
/// cells than those listed hold a formula without its value.
pub fn roster_formulas_more(total: usize, shown: usize) -> String {
    zh_en!(
        format!("一共有 {total} 个这样的单元格，这里只列出前 {shown} 个"),
        format!("there are {total} such cells; only the first {shown} are listed")
    )
}

super::problems! {
    /// A totals row under the schools, passed over.
    pub fn roster_total_row(line: usize, label: &str) {
        zh_en!(
            format!("第 {line} 行“{label}”是合计行，不是学校，已跳过"),
            format!("row {line}, \"{label}\", is a totals row, not a school: passed over")
        )
    }
}

/// The heading of what a school that was made should know.
pub fn batch_school_notes(name: &str) -> String {
    zh_en!(format!("{name} 需要注意："), format!("{name}, to note:"))
}

/// `1000000` as `1,000,000`, for English.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

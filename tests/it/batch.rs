//! `unionplan batch`: many schools from one district file.

use std::fs;
use std::io::Write;
use std::path::Path;

use crate::common::*;

const BASE: &str = "year: 2025\nguiding_principles: 共用的指导思想。\nmeasures:\n  - id: care\n    title: 关心教职工\n    items: [组织体检]\nsignature: {date: 2025-02-25}\n";

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

#[test]
fn the_district_example_renders_every_school_with_its_overrides() {
    let dir = tempfile::tempdir().unwrap();
    let o = unionplan(
        dir.path(),
        &[
            "batch",
            repo()
                .join("specs/district/district.yaml")
                .to_str()
                .unwrap(),
            "-o",
            "plans",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let files = files_under(&dir.path().join("plans"));
    assert_eq!(files.len(), 5 * 3 + 1, "{files:#?}");
    assert!(files.contains(&"大湖中学/大湖中学2025年工会工作计划.docx".to_string()));
    assert!(files.contains(&"index.html".to_string()));
    let md = |school: &str| {
        fs::read_to_string(
            dir.path()
                .join(format!("plans/{school}/{school}2025年工会工作计划.md")),
        )
        .unwrap()
    };
    // Inline override, a spec file of its own, and roster rows (BOM, quotes, blank cells).
    assert!(md("东湖区实验小学").ends_with("东湖区实验小学工会委员会\n\n2025年2月25日\n"));
    assert!(md("大湖中学").contains("组建教职工合唱团"));
    assert!(
        md("大湖中学").contains("### 五月\n\n1、教职工合唱比赛（5月20日，负责：工会文体委员）")
    );
    assert!(md("湖滨小学").ends_with("湖滨小学工会委员会\n\n2025年2月26日\n"));
    assert!(md("东湖区第二中学").ends_with("东湖区第二中学工会\n\n2025年2月25日\n"));
    assert!(md("新城幼儿园").ends_with("新城幼儿园工会委员会\n\n2025年3月1日\n"));
    assert!(stderr(&o).contains("共 5 所学校：成功 5 所，失败 0 所"));
}

#[test]
fn a_bad_school_fails_alone_with_its_name_file_line_and_field() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "base.yaml", BASE);
    write(
        dir.path(),
        "d.yaml",
        "base: base.yaml\nschools:\n  - school: 甲校\n  - school: 乙校\n    year: 二〇二五\nroster: r.csv\n",
    );
    write(
        dir.path(),
        "r.csv",
        "学校,落款日期\n丙校,2025-02-30\n丁校,\n",
    );
    let o = unionplan(dir.path(), &["batch", "d.yaml", "-o", "out", "-f", "md"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("乙校 的错误"), "{err}");
    assert!(err.contains("d.yaml:5:11：字段 year"), "{err}");
    assert!(err.contains("丙校 的错误"), "{err}");
    assert!(err.contains("r.csv:2:4：字段 signature.date"), "{err}");
    assert!(err.contains("成功 2 所，失败 2 所"), "{err}");
    let files = files_under(&dir.path().join("out"));
    assert_eq!(
        files,
        [
            "index.html",
            "丁校/丁校2025年工会工作计划.md",
            "甲校/甲校2025年工会工作计划.md"
        ]
    );
    let index = fs::read_to_string(dir.path().join("out/index.html")).unwrap();
    for school in ["甲校", "乙校", "丙校", "丁校"] {
        assert!(index.contains(school), "{school}");
    }
    assert!(
        index.contains("<a href=\"甲校/甲校2025年工会工作计划.md\">MD</a>"),
        "{index}"
    );
    assert!(index.contains("年份应当是四位阿拉伯数字"));
}

/// The plans a batch wrote: its files but the index page.
fn plans_under(dir: &Path) -> Vec<String> {
    let mut files = files_under(dir);
    files.retain(|f| f != "index.html");
    files
}

/// Two schools that would write one file are both refused, each told where
/// the other is; the other schools are made (issue #27: a repeated row
/// stopped the whole run and named no row).
#[test]
fn colliding_schools_are_refused_and_the_others_made() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "base.yaml", BASE);
    write(
        dir.path(),
        "d.yaml",
        "base: base.yaml\nschools:\n  - school: 甲校\n  - school: 乙校\n  - school: 甲校\n",
    );
    let o = unionplan(dir.path(), &["batch", "d.yaml", "-o", "out", "-f", "md"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("d.yaml:3:5：字段 schools[1]：学校“甲校”写了两次（另一次在 d.yaml:5:5）"),
        "{err}"
    );
    assert!(
        err.contains("d.yaml:5:5：字段 schools[3]：学校“甲校”写了两次（另一次在 d.yaml:3:5）"),
        "{err}"
    );
    assert!(err.contains("成功 1 所，失败 2 所"), "{err}");
    assert_eq!(
        plans_under(&dir.path().join("out")),
        ["乙校/乙校2025年工会工作计划.md"]
    );

    // Names that differ only in characters a filesystem can't hold clash too.
    write(
        dir.path(),
        "d.yaml",
        "base: base.yaml\nschools:\n  - school: 甲/乙校\n  - school: 甲:乙校\n",
    );
    let o = unionplan(dir.path(), &["batch", "d.yaml", "-o", "out2", "--flat"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("会写到同一个文件"), "{}", stderr(&o));
    assert!(plans_under(&dir.path().join("out2")).is_empty());
}

/// A roster as offices keep it: a repeated school, a totals row, a blank
/// 落款日期 (the base's date, else today, said per school).
#[test]
fn a_roster_with_a_repeated_school_a_totals_row_and_blank_dates() {
    const CSV: &str = "学校,落款日期\n甲校,2025-02-20\n乙校,\n甲校,\n丙校,2025-02-21\n合计：4所,\n";
    let rows: Vec<Vec<&str>> = CSV.lines().map(|l| l.split(',').collect()).collect();
    // As offices keep it: UTF-8, GBK from Excel on Chinese Windows, XLSX.
    for (name, bytes) in [
        ("r.csv", CSV.as_bytes().to_vec()),
        ("r-gbk.csv", encoding_rs::GBK.encode(CSV).0.into_owned()),
        ("r.xlsx", xlsx(&rows)),
    ] {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            "base.yaml",
            &BASE.replace("signature: {date: 2025-02-25}\n", ""),
        );
        write(
            dir.path(),
            "d.yaml",
            &format!("base: base.yaml\nroster: {name}\nformats: [md]\n"),
        );
        fs::write(dir.path().join(name), bytes).unwrap();
        let o = unionplan(dir.path(), &["batch", "d.yaml", "-o", "out"]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{name}: {err}");
        for want in [
            format!("{name}:2:1：学校“甲校”写了两次（另一次在 {name}:4:1）"),
            format!("{name}:4:1：学校“甲校”写了两次（另一次在 {name}:2:1）"),
            format!("{name}:6:1：第 6 行“合计：4所”是合计行，不是学校，已跳过"),
            "共 4 所学校：成功 2 所，失败 2 所".to_string(),
            "乙校 需要注意：".to_string(),
            "落款日期没有写，用的是今天".to_string(),
        ] {
            assert!(err.contains(&want), "{name}: {want}\n{err}");
        }
        assert!(!err.contains("丙校 需要注意"), "{name}: {err}");
        assert_eq!(
            plans_under(&dir.path().join("out")),
            [
                "丙校/丙校2025年工会工作计划.md",
                "乙校/乙校2025年工会工作计划.md"
            ],
            "{name}"
        );
    }
}

#[test]
fn unsafe_school_names_stay_inside_the_output_folder() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "base.yaml", BASE);
    let long = "长".repeat(300);
    write(
        dir.path(),
        "d.yaml",
        &format!(
            "base: base.yaml\nschools:\n  - school: ../../逃出去\n  - school: 'a/b\\\\c'\n  - school: {long}\n  - school: CON\n"
        ),
    );
    let o = unionplan(dir.path(), &["batch", "d.yaml", "-o", "out", "-f", "md"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let files = files_under(&dir.path().join("out"));
    assert_eq!(files.len(), 5, "{files:#?}");
    assert!(
        files
            .iter()
            .all(|f| f.split('/').all(|part| part != ".." && part.len() <= 160))
    );
    assert!(
        files.contains(&"___逃出去/___逃出去2025年工会工作计划.md".to_string()),
        "{files:#?}"
    );
    assert!(
        files.contains(&"_CON/CON2025年工会工作计划.md".to_string()),
        "{files:#?}"
    );
    let outside: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        outside.len(),
        3,
        "only base.yaml, d.yaml and out: {outside:?}"
    );
}

#[test]
fn an_injected_write_failure_leaves_no_partial_file() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "base.yaml", BASE);
    write(
        dir.path(),
        "d.yaml",
        "base: base.yaml\nschools:\n  - school: 甲校\n  - school: 乙校\n",
    );
    // 乙校's folder can't be made: a file stands where it should be.
    write(dir.path(), "out/乙校", "挡路的文件");
    let o = unionplan(dir.path(), &["batch", "d.yaml", "-o", "out"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("无法创建文件夹"), "{}", stderr(&o));
    let files = files_under(&dir.path().join("out"));
    assert_eq!(
        files,
        [
            "index.html",
            "乙校",
            "甲校/甲校2025年工会工作计划.docx",
            "甲校/甲校2025年工会工作计划.html",
            "甲校/甲校2025年工会工作计划.md",
        ]
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("out/乙校")).unwrap(),
        "挡路的文件"
    );
}

#[test]
fn flat_layout_and_one_job() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "base.yaml", BASE);
    write(
        dir.path(),
        "d.yaml",
        "base: base.yaml\nschools: [{school: 甲校}, {school: 乙校}]\nformats: [docx]\n",
    );
    let o = unionplan(
        dir.path(),
        &["batch", "d.yaml", "-o", "out", "--flat", "-j", "1"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        files_under(&dir.path().join("out")),
        [
            "index.html",
            "乙校2025年工会工作计划.docx",
            "甲校2025年工会工作计划.docx"
        ]
    );
}

#[test]
fn district_file_problems_are_located() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "d.yaml",
        "bse: base.yaml\nschools: [{school: 甲校}]\nformats: [docx, odt]\n",
    );
    let o = unionplan(dir.path(), &["batch", "d.yaml"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("d.yaml:1:1：字段 bse：不认识的字段 `bse`"),
        "{err}"
    );
    assert!(err.contains("是不是想写 `base`"), "{err}");
    assert!(err.contains("d.yaml:3:17：字段 formats[2]"), "{err}");
    assert!(
        !err.contains("缺少必填字段 `base`"),
        "the typo is reported once: {err}"
    );

    write(
        dir.path(),
        "d.yaml",
        "base: nowhere.yaml\nschools: [{school: 甲校}]\n",
    );
    let o = unionplan(dir.path(), &["batch", "d.yaml"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("nowhere.yaml"), "{}", stderr(&o));
}

/// A minimal XLSX workbook with inline strings and numbers, as Excel reads it.
fn xlsx(rows: &[Vec<&str>]) -> Vec<u8> {
    xlsx_with(rows, "")
}

/// The same, with `extra` cells written as they are, after the rows.
fn xlsx_with(rows: &[Vec<&str>], extra: &str) -> Vec<u8> {
    workbook(&[("学校", "", sheet_xml(rows, extra))])
}

/// A worksheet's XML: inline strings and numbers, then `extra` as written.
fn sheet_xml(rows: &[Vec<&str>], extra: &str) -> String {
    let mut sheet = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    );
    for (r, row) in rows.iter().enumerate() {
        sheet.push_str(&format!("<row r=\"{}\">", r + 1));
        for (c, v) in row.iter().enumerate() {
            let cell = format!("{}{}", (b'A' + c as u8) as char, r + 1);
            if !v.is_empty() && v.chars().all(|ch| ch.is_ascii_digit()) {
                sheet.push_str(&format!("<c r=\"{cell}\"><v>{v}</v></c>"));
            } else if !v.is_empty() {
                sheet.push_str(&format!(
                    "<c r=\"{cell}\" t=\"inlineStr\"><is><t>{v}</t></is></c>"
                ));
            }
        }
        sheet.push_str("</row>");
    }
    sheet.push_str(extra);
    sheet.push_str("</sheetData></worksheet>");
    sheet
}

/// A workbook of these sheets: name, `state` (`hidden`, or empty for a
/// visible one) and the worksheet's XML.
fn workbook(sheets: &[(&str, &str, String)]) -> Vec<u8> {
    let mut types = String::new();
    let mut listed = String::new();
    let mut rels = String::new();
    for (i, (name, state, _)) in sheets.iter().enumerate() {
        let n = i + 1;
        types.push_str(&format!(r#"<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#));
        let state = match *state {
            "" => String::new(),
            s => format!(" state=\"{s}\""),
        };
        listed.push_str(&format!(
            r#"<sheet name="{name}" sheetId="{n}"{state} r:id="rId{n}"/>"#
        ));
        rels.push_str(&format!(r#"<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>"#));
    }
    let mut parts = vec![
        ("[Content_Types].xml".to_string(), format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{types}</Types>"#)),
        ("_rels/.rels".to_string(), r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_string()),
        ("xl/workbook.xml".to_string(), format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{listed}</sheets></workbook>"#)),
        ("xl/_rels/workbook.xml.rels".to_string(), format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>"#)),
    ];
    for (i, (_, _, xml)) in sheets.iter().enumerate() {
        parts.push((format!("xl/worksheets/sheet{}.xml", i + 1), xml.clone()));
    }
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, body) in parts {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(body.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// The codes of the problems a `--message-format json` run reported, with
/// their line and column.
fn problems(o: &std::process::Output) -> Vec<(String, Option<u64>, Option<u64>)> {
    stderr(o)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| v["severity"] == "error")
        .map(|v| {
            (
                v["code"].as_str().unwrap_or_default().to_string(),
                v["line"].as_u64(),
                v["column"].as_u64(),
            )
        })
        .collect()
}

/// Issue #25: a workbook whose first sheet is hidden (an old list kept
/// out of sight) is read from its first visible sheet.
#[test]
fn a_hidden_first_sheet_is_passed_over() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "base.yaml", BASE);
    write(
        dir.path(),
        "d.yaml",
        "base: base.yaml\nroster: r.xlsx\nformats: [md]\n",
    );
    let book = workbook(&[
        (
            "去年",
            "hidden",
            sheet_xml(&[vec!["学校"], vec!["旧校"]], ""),
        ),
        ("今年", "", sheet_xml(&[vec!["学校"], vec!["甲校"]], "")),
    ]);
    fs::write(dir.path().join("r.xlsx"), book).unwrap();
    let o = unionplan(dir.path(), &["batch", "d.yaml", "-o", "out"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        files_under(&dir.path().join("out")),
        ["index.html", "甲校/甲校2025年工会工作计划.md"]
    );
}

/// `sheet:` (工作表) names the sheet to read, hidden or not; a name the
/// workbook does not have is an error at that key.
#[test]
fn the_district_file_names_the_sheet_to_read() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "base.yaml", BASE);
    let book = workbook(&[
        ("一", "", sheet_xml(&[vec!["学校"], vec!["甲校"]], "")),
        ("二", "hidden", sheet_xml(&[vec!["学校"], vec!["乙校"]], "")),
    ]);
    fs::write(dir.path().join("r.xlsx"), book).unwrap();
    write(
        dir.path(),
        "d.yaml",
        "共用计划: base.yaml\n名单: r.xlsx\n工作表: 二\n格式: [md]\n",
    );
    let o = unionplan(dir.path(), &["batch", "d.yaml", "-o", "out"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        files_under(&dir.path().join("out")),
        ["index.html", "乙校/乙校2025年工会工作计划.md"]
    );

    write(
        dir.path(),
        "d.yaml",
        "base: base.yaml\nroster: r.xlsx\nsheet: 三\nformats: [md]\n",
    );
    let o = unionplan(
        dir.path(),
        &["--message-format", "json", "batch", "d.yaml", "-o", "out2"],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(
        problems(&o),
        [("roster_no_such_sheet".to_string(), Some(3), Some(8))]
    );
    assert!(!dir.path().join("out2").exists());
}

/// A formula cell saved without its value (by a program that does not
/// calculate) was read as blank, and the school silently took the base's
/// value. It is an error at its cell, and nothing is written.
#[test]
fn a_formula_cell_without_a_value_is_an_error_at_its_cell() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "base.yaml", BASE);
    write(
        dir.path(),
        "d.yaml",
        "base: base.yaml\nroster: 名单.xlsx\nformats: [md]\n",
    );
    let book = xlsx_with(
        &[vec!["学校", "年份", "落款单位"], vec!["甲校", "2026"]],
        r#"<row r="3"><c r="A3" t="inlineStr"><is><t>乙校</t></is></c><c r="B3"><f>B2</f></c><c r="C3" t="str"><f>A3&amp;"工会"</f><v>乙校工会</v></c></row>"#,
    );
    fs::write(dir.path().join("名单.xlsx"), book).unwrap();
    let o = unionplan(
        dir.path(),
        &["--message-format", "json", "batch", "d.yaml", "-o", "out"],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert_eq!(
        problems(&o),
        [("roster_formula_without_value".to_string(), Some(3), Some(2))]
    );
    assert!(!dir.path().join("out").exists());
    let o = unionplan(dir.path(), &["batch", "d.yaml", "-o", "out"]);
    assert!(
        stderr(&o).contains("名单.xlsx:3:2：第 3 行 B 列是公式"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn an_xlsx_roster_with_chinese_headers_and_numbers() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "base.yaml", BASE);
    write(
        dir.path(),
        "d.yaml",
        "base: base.yaml\nroster: schools.xlsx\nformats: [md]\n",
    );
    let book = xlsx(&[
        vec!["学校", "年份", "落款单位"],
        vec!["甲校", "2026", "甲校工会"],
        vec!["乙校", "", ""],
        vec!["丙校", "二〇二五", ""],
    ]);
    fs::write(dir.path().join("schools.xlsx"), book).unwrap();
    let o = unionplan(dir.path(), &["batch", "d.yaml", "-o", "out"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let md = fs::read_to_string(dir.path().join("out/甲校/甲校2026年工会工作计划.md")).unwrap();
    assert!(md.contains("甲校工会\n"), "{md}");
    assert!(
        dir.path()
            .join("out/乙校/乙校2025年工会工作计划.md")
            .is_file()
    );
    let err = stderr(&o);
    assert!(err.contains("schools.xlsx:4:2：字段 year"), "{err}");
}

/// The index page comes from the `index.html` template, with what schools
/// are called escaped: a name is text, never markup.
#[test]
fn the_index_escapes_school_names() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "base.yaml", BASE);
    write(
        dir.path(),
        "d.yaml",
        "base: base.yaml\nschools:\n  - school: \"<b>甲&乙</b>\"\n",
    );
    let o = unionplan(dir.path(), &["batch", "d.yaml", "-o", "out", "-f", "md"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let index = fs::read_to_string(dir.path().join("out/index.html")).unwrap();
    assert!(
        index.contains("<td>&lt;b&gt;甲&amp;乙&lt;/b&gt;</td>"),
        "{index}"
    );
    assert!(!index.contains("<b>甲"), "{index}");
}

/// `formats: []` would succeed and write nothing: it is a located error.
#[test]
fn an_empty_formats_list_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "base.yaml", BASE);
    write(
        dir.path(),
        "d.yaml",
        "base: base.yaml\nschools:\n  - school: 甲校\nformats: []\n",
    );
    let o = unionplan(dir.path(), &["batch", "d.yaml", "-o", "out"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("d.yaml:4:10") && err.contains("formats 是空的"),
        "{err}"
    );
    assert!(!dir.path().join("out").exists());
}

/// Names YAML reads as numbers are names all the same: two schools called
/// 101 would write one file, and are refused before anything is written.
#[test]
fn numeric_school_names_clash_like_any_other() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "base.yaml", BASE);
    write(
        dir.path(),
        "d.yaml",
        "base: base.yaml\nschools:\n  - school: 101\n  - school: \"101\"\n",
    );
    let o = unionplan(dir.path(), &["batch", "d.yaml", "-o", "out", "-f", "md"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("写了两次"), "{}", stderr(&o));
    assert!(plans_under(&dir.path().join("out")).is_empty());
}

/// Issue #25: a year validation reads (`2025年`) but the clash check
/// could not parse was skipped there, and one school's plan silently
/// replaced the other's. The names are now those the files are written
/// under, made once from each checked plan.
#[test]
fn a_year_written_two_ways_clashes_as_one() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "base.yaml", BASE);
    write(
        dir.path(),
        "d.yaml",
        "base: base.yaml\nschools:\n  - {school: 甲校, year: 2025}\n  - {school: 甲校, year: 2025年}\n",
    );
    let o = unionplan(
        dir.path(),
        &[
            "--message-format",
            "json",
            "batch",
            "d.yaml",
            "-o",
            "out",
            "-f",
            "md",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let codes: Vec<String> = stderr(&o)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["code"].as_str().map(str::to_string))
        .collect();
    assert_eq!(codes, ["batch_clash", "batch_clash"], "{}", stderr(&o));
    assert!(plans_under(&dir.path().join("out")).is_empty());
}

/// A roster as Excel on Chinese Windows saves it: a title row above the
/// header, a 序号 and a 备注 column, CRLF line endings, and one bad row.
const EXCEL_ROSTER: &str = "东湖区2025年学校名单,,,,\r\n序号,学校,落款单位,落款日期,备注\r\n1,湖滨小学,湖滨小学工会委员会,2025-02-26,\r\n2,东湖区第二中学,东湖区第二中学工会,2025-02-30,新建\r\n3,新城幼儿园,,,\r\n";

#[test]
fn gbk_and_utf16_rosters_as_excel_saves_them() {
    let gbk = encoding_rs::GBK.encode(EXCEL_ROSTER).0.into_owned();
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            EXCEL_ROSTER
                .replace(',', "\t")
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    let cr_only = EXCEL_ROSTER.replace("\r\n", "\r").into_bytes();
    for (name, bytes, column) in [
        ("名单.csv", gbk, 21),
        ("名单.txt", utf16, 21),
        ("名单-mac.csv", cr_only, 21),
    ] {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "base.yaml", BASE);
        write(
            dir.path(),
            "d.yaml",
            &format!("base: base.yaml\nroster: {name}\nformats: [md]\n"),
        );
        fs::write(dir.path().join(name), bytes).unwrap();
        let o = unionplan(dir.path(), &["batch", "d.yaml", "-o", "out"]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{name}: {err}");
        // The bad row is line 4, the 东湖区第二中学 row, at its date.
        assert!(err.contains("东湖区第二中学 的错误"), "{name}: {err}");
        assert!(
            err.contains(&format!("{name}:4:{column}：字段 signature.date")),
            "{name}: {err}"
        );
        assert!(
            err.contains("2,东湖区第二中学") || err.contains("2    东湖区第二中学"),
            "{name}: {err}"
        );
        // The columns the plan does not know: one notice, not an error a school.
        assert_eq!(err.matches("没有用上").count(), 1, "{name}: {err}");
        assert!(err.contains("`序号`、`备注`"), "{name}: {err}");
        assert!(err.contains("成功 2 所，失败 1 所"), "{name}: {err}");
        let md = fs::read_to_string(
            dir.path()
                .join("out/湖滨小学/湖滨小学2025年工会工作计划.md"),
        )
        .unwrap();
        assert!(md.contains("湖滨小学工会委员会"), "{md}");
    }
}

#[test]
fn a_bad_header_is_one_error_not_one_a_row() {
    let cases = [
        ("序号,名称\n1,甲校\n2,乙校\n", "找不到表头", "r.csv:1:1"),
        (
            "学校,学校名称\n甲校,甲校\n乙校,乙校\n",
            "同一个字段",
            "r.csv:1:4",
        ),
        (
            "学校,extends\n甲校,x.yaml\n乙校,x.yaml\n",
            "不能写 extends",
            "r.csv:1:4",
        ),
    ];
    for (roster, want, at) in cases {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "base.yaml", BASE);
        write(dir.path(), "d.yaml", "base: base.yaml\nroster: r.csv\n");
        write(dir.path(), "r.csv", roster);
        let o = unionplan(dir.path(), &["batch", "d.yaml", "-o", "out"]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{err}");
        assert_eq!(err.matches("错误：").count(), 1, "{err}");
        assert!(err.contains(want) && err.contains(at), "{roster}: {err}");
        assert!(!dir.path().join("out").exists(), "{err}");
    }
}

#[test]
fn a_value_under_no_header_is_shown_not_dropped_silently() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "base.yaml", BASE);
    write(
        dir.path(),
        "d.yaml",
        "base: base.yaml\nroster: r.csv\nformats: [md]\n",
    );
    write(dir.path(), "r.csv", "学校\n甲校,甲校工会\n");
    let o = unionplan(dir.path(), &["batch", "d.yaml", "-o", "out"]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("警告：r.csv:2:4：第 2 列有内容，但没有表头"),
        "{err}"
    );
}

#[test]
fn one_far_away_xlsx_cell_costs_one_cell() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "base.yaml", BASE);
    write(
        dir.path(),
        "d.yaml",
        "base: base.yaml\nroster: r.xlsx\nformats: [md]\n",
    );
    let book = xlsx_with(
        &[vec!["学校"], vec!["甲校"]],
        r#"<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>远处</t></is></c></row>"#,
    );
    fs::write(dir.path().join("r.xlsx"), book).unwrap();
    let o = unionplan(dir.path(), &["batch", "d.yaml", "-o", "out"]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("r.xlsx:1048576:16384：第 16384 列有内容"),
        "{err}"
    );
    assert!(
        dir.path()
            .join("out/甲校/甲校2025年工会工作计划.md")
            .is_file()
    );
}

#[test]
fn a_district_file_in_chinese_keys() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "base.yaml", BASE);
    write(dir.path(), "r.csv", "学校\n丙校\n");
    write(
        dir.path(),
        "d.yaml",
        "共用计划: base.yaml\n学校:\n  - 学校: 甲校\n名单: r.csv\n格式: [md]\n",
    );
    let o = unionplan(dir.path(), &["batch", "d.yaml", "-o", "out"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        files_under(&dir.path().join("out")),
        [
            "index.html",
            "丙校/丙校2025年工会工作计划.md",
            "甲校/甲校2025年工会工作计划.md"
        ]
    );

    // A misspelt Chinese key gets a Chinese suggestion.
    write(dir.path(), "d.yaml", "共用计划: base.yaml\n学效: []\n");
    let o = unionplan(dir.path(), &["batch", "d.yaml", "-o", "out2"]);
    let err = stderr(&o);
    assert!(err.contains("d.yaml:2:1：字段 学效：不认识的字段"), "{err}");
    assert!(err.contains("是不是想写 `学校`"), "{err}");
}

#[test]
fn extends_in_a_school_entry_is_refused_not_ignored() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "base.yaml", BASE);
    write(
        dir.path(),
        "d.yaml",
        "base: base.yaml\nschools:\n  - school: 甲校\n    extends: nowhere.yaml\n",
    );
    let o = unionplan(dir.path(), &["batch", "d.yaml", "-o", "out"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("d.yaml:4:5：字段 schools[1].extends"), "{err}");
    assert!(err.contains("spec:"), "{err}");
}

/// One bad entry under `schools` fails that school alone; the others are
/// still produced.
#[test]
fn a_bad_schools_entry_fails_alone() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "base.yaml", BASE);
    write(
        dir.path(),
        "d.yaml",
        "base: base.yaml\nformats: [md]\nschools:\n  - school: 甲校\n  - 乙校\n  - {school: 丙校, spec: \"\"}\n",
    );
    let o = unionplan(dir.path(), &["batch", "d.yaml", "-o", "out"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("成功 1 所，失败 2 所"), "{err}");
    assert!(err.contains("d.yaml:5:5：字段 schools[2]"), "{err}");
    assert!(
        dir.path()
            .join("out/甲校/甲校2025年工会工作计划.md")
            .is_file()
    );
}

/// A school whose folder would be `index.html`, and two names that differ
/// only in Unicode normalisation (one file on macOS).
#[test]
fn the_index_and_normalisation_cannot_be_collided_with() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "base.yaml", BASE);
    write(
        dir.path(),
        "d.yaml",
        "base: base.yaml\nformats: [md]\nschools:\n  - school: index.html\n",
    );
    let o = unionplan(dir.path(), &["batch", "d.yaml", "-o", "out"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(dir.path().join("out/index.html").is_file());
    assert!(dir.path().join("out/_index.html").is_dir());

    write(
        dir.path(),
        "d.yaml",
        "base: base.yaml\nformats: [md]\nschools:\n  - school: \"Caf\\u00e9小学\"\n  - school: \"Cafe\\u0301小学\"\n",
    );
    let o = unionplan(dir.path(), &["batch", "d.yaml", "-o", "out2"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("同一个文件"), "{}", stderr(&o));
    assert!(plans_under(&dir.path().join("out2")).is_empty());
}

//! The schedule as a table (行事历, `style: {schedule_layout: table}`) in
//! all three formats: the DOCX read back (grid, widths, header row, rules,
//! fonts), the Markdown's pipe table and the HTML's `<table>`.

use crate::common::*;
use unionplan::blocks::{BlockKind, Document};
use unionplan::render::Format;

/// A schedule with days and people, and a `|` typed in an item.
const SPEC: &str = "school: 柳岸小学
year: 2026
guiding_principles: 服务教职工。
measures: [做好慰问。]
schedule:
  - month: 3
    items:
      - {text: 三八节活动, date: 2026-03-06, owner: 女工委员}
      - 植树活动 | 全体教职工
      - {text: 召开教代会, owner: 工会主席}
  - months: [7, 8]
    items:
      - {text: 暑期慰问, owner: 工会主席}
      - {text: 疗休养, owner: 工会主席}
  - month: 9
    items: [教师节慰问]
signature: {date: 2026-02-20}
";

fn with_table(spec: &str) -> String {
    format!("{spec}style:\n  schedule_layout: table\n")
}

/// The text block of an A4 page with GB/T 9704's margins, in twips.
const TEXT_WIDTH: u32 = 11906 - 1588 - 1474;

fn attr(n: Node, tag: &str, name: &str) -> Option<String> {
    child(n, tag)
        .and_then(|e| e.attribute((W, name)))
        .map(str::to_string)
}

fn cell_texts(tc: Node) -> Vec<String> {
    tc.children()
        .filter(|n| n.has_tag_name((W, "p")))
        .map(paragraph_text)
        .collect()
}

#[test]
fn the_docx_table_fits_the_text_block_and_repeats_its_header() {
    let docx = render_text(&with_table(SPEC), Format::Docx);
    let xml = docx_part(&docx, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let styles_xml = docx_part(&docx, "word/styles.xml");
    let styles = roxmltree::Document::parse(&styles_xml).unwrap();
    let tables: Vec<Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "tbl")))
        .collect();
    assert_eq!(tables.len(), 1);
    let tbl = tables[0];
    let tbl_pr = child(tbl, "tblPr").unwrap();
    assert_eq!(attr(tbl_pr, "tblW", "type").as_deref(), Some("dxa"));
    assert_eq!(attr(tbl_pr, "tblW", "w"), Some(TEXT_WIDTH.to_string()));
    assert_eq!(attr(tbl_pr, "tblLayout", "type").as_deref(), Some("fixed"));
    let borders = child(tbl_pr, "tblBorders").unwrap();
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        let b = child(borders, side).unwrap_or_else(|| panic!("{side} rule"));
        assert_eq!(b.attribute((W, "val")), Some("single"), "{side}");
        assert_eq!(b.attribute((W, "sz")), Some("4"), "{side}: 0.5 pt");
        assert_eq!(b.attribute((W, "color")), Some("000000"), "{side}");
    }

    // The grid: 月份 | 工作内容 | 时间 | 负责人, adding up to the text block.
    let grid: Vec<u32> = child(tbl, "tblGrid")
        .unwrap()
        .children()
        .filter(|n| n.has_tag_name((W, "gridCol")))
        .map(|g| g.attribute((W, "w")).unwrap().parse().unwrap())
        .collect();
    assert_eq!(grid.len(), 4);
    assert_eq!(grid.iter().sum::<u32>(), TEXT_WIDTH);
    // 时间 and 负责人 give way to 工作内容 down to their longest date or
    // name (3月6日, digits counted wide, and 女工委员: four characters, with
    // 216 twips of cell margins and 60 of slack); their numbers then go on
    // lines of their own.
    assert_eq!(grid[2..], [4 * 315 + 276, 4 * 315 + 276], "{grid:?}");
    assert!(
        grid.iter().all(|&w| w <= grid[1]),
        "工作内容 is the widest: {grid:?}"
    );
    // 工作内容's numbered lines hang after their number (1、: 1.5
    // characters of 315 twips), in twips alone; the centred cells do not.
    let item = doc
        .descendants()
        .find(|n| n.has_tag_name((W, "p")) && paragraph_text(*n) == "1、三八节活动")
        .unwrap();
    let ind = child(child(item, "pPr").unwrap(), "ind").unwrap();
    assert_eq!(ind.attribute((W, "left")), Some("473"));
    assert_eq!(ind.attribute((W, "hanging")), Some("473"));
    assert_eq!(ind.attribute((W, "hangingChars")), Some("0"));
    let date = doc
        .descendants()
        .find(|n| n.has_tag_name((W, "p")) && paragraph_text(*n) == "1、3月6日")
        .unwrap();
    assert!(child(child(date, "pPr").unwrap(), "ind").is_none());

    let rows: Vec<Node> = tbl
        .children()
        .filter(|n| n.has_tag_name((W, "tr")))
        .collect();
    assert_eq!(rows.len(), 4, "a header row and a row per entry");
    for (i, tr) in rows.iter().enumerate() {
        let tr_pr = child(*tr, "trPr").unwrap();
        assert!(
            child(tr_pr, "cantSplit").is_some(),
            "row {i} does not split"
        );
        assert_eq!(child(tr_pr, "tblHeader").is_some(), i == 0, "row {i}");
        let cells: Vec<Node> = tr
            .children()
            .filter(|n| n.has_tag_name((W, "tc")))
            .collect();
        assert_eq!(cells.len(), 4);
        for (tc, width) in cells.iter().zip(&grid) {
            let tc_pr = child(*tc, "tcPr").unwrap();
            assert_eq!(attr(tc_pr, "tcW", "w"), Some(width.to_string()));
            assert_eq!(attr(tc_pr, "tcW", "type").as_deref(), Some("dxa"));
        }
    }

    let texts = |row: usize| -> Vec<Vec<String>> {
        rows[row]
            .children()
            .filter(|n| n.has_tag_name((W, "tc")))
            .map(cell_texts)
            .collect()
    };
    assert_eq!(texts(0), [["月份"], ["工作内容"], ["时间"], ["负责人"]]);
    assert_eq!(
        texts(1),
        vec![
            vec!["三月"],
            vec!["1、三八节活动", "2、植树活动 | 全体教职工", "3、召开教代会"],
            vec!["1、3月6日"],
            vec!["1、女工委员", "3、工会主席"],
        ]
    );
    // A person shared by every item of an entry is written once.
    assert_eq!(texts(2)[0], ["七、八月"]);
    assert_eq!(texts(2)[3], ["工会主席"]);
    assert_eq!(texts(3)[2], [""], "an empty cell still has its paragraph");

    // 黑体 for the header, 仿宋 in the cells; no first-line indent.
    let first_p = |row: usize, col: usize| {
        rows[row]
            .children()
            .filter(|n| n.has_tag_name((W, "tc")))
            .nth(col)
            .unwrap()
            .children()
            .find(|n| n.has_tag_name((W, "p")))
            .unwrap()
    };
    let font = |p: Node| {
        let r = p.children().find(|n| n.has_tag_name((W, "r"))).unwrap();
        run_prop(&styles, p, r, "rFonts", "eastAsia")
    };
    assert_eq!(font(first_p(0, 1)).as_deref(), Some("黑体"));
    assert_eq!(font(first_p(1, 1)).as_deref(), Some("仿宋"));
    assert_eq!(
        para_prop(&styles, first_p(1, 1), "ind", "firstLine").as_deref(),
        Some("0")
    );
    assert_eq!(
        para_prop(&styles, first_p(1, 0), "jc", "val").as_deref(),
        Some("center"),
        "the month is centred"
    );
}

#[test]
fn columns_follow_what_the_items_have() {
    let columns = |spec: &str| -> Vec<String> {
        let md = String::from_utf8(render_text(&with_table(spec), Format::Markdown)).unwrap();
        let header = md.lines().find(|l| l.starts_with("| 月份")).unwrap();
        header
            .split('|')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_string)
            .collect()
    };
    assert_eq!(columns(SPEC), ["月份", "工作内容", "时间", "负责人"]);
    let no_dates = SPEC.replace("date: 2026-03-06, ", "");
    assert_eq!(columns(&no_dates), ["月份", "工作内容", "负责人"]);
    let plain = "school: 柳岸小学\nyear: 2026\nguiding_principles: 服务。\nmeasures: [慰问。]\nschedule:\n  - month: 3\n    items: [植树]\n";
    assert_eq!(columns(plain), ["月份", "工作内容"]);
    let dates_only = "school: 柳岸小学\nyear: 2026\nguiding_principles: 服务。\nmeasures: [慰问。]\nschedule:\n  - month: 3\n    items: [{text: 植树, date: 2026-03-12}]\n";
    assert_eq!(columns(dates_only), ["月份", "工作内容", "时间"]);
}

#[test]
fn markdown_is_a_pipe_table_whose_cells_escape_the_bar() {
    let md = String::from_utf8(render_text(&with_table(SPEC), Format::Markdown)).unwrap();
    assert!(md.contains("| 月份 | 工作内容 | 时间 | 负责人 |"), "{md}");
    assert!(
        md.contains("| 三月 | 1、三八节活动<br>2、植树活动 \\| 全体教职工<br>3、召开教代会 |"),
        "{md}"
    );
    // Read back, it is one table whose cells hold the items, `|` and all.
    let doc = Document::from_markdown(&md);
    let table = doc
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Table)
        .and_then(|b| b.table.as_deref())
        .unwrap();
    assert_eq!(table.rows.len(), 4);
    assert_eq!(
        table.rows[1].cells[1].plain_text(),
        "1、三八节活动\n2、植树活动 | 全体教职工\n3、召开教代会"
    );
    // The list layout has no table, and stays the default.
    let list = String::from_utf8(render_text(SPEC, Format::Markdown)).unwrap();
    assert!(!list.contains("| 月份"));
    assert!(list.contains("### 三月"));
}

#[test]
fn html_is_a_table_with_a_header_that_repeats_in_print() {
    let html = String::from_utf8(render_text(&with_table(SPEC), Format::Html)).unwrap();
    assert_eq!(html.matches("<table class=\"schedule\">").count(), 1);
    // The columns as wide as in the DOCX: 工作内容 the widest.
    let cols: Vec<f64> = html
        .split("<col style=\"width: ")
        .skip(1)
        .map(|c| c.split('%').next().unwrap().parse().unwrap())
        .collect();
    assert_eq!(cols.len(), 4, "{html}");
    assert!((cols.iter().sum::<f64>() - 100.0).abs() < 0.3, "{cols:?}");
    assert!(cols.iter().all(|&c| c <= cols[1]), "{cols:?}");
    assert!(
        html.contains(
            "<thead>\n<tr><th class=\"centred\"><p>月份</p></th><th><p>工作内容</p></th>"
        )
    );
    assert!(html.contains("<td class=\"centred\"><p>七、八月</p></td>"));
    // A numbered item hangs after its number, as in the DOCX.
    assert!(html.contains(
        "<p style=\"padding-left: 1.5em; text-indent: -1.5em\">2、植树活动 | 全体教职工</p>"
    ));
    assert!(html.contains("thead { display: table-header-group; }"));
    assert!(html.contains("border: 0.5pt solid #000;"));
}

#[test]
fn the_chinese_key_and_value_give_the_same_table() {
    let english = render_text(&with_table(SPEC), Format::Markdown);
    let chinese = render_text(
        &format!("{SPEC}样式:\n  工作安排版式: 表格\n"),
        Format::Markdown,
    );
    assert_eq!(english, chinese);
}

#[test]
fn an_unknown_layout_is_a_located_chinese_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("plan.yaml"),
        format!("{SPEC}style:\n  schedule_layout: 表单\n"),
    )
    .unwrap();
    let out = unionplan(
        dir.path(),
        &["--message-format", "json", "validate", "plan.yaml"],
    );
    assert!(!out.status.success());
    let err = stderr(&out);
    let problem: serde_json::Value = serde_json::from_str(err.lines().next().unwrap()).unwrap();
    assert_eq!(problem["code"], "bad_schedule_layout", "{err}");
    assert_eq!(
        (problem["line"].as_u64(), problem["column"].as_u64()),
        (Some(19), Some(20))
    );
    // In Chinese, quoting what was written, and the help names the choices.
    assert!(
        problem["message"].as_str().unwrap().contains("“表单”"),
        "{err}"
    );
    assert!(problem["help"].as_str().unwrap().contains("表格"), "{err}");
}

#[test]
fn tracked_changes_mark_the_rows_that_changed() {
    let old = unionplan::parse_spec(std::path::Path::new("old.yaml"), &with_table(SPEC)).unwrap();
    let changed = SPEC.replace("教师节慰问", "教师节表彰");
    let new =
        unionplan::parse_spec(std::path::Path::new("new.yaml"), &with_table(&changed)).unwrap();
    let docx = pipeline().tracked_changes(&old, &new).unwrap();
    assert_valid_docx(&docx, "tracked table");
    let xml = docx_part(&docx, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let rows: Vec<Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "tr")))
        .collect();
    let change = |tr: &Node| {
        let pr = child(*tr, "trPr").unwrap();
        if child(pr, "del").is_some() {
            "del"
        } else if child(pr, "ins").is_some() {
            "ins"
        } else {
            ""
        }
    };
    let marks: Vec<&str> = rows.iter().map(change).collect();
    assert_eq!(
        marks,
        ["", "", "", "del", "ins"],
        "only the 九月 row changed"
    );
    assert!(xml.contains("<w:delText xml:space=\"preserve\">1、教师节慰问</w:delText>"));
}

/// A `|` inside a code span stays inside its cell too: the item's text and
/// its owner come through whole in every format, each in its own column.
#[test]
fn a_bar_in_code_stays_in_its_cell() {
    // SPEC's head, with a schedule of its own.
    let head = &SPEC[..SPEC.find("schedule:").unwrap()];
    let spec = with_table(&format!(
        "{head}schedule:
  - month: 3
    items:
      - {{text: '检查`a|b`与网络', owner: '`张|三`'}}
signature: {{date: 2026-02-20}}
"
    ));
    let md = String::from_utf8(render_text(&spec, Format::Markdown)).unwrap();
    let doc = Document::from_markdown(&md);
    let table = doc
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Table)
        .and_then(|b| b.table.as_deref())
        .unwrap_or_else(|| panic!("{md}"));
    let row = &table.rows[1];
    assert_eq!(row.cells.len(), 3, "{md}");
    assert_eq!(row.cells[1].plain_text(), "1、检查a|b与网络", "{md}");
    assert_eq!(row.cells[2].plain_text(), "张|三", "{md}");

    let docx = render_text(&spec, Format::Docx);
    let document = docx_part(&docx, "word/document.xml");
    let doc = roxmltree::Document::parse(&document).unwrap();
    let cells: Vec<Vec<String>> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "tc")))
        .map(cell_texts)
        .collect();
    assert_eq!(cells[3], ["三月"]);
    assert_eq!(cells[4], ["1、检查a|b与网络"]);
    assert_eq!(cells[5], ["张|三"]);
    let html = String::from_utf8(render_text(&spec, Format::Html)).unwrap();
    assert!(html.contains("<code>a|b</code>与网络</p></td>"), "{html}");
    assert!(html.contains("<code>张|三</code>"), "{html}");
}

//! The layout a reader sees: titles, numbering, month headings, dates, and
//! golden copies of the example plans in Markdown and HTML.

use crate::common::*;
use unionplan::render::Format;

fn markdown(yaml: &str) -> String {
    String::from_utf8(render_text(yaml, Format::Markdown)).unwrap()
}

const BASE: &str =
    "school: 礼河实验学校\nyear: 2012\nguiding_principles: 文字。\nmeasures: [做事]\n";

#[test]
fn default_titles_follow_the_period() {
    let cases = [
        ("", "# 礼河实验学校2012年工会工作计划"),
        ("period: year\n", "# 礼河实验学校2012年工会工作计划"),
        ("period: spring\n", "# 礼河实验学校2012年上半年工会工作计划"),
        ("period: autumn\n", "# 礼河实验学校2012年下半年工会工作计划"),
        (
            "period: school-year\n",
            "# 礼河实验学校2012—2013学年工会工作计划",
        ),
        (
            "title: 礼河实验学校工会工作要点\n",
            "# 礼河实验学校工会工作要点",
        ),
    ];
    for (extra, want) in cases {
        let md = markdown(&format!("{BASE}{extra}"));
        assert_eq!(md.lines().next(), Some(want), "{extra}");
    }
}

#[test]
fn signature_defaults_to_the_union_committee_and_today() {
    let md = markdown(BASE);
    assert!(
        md.ends_with("<!-- signature -->\n\n礼河实验学校工会委员会\n\n2025年3月1日\n"),
        "{md}"
    );
    let md = markdown(&format!(
        "{BASE}signature: {{org: 礼河工会, date: 2012-02-05}}\n"
    ));
    assert!(md.ends_with("礼河工会\n\n2012年2月5日\n"), "{md}");
}

#[test]
fn sections_are_numbered_without_gaps() {
    let md = markdown(BASE);
    assert!(md.contains("## 一、指导思想"));
    assert!(
        md.contains("## 二、主要工作"),
        "no goals, so measures are 二: {md}"
    );
    let md = markdown(&format!(
        "{BASE}goals: 全面完成。\nheadings: {{measures: 具体措施}}\n"
    ));
    assert!(md.contains("## 二、工作目标\n\n全面完成。"));
    assert!(md.contains("## 三、具体措施"));
}

#[test]
fn measures_are_numbered_by_level() {
    let yaml = "school: 甲校\nyear: 2025\nguiding_principles: 文字\nmeasures:\n  - title: 甲\n    items:\n      - title: 乙\n        items:\n          - title: 丙\n            items: [丁, 戊]\n      - 己\n  - title: 庚\n";
    let md = markdown(yaml);
    assert_in_order(
        &md,
        &[
            "### （一）甲",
            "#### 1\\.乙",
            "##### （1）丙",
            "①丁",
            "②戊",
            "2\\.己",
            "### （二）庚",
        ]
        .map(String::from),
    );
}

#[test]
fn twelve_and_more_measures_use_chinese_numerals() {
    let items: String = (1..=21).map(|i| format!("  - title: 第{i}项\n")).collect();
    let md = markdown(&format!(
        "school: 甲校\nyear: 2025\nguiding_principles: 文字\nmeasures:\n{items}"
    ));
    for n in [
        "（十）第10项",
        "（十一）第11项",
        "（十二）第12项",
        "（二十）第20项",
        "（二十一）第21项",
    ] {
        assert!(md.contains(n), "{n}");
    }
}

#[test]
fn schedule_keeps_the_written_order_with_chinese_month_headings() {
    let yaml = "school: 甲校\nyear: 2025\nguiding_principles: 文字\nmeasures: [做事]\nschedule:\n  - month: 9\n    items: [开学]\n  - months: [11, 12]\n    items:\n      - text: 运动会\n        date: 2025-11-20\n        owner: 体育组\n      - {text: 联欢, owner: 工会}\n  - month: 1\n    items: [{text: 总结, date: 2026-01-15}]\n";
    let md = markdown(yaml);
    assert_in_order(
        &md,
        &[
            "### 九月\n\n1、开学",
            "### 十一、十二月\n\n1、运动会（11月20日，负责：体育组）\n\n2、联欢（负责：工会）",
            "### 一月\n\n1、总结（1月15日）",
        ]
        .map(String::from),
    );
}

#[test]
fn user_text_cannot_break_the_markdown_structure() {
    let yaml = "school: \"# 甲校\"\nyear: 2025\nguiding_principles: \"## 不是标题\\n1. 不是列表\\n<script>alert(1)</script>\"\nmeasures: [\"- 不是列表\"]\n";
    let md = markdown(yaml);
    // The only headings are the ones the layout made.
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with('#')).collect();
    // (A `#` typed before the name is Markdown heading markup: its text stays.)
    assert_eq!(
        headings,
        [
            "# 甲校2025年工会工作计划",
            "## 一、指导思想",
            "## 二、主要工作"
        ]
    );
    // A heading typed in a text field becomes a paragraph; a list stays a list
    // inside its section; raw HTML is escaped.
    assert!(
        md.contains(
            "## 一、指导思想\n\n不是标题\n\n1. 不是列表\n\n\\<script>alert(1)\\</script>\n\n## 二、"
        ),
        "{md}"
    );
    let html = String::from_utf8(render_text(yaml, Format::Html)).unwrap();
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<script>"));
    assert!(html.contains("<title>甲校2025年工会工作计划</title>"));
}

/// The example specs whose Markdown and HTML are kept in `tests/golden/`.
pub const GOLDEN_SPECS: [&str; 4] = [
    "qingxi-2025",
    "qingxi-2025-table",
    "qingxi-2026",
    "linjiang-2025-autumn",
];

#[test]
fn example_plans_match_their_golden_markdown_and_html() {
    for spec in GOLDEN_SPECS {
        let path = example(&format!("{spec}.yaml"));
        let md = String::from_utf8(render_file(&path, Format::Markdown)).unwrap();
        golden(&format!("{spec}.md"), &md);
        let html = String::from_utf8(render_file(&path, Format::Html)).unwrap();
        golden(&format!("{spec}.html"), &html);
    }
}

#[test]
fn the_chinese_keyed_example_renders_exactly_like_the_english_one() {
    for format in Format::ALL {
        let zh = render_file(&example("qingxi-2025-zh.yaml"), format);
        let en = render_file(&example("qingxi-2025.yaml"), format);
        match format {
            Format::Docx => assert_eq!(
                docx_part(&zh, "word/document.xml"),
                docx_part(&en, "word/document.xml")
            ),
            _ => assert_eq!(zh, en, "{format}"),
        }
    }
}

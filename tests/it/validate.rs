//! Validation: every problem of a file at once, each located and explained.

use std::path::Path;

use unionplan::diag::Diagnostic;
use unionplan::{Error, parse_spec};

fn problems(yaml: &str) -> Vec<Diagnostic> {
    match parse_spec(Path::new("plan.yaml"), yaml) {
        Err(Error::Invalid(d)) => d,
        Err(other) => panic!("unexpected error {other}"),
        Ok(_) => panic!("the spec was accepted"),
    }
}

/// (line, column, field, a piece of the message)
fn summary(d: &[Diagnostic]) -> Vec<(usize, usize, String, String)> {
    d.iter()
        .map(|d| {
            (
                d.line.unwrap_or(0),
                d.column.unwrap_or(0),
                d.field.clone().unwrap_or_default(),
                d.message.clone(),
            )
        })
        .collect()
}

fn assert_problem(d: &[Diagnostic], line: usize, col: usize, field: &str, message_part: &str) {
    let found = d.iter().any(|d| {
        d.line == Some(line)
            && d.column == Some(col)
            && d.field.as_deref().unwrap_or("") == field
            && d.message.contains(message_part)
    });
    assert!(
        found,
        "no problem at {line}:{col} {field} containing {message_part:?}; got {:#?}",
        summary(d)
    );
}

const GOOD: &str =
    "school: 甲校\nyear: 2025\nguiding_principles: 以……为指导。\nmeasures:\n  - 做好工作\n";

#[test]
fn a_minimal_spec_is_valid() {
    let spec = parse_spec(Path::new("plan.yaml"), GOOD).unwrap();
    assert_eq!(spec.school, "甲校");
    assert_eq!(spec.measures[0].text.as_deref(), Some("做好工作"));
}

#[test]
fn missing_required_fields_are_all_reported() {
    let d = problems("period: year\n");
    for name in ["school", "year", "guiding_principles", "measures"] {
        assert!(
            d.iter().any(|d| d.message.contains(&format!("`{name}`"))),
            "{name} missing in {:#?}",
            summary(&d)
        );
    }
    assert!(d.iter().all(|d| d.file == Path::new("plan.yaml")));
}

#[test]
fn unknown_keys_get_did_you_mean_and_point_at_the_key() {
    let yaml = "school: 甲校\nyear: 2025\nguiding_principle: 文字\nmeasures: [做事]\nshedule: []\n";
    let d = problems(yaml);
    assert_problem(
        &d,
        3,
        1,
        "guiding_principle",
        "不认识的字段 `guiding_principle`",
    );
    assert_problem(&d, 5, 1, "shedule", "不认识的字段 `shedule`");
    let help: Vec<_> = d.iter().filter_map(|d| d.help.clone()).collect();
    assert!(help.iter().any(|h| h.contains("`guiding_principles`")));
    assert!(help.iter().any(|h| h.contains("`schedule`")));
}

#[test]
fn a_misspelt_required_field_is_reported_once_not_also_as_missing() {
    let d = problems("school: 甲校\nyear: 2025\nguiding_principle: 文字\nmeasures: [做事]\n");
    assert_eq!(d.len(), 1, "{:#?}", summary(&d));
    assert_problem(&d, 3, 1, "guiding_principle", "不认识的字段");
    // A key too far from any name to be a typo leaves the missing field reported.
    let d = problems("school: 甲校\nyear: 2025\nxyz: 文字\nmeasures: [做事]\n");
    assert_eq!(d.len(), 2, "{:#?}", summary(&d));
}

#[test]
fn wrong_types_everywhere_are_reported_together() {
    let yaml = "\
school: 甲校
year: \"二〇二五\"
guiding_principles: [一, 二]
measures:
  - title: 第一项
    items: {a: 1}
schedule:
  - month: 二十月
    items: [事情]
";
    let d = problems(yaml);
    assert_problem(&d, 2, 7, "year", "年份应当是四位阿拉伯数字");
    assert_problem(&d, 3, 21, "guiding_principles", "应当是一段文字");
    assert_problem(&d, 6, 12, "measures[1].items", "应当是一个列表");
    assert_problem(&d, 8, 12, "schedule[1].month", "月份应当是 1 到 12 的数字");
    assert_eq!(d.len(), 4, "{:#?}", summary(&d));
    // In file order.
    let lines: Vec<_> = d.iter().map(|d| d.line).collect();
    let mut sorted = lines.clone();
    sorted.sort();
    assert_eq!(lines, sorted);
}

#[test]
fn months_out_of_range_twice_and_dates_outside_their_months() {
    let yaml = "\
school: 甲校
year: 2025
guiding_principles: 文字
measures: [做事]
schedule:
  - month: 0
    items: [甲]
  - month: 13
    items: [乙]
  - month: 3
    items:
      - text: 三八节
        date: 2025-04-08
  - months: [7, 3]
    items: [丙]
  - month: 9
    items:
      - text: 教师节
        date: 2025-02-29
";
    let d = problems(yaml);
    assert_problem(&d, 6, 12, "schedule[1].month", "实际是 0");
    assert_problem(&d, 8, 12, "schedule[2].month", "实际是 13");
    assert_problem(
        &d,
        13,
        15,
        "schedule[3].items[1].date",
        "不在这一项的月份（3月）里",
    );
    assert_problem(
        &d,
        14,
        17,
        "schedule[4].months[2]",
        "3 月已经在第 10 行写过了",
    );
    assert_problem(&d, 19, 15, "schedule[5].items[1].date", "不存在");
}

#[test]
fn dates_must_belong_to_the_plan_year_or_the_next() {
    let yaml = "school: 甲校\nyear: 2025\nguiding_principles: 文字\nmeasures: [做事]\nschedule:\n  - month: 1\n    items:\n      - {text: 总结, date: 2026-01-10}\n      - {text: 旧事, date: 2024-01-10}\n";
    let d = problems(yaml);
    assert_eq!(d.len(), 1, "{:#?}", summary(&d));
    assert_problem(&d, 9, 26, "schedule[1].items[2].date", "年份不对");
}

#[test]
fn a_measures_tree_deeper_than_four_levels_is_refused() {
    let yaml = "\
school: 甲校
year: 2025
guiding_principles: 文字
measures:
  - title: 一
    items:
      - title: 二
        items:
          - title: 三
            items:
              - title: 四
                items:
                  - title: 五
";
    let d = problems(yaml);
    assert_problem(
        &d,
        13,
        19,
        "measures[1].items[1].items[1].items[1].items",
        "最多只能分 4 层",
    );
}

#[test]
fn an_empty_plan_body_is_refused() {
    let d = problems("school: 甲校\nyear: 2025\nguiding_principles: 文字\nmeasures: []\n");
    assert_problem(&d, 4, 11, "measures", "列表是空的");
    let d = problems("school: 甲校\nyear: 2025\nguiding_principles: \"  \"\nmeasures:\n  - {}\n");
    assert_problem(&d, 3, 21, "guiding_principles", "不能是空的");
    assert_problem(&d, 5, 5, "measures[1]", "既没有 title 也没有 text");
}

#[test]
fn empty_files_and_syntax_errors_are_located() {
    let d = problems("# 只有注释\n");
    assert!(d[0].message.contains("文件是空的"));
    let d = problems("school: 甲校\nyear: 2025\n  guiding: x\n");
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].code, "slip_indent");
    assert!(d[0].message.contains("对不齐"), "{}", d[0].message);
    assert_eq!((d[0].line, d[0].column), (Some(3), Some(3)));
    let d = problems("school: 甲校\n\tyear: 2025\n");
    assert!(
        d[0].help.as_deref().unwrap_or("").contains("Tab"),
        "{:?}",
        d[0]
    );
}

#[test]
fn duplicate_keys_are_located() {
    let d = problems("school: 甲校\nschool: 乙校\n");
    assert!(
        d[0].message.contains("`school` 写了两次"),
        "{}",
        d[0].message
    );
    assert_eq!((d[0].line, d[0].column), (Some(2), Some(1)));
}

#[test]
fn control_characters_are_refused_with_their_place() {
    let yaml = "school: \"甲\\u0007校\"\nyear: 2025\nguiding_principles: 文字\nmeasures: [做事]\n";
    let d = problems(yaml);
    assert_problem(&d, 1, 9, "school", "U+0007");
}

#[test]
fn bad_period_lists_the_choices() {
    let d = problems(
        "school: 甲校\nyear: 2025\nperiod: winter\nguiding_principles: 文字\nmeasures: [做事]\n",
    );
    assert_problem(&d, 3, 9, "period", "winter");
    assert!(d[0].help.as_deref().unwrap().contains("`school-year`"));
}

#[test]
fn the_printed_message_shows_the_line_and_a_caret() {
    let d = problems(
        "school: 甲校\nyear: 2025\nguiding_principles: 文字\nmeasures: [做事]\nschedule:\n  - month: 13\n    items: [甲]\n",
    );
    let text = d[0].to_string();
    assert!(
        text.starts_with("错误：plan.yaml:6:12：字段 schedule[1].month：月份应当是 1 到 12 的数字"),
        "{text}"
    );
    assert!(text.contains("6 |   - month: 13\n"), "{text}");
    assert!(text.contains("  |            ^\n"), "{text}");
    assert!(text.contains("= 提示："), "{text}");
}

#[test]
fn chinese_period_names_are_accepted() {
    let yaml = GOOD.replace("year: 2025\n", "year: 2025\nperiod: 下半年\n");
    let spec = parse_spec(Path::new("plan.yaml"), &yaml).unwrap();
    assert_eq!(spec.period, unionplan::spec::Period::Autumn);
}

/// The forms people write months, days and years in, where they are
/// unambiguous.
#[test]
fn natural_months_days_and_years_are_accepted() {
    let yaml = "学校: 青溪小学\n年度: 2025年\n期间: 学年\n指导思想: 以……为指导。\n主要工作: [做好工会工作]\n工作安排:\n  - 月份: 九月份\n    事项: [{内容: 开学慰问, 日期: 9月1日}]\n  - 月份: 十一月\n    事项: [{内容: 运动会, 日期: 11.10}]\n  - 月份: 12月\n    事项: [{内容: 元旦, 日期: 12/31}]\n  - 月份: 1-2月\n    事项: [{内容: 春节慰问, 日期: 1月20日}]\n  - 多个月份: [7月, 8月]\n    事项: [暑期疗休养]\n";
    let spec = parse_spec(Path::new("plan.yaml"), yaml).unwrap();
    assert_eq!(spec.year, 2025);
    let months: Vec<Vec<u32>> = spec.schedule.iter().map(|e| e.months.clone()).collect();
    assert_eq!(
        months,
        [vec![9], vec![11], vec![12], vec![1, 2], vec![7, 8]]
    );
    let dates: Vec<String> = spec
        .schedule
        .iter()
        .flat_map(|e| &e.items)
        .filter_map(|i| i.date.map(|d| d.to_string()))
        .collect();
    // 11.10 is read as typed, not as the number 11.1; a school-year plan's
    // January is in the next year.
    assert_eq!(
        dates,
        ["2025-09-01", "2025-11-10", "2025-12-31", "2026-01-20"]
    );
}

#[test]
fn natural_forms_that_are_wrong_are_still_refused_where_they_stand() {
    let yaml = "school: 甲校\nyear: 2025\nguiding_principles: x\nmeasures: [y]\nschedule:\n  - month: 十三月\n    items: [a]\n  - month: 2月\n    items: [{text: b, date: 2月30日}]\n  - month: 3月\n    items: [{text: c, date: 4/1}]\n";
    let d = problems(yaml);
    assert_problem(&d, 6, 12, "schedule[1].month", "月份应当是 1 到 12");
    assert_problem(&d, 9, 29, "schedule[2].items[1].date", "不存在");
    assert_problem(&d, 11, 29, "schedule[3].items[1].date", "不在");
}

/// A font name Word cannot hold (the schema allows 31 characters in
/// `w:rFonts`; a longer one makes the DOCX invalid) is an error at its
/// field; 31 characters, Chinese ones too, are fine.
#[test]
fn a_font_name_longer_than_word_holds_is_refused_at_its_field() {
    let long = "字".repeat(32);
    let yaml = format!(
        "{GOOD}style:\n  body_font: {long}\n  title_font: {}\n  heading1_font: \"{}\"\n",
        "字".repeat(31),
        "a".repeat(40)
    );
    let d = problems(&yaml);
    let found: Vec<(&str, usize, usize, &str)> = d
        .iter()
        .map(|d| {
            (
                d.code.as_str(),
                d.line.unwrap_or(0),
                d.column.unwrap_or(0),
                d.field.as_deref().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("font_name_too_long", 7, 14, "style.body_font"),
            ("font_name_too_long", 9, 18, "style.heading1_font"),
        ]
    );
}

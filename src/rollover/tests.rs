use super::*;

#[test]
fn dates_move_in_their_own_format() {
    assert_eq!(
        move_date("2025-03-08", 1),
        Some(("2026-03-08".into(), false))
    );
    assert_eq!(move_date("2025/3/8", 1), Some(("2026/3/8".into(), false)));
    assert_eq!(
        move_date("2025年3月8日", 1),
        Some(("2026年3月8日".into(), false))
    );
    assert_eq!(
        move_date("2024-02-29", 1),
        Some(("2025-02-28".into(), true))
    );
    assert_eq!(move_date("三月八日", 1), None);
}

#[test]
fn comments_are_found_outside_quotes_and_block_scalars() {
    assert_eq!(comment_start("year: 2025 # 年份"), 11);
    assert_eq!(comment_start("title: '第#1项' # c"), 18);
    assert_eq!(comment_start("text: a#b"), 9);
    let text = "a: |\n  2025 # 不是注释\nb: 2025 # 2025 是注释\n";
    let years: Vec<&str> = content_years(text)
        .iter()
        .map(|&(s, e)| &text[s..e])
        .collect();
    assert_eq!(years, ["2025", "2025"]);
    assert_eq!(content_years(text)[0].0, 7);
}

/// A January 春节 item and February's only item (元宵) both moving on
/// a month: the text rollover once wrote for it, with the 春节 item
/// left under no entry.
const ORPHANED: &str = "\
school: 甲校
year: 2026
guiding_principles: 文字。
measures: [做事]
schedule:
  - text: 春节慰问
    date: 2026-02-15
  - month: 3
items:
  - text: 元宵游园
    date: 2026-03-03
";

fn spec(text: &str) -> Source {
    Source::from_text(Path::new("p.yaml"), text.to_string()).unwrap()
}

#[test]
fn a_made_spec_that_does_not_parse_is_refused_as_unionplans_fault() {
    let old = spec(
        "school: 甲校\nyear: 2025\nguiding_principles: 文字。\nmeasures: [做事]\nschedule:\n  - month: 1\n    items: [春节慰问]\n",
    );
    let err = check_output(&old, 2026, ORPHANED).unwrap_err();
    assert_eq!(err.code, "rollover_made_bad_spec");
    assert_eq!(err.file, Path::new("p.yaml"));
    // What failed, where in the new text.
    let at_line_8 = msg::rollover_bad_spec_problem(Some(8), "");
    assert!(err.message.contains(&at_line_8), "{}", err.message);
}

#[test]
fn a_made_spec_that_does_not_validate_is_refused_when_the_old_one_did() {
    let old = spec(
        "school: 甲校\nyear: 2022\nguiding_principles: 文字。\nmeasures: [做事]\nschedule:\n  - month: 1\n    items:\n      - {text: 腊八送粥, date: 2022-01-10}\n",
    );
    let made = "school: 甲校\nyear: 2023\nguiding_principles: 文字。\nmeasures: [做事]\nschedule:\n  - month: 12\n    items:\n      - {text: 腊八送粥, date: 2022-12-30}\n";
    let err = check_output(&old, 2023, made).unwrap_err();
    assert_eq!(err.code, "rollover_made_bad_spec");
    let problem = msg::date_wrong_year("2022-12-30", 2023);
    let what = msg::rollover_bad_spec_problem(Some(8), &problem);
    assert!(err.message.contains(&what), "{}", err.message);
    assert!(check_output(&old, 2023, &made.replace("2022-12-30", "2023-12-30")).is_ok());
}

/// A spec that was not valid before (a shared base without `school`)
/// is not valid after either: that is the user's to fix, and not
/// rollover's fault.
#[test]
fn an_old_spec_that_did_not_validate_is_held_to_parsing_alone() {
    let old = spec("year: 2025\nmeasures: [做事]\n");
    assert!(check_output(&old, 2026, "year: 2026\nmeasures: [做事]\n").is_ok());
    let err = check_output(&old, 2026, "year: 2026\nmeasures: [做事\n").unwrap_err();
    assert_eq!(err.code, "rollover_made_bad_spec");
}

#[test]
fn output_names() {
    let p = |s: &str| default_output(Path::new(s), 2025, 2026);
    assert_eq!(p("specs/lihe-2025.yaml"), Path::new("specs/lihe-2026.yaml"));
    assert_eq!(p("2025/lihe.yaml"), Path::new("2025/lihe-2026.yaml"));
    assert_eq!(p("lihe20251.yaml"), Path::new("lihe20251-2026.yaml"));
}

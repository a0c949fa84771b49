//! `extends` and placeholders: next year's plan from last year's spec.

use std::fs;
use std::path::Path;

use crate::common::*;
use unionplan::render::Format;
use unionplan::spec::{Goals, Spec};
use unionplan::template::Templates;
use unionplan::{Error, Pipeline, load_spec};

const PARENT: &str = "\
school: 礼河实验学校
year: 2025
guiding_principles: 去年的指导思想。
goals:
  - {id: open, text: 校务公开, target: 100%}
  - {id: fee, text: 会费收缴, target: 100%}
measures:
  - id: ethics
    title: 师德建设
    text: 去年的做法。
    items:
      - {id: study, title: 政治学习}
      - {id: salon, title: 读书沙龙}
  - id: rights
    title: 民主管理
  - 一条没有 id 的措施
schedule:
  - month: 3
    items:
      - {id: women, text: 三八节活动, date: 2025-03-08}
      - 植树活动
  - months: [7, 8]
    items: [暑期疗休养]
signature:
  org: 礼河实验学校工会委员会
  date: 2025-02-20
";

fn write(dir: &Path, name: &str, text: &str) {
    fs::write(dir.join(name), text).unwrap();
}

fn load(dir: &Path, name: &str) -> Result<Spec, Vec<unionplan::diag::Diagnostic>> {
    match load_spec(&dir.join(name)) {
        Ok(s) => Ok(s),
        Err(Error::Invalid(d)) => Err(d),
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn each_merge_rule() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "2025.yaml", PARENT);
    write(
        dir.path(),
        "2026.yaml",
        "\
extends: 2025.yaml
year: 2026                       # a scalar replaces
guiding_principles: 今年的指导思想。
goals:
  - {id: fee, target: 98%}       # merges into the parent's entry
  - 新目标                        # appended
measures:
  - id: ethics
    text: 今年的做法。            # title kept, text replaced
    items:
      - {id: salon, remove: true} # dropped
      - {id: new, title: 师德讲堂} # appended
  - {id: rights, remove: true}
  - title: 新增的措施
schedule:
  - month: 3                      # matches the parent's March by month
    items:
      - {id: women, date: 2026-03-06}
  - month: 9
    items: [教师节慰问]
  - months: [7, 8]
    items: [暑期读书会]            # plain items are appended
signature:
  date: 2026-02-18                # maps merge key by key: org kept
",
    );
    let spec = load(dir.path(), "2026.yaml").unwrap_or_else(|d| panic!("{d:#?}"));
    assert_eq!(spec.year, 2026);
    assert_eq!(spec.school, "礼河实验学校");
    assert_eq!(spec.guiding_principles, "今年的指导思想。");
    let Some(Goals::List(goals)) = &spec.goals else {
        panic!()
    };
    let goals: Vec<_> = goals
        .iter()
        .map(|g| (g.text.as_str(), g.target.as_deref()))
        .collect();
    assert_eq!(
        goals,
        [
            ("校务公开", Some("100%")),
            ("会费收缴", Some("98%")),
            ("新目标", None)
        ]
    );

    let m = &spec.measures;
    assert_eq!(m.len(), 3, "{m:#?}");
    assert_eq!(m[0].title.as_deref(), Some("师德建设"));
    assert_eq!(m[0].text.as_deref(), Some("今年的做法。"));
    let items: Vec<_> = m[0]
        .items
        .iter()
        .map(|i| i.title.as_deref().unwrap())
        .collect();
    assert_eq!(items, ["政治学习", "师德讲堂"]);
    assert_eq!(m[1].text.as_deref(), Some("一条没有 id 的措施"));
    assert_eq!(m[2].title.as_deref(), Some("新增的措施"));

    let months: Vec<_> = spec.schedule.iter().map(|e| e.months.clone()).collect();
    assert_eq!(months, [vec![3], vec![7, 8], vec![9]]);
    let march: Vec<_> = spec.schedule[0]
        .items
        .iter()
        .map(|i| (i.text.as_str(), i.date))
        .collect();
    assert_eq!(march[0].0, "三八节活动");
    assert_eq!(march[0].1.unwrap().to_string(), "2026-03-06");
    assert_eq!(march[1].0, "植树活动");
    let summer: Vec<_> = spec.schedule[1]
        .items
        .iter()
        .map(|i| i.text.as_str())
        .collect();
    assert_eq!(summer, ["暑期疗休养", "暑期读书会"]);
    assert_eq!(
        spec.signature.org.as_deref(),
        Some("礼河实验学校工会委员会")
    );
    assert_eq!(spec.signature.date.unwrap().to_string(), "2026-02-18");
}

#[test]
fn chains_of_three_files_in_folders() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("2025")).unwrap();
    fs::create_dir_all(dir.path().join("2026")).unwrap();
    fs::create_dir_all(dir.path().join("2027")).unwrap();
    write(&dir.path().join("2025"), "lihe.yaml", PARENT);
    write(
        &dir.path().join("2026"),
        "lihe.yaml",
        "extends: ../2025/lihe.yaml\nyear: 2026\n",
    );
    write(
        &dir.path().join("2027"),
        "lihe.yaml",
        "extends: ../2026/lihe.yaml\nyear: 2027\nguiding_principles: 第三年。\nschedule: []\n",
    );
    let spec = load(&dir.path().join("2027"), "lihe.yaml").unwrap_or_else(|d| panic!("{d:#?}"));
    assert_eq!(spec.year, 2027);
    assert_eq!(spec.guiding_principles, "第三年。");
    assert_eq!(spec.measures.len(), 3);
    assert!(
        spec.schedule.is_empty(),
        "an empty list clears the parent's"
    );

    // Without clearing it, the 2025 dates no longer fit a 2027 plan: the
    // error points into the 2025 file, named plainly.
    write(
        &dir.path().join("2027"),
        "lihe.yaml",
        "extends: ../2026/lihe.yaml\nyear: 2027\n",
    );
    let d = load(&dir.path().join("2027"), "lihe.yaml").unwrap_err();
    assert!(d[0].message.contains("年份不对"), "{}", d[0].message);
    assert!(d[0].file.ends_with("2025/lihe.yaml"));
    assert!(
        !d[0].file.to_string_lossy().contains(".."),
        "{:?}",
        d[0].file
    );
    assert!(
        d[0].notes[0].contains("2027/lihe.yaml → ") && d[0].notes[0].contains("2026/lihe.yaml")
    );
}

#[test]
fn cycles_missing_parents_and_folders_are_errors_at_the_extends_line() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.yaml", "# a\nextends: b.yaml\n");
    write(dir.path(), "b.yaml", "extends: a.yaml\n");
    let d = load(dir.path(), "a.yaml").unwrap_err();
    assert_eq!(d.len(), 1);
    assert!(d[0].message.contains("绕成了一个圈"), "{}", d[0].message);
    assert!(d[0].message.contains("a.yaml → ") && d[0].message.contains("b.yaml"));

    write(dir.path(), "self.yaml", "extends: self.yaml\n");
    let d = load(dir.path(), "self.yaml").unwrap_err();
    assert!(d[0].message.contains("绕成了一个圈"));

    write(
        dir.path(),
        "c.yaml",
        "school: 甲校\nextends: ../nowhere/2025.yaml\n",
    );
    let d = load(dir.path(), "c.yaml").unwrap_err();
    assert!(
        d[0].message
            .contains("找不到 `extends` 指向的文件“../nowhere/2025.yaml”")
    );
    assert_eq!((d[0].line, d[0].column), (Some(2), Some(10)));
    assert!(d[0].file.ends_with("c.yaml"));

    fs::create_dir(dir.path().join("folder")).unwrap();
    write(dir.path(), "d.yaml", "extends: folder\n");
    let d = load(dir.path(), "d.yaml").unwrap_err();
    assert!(d[0].message.contains("是一个文件夹"));

    write(dir.path(), "e.yaml", "extends: [a.yaml]\n");
    let d = load(dir.path(), "e.yaml").unwrap_err();
    assert!(d[0].message.contains("应当是一个文件路径"));
}

#[test]
fn a_broken_parent_is_reported_in_the_parent_with_the_chain() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "2025.yaml", "school: 甲校\nyear: [\n");
    write(dir.path(), "2026.yaml", "extends: 2025.yaml\nyear: 2026\n");
    let d = load(dir.path(), "2026.yaml").unwrap_err();
    assert_eq!(d.len(), 1);
    assert!(d[0].file.ends_with("2025.yaml"));
    assert!(d[0].message.contains("YAML 格式有误"));
    assert!(
        d[0].notes.iter().any(|n| n.contains("2026.yaml")),
        "{:?}",
        d[0].notes
    );
}

#[test]
fn validation_errors_point_into_the_file_that_holds_the_bad_value() {
    let dir = tempfile::tempdir().unwrap();
    let parent = PARENT.replace("  - month: 3\n", "  - month: 13\n");
    write(dir.path(), "2025.yaml", &parent);
    write(
        dir.path(),
        "2026.yaml",
        "extends: 2025.yaml\nyear: 2026\nmeasures:\n  - id: ethics\n    titel: 错字\nschedule:\n  - month: 7\n    items: [重复的七月]\n",
    );
    let d = load(dir.path(), "2026.yaml").unwrap_err();
    let got: Vec<_> = d
        .iter()
        .map(|d| {
            let file = d.file.file_name().unwrap().to_string_lossy().into_owned();
            (file, d.line, d.field.clone().unwrap_or_default())
        })
        .collect();
    assert!(
        got.contains(&("2026.yaml".into(), Some(5), "measures[1].titel".into())),
        "{got:#?}"
    );
    assert!(
        got.contains(&("2026.yaml".into(), Some(7), "schedule[3].month".into())),
        "{got:#?}"
    );
    assert!(
        got.contains(&("2025.yaml".into(), Some(18), "schedule[1].month".into())),
        "{got:#?}"
    );
    let twice = d.iter().find(|d| d.message.contains("7 月已经在")).unwrap();
    assert!(
        twice.message.contains("2025.yaml 第 22 行"),
        "{}",
        twice.message
    );
    let in_parent = d.iter().find(|d| d.file.ends_with("2025.yaml")).unwrap();
    assert!(in_parent.notes.iter().any(|n| n.contains("2026.yaml")));
    // The child's problems come first.
    assert!(d[0].file.ends_with("2026.yaml"));
}

#[test]
fn removing_what_is_not_there_is_an_error_in_the_child() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "2025.yaml", PARENT);
    write(
        dir.path(),
        "2026.yaml",
        "extends: 2025.yaml\nmeasures:\n  - {id: nothing, remove: true}\n",
    );
    let d = load(dir.path(), "2026.yaml").unwrap_err();
    assert!(
        d[0].message.contains("没有 id 为“nothing”的项"),
        "{}",
        d[0].message
    );
    assert_eq!((d[0].line, d[0].column), (Some(3), Some(19)));

    write(
        dir.path(),
        "alone.yaml",
        &PARENT.replace(
            "{id: salon, title: 读书沙龙}",
            "{id: salon, title: 读书沙龙, remove: true}",
        ),
    );
    let d = load(dir.path(), "alone.yaml").unwrap_err();
    assert!(
        d[0].message.contains("只能在用 extends 的文件里"),
        "{}",
        d[0].message
    );

    write(
        dir.path(),
        "dup.yaml",
        &PARENT.replace("id: rights", "id: ethics"),
    );
    let d = load(dir.path(), "dup.yaml").unwrap_err();
    assert!(
        d[0].message.contains("id“ethics”已经在第 8 行用过了"),
        "{}",
        d[0].message
    );
}

#[test]
fn a_child_renders_exactly_like_the_hand_merged_spec() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "2025.yaml", PARENT);
    write(
        dir.path(),
        "2026.yaml",
        "extends: 2025.yaml\nyear: 2026\nmeasures:\n  - {id: rights, remove: true}\n  - title: 新增\nschedule:\n  - month: 3\n    items:\n      - {id: women, date: 2026-03-06}\nsignature: {date: 2026-02-18}\n",
    );
    let merged = "\
school: 礼河实验学校
year: 2026
guiding_principles: 去年的指导思想。
goals:
  - {text: 校务公开, target: 100%}
  - {text: 会费收缴, target: 100%}
measures:
  - title: 师德建设
    text: 去年的做法。
    items:
      - {title: 政治学习}
      - {title: 读书沙龙}
  - 一条没有 id 的措施
  - title: 新增
schedule:
  - month: 3
    items:
      - {text: 三八节活动, date: 2026-03-06}
      - 植树活动
  - months: [7, 8]
    items: [暑期疗休养]
signature:
  org: 礼河实验学校工会委员会
  date: 2026-02-18
";
    write(dir.path(), "merged.yaml", merged);
    let child = load_spec(&dir.path().join("2026.yaml")).unwrap();
    let by_hand = load_spec(&dir.path().join("merged.yaml")).unwrap();
    assert_eq!(child, by_hand);
    let pipeline = Pipeline::new(Templates::builtin(), today());
    let a = pipeline.render(&child, &Format::ALL).unwrap();
    let b = pipeline.render(&by_hand, &Format::ALL).unwrap();
    for (a, b) in a.iter().zip(&b) {
        match a.format {
            Format::Docx => assert_eq!(
                docx_part(&a.bytes, "word/document.xml"),
                docx_part(&b.bytes, "word/document.xml")
            ),
            _ => assert_eq!(a.bytes, b.bytes, "{}", a.format),
        }
    }
}

#[test]
fn placeholders_in_every_text_field_and_heading() {
    let yaml = "\
school: 礼河实验学校
year: 2025
period: autumn
title: '{{ school }}{{ year }}年{{ period_name }}工会工作计划'
intro: '{{prev_year}}年的总结见附件。'
guiding_principles: '{{ year }}—{{ next_year }}学年，……'
goals: [{text: '{{ year }}年目标', target: '{{ next_year }}年前完成'}]
measures:
  - title: '{{ year }}年重点'
    text: '延续{{ prev_year }}年的做法'
    items: ['{{ school }}读书会']
schedule:
  - month: 9
    items: [{text: '{{ year }}年教师节', owner: '{{ school }}工会'}]
signature: {org: '{{ school }}工会委员会', date: 2025-08-30}
headings: {schedule: '{{ year }}年工会工作行事历'}
";
    let md = String::from_utf8(render_text(yaml, Format::Markdown)).unwrap();
    for want in [
        "# 礼河实验学校2025年下半年工会工作计划",
        "2024年的总结见附件。",
        "2025—2026学年，……",
        "1\\.2025年目标：2026年前完成",
        "### （一）2025年重点",
        "延续2024年的做法",
        "1\\.礼河实验学校读书会",
        "## 四、2025年工会工作行事历",
        "1、2025年教师节（负责：礼河实验学校工会）",
        "礼河实验学校工会委员会",
    ] {
        assert!(md.contains(want), "{want:?} in\n{md}");
    }
    assert!(!md.contains("{{"), "{md}");
}

#[test]
fn unknown_placeholders_and_literal_braces() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "p.yaml",
        "school: 甲校\nyear: 2025\nguiding_principles: '{{ yaer }}年'\nmeasures: ['没闭合 {{ year']\n",
    );
    let d = load(dir.path(), "p.yaml").unwrap_err();
    assert_eq!(d.len(), 2);
    assert!(
        d[0].message.contains("不认识的占位符“{{ yaer }}”"),
        "{}",
        d[0].message
    );
    assert_eq!((d[0].line, d[0].column), (Some(3), Some(21)));
    assert!(d[0].help.as_deref().unwrap().contains("{{ next_year }}"));
    assert!(d[1].message.contains("没有配对的“}}”"));

    let md = String::from_utf8(render_text(
        "school: 甲校\nyear: 2025\nguiding_principles: '写成 \\{{ year }} 就是 {{ year }}'\nmeasures: [做事]\n",
        Format::Markdown,
    ))
    .unwrap();
    assert!(md.contains("写成 {{ year }} 就是 2025"), "{md}");

    write(
        dir.path(),
        "s.yaml",
        "school: '{{ year }}学校'\nyear: 2025\nguiding_principles: x\nmeasures: [y]\n",
    );
    let d = load(dir.path(), "s.yaml").unwrap_err();
    assert!(d[0].message.contains("学校名称里不能用占位符"));
}

#[test]
fn diff_reports_what_changed_as_a_person_would() {
    let o = unionplan(
        &repo().join("specs"),
        &["diff", "qingxi-2025.yaml", "qingxi-2026.yaml"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    for want in [
        "~ 修改：标题：“青溪路小学2025年工会工作计划” → “青溪路小学2026年工会工作计划”",
        "~ 修改：教职工文体活动参与率：“95%以上” → “98%以上”",
        "+ 新增：教职工年度健康体检覆盖率达到100%",
        "+ 新增：（一）3.建设工会图书角",
        "- 删去：（一）3.组织青年教师读书沙龙，每月共读一本好书。",
        "~ 修改：“三八”妇女节庆祝活动：“3月8日，负责：女工委员” → “3月6日，负责：女工委员”",
        "+ 新增：十月：举办“2026年教职工运动会”",
        "~ 修改：日期：“2025年2月18日” → “2026年2月16日”",
    ] {
        assert!(out.contains(want), "{want:?} in\n{out}");
    }
    let same = unionplan(
        &repo().join("specs"),
        &["diff", "qingxi-2025.yaml", "qingxi-2025.yaml"],
    );
    assert!(String::from_utf8_lossy(&same.stdout).contains("没有区别"));
}

#[test]
fn diff_sees_moves_between_months() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.yaml", PARENT);
    write(
        dir.path(),
        "b.yaml",
        &PARENT
            .replace("      - 植树活动\n", "")
            .replace("items: [暑期疗休养]", "items: [暑期疗休养, 植树活动]"),
    );
    let o = unionplan(dir.path(), &["diff", "a.yaml", "b.yaml"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("→ 调整：植树活动：三月 → 七、八月"), "{out}");
    assert!(!out.contains("新增") && !out.contains("删去"), "{out}");
}

/// A value inherited from last year's file is fixed in this year's: the
/// help says what to write here, never to edit last year's plan.
#[test]
fn a_problem_from_the_parent_says_what_to_write_in_this_file() {
    let dir = tempfile::tempdir().unwrap();
    let parent = PARENT.replace(
        "      - 植树活动\n",
        "      - {text: 植树活动, date: 2025-03-12}\n",
    );
    write(dir.path(), "2025.yaml", &parent);
    write(dir.path(), "2026.yaml", "extends: 2025.yaml\nyear: 2026\n");
    let d = load(dir.path(), "2026.yaml").unwrap_err();
    let women = d
        .iter()
        .find(|d| d.field.as_deref() == Some("schedule[1].items[1].date"))
        .expect("the 三八 date");
    assert!(women.file.ends_with("2025.yaml"));
    let help = women.help.as_deref().unwrap();
    assert!(help.contains("2025.yaml 是上一份计划，不要改它"), "{help}");
    assert!(
        help.contains(
            "schedule:\n  - month: 3\n    items:\n      - id: women\n        date: 2026-03-08"
        ),
        "{help}"
    );
    // Without an id, the entry cannot be found from this year's file: say
    // how to give it one.
    let tree = d
        .iter()
        .find(|d| d.field.as_deref() == Some("schedule[1].items[2].date"))
        .expect("the 植树 date");
    let help = tree.help.as_deref().unwrap();
    assert!(help.contains("没有 id：先在"), "{help}");

    // In a Chinese file, the snippet is in Chinese keys.
    write(dir.path(), "2026.yaml", "继承: 2025.yaml\n年度: 2026\n");
    let d = load(dir.path(), "2026.yaml").unwrap_err();
    let help = d[0].help.as_deref().unwrap();
    assert!(
        help.contains(
            "工作安排:\n  - 月份: 3\n    事项:\n      - 编号: women\n        日期: 2026-03-08"
        ),
        "{help}"
    );
}

/// A schedule entry matches its parent's by month however the month is
/// written: `三月` in this year's file is last year's `month: 3`.
#[test]
fn schedule_entries_match_by_months_written_in_words() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "2025.yaml", PARENT);
    write(
        dir.path(),
        "2026.yaml",
        "extends: 2025.yaml\nyear: 2026\nschedule:\n  - month: 三月\n    items:\n      - {id: women, date: 2026-03-08}\n  - months: [7月, 8月]\n    items: [暑期教师培训]\n",
    );
    let spec = load(dir.path(), "2026.yaml").unwrap();
    let months: Vec<Vec<u32>> = spec.schedule.iter().map(|e| e.months.clone()).collect();
    assert_eq!(months, [vec![3], vec![7, 8]]);
    let summer: Vec<&str> = spec.schedule[1]
        .items
        .iter()
        .map(|i| i.text.as_str())
        .collect();
    assert_eq!(summer, ["暑期疗休养", "暑期教师培训"]);
}

/// An entry without an id written again word for word in the child is
/// kept twice, as the rules say, but the user is warned at the child's line,
/// with the parent's place; a similar entry (one word changed) is not.
#[test]
fn an_id_less_entry_repeated_word_for_word_is_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "2025.yaml", PARENT);
    write(
        dir.path(),
        "school.yaml",
        "extends: 2025.yaml\nschool: 青溪路小学\nmeasures:\n  - 一条没有 id 的措施\n  - 一条没有 id 的新措施\n",
    );
    let spec = load(dir.path(), "school.yaml").expect("valid");
    let kept = spec
        .measures
        .iter()
        .filter(|m| m.text.as_deref() == Some("一条没有 id 的措施"))
        .count();
    assert_eq!(kept, 2, "the rules keep both");
    let warned: Vec<_> = spec
        .warnings
        .iter()
        .filter(|w| w.code == "entry_repeated")
        .collect();
    assert_eq!(warned.len(), 1, "{warned:?}");
    let w = warned[0];
    assert_eq!(w.severity, unionplan::diag::Severity::Warning);
    assert!(w.file.ends_with("school.yaml"), "{w:?}");
    assert_eq!((w.line, w.column), (Some(4), Some(5)));
    let parent_line = PARENT
        .lines()
        .position(|l| l.contains("一条没有 id 的措施"))
        .unwrap()
        + 1;
    assert!(
        w.message
            .contains(&format!("2025.yaml:{parent_line} 的一项一字不差")),
        "{}",
        w.message
    );

    // On the command line: a warning, and the plan is still made.
    let o = unionplan(dir.path(), &["render", "school.yaml", "-f", "md"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("警告：school.yaml:4:5："),
        "{}",
        stderr(&o)
    );
}

/// An inherited festival's date is told on the new year's festival day,
/// from the calendar: 重阳 is 2026-10-18 but 2027-10-08 (issue #26: the
/// hint said 2027-10-18, the old day with the new year).
#[test]
fn an_inherited_festival_date_is_suggested_by_the_calendar() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "2026.yaml",
        "school: 甲校\nyear: 2026\nguiding_principles: 以……为指导。\nmeasures: [做好工作]\nschedule:\n  - month: 10\n    items:\n      - {id: cy, text: 重阳节慰问退休教师, date: 2026-10-18}\nsignature: {date: 2026-03-01}\n",
    );
    write(
        dir.path(),
        "2027.yaml",
        "extends: 2026.yaml\nyear: 2027\nsignature: {date: 2027-03-01}\n",
    );
    let d = load(dir.path(), "2027.yaml").unwrap_err();
    let help = d[0].help.as_deref().unwrap();
    assert!(
        help.contains("- id: cy\n        date: 2027-10-08"),
        "{help}"
    );
}

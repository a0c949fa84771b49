//! The command line in an English locale: every word it says is English;
//! only what the user wrote (quoted, or the line shown under a problem)
//! and the Chinese examples of what to type stay Chinese.

use std::fs;

use crate::common::*;

const EN: &str = "en_US.UTF-8";

/// No `school`, an unknown field, a month that is no month.
const BAD: &str = "year: 2025\nguiding_principles: 以……为指导。\nmeasures:\n  - 做好工作\ncolour: 红色\nschedule:\n  - month: 13\n    items: [三八节活动]\n";

/// A full-width colon after a Chinese key, as a Chinese input method types it.
const SLIP: &str = "school: 甲校\nyear: 2025\n工作目标：做好工作\nguiding_principles: 以……为指导。\nmeasures: [做好工作]\n";

/// Valid, but its text names last year: a warning, and the file is written.
const STALE: &str = "school: 甲校\nyear: 2025\nguiding_principles: 总结2024年的工作，以……为指导。\nmeasures:\n  - 做好工作\nsignature: {date: 2025-03-01}\n";

/// `line` without what is quoted in it (`…`, "…" and “…”): the user's own
/// words.
fn unquoted(line: &str) -> String {
    let mut out = String::new();
    let mut inside: Option<char> = None;
    for c in line.chars() {
        match inside {
            Some(q) if c == q => inside = None,
            Some(_) => {}
            None if c == '`' || c == '"' => inside = Some(c),
            None if c == '“' => inside = Some('”'),
            None => out.push(c),
        }
    }
    out
}

/// The lines of a report that are the program's own sentences: not the
/// excerpt of the user's file (`12 | text`, `   |   ^`), nor the help
/// and notes (`= help: …`), which may show Chinese examples to type.
fn own_lines(report: &str) -> Vec<&str> {
    report
        .lines()
        .filter(|l| {
            let t = l.trim_start();
            let excerpt = t.starts_with('|')
                || t.split_once(" |")
                    .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
            !excerpt && !t.starts_with('=') && !t.is_empty()
        })
        .collect()
}

/// Fail if a line of the program's own (see [`own_lines`]) has a Chinese
/// character outside quotes.
fn assert_no_chinese(report: &str) {
    for line in own_lines(report) {
        assert!(
            !unquoted(line).chars().any(is_han),
            "Chinese in {line:?} of\n{report}"
        );
    }
}

fn run(lang: &str, name: &str, yaml: &str, args: &[&str]) -> (bool, String) {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join(name), yaml).unwrap();
    let o = unionplan_in(lang, dir.path(), args);
    (o.status.success(), stderr(&o))
}

#[test]
fn the_check_of_line_filters_keeps_message_lines_and_drops_the_excerpt() {
    let report = "error: p.yaml:7:12: field x: bad `月份`\n  |\n7 |   - month: 十三\n  |            ^\n  = help: write 二月\n";
    assert_eq!(
        own_lines(report),
        ["error: p.yaml:7:12: field x: bad `月份`"]
    );
    assert_no_chinese(report);
    let chinese = "错误：p.yaml:7:12：月份不对\n";
    assert!(
        std::panic::catch_unwind(|| assert_no_chinese(chinese)).is_err(),
        "a Chinese message must be caught"
    );
}

#[test]
fn problems_with_a_spec_are_told_in_english() {
    let (ok, err) = run(EN, "plan.yaml", BAD, &["validate", "plan.yaml"]);
    assert!(!ok, "{err}");
    for phrase in [
        "error: plan.yaml:1:1: the required field `school` is missing\n",
        "error: plan.yaml:5:1: field colour: unknown field `colour`\n",
        "= help: the fields allowed here are: `school`, `year`, ",
        "error: plan.yaml:7:12: field schedule[1].month: the month should be a number from 1 to 12, but found 13 (a number)\n",
        "= help: for example, for February write month: 2 ",
        "= help: write the name of the school or organisation, for example: school: ",
        "\n3 error(s)\n",
    ] {
        assert!(err.contains(phrase), "{phrase:?} missing in\n{err}");
    }
    // The user's own line is shown as written.
    assert!(err.contains("5 | colour: 红色\n"), "{err}");
    assert!(!err.contains('：'), "a full-width colon in\n{err}");
    assert_eq!(own_lines(&err).len(), 4, "{err}");
    assert_no_chinese(&err);
}

#[test]
fn a_full_width_colon_is_explained_in_english() {
    let (ok, err) = run(EN, "plan.yaml", SLIP, &["validate", "plan.yaml"]);
    assert!(!ok, "{err}");
    assert!(
        err.starts_with("error: plan.yaml:3:5: this is a full-width colon \"：\": write a half-width colon \":\" followed by a space instead\n"),
        "{err}"
    );
    assert!(err.contains("3 | 工作目标：做好工作\n"), "{err}");
    assert!(
        err.contains("= help: write 工作目标: … (the colon as typed with an English input method, then a space)\n"),
        "{err}"
    );
    assert_no_chinese(&err);
}

#[test]
fn rendering_says_what_it_wrote_in_english() {
    let (ok, err) = run(EN, "plan.yaml", STALE, &["render", "plan.yaml", "-f", "md"]);
    assert!(ok, "{err}");
    assert!(
        err.contains("warning: plan.yaml:3:21: field guiding_principles: this text mentions the year 2024, but this plan is for 2025\n"),
        "{err}"
    );
    assert!(
        err.contains("= help: if this is last year's text left unchanged, change 2024 to 2025"),
        "{err}"
    );
    assert!(err.ends_with("wrote out/plan.md\n"), "{err}");
    assert_no_chinese(&err);
}

#[test]
fn the_same_problems_are_told_in_chinese_in_a_chinese_locale() {
    let (ok, err) = run("zh_CN.UTF-8", "plan.yaml", BAD, &["validate", "plan.yaml"]);
    assert!(!ok, "{err}");
    assert!(
        err.contains("错误：plan.yaml:1:1：缺少必填字段 `school`\n"),
        "{err}"
    );
    assert!(
        err.contains("错误：plan.yaml:7:12：字段 schedule[1].month：月份应当是 1 到 12 的数字，实际是 13（数字）\n"),
        "{err}"
    );
    assert!(err.contains("\n共 3 处错误\n"), "{err}");
}

/// The import report lists its doubts in English, while the same doubts
/// stay Chinese in the spec it writes, a Chinese document.
#[test]
fn import_reports_its_doubts_in_english_and_writes_them_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("plan.txt"),
        "2025年工会工作计划\n一、指导思想\n以教职工为本。\n二、主要工作\n1、关心教职工生活。\n\
         三、工作安排\n三月：召开教代会\n工会委员会\n18年8月28日\n",
    )
    .unwrap();
    let o = unionplan_in(EN, dir.path(), &["import", "plan.txt", "-o", "plan.yaml"]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("the title “2025年工会工作计划” names no school; please fill it in"),
        "{err}"
    );
    assert!(
        err.contains("the signature date reads “18年8月28日”: a two-digit year"),
        "{err}"
    );
    assert_no_chinese(&err);
    let yaml = fs::read_to_string(dir.path().join("plan.yaml")).unwrap();
    assert!(
        yaml.contains("# 请核对：原标题“2025年工会工作计划”里没有学校名称，请填写"),
        "{yaml}"
    );
    assert!(
        yaml.contains("# 请核对：原文落款日期写作“18年8月28日”"),
        "{yaml}"
    );
}

/// The language is the caller's, not the process's: two callers in one
/// process, each in its own language, at the same time, each hear theirs,
/// down to the batch's worker threads that check each school.
#[test]
fn two_callers_in_one_process_each_hear_their_own_language() {
    use unionplan::messages::{Lang, speaking};
    let barrier = std::sync::Arc::new(std::sync::Barrier::new(2));
    let run = |lang: Lang| {
        let barrier = barrier.clone();
        std::thread::spawn(move || {
            speaking(lang, || {
                let dir = tempfile::tempdir().unwrap();
                fs::write(dir.path().join("base.yaml"), "year: 2025\nguiding_principles: 共用的指导思想。\nmeasures: [组织体检]\nsignature: {date: 2025-02-25}\n").unwrap();
                fs::write(
                    dir.path().join("d.yaml"),
                    "base: base.yaml\nschools:\n  - school: 甲校\n  - school: 乙校\n    year: 二〇二五\n",
                )
                .unwrap();
                let district =
                    unionplan::batch::District::read(&dir.path().join("d.yaml")).unwrap();
                let pipeline = unionplan::Pipeline::new(
                    unionplan::template::Templates::builtin(),
                    chrono::NaiveDate::from_ymd_opt(2025, 2, 1).unwrap(),
                );
                // Both threads are inside their own language before either
                // makes a message.
                barrier.wait();
                let (results, _) = unionplan::batch::run(
                    &district,
                    &dir.path().join("out"),
                    &[unionplan::render::Format::Markdown],
                    unionplan::batch::Placement::PerSchool,
                    &pipeline,
                    &|_| {},
                )
                .unwrap();
                let failed: Vec<String> = results
                    .iter()
                    .flat_map(|r| r.errors.iter().map(|d| d.message.clone()))
                    .collect();
                failed
            })
        })
    };
    let (zh, en) = (run(Lang::Zh), run(Lang::En));
    let (zh, en) = (zh.join().unwrap(), en.join().unwrap());
    assert_eq!(zh.len(), 1, "{zh:?}");
    assert!(zh[0].starts_with("年份应当是四位阿拉伯数字"), "{zh:?}");
    assert_eq!(en.len(), 1, "{en:?}");
    assert!(
        en[0].starts_with("the year should be four digits"),
        "{en:?}"
    );
}

/// `batch` in an English locale: the schools are checked on the worker
/// threads of the command's own pool, which speak the user's language too.
#[test]
fn a_batch_reports_its_schools_in_english() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("base.yaml"),
        "year: 2025\nguiding_principles: 共用的指导思想。\nmeasures: [组织体检]\nsignature: {date: 2025-02-25}\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("d.yaml"),
        "base: base.yaml\nschools:\n  - school: 甲校\n  - school: 乙校\n    year: 二〇二五\n",
    )
    .unwrap();
    let o = unionplan_in(
        EN,
        dir.path(),
        &["batch", "d.yaml", "-o", "out", "-f", "md", "-j", "2"],
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("the year should be four digits"), "{err}");
    assert!(!err.contains("年份应当是"), "{err}");
    let index = fs::read_to_string(dir.path().join("out/index.html")).unwrap();
    assert!(index.contains("the year should be four digits"), "{index}");
}

//! Chinese keys, mixed freely with English ones.

use std::fs;
use std::path::Path;

use crate::common::*;
use unionplan::render::Format;
use unionplan::{Error, parse_spec};

const ZH: &str = "\
学校: 礼河实验学校
年度: 2025
period: 下半年
指导思想: 以……为指导。
工作目标:
  - 内容: 会费收缴
    目标: 100%
主要工作:
  - 标题: 师德建设
    事项:
      - 学习
工作安排:
  - 月份: 9
    事项:
      - 内容: 教师节
        日期: 2025-09-10
        负责人: 工会主席
落款:
  单位: 礼河实验学校工会
  日期: 2025-08-30
";

#[test]
fn a_spec_written_with_chinese_keys_renders_like_the_english_one() {
    let md = String::from_utf8(render_text(ZH, Format::Markdown)).unwrap();
    for want in [
        "# 礼河实验学校2025年下半年工会工作计划",
        "1\\.会费收缴：100%",
        "### （一）师德建设",
        "1、教师节（9月10日，负责：工会主席）",
        "礼河实验学校工会\n\n2025年8月30日",
    ] {
        assert!(md.contains(want), "{want:?} in\n{md}");
    }
}

#[test]
fn errors_point_at_the_chinese_key_as_typed() {
    let bad = ZH
        .replace("月份: 9", "月份: 十三")
        .replace("负责人:", "负责:");
    let d = match parse_spec(Path::new("p.yaml"), &bad) {
        Err(Error::Invalid(d)) => d,
        _ => panic!("accepted"),
    };
    assert!(
        d.iter()
            .any(|d| d.line == Some(13) && d.column == Some(9) && d.message.contains("月份应当是")),
        "{d:#?}"
    );
    assert!(
        d.iter()
            .any(|d| d.line == Some(17) && d.message.contains("不认识的字段 `负责`")),
        "{d:#?}"
    );
}

#[test]
fn rollover_and_extends_understand_chinese_keys() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("2025.yaml"), ZH).unwrap();
    let o = unionplan(
        dir.path(),
        &["rollover", "2025.yaml", "--year", "2026", "-o", "2026.yaml"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let new = fs::read_to_string(dir.path().join("2026.yaml")).unwrap();
    assert!(
        new.contains("年度: 2026\n")
            && new.contains("日期: 2026-09-10")
            && new.contains("日期: 2026-08-30"),
        "{new}"
    );

    fs::write(
        dir.path().join("child.yaml"),
        "继承: 2025.yaml\n指导思想: 新的指导思想。\n",
    )
    .unwrap();
    let o = unionplan(dir.path(), &["render", "child.yaml", "-f", "md"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let md = fs::read_to_string(dir.path().join("out/child.md")).unwrap();
    assert!(
        md.contains("新的指导思想。") && md.contains("师德建设"),
        "{md}"
    );
}

/// A file written in Chinese keys is answered in them: paths, hints, the
/// missing key, "did you mean" and the list of keys.
#[test]
fn messages_follow_the_keys_the_user_wrote() {
    let problems = |yaml: &str| match parse_spec(Path::new("p.yaml"), yaml) {
        Err(Error::Invalid(d)) => d,
        _ => panic!("accepted: {yaml}"),
    };
    let head = "学校: 青溪小学\n年度: 2025\n指导思想: 以……为指导。\n主要工作: [做好工作]\n";

    let d = problems(&format!(
        "{head}工作安排:\n  - 月份: 3\n    事项: [a]\n  - 月份: 十三\n    事项:\n      - 日期: 2025-04-08\n"
    ));
    let month = d.iter().find(|d| d.code == "bad_month").expect("bad month");
    assert_eq!(month.field.as_deref(), Some("工作安排[2].月份"));
    assert!(
        month.help.as_deref().unwrap().contains("月份: 2"),
        "{month:?}"
    );
    assert!(
        !month.help.as_deref().unwrap().contains("month"),
        "{month:?}"
    );
    let missing = d
        .iter()
        .find(|d| d.code == "missing_field")
        .expect("missing");
    assert_eq!(missing.message, "缺少必填字段 `内容`");
    assert_eq!(missing.field.as_deref(), Some("工作安排[2].事项[1]"));
    assert!(
        missing.help.as_deref().unwrap().contains("内容: "),
        "{missing:?}"
    );

    for (typo, want) in [("指导思路", "指导思想"), ("工作安拍", "工作安排")] {
        let d = problems(&format!("{head}{typo}: x\n"));
        assert_eq!(d[0].code, "unknown_field");
        assert_eq!(
            d[0].help.as_deref(),
            Some(format!("是不是想写 `{want}`？").as_str())
        );
    }

    // Nothing close: the keys that may be written, in Chinese.
    let d = problems(&format!("{head}备注: x\n"));
    let help = d[0].help.as_deref().unwrap();
    assert!(
        help.contains("`工作安排`") && !help.contains("schedule"),
        "{help}"
    );

    // The same slips in an English file are answered in English keys.
    let d = problems(
        "school: 甲\nyear: 2025\nguiding_principles: x\nmeasures: [y]\nschedule:\n  - month: 13\n    items: [a]\n",
    );
    assert_eq!(d[0].field.as_deref(), Some("schedule[1].month"));
    assert!(
        d[0].help.as_deref().unwrap().contains("month: 2"),
        "{:?}",
        d[0]
    );
}

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

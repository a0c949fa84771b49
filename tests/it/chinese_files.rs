//! The files Chinese Windows, Excel and WPS really write, and the slips
//! Chinese users really make: each is read, or refused in plain Chinese at
//! the right place.

use crate::common::*;

#[test]
fn a_spec_saved_as_gbk_renders_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(example("qingxi-2025.yaml")).unwrap();
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable);
    std::fs::write(dir.path().join("plan.yaml"), &bytes).unwrap();
    let o = unionplan(
        dir.path(),
        &["render", "plan.yaml", "-o", "out", "-f", "docx"],
    );
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("注意：plan.yaml：文件是 GBK/GB18030 编码"),
        "{err}"
    );
    let docx = std::fs::read(dir.path().join("out/plan.docx")).unwrap();
    assert!(docx_paragraphs(&docx).iter().any(|p| p.contains("青溪")));
    assert_valid_docx(&docx, "a GBK spec");
}

#[test]
fn rendering_a_word_excel_or_pdf_file_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8], &str); 4] = [
        (
            "去年计划.docx",
            b"PK\x03\x04\x14\0",
            "请用 unionplan import 去年计划.docx",
        ),
        (
            "去年计划.doc",
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0",
            "另存为",
        ),
        ("名单.xlsx", b"PK\x03\x04\x14\0", "roster: 名单.xlsx"),
        ("计划.pdf", b"%PDF-1.7\n", "读不了 PDF"),
    ];
    for (name, bytes, hint) in cases {
        std::fs::write(dir.path().join(name), bytes).unwrap();
        let o = unionplan(dir.path(), &["render", name]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{err}");
        assert!(err.contains(hint), "{name}: {err}");
        assert!(!err.contains("UTF-8"), "{name}: {err}");
    }
}

#[test]
fn text_naming_a_past_year_is_a_warning_where_it_was_written() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("2026.yaml"),
        "school: 甲校\nyear: 2026\nintro: 制定2026年工会工作计划。\nguiding_principles: 以……为指导。\nmeasures: [做好工作]\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("2027.yaml"),
        "extends: 2026.yaml\nyear: 2027\n",
    )
    .unwrap();
    let validate: &[&str] = &["validate", "2027.yaml"];
    let render: &[&str] = &["render", "2027.yaml", "-o", "out", "-f", "md"];
    for args in [validate, render] {
        let o = unionplan(dir.path(), args);
        let err = stderr(&o);
        assert!(o.status.success(), "{args:?}: {err}");
        assert!(
            err.contains(
                "警告：2026.yaml:3:8：字段 intro：这段文字写的是 2026 年，而这份计划是 2027 年的"
            ),
            "{args:?}: {err}"
        );
    }
    assert!(dir.path().join("out/2027.md").is_file());
}

#[test]
fn a_school_still_named_by_import_placeholder_is_refused() {
    let d = match unionplan::parse_spec(
        std::path::Path::new("p.yaml"),
        "school: （请填写学校名称）\nyear: 2025\nguiding_principles: x\nmeasures: [y]\n",
    ) {
        Err(unionplan::Error::Invalid(d)) => d,
        _ => panic!("accepted"),
    };
    assert_eq!(d[0].code, "import_placeholder_left");
    assert_eq!((d[0].line, d[0].column), (Some(1), Some(9)));
}

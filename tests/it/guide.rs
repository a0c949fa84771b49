//! The Chinese user guide, `docs/使用说明.md`, is run as written: its files
//! (code blocks headed `yaml 文件名` or `csv 文件名`) are written, its
//! commands (`sh` blocks) are run in order in one empty folder, and a
//! `text` block after a command marked `# 会报错` is what that command
//! says.

use std::path::Path;
use std::process::Output;

use crate::common::*;

fn run(dir: &Path, line: &str) -> Output {
    let args: Vec<&str> = line.split_whitespace().skip(1).collect();
    unionplan(dir, &args)
}

#[test]
fn every_command_of_the_guide_runs_as_written() {
    let guide = std::fs::read_to_string(repo().join("docs/使用说明.md")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut last_failure: Option<(String, String)> = None;
    let mut commands = 0;
    let mut lines = guide.lines();
    while let Some(line) = lines.next() {
        let Some(info) = line.strip_prefix("```").filter(|i| !i.is_empty()) else {
            continue;
        };
        let body: Vec<&str> = lines.by_ref().take_while(|l| *l != "```").collect();
        let mut words = info.split_whitespace();
        match (words.next(), words.next()) {
            (Some("yaml" | "csv"), Some(file)) => {
                std::fs::write(dir.path().join(file), body.join("\n") + "\n").unwrap();
            }
            (Some("sh"), None) => {
                for command in body.iter().filter(|l| l.starts_with("unionplan ")) {
                    let (command, comment) = command.split_once(" #").unwrap_or((command, ""));
                    let o = run(dir.path(), command);
                    let err = stderr(&o);
                    commands += 1;
                    if comment.contains("会报错") {
                        assert_eq!(o.status.code(), Some(1), "{command}: {err}");
                        last_failure = Some((command.to_string(), err));
                    } else {
                        assert!(o.status.success(), "{command}: {err}");
                    }
                }
            }
            (Some("text"), None) => {
                let (command, err) = last_failure.take().expect("a failing command before");
                let shown = body.join("\n");
                assert!(err.contains(&shown), "{command} says\n{err}\nnot\n{shown}");
            }
            _ => {}
        }
    }
    assert!(commands >= 12, "only {commands} commands found");
    // What the guide promises was made.
    for file in [
        "out/青山小学2026.docx",
        "导入的计划.yaml",
        "青山小学2027.yaml",
        "out/青山小学2027-简.docx",
        "各校计划/index.html",
        "各校计划/湖滨小学/湖滨小学2026年工会工作计划.docx",
    ] {
        assert!(dir.path().join(file).is_file(), "{file}");
    }
    // The guide teaches Chinese keys, and its import writes them.
    let imported = std::fs::read_to_string(dir.path().join("导入的计划.yaml")).unwrap();
    assert!(
        imported.contains("\n学校: ") && imported.contains("\n指导思想:"),
        "{imported}"
    );
}

//! Files that are not what they seem: every path a user names (a spec,
//! the file it extends, a district file, a roster, the school's Word
//! template, a file to import, a user template) is read only when it is an
//! ordinary file, and a FIFO or a device is refused at once with words that
//! say so, instead of hanging the run or reading forever.

#![cfg(unix)]

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::common::*;

const GOOD: &str = "school: 甲校\nyear: 2025\nguiding_principles: 以……为指导。\nmeasures:\n  - 做好工作\nsignature: {date: 2025-03-01}\n";

/// The words the guarded reader refuses a special file with.
const NOT_ORDINARY: &str = "不是普通文件";

fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.to_str().unwrap()).unwrap();
    // SAFETY: a NUL-terminated path; mkfifo touches nothing else.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0, "{path:?}");
}

/// Run `unionplan` in `dir`; a run still going after 30 s has hung on
/// something it should have refused: it is killed and the test fails.
fn run(dir: &Path, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_unionplan"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "zh_CN.UTF-8")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(30) {
            child.kill().unwrap();
            let o = child.wait_with_output().unwrap();
            panic!("unionplan {args:?} hung; it printed: {}", stderr(&o));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().unwrap()
}

/// The run failed, saying the named file is not an ordinary file.
fn refused(o: &Output, name: &str) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains(NOT_ORDINARY), "{err}");
    assert!(err.contains(name), "the message names {name}: {err}");
    assert!(!err.contains("找不到"), "it is there, not missing: {err}");
    assert!(!err.contains("unionplan 的问题"), "{err}");
}

#[test]
fn a_fifo_named_anywhere_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("p.yaml"), GOOD).unwrap();

    mkfifo(&d.join("管道.yaml"));
    refused(&run(d, &["render", "管道.yaml", "-f", "md"]), "管道.yaml");
    refused(&run(d, &["validate", "管道.yaml"]), "管道.yaml");

    fs::write(d.join("child.yaml"), "extends: 管道.yaml\nschool: 乙校\n").unwrap();
    refused(&run(d, &["validate", "child.yaml"]), "管道.yaml");

    mkfifo(&d.join("名单.csv"));
    fs::write(d.join("d.yaml"), "base: p.yaml\nroster: 名单.csv\n").unwrap();
    refused(
        &run(d, &["batch", "d.yaml", "-o", "out", "-f", "md"]),
        "名单.csv",
    );

    mkfifo(&d.join("模板.docx"));
    refused(
        &run(d, &["render", "p.yaml", "--reference-doc", "模板.docx"]),
        "模板.docx",
    );

    mkfifo(&d.join("去年.html"));
    refused(
        &run(d, &["import", "去年.html", "-o", "new.yaml"]),
        "去年.html",
    );
    assert!(!d.join("new.yaml").exists());

    fs::create_dir(d.join("tpl")).unwrap();
    mkfifo(&d.join("tpl").join("plan.md"));
    refused(
        &run(d, &["render", "p.yaml", "--templates", "tpl", "-f", "md"]),
        "plan.md",
    );
    assert!(!d.join("out").join("p.md").exists());
}

#[test]
fn a_school_whose_template_cell_names_a_fifo_fails_alone() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("p.yaml"), GOOD).unwrap();
    mkfifo(&d.join("管道.docx"));
    fs::write(d.join("d.yaml"), "base: p.yaml\nroster: r.csv\n").unwrap();
    fs::write(
        d.join("r.csv"),
        "学校,样式.参考文档\n甲校,\n乙校,管道.docx\n",
    )
    .unwrap();
    let o = run(d, &["batch", "d.yaml", "-o", "out", "-f", "md"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains(NOT_ORDINARY), "{err}");
    assert!(err.contains("成功 1 所，失败 1 所"), "{err}");
}

#[test]
fn a_link_to_a_device_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::os::unix::fs::symlink("/dev/zero", d.join("zero.yaml")).unwrap();
    refused(&run(d, &["validate", "zero.yaml"]), "zero.yaml");
    std::os::unix::fs::symlink("/dev/zero", d.join("zero.docx")).unwrap();
    refused(
        &run(d, &["import", "zero.docx", "-o", "z.yaml"]),
        "zero.docx",
    );
}

/// `dir/name` as it is now, to compare after a run that must not touch it.
fn bytes(dir: &Path, name: &str) -> Vec<u8> {
    fs::read(dir.join(name)).unwrap()
}

/// The run refused, naming `output` as one of its own inputs, and `name`
/// still holds `before`.
fn kept(o: &Output, dir: &Path, name: &str, before: &[u8]) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("就是这次要读的文件"), "{err}");
    assert!(err.contains(name), "{err}");
    assert_eq!(bytes(dir, name), before, "{name} was replaced");
}

#[test]
fn no_output_replaces_an_input_of_the_same_run() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    school_template(&d.join("p.docx"));
    let template = bytes(d, "p.docx");
    fs::write(d.join("p.yaml"), GOOD).unwrap();

    // The school's Word template, named like the spec, in the output folder.
    let o = run(
        d,
        &["render", "p.yaml", "-o", ".", "--reference-doc", "p.docx"],
    );
    kept(&o, d, "p.docx", &template);
    assert!(!d.join("p.md").exists(), "nothing at all is written");
    let named = GOOD.replace("signature:", "style: {reference_doc: p.docx}\nsignature:");
    fs::write(d.join("p.yaml"), &named).unwrap();
    kept(
        &run(d, &["render", "p.yaml", "-o", "."]),
        d,
        "p.docx",
        &template,
    );

    // A user template the output would replace.
    fs::create_dir(d.join("tpl")).unwrap();
    fs::write(d.join("tpl").join("plan.md"), "{{ plan.title }}\n").unwrap();
    fs::write(d.join("plan.yaml"), GOOD).unwrap();
    let o = run(
        d,
        &[
            "render",
            "plan.yaml",
            "--templates",
            "tpl",
            "-o",
            "tpl",
            "-f",
            "md",
        ],
    );
    kept(&o, d, "tpl/plan.md", b"{{ plan.title }}\n");

    // `diff --docx` onto the spec the new plan extends.
    fs::write(d.join("base.yaml"), GOOD).unwrap();
    fs::write(d.join("new.yaml"), "extends: base.yaml\nyear: 2026\n").unwrap();
    let base = bytes(d, "base.yaml");
    let o = run(
        d,
        &["diff", "base.yaml", "new.yaml", "--docx", "./BASE.yaml"],
    );
    kept(&o, d, "base.yaml", &base);

    // `rollover --force` onto the plan it reads.
    let o = run(
        d,
        &[
            "rollover",
            "base.yaml",
            "--year",
            "2026",
            "-o",
            "base.yaml",
            "--force",
        ],
    );
    kept(&o, d, "base.yaml", &base);
    assert!(!stderr(&o).contains("原来的文件没有改动"));
    assert!(!String::from_utf8_lossy(&o.stdout).contains("原来的文件没有改动"));

    // `import --force` onto the file it imports.
    fs::write(
        d.join("旧计划.md"),
        "# 甲校工会工作计划\n\n一、指导思想\n\n以……为指导。\n",
    )
    .unwrap();
    let old = bytes(d, "旧计划.md");
    let o = run(d, &["import", "旧计划.md", "-o", "旧计划.md", "--force"]);
    kept(&o, d, "旧计划.md", &old);
}

#[test]
fn the_library_writer_refuses_an_output_that_is_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    school_template(&d.join("校徽模板.docx"));
    let template = bytes(d, "校徽模板.docx");
    fs::write(d.join("p.yaml"), GOOD).unwrap();
    let spec = unionplan::load_spec(&d.join("p.yaml")).unwrap();
    let mut pipeline = pipeline();
    pipeline.reference_doc = Some(d.join("校徽模板.docx"));
    // As the workbench or a batch would name the files: here, badly.
    let e = pipeline
        .write_as(
            &spec,
            &[
                unionplan::render::Format::Markdown,
                unionplan::render::Format::Docx,
            ],
            None,
            unionplan::write::Durability::Durable,
            |f| {
                d.join(if f == unionplan::render::Format::Docx {
                    "校徽模板.docx"
                } else {
                    "p.md"
                })
            },
        )
        .unwrap_err();
    match e {
        unionplan::Error::Invalid(diags) => {
            assert_eq!(diags.len(), 1);
            assert_eq!(diags[0].code, "output_is_input");
        }
        e => panic!("{e:?}"),
    }
    assert_eq!(bytes(d, "校徽模板.docx"), template);
    assert!(!d.join("p.md").exists(), "nothing is written");
}

#[test]
fn a_batch_writes_nothing_over_its_roster_templates_or_specs() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("base.yaml"), GOOD).unwrap();
    // A school's Word template, named as its flat output would be.
    school_template(&d.join("乙校2025年工会工作计划.docx"));
    let template = bytes(d, "乙校2025年工会工作计划.docx");
    fs::write(d.join("d.yaml"), "base: base.yaml\nroster: r.csv\n").unwrap();
    fs::write(
        d.join("r.csv"),
        "学校,样式.参考文档\n甲校,\n乙校,乙校2025年工会工作计划.docx\n",
    )
    .unwrap();
    let o = run(
        d,
        &["batch", "d.yaml", "--flat", "-o", ".", "-f", "docx,md"],
    );
    kept(&o, d, "乙校2025年工会工作计划.docx", &template);
    assert!(
        !d.join("甲校2025年工会工作计划.md").exists(),
        "nothing at all is written"
    );

    // The district's base spec where the index page goes.
    fs::write(d.join("index.html"), GOOD).unwrap();
    fs::write(
        d.join("d2.yaml"),
        "base: index.html\nschools:\n  - school: 丙校\n",
    )
    .unwrap();
    let o = run(d, &["batch", "d2.yaml", "--flat", "-o", ".", "-f", "md"]);
    kept(&o, d, "index.html", GOOD.as_bytes());
    assert!(!d.join("丙校2025年工会工作计划.md").exists());
}

/// A Word file given to `render`, even one in the output folder, is told
/// to go through `import`: it is no spec, so it writes nothing that could
/// replace it (issue #26: it was told the output would be the input).
#[test]
fn a_word_file_given_to_render_points_to_import() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir(d.join("out")).unwrap();
    school_template(&d.join("out").join("计划.docx"));
    let before = bytes(d, "out/计划.docx");
    let o = run(d, &["render", "out/计划.docx"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("unionplan import out/计划.docx"), "{err}");
    assert!(!err.contains("就是这次要读的文件"), "{err}");
    assert_eq!(bytes(d, "out/计划.docx"), before);
}

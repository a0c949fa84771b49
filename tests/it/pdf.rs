//! `-f pdf` where LibreOffice cannot be found: one clear message saying
//! what to install, the other formats written, no PDF and nothing half
//! made. (With LibreOffice, `tests/libreoffice.rs` checks the PDFs.)

use crate::common::*;

fn without_libreoffice(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    let missing = dir.join("no-such-soffice");
    let vars = [(unionplan::pdf::SOFFICE_VAR, missing.as_os_str())];
    unionplan_with("zh_CN.UTF-8", dir, args, &vars)
}

fn files(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = walk(dir)
        .into_iter()
        .map(|p| p.strip_prefix(dir).unwrap().display().to_string())
        .collect();
    names.sort();
    names
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn render_says_what_to_install_and_writes_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let spec = example("qingxi-2025.yaml");
    let out = dir.path().join("out");
    let missing = dir.path().join("no-such-soffice");
    let vars = [(unionplan::pdf::SOFFICE_VAR, missing.as_os_str())];
    let run = render_to(dir.path(), &spec, &out, "pdf,docx,md", &vars);
    assert_eq!(run.status.code(), Some(1));
    let err = stderr(&run);
    assert_eq!(err.matches("需要先安装 LibreOffice").count(), 1, "{err}");
    assert!(
        err.contains("apt-get install libreoffice-writer-nogui"),
        "{err}"
    );
    assert!(err.contains("其他格式的文件已经生成"), "{err}");
    assert_eq!(files(&out), ["qingxi-2025.docx", "qingxi-2025.md"]);
}

#[test]
fn a_batch_says_it_once_and_writes_every_school_s_other_files() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let district = repo().join("specs/district/district.yaml");
    let run = without_libreoffice(
        dir.path(),
        &[
            "batch",
            district.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "-f",
            "pdf,html",
            "--flat",
        ],
    );
    assert_eq!(run.status.code(), Some(1));
    let err = stderr(&run);
    assert_eq!(err.matches("需要先安装 LibreOffice").count(), 1, "{err}");
    let names = files(&out);
    assert!(names.iter().all(|n| !n.ends_with(".pdf")), "{names:?}");
    assert!(
        names.iter().filter(|n| n.ends_with(".html")).count() >= 5,
        "{names:?}"
    );
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(
        !index.contains(".pdf"),
        "no link to a PDF that is not there"
    );
}

#[test]
fn pdf_is_a_format_name_a_district_may_give() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("d.yaml"),
        format!(
            "base: {}\nformats: [pdf]\nschools:\n  - school: 甲校\n",
            repo().join("specs/district/common.yaml").display()
        ),
    )
    .unwrap();
    let run = without_libreoffice(dir.path(), &["batch", "d.yaml", "-o", "out"]);
    let err = stderr(&run);
    assert!(err.contains("需要先安装 LibreOffice"), "{err}");
    assert!(!err.contains("不认识"), "{err}");
}

//! `-f pdf` where LibreOffice cannot be found: one clear message saying
//! what to install, the other formats written, no PDF and nothing half
//! made. (With LibreOffice, `tests/libreoffice.rs` checks the PDFs.)

use crate::common::*;

/// A `PATH` with no LibreOffice on it (and no `UNIONPLAN_SOFFICE`): a
/// folder of its own, empty.
fn no_libreoffice(dir: &std::path::Path) -> std::path::PathBuf {
    let empty = dir.join("empty-path");
    std::fs::create_dir_all(&empty).unwrap();
    empty
}

fn without_libreoffice(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    let path = no_libreoffice(dir);
    unionplan_with("zh_CN.UTF-8", dir, args, &[("PATH", path.as_os_str())])
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
    let path = no_libreoffice(dir.path());
    let vars = [("PATH", path.as_os_str())];
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

    // Only a PDF asked for: nothing else was written, and none is said to be.
    let out = dir.path().join("only");
    let run = render_to(dir.path(), &spec, &out, "pdf", &vars);
    assert_eq!(run.status.code(), Some(1));
    let err = stderr(&run);
    assert!(err.contains("需要先安装 LibreOffice"), "{err}");
    assert!(!err.contains("其他格式"), "{err}");
    assert!(!out.exists() || files(&out).is_empty());
}

/// `UNIONPLAN_SOFFICE` naming no program is the variable's fault, and
/// said so: installing LibreOffice would not help.
#[test]
fn a_wrong_soffice_variable_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-soffice");
    let vars = [(unionplan::pdf::SOFFICE_VAR, missing.as_os_str())];
    let run = render_to(
        dir.path(),
        &example("qingxi-2025.yaml"),
        &dir.path().join("out"),
        "pdf",
        &vars,
    );
    assert_eq!(run.status.code(), Some(1));
    let err = stderr(&run);
    assert!(
        err.contains("环境变量 UNIONPLAN_SOFFICE 指定的 LibreOffice 程序"),
        "{err}"
    );
    assert!(err.contains("no-such-soffice"), "{err}");
    assert!(!err.contains("需要先安装"), "{err}");
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

/// A LibreOffice stand-in: prints `noise` bytes on standard error, writes
/// its pid to `pid` and sleeps `sleep` seconds, then makes a "PDF" of each
/// DOCX it was given.
#[cfg(unix)]
fn fake_soffice(dir: &std::path::Path, noise: usize, sleep: u32) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join("fake-soffice");
    let script = format!(
        r#"#!/bin/sh
head -c {noise} /dev/zero | tr '\0' 'x' >&2
echo $$ > "{pid}"
sleep {sleep}
out=""; prev=""
for a in "$@"; do
  [ "$prev" = "--outdir" ] && out="$a"
  prev="$a"
done
mkdir -p "$out"
for a in "$@"; do
  case "$a" in *.docx) printf '%%PDF-1.4 fake' > "$out/$(basename "$a" .docx).pdf";; esac
done
"#,
        pid = dir.join("pid").display()
    );
    std::fs::write(&path, script).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path
}

/// LibreOffice may print a lot on standard error; nothing waits on it, so
/// it never blocks (an unread pipe stopped it once it held 64 KB).
#[cfg(unix)]
#[test]
fn much_said_by_libreoffice_does_not_stop_it() {
    let dir = tempfile::tempdir().unwrap();
    let soffice = fake_soffice(dir.path(), 300_000, 0);
    let out = dir.path().join("out");
    let vars = [(unionplan::pdf::SOFFICE_VAR, soffice.as_os_str())];
    let run = render_to(dir.path(), &example("qingxi-2025.yaml"), &out, "pdf", &vars);
    assert!(run.status.success(), "{}", stderr(&run));
    let pdf = std::fs::read(out.join("qingxi-2025.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
}

/// Interrupted while LibreOffice converts, the run stops it and what it
/// started, and leaves no work folder behind.
#[cfg(unix)]
#[test]
fn an_interrupted_conversion_leaves_nothing_running_or_behind() {
    let dir = tempfile::tempdir().unwrap();
    let soffice = fake_soffice(dir.path(), 0, 30);
    let tmp = dir.path().join("tmp");
    std::fs::create_dir(&tmp).unwrap();
    let spec = example("qingxi-2025.yaml");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_unionplan"))
        .args(["render", spec.to_str().unwrap(), "-f", "pdf", "-o"])
        .arg(dir.path().join("out"))
        .env("LANG", "zh_CN.UTF-8")
        .env("TMPDIR", &tmp)
        .env(unionplan::pdf::SOFFICE_VAR, &soffice)
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let pid_file = dir.path().join("pid");
    let started = std::time::Instant::now();
    while !pid_file.exists() {
        assert!(
            started.elapsed().as_secs() < 20,
            "LibreOffice never started"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let fake = std::fs::read_to_string(&pid_file)
        .unwrap()
        .trim()
        .to_string();
    std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert_eq!(child.wait().unwrap().code(), Some(130));
    // Alive, and no zombie waiting for a parent to reap it.
    let alive = |pid: &str| {
        if let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) {
            let state = stat.rsplit(") ").next().and_then(|s| s.chars().next());
            return !matches!(state, Some('Z' | 'X'));
        }
        std::process::Command::new("kill")
            .args(["-0", pid])
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap()
            .success()
    };
    let started = std::time::Instant::now();
    while alive(&fake) && started.elapsed().as_secs() < 5 {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(!alive(&fake), "LibreOffice was left running");
    let left: Vec<_> = std::fs::read_dir(&tmp).unwrap().flatten().collect();
    assert!(left.is_empty(), "left behind: {left:?}");
}

/// LibreOffice runs with a profile that blocks what a document links to
/// outside itself (a picture on the web or elsewhere on the disk): the
/// profile it is started with says so before it starts.
#[cfg(unix)]
#[test]
fn libreoffice_is_started_with_links_blocked() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let kept = dir.path().join("kept.xcu");
    let soffice = dir.path().join("fake-soffice");
    let script = format!(
        r#"#!/bin/sh
for a in "$@"; do
  case "$a" in -env:UserInstallation=file://*) cp "${{a#-env:UserInstallation=file://}}/user/registrymodifications.xcu" "{kept}";; esac
done
"#,
        kept = kept.display()
    );
    std::fs::write(&soffice, script).unwrap();
    std::fs::set_permissions(&soffice, std::fs::Permissions::from_mode(0o755)).unwrap();
    let vars = [(unionplan::pdf::SOFFICE_VAR, soffice.as_os_str())];
    let out = dir.path().join("out");
    render_to(dir.path(), &example("qingxi-2025.yaml"), &out, "pdf", &vars);
    let xcu = std::fs::read_to_string(&kept).expect("a profile with settings");
    let doc = roxmltree::Document::parse(&xcu).unwrap();
    let oor = "http://openoffice.org/2001/registry";
    let item = doc
        .descendants()
        .find(|n| {
            n.attribute((oor, "path")) == Some("/org.openoffice.Office.Common/Security/Scripting")
        })
        .expect("the security settings");
    let prop = item
        .children()
        .find(|n| n.attribute((oor, "name")) == Some("BlockUntrustedRefererLinks"))
        .expect("links blocked");
    assert_eq!(
        prop.descendants()
            .find(|n| n.has_tag_name("value"))
            .and_then(|v| v.text()),
        Some("true")
    );
}

//! The command line as a user runs it.

use std::fs;

use crate::common::*;

const GOOD: &str = "school: 甲校\nyear: 2025\nguiding_principles: 以……为指导。\nmeasures:\n  - 做好工作\nsignature: {date: 2025-03-01}\n";

#[test]
fn render_writes_all_three_formats_named_after_the_spec() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("my-plan.yaml"), GOOD).unwrap();
    let o = unionplan(dir.path(), &["render", "my-plan.yaml"]);
    assert!(o.status.success(), "{}", stderr(&o));
    for ext in ["docx", "md", "html"] {
        let p = dir.path().join("out").join(format!("my-plan.{ext}"));
        assert!(p.is_file(), "{p:?}");
    }
    assert!(
        stderr(&o).contains("已生成 out/my-plan.docx"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn render_several_specs_into_a_folder_in_chosen_formats() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.yaml"), GOOD).unwrap();
    fs::write(dir.path().join("b.yaml"), GOOD.replace("甲校", "乙校")).unwrap();
    let o = unionplan(
        dir.path(),
        &[
            "render",
            "a.yaml",
            "b.yaml",
            "-o",
            "plans",
            "-f",
            "docx,html",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let mut names: Vec<_> = fs::read_dir(dir.path().join("plans"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["a.docx", "a.html", "b.docx", "b.html"]);
    let b = fs::read_to_string(dir.path().join("plans/b.html")).unwrap();
    assert!(b.contains("乙校2025年工会工作计划"));
}

#[test]
fn a_bad_spec_gets_no_files_and_exit_code_1_while_others_render() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("good.yaml"), GOOD).unwrap();
    fs::write(
        dir.path().join("bad.yaml"),
        GOOD.replace("year: 2025", "year: 二〇二五"),
    )
    .unwrap();
    let o = unionplan(dir.path(), &["render", "bad.yaml", "good.yaml"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("bad.yaml:2:7"), "{err}");
    assert!(err.contains("year"), "{err}");
    assert!(!dir.path().join("out/bad.docx").exists());
    assert!(!dir.path().join("out/bad.md").exists());
    assert!(dir.path().join("out/good.docx").exists());
}

#[test]
fn a_failed_render_leaves_the_previous_output_intact() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("p.yaml"), GOOD).unwrap();
    assert!(
        unionplan(dir.path(), &["render", "p.yaml"])
            .status
            .success()
    );
    let before = fs::read(dir.path().join("out/p.docx")).unwrap();
    fs::write(dir.path().join("p.yaml"), "school: [\n").unwrap();
    let o = unionplan(dir.path(), &["render", "p.yaml"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(fs::read(dir.path().join("out/p.docx")).unwrap(), before);
}

#[test]
fn validate_lists_every_error_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let bad = "school: 甲校\nyear: 2025\nguiding_principle: x\nmeasures: []\n";
    fs::write(dir.path().join("p.yaml"), bad).unwrap();
    let o = unionplan(dir.path(), &["validate", "p.yaml"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("p.yaml:3:1"), "{err}");
    assert!(err.contains("是不是想写 `guiding_principles`"), "{err}");
    assert!(err.contains("p.yaml:4:11"), "{err}");
    assert!(err.contains("共 2 处错误"), "{err}");
    assert!(!dir.path().join("out").exists());

    fs::write(dir.path().join("p.yaml"), GOOD).unwrap();
    let o = unionplan(dir.path(), &["validate", "p.yaml"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn wrong_usage_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(unionplan(dir.path(), &["render"]).status.code(), Some(2));
    assert_eq!(
        unionplan(dir.path(), &["frobnicate"]).status.code(),
        Some(2)
    );
    let o = unionplan(dir.path(), &["render", "x.yaml", "-f", "odt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("不认识的输出格式“odt”"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn every_command_has_help_with_an_example() {
    let dir = tempfile::tempdir().unwrap();
    for cmd in ["init", "render", "validate"] {
        let o = unionplan(dir.path(), &[cmd, "--help"]);
        assert!(o.status.success());
        let text = String::from_utf8_lossy(&o.stdout);
        assert!(text.contains(&format!("unionplan {cmd}")), "{cmd}: {text}");
    }
}

#[test]
fn init_writes_a_valid_example_and_never_overwrites_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let o = unionplan(dir.path(), &["init", "mine.yaml"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = unionplan(dir.path(), &["validate", "mine.yaml"]);
    assert!(o.status.success(), "{}", stderr(&o));

    fs::write(dir.path().join("mine.yaml"), "my own work").unwrap();
    let o = unionplan(dir.path(), &["init", "mine.yaml"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        fs::read_to_string(dir.path().join("mine.yaml")).unwrap(),
        "my own work"
    );
    let o = unionplan(dir.path(), &["init", "mine.yaml", "--force"]);
    assert!(o.status.success());
    assert_ne!(
        fs::read_to_string(dir.path().join("mine.yaml")).unwrap(),
        "my own work"
    );
}

#[test]
fn templates_can_be_overridden_from_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("p.yaml"), GOOD).unwrap();
    fs::create_dir(dir.path().join("tpl")).unwrap();
    fs::write(
        dir.path().join("tpl/plan.md"),
        "# {{ plan.title | md_inline }}\n\n自定义模板：{{ plan.school | md_inline }}\n",
    )
    .unwrap();
    let o = unionplan(
        dir.path(),
        &["render", "p.yaml", "--templates", "tpl", "-f", "md,docx"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let md = fs::read_to_string(dir.path().join("out/p.md")).unwrap();
    assert_eq!(md, "# 甲校2025年工会工作计划\n\n自定义模板：甲校\n");
    let docx = fs::read(dir.path().join("out/p.docx")).unwrap();
    assert_eq!(
        docx_paragraphs(&docx),
        ["甲校2025年工会工作计划", "", "自定义模板：甲校"]
    );
}

#[test]
fn a_broken_template_is_reported_with_its_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("p.yaml"), GOOD).unwrap();
    fs::create_dir(dir.path().join("tpl")).unwrap();
    fs::write(dir.path().join("tpl/plan.md"), "# 标题\n\n{% if %}\n").unwrap();
    let o = unionplan(dir.path(), &["render", "p.yaml", "--templates", "tpl"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("tpl/plan.md:3"), "{err}");
    assert!(!dir.path().join("out").exists());

    fs::write(dir.path().join("tpl/plan.md"), "# {{ plan.nonexistent }}\n").unwrap();
    let o = unionplan(dir.path(), &["render", "p.yaml", "--templates", "tpl"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("tpl/plan.md:1"), "{err}");
    assert!(err.contains("nonexistent"), "{err}");
}

/// A fresh plan opens without warnings about its own example: dates that
/// fall on a weekend or holiday in the chosen year are moved to a working
/// day, and the header names the file, school and year chosen (issue #26).
#[test]
fn init_for_any_year_validates_without_warnings() {
    let dir = tempfile::tempdir().unwrap();
    for year in 2026..=2031 {
        for zh in [false, true] {
            let name = format!("青山小学{year}{}.yaml", if zh { "zh" } else { "" });
            let year_s = year.to_string();
            let mut args = vec![
                "init",
                name.as_str(),
                "--school",
                "青山小学",
                "--year",
                &year_s,
            ];
            if zh {
                args.push("--zh");
            }
            let o = unionplan(dir.path(), &args);
            assert!(o.status.success(), "{}", stderr(&o));
            let text = fs::read_to_string(dir.path().join(&name)).unwrap();
            let header: String = text.lines().take(4).collect::<Vec<_>>().join("\n");
            assert!(
                header.contains(&format!("青山小学{year}年工会工作计划")),
                "{header}"
            );
            assert!(
                header.contains(&format!("unionplan render {name}")),
                "{header}"
            );
            assert!(
                !text.contains("qingxi") && !text.contains("青溪路"),
                "{header}"
            );
            let o = unionplan(dir.path(), &["validate", &name]);
            assert!(o.status.success(), "{}", stderr(&o));
            assert_eq!(
                stderr(&o).trim(),
                format!("{name} 没有问题"),
                "{year} zh={zh}"
            );
        }
    }
}

#[test]
fn init_fills_in_school_and_year_and_writes_chinese_keys_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_unionplan"))
        .args([
            "init",
            "p.yaml",
            "--school",
            "礼河实验学校",
            "--year",
            "2027",
        ])
        .current_dir(dir.path())
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let text = fs::read_to_string(dir.path().join("p.yaml")).unwrap();
    assert!(text.contains("school: 礼河实验学校\n"));
    assert!(text.contains("org: 礼河实验学校工会委员会"));
    // 2027-03-08 is a Monday: the example's 三八 stays on its day.
    assert!(text.contains("year: 2027\n") && text.contains("date: 2027-03-08"));
    assert!(!text.contains("青溪路小学"));
    let o = unionplan(dir.path(), &["render", "p.yaml", "-f", "md"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let md = fs::read_to_string(dir.path().join("out/p.md")).unwrap();
    assert!(md.starts_with("# 礼河实验学校2027年工会工作计划"));

    let o = unionplan(dir.path(), &["init", "zh.yaml", "--zh"]);
    assert!(o.status.success());
    let zh = fs::read_to_string(dir.path().join("zh.yaml")).unwrap();
    assert!(zh.contains("\n学校: 青溪路小学\n") && zh.contains("\n工作安排:\n"));

    // A name YAML would misread unquoted (`: `, ` #`, `&`) is quoted, not cut
    // or refused.
    let o = unionplan(
        dir.path(),
        &["init", "odd.yaml", "--school", "实验小学 #2: 分校"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let text = fs::read_to_string(dir.path().join("odd.yaml")).unwrap();
    assert!(text.contains("school: \"实验小学 #2: 分校\"\n"), "{text}");
    let spec = unionplan::load_spec(&dir.path().join("odd.yaml")).unwrap();
    assert_eq!(spec.school, "实验小学 #2: 分校");
}

#[test]
fn completions_for_every_shell_and_a_man_page() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let o = unionplan(dir.path(), &["completions", shell]);
        assert!(o.status.success(), "{shell}");
        let script = String::from_utf8_lossy(&o.stdout);
        for cmd in ["render", "validate", "rollover", "batch"] {
            assert!(script.contains(cmd), "{shell} completes {cmd}");
        }
    }
    let o = unionplan(dir.path(), &["man"]);
    assert!(o.status.success());
    let page = String::from_utf8_lossy(&o.stdout);
    assert!(
        page.starts_with(".ie") || page.contains(".TH unionplan"),
        "{page}"
    );
    assert!(page.contains("render"));
}

/// Colour only where it belongs: none in a pipe or with NO_COLOR, and on
/// request with CLICOLOR_FORCE (for a pager or CI log that shows it).
#[test]
fn colour_follows_no_color_and_clicolor_force() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.yaml"), "school: 甲校\nyear: 2025\n").unwrap();
    let run = |envs: &[(&str, &str)]| {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_unionplan"));
        cmd.args(["validate", "bad.yaml"])
            .current_dir(dir.path())
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE");
        for (k, v) in envs {
            cmd.env(k, v);
        }
        let out = cmd.output().unwrap();
        assert_eq!(out.status.code(), Some(1));
        String::from_utf8(out.stderr).unwrap()
    };
    assert!(!run(&[]).contains('\x1b'), "a pipe gets no colour");
    let forced = run(&[("CLICOLOR_FORCE", "1")]);
    assert!(forced.contains("\x1b["), "{forced}");
    assert!(!run(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]).contains('\x1b'));
}

/// A reader that went away (`unionplan schema | head -1`) ends the run
/// quietly, and a full disk is one error line and exit 1: never a panic.
#[test]
fn a_closed_or_full_standard_output_is_no_crash() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        &["schema"][..],
        &["man"],
        &["completions", "bash"],
        &["import", "--list", "plan.txt"],
    ] {
        std::fs::write(
            dir.path().join("plan.txt"),
            "甲校2025年工会工作计划\n一、指导思想\n服务教职工。\n二、主要工作\n1、做好慰问。\n",
        )
        .unwrap();
        // A pipe whose reading end is already closed.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_unionplan"))
            .args(args)
            .current_dir(dir.path())
            .stdout(writer)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");

        if cfg!(target_os = "linux") {
            let full = std::fs::File::create("/dev/full").unwrap();
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_unionplan"))
                .args(args)
                .current_dir(dir.path())
                .env("NO_COLOR", "1")
                .stdout(full)
                .output()
                .unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
            assert_eq!(err.trim(), "错误：无法写到标准输出：磁盘已满", "{args:?}");
            assert!(!err.contains("panicked"), "{args:?}: {err}");
        }
    }
}

/// `-j` beyond what the machine can run is lowered, with a notice, and
/// `-j 0` means one: the batch is still produced.
#[test]
fn batch_jobs_are_capped() {
    let out_dir = tempfile::tempdir().unwrap();
    for (jobs, capped) in [("5000", true), ("0", true), ("1", false)] {
        let o = unionplan(
            &repo(),
            &[
                "batch",
                "specs/district/district.yaml",
                "-o",
                out_dir.path().to_str().unwrap(),
                "-f",
                "md",
                "-j",
                jobs,
            ],
        );
        let err = stderr(&o);
        assert!(o.status.success(), "-j {jobs}: {err}");
        assert_eq!(err.contains("改为 -j"), capped, "{err}");
    }
}

/// Two specs whose outputs share a name, or an output that is a spec
/// itself, are refused before anything is written.
#[test]
fn render_refuses_outputs_that_collide() {
    let dir = tempfile::tempdir().unwrap();
    let spec = "school: 甲校\nyear: 2025\nguiding_principles: 文字。\nmeasures: [做事]\n";
    for sub in ["a", "b"] {
        std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        std::fs::write(dir.path().join(sub).join("plan.yaml"), spec).unwrap();
    }
    let o = unionplan(
        dir.path(),
        &["render", "a/plan.yaml", "b/plan.yaml", "-o", "out"],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("a/plan.yaml 和 b/plan.yaml 会写到同一个文件 out/plan.docx"),
        "{err}"
    );
    assert!(!dir.path().join("out").exists(), "nothing is written");

    // A spec named like an output: its own render would replace it.
    std::fs::write(dir.path().join("plan.md"), spec).unwrap();
    let o = unionplan(dir.path(), &["render", "plan.md", "-o", ".", "-f", "md"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("就是这次要读的文件"), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("plan.md")).unwrap(),
        spec
    );

    // One spec given twice renders once, without complaint.
    let o = unionplan(
        dir.path(),
        &[
            "render",
            "a/plan.yaml",
            "a/plan.yaml",
            "-o",
            "out",
            "-f",
            "md",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
}

/// Interrupted (Ctrl+C, SIGTERM) in the middle of a large batch, the run
/// leaves no temporary file behind: only complete plans.
#[cfg(unix)]
#[test]
fn an_interrupted_batch_leaves_no_temporary_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        repo().join("specs/district/common.yaml"),
        dir.path().join("common.yaml"),
    )
    .unwrap();
    let mut roster = String::from("school\n");
    for i in 0..20_000 {
        roster.push_str(&format!("第{i}学校\n"));
    }
    std::fs::write(dir.path().join("r.csv"), roster).unwrap();
    std::fs::write(
        dir.path().join("d.yaml"),
        "base: common.yaml\nroster: r.csv\n",
    )
    .unwrap();
    // Each signal several times: a file begun just as the signal came was
    // what stayed behind.
    for (round, signal) in ["INT", "TERM", "INT", "TERM", "INT", "TERM"]
        .iter()
        .enumerate()
    {
        let out = dir.path().join(format!("out-{round}"));
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_unionplan"))
            .args(["batch", "d.yaml", "-o"])
            .arg(&out)
            .current_dir(dir.path())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Until writing is well under way.
        let started = std::time::Instant::now();
        while std::fs::read_dir(&out).map_or(0, |d| d.count()) < 50 {
            assert!(
                started.elapsed().as_secs() < 60,
                "the batch never started writing"
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        std::process::Command::new("kill")
            .args([format!("-{signal}"), child.id().to_string()])
            .status()
            .unwrap();
        let status = child.wait().unwrap();
        assert_eq!(status.code(), Some(130), "{signal}: {status:?}");
        let mut left = Vec::new();
        let mut dirs = vec![out.clone()];
        while let Some(d) = dirs.pop() {
            for e in std::fs::read_dir(&d).unwrap().flatten() {
                let p = e.path();
                if p.is_dir() {
                    dirs.push(p);
                } else if p.to_string_lossy().contains(".unionplan-") {
                    left.push(p);
                }
            }
        }
        assert!(left.is_empty(), "{signal} left {left:?}");
    }
}

/// Explorer hides extensions: a teacher types the name they see.
#[test]
fn a_spec_or_import_named_without_its_hidden_extension_is_found_and_named() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("青山小学2026.yaml"), GOOD).unwrap();
    let o = unionplan(dir.path(), &["render", "青山小学2026", "-f", "docx,md"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("没有叫 青山小学2026 的文件，用的是 青山小学2026.yaml"),
        "{}",
        stderr(&o)
    );
    assert!(dir.path().join("out/青山小学2026.docx").is_file());

    // `.yml` too; a name that exists as typed is taken as typed.
    fs::write(dir.path().join("乙.yml"), GOOD).unwrap();
    fs::write(dir.path().join("丙"), GOOD).unwrap();
    fs::write(dir.path().join("丙.yaml"), "year: [").unwrap();
    let o = unionplan(dir.path(), &["validate", "乙", "丙"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("用的是 乙.yml"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("丙.yaml"), "{}", stderr(&o));

    fs::copy(
        dir.path().join("out/青山小学2026.docx"),
        dir.path().join("去年的计划.docx"),
    )
    .unwrap();
    let o = unionplan(dir.path(), &["import", "去年的计划", "-o", "导入.yaml"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("用的是 去年的计划.docx"),
        "{}",
        stderr(&o)
    );
    assert!(dir.path().join("导入.yaml").is_file());

    // Nothing of either name: the reader's own message, for the name typed.
    let o = unionplan(dir.path(), &["render", "没有这个"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("没有这个：无法读取这个文件"),
        "{}",
        stderr(&o)
    );
}

/// A spec whose name holds a line break, an escape or a right-to-left
/// override: the problem is said in one line that names it safely, never
/// a second `错误：` line the name made up.
#[test]
fn a_file_name_cannot_forge_a_line_or_turn_it_around() {
    let dir = tempfile::tempdir().unwrap();
    let bad = GOOD.replace("year: 2025", "year: 二〇二五");
    for (name, shown) in [
        ("甲\n错误：乙.yaml", "甲␊错误：乙.yaml"),
        ("甲\u{1b}[2J\u{202e}乙.yaml", "甲␛[2J\\u{202e}乙.yaml"),
    ] {
        fs::write(dir.path().join(name), &bad).unwrap();
        let o = unionplan(dir.path(), &["validate", name]);
        assert_eq!(o.status.code(), Some(1));
        let err = stderr(&o);
        let errors: Vec<&str> = err.lines().filter(|l| l.starts_with("错误")).collect();
        assert_eq!(errors.len(), 1, "{err}");
        assert!(
            errors[0].starts_with(&format!("错误：{shown}:2:7：")),
            "{err}"
        );
    }
}

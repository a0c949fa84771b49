//! The command line's own words: Chinese help for every command (compared
//! with `tests/golden/help/`; after an intended change, `UPDATE_GOLDEN=1
//! cargo test` rewrites them), English where the locale asks for it, and
//! usage errors said in Chinese with the command's usage.

use std::path::Path;
use std::process::Output;

use crate::common::*;

/// The commands whose help pages are kept in `tests/golden/help/` (the
/// empty name is `unionplan --help`).
pub const COMMANDS: [&str; 13] = [
    "",
    "app",
    "init",
    "render",
    "import",
    "rollover",
    "batch",
    "preview",
    "schema",
    "completions",
    "man",
    "diff",
    "validate",
];

/// The binary with the locale set to `lang`, in the current folder.
fn run(lang: &str, args: &[&str]) -> Output {
    unionplan_in(lang, Path::new("."), args)
}

#[test]
fn every_help_page_is_in_chinese_and_as_recorded() {
    let dir = repo().join("tests/golden/help");
    for name in COMMANDS {
        let args: Vec<&str> = [name, "--help"]
            .into_iter()
            .filter(|a| !a.is_empty())
            .collect();
        let o = run("zh_CN.UTF-8", &args);
        assert!(o.status.success(), "{name}: {}", stderr(&o));
        let text = String::from_utf8(o.stdout).unwrap();
        let file = dir.join(format!(
            "{}.txt",
            if name.is_empty() { "unionplan" } else { name }
        ));
        if update_golden() {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&file, &text).unwrap();
        }
        let recorded = std::fs::read_to_string(&file).unwrap_or_else(|_| {
            panic!("{} is missing: UPDATE_GOLDEN=1 cargo test", file.display())
        });
        assert_eq!(text, recorded, "{name} --help changed");
        // No English heading or clap word is left.
        for english in [
            "Usage",
            "Options",
            "Arguments",
            "Commands",
            "Print help",
            "[default",
            "possible values",
        ] {
            assert!(!text.contains(english), "{name}: {english:?} in\n{text}");
        }
    }
    // The machine's own locale, unset or C, is Chinese too.
    let o = run("C", &["--help"]);
    assert!(
        String::from_utf8(o.stdout)
            .unwrap()
            .contains("用法：unionplan")
    );
}

#[test]
fn english_where_the_locale_asks_for_it() {
    let o = run("en_US.UTF-8", &["render", "--help"]);
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(
        text.contains("Usage: unionplan render [OPTIONS] <SPECS>..."),
        "{text}"
    );
    assert!(text.contains("The folder to write into"), "{text}");
    assert!(!text.contains("用法"), "{text}");
    let o = run("en_GB.UTF-8", &["rendr"]);
    assert!(
        stderr(&o).contains("unrecognized subcommand 'rendr'"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn usage_errors_are_chinese_with_the_usage_and_where_help_is() {
    let cases: [(&[&str], &str, &str); 5] = [
        (
            &["rendr", "x.yaml"],
            "错误：没有 rendr 这个命令：是不是想写 render？",
            "用法：unionplan [选项] <命令>",
        ),
        (
            &["render", "--formt", "docx", "x.yaml"],
            "错误：不认识的选项 --formt：是不是想写 --formats？",
            "用法：unionplan render [选项] <计划文件>...",
        ),
        (
            &["render"],
            "错误：少了 <计划文件>...",
            "想看说明，运行：unionplan render --help",
        ),
        (
            &["render", "x.yaml", "-f", "odt"],
            "不认识的输出格式“odt”，可选 docx、md、html、pdf",
            "unionplan render --help",
        ),
        (
            &["rollover", "x.yaml"],
            "错误：少了 --year <年份>",
            "用法：unionplan rollover [选项] --year <年份> <计划文件>",
        ),
    ];
    for (args, what, usage) in cases {
        let o = run("zh_CN.UTF-8", args);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(what) && err.contains(usage), "{args:?}: {err}");
        assert!(
            !err.contains("error:") && !err.contains("Usage"),
            "{args:?}: {err}"
        );
    }
    // `help` with a command is that command's help.
    let o = run("zh_CN.UTF-8", &["help", "validate"]);
    assert!(
        String::from_utf8(o.stdout)
            .unwrap()
            .contains("用法：unionplan validate")
    );
}

//! `unionplan import`: plans in every input format, in the project's own
//! words (tests/import/), come back as specs that validate and render with
//! their sentences, measures and schedule entries intact.

use std::path::{Path, PathBuf};

use crate::common::*;
use unionplan::import::{self, Options};
use unionplan::render::Format;
use unionplan::spec::ScheduleLayout;

fn options() -> Options {
    Options {
        pick: None,
        zh: false,
        today: today(),
    }
}

/// A text as compared, by rules of the test's own (not the importer's
/// cleaners and markers, whose slips it would then share): only Han
/// characters and Latin letters count, and of those not the numerals, so
/// numbering written any way (`一、` `（一）` `1.` `1 .` `（1）` `①`), month
/// headings (`三月份：` or `3月`), spaces, punctuation and Markdown
/// escapes all fall away, on both sides alike; the words stay.
///
/// What this does not see: numbers (a year or a day changed on the way
/// is for the tests of dates and of each fixture's fields), and what the
/// importer's reader already lost, since the source side is the plan's
/// text as `import::list` read it from the file.
fn normalise(s: &str) -> String {
    const NUMERALS: &str = "〇零一二三四五六七八九十";
    // A month heading with its entry on the same line (`一月份工作：审计`):
    // the heading goes whole, since the layout writes its own (`一月`).
    let lines: Vec<&str> = s
        .lines()
        .map(|l| {
            let t = l.trim_start();
            let rest = t.trim_start_matches(|c: char| {
                NUMERALS.contains(c) || c.is_ascii_digit() || c == '、'
            });
            let heading = (rest.len() < t.len())
                .then(|| {
                    ["月份工作安排", "月份工作", "月工作", "月份", "月"]
                        .iter()
                        .find_map(|w| rest.strip_prefix(w))
                        .and_then(|r| r.strip_prefix(['：', ':']))
                })
                .flatten();
            heading.unwrap_or(l)
        })
        .collect();
    let kept: String = lines
        .join("\n")
        .chars()
        .filter(|&c| (is_han(c) && !NUMERALS.contains(c)) || c.is_ascii_alphabetic())
        .collect();
    // What is left of a month heading: `月份`, `月` (三月份工作 → 月份工作).
    kept.replace("月份", "月")
}

/// The sentences of a text, split on 。；！？ and line ends.
fn sentences(text: &str) -> Vec<String> {
    text.split(|c: char| "。；！？;!?\n".contains(c))
        .map(|s| {
            normalise(s)
                .trim_matches(|c: char| "：，、".contains(c))
                .to_string()
        })
        .filter(|s| s.chars().count() >= 2)
        .collect()
}

/// How many of `source`'s sentences `rendered` (its paragraphs) has, and
/// the missing ones. The title and the signature's date are not counted:
/// the layout writes them its own way (2025学年 becomes 2025—2026学年,
/// 二〇二五年二月二十日 becomes 2025年2月20日), and the tests check the
/// fields they come from.
fn kept(source: &str, rendered: &[String]) -> (usize, usize, Vec<String>) {
    let all: String = rendered.iter().map(|p| normalise(p)).collect();
    let body: Vec<&str> = source
        .lines()
        .filter(|l| {
            !import::recognise::is_title_line(l) && import::recognise::written_date(l).is_none()
        })
        .collect();
    let src = sentences(&body.join("\n"));
    let missing: Vec<String> = src
        .iter()
        .filter(|s| !all.contains(s.as_str()))
        .cloned()
        .collect();
    (src.len() - missing.len(), src.len(), missing)
}

/// The spec with the school a 范文 page leaves unnamed filled in, as the
/// user would before rendering it.
fn filled(yaml: &str) -> String {
    yaml.replace("（请填写学校名称）", "青山小学")
}

/// Import, check and render: the spec text and the DOCX's paragraphs.
fn round_trip(path: &Path, pick: Option<usize>) -> (String, Vec<String>, import::Report) {
    let imported = import::import(path, &Options { pick, ..options() })
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    // Rendered with the schedule as lists, whose items carry their day and
    // person in the paragraph, as the imported text has them; a table
    // puts them in cells of their own.
    let as_lists =
        filled(&imported.yaml).replace("schedule_layout: table", "schedule_layout: list");
    let docx = render_text(&as_lists, Format::Docx);
    (imported.yaml, docx_paragraphs(&docx), imported.report)
}

fn assert_keeps(source: &str, rendered: &[String], what: &str) {
    let (k, n, missing) = kept(source, rendered);
    assert!(n > 0, "{what}: no sentences");
    assert!(
        k * 100 >= n * 98,
        "{what}: kept {k} of {n} sentences; missing: {missing:#?}"
    );
}

fn fixtures() -> PathBuf {
    repo().join("tests/import")
}

/// Every plan of every file in the fixture folder keeps 98% of its
/// sentences, and so does every plan in the folder UNIONPLAN_SEEDS names,
/// when it names one: real plans as published on the web, which are not
/// the project's to ship. The counts it prints are for a person to check
/// against the files (`cargo test every_plan_of_every_file -- --nocapture`).
#[test]
fn every_plan_of_every_file_keeps_its_sentences() {
    let mut dirs = vec![fixtures()];
    dirs.extend(std::env::var_os("UNIONPLAN_SEEDS").map(PathBuf::from));
    let mut files: Vec<PathBuf> = dirs
        .iter()
        .flat_map(|dir| std::fs::read_dir(dir).unwrap())
        .map(|e| e.unwrap().path())
        .collect();
    assert!(files.len() >= 7, "the fixtures are missing: {files:?}");
    files.sort();
    for file in files {
        let plans = import::list(&file).unwrap();
        for (i, plan) in plans.iter().enumerate() {
            let (_, rendered, report) = round_trip(&file, Some(i + 1));
            let (k, n, missing) = kept(&plan.text, &rendered);
            eprintln!(
                "{} plan {}: kept {k}/{n} sentences ({:.1}%), measures {}/{}, months {}, items {}, unplaced {}",
                file.file_name().unwrap().to_string_lossy(),
                i + 1,
                k as f64 * 100.0 / n as f64,
                report.measures.0,
                report.measures.1,
                report.months,
                report.items,
                report.unplaced,
            );
            for m in &missing {
                eprintln!("    missing: {m}");
            }
            assert!(n > 0, "{}: plan {} has no sentences", file.display(), i + 1);
            assert!(k * 100 >= n * 98, "{}: plan {}", file.display(), i + 1);
        }
    }
}

fn fixture(name: &str) -> PathBuf {
    fixtures().join(name)
}

/// What every import must give: a spec that validates and renders, keeps
/// 98% of the plan's sentences, and carries no web furniture.
fn check(path: &Path, pick: Option<usize>) -> (unionplan::spec::Spec, String, import::Report) {
    let (yaml, rendered, report) = round_trip(path, pick);
    let plans = import::list(path).unwrap();
    assert_keeps(
        &plans[pick.unwrap_or(1) - 1].text,
        &rendered,
        &path.display().to_string(),
    );
    for noise in [
        "小编",
        "下载",
        "推荐度",
        "首页",
        "版权",
        "浏览",
        "精编资料",
        "收益",
    ] {
        assert!(!yaml.contains(noise), "{noise} in\n{yaml}");
    }
    let spec = unionplan::parse_spec(Path::new("imported.yaml"), &filled(&yaml)).unwrap();
    (spec, yaml, report)
}

fn counts(r: &import::Report) -> ((usize, usize), usize, usize) {
    (r.measures, r.months, r.items)
}

#[test]
fn a_web_page_copy_with_two_plans() {
    let path = fixture("hehua-2026-autumn.txt");
    let plans = import::list(&path).unwrap();
    assert_eq!(plans.len(), 2);
    let (spec, yaml, r) = check(&path, None);
    assert_eq!((spec.school.as_str(), spec.year), ("荷花小学", 2026));
    assert_eq!(spec.period, unionplan::spec::Period::Autumn);
    assert_eq!(
        spec.title, None,
        "2026下半年 is the default title's words:\n{yaml}"
    );
    assert_eq!(counts(&r), ((3, 11), 5, 11));
    assert_eq!(r.goals, 3);
    // 1、强化师德师风教育。把师德教育…: title and text.
    let first = &spec.measures[0].items[0];
    assert_eq!(first.title.as_deref(), Some("强化师德师风教育"));
    assert!(first.text.as_deref().unwrap().starts_with("把师德教育"));
    // （1） under 1、 under （一）.
    assert_eq!(spec.measures[1].items[0].items.len(), 3);
    // 十二月：a；b and 一月份工作：a；b；c, inline after the month.
    let months: Vec<Vec<u32>> = spec.schedule.iter().map(|e| e.months.clone()).collect();
    assert_eq!(months, [vec![9], vec![10], vec![11], vec![12], vec![1]]);
    assert_eq!(spec.schedule[4].items.len(), 3);
    assert_eq!(spec.signature.org.as_deref(), Some("荷花小学工会委员会"));
    assert_eq!(
        spec.signature.date,
        chrono::NaiveDate::from_ymd_opt(2026, 8, 25).map(unionplan::spec::SignatureDate::Day)
    );
    assert!(yaml.contains("schedule: 工作安排"), "{yaml}");

    let (second, _, r2) = check(&path, Some(2));
    assert_eq!(r2.measures, (2, 2));
    assert_eq!(second.school, "荷花小学");
    let err = import::import(
        &path,
        &Options {
            pick: Some(3),
            ..options()
        },
    )
    .err()
    .unwrap();
    assert!(err.to_string().contains("一共找到 2 份"), "{err}");
}

#[test]
fn run_on_text_saved_as_gbk() {
    let path = fixture("shuiyuan-2023.txt");
    let (spec, yaml, r) = check(&path, None);
    assert_eq!(
        (spec.school.as_str(), spec.year),
        ("水源镇中心幼儿园", 2023)
    );
    assert_eq!(counts(&r), ((3, 10), 5, 7));
    assert!(yaml.contains("guiding_principles: 总体要求"), "{yaml}");
    assert!(yaml.contains("measures: 工作任务"), "{yaml}");
    assert_eq!(spec.schedule.last().unwrap().months, [7, 8]);

    // The same text as Chinese Windows saves it.
    let dir = tempfile::tempdir().unwrap();
    let gbk = dir.path().join("shuiyuan-2023.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable);
    std::fs::write(&gbk, &bytes).unwrap();
    let imported = import::import(&gbk, &options()).unwrap();
    assert_eq!(imported.report.encoding, Some("GBK/GB18030"));
    assert_eq!(imported.yaml, yaml);
}

#[test]
fn markdown_with_lists_and_a_school_year() {
    let (spec, yaml, r) = check(&fixture("lanting-2025-school-year.md"), None);
    assert_eq!((spec.school.as_str(), spec.year), ("兰亭中学", 2025));
    assert_eq!(spec.period, unionplan::spec::Period::SchoolYear);
    assert_eq!(spec.title, None);
    assert_eq!(counts(&r), ((2, 8), 4, 6));
    assert!(spec.intro.is_some());
    let item = &spec.schedule[0].items[1];
    assert_eq!(item.date, chrono::NaiveDate::from_ymd_opt(2025, 9, 10));
    assert_eq!(item.owner.as_deref(), Some("工会主席"));
    assert!(
        yaml.contains("goals: 总体目标") && yaml.contains("schedule: 行事历"),
        "{yaml}"
    );
}

#[test]
fn a_saved_web_page() {
    let (spec, _, r) = check(&fixture("meilin-2024.html"), None);
    assert_eq!((spec.school.as_str(), spec.year), ("梅林实验学校", 2024));
    assert_eq!(counts(&r), ((3, 5), 4, 7));
    // 1．加强政治引领。组织…: full-width point, title and text.
    assert_eq!(spec.measures[0].title.as_deref(), Some("加强政治引领"));
    // 3月份:1、…2、… on one line.
    assert_eq!(spec.schedule[1].items.len(), 2);
}

/// The project's own outputs come back as the spec they were made from.
#[test]
fn own_renderings_round_trip() {
    let original = unionplan::load_spec(&example("qingxi-2025.yaml")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    for (format, ext) in [
        (Format::Docx, "docx"),
        (Format::Markdown, "md"),
        (Format::Html, "html"),
    ] {
        let path = dir.path().join(format!("qingxi-2025.{ext}"));
        std::fs::write(&path, render_file(&example("qingxi-2025.yaml"), format)).unwrap();
        let (spec, yaml, _) = check(&path, None);
        assert_eq!(
            (spec.school.as_str(), spec.year, spec.period),
            ("青溪路小学", 2025, original.period),
            "{ext}"
        );
        assert_eq!(spec.title, None, "{ext}");
        assert_eq!(spec.intro, original.intro, "{ext}");
        assert_eq!(
            spec.guiding_principles,
            original.guiding_principles.trim_end(),
            "{ext}"
        );
        let shape = |ms: &[unionplan::spec::Measure]| -> Vec<(bool, usize)> {
            ms.iter()
                .map(|m| (m.title.is_some(), m.items.len()))
                .collect()
        };
        assert_eq!(
            shape(&spec.measures),
            shape(&original.measures),
            "{ext}:\n{yaml}"
        );
        assert_eq!(spec.schedule, original.schedule, "{ext}:\n{yaml}");
        assert_eq!(spec.signature, original.signature, "{ext}");
    }
}

/// A Word file whose headings use Word's own numbering (the numbers are
/// not in the text), as most plans typed in Word do.
#[test]
fn word_automatic_numbering() {
    use docx_rs::*;
    let level = |i: usize, format: &str, text: &str| {
        Level::new(
            i,
            Start::new(1),
            NumberFormat::new(format),
            LevelText::new(text),
            LevelJc::new("left"),
        )
    };
    let para = |text: &str, level: Option<usize>| {
        let p = Paragraph::new().add_run(Run::new().add_text(text));
        match level {
            Some(l) => p.numbering(NumberingId::new(7), IndentLevel::new(l)),
            None => p,
        }
    };
    let doc = Docx::new()
        .add_abstract_numbering(
            AbstractNumbering::new(7)
                .add_level(level(0, "chineseCounting", "%1、"))
                .add_level(level(1, "chineseCounting", "（%2）"))
                .add_level(level(2, "decimal", "%3."))
                .add_level(level(3, "decimalEnclosedCircle", "%4")),
        )
        .add_numbering(Numbering::new(7, 7))
        .add_paragraph(para("石桥小学2025年工会工作计划", None))
        .add_paragraph(para("指导思想", Some(0)))
        .add_paragraph(para("以教职工为本，建设教职工信赖的教工之家。", None))
        .add_paragraph(para("主要工作", Some(0)))
        .add_paragraph(para("关心教职工生活", Some(1)))
        .add_paragraph(para("做好送温暖工作。逢年过节走访困难教职工。", Some(2)))
        .add_paragraph(para("坚持生日慰问。", Some(2)))
        .add_paragraph(para("教职工生日当天送上贺卡。", Some(3)))
        .add_paragraph(para("丰富文体生活", Some(1)))
        .add_paragraph(para("组建教工合唱团。", Some(2)))
        .add_paragraph(para("工作安排", Some(0)))
        .add_paragraph(para("三月：三八节庆祝活动；教代会", None))
        .add_paragraph(para("四月：春季运动会", None))
        .add_paragraph(para("石桥小学工会委员会", None))
        .add_paragraph(para("二〇二五年二月二十日", None));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("石桥小学工会计划.docx");
    let mut bytes = Vec::new();
    doc.build().pack(std::io::Cursor::new(&mut bytes)).unwrap();
    std::fs::write(&path, bytes).unwrap();
    let (spec, yaml, r) = check(&path, None);
    assert_eq!((spec.school.as_str(), spec.year), ("石桥小学", 2025));
    assert_eq!(counts(&r), ((2, 6), 2, 3), "{yaml}");
    assert_eq!(spec.measures[0].items[1].items.len(), 1, "{yaml}");
    assert_eq!(
        spec.signature.date,
        chrono::NaiveDate::from_ymd_opt(2025, 2, 20).map(unionplan::spec::SignatureDate::Day)
    );
}

/// As a user runs it: import, then validate and render what was written.
#[test]
fn command_line_import_then_render() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("去年的计划.txt");
    std::fs::copy(fixture("hehua-2026-autumn.txt"), &src).unwrap();

    let o = unionplan(dir.path(), &["import", "去年的计划.txt", "--list"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let listed = String::from_utf8_lossy(&o.stdout).to_string();
    assert!(
        listed.starts_with("1. 荷花小学2026下半年工会工作计划"),
        "{listed}"
    );
    assert_eq!(listed.lines().count(), 2);
    assert!(!dir.path().join("hehua.yaml").exists());

    let o = unionplan(
        dir.path(),
        &["import", "去年的计划.txt", "-o", "hehua.yaml"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let report = stderr(&o);
    for words in [
        "找到 2 份计划",
        "学校“荷花小学”",
        "主要工作 3 项",
        "工作安排 5 个月 11 项",
        "已写好 hehua.yaml",
    ] {
        assert!(report.contains(words), "{words}: {report}");
    }
    let o = unionplan(dir.path(), &["validate", "hehua.yaml"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = unionplan(dir.path(), &["render", "hehua.yaml", "-f", "docx"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(dir.path().join("out/hehua.docx").is_file());

    // An existing spec is not replaced without --force, and is left as it was.
    std::fs::write(dir.path().join("hehua.yaml"), "我改过的内容\n").unwrap();
    let second = |force: &[&str]| {
        let args = [
            &[
                "import",
                "去年的计划.txt",
                "--pick",
                "2",
                "-o",
                "hehua.yaml",
            ],
            force,
        ]
        .concat();
        unionplan(dir.path(), &args)
    };
    assert!(!second(&[]).status.success());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("hehua.yaml")).unwrap(),
        "我改过的内容\n"
    );
    let o = second(&["--force"]);
    assert!(o.status.success(), "{}", stderr(&o));

    // Without -o the spec goes to standard output; Chinese keys on request.
    let o = unionplan(dir.path(), &["import", "去年的计划.txt", "--zh"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let yaml = String::from_utf8(o.stdout).unwrap();
    assert!(
        yaml.contains("\n学校: 荷花小学\n") && yaml.contains("\n主要工作:\n"),
        "{yaml}"
    );
    assert!(yaml.contains("期间: 下半年"), "{yaml}");
    unionplan::parse_spec(Path::new("zh.yaml"), &yaml).unwrap();
}

#[test]
fn what_cannot_be_imported_is_said_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8], &str); 3] = [
        (
            "旧计划.doc",
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest",
            "另存为",
        ),
        ("乱码.txt", b"\x80\x80\xFF\xFE\xFF", "编码"),
        (
            "购物清单.txt",
            "牛奶\n面包\n鸡蛋\n".as_bytes(),
            "没有找到工作计划",
        ),
    ];
    for (name, bytes, words) in cases {
        std::fs::write(dir.path().join(name), bytes).unwrap();
        let o = unionplan(dir.path(), &["import", name, "-o", "out.yaml"]);
        assert_eq!(o.status.code(), Some(1), "{name}");
        let err = stderr(&o);
        assert!(err.contains(name) && err.contains(words), "{name}: {err}");
        assert!(!dir.path().join("out.yaml").exists());
    }
}

/// Guesses are marked where they are made, and nothing is dropped silently.
#[test]
fn guesses_are_marked_and_leftovers_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.txt");
    std::fs::write(
        &path,
        "20xx年学校工会工作计划\n\
         学校工会围绕中心工作，服务教职工。\n\
         一、关心教职工\n1、走访慰问。\n\
         具体工作安排\n这学期的安排如下。\n三月：教代会\n\
         附：工会委员名单另发。\n",
    )
    .unwrap();
    let imported = import::import(&path, &options()).unwrap();
    let yaml = &imported.yaml;
    // No school, a 20xx year, no 指导思想 heading: each is marked.
    assert!(
        yaml.contains("# 请核对：原标题“20xx年学校工会工作计划”里没有学校名称"),
        "{yaml}"
    );
    assert!(
        yaml.contains("# 请核对：原文年份写作“20xx”，这里先填了 2025"),
        "{yaml}"
    );
    assert!(yaml.contains("# 请核对：原文没有“指导思想”标题"), "{yaml}");
    // Text before the first month has no place in a spec: kept as a
    // comment, in the block at the end.
    assert!(
        yaml.contains("\n# 未归类的原文\n# 原文里有下面这 1 段文字")
            && yaml.ends_with("#   - 这学期的安排如下。\n"),
        "{yaml}"
    );
    assert_eq!(imported.report.unplaced, 1);
    assert_eq!(imported.report.items, 2, "{yaml}");
    assert!(
        !yaml.contains("\ntitle:"),
        "a 20xx title is not kept:\n{yaml}"
    );
    // It validates but for the school left to fill, which is refused by
    // name until it is.
    let err = unionplan::parse_spec(Path::new("plan.yaml"), yaml).unwrap_err();
    let codes: Vec<_> = err.problems().iter().map(|d| d.code).collect();
    assert_eq!(codes, ["import_placeholder_left"]);
    let filled = yaml.replace("（请填写学校名称）", "青山小学");
    unionplan::parse_spec(Path::new("plan.yaml"), &filled).unwrap();
}

/// A plan of its own, with `head` above it, written where the tests can
/// import it.
fn plan_file(dir: &Path, name: &str, head: &str, tail: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(
        &path,
        format!(
            "{head}一、指导思想\n以教职工为本，建设教职工信赖的教工之家。\n\
             二、主要工作\n1、关心教职工生活。逢年过节走访困难教职工。\n\
             三、工作安排\n三月：召开教代会\n四月：春季运动会\n{tail}"
        ),
    )
    .unwrap();
    path
}

/// 范文 pages head each plan with the collection's words (篇一：…范文):
/// school, year and period come from the plan's own title under them.
#[test]
fn a_collection_heading_above_the_title_is_not_the_plans() {
    let dir = tempfile::tempdir().unwrap();
    for (i, heading) in [
        "篇一：小学工会工作计划范文",
        "篇一：学校工会工作计划",
        "篇一",
        "第一篇：小学工会工作计划",
        "【第一篇】2023年学校工会工作计划",
        "第1篇：2023学年第一学期工会工作计划",
        "范文一：小学工会工作计划",
        "2023年小学工会工作计划篇一",
        "篇二：2023年小学工会工作计划范文",
    ]
    .iter()
    .enumerate()
    {
        let path = plan_file(
            dir.path(),
            &format!("{i}.txt"),
            &format!("{heading}\n青山小学2024下半年工会工作计划\n"),
            "",
        );
        let (spec, yaml, r) = check(&path, None);
        assert_eq!(
            (spec.school.as_str(), spec.year, spec.period),
            ("青山小学", 2024, unionplan::spec::Period::Autumn),
            "{heading}:\n{yaml}"
        );
        assert_eq!(r.title, "青山小学2024下半年工会工作计划", "{heading}");
        assert_eq!(spec.title, None, "{heading}:\n{yaml}");
        assert!(
            spec.intro.is_none() && r.notes.is_empty(),
            "{heading}:\n{yaml}"
        );
    }

    // The marks split a page into its plans; a plan with no title of its
    // own is named by the collection's words, without the site's 范文.
    let path = dir.path().join("page.txt");
    std::fs::write(
        &path,
        "小学工会工作计划范文（精选2篇）\n\
         篇一：小学工会工作计划范文\n青山小学2024年工会工作计划\n\
         一、指导思想\n以教职工为本。\n二、主要工作\n1、走访慰问困难教职工。\n\
         篇二：2023年小学工会工作计划范文\n\
         一、指导思想\n服务教职工。\n二、主要工作\n1、组织教职工春季运动会。\n",
    )
    .unwrap();
    let titles: Vec<_> = import::list(&path)
        .unwrap()
        .into_iter()
        .map(|f| f.title.unwrap_or_default())
        .collect();
    assert_eq!(
        titles,
        ["青山小学2024年工会工作计划", "2023年小学工会工作计划"]
    );
    let second = import::import(
        &path,
        &Options {
            pick: Some(2),
            ..options()
        },
    )
    .unwrap();
    assert_eq!(second.report.year, 2023);
    assert!(!second.yaml.contains("范文"), "{}", second.yaml);
}

/// A 落款 dated by its month only is the signature still, and its date is
/// never made up: not a day, not the day of the import.
#[test]
fn a_signature_without_its_day() {
    let dir = tempfile::tempdir().unwrap();
    let path = plan_file(
        dir.path(),
        "plan.txt",
        "青山小学2025年工会工作计划\n",
        "青山小学工会委员会\n2025年2月\n",
    );
    let (spec, yaml, r) = check(&path, None);
    assert_eq!(spec.signature.org.as_deref(), Some("青山小学工会委员会"));
    // Kept as given: a month, never completed with a day or today's date.
    assert_eq!(
        spec.signature.date,
        Some(unionplan::spec::SignatureDate::Month {
            year: 2025,
            month: 2
        }),
        "{yaml}"
    );
    assert!(yaml.contains("  date: 2025年2月\n"), "{yaml}");
    assert!(r.signature);
    assert_eq!(
        (r.months, r.items),
        (2, 2),
        "the 落款 is not in the schedule:\n{yaml}"
    );
    assert!(r.notes.is_empty(), "{:?}", r.notes);
    let md = unionplan::parse_spec(Path::new("p.yaml"), &yaml)
        .map(|s| pipeline().markdown(&s).unwrap())
        .unwrap();
    assert!(md.contains("青山小学工会委员会\n\n2025年2月\n"), "{md}");
}

/// `"三八"妇女节` typed with straight quotes reads as Chinese writes it;
/// quotes around Latin letters or digits stay.
#[test]
fn straight_quotes_around_chinese_become_chinese_quotes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.txt");
    std::fs::write(
        &path,
        "青山小学2025年工会工作计划\n一、指导思想\n坚持\"依法维权、关爱教工\"的思路。\n\
         二、主要工作\n1、开展\"教工之家\"建设。按\"A\"级标准验收。\n\
         三、工作安排\n三月：\"三八\"妇女节活动\n",
    )
    .unwrap();
    let (spec, yaml, r) = check(&path, None);
    assert_eq!(spec.guiding_principles, "坚持“依法维权、关爱教工”的思路。");
    assert_eq!(
        spec.measures[0].title.as_deref(),
        Some("开展“教工之家”建设")
    );
    assert_eq!(
        spec.measures[0].text.as_deref(),
        Some("按\"A\"级标准验收。"),
        "{yaml}"
    );
    assert_eq!(spec.schedule[0].items[0].text, "“三八”妇女节活动");
    assert_eq!(r.punctuation, 6);
}

/// `25年8月28日`: a two-digit year is the plan's century where that is
/// plain, and otherwise left to the user, marked; the import succeeds.
#[test]
fn a_two_digit_year_in_the_signature() {
    let dir = tempfile::tempdir().unwrap();
    let signed = |title: &str, date: &str| {
        let path = plan_file(
            dir.path(),
            "plan.txt",
            &format!("{title}\n"),
            &format!("青山小学工会委员会\n{date}\n"),
        );
        check(&path, None)
    };
    for (title, date, expected) in [
        ("青山小学2025年工会工作计划", "25年8月28日", (2025, 8, 28)),
        ("青山小学2026年工会工作计划", "25年12月28日", (2025, 12, 28)),
        (
            "青山小学2025年工会工作计划",
            "二五年二月十八日",
            (2025, 2, 18),
        ),
    ] {
        let (spec, yaml, r) = signed(title, date);
        let (y, m, d) = expected;
        assert_eq!(
            spec.signature.date,
            chrono::NaiveDate::from_ymd_opt(y, m, d).map(unionplan::spec::SignatureDate::Day),
            "{date}:\n{yaml}"
        );
        assert_eq!(spec.signature.org.as_deref(), Some("青山小学工会委员会"));
        assert!(r.notes.is_empty(), "{date}: {:?}", r.notes);
    }
    for (date, words) in [
        ("18年8月28日", "年份只写了两位，和计划的 2025 年对不上"),
        ("2025年2月30日", "没有这一天"),
        // Year 25 of the common era is a date chrono holds, but no plan's.
        ("0025年1月1日", "没有这一天"),
    ] {
        let (spec, yaml, r) = signed("青山小学2025年工会工作计划", date);
        assert_eq!(spec.signature.date, None, "{date}:\n{yaml}");
        assert_eq!(spec.signature.org.as_deref(), Some("青山小学工会委员会"));
        assert!(
            yaml.contains(&format!("# 请核对：原文落款日期写作“{date}”，{words}")),
            "{date}:\n{yaml}"
        );
        assert_eq!((r.months, r.items), (2, 2), "{date}:\n{yaml}");
    }
    // A year no plan has (1930) is not taken for the plan's.
    let (spec, yaml, _) = signed("青山小学1930年工会工作计划", "2025年2月20日");
    assert_eq!(spec.year, 2025, "{yaml}");
}

/// 行事历 kept as a table in Word or on a web page: month, items, and the
/// person responsible from its column.
#[test]
fn schedule_tables() {
    use docx_rs::*;
    let cell =
        |t: &str| TableCell::new().add_paragraph(Paragraph::new().add_run(Run::new().add_text(t)));
    let row = |cells: [&str; 3]| TableRow::new(cells.iter().map(|c| cell(c)).collect());
    let para = |t: &str| Paragraph::new().add_run(Run::new().add_text(t));
    let doc = Docx::new()
        .add_paragraph(para("柳岸小学2026年工会工作计划"))
        .add_paragraph(para("一、指导思想"))
        .add_paragraph(para("围绕学校中心工作，服务教职工。"))
        .add_paragraph(para("二、主要工作"))
        .add_paragraph(para("1、做好教职工慰问。"))
        .add_paragraph(para("三、工作安排"))
        .add_table(Table::new(vec![
            row(["月份", "工作内容", "负责人"]),
            row(["二月", "制定工会工作计划", "工会主席"]),
            row(["三月", "三八节女教职工活动", "女工委员"]),
            row(["四月", "春季运动会", ""]),
        ]));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("liuan.docx");
    let mut bytes = Vec::new();
    doc.build().pack(std::io::Cursor::new(&mut bytes)).unwrap();
    std::fs::write(&path, bytes).unwrap();
    let (spec, yaml, r) = check(&path, None);
    assert_eq!((r.months, r.items, r.unplaced), (3, 3, 0), "{yaml}");
    assert_eq!(spec.schedule[1].items[0].owner.as_deref(), Some("女工委员"));
    assert_eq!(spec.schedule[2].items[0].owner, None);
    // A plan kept its schedule as a table: so does the spec.
    assert_eq!(spec.style.schedule_layout, ScheduleLayout::Table, "{yaml}");

    let page = "<html><body><h1>柳岸小学2026年工会工作计划</h1><p>一、指导思想</p><p>服务教职工。</p>\
        <p>二、主要工作</p><p>1、做好慰问。</p><p>三、行事历</p>\
        <table><tr><th>时间</th><th>内容</th></tr><tr><td>九月</td><td>庆祝教师节</td></tr>\
        <tr><td>十月</td><td><p>登山活动</p><p>重阳节慰问</p></td></tr></table></body></html>";
    let path = dir.path().join("liuan.html");
    std::fs::write(&path, page).unwrap();
    let (spec, _, r) = check(&path, None);
    assert_eq!((r.months, r.items, r.unplaced), (2, 3, 0));
    assert_eq!(spec.schedule[1].items[1].text, "重阳节慰问");
    assert_eq!(spec.style.schedule_layout, ScheduleLayout::Table);
}

/// unionplan's own table, in each of its formats, imports back to the
/// same schedule, days and people included, and keeps the table layout;
/// in Chinese keys too.
#[test]
fn our_own_schedule_table_imports_back() {
    let dir = tempfile::tempdir().unwrap();
    let spec_path = dir.path().join("table.yaml");
    let yaml = format!("{TABLE_SPEC}style:\n  schedule_layout: table\n");
    std::fs::write(&spec_path, &yaml).unwrap();
    let original = unionplan::parse_spec(&spec_path, &yaml).unwrap();
    for format in Format::ALL {
        let path = dir.path().join(format!("table.{}", format.extension()));
        std::fs::write(&path, render_file(&spec_path, format)).unwrap();
        for zh in [false, true] {
            let imported = import::import(&path, &Options { zh, ..options() }).unwrap();
            let spec = unionplan::parse_spec(Path::new("back.yaml"), &imported.yaml)
                .unwrap_or_else(|e| panic!("{format}: {e}\n{}", imported.yaml));
            assert_eq!(
                spec.schedule, original.schedule,
                "{format}\n{}",
                imported.yaml
            );
            assert_eq!(spec.style.schedule_layout, ScheduleLayout::Table);
            let key = if zh {
                "工作安排版式: 表格"
            } else {
                "schedule_layout: table"
            };
            assert!(imported.yaml.contains(key), "{}", imported.yaml);
        }
    }
}

/// A schedule whose items have days and people, some shared and some not.
const TABLE_SPEC: &str = "school: 柳岸小学\nyear: 2026\nguiding_principles: 服务教职工。\nmeasures: [做好慰问。]\nschedule:\n  - month: 3\n    items:\n      - {text: 三八节活动, date: 2026-03-06, owner: 女工委员}\n      - 植树活动\n      - {text: 教代会, owner: 工会主席}\n  - months: [7, 8]\n    items:\n      - {text: 暑期慰问, owner: 工会主席}\n      - {text: 疗休养, owner: 工会主席}\n  - month: 9\n    items: [教师节慰问]\nsignature: {date: 2026-02-20}\n";

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

    /// Any mix of the pieces plans are made of (numbering, months, section
    /// words, dates, noise, punctuation, spaces) imports without a panic,
    /// and what it writes always validates: the import checks its own
    /// output, so an invalid spec would be an error here.
    #[test]
    fn any_mix_of_plan_pieces_imports_to_a_valid_spec(
        pieces in proptest::collection::vec(proptest::sample::select(vec![
            "一、", "二、", "三、", "六、", "（一）", "(二)", "1、", "2.", "3．", "（1）", "①",
            "指导思想", "总体要求：", "工作目标", "主要工作", "工作任务：", "具体工作安排", "行事历",
            "二月：", "三月份", "3月份:", "七、八月：", "7月8月份:", "一月份工作：", "十二月",
            "3月8日", "3、8妇女节", "2025年2月20日", "2017下半年", "20xx年", "2025学年",
            "学校工会工作计划篇一", "【第二篇】", "礼河小学工会委员会", "下载文档", "精编资料,供您参考",
            "25年8月28日", "2025年2月", "二五年八月", "2025年2月30日", "1930年", "0025年1月1日",
            "篇一：", "范文二", "\"三八\"", "“三八”",
            "【篇三】", "计划4", "小学工会工作计划2", "2025年工会工作行事历", "工作安排表", "1 .", "2 ．",
            "（5月31日）", "9月10日前", "3月上旬", "（负责：工会主席）", "201\\_年", "xxxx年", "20××学年",
            "委员会2025、2工会", "怎么写？", "希望对大家有所帮助。", "★★★",
            "组织教职工学习。", "开展活动；", "召开教代会", "，", "。", "：", "*", "_", "#", "- ",
            "\n", "\n", "\n", "   ", "<b>", "\"", "'", "{{", "}}", "\\",
        ]), 1..60),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.txt");
        std::fs::write(&path, pieces.concat()).unwrap();
        if let Err(e) = import::import(&path, &options()) {
            let text = e.to_string();
            proptest::prop_assert!(text.contains("没有找到工作计划"), "{}\n{}", pieces.concat(), text);
        }
    }
}

/// Files built to break a reader: nesting 100,000 deep (which overflowed
/// the stack, or made the HTML parser crawl) and a Word part that inflates
/// from kilobytes to 80 MB. Each is refused with a message naming it.
#[test]
fn hostile_nesting_and_inflating_parts_are_refused() {
    use std::io::Write as _;
    let dir = tempfile::tempdir().unwrap();
    let n = 100_000;
    std::fs::write(
        dir.path().join("deep.html"),
        format!(
            "<html><body>{}文字{}</body></html>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        ),
    )
    .unwrap();
    let docx = |name: &str, body: &str| {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default();
        zip.start_file("word/document.xml", opts).unwrap();
        zip.write_all(body.as_bytes()).unwrap();
        std::fs::write(dir.path().join(name), zip.finish().unwrap().into_inner()).unwrap();
    };
    let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
    docx(
        "deep.docx",
        &format!(
            "<w:document {w}><w:body>{}<w:p/>{}</w:body></w:document>",
            "<w:sdt><w:sdtContent>".repeat(n / 2),
            "</w:sdtContent></w:sdt>".repeat(n / 2)
        ),
    );
    docx(
        "bomb.docx",
        &format!(
            "<w:document {w}><w:body><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:body></w:document>",
            "a".repeat(80 << 20)
        ),
    );
    assert!(
        std::fs::metadata(dir.path().join("bomb.docx"))
            .unwrap()
            .len()
            < 1 << 20
    );
    for (file, words) in [
        ("deep.html", "超过了 1000 层"),
        ("deep.docx", "超过了 1000 层"),
        ("bomb.docx", "解压后超过 64 MB"),
    ] {
        let o = unionplan(dir.path(), &["import", file]);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{file}: {err}");
        assert!(err.contains(file) && err.contains(words), "{file}: {err}");
    }
}

/// A Word file whose parts share one stream of its zip (a zip bomb's
/// trick: entries of a few bytes each that all inflate the same data) is
/// refused before it is inflated.
#[test]
fn a_word_file_whose_parts_share_their_data_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
    let document = format!(
        "<w:document {w}><w:body><w:p><w:r><w:t>青山小学2025年工会工作计划</w:t></w:r></w:p></w:body></w:document>"
    );
    let entries = [("word/document.xml".to_string(), document.into_bytes())];
    std::fs::write(
        dir.path().join("shared.docx"),
        raw_zip(&entries, &[("word/numbering.xml", "word/document.xml")]),
    )
    .unwrap();
    let o = unionplan(
        dir.path(),
        &["--message-format", "json", "import", "shared.docx"],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    let v: serde_json::Value = serde_json::from_str(err.trim()).unwrap_or_else(|_| panic!("{err}"));
    assert_eq!(v["code"], "import_docx_overlapping", "{err}");
}

/// Control characters copied along with text (a terminal's colour codes, a
/// bell) are taken out and counted; the import no longer fails its own
/// check ("这是 unionplan 的问题").
#[test]
fn control_characters_in_an_old_plan_are_taken_out() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("cc.txt"),
        "青山小学2025年工会工作计划\n一、指导思想\n以\u{1}新思想为指导\u{1b}。\n二、主要工作\n1、做好工作\u{7}。\n",
    )
    .unwrap();
    let o = unionplan(dir.path(), &["import", "cc.txt", "-o", "p.yaml"]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    assert!(err.contains("去掉了看不见的控制字符 3 个"), "{err}");
    let spec = unionplan::load_spec(&dir.path().join("p.yaml")).unwrap();
    assert_eq!(spec.guiding_principles, "以新思想为指导。");
}

/// A Word file at `path` whose `w:body` holds `body`.
fn word_file(path: &Path, body: &str) {
    use std::io::Write as _;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    write!(
        zip,
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
         xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">\
         <w:body>{body}</w:body></w:document>"
    )
    .unwrap();
    std::fs::write(path, zip.finish().unwrap().into_inner()).unwrap();
}

/// Footnotes and content embedded in another format are not imported;
/// the report says so, and so does the spec, where the user checks it.
#[test]
fn footnotes_and_embedded_chunks_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let p = |t: &str| format!("<w:p><w:r><w:t>{t}</w:t></w:r></w:p>");
    let body = [
        p("青山小学2025年工会工作计划"),
        p("一、指导思想"),
        "<w:p><w:r><w:t>以教职工为本</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r><w:r><w:t>。</w:t></w:r></w:p>".into(),
        p("二、主要工作"),
        p("1、做好送温暖工作。"),
        "<w:altChunk r:id=\"rId8\"/>".into(),
    ]
    .concat();
    word_file(&dir.path().join("plan.docx"), &body);
    let o = unionplan(dir.path(), &["import", "plan.docx", "-o", "p.yaml"]);
    let err = stderr(&o);
    assert!(o.status.success(), "{err}");
    for line in [
        "  原文有脚注或尾注 1 处，没有导入，需要的请对照原文补上",
        "  原文有 1 处以别的格式嵌在文件里的内容（比如整段粘贴进来的网页），没有导入，请对照原文补上",
    ] {
        assert!(err.lines().any(|l| l == line), "{line}\n{err}");
    }
    let yaml = std::fs::read_to_string(dir.path().join("p.yaml")).unwrap();
    assert!(
        yaml.contains("\n# 请核对：原文有脚注或尾注 1 处，没有导入")
            && yaml.contains("\n# 请核对：原文有 1 处以别的格式嵌在文件里的内容"),
        "{yaml}"
    );
}

/// A file name as import shows it: control characters as their symbols
/// (ESC as ␛), line and paragraph separators and the controls that turn
/// text around as `\u{…}`.
fn shown_name(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            '\u{7f}' => "␡".to_string(),
            c if (c as u32) < 0x20 => char::from_u32(0x2400 + c as u32).unwrap().to_string(),
            '\u{2028}' | '\u{2029}' | '\u{202e}' | '\u{2066}' => format!("\\u{{{:x}}}", c as u32),
            c => c.to_string(),
        })
        .collect()
}

/// A file whose name holds an escape, a DEL, a line separator, a
/// right-to-left override or a line break is imported, or refused, like
/// any other: its name is shown safely in every line printed and in the
/// spec's comments, which stay comments, never as a failure of
/// unionplan's own or a line the name made up.
#[test]
fn file_names_with_control_characters_are_shown_safely() {
    let dir = tempfile::tempdir().unwrap();
    let plan = "青山小学2025年工会工作计划\n一、指导思想\n以教职工为本。\n二、主要工作\n1、做好送温暖工作。\n";
    let run = |name: &str, text: &str| {
        std::fs::write(dir.path().join(name), text).unwrap();
        let _ = std::fs::remove_file(dir.path().join("p.yaml"));
        let o = unionplan(dir.path(), &["import", name, "-o", "p.yaml"]);
        let yaml = std::fs::read_to_string(dir.path().join("p.yaml")).ok();
        (o.status.code(), stderr(&o), yaml)
    };
    let (code, plain_err, plain_yaml) = run("plain.txt", plan);
    assert_eq!(code, Some(0), "{plain_err}");
    let plain_yaml = plain_yaml.unwrap();
    for name in [
        "甲\u{1b}[2J乙.txt",
        "甲\u{7f}乙.txt",
        "甲\u{2028}乙.txt",
        "甲\u{202e}乙.txt",
        "甲\n错误：乙.txt",
    ] {
        let shown = shown_name(name);
        let (code, err, yaml) = run(name, plan);
        assert_eq!(code, Some(0), "{name:?}: {err}");
        assert_eq!(err, plain_err.replace("plain.txt", &shown), "{name:?}");
        assert_eq!(yaml.unwrap(), plain_yaml.replace("plain.txt", &shown));
    }
    // A school named by the file name only is taken without what is
    // hidden in the name.
    let untitled = plan.replace("青山小学2025", "2025");
    for name in ["青山\u{1b}小学.txt", "青山\u{2028}小学.txt"] {
        let (code, err, yaml) = run(name, &untitled);
        assert_eq!(code, Some(0), "{name:?}: {err}");
        let yaml = yaml.unwrap();
        assert!(yaml.contains("\nschool: 青山小学\n"), "{yaml}");
        assert!(
            err.starts_with(&format!("已读取 {}（", shown_name(name))),
            "{err}"
        );
    }
    // Refused, the name is shown the same way, in one line.
    let (code, plain_err, _) = run("plain.txt", "牛奶\n面包\n");
    assert_eq!(code, Some(1), "{plain_err}");
    for name in ["甲\n错误：乙.txt", "甲\u{1b}[2J乙\u{2028}.txt"] {
        let (code, err, yaml) = run(name, "牛奶\n面包\n");
        assert_eq!(code, Some(1), "{name:?}: {err}");
        assert_eq!(
            err,
            plain_err.replace("plain.txt", &shown_name(name)),
            "{name:?}"
        );
        assert_eq!(err.lines().filter(|l| l.starts_with("错误")).count(), 1);
        assert!(yaml.is_none());
    }
}

/// Every picked plan of `path`, imported and checked.
fn pick(path: &Path, n: usize) -> (unionplan::spec::Spec, String, import::Report) {
    check(path, Some(n))
}

/// A 范文 page of five plans (【篇一】…【篇五】) that share sentences, under
/// the site's blurb: each pick is that plan alone, and a sentence one plan
/// shares with an earlier one is still its own.
#[test]
fn a_page_of_five_plans_sharing_sentences() {
    let path = fixture("xiaoxue-five.txt");
    let plans = import::list(&path).unwrap();
    let shapes: Vec<(usize, usize)> = plans.iter().map(|p| (p.measures, p.months)).collect();
    assert_eq!(shapes, [(3, 3), (3, 2), (3, 2), (3, 2), (3, 4)]);
    assert!(
        plans
            .iter()
            .all(|p| p.title.as_deref() == Some("小学工会下半年工作计划")),
        "{plans:#?}"
    );
    for n in 1..=5 {
        let (spec, yaml, r) = pick(&path, n);
        assert_eq!(r.measures, (3, 3), "{n}:\n{yaml}");
        assert_eq!(r.plans.len(), 5);
        // The site's blurb is the page's, not any plan's 前言.
        assert!(spec.intro.is_none(), "{n}:\n{yaml}");
        for furniture in ["怎么写", "温馨提示", "篇一", "【篇", "打分", "分享"] {
            assert!(!yaml.contains(furniture), "{n}: {furniture}\n{yaml}");
        }
        assert!(
            !r.notes.iter().any(|n| n.contains("出现了两次")),
            "{n}: {:?}",
            r.notes
        );
    }
    // 篇二's 指导思想 is 篇一's first paragraph, word for word.
    let (second, yaml, r) = pick(&path, 2);
    assert_eq!(
        second.guiding_principles,
        "本学期学校工会以服务教职工为根本，围绕学校中心工作，发挥好桥梁和纽带作用。",
        "{yaml}"
    );
    assert!(!yaml.contains("请填写指导思想"), "{yaml}");
    assert_eq!(r.guiding, 1);
    // 篇四's goals and first two measures are 篇三's.
    let (fourth, yaml, _) = pick(&path, 4);
    let goals: Vec<String> = match &fourth.goals {
        Some(unionplan::spec::Goals::List(goals)) => goals.iter().map(|g| g.text.clone()).collect(),
        other => panic!("{other:?}\n{yaml}"),
    };
    assert_eq!(
        goals,
        ["女教职工体检全覆盖。", "青年教师结对帮扶率达到百分之百。"],
        "{yaml}"
    );
    assert!(
        fourth.measures[0]
            .text
            .as_deref()
            .unwrap_or_default()
            .starts_with("维护女教职工特殊权益"),
        "{yaml}"
    );
    let (fifth, yaml, r) = pick(&path, 5);
    assert_eq!(r.guiding, 1, "{yaml}");
    assert_eq!(r.goals, 2, "{yaml}");
    assert_eq!(fifth.schedule.len(), 4, "{yaml}");
}

/// A saved 范文 page whose plans are numbered titles (学校工会工作计划1 …
/// 学校工会工作计划5), each with the page's furniture between them.
#[test]
fn a_page_of_numbered_plans() {
    let path = fixture("jihua-five.html");
    let plans = import::list(&path).unwrap();
    let shapes: Vec<(usize, usize)> = plans.iter().map(|p| (p.measures, p.months)).collect();
    assert_eq!(shapes, [(2, 2), (3, 2), (2, 2), (2, 1), (3, 3)]);
    for n in 1..=5 {
        let (spec, yaml, r) = pick(&path, n);
        assert_eq!(r.guiding, 1, "{n}:\n{yaml}");
        assert!(spec.intro.is_none(), "{n}:\n{yaml}");
        for furniture in [
            "怎么写",
            "下载",
            "温馨提示",
            "工作计划1",
            "工作计划2",
            "分享",
        ] {
            assert!(!yaml.contains(furniture), "{n}: {furniture}\n{yaml}");
        }
    }
    // 计划2 and 计划4 open with 计划1's and 计划3's words.
    let (second, yaml, _) = pick(&path, 2);
    assert_eq!(
        second.guiding_principles,
        "学校工会以教职工需求为导向，全心全意为教职工办实事、做好事。"
    );
    assert_eq!(second.measures.len(), 3, "{yaml}");
    let (fourth, yaml, _) = pick(&path, 4);
    assert_eq!(
        fourth.measures[0].text.as_deref(),
        Some("开设教职工心理健康讲座，缓解工作压力。"),
        "{yaml}"
    );
}

/// Title lines above the plan's own title are the page's: the first is kept
/// as the page's title, any other under `# 未归类的原文`, and the report
/// counts it; none is dropped unseen.
#[test]
fn title_lines_that_give_way_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = plan_file(
        dir.path(),
        "plan.txt",
        "学校工会工作计划汇编\n小学工会工作计划精选\n青山小学2024年工会工作计划\n",
        "",
    );
    let (spec, yaml, r) = check(&path, None);
    assert_eq!((spec.school.as_str(), spec.year), ("青山小学", 2024));
    assert!(
        yaml.contains("\n# 网页上的标题：学校工会工作计划汇编\n"),
        "{yaml}"
    );
    assert!(
        yaml.ends_with(
            "# 未归类的原文\n# 原文里有下面这 1 段文字，导入时不知道该放在哪里。\n\
             # 需要的请移到上面合适的位置（去掉行首的 #），不需要的删掉。\n\
             #   - 小学工会工作计划精选\n"
        ),
        "{yaml}"
    );
    assert_eq!(r.unplaced, 1);
    let o = unionplan(dir.path(), &["import", "plan.txt", "-o", "p.yaml"]);
    assert!(
        stderr(&o).contains("  没能归类 1 段，已放在文件末尾“# 未归类的原文”下面，请处理"),
        "{}",
        stderr(&o)
    );
}

/// `2025年工会工作行事历` after the measures starts the schedule, and
/// `1 .参加…` (a space before the point) is the item's number.
#[test]
fn a_schedule_heading_with_its_year_and_spaced_numbers() {
    let (spec, yaml, r) = check(&fixture("songlin-2025.txt"), None);
    assert_eq!(counts(&r), ((3, 3), 5, 10), "{yaml}");
    assert_eq!((r.goals, r.unplaced), (2, 0), "{yaml}");
    assert!(
        yaml.contains("\n  schedule: 2025年工会工作行事历\n"),
        "{yaml}"
    );
    assert!(!yaml.contains(" ."), "{yaml}");
    let last = spec.measures.last().unwrap();
    assert_eq!(
        last.text.as_deref(),
        Some("组织全体教职工体检，开展心理健康讲座。"),
        "{yaml}"
    );
    assert_eq!(spec.schedule[1].items[1].text, "参加区教职工乒乓球比赛。");

    // The heading alone, under numbers written the usual way.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("songlin.txt");
    let text = std::fs::read_to_string(fixture("songlin-2025.txt")).unwrap();
    std::fs::write(&path, text.replace(" .", "、")).unwrap();
    let (usual, yaml, r) = check(&path, None);
    assert_eq!(counts(&r), ((3, 3), 5, 10), "{yaml}");
    assert_eq!(usual.measures, spec.measures);
}

/// A schedule item's text and date, as imported.
fn dated(item: &unionplan::spec::ScheduleItem) -> (&str, Option<String>) {
    (item.text.as_str(), item.date.map(|d| d.to_string()))
}

/// A day named after an item (`（5月31日）`) is its date, which rollover
/// moves; `6月10日前` and `3月上旬` name no one day and stay text, and a day
/// in the item's words (`4月23日：`) stays where the plan wrote it.
#[test]
fn days_in_schedule_items_are_their_dates() {
    let (spec, yaml, _) = check(&fixture("songlin-2025.txt"), None);
    let items = |i: usize| spec.schedule[i].items.iter().map(dated).collect::<Vec<_>>();
    assert_eq!(items(1)[2], ("3月上旬开展学雷锋志愿服务。", None), "{yaml}");
    assert_eq!(
        items(2)[1],
        ("4月23日：世界读书日教师读书分享会。", None),
        "{yaml}"
    );
    assert_eq!(
        items(3)[0],
        ("端午节慰问教职工", Some("2025-05-31".into())),
        "{yaml}"
    );
    assert_eq!(
        items(4)[1],
        ("6月10日前完成工会经费年度报表。", None),
        "{yaml}"
    );
}

/// A Word 行事历 whose days are in its cells: in a 时间 column, or after
/// the work in its own cell; a day the column gives as a range stays text.
#[test]
fn days_in_schedule_table_cells() {
    use docx_rs::*;
    let cell =
        |t: &str| TableCell::new().add_paragraph(Paragraph::new().add_run(Run::new().add_text(t)));
    let row = |cells: [&str; 4]| TableRow::new(cells.iter().map(|c| cell(c)).collect());
    let para = |t: &str| Paragraph::new().add_run(Run::new().add_text(t));
    let doc = Docx::new()
        .add_paragraph(para("柳岸小学2026年下半年工会工作计划"))
        .add_paragraph(para("一、指导思想"))
        .add_paragraph(para("围绕学校中心工作，服务教职工。"))
        .add_paragraph(para("二、主要工作"))
        .add_paragraph(para("1、做好教职工慰问。"))
        .add_paragraph(para("三、工作安排"))
        .add_table(Table::new(vec![
            row(["月份", "工作内容", "时间", "负责人"]),
            row(["九月", "庆祝教师节", "9月10日", "工会主席"]),
            row(["十月", "重阳节看望退休教师", "10月上旬", ""]),
            row(["十一月", "教职工气排球比赛（11月15日）", "", "体育组"]),
            row(["十二月", "工会经费审计", "12月20日前", ""]),
        ]));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("liuan.docx");
    let mut bytes = Vec::new();
    doc.build().pack(std::io::Cursor::new(&mut bytes)).unwrap();
    std::fs::write(&path, bytes).unwrap();
    let (spec, yaml, r) = check(&path, None);
    assert_eq!((r.months, r.items, r.unplaced), (4, 4, 0), "{yaml}");
    let first = |i: usize| {
        let item = &spec.schedule[i].items[0];
        (dated(item), item.owner.as_deref())
    };
    assert_eq!(
        first(0),
        (("庆祝教师节", Some("2026-09-10".into())), Some("工会主席")),
        "{yaml}"
    );
    assert_eq!(first(1), (("重阳节看望退休教师（10月上旬）", None), None));
    assert_eq!(
        first(2),
        (
            ("教职工气排球比赛", Some("2026-11-15".into())),
            Some("体育组")
        ),
        "{yaml}"
    );
    assert_eq!(first(3), (("工会经费审计（12月20日前）", None), None));
}

/// Import `path` as a spec that validates, the text changed as the import
/// says (the sentence check of [`check`] does not apply).
fn imported(path: &Path) -> (unionplan::spec::Spec, String, import::Report) {
    let i = import::import(path, &options()).unwrap();
    let spec = unionplan::parse_spec(Path::new("p.yaml"), &filled(&i.yaml))
        .unwrap_or_else(|e| panic!("{e}\n{}", i.yaml));
    (spec, i.yaml, i.report)
}

/// What a web page makes of a plan's words: `201\_年` (an escape left by
/// the site), `xxxx年` and `20xx年` where the plan's year was blanked, and
/// a title the page ran together.
#[test]
fn years_and_titles_a_web_page_mangled() {
    let dir = tempfile::tempdir().unwrap();
    let body = "一、指导思想\n201\\_年，学校工会以服务教职工为本。\n\
                二、主要工作\n1、xxxx年9月召开教代会。\n2、做好20xx年度会员统计。\n\
                三、工作安排\n三月：召开201\\_年教代会\n";
    let path = dir.path().join("plan.txt");
    std::fs::write(&path, format!("青山小学2025年工会工作计划\n{body}")).unwrap();
    let (spec, yaml, r) = imported(&path);
    assert!(!yaml.contains('\\'), "{yaml}");
    // The plan's year stands in for the blanked one, each place marked.
    assert_eq!(
        spec.guiding_principles,
        "2025年，学校工会以服务教职工为本。"
    );
    assert_eq!(
        spec.measures[0].text.as_deref(),
        Some("2025年9月召开教代会。")
    );
    assert_eq!(
        spec.measures[1].text.as_deref(),
        Some("做好2025年度会员统计。")
    );
    assert_eq!(spec.schedule[0].items[0].text, "召开2025年教代会");
    for (written, before) in [
        ("201_年", "guiding_principles:"),
        ("xxxx年", "measures:"),
        ("20xx年", "measures:"),
        ("201_年", "schedule:"),
    ] {
        let note = format!("# 请核对：原文写作“{written}”，这里改成了计划的年份 2025年\n");
        let at = yaml.find(&note).unwrap_or_else(|| panic!("{note}\n{yaml}"));
        assert!(
            yaml[at..].starts_with(&note) && yaml[at..].contains(before),
            "{yaml}"
        );
    }
    assert_eq!(r.notes.len(), 4, "{:?}", r.notes);

    // With no year to go by, the text stays as written and says so.
    std::fs::write(&path, format!("青山小学20xx年工会工作计划\n{body}")).unwrap();
    let (_, yaml, _) = imported(&path);
    assert!(yaml.contains("做好20xx年度会员统计。"), "{yaml}");
    assert!(
        yaml.contains("# 请核对：原文写作“20xx年”，没有说是哪一年，请改成实际的年份\n"),
        "{yaml}"
    );

    // A title the page ran together is kept, and marked.
    std::fs::write(
        &path,
        format!("大刘中心校工会委员会2025、2工会工作计划\n{body}"),
    )
    .unwrap();
    let (spec, yaml, _) = imported(&path);
    assert_eq!(spec.year, 2025);
    assert!(
        yaml.contains(
            "# 请核对：原标题“大刘中心校工会委员会2025、2工会工作计划”像是网页弄乱了，请对照原文改正\n"
        ),
        "{yaml}"
    );
}

/// The sentences the generated pages' plans are made of: few, so that the
/// plans of one page share many, and each long enough to be taken for a
/// copy were copies looked for across plans.
const GUIDING: &[&str] = &[
    "学校工会以服务教职工为根本，围绕学校中心工作开展各项活动。",
    "工会在学校党支部领导下，团结全体教职工建设和谐校园。",
    "新学期工会将认真落实上级工会的部署，做教职工的贴心人。",
];
const MEASURES: &[&str] = &[
    "加强民主管理，每学期召开一次教代会全体会议。",
    "组织教职工参加区里的健步走活动，增强体质。",
    "做好困难教职工帮扶工作，建立帮扶档案。",
    "开展读书活动，每位教师一学期写一篇读书心得。",
    "办好教工之家，添置健身器材并延长开放时间。",
    "维护女教职工特殊权益，组织女教职工健康讲座。",
];
const ITEMS: &[&str] = &[
    "制定工会工作计划",
    "教职工趣味运动会",
    "慰问退休教师",
    "工会财务公开",
];

/// How a 范文 page marks its plan `n` (from 1): each page keeps one way.
fn plan_mark(style: usize, n: usize) -> String {
    let zh = unionplan::numerals::to_chinese(n as u32);
    match style {
        0 => format!("【篇{zh}】小学工会工作计划"),
        1 => format!("篇{zh}：学校工会工作计划"),
        2 => format!("第{zh}篇"),
        3 => format!("计划{n}"),
        4 => format!("小学工会工作计划{n}"),
        _ => format!("范文{zh}：工会工作计划"),
    }
}

/// One generated plan: its 指导思想, measures and months with one item each.
type GenPlan = (usize, Vec<usize>, Vec<(u32, usize)>);

fn gen_plan() -> impl proptest::strategy::Strategy<Value = GenPlan> {
    use proptest::prelude::*;
    (
        0..GUIDING.len(),
        proptest::sample::subsequence((0..MEASURES.len()).collect::<Vec<_>>(), 1..4).prop_shuffle(),
        proptest::sample::subsequence((2..=12u32).collect::<Vec<_>>(), 1..4)
            .prop_flat_map(|months| {
                let n = months.len();
                (Just(months), proptest::collection::vec(0..ITEMS.len(), n))
            })
            .prop_map(|(months, items)| months.into_iter().zip(items).collect()),
    )
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    /// A 范文 page of two to five plans, marked any way pages mark them,
    /// with or without the page's title and blurb above, whose plans share
    /// sentences: `--list` finds each, and `--pick N` gives plan N whole
    /// and alone, shared sentences and all, with none of the page's words.
    #[test]
    fn a_page_of_several_plans_gives_each_whole(
        plans in proptest::collection::vec(gen_plan(), 2..=5),
        style in 0..6usize,
        preface in proptest::bool::ANY,
    ) {
        use proptest::prop_assert_eq;
        let mut page = String::new();
        if preface {
            page.push_str(&format!(
                "学校工会工作计划（通用{}篇）\n学校工会工作计划怎么写？下面为大家整理了几篇，希望对大家有所帮助。\n",
                plans.len()
            ));
        }
        for (k, (guiding, measures, months)) in plans.iter().enumerate() {
            page.push_str(&plan_mark(style, k + 1));
            page.push_str(&format!("\n一、指导思想\n{}\n二、主要工作\n", GUIDING[*guiding]));
            for (i, m) in measures.iter().enumerate() {
                page.push_str(&format!("{}、{}\n", i + 1, MEASURES[*m]));
            }
            page.push_str("三、工作安排\n");
            for (month, item) in months {
                page.push_str(&format!("{month}月：{}\n", ITEMS[*item]));
            }
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("page.txt");
        std::fs::write(&path, &page).unwrap();
        let found = import::list(&path).unwrap();
        prop_assert_eq!(found.len(), plans.len(), "{}", page);
        for (k, (guiding, measures, months)) in plans.iter().enumerate() {
            let i = import::import(&path, &Options { pick: Some(k + 1), ..options() })
                .unwrap_or_else(|e| panic!("{e}\n{page}"));
            let spec = unionplan::parse_spec(Path::new("p.yaml"), &filled(&i.yaml))
                .unwrap_or_else(|e| panic!("{e}\n{}", i.yaml));
            prop_assert_eq!(&spec.guiding_principles, GUIDING[*guiding], "{}", i.yaml);
            let texts: Vec<String> = spec
                .measures
                .iter()
                .map(|m| m.text.clone().or(m.title.clone()).unwrap_or_default())
                .collect();
            let expected: Vec<&str> = measures.iter().map(|m| MEASURES[*m]).collect();
            prop_assert_eq!(texts.len(), expected.len(), "{}", i.yaml);
            for (text, sentence) in texts.iter().zip(&expected) {
                proptest::prop_assert!(sentence.ends_with(text.as_str()), "{}\n{}", sentence, i.yaml);
            }
            let got: Vec<(Vec<u32>, Vec<String>)> = spec
                .schedule
                .iter()
                .map(|e| (e.months.clone(), e.items.iter().map(|i| i.text.clone()).collect()))
                .collect();
            let want: Vec<(Vec<u32>, Vec<String>)> = months
                .iter()
                .map(|(m, item)| (vec![*m], vec![ITEMS[*item].to_string()]))
                .collect();
            prop_assert_eq!(got, want, "{}", i.yaml);
            prop_assert_eq!((i.report.unplaced, spec.intro), (0, None), "{}", i.yaml);
            for mark in (1..=plans.len()).map(|n| plan_mark(style, n)) {
                let words = mark.split(['：', '】']).next().unwrap().to_string();
                proptest::prop_assert!(!i.yaml.contains(&words), "{}\n{}", words, i.yaml);
            }
            proptest::prop_assert!(!i.yaml.contains("怎么写"), "{}", i.yaml);
        }
    }
}

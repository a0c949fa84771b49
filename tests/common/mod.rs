//! Helpers shared by the integration tests.
#![allow(dead_code)]

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

/// Run the `unionplan` binary in `dir`.
pub fn unionplan(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_unionplan"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A fixed day, so outputs that default to "today" are reproducible.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 3, 1).unwrap()
}

/// Render spec text in one format with the built-in templates.
pub fn render_text(yaml: &str, format: Format) -> Vec<u8> {
    let spec = parse_spec(Path::new("test.yaml"), yaml).unwrap_or_else(|e| panic!("{e}"));
    let pipeline = Pipeline::new(Templates::builtin(), today());
    pipeline.render(&spec, &[format]).unwrap().remove(0).bytes
}

/// Render a spec file (with what it extends) in one format.
pub fn render_file(path: &Path, format: Format) -> Vec<u8> {
    let spec = unionplan::load_spec(path).unwrap_or_else(|e| panic!("{e}"));
    let pipeline = Pipeline::new(Templates::builtin(), today());
    pipeline.render(&spec, &[format]).unwrap().remove(0).bytes
}

/// One part of a DOCX package, as text.
pub fn docx_part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip file");
    let mut part = zip
        .by_name(name)
        .unwrap_or_else(|_| panic!("{name} is in the package"));
    let mut s = String::new();
    part.read_to_string(&mut s).unwrap();
    s
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
        .map(|p| {
            p.descendants()
                .filter(|n| n.has_tag_name((W, "t")))
                .filter_map(|t| t.text())
                .collect::<String>()
        })
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

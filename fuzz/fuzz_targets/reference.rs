//! Fuzz the school's Word template (参考文档) with arbitrary bytes as the
//! DOCX: a plan naming it is checked and, if the template is taken,
//! rendered, and every XML part of the plan's DOCX must be well-formed.
//!
//! Run (needs a nightly compiler, or RUSTC_BOOTSTRAP=1 on stable), best
//! with real templates as the corpus:
//!     mkdir -p fuzz/corpus/reference && cp 模板/*.docx fuzz/corpus/reference/
//!     cargo fuzz run reference -- -max_total_time=1800
//! Any input must end in a message or in a plan Word opens, never a
//! panic, a stack overflow, a hang or gigabytes of memory.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use unionplan::render::Format;
use unionplan::template::Templates;
use unionplan::{Pipeline, load_spec};

const SPEC: &str = "school: 青溪路小学
year: 2025
guiding_principles: 服务教职工。
measures: [做好慰问。]
schedule:
  - month: 3
    items: [{text: 植树, owner: 工会主席}]
signature: {date: 2025-02-18}
style:
  schedule_layout: table
  reference_doc: 模板.docx
";

/// The folder of the spec and the template, one for the whole run: a
/// template is kept by its path (and read again when it changes), so a
/// new path for each input would keep every one.
fn folder() -> &'static (tempfile::TempDir, PathBuf) {
    static DIR: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let spec = dir.path().join("plan.yaml");
        std::fs::write(&spec, SPEC).expect("the spec is written");
        (dir, spec)
    })
}

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| {
        let day = chrono::NaiveDate::from_ymd_opt(2025, 3, 1).unwrap();
        Pipeline::new(Templates::builtin(), day)
    })
}

fuzz_target!(|data: &[u8]| {
    let (dir, spec) = folder();
    std::fs::write(dir.path().join("模板.docx"), data).expect("the template is written");
    // A template refused is a message at the spec's line.
    let Ok(spec) = load_spec(spec) else {
        return;
    };
    let docx = pipeline()
        .render(&spec, &[Format::Docx])
        .expect("a plan with a template taken renders")
        .remove(0)
        .bytes;
    // Read back with the zip and XML crates themselves, not the library's
    // own guarded readers: the check stands apart from what it checks.
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&docx)).expect("the plan is a zip");
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).expect("a part of the plan reads");
        let name = part.name().to_owned();
        if !(name.ends_with(".xml") || name.ends_with(".rels")) {
            continue;
        }
        let mut text = String::new();
        std::io::Read::read_to_string(&mut part, &mut text).expect("an XML part is UTF-8");
        if let Err(e) = roxmltree::Document::parse(&text) {
            panic!("{name} is not well-formed ({e}):\n{text}");
        }
    }
});

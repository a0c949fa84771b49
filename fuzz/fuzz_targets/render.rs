//! Fuzz load → validate → render with arbitrary bytes as a spec.
//!
//! Run (needs a nightly compiler, or RUSTC_BOOTSTRAP=1 on stable):
//!     cargo fuzz run render -- -max_total_time=600
//! Any input must end in a list of diagnostics or in rendered files, never a
//! panic. (Re-reading every DOCX here would be too slow; the property test
//! in tests/it/property.rs checks the XML of random valid specs, and
//! tests/it/ooxml.rs validates them against the OOXML schema.)
#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use unionplan::load::Loaded;
use unionplan::load::Source;
use unionplan::render::Format;
use unionplan::template::Templates;
use unionplan::{Pipeline, validate};

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| {
        let day = chrono::NaiveDate::from_ymd_opt(2025, 3, 1).unwrap();
        Pipeline::new(Templates::builtin(), day)
    })
}

fuzz_target!(|data: &[u8]| {
    // A name in a folder of its own, so `extends` finds nothing real.
    let name = Path::new("/nonexistent-fuzz-dir/spec.yaml");
    let Ok(source) = Source::from_bytes(name, data) else {
        return;
    };
    let Ok(loaded) = Loaded::from_source(source) else {
        return;
    };
    let Ok(spec) = validate::validate(&loaded) else {
        return;
    };
    let outputs = pipeline()
        .render(&spec, &Format::ALL)
        .expect("a valid spec renders");
    assert_eq!(outputs.len(), 3);
});

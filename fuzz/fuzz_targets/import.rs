//! Fuzz `import` with arbitrary bytes as a plan: text, Markdown, HTML or a
//! Word file, by the first byte.
//!
//! Run (needs a nightly compiler, or RUSTC_BOOTSTRAP=1 on stable):
//!     cargo fuzz run import -- -max_total_time=1800
//! Any input must end in an imported spec that validates (but for the
//! placeholders left to fill) or in a message, never a panic, a stack
//! overflow or a hang.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unionplan::import::{self, Options};

fuzz_target!(|data: &[u8]| {
    let Some((&kind, body)) = data.split_first() else {
        return;
    };
    let ext = ["txt", "md", "html", "docx"][usize::from(kind % 4)];
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join(format!("plan.{ext}"));
    std::fs::write(&path, body).expect("the input is written");
    let options = Options {
        pick: None,
        zh: kind & 4 != 0,
        today: chrono::NaiveDate::from_ymd_opt(2025, 3, 1).unwrap(),
    };
    let _ = import::import(&path, &options);
});

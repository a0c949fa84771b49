//! Fuzz a district's roster with arbitrary bytes as the table: a CSV (any
//! encoding, any line ends) or, by the first byte, a spreadsheet.
//!
//! Run (needs a nightly compiler, or RUSTC_BOOTSTRAP=1 on stable):
//!     cargo fuzz run roster -- -max_total_time=1800
//! Any input must end in the district's schools or in located messages,
//! never a panic or a huge allocation.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unionplan::batch::District;

fuzz_target!(|data: &[u8]| {
    let Some((&kind, body)) = data.split_first() else {
        return;
    };
    let roster = if kind % 2 == 0 { "r.csv" } else { "r.xlsx" };
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(dir.path().join(roster), body).expect("the roster is written");
    std::fs::write(
        dir.path().join("base.yaml"),
        "year: 2025\nguiding_principles: 文字。\nmeasures: [做事]\n",
    )
    .expect("the base is written");
    let district = dir.path().join("d.yaml");
    std::fs::write(&district, format!("base: base.yaml\nroster: {roster}\n"))
        .expect("the district is written");
    if let Ok(d) = District::read(&district) {
        for school in &d.schools {
            let _ = school.label();
        }
    }
});

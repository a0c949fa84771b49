//! How long one plan's DOCX takes, and the other formats beside it.
//!
//!     cargo bench --bench docx
//!
//! Renders the example plan (`specs/qingxi-2025.yaml`) over and over on one
//! thread and prints the median time per plan of each stage, from several
//! rounds. A plain harness (no benchmark framework): the numbers asked for
//! are medians of whole renders, which `std::time::Instant` gives directly.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use unionplan::blocks::Document;
use unionplan::render::{Format, Meta, Typeset};
use unionplan::template::Templates;
use unionplan::{Pipeline, layout, load_spec};

/// The median of `rounds` rounds of `per_round` calls, per call.
fn median_per_call(rounds: usize, per_round: usize, mut f: impl FnMut()) -> Duration {
    for _ in 0..per_round {
        f(); // warm-up
    }
    let mut times: Vec<Duration> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..per_round {
                f();
            }
            start.elapsed() / per_round as u32
        })
        .collect();
    times.sort();
    times[rounds / 2]
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let spec = load_spec(&root.join("specs/qingxi-2025.yaml")).expect("the example loads");
    let templates = Templates::builtin();
    let today = chrono::NaiveDate::from_ymd_opt(2025, 3, 1).unwrap();
    let plan = layout::lay_out(&spec, today);
    let markdown = templates.markdown(&plan).unwrap();
    let doc = Document::from_markdown(&markdown);
    let title = doc.title();
    let meta = Meta {
        title: &title,
        author: &plan.signature.org,
        created: chrono::Utc::now(),
    };
    let input = Typeset {
        markdown: &markdown,
        doc: &doc,
        style: &spec.style,
        templates: &templates,
        meta: &meta,
    };
    let pipeline = Pipeline::new(Templates::builtin(), today);

    println!(
        "{:<44} {:>12}",
        "one plan (specs/qingxi-2025.yaml)", "median"
    );
    let row = |name: &str, t: Duration| println!("{name:<44} {:>9.1} µs", t.as_secs_f64() * 1e6);
    for format in Format::ALL {
        let t = median_per_call(15, 200, || {
            black_box(
                format
                    .renderer()
                    .unwrap()
                    .render(black_box(&input))
                    .unwrap(),
            );
        });
        row(&format!("render {format} (from the laid-out blocks)"), t);
    }
    // The DOCX parts a style decides are made once per style and kept for
    // the next plans (a batch); nine styles in turn, more than are kept,
    // make every call a first one.
    let styles: Vec<_> = (20..29)
        .map(|lines| unionplan::spec::Style {
            lines_per_page: lines,
            ..spec.style.clone()
        })
        .collect();
    let mut next = 0;
    row(
        "render docx, the first plan of its style",
        median_per_call(15, 90, || {
            next = (next + 1) % styles.len();
            let input = Typeset {
                style: &styles[next],
                ..input
            };
            black_box(
                Format::Docx
                    .renderer()
                    .unwrap()
                    .render(black_box(&input))
                    .unwrap(),
            );
        }),
    );
    row(
        "lay out, template and read back",
        median_per_call(15, 200, || {
            let plan = layout::lay_out(black_box(&spec), today);
            let md = templates.markdown(&plan).unwrap();
            black_box(Document::from_markdown(&md));
        }),
    );
    row(
        "the whole pipeline, all three formats",
        median_per_call(15, 100, || {
            black_box(pipeline.render(black_box(&spec), &Format::ALL).unwrap());
        }),
    );
}

//! `unionplan batch`: every school of a district, in parallel.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicUsize, Ordering};

use unionplan::batch::{District, Placement, SchoolResult};
use unionplan::render::Format;
use unionplan::{Error, Pipeline, messages};

use super::{Outcome, reported, templates, today};
use crate::args::BatchArgs;
use crate::output::{for_people, report, say, show};

pub fn run(a: BatchArgs) -> Outcome {
    let started = std::time::Instant::now();
    let mut pipeline = Pipeline::new(templates(a.templates.as_deref())?, today());
    pipeline.reference_doc = super::render::reference_doc(a.reference_doc)?;
    let district = District::read(&a.district).map_err(Error::Invalid)?;
    show(&district.notices);
    let mut formats = a
        .formats
        .or_else(|| district.formats.clone())
        .unwrap_or_else(|| Format::ALL.to_vec());
    formats.sort();
    formats.dedup();
    let total = district.schools.len();
    let placement = if a.flat {
        Placement::Flat
    } else {
        Placement::PerSchool
    };

    // A bar on a terminal; one plain line per school otherwise.
    let bar = (for_people() && std::io::stderr().is_terminal()).then(|| {
        let bar = indicatif::ProgressBar::new(total as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}")
                .expect("a valid template"),
        );
        bar
    });
    let done = AtomicUsize::new(0);
    let progress = |r: &SchoolResult| {
        let n = done.fetch_add(1, Ordering::Relaxed) + 1;
        match &bar {
            Some(bar) => {
                bar.set_message(r.name.clone());
                bar.inc(1);
            }
            None if r.ok() => say(messages::batch_school_ok(n, total, &r.name)),
            None => say(messages::batch_school_failed(n, total, &r.name)),
        }
    };

    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(asked) = a.jobs {
        // More threads than cores only adds memory: thousands of them
        // could not even be started.
        let most = std::thread::available_parallelism().map_or(1, |n| n.get()) * 4;
        let n = asked.clamp(1, most);
        if n != asked {
            say(messages::batch_jobs_capped(asked, n));
        }
        pool = pool.num_threads(n);
    }
    // The workers are joined before the run ends, so the process exits
    // with no thread of its own still running: Windows allows that, but
    // under Wine such an exit is now and then killed, its exit code lost.
    let workers = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let spawned = workers.clone();
    let pool = pool
        .spawn_handler(move |thread| {
            let mut b = std::thread::Builder::new();
            if let Some(name) = thread.name() {
                b = b.name(name.to_owned());
            }
            if let Some(size) = thread.stack_size() {
                b = b.stack_size(size);
            }
            let handle = b.spawn(|| thread.run())?;
            spawned
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(handle);
            Ok(())
        })
        .build()
        .map_err(|e| Error::write(messages::batch_no_threads(e)))?;
    // `install` runs the batch on one of the pool's threads, which has no
    // language of its own: the run's is chosen again there.
    let lang = messages::lang();
    let results = pool.install(|| {
        messages::speaking(lang, || {
            unionplan::batch::run(
                &district, &a.output, &formats, placement, &pipeline, &progress,
            )
        })
    });
    drop(pool);
    for worker in std::mem::take(&mut *workers.lock().unwrap_or_else(|e| e.into_inner())) {
        let _ = worker.join();
    }
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let (results, pdf_failed) = results?;
    if let Some(e) = &pdf_failed {
        super::render::pdf_failed(e, &formats);
    }
    for r in results.iter().filter(|r| r.ok() && !r.notes.is_empty()) {
        say(messages::batch_school_notes(&r.name));
        show(&r.notes);
    }
    let failed: Vec<&SchoolResult> = results.iter().filter(|r| !r.ok()).collect();
    for r in &failed {
        say(messages::batch_school_errors(&r.name));
        report(&Error::Invalid(r.errors.clone()));
    }
    say(messages::batch_summary(
        total,
        total - failed.len(),
        failed.len(),
        Some(started.elapsed().as_secs_f64()),
    ));
    reported(failed.is_empty() && pdf_failed.is_none())
}

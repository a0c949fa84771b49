//! `一个区的各校计划` in the workbench: a district file's batch run on a
//! thread of its own, and its progress as the page shows it.

use super::*;

/// A district batch as the page's progress bar shows it.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct BatchState {
    running: bool,
    name: String,
    total: usize,
    done: usize,
    /// The school finished last.
    current: String,
    finished: bool,
    /// Each school that failed, with its problems as `batch` prints them.
    failed: Vec<Value>,
    /// The index page, relative to the folder, once written.
    index: Option<String>,
    /// Why the batch as a whole failed (no LibreOffice for its PDFs, a
    /// file that could not be written).
    error: Option<String>,
}

pub(super) fn batch_state(bench: &Workbench) -> Value {
    let state = bench
        .batch
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    serde_json::to_value(state).unwrap_or(Value::Null)
}

/// `一个区的各校计划`: `batch` of a district file of the folder, into the
/// `out` folder beside it, on a thread of its own; the page follows it
/// through `GET batch`.
pub(super) fn start_batch(bench: &Arc<Workbench>, q: &Query) -> Outcome {
    let name = param(q, "name")?;
    let path = bench.folder.file(&name, Kind::Spec)?;
    let district = match crate::batch::District::read(&path) {
        Ok(d) => d,
        Err(problems) => {
            return Ok(json!({
                "started": false,
                "problems": problems.iter().map(|d| problem(bench, &path, d)).collect::<Vec<_>>(),
            }));
        }
    };
    {
        let mut state = bench.batch.lock().unwrap_or_else(|e| e.into_inner());
        if state.running {
            return Err(messages::app_batch_running(&state.name).into());
        }
        *state = BatchState {
            running: true,
            name: name.clone(),
            total: district.schools.len(),
            ..BatchState::default()
        };
    }
    let bench = bench.clone();
    let out = path.parent().unwrap_or(bench.folder.root()).join("out");
    let lang = crate::messages::lang();
    std::thread::spawn(move || {
        crate::messages::speaking(lang, || {
            let mut formats = district
                .formats
                .clone()
                .unwrap_or_else(|| Format::ALL.to_vec());
            formats.sort();
            formats.dedup();
            let pipeline = Pipeline::new(Templates::builtin(), today());
            let progress = |r: &crate::batch::SchoolResult| {
                let mut state = bench.batch.lock().unwrap_or_else(|e| e.into_inner());
                state.done += 1;
                state.current = r.name.clone();
            };
            let result = crate::batch::run(
                &district,
                &out,
                &formats,
                crate::batch::Placement::PerSchool,
                &pipeline,
                &progress,
            );
            let mut state = bench.batch.lock().unwrap_or_else(|e| e.into_inner());
            match result {
                Ok((results, pdf_failed)) => {
                    state.failed = results
                        .iter()
                        .filter(|r| !r.ok())
                        .map(|r| {
                            let text: Vec<String> =
                                r.errors.iter().map(|d| d.render(false)).collect();
                            json!({ "name": r.name, "text": text.join("\n") })
                        })
                        .collect();
                    state.error = pdf_failed.map(|e| first_message(e).text);
                    state.index = bench.folder.name_of(&out.join("index.html"));
                }
                Err(e) => state.error = Some(first_message(e).text),
            }
            state.running = false;
            state.finished = true;
        })
    });
    Ok(json!({ "started": true }))
}

//! `unionplan render`: specs into files.

use unionplan::{Pipeline, load_spec, messages, write};

use super::{Failure, Outcome, templates, today};
use crate::args::RenderArgs;
use crate::output::{report, say};

pub fn run(a: RenderArgs) -> Outcome {
    let pipeline = Pipeline::new(templates(a.templates.as_deref())?, today());
    let mut formats = a.formats;
    formats.sort();
    formats.dedup();
    let mut all_ok = true;
    for spec_path in &a.specs {
        let rendered = load_spec(spec_path).and_then(|spec| pipeline.render(&spec, &formats));
        let outputs = match rendered {
            Ok(o) => o,
            Err(e) => {
                report(&e);
                say(messages::nothing_written(spec_path.display()));
                all_ok = false;
                continue;
            }
        };
        for o in outputs {
            let path = write::output_path(&a.output, spec_path, o.format);
            match write::write_atomic(&path, &o.bytes) {
                Ok(()) => say(messages::wrote(path.display())),
                Err(e) => {
                    report(&e);
                    all_ok = false;
                }
            }
        }
    }
    if all_ok {
        Ok(())
    } else {
        Err(Failure::Reported)
    }
}

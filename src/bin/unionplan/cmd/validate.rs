//! `unionplan validate`: check specs, write nothing.

use unionplan::{load_spec, messages};

use super::{Outcome, reported};
use crate::args::ValidateArgs;
use crate::output::{report, say, warn};

pub fn run(a: ValidateArgs) -> Outcome {
    let mut all_ok = true;
    for spec_path in &a.specs {
        match load_spec(spec_path) {
            Ok(spec) => {
                warn(&spec, super::today());
                say(messages::valid(spec_path.display()));
            }
            Err(e) => {
                report(&e);
                all_ok = false;
            }
        }
    }
    reported(all_ok)
}

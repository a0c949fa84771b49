//! `unionplan init`: a complete example spec to edit.

use std::path::Path;

use unionplan::{messages, schema, write};

use super::{Outcome, write_text};
use crate::args::InitArgs;
use crate::output::say;

pub fn run(a: InitArgs) -> Outcome {
    let text = unionplan::init::example(&a.path, a.zh, a.school.as_deref(), a.year)?;
    write_text(&a.path, &text, a.force, &unionplan::write::Inputs::new())?;
    say(messages::init_written(a.path.display()));
    // The editor's key completion, when no schema is there yet.
    let schema = a
        .path
        .parent()
        .unwrap_or(Path::new(""))
        .join(schema::LOCAL_NAME);
    if !schema.exists() && write::write_atomic(&schema, schema::text_form().as_bytes()).is_ok() {
        say(messages::init_schema_written(schema.display()));
    }
    Ok(())
}

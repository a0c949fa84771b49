//! The district file: its base, its schools and its roster.

use std::path::Path;
use std::sync::Arc;

use serde_yaml::Value;

use super::roster::read_roster;
use super::{District, SchoolSource};
use crate::diag::Diagnostic;
use crate::load::{FieldPath, Loaded, Source, Target};
use crate::messages::{self as msg, Message};
use crate::render::Format;
use crate::spec::fields;
use crate::validate;

impl District {
    /// Read the district file, its base, and its roster.
    pub fn read(path: &Path) -> Result<District, Vec<Diagnostic>> {
        let source = Arc::new(Source::read(path).map_err(|d| vec![*d])?);
        let dir = path.parent().unwrap_or(Path::new(""));
        let root = FieldPath::root();
        let at = |p: &FieldPath, m: Message| source.diagnostic(p, Target::Value, m);
        let mut problems = Vec::new();
        let mut suggested = Vec::new();
        let Some(map) = source.value.as_mapping() else {
            let found = msg::describe_value(&source.value);
            return Err(vec![
                at(&root, msg::district_not_map(&found)).with_help(msg::district_help()),
            ]);
        };
        let allowed = fields::DISTRICT.names();
        for key in map.keys() {
            let name = key.as_str().unwrap_or_default();
            if !allowed.contains(&name) {
                let (message, help, best) = validate::unknown_key(&allowed, name);
                suggested.extend(best);
                problems.push(
                    source
                        .diagnostic(&root.key(name), Target::Key, message)
                        .with_help(help),
                );
            }
        }

        let file_at = |key: &str, p: &FieldPath, problems: &mut Vec<Diagnostic>| match source
            .value_at(p)
            .and_then(Value::as_str)
            .map(str::trim)
        {
            Some(rel) if !rel.is_empty() => Some(dir.join(rel)),
            _ => {
                let found = source
                    .value_at(p)
                    .map_or("空的".into(), msg::describe_value);
                problems.push(at(p, msg::district_path(key, &found)));
                None
            }
        };

        let base = match map.get("base") {
            // A misspelt `base` was reported as such; not also as missing.
            None if suggested.contains(&"base") => None,
            None => {
                problems
                    .push(at(&root, msg::missing_field("base")).with_help(msg::district_help()));
                None
            }
            Some(_) => file_at("base", &root.key("base"), &mut problems),
        };

        let mut schools = Vec::new();
        match map.get("schools") {
            None | Some(Value::Null) => {}
            Some(Value::Sequence(entries)) => {
                for (i, entry) in entries.iter().enumerate() {
                    let p = root.key("schools").index(i);
                    if !entry.is_mapping() {
                        let found = msg::describe_value(entry);
                        problems.push(at(&p, msg::expected_map(&found)));
                        continue;
                    }
                    let spec = match entry.get("spec") {
                        None => None,
                        Some(_) => match file_at("spec", &p.key("spec"), &mut problems) {
                            Some(f) => Some(f),
                            None => continue,
                        },
                    };
                    schools.push(SchoolSource::Entry {
                        index: i,
                        district: source.clone(),
                        spec,
                    });
                }
            }
            Some(other) => {
                let found = msg::describe_value(other);
                problems.push(at(&root.key("schools"), msg::expected_list(&found)));
            }
        }

        if map.contains_key("roster") {
            let p = root.key("roster");
            if let Some(file) = file_at("roster", &p, &mut problems) {
                match read_roster(&file) {
                    Ok(rows) => schools.extend(rows),
                    Err(e) => problems.push(at(&p, e)),
                }
            }
        }

        let formats = match map.get("formats") {
            None | Some(Value::Null) => None,
            Some(Value::Sequence(names)) if names.is_empty() => {
                // An empty list would succeed and write nothing at all.
                problems.push(at(&root.key("formats"), msg::no_formats()));
                None
            }
            Some(Value::Sequence(names)) => {
                let mut out = Vec::new();
                for (i, n) in names.iter().enumerate() {
                    match n.as_str().and_then(Format::from_name) {
                        Some(f) => out.push(f),
                        None => {
                            let shown = n
                                .as_str()
                                .map_or_else(|| msg::describe_value(n), str::to_string);
                            problems
                                .push(at(&root.key("formats").index(i), msg::bad_format(&shown)));
                        }
                    }
                }
                Some(out)
            }
            Some(other) => {
                let found = msg::describe_value(other);
                problems.push(at(&root.key("formats"), msg::expected_list(&found)));
                None
            }
        };

        if schools.is_empty() && problems.is_empty() {
            problems.push(at(&root, msg::district_no_schools()).with_help(msg::district_help()));
        }
        let base = match base {
            Some(b) if problems.is_empty() => Loaded::read(&b).map_err(|mut d| {
                for x in &mut d {
                    x.notes.push(msg::base_of(path.display()));
                }
                d
            })?,
            _ => return Err(problems),
        };
        Ok(District {
            path: path.to_path_buf(),
            base,
            schools,
            formats,
        })
    }
}

//! The district file: its base, its schools and its roster.

use std::path::Path;
use std::sync::Arc;

use serde_yaml::Value;

use super::roster::{Sheet, read_roster};
use super::{District, SchoolSource};
use crate::diag::Diagnostic;
use crate::load::{FieldPath, Loaded, Source, Target};
use crate::messages::{self as msg, Message};
use crate::render::Format;
use crate::spec::{fields, keys};
use crate::validate;

impl District {
    /// Read the district file, its base, and its roster.
    pub fn read(path: &Path) -> Result<District, Vec<Diagnostic>> {
        let source = Arc::new(Source::read(path).map_err(|d| vec![*d])?);
        let dir = path.parent().unwrap_or(Path::new(""));
        let root = FieldPath::root();
        let at = |p: &FieldPath, m: Message| source.diagnostic(p, Target::Value, m);
        let mut problems = Vec::new();
        let mut notices = Vec::new();
        let mut suggested = Vec::new();
        let Some(map) = source.value.as_mapping() else {
            let found = msg::describe_value(&source.value);
            return Err(vec![
                at(&root, msg::district_not_map(&found)).with_help(msg::district_help()),
            ]);
        };
        // Each key as typed (`base` or `共用计划`), by its English name.
        let mut typed: Vec<(&'static str, &str)> = Vec::new();
        let naming = crate::spec::keys::Naming::of(&source.value);
        for key in map.keys() {
            let name = key.as_str().unwrap_or_default();
            match fields::DISTRICT.by_any_name(name) {
                Some(f) => typed.push((f.name, name)),
                None => {
                    let (message, help, best) =
                        validate::unknown_key(&fields::DISTRICT, name, naming);
                    suggested.extend(best);
                    problems.push(
                        source
                            .diagnostic(&root.key(name), Target::Key, message)
                            .with_help(help),
                    );
                }
            }
        }
        let key_of = |name: &str| typed.iter().find(|(n, _)| *n == name).map(|(_, t)| *t);
        let key = |name: &str| root.key(key_of(name).unwrap_or(name));
        let get = |name: &str| key_of(name).and_then(|t| map.get(t));

        let file_at = |key: &str, p: &FieldPath, problems: &mut Vec<Diagnostic>| match source
            .value_at(p)
            .and_then(Value::as_str)
            .map(str::trim)
        {
            Some(rel) if !rel.is_empty() => Some(dir.join(rel)),
            _ => {
                let found = source.value_at(p).map_or_else(
                    || msg::describe_value(&serde_yaml::Value::Null),
                    msg::describe_value,
                );
                problems.push(at(p, msg::district_path(key, &found)));
                None
            }
        };

        let base = match get("base") {
            // A misspelt `base` was reported as such; not also as missing.
            None if suggested.contains(&"base") => None,
            None => {
                problems
                    .push(at(&root, msg::missing_field("base")).with_help(msg::district_help()));
                None
            }
            Some(_) => file_at("base", &key("base"), &mut problems),
        };

        let mut schools = Vec::new();
        match get("schools") {
            None | Some(Value::Null) => {}
            Some(Value::Sequence(entries)) => {
                for (i, entry) in entries.iter().enumerate() {
                    let p = key("schools").index(i);
                    // A bad entry fails its own school, not the district.
                    let broken = |errors| SchoolSource::Broken {
                        label: SchoolSource::entry_label(i),
                        errors,
                    };
                    if !entry.is_mapping() {
                        let found = msg::describe_value(entry);
                        schools.push(broken(vec![at(&p, msg::expected_map(&found))]));
                        continue;
                    }
                    // A school's own spec file is `spec:`; an `extends` here
                    // would silently do nothing, so it is refused.
                    if let Some((k, _)) = keys::get(entry, "extends") {
                        schools.push(broken(vec![
                            source
                                .diagnostic(&p.key(k), Target::Key, msg::school_extends())
                                .with_help(msg::school_extends_help()),
                        ]));
                        continue;
                    }
                    let spec = match entry.get("spec") {
                        None => None,
                        Some(_) => {
                            let mut errors = Vec::new();
                            match file_at("spec", &p.key("spec"), &mut errors) {
                                Some(f) => Some(f),
                                None => {
                                    schools.push(broken(errors));
                                    continue;
                                }
                            }
                        }
                    };
                    schools.push(SchoolSource::Entry {
                        list: key("schools"),
                        index: i,
                        district: source.clone(),
                        spec,
                    });
                }
            }
            Some(other) => {
                let found = msg::describe_value(other);
                problems.push(at(&key("schools"), msg::expected_list(&found)));
            }
        }

        // The roster's sheet, where the district file names one.
        let sheet = match get("sheet") {
            None | Some(Value::Null) => None,
            Some(v) => match validate::as_text(v).filter(|s| !s.trim().is_empty()) {
                Some(name) if get("roster").is_some() => Some(name.trim().to_string()),
                Some(_) => {
                    problems.push(at(&key("sheet"), msg::district_sheet_without_roster()));
                    None
                }
                None => {
                    let found = msg::describe_value(v);
                    problems.push(at(&key("sheet"), msg::expected_text(&found)));
                    None
                }
            },
        };
        if get("roster").is_some() {
            let p = key("roster");
            if let Some(file) = file_at("roster", &p, &mut problems) {
                let sheet_key = key("sheet");
                let at_sheet = |m| at(&sheet_key, m);
                let sheet = sheet.as_deref().map(|name| Sheet {
                    name,
                    at: &at_sheet,
                });
                match read_roster(&file, sheet, |m| at(&p, m)) {
                    Ok(roster) => {
                        schools.extend(roster.rows);
                        notices.extend(roster.notices);
                    }
                    Err(e) => problems.extend(e),
                }
            }
        }

        let formats = match get("formats") {
            None | Some(Value::Null) => None,
            Some(Value::Sequence(names)) if names.is_empty() => {
                // An empty list would succeed and write nothing at all.
                problems.push(at(&key("formats"), msg::no_formats()));
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
                            problems.push(at(&key("formats").index(i), msg::bad_format(&shown)));
                        }
                    }
                }
                Some(out)
            }
            Some(other) => {
                let found = msg::describe_value(other);
                problems.push(at(&key("formats"), msg::expected_list(&found)));
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
            notices,
        })
    }
}

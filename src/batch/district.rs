//! The district file: its base, its schools and its roster.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_yaml::{Mapping, Value};

use super::roster::{Roster, Sheet, read_roster};
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
        let source = Arc::new(Source::read(path)?);
        let dir = path.parent().unwrap_or(Path::new(""));
        let mut file = Reader::new(&source, dir)?;
        let base = file.base();
        let mut schools = file.schools();
        let sheet = file.sheet();
        let mut notices = Vec::new();
        if let Some(roster) = file.roster(sheet.as_deref()) {
            schools.extend(roster.rows);
            notices = roster.notices;
        }
        let formats = file.formats();
        let mut problems = file.problems;
        if schools.is_empty() && problems.is_empty() {
            let root = FieldPath::root();
            problems.push(
                source
                    .diagnostic(&root, Target::Value, msg::district_no_schools())
                    .with_help(msg::district_help()),
            );
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

/// The district file as it is read: its keys as typed, and the problems
/// found so far, in the order they are found.
struct Reader<'a> {
    source: &'a Arc<Source>,
    map: &'a Mapping,
    /// The district file's folder: the paths it gives are from there.
    dir: &'a Path,
    /// Each key as typed (`base` or `共用计划`), by its English name.
    typed: Vec<(&'static str, &'a str)>,
    /// The keys unknown keys were taken for misspellings of.
    suggested: Vec<&'static str>,
    problems: Vec<Diagnostic>,
}

impl<'a> Reader<'a> {
    /// The district file's keys, each unknown one a problem; an error
    /// when the file is not a map at all.
    fn new(source: &'a Arc<Source>, dir: &'a Path) -> Result<Reader<'a>, Vec<Diagnostic>> {
        let root = FieldPath::root();
        let Some(map) = source.value.as_mapping() else {
            let found = msg::describe_value(&source.value);
            return Err(vec![
                source
                    .diagnostic(&root, Target::Value, msg::district_not_map(&found))
                    .with_help(msg::district_help()),
            ]);
        };
        let mut file = Reader {
            source,
            map,
            dir,
            typed: Vec::new(),
            suggested: Vec::new(),
            problems: Vec::new(),
        };
        let naming = keys::Naming::of(&source.value);
        for key in map.keys() {
            let name = key.as_str().unwrap_or_default();
            match fields::DISTRICT.by_any_name(name) {
                Some(f) => file.typed.push((f.name, name)),
                None => {
                    let (message, help, best) =
                        validate::unknown_key(&fields::DISTRICT, name, naming);
                    file.suggested.extend(best);
                    file.problems.push(
                        source
                            .diagnostic(&root.key(name), Target::Key, message)
                            .with_help(help),
                    );
                }
            }
        }
        Ok(file)
    }

    /// A problem with the value at `p`.
    fn at(&self, p: &FieldPath, m: Message) -> Diagnostic {
        self.source.diagnostic(p, Target::Value, m)
    }

    /// Notes a problem with the value at `p`.
    fn problem(&mut self, p: &FieldPath, m: Message) {
        let problem = self.at(p, m);
        self.problems.push(problem);
    }

    /// The key `name` (its English name) as typed, where the file has it.
    fn key_of(&self, name: &str) -> Option<&'a str> {
        self.typed.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
    }

    /// The path of the key `name`, as typed where the file has it.
    fn key(&self, name: &str) -> FieldPath {
        FieldPath::root().key(self.key_of(name).unwrap_or(name))
    }

    /// The value of the key `name`, by its English name.
    fn get(&self, name: &str) -> Option<&'a Value> {
        self.key_of(name).and_then(|t| self.map.get(t))
    }

    /// The file the text at `p` names, from the district file's folder;
    /// a problem naming `key` when it is no text or an empty one.
    fn file_at(&self, key: &str, p: &FieldPath) -> Result<PathBuf, Box<Diagnostic>> {
        match self
            .source
            .value_at(p)
            .and_then(Value::as_str)
            .map(str::trim)
        {
            Some(rel) if !rel.is_empty() => Ok(self.dir.join(rel)),
            _ => {
                let found = self.source.value_at(p).map_or_else(
                    || msg::describe_value(&serde_yaml::Value::Null),
                    msg::describe_value,
                );
                Err(Box::new(self.at(p, msg::district_path(key, &found))))
            }
        }
    }

    /// [`Reader::file_at`], its problem noted with the district's.
    fn file_or_problem(&mut self, key: &str, p: &FieldPath) -> Option<PathBuf> {
        self.file_at(key, p)
            .map_err(|d| self.problems.push(*d))
            .ok()
    }

    /// The base spec's file.
    fn base(&mut self) -> Option<PathBuf> {
        match self.get("base") {
            // A misspelt `base` was reported as such; not also as missing.
            None if self.suggested.contains(&"base") => None,
            None => {
                let root = FieldPath::root();
                let missing = self
                    .at(&root, msg::missing_field("base"))
                    .with_help(msg::district_help());
                self.problems.push(missing);
                None
            }
            Some(_) => self.file_or_problem("base", &self.key("base")),
        }
    }

    /// The schools the file lists under `schools`.
    fn schools(&mut self) -> Vec<SchoolSource> {
        match self.get("schools") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Sequence(entries)) => entries
                .iter()
                .enumerate()
                .map(|(i, entry)| self.school(i, entry))
                .collect(),
            Some(other) => {
                let found = msg::describe_value(other);
                self.problem(&self.key("schools"), msg::expected_list(&found));
                Vec::new()
            }
        }
    }

    /// `schools[i]`. A bad entry fails its own school, not the district.
    fn school(&self, i: usize, entry: &Value) -> SchoolSource {
        let p = self.key("schools").index(i);
        let broken = |errors| SchoolSource::Broken {
            label: SchoolSource::entry_label(i),
            errors,
        };
        if !entry.is_mapping() {
            let found = msg::describe_value(entry);
            return broken(vec![self.at(&p, msg::expected_map(&found))]);
        }
        // A school's own spec file is `spec:`; an `extends` here would
        // silently do nothing, so it is refused.
        if let Some((k, _)) = keys::get(entry, "extends") {
            return broken(vec![
                self.source
                    .diagnostic(&p.key(k), Target::Key, msg::school_extends())
                    .with_help(msg::school_extends_help()),
            ]);
        }
        let spec = match entry.get("spec") {
            None => None,
            Some(_) => match self.file_at("spec", &p.key("spec")) {
                Ok(f) => Some(f),
                Err(e) => return broken(vec![*e]),
            },
        };
        SchoolSource::Entry {
            list: self.key("schools"),
            index: i,
            district: self.source.clone(),
            spec,
        }
    }

    /// The roster's sheet, where the district file names one.
    fn sheet(&mut self) -> Option<String> {
        let v = match self.get("sheet") {
            None | Some(Value::Null) => return None,
            Some(v) => v,
        };
        let problem = match validate::as_text(v).filter(|s| !s.trim().is_empty()) {
            Some(name) if self.get("roster").is_some() => return Some(name.trim().to_string()),
            Some(_) => msg::district_sheet_without_roster(),
            None => msg::expected_text(&msg::describe_value(v)),
        };
        self.problem(&self.key("sheet"), problem);
        None
    }

    /// The roster, where the file names one and it can be read; its
    /// problems noted with the district's.
    fn roster(&mut self, sheet: Option<&str>) -> Option<Roster> {
        self.get("roster")?;
        let p = self.key("roster");
        let file = self.file_or_problem("roster", &p)?;
        let sheet_key = self.key("sheet");
        let at_sheet = |m| self.at(&sheet_key, m);
        let sheet = sheet.map(|name| Sheet {
            name,
            at: &at_sheet,
        });
        read_roster(&file, sheet, |m| self.at(&p, m))
            .map_err(|e| self.problems.extend(e))
            .ok()
    }

    /// The formats the file asks for, where it names any.
    fn formats(&mut self) -> Option<Vec<Format>> {
        let key = self.key("formats");
        match self.get("formats") {
            None | Some(Value::Null) => None,
            Some(Value::Sequence(names)) if names.is_empty() => {
                // An empty list would succeed and write nothing at all.
                self.problem(&key, msg::no_formats());
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
                            self.problem(&key.index(i), msg::bad_format(&shown));
                        }
                    }
                }
                Some(out)
            }
            Some(other) => {
                let found = msg::describe_value(other);
                self.problem(&key, msg::expected_list(&found));
                None
            }
        }
    }
}

//! Stage 2 of the pipeline: check a parsed spec and build the typed [`Spec`].
//!
//! The checker walks the YAML tree once and records *every* problem it finds
//! instead of stopping at the first, because a teacher fixing a file wants
//! the whole list at once. Each problem carries its field path; positions are
//! looked up only at the end, for the problems found (see [`crate::load`]).
//!
//! Why a hand-written walker rather than `#[derive(Deserialize)]`: derived
//! deserializers stop at the first error and can't say "did you mean", point
//! at the key rather than the value, or check rules that span fields (a month
//! given twice, a date outside its entry's months).

use std::collections::HashMap;

use serde_yaml::{Mapping, Value};

use crate::dates;
use crate::diag::Diagnostic;
use crate::load::Loaded;
use crate::load::{FieldPath, Target};
use crate::messages::{self as msg, Message};
use crate::placeholder;
use crate::spec::fields::{self, MapDef};
use crate::spec::keys::Naming;
use crate::spec::*;

mod scalars;
mod sections;
mod stale;

/// At most this many problems of one file are located and listed: each
/// costs a parse, and nobody reads the thousandth.
pub const MAX_PROBLEMS: usize = 100;

/// Check `src` and build its [`Spec`], or list every problem, in file order.
pub fn validate(src: &Loaded) -> Result<Spec, Vec<Diagnostic>> {
    if src.value.is_null() {
        // Nothing to point at: the message is about the file as a whole.
        let d = Diagnostic::file_level(&src.sources[0].path, msg::empty_spec())
            .with_help(msg::empty_spec_help());
        return Err(vec![d]);
    }
    let mut c = Checker {
        src,
        problems: Vec::new(),
        warnings: Vec::new(),
        suggested: Vec::new(),
        plan: None,
        naming: src.naming(),
    };
    let spec = c.spec();
    if c.problems.is_empty() {
        if let Some(mut spec) = spec {
            // Located like problems, and as many: a schedule of weekends is
            // told in full, but never located past the cap.
            let located = c.warnings.into_iter().take(MAX_PROBLEMS);
            spec.warnings
                .extend(located.map(|p| p.located(src, false).as_warning()));
            return Ok(spec);
        }
    }
    let total = c.problems.len();
    let mut diags: Vec<Diagnostic> = c
        .problems
        .into_iter()
        .take(MAX_PROBLEMS)
        .map(|p| p.located(src, true))
        .collect();
    // The spec's own file first, then the files it extends, each in line order.
    let file_rank = |d: &Diagnostic| src.sources.iter().position(|s| s.path == d.file);
    diags.sort_by_key(|d| (file_rank(d), d.line.unwrap_or(0), d.column.unwrap_or(0)));
    if total > MAX_PROBLEMS {
        let file = &src.sources[0].path;
        diags.push(Diagnostic::file_level(
            file,
            msg::more_problems(total - MAX_PROBLEMS),
        ));
    }
    Err(diags)
}

struct Problem {
    path: FieldPath,
    target: Target,
    message: Message,
    help: Option<String>,
}

impl Problem {
    /// The problem at its place in the file that holds the value. An
    /// error in a value from last year's file is fixed in this year's
    /// (`fix_here`); a warning keeps its own help.
    fn located(self, src: &Loaded, fix_here: bool) -> Diagnostic {
        let d = src.diagnostic(&self.path, self.target, self.message);
        let here = fix_here.then(|| src.fix_here(&self.path)).flatten();
        match here.or(self.help) {
            Some(h) => d.with_help(h),
            None => d,
        }
    }
}

struct Checker<'s> {
    src: &'s Loaded,
    problems: Vec<Problem>,
    /// What is allowed but likely a slip: a date on a weekend or holiday.
    warnings: Vec<Problem>,
    /// Fields offered as "did you mean" for a misspelt key, by map: such a
    /// field is not reported missing as well, which would say it twice.
    suggested: Vec<(FieldPath, &'static str)>,
    /// The plan's year and period, once read: a date written without its
    /// year (`3月8日`) takes them.
    plan: Option<(i32, crate::spec::Period)>,
    /// How the user's file names its keys, for messages.
    naming: Naming,
}

impl Checker<'_> {
    pub(super) fn report(&mut self, path: &FieldPath, message: Message, help: Option<String>) {
        self.problems.push(Problem {
            path: path.clone(),
            target: Target::Value,
            message,
            help,
        });
    }

    pub(super) fn warn(&mut self, path: &FieldPath, message: Message, help: Option<String>) {
        self.warnings.push(Problem {
            path: path.clone(),
            target: Target::Value,
            message,
            help,
        });
    }

    pub(super) fn report_key(&mut self, path: &FieldPath, message: Message, help: Option<String>) {
        self.problems.push(Problem {
            path: path.clone(),
            target: Target::Key,
            message,
            help,
        });
    }

    /// "第 10 行" for where `first` was written, naming the file when it is
    /// not the one `here` was written in.
    pub(super) fn where_(&self, first: &FieldPath, here: &FieldPath) -> Option<String> {
        // Finding a line reads the file: past the problems that will be
        // listed it would make a file of repeated months quadratic.
        if self.problems.len() >= MAX_PROBLEMS {
            return None;
        }
        let (file, line) = self.src.position(first)?;
        let same = self.src.position(here).is_some_and(|(f, _)| f == file);
        Some(msg::at_line((!same).then(|| file.display()), line))
    }

    /// `id` and `remove` of a list entry; and no two entries with one id.
    pub(super) fn entry_keys(
        &mut self,
        m: &Mapping,
        path: &FieldPath,
        ids: &mut HashMap<String, FieldPath>,
    ) {
        if let Some(id) = self.optional(m, path, "id", Self::text) {
            let id_path = path.key("id");
            match ids.get(&id) {
                Some(first) => {
                    // Entries with one id from two files merge, so both are in
                    // one file. (Located only while it will be listed.)
                    let line = (self.problems.len() < MAX_PROBLEMS)
                        .then(|| self.src.position(first).map(|(_, line)| line))
                        .flatten();
                    self.report(&id_path, msg::duplicate_id(&id, line), None);
                }
                None => {
                    ids.insert(id, id_path);
                }
            }
        }
        match m.get("remove") {
            None | Some(Value::Bool(false)) | Some(Value::Null) => {}
            Some(Value::Bool(true)) => {
                self.report_key(&path.key("remove"), msg::remove_without_extends(), None)
            }
            Some(other) => {
                let found = msg::describe_value(other);
                self.report(&path.key("remove"), msg::bad_bool(&found), None)
            }
        }
    }

    // ---- the spec, top down --------------------------------------------

    pub(super) fn spec(&mut self) -> Option<Spec> {
        let root = FieldPath::root();
        let value = &self.src.value;
        let Some(map) = value.as_mapping() else {
            self.report(
                &root,
                msg::top_level_not_map(&msg::describe_value(value)),
                None,
            );
            return None;
        };
        self.check_keys(map, &root, fields::map("spec"));

        let school = self.required(map, &root, "school", |c, v, p| {
            let school = c.text(v, p)?;
            if placeholder::uses_any(&school) {
                c.report(p, msg::placeholder_in_school(), None);
                return None;
            }
            Some(school)
        });
        let year = self.required(map, &root, "year", Self::year);
        let term = self.optional(map, &root, "period", |c, v, p| c.period(v, p, year));
        let period = term.map(|(period, _)| period);
        // 下学期 of the school year starting in `year` is next spring.
        let year = match term {
            Some((_, Some(plan_year))) => Some(plan_year),
            _ => year,
        };
        self.plan = year.map(|y| (y, period.unwrap_or_default()));
        let title = self.optional(map, &root, "title", Self::text);
        let intro = self.optional(map, &root, "intro", Self::text);
        let guiding = self.required(map, &root, "guiding_principles", Self::text);
        let goals = self.optional(map, &root, "goals", Self::goals).flatten();
        let measures = self.required(map, &root, "measures", |c, v, p| c.measures(v, p, 1));
        let schedule = self.optional(map, &root, "schedule", |c, v, p| c.schedule(v, p, year));
        let signature = self.optional(map, &root, "signature", Self::signature);
        let headings = self.optional(map, &root, "headings", Self::headings);
        let style = self.optional(map, &root, "style", Self::style);

        let mut spec = Spec {
            school: school?,
            year: year?,
            period: period.unwrap_or_default(),
            title,
            intro,
            guiding_principles: guiding?,
            goals,
            measures: measures?,
            schedule: schedule.unwrap_or_default(),
            signature: signature.unwrap_or_default(),
            headings: headings.unwrap_or_default(),
            style: style.unwrap_or_default(),
            warnings: self
                .src
                .sources
                .iter()
                .filter_map(|s| s.encoding_note())
                .chain(self.src.sources.iter().flat_map(|s| s.comment_warnings()))
                .collect(),
            files: Default::default(),
        };
        spec.warnings.extend(self.src.warnings.iter().cloned());
        spec.files = crate::spec::Files(
            (self.src.sources.iter().map(|s| s.path.clone()))
                .chain(self.src.tables.iter().map(|t| t.path.clone()))
                .collect(),
        );
        spec.warnings
            .extend(stale::stale_years(self.src, spec.year));
        let values = placeholder::Values::of(&spec);
        spec.for_each_text(|t| *t = values.expand(t));
        Some(spec)
    }

    /// A text `import` put in for the user to fill (（请填写学校名称）) is
    /// refused: a plan must not go out with it.
    pub(super) fn not_left_from_import(&mut self, text: &str, path: &FieldPath) -> Option<()> {
        let placeholders = [
            msg::import_school_placeholder(),
            msg::import_guiding_placeholder(),
            msg::import_measures_placeholder(),
        ];
        if placeholders.iter().any(|p| text.trim() == p) {
            self.report(path, msg::import_placeholder_left(text.trim()), None);
            return None;
        }
        Some(())
    }

    /// Unknown keys are errors, with a "did you mean" where one is close;
    /// so is a missing field the table says is required.
    pub(super) fn check_keys(&mut self, map: &Mapping, path: &FieldPath, def: &MapDef) {
        let allowed = def.names();
        for key in map.keys() {
            match key.as_str() {
                Some(k) if allowed.contains(&k) => {}
                Some(k) => {
                    let (message, help, best) = unknown_key(def, k, self.naming);
                    if let Some(best) = best {
                        self.suggested.push((path.clone(), best));
                    }
                    self.report_key(&path.key(k), message, Some(help));
                }
                None => {
                    // A non-text key can't be named in a path; point at the map.
                    self.report(path, msg::key_not_text(&msg::describe_value(key)), None);
                }
            }
        }
        for f in def.required() {
            // A misspelt key already has its "did you mean": not twice.
            let suggested = self
                .suggested
                .iter()
                .any(|(p, n)| p == path && *n == f.name);
            if !map.contains_key(f.name) && !suggested {
                // Point at the map that lacks it (the file's start for the top level).
                self.report(
                    path,
                    msg::missing_field(&self.naming.key(f.name)),
                    Some(msg::missing_field_help(f.name, self.naming)),
                );
            }
        }
    }

    /// A field that must not be left empty. (That it is there at all is
    /// checked against the field table, in [`Self::check_keys`].)
    pub(super) fn required<T>(
        &mut self,
        map: &Mapping,
        path: &FieldPath,
        name: &str,
        check: impl FnOnce(&mut Self, &Value, &FieldPath) -> Option<T>,
    ) -> Option<T> {
        let p = path.key(name);
        match map.get(name) {
            None => None,
            Some(Value::Null) => {
                self.report(
                    &p,
                    msg::empty_text(),
                    Some(msg::missing_field_help(name, self.naming)),
                );
                None
            }
            Some(v) => check(self, v, &p),
        }
    }

    /// A field that may be absent or left empty (`intro:`).
    pub(super) fn optional<T>(
        &mut self,
        map: &Mapping,
        path: &FieldPath,
        name: &str,
        check: impl FnOnce(&mut Self, &Value, &FieldPath) -> Option<T>,
    ) -> Option<T> {
        match map.get(name) {
            None | Some(Value::Null) => None,
            Some(v) => check(self, v, &path.key(name)),
        }
    }
}

/// A text field's value as text: a string (without trailing spaces) or a
/// number as its digits (`school: 123`). Validation and the batch's
/// file naming read school names alike through this.
pub fn as_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim_end().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Characters XML 1.0 does not allow in a document.
pub fn forbidden_in_xml(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// What to say of `key`, not among `allowed`: the message, the help
/// ("did you mean" the closest name, or the list of names), and the name
/// suggested. Spec and district files say it alike.
///
/// The closest name is looked for among the English and the Chinese names
/// alike (`指导思路` → `指导思想`, `shcool` → `school`); the list of names
/// is given in the file's naming.
pub(crate) fn unknown_key(
    def: &MapDef,
    key: &str,
    naming: Naming,
) -> (Message, String, Option<&'static str>) {
    let best = closest(key, &def.all_names());
    let help = match best {
        Some(b) => msg::did_you_mean(b),
        None => {
            let names: Vec<String> = def.names().iter().map(|n| naming.key(n)).collect();
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            msg::allowed_fields(&names)
        }
    };
    let english = best.and_then(|b| def.by_any_name(b)).map(|f| f.name);
    (msg::unknown_field(key), help, english)
}

/// The closest allowed name, if it is close enough to be a likely typo.
pub(crate) fn closest(typed: &str, allowed: &[&'static str]) -> Option<&'static str> {
    let near: Vec<(usize, &'static str)> = allowed
        .iter()
        .map(|a| (strsim::damerau_levenshtein(typed, a), *a))
        .filter(|(d, a)| {
            // Two edits make a likely typo of an English name; a Chinese
            // name has fewer, denser characters: one edit per three (a
            // two-character name differing in both is another word), and
            // up to half of a name of four or more, for the pinyin input
            // method's slip of picking a word that sounds the same
            // (`知道思想` for `指导思想`).
            let n = a.chars().count();
            let most = if a.is_ascii() {
                2.max(a.len() / 4)
            } else if n >= 4 && typed.chars().count() == n {
                n / 2
            } else {
                1.max(n / 3)
            };
            *d <= most
        })
        .collect();
    let best = near.iter().map(|(d, _)| *d).min()?;
    let mut at_best = near.iter().filter(|(d, _)| *d == best);
    let first = at_best.next()?.1;
    // Two names as near (`工作计划`: `工作目标`? `工作安排`?) suggest
    // neither, unless the nearness is a single edit.
    if best > 1 && at_best.next().is_some() {
        return None;
    }
    Some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    pub(super) fn typos_get_a_suggestion() {
        let top = fields::map("spec").names();
        assert_eq!(
            closest("guiding_principle", &top),
            Some("guiding_principles")
        );
        assert_eq!(closest("shedule", &top), Some("schedule"));
        assert_eq!(closest("signatrue", &top), Some("signature"));
        assert_eq!(closest("xyz", &top), None);
    }
}

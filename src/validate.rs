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

use chrono::{Datelike, NaiveDate};
use serde_yaml::{Mapping, Value};

use crate::dates;
use crate::diag::Diagnostic;
use crate::extends::Loaded;
use crate::load::{FieldPath, Target};
use crate::messages as msg;
use crate::placeholder;
use crate::spec::fields::{self, MapDef};
use crate::spec::*;

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
        suggested: Vec::new(),
    };
    let spec = c.spec();
    if c.problems.is_empty() {
        if let Some(spec) = spec {
            return Ok(spec);
        }
    }
    let total = c.problems.len();
    let mut diags: Vec<Diagnostic> = c
        .problems
        .into_iter()
        .take(MAX_PROBLEMS)
        .map(|p| {
            let d = src.diagnostic(&p.path, p.target, p.message);
            match p.help {
                Some(h) => d.with_help(h),
                None => d,
            }
        })
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
    message: String,
    help: Option<String>,
}

struct Checker<'s> {
    src: &'s Loaded,
    problems: Vec<Problem>,
    /// Fields offered as "did you mean" for a misspelt key, by map: such a
    /// field is not reported missing as well, which would say it twice.
    suggested: Vec<(FieldPath, &'static str)>,
}

impl Checker<'_> {
    fn report(&mut self, path: &FieldPath, message: String, help: Option<String>) {
        self.problems.push(Problem {
            path: path.clone(),
            target: Target::Value,
            message,
            help,
        });
    }

    fn report_key(&mut self, path: &FieldPath, message: String, help: Option<String>) {
        self.problems.push(Problem {
            path: path.clone(),
            target: Target::Key,
            message,
            help,
        });
    }

    /// "第 10 行" for where `first` was written, naming the file when it is
    /// not the one `here` was written in.
    fn where_(&self, first: &FieldPath, here: &FieldPath) -> Option<String> {
        let (file, line) = self.src.position(first)?;
        let same = self.src.position(here).is_some_and(|(f, _)| f == file);
        Some(msg::at_line((!same).then(|| file.display()), line))
    }

    /// `id` and `remove` of a list entry; and no two entries with one id.
    fn entry_keys(&mut self, m: &Mapping, path: &FieldPath, ids: &mut HashMap<String, FieldPath>) {
        if let Some(id) = self.optional(m, path, "id", Self::text) {
            let id_path = path.key("id");
            match ids.get(&id) {
                Some(first) => {
                    // Entries with one id from two files merge, so both are in one file.
                    let line = self.src.position(first).map(|(_, line)| line);
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

    fn spec(&mut self) -> Option<Spec> {
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
        let period = self.optional(map, &root, "period", Self::period);
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
        };
        let values = placeholder::Values::of(&spec);
        spec.for_each_text(|t| *t = values.expand(t));
        Some(spec)
    }

    /// Unknown keys are errors, with a "did you mean" where one is close;
    /// so is a missing field the table says is required.
    fn check_keys(&mut self, map: &Mapping, path: &FieldPath, def: &MapDef) {
        let allowed = def.names();
        for key in map.keys() {
            match key.as_str() {
                Some(k) if allowed.contains(&k) => {}
                Some(k) => {
                    let (message, help, best) = unknown_key(&allowed, k);
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
                    msg::missing_field(f.name),
                    Some(msg::missing_field_help(f.name)),
                );
            }
        }
    }

    /// A field that must not be left empty. (That it is there at all is
    /// checked against the field table, in [`Self::check_keys`].)
    fn required<T>(
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
                self.report(&p, msg::empty_text(), Some(msg::missing_field_help(name)));
                None
            }
            Some(v) => check(self, v, &p),
        }
    }

    /// A field that may be absent or left empty (`intro:`).
    fn optional<T>(
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

    // ---- scalars ---------------------------------------------------------

    /// Text (Markdown). Numbers are taken as text: `target: 100` is fine.
    fn text(&mut self, v: &Value, path: &FieldPath) -> Option<String> {
        let s = match v {
            Value::String(s) => s.trim_end().to_string(),
            Value::Number(n) => n.to_string(),
            other => {
                self.report(
                    path,
                    msg::expected_text(&msg::describe_value(other)),
                    Some(msg::expected_text_help()),
                );
                return None;
            }
        };
        if s.trim().is_empty() {
            self.report(path, msg::empty_text(), None);
            return None;
        }
        // XML 1.0 can't hold these, so a DOCX with them would not open.
        if let Some(c) = s.chars().find(|&c| forbidden_in_xml(c)) {
            self.report(
                path,
                msg::control_character(c as u32),
                Some(msg::control_character_help()),
            );
            return None;
        }
        if let Err(problem) = placeholder::check(&s) {
            let message = match problem {
                placeholder::Problem::Unknown(name) => msg::placeholder_unknown(&name),
                placeholder::Problem::Unclosed => msg::placeholder_unclosed(),
            };
            let help = msg::placeholder_help(&placeholder::NAMES);
            self.report(path, message, Some(help));
            return None;
        }
        Some(s)
    }

    fn year(&mut self, v: &Value, path: &FieldPath) -> Option<i32> {
        let n = match v {
            Value::Number(n) => n.as_i64(),
            Value::String(s) if !s.is_empty() && s.chars().all(|c| c.is_ascii_digit()) => {
                s.parse().ok()
            }
            _ => None,
        };
        let Some(n) = n else {
            self.report(
                path,
                msg::bad_year(&msg::describe_value(v)),
                Some(msg::bad_year_help()),
            );
            return None;
        };
        if !(1949..=2200).contains(&n) {
            self.report(path, msg::year_out_of_range(n), Some(msg::bad_year_help()));
            return None;
        }
        Some(n as i32)
    }

    fn period(&mut self, v: &Value, path: &FieldPath) -> Option<Period> {
        match v.as_str().and_then(Period::from_name) {
            Some(p) => Some(p),
            None => {
                self.report(
                    path,
                    msg::bad_period(&msg::describe_value(v)),
                    Some(msg::bad_period_help(&Period::NAMES)),
                );
                None
            }
        }
    }

    fn month(&mut self, v: &Value, path: &FieldPath) -> Option<u32> {
        match v.as_u64() {
            Some(m @ 1..=12) => Some(m as u32),
            _ => {
                self.report(
                    path,
                    msg::bad_month(&msg::describe_value(v)),
                    Some(msg::bad_month_help()),
                );
                None
            }
        }
    }

    fn date(&mut self, v: &Value, path: &FieldPath) -> Option<NaiveDate> {
        let shown = match v {
            Value::String(s) => s.clone(),
            other => msg::describe_value(other),
        };
        match v.as_str().map(dates::parse) {
            Some(dates::Parsed::Date(d)) => Some(d),
            Some(dates::Parsed::Impossible) => {
                self.report(
                    path,
                    msg::impossible_date(&shown),
                    Some(msg::impossible_date_help()),
                );
                None
            }
            _ => {
                self.report(path, msg::bad_date(&shown), Some(msg::bad_date_help()));
                None
            }
        }
    }

    fn number(&mut self, v: &Value, path: &FieldPath, min: f64, max: f64) -> Option<f64> {
        let Some(n) = v.as_f64() else {
            self.report(path, msg::bad_number(&msg::describe_value(v)), None);
            return None;
        };
        if !(min..=max).contains(&n) {
            self.report(
                path,
                msg::number_out_of_range(&path.to_string(), min, max),
                None,
            );
            return None;
        }
        Some(n)
    }

    fn map<'v>(&mut self, v: &'v Value, path: &FieldPath, def: &MapDef) -> Option<&'v Mapping> {
        match v.as_mapping() {
            Some(m) => {
                self.check_keys(m, path, def);
                Some(m)
            }
            None => {
                self.report(path, msg::expected_map(&msg::describe_value(v)), None);
                None
            }
        }
    }

    /// A non-empty list; each element checked by `each`.
    fn list<T>(
        &mut self,
        v: &Value,
        path: &FieldPath,
        mut each: impl FnMut(&mut Self, &Value, &FieldPath) -> Option<T>,
    ) -> Option<Vec<T>> {
        let Some(seq) = v.as_sequence() else {
            self.report(path, msg::expected_list(&msg::describe_value(v)), None);
            return None;
        };
        if seq.is_empty() {
            self.report(path, msg::empty_list(), None);
            return None;
        }
        let mut out = Vec::with_capacity(seq.len());
        let mut ok = true;
        for (i, item) in seq.iter().enumerate() {
            match each(self, item, &path.index(i)) {
                Some(x) => out.push(x),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    // ---- sections ----------------------------------------------------------

    fn goals(&mut self, v: &Value, path: &FieldPath) -> Option<Option<Goals>> {
        match v {
            Value::Sequence(s) if s.is_empty() => Some(None),
            Value::Sequence(_) => {
                let mut ids = HashMap::new();
                self.list(v, path, |c, g, p| c.goal(g, p, &mut ids))
                    .map(|g| Some(Goals::List(g)))
            }
            Value::String(_) | Value::Number(_) => self.text(v, path).map(|t| Some(Goals::Text(t))),
            other => {
                self.report(
                    path,
                    msg::expected_list_or_text(&msg::describe_value(other)),
                    None,
                );
                None
            }
        }
    }

    fn goal(
        &mut self,
        v: &Value,
        path: &FieldPath,
        ids: &mut HashMap<String, FieldPath>,
    ) -> Option<Goal> {
        if !v.is_mapping() {
            return self.text(v, path).map(|text| Goal { text, target: None });
        }
        let m = self.map(v, path, fields::map("goal"))?;
        self.entry_keys(m, path, ids);
        let text = self.required(m, path, "text", Self::text);
        let target = self.optional(m, path, "target", Self::text);
        Some(Goal {
            text: text?,
            target,
        })
    }

    fn measures(&mut self, v: &Value, path: &FieldPath, depth: usize) -> Option<Vec<Measure>> {
        if depth > MAX_MEASURE_DEPTH {
            self.report(
                path,
                msg::too_deep(MAX_MEASURE_DEPTH),
                Some(msg::too_deep_help()),
            );
            return None;
        }
        let mut ids = HashMap::new();
        self.list(v, path, |c, item, p| c.measure(item, p, depth, &mut ids))
    }

    fn measure(
        &mut self,
        v: &Value,
        path: &FieldPath,
        depth: usize,
        ids: &mut HashMap<String, FieldPath>,
    ) -> Option<Measure> {
        if !v.is_mapping() {
            return self.text(v, path).map(|text| Measure {
                text: Some(text),
                ..Measure::default()
            });
        }
        let m = self.map(v, path, fields::map("measure"))?;
        self.entry_keys(m, path, ids);
        let title = self.optional(m, path, "title", Self::text);
        let text = self.optional(m, path, "text", Self::text);
        let items = self.optional(m, path, "items", |c, v, p| c.measures(v, p, depth + 1));
        if title.is_none() && text.is_none() && !m.contains_key("title") && !m.contains_key("text")
        {
            self.report(path, msg::measure_empty(), Some(msg::measure_empty_help()));
            return None;
        }
        Some(Measure {
            title,
            text,
            items: items.unwrap_or_default(),
        })
    }

    fn schedule(
        &mut self,
        v: &Value,
        path: &FieldPath,
        year: Option<i32>,
    ) -> Option<Vec<ScheduleEntry>> {
        // Months seen so far, with where they were first given.
        if v.as_sequence().is_some_and(|s| s.is_empty()) {
            // No schedule this time (an `extends` file clears its parent's this way).
            return Some(Vec::new());
        }
        let mut seen: HashMap<u32, FieldPath> = HashMap::new();
        let mut ids = HashMap::new();
        self.list(v, path, |c, entry, p| {
            c.entry(entry, p, year, &mut seen, &mut ids)
        })
    }

    fn entry(
        &mut self,
        v: &Value,
        path: &FieldPath,
        year: Option<i32>,
        seen: &mut HashMap<u32, FieldPath>,
        ids: &mut HashMap<String, FieldPath>,
    ) -> Option<ScheduleEntry> {
        let m = self.map(v, path, fields::map("entry"))?;
        self.entry_keys(m, path, ids);
        let months: Option<Vec<(u32, FieldPath)>> = match (m.get("month"), m.get("months")) {
            (Some(_), Some(_)) => {
                self.report_key(
                    &path.key("months"),
                    msg::month_and_months(),
                    Some(msg::month_and_months_help()),
                );
                None
            }
            (Some(v), None) => {
                let p = path.key("month");
                self.month(v, &p).map(|mo| vec![(mo, p)])
            }
            (None, Some(v)) => {
                let p = path.key("months");
                self.list(v, &p, |c, mv, mp| {
                    c.month(mv, mp).map(|mo| (mo, mp.clone()))
                })
            }
            (None, None) => {
                self.report(path, msg::missing_month(), Some(msg::bad_month_help()));
                None
            }
        };
        let mut ok = months.is_some();
        if let Some(months) = &months {
            for (mo, p) in months {
                if let Some(first) = seen.get(mo) {
                    let at = self.where_(first, p);
                    self.report(p, msg::month_twice(*mo, at), Some(msg::month_twice_help()));
                    ok = false;
                } else {
                    seen.insert(*mo, p.clone());
                }
            }
        }
        let month_list: Option<Vec<u32>> = months.map(|v| v.into_iter().map(|(m, _)| m).collect());
        let items = self.required(m, path, "items", |c, v, p| {
            let mut item_ids = HashMap::new();
            c.list(v, p, |c, iv, ip| {
                c.item(iv, ip, month_list.as_deref(), year, &mut item_ids)
            })
        });
        match (ok, month_list, items) {
            (true, Some(months), Some(items)) => Some(ScheduleEntry { months, items }),
            _ => None,
        }
    }

    fn item(
        &mut self,
        v: &Value,
        path: &FieldPath,
        months: Option<&[u32]>,
        year: Option<i32>,
        ids: &mut HashMap<String, FieldPath>,
    ) -> Option<ScheduleItem> {
        if !v.is_mapping() {
            return self.text(v, path).map(|text| ScheduleItem {
                text,
                date: None,
                owner: None,
            });
        }
        let m = self.map(v, path, fields::map("item"))?;
        self.entry_keys(m, path, ids);
        let text = self.required(m, path, "text", Self::text);
        let owner = self.optional(m, path, "owner", Self::text);
        let date_path = path.key("date");
        let date = match self.optional(m, path, "date", Self::date) {
            Some(d) => {
                let shown = d.format("%Y-%m-%d").to_string();
                if let Some(months) = months {
                    if !months.contains(&d.month()) {
                        let names = months
                            .iter()
                            .map(|m| format!("{m}月"))
                            .collect::<Vec<_>>()
                            .join("、");
                        self.report(
                            &date_path,
                            msg::date_outside_months(&shown, &names),
                            Some(msg::date_outside_months_help()),
                        );
                        return None;
                    }
                }
                if let Some(y) = year {
                    if d.year() != y && d.year() != y + 1 {
                        self.report(
                            &date_path,
                            msg::date_wrong_year(&shown, y),
                            Some(msg::date_wrong_year_help()),
                        );
                        return None;
                    }
                }
                Some(d)
            }
            None if m.get("date").is_some_and(|d| !d.is_null()) => return None,
            None => None,
        };
        Some(ScheduleItem {
            text: text?,
            date,
            owner,
        })
    }

    fn signature(&mut self, v: &Value, path: &FieldPath) -> Option<Signature> {
        let m = self.map(v, path, fields::map("signature"))?;
        Some(Signature {
            org: self.optional(m, path, "org", Self::text),
            date: self.optional(m, path, "date", Self::date),
        })
    }

    /// Replace each default in `slots` with the text given in `m`, if any.
    fn override_texts<'a>(
        &mut self,
        m: &Mapping,
        path: &FieldPath,
        slots: impl IntoIterator<Item = (&'static str, &'a mut String)>,
    ) {
        for (name, slot) in slots {
            if let Some(t) = self.optional(m, path, name, Self::text) {
                *slot = t;
            }
        }
    }

    fn headings(&mut self, v: &Value, path: &FieldPath) -> Option<Headings> {
        let m = self.map(v, path, fields::map("headings"))?;
        let mut h = Headings::default();
        self.override_texts(
            m,
            path,
            [
                ("guiding_principles", &mut h.guiding_principles),
                ("goals", &mut h.goals),
                ("measures", &mut h.measures),
                ("schedule", &mut h.schedule),
            ],
        );
        Some(h)
    }

    fn style(&mut self, v: &Value, path: &FieldPath) -> Option<Style> {
        let m = self.map(v, path, fields::map("style"))?;
        let mut s = Style::default();
        self.override_texts(
            m,
            path,
            [
                ("title_font", &mut s.title_font),
                ("title_fallback_font", &mut s.title_fallback_font),
                ("body_font", &mut s.body_font),
                ("heading1_font", &mut s.heading1_font),
                ("heading2_font", &mut s.heading2_font),
                ("heading3_font", &mut s.heading3_font),
                ("page_number_font", &mut s.page_number_font),
            ],
        );
        let mut lines = s.lines_per_page as f64;
        for (name, slot) in [
            ("title_size", &mut s.title_size),
            ("body_size", &mut s.body_size),
            ("page_number_size", &mut s.page_number_size),
            ("lines_per_page", &mut lines),
        ] {
            // The range is the field table's.
            let Some(fields::Field {
                kind: fields::Kind::Number { min, max, .. },
                ..
            }) = fields::map("style").field(name)
            else {
                unreachable!("{name} is a number in the field table");
            };
            let (min, max) = (f64::from(*min), f64::from(*max));
            if let Some(n) = self.optional(m, path, name, |c, v, p| c.number(v, p, min, max)) {
                *slot = n;
            }
        }
        s.lines_per_page = lines.round() as u32;
        Some(s)
    }
}

/// Characters XML 1.0 does not allow in a document.
pub fn forbidden_in_xml(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// What to say of `key`, not among `allowed`: the message, the help
/// ("did you mean" the closest name, or the list of names), and the name
/// suggested. Spec and district files say it alike.
pub(crate) fn unknown_key(
    allowed: &[&'static str],
    key: &str,
) -> (String, String, Option<&'static str>) {
    let best = closest(key, allowed);
    let help = match best {
        Some(b) => msg::did_you_mean(b),
        None => msg::allowed_fields(allowed),
    };
    (msg::unknown_field(key), help, best)
}

/// The closest allowed name, if it is close enough to be a likely typo.
pub(crate) fn closest(typed: &str, allowed: &[&'static str]) -> Option<&'static str> {
    allowed
        .iter()
        .map(|a| (strsim::damerau_levenshtein(typed, a), *a))
        .filter(|(d, a)| *d <= 2.max(a.len() / 4))
        .min_by_key(|(d, _)| *d)
        .map(|(_, a)| a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_get_a_suggestion() {
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

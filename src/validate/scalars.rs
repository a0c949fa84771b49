//! The checker's readers of single values: texts, years, periods,
//! months, dates, numbers, and the maps and lists that hold them.

use chrono::NaiveDate;
use serde_yaml::{Mapping, Value};

use super::*;

impl Checker<'_> {
    // ---- scalars ---------------------------------------------------------

    /// Text (Markdown). Numbers are taken as text: `target: 100` is fine.
    pub(super) fn text(&mut self, v: &Value, path: &FieldPath) -> Option<String> {
        let s = match as_text(v) {
            Some(s) => s,
            None => {
                self.report(
                    path,
                    msg::expected_text(&msg::describe_value(v)),
                    Some(msg::expected_text_help()),
                );
                return None;
            }
        };
        if s.trim().is_empty() {
            self.report(path, msg::empty_text(), None);
            return None;
        }
        self.not_left_from_import(&s, path)?;
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

    pub(super) fn year(&mut self, v: &Value, path: &FieldPath) -> Option<i32> {
        let n = match v {
            Value::Number(n) => n.as_i64(),
            // `2025` or `2025年`, as a title writes it.
            Value::String(s) => {
                let t = s.trim();
                let t = t.strip_suffix('年').unwrap_or(t).trim();
                (!t.is_empty() && t.chars().all(|c| c.is_ascii_digit()))
                    .then(|| t.parse().ok())
                    .flatten()
            }
            _ => None,
        };
        let Some(n) = n else {
            self.report(
                path,
                msg::bad_year(&msg::describe_value(v)),
                Some(msg::bad_year_help(self.naming)),
            );
            return None;
        };
        if !fields::YEARS.contains(&n) {
            self.report(
                path,
                msg::year_out_of_range(n),
                Some(msg::bad_year_help(self.naming)),
            );
            return None;
        }
        Some(n as i32)
    }

    /// One of a [`Choice`]'s values, by any of its spellings; `bad` and
    /// `help` say what was found and what may be written.
    pub(super) fn choice<T: Choice>(
        &mut self,
        v: &Value,
        path: &FieldPath,
        bad: fn(&str) -> Message,
        help: fn(&[&str]) -> String,
    ) -> Option<T> {
        let found = v.as_str().and_then(T::from_name);
        if found.is_none() {
            self.report(path, bad(&msg::describe_value(v)), Some(help(&T::names())));
        }
        found
    }

    /// The period, and the plan's year where the words give another one:
    /// besides the names of [`Period`], the school calendar's words.
    /// 上学期 and 第一学期 are the autumn term of the school year starting
    /// in `year`; 下学期 and 第二学期 its spring term, in `year + 1`;
    /// `2025-2026学年` (or `2025—2026学年度`) the school year starting in
    /// 2025, which must be `year`. The reading is said, as a warning, since
    /// a teacher may have meant this calendar year's spring.
    pub(super) fn period(
        &mut self,
        v: &Value,
        path: &FieldPath,
        year: Option<i32>,
    ) -> Option<(Period, Option<i32>)> {
        let text = v.as_str().map(str::trim).unwrap_or_default();
        if ["上学期", "第一学期"].contains(&text) {
            if let Some(y) = year {
                self.warn(path, msg::period_term_read(text, y, y, false), None);
            }
            return Some((Period::Autumn, None));
        }
        if ["下学期", "第二学期"].contains(&text) {
            let y = year?;
            self.warn(
                path,
                msg::period_term_read(text, y, y + 1, true),
                Some(msg::period_term_help(y)),
            );
            return Some((Period::Spring, Some(y + 1)));
        }
        if let Some((a, b)) = school_year_words(text) {
            if b != a + 1 || year.is_some_and(|y| y != a) {
                self.report(
                    path,
                    msg::period_school_year_mismatch(text, year.unwrap_or(a)),
                    Some(msg::period_school_year_help(a)),
                );
                return None;
            }
            return Some((Period::SchoolYear, None));
        }
        self.choice(v, path, msg::bad_period, msg::bad_period_help)
            .map(|p| (p, None))
    }

    /// One month, or several written as one text: `3`, `三月份`, `7-8月`.
    pub(super) fn months_in(&mut self, v: &Value, path: &FieldPath) -> Option<Vec<u32>> {
        let found = match v {
            Value::Number(n) => n
                .as_u64()
                .filter(|m| (1..=12).contains(m))
                .map(|m| vec![m as u32]),
            Value::String(s) => dates::months(s),
            _ => None,
        };
        match found {
            Some(months) => Some(months),
            None => {
                self.report(
                    path,
                    msg::bad_month(&msg::describe_value(v)),
                    Some(msg::bad_month_help(self.naming)),
                );
                None
            }
        }
    }

    pub(super) fn date(&mut self, v: &Value, path: &FieldPath) -> Option<NaiveDate> {
        let shown = match v {
            Value::String(s) => s.clone(),
            other => msg::describe_value(other),
        };
        // `3.8` is a number to YAML: read it as typed (3.10 is not 3.1).
        let typed = match v {
            Value::String(s) => Some(s.clone()),
            Value::Number(_) => self.src.scalar_text(path),
            _ => None,
        };
        if let Some((m, d)) = typed.as_deref().and_then(dates::month_day) {
            let Some((year, period)) = self.plan else {
                // The year is wrong or missing; that is reported already.
                return None;
            };
            let y = period.year_of_month(year, m);
            return match NaiveDate::from_ymd_opt(y, m, d) {
                Some(date) => {
                    self.check_weekday(&shown, date, path);
                    Some(date)
                }
                None => {
                    self.report(
                        path,
                        msg::impossible_date(&msg::written_date(y, m, d)),
                        Some(msg::impossible_date_help()),
                    );
                    None
                }
            };
        }
        match v.as_str().map(dates::parse) {
            Some(dates::Parsed::Date(d)) => {
                self.check_weekday(&shown, d, path);
                Some(d)
            }
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

    /// `3月8日（星期日）`: the weekday written must be the date's.
    fn check_weekday(&mut self, typed: &str, date: NaiveDate, path: &FieldPath) {
        use chrono::Datelike;
        if let Some(w) = dates::weekday_written(typed) {
            if w != date.weekday() {
                self.warn(
                    path,
                    msg::weekday_mismatch(typed, msg::weekday_name(date.weekday())),
                    None,
                );
            }
        }
    }

    pub(super) fn number(
        &mut self,
        v: &Value,
        path: &FieldPath,
        min: f64,
        max: f64,
    ) -> Option<f64> {
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

    pub(super) fn map<'v>(
        &mut self,
        v: &'v Value,
        path: &FieldPath,
        def: &MapDef,
    ) -> Option<&'v Mapping> {
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
    pub(super) fn list<T>(
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
}

/// `2025-2026学年`, `2025—2026学年度`: the two years.
fn school_year_words(text: &str) -> Option<(i32, i32)> {
    let t = text
        .strip_suffix("学年度")
        .or_else(|| text.strip_suffix("学年"))?;
    let (a, b) = t.split_once(['-', '—', '–', '－', '~', '～', '至', '到'])?;
    let year = |s: &str| {
        let s = s.trim().trim_end_matches('年');
        (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<i32>().ok())?
    };
    Some((year(a)?, year(b)?))
}

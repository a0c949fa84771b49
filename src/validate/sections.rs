//! The checker's readers of the plan's parts: goals, measures, the
//! schedule, the signature, headings and style.

use chrono::Datelike;
use serde_yaml::{Mapping, Value};

use super::*;

use std::collections::HashMap;

impl Checker<'_> {
    // ---- sections ----------------------------------------------------------

    pub(super) fn goals(&mut self, v: &Value, path: &FieldPath) -> Option<Option<Goals>> {
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

    pub(super) fn goal(
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

    pub(super) fn measures(
        &mut self,
        v: &Value,
        path: &FieldPath,
        depth: usize,
    ) -> Option<Vec<Measure>> {
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

    pub(super) fn measure(
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

    pub(super) fn schedule(
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

    pub(super) fn entry(
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
                    msg::month_and_months(self.naming),
                    Some(msg::month_and_months_help(self.naming)),
                );
                None
            }
            (Some(v), None) => {
                let p = path.key("month");
                self.months_in(v, &p)
                    .map(|ms| ms.into_iter().map(|mo| (mo, p.clone())).collect())
            }
            (None, Some(v)) => {
                let p = path.key("months");
                self.list(v, &p, |c, mv, mp| {
                    c.months_in(mv, mp).map(|ms| {
                        ms.into_iter()
                            .map(|mo| (mo, mp.clone()))
                            .collect::<Vec<_>>()
                    })
                })
                .map(|lists| lists.into_iter().flatten().collect())
            }
            (None, None) => {
                self.report(
                    path,
                    msg::missing_month(),
                    Some(msg::bad_month_help(self.naming)),
                );
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

    pub(super) fn item(
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
                        let names = msg::month_list(months);
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
                if let Some(off) = crate::calendar::day_off(d) {
                    let written = msg::written_date(d.year(), d.month(), d.day());
                    self.warn(
                        &date_path,
                        msg::date_is_day_off(&written, &off),
                        Some(msg::date_is_day_off_help()),
                    );
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

    pub(super) fn signature(&mut self, v: &Value, path: &FieldPath) -> Option<Signature> {
        let m = self.map(v, path, fields::map("signature"))?;
        let month_only = m
            .get("date")
            .and_then(Value::as_str)
            .and_then(dates::year_month);
        let date = match month_only {
            // `2025年2月`: kept as written, as old plans sign.
            Some((year, month)) => Some(SignatureDate::Month { year, month }),
            None => self
                .optional(m, path, "date", Self::date)
                .map(SignatureDate::Day),
        };
        Some(Signature {
            org: self.optional(m, path, "org", Self::text),
            date,
        })
    }

    /// Replace each default in `slots` with the text given in `m`, if any.
    pub(super) fn override_texts<'a>(
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

    pub(super) fn headings(&mut self, v: &Value, path: &FieldPath) -> Option<Headings> {
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

    pub(super) fn style(&mut self, v: &Value, path: &FieldPath) -> Option<Style> {
        let m = self.map(v, path, fields::map("style"))?;
        let mut s = Style::default();
        // The plan names its own body text, font and size: a template's
        // blank 正文 is then no news (`reference_blank_body`).
        let (mut font_chosen, mut size_chosen) = (false, false);
        for (name, slot) in [
            ("title_font", &mut s.title_font),
            ("title_fallback_font", &mut s.title_fallback_font),
            ("body_font", &mut s.body_font),
            ("heading1_font", &mut s.heading1_font),
            ("heading2_font", &mut s.heading2_font),
            ("heading3_font", &mut s.heading3_font),
            ("page_number_font", &mut s.page_number_font),
        ] {
            // A name longer than `w:rFonts` takes would make the DOCX one
            // Word refuses.
            let font = self.optional(m, path, name, |c, v, p| {
                let font = c.text(v, p)?;
                let count = font.chars().count();
                if count > crate::spec::MAX_FONT_NAME {
                    c.report(
                        p,
                        msg::font_name_too_long(count, crate::spec::MAX_FONT_NAME),
                        Some(msg::font_name_too_long_help()),
                    );
                    return None;
                }
                Some(font)
            });
            if let Some(font) = font {
                font_chosen |= name == "body_font";
                *slot = font;
            }
        }
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
                size_chosen |= name == "body_size";
                *slot = n;
            }
        }
        s.lines_per_page = lines.round() as u32;
        if let Some(layout) = self.optional(m, path, "schedule_layout", |c, v, p| {
            c.choice(
                v,
                p,
                msg::bad_schedule_layout,
                msg::bad_schedule_layout_help,
            )
        }) {
            s.schedule_layout = layout;
        }
        if let Some(layout) = self.optional(m, path, "signature_layout", |c, v, p| {
            c.choice(
                v,
                p,
                msg::bad_signature_layout,
                msg::bad_signature_layout_help,
            )
        }) {
            s.signature_layout = layout;
        }
        s.reference_doc = self.optional(m, path, "reference_doc", |c, v, p| {
            let written = c.text(v, p)?;
            // Relative to the file that names it, which may be a spec this
            // one `extends`.
            let dir = c
                .src
                .position(p)
                .map(|(file, _)| file)
                .unwrap_or(&c.src.sources[0].path)
                .parent()
                .map(std::path::Path::to_path_buf)
                .unwrap_or_default();
            let path = dir.join(written.trim());
            // Read now, so a file that is no DOCX is told at this line.
            match crate::reference::load_or_why(&path) {
                Ok(t) => {
                    for (warning, help) in t.warnings(written.trim()) {
                        let body_chosen = font_chosen && size_chosen;
                        if body_chosen && warning.code == msg::Code::reference_blank_body {
                            continue;
                        }
                        c.warn(p, warning, help);
                    }
                    Some(path)
                }
                Err(m) => {
                    c.report(p, m, None);
                    None
                }
            }
        });
        Some(s)
    }
}

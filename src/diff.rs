//! `unionplan diff OLD NEW`: what changed between two plans, as a person
//! would report it ("新增了……，删去了……，三八节活动从三月移到了四月").
//!
//! Both plans are compared after `extends` and placeholders, as laid out:
//! measures are matched by their title (or text, for items without one)
//! under their parents' titles, goals and schedule items by their text.

use std::collections::HashMap;
use std::hash::Hash;

use chrono::{Datelike, NaiveDate};

use crate::layout::{Plan, Section, lay_out};
use crate::spec::Spec;

/// One section's changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The section as the new plan calls it, e.g. `三、主要工作`.
    pub section: String,
    /// What changed in it; never empty.
    pub changes: Vec<Change>,
}

/// One change from the old plan to the new.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Something only the new plan has, as it reads there (a schedule item
    /// with its month: `三月：…`).
    Added(String),
    /// Something only the old plan had, shown as for [`Change::Added`].
    Removed(String),
    /// Something kept, with different wording or values.
    Changed {
        /// What it is: a part's name (`标题`, `正文`) or the item's text.
        what: String,
        /// The old wording or value.
        old: String,
        /// The new wording or value.
        new: String,
    },
    /// A schedule item now in another month.
    Moved {
        /// The item's text.
        what: String,
        /// The month heading it was under (`三月`).
        from: String,
        /// The month heading it is under now.
        to: String,
    },
    /// A schedule item whose date moved with its festival's (中秋节 is on
    /// another day each year): a change the calendar made, not a person.
    Calendar {
        /// The item's text.
        what: String,
        /// The festival's name (`中秋节`).
        festival: &'static str,
    },
}

/// The differences from `old` to `new`, by section; empty when none.
pub fn diff(old: &Spec, new: &Spec) -> Vec<Group> {
    // The render day plays no part: both plans get the same one.
    let day = NaiveDate::from_ymd_opt(2000, 1, 1).expect("a valid date");
    let (a, b) = (lay_out(old, day), lay_out(new, day));
    let mut groups = Vec::new();
    let mut push = |section: String, changes: Vec<Change>| {
        if !changes.is_empty() {
            groups.push(Group { section, changes });
        }
    };

    let mut head = Vec::new();
    changed(&mut head, "标题", &a.title, &b.title);
    changed(&mut head, "前言", opt(&a.intro), opt(&b.intro));
    push("计划".into(), head);

    for kind in ["guiding_principles", "goals", "measures", "schedule"] {
        let (sa, sb) = (section(&a, kind), section(&b, kind));
        let name = match (sa, sb) {
            (_, Some(s)) | (Some(s), None) => format!("{}{}", s.number, s.heading),
            (None, None) => continue,
        };
        let mut changes = Vec::new();
        if let (Some(x), Some(y)) = (sa, sb) {
            changed(&mut changes, "标题", &x.heading, &y.heading);
        }
        let (x, y) = (
            sa.cloned().unwrap_or_default(),
            sb.cloned().unwrap_or_default(),
        );
        changed(&mut changes, "正文", opt(&x.text), opt(&y.text));
        goals(&mut changes, &x, &y);
        measures(&mut changes, &x, &y);
        schedule(&mut changes, &x, &y, &festive(old, new));
        push(name, changes);
    }

    let mut sig = Vec::new();
    changed(&mut sig, "落款", &a.signature.org, &b.signature.org);
    changed(&mut sig, "日期", &a.signature.date, &b.signature.date);
    push("落款".into(), sig);
    groups
}

fn opt(s: &Option<String>) -> &str {
    s.as_deref().unwrap_or("")
}

fn section<'p>(plan: &'p Plan, kind: &str) -> Option<&'p Section> {
    plan.sections.iter().find(|s| s.kind == kind)
}

fn changed(out: &mut Vec<Change>, what: &str, old: &str, new: &str) {
    match (old.is_empty(), new.is_empty()) {
        _ if old == new => {}
        (true, false) => out.push(Change::Added(format!(
            "{what}{}{new}",
            crate::messages::colon()
        ))),
        (false, true) => out.push(Change::Removed(format!(
            "{what}{}{old}",
            crate::messages::colon()
        ))),
        _ => out.push(Change::Changed {
            what: what.to_string(),
            old: old.to_string(),
            new: new.to_string(),
        }),
    }
}

/// The two sides of a changed text as a reader can tell them apart: whole
/// when both are short; otherwise each around where they differ, with a few
/// characters of the text before and after, and `ellipsis` where text is
/// left out. (Cut at their first 30 characters, a change in the middle of a
/// long paragraph showed two identical beginnings.)
pub fn excerpts(old: &str, new: &str, ellipsis: &str) -> (String, String) {
    const WHOLE: usize = 30;
    const CONTEXT: usize = 8;
    const CHANGED: usize = 24;
    let a: Vec<char> = old.chars().collect();
    let b: Vec<char> = new.chars().collect();
    if a.len() <= WHOLE && b.len() <= WHOLE {
        return (old.to_string(), new.to_string());
    }
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let max_suffix = a.len().min(b.len()) - prefix;
    let suffix = (a.iter().rev().zip(b.iter().rev()))
        .take(max_suffix)
        .take_while(|(x, y)| x == y)
        .count();
    let side = |s: &[char]| {
        let start = prefix.saturating_sub(CONTEXT);
        let changed_end = s.len() - suffix;
        let end = (changed_end.min(prefix + CHANGED) + CONTEXT).min(s.len());
        let mut out = String::new();
        if start > 0 {
            out.push_str(ellipsis);
        }
        out.extend(&s[start..end]);
        if end < s.len() {
            out.push_str(ellipsis);
        }
        out
    };
    (side(&a), side(&b))
}

/// Each key's first entry: one lookup instead of a search per entry, so
/// plans of thousands of entries compare in linear time.
fn first_by<'a, T, K: Eq + Hash>(items: &'a [T], key: impl Fn(&'a T) -> K) -> HashMap<K, &'a T> {
    let mut map = HashMap::with_capacity(items.len());
    for item in items {
        map.entry(key(item)).or_insert(item);
    }
    map
}

fn goals(out: &mut Vec<Change>, a: &Section, b: &Section) {
    let (old, new) = (
        first_by(&a.goals, |g| g.text.as_str()),
        first_by(&b.goals, |g| g.text.as_str()),
    );
    for g in &b.goals {
        match old.get(g.text.as_str()) {
            None => out.push(Change::Added(g.text.clone())),
            Some(o) if o.target != g.target => out.push(Change::Changed {
                what: g.text.clone(),
                old: opt(&o.target).to_string(),
                new: opt(&g.target).to_string(),
            }),
            Some(_) => {}
        }
    }
    for o in &a.goals {
        if !new.contains_key(o.text.as_str()) {
            out.push(Change::Removed(o.text.clone()));
        }
    }
}

/// Each measure with the chain of names above it, which identifies it.
fn measure_keys(s: &Section) -> Vec<(Vec<String>, String, Option<String>)> {
    let mut chain: Vec<String> = Vec::new();
    let mut numbers: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for m in &s.measures {
        chain.truncate(m.level - 1);
        numbers.truncate(m.level - 1);
        let name = m
            .title
            .clone()
            .or_else(|| m.text.clone())
            .unwrap_or_default();
        chain.push(name);
        numbers.push(&m.number);
        // The full number, （一）3., so the reader can find it in the plan.
        let shown = format!(
            "{}{}",
            numbers.concat(),
            m.title.as_deref().or(m.text.as_deref()).unwrap_or("")
        );
        let text = m.title.as_ref().and(m.text.clone());
        out.push((chain.clone(), shown, text));
    }
    out
}

fn measures(out: &mut Vec<Change>, a: &Section, b: &Section) {
    let (old, new) = (measure_keys(a), measure_keys(b));
    let (old_by, new_by) = (first_by(&old, |m| &m.0), first_by(&new, |m| &m.0));
    for (key, shown, text) in &new {
        match old_by.get(key) {
            None => out.push(Change::Added(shown.clone())),
            Some((_, _, old_text)) if old_text != text => out.push(Change::Changed {
                what: shown.clone(),
                old: opt(old_text).to_string(),
                new: opt(text).to_string(),
            }),
            Some(_) => {}
        }
    }
    for (key, shown, _) in &old {
        if !new_by.contains_key(key) {
            out.push(Change::Removed(shown.clone()));
        }
    }
}

/// The texts of schedule items whose date in `new` is their date in
/// `old` moved with the festival they name, with that festival.
fn festive(old: &Spec, new: &Spec) -> HashMap<String, &'static str> {
    let dated = |s: &Spec| -> HashMap<String, NaiveDate> {
        s.schedule
            .iter()
            .flat_map(|e| &e.items)
            .filter_map(|i| Some((i.text.clone(), i.date?)))
            .collect()
    };
    let before = dated(old);
    dated(new)
        .into_iter()
        .filter_map(|(text, date)| {
            let festival = crate::calendar::festival_named(&text)?;
            let was = *before.get(&text)?;
            let moved =
                crate::calendar::festival_move(festival, was, (old.year, old.period), new.year)?;
            let moved_to = moved.new?;
            (moved_to == date && moved.old != moved_to.with_year(moved.old.year())?)
                .then_some((text, festival.name()))
        })
        .collect()
}

fn schedule(
    out: &mut Vec<Change>,
    a: &Section,
    b: &Section,
    festive: &HashMap<String, &'static str>,
) {
    let items = |s: &Section| -> Vec<(String, String, String)> {
        s.months
            .iter()
            .flat_map(|m| {
                m.items.iter().map(move |i| {
                    let detail = crate::layout::item_details(i.date.as_deref(), i.owner.as_deref());
                    (i.text.clone(), m.heading.clone(), detail)
                })
            })
            .collect()
    };
    let (old, new) = (items(a), items(b));
    let (old_by, new_by) = (first_by(&old, |i| &i.0), first_by(&new, |i| &i.0));
    for (text, month, detail) in &new {
        match old_by.get(text) {
            None => out.push(Change::Added(format!(
                "{month}{}{text}",
                crate::messages::colon()
            ))),
            Some((_, old_month, old_detail)) => {
                if old_month != month {
                    out.push(Change::Moved {
                        what: text.clone(),
                        from: old_month.clone(),
                        to: month.clone(),
                    });
                }
                if old_detail != detail {
                    out.push(Change::Changed {
                        what: text.clone(),
                        old: old_detail.clone(),
                        new: detail.clone(),
                    });
                    if let Some(festival) = festive.get(text) {
                        out.push(Change::Calendar {
                            what: text.clone(),
                            festival,
                        });
                    }
                }
            }
        }
    }
    for (text, month, _) in &old {
        if !new_by.contains_key(text) {
            out.push(Change::Removed(format!(
                "{month}{}{text}",
                crate::messages::colon()
            )));
        }
    }
}

/// What `diff` reports, line by line as the command prints it: each
/// section's name, then its changes indented; one line saying so when
/// nothing changed.
pub fn report_lines(old: &Spec, new: &Spec) -> Vec<String> {
    use crate::messages;
    let groups = diff(old, new);
    if groups.is_empty() {
        return vec![messages::diff_none().to_string()];
    }
    let mut lines = Vec::new();
    for g in groups {
        lines.push(g.section.to_string());
        for c in &g.changes {
            let line = match c {
                Change::Added(w) => messages::diff_added(w),
                Change::Removed(w) => messages::diff_removed(w),
                Change::Changed { what, old, new } => messages::diff_changed(what, old, new),
                Change::Moved { what, from, to } => messages::diff_moved(what, from, to),
                Change::Calendar { what, festival } => messages::diff_calendar(what, festival),
            };
            lines.push(format!("  {line}"));
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue #26: a change deep in a long text showed two identical
    /// beginnings (`“…落实县教育工会20……” → “…落实县教育工会20……”`).
    #[test]
    fn a_change_deep_in_a_long_text_is_shown_where_it_is() {
        let old =
            "认真学习贯彻党的二十大精神，全面落实县教育工会2025年工作要点，团结动员全体教职工。";
        let new = old.replace("2025年", "2026年");
        let (a, b) = excerpts(old, &new, "……");
        assert_ne!(a, b, "the two sides differ as shown");
        assert_eq!(a, "……县教育工会2025年工作要点，团结……");
        assert_eq!(b, "……县教育工会2026年工作要点，团结……");
        // Short texts are shown whole.
        assert_eq!(
            excerpts("植树", "植树活动", "……"),
            ("植树".into(), "植树活动".into())
        );
        // A change at the very start keeps its side's edge.
        let tail = "乙".repeat(40);
        let (a, b) = excerpts(&format!("甲{tail}"), &format!("丙{tail}"), "…");
        assert!(a.starts_with('甲') && b.starts_with('丙'), "{a} {b}");
    }
}

//! Stage 3 of the pipeline: lay a [`Spec`] out as a [`Plan`].
//!
//! Everything a reader sees that the user did not type is decided here: the
//! default title, the section numbers 一、二、…, the measure numbers
//! （一） → 1. → （1） → ①, the month headings 二月 / 七、八月, the schedule item
//! numbers 1、2、, and dates written as 2025年3月1日. The numbers are plain
//! text, so they survive copy-paste and look the same in every format.
//!
//! The [`Plan`] is what templates see (as `plan`); its field names are part
//! of the template interface documented in the README.

use crate::spec::Choice as _;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::numerals::to_chinese;
use crate::spec::*;

/// A plan ready for the templates.
#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    /// The title: the spec's, or the one made from school, year and period.
    pub title: String,
    /// The school, as the spec names it.
    pub school: String,
    /// The plan's year, as the spec gives it.
    pub year: i32,
    /// The preface before the first section.
    pub intro: Option<String>,
    /// The sections in order, numbered 一、二、 without gaps.
    pub sections: Vec<Section>,
    /// The 落款.
    pub signature: SignatureLines,
    /// `list` or `table`: how the template sets out the schedule.
    pub schedule_layout: &'static str,
}

/// One numbered section (一、指导思想 …). Which lists are filled depends on `kind`.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Section {
    /// `guiding_principles`, `goals`, `measures` or `schedule`.
    pub kind: &'static str,
    /// `一、`
    pub number: String,
    /// The heading's wording (the spec's `headings`, or the default).
    pub heading: String,
    /// The section's paragraph(s), for guiding principles and goals given as text.
    pub text: Option<String>,
    /// The numbered goals, for goals given as a list.
    pub goals: Vec<GoalLine>,
    /// The measures tree in reading order, each node with its level and number.
    pub measures: Vec<MeasureLine>,
    /// The schedule's entries, in the order written.
    pub months: Vec<MonthBlock>,
    /// Some schedule item has a day: a table gets a 时间 column.
    pub has_dates: bool,
    /// Some schedule item has an owner: a table gets a 负责人 column.
    pub has_owners: bool,
}

/// One numbered goal.
#[derive(Debug, Clone, Serialize)]
pub struct GoalLine {
    /// `1.`
    pub number: String,
    /// What the goal is.
    pub text: String,
    /// Its measurable target (`100%`), shown after it.
    pub target: Option<String>,
}

/// One node of the measures tree, numbered.
#[derive(Debug, Clone, Serialize)]
pub struct MeasureLine {
    /// 1 for （一）, 2 for 1., 3 for （1）, 4 for ①.
    pub level: usize,
    /// Its number at its level: `（一）`, `1.`, `（1）` or `①`.
    pub number: String,
    /// Its title, set as a heading after the number.
    pub title: Option<String>,
    /// Its text, under the title or after the number.
    pub text: Option<String>,
    /// A text-only `1.` item among titled siblings: its text's first
    /// clause, set in bold after the number as its siblings' titles are
    /// (see [`lead_in`]); `rest` is the text after it.
    pub lead: Option<String>,
    /// The text after `lead`.
    pub rest: Option<String>,
}

/// One entry of the schedule: its month heading and its numbered items.
#[derive(Debug, Clone, Serialize)]
pub struct MonthBlock {
    /// `二月`, `七、八月`
    pub heading: String,
    /// The entry's items, in the order written.
    pub items: Vec<ItemLine>,
    /// The lines of the entry's 时间 cell in a table (see [`cell_lines`]).
    pub dates: Vec<String>,
    /// The lines of the entry's 负责人 cell in a table.
    pub owners: Vec<String>,
}

/// One numbered schedule item.
#[derive(Debug, Clone, Serialize)]
pub struct ItemLine {
    /// `1、`
    pub number: String,
    /// What is to be done.
    pub text: String,
    /// `3月8日`
    pub date: Option<String>,
    /// The person or office responsible.
    pub owner: Option<String>,
}

/// The 落款 as printed: the signing body above the date.
#[derive(Debug, Clone, Serialize)]
pub struct SignatureLines {
    /// The signing body: the spec's, or `<school>工会委员会`.
    pub org: String,
    /// `2025年3月1日`
    pub date: String,
}

/// Lay out `spec`; `today` is the signature date when the spec gives none.
pub fn lay_out(spec: &Spec, today: NaiveDate) -> Plan {
    let mut sections: Vec<Section> = Vec::new();
    // Sections are numbered as they are added, so absent ones leave no gap.
    let push = |sections: &[Section], kind: &'static str, heading: &str| Section {
        kind,
        number: format!("{}、", to_chinese(sections.len() as u32 + 1)),
        heading: heading.to_string(),
        text: None,
        goals: Vec::new(),
        measures: Vec::new(),
        months: Vec::new(),
        has_dates: false,
        has_owners: false,
    };

    let mut s = push(
        &sections,
        "guiding_principles",
        &spec.headings.guiding_principles,
    );
    s.text = Some(spec.guiding_principles.clone());
    sections.push(s);

    if let Some(goals) = &spec.goals {
        let mut s = push(&sections, "goals", &spec.headings.goals);
        match goals {
            Goals::Text(t) => s.text = Some(t.clone()),
            Goals::List(list) => {
                s.goals = list
                    .iter()
                    .enumerate()
                    .map(|(i, g)| GoalLine {
                        number: format!("{}.", i + 1),
                        text: g.text.clone(),
                        target: g.target.clone(),
                    })
                    .collect();
            }
        }
        sections.push(s);
    }

    let mut s = push(&sections, "measures", &spec.headings.measures);
    flatten_measures(&spec.measures, 1, &mut s.measures);
    sections.push(s);

    if !spec.schedule.is_empty() {
        let mut s = push(&sections, "schedule", &spec.headings.schedule);
        s.months = spec
            .schedule
            .iter()
            .map(|entry| {
                let items: Vec<ItemLine> = entry
                    .items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| ItemLine {
                        number: format!("{}、", i + 1),
                        text: item.text.clone(),
                        date: item.date.map(|d| format!("{}月{}日", d.month(), d.day())),
                        owner: item.owner.clone(),
                    })
                    .collect();
                MonthBlock {
                    heading: month_heading(&entry.months),
                    dates: cell_lines(&items, |i| i.date.as_deref()),
                    owners: cell_lines(&items, |i| i.owner.as_deref()),
                    items,
                }
            })
            .collect();
        s.has_dates = s.months.iter().any(|m| !m.dates.is_empty());
        s.has_owners = s.months.iter().any(|m| !m.owners.is_empty());
        sections.push(s);
    }

    Plan {
        title: spec.title.clone().unwrap_or_else(|| default_title(spec)),
        school: spec.school.clone(),
        year: spec.year,
        intro: spec.intro.clone(),
        sections,
        schedule_layout: spec.style.schedule_layout.name(),
        signature: SignatureLines {
            org: spec
                .signature
                .org
                .clone()
                .unwrap_or_else(|| format!("{}工会委员会", spec.school)),
            date: match spec.signature.date {
                Some(SignatureDate::Day(d)) => crate::dates::chinese_date(d),
                Some(SignatureDate::Month { year, month }) => format!("{year}年{month}月"),
                None => crate::dates::chinese_date(today),
            },
        },
    }
}

fn flatten_measures(measures: &[Measure], level: usize, out: &mut Vec<MeasureLine>) {
    // Siblings look alike: where some `1.` items have a title (a bold
    // 三级标题), the others lead in with their first clause in bold.
    let mixed = level == 2 && measures.iter().any(|m| m.title.is_some());
    for (i, m) in measures.iter().enumerate() {
        let (lead, rest) = match (&m.title, &m.text) {
            (None, Some(text)) if mixed => lead_in(text).unzip(),
            _ => (None, None),
        };
        out.push(MeasureLine {
            level,
            number: measure_number(level, i + 1),
            title: m.title.clone(),
            text: m.text.clone(),
            lead,
            rest,
        });
        flatten_measures(&m.items, level + 1, out);
    }
}

/// A lead-in longer than this many characters is no title: such an item
/// is set as plain text.
const MAX_LEAD: usize = 40;

/// `text`'s lead-in and what follows it: the first clause, up to the
/// first of ，。；：！？ (not included: a Markdown `**` closes before a
/// punctuation mark, never after one followed by a letter), or the whole
/// text. None where the clause is long, spans lines or holds Markdown of
/// its own, which bold around it could break.
fn lead_in(text: &str) -> Option<(String, String)> {
    let end = text
        .find(['，', '。', '；', '：', '！', '？', '\n'])
        .unwrap_or(text.len());
    let (lead, rest) = text.split_at(end);
    let markup = |c: char| "*_`[]<>\\!&#~|".contains(c);
    let plain = !lead.trim().is_empty()
        && lead.chars().count() <= MAX_LEAD
        && !lead.chars().any(markup)
        && lead.trim() == lead;
    plain.then(|| (lead.to_string(), rest.to_string()))
}

/// The number of the `n`-th (1-based) measure at `level` (1 = just below a section).
pub fn measure_number(level: usize, n: usize) -> String {
    match level {
        1 => format!("（{}）", to_chinese(n as u32)),
        2 => format!("{n}."),
        3 => format!("（{n}）"),
        _ => circled_number(n),
    }
}

/// ① … ⑳, then （n） where Unicode has no circled form.
fn circled_number(n: usize) -> String {
    match n {
        1..=20 => char::from_u32(0x2460 + n as u32 - 1).unwrap().to_string(),
        _ => format!("（{n}）"),
    }
}

/// The lines of a table's 时间 or 负责人 cell for one entry's `items`,
/// `value` giving each item's day or owner. A value shared by every item,
/// or the one item's, is written once; otherwise each item that has one
/// gets a line led by its number, `2、工会主席`, so a reader can match it
/// to its item however the lines wrap.
pub fn cell_lines<'a>(
    items: &'a [ItemLine],
    value: impl Fn(&'a ItemLine) -> Option<&'a str>,
) -> Vec<String> {
    let values: Vec<Option<&str>> = items.iter().map(&value).collect();
    match values.first() {
        None => Vec::new(),
        Some(Some(first)) if values.iter().all(|v| v == &Some(*first)) => {
            vec![first.to_string()]
        }
        _ => items
            .iter()
            .zip(&values)
            .filter_map(|(item, v)| v.map(|v| format!("{}{v}", item.number)))
            .collect(),
    }
}

/// `<school><year>年工会工作计划` and its variants by period.
pub fn default_title(spec: &Spec) -> String {
    title_for(&spec.school, spec.year, spec.period)
}

/// The default title of a plan of `school` for `year` and `period`.
pub fn title_for(school: &str, year: i32, period: Period) -> String {
    match period {
        Period::Year => format!("{school}{year}年工会工作计划"),
        Period::Spring => format!("{school}{year}年上半年工会工作计划"),
        Period::Autumn => format!("{school}{year}年下半年工会工作计划"),
        Period::SchoolYear => format!("{school}{year}—{}学年工会工作计划", year + 1),
    }
}

/// `二月`; several months `七、八月`.
pub fn month_heading(months: &[u32]) -> String {
    let names: Vec<String> = months.iter().map(|&m| to_chinese(m)).collect();
    format!("{}月", names.join("、"))
}

/// How the person responsible for a schedule item is introduced:
/// `（3月8日，负责：女工委员）`. `templates/plan.md` writes the same words.
pub const OWNER_LABEL: &str = "负责：";

/// The details after a schedule item, without their brackets: its day and
/// who is responsible, `3月8日，负责：女工委员`; empty when it has neither.
pub fn item_details(date: Option<&str>, owner: Option<&str>) -> String {
    match (date, owner) {
        (Some(d), Some(o)) => format!("{d}，{OWNER_LABEL}{o}"),
        (Some(d), None) => d.to_string(),
        (None, Some(o)) => format!("{OWNER_LABEL}{o}"),
        (None, None) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numerals() {
        let cases = [
            (1, "一"),
            (9, "九"),
            (10, "十"),
            (11, "十一"),
            (12, "十二"),
            (19, "十九"),
            (20, "二十"),
            (21, "二十一"),
            (99, "九十九"),
            (100, "一百"),
            (101, "一百零一"),
            (110, "一百一十"),
            (1005, "一千零五"),
            (2024, "二千零二十四"),
        ];
        for (n, want) in cases {
            assert_eq!(to_chinese(n), want, "{n}");
        }
    }

    #[test]
    fn month_headings() {
        assert_eq!(month_heading(&[2]), "二月");
        assert_eq!(month_heading(&[11]), "十一月");
        assert_eq!(month_heading(&[12]), "十二月");
        assert_eq!(month_heading(&[7, 8]), "七、八月");
    }

    #[test]
    fn measure_numbers_by_level() {
        assert_eq!(measure_number(1, 3), "（三）");
        assert_eq!(measure_number(1, 12), "（十二）");
        assert_eq!(measure_number(2, 2), "2.");
        assert_eq!(measure_number(3, 4), "（4）");
        assert_eq!(measure_number(4, 1), "①");
        assert_eq!(measure_number(4, 20), "⑳");
        assert_eq!(measure_number(4, 21), "（21）");
    }

    #[test]
    fn table_cells_write_a_shared_value_once() {
        let item = |n: usize, owner: Option<&str>| ItemLine {
            number: format!("{n}、"),
            text: "活动".into(),
            date: None,
            owner: owner.map(str::to_string),
        };
        fn owner(i: &ItemLine) -> Option<&str> {
            i.owner.as_deref()
        }
        let shared = [item(1, Some("工会主席")), item(2, Some("工会主席"))];
        assert_eq!(cell_lines(&shared, owner), ["工会主席"]);
        let mixed = [
            item(1, Some("工会主席")),
            item(2, None),
            item(3, Some("女工委员")),
        ];
        assert_eq!(cell_lines(&mixed, owner), ["1、工会主席", "3、女工委员"]);
        let one = [item(1, None), item(2, Some("女工委员"))];
        assert_eq!(cell_lines(&one, owner), ["2、女工委员"]);
        assert!(cell_lines(&[item(1, None)], owner).is_empty());
    }
}

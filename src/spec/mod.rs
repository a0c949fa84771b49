//! The plan spec: the typed form of what a user writes in YAML.
//!
//! The names here are the public interface described in the README's spec
//! reference. Values of this module are only ever built by
//! [`crate::validate`], which checks everything a user can get wrong, so the
//! later stages (layout, render) can rely on them: months are 1–12 and unique,
//! dates fall in their entry's months, the measures tree is at most
//! [`MAX_MEASURE_DEPTH`] deep.

pub mod fields;
pub mod keys;

use chrono::NaiveDate;
use serde::Serialize;

/// How deep the measures tree may go below its section (（一） → 1. → （1） → ①).
pub const MAX_MEASURE_DEPTH: usize = 4;

/// One union work plan of one school for one period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Spec {
    /// The school or unit the plan is for (`school`, 学校); the default
    /// title and 落款 are made from it.
    pub school: String,
    /// The plan's year (`year`, 年度); for a school-year plan, the year it
    /// begins in.
    pub year: i32,
    /// The period the plan covers (`period`, 期间); the whole year when
    /// not given.
    pub period: Period,
    /// The title (`title`, 标题); `None` for the one made from school, year
    /// and period ([`crate::layout::default_title`]).
    pub title: Option<String>,
    /// The preface before the first section (`intro`, 前言).
    pub intro: Option<String>,
    /// The 指导思想 section (`guiding_principles`): one paragraph per line.
    pub guiding_principles: String,
    /// The 工作目标 section (`goals`); `None` leaves the section out.
    pub goals: Option<Goals>,
    /// The 主要工作 section (`measures`): the measures tree, numbered at
    /// layout time.
    pub measures: Vec<Measure>,
    /// The 具体工作安排 section (`schedule`, 工作安排), in the order written;
    /// empty leaves the section out.
    pub schedule: Vec<ScheduleEntry>,
    /// The 落款 (`signature`).
    pub signature: Signature,
    /// The wording of the section headings (`headings`, 各节标题).
    pub headings: Headings,
    /// Fonts, sizes and layouts of the document (`style`, 样式).
    pub style: Style,
    /// Warnings and notes about a spec that is valid (a GBK file, text that
    /// names last year): shown to the user; the files are still written.
    #[serde(skip)]
    pub warnings: Vec<crate::diag::Diagnostic>,
    /// The files the plan was read from: its spec first, then the files it
    /// extends, nearest first; then rosters that gave values. No output may
    /// replace them ([`crate::write::Inputs`]).
    #[serde(skip)]
    pub files: Files,
}

/// The files a plan was read from ([`Spec::files`]). Where a plan came
/// from is not part of what it says: two specs that say the same are equal
/// whichever files they were read from.
#[derive(Debug, Clone, Default)]
pub struct Files(pub Vec<std::path::PathBuf>);

impl PartialEq for Files {
    fn eq(&self, _: &Files) -> bool {
        true
    }
}

impl std::ops::Deref for Files {
    type Target = [std::path::PathBuf];
    fn deref(&self) -> &[std::path::PathBuf] {
        &self.0
    }
}

impl Spec {
    /// The note that the plan gives no 落款 date and is dated `today`:
    /// said once wherever a plan is made, since the date prints on paper.
    pub fn undated_notice(&self, today: chrono::NaiveDate) -> Option<crate::diag::Diagnostic> {
        self.signature.date.is_none().then(|| {
            let file = self.files.first().cloned().unwrap_or_default();
            crate::diag::Diagnostic::file_level(
                &file,
                crate::messages::signature_dated_today(&crate::dates::chinese_date(today)),
            )
            .as_note()
            .with_help(crate::messages::signature_dated_today_help())
        })
    }

    /// Call `f` on every text a reader sees, except the school's name.
    pub fn for_each_text(&mut self, mut f: impl FnMut(&mut String)) {
        fn measures(ms: &mut [Measure], f: &mut dyn FnMut(&mut String)) {
            for m in ms {
                m.title
                    .iter_mut()
                    .chain(m.text.iter_mut())
                    .for_each(&mut *f);
                measures(&mut m.items, f);
            }
        }
        self.title.iter_mut().for_each(&mut f);
        self.intro.iter_mut().for_each(&mut f);
        f(&mut self.guiding_principles);
        match &mut self.goals {
            Some(Goals::Text(t)) => f(t),
            Some(Goals::List(list)) => {
                for g in list {
                    f(&mut g.text);
                    g.target.iter_mut().for_each(&mut f);
                }
            }
            None => {}
        }
        measures(&mut self.measures, &mut f);
        for item in self.schedule.iter_mut().flat_map(|e| e.items.iter_mut()) {
            f(&mut item.text);
            item.owner.iter_mut().for_each(&mut f);
        }
        self.signature.org.iter_mut().for_each(&mut f);
        let h = &mut self.headings;
        for t in [
            &mut h.guiding_principles,
            &mut h.goals,
            &mut h.measures,
            &mut h.schedule,
        ] {
            f(t);
        }
    }
}

/// The period a plan covers; it decides the default title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum Period {
    /// 年度: the calendar year.
    #[default]
    Year,
    /// 上半年 / 春季学期.
    Spring,
    /// 下半年 / 秋季学期.
    Autumn,
    /// 学年: September of `year` to the summer of `year + 1`.
    SchoolYear,
}

impl Period {
    /// The year month `m` falls in, in a plan for `year` over this
    /// period: a school-year plan runs from September to the next summer,
    /// so its January to August are in `year + 1`.
    pub fn year_of_month(self, year: i32, m: u32) -> i32 {
        match self {
            Period::SchoolYear if m <= 8 => year + 1,
            _ => year,
        }
    }
}

impl Choice for Period {
    const SPELLINGS: &'static [(Period, &'static [&'static str])] = &[
        (Period::Year, &["year", "年度", "全年"]),
        (Period::Spring, &["spring", "上半年", "春季", "春季学期"]),
        (Period::Autumn, &["autumn", "下半年", "秋季", "秋季学期"]),
        (Period::SchoolYear, &["school-year", "学年"]),
    ];
}

/// A setting with a few named values, each spelt in English (as a spec
/// writes it, and first) or in the Chinese words plans use for it. One
/// table per setting gives what a spec may say, what the schema offers
/// and what a problem lists, so the three never disagree.
pub trait Choice: Copy + PartialEq + Sized + 'static {
    /// Each value and its spellings, the English name first, in the
    /// order shown to users.
    const SPELLINGS: &'static [(Self, &'static [&'static str])];

    /// The value spelt `name`, in English or Chinese.
    fn from_name(name: &str) -> Option<Self> {
        let name = name.trim();
        Self::SPELLINGS
            .iter()
            .find(|(_, spellings)| spellings.contains(&name))
            .map(|&(value, _)| value)
    }

    /// The English name, as a spec writes it.
    fn name(self) -> &'static str {
        Self::SPELLINGS
            .iter()
            .find(|(value, _)| *value == self)
            .map_or("", |(_, spellings)| spellings[0])
    }

    /// The English names, in the order shown to users.
    fn names() -> Vec<&'static str> {
        Self::SPELLINGS.iter().map(|(_, s)| s[0]).collect()
    }

    /// Every spelling accepted, English and Chinese.
    fn spellings() -> Vec<&'static str> {
        Self::SPELLINGS
            .iter()
            .flat_map(|(_, s)| s.iter().copied())
            .collect()
    }
}

/// 工作目标: either one paragraph or a list of items.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Goals {
    /// `goals` written as one text: the section's paragraphs.
    Text(String),
    /// `goals` written as a list: items numbered 1. 2. at layout time.
    List(Vec<Goal>),
}

/// One item of a 工作目标 list (an entry of `goals`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Goal {
    /// What the goal is (`text`, 内容); an entry written as a plain text
    /// is this alone.
    pub text: String,
    /// A measurable target shown beside the item, e.g. `100%`.
    pub target: Option<String>,
}

/// One node of the measures tree (主要工作 / 具体措施).
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Measure {
    /// The node's title (`title`, 标题), set as a heading after its number.
    pub title: Option<String>,
    /// The node's text (`text`, 内容): paragraphs under its title, or after
    /// its number when it has none. An entry written as a plain text is
    /// this alone.
    pub text: Option<String>,
    /// The nodes one level below (`items`, 事项).
    pub items: Vec<Measure>,
}

/// One entry of the monthly schedule: one month, or several merged (七、八月).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScheduleEntry {
    /// The month, or the months merged, 1–12 (`month` or `months`, 月份);
    /// no month is in two entries.
    pub months: Vec<u32>,
    /// The entry's work (`items`, 事项), never empty; numbered 1、2、 at
    /// layout time.
    pub items: Vec<ScheduleItem>,
}

/// One piece of work in the schedule (an entry of a month's `items`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScheduleItem {
    /// What is to be done (`text`, 内容); an entry written as a plain text
    /// is this alone.
    pub text: String,
    /// The day it is done (`date`, 日期), in one of its entry's months.
    pub date: Option<NaiveDate>,
    /// The person or office responsible (`owner`, 负责人).
    pub owner: Option<String>,
}

/// 落款. Missing parts get their defaults at layout time.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Signature {
    /// The signing body (`signature.org`, 单位); `None` for
    /// `<school>工会委员会`.
    pub org: Option<String>,
    /// The 成文日期 (`signature.date`, 日期); `None` for the day the plan is
    /// made.
    pub date: Option<SignatureDate>,
}

/// The 落款's date: a day, or a month as old plans often give it
/// (`2025年2月`), kept as written rather than completed by a guess.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum SignatureDate {
    /// A day, printed `2025年2月18日`.
    Day(NaiveDate),
    /// A month without its day, printed `2025年2月`.
    Month {
        /// The year, e.g. 2025.
        year: i32,
        /// The month, 1–12.
        month: u32,
    },
}

/// As a spec writes it: `2025-02-18`, or `2025年2月`.
impl std::fmt::Display for SignatureDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SignatureDate::Day(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            SignatureDate::Month { year, month } => write!(f, "{year}年{month}月"),
        }
    }
}

/// The wording of the section headings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Headings {
    /// The 指导思想 section's heading (`headings.guiding_principles`).
    pub guiding_principles: String,
    /// The 工作目标 section's heading (`headings.goals`).
    pub goals: String,
    /// The 主要工作 section's heading (`headings.measures`).
    pub measures: String,
    /// The 具体工作安排 section's heading (`headings.schedule`).
    pub schedule: String,
}

impl Default for Headings {
    fn default() -> Self {
        Headings {
            guiding_principles: "指导思想".into(),
            goals: "工作目标".into(),
            measures: "主要工作".into(),
            schedule: "具体工作安排".into(),
        }
    }
}

/// The longest font name a DOCX can hold: the schema's `w:rFonts` takes at
/// most 31 characters (as Windows' LOGFONT does), and Word refuses a file
/// with a longer one.
pub const MAX_FONT_NAME: usize = 31;

/// Fonts and sizes of the document; the defaults are GB/T 9704-2012.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Style {
    /// The title's font (`style.title_font`).
    pub title_font: String,
    /// Used where `title_font` is not installed (`style.title_fallback_font`).
    pub title_fallback_font: String,
    /// The body text's font (`style.body_font`).
    pub body_font: String,
    /// The font of 一、 headings (`style.heading1_font`).
    pub heading1_font: String,
    /// The font of （一） headings and month headings (`style.heading2_font`).
    pub heading2_font: String,
    /// The font of 1. and （1） headings (`style.heading3_font`).
    pub heading3_font: String,
    /// The page numbers' font (`style.page_number_font`).
    pub page_number_font: String,
    /// The title's size in points (`style.title_size`); 22 pt is 2号.
    pub title_size: f64,
    /// The body text's size in points (`style.body_size`); 16 pt is 3号.
    pub body_size: f64,
    /// The page numbers' size in points (`style.page_number_size`); 14 pt
    /// is 4号.
    pub page_number_size: f64,
    /// Lines of text on a full page (`style.lines_per_page`; GB/T 9704: 22).
    pub lines_per_page: u32,
    /// How the 具体工作安排 is set (`style.schedule_layout`): lists under
    /// month headings, or a table.
    pub schedule_layout: ScheduleLayout,
    /// How the 落款 is set (`style.signature_layout`): without a seal, or
    /// with one.
    pub signature_layout: SignatureLayout,
    /// The school's Word file whose page, header, footer and styles the
    /// DOCX takes (`style.reference_doc`, 参考文档); resolved against the
    /// spec that names it.
    pub reference_doc: Option<std::path::PathBuf>,
}

/// How the 具体工作安排 is set out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum ScheduleLayout {
    /// 二月 as a heading, its items numbered 1、2、 below it.
    #[default]
    List,
    /// 行事历: a table with a row per month entry.
    Table,
}

impl Choice for ScheduleLayout {
    const SPELLINGS: &'static [(ScheduleLayout, &'static [&'static str])] = &[
        (ScheduleLayout::List, &["list", "列表", "分月列表"]),
        (ScheduleLayout::Table, &["table", "表格", "行事历"]),
    ];
}

/// How the 落款 is set (GB/T 9704 §7.3.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum SignatureLayout {
    /// §7.3.5.2, no seal: the 署名 two characters in from the right, the
    /// date's first character two characters right of the 署名's.
    #[default]
    Unsealed,
    /// §7.3.5.1, sealed: the date four characters in from the right, the
    /// 署名 centred over it, room above for the seal.
    Sealed,
}

impl Choice for SignatureLayout {
    const SPELLINGS: &'static [(SignatureLayout, &'static [&'static str])] = &[
        (
            SignatureLayout::Unsealed,
            &["unsealed", "不加盖印章", "不盖章"],
        ),
        (SignatureLayout::Sealed, &["sealed", "加盖印章", "盖章"]),
    ];
}

impl Default for Style {
    fn default() -> Self {
        Style {
            title_font: "方正小标宋简体".into(),
            // 宋体, as Word-made 公文 templates name it: a serif like the
            // title font, where 黑体 would look like the 一级标题.
            title_fallback_font: "宋体".into(),
            body_font: "仿宋".into(),
            heading1_font: "黑体".into(),
            heading2_font: "楷体".into(),
            heading3_font: "仿宋".into(),
            page_number_font: "宋体".into(),
            title_size: 22.0,
            body_size: 16.0,
            page_number_size: 14.0,
            lines_per_page: 22,
            schedule_layout: ScheduleLayout::List,
            signature_layout: SignatureLayout::Unsealed,
            reference_doc: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Period;

    #[test]
    fn a_school_year_runs_into_the_next_year() {
        assert_eq!(Period::SchoolYear.year_of_month(2025, 1), 2026);
        assert_eq!(Period::SchoolYear.year_of_month(2025, 8), 2026);
        assert_eq!(Period::SchoolYear.year_of_month(2025, 9), 2025);
        assert_eq!(Period::Year.year_of_month(2025, 1), 2025);
        assert_eq!(Period::Spring.year_of_month(2025, 12), 2025);
    }
}

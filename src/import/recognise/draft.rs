//! What the recogniser finds in one plan: the draft model.

use super::WrittenDate;

/// One node of the measures tree as found: its first line and what follows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Node {
    /// The text after the number, which holds the title if there is one.
    pub head: String,
    /// Paragraphs after the head.
    pub paras: Vec<String>,
    /// The measures numbered under this one, a level down.
    pub items: Vec<Node>,
}

/// One month (or several) of the schedule.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The months the entry is for, 1 to 12, in the plan's order.
    pub months: Vec<u32>,
    /// Its items as written, one line each; a date and owner in an item
    /// are read out of it only when the spec is written
    /// ([`item_details`](super::item_details)).
    pub items: Vec<String>,
}

/// Which part of the spec a remark is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    /// `school`.
    School,
    /// `year`.
    Year,
    /// `period`.
    Period,
    /// `title`.
    Title,
    /// `intro`, the text before the first section.
    Intro,
    /// `guiding_principles` (指导思想).
    GuidingPrinciples,
    /// `goals` (工作目标).
    Goals,
    /// `measures`, the numbered work.
    Measures,
    /// `schedule`, month by month.
    Schedule,
    /// `signature`, the 落款.
    Signature,
}

/// Something the recogniser was unsure of: a `# 请核对` comment in the
/// spec, in Chinese, and a line of the import report, in the user's
/// language.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    /// The part of the spec the comment stands above.
    pub field: Field,
    /// For the spec.
    pub text: String,
    /// For the terminal.
    pub shown: String,
}

impl Note {
    /// `words` is asked twice: once in Chinese, once in the user's language.
    pub fn new(field: Field, words: impl Fn() -> String) -> Note {
        Note {
            field,
            text: crate::messages::in_chinese(&words),
            shown: words(),
        }
    }
}

/// A plan as recognised, before it is written as a spec.
#[derive(Clone, Debug, Default)]
pub struct Draft {
    /// The plan's title as written.
    pub title: Option<String>,
    /// The title of the page the plan came from, when the plan has none.
    pub page_title: Option<String>,
    /// Paragraphs before the first section, for the spec's `intro`; they
    /// become the 指导思想 where the plan has no such section.
    pub intro: Vec<String>,
    /// Paragraphs of the 指导思想 section.
    pub guiding: Vec<String>,
    /// Paragraphs of the 工作目标 section that are not numbered goals:
    /// those before the first goal, or all of them where none is numbered.
    pub goals_paras: Vec<String>,
    /// Numbered goals, one string each.
    pub goals: Vec<String>,
    /// The measures tree, its top level first.
    pub measures: Vec<Node>,
    /// The schedule's entries, in the plan's order, overlapping months
    /// merged and empty months left out (with a note).
    pub schedule: Vec<Entry>,
    /// The 落款's unit (`……工会委员会`), taken off the end of the plan.
    pub signature_org: Option<String>,
    /// The 落款's date as written; what the spec gets of it is decided
    /// with the plan's year ([`crate::import::Meta::signature_date`]).
    pub signature_date: Option<WrittenDate>,
    /// Section headings as the plan words them: 指导思想 / 总体要求 ….
    pub headings: Headings,
    /// Paragraphs that could not be placed in any part, and title lines
    /// that were neither the plan's nor the page's: written as comments at
    /// the end of the spec, never dropped.
    pub unplaced: Vec<String>,
    /// What the recogniser was unsure of, in the order found; the import
    /// adds its own (the year, the school) before the spec is written.
    pub notes: Vec<Note>,
}

/// The words of each section's heading as the plan wrote them, `None` for a
/// section it does not have. The spec keeps those that differ from
/// unionplan's own (`headings:`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Headings {
    /// The heading of the 指导思想 section (总体要求, 指导思想 ….).
    pub guiding: Option<String>,
    /// The heading of the 工作目标 section.
    pub goals: Option<String>,
    /// The heading of the measures section (主要工作, 工作措施 ….).
    pub measures: Option<String>,
    /// The heading of the schedule (行事历, 月份安排 ….).
    pub schedule: Option<String>,
}

impl Draft {
    /// Measures at every level.
    pub fn measure_count(&self) -> (usize, usize) {
        fn all(ns: &[Node]) -> usize {
            ns.iter().map(|n| 1 + all(&n.items)).sum()
        }
        (self.measures.len(), all(&self.measures))
    }

    /// Items of the schedule, over all its entries.
    pub fn schedule_items(&self) -> usize {
        self.schedule.iter().map(|e| e.items.len()).sum()
    }

    /// A plan has sections, numbered measures or a schedule; a page's preface has none.
    pub fn is_plan(&self) -> bool {
        !self.measures.is_empty() || !self.schedule.is_empty() || !self.guiding.is_empty()
    }

    pub(super) fn note(&mut self, field: Field, words: impl Fn() -> String) {
        self.notes.push(Note::new(field, words));
    }
}

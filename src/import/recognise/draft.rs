//! What the recogniser finds in one plan: the draft model.

use super::WrittenDate;

/// One node of the measures tree as found: its first line and what follows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Node {
    /// The text after the number, which holds the title if there is one.
    pub head: String,
    /// Paragraphs after the head.
    pub paras: Vec<String>,
    pub items: Vec<Node>,
}

/// One month (or several) of the schedule.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub months: Vec<u32>,
    pub items: Vec<String>,
}

/// Which part of the spec a remark is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    School,
    Year,
    Period,
    Title,
    Intro,
    GuidingPrinciples,
    Goals,
    Measures,
    Schedule,
    Signature,
}

/// Something the recogniser was unsure of: a `# 请核对` comment in the
/// spec, in Chinese, and a line of the import report, in the user's
/// language.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
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
    pub intro: Vec<String>,
    pub guiding: Vec<String>,
    pub goals_paras: Vec<String>,
    pub goals: Vec<String>,
    pub measures: Vec<Node>,
    pub schedule: Vec<Entry>,
    pub signature_org: Option<String>,
    /// The 落款's date as written; what the spec gets of it is decided
    /// with the plan's year ([`crate::import::Meta::signature_date`]).
    pub signature_date: Option<WrittenDate>,
    /// Section headings as the plan words them: 指导思想 / 总体要求 ….
    pub headings: Headings,
    pub unplaced: Vec<String>,
    pub notes: Vec<Note>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Headings {
    pub guiding: Option<String>,
    pub goals: Option<String>,
    pub measures: Option<String>,
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

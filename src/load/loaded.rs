//! [`Loaded`]: a spec with everything it extends merged in, each value
//! remembering the file (or roster cell) that wrote it, so any problem found
//! in the merged plan is reported where the user must fix it.

use crate::spec::Choice as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_yaml::Value;

use super::{FieldPath, Seg, Source, Target};
use crate::diag::Diagnostic;
use crate::messages::{self as msg, Message};
use crate::spec::keys::Naming;

/// A spec with everything it extends merged in.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The files, the spec first and its furthest ancestor last.
    pub sources: Vec<Arc<Source>>,
    /// Tables (rosters) that gave values, for values from their cells.
    pub tables: Vec<Arc<Table>>,
    /// The merged spec.
    pub value: Value,
    pub(super) tree: Node,
    /// What the merge found doubtful but not wrong (an entry repeated word
    /// for word from a parent); validation passes them on.
    pub warnings: Vec<Diagnostic>,
}

/// A table of values, such as a roster of schools: where its cells came from.
#[derive(Debug, Clone)]
pub struct Table {
    /// The table's file, named in messages.
    pub path: PathBuf,
    /// The text of each line, to show under a message (empty for XLSX).
    pub lines: Vec<String>,
}

/// One value from a table: its row's line and its column, both from 1.
#[derive(Debug, Clone)]
pub struct Cell {
    /// The line of its row in the file (its row number in a workbook).
    pub line: usize,
    /// Its column: the character column in a line of text, where a caret
    /// goes; the column number in a workbook.
    pub column: usize,
    /// The header naming the field, dotted for nested ones: `signature.org`.
    pub field: String,
    /// The cell's value.
    pub value: Value,
}

/// A node and where it was written.
#[derive(Debug, Clone)]
pub(super) struct Node {
    pub(super) origin: Origin,
    pub(super) kind: Shape,
}

#[derive(Debug, Clone)]
pub(super) enum Origin {
    /// At `path` in `Loaded::sources[src]`.
    Yaml { src: usize, path: FieldPath },
    /// In a cell of `Loaded::tables[table]`.
    Cell {
        table: usize,
        line: usize,
        column: usize,
    },
}

#[derive(Debug, Clone)]
/// What a node holds.
pub(super) enum Shape {
    Leaf(Value),
    Map(Vec<(Value, Node)>),
    Seq(Vec<Node>),
}

impl Loaded {
    /// A diagnostic for the merged `path`, located in the file that wrote it.
    pub fn diagnostic(&self, path: &FieldPath, target: Target, message: Message) -> Diagnostic {
        let mut d = match self.origin(path) {
            (Origin::Yaml { src, .. }, Some(at)) => {
                let mut d = self.sources[src].diagnostic(&at, target, message);
                if src > 0 {
                    d = d.with_note(msg::extended_by(&chain_text(&self.sources[..src])));
                }
                d
            }
            (
                Origin::Cell {
                    table,
                    line,
                    column,
                },
                _,
            ) => {
                let t = &self.tables[table];
                let text = t.lines.get(line - 1).map(String::as_str);
                Diagnostic::file_level(&t.path, message).at_row(line, column, text)
            }
            (Origin::Yaml { src, .. }, None) => {
                Diagnostic::file_level(&self.sources[src].path, message)
            }
        };
        // Name the merged path, which is what the user sees in the plan,
        // with keys as the user's own file writes them.
        d.field = (!path.is_root()).then(|| path.shown(self.naming()));
        d
    }

    /// For a value that came from a file this spec extends (last year's
    /// plan): what to write in the spec's own file instead, as a YAML
    /// snippet that finds the same entry (by `id`, or a schedule entry by
    /// its month) and gives the field anew. Editing last year's file would
    /// change last year's plan. `None` for a value of the spec's own file.
    pub fn fix_here(&self, path: &FieldPath) -> Option<String> {
        let (Origin::Yaml { src, .. }, _) = self.origin(path) else {
            return None;
        };
        if src == 0 || path.is_root() {
            return None;
        }
        let naming = self.naming();
        let own = self.sources[0].path.display().to_string();
        let parent = self.sources[src].path.display().to_string();
        let mut lines = Vec::new();
        let mut value = &self.value;
        // The list entry the path is in, whose text may name a festival.
        let mut entry_value: Option<&Value> = None;
        let from_year = (self.sources[src].value.get("year"))
            .and_then(Value::as_i64)
            .and_then(|y| i32::try_from(y).ok());
        let mut def = Some(crate::spec::fields::map("spec"));
        let mut indent = 0;
        let segs = &path.0;
        let mut i = 0;
        while i < segs.len() {
            let Seg::Key(k) = &segs[i] else { return None };
            value = value.get(k.as_str())?;
            let field = def.and_then(|d| d.field(k));
            if i + 1 == segs.len() {
                let text = entry_value
                    .and_then(|e| e.get("text"))
                    .and_then(Value::as_str);
                let new = self
                    .this_years_date(k, value, text, from_year)
                    .unwrap_or_else(|| "……".into());
                lines.push(format!("{}{}: {new}", " ".repeat(indent), naming.key(k)));
                break;
            }
            lines.push(format!("{}{}:", " ".repeat(indent), naming.key(k)));
            indent += 2;
            match (&segs[i + 1], field.map(|f| f.kind)) {
                (Seg::Index(n), Some(crate::spec::fields::Kind::List { of, .. })) => {
                    value = value.get(*n)?;
                    entry_value = Some(value);
                    let entry = crate::spec::fields::map(of);
                    let id = value.get("id").and_then(crate::validate::as_text);
                    let month = value.get("month").or_else(|| value.get("months"));
                    let first = match (id, month) {
                        (Some(id), _) => format!("{}: {id}", naming.key("id")),
                        (None, Some(m)) if entry.merges_by_months => format!(
                            "{}: {}",
                            naming.key(if value.get("month").is_some() {
                                "month"
                            } else {
                                "months"
                            }),
                            serde_yaml::to_string(m).ok()?.trim()
                        ),
                        _ => return Some(msg::fix_here_needs_id(&parent, &own, naming)),
                    };
                    lines.push(format!("{}- {first}", " ".repeat(indent)));
                    indent += 2;
                    def = Some(entry);
                    i += 2;
                }
                (Seg::Key(_), Some(crate::spec::fields::Kind::Map(of))) => {
                    def = Some(crate::spec::fields::map(of));
                    i += 1;
                }
                _ => return None,
            }
        }
        Some(msg::fix_here(&parent, &own, &lines.join("\n")))
    }

    /// A date of last year's moved to this spec's year: a festival's day
    /// by the calendar (重阳 2026 is 10月18日, 2027's 10月8日), when the
    /// entry's `text` names one and the date is on it; else the same day
    /// by its month (a school-year plan's spring is in the next year).
    fn this_years_date(
        &self,
        key: &str,
        value: &Value,
        text: Option<&str>,
        from_year: Option<i32>,
    ) -> Option<String> {
        if key != "date" {
            return None;
        }
        let crate::dates::Parsed::Date(d) = crate::dates::parse(value.as_str()?) else {
            return None;
        };
        let year = i32::try_from(self.value.get("year")?.as_i64()?).ok()?;
        let period = self
            .value
            .get("period")
            .and_then(Value::as_str)
            .and_then(crate::spec::Period::from_name)
            .unwrap_or_default();
        use chrono::Datelike;
        let festival = text.and_then(crate::calendar::festival_named);
        if let (Some(festival), Some(from)) = (festival, from_year) {
            let moved = crate::calendar::festival_move(festival, d, (from, period), year);
            if let Some(new) = moved.and_then(|m| m.new) {
                return Some(new.format("%Y-%m-%d").to_string());
            }
        }
        let y = period.year_of_month(year, d.month());
        Some(d.with_year(y)?.format("%Y-%m-%d").to_string())
    }

    /// The naming of the user's own file (the first one), for messages.
    pub fn naming(&self) -> Naming {
        self.sources
            .first()
            .map_or(Naming::English, |s| Naming::of(&s.value))
    }

    /// The scalar at the merged `path` as it was typed: `3.10` where YAML
    /// reads the number 3.1. `None` for a value from a table, or one that
    /// cannot be found.
    pub fn scalar_text(&self, path: &FieldPath) -> Option<String> {
        let (Origin::Yaml { src, .. }, Some(at)) = self.origin(path) else {
            return None;
        };
        let source = &self.sources[src];
        let (line, column) = source.locate(&at, Target::Value)?;
        let text = source.text.lines().nth(line - 1)?;
        let rest: String = text.chars().skip(column - 1).collect();
        let end = rest
            .find([' ', '\t', '#', ',', ']', '}'])
            .unwrap_or(rest.len());
        Some(rest[..end].trim_matches(['"', '\'']).to_string())
    }

    /// The file and line where the merged `path` was written.
    pub fn position(&self, path: &FieldPath) -> Option<(&Path, usize)> {
        match self.origin(path) {
            (Origin::Yaml { src, .. }, Some(at)) => {
                let source = &self.sources[src];
                source
                    .locate(&at, Target::Value)
                    .map(|(line, _)| (source.path.as_path(), line))
            }
            (Origin::Cell { table, line, .. }, _) => {
                Some((self.tables[table].path.as_path(), line))
            }
            (Origin::Yaml { .. }, None) => None,
        }
    }

    /// Who wrote the merged `path`, and for YAML the path in that file.
    fn origin(&self, path: &FieldPath) -> (Origin, Option<FieldPath>) {
        let mut node = &self.tree;
        let mut rest = path.0.as_slice();
        while let Some((seg, tail)) = rest.split_first() {
            let next = match (&node.kind, seg) {
                (Shape::Map(entries), Seg::Key(k)) => entries
                    .iter()
                    .find(|(key, _)| key.as_str() == Some(k))
                    .map(|(_, n)| n),
                (Shape::Seq(items), Seg::Index(i)) => items.get(*i),
                _ => None,
            };
            match next {
                Some(n) => {
                    node = n;
                    rest = tail;
                }
                None => break,
            }
        }
        match &node.origin {
            Origin::Yaml { path: at, .. } => {
                let mut at = at.clone();
                at.0.extend(rest.iter().cloned());
                (node.origin.clone(), Some(at))
            }
            cell => (cell.clone(), None),
        }
    }
}

/// `2026.yaml → 2025.yaml`
pub(super) fn chain_text(sources: &[Arc<Source>]) -> String {
    sources
        .iter()
        .map(|s| s.path.display().to_string())
        .collect::<Vec<_>>()
        .join(" → ")
}

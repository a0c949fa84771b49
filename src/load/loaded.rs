//! [`Loaded`]: a spec with everything it extends merged in, each value
//! remembering the file (or roster cell) that wrote it, so any problem found
//! in the merged plan is reported where the user must fix it.

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
}

/// A table of values, such as a roster of schools: where its cells came from.
#[derive(Debug, Clone)]
pub struct Table {
    pub path: PathBuf,
    /// The text of each line, to show under a message (empty for XLSX).
    pub lines: Vec<String>,
}

/// One value from a table: its row's line and its column, both from 1.
#[derive(Debug, Clone)]
pub struct Cell {
    pub line: usize,
    pub column: usize,
    /// The header naming the field, dotted for nested ones: `signature.org`.
    pub field: String,
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

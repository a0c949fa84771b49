//! `extends`: a spec that starts from another one (last year's plan, or a
//! district's shared plan) and says only what differs.
//!
//! ## The merge rules
//! - Maps merge key by key; the child's value wins for a key both give.
//! - Scalars and plain lists are replaced by the child's.
//! - The lists people edit piece by piece — `goals`, `measures` and their
//!   `items` at every level, `schedule` and each entry's `items` — merge by
//!   entry: a child entry with the same `id` as a parent entry merges into it
//!   (or drops it, with `remove: true`); a schedule entry without an `id`
//!   matches the parent's entry for the same month(s); every other child
//!   entry is appended. One without an id that is a parent's entry again,
//!   word for word, is appended too, with a warning: it is more often
//!   written twice by mistake than meant.
//! - Chains work (2026 extends 2025 extends 2024); a cycle, a missing parent
//!   or a parent that can't be read is an error naming the chain.
//!
//! ## Where errors point
//! Each file is read into a [`Node`] tree whose nodes remember the file and
//! the path they were written at. Merging moves nodes, never copies values
//! without their origin, so a problem found in the merged plan is reported
//! in the file that holds the offending value ([`Loaded::diagnostic`]).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_yaml::{Mapping, Value};

use super::loaded::{Node, Origin, Shape, chain_text};
use super::{Cell, Loaded, Table};
use crate::diag::{Diagnostic, Severity};
use crate::load::{FieldPath, Source, Target};
use crate::messages as msg;
use crate::spec::fields::{self, MapDef, Merge};
use crate::spec::keys;

/// How many files a chain of `extends` may have.
const MAX_CHAIN: usize = 32;

/// The map a merge is in, from the field table: which of its keys hold
/// lists merged entry by entry, and which hold maps merged key by key.
/// `None` for a map the table does not describe (merged key by key).
type MapKind = Option<&'static MapDef>;

/// The map of the entries of the list at `key`, if it merges by entry.
fn list_at(kind: MapKind, key: &str) -> Option<&'static MapDef> {
    match kind?.field(key)?.merge() {
        Merge::ByEntry(of) => Some(fields::map(of)),
        _ => None,
    }
}

/// The map at `key`, as the table describes it.
fn map_at(kind: MapKind, key: &str) -> MapKind {
    match kind?.field(key)?.kind {
        fields::Kind::Map(of) => Some(fields::map(of)),
        _ => None,
    }
}

impl Loaded {
    /// Read `path` and everything it extends, and merge them.
    pub fn read(path: &Path) -> Result<Loaded, Vec<Diagnostic>> {
        let first = Source::read(path)?;
        Loaded::from_source(first)
    }

    /// Merge `first` with everything it extends.
    pub fn from_source(first: Source) -> Result<Loaded, Vec<Diagnostic>> {
        let mut sources = vec![Arc::new(first)];
        let mut seen = vec![canonical(&sources[0].path)];
        loop {
            let child = sources.last().expect("at least the spec itself");
            let Some((key, link)) = keys::get(&child.value, "extends") else {
                break;
            };
            let at = FieldPath::root().key(key);
            let chain = chain_text(&sources);
            let Some(rel) = link.as_str().filter(|s| !s.trim().is_empty()) else {
                let found = msg::describe_value(link);
                return Err(vec![
                    child
                        .diagnostic(&at, Target::Value, msg::extends_not_text(&found))
                        .with_help(msg::extends_help()),
                ]);
            };
            let parent_path = tidy(
                &child
                    .path
                    .parent()
                    .unwrap_or(Path::new(""))
                    .join(rel.trim()),
            );
            if parent_path.is_dir() {
                return Err(vec![
                    child
                        .diagnostic(&at, Target::Value, msg::extends_is_dir(rel))
                        .with_help(msg::extends_help()),
                ]);
            }
            // Only what is not there at all is 找不到: a FIFO or a device
            // under the name is refused by the reader below, saying what
            // it is.
            if crate::input::check(&parent_path).is_err_and(|e| e.is_not_found()) {
                return Err(vec![
                    child
                        .diagnostic(
                            &at,
                            Target::Value,
                            msg::extends_missing(rel, parent_path.display()),
                        )
                        .with_help(msg::extends_help()),
                ]);
            }
            let canon = canonical(&parent_path);
            if seen.contains(&canon) || sources.len() >= MAX_CHAIN {
                let names = format!("{chain} → {}", parent_path.display());
                return Err(vec![child.diagnostic(
                    &at,
                    Target::Value,
                    msg::extends_cycle(&names),
                )]);
            }
            let parent = Source::read(&parent_path).map_err(|d| {
                d.into_iter()
                    .map(|d| d.with_note(msg::extended_by(&chain)))
                    .collect::<Vec<_>>()
            })?;
            seen.push(canon);
            sources.push(Arc::new(parent));
        }

        // Merge from the furthest ancestor down to the spec itself.
        let mut problems = Vec::new();
        let last = sources.len() - 1;
        let mut tree = Node::from_value(last, &FieldPath::root(), &sources[last].value);
        for i in (0..last).rev() {
            let child = Node::from_value(i, &FieldPath::root(), &sources[i].value);
            tree = merge(
                tree,
                child,
                Some(fields::map("spec")),
                &sources,
                &[],
                &mut problems,
            );
        }
        if let Shape::Map(entries) = &mut tree.kind {
            entries.retain(|(k, _)| k.as_str() != Some("extends"));
        }
        let warnings = errors_or_warnings(problems)?;
        Ok(Loaded {
            value: tree.to_value(),
            sources,
            tables: Vec::new(),
            tree,
            warnings,
        })
    }

    /// The mapping at `path` in `source` as a spec of its own, such as one
    /// school's entry in a district file. `skip` names keys left out.
    pub fn part_of(source: Arc<Source>, path: &FieldPath, value: &Value, skip: &[&str]) -> Loaded {
        let mut tree = Node::from_value(0, path, value);
        if let Shape::Map(entries) = &mut tree.kind {
            entries.retain(|(k, _)| !k.as_str().is_some_and(|k| skip.contains(&k)));
        }
        Loaded {
            value: tree.to_value(),
            sources: vec![source],
            tables: Vec::new(),
            tree,
            warnings: Vec::new(),
        }
    }

    /// One row of a table as a spec: headers name fields, dotted for
    /// nested ones (`signature.org`); `row_line` and `row_column` place the
    /// row itself.
    pub fn from_cells(table: Arc<Table>, row_line: usize, cells: &[Cell]) -> Loaded {
        let row = |column| Origin::Cell {
            table: 0,
            line: row_line,
            column,
        };
        let mut tree = Node {
            origin: row(1),
            kind: Shape::Map(Vec::new()),
        };
        for cell in cells {
            let mut node = &mut tree;
            let parts: Vec<&str> = cell.field.split('.').map(str::trim).collect();
            for (i, part) in parts.iter().enumerate() {
                let Shape::Map(entries) = &mut node.kind else {
                    break;
                };
                let key = Value::String(part.to_string());
                let at = match entries.iter().position(|(k, _)| *k == key) {
                    Some(at) => at,
                    None => {
                        entries.push((
                            key,
                            Node {
                                origin: row(cell.column),
                                kind: Shape::Map(Vec::new()),
                            },
                        ));
                        entries.len() - 1
                    }
                };
                node = &mut entries[at].1;
                if i + 1 == parts.len() {
                    *node = Node {
                        origin: row(cell.column),
                        kind: Shape::Leaf(cell.value.clone()),
                    };
                }
            }
        }
        Loaded {
            value: tree.to_value(),
            sources: Vec::new(),
            tables: vec![table],
            tree,
            warnings: Vec::new(),
        }
    }

    /// `child` merged over `base` by the rules above; the child's files
    /// come first in the result.
    pub fn over(base: &Loaded, child: Loaded) -> Result<Loaded, Vec<Diagnostic>> {
        let (ns, nt) = (child.sources.len(), child.tables.len());
        let mut base_tree = base.tree.clone();
        base_tree.shift(ns, nt);
        let mut sources = child.sources;
        sources.extend(base.sources.iter().cloned());
        let mut tables = child.tables;
        tables.extend(base.tables.iter().cloned());
        let mut problems = Vec::new();
        let tree = merge(
            base_tree,
            child.tree,
            Some(fields::map("spec")),
            &sources,
            &tables,
            &mut problems,
        );
        let mut warnings = errors_or_warnings(problems)?;
        warnings.extend(base.warnings.iter().cloned());
        warnings.extend(child.warnings);
        Ok(Loaded {
            value: tree.to_value(),
            sources,
            tables,
            tree,
            warnings,
        })
    }
}

/// A merge's errors, or, where there are none, its warnings.
fn errors_or_warnings(problems: Vec<Diagnostic>) -> Result<Vec<Diagnostic>, Vec<Diagnostic>> {
    let (warnings, errors): (Vec<_>, Vec<_>) = problems
        .into_iter()
        .partition(|d| d.severity == Severity::Warning);
    if errors.is_empty() {
        Ok(warnings)
    } else {
        Err(errors)
    }
}

/// `2027/../2026/lihe.yaml` → `2026/lihe.yaml`, without touching the disk,
/// so messages name files the way a person would.
fn tidy(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out: Vec<Component> = Vec::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir if matches!(out.last(), Some(Component::Normal(_))) => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    if out.is_empty() {
        return PathBuf::from(".");
    }
    out.iter().collect()
}

fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

impl Node {
    fn from_value(src: usize, path: &FieldPath, v: &Value) -> Node {
        let kind = match v {
            Value::Mapping(m) => Shape::Map(
                m.iter()
                    .map(|(k, v)| {
                        let Some(name) = k.as_str() else {
                            return (k.clone(), Node::from_value(src, path, v));
                        };
                        // The origin keeps the key as typed, so messages can
                        // point at it; the tree uses the English name.
                        let child = Node::from_value(src, &path.key(name), v);
                        let key = match keys::english(name) {
                            Some(en) if !m.contains_key(en) => Value::String(en.to_string()),
                            _ => k.clone(),
                        };
                        (key, child)
                    })
                    .collect(),
            ),
            Value::Sequence(s) => Shape::Seq(
                s.iter()
                    .enumerate()
                    .map(|(i, v)| Node::from_value(src, &path.index(i), v))
                    .collect(),
            ),
            other => Shape::Leaf(other.clone()),
        };
        Node {
            origin: Origin::Yaml {
                src,
                path: path.clone(),
            },
            kind,
        }
    }

    /// Renumber the files and tables this node came from, by `src` and `table`.
    fn shift(&mut self, src: usize, table: usize) {
        match &mut self.origin {
            Origin::Yaml { src: s, .. } => *s += src,
            Origin::Cell { table: t, .. } => *t += table,
        }
        match &mut self.kind {
            Shape::Leaf(_) => {}
            Shape::Map(entries) => entries.iter_mut().for_each(|(_, n)| n.shift(src, table)),
            Shape::Seq(items) => items.iter_mut().for_each(|n| n.shift(src, table)),
        }
    }

    fn to_value(&self) -> Value {
        match &self.kind {
            Shape::Leaf(v) => v.clone(),
            Shape::Map(entries) => {
                let mut m = Mapping::with_capacity(entries.len());
                for (k, n) in entries {
                    m.insert(k.clone(), n.to_value());
                }
                Value::Mapping(m)
            }
            Shape::Seq(items) => Value::Sequence(items.iter().map(Node::to_value).collect()),
        }
    }

    fn get(&self, key: &str) -> Option<&Node> {
        match &self.kind {
            Shape::Map(entries) => entries
                .iter()
                .find(|(k, _)| k.as_str() == Some(key))
                .map(|(_, n)| n),
            _ => None,
        }
    }

    fn scalar_text(&self) -> Option<String> {
        match &self.kind {
            Shape::Leaf(Value::String(s)) => Some(s.trim().to_string()),
            Shape::Leaf(Value::Number(n)) => Some(n.to_string()),
            _ => None,
        }
    }

    /// An entry's `id`, as text.
    fn id(&self) -> Option<String> {
        self.get("id").and_then(Node::scalar_text)
    }

    fn removes(&self) -> bool {
        matches!(
            self.get("remove").map(|n| &n.kind),
            Some(Shape::Leaf(Value::Bool(true)))
        )
    }

    /// The months of a schedule entry, sorted: how entries match without an id.
    fn months(&self) -> Option<Vec<u64>> {
        let mut months = match (self.get("month"), self.get("months")) {
            (Some(m), None) => match &m.kind {
                Shape::Leaf(v) => leaf_months(v)?,
                _ => return None,
            },
            (None, Some(ms)) => match &ms.kind {
                Shape::Seq(items) => items
                    .iter()
                    .map(|n| match &n.kind {
                        Shape::Leaf(v) => leaf_months(v),
                        _ => None,
                    })
                    .collect::<Option<Vec<Vec<u64>>>>()?
                    .concat(),
                _ => return None,
            },
            _ => return None,
        };
        months.sort_unstable();
        Some(months)
    }
}

/// The months a `month` value names, as validation reads it: `3`, `三月`,
/// `7-8月`.
fn leaf_months(v: &Value) -> Option<Vec<u64>> {
    match v {
        Value::Number(n) => Some(vec![n.as_u64()?]),
        Value::String(s) => Some(
            crate::dates::months(s)?
                .into_iter()
                .map(u64::from)
                .collect(),
        ),
        _ => None,
    }
}

/// The files and tables a merge reads from, to locate its own errors.
type Files<'a> = (&'a [Arc<Source>], &'a [Arc<Table>]);

fn merge(
    parent: Node,
    child: Node,
    kind: MapKind,
    sources: &[Arc<Source>],
    tables: &[Arc<Table>],
    problems: &mut Vec<Diagnostic>,
) -> Node {
    merge_in(parent, child, kind, (sources, tables), problems)
}

fn merge_in(
    parent: Node,
    child: Node,
    kind: MapKind,
    files: Files,
    problems: &mut Vec<Diagnostic>,
) -> Node {
    match (parent.kind, child.kind) {
        (Shape::Map(mut entries), Shape::Map(child_entries)) => {
            for (key, c) in child_entries {
                let list = key.as_str().and_then(|n| list_at(kind, n));
                match entries.iter().position(|(k, _)| *k == key) {
                    Some(i) => {
                        let p = entries[i].1.clone();
                        let merged = match list {
                            Some(list) => merge_list(p, c, list, files, problems),
                            None if matches!(
                                (&p.kind, &c.kind),
                                (Shape::Map(_), Shape::Map(_))
                            ) =>
                            {
                                let nested = key.as_str().and_then(|n| map_at(kind, n));
                                merge_in(p, c, nested, files, problems)
                            }
                            None => c,
                        };
                        entries[i].1 = merged;
                    }
                    None => {
                        if list.is_some() {
                            // A new list: a `remove` in it has nothing to remove.
                            check_removals(&c, files, problems);
                        }
                        entries.push((key, c));
                    }
                }
            }
            Node {
                origin: child.origin,
                kind: Shape::Map(entries),
            }
        }
        (_, kind) => Node {
            origin: child.origin,
            kind,
        },
    }
}

fn merge_list(
    parent: Node,
    child: Node,
    list: &'static MapDef,
    files: Files,
    problems: &mut Vec<Diagnostic>,
) -> Node {
    let (Shape::Seq(mut entries), Shape::Seq(child_entries)) = (parent.kind, &child.kind) else {
        // A text where the parent had a list (or the other way): replaced.
        return child;
    };
    if child_entries.is_empty() {
        // `schedule: []` says "none this year": it clears the list.
        return child;
    }
    // Entries are found by id (or months) in maps built once, and removed
    // ones are left as holes until the end: merging N entries into N is
    // linear, not a search per entry.
    let mut slots: Vec<Option<Node>> = Vec::with_capacity(entries.len() + child_entries.len());
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let mut by_months: HashMap<Vec<u64>, usize> = HashMap::new();
    let index = |node: &Node,
                 at: usize,
                 by_id: &mut HashMap<String, usize>,
                 by_months: &mut HashMap<Vec<u64>, usize>| {
        if let Some(id) = node.id() {
            by_id.entry(id).or_insert(at);
        } else if list.merges_by_months {
            if let Some(m) = node.months() {
                by_months.entry(m).or_insert(at);
            }
        }
    };
    for (i, p) in entries.drain(..).enumerate() {
        index(&p, i, &mut by_id, &mut by_months);
        slots.push(Some(p));
    }
    let parents = slots.len();
    // The parent's entries without an id, by content, made on the first
    // child entry that could repeat one.
    let mut by_value: Option<HashMap<Value, usize>> = None;
    for c in child_entries.iter().cloned() {
        let id = c.id();
        let found = match &id {
            Some(id) => by_id.get(id).copied(),
            None if list.merges_by_months => c.months().and_then(|m| by_months.get(&m).copied()),
            None => None,
        };
        match found.filter(|&i| slots[i].is_some()) {
            // A removed entry leaves a hole the maps skip.
            Some(i) if c.removes() => slots[i] = None,
            Some(i) => {
                let p = slots[i].take().expect("a filled slot");
                slots[i] = Some(merge_in(p, c, Some(list), files, problems));
            }
            None if c.removes() => problems.push(nothing_to_remove(&c, id.as_deref(), files)),
            None => {
                if id.is_none() {
                    let same = by_value
                        .get_or_insert_with(|| {
                            let mut m = HashMap::new();
                            for (i, p) in slots[..parents].iter().enumerate() {
                                if let Some(p) = p.as_ref().filter(|p| p.id().is_none()) {
                                    m.entry(p.to_value()).or_insert(i);
                                }
                            }
                            m
                        })
                        .get(&c.to_value())
                        .and_then(|&i| slots[i].as_ref());
                    if let Some(p) = same {
                        problems.push(repeated(&c, p, files));
                    }
                }
                index(&c, slots.len(), &mut by_id, &mut by_months);
                slots.push(Some(c));
            }
        }
    }
    Node {
        origin: child.origin,
        kind: Shape::Seq(slots.into_iter().flatten().collect()),
    }
}

/// A list the parent did not have: its `remove: true` entries match nothing.
fn check_removals(node: &Node, files: Files, problems: &mut Vec<Diagnostic>) {
    if let Shape::Seq(items) = &node.kind {
        for c in items.iter().filter(|c| c.removes()) {
            problems.push(nothing_to_remove(c, c.id().as_deref(), files));
        }
    }
}

fn nothing_to_remove(c: &Node, id: Option<&str>, files: Files) -> Diagnostic {
    at_node(c, Some("remove"), msg::nothing_to_remove(id), files)
        .with_help(msg::nothing_to_remove_help())
}

/// A child's entry that is a parent's entry (without an id) again, word
/// for word: a warning, as it may be meant, but is more often a slip.
fn repeated(c: &Node, p: &Node, files: Files) -> Diagnostic {
    let parent = at_node(p, None, msg::entry_repeated(""), files);
    let place = match parent.line {
        Some(line) => format!("{}:{line}", parent.file.display()),
        None => parent.file.display().to_string(),
    };
    let naming = match &c.origin {
        Origin::Yaml { src, .. } => keys::Naming::of(&files.0[*src].value),
        Origin::Cell { .. } => keys::Naming::English,
    };
    at_node(c, None, msg::entry_repeated(&place), files)
        .with_help(msg::entry_repeated_help(&naming.key("id")))
        .as_warning()
}

/// A diagnostic at `node` (or at its `key`, for a key it holds), in the
/// file or table cell it came from.
fn at_node(
    node: &Node,
    key: Option<&str>,
    message: msg::Message,
    (sources, tables): Files,
) -> Diagnostic {
    match &node.origin {
        Origin::Yaml { src, path } => match key {
            Some(k) => sources[*src].diagnostic(&path.key(k), Target::Key, message),
            None => sources[*src].diagnostic(path, Target::Value, message),
        },
        Origin::Cell {
            table,
            line,
            column,
        } => {
            let t = &tables[*table];
            let text = t.lines.get(line - 1).map(String::as_str);
            Diagnostic::file_level(&t.path, message).at_row(*line, *column, text)
        }
    }
}

//! Every node's position in a spec, found in one pass.
//!
//! [`super::locate`] finds one path per parse. That is right for one error,
//! but a spec with thousands of problems (a month given 20,000 times) would
//! be parsed once per problem. This module reads the document once and
//! keeps the position of every scalar and every key in a tree shaped like
//! the document, so each later lookup is a walk down the path.
//!
//! It uses the same trick as the probe, and so the same parser and the same
//! positions: a scalar's position is only known from an error raised while
//! reading it. After a scalar the reader's state is whole again, so the
//! indexer raises that error on every scalar, keeps its position, and reads
//! on. A mapping or a sequence cannot fail that way without spoiling the
//! read, so its position is worked out from the text before its first
//! child (a `{`, `[` or `-`, or the first key itself), where the text makes
//! that certain. Where it does not (an empty `[]`, an anchor or a comment in
//! between), the position is left unknown and the caller falls back to one
//! probe for that path.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::{Seg, Target};
use crate::text::LineIndex;

/// 1-based line and column, as the parser counts them (columns in characters).
type Pos = (usize, usize);

/// The positions of one document's nodes.
#[derive(Debug, Clone)]
pub(super) struct Positions {
    root: Node,
}

#[derive(Debug, Clone, Default)]
struct Node {
    at: Option<Pos>,
    kids: Kids,
}

#[derive(Debug, Clone, Default)]
enum Kids {
    #[default]
    Leaf,
    Seq(Vec<Node>),
    /// By key text; a key's own position beside its value's node. A key
    /// given twice keeps its first entry, as the probe finds the first.
    Map(HashMap<String, (Pos, Node)>),
}

impl Positions {
    /// Reads `text` once. `None` when the text can't be read this way
    /// (it parsed before, so this only guards against surprises).
    pub(super) fn of(text: &str) -> Option<Positions> {
        let lines = LineIndex::new(text);
        let de = serde_yaml::Deserializer::from_str(text);
        let root = Indexer {
            text,
            lines: &lines,
            hit: &Cell::new(false),
        }
        .deserialize(de)
        .ok()?;
        Some(Positions { root })
    }

    /// The position of `path`'s value or key. `None` when the path is not
    /// in the document, or when its position could not be worked out here
    /// (see the module docs); the caller then probes.
    pub(super) fn find(&self, path: &[Seg], target: Target) -> Lookup {
        let mut node = &self.root;
        for (i, seg) in path.iter().enumerate() {
            let last = i + 1 == path.len();
            match (seg, &node.kids) {
                (Seg::Key(k), Kids::Map(map)) => match map.get(k) {
                    Some((key_at, child)) => {
                        if last && target == Target::Key {
                            return Lookup::Found(*key_at);
                        }
                        node = child;
                    }
                    None => return Lookup::Absent,
                },
                (Seg::Index(n), Kids::Seq(items)) => match items.get(*n) {
                    Some(child) => node = child,
                    None => return Lookup::Absent,
                },
                _ => return Lookup::Absent,
            }
        }
        // The "key" of a list item or of the root is the node itself, as
        // the probe has it.
        match node.at {
            Some(at) => Lookup::Found(at),
            None => Lookup::Unknown,
        }
    }
}

/// What [`Positions::find`] knows of a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Lookup {
    Found(Pos),
    Absent,
    Unknown,
}

/// The last character before `offset` that is not blank and not in a
/// whole-line comment, with its offset.
fn before(text: &str, offset: usize) -> Option<(usize, char)> {
    let mut end = offset;
    loop {
        let start = text[..end].rfind('\n').map_or(0, |i| i + 1);
        let line = &text[start..end];
        if !line.trim_start().starts_with('#') {
            if let Some((i, c)) = line
                .char_indices()
                .rev()
                .find(|(_, c)| !matches!(c, ' ' | '\t' | '\r'))
            {
                return Some((start + i, c));
            }
        }
        if start == 0 {
            return None;
        }
        end = start - 1;
    }
}

/// Whether a node may start right after `prev` with nothing of its own in
/// between (no anchor, tag or comment), so its start is its first token.
fn plain_start(prev: Option<(usize, char)>) -> bool {
    match prev {
        None => true,
        Some((_, c)) => matches!(c, ':' | '-' | ',' | '[' | '{' | '?'),
    }
}

/// Reads one node and everything under it into a [`Node`].
struct Indexer<'a> {
    text: &'a str,
    lines: &'a LineIndex,
    /// Set just before the deliberate error on a scalar, so that error can
    /// be told from a real one.
    hit: &'a Cell<bool>,
}

const HERE: &str = "unionplan-index";

impl<'a> Indexer<'a> {
    fn again(&self) -> Indexer<'a> {
        Indexer {
            text: self.text,
            lines: self.lines,
            hit: self.hit,
        }
    }

    /// A container's start, from the text before its first child: the
    /// child itself (a block mapping starts at its first key), or the `{`,
    /// `[` or `-` right before it.
    fn start(&self, first: Option<Pos>, own: &[char]) -> Option<Pos> {
        let first = first?;
        let at = self.lines.offset(self.text, first.0, first.1)?;
        let prev = before(self.text, at);
        let start = match prev {
            Some((i, c)) if own.contains(&c) => i,
            _ if own.contains(&'{') => at, // a block mapping: its first key
            _ => return None,
        };
        let start_prev = if start == at {
            prev
        } else {
            before(self.text, start)
        };
        plain_start(start_prev).then(|| self.lines.position(self.text, start))
    }

    /// The outcome of reading one node: the node, or, for the deliberate
    /// error on a scalar, a leaf at the error's position.
    fn node<E: de::Error>(&self, read: Result<Node, E>) -> Result<Node, E> {
        match read {
            Err(e) if self.hit.replace(false) => Ok(Node {
                at: Some(position(&e)),
                kids: Kids::Leaf,
            }),
            other => other,
        }
    }

    /// The deliberate error on a scalar.
    fn mark<T, E: de::Error>(&self) -> Result<T, E> {
        self.hit.set(true);
        Err(E::custom(HERE))
    }
}

/// The position the parser stamped on an error. Visitors see the error
/// type only as `de::Error`, so it is read from the message, which ends in
/// "at line L column C"; the parser leaves that out for the very first
/// character.
fn position<E: fmt::Display>(e: &E) -> Pos {
    let text = e.to_string();
    text.rfind(" at line ")
        .and_then(|i| {
            let (line, column) = text[i + " at line ".len()..].split_once(" column ")?;
            Some((line.trim().parse().ok()?, column.trim().parse().ok()?))
        })
        .unwrap_or((1, 1))
}

impl<'de> DeserializeSeed<'de> for Indexer<'_> {
    type Value = Node;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Indexer<'_> {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML node")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries = HashMap::new();
        let mut first = None;
        loop {
            let key = RefCell::new(None);
            let read = map.next_key_seed(KeyRead {
                hit: self.hit,
                text: &key,
            });
            let key_at = match read {
                Ok(None) => break,
                // A mapping or a sequence used as a key: no path names it.
                Ok(Some(())) => None,
                Err(e) if self.hit.replace(false) => Some(position(&e)),
                Err(e) => return Err(e),
            };
            first = first.or(key_at);
            let value = self.node(map.next_value_seed(self.again()))?;
            if let (Some(at), Some(k)) = (key_at, key.into_inner()) {
                entries.entry(k).or_insert((at, value));
            }
        }
        Ok(Node {
            at: self.start(first, &['{']),
            kids: Kids::Map(entries),
        })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        loop {
            match seq.next_element_seed(self.again()) {
                Ok(None) => break,
                Ok(Some(node)) => items.push(node),
                Err(e) => items.push(self.node(Err(e))?),
            }
        }
        let first = items.first().and_then(|n| n.at);
        Ok(Node {
            at: self.start(first, &['[', '-']),
            kids: Kids::Seq(items),
        })
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Node, E> {
        self.mark()
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Node, E> {
        self.mark()
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Node, E> {
        self.mark()
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Node, E> {
        self.mark()
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Node, E> {
        self.mark()
    }
    fn visit_unit<E: de::Error>(self) -> Result<Node, E> {
        self.mark()
    }
    fn visit_none<E: de::Error>(self) -> Result<Node, E> {
        self.mark()
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<Node, A::Error> {
        // A tagged node (`!tag value`): read past it; its position is left
        // to the probe, which knows where the tag is.
        let (de::IgnoredAny, variant) = data.variant::<de::IgnoredAny>()?;
        de::VariantAccess::newtype_variant::<de::IgnoredAny>(variant)?;
        Ok(Node::default())
    }
}

/// Reads a key: a scalar key's text is kept and the read fails on purpose,
/// so its position is known; any other key is read past.
struct KeyRead<'k> {
    hit: &'k Cell<bool>,
    text: &'k RefCell<Option<String>>,
}

impl KeyRead<'_> {
    fn mark<E: de::Error>(&self) -> Result<(), E> {
        self.hit.set(true);
        Err(E::custom(HERE))
    }
}

impl<'de> DeserializeSeed<'de> for KeyRead<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for KeyRead<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a mapping key")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        *self.text.borrow_mut() = Some(v.to_string());
        self.mark()
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.mark()
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.mark()
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.mark()
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.mark()
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.mark()
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element::<de::IgnoredAny>()?.is_some() {}
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map
            .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
            .is_some()
        {}
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::load::{FieldPath, Source};

    /// Every path in `value`, with the value's key or index.
    fn paths(value: &serde_yaml::Value, at: FieldPath, out: &mut Vec<FieldPath>) {
        match value {
            serde_yaml::Value::Mapping(m) => {
                for (k, v) in m {
                    if let Some(k) = k.as_str() {
                        paths(v, at.key(k), out);
                    }
                }
            }
            serde_yaml::Value::Sequence(s) => {
                for (i, v) in s.iter().enumerate() {
                    paths(v, at.index(i), out);
                }
            }
            _ => {}
        }
        out.push(at);
    }

    /// The one-pass index answers as the per-path probe does, for every
    /// path of `text` and both targets, plus paths that are not there.
    /// Returns how many values the index had to leave to the probe.
    fn agrees(text: &str) -> usize {
        let source = Source::from_text(Path::new("t.yaml"), text.to_string()).unwrap();
        let index = Positions::of(&source.text).expect("indexed");
        let mut all = Vec::new();
        paths(&source.value, FieldPath::root(), &mut all);
        all.push(FieldPath::root().key("absent"));
        all.push(FieldPath::root().index(3));
        let mut unknown = 0;
        for path in &all {
            for target in [Target::Value, Target::Key] {
                let probed = source.probe(path, target);
                match index.find(&path.0, target) {
                    Lookup::Found(at) => {
                        assert_eq!(Some(at), probed, "{path} {target:?} in {text}")
                    }
                    Lookup::Absent => assert_eq!(None, probed, "{path} {target:?} in {text}"),
                    Lookup::Unknown => unknown += 1,
                }
            }
        }
        unknown
    }

    #[test]
    fn agrees_with_the_probe_on_every_shape() {
        for text in [
            "school: 礼河\nmeasures:\n  - title: 甲\n    items:\n      - 乙\n      - title: 丙\n",
            "schedule: [{month: 2, items: [a, b]}, {month: 13}]\n",
            "a:\n- x\n- y\nb:\n  - - 1\n    - 2\n  - [3, [4]]\n",
            "a: {b: {c: d}, e: [f]}\n? [complex]\n: value\n3: number key\n",
            "a: |\n  文字\n  两行\nb: >-\n  折叠\nc: 'quoted'\nd: \"双\"\n",
            "---\na: 1\n",
            "a: &x\n  b: 1\nc: *x\nd: &y [1, 2]\ne: !tag v\nf: []\ng: {}\n",
            "a: # comment\n  b: 1\nc:\n  # comment\n  - d\n",
            "# 标题\n# 说明\n\nschool: 甲\nlist:\n  # 注释\n  - x # 行尾\n",
            "a:    \n    - 1\n    -   2\nb: ~\nc:\nd: null\n",
            "甲乙: 丙丁\n  \n全角: “引号”\n",
            "- a: 1\n  b: 2\n- [x]\n- {y: 1}\n",
        ] {
            agrees(text);
        }
    }

    #[test]
    fn real_specs_need_no_probe() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        for name in [
            "specs/qingxi-2025.yaml",
            "specs/qingxi-2025-zh.yaml",
            "specs/linjiang-2025-autumn.yaml",
        ] {
            let text = std::fs::read_to_string(root.join(name)).unwrap();
            assert_eq!(agrees(&text), 0, "{name}");
        }
    }
}

//! Stage 1 of the pipeline: read a spec file and parse its YAML.
//!
//! The result keeps the source text beside the parsed tree, because every
//! later error must point back into the file: [`Source::locate`] finds the
//! line and column of any field path.
//!
//! ## How a field path is located
//! `serde_yaml::Value` carries no positions, but the YAML deserializer stamps
//! the position of the innermost node being read on any error raised while
//! reading it. [`Source::locate`] therefore re-reads the document with a
//! "probe" that walks down the path and raises an error exactly at the node
//! (or key) asked for; the error's location is the answer. This uses the
//! same parser that produced the tree, so positions agree with it even for
//! flow style (`[a, b]`) and anchors. It costs one parse per located error,
//! which only happens on the error path.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::diag::Diagnostic;
use crate::messages::{self, Message};

/// One step of a field path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// A path from the document root to a node, e.g. `measures[0].items[2].title`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FieldPath(pub Vec<Seg>);

impl FieldPath {
    pub fn root() -> FieldPath {
        FieldPath(Vec::new())
    }

    pub fn key(&self, k: &str) -> FieldPath {
        let mut v = self.0.clone();
        v.push(Seg::Key(k.to_string()));
        FieldPath(v)
    }

    pub fn index(&self, i: usize) -> FieldPath {
        let mut v = self.0.clone();
        v.push(Seg::Index(i));
        FieldPath(v)
    }

    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }
}

/// Shown to users counting from 1, the way they count list items.
impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                Seg::Key(k) if i == 0 => write!(f, "{k}")?,
                Seg::Key(k) => write!(f, ".{k}")?,
                Seg::Index(n) => write!(f, "[{}]", n + 1)?,
            }
        }
        Ok(())
    }
}

/// A spec file as read from disk: its path, its text and its YAML tree.
#[derive(Debug, Clone)]
pub struct Source {
    pub path: PathBuf,
    pub text: String,
    pub value: serde_yaml::Value,
}

/// Where in the source a path points: at the node's value, or at its key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Value,
    Key,
}

impl Source {
    /// Read and parse `path`. A file that can't be read, isn't UTF-8 or isn't
    /// YAML gives one located diagnostic.
    pub fn read(path: &Path) -> Result<Source, Box<Diagnostic>> {
        let bytes = std::fs::read(path)
            .map_err(|e| Box::new(Diagnostic::file_level(path, messages::cannot_read(&e))))?;
        Source::from_bytes(path, &bytes)
    }

    /// Parse already-read bytes; `path` is only used in messages.
    pub fn from_bytes(path: &Path, bytes: &[u8]) -> Result<Source, Box<Diagnostic>> {
        let text = decode(path, bytes)?;
        Source::from_text(path, text)
    }

    pub fn from_text(path: &Path, text: String) -> Result<Source, Box<Diagnostic>> {
        let value: serde_yaml::Value = match serde_yaml::from_str(&text) {
            Ok(v) => v,
            Err(e) => return Err(Box::new(yaml_error(path, &text, &e))),
        };
        Ok(Source {
            path: path.to_path_buf(),
            text,
            value,
        })
    }

    /// The value at `path`, if there is one.
    pub fn value_at(&self, path: &FieldPath) -> Option<&serde_yaml::Value> {
        path.0.iter().try_fold(&self.value, |v, seg| match seg {
            Seg::Key(k) => v.get(k.as_str()),
            Seg::Index(i) => v.get(*i),
        })
    }

    /// 1-based line and column of the node (or key) at `path`.
    pub fn locate(&self, path: &FieldPath, target: Target) -> Option<(usize, usize)> {
        let de = serde_yaml::Deserializer::from_str(&self.text);
        let probe = Probe {
            path: &path.0,
            target,
        };
        match probe.deserialize(de) {
            Err(e) => e.location().map(|l| (l.line(), l.column())),
            Ok(()) => None,
        }
    }

    /// A diagnostic for `path`, located in this file.
    pub fn diagnostic(&self, path: &FieldPath, target: Target, message: Message) -> Diagnostic {
        let mut d = Diagnostic::file_level(&self.path, message);
        if !path.is_root() {
            d.field = Some(path.to_string());
        }
        match self.locate(path, target) {
            Some((line, col)) => d.at(&self.text, line, col),
            None => d,
        }
    }
}

/// UTF-8 with or without BOM; anything else is refused with the position
/// of the first bad byte.
fn decode(path: &Path, bytes: &[u8]) -> Result<String, Box<Diagnostic>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
            let column = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
            let lossy = String::from_utf8_lossy(bytes).into_owned();
            Err(Box::new(
                Diagnostic::file_level(path, messages::not_utf8())
                    .at(&lossy, line, column)
                    .with_help(messages::not_utf8_help()),
            ))
        }
    }
}

fn yaml_error(path: &Path, text: &str, e: &serde_yaml::Error) -> Diagnostic {
    let raw = e.to_string();
    if raw.contains("recursion limit") || raw.contains("repetition limit") {
        let d = Diagnostic::file_level(path, messages::yaml_too_deep());
        return match e.location() {
            Some(l) => d.at(text, l.line(), l.column()),
            None => d,
        };
    }
    if let Some(d) = duplicate_key(path, text, &raw) {
        return d;
    }
    // yaml_serde appends " at line L column C"; the location is shown separately.
    let detail = match raw.find(" at line ") {
        Some(i) => raw[..i].to_string(),
        None => raw,
    };
    let d = Diagnostic::file_level(path, messages::yaml_syntax(detail));
    match e.location() {
        Some(l) => {
            let near_tab = text
                .lines()
                .skip(l.line().saturating_sub(2))
                .take(2)
                .any(|line| line.trim_start_matches(' ').starts_with('\t'));
            let help = if near_tab {
                messages::yaml_tab_help()
            } else {
                messages::yaml_syntax_help()
            };
            d.at(text, l.line(), l.column()).with_help(help)
        }
        None => d,
    }
}

/// yaml_serde reports a duplicate key at the start of its mapping; point at
/// the second occurrence instead, which is the one to fix.
fn duplicate_key(path: &Path, text: &str, raw: &str) -> Option<Diagnostic> {
    let key = raw
        .split_once("duplicate entry with key \"")?
        .1
        .split_once('"')?
        .0;
    let mut places = text.lines().enumerate().filter_map(|(i, line)| {
        let body = line.trim_start_matches([' ', '-']);
        let rest = body.strip_prefix(key)?;
        rest.trim_start()
            .starts_with(':')
            .then(|| (i + 1, line.len() - body.len() + 1))
    });
    let d = Diagnostic::file_level(path, messages::duplicate_key(key))
        .with_help(messages::duplicate_key_help());
    Some(match (places.next(), places.next()) {
        (Some(_), Some((line, col))) => d.at(text, line, col),
        _ => d,
    })
}

/// Walks the document along `path` and fails at its end: see the module docs.
struct Probe<'p> {
    path: &'p [Seg],
    target: Target,
}

const HERE: &str = "unionplan-probe";

impl<'de> DeserializeSeed<'de> for Probe<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Probe<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML node")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let Some((first, rest)) = self.path.split_first() else {
            return Err(de::Error::custom(HERE));
        };
        let wanted = match first {
            Seg::Key(k) => Some(k.as_str()),
            Seg::Index(_) => None,
        };
        let key_is_target = rest.is_empty() && self.target == Target::Key;
        // Read every entry: stopping early would make the parser complain.
        while let Some(matched) = map.next_key_seed(KeyProbe {
            wanted,
            fail_on_match: key_is_target,
        })? {
            if matched {
                map.next_value_seed(Probe {
                    path: rest,
                    target: self.target,
                })?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let Some((first, rest)) = self.path.split_first() else {
            return Err(de::Error::custom(HERE));
        };
        let wanted = match first {
            Seg::Index(i) => Some(*i),
            Seg::Key(_) => None,
        };
        let mut i = 0;
        loop {
            if Some(i) == wanted {
                let found = seq.next_element_seed(Probe {
                    path: rest,
                    target: self.target,
                })?;
                if found.is_none() {
                    return Ok(());
                }
            } else if seq.next_element::<IgnoredAny>()?.is_none() {
                return Ok(());
            }
            i += 1;
        }
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.leaf()
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.leaf()
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.leaf()
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.leaf()
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        self.leaf()
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.leaf()
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.leaf()
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
        // A tagged node (`!tag value`): its position is the tag's.
        let (IgnoredAny, variant) = data.variant::<IgnoredAny>()?;
        de::VariantAccess::newtype_variant::<IgnoredAny>(variant)?;
        if self.path.is_empty() {
            Err(de::Error::custom(HERE))
        } else {
            Ok(())
        }
    }
}

impl Probe<'_> {
    fn leaf<E: de::Error>(self) -> Result<(), E> {
        if self.path.is_empty() {
            Err(E::custom(HERE))
        } else {
            Ok(())
        }
    }
}

/// Reads one mapping key; says whether it is the wanted one, or fails on it
/// when the key itself is what is being located.
struct KeyProbe<'k> {
    wanted: Option<&'k str>,
    fail_on_match: bool,
}

impl<'de> DeserializeSeed<'de> for KeyProbe<'_> {
    type Value = bool;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for KeyProbe<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a mapping key")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<bool, E> {
        let matched = self.wanted == Some(v);
        if matched && self.fail_on_match {
            Err(E::custom(HERE))
        } else {
            Ok(matched)
        }
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_unit<E: de::Error>(self) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(false)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(text: &str) -> Source {
        Source::from_text(Path::new("t.yaml"), text.to_string()).unwrap()
    }

    #[test]
    fn locates_values_and_keys_in_block_style() {
        let s = src(
            "school: 礼河\nmeasures:\n  - title: 甲\n    items:\n      - 乙\n      - title: 丙\n",
        );
        let p = FieldPath::root()
            .key("measures")
            .index(0)
            .key("items")
            .index(1)
            .key("title");
        assert_eq!(s.locate(&p, Target::Value), Some((6, 16)));
        assert_eq!(s.locate(&p, Target::Key), Some((6, 9)));
        let p = FieldPath::root()
            .key("measures")
            .index(0)
            .key("items")
            .index(0);
        assert_eq!(s.locate(&p, Target::Value), Some((5, 9)));
    }

    #[test]
    fn locates_in_flow_style_and_reports_missing_paths_as_none() {
        let s = src("schedule: [{month: 2, items: [a, b]}, {month: 13}]\n");
        let p = FieldPath::root().key("schedule").index(1).key("month");
        assert_eq!(s.locate(&p, Target::Value), Some((1, 47)));
        let p = FieldPath::root().key("nothing");
        assert_eq!(s.locate(&p, Target::Value), None);
    }

    #[test]
    fn paths_display_counting_from_one() {
        let p = FieldPath::root()
            .key("measures")
            .index(0)
            .key("items")
            .index(2)
            .key("title");
        assert_eq!(p.to_string(), "measures[1].items[3].title");
    }

    #[test]
    fn not_utf8_is_located() {
        let err =
            Source::from_bytes(Path::new("t.yaml"), b"school: a\nyear: \xB6\xFE\n").unwrap_err();
        assert_eq!((err.line, err.column), (Some(2), Some(7)));
    }

    #[test]
    fn bom_is_accepted() {
        let s = Source::from_bytes(Path::new("t.yaml"), b"\xEF\xBB\xBFschool: a\n").unwrap();
        assert_eq!(s.value["school"].as_str(), Some("a"));
    }
}
